"""`marsad dedup --db` and `marsad export --db` on both stores, with real articles of pool_2000."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from marsad.dedup import dedup
from marsad.export.polecat import COLUMNS, POLECAT_COLUMNS
from marsad.store import open_store

MARSAD = str(Path(sys.executable).parent / "marsad")
# Khashoggi "killed inside the consulate": BBC Arabic (8 Oct 2018) and CNN Arabic (9 Oct 2018);
# and a France 24 article on Trump's call with Erdogan, which reports neither.
KHASHOGGI = ("ant2:BB-middleEast-1071-20181008", "ant2:CN-middleEast-1447-20181009")
OTHER = "ant2:FR-internationalNews-692-20180412"


def _marsad(*args: str) -> subprocess.CompletedProcess:
    run = subprocess.run([MARSAD, *args], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    return run


def _ingested(db_url: str, tmp_path: Path, corpus_lines: list[str]) -> list[str]:
    """Store the three articles; their ids in file (= ingest) order."""
    wanted = {*KHASHOGGI, OTHER}
    lines = [line for line in corpus_lines if json.loads(line)["id"] in wanted]
    path = tmp_path / "articles.jsonl"
    path.write_text("".join(lines), encoding="utf-8")
    assert "3 article(s) stored" in _marsad("ingest", str(path), "--db", db_url, "--no-progress", "--rules").stderr
    return [json.loads(line)["id"] for line in lines]


@pytest.mark.slow
def test_dedup_db_then_events_min_reports_gives_the_merged_event(db_url, tmp_path, corpus_lines,
                                                                 article_records, find_event):
    _ingested(db_url, tmp_path, corpus_lines)
    bbc, cnn, other = article_records(*KHASHOGGI, OTHER)
    run = _marsad("dedup", "--db", db_url)
    assert run.stdout == "" and "stored in" in run.stderr

    rows = [json.loads(line) for line in
            _marsad("events", "--db", db_url, "--min-reports", "2", "--format", "jsonl").stdout.splitlines()]
    # the killing inside the consulate, as each outlet reported it: one canonical event, 2 reports
    i, j = find_event(bbc, "ASSAULT", "داخل القنصلية"), find_event(cnn, "ASSAULT", "داخل القنصلية")
    killing = [r for r in rows if (r["article_id"], r["idx"]) in {(bbc["id"], i), (cnn["id"], j)}]
    assert len(killing) == 2
    assert killing[0]["canonical_id"] == killing[1]["canonical_id"]
    assert all(r["reports"] == 2 and r["type"] == "ASSAULT" for r in killing)
    assert {r["outlet"] for r in killing} == {"BBC Arabic", "CNN Arabic"}
    # exactly the events that dedup over the same records puts in clusters of 2+ articles
    result = dedup([bbc, cnn, other])
    merged = {c.id: c for c in result.canonical if c.reports >= 2}
    assert {(r["article_id"], r["idx"]) for r in rows} == {ref for ref, cid in result.links.items() if cid in merged}
    assert all(r["reports"] == merged[r["canonical_id"]].reports for r in rows)
    assert OTHER not in {r["article_id"] for r in rows}

    with open_store(db_url) as store:
        assert store.count("event_links") == sum(len(r["events"]) for r in (bbc, cnn, other))
        stored = dict(store.rows("SELECT id, n_reports FROM canonical_events"))
    assert stored == {c.id: c.reports for c in result.canonical}

    # dedup again: the same result, replaced rather than added
    _marsad("dedup", "--db", db_url)
    again = _marsad("events", "--db", db_url, "--min-reports", "2", "--format", "jsonl").stdout.splitlines()
    assert [json.loads(line) for line in again] == rows


@pytest.mark.slow
def test_export_db_polecat_streams_the_stored_events(db_url, tmp_path, corpus_lines, article_records):
    records = article_records(*_ingested(db_url, tmp_path, corpus_lines))
    out = _marsad("export", "--db", db_url, "--format", "polecat")
    table = list(csv.reader(io.StringIO(out.stdout), delimiter="\t"))
    n = sum(len(r["events"]) for r in records)
    # POLECAT's 40 columns, then Marsad's documented extra ones (Negated, Hedged, precisions …)
    assert table[0][:40] == list(POLECAT_COLUMNS) and len(POLECAT_COLUMNS) == 40 and table[0] == list(COLUMNS)
    assert len(table) == n + 1 and all(len(row) == len(COLUMNS) for row in table)
    assert f"{n} event(s) exported, 0 error(s)" in out.stderr
    # the store's records export exactly as the same records read from a JSONL file
    src = tmp_path / "records.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    assert _marsad("export", str(src), "--format", "polecat").stdout == out.stdout


@pytest.mark.slow
def test_export_and_dedup_need_files_or_db_not_both(tmp_path):
    for command in ("export", "dedup"):
        run = subprocess.run([MARSAD, command], capture_output=True, text=True)
        assert run.returncode == 2 and "--db" in run.stderr
        run = subprocess.run([MARSAD, command, "x.jsonl", "--db", str(tmp_path / "m.db")],
                             capture_output=True, text=True)
        assert run.returncode == 2 and "not both" in run.stderr
        run = subprocess.run([MARSAD, command, "--db", str(tmp_path / "typo.db")], capture_output=True, text=True)
        assert run.returncode == 2 and f"{tmp_path / 'typo.db'}: no such store" in run.stderr
        assert not (tmp_path / "typo.db").exists()


def test_iter_records_streams_every_article_once_in_ingest_order_across_pages(loaded, monkeypatch):
    """PostgreSQL reads pages of STREAM_ROWS records (keyset on seq): pages of 7 over 40 articles
    must neither drop nor repeat one at a page boundary; SQLite streams one cursor."""
    import marsad.store.postgres as pg

    store, records = loaded
    monkeypatch.setattr(pg, "STREAM_ROWS", 7)
    ids = [r["id"] for r in store.iter_records()]
    assert ids == [aid for (aid,) in store.rows("SELECT id FROM articles ORDER BY seq")]
    assert sorted(ids) == sorted(records)
    # a half-read stream leaves the connection usable (its read transaction ends)
    stream = store.iter_records()
    next(stream)
    stream.close()
    assert store.count("articles") == len(records)
