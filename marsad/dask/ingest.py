"""`marsad ingest --dask`: the partitions read and extracted on Dask workers, the store written per partition.

The client keeps plain ingest's rules (marsad/store/ingest.py) in two steps:

1. each worker reads its partition and sends back the articles' ids and content hashes (`scan`,
   cheap: no extraction); the client, holding the store's writer lock, decides in input order
   what is skipped, refused (an id read earlier with other content) or extracted, with the same
   Planner as plain ingest, and reports read errors, notes and warnings in input order;
2. each partition's articles to extract go back to a worker (`extract`). On PostgreSQL the
   worker writes them in ONE transaction (Store.write_again: an article a first run of the
   task committed is not written twice, so a partition Dask reruns after its worker died
   neither drops nor duplicates an article). On SQLite (local clusters only: one file on this
   machine) the client is the one writer: it writes each partition's rows, in one transaction,
   as the partition completes. Extraction errors are reported as partitions complete.
"""
from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from typing import Any, TextIO

from marsad.dask.partitions import PARTITION_BYTES, plan
from marsad.dask.tasks import Job, Outcome, ReadOptions, Scanned, extract, scan, write
from marsad.limits import DEFAULT_LONG, DEFAULT_MAX_CHARS, check_limits
from marsad.pipeline import Pipeline, default_pipeline
from marsad.store.base import Store, StoreError
from marsad.store.corrections import Correction
from marsad.store.ingest import IngestStats, Planner
from marsad.store.review import corrections_by_article
from marsad.store.version import pipeline_version


def ingest_dask(paths: list[str], store: Store, client: Any, date: str | None = None,
                max_chars: int = DEFAULT_MAX_CHARS, long: str = DEFAULT_LONG, rules: bool = False,
                pipeline: Callable[[], Pipeline] | None = None, version: str | None = None,
                partition_bytes: int = PARTITION_BYTES, errors: TextIO | None = None, progress: bool = False,
                on_partition: Callable[[int], None] | None = None) -> IngestStats:
    """Extract and store every article under `paths` on the Dask cluster of `client`: the same rows
    and counts as `marsad.store.ingest.ingest` of the same input. `rules`: the rules' pipeline;
    `pipeline`: a function making another (picklable: each worker process calls it once).
    `on_partition(n)` is called after the n-th extracted partition is stored (tests kill a worker there)."""
    check_limits(max_chars, long)
    if store.dialect == "sqlite" and not _local(client):
        raise StoreError(f"{store.url}: a SQLite store is a file on this machine: with a Dask cluster, ingest "
                         "into PostgreSQL (SQLite takes --dask local:N)")
    report = (errors or sys.stderr).write
    parts = plan(paths, partition_bytes)
    opts = ReadOptions(date, max_chars, long)
    version = version or pipeline_version()
    workers_write = store.dialect != "sqlite"
    factory = pipeline or (Pipeline.rules if rules else default_pipeline)
    stats = IngestStats()
    with store.writer_lock():
        planner = Planner(store, store.identities(), version)
        corrections = corrections_by_article(store)  # read under the writer lock: no review is made meanwhile
        scans = client.map(scan, parts, opts=opts, pure=False)
        extracting = []
        for part, future in zip(parts, scans):
            jobs = _plan(future.result(), planner, corrections, stats, report)
            future.release()
            if jobs:
                extracting.append(client.submit(extract, part, opts, version, jobs, factory,
                                                 str(store.url.target) if workers_write else None, pure=False))
        _collect(client, extracting, store, workers_write, stats, report, progress, on_partition)
        if stats.stored:
            store.optimize()
    return stats


def ingest_on(spec: str, paths: list[str], store: Store, **options: Any) -> IngestStats | None:
    """`ingest_dask` on the cluster `spec` names (marsad.dask.cluster); None, after one error line, when
    the input cannot be partitioned (standard input)."""
    from marsad.dask.cluster import connect

    try:
        plan(paths, options.get("partition_bytes", PARTITION_BYTES))  # before a cluster is started for nothing
    except ValueError as exc:
        (options.get("errors") or sys.stderr).write(f"error: {exc}\n")
        return None
    with connect(spec) as client:
        return ingest_dask(paths, store, client, **options)


def _local(client: Any) -> bool:
    from distributed import LocalCluster

    return isinstance(getattr(client, "cluster", None), LocalCluster)


def _plan(scanned: list[Scanned], planner: Planner, corrections: dict[str, Sequence[Correction]],
          stats: IngestStats, report: Callable[[str], Any]) -> dict[int, Job]:
    """The partition's jobs by position; its skips, refusals and read errors counted and reported."""
    jobs: dict[int, Job] = {}
    for position, item in enumerate(scanned):
        for note in item.notes:
            report(note + "\n")
        if item.error:
            report(item.error + "\n")
            stats.errors += 1
            continue
        for warning in item.warnings:
            report(warning + "\n")
        decided = planner.decide(item.notes, item.warnings, item.origin, item.aid, item.digest)
        if decided.skip:
            stats.skipped += 1
        elif decided.error:
            report(decided.error + "\n")
            stats.errors += 1
        else:
            jobs[position] = Job(item.digest, decided.old is not None, tuple(corrections.get(item.aid, ())))
    return jobs


def _collect(client: Any, futures: list, store: Store, workers_write: bool, stats: IngestStats,
             report: Callable[[str], Any], progress: bool, on_partition: Callable[[int], None] | None) -> None:
    """Each partition's outcome as it completes: written here (SQLite), counted and reported."""
    from distributed import as_completed

    for n, future in enumerate(as_completed(futures), 1):
        outcome: Outcome = future.result()
        future.release()
        if not workers_write:
            write(store, outcome)
        for line in outcome.errors:
            report(line + "\n")
        stats.stored += outcome.stored
        stats.replaced += outcome.replaced
        stats.errors += len(outcome.errors)
        if progress:
            report(f"ingest: {n}/{len(futures)} partitions extracted, {stats.stored} article(s) stored\n")
        if on_partition is not None:
            on_partition(n)
