"""Gather the NER annotators' files into annotations/ner/ (offsets and a text hash; no text).
The agreement figures come from the committed files: tools/score_ner_annotations.py.

    python tools/collect_ner_annotations.py --batches DIR/batches --out-dir annotations/ner NER1.jsonl ...
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from marsad.eval.annotations import text_hash  # noqa: E402
from marsad.ner.annotations import resolve  # noqa: E402
from marsad.ner.conll import Split  # noqa: E402
from marsad.ner.train import SPLIT_FILE  # noqa: E402

SHARED = REPO.parent / "shared" / "data"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--batches", type=Path, required=True)
    ap.add_argument("--out-dir", type=Path, required=True)
    ap.add_argument("files", nargs="+", type=Path)
    args = ap.parse_args()
    _, dev = Split.load(SPLIT_FILE).apply(SHARED)
    out: dict[str, list[dict]] = {"calibration_dev": [], "train_pool": [], "double": []}
    seen: set[str] = set()
    texts: dict[str, str] = {}
    for path in sorted(args.files):
        for line in open(args.batches / path.name, encoding="utf-8"):
            r = json.loads(line)
            texts[r["id"]] = r["text"]
        for line in open(path, encoding="utf-8"):
            if not line.strip():
                continue
            ann = json.loads(line)
            text = texts[ann["id"]]
            try:
                spans = resolve(text, ann.get("entities", []))
            except ValueError as exc:
                print(f"{path}: {ann['id']}: {exc} (left out)", file=sys.stderr)
                continue
            row = {"id": ann["id"], "text_sha1": text_hash(text), "annotator": path.stem,
                   "entities": [list(s) for s in spans]}
            if ann["id"].startswith("anercorp-dev-"):
                out["calibration_dev"].append(row)
            elif ann["id"] in seen:
                out["double"].append(row)
            else:
                seen.add(ann["id"])
                out["train_pool"].append(row)
    args.out_dir.mkdir(parents=True, exist_ok=True)
    for name, rows in out.items():
        with open(args.out_dir / f"{name}.jsonl", "w", encoding="utf-8") as fh:
            fh.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
        print(f"{name}: {len(rows)} items, {sum(len(r['entities']) for r in rows)} entities", file=sys.stderr)


if __name__ == "__main__":
    main()
