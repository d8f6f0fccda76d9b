"""The shipped event models through Marsad's binary cache (marsad.cache).

Reading the models means parsing ~100,000 feature names from JSON, inflating the npz weights and
building the tables the rankers read (`LinearModel.column_weights`, `EventModels.role_weights`):
~0.5 s of every start-up. Here they are built once from the shipped files and kept as plain data
(the weights as raw float32 bytes); the models and their files are unchanged.
"""
from __future__ import annotations

from typing import Any

import numpy as np

from marsad.learn.linear import LinearModel
from marsad.learn.stage import ROLES, EventModels
from marsad.cache import cached

OPTIONAL = ("place", "claim", "speaker")  # the models EventModels may lack


def built_models() -> EventModels:
    """The shipped models with every ranker's lookup tables built (the trigger model has none:
    it scores with numpy)."""
    models = EventModels.load()
    for model in (*models.roles.values(), *(getattr(models, name) for name in OPTIONAL)):
        if model is not None:
            model.column_weights  # noqa: B018 - cached_property, built now to be cached
    models.role_weights  # noqa: B018 - likewise
    return models


def cached_models() -> EventModels:
    return cached("event-models", built_models, _models_tables, _models_from_tables)


def _linear_tables(model: LinearModel | None) -> tuple | None:
    if model is None:
        return None
    weights = np.ascontiguousarray(model.weights)
    return (model.classes, model.vocab, weights.dtype.str, weights.shape, weights.tobytes(),
            model.bias.dtype.str, model.bias.tobytes(), model.card, model.multilabel,
            model.__dict__.get("column_weights"))


def _linear_from_tables(tables: tuple | None) -> LinearModel | None:
    if tables is None:
        return None
    classes, vocab, dtype, shape, weights, bias_dtype, bias, card, multilabel, column_weights = tables
    model = LinearModel(classes, vocab, np.frombuffer(weights, dtype=dtype).reshape(shape),
                        np.frombuffer(bias, dtype=bias_dtype), card, multilabel)
    if column_weights is not None:
        model.__dict__["column_weights"] = column_weights  # what the cached_property would compute
    return model


def _models_tables(models: EventModels) -> dict[str, Any]:
    return {"trigger": _linear_tables(models.trigger),
            "roles": {role: _linear_tables(models.roles[role]) for role in ROLES},
            **{name: _linear_tables(getattr(models, name)) for name in OPTIONAL},
            "none_threshold": models.none_threshold, "calibration": models.calibration,
            "claim_threshold": models.claim_threshold, "role_weights": models.role_weights}


def _models_from_tables(tables: dict[str, Any]) -> EventModels:
    models = EventModels(_linear_from_tables(tables["trigger"]),
                         {role: _linear_from_tables(tables["roles"][role]) for role in ROLES},
                         none_threshold=tables["none_threshold"],
                         place=_linear_from_tables(tables["place"]), calibration=tuple(tables["calibration"]),
                         claim=_linear_from_tables(tables["claim"]), speaker=_linear_from_tables(tables["speaker"]),
                         claim_threshold=tables["claim_threshold"])
    models.__dict__["role_weights"] = tables["role_weights"]  # frozen dataclass: as cached_property sets it
    return models
