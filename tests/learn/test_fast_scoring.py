"""The learned stages' fast scoring paths give the very floats of the plain computation over the
features training uses (`role_features`, `LinearModel.scores_many`), so a speed-up can never make
prediction drift from training."""
from __future__ import annotations

from pathlib import Path

import numpy as np

from marsad.learn.candidates import RuleView, role_candidates, trigger_candidates
from marsad.learn.features import candidate_features, role_context, role_features
from marsad.learn.sentences import anchor, sentence_views
from marsad.learn.stage import ROLES, role_scores, shipped_models
from marsad.learn.train import rules_pipeline
from marsad.types import ArticleInput
from reference import reference_scores  # beside this file

REPO = Path(__file__).resolve().parents[2]


def _rules_doc():
    text = (REPO / "examples" / "seed-0001.txt").read_text(encoding="utf-8").split("\n", 2)[2]
    return rules_pipeline()(ArticleInput(id="seed", title="", text=text, date="2017-12-27"))


def test_role_scores_equal_the_rankers_scores_over_the_training_features():
    doc, models = _rules_doc(), shipped_models()
    view = RuleView(doc)
    checked = 0
    for sv in sentence_views(doc, trigger_candidates(doc, view)):
        for etype in {t for c in sv.candidates for t in c.types}:
            trig = anchor(doc, view, sv, etype)
            cands = role_candidates(doc, view, trig)
            ctx = role_context(doc, view, trig, etype, cands)
            fast = role_scores(doc, view, models, ctx, cands)
            for role in ROLES:
                rows = [role_features(doc, ctx, role, rc, candidate_features(doc, view, ctx, rc)) for rc in cands]
                assert fast[role].tolist() == models.roles[role].scores_many(rows).tolist()
                assert fast[role].tolist() == reference_scores(models.roles[role], rows).tolist()
                checked += len(cands)
    assert checked > 20


def test_sentence_type_probabilities_are_those_of_the_weight_rows():
    doc, models = _rules_doc(), shipped_models()
    view = RuleView(doc)
    from marsad.learn.sentences import sentence_features

    for sv in sentence_views(doc, trigger_candidates(doc, view)):
        features = sentence_features(doc, view, sv)
        assert any(f.startswith("k=") for f in features)
        cols = [models.trigger.vocab[f] for f in features if f in models.trigger.vocab]
        s = models.trigger.weights[cols].sum(axis=0) + models.trigger.bias
        expected = 1.0 / (1.0 + np.exp(-np.clip(s, -50.0, 50.0)))
        assert models.trigger.probabilities(features).tolist() == expected.tolist()


def test_sentence_columns_are_the_columns_of_the_training_features(shared: Path):
    from marsad.io.readers import read_articles
    from marsad.learn.sentences import sentence_columns, sentence_features

    models = shipped_models()
    articles = list(read_articles([shared / "corpora" / "pool_2000.jsonl"]))[:40]
    docs = [_rules_doc(), *(rules_pipeline()(a) for a in articles)]
    assert models.trigger.sorted_vocab
    checked = 0
    for doc in [*docs, *docs]:  # twice: the second time the word forms' facts hold the columns
        view = RuleView(doc)
        for sv in sentence_views(doc, trigger_candidates(doc, view)):
            expected = models.trigger.columns(sentence_features(doc, view, sv))
            assert sentence_columns(doc, view, sv, models.trigger) == expected
            checked += 1
    assert checked > 500
