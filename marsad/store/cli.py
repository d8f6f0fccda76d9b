"""CLI commands of the store (`ingest`, `search`, `events`, `claims`), registered on the main app."""
from __future__ import annotations

import sys
from typing import Annotated, Optional

import typer

from marsad.limits import DEFAULT_MAX_CHARS
from marsad.options import (
    DEFAULT_LONG_POLICY, MAX_COUNT, ArticleDate, Db, IngestDb, Limit, Long, MaxChars, RowFmt, RowFormat, Since, Until,
    article_date, check, event_types, open_db, period_bound, row_limit, text_value,
)
from marsad.store.output import CLAIM_TABLE, EVENT_TABLE, write_event_csv, write_rows


def _check_period(since: str | None = None, until: str | None = None) -> None:
    check(period_bound, since, "--since")
    check(period_bound, until, "--until")


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
    progress: Annotated[Optional[bool], typer.Option("--progress/--no-progress", help="Progress bar on stderr (default: when stderr is a terminal).")] = None,
    max_chars: MaxChars = DEFAULT_MAX_CHARS,
    long: Long = DEFAULT_LONG_POLICY,
    rules: Annotated[bool, typer.Option("--rules", help="v0.5.0's pipeline: the hand-written rules decide the events "
                                        "(stored under its own pipeline version).")] = False,
) -> None:
    """Extract articles and store them (idempotent: stored articles of this pipeline version are skipped)."""
    from marsad.store.base import StoreError
    from marsad.store.ingest import ingest as run

    check(article_date, date, "--date")
    store = open_db(db, create=True)
    try:
        from marsad.pipeline import Pipeline
        from marsad.store.version import pipeline_version

        stats = run(paths, store, date=date, batch_size=max(1, batch),
                    progress=sys.stderr.isatty() if progress is None else progress, max_chars=max_chars,
                    long=long.value, pipeline=Pipeline.rules() if rules else None,
                    version=pipeline_version() + "+rules" if rules else None)
    except StoreError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    finally:
        store.close()
    typer.echo(f"{stats.stored} article(s) stored ({stats.replaced} re-extracted), {stats.skipped} already "
               f"stored, {stats.errors} error(s) — {store.url}", err=True)
    if stats.errors:
        raise typer.Exit(1)


def search(
    query: Annotated[str, typer.Argument(help="Arabic words; every one must match (clitics and spelling variants fold).")],
    db: Db = None,
    limit: Annotated[int, typer.Option(min=1, max=10_000, help="At most this many articles.")] = 10,
) -> None:
    """Full-text search over titles and texts, ranked, with snippets of the raw text."""
    from marsad.store.search import PLAIN_MARKS, TTY_MARKS
    from marsad.store.search import search as run

    check(text_value, query, "QUERY")
    store = open_db(db)
    try:
        hits = run(store, query, limit, TTY_MARKS if sys.stdout.isatty() else PLAIN_MARKS)
    finally:
        store.close()
    for rank, hit in enumerate(hits, 1):
        typer.echo(f"{rank}. [{hit.score:.3f}] {hit.id}  {hit.date or '-'}  {hit.source or '-'}\n   {hit.title}\n   {hit.snippet}")
    typer.echo(f"{len(hits)} article(s)", err=True)


def events(
    db: Db = None,
    type: Annotated[Optional[str], typer.Option("--type", help="PLOVER type(s), comma-separated.")] = None,
    mode: Annotated[Optional[str], typer.Option(help="PLOVER mode.")] = None,
    source: Annotated[Optional[str], typer.Option(help="Source actor: Arabic text, English name, actor id or country code.")] = None,
    target: Annotated[Optional[str], typer.Option(help="Target actor, as --source.")] = None,
    country: Annotated[Optional[str], typer.Option(help="ISO3 code of the event's place.")] = None,
    place: Annotated[Optional[str], typer.Option(help="Place name (Arabic or English).")] = None,
    near: Annotated[Optional[str], typer.Option(help="LAT,LON,KM: places within KM km.")] = None,
    since: Since = None,
    until: Until = None,
    hedged: Annotated[Optional[bool], typer.Option("--hedged/--no-hedged")] = None,
    negated: Annotated[Optional[bool], typer.Option("--negated/--no-negated")] = None,
    min_reports: Annotated[int, typer.Option(min=1, max=MAX_COUNT, help="Events reported by at least N articles (after dedup).")] = 1,
    fmt: RowFmt = RowFormat.table,
    limit: Limit = None,
) -> None:
    """Stored events, filtered."""
    from marsad.store.query import EventFilter, Near
    from marsad.store.query import events as run

    _check_period(since, until)
    types = check(event_types, type)
    for value, name in ((mode, "--mode"), (source, "--source"), (target, "--target"), (country, "--country"),
                        (place, "--place")):
        check(text_value, value, name)
    try:
        where = Near.parse(near) if near else None
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--near") from None
    f = EventFilter(",".join(types) if types else None, mode, source, target, country, place, where, since, until,
                    hedged, negated, min_reports, row_limit(limit, fmt.value))
    _write_rows(db, lambda store: run(store, f), fmt.value, EVENT_TABLE, "event")


def claims(
    db: Db = None,
    speaker: Annotated[Optional[str], typer.Option(help="Speaker: Arabic text, English name, actor id or country code.")] = None,
    since: Since = None,
    until: Until = None,
    text: Annotated[Optional[str], typer.Option(help="Words the claim's content contains (Arabic folded).")] = None,
    fmt: RowFmt = RowFormat.table,
    limit: Limit = None,
) -> None:
    """Stored claims, filtered."""
    from marsad.store.query import ClaimFilter
    from marsad.store.query import claims as run

    _check_period(since, until)
    check(text_value, speaker, "--speaker")
    check(text_value, text, "--text")
    f = ClaimFilter(speaker, since, until, text, row_limit(limit, fmt.value))
    _write_rows(db, lambda store: run(store, f), fmt.value, CLAIM_TABLE, "claim")


def register(app: typer.Typer) -> None:
    for command in (ingest, search, events, claims):
        app.command()(command)
