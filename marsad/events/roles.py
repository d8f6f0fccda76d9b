"""From a trigger match to an event: two ordered tables of named rules.

TRIGGER_RULES first re-read the trigger in its context (its type, its part
of speech), then ROLE_RULES find its source and target, review them and read
its modality. Each rule is a function over a `RoleState` (events/role_state.py)
with a docstring and an example; it says whether it fired, and the event
keeps the names of those that did in `Event.trace` (`marsad extract
--explain` prints them). `Event.rule` stays the rule string the rules build
(`verb:svo:issued`, `noun:light:carried`…), which later passes and learned
models read. A rule that drops the event sets `stop`.

TRIGGER_RULES, in order:
    aim-verb-retype, danger-warning, hostile-pledge, upheld-sentence,
    death-sentence, impersonal-passive, masdar-reading, after-preposition-noun

ROLE_RULES, in order:
    voice and light verb: light-verb, passive-form, agent-phrase-passive
    a verb's subject: participle-subject, inside-subject, verb-subject,
        relative-resumed, phrase-subject, issued-document, time-clause-subject,
        described-noun-agent, reported-clause-subject, carried-subject, no-subject
    a noun's roles: backed-by, noun-roles (events/nouns.py), possessor, genitive-agent
    the target: joint-partner, object-after-subject, past-act-adjectives,
        pronoun-object, passive-victim-before, relative-antecedent,
        genitive-target, object-after, passive-subject-victim,
        other-side-carried, reciprocal-conjunct, resumed-pronoun,
        victim-of-cause, side-in-ranks, pronoun-target, phrase-target,
        abstract-target
    a passive's agent: impersonal-agent, passive-agent, agent-owns-what-follows,
        allegation-speaker
    review: referred-noun, no-roles, describing-adjective, counted-victims,
        agent-phrase, clause-subject, armed-carried, light-verb-pronoun,
        reporter-not-killer, same-span-roles, one-subject-named-twice,
        object-named-twice, known-agreement, search-not-talks, modality,
        governed-act
"""
from __future__ import annotations

from marsad.doc import Doc
from marsad.events import review_rules as review
from marsad.events import subject_rules as subject
from marsad.events import target_rules as target
from marsad.events import trigger_rules as trigger
from marsad.grammar.triggers import Trigger
from marsad.events.role_state import RoleState
from marsad.grammar.phrase_index import Match
from marsad.rules import run, table
from marsad.grammar.mention_map import MentionMap
from marsad.text.clitics import prefix_for_key
from marsad.types import Attribution, DateValue, Event, Mention, Span

TRIGGER_RULES = table(
    trigger.aim_verb_retype,
    trigger.danger_warning,
    trigger.hostile_pledge,
    trigger.upheld_sentence,
    trigger.death_sentence,
    trigger.impersonal_passive,
    trigger.masdar_reading,
    trigger.after_preposition_noun,
)

ROLE_RULES = table(
    subject.light_verb,
    subject.passive_form,
    subject.agent_phrase_passive,
    subject.participle_subject,
    subject.inside_subject,
    subject.verb_subject,
    subject.relative_resumed,
    subject.phrase_subject,
    subject.issued_document,
    subject.time_clause_subject,
    subject.described_noun_agent,
    subject.reported_clause_subject,
    subject.carried_subject,
    subject.no_subject,
    subject.backed_by,
    subject.noun_roles_rule,
    subject.possessor,
    subject.genitive_agent,
    target.joint_partner,
    target.object_after_subject,
    target.past_act_adjectives_rule,
    target.pronoun_object,
    target.passive_victim_before,
    target.relative_antecedent,
    target.genitive_target,
    target.object_after,
    target.passive_subject_victim,
    target.other_side_carried,
    target.reciprocal_conjunct,
    target.resumed_pronoun,
    target.victim_of_cause_rule,
    target.side_in_ranks_rule,
    target.pronoun_target,
    target.phrase_target,
    target.abstract_target,
    target.impersonal_agent,
    target.passive_agent_rule,
    target.agent_owns_what_follows,
    target.allegation_speaker,
    review.referred_noun,
    review.no_roles,
    review.describing_adjective,
    review.counted_victims,
    review.agent_phrase,
    review.clause_subject_rule,
    review.armed_carried,
    review.light_verb_pronoun,
    review.reporter_not_killer,
    review.same_span_roles,
    review.one_subject_named_twice,
    review.object_named_twice,
    review.known_agreement,
    review.search_not_talks,
    review.modality,
    review.governed_act,
)


def role_event(doc: Doc, mmap: MentionMap, s_i: int, m: Match[Trigger], subjects: list[tuple[int, Mention]],
               earlier: list[Event], governors: tuple[list[int], list[int]]) -> Event | None:
    """The event of one trigger match in sentence s_i, or None when a rule drops it.
    `subjects`: the explicit subjects so far by position (for pronoun subjects);
    `earlier`: the sentence's events before it; `governors`: clause_governors."""
    st = RoleState(doc, mmap, s_i, m, m.payloads[0], subjects, earlier, governors)
    if run(TRIGGER_RULES, st).stop:
        return None
    st.begin_roles()
    if run(ROLE_RULES, st).stop:
        return None
    return _event(st)


def _event(st: RoleState) -> Event:
    doc, m, tokens, sent = st.doc, st.m, st.tokens, st.sent
    trig_tok = st.token
    t_start = trig_tok.start_after(prefix_for_key(trig_tok.light, m.key))
    trigger_span = Span(t_start, tokens[m.end - 1].end, doc.text[t_start:tokens[m.end - 1].end])
    attribution = next(
        (Attribution(c.speaker, c.cue) for c in doc.claim_index().in_sentence(st.s_i)
         if c.content[0] <= trigger_span.start < c.content[1]),
        None,
    )
    clause = st.clause
    clause_span = (tokens[clause[0]].start, tokens[clause[1] - 1].end)
    source, target, rule = st.source, st.target, st.rule
    confidence = 0.4 + 0.2 * (source is not None) + 0.2 * (target is not None) - 0.1 * ("carried" in rule)
    return Event(
        type=st.trig.type, trigger=trigger_span, source=source, target=target,
        evidence=(sent.start, sent.end) if clause_span[1] - clause_span[0] < 20 else clause_span,
        sentence=st.s_i, mode=st.trig.mode, negated=st.negated, hedged=st.hedged, attribution=attribution,
        date=DateValue(doc.date, "day") if doc.date else DateValue(None, "unknown"),
        confidence=confidence, rule=rule, trace=tuple(st.fired),
    )
