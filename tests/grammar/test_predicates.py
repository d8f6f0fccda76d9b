"""The word classes and predicates of marsad.grammar, over the words the old,
disagreeing versions in claims/, events/context.py, syntax.py, syntax_words.py
and entities/ read differently."""
from __future__ import annotations

import pytest

from marsad.grammar.predicates import adjective_like, definite, nisba_ending, participle
from marsad.grammar.words import ALL_PREPOSITIONS, PREPOSITION_WORDS, prepositions
from marsad.text.tokens import tokenize


def word(text: str):
    (tok,) = tokenize(text)
    return tok


# The three old participle tests (claims._is_participle on the cue's form,
# claims/filters.circumstantial, events/context.is_participle) disagreed on
# most of these; the one test reads each as the row says.
@pytest.mark.parametrize("text, expected", [
    ("مطالبين", True),   # derived verb's participle, -ين (filters said no)
    ("داعيا", True),     # فاعل of a defective verb (context and filters said no)
    ("قائلا", True),     # فاعل (context and filters said no)
    ("كاشفا", True),     # فاعل (context and filters said no)
    ("متهمة", True),     # feminine (filters said no)
    ("متهما", True),     # filters said no: it ends in هما like a dual pronoun
    ("مؤكدا", True),
    ("مخاطباً", True),   # with tanween
    ("أكدا", False),     # a dual verb of four letters
    ("قالا", False),
    ("قالوا", False),    # a plural verb (claims said yes: five letters, alef second)
    ("زاروا", False),
])
def test_one_participle_test(text, expected):
    tok = word(text)
    assert participle(tok.key) is expected


def test_participle_needs_the_word_without_its_pronoun():
    # مراسلنا "our correspondent": the tokenizer splits off نا, and the stem is no participle
    tok = word("مراسلنا")
    assert tok.suffix == "نا" and not participle(tok.key)


def test_circumstantial_reads_the_case_on_alef_only():
    from marsad.claims.filters import circumstantial

    assert circumstantial(word("متهما")) and circumstantial(word("قائلا")) and circumstantial(word("مخاطباً"))
    # -ة shows no case: منظمة after a cue is the speaker (وقالت منظمة العفو)
    assert not circumstantial(word("منظمة")) and not circumstantial(word("مشيرة"))


def test_events_participle_takes_no_proclitic():
    from marsad.events.context import is_participle

    assert is_participle(word("مطالبين")) and is_participle(word("داعيا"))
    assert not is_participle(word("وبمطالبين"))


# One set of nisba endings: syntax.py lacked -ي, adjective_like wanted
# seven letters before -يون/-يين, mentions/nouns/name_ends had -ي/-ية only.
@pytest.mark.parametrize("text, expected", [
    ("عسكري", True), ("استراتيجية", True), ("عسكريين", True), ("الأوروبيون", True),
    ("في", False),  # a preposition ends in ي but is no nisba
    ("قوات", False),
])
def test_one_set_of_nisba_endings(text, expected):
    assert nisba_ending(word(text).norm) is expected


@pytest.mark.parametrize("text, expected", [
    ("الأميركية", True), ("العسكري", True), ("الأوروبيون", True), ("الأميركيين", True),
    ("إلى", False),  # folds to الي: a function word, not a nisba with the article
    ("الولايات", False), ("عسكري", False),  # no article
])
def test_adjective_like(text, expected):
    assert adjective_like(word(text)) is expected


@pytest.mark.parametrize("text, expected", [
    ("الحكومة", True), ("وبالحكومة", True), ("للحكومة", True),  # the article, also behind ل of للـ
    ("قواته", True),  # a possessive pronoun makes it definite
    ("حكومة", False), ("لحكومة", False),
])
def test_definite(text, expected):
    assert definite(word(text)) is expected


def test_prepositions_are_one_set_and_folded():
    # events/actors.py and events/nouns.py listed على and الى unfolded, so a
    # token's folded norm (علي، الي) never matched them
    assert prepositions("على", "الى", "ب") == ("علي", "الي", "ب")
    assert word("على").norm in PREPOSITION_WORDS
    assert {"ب", "ل", "ك"} <= ALL_PREPOSITIONS
    with pytest.raises(ValueError):
        prepositions("قال")
