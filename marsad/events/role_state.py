"""The state the role rules (events/roles.py) work on: one trigger match in
its sentence, the source and target found so far, and the flags the rules
set for each other (passive, impersonal, which subject reading ran…).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from marsad.doc import Doc
from marsad.grammar.triggers import Trigger
from marsad.events.nouns import target_preps
from marsad.grammar.phrase_index import Match
from marsad.grammar.mention_map import MentionMap
from marsad.grammar.words import PREPOSITION_WORDS
from marsad.types import Event, Mention, Sentence, Token

DAMMA = "\u064f"


@dataclass(eq=False)
class RoleState:
    """One trigger match as the role rules see it. The rules change `trig`
    (its type or part of speech), `source`, `target`, `rule` (the event's
    rule string, e.g. `verb:svo:issued`) and the flags; `fired` lists the
    rules that fired and `stop` is set by a rule that drops the event."""

    doc: Doc
    mmap: MentionMap
    s_i: int  # the sentence's index
    m: Match[Trigger]
    trig: Trigger
    subjects: list[tuple[int, Mention]]  # explicit subjects so far, by token position
    earlier: list[Event]  # the sentence's events before this one
    governors: tuple[list[int], list[int]]  # the sentence's negating and hedging words (clause_governors)
    source: Mention | None = None
    target: Mention | None = None
    genitive_target: Mention | None = None  # a noun's genitive or backed one, the target unless another is found
    rule: str = ""
    light_verb: int | None = None  # the light verb before an event noun (تمكنت من تحرير)
    impersonal: bool = False  # تم قصف مواقع: after the impersonal passive
    passive: bool = False
    subject_step: str = ""  # which reading of a verb's subject ran: participle | inside | read
    how: str = ""  # how MentionMap.verb_subject found it (:svo, :relative…)
    reported: bool = False  # a reported clause names the subject (أن الصاروخ كان يستهدف)
    preps: tuple[str, ...] = ()  # how the trigger takes its target
    object_preps: tuple[str, ...] | None = None  # `preps` for the object search when they differ
    after: int = 0  # the token the target search starts after
    pronoun: str = ""  # the object pronoun a verb carries
    negated: bool = False
    hedged: bool = False
    anchor: int = 0  # the word that carries the modality: the trigger or its light verb
    fired: list[str] = field(default_factory=list)
    stop: bool = False

    @property
    def tokens(self) -> list[Token]:
        return self.doc.tokens

    @property
    def sent(self) -> Sentence:
        return self.doc.sentences[self.s_i]

    @cached_property
    def clause(self) -> tuple[int, int]:
        """The token range of the trigger's clause (its sentence if none holds it)."""
        sent = self.sent
        return next((c for c in sent.clauses if c[0] <= self.m.start < c[1]), sent.tokens)

    @property
    def token(self) -> Token:
        """The trigger's first token."""
        return self.doc.tokens[self.m.start]

    @property
    def verb_like(self) -> bool:
        """A verb or passive trigger read in the active voice: its subject is sought."""
        return self.trig.pos in ("verb", "passive") and not self.passive

    @property
    def backing(self) -> bool:
        """A noun entry with من (المدعومة من، بإسناد من): the backer follows من."""
        return self.trig.pos == "noun" and "من" in self.trig.form.split()

    @cached_property
    def victim_before(self) -> Mention | None:
        """For a passive trigger, the subject before it (a quoted verb is a clause)."""
        return self.mmap.subject_before(self.m.start, self.sent.tokens[0]) if self.passive else None

    @cached_property
    def relative(self) -> Mention | None:
        """For a passive verb, the antecedent of the relative clause it stands in."""
        return self.mmap.relative_antecedent(self.m.start, self.clause[0]) \
            if self.passive and self.trig.pos != "noun" else None

    def begin_roles(self) -> None:
        """After the trigger rules: the rule string starts as the part of
        speech, and the target prepositions are the trigger's."""
        self.rule = self.trig.pos
        self.preps = target_preps(self.trig)


def verb_suffix_pronoun(tok: Token, m: Match[Trigger]) -> str:
    """The pronoun a verb carries, also when the segmenter kept the word whole
    and only the trigger reading (its key) stripped it: تحاصرها → ها."""
    if tok.suffix or m.end - m.start > 1:
        return tok.suffix
    at = tok.norm.rfind(m.key) if m.key else -1
    return tok.norm[at + len(m.key):] if at >= 0 else ""


def gender_under_pronoun(tok: Token, m: Match[Trigger]) -> str | None:
    """The gender of a verb whose object pronoun only the trigger reading
    stripped (اختطفتهم → اختطفت: feminine), or None to read it from the word."""
    if tok.suffix or not verb_suffix_pronoun(tok, m):
        return None
    return "p" if m.key.endswith(("وا", "ون")) else "f" if m.key.endswith("ت") else None


def after_preposition(doc: Doc, i: int) -> bool:
    """Whether the word at i follows a preposition (في طلبها، بعد رفض الأطباء)."""
    return i > 0 and doc.tokens[i - 1].norm in PREPOSITION_WORDS
