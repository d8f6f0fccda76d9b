"""Training on a small slice gives a working tagger, and the fast decoder
finds exactly the labels crfsuite's own Viterbi finds."""
from __future__ import annotations

from pathlib import Path

import pytest

from marsad.ner.conll import Split
from marsad.ner.decode import Decoder
from marsad.ner.evaluate import score
from marsad.ner.features import Resources, crf_items
from marsad.ner.model import CrfWeights
from marsad.ner.train import SPLIT_FILE, TrainConfig, fit

pytestmark = pytest.mark.slow  # trains CRF models


@pytest.fixture(scope="module")
def small(shared: Path):
    train, dev = Split.load(SPLIT_FILE).apply(shared)
    weights = fit(train[:300], TrainConfig(max_iterations=25), Resources.default())
    return weights, dev[:120]


def _tag(weights: CrfWeights, sentences) -> list[list[str]]:
    bounds, forms = [], []
    for s in sentences:
        bounds.append((len(forms), len(forms) + len(s.words)))
        forms.extend(s.words)
    tags = Decoder(weights).tag(forms, bounds)
    return [tags[a:b] for a, b in bounds]


def test_a_small_model_tags_names(small):
    weights, dev = small
    assert {"O", "B-PER", "B-LOC", "B-ORG"} <= set(weights.labels)
    guessed = _tag(weights, dev)
    s = score((d.tags, g) for d, g in zip(dev, guessed))
    # 300 sentences and 25 iterations: far from the shipped model, far above nothing
    assert s.total().f1 > 0.3 and s.by_type()["LOC"].f1 > 0.5


def test_fast_decoder_equals_crfsuite(small, shared: Path, tmp_path: Path):
    import pycrfsuite

    weights, dev = small
    # retrain the same slice to a crfsuite file and compare label by label
    trainer = pycrfsuite.Trainer(verbose=False)
    train, _ = Split.load(SPLIT_FILE).apply(shared)
    res = Resources.default()
    for s in train[:300]:
        trainer.append(crf_items(list(s.words), res), list(s.tags))
    trainer.set_params({"c1": 0.01, "c2": 0.01, "max_iterations": 25, "feature.possible_transitions": True})
    trainer.train(str(tmp_path / "m.crfsuite"))
    tagger = pycrfsuite.Tagger()
    tagger.open(str(tmp_path / "m.crfsuite"))
    ours = _tag(CrfWeights.from_crfsuite(tmp_path / "m.crfsuite", {}), dev)
    theirs = [tagger.tag(crf_items(list(s.words), res)) for s in dev]
    assert ours == theirs


def test_saved_model_loads_the_same(small, tmp_path: Path):
    weights, dev = small
    weights.save(tmp_path / "m.npz")
    assert _tag(CrfWeights.load(tmp_path / "m.npz"), dev) == _tag(weights, dev)
