"""Draw candidate event pairs for the dedup labelled set (bench/data/dedup_pairs.jsonl).

Runs the pipeline on the 2018 articles of ../shared/data/corpora/pool_2000.jsonl and draws pairs
of events of the same PLOVER type from different articles dated at most 2 days apart, in three
strata chosen WITHOUT the dedup rule (so the rule is not graded on pairs it picked):
  story  - the two articles' titles share many words (likely the same story);
  actor  - the two events share a resolved actor id in any role (hard negatives live here);
  random - any other pair (mostly easy negatives).
Each candidate keeps the article ids, event type, trigger and evidence offsets and texts; the
label is added by hand. Usage: python bench/dedup_candidates.py > candidates.jsonl
A second batch: --seed 2 --quota story=60,actor=20,random=0 --exclude bench/data/dedup_pairs.jsonl
--prefix b2- (pairs already labelled are skipped).
"""
from __future__ import annotations

import argparse
import datetime as dt
import itertools
import random
import sys
from pathlib import Path

import orjson

from marsad.io.readers import ReadError, read_articles
from marsad.pipeline import default_pipeline
from marsad.text.normalize import fold

POOL = Path(__file__).resolve().parents[2] / "shared" / "data" / "corpora" / "pool_2000.jsonl"
QUOTAS = {"story": 70, "actor": 55, "random": 35}


def records(year: str = "2018") -> list[dict]:
    nlp = default_pipeline()
    out = []
    for art in read_articles([str(POOL)]):
        if isinstance(art, ReadError) or not (art.date or "").startswith(year):
            continue
        out.append(nlp(art).to_dict())
    return out


def title_words(title: str) -> set[str]:
    return {w for w in fold(title or "").split() if len(w) > 3}


def side(rec: dict, i: int) -> dict:
    ev = rec["events"][i]
    evd = ev["evidence"]
    return {"article_id": rec["id"], "outlet": rec.get("source"), "date": rec.get("date"), "title": rec.get("title"),
            "event_index": i, "type": ev["type"],
            "trigger": {"start": ev["trigger"]["start"], "end": ev["trigger"]["end"], "text": ev["trigger"]["text"]},
            "evidence": {"start": evd["start"], "end": evd["end"], "text": rec["text"][evd["start"]:evd["end"]]}}


def actor_ids(ev: dict) -> set[str]:
    return {((ev.get(r) or {}).get("actor") or {}).get("id") for r in ("source", "target")} - {None}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=2018)
    ap.add_argument("--quota", default=",".join(f"{k}={v}" for k, v in QUOTAS.items()))
    ap.add_argument("--exclude", type=Path, default=None, help="pairs file whose pairs are skipped")
    ap.add_argument("--prefix", default="")
    args = ap.parse_args()
    quotas = {k: int(v) for k, v in (item.split("=") for item in args.quota.split(","))}
    done = set()
    if args.exclude:
        for line in args.exclude.read_bytes().splitlines():
            row = orjson.loads(line)
            done.add(tuple(sorted(((row["a"]["article_id"], row["a"]["event_index"]),
                                   (row["b"]["article_id"], row["b"]["event_index"])))))
    recs = records()
    rng = random.Random(args.seed)
    days = {r["id"]: dt.date.fromisoformat(r["date"]).toordinal() for r in recs}
    words = {r["id"]: title_words(r.get("title")) for r in recs}
    strata: dict[str, list] = {k: [] for k in quotas}
    for a, b in itertools.combinations(recs, 2):
        if abs(days[a["id"]] - days[b["id"]]) > 2 or not a["events"] or not b["events"]:
            continue
        wa, wb = words[a["id"]], words[b["id"]]
        jacc = len(wa & wb) / max(1, len(wa | wb))
        for i, ea in enumerate(a["events"]):
            for j, eb in enumerate(b["events"]):
                if ea["type"] != eb["type"]:
                    continue
                kind = "story" if jacc >= 0.25 else "actor" if actor_ids(ea) & actor_ids(eb) else "random"
                if kind in strata and tuple(sorted(((a["id"], i), (b["id"], j)))) not in done:
                    strata[kind].append((a, i, b, j))
    out = []
    for kind, quota in quotas.items():
        if not quota:
            continue
        pool = strata[kind]
        rng.shuffle(pool)
        per_articles: dict[tuple[str, str], int] = {}
        for a, i, b, j in pool:
            key = (a["id"], b["id"])
            if per_articles.get(key, 0) >= 2:
                continue  # at most two pairs per article pair: spread over many stories
            per_articles[key] = per_articles.get(key, 0) + 1
            out.append({"pair_id": f"{args.prefix}{kind}-{len([o for o in out if o['stratum'] == kind]):03d}", "stratum": kind,
                        "a": side(a, i), "b": side(b, j)})
            if per_articles and len([o for o in out if o["stratum"] == kind]) >= quota:
                break
        print(f"{kind}: {len(pool)} candidate pairs, drew {sum(o['stratum'] == kind for o in out)}", file=sys.stderr)
    for row in out:
        sys.stdout.write(orjson.dumps(row).decode("utf-8") + "\n")


if __name__ == "__main__":
    main()
