"""A linear model over string features, saved safely (npz weights + JSON vocabulary and card).

Training uses scikit-learn's LogisticRegression (the `train` extra); prediction needs numpy only.
"""
from __future__ import annotations

import gc
import json
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import numpy as np


@contextmanager
def gc_paused() -> Iterator[None]:
    """No garbage collection inside: building a table of ~10^5 tuples or floats at load otherwise
    triggers collections that scan everything loaded so far, and none of it is garbage."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@dataclass
class LinearModel:
    classes: list[str]
    vocab: dict[str, int]
    weights: np.ndarray  # (features, classes) float32; a binary model has one column
    bias: np.ndarray     # (classes,)
    card: dict = field(default_factory=dict)
    multilabel: bool = False  # one independent binary model per class (sigmoid), not a softmax

    def columns(self, features: Sequence[str]) -> list[int]:
        return [c for c in map(self.vocab.get, features) if c is not None]

    @cached_property
    def column_weights(self) -> tuple[dict[str, float], ...]:
        """Per class column, each known feature's weight (as a Python float): a ranker scores
        thousands of short feature lists per article, and one dict look-up per feature costs less
        than gathering columns into numpy arrays."""
        # the columns as one index array made once (np.fromiter: no list of ints converted per class)
        cols = np.fromiter(self.vocab.values(), dtype=np.intp, count=len(self.vocab))
        with gc_paused():
            return tuple(dict(zip(self.vocab, self.weights[cols, k].tolist())) for k in range(self.weights.shape[1]))

    @cached_property
    def sorted_vocab(self) -> bool:
        """Whether column order is the features' string order (as `_design` makes it): a sorted
        set of known features' columns is then the columns of the sorted features."""
        names = list(self.vocab)
        return list(self.vocab.values()) == list(range(len(names))) and all(map(str.__lt__, names, names[1:]))

    @cached_property
    def fact_key(self) -> object:
        """The key under which word forms' facts (marsad.types.WordForm) keep this model's columns
        of a word's own features, looked up once per form rather than once per token."""
        return object()

    def scores(self, features: Sequence[str]) -> np.ndarray:
        return self.column_scores(self.columns(features))

    def column_scores(self, cols: Sequence[int]) -> np.ndarray:
        """`scores` of the features whose known columns are `cols`, in feature order."""
        if not cols:
            return self.bias.copy()
        # take + add.reduce: the same float32 sums as weights[cols].sum(axis=0), at half the call overhead
        return np.add.reduce(self.weights.take(cols, axis=0), axis=0) + self.bias

    def scores_many(self, rows: Sequence[Sequence[str]], column: int = 0) -> np.ndarray:
        """One class's score for each feature list (the rankers' hot path): its known features'
        weights summed in float64 in feature order, then the bias."""
        return self.scores_after([0.0] * len(rows), rows, column)

    def scores_after(self, partial: Sequence[float], rows: Sequence[Sequence[str]], column: int = 0) -> np.ndarray:
        """`scores_many` of rows whose first features were already summed into `partial` (in the
        same order, so the sums are the same floats): the rankers share a candidate's features
        between roles and sum them once for all (`marsad.learn.stage`)."""
        weight = self.column_weights[column].get
        bias = float(self.bias[column])
        out: list[float] = []
        for total, features in zip(partial, rows):
            for w in map(weight, features):
                if w is not None:
                    total += w
            out.append(total + bias)
        return np.array(out, dtype=np.float64)

    def sums(self, rows: Sequence[Sequence[str]], column: int = 0) -> list[float]:
        """Each feature list's known weights summed in float64 in feature order, without the bias:
        the `partial` of `scores_after` when a feature list comes in two parts (the claim speaker
        ranker's, `marsad.learn.claims`)."""
        weight = self.column_weights[column].get
        out: list[float] = []
        for features in rows:
            total = 0.0
            for w in map(weight, features):
                if w is not None:
                    total += w
            out.append(total)
        return out

    def probabilities(self, features: Sequence[str]) -> np.ndarray:
        """Class probabilities (softmax; for a binary model [P(0), P(1)])."""
        return self._probabilities(self.scores(features))

    def _probabilities(self, s: np.ndarray) -> np.ndarray:
        if self.multilabel:
            return 1.0 / (1.0 + np.exp(-np.clip(s, -50.0, 50.0)))
        if len(self.classes) == 2 and s.shape[0] == 1:
            p1 = 1.0 / (1.0 + np.exp(-s[0]))
            return np.array([1.0 - p1, p1])
        e = np.exp(s - s.max())
        return e / e.sum()

    def probabilities_many(self, rows: Sequence[Sequence[str]]) -> np.ndarray:
        """`probabilities` of each feature list, one row each (the sigmoids of a multi-label model
        in one numpy pass: elementwise, so the same floats as row by row)."""
        return self.column_probabilities_many([self.columns(features) for features in rows])

    def column_probabilities_many(self, rows: Sequence[Sequence[int]]) -> np.ndarray:
        """`probabilities_many` of feature lists given by their known columns, in feature order."""
        if not self.multilabel or not rows:
            return np.array([self._probabilities(self.column_scores(cols)) for cols in rows])
        s = np.array([self.column_scores(cols) for cols in rows])
        return 1.0 / (1.0 + np.exp(-np.clip(s, -50.0, 50.0)))

    def save(self, stem: Path) -> None:
        """`stem.npz` (weights) and `stem.json` (classes, vocabulary in column order, card)."""
        # stored, not deflated: the weights barely compress (9.1 → 8.4 MB for the sentence-type
        # model) and inflating them cost 0.05 s of every start-up
        np.savez(stem.with_suffix(".npz"), weights=self.weights.astype(np.float32), bias=self.bias.astype(np.float32))
        names = [None] * len(self.vocab)
        for name, col in self.vocab.items():
            names[col] = name
        stem.with_suffix(".json").write_text(
            json.dumps({"classes": self.classes, "features": names, "card": self.card,
                        "multilabel": self.multilabel}, ensure_ascii=False,
                       indent=None, separators=(",", ":")), encoding="utf-8")

    @classmethod
    def load(cls, stem: Path, intern: bool = False) -> LinearModel:
        """With `intern`, the feature names are interned: a feature string interned where it is made
        (a word's, built once per word form) is then found by identity, without comparing
        characters; worth it only for a model whose features are made so (the sentence-type
        model's), as interning ~10^5 names costs ~10 ms of start-up per model."""
        meta = json.loads(stem.with_suffix(".json").read_text(encoding="utf-8"))
        with np.load(stem.with_suffix(".npz"), allow_pickle=False) as data:
            weights, bias = data["weights"], data["bias"]
        names = map(sys.intern, meta["features"]) if intern else meta["features"]
        return cls(meta["classes"], {f: i for i, f in enumerate(names)}, weights, bias,
                   meta.get("card", {}), meta.get("multilabel", False))


def _design(samples: list[list[str]], min_count: int):
    from collections import Counter

    from scipy.sparse import csr_matrix

    counts = Counter(f for s in samples for f in set(s))
    names = sorted(f for f, n in counts.items() if n >= min_count)
    vocab = {f: i for i, f in enumerate(names)}
    rows, cols = [], []
    for r, s in enumerate(samples):
        for col in sorted({vocab[f] for f in s if f in vocab}):
            rows.append(r)
            cols.append(col)
    x = csr_matrix((np.ones(len(rows), dtype=np.float64), (rows, cols)), shape=(len(samples), len(vocab)))
    return vocab, x


def log_count_ratios(x, y: np.ndarray, alpha: float) -> np.ndarray:
    """Each feature's log-count ratio for one class (Wang & Manning 2012, "NB-SVM"): the log of its
    smoothed share of the positive samples' feature occurrences over its share of the negatives'."""
    positive = alpha + np.asarray(x[y == 1].sum(axis=0)).ravel()
    negative = alpha + np.asarray(x[y == 0].sum(axis=0)).ravel()
    return np.log(positive / positive.sum()) - np.log(negative / negative.sum())


def fit_multilabel(samples: list[list[str]], label_sets: list[set[str]], classes: list[str], *, c: float = 1.0,
                   min_count: int = 2, max_iter: int = 300, nb_alpha: float | None = None) -> LinearModel:
    """One binary logistic regression per class over shared features (a sample may have several labels).

    With `nb_alpha`, each class's model reads its features scaled by their log-count ratios for the
    class (NB-LR, Wang & Manning 2012: the L2 penalty then holds back a feature the counts already
    favour less than one they do not); the ratios are folded into the saved weights, so the model
    predicts as any other."""
    from scipy.sparse import diags
    from sklearn.linear_model import LogisticRegression

    vocab, x = _design(samples, min_count)
    weights = np.zeros((len(vocab), len(classes)), dtype=np.float32)
    bias = np.zeros(len(classes), dtype=np.float32)
    for k, cls in enumerate(classes):
        y = np.array([1 if cls in labels else 0 for labels in label_sets])
        if y.min() == y.max():
            bias[k] = 10.0 if y[0] else -10.0
            continue
        clf = LogisticRegression(C=c, max_iter=max_iter, solver="lbfgs")
        if nb_alpha is None:
            clf.fit(x, y)
            weights[:, k] = clf.coef_[0]
        else:
            ratios = log_count_ratios(x, y, nb_alpha)
            clf.fit(x @ diags(ratios), y)
            weights[:, k] = clf.coef_[0] * ratios
        bias[k] = clf.intercept_[0]
    return LinearModel(list(classes), vocab, weights, bias, multilabel=True)


def fit(samples: list[list[str]], labels: list[str], *, c: float = 1.0, min_count: int = 1,
        binary_positive: str | None = None, max_iter: int = 300) -> LinearModel:
    """Logistic regression on string features (deterministic: lbfgs, fixed order).

    With `binary_positive` the model is binary (one weight column: the positive class's logit)."""
    from sklearn.linear_model import LogisticRegression

    vocab, x = _design(samples, min_count)
    if binary_positive is not None:
        y = np.array([1 if lab == binary_positive else 0 for lab in labels])
        clf = LogisticRegression(C=c, max_iter=max_iter, solver="lbfgs")
        clf.fit(x, y)
        return LinearModel(["0", "1"], vocab, clf.coef_.T.astype(np.float32), clf.intercept_.astype(np.float32))
    classes = sorted(set(labels))
    y = np.array([classes.index(lab) for lab in labels])
    clf = LogisticRegression(C=c, max_iter=max_iter, solver="lbfgs")
    clf.fit(x, y)
    return LinearModel(classes, vocab, clf.coef_.T.astype(np.float32), clf.intercept_.astype(np.float32))


def fit_ranker(samples: list[list[str]], labels: list[str], groups: list[int], *, c: float = 1.0,
               min_count: int = 1, max_iter: int = 400) -> LinearModel:
    """A listwise ranker (conditional logit): for each group of candidates (`groups` gives their
    sizes, in order), maximise the softmax probability mass of its positive candidates ("1"), with
    an L2 penalty of 1/(2c)·‖w‖². It scores candidates as `fit(..., binary_positive="1")` does
    (one weight column, argmax over a group), but learns to compare candidates with each other
    rather than to judge each alone. Deterministic: L-BFGS from zero."""
    from scipy.optimize import minimize
    from scipy.sparse import csr_matrix

    vocab, x = _design(samples, min_count)
    y = np.array([1.0 if lab == "1" else 0.0 for lab in labels])
    sizes = np.asarray(groups)
    owner = np.repeat(np.arange(len(sizes)), sizes)
    n_groups = len(sizes)
    # group membership as a sparse (groups × samples) matrix, for per-group sums
    member = csr_matrix((np.ones(len(owner)), (owner, np.arange(len(owner)))), shape=(n_groups, len(owner)))
    xt = x.T.tocsr()
    dim = x.shape[1]

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        s = x @ w[:dim]  # the bias cancels inside a softmax: none is learned
        top = np.maximum.reduceat(s, np.r_[0, np.cumsum(sizes)[:-1]])
        e = np.exp(s - top[owner])
        z_all = member @ e
        z_pos = member @ (e * y)
        value = float(np.sum(np.log(z_all) - np.log(z_pos)) + 0.5 / c * w @ w)
        # d/ds: softmax over all − softmax over the positives
        grad_s = e / z_all[owner] - e * y / z_pos[owner]
        grad = xt @ grad_s + w / c
        return value, grad

    result = minimize(loss, np.zeros(dim), jac=True, method="L-BFGS-B", options={"maxiter": max_iter})
    return LinearModel(["0", "1"], vocab, result.x.reshape(-1, 1).astype(np.float32), np.zeros(1, dtype=np.float32))
