"""Flat CSV of events: one row per event, the columns of `flat.COLUMNS`, UTF-8 with a header."""
from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import TextIO

from marsad.export.flat import NAMES, flat_rows


def write_csv(records: Iterable[dict], out: TextIO) -> int:
    writer = csv.DictWriter(out, fieldnames=NAMES, lineterminator="\n")
    writer.writeheader()
    n = 0
    for row in flat_rows(records):
        writer.writerow(row)
        n += 1
    return n
