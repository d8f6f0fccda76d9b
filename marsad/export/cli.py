"""`marsad export` and `marsad dedup`: thin commands over marsad.export and marsad.dedup."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from marsad.export import FORMATS


class _Errors:
    """Counts bad input lines while reporting each one on stderr."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, message: str) -> None:
        self.count += 1
        typer.echo(f"error: {message}", err=True)


def export_command(
    records: Annotated[list[str], typer.Argument(help="JSONL files of contract records (marsad extract --format jsonl), or - for stdin.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help=f"One of: {', '.join(FORMATS)}.")] = "csv",
    out: Annotated[Optional[Path], typer.Option(help="Output file (required for parquet; default stdout).")] = None,
) -> None:
    """Export events as PLOVER JSONL, POLECAT TSV, flat CSV, Parquet, JSONL or CAMEO-coded ICEWS CSV."""
    from marsad.export import export
    from marsad.export.records import read_records

    if fmt not in FORMATS:
        raise typer.BadParameter(f"must be one of {', '.join(FORMATS)}", param_hint="--format")
    if fmt == "parquet" and out is None:
        raise typer.BadParameter("parquet needs an output file", param_hint="--out")
    errors = _Errors()
    try:
        n = export(read_records(records, errors), fmt, out)
    except (RuntimeError, OSError) as exc:
        typer.echo(f"error: {out or 'stdout'}: {exc}", err=True)
        raise typer.Exit(1) from exc
    typer.echo(f"{n} event(s) exported, {errors.count} error(s)", err=True)
    if errors.count:
        raise typer.Exit(1)


def dedup_command(
    records: Annotated[list[str], typer.Argument(help="JSONL files of contract records, or - for stdin.")],
    settings: Annotated[Optional[Path], typer.Option(help="TOML file overriding marsad/resources/dedup.toml.")] = None,
    out: Annotated[Optional[Path], typer.Option(help="Write canonical events (JSONL) here; default stdout.")] = None,
    min_reports: Annotated[int, typer.Option(help="Only write canonical events reported by at least this many articles.")] = 1,
) -> None:
    """Merge the same event reported by several articles into canonical events with their reports."""
    import orjson

    from marsad.dedup import DedupSettings, dedup
    from marsad.export.records import read_records

    try:
        s = DedupSettings.load(settings)
    except (OSError, ValueError) as exc:
        raise typer.BadParameter(str(exc), param_hint="--settings") from exc
    errors = _Errors()
    result = dedup(read_records(records, errors), s)
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
               f"{merged} reported by 2+ articles, {errors.count} error(s)", err=True)
    if errors.count:
        raise typer.Exit(1)
