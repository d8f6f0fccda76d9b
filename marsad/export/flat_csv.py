"""Flat CSV of events: one row per event, the columns of `flat.COLUMNS`, UTF-8 with a header;
dates as YYYY-MM-DD."""
from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import TextIO

from marsad.export.context import ExportContext
from marsad.export.flat import NAMES, flat_rows


def write_flat_csv(rows: Iterable[dict], out: TextIO) -> int:
    """Flat rows (flat.flat_row) as CSV with NAMES as the header; the one writer of the flat table."""
    writer = csv.DictWriter(out, fieldnames=NAMES, lineterminator="\n")
    writer.writeheader()
    n = 0
    for row in rows:
        writer.writerow(row)
        n += 1
    return n


def write_csv(records: Iterable[dict], out: TextIO, context: ExportContext | None = None) -> int:
    return write_flat_csv(flat_rows(records, context), out)
