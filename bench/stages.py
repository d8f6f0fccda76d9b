"""Per-stage CPU cost (ms/article) on the benchmark pool, warm caches.

Usage: python bench/stages.py [PATH.jsonl] [--limit N] [--repeat N]
Resources are loaded and frozen out of the garbage collector's reach as
`marsad extract` does (otherwise collections land on whichever stage happens
to allocate, mostly to_dict); with --repeat, each stage's fastest pass is kept.
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
    args = ap.parse_args()
    articles = [a for a in read_articles([args.path]) if not isinstance(a, ReadError)][: args.limit]
    pipeline = default_pipeline()
    pipeline.warm_up(freeze=True)  # as `marsad extract` does
    for art in articles:  # warm the memo caches
        pipeline(art)
    best: dict[str, float] = {}
    for _ in range(max(1, args.repeat)):
        cost = {s.name: 0.0 for s in pipeline.stages}
        serialise = 0.0
        for art in articles:
            doc = Doc.from_input(art)
            for stage in pipeline.stages:
                t = time.process_time()
                doc = stage(doc)
                doc.done.update(stage.provides)
                cost[stage.name] += time.process_time() - t
            t = time.process_time()
            doc.to_dict()
            serialise += time.process_time() - t
        cost["to_dict"] = serialise
        best = {k: min(v, best.get(k, v)) for k, v in cost.items()}
    serialise = best.pop("to_dict")
    cost = best
    n = len(articles)
    for name, c in [*cost.items(), ("to_dict", serialise)]:
        print(f"{name:<12} {1000 * c / n:6.3f} ms/article")
    total = sum(cost.values()) + serialise
    print(f"{'total':<12} {1000 * total / n:6.3f} ms/article  ({n / total:.0f} articles/s)")


if __name__ == "__main__":
    main()
