"""Feature functions of the learned role rankers (the sentence-type features are in
marsad/learn/sentences.py, the place ranker's in marsad/learn/places.py): ONE function per model,
shared by training (`marsad.learn.train`) and prediction (`marsad.learn.stage`).

Features are strings (`name=value`); the model's vocabulary maps them to columns.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from marsad.grammar.agreement import agrees, verb_gender
from marsad.doc import Doc
from marsad.learn.candidates import RoleCandidate, RuleView, TriggerCandidate
from marsad.grammar.words import PREPOSITION_WORDS
from marsad.ner.clusters import load_clusters, stem_key
from marsad.types import Event, Mention

DISTANCE_BUCKETS = (1, 2, 3, 5, 8, 12, 20)


@lru_cache(maxsize=200_000)
def word_clusters(text: str) -> tuple[int, int] | None:
    """(coarse, fine) distributional cluster of a word (marsad.ner.clusters: learned from
    Marsad's own unlabelled news), so that inflections and synonyms share evidence."""
    return load_clusters().get(stem_key(text))


def _cluster_features(name: str, text: str) -> list[str]:
    c = word_clusters(text)
    return [f"{name}c1={c[0]}", f"{name}c2={c[1]}"] if c else [f"{name}c=none"]


def _bucket(n: int) -> str:
    return _BUCKET_NAMES[max(n, 0)] if n < len(_BUCKET_NAMES) else "far"


# the bucket of every distance up to the last bound (a look-up: asked for every role and place candidate)
_BUCKET_NAMES = tuple(next(str(b) for b in DISTANCE_BUCKETS if n <= b) for n in range(DISTANCE_BUCKETS[-1] + 1))


def neighbour_word(doc: Doc, i: int, a: int, b: int) -> str:
    """Token i's word key within the sentence tokens [a, b), or a sentence-edge mark."""
    if i < a:
        return "<s>"
    if i >= b:
        return "</s>"
    t = doc.tokens[i]
    return t.key if t.is_word else t.text


def word_before(doc: Doc, i: int) -> str:
    """The key of the token before position i (across sentence ends; a number as NUM)."""
    if i <= 0:
        return "<doc>"
    t = doc.tokens[min(i, len(doc.tokens)) - 1]
    if any(ch.isdigit() for ch in t.text):
        return "NUM"
    return t.key if t.is_word else t.text


def _same(m: Mention | None, other: Mention | None) -> bool:
    return m is not None and other is not None and m.tokens == other.tokens


@dataclass(frozen=True, slots=True)
class RoleContext:
    """What every role candidate of one trigger is compared with, computed once per trigger and type:
    the rules' picks, and the rules' syntactic analysis around the trigger (its VSO subject, its
    fronted subject, the object its lexicon entry takes)."""

    trig: TriggerCandidate
    etype: str
    rule: Event | None
    sent: tuple[int, int]
    verb_gender: str | None
    preps: tuple[str, ...]
    subject_after: Mention | None
    subject_before: Mention | None
    object_after: Mention | None
    speakers: tuple[Mention, ...]
    spans: tuple[tuple[int, int], ...]  # token spans of the trigger sentence's candidate mentions


def role_context(doc: Doc, view: RuleView, trig: TriggerCandidate, etype: str,
                 ordered: list[RoleCandidate]) -> RoleContext:
    a, b = doc.sentences[trig.sentence].tokens
    pos = trig.pos
    preps = tuple(p for t in trig.payloads if t.type == etype for p in t.target)
    return RoleContext(
        trig, etype, trig.rule_event, (a, b),
        verb_gender(doc.tokens[trig.start]) if pos in ("verb", "passive", "cue") else None, preps,
        view.mmap.subject_after(trig.end - 1, b), view.mmap.subject_before(trig.start, a),
        view.mmap.object_after(trig.end - 1, b, preps, 12) if preps else None,
        tuple(view.speakers.get(trig.sentence, ())),
        tuple(c.mention.tokens for c in ordered if c.mention is not None and c.sentence == trig.sentence))


def candidate_features(doc: Doc, view: RuleView, ctx: RoleContext, cand: RoleCandidate) -> list[str]:
    """The role-independent features of one candidate (`role_features` adds the role's own)."""
    trig, etype, rule = ctx.trig, ctx.etype, ctx.rule
    pos = trig.pos
    m = cand.mention
    if m is None:
        f = ["none", f"none&T={etype}", f"none&pos={pos}"]
        if rule is not None and rule.rule:
            f.append(f"none&rule_name={rule.rule}")
        if pos == "passive":
            f.append("none&passive")
        return f
    before = m.tokens[1] <= trig.start
    side = "before" if before else "after"
    dist = trig.start - m.tokens[1] if before else m.tokens[0] - trig.end + 1
    bucket = _bucket(max(dist, 0))
    trig_key = doc.tokens[trig.start].key
    f = [f"side={side}", f"dist={bucket}", f"T={etype}&side={side}", f"pos={pos}&side={side}",
         f"pos={pos}&side={side}&dist={bucket}", f"T={etype}&pos={pos}&side={side}&dist={bucket}",
         f"trig={trig_key}&side={side}", f"lab={m.label}", f"T={etype}&lab={m.label}"]
    if cand.sentence != trig.sentence:
        f.append("prev_sentence")
    actor = m.actor
    sector = actor.sector if actor and actor.sector else "none"
    f += [f"sec={sector}", f"T={etype}&sec={sector}", f"T={etype}&side={side}&sec={sector}"]
    if actor and actor.id:
        f.append("has_actor_id")
    if actor and actor.country:
        f.append("has_country")
    # the word that governs the candidate: a preposition before it, or the proclitic it carries
    first = doc.tokens[m.tokens[0]] if m.tokens[0] < len(doc.tokens) else doc.tokens[-1]
    prev = doc.tokens[m.tokens[0] - 1] if m.tokens[0] > 0 else None
    gov = prev.norm if prev is not None and prev.norm in PREPOSITION_WORDS else ""
    clitic = first.prefix.lstrip("وف")
    f += [f"gov={gov or '-'}", f"cl={clitic or '-'}", f"T={etype}&gov={gov or '-'}", f"T={etype}&cl={clitic or '-'}",
          f"trig={trig_key}&side={side}&gov={gov or '-'}&cl={clitic or '-'}"]
    if prev is not None and not prev.is_word:
        f.append(f"punct_before={prev.text}")
    # the word before the candidate marks its role where no preposition does: an agent after برصاص,
    # بنيران or يد, a victim counted (NUM), a speaker after قال, an object after a verbal noun
    before_word = word_before(doc, m.tokens[0])
    f += [f"prevw={before_word}", f"T={etype}&side={side}&prevw={before_word}"]
    head = first.key
    f.append(f"head={head}")
    hc = word_clusters(first.text)
    if hc:
        f += [f"headc2={hc[1]}", f"T={etype}&headc1={hc[0]}"]
    gender = view.gender(m)
    if gender and ctx.verb_gender:
        f.append(f"agree={'y' if agrees(ctx.verb_gender, gender, False) else 'n'}&side={side}")
    preps = ctx.preps
    if gov and gov in preps or clitic and clitic in preps:
        f += ["lexicon_target_prep", f"T={etype}&lexicon_target_prep"]
    if not before and not gov and not clitic and "obj" in preps:
        f.append("lexicon_direct_object_side")
    if trig.sentence == cand.sentence:
        if _same(m, ctx.object_after):
            f += ["object_after", f"T={etype}&object_after"]
        if _same(m, ctx.subject_after):
            f += ["subject_after", f"T={etype}&subject_after"]
        if _same(m, ctx.subject_before):
            f += ["subject_before", f"T={etype}&subject_before"]
        if view.quote_depth[m.tokens[0]] != view.quote_depth[trig.start]:
            f.append("quote_boundary")
        lo, hi = (m.tokens[1], trig.start) if before else (trig.end, m.tokens[0])  # the tokens in between
        between = sum(1 for s, e in ctx.spans if lo <= s and e <= hi)
        f.append(f"nearer={min(between, 3)}&side={side}")
        commas = view.commas_before[hi] - view.commas_before[lo] if hi > lo else 0
        f.append(f"commas={min(commas, 2)}")
    if ctx.speakers and any(_same(m, s) for s in ctx.speakers):
        f += ["speaker", f"T={etype}&speaker"]
        attribution = rule.attribution if rule is not None else None
        if attribution is not None and _same(m, attribution.speaker):
            f += ["attributed_speaker", f"T={etype}&attributed_speaker"]
    return f


def role_features(doc: Doc, ctx: RoleContext, role: str, cand: RoleCandidate, base: list[str]) -> list[str]:
    """`base` (`candidate_features`) plus the features of the candidate for `role` ('source' or
    'target'): whether the rules picked it for this role or the other."""
    return base + role_only_features(doc, ctx, role, cand)


def role_only_features(doc: Doc, ctx: RoleContext, role: str, cand: RoleCandidate) -> list[str]:
    """The features `role_features` adds to the candidate's own (kept apart so that prediction sums
    the role-independent ones once for both roles)."""
    rule, etype = ctx.rule, ctx.etype
    rule_pick = getattr(rule, role) if rule is not None else None
    m = cand.mention
    if m is None:
        return [f"none&rule={'y' if rule_pick else 'n'}", f"none&T={etype}&rule={'y' if rule_pick else 'n'}"]
    other_pick = getattr(rule, "target" if role == "source" else "source") if rule is not None else None
    f = []
    if _same(m, rule_pick):
        f += ["rule_pick", f"rule_pick&T={etype}"]
        if rule is not None and rule.rule:
            f.append(f"rule_pick&rule_name={rule.rule}")
    elif rule_pick is not None and rule_pick.cluster is not None and rule_pick.cluster == m.cluster:
        f.append("rule_pick_coref")
    if _same(m, other_pick):
        f.append("rule_other_role")
    first = doc.tokens[m.tokens[0]] if m.tokens[0] < len(doc.tokens) else doc.tokens[-1]
    f.append(f"{role}&T={etype}&head={first.key}")
    return f
