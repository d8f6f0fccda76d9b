"""The NER pipeline stage: names the trained CRF finds, as raw-text spans.

Tags are predicted per token; an entity's span starts after the proclitics
of its first token (`وبالرقة` → `الرقة`), so that `text[start:end]` is the
name itself. A hashtag names one thing: an entity that touches a hashtag is
widened to the whole tag (`#التحالف_الدولي`). A name found once is also
given to its untagged repeats in the article (discourse.py). Locations that the actor base
knows as states or capitals, or the gazetteer as countries, become GPE.
"""
from __future__ import annotations

from functools import cache
from pathlib import Path

import numpy as np

from marsad.doc import Doc
from marsad.grammar.actor_base import ActorBase
from marsad.grammar.phrase_index import Match
from marsad.ner.decode import Decoder
from marsad.ner.discourse import chunk_rows
from marsad.ner.features import HASHTAG_MARK
from marsad.ner.model import CrfWeights, default_weights
from marsad.text.clitics import proclitic_keys
from marsad.text.normalize import without_invisible
from marsad.types import NerSpan, Token


def token_form(tok: Token) -> str:
    """The word form the tagger's features are computed from (invisible characters inside it left out)."""
    text = without_invisible(tok.text)
    return HASHTAG_MARK + text if tok.hashtag else text


@cache
def _country_names() -> frozenset[str]:
    """Folded names the gazetteer gives to countries (from Marsad's binary cache when built before)."""
    from marsad.cache import cached

    return cached("country-names", _build_country_names, sorted, frozenset)


def _build_country_names() -> frozenset[str]:
    from marsad.ground.places import Gazetteer

    gaz = Gazetteer.load()
    out: set[str] = set()
    for first, by_len in gaz.index.items():
        for _n, entries in by_len:
            for rest, ids in entries.items():
                if any(gaz.places[i].feature == "country" for i in ids):
                    out.add(" ".join((first, *rest)))
    return frozenset(out)


def preload_vocabulary(decoder: Decoder) -> None:
    """Give the shipped model's decoder the scores of the words of Marsad's vocabulary (resources/
    vocab.tsv.gz, ~33,000 words, a third of the distinct words of a first pass over pool_2000.jsonl),
    read from Marsad's binary cache: a first pass then scores only the words it does not know."""
    from marsad.cache import cached
    from marsad.text.vocab import word_counts

    def build() -> tuple:
        decoder.preload(list(word_counts()))
        return decoder.form_tables()

    tables = cached("ner-forms", build, tuple, tuple)
    if len(decoder.index) != len(tables[0]):  # read from the cache, not built by this decoder just now
        decoder.restore(tables)


def actor_match(base: ActorBase, tokens: list[Token], a: int, b: int) -> Match | None:
    """The actor-base entry that spans exactly tokens [a, b), if any."""
    m = base.names.match_at(tokens, a, b, proclitic_keys)
    return m if m is not None and m.end == b else None


def refine_label(label: str, tokens: list[Token], a: int, b: int, base: ActorBase,
                 countries: frozenset[str]) -> str:
    """LOC → GPE for states and their capitals (actor base) and countries
    (`countries`: the gazetteer's folded country names, `_country_names()`)."""
    if label != "LOC":
        return label
    m = actor_match(base, tokens, a, b)
    if m is not None and any(p.kind == "GPE" for p in m.payloads):
        return "GPE"
    name = " ".join([proclitic_keys(tokens[a].light)[-1], *(t.norm for t in tokens[a + 1:b])])
    whole = " ".join(t.norm for t in tokens[a:b])
    return "GPE" if name in countries or whole in countries else "LOC"


PERSON_WORD_FLAGS = frozenset({"PER1", "PERb", "W.PER1", "A.PER1", "A.PERb"})


def starts_like_a_name(tok: Token) -> bool:
    """Whether a word can begin a person's name: a name list has it as one,
    or Marsad's news never has it at all (صفدر). A common noun the tagger
    swept into a name (صهر نواز، يدعى العبدلي) fails."""
    from marsad.ner.features import Resources

    res = Resources.default()
    key = tok.key or tok.norm
    flags = res.flags.get(key, ())
    return any(f in PERSON_WORD_FLAGS for f in flags) or not res.counts.get(key)


def _hashtag_group(tokens: list[Token], text: str, i: int) -> tuple[int, int]:
    """Token range of the hashtag holding token i (words joined by `_`)."""
    a = b = i
    while a > 0 and tokens[a - 1].hashtag and text[tokens[a - 1].end:tokens[a].start] == "_":
        a -= 1
    while b + 1 < len(tokens) and tokens[b + 1].hashtag and text[tokens[b].end:tokens[b + 1].start] == "_":
        b += 1
    return a, b + 1


class NerTagger:
    """Tag names with the trained CRF (PER ORG LOC GPE MISC) into `doc.ner_spans`."""

    name = "ner"
    requires = ("tokens", "sentences")
    provides = ("ner_spans",)

    def __init__(self, model: Path | CrfWeights | None = None, base: ActorBase | None = None):
        if isinstance(model, Path):
            model = CrfWeights.load(model)
        self.decoder = Decoder(model or default_weights())
        if model is None:
            preload_vocabulary(self.decoder)
        self.base = base or ActorBase.load()
        self.countries = _country_names()  # loaded with the model, not on the first article

    def __call__(self, doc: Doc) -> Doc:
        bounds = [s.tokens for s in doc.sentences if s.tokens[1] > s.tokens[0]]
        if not bounds:
            doc.ner_spans = []
            return doc
        ids = self.decoder.label_ids(self.decoder.token_ids(doc), bounds, spread=True)  # the article is the document
        # row -> token index, and which rows begin a sentence (a name never runs over one)
        token_at = np.concatenate([np.arange(a, b) for a, b in bounds]) if len(bounds) > 1 else \
            np.arange(*bounds[0])
        lengths = np.array([b - a for a, b in bounds])
        starts = np.zeros(len(ids) + 1, dtype=bool)
        starts[np.cumsum(lengths) - lengths] = True
        starts[len(ids)] = True
        spans: list[NerSpan] = []
        for r, stop, kind in chunk_rows(ids, self.decoder.labels, starts):  # conlleval chunks
            span = self._span(doc, int(token_at[r]), int(token_at[stop - 1]) + 1, kind)
            if span and (not spans or span.start >= spans[-1].end):
                spans.append(span)
        doc.ner_spans = spans
        return doc

    def _span(self, doc: Doc, a: int, b: int, label: str) -> NerSpan | None:
        tokens = doc.tokens
        if tokens[a].hashtag:
            a = _hashtag_group(tokens, doc.text, a)[0]
        if tokens[b - 1].hashtag:
            b = _hashtag_group(tokens, doc.text, b - 1)[1]
        while a < b and not tokens[a].is_word:
            a += 1
        while b > a and not tokens[b - 1].is_word:
            b -= 1
        if a >= b:
            return None
        first = tokens[a]
        start = first.start_after(first.prefix) if first.prefix and first.stem else first.start
        end = tokens[b - 1].end
        return NerSpan(start, end, doc.text[start:end], refine_label(label, tokens, a, b, self.base, self.countries), (a, b))
