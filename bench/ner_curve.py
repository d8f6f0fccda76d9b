"""NER learning curve: dev F1 of the CRF trained on growing shares of the
training part, to see how F1 scales with annotated data.

Usage: python bench/ner_curve.py [--data ../shared/data] [--shares 0.125,0.25,0.5,1]
       python bench/ner_curve.py --news-shares 0,0.25,0.5,1 [--news-weight W]
Each share is a fixed set of blocks of 40 consecutive sentences (ANERcorp
keeps its sentences in document order but marks no documents, so blocks
stand in for them and names repeat within a share as in news), chosen by a
seeded shuffle and nested, so a larger share holds every smaller one. The shipped configuration and resources are used; the dev split is
scored with names spread (±20 sentences), as `marsad eval ner --dev`.
With --news-shares, all of ANERcorp's training part is used and a growing,
nested share of Marsad's annotated news articles is added (chosen by a hash of
their ids, as `--news-weight`'s fractional part), each at the given weight
(default 1, so share 0.5 trains as the shipped weight 0.5 does); tokens are
counted once per distinct sentence.
A least-squares line F1 = a + b·log2(tokens) is fitted and the token count at
which it would reach 0.80 printed: an extrapolation, not a promise.
Needs the `train` extra. Figures are printed, never asserted.
"""
from __future__ import annotations

import argparse
import math
import random
import time
from pathlib import Path

from marsad.ner.annotations import NEWS_ANNOTATIONS, NewsArticle, load_news
from marsad.ner.conll import Sentence, Split
from marsad.ner.decode import Decoder
from marsad.ner.discourse import SPREAD_WINDOW
from marsad.ner.evaluate import score
from marsad.ner.features import Resources
from marsad.ner.train import SPLIT_FILE, TrainConfig, article_share, fit, training_set

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data"
BLOCK = 40  # consecutive sentences kept together, so names repeat within a share as in documents
SEED = 13
TARGET = 0.80


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=DEFAULT)
    ap.add_argument("--shares", default="0.125,0.25,0.5,1")
    ap.add_argument("--news-shares", default="", help="shares of the annotated news added to all of ANERcorp")
    ap.add_argument("--news-weight", type=float, default=1.0, help="weight of the picked articles (1: once each)")
    ap.add_argument("--annotations", type=Path, default=NEWS_ANNOTATIONS)
    args = ap.parse_args()
    train, dev = Split.load(SPLIT_FILE).apply(args.data)
    train = list(train)
    blocks = [train[i:i + BLOCK] for i in range(0, len(train), BLOCK)]
    random.Random(SEED).shuffle(blocks)
    runs: list[tuple[float, list[Sentence], list[NewsArticle]]] = []  # (share, ANERcorp part, news articles)
    if args.news_shares:
        articles = load_news(args.data, args.annotations).articles
        for share in (float(x) for x in args.news_shares.split(",")):
            picked = [a for a in articles if article_share(a.id) < share]
            runs.append((share, train, picked))
        print(f"all of ANERcorp's training part plus a share of the news articles at weight {args.news_weight}")
    else:
        for share in (float(x) for x in args.shares.split(",")):
            runs.append((share, [s for b in blocks[: max(1, round(share * len(blocks)))] for s in b], []))
    points: list[tuple[int, float]] = []
    print("share  sentences  tokens   F1     P      R      seconds")
    for share, part, news in runs:
        t0 = time.perf_counter()
        data = training_set(part, news, args.news_weight if news else 0.0)
        decoder = Decoder(fit(data.sentences, TrainConfig(), Resources.default(), distinct=data.distinct,
                              marked=data.marked))
        tags = decoder.tag_sentences([s.words for s in dev], spread=True, window=SPREAD_WINDOW)
        result = score((s.tags, t) for s, t in zip(dev, tags))
        seen = [*part, *(s for a in news for s in a.sentences)]
        tokens = sum(len(s.words) for s in seen)
        t = result.total()
        f1, p, r = t.f1, t.precision, t.recall
        points.append((tokens, f1))
        print(f"{share:5.3f}  {len(seen):9d}  {tokens:6d}  {f1:.3f}  {p:.3f}  {r:.3f}  {time.perf_counter() - t0:5.0f}")
    if len(points) >= 2:
        xs = [math.log2(t) for t, _ in points]
        ys = [f for _, f in points]
        mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
        b = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
        a = my - b * mx
        print(f"fit: F1 = {a:.3f} + {b:.4f}·log2(tokens), i.e. +{b:.3f} F1 per doubling of the annotated data")
        if b > 0:
            need = 2 ** ((TARGET - a) / b)
            print(f"extrapolated tokens for F1 {TARGET:.2f}: {need:,.0f} "
                  f"({need / points[-1][0]:.1f}× the training part)")


if __name__ == "__main__":
    main()
