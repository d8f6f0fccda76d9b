"""NER F1 on a second held-out block, to check that choices made on the dev
split hold elsewhere (ANERcorp's own test file is not in ../shared).

Usage: python bench/ner_check.py [--data ../shared/data] [--block 358] [--news-weight W] [--c1 C] [--c2 C]
       [--no-domain-copies]
Trains the CRF (the shipped configuration and resources) on the training
part minus its last `block` sentences, plus Marsad's annotated news at the
given weight (default: the shipped one; 0 leaves it out), then scores that
block, with names spread (±20 sentences, as `marsad eval ner`) and with
sentences alone.
Needs the `train` extra. Figures are printed, never asserted.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from marsad.ner.annotations import NEWS_ANNOTATIONS, load_news
from marsad.ner.conll import Split
from marsad.ner.decode import Decoder
from marsad.ner.discourse import SPREAD_WINDOW
from marsad.ner.evaluate import format_score, score
from marsad.ner.features import Resources
from marsad.ner.train import SPLIT_FILE, TrainConfig, fit, training_set

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=DEFAULT)
    ap.add_argument("--block", type=int, default=358, help="sentences held out from the end of the training part")
    ap.add_argument("--news-weight", type=float, default=TrainConfig().news_weight)
    ap.add_argument("--annotations", type=Path, default=NEWS_ANNOTATIONS)
    ap.add_argument("--c1", type=float, default=TrainConfig().c1)
    ap.add_argument("--c2", type=float, default=TrainConfig().c2)
    ap.add_argument("--no-domain-copies", action="store_true", help="no ANERcorp-only feature copies")
    args = ap.parse_args()
    train, _dev = Split.load(SPLIT_FILE).apply(args.data)
    part, block = list(train[: -args.block]), train[-args.block:]
    news = load_news(args.data, args.annotations).articles if args.news_weight > 0 else ()
    data = training_set(part, news, args.news_weight)
    sentences = data.sentences
    config = TrainConfig(c1=args.c1, c2=args.c2, domain_copies=not args.no_domain_copies)
    t0 = time.perf_counter()
    weights = fit(sentences, config, Resources.default(), distinct=data.distinct, marked=data.marked)
    decoder = Decoder(weights)
    print(f"trained on sentences 0-{len(part) - 1} and news at weight {args.news_weight} "
          f"(c1 {args.c1}, c2 {args.c2}, domain copies {config.domain_copies}; {len(sentences)} sentences, {sum(len(s.words) for s in sentences)} tokens) "
          f"in {time.perf_counter() - t0:.0f} s; check block: sentences {len(part)}-{len(train) - 1}")
    for spread in (True, False):
        tags = decoder.tag_sentences([s.words for s in block], spread=spread, window=SPREAD_WINDOW)
        print(f"# {'names spread within ±%d sentences' % SPREAD_WINDOW if spread else 'sentences alone'}")
        print(format_score(score((s.tags, t) for s, t in zip(block, tags))))


if __name__ == "__main__":
    main()
