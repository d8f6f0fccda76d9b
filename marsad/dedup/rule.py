"""The rule that says whether two reported events are the same real-world event.

Two events from different articles are the same event when all of these hold (thresholds in
marsad/resources/dedup.toml):

1. same PLOVER type, and the same polarity (negated or not);
2. event days at most `date_window_days` apart;
3. actors compatible in every role: where both reports resolved an actor, it is the same actor
   (same id; or the same country with the same sector, or two state sectors of that country);
   for `symmetric_types` the roles may be swapped;
4. places compatible: when both are precise (point or admin area), in the same country and
   within `point_km` (`admin_km` if one is an admin area); country-level places only count
   when `country_places_conflict` is set (they are often the speaker's, not the event's);
5. enough positive evidence: at least `min_actor_matches` roles match, or (if
   `place_can_anchor`) the two places are the same precise place.
"""
from __future__ import annotations

import math

from marsad.dedup.keys import ActorKey, EventKey, PlaceKey
from marsad.dedup.settings import DedupSettings

MATCH, UNKNOWN, CONFLICT = 1, 0, -1


def actor_match(a: ActorKey | None, b: ActorKey | None, s: DedupSettings) -> int:
    if a is None or b is None:
        return UNKNOWN
    if a.id and a.id == b.id:
        return MATCH
    if a.country and b.country:
        if a.country != b.country:
            return CONFLICT
        if a.sector == b.sector or (a.sector in s.state_sectors and b.sector in s.state_sectors):
            return MATCH
        if not a.sector or not b.sector:
            return UNKNOWN
        return CONFLICT
    return CONFLICT  # both resolved (ids or countries) to different actors


def km(a: PlaceKey, b: PlaceKey) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def place_match(a: PlaceKey | None, b: PlaceKey | None, s: DedupSettings) -> int:
    if a is None or b is None:
        return UNKNOWN
    precise = ("point", "admin")
    if not s.country_places_conflict and (a.precision not in precise or b.precision not in precise):
        return UNKNOWN  # a country-level place is often the speaker's, not the event's
    if a.country and b.country and a.country != b.country:
        return CONFLICT
    if a.precision not in precise or b.precision not in precise or a.lat is None or b.lat is None:
        return UNKNOWN  # a country-level place is compatible with any place in the country
    limit = s.point_km if a.precision == b.precision == "point" else s.admin_km
    return MATCH if km(a, b) <= limit else CONFLICT


def _roles(a: EventKey, b: EventKey, s: DedupSettings, swap: bool) -> tuple[int, int] | None:
    """(matching roles, 0) or None on a conflict."""
    pairs = ((a.source, b.target), (a.target, b.source)) if swap else ((a.source, b.source), (a.target, b.target))
    matches = 0
    for x, y in pairs:
        m = actor_match(x, y, s)
        if m == CONFLICT:
            return None
        matches += m == MATCH
    return matches, 0


def verdict(a: EventKey, b: EventKey, s: DedupSettings, same_article_ok: bool = False) -> tuple[bool, str]:
    """Whether `a` and `b` are the same event, and the first condition that decided it.
    Two events of one article are never merged directly (`same_article_ok` lifts that for
    the linkage check: an article may restate an event that other articles report)."""
    if a.type != b.type:
        return False, "type"
    if a.article_id == b.article_id and not same_article_ok:
        return False, "same article"
    if s.same_polarity and a.negated != b.negated:
        return False, "polarity"
    if a.day is None or b.day is None or abs(a.day - b.day) > s.date_window_days:
        return False, "date"
    place = place_match(a.place, b.place, s)
    if place == CONFLICT:
        return False, "place"
    best = _roles(a, b, s, swap=False)
    if a.type in s.symmetric_types:
        swapped = _roles(a, b, s, swap=True)
        if swapped and (best is None or swapped[0] > best[0]):
            best = swapped
    if best is None:
        return False, "actors"
    if best[0] >= s.min_actor_matches:
        return True, "actors match"
    if s.place_can_anchor and place == MATCH:
        return True, "same place"
    return False, "no anchor"


def same_event(a: EventKey, b: EventKey, s: DedupSettings) -> bool:
    return verdict(a, b, s)[0]


def compatible(a: EventKey, b: EventKey, s: DedupSettings) -> bool:
    """Nothing says `a` and `b` are different events (they may lack the evidence to merge).
    Clusters only merge when every cross pair of members is compatible: no chains."""
    ok, reason = verdict(a, b, s, same_article_ok=True)
    return ok or reason == "no anchor"


def similarity(a: EventKey, b: EventKey, s: DedupSettings) -> int:
    """How much two matching events agree (for merging the closest pairs first): roles naming
    the same actor id count 2, the same country and sector 1; the same precise place 1; the
    same day 1."""
    score = 0
    for x, y in ((a.source, b.source), (a.target, b.target)):
        if x and y:
            score += 2 if x.id and x.id == y.id else actor_match(x, y, s) == MATCH
    score += place_match(a.place, b.place, s) == MATCH
    score += a.day == b.day
    return score
