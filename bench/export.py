"""Export rate and memory: every format at 10,000 and 100,000 events.

Usage: python bench/export.py [--events 100000] [--records RECORDS.jsonl]
Extracts the 2018 articles of ../shared/data/corpora/pool_2000.jsonl once (or reads --records),
then, for each format, a fresh process streams those real records in a loop (each pass under new
article ids and dates shifted by a year, so no two events collide) until it has exported the
requested number of events, and reports events/s (wall clock) and its peak RSS. Running each
export in its own process makes the peak RSS that export's own; the same figure at 10k and
100k events shows whether memory grows with the number of events.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
POOL = HERE.parents[1] / "shared" / "data" / "corpora" / "pool_2000.jsonl"
FORMATS = ("plover", "polecat", "csv", "parquet", "jsonl", "icews")


def make_records(path: Path) -> None:
    from marsad.io.readers import ReadError, read_articles
    from marsad.io.writers import to_jsonl
    from marsad.pipeline import default_pipeline

    nlp = default_pipeline()
    with path.open("w", encoding="utf-8") as out:
        for art in read_articles([str(POOL)]):
            if not isinstance(art, ReadError) and (art.date or "").startswith("2018"):
                out.write(to_jsonl(nlp(art)) + "\n")


def _shift(value: str | None, days: int) -> str | None:
    if not value or len(value) != 10 or not days:
        return value
    return (dt.date.fromisoformat(value) + dt.timedelta(days=days)).isoformat()


def shifted(rec: dict, k: int) -> dict:
    """Pass `k` of a real record: a new id, its dates 366 * k days later (pass 0: the record itself)."""
    if not k:
        return rec
    rec = dict(rec, id=f"{rec['id']}~{k}", date=_shift(rec.get("date"), 366 * k))
    rec["events"] = [dict(e, date={**(e.get("date") or {}), "value": _shift((e.get("date") or {}).get("value"), 366 * k)})
                     for e in rec["events"]]
    return rec


def looped(path: Path, events: int) -> Iterator[dict]:
    """Real records, pass after pass under new ids and shifted dates, up to `events` events."""
    from marsad.export.records import read_records

    n, k = 0, 0
    while True:
        for rec in read_records([path]):
            if n >= events:
                return
            rec = shifted(rec, k)
            n += len(rec["events"])
            yield rec
        k += 1


def peak_rss_mb() -> float:
    """This process's peak RSS (VmHWM). Not getrusage: on Linux ru_maxrss survives fork+exec, so a
    child would report its parent's peak."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def run_one(fmt: str, events: int, records: Path, out_dir: Path) -> None:
    from marsad.export import export

    t = time.perf_counter()
    n = export(looped(records, events), fmt, out_dir / f"out.{fmt}")
    wall = time.perf_counter() - t
    size = (out_dir / f"out.{fmt}").stat().st_size
    print(json.dumps({"format": fmt, "events": n, "seconds": wall, "rate": n / wall, "bytes": size,
                      "peak_rss_mb": peak_rss_mb()}))


def records_file(given: Path | None, tmp_dir: Path) -> Path:
    """The records to export: the file given, or real records written to `tmp_dir`."""
    if given is not None:
        return given
    records = tmp_dir / "records.jsonl"
    make_records(records)
    return records


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--records", type=Path, default=None)
    ap.add_argument("--one", default=None, help=argparse.SUPPRESS)
    ap.add_argument("--out-dir", type=Path, default=None, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        run_one(args.one, args.events, args.records, args.out_dir)
        return
    with tempfile.TemporaryDirectory() as tmp:
        tmp_dir = Path(tmp)
        records = records_file(args.records, tmp_dir)
        print(f"{'format':8s} {'events':>8s} {'events/s':>9s} {'MB out':>7s} {'peak RSS MB':>11s}")
        for fmt in FORMATS:
            for n in (args.events // 10, args.events):
                proc = subprocess.run([sys.executable, __file__, "--one", fmt, "--events", str(n),
                                       "--records", str(records), "--out-dir", str(tmp_dir)],
                                      capture_output=True, text=True, check=True)
                r = json.loads(proc.stdout)
                print(f"{fmt:8s} {r['events']:8d} {r['rate']:9.0f} {r['bytes'] / 1e6:7.1f} {r['peak_rss_mb']:11.0f}")


if __name__ == "__main__":
    main()
