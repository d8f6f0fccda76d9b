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

from dataclasses import dataclass, replace

import numpy as np

from marsad.claims.claims import NAME_RULES
from marsad.doc import Doc
from marsad.events.acts import entity_of
from marsad.learn.candidates import RoleCandidate, RuleView, TriggerCandidate, role_candidates
from marsad.learn.features import RoleContext, candidate_features, role_context, word_clusters
from marsad.learn.stage import choose, shipped_models
from marsad.grammar.predicates import participle
from marsad.grammar.words import COMPLEMENTIZERS, QUOTE_MARKS
from marsad.text.clitics import prefix_for_key
from marsad.text.normalize import fold
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
    f.append(f"content_words={_bucket(_content_words(doc, claim, a, b), LENGTH_BUCKETS)}")
    f += _frame_features(doc, claim, cue_tok, tok.key, a)
    earlier = [c for c in view.claims_by_sentence.get(claim.sentence, ()) if c.cue.start < claim.cue.start]
    rank = min(len(earlier), 2)
    f += [f"sentence_rank={rank}", f"cue={tok.key}&sentence_rank={rank}"]
    if earlier and claim.speaker is not None and earlier[-1].speaker is not None \
            and earlier[-1].speaker.text == claim.speaker.text:
        f.append("same_speaker_as_previous")  # قال X … مضيفا: one speaker, two claims
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


POSITION_BUCKETS = (0, 2, 8)


def _frame_features(doc: Doc, claim: Claim, cue_tok: int, cue_key: str, a: int) -> list[str]:
    """How the claim is framed in its sentence: the punctuation before the cue (`،` before a
    participle or a trailing attribution, a sentence start), the cue's place in the sentence,
    whether it sits inside a quotation (a cue inside someone's quoted words), a participle (مضيفا)
    or a conjunction on it (وأضاف), and how the speech opens (أن، a colon, a quotation mark)."""
    toks = doc.tokens
    prev = toks[cue_tok - 1] if cue_tok > a else None
    punct = "<s>" if prev is None else (prev.text if not prev.is_word else "word")
    position = _bucket(cue_tok - a, POSITION_BUCKETS)
    text = doc.text
    sent_start = toks[a].start
    quotes_before = sum(text.count(q, sent_start, claim.cue.start) for q in QUOTE_MARKS)
    cue_text = toks[cue_tok].text
    shape = ("participle" if participle(fold(cue_text)) else
             "conj" if prefix_for_key(toks[cue_tok].light, cue_key).startswith(("و", "ف")) else "plain")
    gap = text[claim.cue.end:claim.content[0]]
    opens = ("colon" if ":" in gap else "quote" if text[claim.content[0]:claim.content[0] + 1] in QUOTE_MARKS
             else "comp" if any(w in COMPLEMENTIZERS for w in (fold(g) for g in gap.split()[-1:])) else "other")
    f = [f"prev_punct={punct}", f"cue_position={position}", f"cue={cue_key}&cue_position={position}",
         f"cue_shape={shape}", f"cue_shape={shape}&prev_punct={punct}", f"opens={opens}",
         f"cue={cue_key}&opens={opens}", f"in_quote={quotes_before % 2 == 1}"]
    sp = claim.speaker
    if sp is not None and sp.label == "PER" and sp.rule in NAME_RULES:
        f.append("speaker_name")
    return f


def _content_words(doc: Doc, claim: Claim, a: int, b: int) -> int:
    """How many word tokens of the claim's sentence (tokens [a, b)) start inside its content: tokens
    are in text order, so only those from the content's first one on are visited."""
    lo, hi = claim.content
    first = doc.token_at(lo)
    if first < 0 or doc.tokens[first].start < lo:
        first += 1
    n = 0
    for t in doc.tokens[max(first, a):b]:
        if t.start >= hi:
            break
        n += t.is_word
    return n


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


def _cue_candidate(doc: Doc, view: RuleView, claim: Claim) -> TriggerCandidate:
    i = doc.token_at(claim.cue.start)
    return TriggerCandidate(claim.sentence, i, i + 1, (), view.events_at.get(i), "cue")


@dataclass(frozen=True, slots=True)
class SpeakerContext:
    """What a claim's speaker candidates are compared with besides the role rankers' context: the
    claim, and its feature strings, built once per claim rather than once per candidate."""

    claim: Claim
    cue_before: str
    cue_after: str
    none: str
    rule_speaker: tuple[str, str]

    @classmethod
    def of(cls, doc: Doc, claim: Claim, trig: TriggerCandidate) -> SpeakerContext:
        cue = doc.tokens[trig.start].key
        return cls(claim, f"cue={cue}&side=before", f"cue={cue}&side=after",
                   f"none&rule_speaker={'y' if claim.speaker else 'n'}",
                   ("rule_speaker", f"rule_speaker&rule={claim.rule.split(':')[0] if claim.rule else '-'}"))


def speaker_features(doc: Doc, view: RuleView, sc: SpeakerContext, ctx: RoleContext, cand: RoleCandidate) -> list[str]:
    """Features of one speaker candidate of a claim: the role rankers' candidate features (with
    the pseudo-type CLAIM), and `speaker_only_features`."""
    return candidate_features(doc, view, ctx, cand) + speaker_only_features(sc, ctx, cand)


def speaker_only_features(sc: SpeakerContext, ctx: RoleContext, cand: RoleCandidate) -> list[str]:
    """The features `speaker_features` adds to the role rankers' (kept apart so that prediction
    sums the two parts without joining the lists): the cue and side, and whether the rules made
    the candidate the speaker."""
    m, claim = cand.mention, sc.claim
    if m is None:
        return [sc.none]
    f = [sc.cue_before if m.tokens[1] <= ctx.trig.start else sc.cue_after]
    if claim.content[0] <= m.start < claim.content[1]:
        f.append("in_content")  # what is said is rarely who says it (أفادت تقارير بأن الرئيس …)
    rule_speaker = claim.speaker
    if rule_speaker is not None and m.tokens == rule_speaker.tokens:
        f += sc.rule_speaker
    elif rule_speaker is not None and rule_speaker.cluster is not None and rule_speaker.cluster == m.cluster:
        f.append("rule_speaker_coref")
    return f


def _speaker_candidates(doc: Doc, view: RuleView, claim: Claim):
    """(candidates, role context, speaker context) of one claim's speaker."""
    trig = _cue_candidate(doc, view, claim)
    cands = role_candidates(doc, view, trig)
    if claim.speaker is not None and all(c.mention is None or c.mention.tokens != claim.speaker.tokens for c in cands):
        cands.append(RoleCandidate(claim.speaker, claim.sentence))
    return cands, role_context(doc, view, trig, "CLAIM", cands), SpeakerContext.of(doc, claim, trig)


def speaker_groups(doc: Doc, view: RuleView, claim: Claim):
    """(candidates, their feature lists) of one claim's speaker."""
    cands, ctx, sc = _speaker_candidates(doc, view, claim)
    return cands, [speaker_features(doc, view, sc, ctx, c) for c in cands]


def speaker_scores(doc: Doc, view: RuleView, claim: Claim, model) -> tuple[list[RoleCandidate], np.ndarray]:
    """(candidates, the ranker's scores of their `speaker_groups` features): the role rankers' part
    and the speaker's own part summed one after the other, in order (the same float sums as over
    the joined list, without building it)."""
    cands, ctx, sc = _speaker_candidates(doc, view, claim)
    partial = model.sums([candidate_features(doc, view, ctx, c) for c in cands])
    return cands, model.scores_after(partial, [speaker_only_features(sc, ctx, c) for c in cands])


def choose_speakers(doc: Doc, model, view: RuleView | None = None) -> list[Claim]:
    """The rules' claims with the speaker ranker's choice of speaker (the entity with the most mass)."""
    view = view or RuleView(doc)
    out = []
    for claim in doc.claims:
        cands, scores = speaker_scores(doc, view, claim, model)
        speaker = cands[choose(scores, [entity_of(c.mention) for c in cands])[0]].mention
        # the claim itself when the ranker keeps the rules' speaker (claims are frozen: the same value)
        out.append(claim if speaker is claim.speaker else replace(claim, speaker=speaker))
    return out
