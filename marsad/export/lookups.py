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


@dataclass(frozen=True, slots=True)
class StateCodes:
    cow: int | None
    wikidata: str | None


@cache
def state_codes() -> dict[str, StateCodes]:
    """ISO3 -> COW state number and Wikidata item, from state_codes.tsv."""
    return {r["iso3"]: StateCodes(int(r["cow"]) if r["cow"] else None, r["wikidata"] or None)
            for r in read_tsv("state_codes.tsv")}


def cow_code(iso3: str | None) -> int | None:
    """The Correlates of War state number of an ISO3 country (None for no COW state)."""
    codes = state_codes().get(iso3 or "")
    return codes.cow if codes else None


@cache
def actor_qids() -> dict[str, str]:
    """Marsad actor id -> Wikidata QID: actor_wikidata.tsv, and each state's item for its ISO3-GOV actor."""
    out = {f"{iso3}-GOV": c.wikidata for iso3, c in state_codes().items() if c.wikidata}
    out.update((r["id"], r["wikidata"]) for r in read_tsv("actor_wikidata.tsv"))
    return out


def wikidata_id(actor_id: str | None) -> str | None:
    """The Wikidata QID of a Marsad actor, where the actor base carries one."""
    return actor_qids().get(actor_id) if actor_id else None


@cache
def icews_sector_names() -> dict[str, str]:
    """PLOVER sector -> ICEWS sector names (comma-joined), from icews_sectors.tsv."""
    return {r["plover_sector"]: r["icews_sectors"] for r in read_tsv("icews_sectors.tsv")}


def icews_sectors(sector: str | None) -> str | None:
    if not sector:
        return None
    return icews_sector_names().get(sector, sector) or None  # "": ICEWS gives that sector no name
