"""Tokenisation with clitic segmentation and glued-word repair.

Tokens keep raw offsets; hashtags (`#التحالف_الدولي`) become ordinary word
tokens flagged `hashtag`; a word glued to a following preposition where a link
was (`غيدنيفي` = غيدني + في) is split when the article itself uses the name
alone.
"""
from __future__ import annotations

import re
from functools import cache, lru_cache

from marsad.resources import read_tsv
from marsad.text.clitics import segment
from marsad.text.normalize import INVISIBLE, fold, fold_light
from marsad.text.vocab import word_counts
from marsad.types import Token, WordForm

_MARKS = "\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640"
_DIGITS = "0-9\u0660-\u0669\u06F0-\u06F9"
# The alternatives start with disjoint characters, so their order only sets
# the speed: words, the commonest, first; `++` never backtracks into a word.
# An invisible character (normalize.INVISIBLE) between two letters or digits
# is part of the word or number; anywhere else it is no token at all, like
# whitespace: it is in no alternative's first class.
TOKEN_RE = re.compile(
    rf"(?P<word>(?:[^\W\d_]|[{_MARKS}])++(?:[{INVISIBLE}]++(?:[^\W\d_]|[{_MARKS}])++)*+)"
    rf"|(?P<num>[{_DIGITS}]++(?:[{INVISIBLE}]*+[.,\u066B\u066C]?[{INVISIBLE}]*+[{_DIGITS}]++)*+)"
    rf"|(?P<punct>[^\w\s{_MARKS}{INVISIBLE}])"
)
_TAG_PIECE = rf"(?:[^\W_]|[{_MARKS}])+(?:[{INVISIBLE}]+(?:[^\W_]|[{_MARKS}])+)*"
HASHTAG_RE = re.compile(rf"#[{INVISIBLE}]*({_TAG_PIECE}(?:[{INVISIBLE}]*_[{INVISIBLE}]*{_TAG_PIECE})*)")


def _glued_words(name: str) -> tuple[str, ...]:
    """A row of resources/glued_words.tsv: words, folded, in the file's order."""
    row = next(r for r in read_tsv("glued_words.tsv") if r["name"] == name)
    return tuple(fold(w) for w in row["words"].split("|") if w)


# Prepositions that scraped text glues to the preceding word, and function
# words it glues to the following one ("كمارفعت" = كما رفعت).
GLUED_TAILS = _glued_words("glued_tails")
GLUED_HEADS = _glued_words("glued_heads")
MIN_GLUE_HEAD = 3
MIN_GLUE_COUNT = 20  # the rest must be a common word when the article does not use it alone


def hashtags(text: str) -> list[tuple[int, int, str]]:
    """(start, end, tag) of each inline hashtag; `tag` without `#`."""
    return [(m.start(), m.end(), m.group(1)) for m in HASHTAG_RE.finditer(text)]


MEMO_MAX = 300_000


class FormMemo:
    """Surface word -> its analysis and its shared `WordForm`, numbered 1, 2, …
    in the order first seen (a plain dict is cheaper to hit than lru_cache).
    When full it starts over with a new `forms` dict, which also names the
    numbering: per-form tables (FormTable) start over when it changes."""

    def __init__(self) -> None:
        self.forms: dict[str, tuple[str, str, str, str, str, str, bool, bool, WordForm, int]] = {}
        # whitespace-free chunk -> its tokens (tokenize_forms), which hold forms of `forms`
        self.chunks: dict[str, tuple[tuple, ...]] = {}

    def restart_if_full(self) -> None:
        if len(self.forms) > MEMO_MAX or len(self.chunks) > MEMO_MAX:
            self.forms = {}
            self.chunks = {}


@cache
def _memo() -> FormMemo:
    return FormMemo()


def _analyse(raw: str, is_word: bool) -> tuple[str, str, str, str, str, str]:
    """(norm, light, prefix, stem, suffix, key) of a surface word (memoised by `tokenize`)."""
    light = fold_light(raw)
    if is_word:
        prefix, stem, suffix, _key = segment(light)
    else:
        prefix, stem, suffix = "", light, ""
    return fold(raw), light, prefix, stem, suffix, fold(stem)


def _make(i: int, start: int, raw: str, is_word: bool, hashtag: bool) -> Token:
    norm, light, prefix, stem, suffix, key = _analyse(raw, is_word)
    return Token(i, start, start + len(raw), raw, norm, light, prefix, stem, suffix, is_word, hashtag, key)


@lru_cache(maxsize=100_000)
def _glue_candidates(norm: str) -> tuple[tuple[str, str], ...]:
    """(head, rest) and (rest, tail) readings of a word as two glued words."""
    out = [(head, norm[len(head):]) for head in GLUED_HEADS
           if norm.startswith(head) and len(norm) - len(head) >= MIN_GLUE_HEAD]
    out += [(norm[: -len(tail)], tail) for tail in GLUED_TAILS
            if norm.endswith(tail) and len(norm) - len(tail) >= MIN_GLUE_HEAD]
    return tuple(out)


def _glue_split(raw: str, norm: str, article_words: set[str], counts: dict[str, int]) -> int | None:
    """Raw index where a glued word splits, or None."""
    if counts.get(norm, 0) > 0 or not _glue_candidates(norm):
        return None
    for head in GLUED_HEADS:
        rest = norm[len(head):]
        if norm.startswith(head) and len(rest) >= MIN_GLUE_HEAD and (
                rest in article_words or counts.get(rest, 0) >= MIN_GLUE_COUNT):
            kept, pos = 0, 0
            while pos < len(raw) and kept < len(head):
                if fold(raw[pos]):
                    kept += 1
                pos += 1
            return pos
    for tail in GLUED_TAILS:
        head = norm[: -len(tail)]
        if norm.endswith(tail) and len(head) >= MIN_GLUE_HEAD and head in article_words:
            # Walk back over the raw characters that fold to the tail.
            kept, pos = 0, len(raw)
            while pos > 0 and kept < len(tail):
                pos -= 1
                if fold(raw[pos]):
                    kept += 1
            return pos
    return None


def tokenize(text: str) -> list[Token]:
    """Tokens of the raw text; `#` and hashtag underscores are not tokens."""
    return tokenize_forms(text)[0]


def tokenize_forms(text: str) -> tuple[list[Token], object, list[int]]:
    """`tokenize`, plus the numbering its word forms' ids belong to and each
    token's `form.id` (collected here, where each form is at hand anyway).

    No token spans whitespace and TOKEN_RE looks neither behind nor ahead, so
    a whitespace-delimited chunk always splits into the same tokens: each
    chunk is cut once (`_chunk`) and remembered, and an article costs a
    `str.split` and one dict hit per chunk instead of a regex pass."""
    tag_spans = [(s, e) for s, e, _ in hashtags(text)] if "#" in text else []
    counts = word_counts()
    memo = _memo()
    memo.restart_if_full()  # before, never during, an article: its ids share one numbering
    forms, chunks = memo.forms, memo.chunks
    tokens: list[Token] = []
    ids: list[int] = []
    append = tokens.append
    append_id = ids.append
    unknown: list[int] = []
    tag_i = 0
    n = 0
    pos = 0
    find = text.find
    for chunk in text.split():
        base = find(chunk, pos)  # only whitespace lies between `pos` and the chunk
        pos = base + len(chunk)
        parts = chunks.get(chunk)
        if parts is None:
            parts = chunks[chunk] = _chunk(chunk, forms, counts)
        for off, end, raw, norm, light, prefix, stem, suffix, key, is_word, rare, form, fid in parts:
            start = base + off
            in_tag = False
            if tag_spans:
                while tag_i < len(tag_spans) and tag_spans[tag_i][1] <= start:
                    tag_i += 1
                in_tag = tag_i < len(tag_spans) and tag_spans[tag_i][0] < start < tag_spans[tag_i][1]
            if rare:
                unknown.append(n)
            append(Token(n, start, base + end, raw, norm, light, prefix, stem, suffix, is_word, in_tag, key, form))
            append_id(fid)
            n += 1
    if unknown:
        split = _split_glued(tokens, unknown, counts)
        if split is not tokens:
            return split, forms, [t.form.id for t in split]
    return tokens, forms, ids


def _chunk(chunk: str, forms: dict, counts: dict[str, int]) -> tuple[tuple, ...]:
    """The tokens of a whitespace-free piece of text: (start, end, raw, then
    the form's analysis) each, offsets within the chunk; `#` and `_` are not
    tokens. New forms are numbered into `forms`."""
    out = []
    for m in TOKEN_RE.finditer(chunk):
        raw = m.group()
        analysis = forms.get(raw)
        if analysis is None:
            is_word = m.lastgroup != "punct"
            if not is_word and raw in "#_":
                continue
            word = _analyse(raw, is_word)
            fid = len(forms) + 1
            analysis = forms[raw] = (*word, is_word, is_word and word[0] not in counts, WordForm(fid), fid)
        out.append((m.start(), m.end(), raw, *analysis))
    return tuple(out)


def _split_glued(tokens: list[Token], unknown: list[int], counts: dict[str, int]) -> list[Token]:
    """Split words glued where a link was (second pass: needs the article's own
    words); `unknown` are the positions of words the corpus never saw."""
    # Most rare words have no glued reading at all: only for those that do
    # is the set of the article's words worth building (`_glue_split` gives
    # None for the others whatever the set).
    unknown = [i for i in unknown if counts.get(tokens[i].norm, 0) <= 0 and _glue_candidates(tokens[i].norm)]
    if not unknown:
        return tokens
    article_words = {t.norm for t in tokens if t.is_word}
    cuts = {i: c for i in unknown if (c := _glue_split(tokens[i].text, tokens[i].norm, article_words, counts))}
    if not cuts:
        return tokens
    out: list[Token] = []
    for tok in tokens:
        cut = cuts.get(tok.i)
        if cut:
            out.append(_make(len(out), tok.start, tok.text[:cut], True, tok.hashtag))
            out.append(_make(len(out), tok.start + cut, tok.text[cut:], True, tok.hashtag))
        elif tok.i != len(out):
            tok.i = len(out)  # a token of this call's own making: renumber it in place
            out.append(tok)
        else:
            out.append(tok)
    return out
