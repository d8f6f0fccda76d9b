"""Role rules that review the roles found: acts that are no new event (a
reference back, a purpose, a planned act), late sources for event nouns,
roles that are one actor named twice, and the event's modality. Their order
is ROLE_RULES in events/roles.py.
"""
from __future__ import annotations

from marsad.grammar.agreement import verb_gender
from marsad.events.actors import carried, carried_armed, carried_other, has_actor, is_victim, same_actor
from marsad.events.context import clause_subject, reported_as_ongoing
from marsad.events.modality import event_modality
from marsad.grammar.ontology import SOLO_TYPES
from marsad.events.reported import announces, describes_noun
from marsad.events.role_state import RoleState
from marsad.events.target_rules import JOINT_TYPES
from marsad.resources import grammar_words
from marsad.grammar.predicates import definite

APPOSITION_GAP = 2  # tokens between a name and its apposition: "،" or "("
VIOLENT_TYPES = frozenset({"ASSAULT", "COERCE", "RETREAT", "PROTEST"})
# Nouns of these types with no actor usually refer back to a known agreement,
# sanction or aid ("الاتفاق"، "العقوبات") rather than report a new act.
REFERRED_TYPES = frozenset({"AGREE", "SUPPORT", "SANCTION", "AID", "COOPERATE", "CONSULT", "REQUEST", "CONCEDE"})
REFERENCE_TYPES = frozenset({"AGREE"})  # whose definite noun refers back to a known act
PARTNER_VERBS = grammar_words("partner_verbs")
ACTORLESS_TYPES = ("PROTEST", "MOBILIZE", "RETREAT")  # acts an event noun reports with no role named
VICTIM_SOURCE_TYPES = ("ASSAULT", "COERCE", "ACCUSE", "SANCTION")


def referred_noun(st: RoleState) -> bool:
    """"الاتفاق"، "العقوبات" with no actor: a reference back, not a new act;
    "للقضاء على التطرف": a purpose, not an act (drops it)."""
    tok, trig = st.token, st.trig
    if trig.pos == "noun" and not has_actor(st.source) and not has_actor(st.target) and (
            trig.type in REFERRED_TYPES or tok.stem.startswith("ال") and trig.type not in VIOLENT_TYPES
            or tok.prefix.endswith("ل")):
        st.stop = True
        return True
    return False


def no_roles(st: RoleState) -> bool:
    """الغارات alone: an event noun with neither role is no event, unless it
    is a protest, a mobilisation or a withdrawal, or fighting told as going
    on (drops it)."""
    trig = st.trig
    if trig.pos == "noun" and st.source is None and st.target is None and trig.type not in ACTORLESS_TYPES \
            and not (trig.type == "ASSAULT" and reported_as_ongoing(st.doc, st.m.end, st.clause[1])):
        st.stop = True
        return True
    return False


def describing_adjective(st: RoleState) -> bool:
    """هجوم إرهابي استهدف، لمخطط إرهابي يرمي لاستهداف: an adjective, not the
    attacker (but وقتل انتحاري: right after the verb it is its subject)."""
    source = st.source
    after_verb = st.trig.pos != "noun" and source is not None and source.tokens[0] == st.m.end
    if source is not None and not after_verb and describes_noun(st.doc, st.mmap, source):
        st.source = None
        return True
    return False


def counted_victims(st: RoleState) -> bool:
    """قتل 13 شخصا، مقتل مدنيين: the people counted are the victims, not the attackers."""
    if st.source is not None and st.trig.type in VICTIM_SOURCE_TYPES and is_victim(st.source):
        st.source, st.target = None, st.target or st.source
        return True
    return False


def agent_phrase(st: RoleState) -> bool:
    """تصنيف الإخوان منظمة إرهابية من قبل السلطات: an event noun's agent phrase."""
    if st.trig.pos == "noun" and st.source is None and st.rule in ("noun", "noun:light") \
            and st.trig.type not in SOLO_TYPES \
            and (agent := st.mmap.agent_phrase(st.m.end, st.sent.tokens[1])) is not None:
        st.source, st.rule = agent, st.rule + ":agent"
        return True
    return False


def clause_subject_rule(st: RoleState) -> bool:
    """وشنت القوات … هجوما: the clause's actor, only for an act already kept
    (a clause's actor does not make an event of a mere noun)."""
    if st.trig.pos == "noun" and st.source is None and st.rule in ("noun", "noun:light"):
        st.source = clause_subject(st.doc, st.mmap, st.m.start, st.clause[0])
        if st.source:
            st.rule += ":clause"
            return True
    return False


def armed_carried(st: RoleState) -> bool:
    """الغارات، المعارك with no agent in the sentence: the armed actor the
    story follows (not the victims, nor the speakers reporting it)."""
    if st.trig.pos == "noun" and st.source is None and st.rule == "noun" and st.trig.type == "ASSAULT":
        at = st.token.start
        speakers = [c.speaker for c in st.doc.claim_index().in_sentence(st.s_i) if c.speaker
                    and c.content[0] <= at < c.content[1]]
        st.source = carried_armed(st.subjects, st.m.start, [st.target, *speakers], aerial=st.trig.mode == "aerial")
        if st.source:
            st.rule += ":carried"
            return True
    return False


def light_verb_pronoun(st: RoleState) -> bool:
    """وتمكنت من تحرير…: the light verb's pronoun, the last subject of its gender."""
    if st.trig.pos == "noun" and st.source is None and st.rule.startswith("noun:light"):
        gender = None if st.light_verb is None else verb_gender(st.tokens[st.light_verb])
        st.source = carried(st.subjects, st.m.start, gender, st.tokens)
        if st.source:
            st.rule += ":carried"
            return True
    return False


def reporter_not_killer(st: RoleState) -> bool:
    """أعلنت السلطات مقتل 5 أشخاص في هجوم: who reports civilian deaths did not kill them."""
    if st.source is not None and st.target is not None and st.trig.type == "ASSAULT" and is_victim(st.target) \
            and announces(st.doc, st.source, st.token.start):
        st.source = None
        return True
    return False


def same_span_roles(st: RoleState) -> bool:
    """أصيب جنود في هجوم: those hit are not also the attackers."""
    if st.source is not None and st.target is not None and st.source.start == st.target.start:
        st.source = None
        return True
    return False


def one_subject_named_twice(st: RoleState) -> bool:
    """نفت منظمة حلف شمال الأطلسي (الناتو): one subject, named twice;
    مسؤولون أميركيون حذروا من إجراءات قد تتخذها واشنطن: the fronted subject stands."""
    source, target = st.source, st.target
    if st.trig.pos == "verb" and not st.passive and same_actor(source, target) and (
            ":svo" in st.rule or target.tokens[0] - source.tokens[1] <= APPOSITION_GAP
            and st.trig.type not in JOINT_TYPES):
        st.target = None
        return True
    return False


def object_named_twice(st: RoleState) -> bool:
    """التقى رئيس مجلس النواب، عاطف الطراونة; وحمّلت الحوثيين…: one actor
    named twice is the verb's object (a meeting needs two); the subject is
    the verb's pronoun."""
    source, target = st.source, st.target
    if st.trig.pos == "verb" and not st.passive and same_actor(source, target):
        if source.tokens[0] >= st.m.end:
            st.target = source
        st.source = carried_other(st.subjects, st.m.start, verb_gender(st.token), st.tokens, st.target)
        st.rule += ":object-named-twice"
        return True
    return False


def known_agreement(st: RoleState) -> bool:
    """الالتزام بالهدنة، الاتفاق النووي الإيراني: the definite noun names a
    known agreement; a new one is reached or signed (توصل إلى الاتفاق، وقع
    الاتفاق: a light verb) (drops it)."""
    if st.trig.type in REFERENCE_TYPES and st.trig.pos == "noun" and definite(st.token) \
            and not st.rule.startswith("noun:light"):
        st.stop = True
        return True
    return False


def search_not_talks(st: RoleState) -> bool:
    """بحثا عن فلول الحوثيين، تبحث خيارات أخرى: a search or a study with no
    partner, no talks (drops it)."""
    if st.trig.type == "CONSULT" and st.target is None and st.token.reads_as(PARTNER_VERBS):
        st.stop = True
        return True
    return False


def modality(st: RoleState) -> bool:
    """لم تقصف، قد تفرض: negated or hedged, read at the trigger or at its
    light verb (سوف تفرض X عقوبات); حاول تجنيد، فشلت في اقتحام: the light
    verb itself may be the attempt or the failure."""
    m, start = st.m, st.sent.tokens[0]
    st.anchor = m.start if st.light_verb is None else st.light_verb
    st.negated, st.hedged = event_modality(st.doc, start, st.anchor, st.governors)
    if st.anchor != m.start:
        negated_at, hedged_at = event_modality(st.doc, start, m.start, st.governors)
        st.negated, st.hedged = st.negated or negated_at, st.hedged or hedged_at
    return st.negated or st.hedged


def governed_act(st: RoleState) -> bool:
    """محاولة اعتداء، وقف تجنيد الأطفال، يسعى للحصول على موافقة: a planned or
    demanded act with no agent of its own is part of what governs it (but
    مزاعم بقصف قوات النظام stays) (drops it)."""
    if st.hedged and st.trig.pos == "noun" and st.anchor == st.m.start and st.trig.type not in SOLO_TYPES \
            and not (st.source is not None and st.source.tokens[0] >= st.m.end):
        st.stop = True
        return True
    return False
