"""The learned dates of events and claims (marsad.learn.dates): the candidates are the days the
article states and its own date, and the shipped ranker dates items as the annotation guide asks
(the day of the act or statement, or of its occasion), where grounding's rules take the wrong one."""
from __future__ import annotations

from marsad.learn.dates import DateIndex, claim_item, date_candidates, event_item
from marsad.pipeline import default_pipeline
from marsad.types import ArticleInput

# A clash told first, dated only by the sentence after it (a Tuesday), then a statement of the
# next day; the article is dated Thursday 2018-02-22.
CLASH = ("قتل ثلاثة مسلحين في اشتباك مع قوات الأمن في مدينة العريش. "
         "وقال مصدر أمني إن الاشتباك وقع يوم الثلاثاء في حي المساعيد، "
         "فيما أعلنت وزارة الداخلية في بيان الأربعاء اعتقال خمسة آخرين.")


def _doc(text: str, day: str | None):
    return default_pipeline()(ArticleInput(id="t", title="", text=text, date=day))


def test_the_candidates_are_every_stated_day_and_the_article_date():
    doc = _doc(CLASH, "2018-02-22")
    assert {d.value for d in doc.dates if d.precision == "day"} >= {"2018-02-20", "2018-02-21"}
    index = DateIndex(doc, doc.dates)
    for e in doc.events:
        values = [c.value for c in date_candidates(index, event_item(e))]
        assert len(values) == len(set(values))
        assert {"2018-02-20", "2018-02-21", "2018-02-22"} <= set(values)
        # a stated day stands for its mention nearest the event: for the Tuesday, the one in the second sentence
        tuesday = next(c for c in date_candidates(index, event_item(e)) if c.value == "2018-02-20")
        assert tuesday.mention is not None and doc.text[tuesday.mention.start:tuesday.mention.end].endswith("الثلاثاء")


def test_a_lead_sentence_takes_the_day_the_next_sentence_gives_its_act():
    doc = _doc(CLASH, "2018-02-22")
    clash = [e for e in doc.events if e.sentence == 0 and e.type == "ASSAULT"]
    assert clash, [(e.type, e.sentence, e.trigger.text) for e in doc.events]
    # grounding's rule has nothing before it and falls back on the article date; the ranker reads the
    # Tuesday of the sentence that tells when the clash happened
    assert clash[0].date.value == "2018-02-20", (clash[0].date, clash[0].ground_rules)
    assert event_item(clash[0]).rule_kind == "article"


def test_an_event_keeps_the_day_of_its_own_sentence():
    text = ("أعلن التحالف بقيادة السعودية الثلاثاء اعتراض صاروخ باليستي أطلقه الحوثيون باتجاه جازان. "
            "وقصفت طائرات التحالف مواقع للحوثيين في صعدة يوم الاثنين.")
    doc = _doc(text, "2018-04-04")
    raid = [e for e in doc.events if e.sentence == 1 and e.type == "ASSAULT"]
    assert raid, [(e.type, e.sentence, e.trigger.text) for e in doc.events]
    assert raid[0].date.value == "2018-04-02"


def test_an_article_with_no_date_and_no_day_keeps_grounding_s_answer():
    doc = _doc("قصفت طائرات حربية مواقع للمسلحين في ريف إدلب وقتلت عشرة منهم.", None)
    assert doc.events
    assert all(e.date.value is None and e.date.precision == "unknown" for e in doc.events)


def test_a_statement_takes_the_day_of_its_occasion_told_in_the_next_sentence():
    text = ("قال وزير الدفاع الأمريكي جيم ماتيس إن بلاده لن تسحب قواتها من سوريا قبل هزيمة تنظيم داعش. "
            "وجاءت تصريحات ماتيس خلال مؤتمر صحفي عقده في مقر وزارة الدفاع يوم الاثنين.")
    doc = _doc(text, "2018-04-04")
    said = [c for c in doc.claims if c.sentence == 0]
    assert said, [(c.cue.text, c.sentence) for c in doc.claims]
    # grounding's rule finds no day before the statement and falls back on the article date
    assert claim_item(said[0]).rule_kind == "article"
    assert said[0].date.value == "2018-04-02", (said[0].date, said[0].ground_rules)


def test_every_claim_date_is_a_day_the_article_gives():
    doc = _doc(CLASH, "2018-02-22")
    assert doc.claims
    days = {d.value for d in doc.dates} | {"2018-02-22"}
    assert all(c.date.value in days for c in doc.claims)
