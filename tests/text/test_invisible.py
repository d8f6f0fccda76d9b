"""Invisible characters (issue #13): RLM/LRM, ALM, zero-width space and
(non-)joiners, the word joiner, a BOM inside the text, the soft hyphen and the
bidi embeddings, overrides and isolates read as nothing: inside a word they
are part of it, between words they are like whitespace. Offsets stay raw."""
from __future__ import annotations

from pathlib import Path

import pytest

import marsad
from marsad.text.normalize import INVISIBLE_CHARS, fold, without_invisible
from marsad.text.sentences import split_sentences
from marsad.text.tokens import hashtags, tokenize

SEED = Path(__file__).resolve().parents[2] / "examples" / "seed-0001.txt"
LISTED = ["\u200e", "\u200f", "\u061c", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad",
          "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"]
SENTENCE = "اتهمت روسيا الولايات المتحدة بدعم الإرهاب في سوريا."


def test_every_listed_character_is_invisible_and_folds_away():
    assert set(LISTED) == INVISIBLE_CHARS
    assert all(fold(ch) == "" for ch in LISTED)


@pytest.mark.parametrize("mark", LISTED, ids=lambda ch: f"U+{ord(ch):04X}")
def test_between_words_it_is_no_token(mark):
    text = " ".join(w + mark for w in SENTENCE.split(" "))
    toks = tokenize(text)
    assert [t.norm for t in toks] == [t.norm for t in tokenize(SENTENCE)]
    assert all(text[t.start:t.end] == t.text for t in toks)
    assert all(mark not in t.text for t in toks)


@pytest.mark.parametrize("mark", LISTED, ids=lambda ch: f"U+{ord(ch):04X}")
def test_inside_a_word_it_is_part_of_the_word(mark):
    text = f"اته{mark}مت روسيا"
    toks = tokenize(text)
    assert [t.text for t in toks] == [f"اته{mark}مت", "روسيا"]
    assert toks[0].norm == "اتهمت" and (toks[0].start, toks[0].end) == (0, 6)


def test_inside_a_number_it_is_part_of_the_number():
    toks = tokenize("قتل 3\u200f000 شخص")
    assert [t.norm for t in toks] == ["قتل", "3000", "شخص"]


def test_a_full_stop_followed_by_a_mark_still_ends_the_sentence():
    text = "قال الجيش.\u200f\u202c وأضاف المتحدث."
    spans = split_sentences(text)
    assert [text[a:b] for a, b in spans] == ["قال الجيش.", "وأضاف المتحدث."]


def test_sentences_are_trimmed_of_marks():
    text = "\u200f\u2067قال الجيش إن الهجوم فشل\u2069\u200f"
    (a, b), = split_sentences(text)
    assert text[a:b] == "قال الجيش إن الهجوم فشل"


def test_hashtag_with_marks():
    text = "أكدت #\u200fالولايات\u200f_المتحدة\u200f أن"
    assert [without_invisible(tag) for _, _, tag in hashtags(text)] == ["الولايات_المتحدة"]
    assert [t.norm for t in tokenize(text) if t.hashtag] == ["الولايات", "المتحده"]


def roles(doc) -> tuple[list, list]:
    """Event types and role texts, claim speakers and cues, with the marks removed."""
    def text(m):
        return without_invisible(m.text) if m is not None else ""
    return (sorted((e.type, text(e.source), text(e.target)) for e in doc.events),
            sorted((text(c.speaker), text(c.cue)) for c in doc.claims))


@pytest.fixture(scope="module")
def seed_body() -> str:
    return SEED.read_text(encoding="utf-8").partition("\n\n")[2]


def test_seed_with_an_rlm_after_every_word_keeps_its_events_and_claims(seed_body):
    # v0.5.0: 13 claims fell to 5 and roles changed
    plain = marsad.extract(seed_body, date="2017-12-27")
    marked_text = " ".join(w + "\u200f" for w in seed_body.split(" "))
    marked = marsad.extract(marked_text, date="2017-12-27")
    assert len(plain.claims) == len(marked.claims) >= 9
    assert roles(marked) == roles(plain)
    # the rules' claims (the learned filter's candidates) are all found through the marks too
    rules = marsad.Pipeline.rules()
    assert len(marsad.extract(marked_text, date="2017-12-27", pipeline=rules).claims) == \
        len(marsad.extract(seed_body, date="2017-12-27", pipeline=rules).claims) == 13
    for c in marked.claims:
        assert marked_text[c.cue.start:c.cue.end] == c.cue.text


@pytest.mark.parametrize("marks", ["\u200e\u200b", "\u2067\u2069", "\ufeff", "\u00ad\u061c", "\u202b\u202c"])
def test_seed_with_marks_before_and_after_words(seed_body, marks):
    plain = marsad.extract(seed_body, date="2017-12-27")
    marked = marsad.extract(" ".join(marks + w + marks for w in seed_body.split(" ")), date="2017-12-27")
    assert roles(marked) == roles(plain)
