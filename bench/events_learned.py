"""Figures of the learned event models (issue 15): held-out test split and dev gold, rules vs models,
the reliability of `confidence`, and (with --curve) the learning curve.

    python bench/events_learned.py [--curve] [--data ../shared/data]

The test split (annotations/events/train_pool.jsonl, split "test") is never trained or tuned on;
this script only reads it to report.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from marsad.eval.scoring import _match, format_report, score  # noqa: E402
from marsad.learn.train import annotated_rows, evaluate, learned_doc, matched_events, process, train_models  # noqa: E402
from marsad.learn.stage import EventModels  # noqa: E402
from marsad.pipeline import Pipeline  # noqa: E402
from marsad.types import ArticleInput  # noqa: E402

LINES = ("events strict", "events type", "claims")


def summary(rep) -> dict:
    out = {name: round(prf.f1, 3) for name, prf in (("strict", rep.events_strict), ("type", rep.events_type),
                                                     ("claims", rep.claims))}
    for name, acc in (("event_dates", rep.event_dates), ("claim_dates", rep.claim_dates),
                      ("claim_counts", rep.claim_counts), ("event_places", rep.event_places)):
        out[name] = round(acc.value, 3) if acc.total else None
    return out


def rules_report(rows: list[dict]):
    pipe = Pipeline.rules()
    records = {r["id"]: pipe(ArticleInput(id=r["id"], title=r.get("title") or "", text=r["text"],
                                          date=r.get("date"))).to_dict() for r in rows}
    return score(rows, records)


def reliability(processed, models: EventModels) -> list[tuple[str, int, float, float]]:
    """Bins of `confidence` on held-out events: (bin, events, mean confidence, share strictly right)."""
    probs, right = matched_events(processed, models)
    pairs = list(zip(probs, right))
    edges = sorted({round(c, 2) for c in probs})
    quantiles = [edges[int(len(edges) * q)] for q in (0.25, 0.5, 0.75)] if len(edges) > 4 else []
    bounds = [0.0, *quantiles, 1.01]
    table = []
    for lo, hi in zip(bounds, bounds[1:]):
        inside = [(c, r) for c, r in pairs if lo <= c < hi]
        if inside:
            table.append((f"[{lo:.2f}, {min(hi, 1.0):.2f})", len(inside), sum(c for c, _ in inside) / len(inside),
                          sum(r for _, r in inside) / len(inside)))
    return table


def unrequired_roles(processed, models: EventModels) -> dict[str, tuple[int, int]]:
    """What the strict measure does not see: on gold events matched by type whose gold role is
    null ("none is required"), how often the models name one anyway — (named, total) per role."""
    from marsad.ground.stage import Grounder

    grounder = Grounder()
    counts = {"source": [0, 0], "target": [0, 0]}
    for row, doc in processed:
        rec = learned_doc(doc, models, grounder, places=False).to_dict()
        _, _, _, _, pairs = _match(row["events"], rec["events"], rec, lambda g, e: g["type"] == e["type"], "trigger")
        for gold, event in pairs:
            for role, c in counts.items():
                if not gold.get(role):
                    c[1] += 1
                    c[0] += event.get(role) is not None
    return {role: (named, total) for role, (named, total) in counts.items()}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    ap.add_argument("--curve", action="store_true", help="also train on 1/4 and 1/2 of the train split")
    args = ap.parse_args()
    t0 = time.perf_counter()
    test = annotated_rows(args.data, "test")
    dev = [json.loads(line) for line in open(args.data / "gold" / "dev.jsonl", encoding="utf-8")]
    models = EventModels.load()
    results = {}
    for name, rows in (("held-out test", test), ("dev gold", dev)):
        processed = process(rows)
        learned, rules = evaluate(processed, models), rules_report(rows)
        results[name] = {"articles": len(rows), "rules (v0.5.0)": summary(rules), "learned": summary(learned)}
        print(f"## {name}: {len(rows)} articles")
        print(f"{'':22} {'strict':>7} {'type':>7} {'claims':>7} {'e.dates':>8} {'c.dates':>8} {'counts':>7} "
              f"{'places':>7}")
        for label, s in (("rules (v0.5.0)", summary(rules)), ("learned", summary(learned))):
            cells = [s["strict"], s["type"], s["claims"], s["event_dates"], s["claim_dates"], s["claim_counts"],
                     s["event_places"]]
            print(f"{label:22} " + " ".join(f"{c:>7}" if c is not None else "    n/a" for c in cells))
        if name == "held-out test":
            print("\nper type (learned):")
            print(format_report(learned, show_misses=False).split("\n\n")[-1])
            print("\nreliability of confidence on held-out events (bin, events, mean confidence, strictly right):")
            for row in reliability(processed, models):
                print(f"  {row[0]:>14} {row[1]:5d} {row[2]:6.3f} {row[3]:6.3f}")
            print("\nroles named where the gold has none (type-matched events; the strict measure accepts them):")
            for role, (named, total) in unrequired_roles(processed, models).items():
                print(f"  {role:7} {named} of {total} ({named / max(total, 1):.1%})")
        print()
    if args.curve:
        train = annotated_rows(args.data, "train")
        test_processed = process(test)
        train_processed = process(train)
        print("## learning curve (held-out strict / type F1; threshold and \"none\" offsets as the shipped models)")
        for frac in (0.25, 0.5, 1.0):
            part = train_processed[:int(len(train_processed) * frac)]
            m, _ = train_models(part, none_threshold=models.none_threshold)
            m = replace(m, none_offsets=models.none_offsets)
            rep = evaluate(test_processed, m)
            print(f"  {frac:4} of train ({len(part)} articles): strict {rep.events_strict.f1:.3f}  "
                  f"type {rep.events_type.f1:.3f}")
    print(f"({time.perf_counter() - t0:.0f} s)")


if __name__ == "__main__":
    main()
