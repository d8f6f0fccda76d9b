"""The document object: owns the raw text; stages add layers to it.

Like spaCy's `Doc`, it is the one place an article's analysis lives. Each
layer (`LAYERS`: the fields after the article's own) is set by the stage that
provides it and changed only by a stage that declares it rewrites it (see
pipeline.py); the raw `text` is never modified, and every layer holds offsets
into it.
"""
from __future__ import annotations

import hashlib
from bisect import bisect_right
from dataclasses import dataclass, field, fields

import numpy as np

from marsad.text.normalize import fold
from marsad.types import ArticleInput, Claim, Event, Mention, NerSpan, Sentence, Token


def stable_id(text: str) -> str:
    """Id for an article that has none: a hash of its folded, space-collapsed text."""
    key = " ".join(fold(text).split())
    return "sha1:" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


@dataclass
class Doc:
    """An article (`id`, `title`, raw `text`, `date`, `source`, `url`) and the layers the stages
    add to it (`LAYERS`); `to_dict()` is the output contract's record."""

    id: str
    title: str
    text: str
    date: str | None = None
    source: str | None = None
    url: str | None = None
    tokens: list[Token] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    hashtags: list[tuple[int, int, str]] = field(default_factory=list)
    ner_spans: list[NerSpan] = field(default_factory=list)  # names from the NER tagger (marsad.ner)
    mentions: list[Mention] = field(default_factory=list)
    # the entities: each one's mention indices, in order of first mention (set by coreference)
    clusters: list[tuple[int, ...]] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    # the places grounding found in the text (marsad.ground.places.PlaceMention), for the place ranker
    places: list = field(default_factory=list)
    # the dates grounding found in the text (marsad.ground.dates.DateMention), for the date ranker
    dates: list = field(default_factory=list)
    done: set[str] = field(default_factory=set)  # layers provided so far
    # (numbering, ids) of the tokens' word forms: see form_ids()
    _form_ids: tuple[object, list[Token], np.ndarray] | None = field(default=None, init=False, repr=False,
                                                                     compare=False)
    # (tokens, their start offsets) for token_at
    _token_starts: tuple[list[Token], list[int]] | None = field(default=None, init=False, repr=False, compare=False)
    _claim_index: object | None = field(default=None, init=False, repr=False, compare=False)  # see claim_index
    # (tokens, sentences, each sentence's trigger matches), kept by events.triggers.sentence_triggers
    trigger_memo: tuple[list[Token], list[Sentence], list[list]] | None = field(
        default=None, init=False, repr=False, compare=False)

    @classmethod
    def from_input(cls, article: ArticleInput) -> Doc:
        return cls(
            id=article.id or stable_id(article.text),
            title=article.title,
            text=article.text,
            date=article.date,
            source=article.source,
            url=article.url,
        )

    def set_tokens(self, tokens: list[Token], numbering: object, form_ids: list[int]) -> None:
        """Set the tokens with their forms' ids (text.tokens.tokenize_forms)."""
        self.tokens = tokens
        self._form_ids = (numbering, tokens, np.array(form_ids, dtype=np.intp))

    def form_ids(self) -> tuple[object | None, np.ndarray]:
        """(numbering, `form.id` of each token): the tokenizer's numbering of
        word forms, which per-form tables (text.formtable) index. Tokens set
        by hand get id 0 (no table entry) and numbering None."""
        if self._form_ids is None or self._form_ids[1] is not self.tokens:
            return None, np.zeros(len(self.tokens), dtype=np.intp)
        return self._form_ids[0], self._form_ids[2]

    def token_at(self, offset: int) -> int:
        """Index of the last token starting at or before a character offset."""
        cached = self._token_starts
        if cached is None or cached[0] is not self.tokens:
            cached = self._token_starts = (self.tokens, [t.start for t in self.tokens])
        return bisect_right(cached[1], offset) - 1

    def claim_index(self):
        """The claims indexed by sentence and speaker (claims.index.ClaimIndex), rebuilt when `claims` is replaced."""
        from marsad.claims.index import ClaimIndex

        index = self._claim_index
        if not isinstance(index, ClaimIndex) or index.claims is not self.claims:
            index = self._claim_index = ClaimIndex(self.claims)
        return index

    def sentence_of_token(self, i: int) -> int:
        """Index of the sentence holding token i (binary search)."""
        lo, hi = 0, len(self.sentences) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.sentences[mid].tokens[0] <= i:
                lo = mid
            else:
                hi = mid - 1
        return lo

    def to_dict(self) -> dict:
        """The output-contract record."""
        return {
            "id": self.id,
            "title": self.title,
            "date": self.date,
            "source": self.source,
            "url": self.url,
            "text": self.text,
            "sentences": [s.to_dict() for s in self.sentences],
            "hashtags": [tag for _, _, tag in self.hashtags],
            "entities": [m.to_dict() for m in self.mentions],
            "events": [e.to_dict() for e in self.events],
            "claims": [c.to_dict() for c in self.claims],
        }


# The article as read (never changed by a stage) and the layers stages add: a stage's
# `requires`, `provides` and `rewrites` name layers.
ARTICLE_FIELDS = ("id", "title", "text", "date", "source", "url")
LAYERS = tuple(f.name for f in fields(Doc) if f.init and f.name not in ARTICLE_FIELDS and f.name != "done")
