"""Fuzz suite (issue #13), bounded so that it runs in the default test run.

1. Generated articles mixing Arabic letters, diacritics, tatweel, Arabic-Indic
   and Latin digits, bidi and zero-width characters, emoji, Latin and
   Cyrillic words, very long words and lines, the `"., "` seams, unbalanced
   quotes and brackets: `marsad.extract` never raises and every span of the
   record is `text[start:end]` (test_spans_property.check_record).
2. The gold development articles with invisible characters inserted between
   words (random characters at random places): the same event types, roles
   and claims as the article without them.
"""
from __future__ import annotations

import json
import os
import re
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_spans_property import WORDS, check_record

import marsad
from marsad.text.normalize import INVISIBLE_CHARS, without_invisible

pytestmark = pytest.mark.slow  # hundreds of generated articles a run

# MARSAD_FUZZ_SCALE=20 runs twenty times the examples (a longer hunt than the default run's)
SCALE = int(os.environ.get("MARSAD_FUZZ_SCALE", "1"))
INVISIBLE = sorted(INVISIBLE_CHARS)

ARABIC_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئةى"
DIACRITICS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670"
EMOJI = ["😀", "🇸🇾", "👍🏽", "👨\u200d👩\u200d👧", "❤️", "🔥", "\U0001F9D5"]
LATIN_WORDS = ["Reuters", "AFP", "NATO", "the", "Damascus", "ISIS", "F-16", "e.g.", "U.S."]
CYRILLIC_WORDS = ["Москва", "Путин", "война", "заявил", "Сирия"]
ODD = ['"', "«", "»", "“", "”", "(", ")", "[", "]", "{", "'", ".,", "., ", "،", "…", "#", "_", "@", "/", "\\",
       "\u0640\u0640\u0640", "%", "٪", "+", "-", "–"]

arabic_word = st.builds(
    lambda letters, marks, tatweel: "".join(ch + (m if tatweel % 3 else "\u0640") for ch, m in zip(letters, marks)),
    st.text(alphabet=ARABIC_LETTERS, min_size=1, max_size=8),
    st.text(alphabet=DIACRITICS + "  ", min_size=8, max_size=8),
    st.integers(0, 9),
)
number = st.one_of(
    st.integers(0, 10**7).map(str),
    st.integers(0, 10**7).map(lambda n: str(n).translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))),
    st.integers(0, 10**4).map(lambda n: str(n).translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))),
    st.sampled_from(["3.5", "1,500", "٣٫٥", "10%", "2017-12-27", "٢٠١٨/٠١/٠١"]),
)
invisible_run = st.text(alphabet=INVISIBLE, min_size=1, max_size=3)
long_word = st.builds(lambda ch, n: ch * n, st.sampled_from(["ب", "a", "ـ", "\u064e", "٣", "😀", "\u200f"]),
                      st.integers(200, 3000))
fragment = st.one_of(
    st.sampled_from(WORDS), st.sampled_from(WORDS),  # real cues, triggers and actors meet the noise
    arabic_word, number, invisible_run,
    st.sampled_from(EMOJI), st.sampled_from(LATIN_WORDS), st.sampled_from(CYRILLIC_WORDS), st.sampled_from(ODD),
    st.text(max_size=4),
)
SEPARATORS = [" ", " ", " ", "", "\n", "\n\n", "., ", "، ", "\u200f ", " \u200e", "\t", "\u00a0", "\r\n"]
line = st.lists(st.tuples(fragment, st.sampled_from(SEPARATORS)), max_size=40).map(
    lambda parts: "".join(f + s for f, s in parts))
article = st.one_of(
    line,
    st.lists(line, min_size=1, max_size=4).map("\n\n".join),
    st.tuples(line, long_word, line).map(" ".join),  # a very long word
    st.lists(fragment, min_size=50, max_size=300).map(" ".join),  # a very long line
)


@settings(max_examples=400 * SCALE, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(text=article, date=st.sampled_from([None, "2017-12-27", "2018-03-14"]))
def test_generated_articles_never_raise_and_keep_spans(text, date):
    rec = marsad.extract(text, date=date).to_dict()
    check_record(text, rec)


@cache
def gold_articles(shared: Path) -> tuple[dict, ...]:
    with (shared / "gold" / "dev.jsonl").open(encoding="utf-8") as fh:
        return tuple(json.loads(line) for line in fh)


def reading(doc) -> tuple[list, list]:
    """What must not change: each event's type and role texts, each claim's
    speaker and cue, the invisible characters removed from the texts."""
    def text(m):
        return without_invisible(m.text) if m is not None else ""
    return (sorted((e.type, text(e.source), text(e.target)) for e in doc.events),
            sorted((text(c.speaker), text(c.cue)) for c in doc.claims))


@cache
def plain_reading(shared: Path, k: int) -> tuple[list, list]:
    row = gold_articles(shared)[k]
    return reading(marsad.extract(row["text"], date=row.get("date")))


# Between words: at either edge of a run of whitespace, or where a word meets
# a mark (a quote, a comma, a full stop, a bracket, a hashtag's #).
BETWEEN = re.compile(r"(?<=\S)(?=\s)|(?<=\s)(?=\S)|(?<=\w)(?=[^\w\s])|(?<=[^\w\s])(?=\w)")


@settings(max_examples=200 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_invisible_characters_between_words_change_no_event_or_claim(shared, data):
    k = data.draw(st.integers(0, len(gold_articles(shared)) - 1), label="article")
    row = gold_articles(shared)[k]
    text = row["text"]
    places = [m.start() for m in BETWEEN.finditer(text)]
    chosen = data.draw(st.lists(st.sampled_from(places), min_size=1, max_size=80, unique=True), label="places")
    marks = data.draw(st.lists(invisible_run, min_size=len(chosen), max_size=len(chosen)), label="marks")
    out, last = [], 0
    for pos, mark in sorted(zip(chosen, marks)):
        out.append(text[last:pos] + mark)
        last = pos
    marked = "".join(out) + text[last:]
    doc = marsad.extract(marked, date=row.get("date"))
    assert reading(doc) == plain_reading(shared, k)
    check_record(marked, doc.to_dict())
