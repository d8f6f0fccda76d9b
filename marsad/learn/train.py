"""`marsad train events`: rebuild the learned event models from the annotated corpus.

    annotations/events/train_pool.jsonl (train split) + ../shared texts
      → rules pipeline → candidates aligned to gold → features → logistic regression
      → marsad/learn/models/{trigger,source,target}.{npz,json} with a card each
"""
from __future__ import annotations

import copy
import hashlib
import time
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from marsad.doc import Doc
from marsad.eval.annotations import articles_by_id, join_texts, read_jsonl
from marsad.eval.places import place_matches
from marsad.eval.scoring import Report, score
from marsad.grammar.ontology import PLOVER_TYPES
from marsad.ground.places import PlaceMention
from marsad.learn.data import Examples, add_article
from marsad.learn.linear import LinearModel, fit, fit_multilabel, fit_ranker
from marsad.learn.pairs import candidate_pairs, fit_pairs, strictly_right
from marsad.learn.places import PlaceIndex, place_candidates, place_features
from marsad.learn.stage import EventModels, predict_events
from marsad.pipeline import Pipeline
from marsad.types import ArticleInput, Event

REPO = Path(__file__).resolve().parents[2]
ANNOTATIONS = REPO / "annotations" / "events" / "train_pool.jsonl"
NB_ALPHA = 1.0  # the sentence-type model's log-count-ratio smoothing (linear.fit_multilabel)
DEFAULT_C = {"trigger": 0.5, "source": 0.5, "target": 0.5, "place": 0.5, "speaker": 0.5, "claim": 1.0, "date": 0.5,
             "pair": 1.0}
# the "none" offsets the pair model is trained with (the validation slice picks those it predicts with)
PAIR_NONE_OFFSETS = (-2.5, -2.5)


def annotated_rows(data: Path, split: str | None = "train", path: Path = ANNOTATIONS) -> list[dict]:
    """Gold-file rows of the annotated corpus (texts joined from `data`/corpora), one split or all."""
    articles = articles_by_id([data / "corpora" / "train_pool.jsonl"])
    rows = [r for r in read_jsonl(path) if split is None or r.get("split") == split]
    return list(join_texts(rows, articles))


def rules_pipeline() -> Pipeline:
    """The pipeline up to the rules' events: what the models read."""
    from marsad.claims.claims import ClaimExtractor
    from marsad.entities.coref import Coreferencer
    from marsad.entities.mentions import MentionFinder
    from marsad.events.events import EventExtractor
    from marsad.ner.tagger import NerTagger
    from marsad.text.stages import Sentencizer, Tokenizer

    return Pipeline([Tokenizer(), Sentencizer(), NerTagger(), MentionFinder(), Coreferencer(), ClaimExtractor(),
                     EventExtractor()])


def process(rows: Iterable[dict], pipeline: Pipeline | None = None) -> list[tuple[dict, Doc]]:
    pipeline = pipeline or rules_pipeline()
    return [(r, pipeline(ArticleInput(id=r["id"], title=r.get("title") or "", text=r["text"], date=r.get("date"),
                                      source=r.get("source"), url=r.get("url")))) for r in rows]


def build_examples(processed: list[tuple[dict, Doc]]) -> Examples:
    ex = Examples()
    for row, doc in processed:
        add_article(ex, doc, row["events"])
    return ex


def train_models(processed: list[tuple[dict, Doc]], c: dict[str, float] | None = None,
                 none_threshold: float = 0.5) -> tuple[EventModels, Examples]:
    c = {**DEFAULT_C, **(c or {})}
    ex = build_examples(processed)
    # NB-LR (log-count-ratio scaled features): validation strict F1 0.4469 → 0.4562, type 0.6819 →
    # 0.6903 at threshold 0.7 (docs/figures.md)
    trigger = fit_multilabel(ex.trigger_x, ex.trigger_y, list(PLOVER_TYPES), c=c["trigger"], nb_alpha=NB_ALPHA)
    roles = {role: fit_ranker(ex.role_x[role], ex.role_y[role], ex.role_groups[role], c=c[role])
             for role in ("source", "target")}
    models = EventModels(trigger, roles, none_threshold, pair=train_pair(ex, c))
    speaker, claim = train_claim_models(processed, c["speaker"], c["claim"])
    models = replace(models, place=train_place(processed, models, c["place"]), speaker=speaker, claim=claim)
    return replace(models, date=train_date(processed, models, c["date"])), ex


def train_pair(ex: Examples, c: dict[str, float]) -> LinearModel | None:
    """The joint (source, target) model (marsad.learn.pairs) on role scores cross-fitted over two
    halves of the training articles (even and odd): each half scored by rankers fitted on the other.
    None when a half has no role example to fit on."""
    groups = []
    for fold in (0, 1):
        if not all(any(a % 2 != fold for a in ex.role_articles[role]) for role in ("source", "target")):
            return None
        rankers = {role: fit_ranker(*ex.role_part(role, lambda article: article % 2 != fold), c=c[role])
                   for role in ("source", "target")}
        for p in ex.pairs:
            if p.article % 2 != fold:
                continue
            pairs = candidate_pairs(p.etype, p.cands, rankers["source"].scores_many(p.source_x),
                                    rankers["target"].scores_many(p.target_x), PAIR_NONE_OFFSETS)
            right = [strictly_right(p.ok_source, p.cands, a) and strictly_right(p.ok_target, p.cands, b)
                     for a, b, *_ in pairs]
            if any(right):
                groups.append((pairs, right))
    return fit_pairs(groups, c=c["pair"]) if groups else None


def train_claim_models(processed: list[tuple[dict, Doc]], c_speaker: float, c_claim: float
                       ) -> tuple[LinearModel, LinearModel]:
    """The claim speaker ranker on the rules' claims of the training articles, then the claim filter
    on those claims with the ranker's speakers (what it will see at prediction)."""
    from marsad.learn.claims import choose_speakers
    from marsad.learn.data import claim_examples, speaker_examples

    xs: list[list[str]] = []
    ys: list[str] = []
    sizes: list[int] = []
    for row, doc in processed:
        x, y, g = speaker_examples(row, doc)
        xs += x
        ys += y
        sizes += g
    speaker = fit_ranker(xs, ys, sizes, c=c_speaker)
    xs, ys = [], []
    for row, doc in processed:
        attributed = copy.copy(doc)
        attributed.claims = choose_speakers(doc, speaker)
        x, y = claim_examples(row, attributed)
        xs += x
        ys += y
    return speaker, fit(xs, ys, c=c_claim, binary_positive="1")


def place_examples(doc: Doc, gold_event: dict, e: Event, places: list[PlaceMention]
                   ) -> tuple[list[list[str]], list[str]] | None:
    """Ranker examples for one event whose gold `place` is known; None when no candidate fits."""
    cands = place_candidates(doc, PlaceIndex(places), e)
    gold = gold_event.get("place")
    ok = [c.place is None if not gold else c.place is not None and place_matches(gold, c.place.to_location())
          for c in cands]
    if not any(ok):
        return None
    return [place_features(doc, e, c) for c in cands], ["1" if good else "0" for good in ok]


def train_place(processed: list[tuple[dict, Doc]], models: EventModels, c: float) -> LinearModel:
    """The place ranker, on the models' own events of the training articles matched to gold events
    (same sentence and type) whose annotation says where (or that the text does not)."""
    from marsad.ground.stage import Grounder
    from marsad.learn.data import sentence_of

    grounder = Grounder()
    xs: list[list[str]] = []
    ys: list[str] = []
    for row, rules_doc in processed:
        doc = learned_doc(rules_doc, models, grounder, places=False)
        gold = {}
        for g in row["events"]:
            if "place" in g:
                gold.setdefault((sentence_of(doc, g.get("evidence", "")), g["type"]), g)
        for e in doc.events:
            g = gold.get((e.sentence, e.type))
            if g is not None:
                ex = place_examples(doc, g, e, doc.places)
                if ex:
                    xs += ex[0]
                    ys += ex[1]
    return fit(xs, ys, c=c, binary_positive="1")


def learned_doc(rules_doc: Doc, models: EventModels, grounder, places: bool = True) -> Doc:
    """A copy of a rules-processed doc with the models' events, grounded, and with `places` the place
    and date rankers' choices (the rules' doc stays as it was, for the next model trained on it)."""
    from marsad.learn.claims import learned_claims
    from marsad.learn.dates import predict_dates
    from marsad.learn.places import predict_places

    doc = copy.copy(rules_doc)  # the stages replace layers, never mutate them in place
    doc.events = predict_events(doc, models)
    doc.claims = learned_claims(doc, models)
    grounder(doc)
    if places and models.place is not None:
        doc.events = predict_places(doc, doc.events, models.place, doc.places)
    if places and models.date is not None:
        doc.events, doc.claims = predict_dates(doc, models.date)
    return doc


def train_date(processed: list[tuple[dict, Doc]], models: EventModels, c: float) -> LinearModel:
    """The date ranker, on the models' own events and claims of the training articles, grounded
    and placed, matched to gold events (same sentence and type) and claims (same sentence) whose
    annotation gives their day."""
    from marsad.ground.stage import Grounder
    from marsad.learn.data import date_examples

    grounder = Grounder()
    xs: list[list[str]] = []
    ys: list[str] = []
    sizes: list[int] = []
    for row, rules_doc in processed:
        x, y, g = date_examples(learned_doc(rules_doc, replace(models, date=None), grounder), row["events"],
                                row.get("claims", []))
        xs += x
        ys += y
        sizes += g
    return fit_ranker(xs, ys, sizes, c=c)


def evaluate(processed: list[tuple[dict, Doc]], models: EventModels) -> Report:
    """Score the models' events (claims as the rules give them) against the rows' gold."""
    from marsad.ground.stage import Grounder

    grounder = Grounder()
    records = {row["id"]: learned_doc(doc, models, grounder).to_dict() for row, doc in processed}
    return score([r for r, _ in processed], records)


def corpus_hash(rows: list[dict]) -> str:
    h = hashlib.sha256()
    for r in sorted(rows, key=lambda r: r["id"]):
        h.update(r["id"].encode())
        h.update(repr((r["events"], r["claims"])).encode())
    return h.hexdigest()[:16]


THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7)
CLAIM_THRESHOLDS = (0.3, 0.4, 0.5)
# the "none" candidate's score offsets tried (target first, then source with the target's best)
TARGET_NONE_OFFSETS = (0.0, -1.0, -1.5, -2.0, -2.5, -3.0)
SOURCE_NONE_OFFSETS = (0.0, -0.5, -1.0, -1.5, -2.0, -2.5)


def is_validation(article_id: str) -> bool:
    """The slice of the train split that picks the threshold and calibrates confidence (one id in
    five by SHA-1 remainder 1; the test split is remainder 0 and is never read here)."""
    return int(hashlib.sha1(article_id.encode("utf-8")).hexdigest(), 16) % 5 == 1


def matched_events(processed: list[tuple[dict, Doc]], models: EventModels) -> tuple[list[float], list[int]]:
    """(model probability, 1 if the event strictly matches a gold event else 0) for every event the
    models find in `processed`: the data for calibrating `confidence`."""
    from marsad.eval.scoring import matched_system_events
    from marsad.ground.stage import Grounder

    grounder = Grounder()
    probs: list[float] = []
    right: list[int] = []
    for row, doc in processed:
        rec = learned_doc(doc, models, grounder, places=False).to_dict()
        hit = matched_system_events(row["events"], rec)
        for se in rec["events"]:
            probs.append(se["confidence"])
            right.append(1 if id(se) in hit else 0)
    return probs, right


def pick_none_offsets(trial: EventModels, val_part: list[tuple[dict, Doc]],
                      base_f1: float) -> tuple[tuple[float, float], dict[str, float]]:
    """The (source, target) offsets of the "none" candidate's score with the best validation strict
    F1: the target's first (its "none" loses the most), then the source's with it; ties keep the
    smaller shift. `base_f1`: the strict F1 with no offsets."""
    f1 = {"0.0,0.0": base_f1}

    def strict(offsets: tuple[float, float]) -> float:
        key = f"{offsets[0]},{offsets[1]}"
        if key not in f1:
            f1[key] = round(evaluate(val_part, replace(trial, none_offsets=offsets)).events_strict.f1, 4)
        return f1[key]

    target = max(TARGET_NONE_OFFSETS, key=lambda t: (strict((0.0, t)), t))
    source = max(SOURCE_NONE_OFFSETS, key=lambda s: (strict((s, target)), s))
    return (source, target), f1


def fit_calibration(probs: list[float], right: list[int]) -> tuple[float, float]:
    """Platt scaling: P(strictly right) = sigmoid(a * logit(p) + b)."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    p = np.clip(np.array(probs, dtype=float), 1e-4, 1 - 1e-4)
    x = np.log(p / (1 - p)).reshape(-1, 1)
    y = np.array(right)
    if y.min() == y.max():
        return 1.0, 0.0
    clf = LogisticRegression(C=100.0).fit(x, y)
    return float(clf.coef_[0][0]), float(clf.intercept_[0])


def train(data: Path, out: Path, limit: int | None = None, log=print) -> EventModels:
    """Pick the threshold on the validation slice of the train split, calibrate confidence there,
    then fit every model on the whole train split and save them with their cards."""
    t0 = time.perf_counter()
    rows = annotated_rows(data, "train")
    if limit:
        rows = rows[:limit]
    processed = process(rows)
    fit_part = [(r, d) for r, d in processed if not is_validation(r["id"])]
    val_part = [(r, d) for r, d in processed if is_validation(r["id"])]
    threshold, calibration, val_f1, claim_threshold, claim_f1 = 0.5, (1.0, 0.0), {}, 0.5, {}
    none_offsets, offset_f1, date_accuracy = (0.0, 0.0), {}, {}
    if fit_part and val_part:
        trial, _ = train_models(fit_part)
        for th in THRESHOLDS:
            val_f1[th] = round(evaluate(val_part, replace(trial, none_threshold=th)).events_strict.f1, 4)
        threshold = max(THRESHOLDS, key=lambda th: (val_f1[th], -th))
        log(f"validation strict F1 by threshold {val_f1}: threshold {threshold}")
        trial = replace(trial, none_threshold=threshold)
        none_offsets, offset_f1 = pick_none_offsets(trial, val_part, val_f1[threshold])
        trial = replace(trial, none_offsets=none_offsets)
        log(f"validation strict F1 by none offsets (source, target) {offset_f1}: {none_offsets}")
        for th in CLAIM_THRESHOLDS:
            claim_f1[th] = round(evaluate(val_part, replace(trial, claim_threshold=th)).claims.f1, 4)
        claim_threshold = max(CLAIM_THRESHOLDS, key=lambda th: (claim_f1[th], -th))
        log(f"validation claim F1 by threshold {claim_f1}: threshold {claim_threshold}")
        calibration = fit_calibration(*matched_events(val_part, trial))
        for name, m in (("grounding", replace(trial, date=None)), ("ranker", trial)):
            rep = evaluate(val_part, m)
            date_accuracy[name] = {"events": round(rep.event_dates.value, 4), "claims": round(rep.claim_dates.value, 4)}
        log(f"validation date accuracy {date_accuracy}")
        log(f"calibration {calibration}")
    models, ex = train_models(processed, none_threshold=threshold)
    models = replace(models, calibration=calibration, claim_threshold=claim_threshold, none_offsets=none_offsets)
    card = {"data": "annotations/events/train_pool.jsonl (split train), texts from ../shared/data/corpora/"
                    "train_pool.jsonl", "articles": len(rows), "data_sha256": corpus_hash(rows),
            "validation": {"articles": len(val_part), "strict_f1_by_threshold": val_f1, "threshold": threshold,
                           "calibration": calibration, "claim_f1_by_threshold": claim_f1,
                           "claim_threshold": claim_threshold, "none_offsets": list(none_offsets),
                           "strict_f1_by_none_offsets": offset_f1, "date_accuracy": date_accuracy},
            "examples": {"sentence_types": len(ex.trigger_y), "source": len(ex.role_y["source"]),
                         "target": len(ex.role_y["target"])},
            "alignment": dict(sorted(ex.stats.items())), "c": DEFAULT_C,
            "command": "marsad train events", "seconds": round(time.perf_counter() - t0, 1)}
    models.trigger.card = {**card, "model": "sentence types: one binary logistic regression per PLOVER type "
                                            "over the sentence's features scaled by their log-count ratios "
                                            "(NB-LR; marsad.learn.sentences)"}
    for role, m in models.roles.items():
        m.card = {**card, "model": f"{role} ranker: listwise logistic ranker (softmax over a trigger's candidates), "
                                   "the entity with the most probability mass (or the pair model's choice)"}
    if models.pair is not None:
        models.pair.card = {**card, "model": "pair model: listwise logistic model over the pairs of the source and "
                                             "target rankers' best entities, on ranker scores cross-fitted over two "
                                             "halves of the training articles (marsad.learn.pairs)"}
    if models.place is not None:
        models.place.card = {**card, "model": "place ranker: binary logistic regression, argmax over candidates"}
    if models.date is not None:
        models.date.card = {**card, "model": "event and claim date ranker: listwise logistic ranker over the days "
                                            "the article states, its date and grounding's pick (marsad.learn.dates)"}
    if models.claim is not None:
        models.claim.card = {**card, "model": "claim filter: binary logistic regression over each rules' claim "
                                              "(marsad.learn.claims)"}
    if models.speaker is not None:
        models.speaker.card = {**card, "model": "claim speaker ranker: listwise logistic ranker over the cue's "
                                                "candidate mentions (marsad.learn.claims)"}
    models.save(out)
    log(f"trained on {len(rows)} articles in {round(time.perf_counter() - t0, 1)} s → {out}")
    return models
