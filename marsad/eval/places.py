"""Does an event's place match the gold `place`? (issue 15)

A match when one name contains the other (Arabic folded, or the English names), or when
both resolve to points within MATCH_KM: the system's coordinates, and any gazetteer place
the gold names can mean (`قرب حمص` → حمص → Homs; an English name by its gazetteer name).
"""
from __future__ import annotations

from functools import cache

from marsad.eval.scoring import norm_name
from marsad.ground.places import Gazetteer, Place
from marsad.store.query import haversine_km

MATCH_KM = 25.0


@cache
def _by_english() -> dict[str, tuple[Place, ...]]:
    index: dict[str, list[Place]] = {}
    for p in Gazetteer.load().places:
        index.setdefault(p.name_en.lower(), []).append(p)
    return {k: tuple(v) for k, v in index.items()}


def gold_points(names: list[str]) -> list[tuple[float, float]]:
    """Every point a gold place name can resolve to: the Arabic name or its last words
    (a preposition or a head noun before the name), or the English name."""
    gaz = Gazetteer.load()
    points: list[tuple[float, float]] = []
    for name in names:
        words = name.replace("#", "").replace("_", " ").split()
        for i in range(len(words)):
            found = gaz.lookup(" ".join(words[i:]))
            if found:
                points += [(p.lat, p.lon) for p in found]
                break
        points += [(p.lat, p.lon) for p in _by_english().get(name.strip().lower(), ())]
    return points


def place_matches(gold: list[str] | str, location: dict | None) -> bool:
    """The scorer's rule for `place` on a matched event.

    >>> place_matches(["قرب حمص", "Homs"], {"text": "حمص", "name_en": "Homs", "lat": 34.73, "lon": 36.72})
    True
    >>> place_matches(["دمشق", "Damascus"], {"text": "ريف حمص", "name_en": "Homs", "lat": 34.73, "lon": 36.72})
    False
    """
    names = [gold] if isinstance(gold, str) else list(gold)
    if not location:
        return False
    system = [norm_name(location.get("text") or ""), norm_name(location.get("name_en") or "")]
    system = [s for s in system if s]
    for alt in map(norm_name, names):
        if alt and any(alt in s or s in alt for s in system):
            return True
    lat, lon = location.get("lat"), location.get("lon")
    if lat is None or lon is None:
        return False
    return any(haversine_km(lat, lon, glat, glon) <= MATCH_KM for glat, glon in gold_points(names))
