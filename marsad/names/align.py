"""Many-to-many character alignment of name pairs by EM (m2m-aligner style).

Each Arabic letter is paired with 0–3 Latin letters ("graphones": خ→kh,
م→mo, ا→''); the joint
chunk-pair probabilities are re-estimated by forward–backward until the
alignments settle. The Viterbi alignment of every pair is what the joint
n-gram model (jointseq.py) is trained on.
"""
from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence

# (arabic letters, latin letters) a chunk may take: one Arabic letter to 0–3
# Latin ones. An Arabic letter may be silent in Latin, but Latin never appears
# from nothing: short vowels ride on the letter before them. Two-letter Arabic
# chunks were tried and swallow whole syllables (اب→i, ته→bti); the n-gram
# context of the joint model handles digraphs like تش→ch instead.
STEPS: tuple[tuple[int, int], ...] = ((1, 0), (1, 1), (1, 2), (1, 3))
FLOOR = 1e-12

Graphone = tuple[str, str]


def _chunks(x: str, y: str):
    n, m = len(x), len(y)
    for i in range(n):
        for a, b in STEPS:
            if i + a > n:
                continue
            xs = x[i:i + a]
            for j in range(m - b + 1):
                yield i, j, a, b, xs, y[j:j + b]


def _edges(x: str, y: str, i: int, j: int, prob: dict[Graphone, float]):
    """The chunks that may start at (i, j) with a probability: (a, b, graphone, p)."""
    n, m = len(x), len(y)
    for a, b in STEPS:
        if i + a > n or j + b > m:
            continue
        g = (x[i:i + a], y[j:j + b])
        p = prob.get(g, 0.0)
        if p:
            yield a, b, g, p


def _reached(alpha: list[list[float]], n: int, m: int):
    """(i, j, forward probability) of the cells of rows 0..n-1 the alignment reaches."""
    for i in range(n):
        row = alpha[i]
        for j in range(m + 1):
            if row[j] != 0.0:
                yield i, j, row[j]


def _forward(x: str, y: str, prob: dict[Graphone, float]) -> list[list[float]]:
    n, m = len(x), len(y)
    alpha = [[0.0] * (m + 1) for _ in range(n + 1)]
    alpha[0][0] = 1.0
    for i, j, here in _reached(alpha, n, m):  # rows fill ahead of the walk: every step advances i
        for a, b, _, p in _edges(x, y, i, j, prob):
            alpha[i + a][j + b] += here * p
    return alpha


def _backward(x: str, y: str, prob: dict[Graphone, float]) -> list[list[float]]:
    n, m = len(x), len(y)
    beta = [[0.0] * (m + 1) for _ in range(n + 1)]
    beta[n][m] = 1.0
    for i in range(n - 1, -1, -1):
        row = beta[i]
        for j in range(m, -1, -1):
            total = 0.0
            for a, b, _, p in _edges(x, y, i, j, prob):
                nxt = beta[i + a][j + b]
                if nxt:
                    total += p * nxt
            row[j] = total
    return beta


def initial_probs(pairs: Sequence[tuple[str, str]]) -> dict[Graphone, float]:
    """Uniform over every chunk pair that occurs somewhere, with a bias to one-to-one."""
    counts: dict[Graphone, float] = defaultdict(float)
    for x, y in pairs:
        for _i, _j, a, b, xs, ys in _chunks(x, y):
            counts[(xs, ys)] += 1.0 if (a, b) == (1, 1) else 0.5
    total = sum(counts.values())
    return {g: c / total for g, c in counts.items()}


def em_step(pairs: Sequence[tuple[str, str]], prob: dict[Graphone, float]) -> tuple[dict[Graphone, float], float]:
    """One EM iteration; returns the new probabilities and the data log-likelihood."""
    counts: dict[Graphone, float] = defaultdict(float)
    loglik = 0.0
    for x, y in pairs:
        alpha = _forward(x, y, prob)
        z = alpha[len(x)][len(y)]
        if z <= 0.0:
            continue
        loglik += math.log(z)
        beta = _backward(x, y, prob)
        for i, j, here in _reached(alpha, len(x), len(y)):
            for a, b, g, p in _edges(x, y, i, j, prob):
                nxt = beta[i + a][j + b]
                if nxt:
                    counts[g] += here * p * nxt / z
    total = sum(counts.values())
    new = {g: c / total for g, c in counts.items() if c / total > FLOOR}
    return new, loglik


def viterbi(x: str, y: str, prob: dict[Graphone, float]) -> list[Graphone] | None:
    """The most probable chunking of (x, y), or None if no chunking exists."""
    n, m = len(x), len(y)
    best = [[-math.inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    for i in range(n):
        for j in range(m + 1):
            here = best[i][j]
            if here == -math.inf:
                continue
            for a, b, _, p in _edges(x, y, i, j, prob):
                score = here + math.log(p)
                if score > best[i + a][j + b]:
                    best[i + a][j + b] = score
                    back[i + a][j + b] = (a, b)
    if best[n][m] == -math.inf:
        return None
    out: list[Graphone] = []
    i, j = n, m
    while i or j:
        step = back[i][j]
        assert step is not None
        a, b = step
        out.append((x[i - a:i], y[j - b:j]))
        i, j = i - a, j - b
    return out[::-1]


def train_alignment(pairs: Sequence[tuple[str, str]], iterations: int = 5,
                    log=None) -> dict[Graphone, float]:
    prob = initial_probs(pairs)
    for it in range(iterations):
        prob, loglik = em_step(pairs, prob)
        if log:
            log(f"align EM {it + 1}/{iterations}: log-likelihood {loglik:.1f}, {len(prob)} chunk pairs")
    return prob
