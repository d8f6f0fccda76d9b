"""Spans looked up by sorted start offset, answers in the list's own order.

Grounding asks, for each claim, event and mention, which dates, places and
counts lie in a clause or sentence. Filtering the whole document's list each
time made a long article quadratic (issue #13); a bisect over the sorted
starts finds the same items in time proportional to the answer. Answers keep
the original list order, so a `min`/`next` over them breaks ties exactly as
the scan over the whole list did.
"""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from typing import Generic, NamedTuple, Protocol, TypeVar


class _Spanned(Protocol):
    start: int
    end: int


T = TypeVar("T", bound=_Spanned)


class ByStart(Generic[T]):
    def __init__(self, items: Sequence[T]) -> None:
        self.items = items
        # the finders mostly return their spans in text order: then sorted() is one linear pass
        self._order = sorted(range(len(items)), key=lambda i: items[i].start)
        self._starts = [items[i].start for i in self._order]
        self._longest = max((it.end - it.start for it in items), default=0)

    def __len__(self) -> int:
        return len(self.items)

    def _between(self, a: int, b: int) -> list[T]:
        lo, hi = bisect_left(self._starts, a), bisect_left(self._starts, b)
        if hi - lo == len(self.items):
            return list(self.items)
        return [self.items[i] for i in sorted(self._order[lo:hi])]

    def starting_in(self, a: int, b: int) -> list[T]:
        """The items with `a <= start < b`."""
        return self._between(a, b)

    def inside(self, a: int, b: int) -> list[T]:
        """The items with `a <= start` and `end <= b`."""
        return [it for it in self._between(a, b + 1) if it.end <= b]

    def overlapping(self, a: int, b: int) -> list[T]:
        """The items sharing a character with `[a, b)`."""
        return [it for it in self._between(a - self._longest, b) if it.end > a]


class Pair(NamedTuple):
    """A bare (start, end) span, for ByStart."""

    start: int
    end: int


def by_start_pairs(spans: Sequence[tuple[int, int]]) -> ByStart[Pair]:
    return ByStart([Pair(a, b) for a, b in spans])
