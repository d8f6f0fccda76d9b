"""`marsad export`: a thin command over marsad.export (and, for `--canonical`, marsad.store.canonical)."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from marsad.options import (
    ExportFmt, ExportFormat, RecordsDb, check, event_filter, open_db, output_file, with_event_filters,
)

CANONICAL_FORMATS = (ExportFormat.csv, ExportFormat.jsonl, ExportFormat.parquet)


def record_source(records: list[str] | None, db: str | None) -> None:
    """Records come from files or from a store: exactly one of the two."""
    if records and db is not None:
        raise typer.BadParameter("give JSONL files or --db, not both", param_hint="RECORDS/--db")
    if not records and db is None:
        raise typer.BadParameter("give JSONL files of records (or - for stdin), or --db URL", param_hint="RECORDS/--db")


def selected_records(store, f):
    """The stored records with an event `f` selects, each a `Selected` record that exports only
    those events (and the acts they belong to)."""
    from marsad.export.records import Selected
    from marsad.store.query import event_keys

    keys = event_keys(store, f)
    for rec in store.iter_records():
        kept = keys.get(rec["id"])
        if kept:
            selected = Selected(rec)
            selected.kept = frozenset(kept)
            yield selected


@with_event_filters(after="canonical")
def export_command(
    records: Annotated[Optional[list[str]], typer.Argument(help="JSONL files of contract records (marsad extract --format jsonl), or - for stdin (or use --db).")] = None,
    db: RecordsDb = None,
    fmt: ExportFmt = ExportFormat.csv,
    out: Annotated[Optional[Path], typer.Option(help="Output file (required for parquet; default stdout).")] = None,
    canonical: Annotated[bool, typer.Option("--canonical", help="With --db: one row per canonical event (after `marsad dedup --db`) with the names, evidence and URLs of its reports (csv, jsonl or parquet).")] = False,
    *,
    filters: dict,
) -> None:
    """Export events as PLOVER JSONL, POLECAT TSV, flat CSV, Parquet, JSONL or CAMEO-coded ICEWS TSV.

    With --db, the filters of `marsad events` select what is exported (an act is exported when one of
    its sentences is selected; jsonl writes the whole records that hold a selected event)."""
    from marsad.export import export
    from marsad.export.context import store_context
    from marsad.export.records import ErrorCounter, read_records
    from marsad.store.query import EventFilter

    if fmt == ExportFormat.parquet and out is None:
        raise typer.BadParameter("parquet needs an output file", param_hint="--out")
    check(output_file, out, "--out")
    record_source(records, db)
    f = event_filter(**filters)
    filtered = f != EventFilter()
    if db is None and (filtered or canonical):
        raise typer.BadParameter("filters and --canonical read a store: give --db URL", param_hint="--db")
    if canonical and fmt not in CANONICAL_FORMATS:
        raise typer.BadParameter(f"--canonical writes csv, jsonl or parquet, not {fmt.value}", param_hint="--format")
    errors = ErrorCounter()
    store = open_db(db) if db is not None else None
    try:
        if canonical:
            n = _canonical(store, f, fmt.value, out)
        else:
            # The store streams its records (a cursor, or pages of 200 on PostgreSQL): memory stays flat.
            source_records = (selected_records(store, f) if filtered else store.iter_records()) if store \
                else read_records(records, errors)
            n = export(source_records, fmt.value, out, store_context(store) if store else None)
    except BrokenPipeError:  # `marsad export … | head`: the reader has what it wanted
        sys.stderr.close()
        raise typer.Exit(0)
    except (RuntimeError, OSError) as exc:
        typer.echo(f"error: {out or 'stdout'}: {exc}", err=True)
        raise typer.Exit(1) from exc
    finally:
        if store:
            store.close()
    noun = "canonical event(s)" if canonical else "event(s)"
    typer.echo(f"{n} {noun} exported, {errors.count} error(s)", err=True)
    if errors.count:
        raise typer.Exit(1)


def _canonical(store, f, fmt: str, out: Path | None) -> int:
    from marsad.options import ValueProblem
    from marsad.store.canonical import canonical_rows, write_canonical

    if store.count("canonical_events") == 0:
        raise ValueProblem("--canonical: this store has no dedup clusters; run `marsad dedup --db URL` first")
    rows = canonical_rows(store, f)
    if fmt == "parquet":
        return write_canonical(rows, fmt, None, str(out))
    if out is None:
        return write_canonical(rows, fmt, sys.stdout)
    with open(out, "w", encoding="utf-8", newline="") as fh:
        return write_canonical(rows, fmt, fh)
