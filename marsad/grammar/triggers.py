"""Trigger lexicon (resources/triggers.tsv) and modality words (modality.tsv)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from marsad.grammar.ontology import PLOVER_TYPES
from marsad.grammar.phrase_index import PhraseIndex
from marsad.resources import read_tsv
from marsad.text.normalize import fold


@dataclass(frozen=True, slots=True)
class Trigger:
    type: str
    mode: str | None
    pos: str  # verb | noun | passive (a form passive by its letters: اغتيل، أصيب)
    target: tuple[str, ...]  # "obj" and/or folded prepositions
    form: str


@cache
def trigger_indexes() -> tuple[PhraseIndex[Trigger], PhraseIndex[Trigger]]:
    """(verbs, nouns): verbs are looked up without ال readings, nouns with."""
    verbs: PhraseIndex[Trigger] = PhraseIndex()
    nouns: PhraseIndex[Trigger] = PhraseIndex()
    for row in read_tsv("triggers.tsv"):
        etype = row["type"].upper()
        if etype not in PLOVER_TYPES:
            raise ValueError(f"triggers.tsv: unknown PLOVER type {etype!r}")
        target = tuple(fold(t.strip()) for t in row.get("target", "").split("|") if t.strip())
        for form in row["forms"].split("|"):
            form = form.strip()
            if form:
                pos = row.get("pos") or "verb"
                (nouns if pos == "noun" else verbs).add(form, Trigger(etype, row.get("mode") or None, pos, target, form))
    return verbs, nouns


@dataclass(frozen=True, slots=True)
class ModalityWords:
    negated_before: dict[str, int]
    negated_clause: frozenset[str]
    hedged_before: dict[str, int]
    hedged_clause: frozenset[str]
    qad_imperfect: bool


@cache
def modality_words() -> ModalityWords:
    neg_b: dict[str, int] = {}
    hed_b: dict[str, int] = {}
    neg_c: set[str] = set()
    hed_c: set[str] = set()
    qad = False
    for row in read_tsv("modality.tsv"):
        forms = [f.strip() for f in row["forms"].split("|") if f.strip()]
        if "قد_IMPERFECT" in forms:
            qad = True
            forms.remove("قد_IMPERFECT")
        folded = [fold(f) for f in forms]
        window = int(row.get("window") or 0)
        if row["scope"] == "before":
            target = neg_b if row["kind"] == "negated" else hed_b
            target.update({f: window for f in folded})
        else:
            (neg_c if row["kind"] == "negated" else hed_c).update(folded)
    return ModalityWords(neg_b, frozenset(neg_c), hed_b, frozenset(hed_c), qad)


@dataclass(frozen=True, slots=True)
class SplitTrigger:
    """A trigger in two parts with up to `max_gap` words between them."""

    trigger: Trigger
    second: frozenset[str]
    max_gap: int


@cache
def split_trigger_index() -> dict[str, list[SplitTrigger]]:
    """First part (folded) -> split triggers starting with it."""
    index: dict[str, list[SplitTrigger]] = {}
    for row in read_tsv("discontinuous.tsv"):
        etype = row["type"].upper()
        if etype not in PLOVER_TYPES:
            raise ValueError(f"discontinuous.tsv: unknown PLOVER type {etype!r}")
        target = tuple(fold(t.strip()) for t in row.get("target", "").split("|") if t.strip())
        second = frozenset(fold(w) for w in row["second"].split("|") if w.strip())
        for first in row["first"].split("|"):
            if first.strip():
                trig = Trigger(etype, row.get("mode") or None, row.get("pos") or "verb", target, first.strip())
                index.setdefault(fold(first.strip()), []).append(SplitTrigger(trig, second, int(row["max_gap"])))
    return index
