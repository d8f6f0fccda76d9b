"""Names spread to their untagged repeats in the same document
(marsad/ner/discourse.py), on real articles of ../shared/data/corpora."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import marsad
from marsad.doc import Doc
from marsad.io.readers import ReadError, read_articles
from marsad.ner.decode import Decoder
from marsad.ner.discourse import spread_names
from marsad.ner.model import default_weights
from marsad.ner.tagger import token_form
from marsad.text.stages import Sentencizer, Tokenizer

ASSAD = "ant2:AL-internationalNews-84-20131229"  # names الأسد five times
OR_QUESTIONS = "ant2:AL-internationalNews-96-20131226"  # أم "or" opens three questions
BASHAR = "ant2:AL-internationalNews-1047-20180507"  # بشار الأسد once, then الأسد alone


@pytest.fixture(scope="module")
def articles(shared: Path) -> dict:
    path = shared / "corpora" / "alarabiya_2018.jsonl"
    return {a.id: a for a in read_articles([path]) if not isinstance(a, ReadError)}


def _forms(article) -> tuple[list[str], list[tuple[int, int]]]:
    doc = Sentencizer()(Tokenizer()(Doc.from_input(article)))
    bounds = [s.tokens for s in doc.sentences if s.tokens[1] > s.tokens[0]]
    return [token_form(t) for t in doc.tokens], bounds


def _rows(forms, bounds) -> list[str]:
    return [f for a, b in bounds for f in forms[a:b]]


def _decoded(article):
    """A fresh decoder, and the article's rows: their word forms, form ids and sentence lengths."""
    forms, bounds = _forms(article)
    decoder = Decoder(default_weights())
    rows = _rows(forms, bounds)
    ids = np.array([decoder.form_id(f) for f in rows])
    return decoder, rows, ids, np.array([b - a for a, b in bounds])


def _alone_and_spread(article, word: str) -> tuple[list[str], list[str], list[int]]:
    """Tags of the article's rows without and with spreading, and the rows that are `word`."""
    forms, bounds = _forms(article)
    decoder = Decoder(default_weights())
    rows = [i for i, f in enumerate(_rows(forms, bounds)) if f == word]
    return decoder.tag(forms, bounds), decoder.tag(forms, bounds, spread=True), rows


def test_a_name_missed_in_some_sentences_is_found_in_all(articles):
    alone, spread, rows = _alone_and_spread(articles[ASSAD], "الأسد")
    assert len(rows) >= 4
    assert 0 < sum(alone[i] == "B-PER" for i in rows) < len(rows)  # the CRF alone misses some
    assert all(spread[i] == "B-PER" for i in rows)
    # and nothing the CRF had tagged is changed
    assert all(s == a for a, s in zip(alone, spread) if a != "O")


def test_spread_names_reach_the_pipeline(articles):
    article = articles[ASSAD]
    doc = marsad.extract(article.text, date="2013-12-29")
    found = [s for s in doc.ner_spans if s.text == "الأسد"]
    assert len(found) == article.text.count(" الأسد") and {s.label for s in found} == {"PER"}


def test_a_short_word_tagged_once_does_not_spread(articles):
    alone, spread, rows = _alone_and_spread(articles[OR_QUESTIONS], "أم")
    assert len(rows) == 3
    assert [spread[i] for i in rows] == [alone[i] for i in rows]


def test_the_window_limits_how_far_a_name_spreads(articles):
    forms, bounds = _forms(articles[ASSAD])
    decoder = Decoder(default_weights())
    tags = decoder.tag_ids(forms, bounds)
    ids = np.array([decoder.form_id(f) for f in _rows(forms, bounds)])
    lengths = np.array([b - a for a, b in bounds])
    labels = decoder.labels
    rows = [i for i, k in enumerate(ids.tolist()) if _rows(forms, bounds)[i] == "الأسد"]
    # keep only the first tagged الأسد: it spreads to sentences within the window only
    first = next(i for i in rows if labels[tags[i]] == "B-PER")
    tags = np.where(np.isin(np.arange(len(tags)), rows) & (np.arange(len(tags)) != first), decoder.o, tags)
    sentence_of = np.repeat(np.arange(len(lengths)), lengths)
    for window in (0, 2, None):
        out = spread_names(tags, decoder.keys[ids], decoder.held[ids], lengths, labels, window)
        reached = {int(sentence_of[i]) for i in rows if labels[out[i]] == "B-PER"}
        limit = np.inf if window is None else window
        expected = {int(sentence_of[i]) for i in rows if abs(sentence_of[i] - sentence_of[first]) <= limit}
        assert reached == expected


def test_a_name_read_with_another_type_once_takes_the_commonest(articles):
    decoder, rows, ids, lengths = _decoded(articles[ASSAD])
    labels = decoder.labels
    assad = [i for i, f in enumerate(rows) if f == "الأسد"]
    tags = np.full(len(rows), decoder.o)
    tags[assad[:3]] = labels.index("B-PER")
    tags[assad[3]] = labels.index("B-LOC")  # one reading as a place
    out = spread_names(tags, decoder.keys[ids], decoder.held[ids], lengths, labels)
    assert [labels[out[i]] for i in assad] == ["B-PER"] * len(assad)
    # a tie keeps each reading as tagged
    tags[assad[:3]] = [labels.index("B-PER"), labels.index("B-LOC"), decoder.o]
    tags[assad[3:]] = decoder.o
    out = spread_names(tags, decoder.keys[ids], decoder.held[ids], lengths, labels)
    assert [labels[out[i]] for i in assad[:2]] == ["B-PER", "B-LOC"]


def test_a_persons_last_name_alone_is_a_repeat_of_the_person(articles):
    decoder, rows, ids, lengths = _decoded(articles[BASHAR])
    labels = decoder.labels
    full = next(i for i in range(len(rows) - 1) if rows[i] == "بشار" and rows[i + 1] == "الأسد")
    tags = np.full(len(rows), decoder.o)
    tags[full], tags[full + 1] = labels.index("B-PER"), labels.index("I-PER")
    out = spread_names(tags, decoder.keys[ids], decoder.held[ids], lengths, labels)
    alone = [i for i, f in enumerate(rows) if f == "الأسد" and i != full + 1]
    assert alone and [labels[out[i]] for i in alone] == ["B-PER"] * len(alone)
    # a place's last word is no repeat of the place
    tags[full], tags[full + 1] = labels.index("B-LOC"), labels.index("I-LOC")
    out = spread_names(tags, decoder.keys[ids], decoder.held[ids], lengths, labels)
    assert [labels[out[i]] for i in alone] == ["O"] * len(alone)
