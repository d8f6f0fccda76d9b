"""NER F1 on a second held-out block, to check that choices made on the dev
split hold elsewhere (ANERcorp's own test file is not in ../shared).

Usage: python bench/ner_check.py [--data ../shared/data] [--block 358]
Trains the CRF (the shipped configuration and resources) on the training
part minus its last `block` sentences, then scores that block, with names
spread (±20 sentences, as `marsad eval ner`) and with sentences alone.
Needs the `train` extra. Figures are printed, never asserted.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from marsad.ner.conll import Split
from marsad.ner.decode import Decoder
from marsad.ner.discourse import SPREAD_WINDOW
from marsad.ner.evaluate import format_score, score
from marsad.ner.features import Resources
from marsad.ner.train import SPLIT_FILE, TrainConfig, fit, hashtag_copies

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=DEFAULT)
    ap.add_argument("--block", type=int, default=358, help="sentences held out from the end of the training part")
    args = ap.parse_args()
    train, _dev = Split.load(SPLIT_FILE).apply(args.data)
    part, block = list(train[: -args.block]), train[-args.block:]
    t0 = time.perf_counter()
    weights = fit(part + hashtag_copies(part), TrainConfig(), Resources.default())
    decoder = Decoder(weights)
    print(f"trained on sentences 0-{len(part) - 1} in {time.perf_counter() - t0:.0f} s; "
          f"check block: sentences {len(part)}-{len(train) - 1}")
    for spread in (True, False):
        tags = decoder.tag_sentences([s.words for s in block], spread=spread, window=SPREAD_WINDOW)
        print(f"# {'names spread within ±%d sentences' % SPREAD_WINDOW if spread else 'sentences alone'}")
        print(format_score(score((s.tags, t) for s, t in zip(block, tags))))


if __name__ == "__main__":
    main()
