"""`marsad dedup`: a thin command over marsad.dedup."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer


def dedup_command(
    records: Annotated[list[str], typer.Argument(help="JSONL files of contract records, or - for stdin.")],
    settings: Annotated[Optional[Path], typer.Option(help="TOML file overriding marsad/resources/dedup.toml.")] = None,
    out: Annotated[Optional[Path], typer.Option(help="Write canonical events (JSONL) here; default stdout.")] = None,
    min_reports: Annotated[int, typer.Option(help="Only write canonical events reported by at least this many articles.")] = 1,
) -> None:
    """Merge the same event reported by several articles into canonical events with their reports."""
    import orjson

    from marsad.dedup import DedupSettings, dedup
    from marsad.export.records import ErrorCounter, read_records

    try:
        s = DedupSettings.load(settings)
    except (OSError, ValueError) as exc:
        raise typer.BadParameter(str(exc), param_hint="--settings") from exc
    errors = ErrorCounter()
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
