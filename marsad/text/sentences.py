"""Sentence and clause splitting for scraped Arabic news.

Handles the `"., "` seams left where paragraphs were joined, line breaks,
quotations (a full stop inside a short quotation does not end the sentence)
and a headline line. Clauses are token ranges between ، ؛ : and similar marks.
"""
from __future__ import annotations

import re
from bisect import bisect_left

from marsad.text.normalize import INVISIBLE, blank
from marsad.types import Sentence, Token

# A terminator, optional closing quotes/brackets, an optional comma seam; or
# line breaks. Written to begin with one character class (the lookbehinds pick
# the branch) so that the regex engine skips to candidate characters instead
# of trying a match at every position (5x faster on news text).
# Invisible characters (normalize.INVISIBLE) may sit anywhere after the
# terminator: they are read as nothing.
BOUNDARY_RE = re.compile(rf"[.!?؟…\n](?:(?<=\n)\n*|(?<!\n)[.!?؟…{INVISIBLE}]*[\"'»”)\]{INVISIBLE}]*"
                         rf"(?:[,،][{INVISIBLE}]*)?(?=\s|$))")
DECIMAL_RE = re.compile(r"\d[.]\d")
QUOTE_CHARS = "\"«»“”"
MAX_QUOTE_SPAN = 300
CLAUSE_MARKS = {"،", ",", "؛", ";", ":", "(", ")", "-", "–"}
# Longest sentence kept whole, in tokens; no sentence of the 7,800 articles
# in ../shared/data reaches 320 (see _pieces).
MAX_SENTENCE_TOKENS = 1000


class _OpenQuotes:
    """Whether a quotation opened in the current sentence is still open at a
    position and closes soon after (unbalanced scraped quotes must not
    swallow text). Quote marks are counted as the position advances, not
    recounted from the sentence start at each boundary: a long quotation
    with many full stops made that quadratic."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.start = self.pos = 0
        self.counts = dict.fromkeys(QUOTE_CHARS, 0)

    def restart(self, start: int) -> None:
        self.start = self.pos = start
        self.counts = dict.fromkeys(QUOTE_CHARS, 0)

    def inside(self, pos: int) -> bool:
        seg = self.text[self.pos:pos]
        for q in QUOTE_CHARS:
            self.counts[q] += seg.count(q)
        self.pos = pos
        c = self.counts
        if not (c['"'] % 2 == 1 or c["«"] > c["»"] or c["“"] > c["”"]):
            return False
        nxt = self.text[pos : pos + MAX_QUOTE_SPAN]
        return any(q in nxt for q in QUOTE_CHARS)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Character spans of sentences, whitespace trimmed."""
    spans: list[tuple[int, int]] = []
    start = 0
    quotes = _OpenQuotes(text)
    for m in BOUNDARY_RE.finditer(text):
        end = m.end()
        if m.group().startswith(".") and DECIMAL_RE.match(text, max(m.start() - 1, 0)):
            continue
        if not m.group().startswith("\n") and quotes.inside(m.start()):
            continue
        spans.append((start, end))
        start = end
        quotes.restart(start)
    spans.append((start, len(text)))
    out = []
    for a, b in spans:
        # trimmed of whitespace and invisible characters: a sentence starts and ends with something seen
        while a < b and blank(text[a]):
            a += 1
        while b > a and blank(text[b - 1]):
            b -= 1
        if b > a:
            out.append((a, b))
    return out


def build_sentences(text: str, tokens: list[Token], marks: list[int] | None = None) -> list[Sentence]:
    """Sentences with their token ranges and clause ranges; `marks` may give
    the positions of the tokens that are clause marks (CLAUSE_MARKS)."""
    starts = [t.start for t in tokens]
    if marks is None:
        marks = [k for k, t in enumerate(tokens) if t.text in CLAUSE_MARKS]
    sentences = []
    ti = 0
    for a, b in split_sentences(text):
        first = max(ti, bisect_left(starts, a))  # tokens starting before the sentence belong to none
        ti = max(first, bisect_left(starts, b))
        if first == ti:
            continue
        if ti - first <= MAX_SENTENCE_TOKENS:
            sentences.append(_sentence(a, b, first, ti, marks))
            continue
        for p, q in _pieces(first, ti, marks):
            sentences.append(_sentence(tokens[p].start, tokens[q - 1].end, p, q, marks))
    return sentences


def _sentence(a: int, b: int, first: int, last: int, marks: list[int]) -> Sentence:
    clauses = []
    c0 = first
    for k in marks[bisect_left(marks, first):bisect_left(marks, last)]:
        if k > c0:
            clauses.append((c0, k))
        c0 = k + 1
    if c0 < last:
        clauses.append((c0, last))
    return Sentence(a, b, (first, last), tuple(clauses))


def _pieces(first: int, last: int, marks: list[int]) -> list[tuple[int, int]]:
    """Token ranges of at most MAX_SENTENCE_TOKENS covering first…last-1, cut
    after the last clause mark of each window when there is one in its
    second half. A run of text without a full stop (a scraped page with no
    punctuation, a table) is no sentence, and per-sentence work on it would
    grow with the square of its length."""
    out = []
    while last - first > MAX_SENTENCE_TOKENS:
        cap = first + MAX_SENTENCE_TOKENS
        k = bisect_left(marks, cap) - 1  # the last mark inside the window
        cut = marks[k] + 1 if k >= 0 and marks[k] >= first + MAX_SENTENCE_TOKENS // 2 else cap
        out.append((first, cut))
        first = cut
    out.append((first, last))
    return out
