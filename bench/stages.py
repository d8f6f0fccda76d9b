"""Per-stage CPU cost (ms/article) on the benchmark pool, warm caches.

Usage: python bench/stages.py [PATH.jsonl] [--limit N] [--repeat N] [--first-pass]
Resources are loaded and frozen out of the garbage collector's reach as
`marsad extract` does (otherwise collections land on whichever stage happens
to allocate, mostly to_dict); with --repeat, each stage's fastest pass is kept.
With --first-pass, the first pass (per-word caches filling, as in a new
process) is timed too, and each stage's cost beside the warm one.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from marsad.doc import Doc
from marsad.io.readers import ReadError, read_articles
from marsad.pipeline import default_pipeline

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "corpora" / "pool_2000.jsonl"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("path", nargs="?", default=str(DEFAULT))
    ap.add_argument("--limit", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=1, help="timed passes; each stage's fastest is reported")
    ap.add_argument("--first-pass", action="store_true", help="time the first pass too (caches filling)")
    args = ap.parse_args()
    articles = [a for a in read_articles([args.path]) if not isinstance(a, ReadError)][: args.limit]
    pipeline = default_pipeline()
    pipeline.warm_up(freeze=True)  # as `marsad extract` does
    first = _pass(pipeline, articles) if args.first_pass else None
    for art in articles:  # warm the memo caches
        pipeline(art)
    best: dict[str, float] = {}
    for _ in range(max(1, args.repeat)):
        cost = _pass(pipeline, articles)
        best = {k: min(v, best.get(k, v)) for k, v in cost.items()}
    serialise = best.pop("to_dict")
    cost = best
    n = len(articles)
    for name, c in [*cost.items(), ("to_dict", serialise)]:
        extra = f"   first pass {1000 * first[name] / n:6.3f}" if first else ""
        print(f"{name:<12} {1000 * c / n:6.3f} ms/article{extra}")
    total = sum(cost.values()) + serialise
    print(f"{'total':<12} {1000 * total / n:6.3f} ms/article  ({n / total:.0f} articles/s)")
    if first:
        print(f"{'first pass':<12} {1000 * sum(first.values()) / n:6.3f} ms/article  "
              f"({n / sum(first.values()):.0f} articles/s)")


def _pass(pipeline, articles) -> dict[str, float]:
    """CPU s per stage (and to_dict) of one pass."""
    cost = {s.name: 0.0 for s in pipeline.stages}
    cost["to_dict"] = 0.0
    for art in articles:
        doc = Doc.from_input(art)
        for stage in pipeline.stages:
            t = time.process_time()
            doc = stage(doc)
            doc.done.update(stage.provides)
            cost[stage.name] += time.process_time() - t
        t = time.process_time()
        doc.to_dict()
        cost["to_dict"] += time.process_time() - t
    return cost


if __name__ == "__main__":
    main()
