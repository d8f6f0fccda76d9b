"""Features of a word for the NER tagger, cached per word form.

Every feature belongs to one word and one position relative to the word being
tagged (0, ±1, ±2). So a sentence's features are the cached per-word lists of
its words at each offset, and at run time a word's contribution to every
label's score can be summed once per word form (see tagger.py). Features of a
word: its folded form, its clitic-stripped stem (`وبالرقة` → الرقه) and
proclitics, stem prefixes/suffixes, shape, corpus frequency, its learned word
clusters, and its flags in the name lists, actor base and title lists.
With vectors (vectors.py), `crf_items` adds the dense vectors of the word and
its neighbours at ±1 as real-valued features; they too depend on one word
form each, so the tagger's per-form cache covers them.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache

import numpy as np

from marsad.ner.clusters import load_clusters
from marsad.ner.gazetteer import load_word_flags
from marsad.ner.vectors import VECTOR_OFFSETS, Vectors, load_vectors, vector_features
from marsad.text.clitics import proclitic_splits, segment
from marsad.text.normalize import fold, fold_light
from marsad.text.vocab import word_counts

OFFSETS = (-2, -1, 0, 1, 2)
BOS, EOS = "<s>", "</s>"  # pseudo-words beyond the sentence's edges
HASHTAG_MARK = "#"  # a word inside a hashtag is looked up as "#" + word


@dataclass(frozen=True, slots=True)
class Resources:
    clusters: dict[str, tuple[int, int]]
    flags: dict[str, tuple[str, ...]]
    counts: dict[str, int]
    vectors: Vectors | None = None

    @classmethod
    @cache
    def default(cls) -> Resources:
        return cls(load_clusters(), load_word_flags(), word_counts(), load_vectors())


def word_shape(word: str) -> str:
    """The word's kind of characters: ar, num, hasnum, Lat/lat, punct or other."""
    if any("\u0600" <= c <= "\u06ff" for c in word):
        return "ar"
    if word.isdigit():
        return "num"
    if any(c.isdigit() for c in word):
        return "hasnum"
    if word.isascii() and word.isalpha():
        return "Lat" if word[0].isupper() else "lat"
    return "punct" if not any(c.isalnum() for c in word) else "other"


@dataclass(frozen=True, slots=True)
class WordKey:
    """How a word form is looked up: its light and full foldings, its most
    likely clitic split and the folded stem (`key`) the tables are keyed by."""

    hashtag: bool  # the form is a word of a hashtag (`#` + word)
    light: str
    norm: str
    prefix: str
    suffix: str
    key: str


def word_key(word: str) -> WordKey | None:
    """The lookup key of a word form (None for the sentence-edge pseudo-words).
    One helper for the feature strings and the dense vector, so both read a
    form the same way."""
    hashtag = word.startswith(HASHTAG_MARK) and len(word) > 1
    if hashtag:
        word = word[1:]
    if word in (BOS, EOS):
        return None
    light = fold_light(word)
    norm = fold(word)
    prefix, _stem, suffix, key = segment(light) if light.isalpha() else ("", light, "", norm)
    return WordKey(hashtag, light, norm, prefix, suffix, key)


def _other_readings(wk: WordKey) -> list[tuple[str, str]]:
    """(proclitic, folded rest) of a word's readings with a proclitic, fewest
    clitics first: where the splitter's reading is unknown, one of these may be."""
    return [(pre, fold(rest)) for pre, rest in proclitic_splits(wk.light)[1:]] if wk.light.isalpha() else []


def _known_rest(wk: WordKey, res: Resources) -> tuple[str, tuple[int, int] | None, tuple[str, ...]]:
    """(proclitic, clusters, flags) of the first proclitic reading of a word
    whose rest the clusters or name lists hold, else empty."""
    for pre, key in _other_readings(wk):
        if len(key) >= 3 and (key in res.clusters or key in res.flags):
            return pre, res.clusters.get(key), res.flags.get(key, ())
    return "", None, ()


def word_features(word: str, res: Resources) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(features as the tagged word, features as a neighbour) of one word form.

    A leading `#` marks a word of a hashtag."""
    return _features(word, word_key(word), res)


def _features(word: str, wk: WordKey | None, res: Resources) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """word_features of a form whose key (`word_key(word)`) is already read."""
    if wk is None:
        edge = word.removeprefix(HASHTAG_MARK)
        return (edge,), (edge,)
    hashtag, light, norm, prefix, suffix, key = wk.hashtag, wk.light, wk.norm, wk.prefix, wk.suffix, wk.key
    bare = key[2:] if key.startswith("ال") and len(key) > 3 else key
    shape = word_shape(word[1:] if hashtag else word)
    clusters = res.clusters.get(key) or res.clusters.get(norm)
    flags = res.flags.get(key) or res.flags.get(bare) or ()
    if not prefix and not clusters and not flags and light.isalpha():
        # A name the clitic splitter leaves whole (وكريم، بايهود): its
        # proclitic is not told from a first letter by corpus counts, but a
        # reading whose rest the clusters or name lists know is likely.
        prefix, clusters, flags = _known_rest(wk, res)
    count = res.counts.get(key, 0)
    freq = str(min(int(math.log2(count + 1)), 12))
    own = [f"w={norm}", f"s={key}", f"sh={shape}", f"f={freq}", f"len={min(len(bare), 9)}"]
    near = [f"s={key}", f"sh={shape}"]
    if prefix:
        own.append(f"p={fold(prefix)}")
        near.append(f"p={fold(prefix)}")
    if suffix:
        own.append(f"x={fold(suffix)}")
    if key != bare:
        own.append("al")
        near.append("al")
    if len(bare) >= 3:
        own += [f"b2={bare[:2]}", f"b3={bare[:3]}", f"e2={bare[-2:]}", f"e3={bare[-3:]}", f"e1={bare[-1:]}"]
    if clusters:
        own += [f"c={clusters[0]}", f"C={clusters[1]}"]
        near += [f"c={clusters[0]}", f"C={clusters[1]}"]
    else:
        own.append("c=none")
    own += [f"g={f}" for f in flags]
    near += [f"g={f}" for f in flags if not f.endswith("i") or f.startswith(("A.", "H."))]
    if hashtag:
        own.append("ht")
        near.append("ht")
    return tuple(own), tuple(near)


@cache
def _role_prefixes() -> dict[int, str]:
    return {k: f"{k:+d}:" for k in OFFSETS if k}


def sentence_features(words: list[str], res: Resources, memo: dict[str, tuple] | None = None) -> list[list[str]]:
    """crfsuite items (lists of feature strings) for one sentence of word forms."""
    memo = {} if memo is None else memo
    padded = [BOS, BOS, *words, EOS, EOS]
    roles = _role_prefixes()
    cached: list[tuple[tuple[str, ...], dict[int, tuple[str, ...]]]] = []
    for w in padded:
        hit = memo.get(w)
        if hit is None:
            own, near = word_features(w, res)
            hit = memo[w] = (own, {k: tuple(p + f for f in near) for k, p in roles.items()})
        cached.append(hit)
    items: list[list[str]] = []
    for i in range(2, len(padded) - 2):
        feats = ["bias", *cached[i][0]]
        for k in roles:
            feats.extend(cached[i + k][1][k])  # the word at offset k from the tagged one
        items.append(feats)
    return items


def word_vector(word: str, res: Resources) -> np.ndarray | None:
    """The dense vector of a word form's stem (None: no vectors, or an unknown word)."""
    return _vector(word_key(word), res)


def _vector(wk: WordKey | None, res: Resources) -> np.ndarray | None:
    """word_vector of a form whose key is already read."""
    if res.vectors is None or wk is None:
        return None
    vec = res.vectors.get(wk.key)
    if vec is None:
        for _pre, key in _other_readings(wk):
            vec = res.vectors.get(key)
            if vec is not None:
                break
    return vec


@dataclass(frozen=True, slots=True)
class FormReading:
    """All a decoder reads of one word form, its key read once: the features
    as the tagged word and as a neighbour, the dense vector, and the stem key
    repeats of a name are matched by (`للبنك` → البنك)."""

    own: tuple[str, ...]
    near: tuple[str, ...]
    vector: np.ndarray | None
    stem: str


def form_reading(word: str, res: Resources) -> FormReading:
    """The features, vector and stem key of one word form, its key read once."""
    wk = word_key(word)
    own, near = _features(word, wk, res)
    stem = wk.key if wk is not None else fold(word.removeprefix(HASHTAG_MARK))
    return FormReading(own, near, _vector(wk, res), stem)


def crf_items(words: list[str], res: Resources, memo: dict[str, tuple] | None = None) -> list:
    """crfsuite items of a sentence: the feature strings of sentence_features,
    and with vectors, a dict adding each nearby word's vector dimensions."""
    items = sentence_features(words, res, memo)
    if res.vectors is None:
        return items
    pad = max(abs(k) for k in VECTOR_OFFSETS)
    vecs = [word_vector(w, res) for w in [BOS] * pad + words + [EOS] * pad]
    roles = {k: (f"{k:+d}:" if k else "") for k in VECTOR_OFFSETS}
    out = []
    for i, feats in enumerate(items):
        item: dict[str, float] = {}
        for f in feats:
            item[f] = item.get(f, 0.0) + 1.0
        for k, prefix in roles.items():
            item.update(vector_features(vecs[i + pad + k], prefix))
        out.append(item)
    return out
