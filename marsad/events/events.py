"""Events: PLOVER triggers with source, target, modality and attribution.

    اتهم رئيس هيئة الأركان الروسية العامة الولايات المتحدة بتدريب…
    → ACCUSE  source=رئيس هيئة الأركان الروسية العامة (Military of Russia)
              target=الولايات المتحدة (United States)

Per sentence, the triggers found (events/triggers.py) become events by the
ordered rule tables of events/roles.py; then the clean-up passes
(events/passes.py, PASSES) run over each sentence's events and the article's.
"""
from __future__ import annotations

from bisect import insort

from marsad.doc import Doc
from marsad.events.actors import can_act, topics
from marsad.events.asides import is_boilerplate
from marsad.events.modality import clause_governors, governor_positions
from marsad.events.passes import apply_passes, follows_result_verb
from marsad.events.roles import role_event
from marsad.events.triggers import sentence_triggers
from marsad.grammar.mention_map import MentionMap
from marsad.grammar.words import PREPOSITION_WORDS
from marsad.types import Event, Mention

NOUN_AFTER_VERB = 2  # a noun this close after a verb trigger is its object


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
        by_sentence: list[list[Event]] = []  # each sentence's events, before the passes
        governing = governor_positions(doc)  # per-word table, once per document
        for s_i, sent in enumerate(doc.sentences):
            a, b = sent.tokens
            if is_boilerplate(doc, s_i):
                continue  # سمات …، رابط الخبر: a tag list or a link line, no text
            matches = [m for m in sentence_triggers(doc)[s_i] if m.start not in mmap.covering]  # as find_triggers
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
                event = role_event(doc, mmap, s_i, m, subjects, sent_events, governors)
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
            by_sentence.append(sent_events)
        doc.events = apply_passes(doc, by_sentence)
        return doc
