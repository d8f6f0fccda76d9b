"""Coreference: clusters of mentions of one entity, and the actor they share."""
from __future__ import annotations

import marsad
from marsad.entities.coref import Coreferencer
from marsad.entities.mentions import MentionFinder
from marsad.pipeline import Pipeline
from marsad.text.stages import Sentencizer, Tokenizer
from marsad.types import ArticleInput

SEED_LIKE = ("في المقابل، اتهم رئيس هيئة الأركان الروسية العامة الولايات المتحدة بتدريب مقاتلين سابقين "
             "لتنظيم داعش في سوريا., وتركزت اتهامات الجنرال فاليري جيراسيموف في مقابلة صحفية على القاعدة "
             "الأميركية في التنف., وقال جيراسيموف إن روسيا رصدت تحركات المسلحين.")


def mentions(text: str):
    pipe = Pipeline([Tokenizer(), Sentencizer(), MentionFinder(), Coreferencer()])
    return pipe(ArticleInput(id="t", title="", text=text, date="2017-12-27")).mentions


def find(ms, text):
    return next(m for m in ms if m.text == text)


def test_title_introduces_the_name_and_its_short_form():
    ms = mentions(SEED_LIKE)
    title, full, short = (find(ms, t) for t in ("رئيس هيئة الأركان الروسية العامة",
                                                "الجنرال فاليري جيراسيموف", "جيراسيموف"))
    assert title.cluster == full.cluster == short.cluster
    assert title.actor.name_en == "Valery Gerasimov" and title.actor.country == "RUS"


def test_country_and_nisba_share_a_cluster_but_not_the_person():
    ms = mentions(SEED_LIKE)
    assert find(ms, "روسيا").cluster != find(ms, "رئيس هيئة الأركان الروسية العامة").cluster
    assert find(ms, "الولايات المتحدة").cluster == find(ms, "الأميركية").cluster


def test_apposition_and_a_bare_title_later():
    ms = mentions("قال وزير الخارجية الروسي، سيرغي لافروف، إن موسكو لن تسمح بذلك. "
                  "وأضاف الوزير أن بلاده ستواصل دعم الحكومة السورية.")
    minister, name, bare = (find(ms, t) for t in ("وزير الخارجية الروسي", "سيرغي لافروف", "الوزير"))
    assert minister.cluster == name.cluster == bare.cluster
    assert bare.actor.name_en == "Sergey Lavrov"


def test_unknown_person_inherits_country_and_sector_from_title():
    ms = mentions("وقال الجنرال الروسي أليكسي بيتروفيتش إن قواته قصفت مواقع المسلحين. "
                  "وأضاف بيتروفيتش أن العمليات ستستمر.")
    full, short = find(ms, "الجنرال الروسي أليكسي بيتروفيتش"), find(ms, "بيتروفيتش")
    assert full.cluster == short.cluster
    assert (short.actor.country, short.actor.sector) == ("RUS", "MIL")


def test_two_different_titles_of_one_country_stay_apart():
    ms = mentions("وقال وزير الدفاع الأميركي جيم ماتيس إن بلاده لن تنسحب. "
                  "من جهته قال وزير الخارجية الأميركي ريكس تيلرسون إن الحوار ممكن. وأضاف الوزير أن واشنطن مستعدة.")
    assert find(ms, "الوزير").actor.name_en == "Rex Tillerson"  # the last minister named
    mattis = next(m for m in ms if m.actor and m.actor.name_en == "Jim Mattis")
    assert mattis.cluster != find(ms, "الوزير").cluster


def test_claims_use_the_resolved_actor():
    rec = marsad.extract("قال وزير الخارجية الروسي، سيرغي لافروف، إن موسكو لن تسمح بذلك. "
                         "وأضاف الوزير أن روسيا ترفض العقوبات الأميركية.", date="2018-04-01").to_dict()
    claim = next(c for c in rec["claims"] if c["speaker"] and c["speaker"]["text"] == "الوزير")
    assert claim["speaker"]["actor"]["name_en"] == "Sergey Lavrov"
    assert all("cluster" in e for e in rec["entities"])
