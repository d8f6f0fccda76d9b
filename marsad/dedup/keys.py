"""The compact view of an event that dedup compares: a few small fields, not the record."""
from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True, slots=True)
class ActorKey:
    id: str | None
    country: str | None
    sector: str | None


@dataclass(frozen=True, slots=True)
class PlaceKey:
    name_en: str | None
    country: str | None
    lat: float | None
    lon: float | None
    precision: str | None  # point | admin | country


@dataclass(frozen=True, slots=True)
class EventKey:
    article_id: str
    index: int
    outlet: str | None
    type: str
    day: int | None  # proleptic ordinal of the event day
    negated: bool
    source: ActorKey | None
    target: ActorKey | None
    place: PlaceKey | None

    @property
    def ref(self) -> tuple[str, int]:
        return (self.article_id, self.index)


# Keys repeat across millions of events (a few thousand actors and places): one shared
# instance each keeps dedup's memory to the per-event part.
@lru_cache(maxsize=65536)
def _actor_key(aid: str | None, country: str | None, sector: str | None) -> ActorKey:
    return ActorKey(aid, country, sector)


@lru_cache(maxsize=65536)
def _place_key(name_en: str | None, country: str | None, lat: float | None, lon: float | None,
               precision: str | None) -> PlaceKey:
    return PlaceKey(name_en, country, lat, lon, precision)


def _actor(span: dict | None) -> ActorKey | None:
    actor = (span or {}).get("actor") or {}
    if not actor.get("id") and not actor.get("country"):
        return None  # generic heads (Forces, Civilians) say nothing about who it was
    return _actor_key(actor.get("id"), actor.get("country"), actor.get("sector"))


def _place(loc: dict | None) -> PlaceKey | None:
    if not loc or not (loc.get("country") or loc.get("lat") is not None):
        return None
    return _place_key(loc.get("name_en"), loc.get("country"), loc.get("lat"), loc.get("lon"), loc.get("precision"))


def _ordinal(value: str | None) -> int | None:
    try:
        return dt.date.fromisoformat(value).toordinal() if value else None
    except ValueError:
        return None


def event_key(rec: dict, index: int, ev: dict) -> EventKey:
    """The event's day is its own date when known to the day, else the article's date."""
    date = ev.get("date") or {}
    day = _ordinal(date.get("value")) if date.get("precision") == "day" else None
    if day is None:
        day = _ordinal(rec.get("date"))
    outlet = rec.get("source")
    return EventKey(rec["id"], index, sys.intern(outlet) if outlet else None, sys.intern(ev.get("type") or ""),
                    day, bool(ev.get("negated")),
                    _actor(ev.get("source")), _actor(ev.get("target")), _place(ev.get("location")))
