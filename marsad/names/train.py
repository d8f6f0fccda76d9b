"""`marsad train names`: rebuild the name dictionary and the romanisation model.

Deterministic: the sources are read in a fixed order, pairs are de-duplicated
and sorted, EM runs a fixed number of iterations, and the gzip headers carry
no timestamp, so the same data gives byte-identical artifacts.
"""
from __future__ import annotations

import gzip
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from marsad.names import align, jointseq
from marsad.names.dictionary import build_dictionary, save_dictionary
from marsad.names.romanize import (
    ARTICLE,
    DATA,
    DICTIONARY_FILE,
    MIN_STEM,
    MODEL_FILE,
    SPELLINGS_FILE,
)
from marsad.names.sources import NamePair, training_pairs

ARTICLE_LATIN = ("al", "el")


@dataclass(frozen=True, slots=True)
class TrainReport:
    pairs: int
    distinct: int
    dictionary_entries: int
    aligned: int
    ngrams: int
    seconds: float
    dictionary_path: Path
    model_path: Path


def without_article(pair: NamePair) -> str:
    """The Arabic side with ال removed when the Latin side leaves it out
    (Wikidata's المدهون → madhoun), so the model never learns ال → ''."""
    ar = pair.arabic
    if ar.startswith(ARTICLE) and len(ar) >= len(ARTICLE) + MIN_STEM and not pair.latin.startswith(ARTICLE_LATIN):
        return ar[len(ARTICLE):]
    return ar


def model_pairs(pairs: list[NamePair], limit: int = 0) -> list[tuple[str, str]]:
    distinct = sorted({(without_article(p), p.latin) for p in pairs})
    return distinct[:: max(1, len(distinct) // limit)] if limit and limit < len(distinct) else distinct


def model_preference(model: jointseq.JointModel, nbest: int = 32):
    """Tie-break for the dictionary: the spelling the model ranks highest
    (then alphabetical, for spellings outside its n-best)."""
    def pick(arabic: str, spellings: list[str]) -> str:
        ranked = [latin for latin, _ in model.decode(without_article_letters(arabic), beam=16, nbest=nbest)]
        rank = {latin: i for i, latin in enumerate(ranked)}
        return min(spellings, key=lambda s: (rank.get(s, len(ranked)), s))
    return pick


def without_article_letters(arabic: str) -> str:
    return arabic[len(ARTICLE):] if arabic.startswith(ARTICLE) and len(arabic) >= len(ARTICLE) + MIN_STEM else arabic


def train_names(data_root: Path, out_dir: Path = DATA, *, limit: int = 0, iterations: int = 5,
                order: int = 6, log: Callable[[str], None] | None = None) -> TrainReport:
    """Build `name_dictionary.tsv.gz` and `name_model.bin.gz` in `out_dir`.

    `limit` trains the model on an evenly spaced slice of that many pairs
    (for tests); the dictionary always uses every pair.
    """
    t0 = time.perf_counter()
    say = log or (lambda _msg: None)
    pairs = training_pairs(data_root)
    say(f"{len(pairs)} pairs read")
    out_dir.mkdir(parents=True, exist_ok=True)
    distinct = model_pairs(pairs, limit)
    prob = align.train_alignment(distinct, iterations, log=say)
    sequences = [seq for x, y in distinct if (seq := align.viterbi(x, y, prob))]
    model = jointseq.train(sequences, order=order)
    jointseq.save(model, out_dir / MODEL_FILE)
    say(f"model: {len(sequences)} aligned pairs, {len(model.alpha)} n-grams, order {order}")
    entries = build_dictionary(pairs, tie_break=model_preference(model))
    save_dictionary(entries, out_dir / DICTIONARY_FILE)
    say(f"dictionary: {len(entries)} Arabic tokens")
    spellings = sorted({p.latin for p in pairs})
    with gzip.GzipFile(out_dir / SPELLINGS_FILE, "wb", mtime=0) as fh:
        fh.write("# Latin spellings of name tokens in the training data, one a line\n".encode("utf-8"))
        fh.write("".join(f"{s}\n" for s in spellings).encode("utf-8"))
    say(f"spellings: {len(spellings)} known Latin spellings")
    return TrainReport(len(pairs), len(distinct), len(entries), len(sequences), len(model.alpha),
                       time.perf_counter() - t0, out_dir / DICTIONARY_FILE, out_dir / MODEL_FILE)
