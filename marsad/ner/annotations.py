"""Marsad's own NER annotations (issue 16): character spans on news texts, converted to CoNLL
sentences in ANERcorp's tokenisation (whitespace and punctuation split, clitics kept on their word).

An annotation line is `{"id", "text_sha1", "entities": [[start, end, label], ...]}`: no text (the
outlets keep their copyright); the text is joined from ../shared at load time and checked by hash.
"""
from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from marsad.ner.conll import Sentence
from marsad.ner.features import HASHTAG_MARK

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


def hashtag_tokens(text: str) -> list[tuple[int, int, str]]:
    """`tokenize`, but a hashtag reads as the tagger sees it at run time: no `#` token, and each of
    its `_`-joined words a token of its own marked with `#` (`#ميليشيات_الحوثي` → `#ميليشيات`,
    `#الحوثي`), so a name inside a hashtag is tagged on its own words.

    >>> [w for _, _, w in hashtag_tokens("قالت #ميليشيات_الحوثي إن")]
    ['قالت', '#ميليشيات', '#الحوثي', 'إن']
    """
    tokens = tokenize(text)
    out: list[tuple[int, int, str]] = []
    k = 0
    while k < len(tokens):
        a, b, w = tokens[k]
        nxt = tokens[k + 1] if k + 1 < len(tokens) else None
        if w == HASHTAG_MARK and nxt is not None and nxt[0] == b and not _punctuation(nxt[2]):
            pos = nxt[0]
            for part in nxt[2].split("_"):
                if part:
                    out.append((pos, pos + len(part), HASHTAG_MARK + part))
                pos += len(part) + 1
            k += 2
            continue
        out.append((a, b, w))
        k += 1
    return out


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


def to_sentences(text: str, spans: Iterable[tuple[int, int, str]],
                 tokens: Sequence[tuple[int, int, str]] | None = None) -> list[Sentence]:
    """CoNLL sentences of an annotated text (`tokens`: default `tokenize(text)`): split after
    . ! ? ؟ and at line breaks."""
    tokens = tokenize(text) if tokens is None else tokens
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


# Where the news annotations and their texts live: the annotations in the repo, the texts in ../shared.
NEWS_ANNOTATIONS = Path(__file__).resolve().parents[2] / "annotations" / "ner" / "train_pool.jsonl"
NEWS_TEXTS = Path("corpora") / "train_pool.jsonl"


class NewsAnnotationError(ValueError):
    """An annotation whose text is missing from ../shared or changed since it was annotated."""


@dataclass(frozen=True)
class NewsArticle:
    id: str
    sentences: tuple[Sentence, ...]


@dataclass(frozen=True)
class NewsData:
    """The annotated news articles usable for NER training, and what was left out."""

    articles: tuple[NewsArticle, ...]
    sha256: str  # of the annotation file, so a model records which annotations it learned from
    held_out: int  # articles left out because the events models are evaluated on them

    def summary(self) -> dict:
        sentences = [s for a in self.articles for s in a.sentences]
        return {"sha256": self.sha256, "articles": len(self.articles), "held_out_events_test": self.held_out,
                "sentences": len(sentences), "tokens": sum(len(s.words) for s in sentences),
                "entities": sum(t.startswith("B-") for s in sentences for t in s.tags)}


def load_news(data_dir: Path, annotations_path: Path = NEWS_ANNOTATIONS) -> NewsData:
    """The annotated news articles as CoNLL sentences, texts joined from `data_dir`'s corpora by id
    and checked by SHA-1. Articles in the events models' held-out split (`split_of` = test) are left
    out, so the events figures on them stay honest."""
    from marsad.eval.annotations import read_jsonl, split_of, text_hash

    raw = Path(annotations_path).read_bytes()
    rows = list(read_jsonl(annotations_path))
    wanted = {r["id"] for r in rows}
    texts: dict[str, str] = {}
    with (data_dir / NEWS_TEXTS).open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                art = json.loads(line)
                if art.get("id") in wanted:
                    texts[art["id"]] = art.get("text") or ""
    articles: list[NewsArticle] = []
    held_out = 0
    for r in rows:
        if split_of(r["id"]) == "test":
            held_out += 1
            continue
        text = texts.get(r["id"])
        if text is None:
            raise NewsAnnotationError(f"{r['id']}: annotated in {annotations_path} but not in {data_dir / NEWS_TEXTS}")
        if text_hash(text) != r["text_sha1"]:
            raise NewsAnnotationError(f"{r['id']}: the text in {data_dir / NEWS_TEXTS} changed since it was "
                                      f"annotated (SHA-1 {text_hash(text)}, annotation has {r['text_sha1']})")
        spans = [(int(a), int(b), str(lab)) for a, b, lab in r["entities"]]
        sentences = to_sentences(text, spans, hashtag_tokens(text))
        articles.append(NewsArticle(r["id"], tuple(sentences)))
    return NewsData(tuple(articles), hashlib.sha256(raw).hexdigest(), held_out)
