"""docs/codebook.md is current: its generated tables are what the code and resources give now,
and it documents every export column, type and sector."""
from __future__ import annotations

from pathlib import Path

from marsad.export.codebook import BLOCKS, update
from marsad.export.flat import NAMES
from marsad.export.polecat import EXTRA_COLUMNS
from marsad.grammar.ontology import PLOVER_TYPES

CODEBOOK = Path(__file__).resolve().parents[2] / "docs" / "codebook.md"


def test_generated_tables_are_current():
    text = CODEBOOK.read_text(encoding="utf-8")
    assert all(f"<!-- generated:{name} -->" in text for name in BLOCKS)
    assert update(text) == text, "run: python -m marsad.export.codebook docs/codebook.md"


def test_every_column_type_and_sector_is_documented():
    text = CODEBOOK.read_text(encoding="utf-8")
    assert all(f"| `{name}` |" in text for name in NAMES)
    assert all(f"| `{name}` |" in text for name in EXTRA_COLUMNS)
    assert all(f"| {t} |" in text for t in PLOVER_TYPES)
    from marsad.resources import read_tsv

    assert all(f"| {r['sector']} |" in text for r in read_tsv("actors.tsv") if r["sector"])
