"""Data files shipped with Marsad (lexicons, actor base, char maps). See FORMATS.md."""
from __future__ import annotations

import csv
import json
from functools import cache
from importlib import resources as _res
from pathlib import Path


def path(name: str) -> Path:
    return Path(str(_res.files(__name__).joinpath(name)))


@cache
def load_json(name: str) -> dict:
    with path(name).open(encoding="utf-8") as fh:
        return json.load(fh)


def read_tsv(name: str) -> list[dict[str, str]]:
    """Rows of a resource TSV as dicts; `#` lines are comments."""
    with path(name).open(encoding="utf-8") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    return [{k: (v or "").strip() for k, v in row.items() if k} for row in reader]


@cache
def read_words(name: str) -> frozenset[str]:
    """A whitespace-separated word list (`#` lines are comments), folded for matching."""
    from marsad.text.normalize import fold

    words: set[str] = set()
    with path(name).open(encoding="utf-8") as fh:
        for line in fh:
            if not line.startswith("#"):
                words.update(fold(w) for w in line.split())
    return frozenset(words)


@cache
def grammar_words(name: str) -> frozenset[str]:
    """One closed class from grammar_words.tsv, folded."""
    from marsad.text.normalize import fold

    for row in read_tsv("grammar_words.tsv"):
        if row["name"] == name:
            return frozenset(fold(w) for w in row["words"].split("|") if w)
    raise KeyError(f"grammar_words.tsv has no set {name!r}")
