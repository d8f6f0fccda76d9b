#!/usr/bin/env python3
"""Build marsad/resources/place_rates.tsv.gz: how often a one-word place name of
the gazetteer is a name in the news, as the tagger reads it.

Many Arabic place names are also common words (أمان safety / Amman, عقبة
obstacle / Aqaba, الخمس five / Al Khums, أشرف supervised / Behshahr). For each
one-word reading of a gazetteer name, this counts its occurrences in
../shared/data/corpora and the share of them that the NER tagger or the actor
base marks as a place (LOC/GPE). `marsad.ground.places` then asks a word that
is rarely a name to be marked as one where it stands. Only counts are shipped.
The counts follow the tagger and the actor base: rebuild after changing either.

Usage: python tools/build_place_rates.py [SHARED_DATA_DIR]
"""
from __future__ import annotations

import gzip
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from marsad.ground.places import Gazetteer, place_name_spans, tokens_inside  # noqa: E402
from marsad.io.readers import ReadError, read_articles  # noqa: E402
from marsad.pipeline import Pipeline  # noqa: E402

CORPORA = ("alarabiya_2018.jsonl", "pool_2000.jsonl", "news_sample.jsonl")
MIN_OCCURRENCES = 5  # rarer readings are not shipped: too few to judge
OUT = REPO / "marsad" / "resources" / "place_rates.tsv.gz"


def main(data_dir: Path) -> None:
    gaz = Gazetteer.load()
    stages = Pipeline.default().stages
    pipeline = Pipeline(stages[:[s.name for s in stages].index("coref") + 1])  # the mentions places see
    seen: Counter[str] = Counter()
    named: Counter[str] = Counter()
    ids: set[str] = set()
    for art in read_articles([data_dir / "corpora" / name for name in CORPORA]):
        if isinstance(art, ReadError) or art.id in ids:
            continue
        ids.add(art.id or "")
        doc = pipeline(art)
        marked = tokens_inside(place_name_spans(doc), len(doc.tokens))  # as find_places reads them
        for q, tok in enumerate(doc.tokens):
            fw = gaz.first_words[tok.light] if tok.is_word else None
            if fw is not None and fw.single is not None:
                reading = fw.single[0]
                seen[reading] += 1
                named[reading] += marked[q]
    kept = sorted((w, c, named[w]) for w, c in seen.items() if c >= MIN_OCCURRENCES)
    with gzip.GzipFile(OUT, "wb", mtime=0) as gz:
        gz.write(b"# folded one-word place name\toccurrences\tmarked as a place (LOC/GPE) by the tagger or actor base;"
                 b" counted in ../shared/data/corpora by tools/build_place_rates.py - counts only\n")
        gz.write("".join(f"{w}\t{c}\t{n}\n" for w, c, n in kept).encode("utf-8"))
    print(f"{len(ids)} articles, {len(kept)} names -> {OUT}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else REPO.parent / "shared" / "data")
