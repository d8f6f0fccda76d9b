"""The claim models' fast paths give the very floats (and features) of the plain computation over
the features training uses (`speaker_groups`, `LinearModel.scores_many`), so a speed-up can never
make prediction drift from training."""
from __future__ import annotations

import pytest

from marsad.doc import Doc
from marsad.io.readers import read_articles
from marsad.learn.candidates import RuleView
from marsad.learn.claims import claim_features, speaker_groups, speaker_scores
from marsad.learn.stage import shipped_models
from marsad.pipeline import default_pipeline
from reference import reference_scores  # beside this file


@pytest.fixture(scope="module")
def docs_before_claim_model(shared) -> list[Doc]:
    """The seedlike articles as the claim stage receives them (every stage before it has run)."""
    pipeline = default_pipeline()
    out = []
    for art in read_articles(sorted(str(p) for p in (shared / "corpora" / "seedlike").glob("*.txt"))):
        doc = Doc.from_input(art)
        for stage in pipeline.stages[:pipeline.names.index("claim_model")]:
            doc = stage(doc)
            doc.done.update(stage.provides)
        out.append(doc)
    assert sum(len(d.claims) for d in out) > 40
    return out


def test_speaker_scores_equal_the_rankers_scores_over_the_training_features(docs_before_claim_model):
    model = shipped_models().speaker
    checked = 0
    for doc in docs_before_claim_model:
        view = RuleView(doc)
        for claim in doc.claims:
            cands, rows = speaker_groups(doc, view, claim)
            fast_cands, fast = speaker_scores(doc, view, claim, model)
            assert fast_cands == cands
            assert fast.tolist() == model.scores_many(rows).tolist() == reference_scores(model, rows).tolist()
            assert any("rule_speaker" in row for row in rows) == (claim.speaker is not None)
            checked += len(cands)
    assert checked > 200


def test_claim_features_count_the_content_words_of_the_sentence(docs_before_claim_model):
    """The content-length feature counts the sentence's word tokens that start inside the content
    (a quotation's content ends before the sentence does; a cue's content may start before it)."""
    buckets = set()
    for doc in docs_before_claim_model:
        view = RuleView(doc)
        for claim in doc.claims:
            a, b = doc.sentences[claim.sentence].tokens
            words = sum(1 for t in doc.tokens[a:b] if t.is_word and claim.content[0] <= t.start < claim.content[1])
            expected = next((str(e) for e in (3, 8, 15, 30) if words <= e), "more")
            feature = next(f for f in claim_features(doc, view, claim) if f.startswith("content_words="))
            assert feature == f"content_words={expected}"
            buckets.add(expected)
    assert len(buckets) >= 3
