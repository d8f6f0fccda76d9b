"""Time and memory against document length: seconds per million characters.

Usage: python bench/long_doc.py [--copies 1,10,100,1000,2500] [--min-chars N]
One article made of N copies of the seed body (examples/seed-0001.txt),
joined as paragraphs, run through the default pipeline and serialised as
`marsad extract --format jsonl` does. Each size runs in a child process so
its peak RSS is its own; small sizes are repeated until --min-chars
characters have been processed (one copy takes milliseconds). CPU seconds
(this process only, which other load on a shared machine does not inflate)
and wall clock are printed; the issue-13 target is the largest size within
1.5x of the smallest per character, and 2,500 copies (~5.5 M characters)
under 60 s and 2 GB. Figures are printed, never asserted.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

SEED = Path(__file__).resolve().parents[1] / "examples" / "seed-0001.txt"
DEFAULT_COPIES = "1,10,100,1000,2500"


def seed_body() -> str:
    text = SEED.read_text(encoding="utf-8")
    return text.partition("\n\n")[2].strip()


def long_article(copies: int) -> str:
    return "\n\n".join([seed_body()] * copies)


def run_one(copies: int, min_chars: int) -> dict:
    from marsad.io.writers import to_jsonl
    from marsad.pipeline import default_pipeline
    from marsad.types import ArticleInput

    pipeline = default_pipeline()
    pipeline.warm_up(freeze=True)  # as `marsad extract` does
    text = long_article(copies)
    article = ArticleInput(id=f"long-{copies}", title="", text=text, date="2017-12-27")
    repeat = max(1, -(-min_chars // len(text)))
    cpu0, wall0 = time.process_time(), time.perf_counter()
    for _ in range(repeat):
        doc = pipeline(article)
        to_jsonl(doc)
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    return {"copies": copies, "chars": len(text), "repeat": repeat, "cpu": cpu / repeat, "wall": wall / repeat,
            "events": len(doc.events), "claims": len(doc.claims),
            "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--copies", default=DEFAULT_COPIES, help="comma-separated copy counts")
    ap.add_argument("--min-chars", type=int, default=500_000, help="repeat small sizes up to this many characters")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)  # child process: one size, JSON out
    args = ap.parse_args()
    if args.one is not None:
        print(json.dumps(run_one(args.one, args.min_chars)))
        return
    rows = []
    print(f"{'copies':>6} {'chars':>10} {'CPU s':>8} {'wall s':>8} {'CPU s/Mchar':>12} {'wall s/Mchar':>13}"
          f" {'peak RSS MB':>12} {'events':>7} {'claims':>7}")
    for n in (int(c) for c in args.copies.split(",")):
        out = subprocess.run([sys.executable, __file__, "--one", str(n), "--min-chars", str(args.min_chars)],
                             check=True, capture_output=True, text=True).stdout
        r = json.loads(out.strip().splitlines()[-1])
        rows.append(r)
        mchar = r["chars"] / 1e6
        print(f"{n:>6} {r['chars']:>10,} {r['cpu']:>8.2f} {r['wall']:>8.2f} {r['cpu'] / mchar:>12.2f}"
              f" {r['wall'] / mchar:>13.2f} {r['rss_mb']:>12.0f} {r['events']:>7} {r['claims']:>7}", flush=True)
    if len(rows) > 1:
        small, large = rows[0], rows[-1]
        ratio = (large["cpu"] / large["chars"]) / (small["cpu"] / small["chars"])
        print(f"largest/smallest CPU per character: {ratio:.2f}x (target <= 1.5x)")


if __name__ == "__main__":
    main()
