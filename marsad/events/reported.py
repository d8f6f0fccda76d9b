"""Who an act's role words really name: the subject of a clause opened by a
complementiser (قال X إن Y فعل…), and generic adjectives that only look like actors.

An act told inside a statement is done by the subject of the reported clause,
not by the speaker: in "وكشف المتحدث أن الصاروخ كان يستهدف منطقة مدنية" the
missile, not the spokesman, is what was aimed; in "قال مسؤول إن الدوحة حاولت
منع وصول تمويل" Doha, not the official, tried to block the funds. The verb's
own subject finders look right next to the verb; this looks back to the
complementiser that opens its clause.
"""
from __future__ import annotations

from typing import NamedTuple

from marsad.doc import Doc
from marsad.events.actors import can_act
from marsad.grammar.triggers import trigger_indexes
from marsad.grammar.mention_map import MentionMap
from marsad.grammar.predicates import definite, is_count, nisba_ending, prep_clitic
from marsad.grammar.words import (
    CLAUSE_COMMAS,
    CLAUSE_CONJUNCTIONS,
    COMPLEMENTIZERS,
    PRONOUN_COMPLEMENTIZERS,
    QUOTE_MARKS,
    RELATIVES,
)
from marsad.text.clitics import lookup_keys
from marsad.types import Mention

REPORTED_REACH = 6  # words between أن and the verb: a subject, a كان, a verb of trying (حاولت منع)


class ReportedSubject(NamedTuple):
    """`found`: the clause names its subject; `actor`: that subject if it is an actor."""

    found: bool
    actor: Mention | None


NONE = ReportedSubject(False, None)


def reported_subject(doc: Doc, mmap: MentionMap, i: int, sent_start: int) -> ReportedSubject:
    """The subject right after the bare complementiser (أن، إن، بأن) that opens
    the clause of the verb at token i. A definite noun that is no actor
    (`أن الصاروخ كان يستهدف`) is still the subject: the verb then has no
    actor as source, and no earlier actor (the speaker) may stand in for it."""
    toks = doc.tokens
    j = i - 1
    while j >= max(sent_start, i - REPORTED_REACH):
        tok = toks[j]
        if tok.norm in PRONOUN_COMPLEMENTIZERS:
            return NONE  # أنها دعت: the pronoun is the subject (the verb finders' case)
        if tok.norm in COMPLEMENTIZERS:
            break
        if tok.text in CLAUSE_COMMAS or tok.norm in CLAUSE_CONJUNCTIONS or tok.norm in RELATIVES:
            return NONE  # another clause stands between
        j -= 1
    else:
        return NONE
    k = j + 1
    while k < i and toks[k].text in QUOTE_MARKS:
        k += 1
    if k >= i or toks[k].prefix and prep_clitic(toks[k]) or is_count(toks[k]):
        return NONE
    m = mmap.starts.get(k)
    if m is not None:
        if m.tokens[1] > i:
            return NONE
        return ReportedSubject(True, m if can_act(m) else None)  # أن المدنيين قتلوا: no actor
    if k in mmap.covering or not toks[k].is_word or not toks[k].stem.startswith("ال"):
        return NONE
    _, nouns = trigger_indexes()
    if nouns.match_at(toks, k, i, lookup_keys):
        # أن العقوبات الجديدة تستهدف، أن القصف استهدف: an act noun as subject; its agent is
        # found as for any act noun (often the one who reports it)
        return NONE
    return ReportedSubject(True, None)


def describes_noun(doc: Doc, mmap: MentionMap, m: Mention) -> bool:
    """`هجوم إرهابي استهدف…`، `لمخطط إرهابي يرمي لاستهداف`: a generic nisba right
    after an act noun or a noun behind a preposition, agreeing with it in
    definiteness, is that noun's adjective, not an actor. (A nisba of a state —
    `غارات روسية` — names one: it has a country; `قتل انتحاري`: after a verb it
    is the subject.)"""
    if m.actor is None or m.actor.id is not None or m.actor.country is not None:
        return False
    k = m.tokens[0]
    toks = doc.tokens
    tok = toks[k]
    if k == 0 or tok.prefix or not nisba_ending(tok.key) or k - 1 in mmap.covering:
        return False
    prev = toks[k - 1]
    if not prev.is_word or definite(prev) != tok.stem.startswith("ال"):
        return False
    _, nouns = trigger_indexes()
    return bool(prep_clitic(prev)) or nouns.match_at(toks, k - 1, k, lookup_keys) is not None


def last_speaker(doc: Doc, before: int, other: Mention | None) -> Mention | None:
    """The speaker of the latest claim before `before` who is not `other`."""
    return doc.claim_index().last_speaker(before, other)


def announces(doc: Doc, source: Mention, at: int) -> bool:
    """Whether `source` is the speaker of the statement that tells the act at `at`."""
    return any(c.content[0] <= at < c.content[1] for c in doc.claim_index().by_speaker_at(source.start))
