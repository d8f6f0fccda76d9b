"""Training the NER tagger: `marsad train ner`.

Reads ANERcorp (CAMeL Lab train file) minus the committed dev split, Marsad's own
annotated news (annotations/ner/train_pool.jsonl, texts from ../shared; issue 16),
optionally AQMAR's train file, learns the word clusters and builds the name
flag table from `../shared/data`, then fits a linear-chain CRF with crfsuite
(L-BFGS, L1+L2: the L1 term prunes most features, which keeps the model
small). Everything is read in a fixed order and crfsuite's optimiser is
deterministic, so the same data gives the same model.
"""
from __future__ import annotations

import hashlib
import re
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path

import numpy as np

from marsad.ner.annotations import NEWS_ANNOTATIONS, NewsArticle, load_news
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
DOMAIN_MARK = "A|"  # the ANERcorp-only copy of a feature (see domain_copies)
VECTOR_FEATURE = re.compile(r"^(?:[+-]\d+:)?v\d+$")  # a dense vector dimension's attribute (vectors.vector_features)
MIN_OUTSIDE_COUNT = 10  # a word this frequent and never in a name is held to O when tagging
HASHTAG_SHARE = 12  # one sentence in this many is also seen with its names as hashtags


@dataclass(frozen=True)
class TrainConfig:
    c1: float = 0.01
    c2: float = 0.01
    max_iterations: int = 150
    aqmar: bool = False
    min_freq: int = 1
    news_weight: float = 0.5  # how often the annotated news is seen: whole copies, then a share of articles
    # ANERcorp's sentences also see a marked copy of each feature, which learns where ANERcorp's
    # conventions and topics differ from the news's; the copies are folded into the shipped weights
    domain_copies: bool = True


def weighted_news(articles: Sequence[NewsArticle], weight: float) -> list[Sentence]:
    """The news sentences weighted by repetition (crfsuite has no instance weights): `int(weight)`
    copies of every article, plus the articles whose id hashes below the fractional part (the same
    articles on every run, and a smaller share's articles are inside a larger one's)."""
    if weight < 0:
        raise ValueError(f"news weight {weight} is negative")
    whole = int(weight)
    part = weight - whole
    out = [s for a in articles for s in a.sentences] * whole
    out += [s for a in articles if article_share(a.id) < part for s in a.sentences]
    return out


@dataclass(frozen=True)
class TrainingSet:
    sentences: list[Sentence]  # to fit: the base, the weighted news, and hashtag copies of both
    distinct: list[Sentence]  # the same without the news's repeats: the words held to O are counted here
    marked: list[bool]  # per sentence to fit: from the base (ANERcorp), so it gets the domain copies


def training_set(base: Sequence[Sentence], news: Sequence[NewsArticle], news_weight: float) -> TrainingSet:
    """The sentences to fit: `base` (ANERcorp), the news at `news_weight`, and hashtag copies."""
    extra = weighted_news(news, news_weight)
    base_tags, news_tags = hashtag_copies(base), hashtag_copies(extra)
    distinct = [*base, *weighted_news(news, min(news_weight, 1.0))]
    return TrainingSet([*base, *extra, *base_tags, *news_tags], distinct + hashtag_copies(distinct),
                       [True] * len(base) + [False] * len(extra) + [True] * len(base_tags) + [False] * len(news_tags))


def article_share(article_id: str) -> float:
    """A fixed number in [0, 1) per article id, to pick a share of the articles."""
    return int(hashlib.sha1(article_id.encode("utf-8")).hexdigest()[:12], 16) / 16 ** 12


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


def domain_copies(items: list) -> list[dict[str, float]]:
    """crfsuite items with a DOMAIN_MARK copy of each feature except the dense vector dimensions
    (Daumé 2007, "frustratingly easy domain adaptation", for one of the two domains)."""
    out = []
    for item in items:
        feats = item if isinstance(item, dict) else {f: float(n) for f, n in Counter(item).items()}
        out.append({**feats, **{DOMAIN_MARK + f: v for f, v in feats.items() if not VECTOR_FEATURE.search(f)}})
    return out


def fold_domain(weights: CrfWeights) -> CrfWeights:
    """The weights as the marked domain's sentences see them: each DOMAIN_MARK copy's weights
    added to its feature's, the copies dropped (a feature only its copy kept becomes one)."""
    names = sorted({f.removeprefix(DOMAIN_MARK) for f in weights.features})
    index = {f: k for k, f in enumerate(names)}
    state = np.zeros((len(names), weights.state.shape[1]), dtype=np.float32)
    for f, row in weights.features.items():
        state[index[f.removeprefix(DOMAIN_MARK)]] += weights.state[row]
    keep = np.flatnonzero(np.any(state != 0, axis=1))
    names = [names[k] for k in keep]
    return replace(weights, features={f: k for k, f in enumerate(names)}, state=state[keep])


def fit(sentences: Sequence[Sentence], config: TrainConfig, res: Resources,
        meta: dict | None = None, distinct: Sequence[Sentence] | None = None,
        marked: Sequence[bool] | None = None) -> CrfWeights:
    """Train a CRF on the sentences and return its weights. `distinct`: the sentences without
    their repeats (default: all), from which the words held to O are counted; `marked`: which
    sentences get the domain copies (with `config.domain_copies`; then the copies are folded in)."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    memo: dict[str, tuple] = {}
    copies = config.domain_copies and marked is not None and any(marked) and not all(marked)
    for k, s in enumerate(sentences):
        items = crf_items(list(s.words), res, memo)
        trainer.append(domain_copies(items) if copies and marked[k] else items, list(s.tags))
    trainer.set_params({"c1": config.c1, "c2": config.c2, "max_iterations": config.max_iterations,
                        "feature.minfreq": config.min_freq, "feature.possible_transitions": True})
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "ner.crfsuite"
        trainer.train(str(path))
        weights = CrfWeights.from_crfsuite(path, meta or {})
    if copies:
        weights = fold_domain(weights)
    return replace(weights, outside=outside_words(sentences if distinct is None else distinct))


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
              rebuild_resources: bool = True, news_annotations: Path = NEWS_ANNOTATIONS) -> TrainReport:
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
    meta = {"config": asdict(config), "split": asdict(split)}
    articles: tuple[NewsArticle, ...] = ()
    if config.news_weight > 0:
        news = load_news(data_dir, news_annotations)
        articles = news.articles
        meta["news"] = {"annotations": news_annotations.name, **news.summary()}
    data = training_set(sentences, articles, config.news_weight)
    meta["sentences"] = len(data.sentences)
    weights = fit(data.sentences, config, res, meta, data.distinct, data.marked)
    weights.save(out)
    return TrainReport(len(data.sentences), sum(len(s.words) for s in data.sentences), len(weights.features),
                       time.perf_counter() - t0, out)

