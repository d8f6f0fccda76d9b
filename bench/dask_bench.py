"""Marsad on Dask: figures to read, never to assert (the machine's load is printed beside each).

Usage: python bench/dask_bench.py [--input FILE.jsonl] [--events N] [--skip ingest|dedup|single]

1. `ingest --dask local:1` vs `local:2` over ../shared/data/corpora/pool_2000.jsonl into a new
   SQLite store each run: articles/s cold (the cluster's first run: worker start-up and pipeline
   load included) and warm (a second run on the same cluster, into a new store); the scheduler's
   overhead per partition (local:1, warm: wall time less the workers' task time, per partition;
   and a Dask no-op task's round trip); peak RSS of each worker process.
2. dedup of N (1,000,000) events on `local:2`: real 2018 records (bench/export.py) looped under new ids
   and dates a year later each pass (as bench/dedup.py --scale), each pass made on a worker; time and
   peak RSS per worker and of the client; beside it, today's single-process dedup of the same events
   (bench/dedup.py --scale N in a new process).
3. on paper, from the measured rates: 1,000,000 articles on one 16-core machine and on 4 x 16 cores.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
POOL = HERE.parents[1] / "shared" / "data" / "corpora" / "pool_2000.jsonl"


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"[load {one:.2f}/{five:.2f} on {os.cpu_count()} cores]"


def vm_hwm_mb() -> float:
    """This process's peak RSS (VmHWM), MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def ingest_figures(path: Path, workers: int, tmp: Path) -> dict:
    from distributed import Client, LocalCluster, get_task_stream

    from marsad.dask.ingest import ingest_dask
    from marsad.store import open_store

    out: dict = {}
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster, \
            Client(cluster) as client:
        for run in ("cold", "warm"):
            with open_store(str(tmp / f"w{workers}-{run}.db")) as store:
                cpu = sum(client.run(time.process_time).values())
                with get_task_stream(client) as stream:
                    t = time.perf_counter()
                    stats = ingest_dask([str(path)], store, client, errors=open(os.devnull, "w"))
                    wall = time.perf_counter() - t
                cpu = sum(client.run(time.process_time).values()) - cpu
                busy = sum(sum(s["stop"] - s["start"] for s in task["startstops"] if s["action"] == "compute")
                           for task in stream.data)
                parts = sum(1 for task in stream.data if str(task["key"]).startswith(("extract", "scan")))
            rate = stats.stored / wall
            out[run] = rate
            print(f"local:{workers} {run}: {stats.stored} articles in {wall:.1f} s = {rate:.1f} articles/s; "
                  f"workers busy {busy:.1f} s over {parts} tasks (scan + extract), "
                  f"overhead {(wall * workers - busy) / max(parts, 1) * 1000:.0f} ms per task; the workers' CPU time "
                  f"{cpu:.1f} s = {cpu / wall:.2f} cores on average {load()}", flush=True)
            if run == "warm":
                out["overhead_ms"] = (wall * workers - busy) / max(parts, 1) * 1000
        t = time.perf_counter()
        client.gather(client.map(lambda i: None, range(1000), pure=False))
        noop = (time.perf_counter() - t) / 1000 * 1000
        print(f"local:{workers}: a no-op task's round trip through the scheduler: {noop:.2f} ms (1000 tasks) {load()}")
        rss = client.run(vm_hwm_mb)
        print(f"local:{workers}: peak RSS per worker: " + ", ".join(f"{v:.0f} MB" for v in rss.values()) + f" {load()}")
        out["rss"] = max(rss.values())
    return out


def pass_records(path: str, k: int, limit: int) -> list[dict]:
    """Pass `k` of bench/export.py's `looped`: the records under new ids, dates 366*k days later,
    while fewer than `limit` events were given."""
    sys.path.insert(0, str(HERE))
    from export import shifted  # bench/export.py

    from marsad.export.records import read_records

    out, n = [], 0
    for rec in read_records([Path(path)]):
        if n >= limit:
            break
        rec = shifted(rec, k)
        n += len(rec["events"])
        out.append(rec)
    return out


def dedup_figures(events: int, tmp: Path, single: bool) -> None:
    import dask
    import dask.bag
    from distributed import Client, LocalCluster

    sys.path.insert(0, str(HERE))
    from export import make_records

    from marsad.dask.dedup import dedup_bag
    from marsad.export.records import read_records

    records = tmp / "records.jsonl"
    make_records(records)
    per_pass = sum(len(r["events"]) for r in read_records([records]))
    passes = -(-events // per_pass)
    print(f"dedup: {per_pass} events a pass of the 2018 records, {passes} passes for {events} events")
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster, \
            Client(cluster) as client:
        bag = dask.bag.from_delayed([dask.delayed(pass_records)(str(records), k, min(per_pass, events - k * per_pass))
                                     for k in range(passes)])
        base = vm_hwm_mb()
        t = time.perf_counter()
        result = dedup_bag(bag, client, buckets=32)
        wall = time.perf_counter() - t
        rss = client.run(vm_hwm_mb)
    n = len(result.links)
    merged = sum(1 for c in result.canonical if c.reports > 1)
    print(f"dedup on local:2: {n} events -> {len(result.canonical)} canonical ({merged} reported by 2+ articles) "
          f"in {wall:.1f} s = {n / wall:.0f} events/s (making the passes' records included); peak RSS per worker "
          + ", ".join(f"{v:.0f} MB" for v in rss.values()) + f"; client {vm_hwm_mb():.0f} MB (before: {base:.0f} MB) "
          f"{load()}", flush=True)
    if single:
        print(f"single process (python bench/dedup.py --scale {events} --records …) {load()}:", flush=True)
        subprocess.run([sys.executable, str(HERE / "dedup.py"), "--scale", str(events), "--records", str(records)],
                       check=True)
        print(f"  ... done {load()}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--input", type=Path, default=POOL)
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--skip", action="append", default=[], choices=("ingest", "dedup", "single"))
    args = ap.parse_args()
    print(f"machine: {os.cpu_count()} cores, usable {len(os.sched_getaffinity(0))} {load()}")
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        if "ingest" not in args.skip:
            one = ingest_figures(args.input, 1, tmp)
            two = ingest_figures(args.input, 2, tmp)
            print(f"local:2 / local:1: cold {two['cold'] / one['cold']:.2f}x, warm {two['warm'] / one['warm']:.2f}x "
                  f"(target >= 1.7x) {load()}")
            paper(one["warm"], two["warm"] / (2 * one["warm"]), one["overhead_ms"])
        if "dedup" not in args.skip:
            dedup_figures(args.events, tmp, "single" not in args.skip)


def paper(per_worker: float, efficiency: float, overhead_ms: float) -> None:
    """1,000,000 articles at the measured rate of one worker: scaled by the 2-worker efficiency measured
    here (a floor where the 2 cores were shared) and linearly (the bound on free cores)."""
    for cores, label in ((16, "one 16-core machine"), (64, "4 x 16 cores")):
        low = per_worker * cores * min(1.0, efficiency)
        high = per_worker * cores
        print(f"on paper, {label}: {per_worker:.0f} articles/s per worker x {cores} workers x "
              f"{min(1.0, efficiency):.2f} (2-worker efficiency measured here) .. x 1.00 = {low:.0f} .. {high:.0f} "
              f"articles/s -> 1,000,000 articles in {1_000_000 / high / 60:.0f}-{1_000_000 / low / 60:.0f} min "
              f"(scheduler overhead {overhead_ms:.0f} ms per task included in the rate; assumes one PostgreSQL "
              f"keeps up with {high / 65:.0f} partition transactions/s)")


if __name__ == "__main__":
    main()
