"""`marsad ingest` as a plain function: read, extract, store, idempotently.

Articles are committed in batches (default 100), each batch ONE transaction
holding the articles' rows and their search entries. A batch amortises the
commit (an fsync on PostgreSQL, a WAL sync point on SQLite) over many articles,
and a crash loses at most the batch in flight (under a second of extraction),
which the next run redoes: an article is stored with all its rows or not at all,
and a stored article with the current pipeline version is skipped.
"""
from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import TextIO

from marsad.doc import Doc, stable_id
from marsad.io.readers import ReadError, read_articles
from marsad.pipeline import Pipeline, default_pipeline
from marsad.store.base import Store
from marsad.store.rows import ArticleRows, flatten
from marsad.store.search import index_text
from marsad.store.version import pipeline_version
from marsad.text.tokens import tokenize

BATCH_SIZE = 100


@dataclass
class IngestStats:
    stored: int = 0     # new articles written
    replaced: int = 0   # re-extracted under a newer pipeline version (counted in stored too)
    skipped: int = 0    # already stored by this pipeline version
    errors: int = 0


def prepare(doc: Doc, version: str, origin: str | None = None) -> ArticleRows:
    """The rows of one extracted article, search text included (the body's tokens are the pipeline's own)."""
    return flatten(doc.to_dict(), version, origin,
                   search_title=index_text(tokenize(doc.title)) if doc.title else "",
                   search_body=index_text(doc.tokens))


@dataclass
class _Run:
    store: Store
    version: str
    report: Callable[[str], None]
    stats: IngestStats

    def flush(self, batch: list[ArticleRows], origins: dict[str, str | None],
              replaced: set[str], known: dict[str, str], previous: dict[str, str]) -> None:
        if not batch:
            return
        try:
            self.store.write(batch, replaced)
            done = batch
        except Exception:  # noqa: BLE001 - find the article the database refused, store the rest
            done = []
            for rows in batch:
                try:
                    self.store.write([rows], replaced)
                    done.append(rows)
                except Exception as exc:  # noqa: BLE001
                    self.report(f"error: {origins.get(rows.id) or rows.id}: not stored ({type(exc).__name__}: "
                                f"{str(exc).strip()})")
                    self.stats.errors += 1
                    if rows.id in previous:
                        known[rows.id] = previous[rows.id]
                    else:
                        known.pop(rows.id, None)
        self.stats.stored += len(done)
        self.stats.replaced += sum(1 for r in done if r.id in replaced)
        batch.clear()
        replaced.clear()
        origins.clear()
        previous.clear()


def ingest(paths: list[str], store: Store, date: str | None = None, batch_size: int = BATCH_SIZE,
           pipeline: Pipeline | None = None, version: str | None = None, errors: TextIO | None = None,
           progress: bool = False) -> IngestStats:
    """Extract and store every article under `paths`; bad ones are reported and skipped."""
    from tqdm import tqdm

    pipeline = pipeline or default_pipeline()
    pipeline.warm_up(freeze=True)
    version = version or pipeline_version()
    errors = errors or sys.stderr
    bar = tqdm(unit=" art", file=sys.stderr, disable=not progress, dynamic_ncols=True)

    def report(message: str) -> None:
        if progress:
            bar.write(message, file=errors)
        else:
            print(message, file=errors, flush=True)

    stats = IngestStats()
    run = _Run(store, version, report, stats)
    batch: list[ArticleRows] = []
    origins: dict[str, str | None] = {}
    replaced: set[str] = set()
    previous: dict[str, str] = {}
    with store.writer_lock():
        known = store.versions()
        for item in read_articles(paths, default_date=date):
            bar.update(1)
            if isinstance(item, ReadError):
                report(f"error: {item}")
                stats.errors += 1
            else:
                aid = item.id or stable_id(item.text)
                old = known.get(aid)
                if old == version:
                    stats.skipped += 1
                else:
                    try:
                        rows = prepare(pipeline(item), version, item.origin)
                    except Exception as exc:  # noqa: BLE001 - one broken article never stops a batch
                        report(f"error: {item.origin}: extraction failed ({type(exc).__name__}: {exc})")
                        stats.errors += 1
                    else:
                        if old is not None:
                            replaced.add(aid)
                            previous[aid] = old
                        known[aid] = version
                        origins[aid] = item.origin
                        batch.append(rows)
                        if len(batch) >= batch_size:
                            run.flush(batch, origins, replaced, known, previous)
            bar.set_postfix(stored=stats.stored, skipped=stats.skipped, errors=stats.errors, refresh=False)
        run.flush(batch, origins, replaced, known, previous)
    bar.set_postfix(stored=stats.stored, skipped=stats.skipped, errors=stats.errors)
    bar.close()
    return stats
