"""Build marsad/resources/vocab.tsv.gz: folded word frequencies from the
unlabelled news in ../shared/data/corpora (used to choose clitic splits and to
split words glued together). Only counts are shipped, never the texts.

Usage: python tools/build_vocab.py [SHARED_DATA_DIR]
"""
from __future__ import annotations

import gzip
import json
import re
import sys
from collections import Counter
from pathlib import Path

from marsad.text.normalize import fold

WORD = re.compile(r"[\u0621-\u064A]+")


def main(data_dir: Path) -> None:
    counts: Counter[str] = Counter()
    corpora = data_dir / "corpora"
    for name in ("alarabiya_2018.jsonl", "pool_2000.jsonl", "news_sample.jsonl"):
        with (corpora / name).open(encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                counts.update(WORD.findall(fold(row.get("title") or "") + " " + fold(row["text"])))
    for path in sorted((corpora / "seedlike").glob("*.txt")):
        counts.update(WORD.findall(fold(path.read_text(encoding="utf-8"))))
    out = Path(__file__).resolve().parents[1] / "marsad" / "resources" / "vocab.tsv.gz"
    kept = sorted(((w, c) for w, c in counts.items() if c >= 3), key=lambda x: (-x[1], x[0]))
    # mtime=0 keeps the gzip bytes reproducible.
    with gzip.GzipFile(out, "wb", mtime=0) as gz:
        gz.write(b"# folded word\tcount; derived from ../shared/data/corpora (ANT v1.1/v2.1, SaudiNewsNet) - counts only\n")
        gz.write("".join(f"{w}\t{c}\n" for w, c in kept).encode("utf-8"))
    print(f"{len(kept)} words -> {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "shared" / "data")
