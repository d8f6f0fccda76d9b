"""Cross-article dedup over a stream of contract records: blocking, pairwise rule, clustering.

Only compact `EventKey`s are kept, not the records: memory is linear in events (~0.8 KB each).
Candidate pairs come from blocks of the same type and day, compared with the blocks up to
`date_window_days` later, and inside a block only events sharing an anchor (an actor id or
country, or a place country) are compared, so the work grows with the size of a day's
same-type reports about the same parties, not with the corpus. Matching pairs are merged
closest first into clusters that must stay mostly conflict-free (`max_conflict_share`).
"""
from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from marsad.dedup.keys import EventKey, event_key
from marsad.export.records import act_events, act_head
from marsad.dedup.rule import compatible, same_event, similarity
from marsad.dedup.settings import DedupSettings


@dataclass(slots=True)
class CanonicalEvent:
    id: str
    type: str
    members: list[EventKey] = field(default_factory=list)

    @property
    def articles(self) -> list[str]:
        return list(dict.fromkeys(m.article_id for m in self.members))

    @property
    def outlets(self) -> list[str]:
        return list(dict.fromkeys(m.outlet for m in self.members if m.outlet))

    @property
    def reports(self) -> int:
        """Corroboration: the number of distinct articles reporting the event."""
        return len(self.articles)

    def to_dict(self) -> dict:
        import datetime as dt

        days = [m.day for m in self.members if m.day is not None]
        return {"id": self.id, "type": self.type,
                "date": dt.date.fromordinal(min(days)).isoformat() if days else None,
                "reports": self.reports, "articles": self.articles, "outlets": self.outlets,
                "events": [f"{m.article_id}#{m.index}" for m in self.members],
                "source": next((m.source.id for m in self.members if m.source and m.source.id), None),
                "target": next((m.target.id for m in self.members if m.target and m.target.id), None),
                "place": next((m.place.name_en for m in self.members if m.place), None)}


@dataclass(slots=True)
class DedupResult:
    canonical: list[CanonicalEvent]
    links: dict[tuple[str, int], str]  # (article id, event index) -> canonical id


def canonical_id(ref: tuple[str, int]) -> str:
    """Stable id from the cluster's first member (smallest article id, then index)."""
    return "ev-" + hashlib.sha1(f"{ref[0]}#{ref[1]}".encode("utf-8")).hexdigest()[:16]


class _Clusters:
    """Union-find whose roots also hold their members, so a merge can check them all."""

    def __init__(self, n: int):
        self.parent = list(range(n))
        self.members: dict[int, list[int]] = {}
        self.failed: set[tuple[int, int]] = set()

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def merge(self, i: int, j: int, keys: list[EventKey], s: DedupSettings) -> None:
        """Merge the clusters of i and j unless more than `max_conflict_share` of the cross pairs
        of their members conflict (0 = complete linkage): A~B and B~C does not drag in a C that
        contradicts the cluster."""
        ri, rj = self.find(i), self.find(j)
        if ri == rj or (ri, rj) in self.failed:
            return
        mi, mj = self.members.get(ri, [ri]), self.members.get(rj, [rj])
        conflicts = sum(1 for x in mi for y in mj if not compatible(keys[x], keys[y], s))
        if conflicts > s.max_conflict_share * len(mi) * len(mj):
            # not retried: exact under complete linkage (a cluster only grows, so conflicts
            # stay); with a tolerated share it is a cheap approximation
            self.failed.add((ri, rj))
            self.failed.add((rj, ri))
            return
        root, other = min(ri, rj), max(ri, rj)
        self.parent[other] = root
        self.members[root] = mi + mj
        self.members.pop(other, None)


def _anchors(k: EventKey) -> set[str]:
    out = set()
    for actor in (k.source, k.target):
        if actor:
            out.add(f"a:{actor.id}" if actor.id else f"c:{actor.country}")
            if actor.country:
                out.add(f"c:{actor.country}")
    if k.place and k.place.country:
        out.add(f"p:{k.place.country}")
    return out


def candidate_pairs(keys: list[EventKey], s: DedupSettings,
                    home: Callable[[str, int], bool] | None = None) -> Iterator[tuple[int, int]]:
    """Index pairs worth comparing: same type, days within the window, a shared anchor. A pair is
    found from the block (type, day) of its earlier event; with `home`, only from the blocks it
    accepts (marsad/dask/dedup.py: a bucket's own blocks; the other keys are later events only)."""
    blocks: dict[tuple[str, int], dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for i, k in enumerate(keys):
        if k.day is not None:
            for anchor in _anchors(k):
                blocks[(k.type, k.day)][anchor].append(i)
    for (etype, day), index in blocks.items():
        if home is not None and not home(etype, day):
            continue
        seen: set[tuple[int, int]] = set()  # a pair can share several anchors; each pair spans one block pair
        for later in range(day, day + s.date_window_days + 1):
            other = blocks.get((etype, later))
            if other is None:
                continue
            for anchor, members in index.items():
                for j in other.get(anchor, ()):
                    for i in members:
                        pair = (i, j) if i < j else (j, i)
                        if i != j and pair not in seen:
                            seen.add(pair)
                            yield pair


def dedup(records: Iterable[dict], settings: DedupSettings | None = None) -> DedupResult:
    """Group the events of `records` into canonical events."""
    s = settings or DedupSettings.load()
    keys, same_act = event_keys(records)
    return clusters(keys, same_act, matching_pairs(keys, s), s)


def event_keys(records: Iterable[dict]) -> tuple[list[EventKey], dict[tuple[str, int], list[int]]]:
    """One key per act (the sentences of one article that report one act are one report of it, and
    each of them is linked to the act's canonical event), and those sentences by the act's key ref."""
    keys: list[EventKey] = []
    same_act: dict[tuple[str, int], list[int]] = {}
    for rec in records:
        for i, ev in act_events(rec):
            keys.append(event_key(rec, i, ev))
        for j, ev in enumerate(rec["events"]):
            head = act_head(ev, j)
            if head != j:
                same_act.setdefault((rec["id"], head), []).append(j)
    return keys, same_act


def matching_pairs(keys: list[EventKey], s: DedupSettings) -> list[tuple[int, int]]:
    """The candidate pairs the rule says are one event (marsad/dask/dedup.py finds them block by block)."""
    return [pair for pair in candidate_pairs(keys, s) if same_event(keys[pair[0]], keys[pair[1]], s)]


def clusters(keys: list[EventKey], same_act: dict[tuple[str, int], list[int]], pairs: Iterable[tuple[int, int]],
             s: DedupSettings) -> DedupResult:
    """The canonical events of `keys` given their matching `pairs` (indexes into `keys`)."""
    uf = _Clusters(len(keys))
    # Merges are greedy (agglomerative, closest pairs first), so their order is fixed by the
    # events themselves (similarity, then article ids and indexes), never by input order: the
    # same records in any order give the same canonical events.
    ordered_pairs = sorted(pairs, key=lambda p: (-similarity(keys[p[0]], keys[p[1]], s),
                                                 *sorted((keys[p[0]].ref, keys[p[1]].ref))))
    for i, j in ordered_pairs:
        uf.merge(i, j, keys, s)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(keys)):
        groups[uf.find(i)].append(i)
    canonical, links = [], {}
    for members in groups.values():
        ordered = sorted((keys[i] for i in members), key=lambda k: k.ref)
        cid = canonical_id(ordered[0].ref)
        canonical.append(CanonicalEvent(cid, ordered[0].type, ordered))
        for k in ordered:
            links[k.ref] = cid
            for j in same_act.get(k.ref, ()):
                links[(k.ref[0], j)] = cid
    canonical.sort(key=lambda c: c.members[0].ref)
    return DedupResult(canonical, links)
