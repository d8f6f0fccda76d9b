"""Sentences that tell no political act: accidents and page furniture.

    تحطمت طائرة تدريب غرب تركيا مما أسفر عن مقتل طياريها
    → no ASSAULT (nobody killed them) and no AID (a training plane gives no aid)
    سمات تركيا داعش سلاح الجو سوريا قصف
    → no event (a tag list under the article)
"""
from __future__ import annotations

from functools import cache

from marsad.doc import Doc
from marsad.events.context import DEATH_VERBS
from marsad.resources import grammar_words
from marsad.text.formtable import FormTable
from marsad.text.normalize import ARABIC_LETTER
from marsad.types import Event

ACCIDENT_WORDS = grammar_words("accident_words")
BOILERPLATE_STARTS = grammar_words("boilerplate_starts")
DEATH_WORDS = DEATH_VERBS | grammar_words("death_nouns")
# what an accident sentence yields by mistake: its deaths and the plane's or
# the trip's purpose (طائرة تدريب، رحلة تدريب); a named attack keeps the sentence
ACCIDENT_TYPES = frozenset({"ASSAULT", "AID"})


def is_boilerplate(doc: Doc, s_i: int) -> bool:
    """Whether sentence s_i is a tag list or a link line, not text."""
    sent = doc.sentences[s_i]
    # "@handle سمات …": a signature or a handle may stand before the tag list
    letter = ARABIC_LETTER.search(doc.text, sent.start, sent.end)
    return letter is not None and doc.tokens[doc.token_at(letter.start())].reads_as(BOILERPLATE_STARTS)


def drop_accidents(doc: Doc, events: list[Event]) -> list[Event]:
    """The events of one sentence without the deaths and purposes of an
    accident it reports (a crash, a drowning, a quake), unless a verb of
    attack in the sentence says someone caused it."""
    if not any(ev.type in ACCIDENT_TYPES and ev.rule.startswith("noun") for ev in events):
        return events  # nothing an accident could have yielded: the usual case
    a, b = doc.sentences[events[0].sentence].tokens
    if not _accident_words().values(doc, a, b).any():
        return events
    if any(ev.type == "ASSAULT" and not _death_word(doc, ev) for ev in events):
        return events  # أسقطت الدفاعات الجوية طائرة، تحطمت إثر استهدافها: an attack, not an accident
    return [ev for ev in events if not (ev.type in ACCIDENT_TYPES and ev.rule.startswith("noun"))]


@cache
def _accident_words() -> FormTable:
    """Whether a word form reads as an accident word (تحطم، غرق، اصطدام…)."""
    return FormTable(lambda tok: tok.reads_as(ACCIDENT_WORDS))


def _death_word(doc: Doc, ev: Event) -> bool:
    return doc.tokens[doc.token_at(ev.trigger.start)].reads_as(DEATH_WORDS)
