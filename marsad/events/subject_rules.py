"""Role rules for the voice and the subject (source) of a trigger: a verb's
subject, read in turn from a participle, the entry itself, the words around
the verb, an issued document, a time clause, a reported clause or the story's
last subject; a noun's from its genitive, من, its possessor pronoun.
Their order is ROLE_RULES in events/roles.py.
"""
from __future__ import annotations

from marsad.grammar.agreement import verb_gender
from marsad.events.actors import SUFFIX_GENDER, carried
from marsad.events.context import (
    agent_of_described_noun,
    agent_phrase_after,
    clause_subject,
    is_participle,
    issuer_before,
    light_verb_before,
    subject_of_time_clause,
)
from marsad.grammar.predicates import is_masdar
from marsad.events.nouns import noun_roles
from marsad.grammar.ontology import SOLO_TYPES
from marsad.events.passive import reads_passive
from marsad.events.reported import reported_subject
from marsad.events.role_state import DAMMA, RoleState, gender_under_pronoun, verb_suffix_pronoun
from marsad.resources import grammar_words
from marsad.grammar.words import PREPOSITION_WORDS
from marsad.grammar.predicates import definite
from marsad.grammar.stop_words import phrase_stop_words

DOCUMENT_SUBJECT_GAP = 2  # قرارا جديدا يطالب: the document, an adjective, then the verb
AGENT_GENITIVE_ACTS = grammar_words("agent_genitive_acts")


def light_verb(st: RoleState) -> bool:
    """تمكنت من تحرير، سوف تفرض عقوبات: the light verb before an event noun
    (looked up once; it may give the subject and carries the modality)."""
    if st.trig.pos == "noun":
        st.light_verb = light_verb_before(st.doc, st.m.start, st.clause[0])
    return st.light_verb is not None


def passive_form(st: RoleState) -> bool:
    """قُتل، أصيب برصاصة: a passive entry, a damma on the verb's first
    letters, or a passive reading (events/passive.py)."""
    tokens, m = st.tokens, st.m
    st.passive = st.trig.pos == "passive" or st.trig.pos == "verb" and (
        DAMMA in tokens[m.start].text[:3] or reads_passive(st.doc, st.mmap, m, st.trig, st.clause))
    return st.passive


def agent_phrase_passive(st: RoleState) -> bool:
    """رُفض من قبل دول…: an agent phrase after the verb marks the passive."""
    if st.verb_like and agent_phrase_after(st.doc, st.mmap, st.m.end, st.clause[1]):
        st.passive = True
        return True
    return False


def participle_subject(st: RoleState) -> bool:
    """تظاهر الآلاف، مطالبين رئيس الوزراء بالرحيل: a circumstantial participle
    has the subject of the sentence; what follows it is its object."""
    if st.verb_like and is_participle(st.token):
        st.source = carried(st.subjects, st.m.start, None, st.tokens)
        st.rule += ":participle"
        st.subject_step = "participle"
        return True
    return False


def inside_subject(st: RoleState) -> bool:
    """أدانتهم محكمة الفساد: the entry ends with its subject's head."""
    m = st.m
    if st.verb_like and not st.subject_step and m.end - m.start > 1 and m.end - 1 in st.mmap.starts:
        st.source = st.mmap.starts[m.end - 1]
        st.rule += ":inside"
        st.subject_step = "inside"
        return True
    return False


def verb_subject(st: RoleState) -> bool:
    """اتهمت روسيا الولايات المتحدة، روسيا اتهمت: the subject after or before
    the verb (MentionMap.verb_subject; `how` is added to the rule)."""
    if not st.verb_like or st.subject_step:
        return False
    m = st.m
    st.source, st.how = st.mmap.verb_subject(m.start, m.end, st.clause, gender_under_pronoun(st.token, m))
    st.rule += st.how
    st.subject_step = "read"
    return True


def relative_resumed(st: RoleState) -> bool:
    """القوات التي تحاصرها X: after a relative the verb's pronoun resumes the
    antecedent, and the subject follows the verb."""
    m = st.m
    if st.subject_step == "read" and st.how == ":relative" \
            and verb_suffix_pronoun(st.tokens[m.end - 1], m) in SUFFIX_GENDER:
        st.source = st.mmap.subject_after(m.end - 1, st.clause[1])
        st.rule = st.rule.removesuffix(":relative")
        st.how = ""
        return True
    return False


def phrase_subject(st: RoleState) -> bool:
    """تظاهر آلاف المحتجين: an unlisted definite phrase after an intransitive
    verb is its subject (after a verb done to someone, قطعت الإمدادات عن…,
    a plain noun is its object)."""
    tok = st.token
    if st.subject_step == "read" and st.source is None and not tok.prefix and verb_gender(tok) != "p" \
            and st.trig.type in SOLO_TYPES and "obj" not in st.trig.target:
        st.source = st.mmap.phrase_after(st.m.end - 1, st.clause[1], ("obj",), phrase_stop_words(),
                                         definite_only=True)
        if st.source:
            st.rule += ":phrase"
            return True
    return False


def issued_document(st: RoleState) -> bool:
    """أصدرت المحكمة قرارا في صالح إيران يطالب واشنطن، تعميما يلزم الأطباء:
    the document is the subject and speaks for its issuer; what follows the
    verb is its object."""
    if st.subject_step != "read" or st.how not in (":svo", ""):
        return False
    issued = issuer_before(st.doc, st.mmap, st.m.start, st.clause)
    source = st.source
    if issued is not None and (source is None or source.tokens[0] < issued[0] or any(
            t.norm in PREPOSITION_WORDS for t in st.tokens[issued[0] + 1:source.tokens[0]])
            or source.tokens[0] >= st.m.end and st.m.start - issued[0] <= DOCUMENT_SUBJECT_GAP):
        st.source = issued[1]
        st.rule += ":issued"
        return True
    return False


def time_clause_subject(st: RoleState) -> bool:
    """قبل أن يغادر…: with no subject of its own, the verb of a time clause
    has the nearest actor before قبل/بعد."""
    if st.subject_step == "read" and st.source is None \
            and (nearest := subject_of_time_clause(st.doc, st.mmap, st.m.start, st.sent.tokens[0])):
        st.source = nearest
        st.rule += ":time-clause"
        return True
    return False


def described_noun_agent(st: RoleState) -> bool:
    """المسلحون، الذين هاجموا…: a verb describing a noun (after it, or after
    an apposition comma) has that noun's actor as its subject."""
    if st.subject_step == "read" and st.source is None \
            and (agent := agent_of_described_noun(st.doc, st.mmap, st.m.start, st.sent.tokens[0])):
        st.source = agent
        st.rule += ":described"
        return True
    return False


def reported_clause_subject(st: RoleState) -> bool:
    """قال مسؤول إن الدوحة حاولت منع…، أن الصاروخ كان يستهدف…: the reported
    clause names its own subject (an actor or not); the speaker is not it."""
    if st.subject_step != "read" or st.source is not None:
        return False
    reported = reported_subject(st.doc, st.mmap, st.m.start, st.sent.tokens[0])
    if reported.found:
        st.source = reported.actor
        st.rule += ":reported"
        st.reported = True
        return True
    return False


def carried_subject(st: RoleState) -> bool:
    """وأضاف…، واتهم: a verb with no subject in sight has the pronoun of the
    last explicit subject of its gender (`:carried`)."""
    if st.subject_step == "read" and st.source is None and not st.reported:
        st.source = carried(st.subjects, st.m.start, verb_gender(st.token), st.tokens)
        if st.source:
            st.rule += ":carried"
            return True
    return False


def no_subject(st: RoleState) -> bool:
    """A verb whose subject no rule found (`:nosubj`)."""
    if st.subject_step == "read" and st.source is None and not st.reported:
        st.rule += ":nosubj"
        return True
    return False


def backed_by(st: RoleState) -> bool:
    """الميليشيا الحوثية المدعومة من إيران، بإسناد من التحالف: the backer
    follows من, the one backed stands before (or leads the clause); backing
    with no one backed is a background phrase (drops it)."""
    if not st.backing:
        return False
    mmap, m, tok = st.mmap, st.m, st.token
    st.source = mmap.covering.get(m.end - 1) or mmap.starts.get(m.end)
    st.genitive_target = mmap.subject_before(m.start, st.sent.tokens[0])
    if st.genitive_target is None and not is_participle(tok) and not definite(tok):
        # بإسناد من: the clause's actor (المدعومة من: only the noun it describes, right before it)
        st.genitive_target = clause_subject(st.doc, mmap, m.start, st.clause[0])
    if st.genitive_target is None:
        st.stop = True
    st.rule = "noun:backed"
    return True


def noun_roles_rule(st: RoleState) -> bool:
    """غارات التحالف، تدمير تنظيم داعش، معارك بين X و Y: a noun's source and
    target from the words around it (the rules of events/nouns.py, whose
    names follow this one's in the trace)."""
    if st.trig.pos != "noun" or st.backing:
        return False
    found = noun_roles(st.doc, st.mmap, st.m, st.trig, st.clause, st.earlier, st.light_verb)
    st.source, st.genitive_target, st.rule = found.source, found.target, found.rule
    st.fired.extend(found.fired)
    return True


def possessor(st: RoleState) -> bool:
    """اجتماعه مع…، لقائها: the possessor pronoun is the actor the text is
    about (but تزويدهم: the pronoun of a transitive verbal noun is its object)."""
    if st.trig.pos != "noun" or st.backing or st.source is not None:
        return False
    suffix = st.tokens[st.m.end - 1].suffix
    if suffix in SUFFIX_GENDER and st.rule != "noun:exposed" \
            and not (is_masdar(st.token) and "obj" in (st.trig.target or ("obj",))):
        st.source = carried(st.subjects, st.m.start, SUFFIX_GENDER[suffix], st.tokens)
        st.rule = "noun:possessor"
        return True
    return False


def genitive_agent(st: RoleState) -> bool:
    """إضراب النقابات المهنية: the genitive of an intransitive act is who does it."""
    if st.trig.pos == "noun" and st.source is None and not st.preps and st.genitive_target is None \
            and st.token.reads_as(AGENT_GENITIVE_ACTS):
        st.source = st.mmap.phrase_after(st.m.end - 1, st.clause[1], ("obj",), phrase_stop_words(),
                                         definite_only=True)
        if st.source:
            st.rule += ":genitive-agent"
            return True
    return False
