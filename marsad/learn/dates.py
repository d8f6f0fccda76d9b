"""The learned date of an event or a claim: a ranker over the days the article states and its own date.

Grounding dates an event by rule (a date in its clause, else in its sentence, else the last
day-precise date of an earlier sentence, else the article date). On the validation slice of the
annotated corpus the rule gave the gold day for 80 % of the matched events; of its misses, most
had the gold day elsewhere in the article — an earlier day than the last one stated (a story
about Thursday's raid told after Friday's statement), or a day stated only later (a lead
sentence dated by the paragraph after it). The ranker chooses among every day the article
states, the article date and grounding's own pick, with features of where each stands from the
event (`../shared/docs/annotation-guide.md`, *Dates*: the day of the act's occasion).

Claims are dated the same way (a statement's day: its own, or its occasion's — the press
conference every follow-on `وأضاف` shares); one ranker serves both, its features crossed with the
item's kind (the event's type, or CLAIM).

Runs after grounding (whose date mentions it reads, `doc.dates`) and before acts.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from datetime import date as Day

import numpy as np

from marsad.doc import Doc
from marsad.ground.dates import DateMention
from marsad.learn.linear import LinearModel
from marsad.types import Claim, DateValue, Event, GroundRules, evolve

SENTENCE_GAPS = (1, 2, 3, 5, 8)
CLAIM = "CLAIM"  # the kind of a claim (an event's is its type)


@dataclass(frozen=True, slots=True)
class DatedItem:
    """What the ranker reads of an event or a claim: its kind, its anchor (trigger or cue) and
    sentence, and grounding's date and how grounding found it."""

    kind: str
    anchor: int
    sentence: int
    date: DateValue | None
    hedged: bool
    rule_kind: str  # clause | sentence | narrative | article | none


def _rule_kind(rules: GroundRules | None) -> str:
    return (rules.date.split(":")[0] if rules is not None and rules.date else "none") or "none"


def event_item(e: Event) -> DatedItem:
    return DatedItem(e.type, e.trigger.start, e.sentence, e.date, e.hedged, _rule_kind(e.ground_rules))


def claim_item(c: Claim) -> DatedItem:
    return DatedItem(CLAIM, c.cue.start, c.sentence, c.date, False, _rule_kind(c.ground_rules))


@dataclass(frozen=True, slots=True)
class DateCandidate:
    value: str                       # YYYY-MM-DD
    precision: str                   # the precision grounding would give it
    mention: DateMention | None      # the mention of this day nearest to the event (None: the article date)
    count: int                       # how many mentions state this day
    sentence: int = -1               # the mention's sentence (DateIndex.sentence)


class DateIndex:
    """A document's day-precise date mentions by sentence, computed once per document."""

    def __init__(self, doc: Doc, dates: list[DateMention]):
        starts = [s.start for s in doc.sentences]
        self.mentions = sorted((d for d in dates if d.value and d.precision == "day" and len(d.value) == 10),
                               key=lambda d: d.start)
        self.sentence = [max(0, bisect_right(starts, d.start) - 1) for d in self.mentions]
        self.by_value: dict[str, list[int]] = {}
        for k, d in enumerate(self.mentions):
            self.by_value.setdefault(d.value, []).append(k)
        self.article = doc.date[:10] if doc.date and len(doc.date) >= 10 else None


def date_candidates(index: DateIndex, item: DatedItem) -> list[DateCandidate]:
    """Every day the article states (each by its mention nearest the item's anchor, a mention in
    the item's sentence first), the article date, and grounding's pick when it is a day; none when
    grounding dated the item to a month or a year from its own clause or sentence (في أبريل
    الماضي): the text gives no day, and a day chosen for it would be false precision."""
    if item.date is not None and item.date.precision in ("month", "year"):
        return []
    out: list[DateCandidate] = []
    anchor, s = item.anchor, item.sentence
    for value, ks in index.by_value.items():
        k = min(ks, key=lambda k: (index.sentence[k] != s, abs(index.sentence[k] - s),
                                   abs(index.mentions[k].start - anchor)))
        out.append(DateCandidate(value, "day", index.mentions[k], len(ks), index.sentence[k]))
    values = {c.value for c in out}
    if index.article and index.article not in values:
        out.append(DateCandidate(index.article, "day", None, 0))
        values.add(index.article)
    picked = item.date.value if item.date is not None else None
    if picked and len(picked) == 10 and picked not in values:
        out.append(DateCandidate(picked, item.date.precision, None, 0))
    return out


def _gap(n: int) -> str:
    return next((str(b) for b in SENTENCE_GAPS if n <= b), "far")


def _days(value: str, article: str | None) -> str:
    """The candidate's day against the article's: same, 1, 2–3, 4–7, 8–31 days before, older, after."""
    if not article:
        return "noref"
    try:
        delta = (Day.fromisoformat(article) - Day.fromisoformat(value)).days
    except ValueError:
        return "bad"
    if delta < 0:
        return "after"
    return "0" if delta == 0 else "1" if delta == 1 else "2-3" if delta <= 3 else "4-7" if delta <= 7 \
        else "8-31" if delta <= 31 else "older"


def date_features(doc: Doc, index: DateIndex, item: DatedItem, c: DateCandidate) -> list[str]:
    """Features of one day for one event or claim (shared by training and prediction)."""
    t, rule_kind = item.kind, item.rule_kind
    rule_value = item.date.value if item.date is not None else None
    days = _days(c.value, index.article)
    f = [f"days={days}", f"T={t}&days={days}"]
    if c.value == rule_value:
        f += ["rule_pick", f"rule_pick&kind={rule_kind}", f"T={t}&rule_pick&kind={rule_kind}"]
    if c.value == index.article:
        f += ["article_date", f"article_date&rule_kind={rule_kind}", f"T={t}&article_date"]
    m = c.mention
    if m is None:
        return f + ["no_mention", f"no_mention&rule_kind={rule_kind}"]
    k_sent, s = c.sentence, item.sentence
    if k_sent == s:
        where = "before_trigger" if m.end <= item.anchor else "after_trigger"
    elif k_sent < s:
        where = f"prev{_gap(s - k_sent)}"
        # another stated day between this one and the item (the narrative moved on)
        later = [v for v, ks in index.by_value.items() if v != c.value and
                 any(k_sent < index.sentence[k] <= s for k in ks)]
        f.append(f"overtaken={min(len(later), 2)}")
    else:
        where = f"next{_gap(k_sent - s)}"
    f += [f"where={where}", f"T={t}&where={where}", f"rule={m.rule}", f"where={where}&rule={m.rule}",
          f"count={min(c.count, 3)}", f"where={where}&rule_kind={rule_kind}"]
    if t == CLAIM:
        f += [f"claim&where={where}", f"claim&where={where}&rule={m.rule}"]
    if item.hedged:
        f.append(f"hedged&days={days}")
    if s == 0:
        f.append(f"lead&where={where}")
    return f


def _choose(doc: Doc, index: DateIndex, item: DatedItem, model: LinearModel) -> DateValue | None:
    """The ranker's day for the item, or None to keep grounding's."""
    cands = date_candidates(index, item)
    if not cands:
        return None
    best = cands[int(np.argmax(model.scores_many([date_features(doc, index, item, c) for c in cands])))]
    rule_value = item.date.value if item.date is not None else None
    return None if best.value == rule_value else DateValue(best.value, best.precision)


def predict_dates(doc: Doc, model: LinearModel) -> tuple[list[Event], list[Claim]]:
    """The document's events and claims with `date` chosen by the ranker among the article's days
    (`doc.dates`, grounding's); grounding's pick kept where the ranker has no candidate (no day in
    the text and no article date, or a month or year read in the item's clause)."""
    index = DateIndex(doc, doc.dates)

    def redated(items: list, item_of) -> list:
        out = []
        for x in items:
            day = _choose(doc, index, item_of(x), model)
            out.append(x if day is None else evolve(x, date=day))
        return out

    return redated(doc.events, event_item), redated(doc.claims, claim_item)
