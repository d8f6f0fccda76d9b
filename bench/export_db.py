"""Export from a store (`marsad export --db`): rate and memory at 10,000 and 100,000 events.

Usage: python bench/export_db.py [--events 100000] [--records RECORDS.jsonl]
Fills a SQLite and a PostgreSQL store (a throwaway cluster, tests/store/pgcluster.py; one per size)
with real records (the 2018 articles of pool_2000.jsonl, extracted once, copied under new ids as
bench/export.py does; written with the store's own write path, search text left empty), then a
fresh process per store and format streams `Store.iter_records()` into the exporter and reports
events/s and its own peak RSS: the same peak at 10k and 100k events means memory stays flat.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests" / "store"))
from export import looped, peak_rss_mb, records_file  # noqa: E402  (bench/export.py)

FORMATS = ("polecat", "plover", "csv")
BATCH = 200


def fill(url: str, records: Path, events: int) -> int:
    from marsad.store import open_store
    from marsad.store.rows import flatten
    from marsad.store.version import pipeline_version

    version, batch, n = pipeline_version(), [], 0
    with open_store(url) as store:
        for rec in looped(records, events):
            batch.append(flatten(rec, version, "bench"))
            n += len(rec["events"])
            if len(batch) == BATCH:
                store.write(batch, set())
                batch = []
        if batch:
            store.write(batch, set())
        store.optimize()
    return n


def run_one(url: str, fmt: str, out: Path) -> None:
    from marsad.export import export
    from marsad.store import open_store

    t = time.perf_counter()
    with open_store(url) as store:
        n = export(store.iter_records(), fmt, out)
    wall = time.perf_counter() - t
    print(json.dumps({"events": n, "rate": n / wall, "peak_rss_mb": peak_rss_mb()}))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--records", type=Path, default=None)
    ap.add_argument("--one", nargs=3, default=None, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        run_one(args.one[0], args.one[1], Path(args.one[2]))
        return
    with tempfile.TemporaryDirectory() as tmp:
        tmp_dir = Path(tmp)
        records = records_file(args.records, tmp_dir)
        from pgcluster import PgCluster, pg_bindir

        bindir = pg_bindir()
        if bindir is None:
            sys.exit("no PostgreSQL binaries (initdb): install Debian's postgresql")
        cluster = PgCluster(bindir)
        cluster.start()
        try:
            print(f"{'store':10s} {'format':8s} {'events':>8s} {'events/s':>9s} {'peak RSS MB':>11s}", flush=True)
            for n in (args.events // 10, args.events):
                for label, url in (("SQLite", str(tmp_dir / f"s{n}.db")), ("PostgreSQL", cluster.new_db())):
                    fill(url, records, n)
                    for fmt in FORMATS:
                        proc = subprocess.run([sys.executable, __file__, "--one", url, fmt, str(tmp_dir / "out")],
                                              capture_output=True, text=True, check=True)
                        r = json.loads(proc.stdout)
                        print(f"{label:10s} {fmt:8s} {r['events']:8d} {r['rate']:9.0f} {r['peak_rss_mb']:11.0f}",
                              flush=True)
        finally:
            cluster.stop()


if __name__ == "__main__":
    main()
