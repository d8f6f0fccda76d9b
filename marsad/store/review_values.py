"""A reviewer's values turned into contract-shaped fields of an article's record.

Spans are given as offsets `START:END` into the article's raw text, or as the words themselves
when they occur once in it. An actor or a place is resolved the way extraction resolved it:
from the article's own entity at that span when there is one, else through the actor base
(the mention finder) or the gazetteer.
"""
from __future__ import annotations

import re
from functools import lru_cache

from marsad.grammar.ontology import PLOVER_TYPES
from marsad.types import period_precision

SPAN_RE = re.compile(r"^\s*(\d+)\s*:\s*(\d+)\s*$")
CLEAR = ("-", "none")  # the value that removes a source, target, place or date


class ReviewError(ValueError):
    """A review that cannot be made; the message names the value at fault and what is expected."""


def event_type(value: str, what: str = "--type") -> str:
    """`assault` → 'ASSAULT'; anything else than the 16 PLOVER types is refused.

    >>> event_type(" coerce ")
    'COERCE'
    """
    etype = value.strip().upper()
    if etype not in PLOVER_TYPES:
        raise ReviewError(f"{what} {value!r}: not a PLOVER type (valid: {', '.join(PLOVER_TYPES)})")
    return etype


def review_date(value: str, what: str = "--date") -> dict | None:
    """`2018-03-05`, `2018-03` or `2018` as a contract date with its precision; `-` clears it.

    >>> review_date("2018-03")
    {'value': '2018-03', 'precision': 'month'}
    """
    if value.strip().lower() in CLEAR:
        return None
    try:
        precision = period_precision(value.strip())
    except ValueError as exc:
        raise ReviewError(f"{what} {value!r}: {exc}") from None
    return {"value": value.strip(), "precision": precision}


def locate(text: str, value: str, what: str) -> tuple[int, int]:
    """The span `value` names in `text`: `START:END`, or words that occur exactly once."""
    m = SPAN_RE.match(value)
    if m:
        start, end = int(m.group(1)), int(m.group(2))
        if not start < end <= len(text):
            raise ReviewError(f"{what} {value!r}: outside the article's text (offsets 0 to {len(text)}, "
                              "START before END)")
        if not text[start:end].strip():
            raise ReviewError(f"{what} {value!r}: covers only spaces")
        return start, end
    words = value.strip()
    if not words:
        raise ReviewError(f"{what}: the value is blank")
    hits = [m.start() for m in re.finditer(re.escape(words), text)]
    if not hits:
        raise ReviewError(f"{what} {value!r}: not in the article's text; give offsets START:END")
    if len(hits) > 1:
        raise ReviewError(f"{what} {value!r}: occurs {len(hits)} times in the article (at "
                          f"{', '.join(f'{h}:{h + len(words)}' for h in hits[:5])}); give offsets START:END")
    return hits[0], hits[0] + len(words)


def _entity_at(record: dict, start: int, end: int, key: str) -> dict | None:
    """The article's entity with a `key` (actor or place) at this span: the same span, else the
    largest one inside it, else the smallest one holding it."""
    ents = [e for e in record.get("entities") or [] if e.get(key)]
    same = [e for e in ents if (e["start"], e["end"]) == (start, end)]
    inside = sorted((e for e in ents if start <= e["start"] and e["end"] <= end), key=lambda e: e["start"] - e["end"])
    holding = sorted((e for e in ents if e["start"] <= start and end <= e["end"]), key=lambda e: e["end"] - e["start"])
    return next(iter(same + inside + holding), None)


@lru_cache(maxsize=1)
def _mention_pipeline():
    from marsad.entities.mentions import MentionFinder
    from marsad.pipeline import Pipeline
    from marsad.text.stages import Sentencizer, Tokenizer

    return Pipeline([Tokenizer(), Sentencizer(), MentionFinder()])


def _actor_of_words(words: str) -> dict | None:
    """The actor the actor base gives words that are one mention, as the query side does."""
    from marsad.types import ArticleInput

    doc = _mention_pipeline()(ArticleInput(id="review", title="", text=words))
    best = max((m for m in doc.mentions if m.actor), key=lambda m: m.end - m.start, default=None)
    return best.actor.to_dict() if best else None


def actor_span(record: dict, value: str, what: str, actor: dict | None = None) -> dict | None:
    """A source or target: the span with its resolved actor, or `actor` when the reviewer names
    it (None when `value` clears the role)."""
    if value.strip().lower() in CLEAR:
        return None
    text = record["text"]
    start, end = locate(text, value, what)
    if actor is None:
        ent = _entity_at(record, start, end, "actor")
        actor = ent["actor"] if ent else _actor_of_words(text[start:end])
    return {"start": start, "end": end, "text": text[start:end], "actor": actor}


def actor_by_id(value: str, what: str) -> dict:
    """The actor-base actor with this id (any case), or a state's sector (`DZA-MIL`)."""
    from marsad.grammar.actor_base import ActorBase

    base = ActorBase.load()
    wanted = value.strip().upper()
    known = next((a for aid, a in base.actors.items() if aid.upper() == wanted), None)
    if known is not None:
        return known.to_dict()
    country, _, sector = wanted.partition("-")
    sectors = {a.sector for a in base.actors.values() if a.sector}
    if country in base.country_names and sector in sectors:
        return base.state_actor(country, sector).to_dict()
    raise ReviewError(f"{what} {value!r}: not an actor id of the actor base (marsad/resources/actors.tsv), "
                      "nor COUNTRY-SECTOR such as DZA-MIL")


def place_span(record: dict, value: str, what: str = "--place") -> dict | None:
    """An event's location: the span with the place it names (None when `value` clears it).
    Unknown to the gazetteer, it keeps its words and no coordinates."""
    if value.strip().lower() in CLEAR:
        return None
    text = record["text"]
    start, end = locate(text, value, what)
    words = text[start:end]
    ent = _entity_at(record, start, end, "place")
    resolved = dict(ent["place"]) if ent else _gazetteer_place(words)
    fields = {k: resolved.get(k) for k in ("name_en", "country", "lat", "lon", "precision")}
    return {"start": start, "end": end, "text": words, **fields}


def _gazetteer_place(words: str) -> dict:
    from marsad.ground.places import PRECISION, Gazetteer

    gaz = Gazetteer.load()
    # the name itself, else without a one-letter proclitic (بحمص, وسوريا)
    places = gaz.lookup(words) or (gaz.lookup(words[1:]) if words[:1] in "وبلف" else [])
    if not places:
        return {}
    best = max(places, key=lambda p: (p.feature == "country", p.population))
    return {"name_en": best.name_en, "country": best.country, "lat": best.lat, "lon": best.lon,
            "precision": PRECISION.get(best.feature, "point")}


def sentence_at(record: dict, offset: int) -> dict:
    """The span of the sentence holding `offset` (the whole text when the record has none)."""
    for s in record.get("sentences") or []:
        if s["start"] <= offset < s["end"]:
            return {"start": s["start"], "end": s["end"]}
    return {"start": 0, "end": len(record.get("text") or "")}
