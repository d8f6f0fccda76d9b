"""CLI commands of the store (`ingest`, `search`, `events`, `claims`), registered on the main app."""
from __future__ import annotations

import sys
from typing import Annotated, Optional

import typer

from marsad.limits import DEFAULT_MAX_CHARS
from marsad.options import (
    COUNT_DIMENSIONS, DEFAULT_LONG_POLICY, ArticleDate, CountFormat, Db, IngestDb, Jobs, Limit, Long, MaxChars,
    Outlet, Progress, RowFmt, RowFormat, Since, Until, article_date, check, checked_claim_filter, count_dimensions,
    event_filter, open_db, row_limit, text_value, with_event_filters,
)
from marsad.store.output import CLAIM_TABLE, EVENT_TABLE, write_event_csv, write_rows
from marsad.store.progress import progress_mode


def _write_rows(db: str | None, rows, fmt: str, table, noun: str) -> None:
    """Print the rows `rows(store)` yields from the store at `db`, then their count on stderr
    (events as CSV: the flat export's columns)."""
    store = open_db(db)
    try:
        if table is EVENT_TABLE and fmt == "csv":
            n = write_event_csv(store, rows(store), sys.stdout)
        else:
            n = write_rows(rows(store), fmt, sys.stdout, table)
    finally:
        store.close()
    typer.echo(f"{n} {noun}(s)", err=True)


def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files (.txt, .jsonl, .csv, .html, .warc[.gz]), directories, globs, or -.")],
    db: IngestDb = None,
    date: ArticleDate = None,
    batch: Annotated[int, typer.Option(min=1, max=100_000, help="Articles per transaction.")] = 100,
    progress: Progress = None,
    max_chars: MaxChars = DEFAULT_MAX_CHARS,
    long: Long = DEFAULT_LONG_POLICY,
    rules: Annotated[bool, typer.Option("--rules", help="v0.5.0's pipeline: the hand-written rules decide the events "
                                        "(stored under its own pipeline version).")] = False,
    jobs: Jobs = None,
    dask: Annotated[Optional[str], typer.Option("--dask", help="Extract on a Dask cluster instead: tcp://HOST:PORT (a "
                                                "running dask-scheduler; the store must be PostgreSQL) or local:N (N "
                                                "worker processes on this machine). Needs the dask extra.")] = None,
    partition_kb: Annotated[int, typer.Option(min=1, max=10_000_000, help="With --dask: JSONL files are cut into "
                                              "partitions of about this many KB (other files are one each).")] = 256,
) -> None:
    """Extract articles and store them (idempotent: stored articles of this pipeline version are skipped)."""
    from marsad.store.base import StoreError
    from marsad.parallel import usable_cores
    from marsad.store.ingest import ingest as run

    check(article_date, date, "--date")
    if dask is not None:
        _check_dask(dask, jobs, db)
    store = open_db(db, create=True)
    try:
        from marsad.pipeline import Pipeline
        from marsad.store.version import pipeline_version

        version = pipeline_version() + "+rules" if rules else None
        if dask is not None:
            from marsad.dask.ingest import ingest_on

            stats = ingest_on(dask, paths, store, date=date, max_chars=max_chars, long=long.value, rules=rules,
                              version=version, partition_bytes=partition_kb * 1024,
                              progress=progress_mode(progress) != "off")
            if stats is None:
                raise typer.Exit(2)
        else:
            stats = run(paths, store, date=date, batch_size=max(1, batch),
                        progress=progress_mode(progress), max_chars=max_chars,
                        long=long.value, pipeline=Pipeline.rules() if rules else None,
                        version=version, jobs=jobs or usable_cores())
    except StoreError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    finally:
        store.close()
    typer.echo(f"{stats.stored} article(s) stored ({stats.replaced} re-extracted), {stats.skipped} already "
               f"stored, {stats.errors} error(s) — {store.url}", err=True)
    if stats.errors:
        raise typer.Exit(1)


def _check_dask(spec: str, jobs: int | None, db: str | None) -> None:
    """--dask's value and what it cannot go with, before the store is opened."""
    from marsad.dask.cluster import check_cli_spec
    from marsad.store.urls import parse_db_url

    if jobs is not None:
        raise typer.BadParameter("--dask and --jobs exclude each other: the Dask cluster's workers extract "
                                 "(local:N for N processes on this machine)", param_hint="--jobs")
    check_cli_spec(spec, parse_db_url(db).kind == "sqlite", "ingest into PostgreSQL (--db postgresql://…)")


def search(
    query: Annotated[str, typer.Argument(help="Arabic words; every one must match (clitics and spelling variants fold).")],
    db: Db = None,
    limit: Annotated[int, typer.Option(min=1, max=10_000, help="At most this many articles.")] = 10,
    outlet: Outlet = None,
) -> None:
    """Full-text search over titles and texts, ranked, with snippets of the raw text."""
    from marsad.store.search import PLAIN_MARKS, TTY_MARKS
    from marsad.store.search import search as run

    check(text_value, query, "QUERY")
    check(text_value, outlet, "--outlet")
    store = open_db(db)
    try:
        hits = run(store, query, limit, TTY_MARKS if sys.stdout.isatty() else PLAIN_MARKS, outlet)
    finally:
        store.close()
    for rank, hit in enumerate(hits, 1):
        typer.echo(f"{rank}. [{hit.score:.3f}] {hit.id}  {hit.date or '-'}  {hit.source or '-'}\n   {hit.title}\n   {hit.snippet}")
    typer.echo(f"{len(hits)} article(s)", err=True)


@with_event_filters(after="db")
def events(
    db: Db = None,
    fmt: RowFmt = RowFormat.table,
    limit: Limit = None,
    *,
    filters: dict,
) -> None:
    """Stored events, filtered."""
    from marsad.store.query import events as run

    f = event_filter(**filters, limit=row_limit(limit, fmt.value))
    _write_rows(db, lambda store: run(store, f), fmt.value, EVENT_TABLE, "event")


def claims(
    db: Db = None,
    speaker: Annotated[Optional[str], typer.Option(help="Speaker: Arabic text, English name, actor id or country code.")] = None,
    since: Since = None,
    until: Until = None,
    text: Annotated[Optional[str], typer.Option(help="Words the claim's content contains (Arabic folded).")] = None,
    outlet: Outlet = None,
    fmt: RowFmt = RowFormat.table,
    limit: Limit = None,
) -> None:
    """Stored claims, filtered."""
    from marsad.store.query import claims as run

    f = check(checked_claim_filter, speaker, since, until, text, outlet, row_limit(limit, fmt.value))
    _write_rows(db, lambda store: run(store, f), fmt.value, CLAIM_TABLE, "claim")


@with_event_filters(after="db")
def count(
    by: Annotated[str, typer.Option("--by", help=f"What to count by, comma-separated: {', '.join(COUNT_DIMENSIONS)} "
                                    "(one period at most; `actor` counts an event once for each actor it involves).")],
    db: Db = None,
    per_articles: Annotated[bool, typer.Option("--per-articles", help="Divide each count by the stored articles of "
                                               "its period (publication date; of its outlet with --by outlet), so a "
                                               "busier month does not read as a rise. Without a period in --by: by "
                                               "the articles of the whole --since/--until range (all of them if none).")] = False,
    fmt: Annotated[CountFormat, typer.Option("--format", "-f", help="table, csv or json.")] = CountFormat.table,
    limit: Limit = None,
    *,
    filters: dict,
) -> None:
    """Count events by type, period, country, actors or outlet (with the filters of `events`).

    An event reported by several articles counts once when the store has dedup clusters (`marsad dedup --db`), else once per article; an act told in several sentences counts once."""
    from marsad.store.count import count as run
    from marsad.store.count_output import write_count

    dims = check(count_dimensions, by)
    f = event_filter(**filters)
    store = open_db(db)
    try:
        result = run(store, f, dims, per_articles, row_limit(limit, "csv"))
    finally:
        store.close()
    write_count(result, fmt.value, sys.stdout)
    typer.echo(f"{len(result.rows)} row(s); counted: {result.note()}", err=True)


def show(
    event_id: Annotated[str, typer.Argument(help="ARTICLE_ID#N, as `marsad events` prints it (the article's N-th event, from 0).")],
    db: Db = None,
) -> None:
    """An event's article with its spans marked (trigger, source, target, place, date), then its fields."""
    from marsad.store.show import find_event, render

    store = open_db(db)
    try:
        view = check(find_event, store, event_id)
    finally:
        store.close()
    render(view, sys.stdout, markup=sys.stdout.isatty())


def register(app: typer.Typer) -> None:
    for command in (ingest, search, events, claims, count, show):
        app.command()(command)
