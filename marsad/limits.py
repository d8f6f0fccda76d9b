"""Over-long articles: split into parts or refuse them (`--max-chars`, `--long`).

Extraction is linear in an article's length (bench/long_doc.py), but a 50 MB
CSV field is seldom one article: more often a scrape that swallowed a site.
An article longer than `max_chars` characters is either

- split (`long="split"`, the default): cut into consecutive parts of at most
  `max_chars` characters, at a paragraph break where one lies in the second
  half of the window, else at a line break, a sentence end, a space, and
  only failing all of these mid-word. The parts are articles of their own
  with ids `ID#p1`, `ID#p2`, … (ID the article's id, or its stable id when
  it has none), the same title, date, source and URL, and text that is the
  part's slice of the article: their offsets index the part's text, and
  the parts laid end to end are the article's text again; or
- refused (`long="refuse"`): one error for the record, naming the article
  and its length; the batch goes on.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the CLI imports this module for its defaults: the readers load only when used
    from marsad.types import ArticleInput

DEFAULT_MAX_CHARS = 2_000_000
LONG_CHOICES = ("split", "refuse")
DEFAULT_LONG = "split"
MAX_CHARS_HELP = ("Longest article, in characters; a longer one is split into parts or refused "
                  "(--long). Default 2,000,000.")
LONG_HELP = ("What to do with an article over --max-chars: split (parts ID#p1, ID#p2… cut at paragraph, "
             "line or sentence breaks; the default) or refuse (one error naming it).")
PARAGRAPH_RE = re.compile(r"\n[^\S\n]*\n\s*")
LINE_RE = re.compile(r"\n\s*")
SPACE_RE = re.compile(r"\s+")


def check_limits(max_chars: int, long: str) -> None:
    if not isinstance(max_chars, int) or max_chars < 1:
        raise ValueError(f"max_chars must be a positive number of characters, not {max_chars!r}")
    if long not in LONG_CHOICES:
        raise ValueError(f"long must be one of {', '.join(LONG_CHOICES)}, not {long!r}")


def limit_articles(items: Iterable, max_chars: int = DEFAULT_MAX_CHARS, long: str = DEFAULT_LONG,
                   note: Callable[[str], None] | None = None) -> Iterator:
    """The reader's items with each over-long article split or refused;
    anything else (read errors, articles within the limit) passes as it is.
    A refused article is a ReadError (one error line, the batch goes on);
    `note` hears one line per article split."""
    from marsad.io.readers import ReadError
    from marsad.types import ArticleInput

    check_limits(max_chars, long)
    for item in items:
        if not isinstance(item, ArticleInput) or len(item.text) <= max_chars:
            yield item
            continue
        aid = article_id(item)
        if long == "refuse":
            yield ReadError(item.origin or aid, f"article {aid} has {len(item.text):,} characters, over the limit "
                                                f"of {max_chars:,} (--max-chars; --long split processes it in parts)")
            continue
        parts = split_article(item, max_chars)
        if note is not None:
            note(f"note: {item.origin or aid}: article {aid} has {len(item.text):,} characters, over the limit of "
                 f"{max_chars:,}: split into {len(parts)} parts ({parts[0].id} … {parts[-1].id})")
        yield from parts


def article_id(article: ArticleInput) -> str:
    from marsad.doc import stable_id

    return article.id or stable_id(article.text)


def split_article(article: ArticleInput, max_chars: int) -> list[ArticleInput]:
    """The article as consecutive parts of at most `max_chars` characters (see the module doc)."""
    aid = article_id(article)
    return [replace(article, id=f"{aid}#p{k}", text=article.text[a:b])
            for k, (a, b) in enumerate(cut_points(article.text, max_chars), 1)]


def cut_points(text: str, max_chars: int) -> list[tuple[int, int]]:
    """[start, end) of each part: consecutive, covering the whole text."""
    out = []
    pos = 0
    while len(text) - pos > max_chars:
        cut = _cut(text, pos, pos + max_chars)
        out.append((pos, cut))
        pos = cut
    out.append((pos, len(text)))
    return out


def _cut(text: str, pos: int, limit: int) -> int:
    """Where the part starting at `pos` ends: after the last paragraph break,
    line break or sentence end in the second half of the window, else in the
    first half (a short part rather than a cut sentence), else after the last
    space, else at `limit`."""
    from marsad.text.sentences import BOUNDARY_RE

    half = pos + (limit - pos) // 2
    breaks = (PARAGRAPH_RE, LINE_RE, BOUNDARY_RE)
    for lo in (half, pos):
        for pattern in breaks:
            end = _last_end(pattern, text, lo, limit)
            if end is not None:
                return end
    end = _last_end(SPACE_RE, text, pos, limit)
    if end is not None:
        return end
    cut = limit
    while cut > pos + 1 and _joins_previous(text[cut]):
        cut -= 1  # a diacritic or an invisible mark stays with its letter
    return cut


def _last_end(pattern: re.Pattern, text: str, lo: int, hi: int) -> int | None:
    """The end of the last match of `pattern` inside text[lo:hi], if any."""
    end = None
    for m in pattern.finditer(text, lo, hi):
        end = m.end()
    return end if end is not None and end > lo else None


def _joins_previous(ch: str) -> bool:
    import unicodedata

    from marsad.text.normalize import INVISIBLE_CHARS

    return unicodedata.combining(ch) != 0 or ch in INVISIBLE_CHARS or ch == "\u0640"
