"""Word-level tests that keep a claim cue from reporting or a phrase from
speaking: a circumstantial participle or an abstract noun after the cue is
no speaker; a continuation verb with no speech after it (`تابع الجلسات`)
and a cue word used as a noun or an adjective report nothing."""
from __future__ import annotations

from functools import cache

from marsad.grammar.agreement import FEM, MASC, mention_gender, verb_gender
from marsad.doc import Doc
from marsad.grammar.predicates import definite, participle
from marsad.grammar.words import COMPLEMENTIZERS, PREPOSITION_WORDS, QUOTE_MARKS, function_words
from marsad.resources import read_words
from marsad.text.clitics import lookup_keys
from marsad.text.normalize import fold
from marsad.types import Mention, Token

SPEECH_REACH = 20  # tokens after a continuation cue within which its speech must open
TANWEEN = "\u064b"


@cache
def unspeaking_heads() -> frozenset[str]:
    return read_words("unspeaking_heads.txt")


@cache
def speech_only_cues() -> frozenset[str]:
    """Cue forms that report only when speech follows (bare كتب: also "books")."""
    return read_words("speech_only_cues.txt")


def circumstantial(tok: Token) -> bool:
    """An indefinite accusative participle (مخاطباً الصحافيين، مضيفا): the
    manner of the saying, never its subject. مراسلنا، مصادرها end in ا too."""
    if TANWEEN in tok.text:
        return True
    word = fold(tok.text)
    # the case shows on -ا only (مشيرة may be a noun: منظمة); a pronoun the segmenter left on is no ending
    return not tok.suffix and word.endswith("ا") and participle(word) and not word.endswith(("نا", "ها"))


def not_a_speaker(doc: Doc, speaker: Mention) -> bool:
    """A plain phrase found after a cue that cannot be who speaks."""
    first = doc.tokens[speaker.tokens[0]]
    if circumstantial(first):
        return True
    return any(key in unspeaking_heads() for key in lookup_keys(first.light))


def speech_follows(doc: Doc, end: int, sent_end: int) -> bool:
    """Whether reported speech opens soon after a continuation cue ending at
    token `end`: a complementiser, a colon, a quotation mark or a participle
    of saying (قائلا). `وتابع الجلسات`، `واختتمت … مشاورات` follow or end
    something instead."""
    toks = doc.tokens
    for tok in toks[end:min(sent_end, end + SPEECH_REACH)]:
        if tok.norm in COMPLEMENTIZERS or tok.text in (":", "：") or any(q in tok.text for q in QUOTE_MARKS):
            return True
        if fold(tok.text).startswith(("قائل", "بالقول")):
            return True
    return False


def noun_or_adjective(doc: Doc, i: int, sent_start: int) -> bool:
    """A cue word that is a noun after a preposition (`لم يأت على ذكر`) or
    an adjective of the indefinite noun before it (`إجراءات أمنية مشددة`,
    `سيدة تدعى فاطمة`، `شخصا آخر يدعي إلياس`)."""
    if i <= sent_start:
        return False
    toks = doc.tokens
    tok, prev = toks[i], toks[i - 1]
    if not prev.is_word or tok.prefix:
        return False
    if prev.norm in PREPOSITION_WORDS:
        return True
    if prev.norm in COMPLEMENTIZERS or prev.norm in function_words() or fold(prev.text).startswith(("ال", "وال")):
        return False
    key = fold(tok.text)
    if key.startswith(("يدع", "تدع")):
        return True  # a person "called" X (the segmenter may cut سيدة into س+يدة)
    return (key.startswith("م") and key.endswith("ه") and fold(prev.text).endswith("ه")
            and not definite(prev) and not prev.prefix)


CARRY_BACK = 3  # earlier speakers a pronoun cue may go back to


def cue_gender(tok: Token) -> str | None:
    """The gender a cue shows: its verb's (قالت، يضيف), or a participle's
    ending (مشيرة feminine, مشيرا masculine)."""
    found = verb_gender(tok)
    word = fold(tok.text).rstrip("\u064b")
    if circumstantial(tok) or word.endswith("ه") and participle(word):
        return FEM if word.endswith("ه") else MASC
    return found


def carried_speaker(doc: Doc, cue: Token, recent: list[Mention]) -> Mention | None:
    """The speaker a cue with a pronoun subject continues: the latest one,
    unless its gender tells otherwise (`السفير الكويتي … الولايات المتحدة …
    مشيرة إلى`: the feminine participle is not the ambassador's); then the
    latest of the few before that agrees."""
    if not recent:
        return None
    gender = cue_gender(cue)
    for m in reversed(recent[-CARRY_BACK:]):
        # only a clash of masculine and feminine counts: a plural ending (الكرملين) misleads
        if {gender, mention_gender(m, doc.tokens)} != {FEM, MASC}:
            return m
    return recent[-1]
