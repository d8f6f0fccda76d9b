"""Who appears most in a store: actors counted as an event's source, its target, and a claim's speaker.

An actor is a resolved actor id (RUS-GOV, PER-VALERY_GERASIMOV): a span Marsad could not resolve
has no id and is not counted here (`marsad events --source TEXT` still finds it by its words).
"""
from __future__ import annotations

from dataclasses import dataclass

from marsad.store.base import Store

# each row: (actor id, English name, country, as source, as target, as speaker)
_ROLES_SQL = (
    "SELECT source_actor_id AS actor_id, source_actor_name AS name, source_country AS country, "
    "1 AS as_source, 0 AS as_target, 0 AS as_speaker FROM events WHERE source_actor_id IS NOT NULL "
    "UNION ALL SELECT target_actor_id, target_actor_name, target_country, 0, 1, 0 FROM events "
    "WHERE target_actor_id IS NOT NULL "
    "UNION ALL SELECT speaker_actor_id, speaker_actor_name, speaker_country, 0, 0, 1 FROM claims "
    "WHERE speaker_actor_id IS NOT NULL"
)
_GROUPED = ("SELECT actor_id, MAX(name) AS name, MAX(country) AS country, SUM(as_source) AS as_source, "
            "SUM(as_target) AS as_target, SUM(as_speaker) AS as_speaker, "
            "SUM(as_source) + SUM(as_target) + SUM(as_speaker) AS total "
            f"FROM ({_ROLES_SQL}) r")


@dataclass(frozen=True, slots=True)
class ActorCount:
    id: str
    name: str | None      # English name from the actor base
    country: str | None   # ISO3 code
    as_source: int
    as_target: int
    as_speaker: int
    total: int


def _actor(row: dict) -> ActorCount:
    return ActorCount(row["actor_id"], row["name"], row["country"], int(row["as_source"]), int(row["as_target"]),
                      int(row["as_speaker"]), int(row["total"]))


def top_actors(store: Store, limit: int, offset: int = 0) -> list[ActorCount]:
    """The actors that appear most (source + target + speaker), most first, then by id."""
    sql = f"{_GROUPED} GROUP BY actor_id ORDER BY total DESC, actor_id LIMIT ? OFFSET ?"
    return [_actor(r) for r in store.query(sql, (limit, offset))]


def actor_counts(store: Store, actor_id: str) -> ActorCount | None:
    """One actor's counts, None when the store never names it."""
    sql = f"{_GROUPED} WHERE actor_id = ? GROUP BY actor_id"
    row = next(store.query(sql, (actor_id,)), None)
    return _actor(row) if row else None
