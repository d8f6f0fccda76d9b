"""Training the NER tagger: `marsad train ner`.

Reads ANERcorp (CAMeL Lab train file) minus the committed dev split, and
optionally AQMAR's train file, learns the word clusters and builds the name
flag table from `../shared/data`, then fits a linear-chain CRF with crfsuite
(L-BFGS, L1+L2: the L1 term prunes most features, which keeps the model
small). Everything is read in a fixed order and crfsuite's optimiser is
deterministic, so the same data gives the same model.
"""
from __future__ import annotations

import hashlib
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from marsad.ner.clusters import (
    CLUSTER_FILE,
    DATA,
    cluster_vectors,
    learn_vectors,
    load_clusters,
    write_clusters,
)
from marsad.ner.conll import Sentence, Split, read_conll
from marsad.ner.features import HASHTAG_MARK, Resources, crf_items
from marsad.ner.gazetteer import (
    FLAG_FILE,
    build_word_flags,
    load_word_flags,
    write_word_flags,
)
from marsad.ner.model import MODEL_FILE, CrfWeights
from marsad.ner.vectors import VECTOR_FILE, Vectors, load_vectors
from marsad.text.normalize import fold
from marsad.text.vocab import word_counts

SPLIT_FILE = DATA / "split.json"
AQMAR_TRAIN = "ner/aqmar/train.txt"
MIN_OUTSIDE_COUNT = 10  # a word this frequent and never in a name is held to O when tagging
HASHTAG_SHARE = 12  # one sentence in this many is also seen with its names as hashtags


@dataclass(frozen=True)
class TrainConfig:
    c1: float = 0.01
    c2: float = 0.01
    max_iterations: int = 150
    aqmar: bool = False
    min_freq: int = 1


def hashtag_copies(sentences: Sequence[Sentence]) -> list[Sentence]:
    """Copies of a fixed share of sentences with every name written as a
    hashtag word (`#`), as news sites write `#التحالف_الدولي`; chosen by a hash
    of the words so the choice is the same on every run."""
    out: list[Sentence] = []
    for s in sentences:
        if not any(t != "O" for t in s.tags):
            continue
        digest = hashlib.sha1(" ".join(s.words).encode("utf-8")).digest()
        if digest[0] % HASHTAG_SHARE == 0:
            words = tuple(HASHTAG_MARK + w if t != "O" else w for w, t in zip(s.words, s.tags))
            out.append(Sentence(words, s.tags))
    return out


def outside_words(sentences: Sequence[Sentence]) -> frozenset[str]:
    """Folded words seen at least MIN_OUTSIDE_COUNT times and never inside a name."""
    seen: Counter[str] = Counter()
    named: set[str] = set()
    for s in sentences:
        for w, t in zip(s.words, s.tags):
            seen[fold(w)] += 1
            if t != "O":
                named.add(fold(w))
    return frozenset(w for w, c in seen.items() if c >= MIN_OUTSIDE_COUNT and w not in named and w)


def fit(sentences: Sequence[Sentence], config: TrainConfig, res: Resources,
        meta: dict | None = None) -> CrfWeights:
    """Train a CRF on the sentences and return its weights."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    memo: dict[str, tuple] = {}
    for s in sentences:
        trainer.append(crf_items(list(s.words), res, memo), list(s.tags))
    trainer.set_params({"c1": config.c1, "c2": config.c2, "max_iterations": config.max_iterations,
                        "feature.minfreq": config.min_freq, "feature.possible_transitions": True})
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "ner.crfsuite"
        trainer.train(str(path))
        weights = CrfWeights.from_crfsuite(path, meta or {})
    return replace(weights, outside=outside_words(sentences))


def unlabelled_text(data_dir: Path, train: Sequence[Sentence]) -> list[tuple[str, ...]]:
    """Words of the NER training sentences and of AQMAR, used without their
    tags to learn clusters (never the dev sentences)."""
    out = [s.words for s in train]
    for name in ("train.txt", "dev.txt"):
        out += [s.words for s in read_conll(data_dir / "ner" / "aqmar" / name)]
    return out


def build_resources(data_dir: Path, out_dir: Path) -> Resources:
    """Learn the word vectors and clusters and build the flag table into `out_dir`."""
    out_dir.mkdir(parents=True, exist_ok=True)
    train, _dev = Split.load(SPLIT_FILE).apply(data_dir)
    words, vectors = learn_vectors(data_dir / "corpora", extra=unlabelled_text(data_dir, train))
    write_clusters(cluster_vectors(words, vectors), out_dir / CLUSTER_FILE)
    Vectors.from_svd(words, vectors).save(out_dir / VECTOR_FILE)
    write_word_flags(build_word_flags(data_dir), out_dir / FLAG_FILE)
    return Resources(load_clusters.__wrapped__(out_dir / CLUSTER_FILE),
                     load_word_flags.__wrapped__(out_dir / FLAG_FILE), word_counts(),
                     load_vectors.__wrapped__(out_dir / VECTOR_FILE))


@dataclass(frozen=True)
class TrainReport:
    sentences: int
    tokens: int
    features: int
    seconds: float
    model: Path


def train_ner(data_dir: Path, out: Path | None = None, config: TrainConfig = TrainConfig(),
              rebuild_resources: bool = True) -> TrainReport:
    """The whole recipe: resources, data, CRF, model file (default: the packaged one)."""
    t0 = time.perf_counter()
    out = out or DATA / MODEL_FILE
    res_dir = out.parent
    res = build_resources(data_dir, res_dir) if rebuild_resources else Resources.default()
    split = Split.load(SPLIT_FILE)
    train, _dev = split.apply(data_dir)
    sentences = list(train)
    if config.aqmar:
        sentences += read_conll(data_dir / AQMAR_TRAIN)
    sentences += hashtag_copies(sentences)
    meta = {"config": asdict(config), "split": asdict(split), "sentences": len(sentences)}
    weights = fit(sentences, config, res, meta)
    weights.save(out)
    return TrainReport(len(sentences), sum(len(s.words) for s in sentences), len(weights.features),
                       time.perf_counter() - t0, out)

