"""Exports of contract records: PLOVER JSONL, POLECAT TSV, flat CSV, Parquet, JSONL, ICEWS TSV.

Each format is a function over an iterable of contract records that streams: records are read,
mapped and written one at a time (Parquet in row groups), so memory does not grow with the
number of events. Each format has its validator in marsad.export.validate.
"""
from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from marsad.export.context import ExportContext

FORMATS: tuple[str, ...] = ("plover", "polecat", "csv", "parquet", "jsonl", "icews")


def export(records: Iterable[dict], fmt: str, out: Path | str | TextIO | None = None,
           context: ExportContext | None = None) -> int:
    """Write `records` in `fmt` to `out` (stdout when None, except Parquet; a text stream for every
    format but Parquet: `marsad serve` streams it); returns the number of events written.
    `context` (store_context of a store) gives dedup links and coding days."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r} (one of {', '.join(FORMATS)})")
    if fmt == "parquet":
        if out is None:
            raise ValueError("the parquet export needs an output file (--out)")
        from marsad.export.parquet import write_parquet
        return write_parquet(records, out, context=context)
    writer = _text_writer(fmt)
    if out is None or hasattr(out, "write"):
        return writer(records, out or sys.stdout, context)
    # newline="" lets the csv module write its own line ends
    with open(out, "w", encoding="utf-8", newline="") as fh:
        return writer(records, fh, context)


def _text_writer(fmt: str):
    if fmt == "plover":
        from marsad.export.plover import write_plover
        return write_plover
    if fmt == "polecat":
        from marsad.export.polecat import write_polecat
        return write_polecat
    if fmt == "csv":
        from marsad.export.flat_csv import write_csv
        return write_csv
    if fmt == "icews":
        from marsad.export.icews import write_icews
        return write_icews
    from marsad.export.jsonl import write_jsonl
    return write_jsonl
