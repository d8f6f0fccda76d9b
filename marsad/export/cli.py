"""`marsad export`: a thin command over marsad.export."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from marsad.export import FORMATS

Db = Annotated[Optional[str], typer.Option("--db", help="Read the records from this store (SQLite file, sqlite:///PATH or postgresql://…) instead of files.")]


def record_source(records: list[str] | None, db: str | None) -> None:
    """Records come from files or from a store: exactly one of the two."""
    if records and db is not None:
        raise typer.BadParameter("give JSONL files or --db, not both", param_hint="RECORDS/--db")
    if not records and db is None:
        raise typer.BadParameter("give JSONL files of records (or - for stdin), or --db URL", param_hint="RECORDS/--db")


def open_db(db: str, readonly: bool = True):
    """An existing store's connection (read-only unless asked), or exit 2 with the store's error."""
    from marsad.store.base import StoreError, open_store
    from marsad.store.urls import DbUrlError

    try:
        # never create: a typo would export nothing, quietly
        return open_store(db, readonly=readonly, create=False)
    except (StoreError, DbUrlError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None


def export_command(
    records: Annotated[Optional[list[str]], typer.Argument(help="JSONL files of contract records (marsad extract --format jsonl), or - for stdin (or use --db).")] = None,
    db: Db = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help=f"One of: {', '.join(FORMATS)}.")] = "csv",
    out: Annotated[Optional[Path], typer.Option(help="Output file (required for parquet; default stdout).")] = None,
) -> None:
    """Export events as PLOVER JSONL, POLECAT TSV, flat CSV, Parquet, JSONL or CAMEO-coded ICEWS CSV."""
    from marsad.export import export
    from marsad.export.records import ErrorCounter, read_records

    if fmt not in FORMATS:
        raise typer.BadParameter(f"must be one of {', '.join(FORMATS)}", param_hint="--format")
    if fmt == "parquet" and out is None:
        raise typer.BadParameter("parquet needs an output file", param_hint="--out")
    record_source(records, db)
    errors = ErrorCounter()
    store = open_db(db) if db is not None else None
    try:
        # The store streams its records (a cursor, or pages of 200 on PostgreSQL): memory stays flat.
        n = export(store.iter_records() if store else read_records(records, errors), fmt, out)
    except BrokenPipeError:  # `marsad export … | head`: the reader has what it wanted
        sys.stderr.close()
        raise typer.Exit(0)
    except (RuntimeError, OSError) as exc:
        typer.echo(f"error: {out or 'stdout'}: {exc}", err=True)
        raise typer.Exit(1) from exc
    finally:
        if store:
            store.close()
    typer.echo(f"{n} event(s) exported, {errors.count} error(s)", err=True)
    if errors.count:
        raise typer.Exit(1)
