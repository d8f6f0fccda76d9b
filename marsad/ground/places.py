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

Each name the gazetteer matches is judged by PLACE_RULES, in order:
nationality-adjective, person-name (not a place), head, nationality-head,
common-word-after-head, world-city-after-head, area-noun-common-word (after
a head), locative, bare-name, world-city-bare, rarely-named (without one),
no-place, direction. A place's `rule` is the names of those that fired on
it, joined by ":" (`head:direction`, `locative:bare-name`).
"""
from __future__ import annotations

import gzip
import math
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field, fields
from functools import cache

import numpy as np

from marsad import rules
from marsad.doc import Doc
from marsad.ground._text import key, split_forms
from marsad.ground.place_words import PlaceVocab, head_before, may_end_head, place_vocab, prefix_of
from marsad.ground.place_words import rarely_named as is_rarely_named
from marsad.resources import path, read_tsv
from marsad.cache import cached
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
    rule: str = field(default="", compare=False)  # the place rules that fired on it (debug, not in `to_location`)

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

    def __init__(self, places: list[Place],
                 index: dict[str, list[tuple[int, dict[tuple[str, ...], tuple[int, ...]]]]]):
        self.places = places
        # first word -> [(number of further words, {further words: place ids})], longest first
        self.index = index
        self.first_words = _FirstWords(self)
        self.bare_memo: dict[tuple[str, bool], tuple[Place, ...]] = {}  # see _bare_places

    @classmethod
    def from_names(cls, places: list[Place], names: list[tuple[str, int]]) -> Gazetteer:
        """Index (folded name, place id) pairs by first word."""
        # first word -> [(further words, place ids)], longest first
        index: dict[str, dict[tuple[str, ...], list[int]]] = {}
        for name, pid in names:
            words = tuple(name.split())
            if not words or len(words) > MAX_NAME_WORDS:
                continue
            ids = index.setdefault(words[0], {}).setdefault(words[1:], [])
            if pid not in ids:
                ids.append(pid)
        by_first: dict[str, list[tuple[int, dict[tuple[str, ...], tuple[int, ...]]]]] = {}
        for w, d in index.items():
            by_len: dict[int, dict[tuple[str, ...], tuple[int, ...]]] = {}
            for rest, ids in d.items():
                by_len.setdefault(len(rest), {})[rest] = tuple(ids)
            by_first[w] = sorted(by_len.items(), reverse=True)
        return cls(places, by_first)

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
        """The shipped gazetteer, read from Marsad's binary cache when it was built before
        (marsad.cache): parsing and indexing the TSV costs ~0.7 s a start-up."""
        return cached("gazetteer", cls.build, _gazetteer_tables, _gazetteer_from_tables)

    @classmethod
    def build(cls) -> Gazetteer:
        """The gazetteer from resources/gazetteer.tsv.gz and places_curated.tsv."""
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
        return cls.from_names(places, names)


def _gazetteer_tables(gaz: Gazetteer) -> tuple[list[tuple], dict]:
    """The gazetteer as plain data for the cache: each place's fields, and the index."""
    names = [f.name for f in fields(Place)]
    return [tuple(getattr(p, f) for f in names) for p in gaz.places], gaz.index


def _gazetteer_from_tables(tables: tuple[list[tuple], dict]) -> Gazetteer:
    rows, index = tables
    return Gazetteer([Place(*row) for row in rows], index)


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
    rule: str = ""  # the place rules that fired on it, joined by ":"


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
    scan = _PlaceScan(gaz, v, tokens, norms, named, named_at, nisbas, nisba_ends, person_tokens)
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
            st = rules.run(PLACE_RULES, _PlaceState(scan, lo, hi, i, *hit))
            if st.stop:
                i = st.j
                continue
            end = st.j + st.direction
            cands.append(_Cand(i, end, st.start_tok, end, st.prefix, st.head_kind, st.direction, st.places,
                               ":".join(st.fired)))
            i = end
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
                                (c.start_tok, c.end_tok), best.source_id, c.rule))
    return out


@dataclass(eq=False)
class _PlaceScan:
    """The article the place rules read."""

    gaz: Gazetteer
    v: PlaceVocab
    tokens: list[Token]
    norms: list[str]
    named: set[tuple[int, int]]  # token ranges the tagger or the actor base names as places
    named_at: list[bool]  # per token: inside one of `named`
    nisbas: set[tuple[int, int]]  # token ranges of nationality adjectives (NORP)
    nisba_ends: dict[int, int]  # their end -> start
    person_tokens: set[int]  # tokens inside a person mention


@dataclass(eq=False)
class _PlaceState:
    """A gazetteer name found at tokens [i, j) of the sentence [lo, hi),
    read as `k` (its first word without clitics), naming the places `ids`.
    The place rules find its head or decide it stands bare, narrow its
    places (none left: not a place) and extend it over a direction."""

    scan: _PlaceScan
    lo: int
    hi: int
    i: int
    j: int
    k: str
    ids: tuple[int, ...]
    head: tuple[int, str, str] | None = None  # (first token, kind, stripped prefix) of the head before it
    head_kind: str | None = None
    start_tok: int = 0
    prefix: str = ""  # proclitics stripped from the span's first token
    locative: bool = False
    places: tuple[Place, ...] = ()
    direction: bool = False
    fired: list[str] = field(default_factory=list)
    stop: bool = False

    @property
    def name(self) -> str:
        norms = self.scan.norms
        return self.k if self.j == self.i + 1 else " ".join([self.k, *norms[self.i + 1:self.j]])

    def tagged(self) -> bool:
        """Whether the tagger or the actor base names a place in the span."""
        return any(self.scan.named_at[q] for q in range(self.i, self.j))

    def narrow(self, keep) -> bool:
        """Keep the places `keep` accepts; whether any was dropped."""
        kept = tuple(p for p in self.places if keep(p))
        dropped, self.places = len(kept) < len(self.places), kept
        return dropped


def nationality_adjective(st: _PlaceState) -> bool:
    """العاصمة الروسية: a nationality adjective is no village called الروسية (rejected)."""
    st.stop = (st.i, st.j) in st.scan.nisbas
    return st.stop


def person_name(st: _PlaceState) -> bool:
    """part of a person's name is no place, unless a country, a province, a
    curated or a big place (محافظ صعدة، ولي العهد القاهرة) (rejected)."""
    scan = st.scan
    if scan.person_tokens and not scan.person_tokens.isdisjoint(range(st.i, st.j)) and not any(
            scan.gaz.places[p].feature in ("country", "admin1") or scan.gaz.places[p].curated
            or scan.gaz.places[p].population >= PER_PLACE_MIN for p in st.ids):
        st.stop = True
        return True
    return False


def head(st: _PlaceState) -> bool:
    """ريف حلب، معبر التنف، مدينة الرقة: a generic head before the name,
    kept in the span but not looked up."""
    st.head = head_before(st.scan.v, st.scan.tokens, st.i, st.lo)
    return st.head is not None


def nationality_head(st: _PlaceState) -> bool:
    """العاصمة الروسية موسكو: a head with its nationality before the name."""
    nisba_start = st.scan.nisba_ends.get(st.i)
    if st.head is None and nisba_start is not None:
        st.head = head_before(st.scan.v, st.scan.tokens, nisba_start, st.lo)
        return st.head is not None
    return False


def common_word_after_head(st: _PlaceState) -> bool:
    """شمال البلاد، مركز مديرية: a direction or an area noun before a common
    word is no place name (rejected)."""
    if st.head is None:
        return False
    name, v = st.name, st.scan.v
    if name in v.never_name or name in v.not_place and st.head[1] in ("region", "district"):
        st.stop = True
        return True
    st.places = tuple(st.scan.gaz.places[p] for p in st.ids)
    st.start_tok, st.head_kind, st.prefix = st.head
    return False


def world_city_after_head(st: _PlaceState) -> bool:
    """a city outside the Middle East counts only after a city head (مدينة،
    العاصمة), not after a region or a crossing."""
    return st.head is not None and st.head_kind != "locality" and st.narrow(lambda p: not p.world_city)


def area_noun_common_word(st: _PlaceState) -> bool:
    """مركز الشرطة، منطقة الشرق الأوسط: after an area noun (منطقة، مركز،
    محيط) a common word the tagger did not take for a name is a phrase, not a
    village: small places are dropped."""
    if st.head is not None and st.head_kind == "district" and not st.tagged() and (
            word_counts().get(st.name.replace(" ", ""), 0) >= COMMON_AFTER_AREA_NOUN):
        return st.narrow(lambda p: not _minor(p))
    return False


def locative(st: _PlaceState) -> bool:
    """بالرقة، في الرقة: a preposition glued to a bare name or before it."""
    if st.head is not None:
        return False
    scan, i = st.scan, st.i
    st.prefix = prefix_of(scan.tokens[i].light, st.k)
    st.locative = bool(st.prefix.strip("وف")) or (i > st.lo and scan.norms[i - 1] in scan.v.locatives)
    return st.locative


def bare_name(st: _PlaceState) -> bool:
    """الرقة، دمشق: a name with no head counts where it is plausible (a small
    place or a name that is a common word needs a locative; see `_plausible`)."""
    if st.head is not None:
        return False
    st.places = _bare_places(st.scan.gaz, st.scan.v, st.name, st.k, st.ids, st.locative)
    st.start_tok, st.head_kind = st.i, None
    return True


def world_city_bare(st: _PlaceState) -> bool:
    """في لندن: a bare city outside the Middle East counts only where a
    locative word introduces a name the tagger found (not read through a
    glued preposition either: `باولو` (Palu) is no `ب+اولو` (Oulu))."""
    if st.head is not None or st.locative and (st.i, st.j) in st.scan.named and not st.prefix.strip("و"):
        return False
    return st.narrow(lambda p: not p.world_city)


def rarely_named(st: _PlaceState) -> bool:
    """أمان، عقبة، الخمس: a name the news mostly uses as a word counts only
    as a country or a curated place, unless the tagger marks it."""
    if st.head is None and is_rarely_named(st.name) and not st.tagged():
        return st.narrow(_major)
    return False


def no_place(st: _PlaceState) -> bool:
    """No plausible place is left (rejected)."""
    st.stop = not st.places
    return st.stop


def direction(st: _PlaceState) -> bool:
    """ريف حلب الشمالي: a direction adjective after the name is kept in the span."""
    st.direction = st.j < st.hi and st.scan.norms[st.j] in st.scan.v.directions
    return st.direction


PLACE_RULES = rules.table(
    nationality_adjective, person_name,
    head, nationality_head, common_word_after_head, world_city_after_head, area_noun_common_word,
    locative, bare_name, world_city_bare, rarely_named,
    no_place, direction,
)


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
