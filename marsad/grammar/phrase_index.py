"""Multi-word phrase index over folded tokens, shared by every lexicon.

An entry is a phrase (tuple of folded words) with a payload. The first word of
a phrase may carry clitics in the article (`وبالولايات المتحدة`); the key
function decides which readings of it to try (names keep their article,
triggers may lose it). Later words match their folded form exactly.
"""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from typing import Generic, NamedTuple, TypeVar

from marsad.doc import Doc
from marsad.text.formtable import FormTable
from marsad.text.normalize import fold
from marsad.types import Token

P = TypeVar("P")


class Match(NamedTuple, Generic[P]):  # a tuple: ~150k made a second, a frozen dataclass is slower to build
    start: int  # token index
    end: int  # token index, exclusive
    payloads: tuple[P, ...]
    key: str  # the reading of the first word that matched


def phrase_key(text: str) -> tuple[str, ...]:
    """Folded words of a lexicon entry (punctuation inside names is dropped)."""
    return tuple(w for w in fold(text).replace("-", " ").split() if w)


# (reading of a word, ((number of further words, {further words: payloads}), … longest first)) for each
# reading that starts an entry
Hits = tuple[tuple[str, tuple[tuple[int, dict[tuple[str, ...], list]], ...]], ...]


class PhraseIndex(Generic[P]):
    def __init__(self) -> None:
        # first word -> {number of further words -> {further words -> payloads}}
        self._by_first: dict[str, dict[int, dict[tuple[str, ...], list[P]]]] = {}
        # key function -> the key under which a token's `form.facts` keep the
        # readings of its word that start an entry
        self._fact_keys: dict[Callable[[str], tuple[str, ...]], object] = {}
        # key function -> which word forms may start an entry (see `starts`)
        self._start_words: dict[Callable[[str], tuple[str, ...]], FormTable] = {}

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
        self._fact_keys.clear()  # facts stored under the old keys are stale: new keys orphan them
        self._start_words.clear()

    def fact_key(self, keys: Callable[[str], tuple[str, ...]]) -> object:
        """The key under which tokens' `form.facts` hold `token_hits` for `keys`
        (callers in hot loops read the facts directly and call `token_hits`
        only on a miss)."""
        found = self._fact_keys.get(keys)
        if found is None:
            found = self._fact_keys[keys] = object()
        return found

    def token_hits(self, tok: Token, keys: Callable[[str], tuple[str, ...]]) -> Hits:
        """The readings of the token's word (its light form, under `keys`)
        that start some entry, each with those entries by number of further
        words, longest first; kept in the token's shared `form` (empty when
        the word starts nothing)."""
        facts = tok.form.facts
        fact_key = self._fact_keys.get(keys) or self.fact_key(keys)  # inline hit: called per candidate word
        found = facts.get(fact_key)
        if found is None:
            by_first = self._by_first
            found = facts[fact_key] = tuple((k, tuple(by_first[k].items())) for k in keys(tok.light) if k in by_first)
        return found  # type: ignore[return-value]

    def starts(self, doc: Doc, keys: Callable[[str], tuple[str, ...]]) -> list[int]:
        """Positions of the document's tokens where an entry may start (a word
        some reading of which begins one), for `find_all(..., starts=)`."""
        table = self._start_words.get(keys)
        if table is None:
            table = self._start_words[keys] = FormTable(lambda tok: tok.is_word and bool(self.token_hits(tok, keys)))
        return table.positions(doc)

    def single(self, key: str) -> tuple[P, ...]:
        """Payloads of the one-word entry `key` (empty if none)."""
        return tuple(self._by_first.get(key, {}).get(0, {}).get((), ()))

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
        return self.match_hits(tokens, i, end, self.token_hits(tok, keys))

    @staticmethod
    def match_hits(tokens: Sequence[Token], i: int, end: int, hits: Hits) -> Match[P] | None:
        """`match_at` for a word token whose `token_hits` the caller already has."""
        best: Match[P] | None = None
        for key, by_len in hits:
            for n, entries in by_len:  # longest first
                if i + 1 + n > end or (best and best.end - best.start >= n + 1):
                    continue
                if n == 1:  # the commonest two-word entries: no slice
                    rest: tuple[str, ...] = (tokens[i + 1].norm,)
                else:
                    rest = tuple([t.norm for t in tokens[i + 1:i + 1 + n]]) if n else ()
                payloads = entries.get(rest)
                if payloads is not None:
                    best = Match(i, i + 1 + n, tuple(payloads), key)
                    break
        return best

    def find_all(self, tokens: Sequence[Token], start: int, end: int,
                 keys: Callable[[str], tuple[str, ...]], starts: list[int] | None = None) -> list[Match[P]]:
        """Non-overlapping longest matches, left to right. `starts` may give
        the positions in the document where an entry may start (`starts()`):
        then only those are tried."""
        out: list[Match[P]] = []
        if starts is not None:
            i = start
            for q in starts[bisect_left(starts, start):bisect_left(starts, end)]:
                if q >= i:
                    m = self.match_at(tokens, q, end, keys)
                    if m:
                        out.append(m)
                        i = m.end
            return out
        fact_key = self.fact_key(keys)
        i = start
        while i < end:
            tok = tokens[i]
            # Cheap pre-check: most words start no entry under any reading.
            found = tok.form.facts.get(fact_key)
            if found is None:
                found = self.token_hits(tok, keys)
            if found and tok.is_word:
                m = self.match_hits(tokens, i, end, found)
                if m:
                    out.append(m)
                    i = m.end
                    continue
            i += 1
        return out
