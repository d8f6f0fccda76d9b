"""Exact match, CER and the `eval names` report on hand-built files with known counts."""
from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from marsad.cli import app
from marsad.names.evaluate import closest, evaluate_names, read_references
from marsad.names.metrics import edit_distance, score


def test_edit_distance() -> None:
    assert edit_distance("kitten", "sitting") == 3
    assert edit_distance("", "abc") == 3
    assert edit_distance("putin", "putin") == 0


def test_score_is_case_insensitive_and_corpus_level() -> None:
    s = score([("Trump", "trump"), ("donalt", "donald"), ("x", "abcd")])
    assert (s.n, s.exact, s.edits, s.ref_chars) == (3, 1, 5, 15)
    assert s.accuracy == 1 / 3
    assert s.cer == 5 / 15  # sum of edits over sum of reference lengths, not a mean of ratios


def test_closest_reference() -> None:
    assert closest("merkel", ["merkell", "merkel"]) == "merkel"
    assert closest("mohamad", ["muhammad", "mohammad"]) == "mohammad"


def test_eval_file_with_several_references_and_a_bad_line(tmp_path: Path) -> None:
    f = tmp_path / "tiny.txt"
    f.write_text("ترامب\ttrump\n"
                 "دونالد\tdonalt\n"          # the dictionary says donald: one edit
                 "ميركل\tmerkell\tmerkel\n"  # two acceptable spellings on one line
                 "بوتين\tputin\n"
                 "بوتين\tpoutine\n"          # a repeated word adds a reference
                 "no tab here\n", encoding="utf-8")
    refs, errors = read_references(f)
    assert refs["بوتين"] == ["putin", "poutine"] and refs["ميركل"] == ["merkell", "merkel"]
    assert len(errors) == 1 and ":6:" in errors[0]
    ev = evaluate_names(f)
    full = ev.rows["full system (dictionary + model)"]
    assert (full.n, full.exact, full.edits, full.ref_chars) == (4, 3, 1, 5 + 6 + 6 + 5)
    assert ev.covered == 4 and ev.total == 4


def test_eval_names_command(tmp_path: Path) -> None:
    f = tmp_path / "tiny.txt"
    f.write_text("ترامب\ttrump\nدونالد\tdonald\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "names", str(f)])
    assert result.exit_code == 0, result.output
    assert "full system" in result.output and "1.000" in result.output
    missing = CliRunner().invoke(app, ["eval", "names", str(tmp_path / "none.txt")])
    assert missing.exit_code != 0 and "none.txt" in missing.output
