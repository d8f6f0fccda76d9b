"""Dense word vectors as real-valued CRF features.

The PPMI+SVD vectors that clusters.py groups into clusters also go to the
tagger directly: clusters cut the space into cells, so two words just either
side of a border look unrelated, while the vector keeps how near they are.
The shipped file (`data/vectors.npz`) holds the most frequent words' vectors
in their first `VECTOR_DIMS` dimensions (SVD orders them by weight), scaled
to int8: the CRF weighs each dimension, so a step of 1/127 of the largest
value costs nothing measurable and keeps the file small.
"""
from __future__ import annotations

import io
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from marsad.ner.clusters import DATA

VECTOR_FILE = "vectors.npz"
VECTOR_WORDS = 40_000  # most frequent words kept
VECTOR_DIMS = 50  # leading SVD dimensions kept
VECTOR_SCALE = 1.5  # unit vectors times this: a dimension spans about ±0.25 (scales 0.75–6 scored lower on dev and the check block)
VECTOR_OFFSETS = (-1, 0, 1)  # positions whose word's vector is a feature of the tagged word


@dataclass(frozen=True)
class Vectors:
    index: dict[str, int]  # word key -> row of `matrix`
    matrix: np.ndarray  # (n_words, dims) float32, already scaled

    @property
    def dims(self) -> int:
        return int(self.matrix.shape[1])

    def get(self, key: str) -> np.ndarray | None:
        row = self.index.get(key)
        return None if row is None else self.matrix[row]

    @classmethod
    def from_svd(cls, words: list[str], vectors: np.ndarray) -> Vectors:
        """The shipped form of learn_vectors' output: top words, leading dims, int8 steps."""
        words = words[:VECTOR_WORDS]
        q = _quantise((vectors[:len(words), :VECTOR_DIMS] * VECTOR_SCALE).astype(np.float32))
        return cls({w: i for i, w in enumerate(words)}, q[0].astype(np.float32) * q[1])

    def save(self, path: Path) -> None:
        q, step = _quantise(self.matrix)
        buf = io.BytesIO()
        np.savez_compressed(buf, words=np.frombuffer("\n".join(self.index).encode("utf-8"), dtype=np.uint8),
                            values=q, step=np.array([step], dtype=np.float64))
        path.write_bytes(buf.getvalue())

    @classmethod
    def load(cls, path: Path) -> Vectors:
        z = np.load(path)
        words = bytes(z["words"]).decode("utf-8").split("\n")
        return cls({w: i for i, w in enumerate(words)}, z["values"].astype(np.float32) * np.float32(z["step"][0]))


def _quantise(m: np.ndarray) -> tuple[np.ndarray, np.float32]:
    """int8 values and their step (the largest magnitude maps to 127)."""
    top = float(np.abs(m).max()) or 1.0
    step = np.float32(top / 127)
    q = np.clip(np.rint(m / step), -127, 127).astype(np.int8)
    return q, step


def vector_features(vec: np.ndarray | None, prefix: str = "") -> dict[str, float]:
    """crfsuite attributes `v<d>` (with the offset's prefix) of one word's vector."""
    if vec is None:
        return {}
    return {f"{prefix}v{d}": float(x) for d, x in enumerate(vec.tolist()) if x}


@cache
def load_vectors(path: Path | None = None) -> Vectors | None:
    path = path or DATA / VECTOR_FILE
    return Vectors.load(path) if path.exists() else None
