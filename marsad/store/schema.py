"""Tables of the store, written once and rendered for SQLite or PostgreSQL.

Every queryable part of the contract record is a column (actor ids, names and
codes, place name, country and coordinates, offsets); the record itself is
kept as JSON text in `articles.record` for lossless re-export (TEXT, not JSONB,
which would reorder keys). Each row carries the pipeline `version` that made it.

`canonical_events` and `event_links` hold cross-article dedup clusters; ingest
leaves them empty and deletes an article's links when it re-extracts it.

Schema 2 added `articles.content_hash` (rows.content_hash: the article as read),
so that a corrected text under a stored id is re-extracted; a schema-1 store gets
the column when opened (NULL in its old rows, which ingest compares through
their records).

Schema 3 added the review loop (store/review.py): `reviews`, the analysts' corrections (kept
whatever ingest does), `review_status`, whether each correction found its item in the
article's current extraction (rewritten with the article's rows), and `events.reviewed`.
An older store gets them when opened (the new column NULL, read as not reviewed).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

SCHEMA_VERSION = "3"
ACTOR = ("text", "fold", "actor_id", "actor_name", "country", "sector")


def _actor_cols(role: str) -> list[tuple[str, str]]:
    return [(f"{role}_start", "INT"), (f"{role}_end", "INT")] + [(f"{role}_{c}", "TEXT") for c in ACTOR]


PLACE = [("place_start", "INT"), ("place_end", "INT"), ("place_text", "TEXT"), ("place_fold", "TEXT"),
         ("place_name", "TEXT"), ("place_country", "TEXT"), ("lat", "REAL"), ("lon", "REAL"),
         ("place_precision", "TEXT")]


@dataclass(frozen=True, slots=True)
class Table:
    name: str
    columns: tuple[tuple[str, str], ...]
    key: tuple[str, ...]
    indexes: tuple[tuple[str, ...], ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(c for c, _ in self.columns)


ARTICLES = Table("articles", (
    ("id", "TEXT"), ("title", "TEXT"), ("date", "TEXT"), ("source", "TEXT"), ("url", "TEXT"),
    ("origin", "TEXT"), ("n_entities", "INT"), ("n_events", "INT"), ("n_claims", "INT"),
    ("version", "TEXT"), ("ingested_at", "TEXT"), ("record", "TEXT"), ("content_hash", "TEXT"),
), ("id",), (("date",), ("source",)))

ENTITIES = Table("entities", (
    ("article_id", "TEXT"), ("idx", "INT"), ("span_start", "INT"), ("span_end", "INT"), ("text", "TEXT"),
    ("fold", "TEXT"), ("label", "TEXT"), ("actor_id", "TEXT"), ("actor_name", "TEXT"),
    ("actor_country", "TEXT"), ("actor_sector", "TEXT"), *PLACE, ("version", "TEXT"),
), ("article_id", "idx"), (("actor_id",), ("place_country",)))

EVENTS = Table("events", (
    ("article_id", "TEXT"), ("idx", "INT"), ("article_date", "TEXT"), ("type", "TEXT"), ("mode", "TEXT"),
    ("trigger_start", "INT"), ("trigger_end", "INT"), ("trigger_text", "TEXT"),
    *_actor_cols("source"), *_actor_cols("target"), *PLACE,
    ("date", "TEXT"), ("date_precision", "TEXT"), ("negated", "BOOL"), ("hedged", "BOOL"),
    ("speaker_text", "TEXT"), ("speaker_actor_id", "TEXT"), ("speaker_name", "TEXT"), ("cue_text", "TEXT"),
    ("evidence_start", "INT"), ("evidence_end", "INT"), ("evidence_text", "TEXT"),
    ("confidence", "REAL"), ("version", "TEXT"), ("reviewed", "BOOL"),
), ("article_id", "idx"), (("type",), ("date",), ("source_actor_id",), ("target_actor_id",),
                           ("source_country",), ("target_country",), ("place_country",), ("lat", "lon")))

CLAIMS = Table("claims", (
    ("article_id", "TEXT"), ("idx", "INT"), ("article_date", "TEXT"), *_actor_cols("speaker"),
    ("cue_start", "INT"), ("cue_end", "INT"), ("cue_text", "TEXT"),
    ("content_start", "INT"), ("content_end", "INT"), ("content_text", "TEXT"), ("content_fold", "TEXT"),
    ("direct", "BOOL"), ("date", "TEXT"), ("date_precision", "TEXT"), ("version", "TEXT"),
), ("article_id", "idx"), (("speaker_actor_id",), ("date",)))

QUANTITIES = Table("quantities", (
    ("article_id", "TEXT"), ("owner", "TEXT"), ("owner_idx", "INT"), ("idx", "INT"), ("value", "REAL"),
    ("comparator", "TEXT"), ("unit", "TEXT"), ("of_what", "TEXT"), ("span_start", "INT"),
    ("span_end", "INT"), ("text", "TEXT"), ("version", "TEXT"),
), ("article_id", "owner", "owner_idx", "idx"))

CANONICAL_EVENTS = Table("canonical_events", (
    ("id", "TEXT"), ("type", "TEXT"), ("date", "TEXT"), ("source_actor_id", "TEXT"),
    ("target_actor_id", "TEXT"), ("place_name", "TEXT"), ("place_country", "TEXT"), ("lat", "REAL"),
    ("lon", "REAL"), ("n_reports", "INT"), ("n_sources", "INT"), ("record", "TEXT"), ("version", "TEXT"),
), ("id",), (("type",), ("date",)))

EVENT_LINKS = Table("event_links", (
    ("article_id", "TEXT"), ("event_idx", "INT"), ("canonical_id", "TEXT"), ("version", "TEXT"),
), ("article_id", "event_idx"), (("canonical_id",),))

# An analyst's correction of an event or claim: the item is found again after a re-extraction
# by its anchor (review.py), the span (trigger or cue) with its text, and for events the type.
REVIEWS = Table("reviews", (
    ("id", "INT"), ("article_id", "TEXT"), ("item", "TEXT"), ("action", "TEXT"),
    ("anchor_start", "INT"), ("anchor_end", "INT"), ("anchor_text", "TEXT"), ("anchor_type", "TEXT"),
    ("changes", "TEXT"), ("reviewer", "TEXT"), ("reviewed_at", "TEXT"), ("note", "TEXT"), ("version", "TEXT"),
), ("id",), (("article_id",),))

# Whether a correction applied to the article's current rows (`applied`) or found no item (`orphaned`).
REVIEW_STATUS = Table("review_status", (
    ("article_id", "TEXT"), ("review_id", "INT"), ("status", "TEXT"), ("version", "TEXT"),
), ("article_id", "review_id"))

META = Table("meta", (("key", "TEXT"), ("value", "TEXT")), ("key",))

# Rows of these tables belong to one article and are replaced with it.
ARTICLE_TABLES = (ENTITIES, EVENTS, CLAIMS, QUANTITIES, EVENT_LINKS, REVIEW_STATUS)
TABLES = (META, ARTICLES, *ARTICLE_TABLES, CANONICAL_EVENTS, REVIEWS)

TYPES = {
    "sqlite": {"TEXT": "TEXT", "INT": "INTEGER", "REAL": "REAL", "BOOL": "INTEGER"},
    "postgresql": {"TEXT": "TEXT", "INT": "BIGINT", "REAL": "DOUBLE PRECISION", "BOOL": "BOOLEAN"},
}


def create_statements(dialect: str) -> list[str]:
    """CREATE TABLE / INDEX statements (idempotent) for one dialect."""
    types = TYPES[dialect]
    out = []
    for table in TABLES:
        cols = [f"{name} {types[kind]}" for name, kind in table.columns]
        if table is ARTICLES:
            # A numeric key that the search index (FTS5 rowid / PG row) points at.
            seq = "seq INTEGER PRIMARY KEY" if dialect == "sqlite" else "seq BIGSERIAL PRIMARY KEY"
            cols = [seq, *cols, "UNIQUE (id)"]
        else:
            cols.append(f"PRIMARY KEY ({', '.join(table.key)})")
        out.append(f"CREATE TABLE IF NOT EXISTS {table.name} ({', '.join(cols)})")
        for index in table.indexes:
            name = f"{table.name}_{'_'.join(index)}_idx"
            out.append(f"CREATE INDEX IF NOT EXISTS {name} ON {table.name} ({', '.join(index)})")
    return out


# The columns each schema added to an existing table (new tables come from create_statements).
ADDED_COLUMNS: dict[str, tuple[tuple[Table, str], ...]] = {
    "2": ((ARTICLES, "content_hash"),),
    "3": ((EVENTS, "reviewed"),),
}


def migrations(stored: str, dialect: str, has_column: Callable[[str, str], bool]) -> list[str] | None:
    """Statements bringing a store of schema `stored` to SCHEMA_VERSION; None if there is no way.
    `has_column(table, column)`: a column already there is not added again."""
    if stored not in ("1", "2"):
        return None
    steps = []
    for version in range(int(stored) + 1, int(SCHEMA_VERSION) + 1):
        for table, column in ADDED_COLUMNS[str(version)]:
            kind = TYPES[dialect][dict(table.columns)[column]]
            if not has_column(table.name, column):
                steps.append(f"ALTER TABLE {table.name} ADD COLUMN {column} {kind}")
    return steps


def insert_sql(table: Table) -> str:
    return f"INSERT INTO {table.name} ({', '.join(table.names)}) VALUES ({', '.join('?' for _ in table.columns)})"
