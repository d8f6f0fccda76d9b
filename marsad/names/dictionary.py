"""The dictionary of seen name tokens: folded Arabic → its most frequent Latin spelling."""
from __future__ import annotations

import gzip
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path

from marsad.names.sources import NamePair
from marsad.text.normalize import fold

HEADER = "# arabic (folded)\tlatin (most frequent spelling, lower case)\tcount\n"


TieBreak = Callable[[str, list[str]], str]


def build_dictionary(pairs: Iterable[NamePair], tie_break: TieBreak | None = None) -> dict[str, tuple[str, int]]:
    """Folded Arabic → (most frequent Latin spelling, its count).

    Counts are summed over both sources (a Google pair counts 1, a Wikidata
    row its frequency). Equally frequent spellings (بوتين: putin 1, botín 1)
    go to `tie_break(arabic, spellings)` — training passes the model's
    preference — else to the alphabetically first, so rebuilds are identical.
    """
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    arabic: dict[str, str] = {}
    for p in pairs:
        key = fold(p.arabic)
        counts[key][p.latin] += p.count
        arabic.setdefault(key, p.arabic)
    out: dict[str, tuple[str, int]] = {}
    for key in sorted(counts):
        ranked = sorted(counts[key].items(), key=lambda kv: (-kv[1], kv[0]))
        latin, n = ranked[0]
        tied = [lat for lat, c in ranked if c == n]
        if len(tied) > 1 and tie_break is not None:
            latin = tie_break(arabic[key], tied)
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
