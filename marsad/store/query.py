"""`marsad events` and `marsad claims`: filters turned into SQL both backends run.

Reports per event go through `event_links` (an event linked to a canonical
event counts the distinct articles linked to it; an unlinked one counts 1), so
cross-article dedup plugs in by filling that table.
"""
from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from marsad.store.base import Store, outlet_clause
from marsad.store.search import query_keys
from marsad.text.clitics import CONJUNCTIONS, PREPOSITIONS
from marsad.text.normalize import fold

ARABIC_RE = re.compile(r"[\u0600-\u06FF]")
EARTH_KM = 6371.0088
KM_PER_DEGREE = 111.2
BOOL_COLUMNS = ("negated", "hedged", "direct", "reviewed")


@dataclass(frozen=True, slots=True)
class Near:
    lat: float
    lon: float
    km: float

    @classmethod
    def parse(cls, value: str) -> Near:
        """`LAT,LON,KM`.

        >>> Near.parse("33.5,36.3,50")
        Near(lat=33.5, lon=36.3, km=50.0)
        """
        parts = value.split(",")
        if len(parts) != 3:
            raise ValueError(f"{value!r}: expected LAT,LON,KM")
        lat, lon, km = (float(p) for p in parts)
        if not (-90 <= lat <= 90 and -180 <= lon <= 180 and 0 < km < math.inf):
            raise ValueError(f"{value!r}: latitude, longitude or distance out of range")
        return cls(lat, lon, km)

    def box(self) -> tuple[float, float, float, float]:
        """(lat_min, lat_max, lon_min, lon_max) holding the circle: a prefilter the indexes can use."""
        dlat = self.km / KM_PER_DEGREE
        cos = math.cos(math.radians(self.lat))
        dlon = 180.0 if cos < 1e-6 else min(180.0, self.km / (KM_PER_DEGREE * cos))
        return self.lat - dlat, self.lat + dlat, self.lon - dlon, self.lon + dlon

    def holds(self, lat: float | None, lon: float | None) -> bool:
        return lat is not None and lon is not None and haversine_km(self.lat, self.lon, lat, lon) <= self.km


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance.

    >>> round(haversine_km(33.51, 36.29, 33.89, 35.50))  # Damascus - Beirut
    84
    """
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(math.sqrt(a))


@dataclass
class Where:
    """WHERE clauses and their parameters, built up filter by filter."""

    clauses: list[str]
    params: list

    def add(self, clause: str, *params: object) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    def sql(self) -> str:
        return " AND ".join(self.clauses) if self.clauses else "1 = 1"


# LIKE with an escape character, so a user's `%` or `_` is a letter, not a wildcard.
LIKE = "LIKE ? ESCAPE '\\'"


def like_escape(value: str) -> str:
    r"""`value` for a LIKE pattern: its wildcards and the escape character match themselves.

    >>> like_escape("100%_a\\b")
    '100\\%\\_a\\\\b'
    """
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _arabic(fold_column: str, value: str, where: Where) -> None:
    """Every word of `value`, folded and without its clitics (`وبالجيش` → الجيش), is in the folded span text."""
    keys = query_keys(value) or [fold(value).strip()]
    for key in keys:
        where.add(f"{fold_column} {LIKE}", f"%{like_escape(key)}%")


def _name_match(column: str, value: str, where: Where, fold_column: str | None = None) -> None:
    """Arabic: see `_arabic`. Latin: whole words of the English name, case-insensitive."""
    if ARABIC_RE.search(value) and fold_column:
        _arabic(fold_column, value, where)
        return
    low = value.strip().lower()
    pat = like_escape(low)
    where.add(f"(LOWER({column}) = ? OR LOWER({column}) {LIKE} OR LOWER({column}) {LIKE} OR LOWER({column}) {LIKE})",
              low, f"{pat} %", f"% {pat}", f"% {pat} %")


@lru_cache(maxsize=1)
def _mention_pipeline():
    from marsad.entities.mentions import MentionFinder
    from marsad.pipeline import Pipeline
    from marsad.text.stages import Sentencizer, Tokenizer

    return Pipeline([Tokenizer(), Sentencizer(), MentionFinder()])


# the proclitics a mention leaves out of its span: a conjunction, a preposition, or both (وب، فل)
QUERY_PROCLITICS = frozenset(c + p for c in ("", *CONJUNCTIONS) for p in ("", *PREPOSITIONS))


def resolve_actor(text: str) -> str | None:
    """The actor id an Arabic name resolves to when it is one whole mention, through the
    same actor base as extraction (`موسكو` → RUS-GOV).

    >>> resolve_actor("الكرملين"), resolve_actor("قال")
    ('RUS-GOV', None)
    """
    from marsad.types import ArticleInput

    text = " ".join(text.split())
    doc = _mention_pipeline()(ArticleInput(id="query", title="", text=text))
    # the whole query, but for the proclitics a mention leaves out (`وداعش` is داعش)
    whole = [m for m in doc.mentions if m.end == len(text) and text[:m.start] in QUERY_PROCLITICS
             and m.actor and m.actor.id]
    return whole[0].actor.id if whole else None


def _actor(role: str, value: str, where: Where) -> None:
    """Arabic: the span text has the words, or the name resolves to the span's actor
    (`--source موسكو` finds الكرملين too). Latin: id, country code or English name words."""
    if ARABIC_RE.search(value):
        sub = Where([], [])
        _arabic(f"{role}_fold", value, sub)
        actor_id = resolve_actor(value)
        if actor_id:
            where.add(f"({sub.sql()} OR {role}_actor_id = ?)", *sub.params, actor_id)
        else:
            where.add(sub.sql(), *sub.params)
        return
    sub = Where([], [])
    _name_match(f"{role}_actor_name", value, sub)
    where.add(f"(LOWER({role}_actor_id) = ? OR UPPER({role}_country) = ? OR {sub.sql()})",
              value.strip().lower(), value.strip().upper(), *sub.params)


def overlaps(where: Where, expr: str, since: str | None, until: str | None) -> None:
    """The date `expr` (YYYY, YYYY-MM or YYYY-MM-DD: an event known only to the year or month is
    that whole period) overlaps [since, until], each bound itself a year, month or day.

    Compared as strings of one layout, so any collation orders them alike: a period at least as
    precise as `since` starts in range when it sorts at or after it; a coarser one (`2018` for
    `--since 2018-03`) when it is a prefix of `since`. Mirrored for `until`."""
    if since:
        coarser = [since[:n] for n in (4, 7) if n < len(since)]
        holders = "".join(f" OR {expr} = ?" for _ in coarser)
        where.add(f"({expr} >= ?{holders})", since, *coarser)
    if until:
        where.add(f"({expr} <= ? OR {expr} LIKE ?)", until, until + "%")


def select_columns(alias: str, names: Iterable[str]) -> str:
    """The SELECT list of `names` of the table `alias`; `date` is the item's own date, else its
    article's (an event or claim with no date in its text happened by the article's day)."""
    return ", ".join(f"COALESCE({alias}.date, {alias}.article_date) AS date" if n == "date" else f"{alias}.{n}"
                     for n in names)


def outlet_names(store: Store) -> list[str]:
    """The outlets (articles' `source`) of the stored articles, sorted."""
    return sorted(r[0] for r in store.rows("SELECT DISTINCT source FROM articles WHERE source IS NOT NULL"))


def resolve_outlets(store: Store, value: str) -> list[str]:
    """The stored outlets an `--outlet` value names: comma-separated names, each the whole name or
    words of it, case-insensitive (`al arabiya` is `Al Arabiya (alarabiya.net)`). A name that
    matches no outlet, or several, is refused with the outlets to choose from."""
    from marsad.options import ValueProblem

    known = outlet_names(store)
    chosen: list[str] = []
    for part in (p.strip() for p in value.split(",")):
        if not part:
            continue
        low = part.lower()
        exact = [o for o in known if o.lower() == low]
        found = exact or [o for o in known if low in o.lower()]
        if len(found) != 1:
            listed = "; ".join(found or known) or "none: the store has no outlet names"
            what = "matches several outlets" if found else "is not an outlet of this store"
            raise ValueProblem(f"--outlet: {part!r} {what} (valid: {listed})")
        chosen.append(found[0])
    if not chosen:
        raise ValueProblem("--outlet: the value names no outlet")
    return chosen


def outlet_where(store: Store, where: Where, outlet: str | None) -> None:
    """`--outlet`: the article (`a`) is from one of the outlets the value names."""
    if outlet:
        names = resolve_outlets(store, outlet)
        where.add(outlet_clause(len(names)).removeprefix(" AND "), *names)


def _common(store: Store, where: Where, alias: str, since: str | None, until: str | None,
            outlet: str | None) -> None:
    overlaps(where, f"COALESCE({alias}.date, {alias}.article_date)", since, until)
    outlet_where(store, where, outlet)


@dataclass
class EventFilter:
    type: str | None = None
    mode: str | None = None
    source: str | None = None
    target: str | None = None
    country: str | None = None
    place: str | None = None
    near: Near | None = None
    since: str | None = None
    until: str | None = None
    hedged: bool | None = None
    negated: bool | None = None
    min_reports: int = 1
    limit: int | None = None  # None: every row
    outlet: str | None = None


EVENT_COLUMNS = (
    "article_id", "idx", "date", "date_precision", "type", "mode", "trigger_text",
    "source_text", "source_actor_id", "source_actor_name", "source_country",
    "target_text", "target_actor_id", "target_actor_name", "target_country",
    "place_text", "place_name", "place_country", "lat", "lon", "negated", "hedged",
    "speaker_text", "evidence_start", "evidence_end", "evidence_text", "confidence", "version", "reviewed",
)


def _finish(store: Store, sql: str, params: list, limit: int | None, near: Near | None = None) -> Iterator[dict]:
    if limit is not None and near is None:
        sql += " LIMIT ?"
        params.append(limit)
    n = 0
    for row in store.query(sql, params):
        if near and not near.holds(row.get("lat"), row.get("lon")):
            continue
        for col in BOOL_COLUMNS:
            if col in row and row[col] is not None:
                row[col] = bool(row[col])
        yield row
        n += 1
        if limit is not None and n >= limit:
            return


def event_where(store: Store, f: EventFilter) -> Where:
    """The WHERE clause of every event query (`events`, `count`, `export`): the one place the
    filters of an EventFilter become SQL over `events e JOIN articles a`."""
    where = Where([], [])
    if f.type:
        types = [t.strip().upper() for t in f.type.split(",") if t.strip()]
        where.add(f"e.type IN ({', '.join('?' for _ in types)})", *types)
    if f.mode:
        where.add("LOWER(e.mode) = ?", f.mode.lower())
    if f.source:
        _actor("e.source", f.source, where)
    if f.target:
        _actor("e.target", f.target, where)
    if f.country:
        where.add("UPPER(e.place_country) = ?", f.country.upper())
    if f.place:
        _name_match("e.place_name", f.place, where, fold_column="e.place_fold")
    if f.near:
        lat0, lat1, lon0, lon1 = f.near.box()
        where.add("e.lat BETWEEN ? AND ? AND e.lon BETWEEN ? AND ?", lat0, lat1, lon0, lon1)
    _common(store, where, "e", f.since, f.until, f.outlet)
    if f.hedged is not None:
        where.add("e.hedged = ?", f.hedged)
    if f.negated is not None:
        where.add("e.negated = ?", f.negated)
    return where


def act_sql(store: Store) -> str:
    """The index of the first event of the act an event belongs to (`events[].act` in the record,
    see marsad.export.records.act_head); the record's JSON is read only for an event that follows
    another of its type in its article, the only kind an act can hold."""
    if store.dialect == "postgresql":
        act = "CAST(CAST(a.record AS jsonb) -> 'events' -> CAST(e.idx AS INT) ->> 'act' AS BIGINT)"
    else:
        act = "json_extract(a.record, '$.events[' || e.idx || '].act')"
    return (f"CASE WHEN EXISTS (SELECT 1 FROM events e2 WHERE e2.article_id = e.article_id AND e2.type = e.type "
            f"AND e2.idx < e.idx) THEN COALESCE({act}, e.idx) ELSE e.idx END")


def unit_sql(store: Store) -> str:
    """What one counted event is: its canonical event after dedup (`event_links`), else its act
    (`article_id#act`): every report of one event shares this key."""
    return f"COALESCE(l.canonical_id, e.article_id || '#' || CAST({act_sql(store)} AS TEXT))"


def event_sql(store: Store, f: EventFilter, columns: str, unit: bool = False) -> tuple[str, list]:
    """SELECT `columns` (over `e`, `a`, `l`) and `reports` (`unit` too, if asked) of the events
    `f` selects, before `--min-reports`: the one query every event command starts from."""
    where = event_where(store, f)
    extra = f", {unit_sql(store)} AS unit" if unit else ""
    sql = (f"SELECT {columns}{extra}, l.canonical_id, "
           "CASE WHEN l.canonical_id IS NULL THEN 1 ELSE (SELECT COUNT(DISTINCT l2.article_id) FROM event_links l2 "
           "WHERE l2.canonical_id = l.canonical_id) END AS reports "
           "FROM events e JOIN articles a ON a.id = e.article_id "
           "LEFT JOIN event_links l ON l.article_id = e.article_id AND l.event_idx = e.idx "
           f"WHERE {where.sql()}")
    return sql, list(where.params)


def event_keys(store: Store, f: EventFilter) -> dict[str, set[int]]:
    """Article id -> the indices of its events `f` selects (for exports: `marsad export --db`)."""
    inner, params = event_sql(store, f, "e.article_id, e.idx, e.lat, e.lon")
    keys: dict[str, set[int]] = {}
    for row in _finish(store, f"SELECT * FROM ({inner}) q WHERE reports >= ?", [*params, f.min_reports],
                       None, f.near):
        keys.setdefault(row["article_id"], set()).add(row["idx"])
    return keys


# the offsets of an event's spans in its article's text (the HTTP API gives them; the CLI table does not)
SPAN_COLUMNS = ("trigger_start", "trigger_end", "source_start", "source_end", "target_start", "target_end",
                "place_start", "place_end")


@dataclass(frozen=True, slots=True)
class Page:
    """Keyset paging (the HTTP API): rows after the key `after` (date, article id, index) in the
    order (date or '', article id, index). Missing dates sort as '' so the order, and so the key,
    is the same on SQLite (NULLs first) and PostgreSQL (NULLs last)."""

    after: tuple[str, str, int] | None = None


def _paged(sql: str, params: list, page: Page | None) -> str:
    """`sql` (rows with date, article_id, idx) ordered, and after `page.after` when paging."""
    if page is None:
        return f"{sql} ORDER BY date, article_id, idx"
    if page.after is not None:
        # spelt out rather than a row value: the same on every SQLite and PostgreSQL version
        sql += (" AND (COALESCE(date, '') > ? OR (COALESCE(date, '') = ? AND (article_id > ? "
                "OR (article_id = ? AND idx > ?))))")
        day, aid, idx = page.after
        params.extend((day, day, aid, aid, idx))
    return f"{sql} ORDER BY COALESCE(date, ''), article_id, idx"


def events(store: Store, f: EventFilter, page: Page | None = None, spans: bool = False) -> Iterator[dict]:
    """The events `f` selects, by date; with `page`, in the page order from its key; `spans`: with
    the SPAN_COLUMNS too."""
    names = EVENT_COLUMNS + (SPAN_COLUMNS if spans else ())
    cols = select_columns("e", names)
    inner, params = event_sql(store, f, f"{cols}, a.source AS outlet, a.title")
    params.append(f.min_reports)
    sql = _paged(f"SELECT * FROM ({inner}) q WHERE reports >= ?", params, page)
    return _finish(store, sql, params, f.limit, f.near)


@dataclass
class ClaimFilter:
    speaker: str | None = None
    since: str | None = None
    until: str | None = None
    text: str | None = None
    limit: int | None = None  # None: every row
    outlet: str | None = None


CLAIM_COLUMNS = (
    "article_id", "idx", "date", "date_precision", "speaker_text", "speaker_actor_id", "speaker_actor_name",
    "speaker_country", "cue_text", "content_start", "content_end", "content_text", "direct", "version",
)


def claims(store: Store, f: ClaimFilter, page: Page | None = None) -> Iterator[dict]:
    where = Where([], [])
    if f.speaker:
        _actor("c.speaker", f.speaker, where)
    _common(store, where, "c", f.since, f.until, f.outlet)
    if f.text:
        words = " ".join(fold(f.text).split())
        # text that folds to nothing (`_`, punctuation) matches no claim rather than every claim
        where.add(f"c.content_fold {LIKE}", f"%{like_escape(words)}%") if words else where.add("1 = 0")
    cols = select_columns("c", CLAIM_COLUMNS)
    inner = (f"SELECT {cols}, a.source AS outlet, a.title FROM claims c JOIN articles a ON a.id = c.article_id "
             f"WHERE {where.sql()}")
    params = list(where.params)
    return _finish(store, _paged(f"SELECT * FROM ({inner}) q WHERE 1 = 1", params, page), params, f.limit)
