"""`marsad eval names`: score the romaniser on an `arabic<TAB>latin` file.

Rows: the full system (dictionary, then model), the model alone (dictionary
disabled, so its quality is visible), the model alone on the tokens the
dictionary does not cover (the truly unseen names the model exists for), and
that again without the known-spelling prior (the bare n-gram model).
A file may give several acceptable spellings of one Arabic word (more TAB
fields, or repeated Arabic words): a hypothesis is exact if it equals any of
them, and its edits are counted against the closest one.
"""
from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from marsad.names.metrics import Score, edit_distance, score
from marsad.names.romanize import romanize_token


@dataclass(frozen=True, slots=True)
class NameEvaluation:
    rows: dict[str, Score]
    model_ms: float  # CPU ms per word of the model-only row (cold cache)
    covered: int  # test words the dictionary answers
    total: int
    errors: tuple[str, ...]


def read_references(path: Path) -> tuple[dict[str, list[str]], list[str]]:
    """Arabic → acceptable Latin spellings, in file order; bad lines become error messages."""
    refs: dict[str, list[str]] = {}
    errors: list[str] = []
    with Path(path).open(encoding="utf-8-sig") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip() or line.startswith("#"):
                continue
            fields = [f.strip() for f in line.rstrip("\n").split("\t")]
            if len(fields) < 2 or not fields[0] or not all(fields[1:]):
                errors.append(f"{path}:{n}: expected 'arabic<TAB>latin', got {line.strip()[:60]!r}")
                continue
            refs.setdefault(fields[0], [])
            refs[fields[0]].extend(f for f in fields[1:] if f not in refs[fields[0]])
    return refs, errors


def closest(hyp: str, references: list[str]) -> str:
    """The reference the hypothesis matches, else the one nearest by edit distance."""
    h = hyp.lower()
    return min(references, key=lambda r: (r.lower() != h, edit_distance(h, r.lower())))


def _pairs(refs: dict[str, list[str]], use_dictionary: bool,
           only: set[str] | None = None, prior: bool = True) -> Iterator[tuple[str, str]]:
    for arabic, references in refs.items():
        if only is None or arabic in only:
            hyp = romanize_token(arabic, use_dictionary, prior).latin
            yield hyp, closest(hyp, references)


def evaluate_names(path: Path) -> NameEvaluation:
    refs, errors = read_references(path)
    covered = {a for a in refs if romanize_token(a).source == "dictionary"}
    unseen = set(refs) - covered
    full = score(_pairs(refs, True))
    t0 = time.process_time()
    model_only = score(_pairs(refs, False))
    model_ms = 1000 * (time.process_time() - t0) / max(len(refs), 1)
    rows = {
        "full system (dictionary + model)": full,
        "model only (dictionary disabled)": model_only,
        "model only, words not in the dictionary": score(_pairs(refs, False, unseen)),
        "  the same without the spelling prior": score(_pairs(refs, False, unseen, prior=False)),
    }
    return NameEvaluation(rows, model_ms, len(covered), len(refs), tuple(errors))


def format_evaluation(ev: NameEvaluation) -> str:
    lines = [f"{'':42} {'words':>6} {'exact':>7} {'CER':>7}"]
    for name, s in ev.rows.items():
        lines.append(f"{name:42} {s.n:6d} {s.accuracy:7.3f} {s.cer:7.3f}")
    lines.append(f"model speed: {ev.model_ms:.1f} CPU ms per word (cold cache)")
    lines.append(f"dictionary coverage: {ev.covered}/{ev.total} words ({ev.covered / max(ev.total, 1):.1%})")
    lines.append("exact = case-insensitive match with a reference; CER = sum(edits) / sum(reference chars); "
                 "the article ال is scored without 'al-' as the references write it")
    return "\n".join(lines)
