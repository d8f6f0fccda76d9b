"""kill -9 in the middle of `marsad ingest`, run it again: every article stored exactly once, complete."""
import os
import signal
import subprocess
import sys
import time
from contextlib import closing

import pytest

from marsad.store import open_store

pytestmark = pytest.mark.slow  # kill -9 mid-ingest, on both backends

N_ARTICLES = 120
KILL_AFTER = 20  # articles committed before the kill
BATCH = "5"
TIMEOUT_S = 120


def _ingest_cmd(path, url):
    return [sys.executable, "-m", "marsad.cli", "ingest", str(path), "--db", url, "--batch", BATCH, "--no-progress"]


def _stored(url):
    """Articles committed so far, read over a plain connection (no schema check, no locks)."""
    try:
        if url.startswith("postgresql"):
            from marsad.store.postgres import connect

            with closing(connect(url)) as conn:
                cur = conn.cursor()
                cur.execute("SELECT COUNT(*) FROM articles")
                return cur.fetchone()[0]
        import sqlite3

        with closing(sqlite3.connect(url)) as conn:
            return conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    except Exception:  # noqa: BLE001 - the writer may not have made the tables yet
        return 0


def _snapshot(url):
    with open_store(url) as store:
        ids = [r[0] for r in store.rows("SELECT id FROM articles")]
        per_table = {t: sorted(store.rows(f"SELECT article_id, COUNT(*) FROM {t} GROUP BY article_id"))
                     for t in ("events", "claims", "entities", "quantities")}
        records = {r["id"]: r for r in store.iter_records()}
        searchable = store.count("article_search")
    return ids, per_table, records, searchable


def test_kill_9_mid_ingest_then_rerun_stores_each_article_once(db_url, slice_file):
    path = slice_file(300, 300 + N_ARTICLES)
    url = db_url
    proc = subprocess.Popen(_ingest_cmd(path, url), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + TIMEOUT_S
    while _stored(url) < KILL_AFTER:
        assert proc.poll() is None, f"ingest ended before it could be killed: {proc.stderr.read().decode()}"
        assert time.monotonic() < deadline
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    partial = _stored(url)
    assert KILL_AFTER <= partial < N_ARTICLES, "killed in the middle"

    rerun = subprocess.run(_ingest_cmd(path, url), capture_output=True, text=True, timeout=TIMEOUT_S)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{N_ARTICLES - partial} article(s) stored" in rerun.stderr
    assert f"{partial} already stored" in rerun.stderr

    # A clean run's result: the pipeline over the same file, in this process.
    from marsad.io.readers import read_articles
    from marsad.pipeline import default_pipeline

    clean = {a.id: default_pipeline()(a).to_dict() for a in read_articles([str(path)])}
    ids, per_table, records, searchable = _snapshot(url)
    assert len(ids) == len(set(ids)) == N_ARTICLES == searchable
    assert records == clean
    for table, key in (("events", "events"), ("claims", "claims"), ("entities", "entities")):
        assert per_table[table] == sorted((aid, len(r[key])) for aid, r in clean.items() if r[key])
    assert sum(n for _, n in per_table["quantities"]) == sum(
        len(x["quantities"]) for r in clean.values() for x in r["events"] + r["claims"])
