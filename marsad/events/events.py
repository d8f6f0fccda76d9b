"""Events: PLOVER triggers with source, target, modality and attribution.

    اتهم رئيس هيئة الأركان الروسية العامة الولايات المتحدة بتدريب…
    → ACCUSE  source=رئيس هيئة الأركان الروسية العامة (Military of Russia)
              target=الولايات المتحدة (United States)
"""
from __future__ import annotations

from marsad.agreement import verb_gender
from marsad.doc import Doc
from marsad.events.actors import (
    SUFFIX_GENDER,
    can_act,
    carried,
    carried_armed,
    has_actor,
    is_victim,
    topics,
)
from marsad.events.context import (
    AIM_VERBS,
    act_noun_before,
    agent_of_described_noun,
    agent_phrase_after,
    clause_subject,
    exposed_to,
    governing_event,
    is_attack_noun,
    is_light_verb,
    is_masdar,
    is_participle,
    light_verb_before,
    past_act_adjectives,
    reported_as_ongoing,
)
from marsad.events.lexicon import Trigger
from marsad.events.modality import clause_governors, event_modality, governor_positions
from marsad.events.passes import (
    complement_targets,
    dedupe,
    drop_complement_acts,
    drop_results,
)
from marsad.events.triggers import find_triggers, trigger_starts
from marsad.lexicon import Match
from marsad.resources import grammar_words
from marsad.syntax import (
    PREPOSITION_WORDS,
    RELATIVES,
    MentionMap,
    adjective_like,
    is_count,
    phrase_stop_words,
)
from marsad.text.clitics import lookup_keys, prefix_for_key
from marsad.types import Attribution, DateValue, Event, Mention, Span, evolve

OBJECT_WINDOW = 10
NOUN_AFTER_VERB = 2  # a noun this close after a verb trigger is its object
RECIPROCAL_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE", "ACCUSE"})
LAM_AGENT_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "THREATEN"})
VIOLENT_TYPES = frozenset({"ASSAULT", "COERCE", "RETREAT", "PROTEST"})
# Nouns of these types with no actor usually refer back to a known agreement,
# sanction or aid ("الاتفاق"، "العقوبات") rather than report a new act.
REFERRED_TYPES = frozenset({"AGREE", "SUPPORT", "SANCTION", "AID", "COOPERATE", "CONSULT", "REQUEST", "CONCEDE"})
DAMMA = "\u064f"
PASSIVE_AGENT_WORDS = frozenset({"يد", "قبل", "رصاص", "نيران", "ايدي"})  # على يد X، برصاص X
ADJUNCT_STARTS = grammar_words("adjunct_starts")
CLAUSE_ENDS = frozenset({".", "؛", '"', "»", "”"})  # not commas: an adjunct may stand before the object
NOUN_TARGET_PREPS = ("ب", "ل", "على", "ضد", "مع", "الى", "من", "عن", "في")


ALLEGATION_NOUNS = grammar_words("allegation_nouns")


def _last_speaker(doc: Doc, before: int, other: Mention | None) -> Mention | None:
    """The speaker of the latest claim before `before` who is not `other`."""
    for c in reversed(doc.claims):
        if c.cue.start < before and c.speaker is not None and c.speaker.rule != "phrase" \
                and (other is None or c.speaker.text != other.text):
            return c.speaker
    return None


class EventExtractor:
    name = "events"
    requires = ("tokens", "sentences", "mentions", "claims")
    provides = ("events",)

    def __call__(self, doc: Doc) -> Doc:
        mmap = MentionMap(doc)
        # Explicit subjects seen so far, by token position, for pronoun subjects.
        subjects: list[tuple[int, Mention]] = sorted(
            [(c.speaker.tokens[0], c.speaker) for c in doc.claims
             if c.speaker and ":carried" not in c.rule and c.speaker.rule != "phrase" and can_act(c.speaker)]
            + topics(doc, mmap),
            key=lambda x: x[0],  # by position only: mentions have no order
        )
        events: list[Event] = []
        starts, governing = trigger_starts(doc), governor_positions(doc)  # per-word tables, once per document
        for s_i, sent in enumerate(doc.sentences):
            a, b = sent.tokens
            matches = find_triggers(doc, a, b, mmap.covering, starts)
            sent_events: list[Event] = []
            verb_ends: list[int] = []
            role_ends: set[int] = set()  # ends of verb roles that follow the verb
            trigger_ends: list[int] = []
            governors = clause_governors(doc, s_i, governing) if matches else ([], [])
            for m in matches:
                trig = m.payloads[0]
                if trig.pos == "noun" and trig.type != "PROTEST" and (
                        any(0 <= m.start - e < NOUN_AFTER_VERB for e in verb_ends)
                        or m.start in role_ends and not doc.tokens[m.start].prefix
                        or any(m.start - e == 1 and doc.tokens[e].norm in PREPOSITION_WORDS for e in trigger_ends)):
                    continue  # رفضت اتهامات، انسحابها من الاتفاق: the noun is the other event's object
                trigger_ends.append(m.end)
                event = self._event(doc, mmap, s_i, m, trig, subjects, sent_events, governors)
                if trig.pos != "noun":
                    verb_ends.append(m.end)
                if event:
                    sent_events.append(event)
                    if trig.pos != "noun":
                        # تكبدت مليشيا الحوثي خسائر: a noun right after the verb's subject is its object
                        role_ends.update(r.tokens[1] for r in (event.source, event.target)
                                         if r is not None and r.tokens[0] >= m.end)
                    if event.source and event.rule in ("verb", "verb:svo", "noun:light", "noun:light:svo") \
                            and can_act(event.source):  # explicit subjects, also of light verbs
                        subjects.append((event.source.tokens[0], event.source))
                        subjects.sort(key=lambda x: x[0])
            sent_events = drop_complement_acts(doc, drop_results(doc, sent_events))
            events.extend(dedupe(complement_targets(doc, sent_events)))
        doc.events = events
        return doc

    def _event(self, doc: Doc, mmap: MentionMap, s_i: int, m: Match[Trigger], trig: Trigger,
               subjects: list[tuple[int, Mention]], earlier: list[Event],
               governors: tuple[list[int], list[int]]) -> Event | None:
        sent = doc.sentences[s_i]
        tokens = doc.tokens
        clause = next((c for c in sent.clauses if c[0] <= m.start < c[1]), sent.tokens)
        source: Mention | None = None
        genitive_target: Mention | None = None
        if trig.pos == "verb" and trig.type == "ASSAULT" and tokens[m.start].key in AIM_VERBS:
            aimed = act_noun_before(doc, m.start, clause[0])
            if aimed is not None and aimed != "ASSAULT":
                trig = evolve(trig, type=aimed)  # العقوبات الجديدة تستهدف X: the sanctions aim at X
        if trig.pos == "verb" and is_masdar(tokens[m.start]):
            trig = evolve(trig, pos="noun")  # إطلاق الصواريخ: a two-part entry's verbal noun is a noun
        rule = trig.pos
        passive = trig.pos == "passive" and (trig.type == "ASSAULT" or self._reads_passive(doc, mmap, m, trig, clause)) \
            or trig.pos == "verb" and (DAMMA in tokens[m.start].text[:3] or self._reads_passive(doc, mmap, m, trig, clause))
        if trig.pos in ("verb", "passive") and not passive and agent_phrase_after(doc, mmap, m.end, clause[1]):
            passive = True  # رُفض من قبل دول…: an agent phrase marks the passive
        if trig.pos in ("verb", "passive") and not passive and is_participle(tokens[m.start]):
            # تظاهر الآلاف، مطالبين رئيس الوزراء بالرحيل: a circumstantial participle has the
            # subject of the sentence; what follows it is its object
            source = carried(subjects, m.start, None, tokens)
            rule += ":participle"
        elif trig.pos in ("verb", "passive") and not passive and m.end - m.start > 1 and m.end - 1 in mmap.starts:
            source = mmap.starts[m.end - 1]  # أدانتهم محكمة الفساد: the entry ends with its subject's head
            rule += ":inside"
        elif trig.pos in ("verb", "passive") and not passive:
            source, how = mmap.verb_subject(m.start, m.end, clause)
            rule += how
            if source is None and not tokens[m.start].prefix and verb_gender(tokens[m.start]) != "p":
                # فرض الاتحاد الأوروبي…/ تظاهر آلاف المحتجين: an unlisted subject
                source = mmap.phrase_after(m.end - 1, clause[1], ("obj",), phrase_stop_words(), definite_only=True)
                rule += ":phrase" if source else ""
            if source is None and (agent := agent_of_described_noun(doc, mmap, m.start, sent.tokens[0])):
                source, rule = agent, rule + ":described"
            if source is None:
                source = carried(subjects, m.start, verb_gender(tokens[m.start]), tokens)
                rule += ":carried" if source else ":nosubj"
        if trig.pos == "noun":
            source, genitive_target, rule = self._noun_roles(doc, mmap, m, trig, clause, earlier)
            suffix = tokens[m.end - 1].suffix
            if source is None and suffix in SUFFIX_GENDER and rule != "noun:exposed":
                # اجتماعه مع…، لقائها: the possessor is the actor the text is about
                source = carried(subjects, m.start, SUFFIX_GENDER[suffix], tokens)
                rule = "noun:possessor"
        preps = trig.target or ("obj",)
        if source and source.tokens[0] > m.start:
            after = source.tokens[1] - 1
        else:
            after = past_act_adjectives(doc, m.end - 1)
        nxt = tokens[m.end] if m.end < len(tokens) else None
        victim_before = mmap.subject_before(m.start, sent.tokens[0]) if passive else None  # a quoted verb is a clause
        if victim_before is not None and (nxt is None or nxt.text in CLAUSE_ENDS or nxt.norm in ADJUNCT_STARTS):
            target = victim_before  # أن خاشقجي "قتل" داخل القنصلية: nothing follows, the subject is the victim
        else:
            target = genitive_target or mmap.object_after(after, sent.tokens[1], preps, OBJECT_WINDOW, exclude=source)
        if passive and target is None:
            # إن إقبال أصيب برصاصة: the subject is the victim
            target = mmap.object_after(m.end - 1, sent.tokens[1], ("obj",), OBJECT_WINDOW) or victim_before
        if trig.pos == "noun" and source is None and target is not None and trig.type == "ASSAULT" \
                and mmap.introduced_by(target.tokens[0], ("مع", "ضد")):
            # معارك متواصلة مع الحوثيين: the other side is the actor the story is about
            source = carried(subjects, m.start, None, tokens)
            rule += ":carried" if source else ""
        if target is None and source is not None and trig.type in RECIPROCAL_TYPES:
            # اجتمع X و Y، تبادل الجيش وقوات المعارضة اتهامات: the other party is the target
            target = mmap.conjunct_after(source)
        if target is None:
            target = mmap.phrase_after(after, clause[1], preps, phrase_stop_words())
        if passive:
            source = self._passive_agent(doc, mmap, m.end, sent.tokens[1])
            rule += ":passive"
        if trig.type in ("REJECT", "ACCUSE") and target is not None and target.rule == "phrase" \
                and tokens[target.tokens[0]].key in ALLEGATION_NOUNS:
            # ترفض موسكو الادعاءات: what is rejected is a claim; its speaker is the target
            target = _last_speaker(doc, tokens[m.start].start, source) or target
        if trig.pos == "noun" and not has_actor(source) and not has_actor(target) and (
                trig.type in REFERRED_TYPES or tokens[m.start].stem.startswith("ال") and trig.type not in VIOLENT_TYPES
                or tokens[m.start].prefix.endswith("ل")):
            # "الاتفاق"، "العقوبات" with no actor: a reference back, not a new act;
            # "للقضاء على التطرف": a purpose, not an act
            return None
        if trig.pos == "noun" and source is None and target is None and trig.type not in ("PROTEST", "MOBILIZE", "RETREAT") \
                and not (trig.type == "ASSAULT" and reported_as_ongoing(doc, m.end, clause[1])):
            return None
        if source is not None and trig.type in ("ASSAULT", "COERCE", "ACCUSE", "SANCTION") and is_victim(source):
            # قتل 13 شخصا، مقتل مدنيين: the people counted are the victims, not the attackers
            source, target = None, target or source
        if trig.pos == "noun" and source is None and rule in ("noun", "noun:light"):
            # only for an act already kept: a clause's actor does not make an event of a mere noun
            source = clause_subject(doc, mmap, m.start, clause[0])
            rule += ":clause" if source else ""
        if trig.pos == "noun" and source is None and rule == "noun" and trig.type == "ASSAULT":
            # الغارات، المعارك with no agent in the sentence: the armed actor the story follows
            speakers = [c.speaker for c in doc.claims if c.speaker and c.sentence == s_i
                        and c.content[0] <= tokens[m.start].start < c.content[1]]
            source = carried_armed(subjects, m.start, [target, *speakers])
            rule += ":carried" if source else ""
        if trig.pos == "noun" and source is None and rule.startswith("noun:light"):
            lv = light_verb_before(doc, m.start, clause[0])  # وتمكنت من تحرير…: the light verb's pronoun
            source = carried(subjects, m.start, None if lv is None else verb_gender(tokens[lv]), tokens)
            rule += ":carried" if source else ""
        anchor = m.start
        if trig.pos == "noun":  # سوف تفرض X عقوبات: the light verb carries the modality
            lv = light_verb_before(doc, m.start, clause[0])
            anchor = m.start if lv is None else lv
        negated, hedged = event_modality(doc, sent.tokens[0], anchor, governors)
        trig_tok = tokens[m.start]
        t_start = trig_tok.start_after(prefix_for_key(trig_tok.light, m.key))
        trigger = Span(t_start, tokens[m.end - 1].end, doc.text[t_start:tokens[m.end - 1].end])
        attribution = next(
            (Attribution(c.speaker, c.cue) for c in doc.claims
             if c.sentence == s_i and c.content[0] <= trigger.start < c.content[1]),
            None,
        )
        clause_span = (tokens[clause[0]].start, tokens[clause[1] - 1].end)
        confidence = 0.4 + 0.2 * (source is not None) + 0.2 * (target is not None) - 0.1 * ("carried" in rule)
        return Event(
            type=trig.type, trigger=trigger, source=source, target=target,
            evidence=(sent.start, sent.end) if clause_span[1] - clause_span[0] < 20 else clause_span,
            sentence=s_i, mode=trig.mode, negated=negated, hedged=hedged, attribution=attribution,
            date=DateValue(doc.date, "day") if doc.date else DateValue(None, "unknown"),
            confidence=confidence, rule=rule,
        )

    @staticmethod
    def _noun_roles(doc: Doc, mmap: MentionMap, m: Match[Trigger], trig: Trigger, clause: tuple[int, int],
                    earlier: list[Event]) -> tuple[Mention | None, Mention | None, str]:
        """Source and (genitive) target of a verbal noun:
        غارات التحالف / غارات روسية / قصف مدفعي للجيش → source;
        تدريب مقاتلين / اعتقال ناشطين → target; معارك بين X و Y → X, Y;
        اتهم X Y بتدريب… → Y is the source (the noun is governed by the verb)."""
        tokens = doc.tokens
        j = mmap.skip_adverbials(m.end, clause[1])  # خروج آخر مقاتلي التنظيم
        # An adjective may stand between the noun and its genitive: قصف مدفعي للجيش
        if j < clause[1] and j not in mmap.starts and tokens[j].is_word and not tokens[j].prefix \
                and tokens[j].norm.endswith(("ي", "يه")) and j + 1 < clause[1] \
                and tokens[j].norm not in phrase_stop_words():
            j += 1
        source = mmap.starts.get(j)
        target: Mention | None = None
        rule = "noun"
        if source and mmap.introduced_by(j, ("ل",)) and not tokens[j].prefix.endswith("ب") \
                and trig.type in LAM_AGENT_TYPES and light_verb_before(doc, m.start, clause[0]) is None:
            rule = "noun:lam"  # غارات لمقاتلات التحالف: ل marks the agent (but دعما للحوثيين: the recipient)
        elif source and mmap.introduced_by(j, NOUN_TARGET_PREPS):
            source = None
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
                "obj" in trig.target and not (source.actor and source.actor.id))):
            target, source = source, None  # a generic genitive is the one acted upon
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
            if source is not None and any(c.speaker is not None and c.speaker.start == source.start
                                          and c.content[0] >= source.end for c in doc.claims):
                source = None  # أعلن الإعلام السوري خروج المقاتلين: the speaker announces, the act is another's
        if source is None:
            lv = light_verb_before(doc, m.start, clause[0])
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

    @staticmethod
    def _reads_passive(doc: Doc, mmap: MentionMap, m: Match[Trigger], trig: Trigger,
                       clause: tuple[int, int]) -> bool:
        """Undiacritised `قتل 13 شخصا` / `اعتقل عشرات المحتجين`: a violent verb
        followed by a count or by victims reads as passive (قُتل) — unless an
        actor stands right before it (`وكان الجيش هاجم عشرات المواقع`)."""
        if trig.type not in ("ASSAULT", "COERCE") or m.end >= len(doc.tokens):
            return False
        nxt = doc.tokens[m.end]
        if "obj" in trig.target and m.end - m.start == 1 and (nxt.text in CLAUSE_ENDS
                                                              or nxt.norm in ADJUNCT_STARTS):
            return True  # أن خاشقجي قتل داخل القنصلية: a transitive verb with no object is passive
        if mmap.subject_before(m.start, clause[0]) or mmap.kana_subject(m.start, clause[0]):
            return False
        if is_count(nxt) and verb_gender(doc.tokens[m.start]) != "f":
            return True  # قتل 13 شخصا (but اعتقلت عشرات: she arrested dozens)
        victim = mmap.starts.get(m.end)
        # قتل ضابط شرطة، اعتقل ناشطون: a generic person right after the verb is its victim
        return bool(victim and victim.actor and victim.actor.id is None
                    and (victim.actor.sector == "CVL" or victim.label == "PER" and victim.rule == "head"))

    @staticmethod
    def _passive_agent(doc: Doc, mmap: MentionMap, i: int, end: int) -> Mention | None:
        """`على يد X`، `من قبل X`، `برصاص X` after a passive verb name the agent."""
        for j in range(i, min(end, i + OBJECT_WINDOW)):
            tok = doc.tokens[j]
            if j + 1 in mmap.starts and (tok.norm in PASSIVE_AGENT_WORDS or tok.stem in PASSIVE_AGENT_WORDS
                                         or any(k in PASSIVE_AGENT_WORDS for k in lookup_keys(tok.light))):
                return mmap.starts[j + 1]
            if "ب" in tok.prefix and j not in mmap.starts and is_attack_noun(doc, j, end):
                behind = mmap.actor_behind(j, end)  # بغارة جوية للتحالف العربي
                if behind is not None:
                    return behind
        return None
