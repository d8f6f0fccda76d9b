"""conlleval-style entity scoring on a hand-built example with known counts."""
from __future__ import annotations

from marsad.ner.evaluate import chunks, score


def test_chunks_read_iob2_and_iob1_alike():
    assert chunks(["B-PER", "I-PER", "O", "B-LOC"]) == {(0, 2, "PER"), (3, 4, "LOC")}
    # IOB1: an entity may start with I-; a type change starts a new entity
    assert chunks(["I-ORG", "I-ORG", "I-LOC", "O", "I-PER"]) == {(0, 2, "ORG"), (2, 3, "LOC"), (4, 5, "PER")}
    # B- after an entity of the same type starts a new one
    assert chunks(["B-PER", "B-PER", "I-PER"]) == {(0, 1, "PER"), (1, 3, "PER")}


def test_exact_span_and_type_counts():
    gold = [
        ["B-PER", "I-PER", "O", "B-LOC", "O"],          # محمود عباس ... رام الله
        ["B-ORG", "I-ORG", "I-ORG", "O", "B-MISC"],
    ]
    guess = [
        ["B-PER", "I-PER", "O", "B-ORG", "O"],          # right person, place typed wrong
        ["B-ORG", "I-ORG", "O", "O", "B-MISC"],         # organisation cut short, MISC right
    ]
    s = score(zip(gold, guess))
    total = s.total()
    assert (total.correct, total.guessed, total.gold) == (2, 4, 4)
    assert total.precision == 0.5 and total.recall == 0.5 and total.f1 == 0.5
    per_type = s.by_type()
    assert per_type["PER"].f1 == 1.0
    assert per_type["LOC"].recall == 0.0 and per_type["LOC"].guessed == 0
    assert per_type["ORG"].correct == 0 and per_type["ORG"].guessed == 2 and per_type["ORG"].gold == 1
    assert per_type["MISC"].f1 == 1.0
    assert s.tokens == 10 and s.tokens_right == 8
