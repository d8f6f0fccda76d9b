"""Training on a small slice gives a working, deterministic model."""
from __future__ import annotations

from pathlib import Path

import pytest

from marsad.names import jointseq
from marsad.names.dictionary import load_dictionary
from marsad.names.metrics import score
from marsad.names.romanize import DICTIONARY_FILE, MODEL_FILE
from marsad.names.sources import TEST_FILE, clean_arabic, clean_latin, read_google, training_pairs
from marsad.names.train import train_names

pytestmark = pytest.mark.slow  # trains the romanisation model


def test_train_on_a_slice(shared: Path, tmp_path: Path) -> None:
    report = train_names(shared, tmp_path / "a", limit=1000, iterations=3)
    assert report.distinct <= 1100 and report.aligned > 900
    model = jointseq.load(tmp_path / "a" / MODEL_FILE)
    s = score((model.decode(ar)[0][0], en) for ar, en in
              [("دونالد", "donald"), ("ماريا", "maria"), ("روبرت", "robert"), ("كارلوس", "carlos")])
    assert s.cer <= 0.3
    words = load_dictionary(tmp_path / "a" / DICTIONARY_FILE)
    assert words["ترامب"] == "trump" and len(words) > 40_000
    again = train_names(shared, tmp_path / "b", limit=1000, iterations=3)
    assert again.model_path.read_bytes() == report.model_path.read_bytes()
    assert again.dictionary_path.read_bytes() == report.dictionary_path.read_bytes()


def test_test_file_is_never_read(shared: Path) -> None:
    """ar2en-test shares no pair with ar2en-train/eval, so any test pair among the
    training pairs would mean the test file (or ar2en.txt, which holds it) was read."""
    test_pairs = {(clean_arabic(ar), clean_latin(en)) for ar, en in read_google(shared / "gazetteers" / TEST_FILE)}
    google = {(p.arabic, p.latin) for p in training_pairs(shared) if p.source == "google"}
    assert len(google) > 14_000 and len(test_pairs) > 1_500
    assert not google & test_pairs
