"""Rules as ordered, named tables (issue 14): each table runs in its
documented order, and on real sentences the named rules fire and are kept
in the trace (events) or the rule (dates, counts, places) of what they made.

Sentences from the phrasings the rules were written for (their docstrings,
../shared/data/corpora and the dev gold).
"""
from __future__ import annotations

import re

import pytest

import marsad
from marsad.pipeline import Pipeline

# These tests pin down the hand-written rules (still the learned models' candidates and features).
RULES = Pipeline.rules()


def rules_extract(text, **kw):
    return marsad.extract(text, pipeline=RULES, **kw)
from marsad.events import nouns, passes, roles
from marsad.ground import dates, places, quantities
from marsad.ground.dates import find_dates
from marsad.ground.places import find_places
from marsad.ground.quantities import find_quantities
from marsad.rules import names

TRIGGER_ORDER = [
    "aim-verb-retype", "danger-warning", "hostile-pledge", "upheld-sentence", "death-sentence",
    "impersonal-passive", "masdar-reading", "after-preposition-noun",
]
ROLE_ORDER = [
    "light-verb", "passive-form", "agent-phrase-passive",
    "participle-subject", "inside-subject", "verb-subject", "relative-resumed", "phrase-subject",
    "issued-document", "time-clause-subject", "described-noun-agent", "reported-clause-subject",
    "carried-subject", "no-subject",
    "backed-by", "noun-roles", "possessor", "genitive-agent",
    "joint-partner", "object-after-subject", "past-act-adjectives", "pronoun-object", "passive-victim-before",
    "relative-antecedent", "genitive-target", "object-after", "passive-subject-victim", "other-side-carried",
    "reciprocal-conjunct", "resumed-pronoun", "victim-of-cause", "side-in-ranks", "pronoun-target",
    "phrase-target", "abstract-target",
    "impersonal-agent", "passive-agent", "agent-owns-what-follows", "allegation-speaker",
    "referred-noun", "no-roles", "describing-adjective", "counted-victims", "agent-phrase", "clause-subject",
    "armed-carried", "light-verb-pronoun", "reporter-not-killer", "same-span-roles", "one-subject-named-twice",
    "object-named-twice", "known-agreement", "search-not-talks", "modality", "governed-act",
]
NOUN_ORDER = [
    "skip-adverbials", "adjective-before-genitive", "genitive", "lam-agent", "prepositional-genitive",
    "adjective-before-bain", "between", "object-nisba", "genitive-object", "governed", "exposed",
    "subject-before", "light-verb-subject", "relative-light-verb",
]
PASS_ORDER = [
    "drop-results", "drop-complement-acts", "merge-causes", "merge-aims", "drop-accidents",
    "complement-targets", "dedupe", "reciprocate", "drop-roleless", "protest-targets", "reported-only",
]
DATE_ORDER = ["numeric", "explicit", "hijri", "year", "ago", "period", "weekday", "relday"]
COUNT_ORDER = [
    "digits", "digit-scale", "number-words",
    "inside-date", "reference-number", "ordinal", "age", "digit-groups", "phone-or-code", "range-or-fraction",
    "unit", "percent-or-time", "bare-year",
    "unit-after-min", "of-after-min", "construct-of",
    "comparator-before", "comparator-after", "vague-comparator",
]
PLACE_ORDER = [
    "nationality-adjective", "person-name", "head", "nationality-head", "common-word-after-head",
    "world-city-after-head", "area-noun-common-word", "locative", "bare-name", "world-city-bare",
    "rarely-named", "no-place", "direction",
]

# (table's names, expected order, module whose docstring lists them, the line that starts the list)
TABLES = {
    "TRIGGER_RULES": (names(roles.TRIGGER_RULES), TRIGGER_ORDER, roles, "TRIGGER_RULES, in order:"),
    "ROLE_RULES": (names(roles.ROLE_RULES), ROLE_ORDER, roles, "ROLE_RULES, in order:"),
    "NOUN_RULES": (names(nouns.NOUN_RULES), NOUN_ORDER, nouns, "NOUN_RULES, in order"),
    "PASSES": ([p.name for p in passes.PASSES], PASS_ORDER, passes, "In order:"),
    "DATE_RULES": (names(dates.DATE_RULES), DATE_ORDER, dates, "DATE_RULES in order:"),
    "COUNT_RULES": (names(quantities.COUNT_RULES), COUNT_ORDER, quantities, "COUNT_RULES, in order:"),
    "PLACE_RULES": (names(places.PLACE_RULES), PLACE_ORDER, places, "PLACE_RULES, in order:"),
}


def documented_order(module, header: str, wanted: list[str]) -> list[str]:
    """The names of `wanted` in the order the module's docstring first gives them after `header`."""
    text = module.__doc__.split(header, 1)[1]
    seen: list[str] = []
    for word in re.findall(r"[a-z]+(?:-[a-z]+)*", text):
        if word in wanted and word not in seen:
            seen.append(word)
    return seen


@pytest.mark.parametrize("table", list(TABLES))
def test_each_table_runs_in_its_documented_order(table):
    found, expected, module, header = TABLES[table]
    assert found == expected
    assert documented_order(module, header, expected) == expected


def test_every_rule_has_a_docstring():
    for table in (roles.TRIGGER_RULES, roles.ROLE_RULES, nouns.NOUN_RULES, dates.DATE_RULES,
                  quantities.COUNT_RULES, places.PLACE_RULES):
        assert all(rule.doc for rule in table), [r.name for r in table if not r.doc]


def test_an_event_trace_names_one_rule_each():
    """The names in an event's trace come from the trigger, role, noun and pass tables, none in two."""
    all_names = TRIGGER_ORDER + ROLE_ORDER + NOUN_ORDER + PASS_ORDER
    assert len(all_names) == len(set(all_names))


def events(text: str, date: str = "2018-01-03"):
    return rules_extract(text, date=date).events


# --- events: trigger rules, role rules, noun rules, passes -----------------------------------------

def test_trigger_rule_hostile_pledge():
    [ev] = events("وتعهد رئيس الوزراء البريطاني ديفيد كاميرون بالتصدي للإرهابيين.")
    assert ev.type == "THREATEN"  # an AGREE entry, re-read
    assert ev.trace[0] == "hostile-pledge"


def test_trigger_rule_death_sentence():
    [ev] = events("وأصدرت محكمة جنايات القاهرة حكما نهائيا بإعدام ستة أشخاص.")
    assert ev.type == "COERCE"
    assert ev.trace[0] == "death-sentence" and ev.target.text == "أشخاص"


def test_role_rule_issued_document():
    [ev] = events("وأصدرت المحكمة قرارا يطالب واشنطن برفع العقوبات.")
    assert ev.type == "REQUEST" and ev.source.text == "المحكمة"
    assert ev.rule == "verb:issued"
    assert ev.trace.index("verb-subject") < ev.trace.index("issued-document")  # in table order


def test_role_rule_participle_subject():
    request = next(e for e in events("وتظاهر آلاف المحتجين في تل أبيب مطالبين نتنياهو بالرحيل.")
                   if e.type == "REQUEST")
    assert request.trace[0] == "participle-subject" and request.rule == "verb:participle"


def test_noun_rule_between_follows_noun_roles_in_the_trace():
    [ev] = events("واندلعت معارك عنيفة بين الجيش والحوثيين في صعدة.")
    assert ev.rule == "noun:between"
    assert ev.trace[:2] == ("noun-roles", "between")
    assert (ev.source.text, ev.target.text) == ("الجيش", "الحوثيين")


def test_pass_merge_causes_is_recorded_last():
    [ev] = events("وقتل 13 شخصا في هجمات انتحارية في بغداد.")
    assert ev.rule == "noun:cause-of-death" and ev.target.text == "شخصا"
    assert ev.trace[-1] == "merge-causes"


def test_pass_reciprocate_makes_the_event_told_the_other_way():
    accusations = [e for e in events("وتبادل الجيش وقوات المعارضة اتهامات بخرق الهدنة.") if e.type == "ACCUSE"]
    assert [e.trace[-1] for e in accusations] == ["reciprocal-conjunct", "reciprocate"]
    assert accusations[0].source.text == accusations[1].target.text == "الجيش"


def test_the_trace_is_no_part_of_the_contract():
    doc = rules_extract("اتهمت روسيا الولايات المتحدة بدعم الإرهاب", date="2018-01-01")
    [ev] = doc.events
    assert ev.trace and "trace" not in ev.to_dict() and "rule" not in ev.to_dict()


# --- grounding: dates, counts, places ------------------------------------------------------------

@pytest.mark.parametrize("text,rule,value", [
    ("أعلن التحالف الأربعاء أنه", "weekday", "2017-12-27"),
    ("قال في الخامس من ديسمبر (كانون الأول) إن", "explicit", "2017-12-05"),
    ("قبل ثلاثة أيام", "ago:day", "2017-12-24"),
    ("في 1 رمضان 1439", "hijri", "2018-05-16"),
    ("الشهر الماضي", "period:month", "2017-11"),
    ("في 12/5/2018", "numeric", "2018-05-12"),
    ("في عام 2016", "year", "2016"),
])
def test_date_rules(text, rule, value):
    [d] = find_dates(text, "2017-12-27")
    assert (d.rule, d.value) == (rule, value)
    assert d.rule.split(":")[0] in DATE_ORDER  # a date's rule starts with the rule's name


@pytest.mark.parametrize("text,rule", [
    ("إن أقل من 3000 مقاتل ما زالوا", "digits:unit:comparator-before"),
    ("سوى أقل من ألف من مقاتلي التنظيم", "number-words:unit-after-min:comparator-before"),
    ("مقتل عشرات المدنيين", "number-words:unit:vague-comparator"),
    ("قتل 30 شخصا على الأقل", "digits:unit:comparator-after"),
    ("22.2 مليون شخص بحاجة لمساعدة", "digits:digit-scale:unit"),
])
def test_count_rules(text, rule):
    [q] = find_quantities(text)
    assert q.rule == rule


def test_count_rejections_leave_no_count():
    assert find_quantities("بنسبة 70% في عام 2016") == []  # percent-or-time, bare-year
    assert find_quantities("صدر القرار 2254 عن مجلس الأمن") == []  # reference-number


@pytest.mark.parametrize("text,span,rule", [
    ("وسيطرت القوات على بلدة تادف في ريف حلب.", "بلدة تادف", "head"),
    ("وقصفت الطائرات مدينة الرقة الشمالية.", "مدينة الرقة الشمالية", "head:direction"),
    ("وصل الوفد إلى العاصمة الروسية موسكو.", "العاصمة الروسية موسكو", "nationality-head"),
    ("واندلعت معارك عنيفة بين الجيش والحوثيين في صعدة.", "صعدة", "locative:bare-name"),
])
def test_place_rules(text, span, rule):
    found = {p.text: p.rule for p in find_places(rules_extract(text, date="2018-01-01"))}
    assert found[span] == rule


def test_grounding_records_the_rules_of_an_events_date_counts_and_place():
    doc = rules_extract("وشنت طائرات التحالف الأربعاء أكثر من 20 غارة على مواقع الحوثيين في صعدة.",
                         date="2018-01-03")
    [ev] = doc.events
    assert ev.ground_rules.date == "clause:weekday"
    assert ev.ground_rules.quantities == ("digits:unit:comparator-before",)
    assert ev.ground_rules.location == "clause:locative:bare-name"
