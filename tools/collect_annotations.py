"""Gather the annotators' files into the committed corpus (issue 15), without article texts.

    python tools/collect_annotations.py --batches DIR/batches --out-dir annotations/events ANN1.jsonl ...

Each annotator file `annK.jsonl` is checked (format, evidence verbatim in the text) and split into
  train_pool.jsonl      the primary annotation of each train_pool article (+ annotator, split)
  double.jsonl          second annotations of the double-annotated 10 %
  calibration_dev.jsonl the blind re-annotations of dev gold articles (calibration)
Each line keeps the text's SHA-1 so that loading joins it to ../shared and notices a changed text.
The split is fixed by the id: test when int(sha1(id)) % 5 == 0 (20 %), else train.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from marsad.eval.annotations import split_of, text_hash  # noqa: E402

TYPES = set("AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN PROTEST "
            "SANCTION MOBILIZE COERCE ASSAULT".split())
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def problems(ann: dict, text: str) -> list[str]:
    out = []
    for e in ann.get("events", []):
        if e.get("type") not in TYPES:
            out.append(f"type {e.get('type')!r}")
        if e.get("evidence") not in text:
            out.append(f"evidence not in text: {e.get('evidence')!r}")
        if e.get("date") is not None and not DATE.match(str(e.get("date"))):
            out.append(f"date {e.get('date')!r}")
    for c in ann.get("claims", []):
        if c.get("evidence") not in text:
            out.append(f"claim evidence not in text: {c.get('evidence')!r}")
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--batches", type=Path, required=True)
    ap.add_argument("--out-dir", type=Path, required=True)
    ap.add_argument("files", nargs="+", type=Path)
    args = ap.parse_args()
    order = (args.out_dir / "sample_order.txt").read_text().split()
    primary_of = {aid: f"ann{i % 6 + 1}" for i, aid in enumerate(order[:6 * 170])}
    # round 2 (tools/make_annotation_batches.py --round 2): the next 6 x 170 ids, files annK_r2
    primary_of.update({aid: f"ann{i % 6 + 1}_r2" for i, aid in enumerate(order[6 * 170:12 * 170])})
    # round 3 (--round 3): the rest of the sample, files annK_r3
    primary_of.update({aid: f"ann{i % 6 + 1}_r3" for i, aid in enumerate(order[12 * 170:])})
    out = {"train_pool": [], "double": [], "calibration_dev": []}
    bad = 0
    for path in sorted(args.files):
        annotator = path.stem
        texts = {}
        for line in open(args.batches / path.name, encoding="utf-8"):
            r = json.loads(line)
            texts[r["id"]] = r["text"]
        for n, line in enumerate(open(path, encoding="utf-8"), 1):
            if not line.strip():
                continue
            ann = json.loads(line)
            text = texts[ann["id"]]
            found = problems(ann, text)
            if found:
                bad += 1
                print(f"{path}:{n}: {ann['id']}: {'; '.join(found)} (left out)", file=sys.stderr)
                continue
            row = {"id": ann["id"], "text_sha1": text_hash(text), "annotator": annotator,
                   "events": ann.get("events", []), "claims": ann.get("claims", [])}
            if ann["id"] not in primary_of:
                out["calibration_dev"].append(row)
            elif primary_of[ann["id"]] == annotator:
                out["train_pool"].append({**row, "split": split_of(ann["id"])})
            else:
                out["double"].append(row)
    key = {aid: i for i, aid in enumerate(order)}
    for name, rows in out.items():
        rows.sort(key=lambda r: (key.get(r["id"], -1), r["id"], r["annotator"]))
        with open(args.out_dir / f"{name}.jsonl", "w", encoding="utf-8") as fh:
            fh.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
        print(f"{name}: {len(rows)} articles, {sum(len(r['events']) for r in rows)} events, "
              f"{sum(len(r['claims']) for r in rows)} claims", file=sys.stderr)
    print(f"{bad} annotation(s) left out for format problems", file=sys.stderr)


if __name__ == "__main__":
    main()
