"""Dedup over a store: its records in, canonical events and links out (`Store.set_canonical`).

`marsad events --min-reports N` then counts, for each article's event, the distinct
articles linked to its canonical event.
"""
from __future__ import annotations

from marsad.dedup.cluster import CanonicalEvent, DedupResult, dedup
from marsad.dedup.settings import DedupSettings


def canonical_row(c: CanonicalEvent) -> dict:
    """A canonical_events row: the cluster's summary columns and its `to_dict()` as the record."""
    record = c.to_dict()
    place = next((m.place for m in c.members if m.place and m.place.lat is not None), None) \
        or next((m.place for m in c.members if m.place), None)
    return {"id": c.id, "type": c.type, "date": record["date"], "source_actor_id": record["source"],
            "target_actor_id": record["target"], "place_name": place.name_en if place else None,
            "place_country": place.country if place else None, "lat": place.lat if place else None,
            "lon": place.lon if place else None, "n_reports": c.reports, "n_sources": len(c.outlets),
            "record": record}


def dedup_store(store, settings: DedupSettings | None = None, version: str | None = None) -> DedupResult:
    """Dedup every stored event and replace the store's canonical events and links in one
    transaction. The records are streamed; dedup keeps a small key per event, not the records."""
    from marsad.store.version import pipeline_version

    result = dedup(store.iter_records(), settings)  # the read ends before the write starts
    store_result(store, result, version or pipeline_version())
    return result


def store_result(store, result: DedupResult, version: str) -> None:
    """Replace the store's canonical events and links with `result`'s, in one transaction."""
    links = ((aid, idx, cid) for (aid, idx), cid in result.links.items())
    store.set_canonical((canonical_row(c) for c in result.canonical), links, version)
