"""Roles of a verbal-noun trigger from the words around it: its genitive
(غارات التحالف، تدمير تنظيم داعش), a ل agent, بين X و Y, the verb that
governs it, a light verb, or the verb of exposure (تعرض لهجمات من…).
"""
from __future__ import annotations

from marsad.doc import Doc
from marsad.grammar.predicates import adjective_like, is_count, is_masdar, nisba_ending
from marsad.grammar.stop_words import phrase_stop_words
from marsad.grammar.words import PREPOSITION_WORDS, RELATIVES, function_words, prepositions
from marsad.events.actors import has_actor
from marsad.events.context import (
    exposed_to,
    governing_event,
    is_light_verb,
    light_verb_before,
)
from marsad.grammar.triggers import Trigger
from marsad.grammar.phrase_index import Match
from marsad.grammar.mention_map import MentionMap
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


def noun_roles(doc: Doc, mmap: MentionMap, m: Match[Trigger], trig: Trigger, clause: tuple[int, int],
                earlier: list[Event], light_verb: int | None) -> tuple[Mention | None, Mention | None, str]:
    """Source and (genitive) target of a verbal noun:
    غارات التحالف / غارات روسية / قصف مدفعي للجيش → source;
    تدريب مقاتلين / اعتقال ناشطين → target; معارك بين X و Y → X, Y;
    اتهم X Y بتدريب… → Y is the source (the noun is governed by the verb).
    `light_verb`: the light verb before the noun in its clause (light_verb_before)."""
    tokens = doc.tokens
    j = mmap.skip_adverbials(m.end, clause[1])  # خروج آخر مقاتلي التنظيم
    # An adjective may stand between the noun and its genitive: قصف مدفعي للجيش
    if j < clause[1] and j not in mmap.starts and tokens[j].is_word and not tokens[j].prefix \
            and nisba_ending(tokens[j].norm) and j + 1 < clause[1] \
            and tokens[j].norm not in phrase_stop_words():
        j += 1
    source = mmap.starts.get(j)
    target: Mention | None = None
    rule = "noun"
    if source and mmap.introduced_by(j, ("ل",)) and not tokens[j].prefix.endswith("ب") \
            and trig.type in LAM_AGENT_TYPES and light_verb is None:
        rule = "noun:lam"  # غارات لمقاتلات التحالف: ل marks the agent (but دعما للحوثيين: the recipient)
    elif source and mmap.introduced_by(j, NOUN_TARGET_PREPS):
        source = None
    if source is None and j + 1 < clause[1] and tokens[j].norm != "بين" and tokens[j + 1].norm == "بين" \
            and j not in mmap.starts and tokens[j].is_word and not tokens[j].prefix:
        j += 1  # قمة مرتقبة بين بوتين وترمب: an adjective before بين
    if source is None and j < clause[1] and tokens[j].norm == "بين" and j + 1 in mmap.starts:
        source = mmap.starts[j + 1]  # معارك بين الجيش والحوثيين
        nxt = mmap.starts.get(source.tokens[1])
        return source, nxt, "noun:between"
    last = tokens[m.end - 1]
    if source is not None and source.label == "NORP" and j == m.end and m.end - m.start > 1 \
            and last.stem.startswith("ال") and not adjective_like(last):
        # إسقاط الطائرة الماليزية: the nisba describes the noun the act is done to
        return None, source, "noun:object-nisba"
    governing = governing_event(doc, m.start, clause, earlier)
    if source and source.label != "NORP" and rule == "noun" and (governing is not None or (
            "obj" in target_preps(trig) and (not (source.actor and source.actor.id)
                                      or is_masdar(tokens[m.start]) and m.end - m.start == 1
                                      and not _object_follows(doc, mmap, source.tokens[1], clause[1])))):
        # تدمير تنظيم داعش، تصنيف الإخوان: the genitive of a transitive verbal noun is the one
        # acted upon — unless an object follows (استهداف طيران التحالف اجتماعا لقيادات حوثية)
        target, source = source, None
    if governing is not None and has_actor(governing.target):
        return governing.target, target, "noun:governed"
    exposed = exposed_to(doc, m.start, clause[0])
    if exposed is not None and target is None and (source is None or source.tokens[0] < m.start):
        # تعرض المتظاهرون لهجمات من جيش الحكومة: the subject of تعرض is the target
        target = mmap.verb_subject(exposed, exposed + 1, clause)[0] or mmap.subject_after(exposed, clause[1])
        source = None
        for r in range(m.end, min(clause[1] - 1, m.end + 4)):
            if tokens[r].norm in ("من", "يد", "قبل") and r + 1 in mmap.starts:
                source = mmap.starts[r + 1]
                break
        return source, target, "noun:exposed"
    if source is None:
        source = mmap.subject_before(m.start, clause[0])
        if source is not None and any(c.content[0] >= source.end
                                      for c in doc.claim_index().by_speaker_at(source.start)):
            source = None  # أعلن الإعلام السوري خروج المقاتلين: the speaker announces, the act is another's
    if source is None:
        lv = light_verb
        lv_clause = clause
        if lv is None:
            # تمكنت الشرطة من تحديد هويته، وإلقاء القبض عليه; تجري الدول الثلاث، بريطانيا وفرنسا
            # وألمانيا، مشاورات: commas of a list or a coordination split the light verb's clause
            sent = doc.sentences[doc.sentence_of_token(m.start)]
            lv = light_verb_before(doc, m.start, sent.tokens[0])
            lv_clause = sent.tokens
        if lv is not None:
            source, how = mmap.verb_subject(lv, lv + 1, lv_clause)
            rule = "noun:light" + how
    if source is None:
        # حملات الاختطاف التي تشنها ميليشيات الحوثي، هجوم واسع بدأه الجيش:
        # the agent follows a light verb (after a relative, or with a pronoun for the noun)
        for r in range(m.end, min(clause[1] - 1, m.end + 3)):
            lv = r + 1 if tokens[r].norm in RELATIVES else r if tokens[r].suffix else None
            if lv is not None and is_light_verb(tokens[lv]):
                source = mmap.subject_after(lv, clause[1])
                rule = "noun:relative"
                break
    return source, target, rule
