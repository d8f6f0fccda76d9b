"""What Dask workers run for an ingest: read a partition's identities, extract its articles, write them.

Every function here is a task (or runs inside one): it takes plain picklable arguments and
may run twice (Dask reruns the tasks of a worker that died). A worker process builds its
pipeline once, on its first extraction (`worker_pipeline`), and keeps it for every later task.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache

from marsad.dask.partitions import Partition, read_partition
from marsad.io.readers import ReadError
from marsad.limits import limit_articles
from marsad.parallel import NoteBuffer
from marsad.pipeline import Pipeline, default_pipeline
from marsad.store.base import Store, StoreError, error_message
from marsad.store.corrections import Correction
from marsad.store.ingest import _Extraction, identity, prepared
from marsad.store.rows import ArticleRows
from marsad.types import ArticleInput


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How the input is read, the same on the client and on every worker."""

    date: str | None
    max_chars: int
    long: str


@dataclass(frozen=True, slots=True)
class Scanned:
    """One item of a partition as its worker read it: an article's identity, or a read error's line."""

    notes: tuple[str, ...]          # said while reading it (an article split into parts)
    warnings: tuple[str, ...] = ()
    origin: str | None = None
    aid: str = ""
    digest: str = ""
    error: str = ""


@dataclass(frozen=True, slots=True)
class Job:
    """An article of a partition to extract and store, as the client's plan says (store/ingest.Planner)."""

    digest: str                      # its content hash when the plan was made
    replaces: bool                   # a stored article of another version or content gives way to it
    corrections: tuple[Correction, ...] = ()


@dataclass(slots=True)
class Outcome:
    """What came of a partition's jobs: articles stored (and how many replaced others), error lines
    in input order; `rows` holds the rows for the client to write when the workers do not write."""

    stored: int = 0
    replaced: int = 0
    errors: list[str] = field(default_factory=list)
    rows: list[tuple[str | None, ArticleRows, bool]] = field(default_factory=list)  # (origin, rows, replaces)


@cache
def worker_pipeline(factory: Callable[[], Pipeline] = default_pipeline) -> Pipeline:
    """This process's pipeline made by `factory` (default_pipeline; Pipeline.rules for --rules), built
    and warmed on first use: once per worker process."""
    pipeline = factory()
    pipeline.warm_up(freeze=True)
    return pipeline


def partition_items(part: Partition, opts: ReadOptions, notes: NoteBuffer | None = None) -> Iterator[ArticleInput | ReadError]:
    return limit_articles(read_partition(part, opts.date), opts.max_chars, opts.long, note=notes)


def scan(part: Partition, opts: ReadOptions) -> list[Scanned]:
    """The partition's items without extracting them: what the client plans the skips with."""
    notes = NoteBuffer()
    out = []
    for item in partition_items(part, opts, notes):
        said = notes.take()
        if isinstance(item, ReadError):
            out.append(Scanned(said, error=f"error: {item}"))
            continue
        aid, digest = identity(item)
        out.append(Scanned(said, tuple(f"warning: {w}" for w in item.warnings), item.origin, aid, digest))
    return out


def extract(part: Partition, opts: ReadOptions, version: str, jobs: dict[int, Job],
            factory: Callable[[], Pipeline] = default_pipeline, store_url: str | None = None) -> Outcome:
    """Extract the partition's items at the positions of `jobs`; with `store_url` write them there
    (each partition in one transaction, Store.write_again), else hand the rows back."""
    pipeline = worker_pipeline(factory)
    outcome = Outcome()
    for position, item in enumerate(partition_items(part, opts)):
        job = jobs.get(position)
        if job is None or isinstance(item, ReadError):
            continue
        if identity(item)[1] != job.digest:
            outcome.errors.append(f"error: {item.origin}: the file changed while it was ingested; not stored")
            continue
        result = prepared(pipeline, _Extraction(item, version, job.digest, job.corrections))
        if isinstance(result, str):
            outcome.errors.append(f"error: {item.origin}: {result}")
        else:
            outcome.rows.append((item.origin, result, job.replaces))
    if store_url is not None:
        from marsad.store import open_store

        with open_store(store_url) as store:
            write(store, outcome)
    return outcome


def write(store: Store, outcome: Outcome) -> None:
    """Store the outcome's rows in one transaction (article by article if the database refuses it,
    reporting the ones it refuses, as plain ingest does) and count them; the rows are then dropped."""
    done = _write(store, outcome.rows, outcome.errors)
    outcome.stored += len(done)
    outcome.replaced += sum(1 for _, _, replaces in done if replaces)
    outcome.rows = []


def _write(store: Store, rows: Sequence[tuple[str | None, ArticleRows, bool]],
           errors: list[str]) -> list[tuple[str | None, ArticleRows, bool]]:
    if not rows:
        return []
    try:
        store.write_again([r for _, r, _ in rows])
        return list(rows)
    except Exception:  # noqa: BLE001 - find the article the database refused, store the rest
        pass
    done = []
    for origin, article, replaces in rows:
        try:
            store.write_again([article])
            done.append((origin, article, replaces))
        except Exception as exc:  # noqa: BLE001
            if not store.alive():
                raise StoreError(f"{store.url}: connection lost ({error_message(exc)})") from None
            errors.append(f"error: {origin or article.id}: not stored ({type(exc).__name__}: {error_message(exc)})")
    return done
