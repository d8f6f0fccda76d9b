"""Data the exports map through, loaded once from marsad/resources (see FORMATS.md)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from marsad.resources import read_tsv


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    description: str
    goldstein: float
    quad_class: int


@cache
def cameo_table() -> dict[tuple[str, str], CameoCode]:
    """(PLOVER type, mode or "") -> CAMEO code, from plover_cameo.tsv."""
    return {(r["plover_event"], r["plover_mode"]):
            CameoCode(r["cameo_code"], r["description"], float(r["goldstein"]), int(r["quad_class"]))
            for r in read_tsv("plover_cameo.tsv")}


def cameo_for(etype: str, mode: str | None) -> CameoCode | None:
    """The CAMEO code of a PLOVER type and mode; the type's generic code for an unmapped mode."""
    table = cameo_table()
    return table.get((etype, mode or "")) or table.get((etype, ""))


@cache
def plover_scores() -> dict[tuple[str, str], tuple[int, float]]:
    """(PLOVER type, mode or "") -> (quad code, PLOVER intensity score), from plover_scores.tsv."""
    return {(r["plover_event"], r["plover_mode"]): (int(r["quad_code"]), float(r["score"]))
            for r in read_tsv("plover_scores.tsv")}


def plover_score(etype: str, mode: str | None) -> tuple[int, float] | tuple[None, None]:
    table = plover_scores()
    return table.get((etype, mode or "")) or table.get((etype, "")) or (None, None)


def country_name(iso3: str | None) -> str | None:
    """English short name of an ISO3 country from the actor base (the code itself if unknown)."""
    if not iso3:
        return None
    from marsad.grammar.actor_base import ActorBase

    return ActorBase.load().country_names.get(iso3, iso3)
