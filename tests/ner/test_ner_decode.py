"""The decoder's per-form score table: new words of an article are scored
together (Decoder._score_new), and must get exactly the rows that scoring
each word on its own gives."""
from __future__ import annotations

from pathlib import Path

import numpy as np

from marsad.ner.decode import SCORE_BLOCK, Decoder
from marsad.ner.features import HASHTAG_MARK
from marsad.ner.model import default_weights
from marsad.text.tokens import tokenize

SEED = Path(__file__).resolve().parents[2] / "examples" / "seed-0001.txt"


def _seed_forms() -> list[str]:
    """The seed article's distinct words, a few as hashtag words, and words no corpus has."""
    forms = list(dict.fromkeys(t.text for t in tokenize(SEED.read_text(encoding="utf-8"))))
    return forms + [HASHTAG_MARK + f for f in forms[:20]] + ["وبفيلادلفيات", "غيدنيفي", "لسيمونوفيتشهم"]


def test_words_scored_together_get_the_rows_each_word_gets_alone():
    weights = default_weights()
    forms = _seed_forms()
    together, alone = Decoder(weights), Decoder(weights)
    rows_together = together.form_ids(forms)  # all new: scored in one go
    rows_alone = np.array([alone.form_id(f) for f in forms])
    assert len(forms) > 200
    # bit for bit, not approximately: the tagger's choices must not depend on how words were batched
    assert together.table[:, rows_together].tobytes() == alone.table[:, rows_alone].tobytes()
    assert together.table[:, rows_together].any()


def test_more_new_words_than_one_block_are_all_scored():
    weights = default_weights()
    forms = [f"{w}{k}" for k in range(3) for w in _seed_forms()][:SCORE_BLOCK + 50]  # crosses a block boundary
    together, alone = Decoder(weights), Decoder(weights)
    together.preload(forms)
    rows_together = together.form_ids(forms)
    rows_alone = np.array([alone.form_id(f) for f in forms])
    assert len(forms) > SCORE_BLOCK
    assert together.table[:, rows_together].tobytes() == alone.table[:, rows_alone].tobytes()
