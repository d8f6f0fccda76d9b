"""Shared helpers for grounding: folded text with an offset map, word lists."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cache, lru_cache

from marsad.resources import load_json, read_tsv
from marsad.text.normalize import fold, fold_deleting

# A letter (not a digit, not `_`): used for word boundaries in folded text.
LETTER = r"[^\W\d_]"
NOT_AFTER_LETTER = rf"(?<!{LETTER})"
NOT_BEFORE_LETTER = rf"(?!{LETTER})"


TRAILING_MARKS = frozenset(chr(c) for c in [*range(0x064B, 0x0660), 0x0670, 0x0640])


@cache
def _deleted_re() -> re.Pattern:
    """Characters that folding deletes (diacritics, tatweel, #, zero-width marks)."""
    chars = load_json("charmap.json")["delete"]
    return re.compile("[" + "".join(re.escape(c) for c in chars) + "]")


class Folded:
    """Folded text plus a map back to raw offsets.

    Folding maps characters one to one or deletes them; `_kept_before[i]` is the
    folded position where the i-th deletion happened, so a folded index maps
    back with one binary search.
    """

    __slots__ = ("raw", "text", "_kept_before", "_deleted")

    def __init__(self, raw: str, text: str | None = None):
        self.raw = raw
        if text is None:
            self.text, self._deleted = fold_deleting(raw)
        else:
            self.text = text
            self._deleted = [m.start() for m in _deleted_re().finditer(raw)] if len(text) != len(raw) else []
        self._kept_before: list[int] | None = [d - k for k, d in enumerate(self._deleted)] if self._deleted else None

    def folded_index(self, raw_pos: int) -> int:
        """Folded position of raw position `raw_pos` (deleted characters before it drop out)."""
        return raw_pos - bisect_left(self._deleted, raw_pos) if self._deleted else raw_pos

    def raw_index(self, k: int) -> int:
        if self._kept_before is None:
            return k
        return k + bisect_right(self._kept_before, k)

    def span(self, a: int, b: int) -> tuple[int, int]:
        """Raw [start, end) of folded [a, b)."""
        if b <= a:
            return self.raw_index(a), self.raw_index(a)
        end = self.raw_index(b - 1) + 1
        while end < len(self.raw) and self.raw[end] in TRAILING_MARKS:
            end += 1  # keep a word's final diacritics (عاماً) in its span
        return self.raw_index(a), end


@lru_cache(maxsize=8)
def folded(raw: str) -> Folded:
    """Shared per text: dates, quantities and the stage fold the same article."""
    return Folded(raw)


def alternation(forms: list[str]) -> str:
    """Regex alternation of folded phrases, longest first; spaces match any whitespace."""
    keys = sorted({fold(f).strip() for f in forms if f.strip()}, key=lambda s: (-len(s), s))
    return "|".join(r"\s+".join(re.escape(w) for w in k.split()) for k in keys)


def trie_alternation(words: set[str]) -> str:
    """Regex matching any of `words` (no spaces), factored into a trie so that a
    failing position costs a few character checks instead of one per word.
    Which word wins is unspecified: meant for lookaheads (a necessary condition)."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here

    def emit(node: dict) -> str:
        if "" in node and len(node) == 1:
            return ""
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(trie)


def split_forms(cell: str) -> list[str]:
    return [f.strip() for f in cell.split("|") if f.strip()]


@cache
def table(name: str) -> tuple[dict[str, str], ...]:
    return tuple(read_tsv(name))


@cache
def word_class(file: str, name: str) -> frozenset[str]:
    """One closed class (its `name` row) of a resource TSV of `name words use`
    rows, each word folded by `key`."""
    for row in table(file):
        if row["name"] == name:
            return frozenset(key(w) for w in split_forms(row["words"]))
    raise KeyError(f"{file} has no word class {name!r}")


def key(phrase: str) -> str:
    """Folded, single-spaced form used as a dictionary key."""
    return " ".join(fold(phrase).split())
