"""`ingest --dask`: partitions extracted on a real LocalCluster (worker processes) store exactly the
rows a plain ingest of the same input stores, on SQLite (the client writes) and PostgreSQL (the
workers write); a worker killed mid-run loses and duplicates nothing; a bad article is one error line."""
from __future__ import annotations

import io
import json
import os
import signal
from dataclasses import dataclass
from pathlib import Path

import pytest

from marsad.dask.dedup import dedup_store_dask
from marsad.dask.ingest import ingest_dask
from marsad.dask.partitions import plan
from marsad.doc import Doc
from marsad.pipeline import Pipeline, default_pipeline
from marsad.dedup.stored import dedup_store
from marsad.store import open_store
from marsad.store.ingest import ingest
from stored import stored_rows  # beside this file

pytestmark = pytest.mark.slow


def _plain(paths: list[str], url: str, **options) -> tuple[dict, tuple, list[str]]:
    errors = io.StringIO()
    with open_store(url) as store:
        stats = ingest(paths, store, errors=errors, progress=False, **options)
        return stored_rows(store), (stats.stored, stats.replaced, stats.skipped, stats.errors), _lines(errors)


def _lines(stream: io.StringIO) -> list[str]:
    return [line for line in stream.getvalue().splitlines() if line.startswith(("error:", "warning:", "note:"))]


def test_dask_ingest_stores_the_rows_of_a_plain_ingest_and_a_rerun_skips_them(
        new_db, dask_client, seedlike_with_a_broken_file, slice_file):
    jsonl = slice_file(0, 40)
    paths = [str(seedlike_with_a_broken_file), str(jsonl)]
    parts = plan(paths, 20_000)
    assert sum(p.path == str(jsonl) for p in parts) >= 5  # the JSONL file is read in byte ranges
    rows, counts, lines = _plain(paths, new_db())
    assert counts == (81, 0, 0, 1) and len(lines) == 1 and "invalid JSON" in lines[0]
    url = new_db()
    with open_store(url) as store:
        errors = io.StringIO()
        stats = ingest_dask(paths, store, dask_client, partition_bytes=20_000, errors=errors)
        assert (stats.stored, stats.replaced, stats.skipped, stats.errors) == counts
        assert _lines(errors) == lines
        assert stored_rows(store) == rows  # origins (FILE:LINE) included: each range knows its first line
        again = ingest_dask(paths, store, dask_client, partition_bytes=20_000, errors=io.StringIO())
        assert (again.stored, again.skipped, again.errors) == (0, 81, 1)
        assert stored_rows(store) == rows


class FailsOn:
    """A last stage that fails on one article (a stand-in for a pipeline bug that one article triggers)."""

    name = "fails"
    requires = ("tokens",)
    provides: tuple[str, ...] = ()

    def __init__(self, article_id: str):
        self.article_id = article_id

    def __call__(self, doc: Doc) -> Doc:
        if doc.id == self.article_id:
            raise ValueError("this article breaks the pipeline")
        return doc


@dataclass(frozen=True)
class FailingPipeline:
    """Makes the pipeline with FailsOn last (LocalCluster's worker processes import this module: they
    start with this process's sys.path); equal instances are one pipeline per worker process."""

    article_id: str

    def __call__(self) -> Pipeline:
        return Pipeline([*default_pipeline().stages, FailsOn(self.article_id)])


def test_a_bad_article_inside_a_partition_is_its_one_error_line_and_the_partition_goes_on(
        new_db, dask_client, tmp_path, corpus_lines):
    lines = corpus_lines[40:64]
    failing = FailingPipeline(json.loads(lines[5])["id"])
    lines.insert(12, '{"id": "torn", "text": "قال الوزير\n')  # an unreadable record, mid-partition too
    path = tmp_path / "bad.jsonl"
    path.write_text("".join(lines), encoding="utf-8")
    assert len(plan([str(path)], 40_000)) >= 2
    rows, counts, report = _plain([str(path)], new_db(), pipeline=failing())
    assert counts == (23, 0, 0, 2) and any("this article breaks the pipeline" in line for line in report)
    with open_store(new_db()) as store:
        errors = io.StringIO()
        stats = ingest_dask([str(path)], store, dask_client, partition_bytes=40_000, errors=errors,
                            pipeline=failing)
        assert (stats.stored, stats.replaced, stats.skipped, stats.errors) == counts
        assert sorted(_lines(errors)) == sorted(report)  # the same lines (extraction errors come as partitions end)
        assert stored_rows(store) == rows


def test_a_worker_killed_mid_run_loses_and_duplicates_nothing(new_db, dask_client, slice_file):
    path = slice_file(64, 124, "kill.jsonl")
    rows, counts, _ = _plain([str(path)], new_db())
    pids = dask_client.run(os.getpid)
    killed: list[int] = []

    def kill_a_busy_worker(done: int) -> None:
        """After the first partition is stored, SIGKILL a worker that has partitions to extract."""
        if done != 1:
            return
        busy = [addr for addr, keys in dask_client.processing().items() if keys]
        assert busy, "no worker left extracting: the kill would test nothing"
        os.kill(pids[busy[0]], signal.SIGKILL)
        killed.append(pids[busy[0]])

    with open_store(new_db()) as store:
        stats = ingest_dask([str(path)], store, dask_client, partition_bytes=15_000, errors=io.StringIO(),
                            on_partition=kill_a_busy_worker)
        assert killed
        assert (stats.stored, stats.replaced, stats.skipped, stats.errors) == counts == (60, 0, 0, 0)
        assert stored_rows(store) == rows
    dask_client.wait_for_workers(2, timeout=120)  # the nanny restarts it for the next tests


def _clusters(url: str) -> list[list[tuple]]:
    with open_store(url, readonly=True) as store:
        return [sorted(store.rows(f"SELECT * FROM {t}"), key=repr) for t in ("canonical_events", "event_links")]


def test_dedup_of_a_store_on_dask_stores_what_plain_dedup_stores(db_url, dask_client, tmp_path, corpus_lines):
    path = tmp_path / "pool2018.jsonl"
    path.write_text("".join([line for line in corpus_lines if '"date": "2018-0' in line][:90]), encoding="utf-8")
    with open_store(db_url) as store:
        assert ingest([str(path)], store, errors=io.StringIO()).stored == 90
        expected = dedup_store(store)
    stored = _clusters(db_url)
    assert sum(c.reports > 1 for c in expected.canonical) > 0 and len(stored[1]) > 100
    got = dedup_store_dask(db_url, dask_client, rows_per_partition=9)  # replaces them, as plain dedup does
    assert got.links == expected.links
    assert _clusters(db_url) == stored


def test_sqlite_on_a_remote_cluster_is_refused(tmp_path):
    from typer.testing import CliRunner

    from marsad.cli import app

    result = CliRunner().invoke(app, ["ingest", "x.jsonl", "--db", str(tmp_path / "m.db"), "--dask", "tcp://127.0.0.1:8786"])
    assert result.exit_code == 2 and "SQLite takes --dask local:N" in result.output
    result = CliRunner().invoke(app, ["ingest", "x.jsonl", "--db", str(tmp_path / "m.db"), "--dask", "local:2", "-j", "2"])
    assert result.exit_code == 2 and "--dask and --jobs exclude each other" in result.output
    result = CliRunner().invoke(app, ["ingest", "x.jsonl", "--db", str(tmp_path / "m.db"), "--dask", "local"])
    assert result.exit_code == 2 and "--dask takes local:N" in result.output


def test_the_cli_ingests_with_a_local_cluster(tmp_path, slice_file):
    from typer.testing import CliRunner

    from marsad.cli import app

    path, db = slice_file(0, 6), tmp_path / "cli.db"
    result = CliRunner().invoke(app, ["ingest", str(path), "--db", str(db), "--dask", "local:1", "--no-progress"])
    assert result.exit_code == 0, result.output
    assert "6 article(s) stored (0 re-extracted), 0 already stored, 0 error(s)" in result.output
    with open_store(str(db)) as store:
        assert store.count("articles") == 6
    assert Path(str(db)).is_file()
