"""Experiment (bench/ner_neural.py): a small neural tagger whose label scores
are added to the CRF's. Not shipped: it did not lift dev and check-block F1.

Each word form gets an input vector that depends only on the form: a sum of
learned embeddings of its character n-grams (2–4-grams of the stem with its
edges marked, which is what carries over to names never seen in training),
of its stem, proclitic, shape and name-list flags, plus a projection of its
SVD word vector (vectors.py). One convolution of width 5 over these vectors
and a linear layer give each token a score per label.

The convolution's first step is linear in each neighbour's input vector, so
what a form contributes at each offset (`h0 @ W_k`) is computed once per form
and cached; a document then costs five row gathers, a ReLU and one small
matmul for all its tokens (numpy only; training is in ner_neural_train.py).
"""
from __future__ import annotations

import io
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from marsad.ner.features import (
    BOS,
    EOS,
    HASHTAG_MARK,
    OFFSETS,
    Resources,
    word_shape,
    word_vector,
)
from marsad.text.clitics import segment
from marsad.text.normalize import fold, fold_light

NGRAMS = (2, 3, 4)


def form_features(word: str, res: Resources) -> tuple[tuple[str, ...], np.ndarray | None]:
    """(sparse input strings, dense SVD vector or None) of one word form."""
    if word in (BOS, EOS):
        return (word,), None
    hashtag = word.startswith(HASHTAG_MARK) and len(word) > 1
    if hashtag:
        word = word[1:]
    light = fold_light(word)
    norm = fold(word)
    prefix, _stem, _suffix, key = segment(light) if light.isalpha() else ("", light, "", norm)
    bare = key[2:] if key.startswith("ال") and len(key) > 3 else key
    out = [f"s={key}", f"sh={word_shape(word)}"]
    if prefix:
        out.append(f"p={fold(prefix)}")
    if key != bare:
        out.append("al")
    if hashtag:
        out.append("ht")
    marked = f"<{bare}>"
    for n in NGRAMS:
        out += [f"{n}:{marked[i:i + n]}" for i in range(len(marked) - n + 1)]
    flags = res.flags.get(key) or res.flags.get(bare) or ()
    out += [f"g={f}" for f in flags]
    vec = word_vector(word, res)
    if vec is None:
        out.append("novec")
    return tuple(out), vec


@dataclass(frozen=True)
class NeuralWeights:
    labels: tuple[str, ...]
    vocab: dict[str, int]  # input string -> row of `embed`
    embed: np.ndarray  # (n_inputs, D)
    vec_proj: np.ndarray  # (vector dims, D)
    b0: np.ndarray  # (D,)
    conv: np.ndarray  # (D, len(OFFSETS) * H): the convolution's weights, offset-major
    b1: np.ndarray  # (H,)
    out: np.ndarray  # (H, n_labels)
    bo: np.ndarray  # (n_labels,)
    meta: dict

    def save(self, path: Path) -> None:
        buf = io.BytesIO()
        names = sorted(self.vocab, key=self.vocab.get)
        q, step = _quantise(self.embed)
        np.savez_compressed(
            buf, labels=_text("\n".join(self.labels)), vocab=_text("\n".join(names)),
            embed=q, embed_step=np.array([step], np.float32),
            vec_proj=self.vec_proj.astype(np.float16), b0=self.b0.astype(np.float32),
            conv=self.conv.astype(np.float16), b1=self.b1.astype(np.float32),
            out=self.out.astype(np.float32), bo=self.bo.astype(np.float32),
            meta=_text(json.dumps(self.meta, sort_keys=True)))
        path.write_bytes(buf.getvalue())

    @classmethod
    def load(cls, path: Path) -> NeuralWeights:
        z = np.load(path)
        names = bytes(z["vocab"]).decode("utf-8").split("\n")
        return cls(tuple(bytes(z["labels"]).decode("utf-8").split("\n")), {n: i for i, n in enumerate(names)},
                   z["embed"].astype(np.float32) * z["embed_step"][0], z["vec_proj"].astype(np.float32),
                   z["b0"], z["conv"].astype(np.float32), z["b1"], z["out"], z["bo"],
                   json.loads(bytes(z["meta"]).decode("utf-8")))

    def rounded(self) -> NeuralWeights:
        """These weights as a save and load gives them back."""
        q, step = _quantise(self.embed)
        return NeuralWeights(self.labels, self.vocab, q.astype(np.float32) * step,
                             self.vec_proj.astype(np.float16).astype(np.float32), self.b0.astype(np.float32),
                             self.conv.astype(np.float16).astype(np.float32), self.b1.astype(np.float32),
                             self.out.astype(np.float32), self.bo.astype(np.float32), self.meta)


def _text(s: str) -> np.ndarray:
    return np.frombuffer(s.encode("utf-8"), dtype=np.uint8)


def _quantise(m: np.ndarray) -> tuple[np.ndarray, np.float32]:
    """int8 values and their step (the largest magnitude maps to 127)."""
    top = float(np.abs(m).max()) or 1.0
    step = np.float32(top / 127)
    return np.clip(np.rint(m / step), -127, 127).astype(np.int8), step


def form_inputs(forms: list[str], w: NeuralWeights, res: Resources) -> tuple[list[np.ndarray], np.ndarray]:
    """Per form: the vocabulary rows of its input strings, and the stacked dense vectors."""
    rows, vecs = [], np.zeros((len(forms), w.vec_proj.shape[0]), np.float32)
    for i, f in enumerate(forms):
        names, vec = form_features(f, res)
        rows.append(np.array([r for n in names if (r := w.vocab.get(n)) is not None], np.intp))
        if vec is not None:
            vecs[i] = vec
    return rows, vecs


def hidden0(rows: list[np.ndarray], vecs: np.ndarray, w: NeuralWeights) -> np.ndarray:
    """(n_forms, D) first-layer vectors of forms given by form_inputs."""
    lengths = np.fromiter((len(r) for r in rows), np.intp, len(rows))
    flat = np.concatenate(rows) if len(rows) else np.zeros(0, np.intp)
    summed = np.zeros((len(rows), w.embed.shape[1]), np.float32)
    np.add.at(summed, np.repeat(np.arange(len(rows)), lengths), w.embed[flat])
    return np.tanh(summed + vecs @ w.vec_proj + w.b0)


def offset_table(forms: list[str], w: NeuralWeights, res: Resources) -> np.ndarray:
    """(len(OFFSETS), n_forms, H): what each form adds to the hidden layer's
    input when it sits at each offset from the tagged word."""
    h0 = hidden0(*form_inputs(forms, w, res), w)
    g = h0 @ w.conv
    return np.ascontiguousarray(g.reshape(len(forms), len(OFFSETS), -1).transpose(1, 0, 2))


def log_probs(table: np.ndarray, pad: np.ndarray, rows: np.ndarray, w: NeuralWeights) -> np.ndarray:
    """(len(rows), n_labels) label log-probabilities of the tokens at framed
    positions `rows + 2` of `pad` (form rows of `table`, each sentence framed
    by two BOS and two EOS)."""
    z = w.b1 + table[0].take(pad[rows], axis=0)
    for j in range(1, len(OFFSETS)):
        z += table[j].take(pad[rows + j], axis=0)
    np.maximum(z, 0.0, out=z)
    s = z @ w.out + w.bo
    s -= s.max(axis=1, keepdims=True)
    return s - np.log(np.exp(s).sum(axis=1, keepdims=True))


def frame(ids: list[int], bounds: list[tuple[int, int]], bos: int, eos: int) -> tuple[np.ndarray, np.ndarray]:
    """(framed array of form ids, framed position - 2 of each token in bounds)."""
    pad, rows = [], []
    for a, b in bounds:
        start = len(pad)
        pad += [bos, bos, *ids[a:b], eos, eos]
        rows += range(start, start + b - a)
    return np.array(pad, np.intp), np.array(rows, np.intp)
