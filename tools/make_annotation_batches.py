"""Blind annotation batches for the events corpus (issue 15): texts only, never gold or system output.

    python tools/make_annotation_batches.py --out /path/outside/the/repo

Writes `sample_order.txt` (train_pool ids in a fixed random order, seed 20261207; committed
as annotations/events/sample_order.txt), `calibration_ids.json` (18 dev articles, seed 15)
and `batches/annK.jsonl` for K = 1..6: three dev articles to calibrate on, then annotator
K's share of the sample (every 6th id from K-1), with every 10th item a second annotation
of the previous annotator's article (the double-annotated 10 %).

Rounds 1 and 2 take 6 x 170 ids each; round 3 takes the rest of the sample (ids 2040 onwards)
and opens each batch with two more dev articles not used before (12 more, seed 16), so that the
calibration is measured again for the annotators of that round.
"""
from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"
ANNOTATORS = 6
PER_ANNOTATOR = 170


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--round", type=int, default=1, choices=(1, 2, 3),
                    help="2: the next 6 x 170 ids, no calibration items; 3: the rest of the sample, two new "
                         "calibration items each (files annK_rN.jsonl)")
    args = ap.parse_args()
    pool = [json.loads(line) for line in open(SHARED / "corpora" / "train_pool.jsonl", encoding="utf-8")]
    dev = [json.loads(line) for line in open(SHARED / "gold" / "dev.jsonl", encoding="utf-8")]
    order = random.Random(20261207).sample(sorted(r["id"] for r in pool), len(pool))
    (args.out / "batches").mkdir(parents=True, exist_ok=True)
    (args.out / "sample_order.txt").write_text("\n".join(order) + "\n")
    by_id = {r["id"]: r for r in pool}
    calibration = random.Random(15).sample(sorted(g["id"] for g in dev), 18)
    dev_by_id = {g["id"]: g for g in dev}
    first = (args.round - 1) * ANNOTATORS * PER_ANNOTATOR
    taken = order[first:] if args.round == 3 else order[first:first + ANNOTATORS * PER_ANNOTATOR]
    primary = [taken[i::ANNOTATORS] if args.round == 3 else taken[i::ANNOTATORS][:PER_ANNOTATOR]
               for i in range(ANNOTATORS)]
    unused_dev = sorted(set(dev_by_id) - set(calibration))
    recalibration = random.Random(16).sample(unused_dev, 2 * ANNOTATORS)

    def text_only(r: dict) -> dict:
        return {k: r[k] for k in ("id", "title", "date", "source", "text")}

    for i in range(ANNOTATORS):
        if args.round == 1:
            items = [text_only(dev_by_id[c]) for c in calibration[3 * i:3 * i + 3]]
        elif args.round == 3:
            items = [text_only(dev_by_id[c]) for c in recalibration[2 * i:2 * i + 2]]
        else:
            items = []
        previous = primary[(i - 1) % ANNOTATORS]
        for p, aid in enumerate(primary[i]):
            items.append(text_only(by_id[aid]))
            if p % 9 == 8:
                items.append(text_only(by_id[previous[p - 8]]))
        suffix = "" if args.round == 1 else f"_r{args.round}"
        with open(args.out / "batches" / f"ann{i + 1}{suffix}.jsonl", "w", encoding="utf-8") as fh:
            fh.writelines(json.dumps(it, ensure_ascii=False) + "\n" for it in items)
    (args.out / "calibration_ids.json").write_text(
        json.dumps({"calibration": calibration, "calibration_round3": recalibration}, indent=1))


if __name__ == "__main__":
    main()
