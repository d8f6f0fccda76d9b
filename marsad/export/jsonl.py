"""JSONL of the full contract records, one per line, unchanged."""
from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

import orjson


def write_jsonl(records: Iterable[dict], out: TextIO) -> int:
    """Writes whole records; returns the number of events they carry."""
    n = 0
    for rec in records:
        out.write(orjson.dumps(rec).decode("utf-8"))
        out.write("\n")
        n += len(rec["events"])
    return n
