"""Role rules for the target (and a passive's agent): the object after the
trigger or its subject, a passive's victim before it, a relative's
antecedent, a resumed pronoun, a conjunct, a phrase; then the agent phrase of
a passive. Their order is ROLE_RULES in events/roles.py.
"""
from __future__ import annotations

from marsad.events.actors import SUFFIX_GENDER, carried, carried_other
from marsad.events.context import past_act_adjectives, side_in_ranks, target_after_pronoun, victim_of_cause
from marsad.events.passive import ADJUNCT_STARTS, CLAUSE_ENDS, OBJECT_WINDOW, passive_agent
from marsad.events.reported import last_speaker
from marsad.events.role_state import RoleState, verb_suffix_pronoun
from marsad.resources import grammar_words
from marsad.grammar.words import abstract_nouns
from marsad.grammar.stop_words import phrase_stop_words
from marsad.grammar.predicates import reads_as_any
from marsad.grammar.words import prepositions

RECIPROCAL_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE", "ACCUSE"})
PRONOUN_TARGET_TYPES = frozenset({"ACCUSE", "THREATEN", "REQUEST", "SANCTION", "SUPPORT", "AID"})
JOINT_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})  # acts done with someone (مع)
PARTNER_PREPOSITIONS = frozenset(prepositions("مع", "ضد"))  # التعاون مع موسكو، التدخل ضد الجهاديين
ALLEGATION_NOUNS = grammar_words("allegation_nouns")


def joint_partner(st: RoleState) -> bool:
    """التوصل لتوافق مع إسرائيل: a joint act takes the other party after مع."""
    if st.trig.type in JOINT_TYPES and "مع" not in st.preps:
        st.preps = (*st.preps, "مع")
        return True
    return False


def object_after_subject(st: RoleState) -> bool:
    """قصفت طائرات التحالف مواقع…: a subject after the trigger stands before
    its object; the search starts after the subject."""
    if st.source and st.source.tokens[0] > st.m.start:
        st.after = st.source.tokens[1] - 1
        return True
    return False


def past_act_adjectives_rule(st: RoleState) -> bool:
    """عقوبات جديدة، حملات اعتقال واختطاف واسعة: the object search starts
    after the act's adjectives and coordinated act nouns."""
    if st.source and st.source.tokens[0] > st.m.start:
        return False
    st.after = past_act_adjectives(st.doc, st.m.end - 1)
    return st.after != st.m.end - 1


def pronoun_object(st: RoleState) -> bool:
    """وكانت الولايات المتحدة دعته في مسودة البيان: a verb's object pronoun is
    its direct object; the search after it takes only prepositional ones."""
    m = st.m
    # أدانتهم محكمة الفساد: an entry that ends with its subject has the verb first
    verb_at = m.start if st.rule.endswith(":inside") else m.end - 1
    st.pronoun = verb_suffix_pronoun(st.tokens[verb_at], m) if st.trig.pos == "verb" else ""
    if st.pronoun in SUFFIX_GENDER and not st.passive and "obj" in st.preps:
        st.object_preps = tuple(p for p in st.preps if p != "obj")
        return True
    return False


def passive_victim_before(st: RoleState) -> bool:
    """أن خاشقجي "قتل" داخل القنصلية: nothing follows the passive verb, its
    subject before it is the victim."""
    tokens, end = st.tokens, st.m.end
    nxt = tokens[end] if end < len(tokens) else None
    if st.victim_before is not None and (nxt is None or nxt.text in CLAUSE_ENDS or nxt.norm in ADJUNCT_STARTS):
        st.target = st.victim_before
        return True
    return False


def relative_antecedent(st: RoleState) -> bool:
    """مقاتلي داعش الذين طردوا من الرقة: those the relative names underwent it."""
    if st.target is None and st.relative is not None:
        st.target = st.relative
        return True
    return False


def genitive_target(st: RoleState) -> bool:
    """تدريب مقاتلين، اعتقال ناشطين: the target a noun's rules found."""
    if st.target is None and st.genitive_target is not None:
        st.target = st.genitive_target
        return True
    return False


def object_after(st: RoleState) -> bool:
    """اتهمت روسيا الولايات المتحدة: the object after the trigger (or its
    subject), taken the way the trigger takes it (MentionMap.object_after)."""
    if st.target is not None:
        return False
    preps = st.preps if st.object_preps is None else st.object_preps
    st.target = st.mmap.object_after(st.after, st.sent.tokens[1], preps, OBJECT_WINDOW, exclude=st.source)
    return st.target is not None


def passive_subject_victim(st: RoleState) -> bool:
    """إن إقبال أصيب برصاصة: the subject of a passive is the victim."""
    if st.passive and st.target is None:
        st.target = st.mmap.object_after(st.m.end - 1, st.sent.tokens[1], ("obj",), OBJECT_WINDOW) \
            or st.victim_before
        return st.target is not None
    return False


def other_side_carried(st: RoleState) -> bool:
    """معارك متواصلة مع الحوثيين: the other side of a fight with someone is
    the actor the story is about."""
    if st.trig.pos == "noun" and st.source is None and st.target is not None and st.trig.type == "ASSAULT" \
            and st.mmap.introduced_by(st.target.tokens[0], ("مع", "ضد")):
        st.source = carried(st.subjects, st.m.start, None, st.tokens)
        if st.source:
            st.rule += ":carried"
            return True
    return False


def reciprocal_conjunct(st: RoleState) -> bool:
    """اجتمع X و Y، تبادل الجيش وقوات المعارضة اتهامات: the other party of a
    reciprocal act is the subject's conjunct."""
    if st.target is None and st.source is not None and st.trig.type in RECIPROCAL_TYPES:
        st.target = st.mmap.conjunct_after(st.source)
        return st.target is not None
    return False


def resumed_pronoun(st: RoleState) -> bool:
    """الغوطة التي تحاصرها قوات النظام: the object pronoun resumes the
    relative's antecedent; أدانتهم المحكمة، اتهمه: otherwise an earlier actor."""
    if st.target is None and "obj" in st.preps and not st.passive and st.pronoun in SUFFIX_GENDER:
        st.target = st.mmap.resumed_antecedent(st.m.start, st.clause[0]) \
            or carried_other(st.subjects, st.m.start, SUFFIX_GENDER[st.pronoun], st.tokens, st.source)
        return st.target is not None
    return False


def victim_of_cause_rule(st: RoleState) -> bool:
    """قتل 13 شخصا في هجمات: the dead of a death caused by the attack noun."""
    if st.target is None and st.trig.pos == "noun" and st.trig.type == "ASSAULT":
        st.target = victim_of_cause(st.doc, st.mmap, st.m.start, st.sent.tokens[0])
        return st.target is not None
    return False


def side_in_ranks_rule(st: RoleState) -> bool:
    """أسفرت الغارات عن سقوط قتلى في صفوف الحوثيين: the side that lost men."""
    if st.target is None and st.trig.pos == "noun" and st.trig.type == "ASSAULT":
        st.target = side_in_ranks(st.doc, st.mmap, st.m.end, st.sent.tokens[1])
        return st.target is not None
    return False


def pronoun_target(st: RoleState) -> bool:
    """بتوجيه اتهامات له: a pronoun after the act refers back to its target."""
    if st.target is None and st.source is not None and st.trig.type in PRONOUN_TARGET_TYPES:
        st.target = target_after_pronoun(st.doc, st.mmap, st.m.end, st.sent.tokens[1], st.source)
        return st.target is not None
    return False


def phrase_target(st: RoleState) -> bool:
    """قطعت الإمدادات عن المدنيين: an unlisted phrase after the trigger."""
    if st.target is None:
        st.target = st.mmap.phrase_after(st.after, st.clause[1], st.preps, phrase_stop_words())
        return st.target is not None
    return False


def abstract_target(st: RoleState) -> bool:
    """دعت إلى الحوار: an act or an idea is no one acted upon; رفضت التعاون
    مع موسكو: the partner named after it is."""
    target, tokens = st.target, st.tokens
    if target is not None and target.rule == "phrase" and reads_as_any(tokens[target.tokens[0]], abstract_nouns()):
        partner = target.tokens[0] + 1
        st.target = st.mmap.starts.get(partner + 1) if partner + 1 < st.sent.tokens[1] \
            and tokens[partner].norm in PARTNER_PREPOSITIONS else None
        return True
    return False


def impersonal_agent(st: RoleState) -> bool:
    """تم قصف مواقع من قبل…: no one else is the agent of an impersonal
    passive: only من قبل X، على يد X name one."""
    if st.impersonal:
        st.source = st.mmap.agent_phrase(st.m.end, st.sent.tokens[1]) \
            or passive_agent(st.doc, st.mmap, st.m.end, st.sent.tokens[1])
        st.rule += ":impersonal"
        return True
    return False


def passive_agent_rule(st: RoleState) -> bool:
    """قتل على يد مسلحين: a passive's agent is only one its agent phrase names."""
    if st.passive:
        st.source = passive_agent(st.doc, st.mmap, st.m.end, st.sent.tokens[1])
        st.rule += ":passive"
        return True
    return False


def agent_owns_what_follows(st: RoleState) -> bool:
    """رُفض من قبل دول كالمجر وبولندا: what follows a passive's agent is the
    agent's own; the target is the subject before the verb."""
    if st.passive and st.source is not None and st.target is not None \
            and st.target.tokens[0] > st.source.tokens[0]:
        st.target = st.victim_before
        return True
    return False


def allegation_speaker(st: RoleState) -> bool:
    """ترفض موسكو الادعاءات: what is rejected is a claim; its speaker is the target."""
    target = st.target
    if st.trig.type in ("REJECT", "ACCUSE") and target is not None and target.rule == "phrase" \
            and st.tokens[target.tokens[0]].key in ALLEGATION_NOUNS:
        st.target = last_speaker(st.doc, st.token.start, st.source) or target
        return True
    return False
