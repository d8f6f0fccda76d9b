"""The dictionary of seen name tokens: folded Arabic → its most frequent Latin spelling."""
from __future__ import annotations

import gzip
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

from marsad.names.sources import NamePair
from marsad.text.normalize import fold

HEADER = "# arabic (folded)\tlatin (most frequent spelling, lower case)\tcount\n"


def build_dictionary(pairs: Iterable[NamePair]) -> dict[str, tuple[str, int]]:
    """Folded Arabic → (most frequent Latin spelling, its count).

    Counts are summed over both sources (a Google pair counts 1, a Wikidata
    row its frequency); ties go to the alphabetically first spelling so that
    rebuilding gives the same file.
    """
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for p in pairs:
        counts[fold(p.arabic)][p.latin] += p.count
    out: dict[str, tuple[str, int]] = {}
    for key in sorted(counts):
        latin, n = min(counts[key].items(), key=lambda kv: (-kv[1], kv[0]))
        out[key] = (latin, n)
    return out


def save_dictionary(entries: dict[str, tuple[str, int]], path: Path) -> None:
    with gzip.GzipFile(path, "wb", mtime=0) as raw:
        raw.write(HEADER.encode("utf-8"))
        for key, (latin, n) in entries.items():
            raw.write(f"{key}\t{latin}\t{n}\n".encode("utf-8"))


def load_dictionary(path: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if not line.startswith("#"):
                key, latin, _n = line.rstrip("\n").split("\t")
                out[key] = latin
    return out
