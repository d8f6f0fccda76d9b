"""Name lists the tagger reads as features, compacted into one word table.

Each folded word gets flags saying which lists hold it and where: `LOC`
(ANERgazet locations and Marsad's place gazetteer), `PER` (ANERgazet persons,
Wikidata person-name tokens), `ORG` (ANERgazet organisations), the actor base's
alias kinds (`A.GPE`, `A.PER`, `A.ORG`, `A.NORP` …) and its titles and head
nouns (`H.PER` for a title such as الجنرال, `H.ORG` for an institution noun).
A flag ends in `1` when the word is a whole one-word entry, in `b` when it
begins a longer one and in `i` when it continues one. The table is built from
the sources at training time (`build_word_flags`) and shipped with the model
(`data/word_flags.tsv.gz`), so the features the model was trained on are the
ones it sees at run time, whatever later edits the actor base gets.
"""
from __future__ import annotations

import csv
import gzip
from collections import defaultdict
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from marsad.grammar.phrase_index import phrase_key
from marsad.ner.clusters import DATA

FLAG_FILE = "word_flags.tsv.gz"
MIN_PERSON_TOKEN_COUNT = 2  # Wikidata person-name tokens seen at least this often
MIN_PLACE_POPULATION = 20_000  # smaller places collide with common words too often
MAJOR_FEATURES = frozenset({"country", "admin1", "region", "continent", "macroregion", "dependency"})


def _add(flags: dict[str, set[str]], phrase: str, tag: str) -> None:
    words = phrase_key(phrase)
    if len(words) == 1:
        flags[words[0]].add(tag + "1")
        return
    for k, w in enumerate(words):
        flags[w].add(tag + ("b" if k == 0 else "i"))


def _lines(path: Path) -> Iterable[str]:
    with path.open(encoding="utf-8-sig") as fh:
        for line in fh:
            line = line.strip()
            if line and not line.startswith("===="):
                yield line


def build_word_flags(data_dir: Path) -> dict[str, tuple[str, ...]]:
    from marsad.grammar.actor_base import ActorBase
    from marsad.ground.places import WORLD_PREFIX, Gazetteer

    flags: dict[str, set[str]] = defaultdict(set)
    gaz_dir = data_dir / "gazetteers"
    for name, tag in (("AlignedLocGazetteer.txt", "LOC"), ("AlignedPersGazetteer.txt", "PER"),
                      ("AlignedOrgGazetteer.txt", "ORG")):
        for line in _lines(gaz_dir / "anergazet" / name):
            _add(flags, line, tag)
    for name in ("wd_arabic_80", "wd_arabic_20"):
        for line in _lines(gaz_dir / "wikidata_person_translit" / name):
            _en, letters, count = line.split("\t")
            if int(count) >= MIN_PERSON_TOKEN_COUNT:
                _add(flags, letters.replace(" ", ""), "W.PER")
    with (gaz_dir / "world_cities_ar_en" / "world-cities.csv").open(encoding="utf-8-sig") as fh:
        for row in csv.DictReader(fh):
            _add(flags, row["CountryNameAr"], "LOC")
            _add(flags, row["CityNameAr"], "LOC")
    gaz = Gazetteer.load()
    for first, by_len in gaz.index.items():
        for _n, entries in by_len:
            for rest, ids in entries.items():
                # the world cities and countries came after the tagger was trained: its flags keep to the rest
                places = [gaz.places[i] for i in ids if not gaz.places[i].source_id.startswith(WORLD_PREFIX)]
                if any(p.population >= MIN_PLACE_POPULATION or p.feature in MAJOR_FEATURES or p.curated
                       for p in places):
                    _add(flags, " ".join((first, *rest)), "P")
    base = ActorBase.load()
    for first, by_len in base.names._by_first.items():
        for _n, entries in by_len.items():
            for rest, payloads in entries.items():
                for kind in sorted({p.kind for p in payloads}):
                    _add(flags, " ".join((first, *rest)), "A." + kind)
    for first, by_len in base.heads._by_first.items():
        for _n, entries in by_len.items():
            for rest, payloads in entries.items():
                for kind in sorted({p.kind for p in payloads}):
                    _add(flags, " ".join((first, *rest)), "H." + kind)
    return {w: tuple(sorted(f)) for w, f in flags.items()}


def write_word_flags(flags: dict[str, tuple[str, ...]], out: Path) -> None:
    with gzip.GzipFile(out, "wb", mtime=0) as gz:
        gz.write(b"# folded word\tflags (see marsad/ner/gazetteer.py); built from ANERgazet (Benajiba 2007), "
                 b"Wikidata person-name tokens (CC0), world-cities (CC BY 4.0), Marsad's gazetteer and actor base\n")
        gz.write("".join(f"{w}\t{' '.join(f)}\n" for w, f in sorted(flags.items())).encode("utf-8"))


@cache
def load_word_flags(path: Path | None = None) -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    with gzip.open(path or DATA / FLAG_FILE, "rt", encoding="utf-8") as fh:
        for line in fh:
            if not line.startswith("#"):
                w, _, f = line.rstrip("\n").partition("\t")
                out[w] = tuple(f.split())
    return out
