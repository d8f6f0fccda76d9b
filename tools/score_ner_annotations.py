"""Agreement figures of the NER annotations (issue 16), from the committed files and ../shared:
the calibration sentences against ANERcorp's own tags, and the double-annotated articles against
their first annotation.

    python tools/score_ner_annotations.py [--dir annotations/ner]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from marsad.eval.annotations import articles_by_id, read_jsonl, text_hash  # noqa: E402
from marsad.ner.annotations import spans_to_tags, tokenize  # noqa: E402
from marsad.ner.conll import Split  # noqa: E402
from marsad.ner.evaluate import format_score, score  # noqa: E402
from marsad.ner.train import SPLIT_FILE  # noqa: E402

SHARED = REPO.parent / "shared" / "data"


def tags(text: str, row: dict, tokens: list[tuple[int, int, str]] | None = None) -> list[str]:
    if text_hash(text) != row["text_sha1"]:
        raise SystemExit(f"{row['id']}: the text changed since it was annotated")
    return spans_to_tags(tokenize(text) if tokens is None else tokens, [tuple(e) for e in row["entities"]])


def word_offsets(words: tuple[str, ...]) -> list[tuple[int, int, str]]:
    """ANERcorp's own tokens inside `" ".join(words)`, the text the annotators saw."""
    out, pos = [], 0
    for w in words:
        out.append((pos, pos + len(w), w))
        pos += len(w) + 1
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", type=Path, default=REPO / "annotations" / "ner")
    args = ap.parse_args()
    _, dev = Split.load(SPLIT_FILE).apply(SHARED)
    calibration = []
    for row in read_jsonl(args.dir / "calibration_dev.jsonl"):
        gold = dev[int(row["id"].rsplit("-", 1)[1])]
        calibration.append((gold.tags, tags(" ".join(gold.words), row, word_offsets(gold.words))))
    print(f"calibration: {len(calibration)} ANERcorp dev sentences, annotators vs ANERcorp's tags")
    print(format_score(score(calibration)))
    articles = articles_by_id([SHARED / "corpora" / "train_pool.jsonl"])
    primary = {r["id"]: r for r in read_jsonl(args.dir / "train_pool.jsonl")}
    double = [(tags(articles[r["id"]]["text"], primary[r["id"]]), tags(articles[r["id"]]["text"], r))
              for r in read_jsonl(args.dir / "double.jsonl")]
    print(f"\ndouble annotation: {len(double)} articles, second annotator vs first")
    print(format_score(score(double)))
    tokens = sum(len(tokenize(articles[i]["text"])) for i in primary)
    print(f"\n{len(primary)} annotated articles, {tokens} tokens")


if __name__ == "__main__":
    main()
