"""The grounding stage: dates, counts and places for every event and claim.

Attachment (issue #3):
- date: a date expression in the item's clause (for a claim, the cue's clause),
  else one in its sentence outside any other claim's content and outside a
  relative clause after the item (`دعا … إلى دعم الخطة التي طرحها في فبراير`:
  February dates the plan, not the call), else the article date with
  precision `day` (`unknown` when the article has no date);
- quantities: for a claim those in its content span, for an event those in
  the trigger's clause;
- location (events): the most specific place in the clause, else in the
  sentence, else the article's dominant place (the most mentioned one);
  a place that is the event's source or target (اتهم روسيا الولايات المتحدة)
  is an actor there, not the venue, unless the act is physical and the
  place its target (استهدفت الهجمات المملكة العربية السعودية).
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict

from marsad.doc import Doc
from marsad.ground.dates import DateMention, anchor_kind, find_dates
from marsad.ground.offsets import ByStart
from marsad.ground.places import PlaceMention, find_places
from marsad.ground.quantities import QuantityMention, find_quantities, may_start
from marsad.grammar.words import RELATIVES
from marsad.text.formtable import FormTable
from marsad.types import DateValue, GroundRules, Place, Quantity, evolve

PRECISION_RANK = {"day": 0, "month": 1, "year": 2, "unknown": 3}
PLACE_RANK = {"point": 0, "admin": 1, "country": 2}
WEAK_RULES = ("year",)
# Only the story's own day words carry over to later sentences ("الأربعاء"،
# "أمس"); "قبل ثلاثة أسابيع" or an explicit date dates one statement only.
CARRIED_RULES = frozenset({"weekday", "relday"})  # "منذ 2011": background, used only inside the item's own clause
PLACE_TARGET_TYPES = frozenset({"ASSAULT", "COERCE"})  # acts done at their target (قصفت … غزة)


class Grounder:
    name = "grounding"
    requires = ("tokens", "sentences", "mentions", "claims", "events")
    provides = ("places", "dates")
    rewrites = ("claims", "events", "mentions")  # their dates, counts and places

    def __init__(self) -> None:
        # which words may be part of a date, start a count
        self.date_words = FormTable(lambda t: anchor_kind(t.norm))
        self.count_words = FormTable(lambda t: may_start(t.norm))
        self.relative_words = FormTable(lambda t: t.norm in RELATIVES)

    def __call__(self, doc: Doc) -> Doc:
        words = [(t.start, t.end, t.norm) for t in doc.tokens if t.norm]
        # positions in `words` are token positions unless a token folds to nothing
        whole = len(words) == len(doc.tokens)
        dates = doc.dates = find_dates(doc.text, doc.date, words, self.date_words.positions(doc) if whole else None)
        quants = find_quantities(doc.text, [(d.start, d.end) for d in dates], words,
                                 self.count_words.positions(doc) if whole else None)
        places = doc.places = find_places(doc)
        doc_date = DateValue(doc.date, "day") if doc.date else DateValue(None, "unknown")
        dominant = dominant_place(places)
        # every lookup below is by offset in the sorted spans, never a scan of the document's list
        dated, counted, placed = ByStart(dates), ByStart(quants), ByStart(places)
        narrative = _Narrative(dates)
        starts = [s.start for s in doc.sentences]
        relatives = [doc.tokens[i].start for i in self.relative_words.positions(doc)]

        def after_relative(anchor: int, d: DateMention) -> bool:
            """Whether a relative pronoun stands between the item at `anchor` and the later date `d`."""
            k = bisect_right(relatives, anchor)
            return k < len(relatives) and relatives[k] < d.start

        def clause_span(s_i: int, offset: int) -> tuple[int, int]:
            sent = doc.sentences[s_i]
            for a, b in sent.clauses:
                ca, cb = doc.tokens[a].start, doc.tokens[b - 1].end
                if ca <= offset < cb + 1:
                    return ca, cb
            return sent.start, sent.end

        def sentence_of(offset: int) -> int:
            return max(0, bisect_right(starts, offset) - 1)

        def carried(s_i: int) -> tuple[DateValue, str]:
            """The narrative date: the last day-precise date stated in an earlier
            sentence (a story told on "Tuesday" stays on Tuesday), else the article
            date; with the rule that gave it."""
            before = narrative.last_before(doc.sentences[s_i].start)
            if before is not None and doc.date:
                return DateValue(before.value, "day"), "narrative:" + before.rule
            return doc_date, "article"

        claims = []
        for c in doc.claims:
            sent = doc.sentences[c.sentence]
            cl = clause_span(c.sentence, c.cue.start)
            pick, where = _pick_date(dated.starting_in(*cl), cl, c.cue.start), "clause"
            if pick is None:
                pick, where = _pick_date(
                    [d for d in dated.starting_in(sent.start, sent.end)
                     if not (c.content[0] <= d.start < c.content[1]) and not after_relative(c.cue.start, d)],
                    (sent.start, sent.end), c.cue.start, strong_only=True), "sentence"
            date, date_rule = (DateValue(pick.value, pick.precision), f"{where}:{pick.rule}") if pick \
                else carried(c.sentence)
            qs = _quantities_in(counted, c.content)
            claims.append(evolve(c, date=date, quantities=qs,
                                 ground_rules=GroundRules(date_rule, _count_rules(counted, c.content))))
        doc.claims = claims

        contents_of: dict[int, list[tuple[int, int]]] = defaultdict(list)  # sentence -> its claims' contents
        for c in claims:
            contents_of[c.sentence].append(c.content)
        venues_of: dict[int, list[PlaceMention]] = {}  # sentence -> its places
        events = []
        for e in doc.events:
            s_i = e.sentence if e.sentence < len(doc.sentences) else sentence_of(e.trigger.start)
            sent = doc.sentences[s_i]
            cl = clause_span(s_i, e.trigger.start)
            pick, where = _pick_date(dated.starting_in(*cl), cl, e.trigger.start), "clause"
            if pick is None and dates:
                where = "sentence"
                other_content = [(a, b) for a, b in contents_of.get(s_i, ()) if not (a <= e.trigger.start < b)]
                pool = [d for d in dated.starting_in(sent.start, sent.end)
                        if not any(a <= d.start < b for a, b in other_content)
                        and not after_relative(e.trigger.start, d)]
                pick = _pick_date(pool, (sent.start, sent.end), e.trigger.start, strong_only=True)
            date, date_rule = (DateValue(pick.value, pick.precision), f"{where}:{pick.rule}") if pick \
                else carried(s_i)
            qs = _quantities_in(counted, cl)
            in_sentence = venues_of.get(s_i)
            if in_sentence is None:
                in_sentence = venues_of[s_i] = placed.starting_in(sent.start, sent.end)
            # a place that acts, or is accused, met… is an actor there; a place struck or raided is the venue too
            actors = (e.source,) if e.type in PLACE_TARGET_TYPES else (e.source, e.target)
            roles = [(m.start, m.end) for m in actors if m is not None]
            venues = [p for p in in_sentence if not any(a < p.end and p.start < b for a, b in roles)]
            place, place_rule = _venue(venues, cl, (sent.start, sent.end), e.trigger.start, dominant)
            events.append(evolve(e, date=date, quantities=qs,
                                   location=_place(place) if place else None,
                                   ground_rules=GroundRules(date_rule, _count_rules(counted, cl), place_rule)))
        doc.events = events
        doc.mentions = _place_mentions(doc.mentions, placed)
        return doc


def _quantities_in(quants: ByStart[QuantityMention], span: tuple[int, int]) -> tuple[Quantity, ...]:
    """The counts inside `span`."""
    if not quants:
        return ()
    return tuple(q.to_quantity() for q in quants.inside(*span))


def _count_rules(quants: ByStart[QuantityMention], span: tuple[int, int]) -> tuple[str, ...]:
    """The rules of the counts inside `span` (those `_quantities_in` gives), for `--explain`."""
    return tuple(q.rule for q in quants.inside(*span)) if quants else ()


class _Narrative:
    """The dates a later sentence may carry over (CARRIED_RULES, day-precise),
    answering "the last one in the list that starts before offset x" by bisect."""

    def __init__(self, dates: list[DateMention]) -> None:
        kept = [(d.start, i) for i, d in enumerate(dates)
                if d.precision == "day" and d.rule.split(":")[0] in CARRIED_RULES]
        kept.sort()
        self._dates = dates
        self._starts = [start for start, _ in kept]
        self._latest: list[int] = []  # the highest list index among the first k+1 by start
        for _, i in kept:
            self._latest.append(max(i, self._latest[-1]) if self._latest else i)

    def last_before(self, offset: int) -> DateMention | None:
        k = bisect_left(self._starts, offset)
        return self._dates[self._latest[k - 1]] if k else None


PLACE_LABELS = frozenset({"GPE", "LOC"})


def _place_mentions(mentions: list, places: ByStart[PlaceMention]) -> list:
    """Give GPE/LOC entity mentions the place they name (`الرقة` → Raqqa)."""
    if not places:
        return mentions
    out = []
    for m in mentions:
        if m.label in PLACE_LABELS:
            hit = next(iter(places.overlapping(m.start, m.end)), None)
            if hit is not None:
                m = evolve(m, place=_place(hit))
        out.append(m)
    return out


def _pick_date(dates: list[DateMention], span: tuple[int, int], anchor: int,
               strong_only: bool = False) -> DateMention | None:
    inside = [d for d in dates if span[0] <= d.start < span[1] and d.value is not None or
              span[0] <= d.start < span[1] and d.precision == "unknown"]
    if strong_only:
        inside = [d for d in inside if d.rule not in WEAK_RULES]
    if not inside:
        return None
    return min(inside, key=lambda d: (PRECISION_RANK[d.precision], d.rule in WEAK_RULES, abs(d.start - anchor)))


def _pick_place(places: list[PlaceMention], span: tuple[int, int], anchor: int) -> PlaceMention | None:
    inside = [p for p in places if span[0] <= p.start < span[1]]
    if not inside:
        return None
    return min(inside, key=lambda p: (PLACE_RANK.get(p.precision, 3), abs(p.start - anchor)))


def _venue(venues: list[PlaceMention], clause: tuple[int, int], sentence: tuple[int, int], anchor: int,
           dominant: PlaceMention | None) -> tuple[PlaceMention | None, str]:
    """The event's place: the most specific one in its clause, else in its
    sentence, else the article's dominant place; with the rule that gave it."""
    for where, span in (("clause", clause), ("sentence", sentence)):
        place = _pick_place(venues, span, anchor)
        if place is not None:
            return place, f"{where}:{place.rule}"
    return dominant, f"dominant:{dominant.rule}" if dominant else ""


def dominant_place(places: list[PlaceMention]) -> PlaceMention | None:
    """The article's most mentioned place (by English name); the first mention wins ties."""
    if not places:
        return None
    counts = Counter((p.name_en, p.country) for p in places)
    best = max(counts.values())
    return next(p for p in places if counts[(p.name_en, p.country)] == best)


def _place(p: PlaceMention) -> Place:
    return p.to_place()
