"""Cross-article dedup on a Dask cluster: the same canonical events and links as marsad.dedup.

The costly part of dedup, finding and scoring candidate pairs, is block-local: a pair is two
events of one type whose days are at most `date_window_days` apart, found from the block
(type, day) of the earlier one (cluster.candidate_pairs). So each block is given to one bucket
(a stable hash of the block), and every event is sent to the bucket of its own block and to those
of the blocks up to `date_window_days` earlier, whose later events it is: a bucket then holds
every event its blocks' pairs need, and keeps the pairs whose earlier block is its own, each pair
once. The workers turn records into keys (each partition where its records are read), shuffle
the keys to buckets and apply the rule (rule.same_event) there; the client merges the matching
pairs (cluster.clusters: closest pairs first, the conflict check over whole clusters), which is
the sequential step and the light one, and writes the result.
"""
from __future__ import annotations

import zlib
from dataclasses import dataclass
from collections.abc import Iterable
from operator import getitem
from typing import Any

from marsad.dedup.cluster import DedupResult, candidate_pairs, clusters, event_keys
from marsad.dedup.keys import EventKey
from marsad.dedup.rule import same_event
from marsad.dedup.settings import DedupSettings


# Task results are single objects, never bare lists: distributed serialises a list (or tuple)
# item by item, ~25 times slower than pickling it whole for 100,000 keys or pairs.
@dataclass(frozen=True, slots=True)
class Keys:
    """cluster.event_keys of a partition's records."""

    keys: list[EventKey]
    same_act: dict[tuple[str, int], list[int]]


@dataclass(frozen=True, slots=True)
class Share:
    """A partition's keys for one bucket."""

    keys: list[EventKey]


def bucket_of(etype: str, day: int, buckets: int) -> int:
    """The bucket of block (type, day): stable in every process (str's hash is not)."""
    return zlib.crc32(f"{etype}\t{day}".encode("utf-8")) % buckets


def partition_keys(records: Iterable[dict]) -> Keys:
    return Keys(*event_keys(records))


def to_buckets(part: Keys, buckets: int, window: int) -> list[Share]:
    """The partition's keys by bucket: each in its own block's bucket and in those of the `window`
    days before (once per bucket). Keys without a day are in no pair."""
    out: list[list[EventKey]] = [[] for _ in range(buckets)]
    for k in part.keys:
        if k.day is None:
            continue
        for b in {bucket_of(k.type, k.day - back, buckets) for back in range(window + 1)}:
            out[b].append(k)
    return [Share(keys) for keys in out]


@dataclass(frozen=True, slots=True)
class Found:
    """A bucket's matching pairs, (article id, index) twice each."""

    pairs: list[tuple[str, int, str, int]]


def bucket_pairs(shares: list[Share], bucket: int, buckets: int, s: DedupSettings) -> Found:
    """The matching pairs whose earlier block is in this bucket."""
    keys = [k for share in shares for k in share.keys]
    out = []
    for i, j in candidate_pairs(keys, s, home=lambda etype, day: bucket_of(etype, day, buckets) == bucket):
        a, b = keys[i], keys[j]
        if same_event(a, b, s):
            out.append((a.article_id, a.index, b.article_id, b.index))
    return Found(out)


def dedup_bag(records: Any, client: Any, settings: DedupSettings | None = None,
              buckets: int | None = None) -> DedupResult:
    """marsad.dedup.dedup of the records of a dask Bag, computed on `client`'s cluster."""
    s = settings or DedupSettings.load()
    parts = client.compute(records.map_partitions(partition_keys, ).to_delayed(optimize_graph=False))
    buckets = buckets or max(1, len(parts))
    window = s.date_window_days
    spread = [client.submit(to_buckets, part, buckets, window, pure=False) for part in parts]
    shares = [[client.submit(getitem, share, b, pure=False) for share in spread] for b in range(buckets)]
    matched = [client.submit(bucket_pairs, shares[b], b, buckets, s, pure=False) for b in range(buckets)]
    keys: list[EventKey] = []
    same_act: dict[tuple[str, int], list[int]] = {}
    for part in client.gather(parts):
        keys.extend(part.keys)
        same_act.update(part.same_act)
    index = {k.ref: i for i, k in enumerate(keys)}
    pairs = [(index[(a, i)], index[(b, j)]) for found in client.gather(matched) for a, i, b, j in found.pairs]
    return clusters(keys, same_act, pairs, s)


def store_bag(url: str, client: Any, rows_per_partition: int = 2000) -> Any:
    """The records of the store at `url` as a dask Bag, each partition a range of `seq` that a
    worker reads from the store itself (a SQLite file on this machine, or PostgreSQL)."""
    import dask
    import dask.bag

    from marsad.store import open_store

    with open_store(url, readonly=True) as store:
        seqs = [row[0] for row in store.rows("SELECT seq FROM articles ORDER BY seq")]
    bounds = [(seqs[at - 1] if at else 0, seqs[min(at + rows_per_partition, len(seqs)) - 1])
              for at in range(0, len(seqs), rows_per_partition)]
    return dask.bag.from_delayed([dask.delayed(_records_between)(url, lo, hi) for lo, hi in bounds])


def _records_between(url: str, low: int, high: int) -> list[dict]:
    import orjson

    from marsad.store import open_store

    with open_store(url, readonly=True) as store:
        return [orjson.loads(r) for (r,) in store.rows("SELECT record FROM articles WHERE seq > ? AND seq <= ? "
                                                       "ORDER BY seq", (low, high))]


def dedup_store_dask(url: str, client: Any, settings: DedupSettings | None = None, version: str | None = None,
                     rows_per_partition: int = 2000) -> DedupResult:
    """`marsad dedup --db URL` on a Dask cluster: the same canonical events and links, stored the same way."""
    from marsad.dedup.stored import store_result
    from marsad.store import open_store
    from marsad.store.version import pipeline_version

    result = dedup_bag(store_bag(url, client, rows_per_partition), client, settings)
    with open_store(url) as store:
        store_result(store, result, version or pipeline_version())
    return result
