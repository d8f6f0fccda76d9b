"""`--jobs N` when the OS kills a worker process (SIGKILL, the out-of-memory killer): the lost chunk
is extracted again on a fresh pool once; a chunk whose worker dies twice stops the run with a clear
error naming the articles not extracted, and ingest keeps what it stored (a rerun stores the rest)."""
from __future__ import annotations

import io
import os
import re
import signal
from pathlib import Path

from marsad.batch import run_extract
from marsad.doc import Doc
from marsad.pipeline import Pipeline, default_pipeline
from marsad.store import open_store
from marsad.store.ingest import ingest


class KilledOn:
    """A last stage whose process is SIGKILLed when it reaches the article named: the first time only
    when `once` (a marker file says it happened: the retry runs in another process), else every time.
    Only ever in a worker: with jobs=1 it would kill the test itself."""

    name = "killed"
    requires = ("tokens",)
    provides: tuple[str, ...] = ()

    def __init__(self, article: str, marker: Path | None = None):
        self.article, self.marker, self.parent = article, marker, os.getpid()

    def __call__(self, doc: Doc) -> Doc:
        if doc.id == self.article and os.getpid() != self.parent:
            if self.marker is None or not self.marker.exists():
                if self.marker is not None:
                    self.marker.write_text("killed once", encoding="utf-8")
                os.kill(os.getpid(), signal.SIGKILL)
        return doc


def _lost_lines(report: str, path: Path) -> set[int]:
    """The line numbers of `path` the report names as not extracted (`path:9–40`, `path:7`)."""
    lines: set[int] = set()
    for first, last in re.findall(rf"{re.escape(str(path))}:(\d+)(?:–(\d+))?", report):
        lines.update(range(int(first), int(last or first) + 1))
    return lines


def _corpus(corpus_lines: list[str], tmp_path: Path, n: int = 40) -> tuple[Path, list[str]]:
    import json

    path = tmp_path / "slice.jsonl"
    path.write_text("".join(corpus_lines[:n]), encoding="utf-8")
    return path, [json.loads(line)["id"] for line in corpus_lines[:n]]


def test_a_worker_killed_once_is_replaced_and_its_articles_extracted_again(corpus_lines, tmp_path):
    path, ids = _corpus(corpus_lines, tmp_path)
    expected, quiet = io.StringIO(), io.StringIO()
    run_extract([str(path)], expected, jobs=1, errors=quiet)
    out, errors = io.StringIO(), io.StringIO()
    pipeline = Pipeline([*default_pipeline().stages, KilledOn(ids[21], tmp_path / "killed")])
    stats = run_extract([str(path)], out, pipeline=pipeline, jobs=2, errors=errors)
    assert (tmp_path / "killed").exists()  # the worker did die
    assert (stats.ok, stats.errors) == (40, 0)
    assert errors.getvalue() == ""
    assert out.getvalue() == expected.getvalue()  # byte-identical, in input order


def test_a_worker_killed_twice_on_the_same_chunk_stops_extract_naming_the_articles(corpus_lines, tmp_path):
    path, ids = _corpus(corpus_lines, tmp_path)
    out, errors = io.StringIO(), io.StringIO()
    pipeline = Pipeline([*default_pipeline().stages, KilledOn(ids[21])])
    stats = run_extract([str(path)], out, pipeline=pipeline, jobs=2, errors=errors)
    written = [line for line in out.getvalue().splitlines()]
    assert len(written) == stats.ok and stats.ok <= 16  # the chunks before the killing one (8 articles each)
    report = errors.getvalue()
    assert report.startswith("error: a worker process was killed by SIGKILL (by the OS; out of memory is the "
                             "usual cause), twice on the same articles: the run stopped. Not extracted: ")
    lost = _lost_lines(report, path)
    assert 22 in lost  # the article that kills (line 22 of the file), with its chunk (17–24) at least
    assert set(range(17, 25)) <= lost and stats.errors == len(lost) and stats.ok + len(lost) == 40


def test_ingest_keeps_what_it_stored_before_a_worker_killed_twice_and_a_rerun_stores_the_rest(
        corpus_lines, tmp_path):
    path, ids = _corpus(corpus_lines, tmp_path)
    db = str(tmp_path / "marsad.db")
    errors = io.StringIO()
    pipeline = Pipeline([*default_pipeline().stages, KilledOn(ids[21])])
    with open_store(db) as store:
        stats = ingest([str(path)], store, batch_size=5, jobs=2, pipeline=pipeline, errors=errors,
                       version="kill-test")
        assert "was killed by SIGKILL" in errors.getvalue() and 22 in _lost_lines(errors.getvalue(), path)
        assert 0 < stats.stored <= 16 and stats.errors >= 8
        stored_before = {r["id"] for r in store.iter_records()}
        assert len(stored_before) == stats.stored and ids[21] not in stored_before
        again = ingest([str(path)], store, batch_size=5, jobs=2, errors=io.StringIO(), version="kill-test")
        assert (again.stored, again.skipped, again.errors) == (40 - stats.stored, stats.stored, 0)
        assert sorted(r["id"] for r in store.iter_records()) == sorted(ids)
