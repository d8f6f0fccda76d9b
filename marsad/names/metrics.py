"""Scoring romanisations: exact match (case-insensitive) and character error rate."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance (insert, delete, substitute all cost 1)."""
    if len(a) < len(b):
        a, b = b, a
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


@dataclass(frozen=True, slots=True)
class Score:
    n: int
    exact: int
    edits: int
    ref_chars: int

    @property
    def accuracy(self) -> float:
        return self.exact / self.n if self.n else 0.0

    @property
    def cer(self) -> float:
        """Corpus CER: summed edits over summed reference length (not a mean of ratios)."""
        return self.edits / self.ref_chars if self.ref_chars else 0.0


def score(pairs: Iterable[tuple[str, str]]) -> Score:
    """Score (hypothesis, reference) pairs; both are compared lower-cased."""
    n = exact = edits = ref_chars = 0
    for hyp, ref in pairs:
        h, r = hyp.lower(), ref.lower()
        n += 1
        exact += h == r
        edits += edit_distance(h, r)
        ref_chars += len(r)
    return Score(n, exact, edits, ref_chars)
