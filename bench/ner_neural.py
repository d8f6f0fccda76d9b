"""Experiment: a small neural tagger's label scores added to the CRF's
emissions, F1 on the dev split or on the check block.

Usage: python bench/ner_neural.py --mode dev|check [--crf MODEL.npz] [--stack 5 --structured] [--lams 0,0.5,1]
dev: the shipped CRF, a neural tagger trained on the whole training part,
scored on the dev split. check: a CRF and a neural tagger trained on the
training part minus its last 358 sentences, scored on those (as
bench/ner_check.py). For each λ, the emissions are CRF + λ · network scores.
The network (ner_neural_net.py, numpy, trained by ner_neural_train.py) is
trained alone (softmax per token), or with --stack K on top of the emissions
of K CRFs each trained without the fold it scores, and with --structured by
the CRF loss with the CRF's transitions, so it learns what to add to a CRF.
Figures are printed, never asserted.

Outcome (December 2026; README, NER "Known limitations"): no setting beat
the CRF alone on both the dev split and the check block, so none ships.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np
from ner_neural_net import NeuralWeights, frame, log_probs, offset_table
from ner_neural_train import NeuralConfig, cross_fitted_emissions, train_neural

from marsad.ner.conll import Split
from marsad.ner.decode import Decoder
from marsad.ner.discourse import SPREAD_WINDOW, spread_names
from marsad.ner.evaluate import score
from marsad.ner.features import BOS, EOS, Resources
from marsad.ner.model import CrfWeights, default_weights
from marsad.ner.train import SPLIT_FILE, TrainConfig, fit, hashtag_copies

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data"


def tag(dec: Decoder, nn: NeuralWeights | None, lam: float, forms, bounds, spread: bool) -> list[str]:
    ids = dec.form_ids(forms)
    e, own = dec.emissions(ids, bounds)
    if nn is not None and lam:
        names = sorted(dec.index, key=dec.index.get)
        table = offset_table(names, nn, dec.res)
        pad, rows = frame(ids.tolist(), bounds, dec.index[BOS], dec.index[EOS])
        lp = log_probs(table, pad, rows, nn)
        perm = [nn.labels.index(t) for t in dec.labels]
        e = e + lam * lp[:, perm]
    out = np.full(len(own), dec.o, dtype=np.intp)
    free = ~dec.held[own]
    lengths = np.array([b - a for a, b in bounds])
    out = dec._viterbi_free(e, out, free, lengths)
    if spread:
        out = spread_names(out, dec.keys[own], ~free, lengths, dec.labels, SPREAD_WINDOW, dec.short[own])
    return [dec.labels[k] for k in out.tolist()]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=DEFAULT)
    ap.add_argument("--mode", choices=("dev", "check"), default="dev")
    ap.add_argument("--crf", type=Path, help="CRF model (check mode: trained if absent, then saved here)")
    ap.add_argument("--nn", type=Path, help="neural model file to load, or to save after training")
    ap.add_argument("--lams", default="0,0.25,0.5,0.75,1,1.5,2")
    ap.add_argument("--epochs", type=int, default=NeuralConfig.epochs)
    ap.add_argument("--dim", type=int, default=NeuralConfig.dim)
    ap.add_argument("--hidden", type=int, default=NeuralConfig.hidden)
    ap.add_argument("--dropout", type=float, default=NeuralConfig.dropout)
    ap.add_argument("--lr", type=float, default=NeuralConfig.lr)
    ap.add_argument("--input-dropout", type=float, default=NeuralConfig.input_dropout)
    ap.add_argument("--stack", type=int, default=0, help="train on top of the emissions of K cross-fitted CRFs")
    ap.add_argument("--cache", type=Path, help="directory keeping the fold CRFs (one per mode and K)")
    ap.add_argument("--structured", action="store_true", help="CRF loss with the CRF's transitions")
    ap.add_argument("--no-stems", action="store_true")
    ap.add_argument("--seed", type=int, default=NeuralConfig.seed)
    ap.add_argument("--batch", type=int, default=NeuralConfig.batch)
    ap.add_argument("--hashtags", action="store_true", help="train the neural tagger on the hashtag copies too")
    args = ap.parse_args()
    res = Resources.default()
    train, dev = Split.load(SPLIT_FILE).apply(args.data)
    if args.mode == "dev":
        part, test = list(train), dev
        crf = CrfWeights.load(args.crf) if args.crf else default_weights()
    else:
        part, test = list(train[:-358]), train[-358:]
        if args.crf and args.crf.exists():
            crf = CrfWeights.load(args.crf)
        else:
            crf = fit(part + hashtag_copies(part), TrainConfig(), res)
            if args.crf:
                crf.save(args.crf)
    config = NeuralConfig(dim=args.dim, hidden=args.hidden, epochs=args.epochs, dropout=args.dropout, lr=args.lr,
                          batch=args.batch, input_dropout=args.input_dropout, stems=not args.no_stems, seed=args.seed)
    if args.nn and args.nn.exists():
        nn = NeuralWeights.load(args.nn)
    else:
        t0 = time.perf_counter()
        data = part + hashtag_copies(part) if args.hashtags else part
        base = None
        if args.stack:
            if args.cache:
                args.cache.mkdir(parents=True, exist_ok=True)
            base = cross_fitted_emissions(part, args.stack, lambda p: fit(p + hashtag_copies(p), TrainConfig(), res),
                                          res, crf.labels, args.cache)
        nn = train_neural(data, res, crf.labels, config, base=base,
                          transitions=crf.transitions.astype(np.float64) if args.structured else None,
                          log=print).rounded()
        print(f"neural tagger trained in {time.perf_counter() - t0:.0f} s: {config}")
        if args.nn:
            nn.save(args.nn)
            print(f"saved {args.nn} ({args.nn.stat().st_size / 1e6:.2f} MB)")
    forms, bounds = [], []
    for s in test:
        bounds.append((len(forms), len(forms) + len(s.words)))
        forms.extend(s.words)
    dec = Decoder(crf, res)
    for lam in [float(x) for x in args.lams.split(",")]:
        row = []
        for spread in (True, False):
            tags = tag(dec, nn, lam, forms, bounds, spread)
            sc = score((s.tags, tags[a:b]) for s, (a, b) in zip(test, bounds))
            t = sc.total()
            kinds = " ".join(f"{k} {f.f1:.3f}" for k, f in sc.by_type().items())
            row.append(f"F1 {t.f1:.4f} (P {t.precision:.3f} R {t.recall:.3f}; {kinds})")
        print(f"{args.mode} λ={lam:<5} spread {row[0]}  | alone {row[1]}", flush=True)
    if args.stack:
        return  # a stacked network's scores are corrections, not a tagger
    # the neural tagger alone: argmax of its label scores (sentences alone)
    names = sorted(dec.index, key=dec.index.get)
    ids = dec.form_ids(forms)
    pad, rows = frame(ids.tolist(), bounds, dec.index[BOS], dec.index[EOS])
    lp = log_probs(offset_table(names, nn, res), pad, rows, nn)
    guess = [nn.labels[k] for k in lp.argmax(axis=1).tolist()]
    t = score((s.tags, guess[a:b]) for s, (a, b) in zip(test, bounds)).total()
    print(f"{args.mode} neural alone (argmax) F1 {t.f1:.4f} (P {t.precision:.3f} R {t.recall:.3f})")


if __name__ == "__main__":
    main()
