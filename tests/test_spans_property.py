"""Span invariants of the contract record, on generated and real texts.

For every text: the pipeline does not raise; the record's text is the input;
every span's `text` is `text[start:end]`; evidence and content offsets lie in
[0, len(text)]; sentences are ordered, non-empty and do not overlap.
"""
from __future__ import annotations

import json
from itertools import islice
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import marsad
from marsad.io.readers import ReadError, read_articles

WORDS = [
    # cues, triggers, actors, function words
    "قال", "وقال", "وقالت", "أعلن", "وأضاف", "وأضافت", "وتابع", "أكد", "نفى", "اتهم", "اتهمت",
    "بحسب", "وفقا", "لـ", "في بيان", "إن", "أن", "أنه", "لم", "لن", "سوف", "قد", "يعتزم", "مزاعم",
    "قصف", "قُتل", "قَتل", "هاجم", "شنت", "غارات", "اعتقلت", "فرضت عقوبات", "طالب", "التقى",
    "الجيش", "العراقي", "الجيش الروسي", "القوات الروسية", "الروسية", "الولايات المتحدة",
    "وبالولايات المتحدة", "للحوثيين", "الحوثيون", "داعش", "تنظيم الدولة", "حزب الله", "التحالف",
    "الكرملين", "واشنطن", "موسكو", "رئيس هيئة الأركان الروسية العامة", "الجنرال البريطاني",
    "جون سميث", "القاعدة الأميركية", "ولي العهد", "المتحدث باسم", "مجلس الأمن", "غيدنيفي",
    "مدنيين", "على يد", "مسلحين", "الأربعاء", "أقل من ألف", "نحو 30", "العشرات",
    # hashtags
    "#التحالف_الدولي", "#الحوثيين", "#داعش", "#الولايات_المتحدة", "#", "##", "#_", "_",
    # diacritics, tatweel, letters alone
    "قـــال", "الجيشُ", "إنّ", "\u064b", "\u0651", "\u0652", "ـ", "ال", "و", "ب", "ل", "ة", "ى", "ء", "آ",
    # quotes and seams
    '"', "«", "»", "“", "”", "'", "., ", ".,", "،", "؛", "؟", "!", ":", ": \"", "(", ")", "-", "…",
    "...", ".", ",", "/",
    # digits of both sets, Latin
    "3000", "٣٠٠٠", "١٥", "2017", "10%", "NATO", "F-16", "ISIS", "(AFP)", "e.g.",
    # whitespace and invisible characters
    "\n", "\n\n", "\r\n", "\t", "\u00a0", "\u200c", "\u200f", "\ufeff",
]
SEPARATORS = ["", " ", " ", " ", "  ", "\n", "., ", "، "]

word = st.sampled_from(WORDS)
fragment = st.one_of(
    word, word, word,  # mostly real words, so cues, triggers and actors meet seams and marks
    st.text(alphabet=st.characters(min_codepoint=0x0600, max_codepoint=0x06FF), max_size=6),
    st.text(max_size=3),
)
texts = st.lists(st.tuples(fragment, st.sampled_from(SEPARATORS)), max_size=60).map(
    lambda parts: "".join(f + s for f, s in parts))


def check_span(text: str, span: dict | None, where: str) -> None:
    if span is None:
        return
    start, end = span["start"], span["end"]
    assert 0 <= start <= end <= len(text), (where, span)
    if "text" in span and span["text"] is not None:
        assert text[start:end] == span["text"], (where, span, text[start:end])


def check_offsets(text: str, off: dict, where: str) -> None:
    assert 0 <= off["start"] <= off["end"] <= len(text), (where, off)


def check_quantities(text: str, quantities: list[dict], where: str) -> None:
    for q in quantities:
        if "start" in q and "end" in q:
            check_span(text, q, where + ".quantity")


def check_record(text: str, rec: dict) -> None:
    assert rec["text"] == text
    prev_end = 0
    for s in rec["sentences"]:
        assert prev_end <= s["start"] < s["end"] <= len(text), rec["sentences"]
        prev_end = s["end"]
    for e in rec["entities"]:
        assert e["start"] < e["end"], e
        check_span(text, e, "entity")
    for ev in rec["events"]:
        assert ev["trigger"]["start"] < ev["trigger"]["end"], ev
        for role in ("trigger", "source", "target", "location"):
            check_span(text, ev.get(role), "event." + role)
        check_offsets(text, ev["evidence"], "event.evidence")
        if ev.get("attribution"):
            check_span(text, ev["attribution"].get("speaker"), "event.attribution.speaker")
            check_span(text, ev["attribution"]["cue"], "event.attribution.cue")
        check_quantities(text, ev.get("quantities") or [], "event")
    for c in rec["claims"]:
        assert c["cue"]["start"] < c["cue"]["end"], c
        check_span(text, c["cue"], "claim.cue")
        check_span(text, c.get("speaker"), "claim.speaker")
        check_offsets(text, c["content"], "claim.content")
        check_quantities(text, c.get("quantities") or [], "claim")


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts, date=st.sampled_from([None, "2017-12-27", "2018-03-14"]))
def test_generated_texts_keep_span_invariants(text, date):
    rec = marsad.extract(text, date=date).to_dict()
    check_record(text, rec)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(max_size=200))
def test_arbitrary_unicode_never_raises(text):
    check_record(text, marsad.extract(text).to_dict())


TRICKY = [
    "",
    "#",
    "#_",
    "\u064e\u064f قال",  # text opens with diacritics
    "ـــ",
    "وأشار الجنرال البريطاني فيليكس غيدنيفي مؤتمر صحفي إلى أن التنظيم ضعيف.",
    "وتعهدت إيران بتقديم الدعم للحوثيين وللحكومة السورية.",
    "وقال ولي العهد السعودي إن المملكة ستواصل دعم اليمن.",
    'وقال التحالف في بيان: "أقل من ٣٠٠٠ مقاتل".,وأضاف أن',
    "قال: «»",
    "بحسب",
    "وفقا ل",
    "قُتل",
    "#الولايات_المتحدة#روسيا#",
    "اتهم رئيس هيئة الأركان الروسية العامة الولايات المتحدة\r\nبتدريب مقاتلين",
    "NATO قال إن ISIS هاجم F-16 في 2017.",
]


@pytest.mark.parametrize("text", TRICKY)
def test_tricky_texts_keep_span_invariants(text):
    check_record(text, marsad.extract(text, date="2017-12-27").to_dict())


def seedlike_articles(shared: Path):
    files = sorted(str(p) for p in (shared / "corpora" / "seedlike").glob("*.txt"))
    return [a for a in read_articles(files) if not isinstance(a, ReadError)]


def pool_rows(shared: Path, n: int = 100) -> list[dict]:
    with (shared / "corpora" / "pool_2000.jsonl").open(encoding="utf-8") as fh:
        return [json.loads(line) for line in islice(fh, n)]


def test_seedlike_corpus_is_all_read(shared):
    assert len(seedlike_articles(shared)) == len(list((shared / "corpora" / "seedlike").glob("*.txt"))) >= 40


def test_seedlike_article_spans(shared, seedlike_file):
    """One run per article of corpora/seedlike (conftest.pytest_generate_tests)."""
    (article,) = read_articles([str(seedlike_file)])
    assert not isinstance(article, ReadError), article
    rec = marsad.extract(article.text, date=article.date, id=article.id).to_dict()
    check_record(article.text, rec)
    assert rec["sentences"], "an article has sentences"
    assert rec["entities"], "a conflict article mentions some actor"


@pytest.mark.slow
def test_pool_articles_spans(shared):
    rows = pool_rows(shared, 100)
    assert len(rows) == 100
    for row in rows:
        rec = marsad.extract(row["text"], date=row.get("date"), id=row["id"]).to_dict()
        check_record(row["text"], rec)
        assert rec["id"] == row["id"]
