"""Pairwise precision and recall of cross-article dedup on the labelled pairs.

Usage: python bench/dedup.py [--settings FILE] [--errors]
       python bench/dedup.py --scale 100000 [--records RECORDS.jsonl]
Runs the pipeline on the 2018 articles of ../shared/data/corpora/pool_2000.jsonl, finds each
labelled event again (same article, type and trigger offsets), and scores two things against the
hand labels of bench/data/dedup_pairs.jsonl ("unsure" pairs left out):
  rule     - marsad.dedup.rule.same_event on the pair alone;
  clusters - `marsad dedup` over all 2018 events: same canonical id (merges through chains count).
Figures are printed for the dev half of batch 1 (the only pairs the rule was tuned on), the
held-out half of batch 1 (test1), batch 2 (test2: labelled after the rule was frozen, all held
out), both held-out parts (test) and everything. `--errors` lists the dev half's disagreements (never the test half's).
`--scale N` instead times `dedup` on N events: real 2018 records looped under new ids with dates
shifted a year a pass (bench/export.py), and prints events/s and the peak RSS.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

import orjson

from marsad.dedup import DedupSettings, dedup
from marsad.dedup.keys import event_key
from marsad.dedup.rule import same_event, verdict
from marsad.io.readers import ReadError, read_articles
from marsad.pipeline import default_pipeline

HERE = Path(__file__).resolve().parent
POOL = HERE.parents[1] / "shared" / "data" / "corpora" / "pool_2000.jsonl"
PAIRS = HERE / "data" / "dedup_pairs.jsonl"


def records_2018() -> dict[str, dict]:
    nlp = default_pipeline()
    return {a.id: nlp(a).to_dict() for a in read_articles([str(POOL)])
            if not isinstance(a, ReadError) and (a.date or "").startswith("2018")}


def find_event(rec: dict, side: dict) -> int | None:
    """The record's event for a labelled one: the same trigger, else (the learned models anchor an
    event on another word of its sentence) an event of the same type in the same sentence."""
    start, end = side["trigger"]["start"], side["trigger"]["end"]
    for i, ev in enumerate(rec["events"]):
        t = ev["trigger"]
        if ev["type"] == side["type"] and (t["start"], t["end"]) == (start, end):
            return i
    sentence = next(((s["start"], s["end"]) for s in rec.get("sentences", []) if s["start"] <= start < s["end"]), None)
    if sentence is None:
        return None
    for i, ev in enumerate(rec["events"]):
        if ev["type"] == side["type"] and sentence[0] <= ev["trigger"]["start"] < sentence[1]:
            return i
    return None


def prf(gold: list[bool], pred: list[bool]) -> str:
    tp = sum(g and p for g, p in zip(gold, pred))
    fp = sum(p and not g for g, p in zip(gold, pred))
    fn = sum(g and not p for g, p in zip(gold, pred))
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P {p:.3f}  R {r:.3f}  F1 {f:.3f}  (tp {tp}, fp {fp}, fn {fn}; {sum(gold)} same / {len(gold)} pairs)"


def scale(events: int, records: Path | None, s: DedupSettings) -> None:
    import tempfile

    from export import looped, make_records, peak_rss_mb  # bench/export.py

    with tempfile.TemporaryDirectory() as tmp:
        if records is None:
            records = Path(tmp) / "records.jsonl"
            make_records(records)
        base = peak_rss_mb()
        t = time.perf_counter()
        result = dedup(looped(records, events), s)
        wall = time.perf_counter() - t
    n = len(result.links)
    merged = sum(1 for c in result.canonical if c.reports > 1)
    print(f"{n} events -> {len(result.canonical)} canonical ({merged} reported by 2+ articles) in {wall:.1f} s: "
          f"{n / wall:.0f} events/s (reading the JSONL included); peak RSS {peak_rss_mb():.0f} MB "
          f"(before: {base:.0f} MB)")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--settings", type=Path, default=None, help="TOML overriding marsad/resources/dedup.toml")
    ap.add_argument("--errors", action="store_true", help="list the dev half's disagreements")
    ap.add_argument("--scale", type=int, default=0, help="time dedup on this many events instead")
    ap.add_argument("--records", type=Path, default=None, help="contract records to loop for --scale")
    args = ap.parse_args()
    s = DedupSettings.load(args.settings)
    if args.scale:
        scale(args.scale, args.records, s)
        return
    pairs = [orjson.loads(l) for l in PAIRS.read_bytes().splitlines() if l.strip()]
    pairs = [p for p in pairs if p["label"] in ("same", "different")]
    recs = records_2018()
    t = time.process_time()
    result = dedup(recs.values(), s)
    dedup_s = time.process_time() - t
    rows, missing = [], 0
    for p in pairs:
        ra, rb = recs[p["a"]["article_id"]], recs[p["b"]["article_id"]]
        ia, ib = find_event(ra, p["a"]), find_event(rb, p["b"])
        if ia is None or ib is None:
            missing += 1  # the pipeline no longer finds the event: both predictions are "different"
            rows.append((p, False, False, None, None))
            continue
        ka, kb = event_key(ra, ia, ra["events"][ia]), event_key(rb, ib, rb["events"][ib])
        rows.append((p, same_event(ka, kb, s), result.links[ka.ref] == result.links[kb.ref], ka, kb))
    n_events = len(result.links)
    merged = sum(1 for c in result.canonical if c.reports > 1)
    print(f"2018 pool: {len(recs)} articles, {n_events} events -> {len(result.canonical)} canonical "
          f"({merged} reported by 2+ articles), dedup {dedup_s:.2f} s CPU")
    print(f"labelled pairs: {len(pairs)} (unsure left out); events no longer found: {missing}")
    views = {"dev": lambda p: p["split"] == "dev",
             "test1": lambda p: p["split"] == "test" and p.get("batch", 1) == 1,
             "test2": lambda p: p["split"] == "test" and p.get("batch", 1) == 2,
             "test": lambda p: p["split"] == "test",
             "all": lambda p: True}
    for name, keep in views.items():
        sel = [r for r in rows if keep(r[0])]
        gold = [r[0]["label"] == "same" for r in sel]
        print(f"{name:5s} rule     {prf(gold, [r[1] for r in sel])}")
        print(f"{name:5s} clusters {prf(gold, [r[2] for r in sel])}")
    if args.errors:
        for p, rule, clus, ka, kb in rows:
            if p["split"] == "dev" and (rule != (p["label"] == "same") or clus != (p["label"] == "same")):
                why = verdict(ka, kb, s)[1] if ka else "event not found"
                print(f"\n{p['pair_id']} gold={p['label']} rule={rule} ({why}) clusters={clus}: {p['note']}")
                for side, k in (("a", ka), ("b", kb)):
                    print(f"  {p[side]['outlet']} {p[side]['date']}: {p[side]['evidence']['text'][:160]}")
                    if k:
                        print(f"    day={k.day} src={k.source} tgt={k.target} place={k.place}")


if __name__ == "__main__":
    main()
