"""Batch extraction (`marsad extract` as a plain function): read, run the pipeline, write."""
from __future__ import annotations

import sys
from dataclasses import dataclass
from functools import partial
from typing import TextIO

from marsad.io.readers import ReadError, read_articles
from marsad.io.writers import summary, to_jsonl
from marsad.limits import DEFAULT_LONG, DEFAULT_MAX_CHARS, check_limits, limit_articles
from marsad.parallel import NoteBuffer, OrderedPool, WorkerLost, check_jobs, jobs_for, lost_report
from marsad.pipeline import Pipeline, default_pipeline, extraction_failure
from marsad.types import ArticleInput


@dataclass
class Stats:
    ok: int = 0
    errors: int = 0


def run_extract(paths: list[str], out: TextIO, fmt: str = "jsonl", date: str | None = None,
                pipeline: Pipeline | None = None, errors: TextIO | None = None,
                max_chars: int = DEFAULT_MAX_CHARS, long: str = DEFAULT_LONG, explain: bool = False,
                progress: str = "off", jobs: int = 1) -> Stats:
    """Process every article; a bad input is reported on `errors` and skipped, and what
    reading an article had to do (a bad byte replaced) is a `warning:` line there.
    An article over `max_chars` characters is split into parts or refused
    (`long`, see marsad.limits). `explain` adds the rules that produced each
    event and claim (marsad.io.writers). `progress`: bar, lines or off (marsad.io.progress).
    `jobs`: worker processes extracting (marsad.parallel); the output is the same for any number."""
    from marsad.io.progress import RunProgress, count_articles

    check_limits(max_chars, long)
    check_jobs(jobs)
    pipeline = pipeline or default_pipeline()
    pipeline.warm_up(freeze=True)
    errors = errors or sys.stderr
    stats = Stats()
    total = count_articles(paths) if progress != "off" else None
    work = partial(extracted, fmt=fmt, explain=explain)
    # the pool forks before the progress bar starts its thread
    with OrderedPool(work, pipeline, jobs_for(paths, jobs)) as pool, \
            RunProgress(progress, errors, total, "extract", ("errors",)) as bar:
        notes = NoteBuffer()
        articles = limit_articles(read_articles(paths, default_date=date), max_chars, long, note=notes)
        tasks = ((_Read(item, notes.take()), None if isinstance(item, ReadError) else item) for item in articles)
        read = 0
        try:
            for read_item, result in pool.map(tasks):
                for note in read_item.notes:
                    bar.report(note)
                item = read_item.item
                read += 1
                bar.update(read, errors=stats.errors)
                if isinstance(item, ReadError):
                    bar.report(f"error: {item}")
                    stats.errors += 1
                    continue
                for warning in item.warnings:
                    bar.report(f"warning: {warning}")
                ok, text = result
                if not ok:
                    bar.report(f"error: {item.origin}: {text}")
                    stats.errors += 1
                    continue
                out.write(text)
                stats.ok += 1
        except WorkerLost as lost:  # a worker killed twice on the same articles: stop, say what was not done
            for line in lost_report(lost, [c.item.origin for c in lost.lost]):
                bar.report(line)
            stats.errors += len(lost.lost)
        for note in notes.take():
            bar.report(note)
        bar.update(read, errors=stats.errors)
    return stats


@dataclass(frozen=True)
class _Read:
    """An item as read, with the notes said while reading it (they print before it)."""

    item: ArticleInput | ReadError
    notes: tuple[str, ...]


def extracted(pipeline: Pipeline, item: ArticleInput, fmt: str, explain: bool) -> tuple[bool, str]:
    """(True, the article's output) or (False, why its extraction failed): runs in a worker with --jobs."""
    try:
        doc = pipeline(item)
    except Exception as exc:  # noqa: BLE001 - one broken article never stops a batch
        return False, extraction_failure(exc)
    return True, (to_jsonl(doc, explain) + "\n" if fmt == "jsonl" else summary(doc, explain) + "\n\n")
