"""Marsad's own NER annotations (issue 16): character spans on news texts, converted to CoNLL
sentences in ANERcorp's tokenisation (whitespace and punctuation split, clitics kept on their word).

An annotation line is `{"id", "text_sha1", "entities": [[start, end, label], ...]}`: no text (the
outlets keep their copyright); the text is joined from ../shared at load time and checked by hash.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from marsad.ner.conll import Sentence

# A word: letters, digits and the marks inside Arabic words (diacritics, tatweel); else one
# punctuation character. ANERcorp splits punctuation off and keeps clitics on their word.
TOKEN_RE = re.compile(r"[\w\u0610-\u061A\u064B-\u065F\u0670\u0640\u200c\u200d]+|[^\w\s]")
SENTENCE_ENDS = frozenset({".", "!", "؟", "?"})
LABELS = frozenset({"PER", "LOC", "ORG", "MISC"})


def tokenize(text: str) -> list[tuple[int, int, str]]:
    """(start, end, word) in ANERcorp's tokenisation.

    >>> [w for _, _, w in tokenize("وقال الرئيس (ترامب): نعم.")]
    ['وقال', 'الرئيس', '(', 'ترامب', ')', ':', 'نعم', '.']
    """
    return [(m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(text)]


def _punctuation(word: str) -> bool:
    return len(word) == 1 and not word.isalnum()


def spans_to_tags(tokens: Sequence[tuple[int, int, str]], spans: Iterable[tuple[int, int, str]]) -> list[str]:
    """IOB2 tags of the tokens: a token overlapping an entity span takes its label (the first
    such token B-, the rest I-); punctuation at an entity's edge stays O."""
    tags = ["O"] * len(tokens)
    for start, end, label in sorted(spans):
        inside = [k for k, (a, b, w) in enumerate(tokens) if a < end and start < b]
        while inside and _punctuation(tokens[inside[0]][2]):
            inside.pop(0)
        while inside and _punctuation(tokens[inside[-1]][2]):
            inside.pop()
        for n, k in enumerate(inside):
            tags[k] = ("B-" if n == 0 else "I-") + label
    return tags


def tags_to_spans(tokens: Sequence[tuple[int, int, str]], tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """The character spans of the IOB2 entities (the inverse of `spans_to_tags` on token bounds)."""
    from marsad.ner.evaluate import chunks

    return sorted((tokens[a][0], tokens[b - 1][1], label) for a, b, label in chunks(tags))


def to_sentences(text: str, spans: Iterable[tuple[int, int, str]]) -> list[Sentence]:
    """CoNLL sentences of an annotated text: split after . ! ? ؟ and at line breaks."""
    tokens = tokenize(text)
    tags = spans_to_tags(tokens, spans)
    out: list[Sentence] = []
    words: list[str] = []
    labels: list[str] = []
    for k, (a, b, w) in enumerate(tokens):
        words.append(w)
        labels.append(tags[k])
        nxt = tokens[k + 1][0] if k + 1 < len(tokens) else len(text)
        if w in SENTENCE_ENDS or "\n" in text[b:nxt]:
            out.append(Sentence(tuple(words), tuple(labels)))
            words, labels = [], []
    if words:
        out.append(Sentence(tuple(words), tuple(labels)))
    return out


def resolve(text: str, entities: Iterable[dict]) -> list[tuple[int, int, str]]:
    """Annotator entities `{"text", "label", "n"}` (the n-th occurrence of that string) as spans."""
    spans = []
    for e in entities:
        pos = -1
        for _ in range(int(e.get("n", 1))):
            pos = text.find(e["text"], pos + 1)
            if pos < 0:
                raise ValueError(f"{e['text']!r}: occurrence {e.get('n', 1)} not in the text")
        if e["label"] not in LABELS:
            raise ValueError(f"unknown label {e['label']!r}")
        spans.append((pos, pos + len(e["text"]), e["label"]))
    return sorted(spans)
