"""The questions the event stage asks of an article's claims, answered
without walking every claim for every event (quadratic in a long article).
Answers are the ones a walk over `doc.claims` in order would give."""
from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict

from marsad.types import Claim, Mention


class ClaimIndex:
    def __init__(self, claims: list[Claim]) -> None:
        self.claims = claims
        self._in_sentence: dict[int, list[Claim]] = defaultdict(list)
        self._by_speaker: dict[int, list[Claim]] = defaultdict(list)  # speaker start → claims
        for c in claims:
            self._in_sentence[c.sentence].append(c)
            if c.speaker is not None:
                self._by_speaker[c.speaker.start].append(c)
        cues = [c.cue.start for c in claims]
        # the claim stage emits claims in text order; the walk back below relies on it
        self._cue_starts = cues if all(a <= b for a, b in zip(cues, cues[1:])) else None

    def in_sentence(self, s_i: int) -> list[Claim]:
        return self._in_sentence.get(s_i, [])

    def by_speaker_at(self, start: int) -> list[Claim]:
        """The claims whose speaker starts at `start`."""
        return self._by_speaker.get(start, [])

    def last_speaker(self, before: int, other: Mention | None) -> Mention | None:
        """The speaker of the latest claim before `before` who is not `other`."""
        k = len(self.claims) if self._cue_starts is None else bisect_left(self._cue_starts, before)
        for j in range(k - 1, -1, -1):
            c = self.claims[j]
            if c.cue.start < before and c.speaker is not None and c.speaker.rule != "phrase" \
                    and (other is None or c.speaker.text != other.text):
                return c.speaker
        return None
