"""Reading the romanisation training data (Arabic name token → Latin spelling).

Two sources in `../shared/data/gazetteers/` (see their SOURCES.md):
- `google_translit_ar2en/ar2en-{train,eval}.txt` — `arabic<TAB>latin`, one pair a line
  (Apache-2.0). `ar2en-test.txt` is the held-out test set and `ar2en.txt` is
  train+eval+test, so neither is ever read for training.
- `wikidata_person_translit/wd_arabic_{80,20}` — `latin<TAB>arabic letters
  space-separated<TAB>count` (CC0); 80 + 20 is the whole list (64/16 are subsets).
"""
from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from marsad.text.normalize import fold_light

GOOGLE_FILES = ("google_translit_ar2en/ar2en-train.txt", "google_translit_ar2en/ar2en-eval.txt")
WIKIDATA_FILES = ("wikidata_person_translit/wd_arabic_80", "wikidata_person_translit/wd_arabic_20")
TEST_FILE = "google_translit_ar2en/ar2en-test.txt"

ARABIC_LETTERS = frozenset("ءابتثجحخدذرزسشصضطظعغفقكلمنهويةىآأإؤئپچژڤگ")
LATIN_KEEP = frozenset("abcdefghijklmnopqrstuvwxyz'-")


@dataclass(frozen=True, slots=True)
class NamePair:
    arabic: str  # light-folded (ة ى kept; hamza seats, diacritics folded)
    latin: str  # lower-case ASCII
    count: int
    source: str  # google | wikidata


def gazetteer_dir(data_root: Path) -> Path:
    return Path(data_root) / "gazetteers"


def clean_arabic(text: str) -> str:
    """Light fold and keep Arabic letters only ('' if anything else is left)."""
    folded = fold_light(text).replace(" ", "")
    return folded if folded and all(ch in ARABIC_LETTERS for ch in folded) else ""


def clean_latin(text: str) -> str:
    """Lower case, accents stripped (ć → c); '' if other characters remain."""
    ascii_ = unicodedata.normalize("NFKD", text.lower())
    ascii_ = "".join(ch for ch in ascii_ if not unicodedata.combining(ch))
    ascii_ = ascii_.replace("ß", "ss").replace("ø", "o").replace("ł", "l").replace("đ", "d")
    return ascii_ if ascii_ and all(ch in LATIN_KEEP for ch in ascii_) else ""


def read_google(path: Path) -> Iterator[tuple[str, str]]:
    """Raw (arabic, latin) pairs of a Google ar2en file."""
    with Path(path).open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 2:
                yield parts[0], parts[1]


def read_wikidata(path: Path) -> Iterator[tuple[str, str, int]]:
    """Raw (arabic, latin, count) triples of a Wikidata wd_arabic file."""
    with Path(path).open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 3 and parts[2].isdigit():
                yield parts[1].replace(" ", ""), parts[0], int(parts[2])


def _pair(arabic: str, latin: str, count: int, source: str) -> NamePair | None:
    ar, la = clean_arabic(arabic), clean_latin(latin)
    return NamePair(ar, la, count, source) if ar and la else None


def training_pairs(data_root: Path, *, google: tuple[str, ...] = GOOGLE_FILES,
                   wikidata: tuple[str, ...] = WIKIDATA_FILES) -> list[NamePair]:
    """All usable pairs of the training sources, in file order (deterministic)."""
    root = gazetteer_dir(data_root)
    pairs: list[NamePair] = []
    for name in google:
        for ar, la in read_google(root / name):
            if (p := _pair(ar, la, 1, "google")) is not None:
                pairs.append(p)
    for name in wikidata:
        for ar, la, n in read_wikidata(root / name):
            if (p := _pair(ar, la, n, "wikidata")) is not None:
                pairs.append(p)
    return pairs
