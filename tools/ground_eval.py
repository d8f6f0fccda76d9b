#!/usr/bin/env python3
"""Grounding accuracy on the gold dev set (issue #3).

For gold events/claims with a `date`: the share whose system item (same
sentence as the gold evidence; same type for events) has that date value.
For gold claims with a `quantity`: the share whose system claim (same
sentence) has a quantity with the same value and comparator.
An item counts as found when any system item in the sentence matches.

Run: .venv/bin/python tools/ground_eval.py [gold.jsonl] [-v]   (-v lists the misses)
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from marsad.pipeline import Pipeline  # noqa: E402
from marsad.types import ArticleInput  # noqa: E402

VERBOSE = "-v" in sys.argv
GOLD = REPO.parent / "shared" / "data" / "gold" / "dev.jsonl"


def main() -> None:
    args = [a for a in sys.argv[1:] if a != "-v"]
    gold_path = Path(args[0]) if args else GOLD
    pipe = Pipeline.default()
    tallies = {"event_date": [0, 0, 0, 0], "claim_date": [0, 0, 0, 0], "claim_quantity": [0, 0, 0, 0]}  # hit, has-item, total, baseline
    for line in gold_path.open(encoding="utf-8"):
        row = json.loads(line)
        doc = pipe(ArticleInput(row["id"], row.get("title", ""), row["text"], row.get("date")))

        def sent_of(evidence: str) -> int | None:
            pos = doc.text.find(evidence)
            if pos < 0:
                return None
            return next((k for k, s in enumerate(doc.sentences) if s.start <= pos < s.end), None)

        def tally(name: str, items: list, hit: bool, baseline: bool, miss_line: tuple) -> None:
            t = tallies[name]
            t[2] += 1
            t[1] += bool(items)
            t[0] += hit
            t[3] += bool(items) and baseline
            if VERBOSE and items and not hit:
                print(*miss_line)

        for g in row.get("events", []):
            if not g.get("date"):
                continue
            items = [e for e in doc.events if e.sentence == sent_of(g["evidence"]) and e.type == g["type"]]
            tally("event_date", items, any(e.date.value == g["date"] for e in items), row.get("date") == g["date"],
                  ("EV", g["date"], [e.date.value for e in items], g["evidence"][:60]))
        for g in row.get("claims", []):
            items = [c for c in doc.claims if c.sentence == sent_of(g["evidence"])]
            if g.get("date"):
                tally("claim_date", items, any(c.date.value == g["date"] for c in items),
                      row.get("date") == g["date"],
                      ("CL", g["date"], [c.date.value for c in items], g["evidence"][:60]))
            if g.get("quantity"):
                q = g["quantity"]
                hit = any(x.value == q["value"] and x.comparator == q["comparator"]
                          for c in items for x in c.quantities)
                tally("claim_quantity", items, hit, False,
                      ("Q", q, [[(x.value, x.comparator) for x in c.quantities] for c in items],
                               g["evidence"][:50]))
    for name, (hit, found, total, base) in tallies.items():
        extra = f"; article-date baseline {base}/{found}" if name.endswith("date") else ""
        print(f"{name:15s} {hit}/{total} = {hit / max(total, 1):.3f} of gold;"
              f" {hit}/{found} = {hit / max(found, 1):.3f} of those with a system item in the sentence{extra}")


if __name__ == "__main__":
    main()
