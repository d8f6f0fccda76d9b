"""The grounding stage on the seed article (issue #3)."""
from __future__ import annotations

import pytest

from marsad.ground.stage import Grounder
from marsad.pipeline import Pipeline
from marsad.types import ArticleInput


@pytest.fixture(scope="module")
def pipe():
    # grounding of the rules' events (the learned pipeline grounds its own events the same way,
    # then its place ranker chooses the place: tests/learn)
    return Pipeline.rules()


@pytest.fixture(scope="module")
def seed_doc(pipe, seed_gold):
    g = seed_gold
    return pipe(ArticleInput(g["id"], g.get("title", ""), g["text"], g["date"]))


def claim_with(doc, evidence):
    pos = doc.text.find(evidence)
    assert pos >= 0
    found = [c for c in doc.claims if c.cue.start >= pos - 5 and c.cue.start < pos + len(evidence)]
    assert found, evidence
    return found[0]


def test_pipeline_names(pipe):
    assert pipe.names[-1] == "grounding"


def test_coalition_wednesday_claim(seed_doc):
    c = claim_with(seed_doc, "أعلن التحالف الأربعاء أنه لم يتبق")
    assert (c.date.value, c.date.precision) == ("2017-12-27", "day")
    assert any(q.value == 1000 and q.comparator == "<" for q in c.quantities)


def test_coalition_december_5_claim(seed_doc):
    c = claim_with(seed_doc, "قال في الخامس من ديسمبر")
    assert c.date.value == "2017-12-05"
    assert any(q.value == 3000 and q.comparator == "<" and q.unit == "fighters" for q in c.quantities)


def test_iraq_victory_claim(seed_doc):
    c = claim_with(seed_doc, "وأعلن العراق تحقيق النصر النهائي")
    assert c.date.value == "2017-12-09"


def test_statement_quantity(seed_doc):
    c = claim_with(seed_doc, "وقال التحالف في بيان")
    assert any(q.value == 1000 and q.comparator == "<" for q in c.quantities)


def test_event_locations(seed_doc):
    accuse = [e for e in seed_doc.events if e.type == "ACCUSE" and e.trigger.text == "اتهم"]
    assert accuse
    loc = accuse[0].location
    assert loc and loc.country == "SYR"
    assert seed_doc.text[loc.start:loc.end] == loc.text
    for e in seed_doc.events:
        assert e.location is not None
        assert set(e.location.to_dict()) == {"start", "end", "text", "name_en", "country", "lat", "lon", "precision"}
        assert e.location.precision in ("point", "admin", "country")
        assert e.date.precision in ("day", "month", "year", "unknown")


def test_quantities_give_contract_dicts(seed_doc):
    for item in [*seed_doc.events, *seed_doc.claims]:
        for q in item.quantities:
            assert {"value", "comparator", "unit", "of", "start", "end", "text"} <= set(q.to_dict())
            assert seed_doc.text[q.start:q.end] == q.text
            assert q.comparator in ("=", "<", "<=", ">", ">=", "~")


def test_no_article_date(pipe, seed_gold):
    doc = pipe(ArticleInput("x", "", seed_gold["text"], None))
    c = claim_with(doc, "أعلن التحالف الأربعاء أنه لم يتبق")
    assert (c.date.value, c.date.precision) == (None, "unknown")
    # an explicit date without a year cannot be resolved either
    c = claim_with(doc, "قال في الخامس من ديسمبر")
    assert c.date.precision == "unknown"


def test_contract_record(seed_doc):
    rec = seed_doc.to_dict()
    assert all("location" in e and "quantities" in e for e in rec["events"])


def test_place_entities_carry_their_coordinates(seed_doc):
    syria = [m for m in seed_doc.mentions if m.text == "سوريا" and m.label == "GPE"]
    assert syria and all(m.place is not None and m.place.country == "SYR" for m in syria)
    record = seed_doc.to_dict()
    with_place = [e for e in record["entities"] if e["place"]]
    assert with_place
    for e in with_place:
        assert record["text"][e["place"]["start"]:e["place"]["end"]] == e["place"]["text"]
        assert -90 <= e["place"]["lat"] <= 90 and -180 <= e["place"]["lon"] <= 180


def test_date_in_a_later_relative_clause_dates_its_noun_not_the_event(pipe):
    # Al Arabiya, 2018-04-15: February is when the plan was put forward, not the day of the call.
    text = ("دعا الرئيس الفلسطيني، محمود عباس، مؤتمر القمة العربية، إلى تبني ودعم خطة السلام، "
            "التي طرحها في شهر شباط/فبراير الماضي في مجلس الأمن الدولي.")
    doc = pipe(ArticleInput("t", "", text, "2018-04-15"))
    [call] = [e for e in doc.events if e.type == "REQUEST"]
    assert (call.date.value, call.date.precision) == ("2018-04-15", "day")


def test_date_before_the_relative_clause_still_counts(pipe):
    text = "قصفت الطائرات يوم الثلاثاء مواقع الجماعة التي تسيطر على المدينة منذ 2016."
    doc = pipe(ArticleInput("t", "", text, "2018-04-15"))
    [strike] = [e for e in doc.events if e.type == "ASSAULT"]
    assert strike.date.value == "2018-04-10"


def test_a_place_struck_is_the_venue_a_place_accused_is_not(pipe):
    # pool_2000: the venue of an attack on a town is the town, even as the attack's target
    doc = pipe(ArticleInput("t", "", "وكانت قوات المعارضة جددت هجومها على بلدة جوبر في دمشق أمس.", "2015-08-01"))
    [attack] = [e for e in doc.events if e.type == "ASSAULT"]
    assert attack.location.name_en == "Jawbar"
    doc = pipe(ArticleInput("t", "", "اتهم رئيس هيئة الأركان الروسية العامة الولايات المتحدة بتدريب مقاتلين في سوريا.",
                            "2017-12-27"))
    [accuse] = [e for e in doc.events if e.type == "ACCUSE"]
    assert accuse.location.country != "USA"
