"""Negation and hedging of events (data: resources/modality.tsv)."""
from __future__ import annotations

from functools import cache, lru_cache

from marsad.doc import Doc
from marsad.events.lexicon import modality_words
from marsad.text.clitics import lookup_keys


def clause_governors(doc: Doc, s_i: int) -> tuple[list[int], list[int]]:
    """Token positions in sentence s_i of denial and hedging governors
    (نفى، زعم، اتهم…)."""
    sent = doc.sentences[s_i]
    neg, hedge = [], []
    key = _fact_key()
    tokens = doc.tokens
    for j in range(sent.tokens[0], sent.tokens[1]):
        facts = tokens[j].form.facts
        flags = facts.get(key)
        if flags is None:
            flags = facts[key] = _governor_flags(tokens[j].light)
        if flags[0]:
            neg.append(j)
        if flags[1]:
            hedge.append(j)
    return neg, hedge


@cache
def _fact_key() -> object:
    """The key of a word's governor flags in its tokens' shared `form.facts`
    (a small dict per word form: cheaper to read than a memo of all words)."""
    return object()


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
    for j in range(max(sent_start, i - 3), i):
        norm, stem = tokens[j].norm, tokens[j].stem
        for form in (norm, lookup_keys(tokens[j].light)[-1]):
            if form in words.negated_before and i - j <= words.negated_before[form]:
                negated = True
            if form in words.hedged_before and i - j <= words.hedged_before[form]:
                hedged = True
        if words.qad_imperfect and norm == "قد" and i - j == 1 and stem[:1] in "يتن":
            hedged = True
    neg_at, hedge_at = governors
    negated = negated or any(j < i for j in neg_at)
    hedged = hedged or any(j < i for j in hedge_at)
    return negated, hedged
