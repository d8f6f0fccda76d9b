"""Subject-verb agreement (gender, and number for pronoun subjects).

An Arabic verb shows its subject's gender: `قالت` / `تقول` (feminine),
`قال` / `يقول` (masculine), `قالوا` / `يقولون` (human plural). A verb with a
pronoun subject agrees fully with the actor it refers to, and a verb never
takes a subject of the other gender — so `دعا الولايات المتحدة …` has a
pronoun subject and the United States is the object. Unsure cases return None
and agree with anything.
"""
from __future__ import annotations

from functools import cache

from marsad.resources import grammar_words, read_words
from marsad.text.normalize import fold
from marsad.text.vocab import word_counts
from marsad.types import Mention, Token

FEM, MASC, PLURAL = "f", "m", "p"
IMPERFECT_MIN_COUNT = 5
HUMAN_PLURALS = frozenset(fold(w) for w in grammar_words("human_plurals"))


@cache
def masculine_places() -> frozenset[str]:
    return read_words("masculine_places.txt")


@cache
def female_names() -> frozenset[str]:
    return read_words("female_names.txt")


def verb_gender(tok: Token) -> str | None:
    """f, m or p from the verb's affixes; None when they don't tell."""
    stem = tok.stem
    if stem.endswith(("وا", "ون")) and len(stem) > 3:
        return PLURAL
    if stem.startswith("ت") and len(stem) > 3:
        # تقول is imperfect 3fs when يقول is a word; تابع، تظاهر are perfects.
        counts = word_counts()
        return FEM if counts.get(fold("ي" + stem[1:]), 0) >= IMPERFECT_MIN_COUNT else None
    if stem.startswith("ي") and len(stem) > 3:
        return MASC  # imperfect 3ms (يقول)
    if stem.endswith("ت") and len(stem) >= 3:
        return FEM  # perfect 3fs (قالت، نفت)
    if stem.endswith("ا") and len(stem) == 3:
        return MASC  # defective perfect 3ms (دعا، نفى written نفا is rare)
    if stem.endswith("ة") or stem.endswith("ا"):
        return None  # participles (مؤكدا) and duals tell nothing reliable
    return MASC if len(stem) >= 3 else None


def mention_gender(m: Mention, tokens: list[Token]) -> str | None:
    """Grammatical gender (or human plural) of an actor mention."""
    first = tokens[m.tokens[0]]
    word = first.stem
    key = fold(word)
    if key in HUMAN_PLURALS:
        return None
    if m.label == "GPE":
        return MASC if key in masculine_places() else FEM
    if word.endswith(("ون", "ين")) and (m.label in ("NORP", "ORG") or m.label == "PER" and m.rule == "head"):
        return PLURAL  # المسؤولون; but بوتين، هايدون are one man's names
    if m.label == "NORP":
        return None  # الروسية (feminine) or المغاربة (a broken plural): can't tell
    if word.endswith(("ة", "ات")):
        return FEM
    if m.label == "PER":
        # one person: masculine unless the title is feminine (الوزيرة، رئيسة الوزراء)
        # or a woman's name stands in it (نيكي هيلي، ماي); plural person nouns
        # (مصادر، قادة) are labelled ORG, not PER
        names = female_names()
        if word.endswith("ة") or any(fold(t.stem) in names for t in tokens[m.tokens[0]:m.tokens[1]]):
            return FEM
        return MASC
    return None


def agrees(verb: str | None, subject: str | None, pronoun: bool) -> bool:
    """Whether a verb of gender `verb` can take `subject`. A verb before an
    explicit subject is singular even for plurals (قال المسؤولون)."""
    if verb is None or subject is None:
        return True
    if pronoun:
        return verb == subject
    if subject == PLURAL:
        return verb in (MASC, PLURAL)
    return verb == subject or verb == PLURAL and subject == MASC
