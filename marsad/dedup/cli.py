"""`marsad dedup`: a thin command over marsad.dedup."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from marsad.export.cli import record_source
from marsad.options import RecordsDb, check, open_db, output_file


def dedup_command(
    records: Annotated[Optional[list[str]], typer.Argument(help="JSONL files of contract records, or - for stdin (or use --db).")] = None,
    db: RecordsDb = None,
    settings: Annotated[Optional[Path], typer.Option(help="TOML file overriding marsad/resources/dedup.toml.")] = None,
    out: Annotated[Optional[Path], typer.Option(help="Write canonical events (JSONL) here; default stdout (with --db: only if given).")] = None,
    min_reports: Annotated[int, typer.Option(help="Only write canonical events reported by at least this many articles.")] = 1,
    dask: Annotated[Optional[str], typer.Option("--dask", help="With --db: find the pairs on a Dask cluster, "
                                                "tcp://HOST:PORT (PostgreSQL stores) or local:N (N processes here). "
                                                "The same result. Needs the dask extra.")] = None,
) -> None:
    """Merge the same event reported by several articles into canonical events with their reports.
    With --db the store's events are deduplicated and the result stored (for `marsad events --min-reports`)."""
    import orjson

    from marsad.dedup import DedupSettings, dedup
    from marsad.dedup.stored import dedup_store
    from marsad.export.records import ErrorCounter, read_records

    record_source(records, db)
    check(output_file, out, "--out")
    if settings is not None and not settings.is_file():
        raise typer.BadParameter(f"{settings}: no such file", param_hint="--settings")
    try:
        s = DedupSettings.load(settings)
    except (OSError, ValueError) as exc:
        raise typer.BadParameter(str(exc), param_hint="--settings") from exc
    errors = ErrorCounter()
    if dask is not None:
        store, result = _dedup_on_dask(dask, db, s)
    elif db is not None:
        store = open_db(db, readonly=False)
        try:
            result = dedup_store(store, s)
        finally:
            store.close()
    else:
        result = dedup(read_records(records, errors), s)
    if out or db is None:
        stream = out.open("w", encoding="utf-8") if out else sys.stdout
        try:
            for c in result.canonical:
                if c.reports >= min_reports:
                    stream.write(orjson.dumps(c.to_dict()).decode("utf-8") + "\n")
        finally:
            if out:
                stream.close()
    merged = sum(1 for c in result.canonical if c.reports > 1)
    typer.echo(f"{len(result.links)} event(s) -> {len(result.canonical)} canonical, "
               f"{merged} reported by 2+ articles, {errors.count} error(s)"
               + (f" — stored in {store.url}" if db is not None else ""), err=True)
    if errors.count:
        raise typer.Exit(1)


def _dedup_on_dask(spec: str, db: str | None, settings):
    """(the store, closed; the result) of `dedup --db DB --dask SPEC`."""
    from marsad.dask.cluster import check_cli_spec, connect
    from marsad.dask.dedup import dedup_store_dask
    from marsad.store.urls import parse_db_url

    if db is None:
        raise typer.BadParameter("--dask dedups a store: give it with --db", param_hint="--dask")
    check_cli_spec(spec, parse_db_url(db).kind == "sqlite", "dedup a PostgreSQL store")
    store = open_db(db, readonly=False)  # made and migrated here, before the workers read it
    store.close()
    with connect(spec) as client:
        return store, dedup_store_dask(store.url.target, client, settings)
