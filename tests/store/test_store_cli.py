"""The store's commands end to end through the CLI, on both backends."""
import csv
import io
import json

import pytest
from typer.testing import CliRunner

from marsad.cli import app


@pytest.fixture(scope="module")
def runner():
    return CliRunner()


@pytest.fixture
def ingested(runner, db_url, slice_file, corpus_lines):
    path = slice_file(0, 20)
    path.write_text(path.read_text(encoding="utf-8") + "[1, 2]\n", encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(path), "--db", db_url, "--batch", "7"])
    return db_url, path, result


def test_ingest_reports_bad_lines_finishes_the_batch_and_exits_1(runner, ingested):
    db_url, path, result = ingested
    assert result.exit_code == 1
    assert f"error: {path}:21: line is not a JSON object" in result.stderr
    assert "20 article(s) stored (0 re-extracted), 0 already stored, 1 error(s)" in result.stderr
    again = runner.invoke(app, ["ingest", str(path), "--db", db_url])
    assert "0 article(s) stored (0 re-extracted), 20 already stored, 1 error(s)" in again.stderr


def test_search_prints_ranked_articles_with_marked_snippets(runner, ingested):
    db_url, _, _ = ingested
    result = runner.invoke(app, ["search", "بالعراق", "--db", db_url, "--limit", "3"])
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("1. [") and len([ln for ln in lines if ln[:1].isdigit()]) == 3
    assert "**" in lines[2] and "العراق" in lines[2].split("**")[1]
    assert "3 article(s)" in result.stderr


def test_events_as_table_csv_and_jsonl_agree(runner, ingested):
    db_url, _, _ = ingested
    args = ["events", "--db", db_url, "--type", "ASSAULT", "--limit", "5"]
    table = runner.invoke(app, [*args, "--format", "table"])
    rows = list(csv.DictReader(io.StringIO(runner.invoke(app, [*args, "--format", "csv"]).stdout)))
    lines = [json.loads(ln) for ln in runner.invoke(app, [*args, "-f", "jsonl"]).stdout.splitlines()]
    assert table.exit_code == 0 and len(rows) == len(lines) == 5
    assert table.stdout.splitlines()[0].split()[:3] == ["date", "type", "mode"]
    assert len(table.stdout.splitlines()) == 6
    assert [r["article_id"] for r in rows] == [ln["article_id"] for ln in lines]
    assert {ln["type"] for ln in lines} == {"ASSAULT"} and all(isinstance(ln["hedged"], bool) for ln in lines)
    for ln in lines:
        assert ln["article_id"] + "#" + str(ln["idx"]) in table.stdout


def test_claims_command(runner, ingested):
    db_url, _, _ = ingested
    result = runner.invoke(app, ["claims", "--db", db_url, "-f", "jsonl", "--limit", "4"])
    assert result.exit_code == 0
    rows = [json.loads(ln) for ln in result.stdout.splitlines()]
    assert len(rows) == 4 and all(r["content_text"] for r in rows)


@pytest.mark.parametrize("args, message", [
    (["events", "--near", "33,36"], "LAT,LON,KM"),
    (["events", "--since", "2018-13-01"], "not a real date"),
    # issue 13: values v0.5.0 took (compared as strings, or stored) or answered with a traceback
    (["events", "--since", "20180101"], "is not a date YYYY-MM-DD, YYYY-MM or YYYY"),
    (["events", "--until", "2018-W01-1"], "is not a date YYYY-MM-DD, YYYY-MM or YYYY"),
    (["events", "--limit", "-1"], "--limit"),
    (["claims", "--limit", "-1"], "--limit"),
    (["events", "--type", ","], "names no type (valid: AGREE"),
    (["events", "--type", "ACCUSE,BOMB"], "unknown type 'BOMB'"),
    (["events", "--min-reports", "99999999999999999999"], "--min-reports"),
    (["events", "--source", "a\x00b"], "NUL"),
    (["ingest", "x.txt", "--date", "yesterday"], "not a day YYYY-MM-DD"),
    (["extract", "x.txt", "--date", "0001-01-01"], "outside the years"),
    (["extract", "x.txt", "--out", "/nonexistent/x"], "--out: /nonexistent/x: directory /nonexistent does not exist"),
    (["eval", "missing.jsonl"], "does not exist"),
    (["eval", "events", "missing.jsonl"], "GOLD: file 'missing.jsonl' does not exist"),
    (["events", "--format", "xml"], "--format: 'xml' is not one of 'table', 'csv', 'jsonl'"),
    (["search", "العراق", "--db", "mysql://u@h/x"], "unknown database scheme"),
    (["events", "--db", "/no/such/dir/m.db"], "does not exist"),
    (["search", "x", "--db", "postgresql://nobody@/nodb?host=/no/such/dir"], "cannot connect"),
])
def test_bad_options_are_named(runner, args, message):
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert len(result.stderr.splitlines()) == 1 and result.stderr.startswith("error: ")  # one line, no traceback
