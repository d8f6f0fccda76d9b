"""marsad.dask for notebooks: extract_bag gives `marsad extract`'s records, to_dataframe the rows of
`marsad export --format csv`, and dedup on Dask the canonical events of plain dedup; partitions
of a JSONL file read as the whole file reads. Real LocalCluster (tests/conftest.py `dask_client`)."""
from __future__ import annotations

import datetime as dt
import io
import json
import math
import subprocess
import sys
from pathlib import Path

import pytest

import marsad.dask
from marsad.batch import run_extract
from marsad.dask.partitions import plan, read_partition
from marsad.dedup import dedup
from marsad.export.flat import NAMES, flat_rows
from marsad.io.readers import read_articles


def test_a_jsonl_file_read_in_byte_ranges_reads_as_the_whole_file(tmp_path):
    """Line numbers, warnings with their byte offsets, read errors, a BOM, Windows-1256: as a whole read."""
    utf8 = tmp_path / "mixed.jsonl"
    utf8.write_bytes(b"\xef\xbb\xbf" + "".join(f'{{"id": "a{i}", "text": "قال الوزير {i}"}}\n' for i in range(30)).encode()
                     + b'{"id": "bad", "text": "\xff ' + "قال الوزير إن المحادثات انتهت".encode() + b'"}\n\n{"id": "torn", "text": "x\n'
                     + '{"id": "last", "text": "انتهى"}'.encode())
    cp1256 = tmp_path / "cp1256.jsonl"
    cp1256.write_bytes(b"".join(b'{"id": "w%d", "text": "\xc7\xe1\xe6\xd2\xed\xd1 \xed\xe6\xd2\xed\xd1"}\n' % i
                                for i in range(20)))
    paths = [str(utf8), str(cp1256), str(tmp_path / "missing.jsonl")]
    whole = list(read_articles(paths))
    assert any(getattr(item, "warnings", ()) for item in whole)
    for size in (1, 64, 500, 1 << 20):
        parts = plan(paths, size)
        assert [item for part in parts for item in read_partition(part)] == whole
    assert len(plan(paths, 64)) > 20 and all(p.end is None for p in plan([str(utf8)], 1 << 20))


@pytest.fixture(scope="module")
def corpus(shared, tmp_path_factory) -> list[str]:
    """The seedlike articles (.txt, one partition each) and 30 pool articles in one JSONL file."""
    path = tmp_path_factory.mktemp("dask") / "pool30.jsonl"
    with (shared / "corpora" / "pool_2000.jsonl").open(encoding="utf-8") as fh:
        path.write_text("".join(line for _, line in zip(range(30), fh)), encoding="utf-8")
    return [str(shared / "corpora" / "seedlike"), str(path)]


@pytest.fixture(scope="module")
def extracted(corpus) -> list[dict]:
    """What `marsad extract --format jsonl` prints for the corpus, read back."""
    out = io.StringIO()
    stats = run_extract(corpus, out, fmt="jsonl", errors=io.StringIO())
    assert stats.errors == 0 and stats.ok > 60
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_extract_bag_holds_the_records_of_marsad_extract(dask_client, corpus, extracted):
    bag = marsad.dask.extract_bag(corpus, partition_bytes=30_000)
    assert bag.npartitions > len(list(Path(corpus[0]).glob("*.txt"))) + 1
    assert bag.compute() == extracted


def _value(v):
    """A DataFrame cell as flat_row gives it: a missing value None, a timestamp its date, numbers as Python's."""
    if v is None or (isinstance(v, float) and math.isnan(v)) or v is getattr(__import__("pandas"), "NA"):
        return None
    if hasattr(v, "to_pydatetime"):
        return v.to_pydatetime().date()
    return v.item() if hasattr(v, "item") else v


def test_to_dataframe_holds_the_rows_of_the_flat_export(dask_client, corpus, extracted):
    frame = marsad.dask.to_dataframe(marsad.dask.extract_bag(corpus, partition_bytes=30_000)).compute()
    assert tuple(frame.columns) == NAMES
    rows = [{name: _value(v) for name, v in zip(NAMES, row)} for row in frame.itertuples(index=False)]
    expected = list(flat_rows(extracted))
    assert len(rows) == len(expected) > 100
    assert rows == expected
    assert isinstance(rows[0]["article_date"], dt.date)


def _shifted(records: list[dict], days: int, tag: str) -> list[dict]:
    """The records again under new ids, every date `days` later: events then pair across blocks
    (type, day) one or two days apart, at the edges of dedup's date window."""
    def later(value):
        return (dt.date.fromisoformat(value) + dt.timedelta(days=days)).isoformat() if value and len(value) == 10 else value
    return [dict(r, id=f"{r['id']}{tag}", date=later(r.get("date")),
                 events=[dict(e, date={**(e.get("date") or {}), "value": later((e.get("date") or {}).get("value"))})
                         for e in r["events"]]) for r in records]


def test_dedup_on_dask_gives_the_canonical_events_of_plain_dedup(dask_client, pool_records):
    import dask.bag

    records = [*pool_records, *_shifted(pool_records, 1, "~1"), *_shifted(pool_records, 2, "~2")]
    expected = dedup(records)
    assert sum(c.reports > 1 for c in expected.canonical) > 50
    assert any(len({m.day for m in c.members}) > 1 for c in expected.canonical)  # clusters spanning days
    for partitions, buckets in ((9, None), (4, 1)):
        got = marsad.dask.dedup_bag(dask.bag.from_sequence(records, npartitions=partitions), dask_client,
                                    buckets=buckets)
        assert got.links == expected.links
        assert [c.to_dict() for c in got.canonical] == [c.to_dict() for c in expected.canonical]


def test_the_core_install_does_not_import_dask_and_without_it_says_which_extra_to_install():
    code = ("import sys; import marsad.cli, marsad.dask; assert 'dask' not in sys.modules, 'dask imported';"
            "sys.modules['distributed'] = None\n"
            "from marsad.dask.cluster import require_dask\n"
            "try:\n    require_dask()\nexcept Exception as exc:\n    print(exc)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "pip install 'marsad[dask]'" in out and "distributed is missing" in out
