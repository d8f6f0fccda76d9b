"""Training the experimental neural tagger (ner_neural_net.py) with numpy: hand-written backprop
and Adam, minibatches of sentences, a fixed seed (same data, same weights).

Per batch, the input vectors of the batch's distinct forms are computed once
(a sparse sum of embedding rows), so a form that repeats in the batch shares
its gradient; only the embedding rows the batch uses are updated (lazy Adam).
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
from ner_neural_net import NeuralWeights, form_features

from marsad.ner.conll import Sentence
from marsad.ner.features import BOS, EOS, OFFSETS, Resources


@dataclass(frozen=True)
class NeuralConfig:
    dim: int = 128  # per-form input vector
    hidden: int = 192  # convolution outputs
    epochs: int = 12
    batch: int = 16  # sentences
    lr: float = 2e-3
    dropout: float = 0.25
    min_count: int = 2  # an input string must occur this often among the training tokens
    input_dropout: float = 0.2  # share of a form's input strings dropped per batch
    stems: bool = True  # whole stems as inputs (else only n-grams, flags, shape, vectors)
    seed: int = 7


class _Adam:
    def __init__(self, params: dict[str, np.ndarray], lr: float):
        self.p, self.lr = params, lr
        self.m = {k: np.zeros_like(v) for k, v in params.items()}
        self.v = {k: np.zeros_like(v) for k, v in params.items()}
        self.t = 0

    def step(self, grads: dict[str, np.ndarray], rows: np.ndarray | None = None) -> None:
        self.t += 1
        b1, b2 = 0.9, 0.999
        corr = self.lr * np.sqrt(1 - b2 ** self.t) / (1 - b1 ** self.t)
        for k, g in grads.items():
            if k == "embed":  # lazy: only the rows this batch used
                m, v = self.m[k][rows], self.v[k][rows]
                m = b1 * m + (1 - b1) * g
                v = b2 * v + (1 - b2) * g * g
                self.m[k][rows], self.v[k][rows] = m, v
                self.p[k][rows] -= corr * m / (np.sqrt(v) + 1e-8)
            else:
                m, v = self.m[k], self.v[k]
                m *= b1
                m += (1 - b1) * g
                v *= b2
                v += (1 - b2) * g * g
                self.p[k] -= corr * m / (np.sqrt(v) + 1e-8)


def train_neural(sentences: Sequence[Sentence], res: Resources, labels: Sequence[str],
                 config: NeuralConfig = NeuralConfig(), base: Sequence[np.ndarray] | None = None,
                 transitions: np.ndarray | None = None, log=None) -> NeuralWeights:
    """Fit the neural tagger. With `base` (per sentence, (n_tokens, n_labels)
    scores another tagger gives it, e.g. a CRF's emissions from a model that
    did not see that sentence), the network learns what to add to them."""
    from scipy import sparse

    rng = np.random.default_rng(config.seed)
    lab = {t: k for k, t in enumerate(labels)}
    # distinct forms in first-seen order; BOS and EOS first
    form_index: dict[str, int] = {BOS: 0, EOS: 1}
    token_forms: list[np.ndarray] = []
    for s in sentences:
        token_forms.append(np.array([form_index.setdefault(w, len(form_index)) for w in s.words], np.intp))
    forms = list(form_index)
    feats = [form_features(f, res) for f in forms]
    # input strings counted over tokens
    counts: Counter[str] = Counter()
    freq = np.bincount(np.concatenate(token_forms), minlength=len(forms))
    for (names, _v), n in zip(feats, freq.tolist()):
        for name in names:
            counts[name] += n
    counts[BOS] = counts[EOS] = config.min_count
    names_kept = sorted(k for k, c in counts.items() if c >= config.min_count
                        and (config.stems or not k.startswith("s=")))
    vocab = {k: i for i, k in enumerate(names_kept)}
    indptr, indices = [0], []
    dims = res.vectors.dims if res.vectors is not None else 0
    vecs = np.zeros((len(forms), dims), np.float32)
    for i, (names, vec) in enumerate(feats):
        indices += sorted({vocab[n] for n in names if n in vocab})
        indptr.append(len(indices))
        if vec is not None:
            vecs[i] = vec
    S = sparse.csr_matrix((np.ones(len(indices), np.float32), np.array(indices, np.intp), np.array(indptr)),
                          shape=(len(forms), len(vocab)))
    D, H, L, K = config.dim, config.hidden, len(labels), len(OFFSETS)
    p = {
        "embed": (rng.standard_normal((len(vocab), D)) * 0.1).astype(np.float32),
        "vec_proj": (rng.standard_normal((dims, D)) * (1 / np.sqrt(max(dims, 1)))).astype(np.float32),
        "b0": np.zeros(D, np.float32),
        "conv": (rng.standard_normal((D, K * H)) * np.sqrt(2 / (K * D))).astype(np.float32),
        "b1": np.zeros(H, np.float32),
        "out": (rng.standard_normal((H, L)) * np.sqrt(1 / H)).astype(np.float32),
        "bo": np.zeros(L, np.float32),
    }
    adam = _Adam(p, config.lr)
    gold = [np.array([lab[t] for t in s.tags], np.intp) for s in sentences]
    keep = 1.0 - config.dropout
    for epoch in range(config.epochs):
        order = rng.permutation(len(sentences))
        total = 0.0
        for start in range(0, len(order), config.batch):
            batch = order[start:start + config.batch]
            pad, rows, y = [], [], []
            for i in batch:
                at = len(pad)
                pad += [0, 0, *token_forms[i].tolist(), 1, 1]
                rows += range(at, at + len(token_forms[i]))
                y.append(gold[i])
            extra = np.concatenate([base[i] for i in batch]).astype(np.float32) if base is not None else 0.0
            pad_a, rows_a, y_a = np.array(pad, np.intp), np.array(rows, np.intp), np.concatenate(y)
            uniq, inv = np.unique(pad_a, return_inverse=True)
            Sb = S[uniq]
            cols, local = np.unique(Sb.indices, return_inverse=True)
            kept = (rng.random(len(local)) >= config.input_dropout).astype(np.float32)
            Sl = sparse.csr_matrix((Sb.data * kept, local, Sb.indptr), shape=(len(uniq), len(cols)))
            E = p["embed"][cols]
            A = Sl @ E + vecs[uniq] @ p["vec_proj"] + p["b0"]
            H0 = np.tanh(A)
            m0 = (rng.random(H0.shape) < keep).astype(np.float32) / keep
            H0d = H0 * m0
            G = (H0d @ p["conv"]).reshape(len(uniq), K, H)
            n = len(rows_a)
            z = p["b1"] + sum(G[inv[rows_a + j], j] for j in range(K))
            h1 = np.maximum(z, 0.0)
            m1 = (rng.random(h1.shape) < keep).astype(np.float32) / keep
            h1d = h1 * m1
            s = h1d @ p["out"] + p["bo"] + extra
            if transitions is not None:
                lengths = np.array([len(token_forms[i]) for i in batch])
                nll, d = crf_grad(s.astype(np.float64), y_a, lengths, transitions)
                total += nll
                d = d.astype(np.float32) / n
            else:
                s -= s.max(axis=1, keepdims=True)
                e = np.exp(s)
                prob = e / e.sum(axis=1, keepdims=True)
                total += float(-np.log(prob[np.arange(n), y_a] + 1e-12).sum())
                d = prob
                d[np.arange(n), y_a] -= 1.0
                d /= n
            grads = {"out": h1d.T @ d, "bo": d.sum(0)}
            dz = (d @ p["out"].T) * m1 * (z > 0)
            grads["b1"] = dz.sum(0)
            dG = np.empty((len(uniq), K, H), np.float32)
            for j in range(K):
                P = sparse.csr_matrix((np.ones(n, np.float32), (inv[rows_a + j], np.arange(n))),
                                      shape=(len(uniq), n))
                dG[:, j] = P @ dz
            dG = dG.reshape(len(uniq), K * H)
            grads["conv"] = H0d.T @ dG
            dA = (dG @ p["conv"].T) * m0 * (1 - H0 * H0)
            grads["vec_proj"] = vecs[uniq].T @ dA
            grads["b0"] = dA.sum(0)
            grads["embed"] = Sl.T @ dA
            adam.step({k: v.astype(np.float32) for k, v in grads.items()}, rows=cols)
        if log:
            log(f"epoch {epoch + 1}: loss {total / sum(len(g) for g in gold):.4f}")
    meta = {"config": asdict(config), "sentences": len(sentences)}
    return NeuralWeights(tuple(labels), vocab, p["embed"], p["vec_proj"], p["b0"], p["conv"], p["b1"],
                         p["out"], p["bo"], meta)


def _lse(x: np.ndarray, axis: int) -> np.ndarray:
    m = x.max(axis=axis, keepdims=True)
    return (m + np.log(np.exp(x - m).sum(axis=axis, keepdims=True))).squeeze(axis)


def crf_grad(e: np.ndarray, y: np.ndarray, lengths: np.ndarray, trans: np.ndarray) -> tuple[float, np.ndarray]:
    """Negative log-likelihood of the gold labels under a linear-chain CRF
    with emissions `e` (sentences' rows one after another) and fixed
    transitions, and its gradient with respect to `e` (marginals − gold)."""
    B, T, L = len(lengths), int(lengths.max()), e.shape[1]
    starts = np.cumsum(lengths) - lengths
    sent = np.repeat(np.arange(B), lengths)
    pos = np.arange(len(y)) - np.repeat(starts, lengths)
    E = np.zeros((B, T, L))
    E[sent, pos] = e
    alpha = np.empty((B, T, L))
    alpha[:, 0] = E[:, 0]
    for t in range(1, T):
        alpha[:, t] = _lse(alpha[:, t - 1, :, None] + trans[None], axis=1) + E[:, t]
    beta = np.zeros((B, T, L))
    for t in range(T - 2, -1, -1):
        nxt = _lse(trans[None] + (E[:, t + 1] + beta[:, t + 1])[:, None, :], axis=2)
        beta[:, t] = np.where((t < lengths - 1)[:, None], nxt, 0.0)
    log_z = _lse(alpha[np.arange(B), lengths - 1], axis=1)
    marg = np.exp(alpha + beta - log_z[:, None, None])[sent, pos]
    gold = e[np.arange(len(y)), y].sum()
    same = np.ones(len(y), bool)
    same[starts] = False
    gold += trans[y[:-1][same[1:]], y[1:][same[1:]]].sum()
    marg[np.arange(len(y)), y] -= 1.0
    return float(log_z.sum() - gold), marg


def cross_fitted_emissions(sentences: Sequence[Sentence], folds: int, fit_crf, res: Resources,
                           labels: Sequence[str], cache: Path | None = None) -> list[np.ndarray]:
    """Per sentence, the emissions (in `labels` order) of a CRF trained on
    the other folds (contiguous blocks, so that a story's repeated names stay
    on one side), as the network must learn what to add to a CRF's scores
    on text that CRF has not seen. `fit_crf(sentences)` returns CrfWeights;
    with `cache`, fold k's CRF is kept in (and reused from) cache/crf_fold<k>.npz."""
    from marsad.ner.decode import Decoder
    from marsad.ner.model import CrfWeights

    out: list[np.ndarray] = []
    n = len(sentences)
    for k in range(folds):
        a, b = n * k // folds, n * (k + 1) // folds
        path = cache / f"crf_fold{k}.npz" if cache else None
        if path is not None and path.exists():
            crf = CrfWeights.load(path)
        else:
            crf = fit_crf([*sentences[:a], *sentences[b:]])
            if path is not None:
                crf.save(path)
        order = [crf.labels.index(t) for t in labels]
        dec = Decoder(crf, res)
        forms, bounds = [], []
        for s in sentences[a:b]:
            bounds.append((len(forms), len(forms) + len(s.words)))
            forms.extend(s.words)
        e, _own = dec.emissions(dec.form_ids(forms), bounds)
        out += [e[x:y][:, order] for x, y in bounds]
    return out
