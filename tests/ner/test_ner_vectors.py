"""Dense word vectors (marsad/ner/vectors.py) as real-valued CRF features,
on the shipped vectors learned from Marsad's news corpora."""
from __future__ import annotations

from pathlib import Path

import numpy as np

from marsad.ner.features import Resources, crf_items, sentence_features, word_vector
from marsad.ner.vectors import VECTOR_DIMS, VECTOR_SCALE, Vectors, load_vectors


def _cos(a: str, b: str) -> float:
    res = Resources.default()
    x, y = word_vector(a, res), word_vector(b, res)
    assert x is not None and y is not None
    return float(x @ y / np.linalg.norm(x) / np.linalg.norm(y))


def test_shipped_vectors_put_names_of_a_kind_together():
    v = load_vectors()
    assert v is not None and v.dims == VECTOR_DIMS and len(v.index) > 10_000
    assert _cos("دمشق", "حلب") > _cos("دمشق", "قال") + 0.3  # two Syrian cities, a city and a verb
    assert _cos("محمد", "أحمد") > _cos("محمد", "الجيش") + 0.3  # two first names, a name and a noun


def test_a_word_with_proclitics_takes_its_stems_vector():
    res = Resources.default()
    assert np.array_equal(word_vector("وبدمشق", res), word_vector("دمشق", res))
    assert np.array_equal(word_vector("#دمشق", res), word_vector("دمشق", res))
    assert word_vector("قزقزستانيون", res) is None  # never in the corpora


def test_saved_vectors_load_the_same(tmp_path: Path):
    v = load_vectors()
    v.save(tmp_path / "v.npz")
    back = Vectors.load(tmp_path / "v.npz")
    assert back.index == v.index and np.array_equal(back.matrix, v.matrix)
    # from SVD output: the kept words and dimensions, each value within half an int8 step
    rng = np.random.default_rng(0)
    raw = rng.normal(size=(60, 80))
    raw /= np.linalg.norm(raw, axis=1, keepdims=True)
    made = Vectors.from_svd([f"w{i}" for i in range(60)], raw)
    assert made.dims == VECTOR_DIMS and len(made.index) == 60
    assert np.abs(made.matrix - raw[:, :VECTOR_DIMS] * VECTOR_SCALE).max() <= np.abs(made.matrix).max() / 127


def test_crf_items_add_the_vectors_of_the_word_and_its_neighbours():
    res = Resources.default()
    words = "وصل الرئيس السوري إلى دمشق أمس".split()
    items = crf_items(words, res)
    strings = sentence_features(words, res)
    assert len(items) == len(words)
    city = items[4]
    assert all(city[f] >= 1.0 for f in strings[4])  # the string features, each weighing 1
    assert any(k.startswith("v") for k in city) and any(k.startswith("-1:v") for k in city)
    assert city["v0"] == float(word_vector("دمشق", res)[0])
    # without vectors, the items are the plain feature strings
    from dataclasses import replace
    assert crf_items(words, replace(res, vectors=None)) == strings
