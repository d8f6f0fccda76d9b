"""The learned place of an event: a ranker over the places of its sentence, the sentence before,
the article's dominant place, and "none" (the annotation guide: `null` when the sentence and its
context do not say where; a speaker's location or the dateline is not the event's place).

Runs after grounding; candidates are grounding's own `find_places` mentions.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

import numpy as np

from marsad.doc import Doc
from marsad.ground.places import PlaceMention, find_places
from marsad.ground.stage import dominant_place
from marsad.learn.features import _bucket, word_clusters
from marsad.learn.linear import LinearModel
from marsad.types import Event

GAP_CHARS = 300
DISTANCE_FAR = 1_000

PLACE_PREPS = {"في": "in", "ب": "in", "قرب": "near", "على": "on", "من": "from", "الى": "to", "داخل": "in",
               "شمال": "dir", "جنوب": "dir", "شرق": "dir", "غرب": "dir", "وسط": "in", "ريف": "dir"}


@dataclass(frozen=True, slots=True)
class PlaceCandidate:
    place: PlaceMention | None
    where: str  # sentence | previous | dominant | none


class PlaceIndex:
    """A document's places by start offset (bisect) and its dominant place, computed once."""

    def __init__(self, places: list[PlaceMention]):
        self.places = sorted(places, key=lambda p: p.start)
        self.starts = [p.start for p in self.places]
        self.dominant = dominant_place(places)

    def starting_in(self, a: int, b: int) -> list[PlaceMention]:
        return self.places[bisect_left(self.starts, a):bisect_left(self.starts, b)]


def place_candidates(doc: Doc, index: PlaceIndex, e: Event) -> list[PlaceCandidate]:
    out = [PlaceCandidate(None, "none")]
    s = e.sentence
    seen = set()
    for k in (s - 1, s):
        if 0 <= k < len(doc.sentences):
            where = "sentence" if k == s else "previous"
            for p in index.starting_in(doc.sentences[k].start, doc.sentences[k].end):
                out.append(PlaceCandidate(p, where))
                seen.add((p.start, p.end))
    dom = index.dominant
    if dom is not None and (dom.start, dom.end) not in seen:
        out.append(PlaceCandidate(dom, "dominant"))
    return out


def place_features(doc: Doc, e: Event, c: PlaceCandidate) -> list[str]:
    """Features of one place candidate of an event (shared by training and prediction)."""
    t = e.type
    if c.place is None:
        return ["none", f"none&T={t}", f"none&neg={e.negated}", f"none&hedged={e.hedged}"]
    p = c.place
    anchor = e.trigger.start
    i = doc.token_at(p.start)
    prev = doc.tokens[i - 1].norm if i > 0 else ""
    tok = doc.tokens[i]
    prep = PLACE_PREPS.get(prev) or PLACE_PREPS.get(tok.prefix.lstrip("وف")) or "-"
    before = p.end <= anchor
    # words between place and trigger; a gap over GAP_CHARS is beyond the last bucket anyway (and
    # counting it would make a long article's far dominant place cost its whole length per event)
    a, b = (p.end, anchor) if before else (anchor, p.start)
    dist = len(doc.text[a:b].split()) if b - a <= GAP_CHARS else DISTANCE_FAR
    f = [f"where={c.where}", f"T={t}&where={c.where}", f"prec={p.precision}", f"T={t}&prec={p.precision}",
         f"prep={prep}", f"T={t}&prep={prep}", f"side={'before' if before else 'after'}", f"dist={_bucket(dist)}",
         f"feature={p.feature}"]
    roles = [m for m in (e.source, e.target) if m is not None]
    if any(m.start <= p.start < m.end or p.start <= m.start < p.end for m in roles):
        f += ["in_role", f"T={t}&in_role"]
    if i < 6 and p.start < 60:
        f.append("dateline_like")
    if e.attribution is not None and e.attribution.speaker is not None:
        sp = e.attribution.speaker
        if sp.start <= p.start < sp.end:
            f.append("in_speaker")
    cl = word_clusters(tok.text)
    if cl:
        f.append(f"c1={cl[0]}")
    return f


def predict_places(doc: Doc, events: list[Event], model: LinearModel,
                   places: list[PlaceMention] | None = None) -> list[Event]:
    """The events with `location` chosen by the ranker (grounding's pick is replaced); `places`:
    grounding's (`doc.places`), found again when not given."""
    from marsad.types import evolve

    index = PlaceIndex(find_places(doc) if places is None else places)
    out = []
    for e in events:
        cands = place_candidates(doc, index, e)
        scores = model.scores_many([place_features(doc, e, c) for c in cands])
        best = cands[int(np.argmax(scores))].place
        out.append(evolve(e, location=best.to_place() if best is not None else None))
    return out
