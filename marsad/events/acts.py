"""One act, one event: link the events of one article that report the same act.

A shooting told in five sentences gives five events (the scorer and the annotation guide count one
per sentence, and each keeps its own evidence), but counts, exports and dedup must count the act
once. As coreference links mentions into entities, `ActLinker` links events into acts: an event
joins the earliest act of its type with which it agrees on everything both state and shares an
actor (or, with no actor on either side, a named place and a day).

Agreement, per field, when both sides state it:
- source and target: the same entity (coreference cluster, actor id, or the same words);
- date: the same value at the same precision (a day against a month or year: compatible when the
  day falls in it);
- place: the same gazetteer name, or points within `PLACE_KM` of each other;
- modality: the same `negated` (a denial and a report of the act are not one event).
Two events of one sentence are never linked (the model already keeps one per sentence and type).

`Event.act` is the index (in `doc.events`) of the act's first event, as `Mention.cluster` is
for mentions; an event that reports an act alone is its own act.
"""
from __future__ import annotations

import math
from dataclasses import replace

from marsad.doc import Doc
from marsad.text.normalize import fold
from marsad.types import DateValue, Event, Mention, Place

PLACE_KM = 25.0  # the scorer's rule for one place: points this close are the same place


def entity_of(m: Mention | None) -> object:
    """A mention's entity: its coreference cluster, else its actor, else its words."""
    if m is None:
        return None
    if m.cluster is not None:
        return ("cluster", m.cluster)
    if m.actor is not None and m.actor.id:
        return ("actor", m.actor.id)
    return ("text", fold(m.text))


def _same_entity(a: Mention | None, b: Mention | None) -> bool:
    if a is None or b is None:
        return False
    if entity_of(a) == entity_of(b):
        return True
    # two mentions of one linked actor in different clusters (the President / Trump)
    return a.actor is not None and b.actor is not None and bool(a.actor.id) and a.actor.id == b.actor.id


def _roles_agree(a: Mention | None, b: Mention | None) -> bool:
    return a is None or b is None or _same_entity(a, b)


def _dates_agree(a: DateValue, b: DateValue) -> bool:
    if not a.value or not b.value:
        return True
    short, long_ = sorted((a.value, b.value), key=len)
    return long_.startswith(short)


def _km(a: Place, b: Place) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _places_agree(a: Place | None, b: Place | None) -> bool:
    if a is None or b is None:
        return True
    if a.name_en == b.name_en:
        return True
    if a.precision == "point" and b.precision == "point":
        return _km(a, b) <= PLACE_KM
    # a country or province and a place inside it (Syria / Idlib / Saraqib) are compatible; two
    # countries, or two provinces, are not
    return a.precision != b.precision and a.country == b.country


def _shared_anchor(a: Event, b: Event) -> bool:
    """Something positive both state: an actor in the same role, or (no actor on either side) the
    same named place and the same day."""
    if _same_entity(a.source, b.source) or _same_entity(a.target, b.target):
        return True
    if any((a.source, a.target, b.source, b.target)):
        return False
    return (a.location is not None and b.location is not None and a.location.precision != "country"
            and _places_agree(a.location, b.location)
            and a.date.precision == "day" and a.date.value == b.date.value)


def same_act(a: Event, b: Event) -> bool:
    """Whether two events of one article report one act (see the module docstring)."""
    return (a.type == b.type and a.sentence != b.sentence and a.negated == b.negated
            and _roles_agree(a.source, b.source) and _roles_agree(a.target, b.target)
            and _dates_agree(a.date, b.date) and _places_agree(a.location, b.location)
            and _shared_anchor(a, b))


def link_acts(events: list[Event]) -> list[Event]:
    """The events with `act` set: each joins the earliest act whose every member it agrees with."""
    acts: list[list[int]] = []
    head: list[int] = []
    for i, e in enumerate(events):
        for members in acts:
            if all(same_act(events[j], e) for j in members):
                members.append(i)
                head.append(members[0])
                break
        else:
            acts.append([i])
            head.append(i)
    return [replace(e, act=h) for e, h in zip(events, head)]


class ActLinker:
    """Set every event's `act` (the first event of the same act in the article)."""

    name = "acts"
    requires = ("events",)
    provides: tuple[str, ...] = ()
    rewrites = ("events",)  # their `act`

    def __call__(self, doc: Doc) -> Doc:
        doc.events = link_acts(doc.events)
        return doc
