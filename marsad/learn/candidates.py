"""Candidates the learned event models choose among, computed from a rules-processed `Doc`.

- trigger candidates: every trigger-lexicon match in a sentence (also inside a mention, and
  those the rules dropped), with what the rules made of it;
- role candidates of a trigger: the mentions of its sentence and the one before, the rules'
  own picks (carried subjects, antecedents), the speaker of a claim in the sentence, and "none".

The rules' analysis is kept as facts about each candidate (`RuleView`), so the models can use
it as evidence rather than as the answer (../shared/docs/learning.md).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from marsad.doc import Doc
from marsad.events.triggers import sentence_triggers
from marsad.grammar.agreement import mention_gender
from marsad.grammar.triggers import Trigger
from marsad.grammar.mention_map import MentionMap
from marsad.types import Event, Mention

WINDOW_SENTENCES = 1
QUOTES = ("«", "“", "»", "”", '"')  # role candidates come from the trigger's sentence and this many before it


@dataclass(frozen=True, slots=True)
class TriggerCandidate:
    sentence: int
    start: int  # token index
    end: int    # token index, exclusive
    payloads: tuple[Trigger, ...]  # lexicon entries
    rule_event: Event | None  # the rules' event at this trigger, if they made one
    origin: str = "lexicon"   # lexicon | cue (a claim's cue: قال X إن Y … may be an ACCUSE) | sentence

    @property
    def types(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(p.type for p in self.payloads))

    @property
    def pos(self) -> str:
        return self.payloads[0].pos if self.payloads else self.origin


@dataclass(frozen=True, slots=True)
class RoleCandidate:
    mention: Mention | None  # None: no actor in this role
    sentence: int            # the candidate's sentence (the trigger's for None)


class RuleView:
    """What the rules computed for one document, indexed for the feature functions."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.mmap = MentionMap(doc)
        self.events_at: dict[int, Event] = {}
        for e in doc.events:
            self.events_at.setdefault(doc.token_at(e.trigger.start), e)
        self.cue_tokens = {doc.token_at(c.cue.start) for c in doc.claims}
        # mention_gender by (tokens, label, rule), all it reads of a mention: asked for a mention
        # once per trigger near it
        self._genders: dict[tuple[tuple[int, int], str, str], str | None] = {}

    def gender(self, m: Mention) -> str | None:
        """`mention_gender` of a mention, computed once per document."""
        key = (m.tokens, m.label, m.rule)
        if key not in self._genders:
            self._genders[key] = mention_gender(m, self.doc.tokens)
        return self._genders[key]

    @cached_property
    def commas_before(self) -> list[int]:
        """Per token position (and the end): how many comma tokens come before it."""
        counts = [0]
        for t in self.doc.tokens:
            counts.append(counts[-1] + (t.text in ("،", ",")))
        return counts

    @cached_property
    def mentions_by_sentence(self) -> list[list[Mention]]:
        by: list[list[Mention]] = [[] for _ in self.doc.sentences]
        for m in self.doc.mentions:
            by[self.doc.sentence_of_token(m.tokens[0])].append(m)
        for ms in by:
            ms.sort(key=lambda m: m.tokens)
        return by

    @cached_property
    def claims_by_sentence(self) -> dict[int, list]:
        by: dict[int, list] = {}
        for c in self.doc.claims:
            by.setdefault(c.sentence, []).append(c)
        return by

    @cached_property
    def speakers(self) -> dict[int, list[Mention]]:
        """The claims' speakers, by sentence."""
        return {k: [c.speaker for c in cs if c.speaker is not None] for k, cs in self.claims_by_sentence.items()}

    @cached_property
    def events_by_sentence(self) -> dict[int, list[Event]]:
        by: dict[int, list[Event]] = {}
        for e in self.doc.events:
            by.setdefault(e.sentence, []).append(e)
        return by

    @cached_property
    def quote_depth(self) -> list[bool]:
        """Per token: inside a quotation opened earlier in its sentence."""
        tokens, text = self.doc.tokens, self.doc.text
        inside = [False] * len(tokens)
        for s in self.doc.sentences:
            a, b = s.tokens
            if a >= b or not any(q in text[tokens[a].start:tokens[b - 1].end] for q in QUOTES):
                continue  # no quotation mark, no token inside a quotation (most sentences)
            depth = False
            for i in range(a, b):
                t = tokens[i].text
                if t in ("«", "“"):
                    depth = True
                elif t in ("»", "”"):
                    depth = False
                elif t == '"':
                    depth = not depth
                inside[i] = depth
        return inside


def trigger_candidates(doc: Doc, view: RuleView) -> list[TriggerCandidate]:
    """Lexicon matches, then the claim cues that no match covers, in text order."""
    out: list[TriggerCandidate] = []
    taken: set[int] = set()
    for s_i, matches in enumerate(sentence_triggers(doc)):
        for m in matches:
            out.append(TriggerCandidate(s_i, m.start, m.end, tuple(m.payloads), view.events_at.get(m.start)))
            taken.update(range(m.start, m.end))
    extra: list[TriggerCandidate] = []
    for i in sorted(view.cue_tokens - taken):
        extra.append(TriggerCandidate(doc.sentence_of_token(i), i, i + 1, (), view.events_at.get(i), "cue"))
        taken.add(i)
    if extra:
        out = sorted(out + extra, key=lambda c: (c.start, c.end))
    return out


def role_candidates(doc: Doc, view: RuleView, trig: TriggerCandidate) -> list[RoleCandidate]:
    """The trigger's window mentions, the rules' picks from further away, claim speakers, and none."""
    seen: set[tuple[int, int]] = set()
    out = [RoleCandidate(None, trig.sentence)]
    for s in range(max(0, trig.sentence - WINDOW_SENTENCES), trig.sentence + 1):
        for m in view.mentions_by_sentence[s]:
            if m.tokens[0] < trig.start <= m.tokens[1] - 1:
                continue  # the mention holding the trigger itself
            seen.add(m.tokens)
            out.append(RoleCandidate(m, s))
    extra = list(view.speakers.get(trig.sentence, ()))
    if trig.rule_event is not None:
        extra += [r for r in (trig.rule_event.source, trig.rule_event.target) if r is not None]
    for m in extra:
        if m.tokens not in seen:
            seen.add(m.tokens)
            out.append(RoleCandidate(m, doc.sentence_of_token(m.tokens[0]) if m.tokens[0] < len(doc.tokens)
                                     else trig.sentence))
    return out
