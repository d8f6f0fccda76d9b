"""Throughput and peak memory of `marsad extract` on the benchmark pool.

Usage: python bench/throughput.py [PATH.jsonl] [--limit N]
Prints articles/s on one core (one process; by the process's CPU time, which
other load on a shared machine does not inflate, and by wall clock), tokens/s
and peak RSS. Figures are printed, never asserted: see README for the values.
"""
from __future__ import annotations

import argparse
import os
import resource
import time
from pathlib import Path

from marsad.io.readers import ReadError, read_articles
from marsad.io.writers import to_jsonl
from marsad.pipeline import Pipeline, default_pipeline

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "corpora" / "pool_2000.jsonl"


def machine_state() -> str:
    """The load average and the reference loop, printed beside a figure (bench/jobs.py, startup.py)."""
    one, five, _ = os.getloadavg()
    return f"load {one:.2f}/{five:.2f} (1/5 min), reference loop {reference_ms():.0f} ms, {len(os.sched_getaffinity(0))} cores"


def reference_ms() -> float:
    """CPU ms of a fixed pure-Python workload (dicts, strings, loops): this
    shared VM's speed drifts by tens of percent over an hour, so each run
    prints it next to the throughput to make runs comparable."""
    best = float("inf")
    for _ in range(3):
        t = time.process_time()
        d: dict[str, int] = {}
        for i in range(300_000):
            k = str(i % 5000)
            d[k] = d.get(k, 0) + len(k)
        best = min(best, time.process_time() - t)
    return 1000 * best


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("path", nargs="?", default=str(DEFAULT))
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--repeat", type=int, default=3, help="passes over the corpus; the fastest is reported")
    ap.add_argument("--without", action="append", default=[], metavar="STAGE",
                    help="leave a stage out (e.g. grounding, to measure issue #2's core pipeline)")
    args = ap.parse_args()
    t0 = time.perf_counter()
    pipeline = default_pipeline()
    if args.without:
        pipeline = Pipeline([s for s in pipeline.stages if s.name not in args.without])
    pipeline.warm_up(freeze=True)  # as `marsad extract` does
    load_s = time.perf_counter() - t0
    articles = [a for a in read_articles([args.path]) if not isinstance(a, ReadError)]
    if args.limit:
        articles = articles[: args.limit]
    chars = sum(len(a.text) for a in articles)
    passes = []
    for _ in range(max(1, args.repeat)):
        n_tokens = n_events = n_claims = 0
        start = time.perf_counter()
        cpu_start = time.process_time()
        for art in articles:
            doc = pipeline(art)
            n_tokens += len(doc.tokens)
            n_events += len(doc.events)
            n_claims += len(doc.claims)
            to_jsonl(doc)  # include serialisation, as `extract` does
        passes.append((time.process_time() - cpu_start, time.perf_counter() - start))
    # timeit's rule: the fastest pass is the one least disturbed by other load
    cpu, elapsed = min(passes)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"machine reference loop: {reference_ms():.0f} ms (lower is a faster machine state)")
    print(f"corpus: {args.path}")
    print(f"stages: {', '.join(pipeline.names)}")
    print(f"articles: {len(articles)}  characters: {chars}  tokens: {n_tokens}")
    print(f"events: {n_events}  claims: {n_claims}")
    print(f"start-up (load resources + first article): {load_s:.2f} s")
    print(f"throughput (CPU time of this one process): {len(articles) / cpu:.1f} articles/s, "
          f"{n_tokens / cpu:,.0f} tokens/s")
    print(f"throughput (wall clock): {len(articles) / elapsed:.1f} articles/s")
    print(f"passes (CPU s): {', '.join(f'{c:.2f}' for c, _ in passes)}")
    print(f"peak RSS: {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
