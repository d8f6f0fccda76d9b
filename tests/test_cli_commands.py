"""The command set: the `eval` group and its old names, `python -m marsad`, and user errors that are
one `error: …` line with exit 2 (issue 14: `marsad eval missing.jsonl` printed a 33-line traceback)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from marsad import __version__
from marsad.cli import app

REPO = Path(__file__).resolve().parents[1]
DEPRECATED = "is deprecated and goes in the next release"


@pytest.fixture(scope="module")
def runner():
    return CliRunner()


@pytest.fixture(scope="module")
def gold_and_system(tmp_path_factory, gold_rows):
    """Two gold articles and the pipeline's records for them."""
    from marsad.eval.gold import system_records
    from marsad.pipeline import default_pipeline

    rows = gold_rows[:2]
    root = tmp_path_factory.mktemp("eval")
    gold, system = root / "gold.jsonl", root / "system.jsonl"
    gold.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    records = system_records(rows, default_pipeline())
    system.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records.values()), encoding="utf-8")
    return gold, system


def test_eval_events_and_the_old_form_give_the_same_report(runner, gold_and_system):
    gold, system = gold_and_system
    new = runner.invoke(app, ["eval", "events", str(gold), "--system", str(system), "--no-misses"])
    assert new.exit_code == 0, new.output
    assert "events strict" in new.stdout and new.stderr == ""
    for old_args in (["eval", str(gold), "--system", str(system), "--no-misses"],
                     ["eval", "--system", str(system), str(gold), "--no-misses"]):
        old = runner.invoke(app, old_args)
        assert old.exit_code == 0, old.output
        assert old.stdout == new.stdout
        assert old.stderr == ("warning: 'marsad eval GOLD' is deprecated and goes in the next release; "
                              "use 'marsad eval events GOLD'\n")


def test_old_eval_names_still_run_with_a_note(runner, tmp_path):
    names = tmp_path / "names.txt"
    names.write_text("ترامب\ttrump\n", encoding="utf-8")
    new = runner.invoke(app, ["eval", "names", str(names)])
    old = runner.invoke(app, ["eval-names", str(names)])
    assert new.exit_code == old.exit_code == 0
    assert "full system" in new.stdout and new.stderr == ""
    assert old.stderr.splitlines() == ["warning: 'marsad eval-names' " + DEPRECATED + "; use 'marsad eval names'"]
    # the timing line differs run to run; the scores do not
    assert old.stdout.splitlines()[:5] == new.stdout.splitlines()[:5]
    conll = tmp_path / "one.conll"
    conll.write_text("اتهمت O\nروسيا B-LOC\n", encoding="utf-8")
    old = runner.invoke(app, ["eval-ner", str(conll)])
    assert old.exit_code == 0, old.output
    assert old.stderr.startswith("warning: 'marsad eval-ner' " + DEPRECATED)
    assert "1 sentences" in old.stdout


def test_the_old_names_are_hidden_from_help(runner):
    listing = runner.invoke(app, ["--help"]).stdout
    assert " eval " in listing and "eval-ner" not in listing and "eval-names" not in listing
    group = runner.invoke(app, ["eval", "--help"]).stdout
    assert all(f" {name} " in group for name in ("events", "ner", "names"))


def test_a_typo_in_a_subcommand_is_not_read_as_a_gold_file(runner):
    result = runner.invoke(app, ["eval", "evnts"])
    assert result.exit_code == 2 and result.stderr.startswith("error: No such command 'evnts'")
    assert DEPRECATED not in result.stderr


def test_python_dash_m_marsad_runs_the_command():
    run = subprocess.run([sys.executable, "-m", "marsad", "--version"], capture_output=True, text=True, check=True)
    assert run.stdout == f"marsad {__version__}\n"
    bad = subprocess.run([sys.executable, "-m", "marsad", "eval", "missing.jsonl"], capture_output=True, text=True)
    assert bad.returncode == 2 and bad.stderr == "error: GOLD: file 'missing.jsonl' does not exist.\n"


def _files(tmp_path: Path) -> dict[str, Path]:
    notjson, notnames, folder = tmp_path / "bad.jsonl", tmp_path / "bad.txt", tmp_path / "folder"
    notjson.write_text("root:x:0:0\n", encoding="utf-8")
    notnames.write_text("no tab here\n", encoding="utf-8")
    folder.mkdir()
    nogold = tmp_path / "nogold.jsonl"
    nogold.write_text('{"id": "a"}\n', encoding="utf-8")
    nerdata = tmp_path / "nerdata"
    (nerdata / "ner").mkdir(parents=True)  # a data directory the option check accepts, without ../shared
    return {"NOTJSON": notjson, "NOTNAMES": notnames, "DIR": folder, "NOGOLD": nogold, "NERDATA": nerdata}


BAD_COMMANDS = [
    (["eval", "events", "missing.jsonl"], "GOLD: file 'missing.jsonl' does not exist"),
    (["eval", "events", "NOTJSON"], "bad.jsonl:1: invalid JSON"),
    (["eval", "events", "NOGOLD"], "nogold.jsonl:1: no text (a string) in the record"),
    (["eval", "events", "NOGOLD", "--system", "NOTJSON"], "nogold.jsonl:1: no text"),
    (["eval", "ner", "DIR"], "folder: cannot read"),
    (["eval", "ner", "NOTJSON"], "bad.jsonl:1: expected 'token tag'"),
    (["eval", "ner"], "give a CONLL_FILE or --dev"),
    (["eval", "ner", "--dev", "--data", "DIR"], "--data: "),
    (["eval", "names", "NOTNAMES"], "bad.txt: no 'arabic<TAB>latin' line to score"),
    (["eval", "names", "--data", "DIR"], "TEST_FILE: "),
    (["extract", "x.txt", "--format", "xml"], "--format: 'xml' is not one of 'text', 'jsonl'"),
    (["extract", "x.txt", "--long", "cut"], "--long: 'cut' is not one of 'split', 'refuse'"),
    (["ingest", "x.txt", "--long", "cut"], "--long: 'cut' is not one of 'split', 'refuse'"),
    (["export", "x.jsonl", "--format", "xml"],
     "--format: 'xml' is not one of 'plover', 'polecat', 'csv', 'parquet', 'jsonl', 'icews'"),
    (["export", "x.jsonl", "--out", "DIR/no/x.csv"], "directory"),
    (["export", "x.jsonl", "--out", "DIR"], "folder is a directory"),
    (["dedup", "x.jsonl", "--out", "DIR/no/x.jsonl"], "does not exist"),
    (["dedup", "x.jsonl", "--settings", "missing.toml"], "--settings: missing.toml: no such file"),
    (["train", "ner", "--data", "NERDATA", "--out", "DIR"], "is a directory"),
    (["train", "names", "--data", "DIR"], "no gazetteers/ directory here"),
]


@pytest.mark.parametrize("args, message", BAD_COMMANDS)
def test_every_user_error_is_one_line_and_exit_2(runner, tmp_path, args, message):
    files = _files(tmp_path)
    args = [next((str(p) + a[len(k):] for k, p in files.items() if a.startswith(k)), a) for a in args]
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    assert len(result.stderr.splitlines()) == 1 and result.stderr.startswith("error: "), result.stderr
    assert message in result.stderr
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit)


@pytest.mark.parametrize("args", [["events"], ["claims"], ["search", "العراق"], ["export"], ["dedup"]])
def test_every_command_but_ingest_needs_an_existing_store(runner, tmp_path, args):
    typo = tmp_path / "typo.db"
    result = runner.invoke(app, [*args, "--db", str(typo)])
    assert result.exit_code == 2
    assert result.stderr == f"error: {typo}: no such store (make one with marsad ingest)\n"
    assert not typo.exists()  # no empty store made on the way
