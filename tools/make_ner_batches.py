"""Blind NER annotation batches (issue 16): texts only, never Marsad's tags.

    python tools/make_ner_batches.py --out /path/outside/the/repo

Annotator K (1..3) gets 100 of 300 ANERcorp dev-split sentences (seed 16; calibration, scored by
`marsad eval-ner`), then every third train-split article of the events sample (the articles of
annotations/events/train_pool.jsonl whose split is train, in sample order), up to 200, with every
10th item a second annotation of the previous annotator's article (the double-annotated 10 %).
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from marsad.eval.annotations import split_of  # noqa: E402
from marsad.ner.conll import Split  # noqa: E402
from marsad.ner.train import SPLIT_FILE  # noqa: E402

SHARED = REPO.parent / "shared" / "data"
ANNOTATORS, PER_ANNOTATOR, CALIBRATION = 3, 200, 300


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args()
    _, dev = Split.load(SPLIT_FILE).apply(SHARED)
    picked = sorted(random.Random(16).sample(range(len(dev)), CALIBRATION))
    calibration = [{"id": f"anercorp-dev-{i}", "text": " ".join(dev[i].words)} for i in picked]
    order = (REPO / "annotations" / "events" / "sample_order.txt").read_text().split()
    pool = {}
    with open(SHARED / "corpora" / "train_pool.jsonl", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            pool[r["id"]] = r
    train_ids = [i for i in order[:6 * 170] if split_of(i) == "train"]
    primary = [train_ids[k::ANNOTATORS][:PER_ANNOTATOR] for k in range(ANNOTATORS)]
    (args.out / "batches").mkdir(parents=True, exist_ok=True)
    for k in range(ANNOTATORS):
        items = calibration[k * 100:(k + 1) * 100]
        previous = primary[(k - 1) % ANNOTATORS]
        for p, aid in enumerate(primary[k]):
            items.append({"id": aid, "text": pool[aid]["text"]})
            if p % 9 == 8:
                items.append({"id": previous[p - 8], "text": pool[previous[p - 8]]["text"]})
        with open(args.out / "batches" / f"ner{k + 1}.jsonl", "w", encoding="utf-8") as fh:
            fh.writelines(json.dumps(it, ensure_ascii=False) + "\n" for it in items)
    (args.out / "calibration_dev_indices.json").write_text(json.dumps(picked))


if __name__ == "__main__":
    main()
