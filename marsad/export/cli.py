"""`marsad export`: a thin command over marsad.export."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from marsad.export import FORMATS


def export_command(
    records: Annotated[list[str], typer.Argument(help="JSONL files of contract records (marsad extract --format jsonl), or - for stdin.")],
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
    errors = ErrorCounter()
    try:
        n = export(read_records(records, errors), fmt, out)
    except BrokenPipeError:  # `marsad export … | head`: the reader has what it wanted
        sys.stderr.close()
        raise typer.Exit(0)
    except (RuntimeError, OSError) as exc:
        typer.echo(f"error: {out or 'stdout'}: {exc}", err=True)
        raise typer.Exit(1) from exc
    typer.echo(f"{n} event(s) exported, {errors.count} error(s)", err=True)
    if errors.count:
        raise typer.Exit(1)
