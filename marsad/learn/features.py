"""Feature functions of the learned event models: ONE function per model, shared by training
(`marsad.learn.train`) and prediction (`marsad.learn.stage`), so the two cannot drift apart.

Features are strings (`name=value`); the model's vocabulary maps them to columns.
"""
from __future__ import annotations

from marsad.grammar.agreement import agrees, mention_gender, verb_gender
from marsad.doc import Doc
from marsad.events.modality import event_modality
from marsad.learn.candidates import RoleCandidate, RuleView, TriggerCandidate
from marsad.grammar.words import PREPOSITION_WORDS
from marsad.types import Mention

DISTANCE_BUCKETS = (1, 2, 3, 5, 8, 12, 20)


def _bucket(n: int) -> str:
    for b in DISTANCE_BUCKETS:
        if n <= b:
            return str(b)
    return "far"


def _word(doc: Doc, i: int, a: int, b: int) -> str:
    if i < a:
        return "<s>"
    if i >= b:
        return "</s>"
    t = doc.tokens[i]
    return t.key if t.is_word else t.text


def trigger_features(doc: Doc, view: RuleView, c: TriggerCandidate, earlier_types: dict[str, int],
                     governors: tuple[list[int], list[int]]) -> list[str]:
    """Features of one trigger candidate. `earlier_types`: lexicon types of earlier candidates
    in the same sentence (count by type); `governors`: the sentence's denial/hedging governors."""
    sent = doc.sentences[c.sentence]
    a, b = sent.tokens
    first = doc.tokens[c.start]
    words = " ".join(doc.tokens[i].key for i in range(c.start, c.end))
    pos = c.pos
    f = [f"w={words}", f"pos={pos}", f"origin={c.origin}", f"pre={first.prefix}", f"suf={first.suffix}", f"len={c.end - c.start}",
         f"w3={first.key[:3]}", f"we2={first.key[-2:]}"]
    for t in c.types:
        f += [f"lex={t}", f"lex={t}&pos={pos}", f"lex={t}&w={words}", f"lex={t}&pre={first.prefix}"]
    if len(c.types) > 1:
        f.append("lex_ambiguous")
    for k in (-2, -1, 1, 2):
        i = c.start + k if k < 0 else c.end - 1 + k
        w = _word(doc, i, a, b)
        f.append(f"w{k:+d}={w}")
        if k in (-1, 1):
            f.append(f"w{k:+d}={w}&w={words}")
    rule = c.rule_event
    if rule is None:
        f.append("rule=none")
    else:
        f += [f"rule={rule.type}", f"rule_name={rule.rule}", f"rule={rule.type}&w={words}",
              f"rule_src={'y' if rule.source else 'n'}", f"rule_tgt={'y' if rule.target else 'n'}"]
        if rule.negated:
            f.append("rule_negated")
        if rule.hedged:
            f.append("rule_hedged")
    negated, hedged = event_modality(doc, a, c.start, governors)
    if negated:
        f.append("negated")
    if hedged:
        f.append("hedged")
    if view.quote_depth[c.start]:
        f.append("quoted")
    if c.start in view.cue_tokens:
        f.append("claim_cue")
    if c.start in view.mmap.covering:
        f.append("in_mention")
    if c.start > a and doc.tokens[c.start - 1].norm in PREPOSITION_WORDS:
        f.append("after_prep")
    f.append(f"sent={'first' if c.sentence == 0 else 'body'}")
    f.append(f"tok_in_sent={_bucket(c.start - a)}")
    for t in c.types:
        if earlier_types.get(t):
            f.append(f"earlier_same_type&lex={t}")
    before = [m for m in view.mentions_by_sentence[c.sentence] if m.tokens[1] <= c.start]
    after = [m for m in view.mentions_by_sentence[c.sentence] if m.tokens[0] >= c.end]
    f.append(f"mentions_before={min(len(before), 3)}")
    f.append(f"mentions_after={min(len(after), 3)}")
    if after and after[0].tokens[0] - c.end <= 1:
        f.append("mention_next")
        if after[0].actor and after[0].actor.sector:
            f.append(f"next_sector={after[0].actor.sector}")
    return f


def _same(m: Mention | None, other: Mention | None) -> bool:
    return m is not None and other is not None and m.tokens == other.tokens


def role_features(doc: Doc, view: RuleView, trig: TriggerCandidate, etype: str, role: str,
                  cand: RoleCandidate, ordered: list[RoleCandidate]) -> list[str]:
    """Features of one role candidate (`cand`) for the `role` ('source' or 'target') of an event
    of type `etype` at `trig`; `ordered` is all of the trigger's candidates (for nearest-ness)."""
    rule = trig.rule_event
    pos = trig.pos
    rule_pick = getattr(rule, role) if rule is not None else None
    other_pick = getattr(rule, "target" if role == "source" else "source") if rule is not None else None
    m = cand.mention
    if m is None:
        f = ["none", f"none&T={etype}", f"none&pos={pos}", f"none&rule={'y' if rule_pick else 'n'}",
             f"none&T={etype}&rule={'y' if rule_pick else 'n'}"]
        if rule is not None and rule.rule:
            f.append(f"none&rule_name={rule.rule}")
        if pos == "passive":
            f.append("none&passive")
        return f
    sent_a, sent_b = doc.sentences[trig.sentence].tokens
    before = m.tokens[1] <= trig.start
    side = "before" if before else "after"
    dist = trig.start - m.tokens[1] if before else m.tokens[0] - trig.end + 1
    f = [f"side={side}", f"dist={_bucket(max(dist, 0))}", f"T={etype}&side={side}", f"pos={pos}&side={side}",
         f"lab={m.label}", f"T={etype}&lab={m.label}"]
    if cand.sentence != trig.sentence:
        f.append("prev_sentence")
    actor = m.actor
    sector = actor.sector if actor and actor.sector else "none"
    f += [f"sec={sector}", f"T={etype}&sec={sector}", f"T={etype}&side={side}&sec={sector}"]
    if actor and actor.id:
        f.append("has_actor_id")
    if actor and actor.country:
        f.append("has_country")
    if _same(m, rule_pick):
        f += ["rule_pick", f"rule_pick&T={etype}"]
        if rule is not None and rule.rule:
            f.append(f"rule_pick&rule_name={rule.rule}")
    elif rule_pick is not None and rule_pick.cluster is not None and rule_pick.cluster == m.cluster:
        f.append("rule_pick_coref")
    if _same(m, other_pick):
        f.append("rule_other_role")
    # the word that governs the candidate: a preposition before it, or the proclitic it carries
    first = doc.tokens[m.tokens[0]] if m.tokens[0] < len(doc.tokens) else doc.tokens[-1]
    prev = doc.tokens[m.tokens[0] - 1] if m.tokens[0] > 0 else None
    gov = prev.norm if prev is not None and prev.norm in PREPOSITION_WORDS else ""
    clitic = first.prefix.lstrip("وف")
    f += [f"gov={gov or '-'}", f"cl={clitic or '-'}", f"T={etype}&gov={gov or '-'}", f"T={etype}&cl={clitic or '-'}"]
    if prev is not None and not prev.is_word:
        f.append(f"punct_before={prev.text}")
    head = doc.tokens[m.tokens[0]].key
    f += [f"head={head}", f"{role}&T={etype}&head={head}"]
    gender = mention_gender(m, doc.tokens)
    vg = verb_gender(doc.tokens[trig.start]) if pos in ("verb", "passive", "learned", "cue") else None
    if gender and vg:
        f.append(f"agree={'y' if agrees(vg, gender, False) else 'n'}&side={side}")
    preps = tuple(p for t in trig.payloads if t.type == etype for p in t.target)
    if gov and gov in preps or clitic and clitic in preps:
        f += ["lexicon_target_prep", f"T={etype}&lexicon_target_prep"]
    if not before and not gov and not clitic and "obj" in preps:
        f.append("lexicon_direct_object_side")
    if trig.sentence == cand.sentence:
        if preps and _same(m, view.mmap.object_after(trig.end - 1, sent_b, preps, 12)):
            f += ["object_after", f"T={etype}&object_after"]
        if _same(m, view.mmap.subject_after(trig.end - 1, sent_b)):
            f += ["subject_after", f"T={etype}&subject_after"]
        if _same(m, view.mmap.subject_before(trig.start, sent_a)):
            f += ["subject_before", f"T={etype}&subject_before"]
        if view.quote_depth[m.tokens[0]] != view.quote_depth[trig.start]:
            f.append("quote_boundary")
        between = [c for c in ordered if c.mention is not None and c.sentence == trig.sentence
                   and (m.tokens[1] <= c.mention.tokens[0] and c.mention.tokens[1] <= trig.start if before
                        else trig.end <= c.mention.tokens[0] and c.mention.tokens[1] <= m.tokens[0])]
        f.append(f"nearer={min(len(between), 3)}&side={side}")
        commas = sum(1 for i in (range(m.tokens[1], trig.start) if before else range(trig.end, m.tokens[0]))
                     if doc.tokens[i].text in ("،", ","))
        f.append(f"commas={min(commas, 2)}")
    if any(_same(m, s) for s in view.speakers.get(trig.sentence, ())):
        f += ["speaker", f"T={etype}&speaker"]
        attribution = rule.attribution if rule is not None else None
        if attribution is not None and _same(m, attribution.speaker):
            f += ["attributed_speaker", f"T={etype}&attributed_speaker"]
    return f
