"""Where the seconds of `marsad extract` start-up go: imports, each stage's loading, the first
article through each stage, and the one-article command's wall time.

Usage: python bench/startup.py [--runs 3]
Each figure comes from a new Python process (what a user pays); `cold cache` runs with an empty
Marsad cache directory (MARSAD_CACHE_DIR, marsad.cache), `warm cache` with the one the
previous run filled. The breakdown is CPU time of that process (other engineers' load on this
shared machine does not inflate it); the command is timed by wall clock, best of --runs.
Beside the figures: load average and the reference loop of bench/throughput.py.
Figures are printed, never asserted: see docs/figures.md.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from throughput import machine_state as machine  # beside this file

ROOT = Path(__file__).resolve().parents[1]
MARSAD = str(Path(sys.executable).parent / "marsad")
ARTICLE = str(ROOT / "examples" / "seed-0001.txt")


def breakdown() -> None:
    """Run in a child: print one JSON object of CPU seconds per step."""
    steps: dict[str, float] = {}
    t = time.process_time()

    def mark(name: str) -> None:
        nonlocal t
        now = time.process_time()
        steps[name] = now - t
        t = now

    import marsad.cli  # noqa: F401 - what `marsad` imports before it parses its arguments
    mark("import marsad.cli")
    from marsad.batch import run_extract  # noqa: F401
    from marsad.pipeline import Pipeline
    mark("import batch + pipeline")
    for name, value in _stage_loads().items():
        steps[f"load {name}"] = value
    mark("load stages (sum below)")
    pipeline = Pipeline.default()  # what each stage loads is loaded (functools.cache) by now
    mark("Pipeline.default()")
    from marsad.doc import Doc
    from marsad.pipeline import WARM_UP_TEXT
    from marsad.types import ArticleInput

    doc = Doc.from_input(ArticleInput(id="warm-up", title="", text=WARM_UP_TEXT, date="2018-01-01"))
    for stage in pipeline.stages:
        s = time.process_time()
        doc = stage(doc)
        doc.done.update(stage.provides)
        steps[f"first article: {stage.name}"] = time.process_time() - s
    mark("first article (sum below)")
    from marsad.io.readers import read_articles
    from marsad.io.writers import to_jsonl

    for art in read_articles([ARTICLE]):
        to_jsonl(pipeline(art))
    mark("seed-0001.txt, after the warm-up")
    steps["peak RSS MB"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(steps))


def _stage_loads() -> dict[str, float]:
    """CPU s of building each stage of Pipeline.default(), in its order (the list mirrors it)."""
    from marsad.claims.claims import ClaimExtractor
    from marsad.entities.coref import Coreferencer
    from marsad.entities.mentions import MentionFinder
    from marsad.events.acts import ActLinker
    from marsad.events.events import EventExtractor
    from marsad.ground.stage import Grounder
    from marsad.learn.claims import ClaimModel
    from marsad.learn.stage import EventModel, PlaceModel
    from marsad.names.stage import NameRomaniser
    from marsad.ner.tagger import NerTagger
    from marsad.text.stages import Sentencizer, Tokenizer

    out = {}
    for cls in (Tokenizer, Sentencizer, NerTagger, MentionFinder, Coreferencer, NameRomaniser, ClaimExtractor,
                EventExtractor, EventModel, ClaimModel, Grounder, PlaceModel, ActLinker):
        start = time.process_time()
        cls()
        out[cls.__name__] = time.process_time() - start
    return out


def child(cache: str) -> dict[str, float]:
    out = subprocess.run([sys.executable, __file__, "--child"], capture_output=True, text=True, check=True,
                         env={**os.environ, "MARSAD_CACHE_DIR": cache}, cwd=ROOT / "bench")
    return json.loads(out.stdout)


def command(cache: str, runs: int) -> tuple[float, float]:
    """(wall s, CPU s) of `marsad extract examples/seed-0001.txt`, the fastest of `runs` by CPU time
    (the CPU time of a command is what other load on the machine inflates least)."""
    best = (float("inf"), float("inf"))
    for _ in range(runs):
        before, start = _children_cpu(), time.perf_counter()
        subprocess.run([MARSAD, "extract", ARTICLE], env={**os.environ, "MARSAD_CACHE_DIR": cache},
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        run = (time.perf_counter() - start, _children_cpu() - before)
        best = min(best, run, key=lambda r: r[1])
    return best


def _children_cpu() -> float:
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return kids.ru_utime + kids.ru_stime


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        breakdown()
        return
    with tempfile.TemporaryDirectory() as cache:
        print(f"[{machine()}]")
        cold = child(cache)  # fills the cache
        warm = child(cache)
        print(f"{'CPU s':<44} {'cold cache':>10} {'warm cache':>10}")
        for name in cold:
            print(f"{name:<44} {cold[name]:10.3f} {warm[name]:10.3f}")
        with tempfile.TemporaryDirectory() as empty:
            first = command(empty, 1)
        after = command(cache, args.runs)
        print(f"`marsad extract examples/seed-0001.txt`: first run (empty cache) {first[0]:.2f} s wall, "
              f"{first[1]:.2f} CPU s; after it (best of {args.runs} by CPU) {after[0]:.2f} s wall, "
              f"{after[1]:.2f} CPU s   [{machine()}]")


if __name__ == "__main__":
    main()
