"""JSONL of the full contract records, one per line, unchanged."""
from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

import orjson

from marsad.export.context import ExportContext


def write_jsonl(records: Iterable[dict], out: TextIO, context: ExportContext | None = None) -> int:
    """Writes whole records; returns the number of events they carry."""
    n = 0
    for rec in records:
        out.write(orjson.dumps(rec).decode("utf-8"))
        out.write("\n")
        n += len(rec["events"])
    return n
