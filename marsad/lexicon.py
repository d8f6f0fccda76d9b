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
        self._by_first: dict[str, list[tuple[tuple[str, ...], list[P]]]] = {}

    def add(self, phrase: str, payload: P) -> None:
        words = phrase_key(phrase)
        if not words:
            return
        bucket = self._by_first.setdefault(words[0], [])
        for rest, payloads in bucket:
            if rest == words[1:]:
                if payload not in payloads:
                    payloads.append(payload)
                return
        bucket.append((words[1:], [payload]))
        bucket.sort(key=lambda item: -len(item[0]))

    def __contains__(self, word: str) -> bool:
        return word in self._by_first

    def first_words(self) -> frozenset[str]:
        return frozenset(self._by_first)

    def match_at(self, tokens: Sequence[Token], i: int, end: int,
                 keys: Callable[[str], tuple[str, ...]]) -> Match[P] | None:
        """Longest entry starting at token i (not crossing `end`)."""
        tok = tokens[i]
        if not tok.is_word:
            return None
        best: Match[P] | None = None
        for key in keys(tok.light):
            bucket = self._by_first.get(key)
            if not bucket:
                continue
            for rest, payloads in bucket:  # longest first
                n = len(rest)
                if i + 1 + n > end or (best and best.end - best.start >= n + 1):
                    continue
                if all(tokens[i + 1 + k].norm == rest[k] for k in range(n)):
                    best = Match(i, i + 1 + n, tuple(payloads), key)
                    break
        return best

    def find_all(self, tokens: Sequence[Token], start: int, end: int,
                 keys: Callable[[str], tuple[str, ...]]) -> list[Match[P]]:
        """Non-overlapping longest matches, left to right."""
        out: list[Match[P]] = []
        i = start
        while i < end:
            m = self.match_at(tokens, i, end, keys)
            if m:
                out.append(m)
                i = m.end
            else:
                i += 1
        return out
