"""Negation and hedging of events (data: resources/modality.tsv)."""
from __future__ import annotations

from bisect import bisect_left
from functools import cache, lru_cache

import numpy as np

from marsad.doc import Doc
from marsad.grammar.triggers import modality_words
from marsad.resources import grammar_words
from marsad.text.clitics import lookup_keys
from marsad.text.formtable import FormTable
from marsad.types import Token


NEGATING, HEDGING = 1, 2  # governor flags of a word (bits)
MA_ADVERBS = grammar_words("ma_adverbs")
MIN_KEY = 3  # a clitic-stripped reading shorter than this is a particle (كما → ما)


def clause_governors(doc: Doc, s_i: int,
                     positions: tuple[list[int], list[int]] | None = None) -> tuple[list[int], list[int]]:
    """Token positions in sentence s_i of denial and hedging governors
    (نفى، زعم، اتهم…); `positions` (`governor_positions`) spares finding them
    in the whole document again."""
    a, b = doc.sentences[s_i].tokens
    neg, hedge = governor_positions(doc) if positions is None else positions
    return (neg[bisect_left(neg, a):bisect_left(neg, b)], hedge[bisect_left(hedge, a):bisect_left(hedge, b)])


def governor_positions(doc: Doc) -> tuple[list[int], list[int]]:
    """Positions of the document's denial and of its hedging governors."""
    flags = _governor_words().values(doc)
    return np.flatnonzero(flags & NEGATING).tolist(), np.flatnonzero(flags & HEDGING).tolist()


@cache
def _governor_words() -> FormTable:
    def bits(tok: Token) -> int:
        negating, hedging = _governor_flags(tok.light)
        return NEGATING * negating + HEDGING * hedging

    return FormTable(bits)


@lru_cache(maxsize=200_000)
def _governor_flags(light: str) -> tuple[bool, bool]:
    words = modality_words()
    keys = lookup_keys(light)
    return not words.negated_clause.isdisjoint(keys), not words.hedged_clause.isdisjoint(keys)


def event_modality(doc: Doc, sent_start: int, i: int, governors: tuple[list[int], list[int]]) -> tuple[bool, bool]:
    """(negated, hedged) for the trigger at token i: particles just before it
    (لم، لن، سوف، قد + imperfect), the future prefix س, and governors earlier in
    the sentence (نفى أنه…، زعم أن…، اتهم … بـ)."""
    words = modality_words()
    tokens = doc.tokens
    negated = hedged = False
    trig = tokens[i]
    if "س" in trig.prefix:
        hedged = True
    reach_key = _reach_key()
    for j in range(max(sent_start, i - 3), i):
        tok = tokens[j]
        reach = tok.form.facts.get(reach_key) or _particle_reach(tok)
        if reach[0] >= i - j and not (j > sent_start and tokens[j - 1].reads_as(MA_ADVERBS)):
            negated = True  # (but عادة ما تقوم، سرعان ما أعلن: ما after an adverb negates nothing)
        if reach[1] >= i - j:
            hedged = True
        if words.qad_imperfect and tok.norm == "قد" and i - j == 1 and tok.stem[:1] in "يتن":
            hedged = True
    neg_at, hedge_at = governors
    negated = negated or any(j < i for j in neg_at)
    hedged = hedged or any(j < i for j in hedge_at)
    return negated, hedged


def _particle_reach(tok: Token) -> tuple[int, int]:
    """How many words after it a particle negates and hedges (0: none), the
    most any reading of the word allows; kept in its form's facts, as it
    depends on the word alone and is asked for the words before each trigger."""
    words = modality_words()
    key = tok.key
    # لإلغاء القمة: the word read without its clitics (not the particles ما، لا inside كما، فلا)
    forms = (tok.norm, lookup_keys(tok.light)[-1], *((key,) if len(key) >= MIN_KEY else ()))
    reach = (max((words.negated_before[f] for f in forms if f in words.negated_before), default=0),
             max((words.hedged_before[f] for f in forms if f in words.hedged_before), default=0))
    tok.form.facts[_reach_key()] = reach
    return reach


@cache
def _reach_key() -> object:
    """The key of `_particle_reach` in a word form's facts."""
    return object()
