"""The trained CRF in the form the tagger runs: weights per feature string.

Training (train.py) uses crfsuite; the tagger needs only, for every feature,
its weight for each label, plus the label-to-label transition weights. These
are stored as one compressed `.npz` (`data/ner_model.npz`): feature strings,
the non-zero (feature, label, weight) triples and the transition matrix.
"""
from __future__ import annotations

import io
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from marsad.ner.clusters import DATA

MODEL_FILE = "ner_model.npz"


class ModelError(ValueError):
    """A model file that cannot be read."""


@dataclass(frozen=True)
class CrfWeights:
    labels: tuple[str, ...]  # IOB2 tags, e.g. ("O", "B-PER", "I-PER", …)
    features: dict[str, int]  # feature string -> row of `state`
    state: np.ndarray  # (n_features, n_labels) float32
    transitions: np.ndarray  # (n_labels, n_labels): from row label to column label
    meta: dict
    outside: frozenset[str] = frozenset()  # folded forms the training data never has in a name

    @classmethod
    def from_crfsuite(cls, model_path: Path, meta: dict) -> CrfWeights:
        import pycrfsuite

        tagger = pycrfsuite.Tagger()
        tagger.open(str(model_path))
        info = tagger.info()
        tagger.close()
        labels = tuple(sorted(info.labels, key=lambda t: (t != "O", t[2:], t[:1])))
        lab = {t: k for k, t in enumerate(labels)}
        names = sorted({a for a, _ in info.state_features})
        features = {a: k for k, a in enumerate(names)}
        state = np.zeros((len(names), len(labels)), dtype=np.float32)
        for (attr, label), w in info.state_features.items():
            state[features[attr], lab[label]] = w
        trans = np.zeros((len(labels), len(labels)), dtype=np.float32)
        for (a, b), w in info.transitions.items():
            trans[lab[a], lab[b]] = w
        return cls(labels, features, state, trans, meta)

    def save(self, path: Path) -> None:
        rows, cols = np.nonzero(self.state)
        names = sorted(self.features, key=self.features.get)
        buf = io.BytesIO()
        np.savez_compressed(
            buf,
            labels=np.frombuffer("\n".join(self.labels).encode("utf-8"), dtype=np.uint8),
            features=np.frombuffer("\n".join(names).encode("utf-8"), dtype=np.uint8),
            rows=rows.astype(np.int32), cols=cols.astype(np.int8),
            weights=self.state[rows, cols].astype(np.float32),
            transitions=self.transitions.astype(np.float32),
            meta=np.frombuffer(json.dumps(self.meta, sort_keys=True).encode("utf-8"), dtype=np.uint8),
            outside=np.frombuffer("\n".join(sorted(self.outside)).encode("utf-8"), dtype=np.uint8),
        )
        path.write_bytes(buf.getvalue())

    @classmethod
    def load(cls, path: Path) -> CrfWeights:
        try:
            z = np.load(path)
            labels = tuple(bytes(z["labels"]).decode("utf-8").split("\n"))
            names = bytes(z["features"]).decode("utf-8").split("\n")
            state = np.zeros((len(names), len(labels)), dtype=np.float32)
            state[z["rows"], z["cols"]] = z["weights"]
            meta = json.loads(bytes(z["meta"]).decode("utf-8"))
            outside = frozenset(bytes(z["outside"]).decode("utf-8").split("\n")) if "outside" in z.files else frozenset()
            return cls(labels, {n: k for k, n in enumerate(names)}, state, z["transitions"], meta, outside - {""})
        except (OSError, KeyError, ValueError) as exc:
            raise ModelError(f"{path}: not a Marsad NER model ({exc})") from exc


@cache
def default_weights() -> CrfWeights:
    return CrfWeights.load(DATA / MODEL_FILE)
