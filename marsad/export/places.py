"""The gazetteer row behind an event's location, for the fields the record does not carry.

A contract record's `location` keeps the name, country, point and precision of the place it
resolved to; the exports' GeoNames id, admin-1, feature class/code and resolution come from that
place's row in Marsad's gazetteer (resources/gazetteer.tsv.gz + places_curated.tsv), found again by
its English name, country and point, and from place_features.tsv.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from marsad.resources import read_tsv


@dataclass(frozen=True, slots=True)
class PlaceDetail:
    geonames_id: int | None
    admin1: str | None
    district: str | None  # the admin-2 unit, known only when the place is one (no parents are shipped)
    feature: str | None  # Marsad's gazetteer feature (country, admin1, locality …)
    feature_class: str | None
    feature_code: str | None
    resolution: int | None  # PLOVER: 5 sub-city, 4 city, 3 district, 2 province, 1 country


NO_DETAIL = PlaceDetail(None, None, None, None, None, None, None)
# Marsad's location precision -> PLOVER resolution, for a place not found in the gazetteer
PRECISION_RESOLUTION = {"point": 4, "admin": 2, "country": 1}


@cache
def _features() -> dict[str, tuple[str | None, str | None, int]]:
    return {r["feature"]: (r["feature_class"] or None, r["feature_code"] or None, int(r["resolution"]))
            for r in read_tsv("place_features.tsv")}


@cache
def _rows() -> dict[tuple[str, str | None, float, float], object]:
    from marsad.ground.places import Gazetteer

    out: dict = {}
    for p in Gazetteer.load().places:
        key = (p.name_en, p.country, p.lat, p.lon)
        # two rows at one point under one name: keep the one with a GeoNames id
        if key not in out or (out[key].geonames_id is None and p.geonames_id):
            out[key] = p
    return out


def place_detail(loc: dict | None) -> PlaceDetail:
    """Gazetteer details of a record's `location` (NO_DETAIL without one)."""
    if not loc or loc.get("lat") is None or loc.get("lon") is None:
        return NO_DETAIL
    row = _rows().get((loc.get("name_en"), loc.get("country"), loc["lat"], loc["lon"]))
    if row is None:
        return PlaceDetail(None, None, None, None, None, None, PRECISION_RESOLUTION.get(loc.get("precision")))
    fclass, fcode, resolution = _features().get(row.feature, (None, None, None))
    return PlaceDetail(int(row.geonames_id) if row.geonames_id else None, row.admin1,
                       row.name_en if row.feature in ("admin2", "district") else None,
                       row.feature, fclass, fcode, resolution)
