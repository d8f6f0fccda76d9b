"""Batch extraction (`marsad extract` as a plain function): read, run the pipeline, write."""
from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import TextIO

from marsad.io.readers import ReadError, read_articles
from marsad.io.writers import summary, to_jsonl
from marsad.limits import DEFAULT_LONG, DEFAULT_MAX_CHARS, check_limits, limit_articles
from marsad.pipeline import Pipeline, default_pipeline, extraction_failure


@dataclass
class Stats:
    ok: int = 0
    errors: int = 0


def run_extract(paths: list[str], out: TextIO, fmt: str = "jsonl", date: str | None = None,
                pipeline: Pipeline | None = None, errors: TextIO | None = None,
                max_chars: int = DEFAULT_MAX_CHARS, long: str = DEFAULT_LONG, explain: bool = False,
                progress: str = "off") -> Stats:
    """Process every article; a bad input is reported on `errors` and skipped, and what
    reading an article had to do (a bad byte replaced) is a `warning:` line there.
    An article over `max_chars` characters is split into parts or refused
    (`long`, see marsad.limits). `explain` adds the rules that produced each
    event and claim (marsad.io.writers). `progress`: bar, lines or off (marsad.store.progress)."""
    from marsad.io.progress import RunProgress, count_articles

    check_limits(max_chars, long)
    pipeline = pipeline or default_pipeline()
    pipeline.warm_up(freeze=True)
    errors = errors or sys.stderr
    stats = Stats()
    total = count_articles(paths) if progress != "off" else None
    with RunProgress(progress, errors, total, "extract", ("errors",)) as bar:
        articles = limit_articles(read_articles(paths, default_date=date), max_chars, long, note=bar.report)
        read = 0
        for item in articles:
            read += 1
            bar.update(read, errors=stats.errors)
            if isinstance(item, ReadError):
                bar.report(f"error: {item}")
                stats.errors += 1
                continue
            for warning in item.warnings:
                bar.report(f"warning: {warning}")
            try:
                doc = pipeline(item)
            except Exception as exc:  # noqa: BLE001 - one broken article never stops a batch
                bar.report(f"error: {item.origin}: {extraction_failure(exc)}")
                stats.errors += 1
                continue
            out.write(to_jsonl(doc, explain) + "\n" if fmt == "jsonl" else summary(doc, explain) + "\n\n")
            stats.ok += 1
        bar.update(read, errors=stats.errors)
    return stats
