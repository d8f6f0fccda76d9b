"""Events: PLOVER triggers with source, target, modality and attribution.

    اتهم رئيس هيئة الأركان الروسية العامة الولايات المتحدة بتدريب…
    → ACCUSE  source=رئيس هيئة الأركان الروسية العامة (Military of Russia)
              target=الولايات المتحدة (United States)
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace
from functools import cache, lru_cache

from marsad.agreement import agrees, mention_gender, verb_gender
from marsad.doc import Doc
from marsad.events.lexicon import Trigger, trigger_indexes
from marsad.events.modality import clause_governors, event_modality
from marsad.events.triggers import find_triggers
from marsad.lexicon import Match
from marsad.resources import grammar_words, read_words
from marsad.syntax import (COMPLEMENTIZERS, PREPOSITION_WORDS, QUOTE_MARKS, RELATIVES, MentionMap,
                           adjective_like, phrase_stop_words, prep_clitic)
from marsad.text.clitics import lookup_keys, prefix_for_key, verb_keys
from marsad.text.normalize import fold
from marsad.types import Attribution, DateValue, Event, Mention, Span, Token

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
NUMBER_WORDS = grammar_words("number_words")
ADJUNCT_STARTS = grammar_words("adjunct_starts")
CLAUSE_ENDS = frozenset({".", "؛", '"', "»", "”"})  # not commas: an adjunct may stand before the object
PREPOSITION_WORDS_AND_CLITICS = (*PREPOSITION_WORDS, "ب", "ل", "ك")
NOUN_TARGET_PREPS = ("ب", "ل", "على", "ضد", "مع", "الى", "من", "عن", "في")


class EventExtractor:
    name = "events"
    requires = ("tokens", "sentences", "mentions", "claims")
    provides = ("events",)

    def __call__(self, doc: Doc) -> Doc:
        mmap = MentionMap(doc)
        # Explicit subjects seen so far, by token position, for pronoun subjects.
        subjects: list[tuple[int, Mention]] = sorted(
            [(c.speaker.tokens[0], c.speaker) for c in doc.claims
             if c.speaker and ":carried" not in c.rule and c.speaker.rule != "phrase" and _can_act(c.speaker)]
            + _topics(doc, mmap),
            key=lambda x: x[0],  # by position only: mentions have no order
        )
        events: list[Event] = []
        for s_i, sent in enumerate(doc.sentences):
            a, b = sent.tokens
            matches = find_triggers(doc, a, b, mmap.covering)
            sent_events: list[Event] = []
            verb_ends: list[int] = []
            role_ends: set[int] = set()  # ends of verb roles that follow the verb
            trigger_ends: list[int] = []
            governors = clause_governors(doc, s_i) if matches else ([], [])
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
                    if trig.pos != "noun":  # تكبدت مليشيا الحوثي خسائر: a noun after the verb's subject is its object
                        role_ends.update(r.tokens[1] for r in (event.source, event.target)
                                         if r is not None and r.tokens[0] >= m.end)
                    if event.source and event.rule in ("verb", "verb:svo", "noun:light", "noun:light:svo") \
                            and _can_act(event.source):  # explicit subjects, also of light verbs
                        subjects.append((event.source.tokens[0], event.source))
                        subjects.sort(key=lambda x: x[0])
            sent_events = _drop_complement_acts(doc, _drop_results(doc, sent_events))
            events.extend(_dedupe(_complement_targets(doc, sent_events)))
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
            aimed = _act_noun_before(doc, m.start, clause[0])
            if aimed is not None and aimed != "ASSAULT":
                trig = replace(trig, type=aimed)  # العقوبات الجديدة تستهدف X: the sanctions aim at X
        if trig.pos == "verb" and is_masdar(tokens[m.start]):
            trig = replace(trig, pos="noun")  # إطلاق الصواريخ: a two-part entry's verbal noun is a noun
        rule = trig.pos
        passive = trig.pos == "passive" and (trig.type == "ASSAULT" or self._reads_passive(doc, mmap, m, trig, clause)) \
            or trig.pos == "verb" and (DAMMA in tokens[m.start].text[:3] or self._reads_passive(doc, mmap, m, trig, clause))
        if trig.pos in ("verb", "passive") and not passive and _agent_phrase_after(doc, mmap, m.end, clause[1]):
            passive = True  # رُفض من قبل دول…: an agent phrase marks the passive
        if trig.pos in ("verb", "passive") and not passive and _is_participle(tokens[m.start]):
            # تظاهر الآلاف، مطالبين رئيس الوزراء بالرحيل: a circumstantial participle has the
            # subject of the sentence; what follows it is its object
            source = _carried(subjects, m.start, None, tokens)
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
            if source is None and (agent := _agent_of_described_noun(doc, mmap, m.start, sent.tokens[0])):
                source, rule = agent, rule + ":described"
            if source is None:
                source = _carried(subjects, m.start, verb_gender(tokens[m.start]), tokens)
                rule += ":carried" if source else ":nosubj"
        if trig.pos == "noun":
            source, genitive_target, rule = self._noun_roles(doc, mmap, m, trig, clause, earlier)
            suffix = tokens[m.end - 1].suffix
            if source is None and suffix in SUFFIX_GENDER and rule != "noun:exposed":
                # اجتماعه مع…، لقائها: the possessor is the actor the text is about
                source = _carried(subjects, m.start, SUFFIX_GENDER[suffix], tokens)
                rule = "noun:possessor"
        preps = trig.target or ("obj",)
        after = source.tokens[1] - 1 if source and source.tokens[0] > m.start else _past_act_adjectives(doc, m.end - 1)
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
            source = _carried(subjects, m.start, None, tokens)
            rule += ":carried" if source else ""
        if target is None and source is not None and trig.type in RECIPROCAL_TYPES:
            # اجتمع X و Y، تبادل الجيش وقوات المعارضة اتهامات: the other party is the target
            target = mmap.conjunct_after(source)
        if target is None:
            target = mmap.phrase_after(after, clause[1], preps, phrase_stop_words())
        if passive:
            source = self._passive_agent(doc, mmap, m.end, sent.tokens[1])
            rule += ":passive"
        if trig.pos == "noun" and not _has_actor(source) and not _has_actor(target) and (
                trig.type in REFERRED_TYPES or tokens[m.start].stem.startswith("ال") and trig.type not in VIOLENT_TYPES
                or tokens[m.start].prefix.endswith("ل")):
            # "الاتفاق"، "العقوبات" with no actor: a reference back, not a new act;
            # "للقضاء على التطرف": a purpose, not an act
            return None
        if trig.pos == "noun" and source is None and target is None and trig.type not in ("PROTEST", "MOBILIZE", "RETREAT") \
                and not (trig.type == "ASSAULT" and _reported_as_ongoing(doc, m.end, clause[1])):
            return None
        if source is not None and trig.type in ("ASSAULT", "COERCE", "ACCUSE", "SANCTION") and _is_victim(source):
            # قتل 13 شخصا، مقتل مدنيين: the people counted are the victims, not the attackers
            source, target = None, target or source
        if trig.pos == "noun" and source is None and rule in ("noun", "noun:light"):
            # only for an act already kept: a clause's actor does not make an event of a mere noun
            source = _clause_subject(doc, mmap, m.start, clause[0])
            rule += ":clause" if source else ""
        if trig.pos == "noun" and source is None and rule == "noun" and trig.type == "ASSAULT":
            # الغارات، المعارك with no agent in the sentence: the armed actor the story follows
            speakers = [c.speaker for c in doc.claims if c.speaker and c.sentence == s_i
                        and c.content[0] <= tokens[m.start].start < c.content[1]]
            source = _carried_armed(subjects, m.start, [target, *speakers])
            rule += ":carried" if source else ""
        if trig.pos == "noun" and source is None and rule.startswith("noun:light"):
            lv = _light_verb_before(doc, m.start, clause[0])  # وتمكنت من تحرير…: the light verb's pronoun
            source = _carried(subjects, m.start, None if lv is None else verb_gender(tokens[lv]), tokens)
            rule += ":carried" if source else ""
        anchor = m.start
        if trig.pos == "noun":  # سوف تفرض X عقوبات: the light verb carries the modality
            lv = _light_verb_before(doc, m.start, clause[0])
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
                and trig.type in LAM_AGENT_TYPES and _light_verb_before(doc, m.start, clause[0]) is None:
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
        governing = _governing_event(doc, m.start, clause, earlier)
        if source and source.label != "NORP" and rule == "noun" and (governing is not None or (
                "obj" in trig.target and not (source.actor and source.actor.id))):
            target, source = source, None  # a generic genitive is the one acted upon
        if governing is not None and _has_actor(governing.target):
            return governing.target, target, "noun:governed"
        exposed = _exposed_to(doc, m.start, clause[0])
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
            lv = _light_verb_before(doc, m.start, clause[0])
            lv_clause = clause
            if lv is None:
                # تمكنت الشرطة من تحديد هويته، وإلقاء القبض عليه; تجري الدول الثلاث، بريطانيا وفرنسا
                # وألمانيا، مشاورات: commas of a list or a coordination split the light verb's clause
                sent = doc.sentences[doc.sentence_of_token(m.start)]
                lv = _light_verb_before(doc, m.start, sent.tokens[0])
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
        if (nxt.norm.isdigit() or nxt.norm in NUMBER_WORDS) and verb_gender(doc.tokens[m.start]) != "f":
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
            if "ب" in tok.prefix and j not in mmap.starts and _is_attack_noun(doc, j, end):
                behind = mmap.actor_behind(j, end)  # بغارة جوية للتحالف العربي
                if behind is not None:
                    return behind
        return None

GOVERNED_REACH = 2  # اتهم X Y بتدريب: the noun follows the verb's object closely


def _governing_event(doc: Doc, i: int, clause: tuple[int, int], earlier: list[Event]) -> Event | None:
    """The verb event whose `بـ`/`لـ` complement the noun at token i is."""
    tok = doc.tokens[i]
    if "ب" not in tok.prefix and "ل" not in tok.prefix:
        return None
    for ev in reversed(earlier):
        if ev.target is not None and ev.rule.startswith("verb") and doc.tokens[clause[0]].start <= ev.trigger.start \
                and ev.target.tokens[1] <= i <= ev.target.tokens[1] + GOVERNED_REACH:
            return ev
    return None


TOPIC_WINDOW = 4


def _topics(doc: Doc, mmap: MentionMap) -> list[tuple[int, Mention]]:
    """The actor near the start of each sentence (`أصدر مجلس الأمن بيانا…`):
    the usual subject of what follows when verbs carry it as a pronoun."""
    out = []
    for sent in doc.sentences:
        a, b = sent.tokens
        for j in range(a, min(b, a + TOPIC_WINDOW)):
            m = mmap.starts.get(j)
            if m and m.label != "NORP" and _can_act(m) and not mmap.introduced_by(
                    j, ("ب", "ل", "في", "من", "على", "الى", "عن")):
                out.append((j, m))
                break
    return out


LIGHT_VERB_REACH = 4  # شنت قوات الجيش اليمني هجوما: verb, subject, then the noun


@cache
def light_verbs() -> frozenset[str]:
    return read_words("light_verbs.txt")


@lru_cache(maxsize=50_000)
def _light_verb_word(light: str) -> bool:
    """Whether a word is a light verb, also with a pronoun object (تشنها)."""
    lv = light_verbs()
    return any(k in lv for k in verb_keys(light))


def is_light_verb(tok: Token) -> bool:
    lv = light_verbs()
    return tok.norm in lv or tok.key in lv or (tok.is_word and _light_verb_word(tok.light))


def _light_verb_before(doc: Doc, i: int, clause_start: int) -> int | None:
    """Token index of a light verb shortly before the event noun at i."""
    for j in range(i - 1, max(clause_start, i - 1 - LIGHT_VERB_REACH * 2) - 1, -1):
        if is_light_verb(doc.tokens[j]):
            return j
    return None


EXPOSED_VERBS = grammar_words("exposed_verbs")


def _exposed_to(doc: Doc, i: int, clause_start: int) -> int | None:
    """Index of تعرض right before the noun at i (تعرض لهجوم), or None."""
    for j in range(i - 1, max(clause_start, i - 5) - 1, -1):
        if doc.tokens[j].key in EXPOSED_VERBS or doc.tokens[j].norm in EXPOSED_VERBS:
            return j
    return None


@cache
def act_adjectives() -> frozenset[str]:
    return read_words("act_adjectives.txt")


def _past_act_adjectives(doc: Doc, i: int) -> int:
    """The last token of `عقوبات جديدة` / `غارات مكثفة` / `حملات اعتقال واختطاف
    واسعة` from its noun at i: adjectives and coordinated act nouns."""
    adjectives = act_adjectives()
    acts = trigger_indexes()[1]
    while i + 1 < len(doc.tokens) and doc.tokens[i + 1].is_word:
        nxt = doc.tokens[i + 1]
        if not (not nxt.prefix and nxt.norm in adjectives or nxt.prefix == "و" and nxt.key in acts):
            break
        i += 1
    return i


def _is_participle(tok: Token) -> bool:
    """An accusative active participle used as a verb (مطالبين، داعيا، مهددا،
    متهمة): م + at least four letters, ending in -ين / -ا / -ة."""
    w = tok.stem
    return not tok.prefix and w.startswith("م") and len(w) >= 5 and w.endswith(("ين", "ا", "ة", "ً"))


def is_masdar(tok: Token) -> bool:
    """Verbal nouns of derived verbs, which verb lexicons list beside the
    verbs: إفعال (إطلاق), تفعيل (تحميل), افتعال (اعتقال), استفعال (استهداف).

    >>> from marsad.text.tokens import tokenize
    >>> [is_masdar(t) for t in tokenize("إطلاق تحميل استهداف أطلق حمل")]
    [True, True, True, False, False]
    """
    w = fold(tok.stem)
    w = w[2:] if w.startswith("ال") else w
    return (len(w) == 5 and (w[0] == "ت" and w[3] == "ي" or w[0] == "ا" and w[3] == "ا")
            or len(w) == 6 and w[0] == "ا" and w[2] == "ت" and w[4] == "ا"
            or len(w) == 7 and w.startswith("است") and w[5] == "ا")


AIM_VERBS = frozenset(fold(w) for w in ("استهدف", "استهدفت", "يستهدف", "تستهدف", "يستهدفان", "تستهدفان"))


def _act_noun_before(doc: Doc, i: int, clause_start: int) -> str | None:
    """The event type of an act noun standing as the subject right before the
    verb at i (past one adjective): `العقوبات الجديدة تستهدف`."""
    _, nouns = trigger_indexes()
    for j in (i - 1, i - 2):
        if j < clause_start:
            return None
        found = nouns.match_at(doc.tokens, j, i, lookup_keys)
        if found and found.end == i or found and found.end == i - 1 and (
                adjective_like(doc.tokens[i - 1]) or doc.tokens[i - 1].norm in act_adjectives()
                or doc.tokens[i - 1].stem.startswith("ال") and doc.tokens[j].stem.startswith("ال")):
            return found.payloads[0].type
        if not (doc.tokens[j].stem.startswith("ال") or doc.tokens[j].norm in act_adjectives()):
            return None
    return None


def _clause_subject(doc: Doc, mmap: MentionMap, i: int, clause_start: int) -> Mention | None:
    """`الفصائل المسلحة ستلتزم بوقف إطلاق النار`, `ورد سلاح الجو بشن غارات`:
    the first actor of the clause, not behind a preposition, does the act its
    verb governs."""
    for j in range(i - 1, clause_start - 1, -1):
        if doc.tokens[j].norm in COMPLEMENTIZERS or doc.tokens[j].text in QUOTE_MARKS:
            clause_start = j + 1  # وأكدت مصادر أن قوات… تمكنت: the reported clause starts after أن
            break
    for j in range(clause_start, i):
        m = mmap.starts.get(j)
        if m is None or m.tokens[1] > i:
            continue
        if mmap.introduced_by(j, PREPOSITION_WORDS_AND_CLITICS) or not _can_act(m) or _is_victim(m) \
                or m.label == "NORP":
            return None  # the clause's first actor is not a subject
        return m
    return None


APPOSITION_COMMAS = frozenset({"،", ","})


def _agent_of_described_noun(doc: Doc, mmap: MentionMap, i: int, clause_start: int) -> Mention | None:
    """`بغارة جوية للتحالف العربي استهدفت مواقعهم`: a verb right after an
    indefinite act noun describes it, and the noun's `لـ` agent is its subject."""
    if i - 1 > clause_start and doc.tokens[i - 1].text in APPOSITION_COMMAS:
        i -= 1  # غارات لمقاتلات التحالف، استهدفت…
    m = mmap.covering.get(i - 1)
    if m is None or m.tokens[1] != i or m.tokens[0] - 1 < clause_start or not _can_act(m):
        return None
    if prep_clitic(doc.tokens[m.tokens[0]]) != "ل":
        return None
    k = m.tokens[0] - 1
    if adjective_like(doc.tokens[k]) or not doc.tokens[k].stem.startswith("ال") and k - 1 >= clause_start:
        k -= 1  # غارة جوية للتحالف: an adjective may follow the noun
    return m if _is_attack_noun(doc, k, i) else None


def _agent_phrase_after(doc: Doc, mmap: MentionMap, i: int, end: int) -> bool:
    """`من قبل X` / `على يد X` within a few words after a verb."""
    toks = doc.tokens
    for j in range(i, min(end - 1, i + 4)):
        if (toks[j].norm, toks[j + 1].norm) in (("من", "قبل"), ("علي", "يد")) and j + 2 in mmap.starts:
            return True
    return False


def _is_attack_noun(doc: Doc, j: int, end: int) -> bool:
    _, nouns = trigger_indexes()
    found = nouns.match_at(doc.tokens, j, end, lookup_keys)
    return bool(found and any(t.type == "ASSAULT" for t in found.payloads))


NON_AGENTS = frozenset({"Statement", "Source"})  # statements and sources speak but do not act


REPORTER_HEADS = grammar_words("reporter_heads")


def _can_act(m: Mention) -> bool:
    """Statements and those who only report (مصادر عسكرية، ناشطون) are no agents."""
    return not (m.actor and m.actor.id is None and (m.actor.name_en in NON_AGENTS
                                                    or fold(m.text.split()[0]) in REPORTER_HEADS))


def _reported_as_ongoing(doc: Doc, i: int, end: int) -> bool:
    """`المعارك لا تزال متواصلة`, `أسفرت الغارات عن…`: fighting reported as going
    on or having results is an event even with no actor named."""
    outcome = read_words("outcome_verbs.txt")
    window = range(max(0, i - 2), min(end, i + 4))
    return any(doc.tokens[j].key in outcome or doc.tokens[j].norm in outcome for j in window)


VICTIM_NAMES = frozenset({"Civilians", "Civilian"})


def _is_victim(m: Mention) -> bool:
    """A generic civilian head (مدنيين، شخصا، قتلى، متهمين) with no named actor."""
    return bool(m.actor and m.actor.id is None and (m.actor.name_en in VICTIM_NAMES or m.actor.name_en == "Defendant"))


def _has_actor(m: Mention | None) -> bool:
    return m is not None and m.rule != "phrase"


SUFFIX_GENDER = {"ه": "m", "ها": "f", "هم": "p"}
CARRY_BACK = 6  # how many earlier subjects a pronoun may reach past


def _carried(subjects: list[tuple[int, Mention]], i: int, gender: str | None,
             tokens: list[Token]) -> Mention | None:
    """The latest earlier subject the verb's pronoun agrees with."""
    k = bisect_right(subjects, i, key=lambda x: x[0])
    for n in range(k - 1, max(-1, k - 1 - CARRY_BACK), -1):
        m = subjects[n][1]
        if agrees(gender, mention_gender(m, tokens), pronoun=True):
            return m
    return subjects[k - 1][1] if k else None


COMPLEMENT_TARGET_TYPES = frozenset({"ACCUSE", "REJECT", "PROTEST"})
COMPLEMENT_WINDOW = 10  # tokens from the verb to its بـ complement
COMPLEMENT_HEAD = 2  # بحملة الاختطاف: the act may follow the complement's head noun


def _complement_targets(doc: Doc, events: list[Event]) -> list[Event]:
    """`نددت الرابطة بحملة الاختطاف التي تشنها ميليشيات الحوثي`: what is
    condemned or rejected is an act (a بـ complement), and its agent is the target."""
    out = []
    for ev in events:
        if ev.type in COMPLEMENT_TARGET_TYPES and ev.rule.startswith("verb") and not _has_actor(ev.target):
            i = _token_at(doc, ev.trigger.end - 1)
            sent_end = doc.sentences[ev.sentence].tokens[1]
            j = next((k for k in range(i + 1, min(sent_end, i + 1 + COMPLEMENT_WINDOW))
                      if prep_clitic(doc.tokens[k]) == "ب"), None)
            act = None if j is None else next(
                (f for f in events if f is not ev and f.rule.startswith("noun") and _has_actor(f.source)
                 and f.source is not ev.source and j <= _token_at(doc, f.trigger.start) <= j + COMPLEMENT_HEAD), None)
            if act is not None:
                ev = replace(ev, target=act.source, rule=ev.rule + ":complement")
        out.append(ev)
    return out


RESULT_VERBS = grammar_words("result_verbs")
RESULT_REACH = 3  # أسفر عن تدمير، ما أدى إلى مقتل: the verb, a preposition, the noun
RESULT_REACH_COORDINATED = 12


def _drop_results(doc: Doc, events: list[Event]) -> list[Event]:
    """`شنت الطائرات غارات… ما أسفر عن تدمير عربات ومقتل عشرات`: the
    results of an act told in the same sentence are that act, not new ones;
    the act takes their victims when it names none."""
    out: list[Event] = []
    for ev in events:
        cause = next((k for k in reversed(out) if k.type == ev.type), None) if ev.rule.startswith("noun") else None
        if cause is not None:
            i = _token_at(doc, ev.trigger.start)
            lo = doc.sentences[ev.sentence].tokens[0]
            # أسفرت الغارات عن سقوط قتلى … وتدمير تعزيزات: a coordinated result reaches further back
            reach = RESULT_REACH_COORDINATED if doc.tokens[i].prefix.startswith("و") else RESULT_REACH
            if any(doc.tokens[j].key in RESULT_VERBS or doc.tokens[j].norm in RESULT_VERBS
                   for j in range(max(lo, i - reach), i)):
                if cause.target is None and ev.target is not None:
                    out[out.index(cause)] = replace(cause, target=ev.target)
                continue
        out.append(ev)
    return out


MODAL_TYPES = frozenset({"REQUEST", "THREATEN", "ACCUSE", "REJECT"})
MODAL_REACH = 8  # tokens from the demanding verb to the act it demands


def _drop_complement_acts(doc: Doc, events: list[Event]) -> list[Event]:
    """`طالبت الرابطة بالإفراج عن المختطفين`، `هدد باستهداف قادة`، `اتهمه
    بقتل`: an act that is demanded, threatened or alleged (a بـ / لـ / إلى
    complement) did not happen as told; it is part of the verb's event."""
    out: list[Event] = []
    for ev in events:
        if ev.rule.startswith("noun") and ev.type not in MODAL_TYPES:
            i = _token_at(doc, ev.trigger.start)
            tok = doc.tokens[i]
            marked = prep_clitic(tok) in ("ب", "ل") or i > 0 and doc.tokens[i - 1].norm in ("الي", "ب")
            if marked and any(k.type in MODAL_TYPES and k.rule.startswith("verb") and k.trigger.end <= tok.start
                              and 0 < i - _token_at(doc, k.trigger.end - 1) <= MODAL_REACH for k in out):
                continue
        out.append(ev)
    return out


def _token_at(doc: Doc, offset: int) -> int:
    return bisect_right(doc.tokens, offset, key=lambda t: t.start) - 1


ARMED_SECTORS = frozenset({"MIL", "REB", "IMG", "UAF", "COP", "SPY"})


def _carried_armed(subjects: list[tuple[int, Mention]], i: int, others: list[Mention | None]) -> Mention | None:
    """The latest earlier subject that is an armed actor and none of `others`
    (the target, the speaker who reports the act)."""
    excluded = {_actor_key(o) for o in others if o is not None}
    k = bisect_right(subjects, i, key=lambda x: x[0])
    for n in range(k - 1, max(-1, k - 1 - CARRY_BACK), -1):
        m = subjects[n][1]
        if m.actor and m.actor.sector in ARMED_SECTORS and _actor_key(m) not in excluded:
            return m
    return None


def _actor_key(m: Mention | None) -> str | None:
    if m is None:
        return None
    return (m.actor.id or m.actor.name_en) if m.actor else m.text


def _dedupe(events: list[Event]) -> list[Event]:
    """One event per act per sentence: drop an event whose type matches a
    kept one and whose roles add nothing (missing, or the same actor)."""
    kept: list[Event] = []
    for ev in sorted(events, key=lambda e: -e.confidence):
        redundant = False
        for k in kept:
            if k.type != ev.type:
                continue
            src_same = ev.source is None or _actor_key(ev.source) == _actor_key(k.source)
            tgt_same = ev.target is None or _actor_key(ev.target) == _actor_key(k.target)
            if src_same and tgt_same:
                redundant = True
                break
        if not redundant:
            kept.append(ev)
    return sorted(kept, key=lambda e: e.trigger.start)
