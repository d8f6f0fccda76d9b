"""Entity-level scoring with conlleval's semantics.

An entity is a maximal chunk: it starts at `B-X`, or at `I-X` after `O` or
after a chunk of another type (so IOB1 and IOB2 read the same), and runs
while `I-X` follows. A guessed entity counts only if its start, end and type
all equal a gold entity's. Precision, recall and F1 are micro-averaged over
entities, and given per type.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field


def chunks(tags: Sequence[str]) -> set[tuple[int, int, str]]:
    """(start, end, type) of each entity, `end` exclusive."""
    out: set[tuple[int, int, str]] = set()
    start, kind = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, t = tag.partition("-")
        begins = prefix == "B" or (prefix == "I" and t != kind) or prefix not in ("B", "I", "O")
        if kind and (prefix == "O" or begins):
            out.add((start, i, kind))
            kind = ""
        if prefix in ("B", "I") and begins:
            start, kind = i, t
    return out


@dataclass(frozen=True)
class Figures:
    correct: int
    guessed: int
    gold: int

    @property
    def precision(self) -> float:
        return self.correct / self.guessed if self.guessed else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Score:
    correct: Counter = field(default_factory=Counter)
    guessed: Counter = field(default_factory=Counter)
    gold: Counter = field(default_factory=Counter)
    tokens: int = 0
    tokens_right: int = 0

    def add(self, gold_tags: Sequence[str], guessed_tags: Sequence[str]) -> None:
        if len(gold_tags) != len(guessed_tags):
            raise ValueError(f"{len(gold_tags)} gold tags but {len(guessed_tags)} guessed")
        g, s = chunks(gold_tags), chunks(guessed_tags)
        self.gold.update(k for _, _, k in g)
        self.guessed.update(k for _, _, k in s)
        self.correct.update(k for _, _, k in g & s)
        self.tokens += len(gold_tags)
        self.tokens_right += sum(a == b for a, b in zip(gold_tags, guessed_tags))

    def total(self) -> Figures:
        return Figures(sum(self.correct.values()), sum(self.guessed.values()), sum(self.gold.values()))

    def by_type(self) -> dict[str, Figures]:
        kinds = sorted(set(self.gold) | set(self.guessed))
        return {k: Figures(self.correct[k], self.guessed[k], self.gold[k]) for k in kinds}


def score(pairs: Iterable[tuple[Sequence[str], Sequence[str]]]) -> Score:
    """Score (gold tags, guessed tags) per sentence."""
    s = Score()
    for gold, guessed in pairs:
        s.add(gold, guessed)
    return s


def format_score(s: Score) -> str:
    t = s.total()
    acc = s.tokens_right / s.tokens if s.tokens else 0.0
    lines = [f"tokens: {s.tokens}  token accuracy: {acc:.4f}",
             f"entities: gold {t.gold}  guessed {t.guessed}  correct {t.correct}",
             f"{'type':<6} {'P':>7} {'R':>7} {'F1':>7} {'gold':>6} {'guessed':>8}",
             f"{'all':<6} {t.precision:7.4f} {t.recall:7.4f} {t.f1:7.4f} {t.gold:6d} {t.guessed:8d}"]
    for k, f in s.by_type().items():
        lines.append(f"{k:<6} {f.precision:7.4f} {f.recall:7.4f} {f.f1:7.4f} {f.gold:6d} {f.guessed:8d}")
    return "\n".join(lines)
