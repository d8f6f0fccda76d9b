"""Opinion columns: an article in the writer's own voice.

News reports keep the first person inside quotations ("نحن نرفض…"، قال);
a column speaks it itself (هاهو الإرهاب يطل علينا… يقتل جنودنا… فلنعمل على…).
Its acts are the writer's views, generic calls or background, so only the
acts it attributes to someone else (قال، أعلن) stay events.

Measured on the development samples: the one column of sample D has 3 % of
its words in the first person outside quotations; no news article of
samples A and D or of the gold dev set reaches 0.4 %.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache

from marsad.doc import Doc
from marsad.resources import grammar_words
from marsad.text.formtable import FormTable
from marsad.text.normalize import ARABIC_LETTER
from marsad.types import Event, Token

FIRST_PERSON = grammar_words("first_person_words")
FIRST_PERSON_SUFFIX = "نا"  # جنودنا، بلادنا: the clitic pronoun "our"
OPINION_SHARE = 0.015  # first-person words per Arabic word, outside quotations
OPINION_MIN = 5  # and at least this many: a short note says little
QUOTED = re.compile(r'"[^"\n]*"|«[^»\n]*»|“[^”\n]*”|”[^“”\n]*“')
ARABIC, FIRST = 1, 2  # word kinds (FIRST: an Arabic word in the first person)


@cache
def _word_kinds() -> FormTable:
    """ARABIC or FIRST for an Arabic word, 0 for anything else, per word form."""
    def kind(tok: Token) -> int:
        if not ARABIC_LETTER.search(tok.text):
            return 0
        return FIRST if tok.suffix == FIRST_PERSON_SUFFIX or tok.reads_as(FIRST_PERSON) else ARABIC

    return FormTable(kind)


def is_opinion(doc: Doc) -> bool:
    """Whether the article speaks in the first person outside quotations."""
    kinds = _word_kinds().values(doc)
    words = int((kinds != 0).sum())
    firsts = (kinds == FIRST).nonzero()[0].tolist()
    if len(firsts) < OPINION_MIN or len(firsts) < OPINION_SHARE * words:
        return False  # the usual case; quotations could only lower the count
    quoted = [(m.start(), m.end()) for m in QUOTED.finditer(doc.text)]
    # matches do not overlap and come in order: only the last one starting at or before a word may hold it
    quote_starts = [a for a, _ in quoted]

    def in_quote(x: int) -> bool:
        k = bisect_right(quote_starts, x) - 1
        return k >= 0 and x < quoted[k][1]

    first = sum(1 for q in firsts if not in_quote(doc.tokens[q].start))
    return first >= OPINION_MIN and first >= OPINION_SHARE * words


def reported_only(doc: Doc, events: list[Event]) -> list[Event]:
    """In an opinion column, only the acts it reports someone saying."""
    if not events or not is_opinion(doc):
        return events
    return [ev for ev in events if ev.attribution is not None]
