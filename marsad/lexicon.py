"""Multi-word phrase index over folded tokens, shared by every lexicon.

An entry is a phrase (tuple of folded words) with a payload. The first word of
a phrase may carry clitics in the article (`وبالولايات المتحدة`); the key
function decides which readings of it to try (names keep their article,
triggers may lose it). Later words match their folded form exactly.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from marsad.text.normalize import fold
from marsad.types import Token

P = TypeVar("P")
HIT_CACHE_MAX = 500_000


@dataclass(frozen=True, slots=True)
class Match(Generic[P]):
    start: int  # token index
    end: int  # token index, exclusive
    payloads: tuple[P, ...]
    key: str  # the reading of the first word that matched


def phrase_key(text: str) -> tuple[str, ...]:
    """Folded words of a lexicon entry (punctuation inside names is dropped)."""
    return tuple(w for w in fold(text).replace("-", " ").split() if w)


class PhraseIndex(Generic[P]):
    def __init__(self) -> None:
        # first word -> {number of further words -> {further words -> payloads}}
        self._by_first: dict[str, dict[int, dict[tuple[str, ...], list[P]]]] = {}
        # key function -> word -> readings of the word that start an entry
        self._hits: dict[Callable[[str], tuple[str, ...]], dict[str, tuple[str, ...]]] = {}

    def add(self, phrase: str, payload: P) -> None:
        words = phrase_key(phrase)
        if not words:
            return
        by_len = self._by_first.setdefault(words[0], {})
        payloads = by_len.setdefault(len(words) - 1, {}).setdefault(words[1:], [])
        if payload not in payloads:
            payloads.append(payload)
        # keep lengths in descending order so the longest entry is tried first
        self._by_first[words[0]] = dict(sorted(by_len.items(), reverse=True))
        self._hits.clear()

    def hit_cache(self, keys: Callable[[str], tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
        """The memo behind `hits` for one key function (callers in hot loops
        read it directly and call `hits` only on a miss)."""
        return self._hits.setdefault(keys, {})

    def hits(self, word: str, keys: Callable[[str], tuple[str, ...]]) -> tuple[str, ...]:
        """Readings of `word` (under `keys`) that start some entry; cached."""
        cache = self._hits.get(keys)
        if cache is None:
            cache = self._hits[keys] = {}
        found = cache.get(word)
        if found is None:
            found = tuple(k for k in keys(word) if k in self._by_first)
            if len(cache) > HIT_CACHE_MAX:
                cache.clear()
            cache[word] = found
        return found

    def single(self, key: str) -> tuple[P, ...]:
        """Payloads of the one-word entry `key` (empty if none)."""
        return tuple(self._by_first.get(key, {}).get(0, {}).get((), ()))

    def __contains__(self, word: str) -> bool:
        return word in self._by_first

    def first_words(self) -> frozenset[str]:
        return frozenset(self._by_first)

    def match_at(self, tokens: Sequence[Token], i: int, end: int,
                 keys: Callable[[str], tuple[str, ...]],
                 norms: Sequence[str] | None = None, offset: int = 0) -> Match[P] | None:
        """Longest entry starting at token i (not crossing `end`).

        `norms[k - offset]` may hold the folded forms of the tokens (a speed-up
        for callers that match many positions)."""
        tok = tokens[i]
        if not tok.is_word:
            return None
        best: Match[P] | None = None
        for key in self.hits(tok.light, keys):
            for n, entries in self._by_first[key].items():  # longest first
                if i + 1 + n > end or (best and best.end - best.start >= n + 1):
                    continue
                if norms is not None:
                    rest = tuple(norms[i + 1 - offset: i + 1 + n - offset])
                else:
                    rest = tuple(tokens[i + 1 + k].norm for k in range(n))
                payloads = entries.get(rest)
                if payloads is not None:
                    best = Match(i, i + 1 + n, tuple(payloads), key)
                    break
        return best

    def find_all(self, tokens: Sequence[Token], start: int, end: int,
                 keys: Callable[[str], tuple[str, ...]],
                 candidates: Sequence[bool] | None = None) -> list[Match[P]]:
        """Non-overlapping longest matches, left to right. `candidates[i - start]`
        may say in advance which tokens can start an entry of any lexicon."""
        out: list[Match[P]] = []
        norms = [t.norm for t in tokens[start:end]]
        cache = self.hit_cache(keys)
        i = start
        while i < end:
            tok = tokens[i]
            # Cheap pre-check: most words start no entry under any reading.
            found = cache.get(tok.light)
            if found is None:
                found = self.hits(tok.light, keys)
            if found and tok.is_word and (candidates is None or candidates[i - start]):
                m = self.match_at(tokens, i, end, keys, norms, start)
                if m:
                    out.append(m)
                    i = m.end
                    continue
            i += 1
        return out
