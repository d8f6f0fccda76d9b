"""Arabic-aware full-text search: the indexed form, the query form, and snippets of the raw text.

Both the index and the query are the pipeline's own tokens reduced to their
`key`: folded (diacritics, tatweel, alef/yaa/taa-marbuta variants) and stripped
of clitics (`والعراق`, `بالعراق` → `العراق`). A hit is mapped back to the raw
article by tokenizing it again and marking the tokens whose key matched, so a
snippet shows the words as the outlet wrote them.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import orjson

from marsad.store.base import Store
from marsad.text.normalize import fold
from marsad.text.tokens import tokenize
from marsad.types import Token

SNIPPET_WORDS = 12  # words shown on each side of the best hit
WINDOW = 800  # raw characters tokenized around a first hit (about 130 words)
PLAIN_MARKS = ("**", "**")  # not «»: Arabic news quotes names with them
TTY_MARKS = ("\033[1m", "\033[0m")


@dataclass(frozen=True, slots=True)
class Hit:
    id: str
    title: str
    date: str | None
    source: str | None
    score: float
    snippet: str


def index_text(tokens: Iterable[Token]) -> str:
    """The searchable form of a text: its word keys, space-separated.

    >>> index_text(tokenize("وصل الوفدُ إلى بالعراق"))
    'وصل الوفد الي العراق'
    """
    return " ".join(t.key for t in tokens if t.is_word and t.key)


def query_keys(query: str) -> list[str]:
    """The query's keys, in order, each once.

    >>> query_keys("العِراق والعراق")
    ['العراق']
    """
    out: list[str] = []
    for key in index_text(tokenize(query)).split():
        if key not in out:
            out.append(key)
    return out


def snippet(text: str, keys: Sequence[str], marks: tuple[str, str] = PLAIN_MARKS,
            words: int = SNIPPET_WORDS) -> str | None:
    """Raw words around the place where most query keys meet, hits marked; None without a hit.

    Tokenizing a long article costs milliseconds, so first try a window around
    the first place a key occurs in the folded text (folding only deletes or
    maps characters one to one, so the raw position is at or after the folded one).
    """
    folded = fold(text)
    found = [p for k in keys if (p := folded.find(k)) >= 0]
    if found and len(text) > 2 * WINDOW:
        lo = max(0, min(found) - WINDOW // 2)
        part = _snippet(text[lo: lo + 2 * WINDOW + len(text) - len(folded)], keys, marks, words)
        if part:
            return ("…" if lo > 0 and not part.startswith("…") else "") + part
    return _snippet(text, keys, marks, words)


def _snippet(text: str, keys: Sequence[str], marks: tuple[str, str], words: int) -> str | None:
    tokens = [t for t in tokenize(text) if t.is_word or t.text.strip()]
    wanted = set(keys)
    hits = [i for i, t in enumerate(tokens) if t.key in wanted]
    if not hits:
        return None

    def coverage(i: int) -> int:
        return len({tokens[j].key for j in hits if abs(j - i) <= words})

    best = max(hits, key=lambda i: (coverage(i), -i))
    lo, hi = max(0, best - words), min(len(tokens) - 1, best + words)
    parts, pos = [], tokens[lo].start
    for tok in tokens[lo:hi + 1]:
        if tok.key in wanted and tok.is_word:
            parts += [text[pos:tok.start], marks[0], tok.text, marks[1]]
            pos = tok.end
    parts.append(text[pos:tokens[hi].end])
    body = " ".join("".join(parts).split())
    return ("…" if lo > 0 else "") + body + ("…" if hi < len(tokens) - 1 else "")


def search(store: Store, query: str, limit: int = 10, marks: tuple[str, str] = PLAIN_MARKS,
           outlet: str | None = None) -> list[Hit]:
    """The best `limit` articles for `query` (of the outlets `outlet` names: query.resolve_outlets)."""
    from marsad.store.query import resolve_outlets

    keys = query_keys(query)
    hits = []
    for row in store.search(keys, limit, resolve_outlets(store, outlet) if outlet else ()):
        record = orjson.loads(row["record"])
        text = snippet(record.get("text") or "", keys, marks) or snippet(row["title"] or "", keys, marks) or ""
        hits.append(Hit(row["id"], row["title"] or "", row["date"], row["source"], float(row["score"]), text))
    return hits
