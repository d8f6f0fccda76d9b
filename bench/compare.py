"""Throughput of two source trees, measured in alternation (same machine state).

Usage: python bench/compare.py TREE_A TREE_B [--rounds 4] [--limit 2000] [PATH.jsonl]

A shared machine's speed drifts by tens of percent within minutes, so two
`bench/throughput.py` runs taken one after the other compare badly. Here each
tree (a checkout of Marsad, e.g. `git worktree add /tmp/before COMMIT`) runs
in its own warm process; passes over the corpus alternate between them, and
the best and median articles/s of each are printed (CPU time, JSON included).
Figures are printed, never asserted.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from itertools import chain
from pathlib import Path

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "corpora" / "pool_2000.jsonl"


def worker(path: str, limit: int) -> None:
    """Load, run one cold pass, then one timed pass per line read on stdin."""
    from marsad.io.readers import ReadError, read_articles
    from marsad.io.writers import to_jsonl
    from marsad.pipeline import default_pipeline

    articles = [a for a in read_articles([path]) if not isinstance(a, ReadError)][:limit]
    pipeline = default_pipeline()
    pipeline.warm_up(freeze=True)
    for _ in chain([None], sys.stdin):  # the cold pass, then one per request
        start = time.process_time()
        for art in articles:
            to_jsonl(pipeline(art))
        print(f"{len(articles) / (time.process_time() - start):.1f}", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("trees", nargs=2, metavar="TREE")
    ap.add_argument("path", nargs="?", default=str(DEFAULT))
    ap.add_argument("--rounds", type=int, default=4)
    ap.add_argument("--limit", type=int, default=2000)
    ap.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        worker(args.path, args.limit)
        return
    procs = [subprocess.Popen([sys.executable, __file__, "--worker", *args.trees, args.path, "--limit", str(args.limit)],
                              cwd=tree, env={**os.environ, "PYTHONPATH": str(Path(tree).resolve())},
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True) for tree in args.trees]
    cold = [float(p.stdout.readline()) for p in procs]  # type: ignore[union-attr]
    runs: list[list[float]] = [[] for _ in procs]
    for _ in range(args.rounds):
        for k, p in enumerate(procs):
            p.stdin.write("go\n")  # type: ignore[union-attr]
            p.stdin.flush()  # type: ignore[union-attr]
            runs[k].append(float(p.stdout.readline()))  # type: ignore[union-attr]
    for p in procs:
        p.stdin.close()  # type: ignore[union-attr]
        p.wait()
    for tree, c, r in zip(args.trees, cold, runs):
        print(f"{tree}: first pass {c:.1f}, best {max(r):.1f}, median {statistics.median(r):.1f} articles/s "
              f"({', '.join(f'{x:.1f}' for x in r)})")


if __name__ == "__main__":
    main()
