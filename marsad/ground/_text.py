"""Shared helpers for grounding: folded text with an offset map, word lists."""
from __future__ import annotations

import re
from functools import cache

from marsad.resources import read_tsv
from marsad.text.normalize import fold, normalize

# A letter (not a digit, not `_`): used for word boundaries in folded text.
LETTER = r"[^\W\d_]"
NOT_AFTER_LETTER = rf"(?<!{LETTER})"
NOT_BEFORE_LETTER = rf"(?!{LETTER})"


class Folded:
    """Folded text plus a map back to raw offsets (identity when nothing was deleted)."""

    __slots__ = ("raw", "text", "_to_raw")

    def __init__(self, raw: str):
        self.raw = raw
        folded = fold(raw)
        if len(folded) == len(raw):
            self.text, self._to_raw = folded, None
        else:
            norm = normalize(raw)
            self.text, self._to_raw = norm.text, norm.to_raw

    def span(self, a: int, b: int) -> tuple[int, int]:
        """Raw [start, end) of folded [a, b)."""
        if self._to_raw is None:
            return a, b
        if b <= a:
            return self._to_raw[a], self._to_raw[a]
        return self._to_raw[a], self._to_raw[b - 1] + 1


def alternation(forms: list[str]) -> str:
    """Regex alternation of folded phrases, longest first; spaces match any whitespace."""
    keys = sorted({fold(f).strip() for f in forms if f.strip()}, key=lambda s: (-len(s), s))
    return "|".join(r"\s+".join(re.escape(w) for w in k.split()) for k in keys)


def split_forms(cell: str) -> list[str]:
    return [f.strip() for f in cell.split("|") if f.strip()]


@cache
def table(name: str) -> tuple[dict[str, str], ...]:
    return tuple(read_tsv(name))


def key(phrase: str) -> str:
    """Folded, single-spaced form used as a dictionary key."""
    return " ".join(fold(phrase).split())
