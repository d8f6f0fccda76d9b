"""Claim cue lexicon (resources/cues.tsv)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from marsad.grammar.phrase_index import PhraseIndex
from marsad.resources import read_tsv

CUE_KINDS = ("verb", "continuation", "according", "statement")


@dataclass(frozen=True, slots=True)
class Cue:
    kind: str
    form: str


@cache
def cue_index() -> PhraseIndex[Cue]:
    index: PhraseIndex[Cue] = PhraseIndex()
    for row in read_tsv("cues.tsv"):
        kind = row["kind"].strip()
        if kind not in CUE_KINDS:
            raise ValueError(f"cues.tsv: unknown cue kind {kind!r}")
        for form in row["forms"].split("|"):
            if form.strip():
                index.add(form.strip(), Cue(kind, form.strip()))
    return index
