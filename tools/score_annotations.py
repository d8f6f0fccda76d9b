"""Score annotations as a system against reference annotations (gold or a second annotator).

    python tools/score_annotations.py GOLD.jsonl ANNOTATIONS.jsonl [MORE.jsonl ...] [--corpus FILE ...] [--required-only]

GOLD rows carry their text (dev gold) or are joined to the corpora by id; only articles present
in both sides are scored. Sentences come from Marsad's sentencizer (segmentation only).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from marsad.eval.annotations import articles_by_id, as_system_record, join_texts, read_jsonl
from marsad.eval.scoring import format_report, score
from marsad.pipeline import Pipeline
from marsad.text.stages import Sentencizer, Tokenizer
from marsad.types import ArticleInput

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"
CORPORA = [SHARED / "corpora" / "train_pool.jsonl", SHARED / "gold" / "dev.jsonl"]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold")
    ap.add_argument("annotations", nargs="+")
    ap.add_argument("--corpus", action="append", default=None)
    ap.add_argument("--required-only", action="store_true",
                    help="leave out the annotator's required:false items (default: keep them; unmatched, they are "
                         "neither rewarded nor punished, as gold's are)")
    args = ap.parse_args(argv)
    articles = articles_by_id(args.corpus or CORPORA)
    gold_rows = list(read_jsonl(args.gold))
    gold = list(join_texts(gold_rows, articles)) if "text" not in gold_rows[0] else gold_rows
    anns = {a["id"]: a for p in args.annotations for a in read_jsonl(p)}
    gold = [g for g in gold if g["id"] in anns]
    seg = Pipeline([Tokenizer(), Sentencizer()])
    system = {}
    for g in gold:
        doc = seg(ArticleInput(id=g["id"], title="", text=g["text"], date=g.get("date")))
        sentences = [{"start": s.start, "end": s.end} for s in doc.sentences]
        row = next(join_texts([anns[g["id"]]], {g["id"]: g}))
        rec = as_system_record(row, sentences)
        if args.required_only:
            rec["events"] = [e for e in rec["events"] if e["required"]]
            rec["claims"] = [c for c in rec["claims"] if c["required"]]
        system[g["id"]] = rec
    print(format_report(score(gold, system), show_misses=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
