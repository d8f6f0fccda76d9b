"""What a store knows about its events beyond the records: dedup's canonical events and the day
each article was coded. The PLOVER export's `link` and `coded_date` come from here."""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field


def _today() -> str:
    return dt.datetime.now(dt.timezone.utc).date().isoformat()


@dataclass(frozen=True, slots=True)
class ExportContext:
    # (article id, event index) -> the id of its canonical event after `marsad dedup`
    links: Mapping[tuple[str, int], str] = field(default_factory=dict)
    # article id -> the day (UTC) its events were coded: the store's ingest day
    coded: Mapping[str, str] = field(default_factory=dict)
    # the coding day of records read from files (no ingest day): the export's day
    today: str = field(default_factory=_today)

    def link(self, rec: dict, index: int) -> str | None:
        return self.links.get((rec["id"], index))

    def coded_date(self, rec: dict) -> str:
        return self.coded.get(rec["id"]) or self.today


def store_context(store) -> ExportContext:
    """The store's dedup links and ingest days, read once (a tuple per linked event, a date per article)."""
    links = {(aid, int(idx)): cid for aid, idx, cid in
             store.rows("SELECT article_id, event_idx, canonical_id FROM event_links")}
    coded = {aid: str(at)[:10] for aid, at in store.rows("SELECT id, ingested_at FROM articles") if at}
    return ExportContext(links, coded)
