"""The typed records Marsad builds. Every span is `[start, end)` into the raw text.

Records are frozen dataclasses: a stage makes new ones rather than editing old
ones, and `to_dict()` turns each into the output-contract shape.
"""
from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field, fields
from datetime import date
from functools import cache, lru_cache
from operator import attrgetter

# Mention rules whose span is a title or head; without a `name` span they hold no personal name.
TITLE_RULES = frozenset({"head", "title+name", "head+name", "short-form"})


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of the raw article text."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True)
class Word:
    """One clitic-split unit of a token (Stanza's Word): `و+ب+الولايات`.

    `role` is `prefix`, `stem` or `suffix`; offsets are raw, so a clitic maps
    back to its own characters.
    """

    start: int
    end: int
    text: str
    role: str


class WordForm:
    """What stages learn about one surface form, shared by all its tokens.

    The tokenizer keeps one per form it has seen and numbers them (`id` 1, 2,
    … within its current table; 0 for a form it does not keep), so a stage
    can hold a value per form in an array (text.formtable.FormTable) and read
    a document's values in one gather. Facts that are not numbers sit in
    `facts`, each stage's under a key object of its own. Either way a word is
    looked up once, not once per token and stage in a large memo keyed by
    string (a cache miss each).
    """

    __slots__ = ("id", "facts")

    def __init__(self, id: int = 0) -> None:  # noqa: A002 - the form's number
        self.id = id
        self.facts: dict[object, object] = {}


@dataclass(slots=True)  # not frozen: built ~700k times a second, and frozen init is twice as slow
class Token:
    """A surface token: a word, a number or one punctuation mark.

    `norm` is the folded form used for matching (see text.normalize.fold),
    `light` the light fold (ة kept) that clitic analysis works on; `stem` is
    `light` without clitics and `prefix`/`suffix` the clitics, so that
    `prefix + stem + suffix == light`; `key` is `stem` folded for matching.
    """

    i: int
    start: int
    end: int
    text: str
    norm: str
    light: str
    prefix: str = ""
    stem: str = ""
    suffix: str = ""
    is_word: bool = True
    hashtag: bool = False
    key: str = ""
    form: WordForm = field(default_factory=WordForm, compare=False, repr=False)

    def reads_as(self, words: AbstractSet[str]) -> bool:
        """Whether the word, whole or read without its clitics, is one of the folded `words`."""
        return self.norm in words or self.key in words

    def start_after(self, prefix: str) -> int:
        """Raw offset where the token continues after the folded `prefix`."""
        if not prefix:
            return self.start
        return self.start + _raw_cuts(self.text, (len(prefix),))[0]

    def words(self) -> tuple[Word, ...]:
        """The token split into clitics and stem, each with raw offsets."""
        if not self.prefix and not self.suffix:
            return (Word(self.start, self.end, self.text, "stem"),)
        cuts = _raw_cuts(self.text, (len(self.prefix), len(self.light) - len(self.suffix)))
        bounds = [0, *cuts, len(self.text)]
        roles = ["prefix", "stem", "suffix"]
        out = []
        for k in range(3):
            a, b = bounds[k], bounds[k + 1]
            if a < b:
                out.append(Word(self.start + a, self.start + b, self.text[a:b], roles[k]))
        return tuple(out)


@lru_cache(maxsize=100_000)  # a pure function of a word form, asked again for each of its tokens
def _raw_cuts(raw: str, folded_cuts: tuple[int, ...]) -> tuple[int, ...]:
    """Map cut points in a token's folded form back to its raw characters.

    Folding only deletes characters (diacritics, tatweel, hashtag marks) or
    maps one character to one, so walking the raw token suffices.
    """
    from marsad.text.normalize import fold_char

    cuts: list[int] = []
    kept = 0
    targets = list(folded_cuts)
    for pos, ch in enumerate(raw):
        if not fold_char(ch):
            continue  # a diacritic stays with the letter before it
        while targets and kept == targets[0]:
            cuts.append(pos)
            targets.pop(0)
        kept += 1
    cuts.extend(len(raw) for _ in targets)
    return tuple(cuts)


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence: its raw span, its token range and the token ranges of its clauses."""

    start: int
    end: int
    tokens: tuple[int, int]  # token index range [first, last)
    clauses: tuple[tuple[int, int], ...] = ()  # token index ranges

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Actor:
    """Who a mention resolves to: an actor-base `id` (None for a person it does not know), the
    English name, ISO3 `country` and `sector` (GOV, MIL, REB …)."""

    id: str | None
    name_en: str
    country: str | None
    sector: str | None

    def to_dict(self) -> dict:
        return {"id": self.id, "name_en": self.name_en, "country": self.country, "sector": self.sector}


@dataclass(frozen=True, slots=True)
class Place:
    """A place a span names, resolved in the gazetteer: an event's `location`, a GPE/LOC mention's `place`."""

    start: int
    end: int
    text: str
    name_en: str
    country: str | None
    lat: float
    lon: float
    precision: str  # point | admin | country

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text, "name_en": self.name_en,
                "country": self.country, "lat": self.lat, "lon": self.lon, "precision": self.precision}


@dataclass(frozen=True, slots=True)
class Quantity:
    """A count in the text (`أكثر من 30 مسلحا`): `value` with its `comparator`, `unit` and what it
    counts (`of`); a vague count (عشرات) has no value but an `order` of magnitude."""

    start: int
    end: int
    text: str
    value: int | float | None
    comparator: str
    unit: str | None
    of: str | None
    order: int | None = None

    def to_dict(self) -> dict:
        out = {"value": self.value, "comparator": self.comparator, "unit": self.unit, "of": self.of,
               "start": self.start, "end": self.end, "text": self.text}
        if self.value is None:
            out["order"] = self.order
        return out


@dataclass(frozen=True, slots=True)
class Mention:
    """An entity mention: a span, its label and the actor it resolves to."""

    start: int
    end: int
    text: str
    label: str
    tokens: tuple[int, int]
    actor: Actor | None = None
    rule: str = ""
    place: Place | None = None  # the place a GPE/LOC mention names (set by grounding)
    cluster: int | None = None  # index of the first mention of the same entity (set by coreference)
    name: tuple[int, int] | None = None  # raw span of the person's own name (الوزير السابق [محمد شطح])
    name_en: str | None = None  # the romanised person_name() (set by the `names` stage)

    def person_name(self) -> str | None:
        """The Arabic name of an unlinked person, if the mention holds one."""
        if self.label != "PER" or self.actor is not None and self.actor.id:
            return None
        if self.name:
            return self.text[self.name[0] - self.start:self.name[1] - self.start]
        return None if self.rule in TITLE_RULES else self.text

    def to_dict(self) -> dict:
        out = {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "label": self.label,
            "actor": self.actor.to_dict() if self.actor else None,
            "place": self.place.to_dict() if self.place else None,
            "cluster": self.cluster,
        }
        if self.person_name():  # a linked entity has actor.name_en; an unknown person its romanisation
            out["name_en"] = self.name_en
        return out

    def role_dict(self) -> dict:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "actor": self.actor.to_dict() if self.actor else None,
        }


@dataclass(frozen=True, slots=True)
class NerSpan:
    """A name the statistical tagger found (marsad.ner): span without clitics, label
    PER ORG LOC GPE MISC, token range."""

    start: int
    end: int
    text: str
    label: str
    tokens: tuple[int, int]

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text, "label": self.label}


@dataclass(frozen=True, slots=True)
class DateValue:
    """When an event or claim happened: `value` YYYY-MM-DD, YYYY-MM or YYYY, and its precision."""

    value: str | None
    precision: str  # day | month | year | unknown

    def to_dict(self) -> dict:
        return {"value": self.value, "precision": self.precision}


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who reports an event: the speaker (None when unnamed) and the cue (قال، أعلن) of the claim it sits in."""

    speaker: Mention | None
    cue: Span

    def to_dict(self) -> dict:
        return {"speaker": self.speaker.role_dict() if self.speaker else None, "cue": self.cue.to_dict()}


@dataclass(frozen=True, slots=True)
class GroundRules:
    """Which grounding rules gave an item its date, each of its counts and its
    place (e.g. `clause:weekday`, `digits:unit`, `sentence:head`): a debug
    field, printed by `marsad extract --explain`, not part of the contract."""

    date: str = ""
    quantities: tuple[str, ...] = ()
    location: str = ""


@dataclass(frozen=True, slots=True)
class Event:
    """A PLOVER event: its `type` and `mode`, the `trigger` word, `source` and `target` mentions,
    the `evidence` span (a sentence) and the grounding's `date`, `location` and `quantities`;
    `negated`/`hedged` for its modality, `attribution` when someone reports it, and `rule`, the
    rule that produced it (not in the record)."""

    type: str
    trigger: Span
    source: Mention | None
    target: Mention | None
    evidence: tuple[int, int]
    sentence: int
    mode: str | None = None
    negated: bool = False
    hedged: bool = False
    attribution: Attribution | None = None
    date: DateValue = DateValue(None, "unknown")
    location: Place | None = None
    quantities: tuple[Quantity, ...] = ()
    confidence: float = 0.5
    rule: str = ""  # the rule string of the role rules (events/roles.py), e.g. `verb:svo:issued`
    act: int | None = None  # index of the first event of the same act in the article (events/acts.py)
    # debug, not in the contract (`--explain`): the role rules and passes that fired, in order,
    # and the grounding rules
    trace: tuple[str, ...] = field(default=(), compare=False)
    ground_rules: GroundRules = field(default=GroundRules(), compare=False)

    def to_dict(self) -> dict:
        return {
            "type": self.type,
            "mode": self.mode,
            "trigger": self.trigger.to_dict(),
            "source": self.source.role_dict() if self.source else None,
            "target": self.target.role_dict() if self.target else None,
            "location": self.location.to_dict() if self.location else None,
            "date": self.date.to_dict(),
            "quantities": [q.to_dict() for q in self.quantities],
            "negated": self.negated,
            "hedged": self.hedged,
            "attribution": self.attribution.to_dict() if self.attribution else None,
            "evidence": {"start": self.evidence[0], "end": self.evidence[1]},
            "confidence": round(self.confidence, 2),
            "act": self.act,
        }


@dataclass(frozen=True, slots=True)
class Claim:
    """Something someone says: the `speaker` mention, the `cue` (قال، أعلن), the `content` span
    (`direct` for a quotation), its `date` and the `quantities` in the content."""

    speaker: Mention | None
    cue: Span
    content: tuple[int, int]
    sentence: int
    direct: bool = False
    date: DateValue = DateValue(None, "unknown")
    quantities: tuple[Quantity, ...] = ()
    rule: str = ""
    ground_rules: GroundRules = field(default=GroundRules(), compare=False)  # debug (`--explain`)

    def to_dict(self) -> dict:
        return {
            "speaker": self.speaker.role_dict() if self.speaker else None,
            "cue": self.cue.to_dict(),
            "content": {"start": self.content[0], "end": self.content[1]},
            "direct": self.direct,
            "date": self.date.to_dict(),
            "quantities": [q.to_dict() for q in self.quantities],
        }


# Article dates outside these years are placeholders or typos (0001-01-01, 9999-12-31): relative
# dates (أمس، الأربعاء) are not resolved against them.
MIN_YEAR, MAX_YEAR = 1800, 2200
PERIOD_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
PERIOD_PRECISIONS = ("year", "month", "day")


def period_precision(value: str) -> str:
    """The precision of a period written YYYY, YYYY-MM or YYYY-MM-DD (a query bound, a reviewer's
    date); a ValueError says what is wrong with any other value.

    >>> period_precision("2018-03")
    'month'
    """
    m = PERIOD_RE.match(value)
    if not m:
        raise ValueError("not a date YYYY-MM-DD, YYYY-MM or YYYY")
    year, month, day = m.groups()
    try:
        date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        raise ValueError("not a real date") from None
    if not MIN_YEAR <= int(year) <= MAX_YEAR:
        raise ValueError(f"outside the years {MIN_YEAR}-{MAX_YEAR}")
    return PERIOD_PRECISIONS[sum(1 for g in m.groups() if g) - 1]


@dataclass(frozen=True, slots=True)
class ArticleInput:
    """An article as read, before any processing."""

    id: str | None
    title: str
    text: str
    date: str | None = None
    source: str | None = None
    url: str | None = None
    origin: str = ""  # file (and line) it came from, for error messages
    extra: dict = field(default_factory=dict)
    # What reading it had to do, as `FILE:LINE: message` (a bad byte replaced by U+FFFD, a line
    # read in another encoding); `marsad extract` and `ingest` print each as `warning: ...`.
    warnings: tuple[str, ...] = ()


@cache
def _copy_plan(cls: type) -> tuple[attrgetter, tuple, dict[str, object]]:
    """(getter of a record type's fields in order, their slot setters, field
    name -> its setter): `evolve` fills a new object's slots directly, which
    skips the frozen `__init__`'s checked `__setattr__` per field."""
    names = [f.name for f in fields(cls)]
    assert all(f.init for f in fields(cls)) and "__slots__" in cls.__dict__ and not hasattr(cls, "__post_init__"), cls
    setters = tuple(cls.__dict__[n].__set__ for n in names)
    return attrgetter(*names), setters, dict(zip(names, setters))


def evolve(obj, **changes):
    """`dataclasses.replace` for the frozen slotted record types, without its
    per-call walk over the fields and the frozen `__init__` (~5 µs an item,
    which showed in the profiles)."""
    getter, setters, setter_of = _copy_plan(type(obj))
    new = object.__new__(type(obj))
    for setter, value in zip(setters, getter(obj)):
        setter(new, value)
    for name, value in changes.items():
        setter_of[name](new, value)  # type: ignore[operator]
    return new
