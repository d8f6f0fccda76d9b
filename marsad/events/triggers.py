"""Finding triggers in a sentence: verbs, nouns and two-part triggers."""
from __future__ import annotations

from bisect import bisect_left
from functools import cache, lru_cache
from typing import NamedTuple

from marsad.doc import Doc
from marsad.grammar.triggers import Trigger, split_trigger_index, trigger_indexes
from marsad.grammar.phrase_index import Match
from marsad.resources import grammar_words, read_words
from marsad.grammar.words import RELATIVES
from marsad.text.clitics import lookup_keys, proclitic_keys, verb_keys
from marsad.text.formtable import FormTable
from marsad.types import Token


class TriggerStarts(NamedTuple):
    """Positions in a document where a verb, noun or two-part trigger may start."""

    verbs: list[int]
    nouns: list[int]
    split: list[int]


def trigger_starts(doc: Doc) -> TriggerStarts:
    """Where triggers may start in the document (per-word tables, one gather
    each), so that `find_triggers` looks at those words only."""
    verbs, nouns = trigger_indexes()
    return TriggerStarts(verbs.starts(doc, verb_keys), nouns.starts(doc, lookup_keys),
                         _split_words().positions(doc))


def find_triggers(doc: Doc, a: int, b: int, covered: dict[int, object],
                  starts: TriggerStarts | None = None) -> list[Match[Trigger]]:
    """Trigger matches in tokens [a, b): the longest where they overlap, none
    inside an actor mention (`covered`), none that is part of a name.
    `starts` (`trigger_starts`) spares looking at words that start none."""
    verbs, nouns = trigger_indexes()
    if starts is None:
        starts = trigger_starts(doc)
    verb_matches = [m for m in verbs.find_all(doc.tokens, a, b, verb_keys, starts.verbs)
                    if not _impossible_object(doc, m)]
    matches = _merge(_split_matches(doc, a, b, starts.split),
                     _merge(verb_matches, nouns.find_all(doc.tokens, a, b, lookup_keys, starts.nouns)))
    naming = read_words("naming_heads.txt")
    charges = grammar_words("charge_nouns")
    return [m for m in matches if m.start not in covered
            and not (m.payloads[0].pos == "noun" and m.start > a and doc.tokens[m.start - 1].key in naming)
            and not _charged(doc, a, m.start, charges)]


def sentence_triggers(doc: Doc) -> list[list[Match[Trigger]]]:
    """Each sentence's `find_triggers` matches with nothing covered (none left out for lying inside
    a mention), found once per tokens and sentences and kept in `doc.trigger_memo`: the rules'
    events and the learned models' candidates both start from them. Read-only."""
    memo = doc.trigger_memo
    if memo is None or memo[0] is not doc.tokens or memo[1] is not doc.sentences:
        starts = trigger_starts(doc)
        memo = doc.trigger_memo = (doc.tokens, doc.sentences,
                                   [find_triggers(doc, *s.tokens, {}, starts) for s in doc.sentences])
    return memo[2]


CHARGE_REACH = 3  # بتهمة محاولة تنفيذ هجوم، بتهمة الشروع في القتل: the offence is a short phrase


def _charged(doc: Doc, a: int, i: int, charges: frozenset[str]) -> bool:
    """Whether the word at i names the offence of a charge (`بتهمة قتل`,
    `بتهمة محاولة تنفيذ هجوم إرهابي`): a charge is no act that took place."""
    for j in range(i - 1, max(a, i - 1 - CHARGE_REACH), -1):
        tok = doc.tokens[j]
        if tok.key in charges:
            return True
        if not tok.is_word or tok.norm in RELATIVES:
            return False  # التهم التي أدينت بها: the conviction is an act
    return False


def _impossible_object(doc: Doc, m: Match[Trigger]) -> bool:
    """A verb read with an object pronoun it cannot take: `سيطرته` is the noun
    "his control", since سيطر takes على, never a direct object."""
    trig = m.payloads[0]
    if trig.pos == "noun" or "obj" in trig.target or m.end - m.start != 1:
        return False
    light = doc.tokens[m.start].light
    return m.key not in proclitic_keys(light)


@cache
def _split_words() -> FormTable:
    """Which words may be the first part of a two-part trigger."""
    return FormTable(_may_split)


def _may_split(tok: Token) -> bool:
    # the first part is a verb or masdar: its last letters are in the index key
    first = _split_first_words()
    if not tok.is_word or tok.norm[-2:] not in first and (not tok.suffix or tok.key[-2:] not in first):
        return False
    return bool(_split_keys(tok.light))


def _split_matches(doc: Doc, a: int, b: int, starts: list[int]) -> list[Match[Trigger]]:
    """Two-part triggers (حمّل … المسؤولية), anchored on their first word;
    `starts` are the document's positions `_may_split` accepts."""
    index = split_trigger_index()
    out: list[Match[Trigger]] = []
    for i in starts[bisect_left(starts, a):bisect_left(starts, b)]:
        tok = doc.tokens[i]
        for key in _split_keys(tok.light):
            for st in index[key]:
                for j in range(i + 1, min(b, i + 2 + st.max_gap)):
                    if not doc.tokens[j].is_word and doc.tokens[j].text not in "\"«»":
                        break
                    if doc.tokens[j].norm in st.second or doc.tokens[j].key in st.second:
                        out.append(Match(i, i + 1, (st.trigger,), key))
                        break
    return out


@cache
def _split_first_words() -> frozenset[str]:
    """Last two letters of every first part: a cheap filter (proclitics leave
    a word's ending alone; a pronoun suffix is checked on the stem)."""
    return frozenset(k[-2:] for k in split_trigger_index())


@lru_cache(maxsize=200_000)
def _split_keys(light: str) -> tuple[str, ...]:
    index = split_trigger_index()
    return tuple(k for k in lookup_keys(light)[:4] if k in index)


def _merge(first: list[Match[Trigger]], second: list[Match[Trigger]]) -> list[Match[Trigger]]:
    """Matches of both lists, left to right, the longer one where they overlap."""
    out: list[Match[Trigger]] = []
    for m in sorted(first + second, key=lambda m: (m.start, -(m.end - m.start))):
        if out and m.start < out[-1].end:
            continue
        out.append(m)
    return out
