"""The learned events stage: the rules' output and analysis in, the models' events out.

Runs after the rules' `EventExtractor` and before grounding (which dates the events it finds and
proposes their places; `PlaceModel` then chooses, and `DateModel` their days). For every sentence the type model gives the
PLOVER types it states (`learn/sentences.py`), each anchored on a word; for each event the role
rankers pick a source and a target among the candidates (mentions, the rules' picks, speakers,
none). Modality and attribution come from the rules' event at the anchor when there is one, else
from the same rules run on the anchor.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

import numpy as np

from marsad.doc import Doc
from marsad.events.acts import entity_of
from marsad.events.modality import clause_governors, event_modality, governor_positions
from marsad.learn.candidates import RoleCandidate, RuleView, TriggerCandidate, role_candidates, trigger_candidates
from marsad.learn.sentences import anchor, sentence_columns, sentence_views
from marsad.learn.features import RoleContext, candidate_features, role_context, role_only_features
from marsad.learn.linear import LinearModel, gc_paused
from marsad.learn.pairs import joint_choice, pair_candidates, pooled_by_entity
from marsad.types import Attribution, Event, Mention, Span

MODEL_DIR = Path(__file__).resolve().parent / "models"
ROLES = ("source", "target")


@dataclass(frozen=True)
class EventModels:
    trigger: LinearModel
    roles: dict[str, LinearModel]
    none_threshold: float = 0.5        # a sentence states a type when its probability reaches this
    place: LinearModel | None = None   # the place ranker (marsad.learn.places), after grounding
    date: LinearModel | None = None    # the event and claim date ranker (marsad.learn.dates), after grounding
    calibration: tuple[float, float] = (1.0, 0.0)  # Platt (a, b): confidence = sigmoid(a·logit(p) + b)
    claim: LinearModel | None = None  # the claim filter (marsad.learn.claims)
    speaker: LinearModel | None = None  # the claim speaker ranker (marsad.learn.claims)
    claim_threshold: float = 0.5      # a rules' claim is kept when its probability reaches this
    # added to the "none" candidate's score by role (source, target), picked on the validation slice:
    # the listwise rankers put too much mass on "none" (252 of 554 wrong targets were "none")
    none_offsets: tuple[float, float] = (0.0, 0.0)
    pair: LinearModel | None = None  # the joint (source, target) choice (marsad.learn.pairs), if trained

    def confidence(self, p: float) -> float:
        """The probability that an event of type probability `p` is strictly right (calibrated)."""
        a, b = self.calibration
        p = min(max(p, 1e-4), 1 - 1e-4)
        return float(1.0 / (1.0 + np.exp(-(a * np.log(p / (1 - p)) + b))))

    @cached_property
    def role_weights(self) -> dict[str, tuple[float, float]]:
        """Each feature's (source, target) weight (0.0 where a ranker does not know it): a
        candidate's role-independent features are then looked up once for both roles."""
        source, target = (self.roles[role].column_weights[0] for role in ROLES)
        # built at start-up: one pass per table (~100,000 features each), a third of the time of
        # one look-up per table for each feature of their union; same keys, same order
        with gc_paused():  # ~10^5 new tuples, none of them garbage: 20–28 ms of start-up saved
            weights = {f: (w, 0.0) for f, w in source.items()}
            known = weights.get
            for f, w in target.items():
                pair = known(f)
                weights[f] = (0.0, w) if pair is None else (pair[0], w)
        return weights

    @classmethod
    def load(cls, directory: Path = MODEL_DIR) -> EventModels:
        meta = json.loads((directory / "events.json").read_text(encoding="utf-8"))
        place, claim, speaker = directory / "place.json", directory / "claim.json", directory / "speaker.json"
        date, pair = directory / "date.json", directory / "pair.json"
        return cls(LinearModel.load(directory / "trigger", intern=True),
                   {role: LinearModel.load(directory / role) for role in ROLES},
                   none_threshold=meta["none_threshold"],
                   place=LinearModel.load(directory / "place") if place.exists() else None,
                   date=LinearModel.load(directory / "date") if date.exists() else None,
                   calibration=tuple(meta.get("calibration", (1.0, 0.0))),
                   claim=LinearModel.load(directory / "claim") if claim.exists() else None,
                   speaker=LinearModel.load(directory / "speaker") if speaker.exists() else None,
                   claim_threshold=meta.get("claim_threshold", 0.5),
                   none_offsets=tuple(meta.get("none_offsets", (0.0, 0.0))),
                   pair=LinearModel.load(directory / "pair") if pair.exists() else None)

    def save(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        self.trigger.save(directory / "trigger")
        for role, model in self.roles.items():
            model.save(directory / role)
        if self.place is not None:
            self.place.save(directory / "place")
        if self.date is not None:
            self.date.save(directory / "date")
        if self.claim is not None:
            self.claim.save(directory / "claim")
        if self.speaker is not None:
            self.speaker.save(directory / "speaker")
        if self.pair is not None:
            self.pair.save(directory / "pair")
        (directory / "events.json").write_text(json.dumps(
            {"none_threshold": self.none_threshold, "calibration": list(self.calibration),
             "claim_threshold": self.claim_threshold, "none_offsets": list(self.none_offsets)},
            ensure_ascii=False, indent=0, sort_keys=True), encoding="utf-8")


@cache
def shipped_models() -> EventModels:
    return EventModels.load()


def _trigger_span(doc: Doc, c: TriggerCandidate) -> Span:
    if c.rule_event is not None:
        return c.rule_event.trigger
    first, last = doc.tokens[c.start], doc.tokens[c.end - 1]
    start = first.start_after(first.prefix)
    return Span(start, last.end, doc.text[start:last.end])


def _attribution(view: RuleView, c: TriggerCandidate, span: Span) -> Attribution | None:
    if c.rule_event is not None:
        return c.rule_event.attribution
    for claim in view.claims_by_sentence.get(c.sentence, ()):
        if claim.content[0] <= span.start < claim.content[1]:
            return Attribution(claim.speaker, claim.cue)
    return None


class PlaceModel:
    """Choose each event's place with the learned ranker (after grounding, which proposes places)."""

    name = "place_model"
    requires = ("tokens", "sentences", "mentions", "events", "places")
    provides: tuple[str, ...] = ()
    rewrites = ("events",)  # their `location`

    def __init__(self, models: EventModels | None = None):
        self.models = models

    def __call__(self, doc: Doc) -> Doc:
        from marsad.learn.places import predict_places

        models = self.models or shipped_models()
        if models.place is not None and doc.events:
            doc.events = predict_places(doc, doc.events, models.place, doc.places)
        return doc


class DateModel:
    """Choose each event's and claim's date with the learned ranker among the days the article
    states (after grounding, which finds them and dates events and claims by rule)."""

    name = "date_model"
    requires = ("tokens", "sentences", "events", "claims", "dates")
    provides: tuple[str, ...] = ()
    rewrites = ("events", "claims")  # their `date`

    def __init__(self, models: EventModels | None = None):
        self.models = models

    def __call__(self, doc: Doc) -> Doc:
        from marsad.learn.dates import predict_dates

        models = self.models or shipped_models()
        if models.date is not None:
            doc.events, doc.claims = predict_dates(doc, models.date)
        return doc


class EventModel:
    """Replace the rules' events by the learned models' (the rules stay as candidates and features)."""

    name = "event_model"
    requires = ("tokens", "sentences", "mentions", "clusters", "claims", "events")
    provides: tuple[str, ...] = ()
    rewrites = ("events",)  # the rules' events are replaced by the models'

    def __init__(self, models: EventModels | None = None):
        self.models = models

    def __call__(self, doc: Doc) -> Doc:
        models = self.models or shipped_models()
        doc.events = predict_events(doc, models)
        return doc


def choose(scores: np.ndarray, keys: list[object]) -> list[int]:
    """Candidate indices from best to worst entity: the rankers' softmax mass summed over the
    candidates of one entity (three mentions of one actor at 0.25 each beat "none" at 0.3), each
    entity represented by its best-scored candidate."""
    mass, best, _ = pooled_by_entity(scores.tolist(), keys)
    return [best[key] for key in sorted(mass, key=lambda key: (-mass[key], best[key]))]


def role_scores(doc: Doc, view: RuleView, models: EventModels, ctx: RoleContext,
                cands: list[RoleCandidate]) -> dict[str, np.ndarray]:
    """Each role ranker's scores of the candidates over their `role_features`, which are
    `candidate_features` + `role_only_features`: the first part is summed once for both rankers,
    in order, then each ranker adds its own part (the same float sums as over the whole list)."""
    shared = models.role_weights.get
    partial: list[tuple[float, float]] = []
    for rc in cands:
        source = target = 0.0
        for ws in map(shared, candidate_features(doc, view, ctx, rc)):
            if ws is not None:
                source += ws[0]
                target += ws[1]
        partial.append((source, target))
    return {role: models.roles[role].scores_after([sums[r] for sums in partial],
                                                  [role_only_features(doc, ctx, role, rc) for rc in cands])
            for r, role in enumerate(ROLES)}


def _pick(doc: Doc, view: RuleView, models: EventModels, c: TriggerCandidate, etype: str,
          cands: list[RoleCandidate]) -> dict[str, Mention | None]:
    """The source and target entities: the pair model's joint choice when there is one, else each
    role's best entity, never the same one for both (the role less sure of its choice takes its
    next best)."""
    scored = role_scores(doc, view, models, role_context(doc, view, c, etype, cands), cands)
    if models.pair is not None:
        src, tgt = joint_choice(models.pair, etype, pair_candidates(c, cands), scored["source"], scored["target"],
                                models.none_offsets)
        return {"source": cands[src].mention, "target": cands[tgt].mention}
    keys = [entity_of(rc.mention) for rc in cands]
    nones = [k for k, rc in enumerate(cands) if rc.mention is None]
    ranked: dict[str, list[int]] = {}
    margin: dict[str, float] = {}
    for role, offset in zip(ROLES, models.none_offsets):
        scores = scored[role]
        if offset and nones:
            scores = scores.copy()
            scores[nones] += offset
        ranked[role] = choose(scores, keys)
        margin[role] = (scores[ranked[role][0]] - scores[ranked[role][1]]) if len(ranked[role]) > 1 else np.inf
    src, tgt = ranked["source"][0], ranked["target"][0]
    if keys[src] is not None and keys[src] == keys[tgt]:
        weaker = min(ROLES, key=lambda r: margin[r])
        if len(ranked[weaker]) > 1:
            ranked[weaker] = ranked[weaker][1:]
    return {role: cands[ranked[role][0]].mention for role in ROLES}


def predict_events(doc: Doc, models: EventModels) -> list[Event]:
    view = RuleView(doc)
    cands = trigger_candidates(doc, view)
    positions = governor_positions(doc)
    events: list[Event] = []
    views = sentence_views(doc, cands)
    sentence_probs = models.trigger.column_probabilities_many([sentence_columns(doc, view, sv, models.trigger)
                                                                for sv in views])
    stated = (sentence_probs >= models.none_threshold).tolist() if views else []
    for sv, probs, types in zip(views, sentence_probs, stated):
        for k in (k for k, yes in enumerate(types) if yes):
            etype = models.trigger.classes[int(k)]
            c = anchor(doc, view, sv, etype)
            roles = _pick(doc, view, models, c, etype, role_candidates(doc, view, c))
            span = _trigger_span(doc, c)
            sent = doc.sentences[c.sentence]
            rule_event = c.rule_event if c.rule_event is not None and c.rule_event.type == etype else None
            if rule_event is not None:
                negated, hedged, evidence = rule_event.negated, rule_event.hedged, rule_event.evidence
            else:
                negated, hedged = event_modality(doc, sent.tokens[0], c.start,
                                                 clause_governors(doc, c.sentence, positions))
                evidence = (sent.start, sent.end)
            mode = next((p.mode for p in c.payloads if p.type == etype), None)
            events.append(Event(
                type=etype, trigger=span, source=roles["source"], target=roles["target"],
                evidence=evidence, sentence=c.sentence, mode=mode, negated=negated, hedged=hedged,
                attribution=_attribution(view, c, span), confidence=round(models.confidence(float(probs[k])), 3),
                rule=f"model:{c.origin}" + (f"<{c.rule_event.rule}" if c.rule_event is not None else "")))
    events.sort(key=lambda e: (e.trigger.start, e.type))
    return events
