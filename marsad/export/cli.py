"""`marsad export`: a thin command over marsad.export."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from marsad.options import ExportFmt, ExportFormat, RecordsDb, check, open_db, output_file


def record_source(records: list[str] | None, db: str | None) -> None:
    """Records come from files or from a store: exactly one of the two."""
    if records and db is not None:
        raise typer.BadParameter("give JSONL files or --db, not both", param_hint="RECORDS/--db")
    if not records and db is None:
        raise typer.BadParameter("give JSONL files of records (or - for stdin), or --db URL", param_hint="RECORDS/--db")


def export_command(
    records: Annotated[Optional[list[str]], typer.Argument(help="JSONL files of contract records (marsad extract --format jsonl), or - for stdin (or use --db).")] = None,
    db: RecordsDb = None,
    fmt: ExportFmt = ExportFormat.csv,
    out: Annotated[Optional[Path], typer.Option(help="Output file (required for parquet; default stdout).")] = None,
) -> None:
    """Export events as PLOVER JSONL, POLECAT TSV, flat CSV, Parquet, JSONL or CAMEO-coded ICEWS TSV."""
    from marsad.export import export
    from marsad.export.context import store_context
    from marsad.export.records import ErrorCounter, read_records

    if fmt == ExportFormat.parquet and out is None:
        raise typer.BadParameter("parquet needs an output file", param_hint="--out")
    check(output_file, out, "--out")
    record_source(records, db)
    errors = ErrorCounter()
    store = open_db(db) if db is not None else None
    try:
        # The store streams its records (a cursor, or pages of 200 on PostgreSQL): memory stays flat.
        n = export(store.iter_records() if store else read_records(records, errors), fmt.value, out,
                   store_context(store) if store else None)
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
