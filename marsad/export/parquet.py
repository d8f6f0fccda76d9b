"""Parquet of the flat event table (flat.COLUMNS), written in row groups so memory stays flat;
dates are typed (date32), each with its precision column."""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from marsad.export.context import ExportContext
from marsad.export.flat import COLUMNS, flat_rows

ROW_GROUP = 10_000  # events buffered per row group: a few MB whatever the total


def _pyarrow():
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError as exc:
        raise RuntimeError("the parquet export needs pyarrow: pip install 'marsad[parquet]'") from exc
    return pyarrow, pyarrow.parquet


def schema():
    pa, _ = _pyarrow()

    kinds = {"string": pa.string(), "int32": pa.int32(), "float64": pa.float64(), "bool": pa.bool_(),
             "date": pa.date32()}
    return pa.schema([(c.name, kinds[c.kind]) for c in COLUMNS])


def write_parquet(records: Iterable[dict], path: Path | str, row_group: int = ROW_GROUP,
                  context: ExportContext | None = None) -> int:
    pa, pq = _pyarrow()
    sch = schema()
    names = sch.names
    n = 0
    with pq.ParquetWriter(str(path), sch, compression="zstd") as writer:
        buf: dict[str, list] = {name: [] for name in names}
        size = 0
        for row in flat_rows(records, context):
            for name in names:
                buf[name].append(row[name])
            size += 1
            if size == row_group:
                writer.write_table(pa.table(buf, schema=sch))
                n += size
                buf = {name: [] for name in names}
                size = 0
        if size or n == 0:
            writer.write_table(pa.table(buf, schema=sch))
            n += size
    return n
