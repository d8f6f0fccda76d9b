"""Events: PLOVER triggers with source, target, modality and attribution.

    اتهم رئيس هيئة الأركان الروسية العامة الولايات المتحدة بتدريب…
    → ACCUSE  source=رئيس هيئة الأركان الروسية العامة (Military of Russia)
              target=الولايات المتحدة (United States)
"""
from __future__ import annotations

from bisect import insort

from marsad.grammar.agreement import verb_gender
from marsad.doc import Doc
from marsad.events.actors import (
    SUFFIX_GENDER,
    can_act,
    carried,
    carried_armed,
    carried_other,
    has_actor,
    is_victim,
    same_actor,
    topics,
)
from marsad.events.context import (
    AIM_VERBS,
    act_noun_before,
    agent_of_described_noun,
    agent_phrase_after,
    clause_subject,
    issuer_before,
    is_participle,
    light_verb_before,
    past_act_adjectives,
    pledges_hostility,
    warns_of_danger,
    reported_as_ongoing,
    target_after_pronoun,
    sentenced_to,
    upholds_punishment,
    subject_of_time_clause,
    side_in_ranks,
    victim_of_cause,
)
from marsad.events.asides import drop_accidents, is_boilerplate
from marsad.grammar.triggers import Trigger
from marsad.events.opinion import reported_only
from marsad.events.modality import clause_governors, event_modality, governor_positions
from marsad.events.nouns import noun_roles, target_preps
from marsad.grammar.ontology import SOLO_TYPES
from marsad.events.passes import (
    complement_targets,
    dedupe,
    drop_complement_acts,
    drop_results,
    merge_aims,
    merge_causes,
    protest_targets,
    reciprocate,
    follows_result_verb,
)
from marsad.events.triggers import find_triggers, trigger_starts
from marsad.events.passive import ADJUNCT_STARTS, CLAUSE_ENDS, OBJECT_WINDOW, passive_agent, reads_passive
from marsad.events.reported import announces, describes_noun, last_speaker, reported_subject
from marsad.grammar.phrase_index import Match
from marsad.resources import grammar_words
from marsad.grammar.mention_map import MentionMap
from marsad.grammar.predicates import definite, is_masdar, reads_as_any
from marsad.grammar.stop_words import phrase_stop_words
from marsad.grammar.words import PREPOSITION_WORDS, abstract_nouns, prepositions
from marsad.text.clitics import prefix_for_key
from marsad.types import Attribution, DateValue, Event, Mention, Span, evolve

NOUN_AFTER_VERB = 2  # a noun this close after a verb trigger is its object
RECIPROCAL_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE", "ACCUSE"})
PRONOUN_TARGET_TYPES = frozenset({"ACCUSE", "THREATEN", "REQUEST", "SANCTION", "SUPPORT", "AID"})
JOINT_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})  # acts done with someone (مع)
AGENT_GENITIVE_ACTS = grammar_words("agent_genitive_acts")
SENTENCED_PREPS = prepositions("بحق", "ضد", "على")  # those a sentence falls on
DOCUMENT_SUBJECT_GAP = 2  # قرارا جديدا يطالب: the document, an adjective, then the verb
APPOSITION_GAP = 2  # tokens between a name and its apposition: "،" or "("
VIOLENT_TYPES = frozenset({"ASSAULT", "COERCE", "RETREAT", "PROTEST"})
# Nouns of these types with no actor usually refer back to a known agreement,
# sanction or aid ("الاتفاق"، "العقوبات") rather than report a new act.
REFERRED_TYPES = frozenset({"AGREE", "SUPPORT", "SANCTION", "AID", "COOPERATE", "CONSULT", "REQUEST", "CONCEDE"})
DAMMA = "\u064f"


ALLEGATION_NOUNS = grammar_words("allegation_nouns")
PARTNER_VERBS = grammar_words("partner_verbs")
REFERENCE_TYPES = frozenset({"AGREE"})  # whose definite noun refers back to a known act

IMPERSONAL_PASSIVE = grammar_words("impersonal_passive")
PARTNER_PREPOSITIONS = frozenset(prepositions("مع", "ضد"))  # التعاون مع موسكو، التدخل ضد الجهاديين


def verb_suffix_pronoun(tok, m: Match[Trigger]) -> str:
    """The pronoun a verb carries, also when the segmenter kept the word whole
    and only the trigger reading (its key) stripped it: تحاصرها → ها."""
    if tok.suffix or m.end - m.start > 1:
        return tok.suffix
    at = tok.norm.rfind(m.key) if m.key else -1
    return tok.norm[at + len(m.key):] if at >= 0 else ""


def _gender_under_pronoun(tok, m: Match[Trigger]) -> str | None:
    """The gender of a verb whose object pronoun only the trigger reading
    stripped (اختطفتهم → اختطفت: feminine), or None to read it from the word."""
    if tok.suffix or not verb_suffix_pronoun(tok, m):
        return None
    return "p" if m.key.endswith(("وا", "ون")) else "f" if m.key.endswith("ت") else None


def _after_preposition(doc: Doc, i: int) -> bool:
    """Whether the word at i follows a preposition (في طلبها، بعد رفض الأطباء)."""
    return i > 0 and doc.tokens[i - 1].norm in PREPOSITION_WORDS


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
            if is_boilerplate(doc, s_i):
                continue  # سمات …، رابط الخبر: a tag list or a link line, no text
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
                        or any(doc.tokens[e].norm in PREPOSITION_WORDS and (m.start - e == 1 or m.start - e == 2
                                   and doc.tokens[m.start].prefix.startswith("و")) for e in trigger_ends)
                        and not follows_result_verb(doc, m.start, a)):
                    continue  # رفضت اتهامات، انسحابها من الاتفاق، غارات على تجمعات وتعزيزات: the other event's object
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
                        # after any subject at the same position, as a stable sort put it
                        insort(subjects, (event.source.tokens[0], event.source), key=lambda x: x[0])
            sent_events = merge_aims(doc, merge_causes(doc, drop_complement_acts(doc, drop_results(doc, sent_events))))
            sent_events = drop_accidents(doc, sent_events)
            # an event is an act by or on an actor: "البنادق تقتل"، "المظاهرات" alone are not
            events.extend(e for e in reciprocate(doc, dedupe(complement_targets(doc, sent_events))) if e.source or e.target)
        doc.events = reported_only(doc, protest_targets(doc, events))
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
        if trig.type == "THREATEN" and warns_of_danger(doc, m.start, sent.tokens[1]):
            return None  # حذر من أن غزة على شفير حرب: a warning of a danger is no threat
        if trig.type == "AGREE" and pledges_hostility(doc, m.start, sent.tokens[1]):
            trig = evolve(trig, type="THREATEN")  # تعهد بالتصدي لهم: a pledge to act against someone
        if trig.type == "SUPPORT" and trig.pos == "verb" and upholds_punishment(doc, m.start, sent.tokens[1]):
            # أيدت المحكمة حكم الإعدام بحق ستة متهمين: upholding a sentence passes it on those named
            trig = evolve(trig, type="COERCE", target=SENTENCED_PREPS)
        if trig.type == "ASSAULT" and sentenced_to(doc, m.start, sent.tokens[0]):
            trig = evolve(trig, type="COERCE")  # حكما نهائيا بإعدام ستة أشخاص: a sentence, not an execution
        # تم قصف مواقع، جرى بحث الأوضاع: a verb-looking word after the impersonal passive is an
        # indefinite verbal noun (nouns proper keep their own rules)
        impersonal = trig.pos == "verb" and m.start > sent.tokens[0] and not definite(tokens[m.start]) \
            and tokens[m.start - 1].reads_as(IMPERSONAL_PASSIVE)
        if trig.pos == "verb" and (impersonal or is_masdar(tokens[m.start]) or _after_preposition(doc, m.start)):
            # إطلاق الصواريخ: a two-part entry's verbal noun is a noun; في طلبها، بعد رفض الأطباء:
            # no verb follows a preposition
            trig = evolve(trig, pos="noun")
        # the light verb before an event noun (تمكنت من تحرير، سوف تفرض عقوبات), looked up once
        light_verb = light_verb_before(doc, m.start, clause[0]) if trig.pos == "noun" else None
        rule = trig.pos
        passive = trig.pos == "passive" \
            or trig.pos == "verb" and (DAMMA in tokens[m.start].text[:3] or reads_passive(doc, mmap, m, trig, clause))
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
            source, how = mmap.verb_subject(m.start, m.end, clause, _gender_under_pronoun(tokens[m.start], m))
            if how == ":relative" and verb_suffix_pronoun(tokens[m.end - 1], m) in SUFFIX_GENDER:
                # القوات التي تحاصرها X: the pronoun resumes the antecedent, the subject follows
                source, how = mmap.subject_after(m.end - 1, clause[1]), ""
            rule += how
            if source is None and not tokens[m.start].prefix and verb_gender(tokens[m.start]) != "p" \
                    and trig.type in SOLO_TYPES and "obj" not in trig.target:
                # تظاهر آلاف المحتجين: an unlisted subject; after a verb done to someone
                # (قطعت الإمدادات عن…) a plain noun is its object
                source = mmap.phrase_after(m.end - 1, clause[1], ("obj",), phrase_stop_words(), definite_only=True)
                rule += ":phrase" if source else ""
            issued = issuer_before(doc, mmap, m.start, clause) if how in (":svo", "") else None
            if issued is not None and (source is None or source.tokens[0] < issued[0] or any(
                    t.norm in PREPOSITION_WORDS for t in tokens[issued[0] + 1:source.tokens[0]])
                    or source.tokens[0] >= m.end and m.start - issued[0] <= DOCUMENT_SUBJECT_GAP):
                # أصدرت المحكمة قرارا في صالح إيران يطالب واشنطن، تعميما يلزم الأطباء: the document
                # is the subject and speaks for its issuer; what follows the verb is its object
                source, rule = issued[1], rule + ":issued"
            if source is None and (nearest := subject_of_time_clause(doc, mmap, m.start, sent.tokens[0])):
                source, rule = nearest, rule + ":time-clause"
            if source is None and (agent := agent_of_described_noun(doc, mmap, m.start, sent.tokens[0])):
                source, rule = agent, rule + ":described"
            reported = reported_subject(doc, mmap, m.start, sent.tokens[0]) if source is None else None
            if reported is not None and reported.found:
                # قال مسؤول إن الدوحة حاولت منع…، أن الصاروخ كان يستهدف…: the reported clause
                # names its own subject; the speaker is not the actor
                source, rule = reported.actor, rule + ":reported"
            elif source is None:
                source = carried(subjects, m.start, verb_gender(tokens[m.start]), tokens)
                rule += ":carried" if source else ":nosubj"
        if trig.pos == "noun" and "من" in trig.form.split():
            # الميليشيا الحوثية المدعومة من إيران، بإسناد من التحالف: the backer follows من,
            # the one backed stands before (or leads the sentence)
            source = mmap.covering.get(m.end - 1) or mmap.starts.get(m.end)
            genitive_target = mmap.subject_before(m.start, sent.tokens[0])
            if genitive_target is None and not is_participle(tokens[m.start]) and not definite(tokens[m.start]):
                genitive_target = clause_subject(doc, mmap, m.start, clause[0])  # بإسناد من: the clause's actor
            # (المدعومة من: only the noun it describes, right before it)
            if genitive_target is None:
                return None  # backing with no one backed in the clause: a background phrase
            rule = "noun:backed"
        elif trig.pos == "noun":
            source, genitive_target, rule = noun_roles(doc, mmap, m, trig, clause, earlier, light_verb)
            suffix = tokens[m.end - 1].suffix
            if source is None and suffix in SUFFIX_GENDER and rule != "noun:exposed" \
                    and not (is_masdar(tokens[m.start]) and "obj" in (trig.target or ("obj",))):
                # اجتماعه مع…، لقائها: the possessor is the actor the text is about (but تزويدهم:
                # the pronoun of a transitive verbal noun is its object)
                source = carried(subjects, m.start, SUFFIX_GENDER[suffix], tokens)
                rule = "noun:possessor"
        preps = target_preps(trig)
        if trig.pos == "noun" and source is None and not preps and genitive_target is None \
                and tokens[m.start].reads_as(AGENT_GENITIVE_ACTS):
            # إضراب النقابات المهنية: the genitive of an intransitive act is who does it
            source = mmap.phrase_after(m.end - 1, clause[1], ("obj",), phrase_stop_words(), definite_only=True)
            rule += ":genitive-agent" if source else ""
        if trig.type in JOINT_TYPES and "مع" not in preps:
            preps = (*preps, "مع")  # التوصل لتوافق مع إسرائيل: the other party of a joint act
        if source and source.tokens[0] > m.start:
            after = source.tokens[1] - 1
        else:
            after = past_act_adjectives(doc, m.end - 1)
        # أدانتهم محكمة الفساد: an entry that ends with its subject has the verb first
        verb_at = m.start if rule.endswith(":inside") else m.end - 1
        pronoun = verb_suffix_pronoun(tokens[verb_at], m) if trig.pos == "verb" else ""
        object_preps = preps
        if pronoun in SUFFIX_GENDER and not passive and "obj" in preps:
            # وكانت الولايات المتحدة دعته في مسودة البيان: the pronoun is the direct object
            object_preps = tuple(p for p in preps if p != "obj")
        nxt = tokens[m.end] if m.end < len(tokens) else None
        victim_before = mmap.subject_before(m.start, sent.tokens[0]) if passive else None  # a quoted verb is a clause
        relative = mmap.relative_antecedent(m.start, clause[0]) if passive and trig.pos != "noun" else None
        if victim_before is not None and (nxt is None or nxt.text in CLAUSE_ENDS or nxt.norm in ADJUNCT_STARTS):
            target = victim_before  # أن خاشقجي "قتل" داخل القنصلية: nothing follows, the subject is the victim
        elif relative is not None:
            target = relative  # مقاتلي داعش الذين طردوا من الرقة: those the relative names underwent it
        else:
            target = genitive_target or mmap.object_after(after, sent.tokens[1], object_preps, OBJECT_WINDOW,
                                                          exclude=source)
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
        if target is None and "obj" in preps and not passive and pronoun in SUFFIX_GENDER:
            # الغوطة التي تحاصرها قوات النظام: the pronoun resumes the relative's antecedent;
            # أدانتهم المحكمة، اتهمه: otherwise it refers back to an earlier actor
            target = mmap.resumed_antecedent(m.start, clause[0]) \
                or carried_other(subjects, m.start, SUFFIX_GENDER[pronoun], tokens, source)
        if target is None and trig.pos == "noun" and trig.type == "ASSAULT":
            target = victim_of_cause(doc, mmap, m.start, sent.tokens[0]) \
                or side_in_ranks(doc, mmap, m.end, sent.tokens[1])
        if target is None and source is not None and trig.type in PRONOUN_TARGET_TYPES:
            target = target_after_pronoun(doc, mmap, m.end, sent.tokens[1], source)  # بتوجيه اتهامات له
        if target is None:
            target = mmap.phrase_after(after, clause[1], preps, phrase_stop_words())
        if target is not None and target.rule == "phrase" and reads_as_any(tokens[target.tokens[0]], abstract_nouns()):
            # دعت إلى الحوار: an act or an idea is no one acted upon; رفضت التعاون مع موسكو:
            # the partner named after it is
            partner = target.tokens[0] + 1
            target = mmap.starts.get(partner + 1) if partner + 1 < sent.tokens[1] \
                and tokens[partner].norm in PARTNER_PREPOSITIONS else None
        if impersonal:
            # no one else is the agent of a passive act: only من قبل X، على يد X name one
            source = mmap.agent_phrase(m.end, sent.tokens[1]) or passive_agent(doc, mmap, m.end, sent.tokens[1])
            rule += ":impersonal"
        if passive:
            source = passive_agent(doc, mmap, m.end, sent.tokens[1])
            rule += ":passive"
            if source is not None and target is not None and target.tokens[0] > source.tokens[0]:
                target = victim_before  # رُفض من قبل دول كالمجر وبولندا: what follows the agent is its own
        if trig.type in ("REJECT", "ACCUSE") and target is not None and target.rule == "phrase" \
                and tokens[target.tokens[0]].key in ALLEGATION_NOUNS:
            # ترفض موسكو الادعاءات: what is rejected is a claim; its speaker is the target
            target = last_speaker(doc, tokens[m.start].start, source) or target
        if trig.pos == "noun" and not has_actor(source) and not has_actor(target) and (
                trig.type in REFERRED_TYPES or tokens[m.start].stem.startswith("ال") and trig.type not in VIOLENT_TYPES
                or tokens[m.start].prefix.endswith("ل")):
            # "الاتفاق"، "العقوبات" with no actor: a reference back, not a new act;
            # "للقضاء على التطرف": a purpose, not an act
            return None
        if trig.pos == "noun" and source is None and target is None and trig.type not in ("PROTEST", "MOBILIZE", "RETREAT") \
                and not (trig.type == "ASSAULT" and reported_as_ongoing(doc, m.end, clause[1])):
            return None
        after_verb = trig.pos != "noun" and source is not None and source.tokens[0] == m.end
        if source is not None and not after_verb and describes_noun(doc, mmap, source):
            # هجوم إرهابي استهدف، لمخطط إرهابي يرمي لاستهداف: an adjective, not the attacker (but
            # وقتل انتحاري: right after the verb it is its subject)
            source = None
        if source is not None and trig.type in ("ASSAULT", "COERCE", "ACCUSE", "SANCTION") and is_victim(source):
            # قتل 13 شخصا، مقتل مدنيين: the people counted are the victims, not the attackers
            source, target = None, target or source
        if trig.pos == "noun" and source is None and rule in ("noun", "noun:light") and trig.type not in SOLO_TYPES \
                and (agent := mmap.agent_phrase(m.end, sent.tokens[1])) is not None:
            source, rule = agent, rule + ":agent"  # تصنيف الإخوان منظمة إرهابية من قبل السلطات
        if trig.pos == "noun" and source is None and rule in ("noun", "noun:light"):
            # only for an act already kept: a clause's actor does not make an event of a mere noun
            source = clause_subject(doc, mmap, m.start, clause[0])
            rule += ":clause" if source else ""
        if trig.pos == "noun" and source is None and rule == "noun" and trig.type == "ASSAULT":
            # الغارات، المعارك with no agent in the sentence: the armed actor the story follows
            speakers = [c.speaker for c in doc.claim_index().in_sentence(s_i) if c.speaker
                        and c.content[0] <= tokens[m.start].start < c.content[1]]
            source = carried_armed(subjects, m.start, [target, *speakers], aerial=trig.mode == "aerial")
            rule += ":carried" if source else ""
        if trig.pos == "noun" and source is None and rule.startswith("noun:light"):
            # وتمكنت من تحرير…: the light verb's pronoun
            source = carried(subjects, m.start, None if light_verb is None else verb_gender(tokens[light_verb]),
                             tokens)
            rule += ":carried" if source else ""
        if source is not None and target is not None and trig.type == "ASSAULT" and is_victim(target) \
                and announces(doc, source, tokens[m.start].start):
            source = None  # أعلنت السلطات مقتل 5 أشخاص في هجوم: who reports civilian deaths did not kill them
        if source is not None and target is not None and source.start == target.start:
            source = None  # أصيب جنود في هجوم: those hit are not also the attackers
        elif trig.pos == "verb" and not passive and same_actor(source, target):
            if ":svo" in rule or target.tokens[0] - source.tokens[1] <= APPOSITION_GAP \
                    and trig.type not in JOINT_TYPES:
                # نفت منظمة حلف شمال الأطلسي (الناتو): one subject, named twice; مسؤولون أميركيون
                # حذروا من إجراءات قد تتخذها واشنطن: the fronted subject stands
                target = None
            else:
                # التقى رئيس مجلس النواب، عاطف الطراونة; وحمّلت الحوثيين…: one actor named twice
                # is the verb's object (a meeting needs two), the subject is the verb's pronoun
                if source.tokens[0] >= m.end:
                    target = source
                source = carried_other(subjects, m.start, verb_gender(tokens[m.start]), tokens, target)
                rule += ":object-named-twice"
        if trig.type in REFERENCE_TYPES and trig.pos == "noun" and definite(tokens[m.start]) \
                and not rule.startswith("noun:light"):
            # الالتزام بالهدنة، الاتفاق النووي الإيراني: the definite noun names a known agreement;
            # a new one is reached or signed (توصل إلى الاتفاق، وقع الاتفاق: a light verb)
            return None
        if trig.type == "CONSULT" and target is None and tokens[m.start].reads_as(PARTNER_VERBS):
            return None  # بحثا عن فلول الحوثيين، تبحث خيارات أخرى: a search or a study, no talks
        anchor = m.start if light_verb is None else light_verb  # سوف تفرض X عقوبات: the light verb carries the modality
        negated, hedged = event_modality(doc, sent.tokens[0], anchor, governors)
        if anchor != m.start:
            # حاول تجنيد، فشلت في اقتحام: the light verb itself may be the attempt or the failure
            negated_at, hedged_at = event_modality(doc, sent.tokens[0], m.start, governors)
            negated, hedged = negated or negated_at, hedged or hedged_at
        if hedged and trig.pos == "noun" and anchor == m.start and trig.type not in SOLO_TYPES \
                and not (source is not None and source.tokens[0] >= m.end):
            # محاولة اعتداء، وقف تجنيد الأطفال، يسعى للحصول على موافقة: a planned or demanded act
            # with no agent of its own is part of what governs it (but مزاعم بقصف قوات النظام stays)
            return None
        trig_tok = tokens[m.start]
        t_start = trig_tok.start_after(prefix_for_key(trig_tok.light, m.key))
        trigger = Span(t_start, tokens[m.end - 1].end, doc.text[t_start:tokens[m.end - 1].end])
        attribution = next(
            (Attribution(c.speaker, c.cue) for c in doc.claim_index().in_sentence(s_i)
             if c.content[0] <= trigger.start < c.content[1]),
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
