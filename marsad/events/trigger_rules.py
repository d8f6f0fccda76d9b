"""Trigger rules: what a matched trigger is in its context, before its roles
are sought. Each may change the trigger's type or part of speech, or drop it.
Their order is TRIGGER_RULES in events/roles.py.
"""
from __future__ import annotations

from marsad.events.context import (
    AIM_VERBS,
    act_noun_before,
    pledges_hostility,
    sentenced_to,
    upholds_punishment,
    warns_of_danger,
)
from marsad.grammar.predicates import is_masdar
from marsad.events.role_state import RoleState, after_preposition
from marsad.resources import grammar_words
from marsad.grammar.predicates import definite
from marsad.types import evolve
from marsad.grammar.words import prepositions

SENTENCED_PREPS = prepositions("بحق", "ضد", "على")  # those a sentence falls on
IMPERSONAL_PASSIVE = grammar_words("impersonal_passive")


def aim_verb_retype(st: RoleState) -> bool:
    """العقوبات الجديدة تستهدف X: a verb of aiming after an act noun of
    another type aims that act (the sanctions aim at X), not an assault."""
    if st.trig.pos == "verb" and st.trig.type == "ASSAULT" and st.token.key in AIM_VERBS:
        aimed = act_noun_before(st.doc, st.m.start, st.clause[0])
        if aimed is not None and aimed != "ASSAULT":
            st.trig = evolve(st.trig, type=aimed)
            return True
    return False


def danger_warning(st: RoleState) -> bool:
    """حذر من أن غزة على شفير حرب: a warning of a danger is no threat (drops it)."""
    if st.trig.type == "THREATEN" and warns_of_danger(st.doc, st.m.start, st.sent.tokens[1]):
        st.stop = True
        return True
    return False


def hostile_pledge(st: RoleState) -> bool:
    """تعهد بالتصدي لهم: a pledge to act against someone is a threat."""
    if st.trig.type == "AGREE" and pledges_hostility(st.doc, st.m.start, st.sent.tokens[1]):
        st.trig = evolve(st.trig, type="THREATEN")
        return True
    return False


def upheld_sentence(st: RoleState) -> bool:
    """أيدت المحكمة حكم الإعدام بحق ستة متهمين: upholding a sentence passes
    it (COERCE) on those it falls on (بحق، ضد، على)."""
    if st.trig.type == "SUPPORT" and st.trig.pos == "verb" \
            and upholds_punishment(st.doc, st.m.start, st.sent.tokens[1]):
        st.trig = evolve(st.trig, type="COERCE", target=SENTENCED_PREPS)
        return True
    return False


def death_sentence(st: RoleState) -> bool:
    """حكما نهائيا بإعدام ستة أشخاص: a sentence (COERCE), not an execution."""
    if st.trig.type == "ASSAULT" and sentenced_to(st.doc, st.m.start, st.sent.tokens[0]):
        st.trig = evolve(st.trig, type="COERCE")
        return True
    return False


def impersonal_passive(st: RoleState) -> bool:
    """تم قصف مواقع، جرى بحث الأوضاع: a verb-looking word after the
    impersonal passive is an indefinite verbal noun (nouns proper keep their
    own rules); sets `impersonal`."""
    tokens, i = st.tokens, st.m.start
    if st.trig.pos == "verb" and i > st.sent.tokens[0] and not definite(tokens[i]) \
            and tokens[i - 1].reads_as(IMPERSONAL_PASSIVE):
        st.impersonal = True
        st.trig = evolve(st.trig, pos="noun")
        return True
    return False


def masdar_reading(st: RoleState) -> bool:
    """إطلاق الصواريخ: a two-part entry's verbal noun is a noun."""
    if st.trig.pos == "verb" and is_masdar(st.token):
        st.trig = evolve(st.trig, pos="noun")
        return True
    return False


def after_preposition_noun(st: RoleState) -> bool:
    """في طلبها، بعد رفض الأطباء: no verb follows a preposition; it is a noun."""
    if st.trig.pos == "verb" and after_preposition(st.doc, st.m.start):
        st.trig = evolve(st.trig, pos="noun")
        return True
    return False
