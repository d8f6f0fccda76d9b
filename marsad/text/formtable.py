"""A value per word form, read for a whole document in one numpy gather.

Stages look the same few things up for every token (does the word begin an
actor name, a trigger, a place; its row in the tagger's score table). The
answer depends only on the word form, so it is computed once per form and
kept in an array indexed by the form's id (types.WordForm, numbered by the
tokenizer); a document's answers are `table[ids]`, with no Python work per
token once its words have been seen.
"""
from __future__ import annotations

from collections.abc import Callable

import numpy as np

from marsad.doc import Doc
from marsad.types import Token

UNKNOWN = -1  # not computed yet (slot 0, for forms the tokenizer does not number, stays so)


class FormTable:
    """`compute(token)` for every token of a document, memoised per word form.

    `compute` must depend on the token's form only (its text and what the
    tokenizer derives from it), never on its position or hashtag flag, and
    return a small non-negative integer (a flag, a kind, a row number)."""

    def __init__(self, compute: Callable[[Token], int], dtype: type = np.int8):
        self.compute = compute
        self.dtype = dtype
        self._numbering: object | None = None
        self._values = np.full(1024, UNKNOWN, dtype=dtype)

    def values(self, doc: Doc, a: int = 0, b: int | None = None) -> np.ndarray:
        """The value of each of the document's tokens, or of tokens a…b-1 only
        (a stage looking at one sentence at a time must not gather the whole
        document each time: that is quadratic in a long article)."""
        numbering, ids = doc.form_ids()
        if a or b is not None:
            ids = ids[a:b]
        if numbering is not None and numbering is not self._numbering:
            self._numbering = numbering  # the tokenizer started a new numbering: forget the old one
            self._values = np.full(1024, UNKNOWN, dtype=self.dtype)
        if numbering is not None and len(numbering) >= len(self._values):  # type: ignore[arg-type]
            grown = np.full(2 * len(numbering), UNKNOWN, dtype=self.dtype)  # type: ignore[arg-type]
            grown[:len(self._values)] = self._values
            self._values = grown
        vals = self._values[ids]
        missing = (vals == UNKNOWN).nonzero()[0]  # not np.flatnonzero: its Python wrapper doubles the cost on short arrays
        if len(missing):
            tokens, table, compute = doc.tokens, self._values, self.compute
            for k in missing.tolist():
                vals[k] = value = compute(tokens[a + k])
                if ids[k]:
                    table[ids[k]] = value
        return vals

    def positions(self, doc: Doc) -> list[int]:
        """Token positions whose value is not 0, in order."""
        return self.values(doc).nonzero()[0].tolist()
