"""A ranker's scores computed the plain numpy way, for the tests that check the fast paths against it."""
from __future__ import annotations

import numpy as np


def reference_scores(model, rows: list[list[str]]) -> np.ndarray:
    """A ranker's scores the plain numpy way: the known features' weights gathered and summed per row."""
    cols, owners = [], []
    for k, row in enumerate(rows):
        for f in row:
            if f in model.vocab:
                cols.append(model.vocab[f])
                owners.append(k)
    return np.bincount(owners, weights=model.weights[cols, 0], minlength=len(rows)) + float(model.bias[0])
