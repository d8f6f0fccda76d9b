"""Speed of the NER stage: tokens tagged per second on one core.

Usage: python bench/ner.py [PATH.jsonl] [--limit N] [--repeat 3]
Tokenises and splits the pool into sentences first (not timed), then times
`NerTagger` alone over every article, by the process's CPU time. The first
pass computes each new word form's scores (cold caches); later passes show
the steady state of a long batch. Figures are printed, never asserted.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from marsad.doc import Doc
from marsad.io.readers import ReadError, read_articles
from marsad.ner.tagger import NerTagger
from marsad.text.stages import Sentencizer, Tokenizer

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "corpora" / "pool_2000.jsonl"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("path", nargs="?", default=str(DEFAULT))
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    articles = [a for a in read_articles([args.path]) if not isinstance(a, ReadError)]
    if args.limit:
        articles = articles[: args.limit]
    tok, sen = Tokenizer(), Sentencizer()
    docs = [sen(tok(Doc.from_input(a))) for a in articles]
    n_tokens = sum(len(d.tokens) for d in docs)
    t0 = time.process_time()
    tagger = NerTagger()
    load = time.process_time() - t0
    passes = []
    n_spans = 0
    for _ in range(max(1, args.repeat)):
        cpu = time.process_time()
        n_spans = 0
        for d in docs:
            n_spans += len(tagger(d).ner_spans)
        passes.append(time.process_time() - cpu)
    print(f"corpus: {args.path}  articles: {len(docs)}  tokens: {n_tokens}  names found: {n_spans}")
    print(f"model load: {load:.2f} s CPU")
    print(f"first pass (cold word caches): {n_tokens / passes[0]:,.0f} tokens/s")
    print(f"best pass: {n_tokens / min(passes):,.0f} tokens/s, {len(docs) / min(passes):,.0f} articles/s "
          f"({1000 * min(passes) / len(docs):.2f} ms/article)")


if __name__ == "__main__":
    main()
