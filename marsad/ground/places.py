"""Place names in an article, geocoded with Marsad's gazetteer.

The gazetteer (resources/gazetteer.tsv.gz, built by tools/build_gazetteer.py
from Who's On First and GeoNames, CC BY) is merged with the hand-curated
resources/places_curated.tsv (crossings, bases, districts, regions, countries).

Matching runs over `doc.tokens`: the first word of a name may carry proclitics
(`وبالرقة`), a generic head before it is kept in the span but not looked up
(`ريف حلب`, `معبر التنف`), and a direction adjective after it is kept too
(`ريف حلب الشمالي`). Ambiguous names are resolved by the article's other
places and countries, then feature type and population. Common words that are
also village names (في، الجديد، بشار…) are not places, and small places need a
head (`قرية`، `بلدة`…) or a locative preposition to count. A name that the
news mostly uses as a word (`أمان` safety, `عقبة` obstacle: see
tools/build_place_rates.py) counts without a head only where the tagger
marks it as a place, unless it names a country. A city outside the
Middle East (`gnw:` rows: London, Geneva, Sochi) counts only after a city head
(`مدينة`، `العاصمة`) or where a locative word introduces a name the tagger
found (`في لندن`): its Arabic names are often common words or personal names
elsewhere (حصار Hisar, جورج George), and a bare capital is mostly its
government (`وقالت موسكو`), an actor rather than a venue.
"""
from __future__ import annotations

import gzip
import math
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from functools import cache

import numpy as np

from marsad.doc import Doc
from marsad.ground._text import key, split_forms
from marsad.ground.place_words import PlaceVocab, head_before, may_end_head, place_vocab, prefix_of, rarely_named
from marsad.resources import path, read_tsv
from marsad.text.clitics import proclitic_keys
from marsad.text.formtable import FormTable
from marsad.text.vocab import word_counts
from marsad.types import Token

MINOR_POPULATION = 15_000  # below this a locality needs a head or a locative context
RARE_WORD = 40  # corpus count under which a minor place's name is not a common word
MAX_NAME_WORDS = 6
MEMO_MAX = 300_000  # word forms remembered by `_FirstWords` (cleared when full)
COMMON_AFTER_AREA_NOUN = 100  # corpus count from which a word after منطقة/مركز is a common noun, not a village
PER_PLACE_MIN = 50_000  # a place this big inside a person mention is a place (محافظ صعدة)
COMMON_RATIO_REJECT = 1.0  # corpus count per 100 inhabitants above which a bare name is a word
COMMON_RATIO_LOCATIVE = 0.2  # above this a bare name needs a locative preposition
WORLD_PREFIX = "gnw:"  # source ids of the world cities and countries outside the MENA extracts (tools/build_gazetteer.py)
PLACE_NAME_LABELS = ("LOC", "GPE")
PERIPHERAL = {"TUR", "IRN", "AFG"}  # Arabic-script names there are mostly transliterations
FEATURE_SCORE = {"country": 6.0, "admin1": 4.0, "region": 4.5, "district": 4.5, "crossing": 5.0, "base": 5.0,
                 "admin2": 1.5, "admin3": 1.0, "locality": 1.0, "facility": 1.0, "neighbourhood": 0.3}
PRECISION = {"country": "country", "admin1": "admin", "admin2": "admin", "admin3": "admin", "region": "admin",
             "district": "admin"}
MINOR_FEATURES = {"locality", "neighbourhood", "admin3", "facility"}


@dataclass(frozen=True, slots=True)
class Place:
    name_en: str
    country: str | None
    admin1: str | None
    lat: float
    lon: float
    feature: str
    population: int
    source_id: str
    geonames_id: str | None
    curated: bool = False

    @property
    def world_city(self) -> bool:
        """A city outside the Middle East extracts (see the module's note)."""
        return self.source_id.startswith(WORLD_PREFIX) and self.feature != "country"


@dataclass(frozen=True, slots=True)
class PlaceMention:
    start: int
    end: int
    text: str
    name_en: str
    country: str | None
    admin1: str | None
    lat: float
    lon: float
    precision: str  # point | admin | country
    feature: str
    geonames_id: str | None
    tokens: tuple[int, int] = (0, 0)
    source_id: str = ""

    def to_place(self) -> "marsad.types.Place":  # noqa: F821 - the typed record, not the gazetteer row
        """The typed record an event's `location` or a mention's `place` holds."""
        from marsad.types import Place as PlaceRecord

        return PlaceRecord(self.start, self.end, self.text, self.name_en, self.country, self.lat, self.lon,
                           self.precision)

    def to_location(self) -> dict:
        """The output contract's `location` object."""
        return {"start": self.start, "end": self.end, "text": self.text, "name_en": self.name_en,
                "country": self.country, "lat": self.lat, "lon": self.lon, "precision": self.precision}


@dataclass(frozen=True, slots=True)
class _FirstWord:
    """What a token's light form can begin (see `_FirstWords`)."""

    readings: tuple[str, ...]  # proclitic readings that begin some name
    seconds: frozenset[str]  # second words of the longer names `_match_at` would try first
    single: tuple[str, tuple[int, ...]] | None  # (reading, place ids) of the one-word name it would read
    never_bare: bool  # no one-word name, or none of its places is plausible without a head, even after في


class _FirstWords(dict):
    """Light form -> `_FirstWord` (None when it begins no name), filled on a
    miss: a dict subscript is much cheaper than a call for each of an
    article's ~370 tokens, and the ~90 that begin a name are mostly common
    words (على، الامن، الحكومة) whose fate is known without `_match_at` unless
    the next word continues a longer name."""

    def __init__(self, gaz: Gazetteer):
        super().__init__()
        self._gaz = gaz

    def __missing__(self, light: str) -> _FirstWord | None:
        if len(self) > MEMO_MAX:
            self.clear()
        index = self._gaz.index
        readings = tuple(k for k in proclitic_keys(light) if k in index)
        hit = None
        if readings:
            seconds: set[str] = set()
            single = None
            for k in readings:  # in `_match_at`'s order: longer names first, then the next reading
                for n, entries in index[k]:
                    if n:
                        seconds.update(rest[0] for rest in entries)
                    else:
                        single = (k, entries[()])
                if single:
                    break
            never_bare = single is None or not _bare_places(self._gaz, place_vocab(), single[0], single[0],
                                                            single[1], True)
            hit = _FirstWord(readings, frozenset(seconds), single, never_bare)
        self[light] = hit
        return hit


class Gazetteer:
    """Folded name -> places, indexed by first word for token matching."""

    def __init__(self, places: list[Place], names: list[tuple[str, int]]):
        self.places = places
        # first word -> [(further words, place ids)], longest first
        index: dict[str, dict[tuple[str, ...], list[int]]] = {}
        for name, pid in names:
            words = tuple(name.split())
            if not words or len(words) > MAX_NAME_WORDS:
                continue
            ids = index.setdefault(words[0], {}).setdefault(words[1:], [])
            if pid not in ids:
                ids.append(pid)
        # first word -> [(number of further words, {further words: place ids})], longest first
        self.index: dict[str, list[tuple[int, dict[tuple[str, ...], tuple[int, ...]]]]] = {}
        for w, d in index.items():
            by_len: dict[int, dict[tuple[str, ...], tuple[int, ...]]] = {}
            for rest, ids in d.items():
                by_len.setdefault(len(rest), {})[rest] = tuple(ids)
            self.index[w] = sorted(by_len.items(), reverse=True)
        self.first_words = _FirstWords(self)
        self.bare_memo: dict[tuple[str, bool], tuple[Place, ...]] = {}  # see _bare_places

    def starts(self, light: str) -> tuple[str, ...]:
        """Readings of a token (proclitics stripped) that begin some name; cached."""
        hit = self.first_words[light]
        return hit.readings if hit else ()

    def lookup(self, name: str) -> list[Place]:
        words = tuple(key(name).split())
        for n, entries in self.index.get(words[0], ()) if words else ():
            ids = entries.get(words[1:])
            if ids is not None:
                return [self.places[i] for i in ids]
        return []

    @classmethod
    @cache
    def load(cls) -> Gazetteer:
        places: list[Place] = []
        names: list[tuple[str, int]] = []
        with gzip.open(path("gazetteer.tsv.gz"), "rt", encoding="utf-8") as fh:
            header = None
            for line in fh:
                if line.startswith("#"):
                    continue
                cols = line.rstrip("\n").split("\t")
                if header is None:
                    header = cols
                    continue
                nm, en, cc, a1, lat, lon, feat, pop, sid, gn = cols
                pid = len(places)
                places.append(Place(en, cc or None, a1 or None, float(lat), float(lon), feat, int(pop), sid, gn or None))
                names.extend((n, pid) for n in nm.split("|") if n)
        by_sid = {p.source_id: i for i, p in enumerate(places)}
        for row in read_tsv("places_curated.tsv"):
            if row["feature"] == "country" and not row["lat"]:
                pid = by_sid.get(f"ne:{row['country']}")
                if pid is None:
                    continue
                p = places[pid]
                places[pid] = Place(p.name_en, p.country, None, p.lat, p.lon, "country", 0, p.source_id, None, True)
            else:
                pid = len(places)
                places.append(Place(row["name_en"], row["country"] or None, row["admin1"] or None,
                                    float(row["lat"]), float(row["lon"]), row["feature"],
                                    int(row["population"] or 0), "curated:" + row["source"], None, True))
            names.extend((key(n), pid) for n in split_forms(row["names_ar"]))
        return cls(places, names)


@dataclass
class _Cand:
    i: int  # first token of the name
    j: int  # end token of the name
    start_tok: int  # first token of the span (head included)
    end_tok: int  # end token of the span (direction included)
    prefix: str  # proclitics stripped from the span's first token
    head: str | None
    direction: bool
    places: tuple[Place, ...]


def _match_at(gaz: Gazetteer, norms: list[str], readings: tuple[str, ...], i: int,
              end: int) -> tuple[int, str, tuple[int, ...]] | None:
    """(end token, key read, place ids) of the longest name starting at token i,
    whose first word can be read as `readings`; `norms` are the tokens' folds."""
    for k in readings:
        for n, entries in gaz.index[k]:
            if i + 1 + n > end:
                continue
            ids = entries.get(tuple(norms[i + 1:i + 1 + n]) if n else ())
            if ids is not None:
                return i + 1 + n, k, ids
    return None


BARE, AFTER_HEAD = 1, 2  # a word that begins a place name: alone, or only after a head (or going on)


@cache
def _place_words() -> FormTable:
    """BARE or AFTER_HEAD for a word that begins a place name, else 0."""
    def kind(tok: Token) -> int:
        fw = Gazetteer.load().first_words[tok.light]
        if fw is None or not tok.is_word:
            return 0
        return AFTER_HEAD if fw.never_bare else BARE

    return FormTable(kind)


@cache
def _head_end_words() -> FormTable:
    """Whether a word may end a head (`معبر`, `ريف`…): see `may_end_head`."""
    return FormTable(lambda tok: may_end_head(tok.light))


def place_name_spans(doc: Doc) -> set[tuple[int, int]]:
    """Token ranges the tagger or the actor base names as places (LOC, GPE)."""
    return {m.tokens for m in (*doc.ner_spans, *doc.mentions) if m.label in PLACE_NAME_LABELS}


def tokens_inside(spans: set[tuple[int, int]], n: int) -> list[bool]:
    """For each of n tokens, whether it lies in one of the token ranges `spans`."""
    inside = [False] * n
    for a, b in spans:
        inside[a:b] = [True] * (b - a)
    return inside


def find_places(doc: Doc) -> list[PlaceMention]:
    gaz = Gazetteer.load()
    v = place_vocab()
    tokens = doc.tokens
    person_tokens: set[int] = set()
    named = place_name_spans(doc)
    # nationality adjectives: `العاصمة الروسية` is no village called الروسية
    nisbas = {m.tokens for m in doc.mentions if m.label == "NORP"}
    nisba_ends = {b: a for a, b in nisbas}
    named_at = tokens_inside(named, len(tokens))
    votes: Counter[str] = Counter()
    for m in doc.mentions:
        if m.label == "PER":
            person_tokens.update(range(*m.tokens))
        elif m.actor and m.actor.country and m.label in ("NORP", "ORG"):  # GPE names vote as places
            votes[m.actor.country] += 1
    ranges = [s.tokens for s in doc.sentences] or [(0, len(tokens))]
    cands: list[_Cand] = []
    first_words = gaz.first_words
    norms = [t.norm for t in tokens]
    # Most words begin no place name, and most that do (على، الحكومة) are no
    # place unless a longer name goes on or a head comes before: keep the rest
    # (the loop below checks them again, within their sentence).
    # Per-word tables give the words that begin a name and those after a head
    # in one gather each; only the rest need a look at the next word.
    kinds = _place_words().values(doc)
    after_head = np.zeros(len(tokens), dtype=bool)
    after_head[1:] = _head_end_words().values(doc)[:-1] != 0
    last = len(tokens) - 1
    maybe = kinds == AFTER_HEAD
    firsts = ((kinds == BARE) | maybe & after_head).nonzero()[0].tolist()
    goes_on = [i for i in (maybe & ~after_head).nonzero()[0].tolist()
               if i < last and norms[i + 1] in first_words[tokens[i].light].seconds]
    if goes_on:
        firsts = sorted(firsts + goes_on)
    for lo, hi in ranges:
        i = lo
        for f in range(bisect_left(firsts, lo), len(firsts)):
            q = firsts[f]
            if q >= hi:
                break
            if q < i:
                continue  # inside the previous candidate
            i = q
            tok = tokens[i]
            fw = first_words[tok.light]
            if i + 1 < hi and norms[i + 1] in fw.seconds:
                hit = _match_at(gaz, norms, fw.readings, i, hi)
            elif fw.never_bare and not (i > lo and may_end_head(tokens[i - 1].light)):
                continue  # the usual case: a common word, a place only after a head
            else:  # no longer name goes on here: the one-word reading, if any
                hit = (i + 1, *fw.single) if fw.single else None
            if hit is None:
                continue
            j, k, ids = hit
            if (i, j) in nisbas:
                i = j
                continue
            if person_tokens and not person_tokens.isdisjoint(range(i, j)) and not any(
                    gaz.places[p].feature in ("country", "admin1") or gaz.places[p].curated
                    or gaz.places[p].population >= PER_PLACE_MIN for p in ids):
                i = j  # part of a person's name (not محافظ صعدة, ولي العهد القاهرة)
                continue
            name = k if j == i + 1 else " ".join([k, *norms[i + 1:j]])
            head = head_before(v, tokens, i, lo)
            if head is None and i in nisba_ends:  # a head with its nationality: العاصمة الروسية موسكو
                head = head_before(v, tokens, nisba_ends[i], lo)
            if head:
                if name in v.never_name or name in v.not_place and head[1] in ("region", "district"):
                    i = j  # a direction or an area noun before a common word: شمال البلاد، مركز مديرية
                    continue
                places = tuple(gaz.places[p] for p in ids)
                start_tok, head_kind, prefix = head
                if head_kind != "locality":
                    places = tuple(p for p in places if not p.world_city)
                if head_kind == "district" and not any(named_at[q] for q in range(i, j)) and (
                        word_counts().get(name.replace(" ", ""), 0) >= COMMON_AFTER_AREA_NOUN):
                    # after an area noun (منطقة، مركز، محيط) a common word the tagger did not
                    # take for a name is a phrase, not a village: مركز الشرطة، منطقة الشرق الأوسط
                    places = tuple(p for p in places if not _minor(p))
            else:
                prefix = prefix_of(tok.light, k)
                # a locative: a preposition glued to the name (بالرقة) or before it (في الرقة)
                locative = bool(prefix.strip("وف")) or (i > lo and norms[i - 1] in v.locatives)
                places = _bare_places(gaz, v, name, k, ids, locative)
                # not read through a glued preposition either: `باولو` (Palu) is no `ب+اولو` (Oulu)
                if not (locative and (i, j) in named and not prefix.strip("و")):
                    places = tuple(p for p in places if not p.world_city)
                if rarely_named(name) and not any(named_at[q] for q in range(i, j)):
                    places = tuple(p for p in places if _major(p))  # أمان، عقبة، الخمس as words
                start_tok, head_kind = i, None
            if not places:
                i = j
                continue
            direction = j < hi and norms[j] in v.directions
            cands.append(_Cand(i, j + direction, start_tok, j + direction, prefix, head_kind, direction, places))
            i = j + direction
    # Country context: unambiguous names vote for their country.
    for c in cands:
        countries = {p.country for p in c.places}
        if len(countries) == 1:
            votes[next(iter(countries)) or ""] += 2 if c.places[0].feature == "country" else 1
    total = sum(votes.values()) or 1
    out: list[PlaceMention] = []
    for c in cands:
        best = c.places[0] if len(c.places) == 1 else max(c.places, key=lambda p: _score(p, c, votes, total))
        first = tokens[c.start_tok]
        start = first.start_after(c.prefix) if c.prefix else first.start
        end = tokens[c.end_tok - 1].end
        precision = PRECISION.get(best.feature, "point")
        if c.head in ("district", "region", "admin1") or c.direction:
            precision = "admin" if best.feature != "country" or c.head == "region" else precision
            if best.feature == "country" and (c.head == "region" or c.direction):
                precision = "admin"
        out.append(PlaceMention(start, end, doc.text[start:end], best.name_en, best.country, best.admin1,
                                best.lat, best.lon, precision, best.feature, best.geonames_id,
                                (c.start_tok, c.end_tok), best.source_id))
    return out


def _bare_places(gaz: Gazetteer, v: PlaceVocab, name: str, k: str, ids: tuple[int, ...],
                 locative: bool) -> tuple[Place, ...]:
    """The places a name without a head may be (none when it is not a place
    there). Depends only on the name (which fixes `k`, its first word as read,
    and `ids`) and on `locative`, so it is memoised per name: most candidate
    words (على، الامن، الحكومة…) are common words rejected again and again."""
    memo_key = (name, locative)
    hit = gaz.bare_memo.get(memo_key)
    if hit is None:
        hit = gaz.bare_memo[memo_key] = _bare_verdict(gaz, v, name, k, ids, locative)
    return hit


def _bare_verdict(gaz: Gazetteer, v: PlaceVocab, name: str, k: str, ids: tuple[int, ...],
                  locative: bool) -> tuple[Place, ...]:
    if name in v.not_place:
        return ()
    # a word read with و/ف that is commoner without it: وأن، فإن
    counts = word_counts()
    if k[:1] in "وف" and counts.get(k[1:], 0) > counts.get(k, 0):
        return ()
    # a small place, or one whose name is a common word, needs a locative context
    count = counts.get(name.replace(" ", ""), 0)
    return tuple(p for p in (gaz.places[i] for i in ids) if _plausible(p, count, locative))


def _major(p: Place) -> bool:
    """A country or a hand-curated place."""
    return p.feature == "country" or p.curated


def _minor(p: Place) -> bool:
    """A small locality or neighbourhood, not hand-curated."""
    return p.feature in MINOR_FEATURES and p.population < MINOR_POPULATION and not p.curated


def _plausible(p: Place, count: int, locative: bool) -> bool:
    """Whether a bare (head-less) name may be this place. `count` is the name's
    corpus frequency: a name far commoner than the place is big is a common word."""
    if p.curated or p.feature in ("country", "admin1"):
        return True  # adjective-like admin names (الداخلية، الشرقية) are in not_place
    ratio = 100 * count / max(p.population, 1)
    if ratio > COMMON_RATIO_REJECT:
        return False
    if _minor(p):
        return locative and count < RARE_WORD
    if ratio > COMMON_RATIO_LOCATIVE and p.feature != "admin1":
        return locative
    return True


def _score(p: Place, c: _Cand, votes: Counter, total: int) -> float:
    s = FEATURE_SCORE.get(p.feature, 1.0)
    if p.feature in ("locality", "admin2", "admin3", "facility"):
        s += 0.6 * math.log10(p.population + 1)
    if p.curated:
        s += 1.0
    if c.head == "admin1" and p.feature == "admin1":
        s += 3
    elif c.head == "locality" and p.feature == "locality":
        s += 2
    elif c.head in ("crossing", "base") and p.feature in ("crossing", "base"):
        s += 3
    if p.country in PERIPHERAL and p.feature != "country":
        s -= 1.5
    s += 4.0 * votes.get(p.country or "", 0) / total
    return s
