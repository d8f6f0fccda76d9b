"""Marsad on Dask, for notebooks and clusters (needs the extra: `pip install 'marsad[dask]'`).

    from distributed import Client
    import marsad.dask
    client = Client("tcp://scheduler:8786")            # or Client(LocalCluster(...))
    records = marsad.dask.extract_bag(["news/2018/"])  # a dask Bag of contract records
    events = marsad.dask.to_dataframe(records)         # a dask DataFrame: the flat event table

Importing this package does not import Dask; each function does, and says which extra to
install when it is missing. `dedup_bag(records, client)` is marsad.dedup.dedup on the cluster,
`dedup_store_dask(url, client)` is `marsad dedup --db URL --dask` (marsad/dask/dedup.py);
`ingest --dask` is marsad.dask.ingest.
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from marsad.dask.cluster import DaskUnavailable, require_dask
from marsad.dask.dedup import dedup_bag, dedup_store_dask
from marsad.dask.partitions import PARTITION_BYTES, Partition, plan
from marsad.dask.tasks import ReadOptions
from marsad.limits import DEFAULT_LONG, DEFAULT_MAX_CHARS, check_limits

__all__ = ["DaskUnavailable", "dedup_bag", "dedup_store_dask", "extract_bag", "to_dataframe"]


def extract_bag(paths: list[str] | str, date: str | None = None, max_chars: int = DEFAULT_MAX_CHARS,
                long: str = DEFAULT_LONG, rules: bool = False, partition_bytes: int = PARTITION_BYTES) -> Any:
    """A dask Bag of the contract records of the articles under `paths` (the dicts `marsad extract
    --format jsonl` prints, in input order), one partition per file or JSONL byte range (partitions.py).
    Unreadable items and articles the pipeline fails on are left out (`marsad extract` reports them)."""
    require_dask()
    import dask.bag

    check_limits(max_chars, long)
    parts = plan([paths] if isinstance(paths, str) else list(paths), partition_bytes)
    opts = ReadOptions(date, max_chars, long)
    return dask.bag.from_sequence(parts, npartitions=max(1, len(parts))).map_partitions(
        _records, opts=opts, rules=rules)


def _records(parts: list[Partition], opts: ReadOptions, rules: bool) -> list[dict]:
    return list(_iter_records(parts, opts, rules))


def _iter_records(parts: list[Partition], opts: ReadOptions, rules: bool) -> Iterator[dict]:
    import orjson

    from marsad.batch import extracted
    from marsad.dask.tasks import partition_items, worker_pipeline
    from marsad.io.readers import ReadError
    from marsad.pipeline import Pipeline, default_pipeline

    pipeline = worker_pipeline(Pipeline.rules if rules else default_pipeline)
    for part in parts:
        for item in partition_items(part, opts):
            if isinstance(item, ReadError):
                continue
            ok, line = extracted(pipeline, item, "jsonl", False)  # what `marsad extract --format jsonl` prints
            if ok:  # a failed article is left out of the output there too
                yield orjson.loads(line)


# pandas dtypes of the flat table's column kinds (marsad/export/flat.py): nullable where a value may be missing
DTYPES = {"string": "string", "int32": "Int32", "float64": "float64", "bool": "boolean", "date": "datetime64[s]"}


def to_dataframe(records: Any, per_sentence: bool = False) -> Any:
    """The flat event table (the columns and values of `marsad export --format csv`, one row per act;
    `per_sentence`: per event as extracted) of a Bag of records (`extract_bag`), or of the articles
    under the paths given instead, as a dask DataFrame. Dates are datetime64[s]."""
    require_dask()
    import dask
    import dask.dataframe

    if isinstance(records, (str, list, tuple)):
        records = extract_bag(records)
    meta = _frame([], per_sentence)
    return dask.dataframe.from_delayed([dask.delayed(_frame)(part, per_sentence) for part in records.to_delayed()],
                                       meta=meta, verify_meta=False)


def _frame(records: list[dict], per_sentence: bool) -> Any:
    import pandas

    from marsad.export.flat import COLUMNS, NAMES, flat_rows

    frame = pandas.DataFrame.from_records(list(flat_rows(records, per_sentence=per_sentence)), columns=list(NAMES))
    return frame.astype({c.name: DTYPES[c.kind] for c in COLUMNS})
