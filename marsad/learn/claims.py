"""The learned claim filter: which of the rules' claims does the annotation guide count?

The rules find a claim at every speech cue (قال، أعلن، اعتبر، وصف …) and pick its speaker. On
held-out articles most of their errors are claims the guide does not count (a characterisation
made inside an event, `وصف X الهجوم بأنه …`; a cue in another sense, `لم يكتب لها النجاح`; a
speaker that is no speaker, `تعتبر دير الزور مثالا`) and speakers picked wrongly. Two models:
- a speaker ranker (listwise, as the event role rankers, over the cue's candidate mentions, the
  rules' pick a feature) re-picks each claim's speaker;
- a filter (binary logistic regression over the claim's cue, its speaker and its sentence) keeps
  a claim when it is likely to be right — cue and speaker both — and drops it otherwise.
The rules stay the candidate generator; the models re-attribute and remove, never add.
"""
from __future__ import annotations

import numpy as np

from marsad.doc import Doc
from marsad.learn.candidates import RuleView
from marsad.learn.features import word_clusters
from marsad.types import Claim

LENGTH_BUCKETS = (3, 8, 15, 30)


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    return next((str(e) for e in edges if n <= e), "more")


def claim_features(doc: Doc, view: RuleView, claim: Claim) -> list[str]:
    """Features of one rules' claim (shared by training and prediction)."""
    cue_tok = doc.token_at(claim.cue.start)
    tok = doc.tokens[cue_tok]
    a, b = doc.sentences[claim.sentence].tokens
    prev = doc.tokens[cue_tok - 1].key if cue_tok > a and doc.tokens[cue_tok - 1].is_word else "<s>"
    f = ["bias", f"cue={tok.key}", f"cue_prefix={tok.prefix or '-'}", f"prev={prev}", f"cue={tok.key}&prev={prev}",
         f"rule={claim.rule.split(':')[0] if claim.rule else '-'}", f"rule_full={claim.rule or '-'}",
         f"direct={claim.direct}", f"first_sentence={claim.sentence == 0}"]
    nxt = cue_tok + 1
    f.append(f"next={doc.tokens[nxt].key if nxt < b and doc.tokens[nxt].is_word else '</s>'}")
    cl = word_clusters(tok.text)
    if cl:
        f.append(f"cue_c2={cl[1]}")
    words = sum(1 for i in range(a, b) if doc.tokens[i].is_word
                and claim.content[0] <= doc.tokens[i].start < claim.content[1])
    f.append(f"content_words={_bucket(words, LENGTH_BUCKETS)}")
    if claim.quantities:
        f.append("has_quantity")
    event = view.events_at.get(cue_tok)
    if event is not None:
        f += [f"cue_event={event.type}", f"cue={tok.key}&cue_event={event.type}"]
    sp = claim.speaker
    if sp is None:
        f += ["speaker=none", f"cue={tok.key}&speaker=none"]
        return f
    side = "before" if sp.end <= claim.cue.start else "after"
    sector = sp.actor.sector if sp.actor and sp.actor.sector else "none"
    f += [f"speaker_label={sp.label}", f"speaker_sector={sector}", f"speaker_side={side}",
          f"cue={tok.key}&speaker_side={side}", f"speaker_rule={sp.rule or '-'}",
          f"speaker_label={sp.label}&side={side}", f"speaker_head={doc.tokens[sp.tokens[0]].key}"]
    if sp.actor is not None and sp.actor.id:
        f.append("speaker_linked")
    if doc.sentence_of_token(sp.tokens[0]) != claim.sentence:
        f.append("speaker_other_sentence")
    gap = claim.cue.start - sp.end if side == "before" else sp.start - claim.cue.end
    f.append(f"speaker_gap={_bucket(max(gap, 0) // 5, LENGTH_BUCKETS)}")
    return f


# The output contract counts an accusation or a denial as a claim too ("اتهم X Y بـ… is an ACCUSE
# event and a claim by X"; its cue list names نفى and اتهم), which the annotation guide's cue list
# leaves out, so the annotated corpus under-counts them: the filter never drops a claim whose cue
# the rules also read as an accusation or a denial.
CONTRACT_CLAIM_EVENTS = frozenset({"ACCUSE", "REJECT"})


def keep_claims(doc: Doc, claims: list[Claim], model, threshold: float, view: RuleView) -> list[Claim]:
    """The claims the model keeps (probability of being right ≥ threshold, or a cue the contract
    makes a claim of). `claims` may carry re-picked speakers; `view` is the rules' view of `doc`."""
    if not claims:
        return []
    scores = model.scores_many([claim_features(doc, view, c) for c in claims])
    probs = 1.0 / (1.0 + np.exp(-np.clip(scores, -50.0, 50.0)))
    return [c for c, p in zip(claims, probs) if p >= threshold or _contract_cue(doc, view, c)]


def _contract_cue(doc: Doc, view: RuleView, claim: Claim) -> bool:
    event = view.events_at.get(doc.token_at(claim.cue.start))
    return event is not None and event.type in CONTRACT_CLAIM_EVENTS


class ClaimModel:
    """Re-pick each rules' claim's speaker with the speaker ranker, then keep the claims the claim
    filter judges right (marsad.learn.claims)."""

    name = "claim_model"
    requires = ("tokens", "sentences", "mentions", "claims", "events")
    provides: tuple[str, ...] = ()
    rewrites = ("claims",)  # filtered, never changed

    def __init__(self, models=None):
        self.models = models

    def __call__(self, doc: Doc) -> Doc:
        from marsad.learn.stage import shipped_models

        doc.claims = learned_claims(doc, self.models or shipped_models())
        return doc


def learned_claims(doc: Doc, models) -> list[Claim]:
    """The rules' claims with the ranker's speakers, filtered (what `ClaimModel` gives)."""
    claims = doc.claims
    if not claims:
        return claims
    view = RuleView(doc)  # one view of the rules' output serves both models
    if models.speaker is not None:
        claims = choose_speakers(doc, models.speaker, view)
    if models.claim is not None:
        claims = keep_claims(doc, claims, models.claim, models.claim_threshold, view)
    return claims


def _cue_candidate(doc: Doc, view: RuleView, claim: Claim):
    from marsad.learn.candidates import TriggerCandidate

    i = doc.token_at(claim.cue.start)
    return TriggerCandidate(claim.sentence, i, i + 1, (), view.events_at.get(i), "cue")


def speaker_features(doc: Doc, view: RuleView, claim: Claim, ctx, cand) -> list[str]:
    """Features of one speaker candidate of a claim: the role rankers' candidate features (with
    the pseudo-type CLAIM), and whether the rules made it the speaker."""
    from marsad.learn.features import candidate_features

    f = candidate_features(doc, view, ctx, cand)
    m, rule_speaker = cand.mention, claim.speaker
    if m is None:
        return f + [f"none&rule_speaker={'y' if rule_speaker else 'n'}"]
    cue = doc.tokens[ctx.trig.start].key
    side = "before" if m.tokens[1] <= ctx.trig.start else "after"
    f.append(f"cue={cue}&side={side}")
    if claim.content[0] <= m.start < claim.content[1]:
        f.append("in_content")  # what is said is rarely who says it (أفادت تقارير بأن الرئيس …)
    if rule_speaker is not None and m.tokens == rule_speaker.tokens:
        f += ["rule_speaker", f"rule_speaker&rule={claim.rule.split(':')[0] if claim.rule else '-'}"]
    elif rule_speaker is not None and rule_speaker.cluster is not None and rule_speaker.cluster == m.cluster:
        f.append("rule_speaker_coref")
    return f


def speaker_groups(doc: Doc, view: RuleView, claim: Claim):
    """(candidates, their feature lists) of one claim's speaker."""
    from marsad.learn.candidates import role_candidates
    from marsad.learn.features import role_context

    trig = _cue_candidate(doc, view, claim)
    cands = role_candidates(doc, view, trig)
    if claim.speaker is not None and all(c.mention is None or c.mention.tokens != claim.speaker.tokens for c in cands):
        from marsad.learn.candidates import RoleCandidate

        cands.append(RoleCandidate(claim.speaker, claim.sentence))
    ctx = role_context(doc, view, trig, "CLAIM", cands)
    return cands, [speaker_features(doc, view, claim, ctx, c) for c in cands]


def choose_speakers(doc: Doc, model, view: RuleView | None = None) -> list[Claim]:
    """The rules' claims with the speaker ranker's choice of speaker (the entity with the most mass)."""
    from dataclasses import replace

    from marsad.events.acts import entity_of
    from marsad.learn.stage import choose

    view = view or RuleView(doc)
    out = []
    for claim in doc.claims:
        cands, feats = speaker_groups(doc, view, claim)
        best = choose(model.scores_many(feats), [entity_of(c.mention) for c in cands])[0]
        out.append(replace(claim, speaker=cands[best].mention))
    return out
