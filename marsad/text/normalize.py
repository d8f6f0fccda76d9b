"""Folding Arabic for matching, with an offset map back to the raw text.

The raw article is never changed. `fold()` is the string-to-string utility
(CAMeL style) for lexicon keys and tokens; `fold_deleting()` folds a whole
article and names the raw positions it deleted, so a folded offset maps back
to the raw text (folding maps every other character to exactly one).
"""
from __future__ import annotations

import re
from functools import cache

import numpy as np

from marsad.resources import load_json

ARABIC_LETTER = re.compile("[\u0621-\u064a]")  # a letter of the Arabic alphabet (hamza to yaa)

# Characters that show nothing: zero-width space and (non-)joiners, LRM and
# RLM, the Arabic letter mark, bidi embeddings, overrides and isolates, the
# word joiner, a BOM inside the text, the soft hyphen. Web copy strews them
# between and inside words; the tokenizer and the sentence splitter read them
# as nothing (part of the word they sit in, whitespace between words) and
# folding deletes them (charmap.json), while the raw text keeps them.
INVISIBLE = "\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff"  # a regex class body
INVISIBLE_CHARS = frozenset(
    "\u00ad\u061c\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2066\u2067\u2068\u2069\ufeff")
_INVISIBLE_RE = re.compile(f"[{INVISIBLE}]")


def without_invisible(text: str) -> str:
    """`text` with the invisible characters removed (for comparing forms, never for spans)."""
    return _INVISIBLE_RE.sub("", text) if not text.isascii() else text


def blank(ch: str) -> bool:
    """Whitespace or an invisible character: nothing a reader sees."""
    return ch.isspace() or ch in INVISIBLE_CHARS


@cache
def _light_table() -> dict[int, str | None]:
    cmap = load_json("charmap.json")
    table: dict[int, str | None] = {ord(k): v for k, v in cmap["map"].items()}
    table.update({ord(ch): None for ch in cmap["delete"]})
    return table


@cache
def _table() -> dict[int, str | None]:
    table = dict(_light_table())
    table.update({ord(k): v for k, v in load_json("charmap.json")["map_matching"].items()})
    return table


def fold(text: str) -> str:
    """Fold for matching: diacritics, tatweel, alef/yaa/taa-marbuta/hamza seats, digits, quotes.

    >>> fold("أَعْلَنَ الأمم المتّحدة ٣٠٠٠")
    'اعلن الامم المتحده 3000'
    """
    return text.translate(_table())


DELETED = 0xFFFFFFFF  # `_codes()` value of a character that folding deletes


@cache
def _codes() -> np.ndarray:
    """`_table()` as an array over all code points (4.5 MB): code point -> its
    fold's code point, or DELETED. Every entry of the table is one character
    or a deletion, which `fold_deleting` relies on."""
    codes = np.arange(0x110000, dtype=np.uint32)
    for k, v in _table().items():
        assert v is None or len(v) <= 1, (k, v)
        codes[k] = ord(v) if v else DELETED
    return codes


def fold_deleting(text: str) -> tuple[str, list[int]]:
    """`fold(text)` and the positions in `text` of the characters it deleted,
    for a whole article: one array gather over the text's code points, about
    six times faster than `str.translate` with a dict (a lookup per character)."""
    codes = _codes()[np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)]
    dropped = codes == DELETED
    if not dropped.any():
        return codes.tobytes().decode("utf-32-le"), []
    return codes[~dropped].tobytes().decode("utf-32-le"), dropped.nonzero()[0].tolist()


def fold_light(text: str) -> str:
    """Like `fold` but keeps ة and ى, so clitic analysis can tell ة from the pronoun ه.

    >>> fold_light("الرُّوسِيَّة")
    'الروسية'
    """
    return text.translate(_light_table())


def fold_char(ch: str) -> str:
    """The folded form of one character: '' when folding deletes it.

    Both folds delete the same characters, so offsets agree between them.
    """
    out = _table().get(ord(ch), ch)
    return out or ""
