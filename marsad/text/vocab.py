"""Word frequencies from Marsad's own news corpora (tools/build_vocab.py)."""
from __future__ import annotations

import gzip
from functools import cache

from marsad.resources import path


@cache
def word_counts() -> dict[str, int]:
    counts: dict[str, int] = {}
    with gzip.open(path("vocab.tsv.gz"), "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            word, _, count = line.rstrip("\n").partition("\t")
            counts[word] = int(count)
    return counts
