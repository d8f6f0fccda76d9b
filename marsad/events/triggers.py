"""Finding triggers in a sentence: verbs, nouns and two-part triggers."""
from __future__ import annotations

from functools import cache, lru_cache

from marsad.doc import Doc
from marsad.events.lexicon import Trigger, split_trigger_index, trigger_indexes
from marsad.lexicon import Match
from marsad.resources import read_words
from marsad.text.clitics import lookup_keys, proclitic_keys, verb_keys


def find_triggers(doc: Doc, a: int, b: int, covered: dict[int, object]) -> list[Match[Trigger]]:
    """Trigger matches in tokens [a, b): the longest where they overlap, none
    inside an actor mention (`covered`), none that is part of a name."""
    verbs, nouns = trigger_indexes()
    verb_matches = [m for m in verbs.find_all(doc.tokens, a, b, verb_keys) if not _impossible_object(doc, m)]
    matches = _merge(_split_matches(doc, a, b),
                     _merge(verb_matches, nouns.find_all(doc.tokens, a, b, lookup_keys)))
    naming = read_words("naming_heads.txt")
    return [m for m in matches if m.start not in covered
            and not (m.payloads[0].pos == "noun" and m.start > a and doc.tokens[m.start - 1].key in naming)]


def _impossible_object(doc: Doc, m: Match[Trigger]) -> bool:
    """A verb read with an object pronoun it cannot take: `سيطرته` is the noun
    "his control", since سيطر takes على, never a direct object."""
    trig = m.payloads[0]
    if trig.pos == "noun" or "obj" in trig.target or m.end - m.start != 1:
        return False
    light = doc.tokens[m.start].light
    return m.key not in proclitic_keys(light)


def _split_matches(doc: Doc, a: int, b: int) -> list[Match[Trigger]]:
    """Two-part triggers (حمّل … المسؤولية), anchored on their first word."""
    index = split_trigger_index()
    first = _split_first_words()
    out: list[Match[Trigger]] = []
    for i in range(a, b):
        tok = doc.tokens[i]
        # the first part is a verb or masdar: its last letters are in the index key
        if not tok.is_word or tok.norm[-2:] not in first and (not tok.suffix or tok.key[-2:] not in first):
            continue
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
