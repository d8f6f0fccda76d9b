"""Closed word classes of Arabic that several stages read (folded forms).

The classes are data: `resources/grammar_words.tsv` (one row a class) and the
word lists `resources/*.txt`; this module only names them.
"""
from __future__ import annotations

from functools import cache

from marsad.resources import grammar_words, read_words
from marsad.text.clitics import PREPOSITIONS as PREPOSITION_CLITICS
from marsad.text.normalize import fold

COMPLEMENTIZERS = grammar_words("complementizers")
PRONOUN_COMPLEMENTIZERS = frozenset(c for c in COMPLEMENTIZERS if c.endswith(("ه", "ها", "هم")))  # أنها، إنه
PRE_VERB_PARTICLES = grammar_words("pre_verb_particles")
KANA = grammar_words("kana")
# The one preposition set: the free-standing prepositions (على، ضد، مع …) and
# the clitic ones (ب ل ك) the segmenter splits off a word. Rules that take
# only some of them name those with `prepositions()`.
PREPOSITION_WORDS = grammar_words("prepositions")
ALL_PREPOSITIONS = PREPOSITION_WORDS | frozenset(PREPOSITION_CLITICS)
RELATIVES = grammar_words("relatives")
CLAUSE_CONJUNCTIONS = grammar_words("clause_conjunctions")
NUMBER_WORDS = grammar_words("number_words")
STATEMENT_NOUNS = grammar_words("statement_nouns")
KINSHIP_NOUNS = grammar_words("kinship_nouns")
HONORIFICS = grammar_words("honorifics")  # جلالة الملك: skipped like a time word before an actor
AGENT_PHRASES = frozenset(tuple(p.split()) for p in grammar_words("agent_phrases"))  # (من، قبل), (علي، يد)
HOLDING_PRONOUNS = grammar_words("holding_pronouns")
ISSUED_WORDS = grammar_words("issued_words")
QUOTE_MARKS = frozenset('"«»“”')
CLAUSE_COMMAS = frozenset("،,")


def prepositions(*words: str) -> tuple[str, ...]:
    """Some prepositions of the one set, folded (على → علي, as tokens' `norm`
    are), in the order given: a rule that takes only these names them here,
    and a word outside the set is an error, so the set stays the only list."""
    folded = tuple(fold(w) for w in words)
    unknown = [w for w in folded if w not in ALL_PREPOSITIONS]
    if unknown:
        raise ValueError(f"not prepositions of grammar_words.tsv or text.clitics: {unknown}")
    return folded


@cache
def function_words() -> frozenset[str]:
    """Prepositions, particles, conjunctions: never a name, never an actor."""
    return read_words("function_words.txt")


@cache
def adverbials() -> frozenset[str]:
    """Time words and adverbs that may stand between a verb and its subject."""
    return read_words("adverbials.txt")


@cache
def abstract_nouns() -> frozenset[str]:
    """Nouns of acts, states and ideas: never an actor (resources/abstract_nouns.txt)."""
    return read_words("abstract_nouns.txt")


@cache
def modifiers() -> frozenset[str]:
    """Adjectives that may close an actor phrase without changing its actor."""
    return read_words("modifiers.txt")


@cache
def light_verbs() -> frozenset[str]:
    """Verbs whose event is the noun after them (شنت هجوما، أصدر بيانا)."""
    return read_words("light_verbs.txt")
