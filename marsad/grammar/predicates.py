"""Word-level tests the argument finders rely on: is a word definite, a
nisba-like adjective, a count, behind a clitic preposition, in construct state."""
from __future__ import annotations

from marsad.grammar.words import NUMBER_WORDS, function_words
from marsad.text.clitics import lookup_keys
from marsad.text.normalize import fold
from marsad.types import Token

# The one set of nisba endings (folded): عسكري، استراتيجية، عسكريين، الأوروبيون
NISBA_ENDINGS = ("ي", "يه", "يين", "يون")


def nisba_ending(word: str) -> bool:
    """Whether a folded word ends like a nisba adjective (a letter before the ending)."""
    return len(word) > 2 and word.endswith(NISBA_ENDINGS)


def prep_clitic(tok: Token) -> str:
    """The preposition (ب، ل، ك) a word carries, also when the segmenter kept
    it whole because the stem is rare (`بالشلل`)."""
    for c in "بلك":
        if c in tok.prefix:
            return c
    bare = tok.text.lstrip("وف")
    if len(bare) >= 2 and bare[0] in "بلك" and bare[1] == "\u0640":
        return bare[0]  # بـ"اللقاء"، لـCNN: a tatweel sets the preposition apart
    light = tok.light.lstrip("وف") if len(tok.light) > 4 else tok.light
    if light.startswith(("بال", "كال")) and len(light) > 4:
        return light[0]
    if light.startswith("لل") and len(light) > 4:
        return "ل"
    return ""


def adjective_like(tok: Token) -> bool:
    """A definite nisba-like word (الأميركية، العسكري، الأوروبيون), not a function word
    that happens to fold the same way (إلى → الي)."""
    n = tok.norm
    return tok.is_word and n.startswith("ال") and n not in function_words() and nisba_ending(n)


def is_count(tok: Token) -> bool:
    """A number in digits or words (13، عشرات، نحو)."""
    return tok.norm.isdigit() or tok.norm in NUMBER_WORDS


def definite(tok: Token) -> bool:
    """Whether a word is definite: it carries the article (after its
    proclitics, also the ل of للـ) or a possessive pronoun (قواته)."""
    return tok.stem.startswith("ال") or tok.prefix.endswith("ل") and tok.stem.startswith("ل") or bool(tok.suffix)


def reads_as_any(tok: Token, words: frozenset[str]) -> bool:
    """Whether the word, read with or without its article and clitics, is one of `words`."""
    return any(key in words for key in lookup_keys(tok.light))


def adjective_after_noun(toks: list, i: int, j: int) -> bool:
    return toks[i].stem.startswith("ال") and adjective_like(toks[j])


def in_construct(tok: Token) -> bool:
    """Whether a noun can govern a genitive after it: it is indefinite and not
    a sound plural that keeps its ن (مسلحون مكتب… are two phrases; مسلحو التنظيم is one)."""
    return not definite(tok) and not (len(tok.key) >= 5 and tok.key.endswith(("ون", "ين")))


def participle(word: str) -> bool:
    """Whether a word (folded, its clitics off) has the shape of an active
    participle as a حال: a derived verb's مُفعِل of five letters or more
    (مؤكدا، مطالبين، متهمة) or the simple verb's فاعل (قائلا، كاشفا، داعيا),
    ending in -ا, -ين or -ة. Not a dual verb of four letters (أكدا، قالا) nor
    a plural verb (زاروا); a dual فاعَلا verb (ناقشا) has the participle's letters."""
    if word.endswith("ين"):
        word = word[:-2] + "ا"
    return word.endswith(("ا", "ه")) and not word.endswith("وا") and (
        word.startswith("م") and len(word) >= 5 or len(word) == 5 and word[1] == "ا")


MAX_PROCLITICS = 2  # و+ب before a word


def is_masdar(tok: Token) -> bool:
    """Verbal nouns of derived verbs, which verb lexicons list beside the
    verbs: إفعال (إطلاق), تفعيل (تحميل), افتعال (اعتقال), استفعال (استهداف).

    >>> from marsad.text.tokens import tokenize
    >>> [is_masdar(t) for t in tokenize("إطلاق تحميل استهداف الاستهداف إلقاء أطلق حمل")]
    [True, True, True, True, True, False, False]
    """
    w = fold(tok.stem)
    hamza = "إل" in tok.text[:MAX_PROCLITICS + 2] or "أل" in tok.text[:MAX_PROCLITICS + 2]
    w = w[2:] if w.startswith("ال") and not hamza else w  # the article, not the hamzated alef of إلقاء
    return (len(w) == 5 and (w[0] == "ت" and w[3] == "ي" or w[0] == "ا" and w[3] == "ا")
            or len(w) == 6 and w[0] == "ا" and w[2] == "ت" and w[4] == "ا"
            or len(w) == 7 and w.startswith("است") and w[5] == "ا")
