"""Roles of a verbal-noun trigger from the words around it: its genitive
(غارات التحالف، تدمير تنظيم داعش), a ل agent, بين X و Y, the verb that
governs it, a light verb, or the verb of exposure (تعرض لهجمات من…).

NOUN_RULES, in order (a rule that settles the roles ends the run):
    skip-adverbials, adjective-before-genitive, genitive, lam-agent,
    prepositional-genitive, adjective-before-bain, between, object-nisba,
    genitive-object, governed, exposed, subject-before, light-verb-subject,
    relative-light-verb
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple

from marsad.doc import Doc
from marsad.grammar.words import function_words
from marsad.events.actors import has_actor
from marsad.events.context import (
    exposed_to,
    governing_event,
    is_light_verb,
    light_verb_before,
)
from marsad.grammar.triggers import Trigger
from marsad.grammar.phrase_index import Match
from marsad.rules import run, table
from marsad.grammar.mention_map import MentionMap
from marsad.grammar.words import PREPOSITION_WORDS, RELATIVES, prepositions
from marsad.grammar.predicates import adjective_like, is_count, is_masdar, nisba_ending
from marsad.grammar.stop_words import phrase_stop_words
from marsad.types import Event, Mention

LAM_AGENT_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "THREATEN"})
# whose verbal noun with no listed preposition takes no object: إضراب النقابات (the unions strike)
INTRANSITIVE_TYPES = frozenset({"PROTEST", "RETREAT"})


def target_preps(trig: Trigger) -> tuple[str, ...]:
    """How a trigger takes its target: its listed prepositions, else a direct
    object, except intransitive acts, which take none."""
    return trig.target or (() if trig.type in INTRANSITIVE_TYPES else ("obj",))


NOUN_TARGET_PREPS = prepositions("ب", "ل", "على", "ضد", "مع", "الى", "من", "عن", "في")


def _object_follows(doc: Doc, mmap: MentionMap, k: int, end: int) -> bool:
    """Whether a direct object stands at token k, right after a genitive."""
    if k >= end:
        return False
    tok = doc.tokens[k]
    if k in mmap.starts:
        return not tok.prefix and doc.tokens[k - 1].norm not in PREPOSITION_WORDS
    return tok.is_word and not tok.prefix and not tok.stem.startswith("ال") \
        and tok.norm not in function_words() and not is_count(tok)


class NounRoles(NamedTuple):
    """What the noun rules found: the source, the (genitive) target, the
    event's rule string and the names of the rules that fired."""

    source: Mention | None
    target: Mention | None
    rule: str
    fired: list[str]


@dataclass(eq=False)
class NounState:
    """A verbal-noun trigger as the noun rules see it; `j` is the word after
    the noun (past adverbials and an adjective), where its genitive stands."""

    doc: Doc
    mmap: MentionMap
    m: Match[Trigger]
    trig: Trigger
    clause: tuple[int, int]
    earlier: list[Event]
    light_verb: int | None  # the light verb before the noun in its clause (light_verb_before)
    j: int = 0
    source: Mention | None = None
    target: Mention | None = None
    rule: str = "noun"
    fired: list[str] = field(default_factory=list)
    stop: bool = False

    @cached_property
    def governing(self) -> Event | None:
        """The earlier event whose verb governs the noun (اتهم X Y بتدريب…)."""
        return governing_event(self.doc, self.m.start, self.clause, self.earlier)


def skip_adverbials(st: NounState) -> bool:
    """خروج آخر مقاتلي التنظيم: the genitive stands after adverbial words."""
    st.j = st.mmap.skip_adverbials(st.m.end, st.clause[1])
    return st.j != st.m.end


def adjective_before_genitive(st: NounState) -> bool:
    """قصف مدفعي للجيش: an adjective may stand between the noun and its genitive."""
    j, tokens, end = st.j, st.doc.tokens, st.clause[1]
    if j < end and j not in st.mmap.starts and tokens[j].is_word and not tokens[j].prefix \
            and nisba_ending(tokens[j].norm) and j + 1 < end \
            and tokens[j].norm not in phrase_stop_words():
        st.j += 1
        return True
    return False


def genitive(st: NounState) -> bool:
    """غارات التحالف: the mention right after the noun is its source (for now)."""
    st.source = st.mmap.starts.get(st.j)
    return st.source is not None


def lam_agent(st: NounState) -> bool:
    """غارات لمقاتلات التحالف: ل marks the agent of an attack, a coercion, a
    mobilisation or a threat (but دعما للحوثيين: the recipient)."""
    if st.source and st.mmap.introduced_by(st.j, ("ل",)) and not st.doc.tokens[st.j].prefix.endswith("ب") \
            and st.trig.type in LAM_AGENT_TYPES and st.light_verb is None:
        st.rule = "noun:lam"
        return True
    return False


def prepositional_genitive(st: NounState) -> bool:
    """هجوم على الجيش: a mention after a preposition is no genitive source."""
    if st.source and st.rule == "noun" and st.mmap.introduced_by(st.j, NOUN_TARGET_PREPS):
        st.source = None
        return True
    return False


def adjective_before_bain(st: NounState) -> bool:
    """قمة مرتقبة بين بوتين وترمب: an adjective before بين."""
    j, tokens = st.j, st.doc.tokens
    if st.source is None and j + 1 < st.clause[1] and tokens[j].norm != "بين" and tokens[j + 1].norm == "بين" \
            and j not in st.mmap.starts and tokens[j].is_word and not tokens[j].prefix:
        st.j += 1
        return True
    return False


def between(st: NounState) -> bool:
    """معارك بين الجيش والحوثيين: the two sides after بين (settles the roles)."""
    j = st.j
    if st.source is None and j < st.clause[1] and st.doc.tokens[j].norm == "بين" and j + 1 in st.mmap.starts:
        st.source = st.mmap.starts[j + 1]
        st.target = st.mmap.starts.get(st.source.tokens[1])
        st.rule = "noun:between"
        st.stop = True
        return True
    return False


def object_nisba(st: NounState) -> bool:
    """إسقاط الطائرة الماليزية: the nisba describes the noun the act is done
    to (settles the roles)."""
    m, source = st.m, st.source
    last = st.doc.tokens[m.end - 1]
    if source is not None and source.label == "NORP" and st.j == m.end and m.end - m.start > 1 \
            and last.stem.startswith("ال") and not adjective_like(last):
        st.source, st.target, st.rule = None, source, "noun:object-nisba"
        st.stop = True
        return True
    return False


def genitive_object(st: NounState) -> bool:
    """تدمير تنظيم داعش، تصنيف الإخوان: the genitive of a transitive verbal
    noun is the one acted upon — unless an object follows (استهداف طيران
    التحالف اجتماعا لقيادات حوثية) — and so is that of a governed noun."""
    source, m, tokens = st.source, st.m, st.doc.tokens
    if source and source.label != "NORP" and st.rule == "noun" and (st.governing is not None or (
            "obj" in target_preps(st.trig) and (not (source.actor and source.actor.id)
                                                or is_masdar(tokens[m.start]) and m.end - m.start == 1
                                                and not _object_follows(st.doc, st.mmap, source.tokens[1],
                                                                        st.clause[1])))):
        st.target, st.source = source, None
        return True
    return False


def governed(st: NounState) -> bool:
    """اتهم X Y بتدريب…: a noun governed by an earlier verb has that verb's
    target as its source (settles the roles)."""
    if st.governing is not None and has_actor(st.governing.target):
        st.source, st.rule = st.governing.target, "noun:governed"
        st.stop = True
        return True
    return False


def exposed(st: NounState) -> bool:
    """تعرض المتظاهرون لهجمات من جيش الحكومة: the subject of تعرض is the
    target, the actor after من/يد/قبل the source (settles the roles)."""
    doc, mmap, m, clause = st.doc, st.mmap, st.m, st.clause
    at = exposed_to(doc, m.start, clause[0])
    if at is None or st.target is not None or st.source is not None and st.source.tokens[0] >= m.start:
        return False
    st.target = mmap.verb_subject(at, at + 1, clause)[0] or mmap.subject_after(at, clause[1])
    st.source = None
    tokens = doc.tokens
    for r in range(m.end, min(clause[1] - 1, m.end + 4)):
        if tokens[r].norm in ("من", "يد", "قبل") and r + 1 in mmap.starts:
            st.source = mmap.starts[r + 1]
            break
    st.rule = "noun:exposed"
    st.stop = True
    return True


def subject_before(st: NounState) -> bool:
    """الجيش … هجوما: the subject before the noun in its clause (not a speaker
    announcing it: أعلن الإعلام السوري خروج المقاتلين, the act is another's)."""
    if st.source is not None:
        return False
    source = st.mmap.subject_before(st.m.start, st.clause[0])
    if source is not None and any(c.content[0] >= source.end
                                  for c in st.doc.claim_index().by_speaker_at(source.start)):
        source = None
    st.source = source
    return source is not None


def light_verb_subject(st: NounState) -> bool:
    """شنت قوات الجيش اليمني هجوما: the subject of the light verb before the
    noun (commas of a list or a coordination split the light verb's clause:
    تمكنت الشرطة من تحديد هويته، وإلقاء القبض عليه, so it is sought in the sentence)."""
    if st.source is not None:
        return False
    doc, m = st.doc, st.m
    lv, lv_clause = st.light_verb, st.clause
    if lv is None:
        sent = doc.sentences[doc.sentence_of_token(m.start)]
        lv = light_verb_before(doc, m.start, sent.tokens[0])
        lv_clause = sent.tokens
    if lv is None:
        return False
    st.source, how = st.mmap.verb_subject(lv, lv + 1, lv_clause)
    st.rule = "noun:light" + how
    return True


def relative_light_verb(st: NounState) -> bool:
    """حملات الاختطاف التي تشنها ميليشيات الحوثي، هجوم واسع بدأه الجيش: the
    agent follows a light verb (after a relative, or with a pronoun for the noun)."""
    if st.source is not None:
        return False
    tokens, m, clause = st.doc.tokens, st.m, st.clause
    for r in range(m.end, min(clause[1] - 1, m.end + 3)):
        lv = r + 1 if tokens[r].norm in RELATIVES else r if tokens[r].suffix else None
        if lv is not None and is_light_verb(tokens[lv]):
            st.source = st.mmap.subject_after(lv, clause[1])
            st.rule = "noun:relative"
            return True
    return False


NOUN_RULES = table(
    skip_adverbials,
    adjective_before_genitive,
    genitive,
    lam_agent,
    prepositional_genitive,
    adjective_before_bain,
    between,
    object_nisba,
    genitive_object,
    governed,
    exposed,
    subject_before,
    light_verb_subject,
    relative_light_verb,
)


def noun_roles(doc: Doc, mmap: MentionMap, m: Match[Trigger], trig: Trigger, clause: tuple[int, int],
               earlier: list[Event], light_verb: int | None) -> NounRoles:
    """Source and (genitive) target of a verbal noun, by NOUN_RULES in order:
    غارات التحالف / غارات روسية / قصف مدفعي للجيش → source;
    تدريب مقاتلين / اعتقال ناشطين → target; معارك بين X و Y → X, Y;
    اتهم X Y بتدريب… → Y is the source (the noun is governed by the verb).
    `light_verb`: the light verb before the noun in its clause (light_verb_before)."""
    st = run(NOUN_RULES, NounState(doc, mmap, m, trig, clause, earlier, light_verb))
    return NounRoles(st.source, st.target, st.rule, st.fired)
