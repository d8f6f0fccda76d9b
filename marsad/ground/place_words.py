"""The words of and around place names: heads (`ريف`، `مدينة`), directions,
locative prepositions, words that are never or rarely names, and how often a
one-word place name is a name in the news. Read from resources/ground_places.tsv
and resources/place_rates.tsv.gz (tools/build_place_rates.py); used by places.py.
"""
from __future__ import annotations

import gzip
from dataclasses import dataclass
from functools import cache, lru_cache

from marsad.ground._text import key, split_forms, table
from marsad.resources import path
from marsad.text.clitics import proclitic_keys

NAMED_SHARE_MIN = 0.3  # a name marked as a place in fewer of its corpus occurrences is mostly a word


@dataclass(frozen=True)
class PlaceVocab:
    heads: dict[tuple[str, ...], str]
    directions: frozenset[str]
    locatives: frozenset[str]
    not_place: frozenset[str]
    never_name: frozenset[str]


@cache
def place_vocab() -> PlaceVocab:
    heads: dict[tuple[str, ...], str] = {}
    directions: set[str] = set()
    locatives: set[str] = set()
    not_place: set[str] = set()
    never_name: set[str] = set()
    for row in table("ground_places.tsv"):
        for form in split_forms(row["forms"]):
            k = key(form)
            if row["kind"] == "head":
                heads[tuple(k.split())] = row["value"]
            elif row["kind"] == "direction":
                directions.add(k)
            elif row["kind"] == "locative":
                locatives.add(k)
            elif row["kind"] == "not_place":
                not_place.add(k)
            elif row["kind"] == "never_name":
                never_name.add(k)
    not_place.update(" ".join(h) for h in heads)  # a bare head (مدينة، شمال) is not a name
    not_place.update(never_name)
    return PlaceVocab(heads, frozenset(directions), frozenset(locatives), frozenset(not_place), frozenset(never_name))


@cache
def head_last_words() -> frozenset[str]:
    return frozenset(h[-1] for h in place_vocab().heads)


@lru_cache(maxsize=100_000)
def may_end_head(light: str) -> bool:
    last = head_last_words()
    return any(k in last for k in proclitic_keys(light))


def head_before(v: PlaceVocab, tokens, i: int, lo: int) -> tuple[int, str, str] | None:
    """(first token, head kind, stripped prefix) of a head right before token i."""
    if i <= lo or not may_end_head(tokens[i - 1].light):
        return None  # the word before cannot end a head: the usual case
    for size in (2, 1):
        a = i - size
        if a < lo or not all(tokens[q].is_word for q in range(a, i)):
            continue
        first = tokens[a]
        rest = tuple(tokens[q].norm for q in range(a + 1, i))
        for k in proclitic_keys(first.light):
            kind = v.heads.get((k, *rest))
            if kind:
                return a, kind, prefix_of(first.light, k)
    return None


@lru_cache(maxsize=100_000)
def prefix_of(light: str, k: str) -> str:
    from marsad.text.clitics import proclitic_splits
    from marsad.text.normalize import fold

    for prefix, stem in proclitic_splits(light):
        if fold(stem) == k:
            return prefix
    return ""


@cache
def place_rates() -> dict[str, float]:
    """Share of a one-word place name's corpus occurrences marked as a place
    (tools/build_place_rates.py), for names seen often enough to judge."""
    out: dict[str, float] = {}
    with gzip.open(path("place_rates.tsv.gz"), "rt", encoding="utf-8") as fh:
        for line in fh:
            if not line.startswith("#"):
                word, seen, marked = line.rstrip("\n").split("\t")
                out[word] = int(marked) / int(seen)
    return out


def rarely_named(name: str) -> bool:
    """Whether a one-word place name is mostly something else in the news
    (أمان safety, not Amman): then only the tagger's reading of it here counts."""
    rate = place_rates().get(name)
    return rate is not None and rate < NAMED_SHARE_MIN
