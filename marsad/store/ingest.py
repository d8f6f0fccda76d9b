"""`marsad ingest` as a plain function: read, extract, store, idempotently.

Articles are committed in batches (default 100), each batch ONE transaction
holding the articles' rows and their search entries. A batch amortises the
commit (an fsync on PostgreSQL, a WAL sync point on SQLite) over many articles,
and a crash loses at most the batch in flight (under a second of extraction),
which the next run redoes: an article is stored with all its rows or not at all.

An article's identity is its id (or `stable_id` of its text) and the hash of its
content as read (rows.content_hash): a stored article with the current pipeline
version and the same content is skipped; another version or a corrected text is
re-extracted and replaces it. Within one run the first article read under an id
is the one stored: a later one with the same content is skipped, one with other
content is an error (so that a rerun of the same input never rewrites).
"""
from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TextIO

from marsad.doc import Doc, stable_id
from marsad.io.readers import ReadError, read_articles
from marsad.limits import DEFAULT_LONG, DEFAULT_MAX_CHARS, check_limits, limit_articles
from marsad.parallel import NoteBuffer, OrderedPool, WorkerLost, check_jobs, lost_report
from marsad.pipeline import Pipeline, default_pipeline, extraction_failure
from marsad.store.base import Store, StoreError, error_message
from marsad.store.corrections import Correction, apply_corrections, status_rows
from marsad.store.progress import LOG_EVERY, IngestProgress, count_articles
from marsad.store.review import corrections_by_article
from marsad.store.rows import ArticleRows, content_hash, flatten
from marsad.store.search import index_text
from marsad.store.version import pipeline_version
from marsad.text.tokens import tokenize
from marsad.types import ArticleInput

BATCH_SIZE = 100


@dataclass
class IngestStats:
    stored: int = 0     # new articles written
    replaced: int = 0   # re-extracted: a newer pipeline version or a changed text (counted in stored too)
    skipped: int = 0    # already stored by this pipeline version with this content
    errors: int = 0


def prepare(doc: Doc, version: str, origin: str | None = None, digest: str | None = None,
            corrections: Sequence[Correction] = ()) -> ArticleRows:
    """The rows of one extracted article, search text included (the body's tokens are the pipeline's own),
    with the analysts' `corrections` of the article applied (corrections.py)."""
    record, status = apply_corrections(doc.to_dict(), corrections)
    return flatten(record, version, origin,
                   search_title=index_text(tokenize(doc.title)) if doc.title else "",
                   search_body=index_text(doc.tokens), content_hash=digest,
                   review_status=status_rows(record["id"], status, version))


Identity = tuple[str, "str | None"]  # (pipeline version, content hash) of a stored article


@dataclass
class _Batch:
    """Articles extracted but not yet committed."""

    rows: list[ArticleRows] = field(default_factory=list)
    origins: dict[str, str | None] = field(default_factory=dict)
    previous: dict[str, Identity] = field(default_factory=dict)  # id -> stored identity being replaced

    def add(self, rows: ArticleRows, origin: str | None, old: Identity | None) -> None:
        self.rows.append(rows)
        self.origins[rows.id] = origin
        if old is not None:
            self.previous[rows.id] = old

    def flush(self, store: Store, known: dict[str, Identity], stats: IngestStats,
              report: Callable[[str], None]) -> None:
        """Commit the batch in one transaction; if the database refuses it, commit article by
        article and report the ones it refuses (their old rows, if any, stay)."""
        if not self.rows:
            return
        replaced = set(self.previous)
        try:
            store.write(self.rows, replaced)
            done = self.rows
        except Exception:  # noqa: BLE001 - find the article the database refused, store the rest
            done = []
            for rows in self.rows:
                try:
                    store.write([rows], replaced)
                    done.append(rows)
                except Exception as exc:  # noqa: BLE001
                    if not store.alive():
                        raise StoreError(f"{store.url}: connection lost ({error_message(exc)})") from None
                    report(f"error: {self.origins.get(rows.id) or rows.id}: not stored "
                           f"({type(exc).__name__}: {error_message(exc)})")
                    stats.errors += 1
                    if rows.id in self.previous:
                        known[rows.id] = self.previous[rows.id]
                    else:
                        known.pop(rows.id, None)
        stats.stored += len(done)
        stats.replaced += sum(1 for r in done if r.id in replaced)
        self.rows, self.origins, self.previous = [], {}, {}


def ingest(paths: list[str], store: Store, date: str | None = None, batch_size: int = BATCH_SIZE,
           pipeline: Pipeline | None = None, version: str | None = None, errors: TextIO | None = None,
           progress: bool | str = False, max_chars: int = DEFAULT_MAX_CHARS, long: str = DEFAULT_LONG,
           progress_every: int = LOG_EVERY, jobs: int = 1) -> IngestStats:
    """Extract and store every article under `paths`; bad ones are reported and skipped.
    An article over `max_chars` characters is stored as parts or refused (`long`, see marsad.limits).
    `progress`: bar, lines (one every `progress_every` articles) or off (True: bar), see marsad.store.progress.
    `jobs`: worker processes extracting (marsad.parallel); this process alone decides what to skip
    (before anything is extracted) and writes, in the same batches whatever the number."""
    check_limits(max_chars, long)
    check_jobs(jobs)
    pipeline = pipeline or default_pipeline()
    pipeline.warm_up(freeze=True)
    version = version or pipeline_version()
    stats = IngestStats()
    batch = _Batch()
    read = 0
    total = count_articles(paths) if progress not in (False, "off") else None
    # the pool forks before the progress bar starts its thread (and before the store's lock is taken)
    with OrderedPool(prepared, pipeline, jobs) as pool, store.writer_lock(), \
            IngestProgress(progress, errors or sys.stderr, total, progress_every) as bar:
        known = store.identities()
        corrections = corrections_by_article(store)  # read under the writer lock: no review is made meanwhile
        notes = NoteBuffer()
        items = limit_articles(read_articles(paths, default_date=date), max_chars, long, note=notes)
        try:
            for plan, result in pool.map(_plan(items, notes, store, known, corrections, version)):
                for note in plan.notes:
                    bar.report(note)
                read += 1
                bar.update(read, stored=stats.stored, skipped=stats.skipped, errors=stats.errors)
                for warning in plan.warnings:
                    bar.report(warning)
                if plan.skip:
                    stats.skipped += 1
                    continue
                if plan.error or isinstance(result, str):
                    bar.report(plan.error or f"error: {plan.origin}: {result}")
                    stats.errors += 1
                    continue
                known[plan.aid] = (version, plan.digest)
                batch.add(result, plan.origin, plan.old)
                if len(batch.rows) >= batch_size:
                    batch.flush(store, known, stats, bar.report)
        except WorkerLost as lost:  # a worker killed twice on the same articles: keep what is extracted, stop
            for line in lost_report(lost, [plan.origin or "?" for plan in lost.lost if not plan.skip]):
                bar.report(line)
            stats.errors += sum(1 for plan in lost.lost if not plan.skip)
        for note in notes.take():
            bar.report(note)
        batch.flush(store, known, stats, bar.report)
        if stats.stored:
            store.optimize()
        bar.update(read, stored=stats.stored, skipped=stats.skipped, errors=stats.errors)
    return stats


@dataclass(frozen=True)
class _Plan:
    """What the parent decided about one item before any extraction: skip it, report it, or extract it."""

    notes: tuple[str, ...]        # said while reading it (an article split into parts)
    warnings: tuple[str, ...] = ()
    origin: str | None = None
    aid: str = ""                 # the article's id (given, or `stable_id` of its text)
    skip: bool = False            # already stored (or read earlier in this run) with this content
    error: str | None = None      # the line reporting it, when it is not extracted
    digest: str | None = None
    old: Identity | None = None   # the stored identity its rows replace


@dataclass(frozen=True)
class _Extraction:
    """What a worker needs to extract and flatten one article."""

    article: ArticleInput
    version: str
    digest: str
    corrections: tuple[Correction, ...]


class Planner:
    """The skip rules, over articles in input order: what to do with each (its _Plan). The first
    article read under an id in this run is the one stored; one already stored by this version with
    this content is skipped. Plain ingest runs it on the articles it reads, `--dask` on the ids and
    hashes its workers read (marsad/dask/ingest.py): the same decisions either way."""

    def __init__(self, store: Store, known: dict[str, Identity], version: str):
        self.store, self.known, self.version = store, known, version
        self.seen: dict[str, tuple[str, str | None]] = {}  # id -> (content hash, origin) read in this run

    def decide(self, said: tuple[str, ...], warnings: tuple[str, ...], origin: str | None, aid: str,
               digest: str) -> _Plan:
        if aid in self.seen:
            first_digest, first_origin = self.seen[aid]
            if first_digest == digest:
                return _Plan(said, warnings, origin, skip=True)
            return _Plan(said, warnings, origin, error=f"error: {origin}: id {aid!r} already read from "
                         f"{first_origin} with other content; not stored")
        self.seen[aid] = (digest, origin)
        old = self.known.get(aid)
        if old is not None and old[0] == self.version and old[1] is None:  # stored before schema 2
            old = (old[0], self.store.stored_content_hash(aid))
        if old == (self.version, digest):
            return _Plan(said, warnings, origin, skip=True)
        return _Plan(said, warnings, origin, aid, digest=digest, old=old)


def identity(item: ArticleInput) -> tuple[str, str]:
    """(id, content hash) of an article as read: with the pipeline version, what ingest compares."""
    return item.id or stable_id(item.text), content_hash(item.title, item.text, item.date, item.source, item.url)


def _plan(items: Iterable[ArticleInput | ReadError], notes: NoteBuffer, store: Store, known: dict[str, Identity],
          corrections: dict[str, Sequence[Correction]], version: str) -> Iterator[tuple[_Plan, _Extraction | None]]:
    """Each item with its plan, and what to extract when it is extracted: the skip rules run here, in the
    parent, so no worker extracts an article that is not stored."""
    planner = Planner(store, known, version)
    for item in items:
        said = notes.take()
        if isinstance(item, ReadError):
            yield _Plan(said, error=f"error: {item}"), None
            continue
        aid, digest = identity(item)
        plan = planner.decide(said, tuple(f"warning: {w}" for w in item.warnings), item.origin, aid, digest)
        extract = plan.aid and not plan.skip and not plan.error
        yield plan, _Extraction(item, version, digest, tuple(corrections.get(aid, ()))) if extract else None


def prepared(pipeline: Pipeline, job: _Extraction) -> ArticleRows | str:
    """The article's rows, or why its extraction failed: runs in a worker with --jobs."""
    try:
        return prepare(pipeline(job.article), job.version, job.article.origin, job.digest, job.corrections)
    except Exception as exc:  # noqa: BLE001 - one broken article never stops a batch
        return extraction_failure(exc)
