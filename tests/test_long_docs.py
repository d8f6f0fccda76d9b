"""Long articles (issue #13): time linear in length, bounded sentences, and
the offset lookups that replaced whole-document scans answering as the scans did.

The timing tests compare CPU time per character at two lengths, best of a
few runs; v0.5.0 was quadratic (grounding alone: 8.8 s at 400 copies of the
seed body), so its ratios were 5-10, against about 1 now. The 2.5 bound leaves
room for a noisy shared machine.
"""
from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import marsad
from marsad.ground.offsets import ByStart, Pair
from marsad.pipeline import default_pipeline
from marsad.text.sentences import MAX_SENTENCE_TOKENS, build_sentences
from marsad.text.tokens import tokenize
from marsad.types import ArticleInput

SEED = Path(__file__).resolve().parents[1] / "examples" / "seed-0001.txt"
MAX_RATIO = 2.5


@pytest.fixture(scope="module")
def seed_body() -> str:
    return SEED.read_text(encoding="utf-8").partition("\n\n")[2].strip()


def cpu_per_char(text: str, runs: int) -> float:
    pipeline = default_pipeline()
    article = ArticleInput(id="long", title="", text=text, date="2017-12-27")
    best = float("inf")
    for _ in range(runs):
        t = time.process_time()
        pipeline(article).to_dict()
        best = min(best, time.process_time() - t)
    return best / len(text)


@pytest.mark.slow
def test_time_per_character_does_not_grow_with_length(seed_body):
    default_pipeline().warm_up()
    small = cpu_per_char("\n\n".join([seed_body] * 30), runs=3)
    large = cpu_per_char("\n\n".join([seed_body] * 300), runs=1)
    assert large / small < MAX_RATIO, (small, large)


@pytest.mark.slow
def test_a_text_without_full_stops_is_linear_too(seed_body):
    # one "sentence" of the whole text: per-sentence work made it quadratic
    flat = re.sub(r"[.!?؟…\n]", " ", seed_body)
    default_pipeline().warm_up()
    small = cpu_per_char(" ".join([flat] * 60), runs=2)
    large = cpu_per_char(" ".join([flat] * 300), runs=1)
    assert large / small < MAX_RATIO, (small, large)


def test_copies_of_an_article_give_copies_of_its_events_and_claims(seed_body):
    one = marsad.extract(seed_body, date="2017-12-27")
    many = marsad.extract("\n\n".join([seed_body] * 20), date="2017-12-27")
    assert sorted(e.type for e in many.events) == sorted([e.type for e in one.events] * 20)
    assert len(many.claims) == 20 * len(one.claims)


def test_overlong_runs_are_cut_into_bounded_sentences():
    text = " ".join(["كلمة"] * 2500) + "، " + " ".join(["أخرى"] * 100) + "."
    tokens = tokenize(text)
    sentences = build_sentences(text, tokens)
    assert len(sentences) == 3
    assert all(b - a <= MAX_SENTENCE_TOKENS for a, b in (s.tokens for s in sentences))
    assert [s.tokens for s in sentences][0][0] == 0 and sentences[-1].tokens[1] == len(tokens)
    assert all(p.tokens[1] == q.tokens[0] for p, q in zip(sentences, sentences[1:]))
    assert all(text[s.start:s.end].strip() == text[s.start:s.end] for s in sentences)


spans = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 8)).map(lambda t: Pair(t[0], t[0] + t[1])), max_size=30)


@settings(max_examples=200, deadline=None)
@given(items=spans, a=st.integers(-5, 70), width=st.integers(0, 30))
def test_offset_lookups_answer_as_a_scan_does(items, a, width):
    b = a + width
    index = ByStart(items)
    assert index.starting_in(a, b) == [p for p in items if a <= p.start < b]
    assert index.inside(a, b) == [p for p in items if a <= p.start and p.end <= b]
    assert index.overlapping(a, b) == [p for p in items if p.start < b and a < p.end]
