"""`ingest --jobs N`: the workers extract, the parent decides the skips and writes: the same rows as one job."""
from __future__ import annotations

import io
from pathlib import Path

import pytest

from marsad.doc import Doc
from marsad.pipeline import Pipeline, default_pipeline
from marsad.store import open_store
from marsad.store.ingest import ingest
from stored import stored_rows  # beside this file


class FailsOnEveryArticle:
    """A last stage that fails on any article but the pipeline's own warm-up: proof that an article
    was not extracted."""

    name = "fails"
    requires = ("tokens",)
    provides: tuple[str, ...] = ()

    def __call__(self, doc: Doc) -> Doc:
        if doc.id != "warm-up":
            raise ValueError(f"{doc.id} was extracted")
        return doc


def test_two_jobs_store_the_rows_one_job_stores_and_a_rerun_extracts_nothing(new_db, seedlike_with_a_broken_file):
    paths = [str(seedlike_with_a_broken_file)]
    stored, reports = [], []
    for jobs in (1, 2):
        errors = io.StringIO()
        with open_store(new_db()) as store:
            stats = ingest(paths, store, batch_size=7, jobs=jobs, errors=errors)
            assert (stats.stored, stats.skipped, stats.errors) == (41, 0, 1)
            stored.append((stored_rows(store), list(store.iter_records())))
            reports.append(errors.getvalue())
            if jobs == 2:
                failing = Pipeline([*default_pipeline().stages, FailsOnEveryArticle()])
                again = ingest(paths, store, batch_size=7, jobs=2, pipeline=failing, errors=errors)
                assert (again.stored, again.skipped, again.errors) == (0, 41, 1)  # the broken line again
                assert stored_rows(store) == stored[1][0]
    assert stored[1] == stored[0]
    assert [r["id"] for r in stored[0][1]][:3] and len(stored[0][1]) == 41
    assert reports[1] == reports[0] and reports[0].count("error: ") == 1 and "invalid JSON" in reports[0]


def test_a_duplicate_id_and_a_failed_article_are_reported_in_input_order(db_url, tmp_path, corpus_lines):
    path = tmp_path / "dup.jsonl"
    lines = corpus_lines[:12]
    changed = lines[2].replace('"text": "', '"text": "تعديل ', 1)
    path.write_text("".join([*lines, lines[5], changed]), encoding="utf-8")
    runs = []
    for jobs in (1, 2):
        errors = io.StringIO()
        with open_store(db_url) as store:
            stats = ingest([str(path)], store, jobs=jobs, errors=errors, version=f"test-{jobs}")
            runs.append(((stats.stored, stats.skipped, stats.errors), errors.getvalue()))
    assert runs[0][0] == runs[1][0] == (12, 1, 1)
    assert runs[1][1] == runs[0][1] and "with other content; not stored" in runs[0][1]


def _alive(pid: int) -> bool:
    """The process runs (a zombie waiting for a parent to reap it does not)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


@pytest.mark.slow
def test_kill_9_of_an_ingest_with_two_jobs_leaves_no_worker_behind(tmp_path, slice_file):
    import os
    import signal
    import subprocess
    import sys
    import time

    path, db = slice_file(0, 400), tmp_path / "killed.db"
    proc = subprocess.Popen([sys.executable, "-m", "marsad.cli", "ingest", str(path), "--db", str(db), "--jobs", "2",
                             "--no-progress"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    children = Path(f"/proc/{proc.pid}/task/{proc.pid}/children")
    deadline = time.monotonic() + 120
    while len(workers := children.read_text().split()) < 2:
        assert proc.poll() is None and time.monotonic() < deadline, "ingest ended before its workers started"
        time.sleep(0.05)
    time.sleep(1)  # extracting
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 10  # a worker checks its parent every second
    while any(_alive(int(w)) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(int(w)) for w in workers), "an orphaned worker still runs"
