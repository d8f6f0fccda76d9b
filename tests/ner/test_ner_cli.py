"""`marsad eval ner` on a CoNLL file and on the committed dev split."""
from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from marsad.cli import app
from marsad.ner.conll import Split, write_conll
from marsad.ner.train import SPLIT_FILE


def test_eval_ner_on_a_file_prints_micro_and_per_type(shared: Path, tmp_path: Path):
    _, dev = Split.load(SPLIT_FILE).apply(shared)
    path = tmp_path / "dev50.txt"
    write_conll(dev[:50], path)
    out = CliRunner().invoke(app, ["eval", "ner", str(path)])
    assert out.exit_code == 0, out.output
    lines = out.output.splitlines()
    assert "50 sentences" in lines[0]
    rows = {ln.split()[0]: ln.split()[1:] for ln in lines[3:]}
    assert {"all", "PER", "LOC", "ORG"} <= set(rows)
    assert 0.5 < float(rows["all"][2]) <= 1.0  # F1 of the shipped model on these sentences


def test_eval_ner_names_a_bad_file(tmp_path: Path):
    bad = tmp_path / "empty.txt"
    bad.write_text("", encoding="utf-8")
    out = CliRunner().invoke(app, ["eval", "ner", str(bad)])
    assert out.exit_code == 2 and "empty.txt" in out.output and len(out.output.splitlines()) == 1
