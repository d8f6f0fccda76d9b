"""Where an actor mention ends: the words after a title or an institution
noun that belong to its unknown name, and head nouns that are adjectives of
the noun before them. Split from `mentions` (the phrase builder uses these)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from marsad.resources import read_tsv, read_words
from marsad.grammar.predicates import definite, is_count, nisba_ending
from marsad.text.clitics import enclitic_splits, proclitic_keys
from marsad.text.normalize import fold
from marsad.text.vocab import word_counts
from marsad.types import Token

TANWEEN_FATH = "\u064b"  # ً: an indefinite accusative (جسماً), never part of a name
PROCLITIC_LETTERS = frozenset("وفبلك")
COMMON_WORD_MIN_COUNT = 5  # corpus count from which a word not known as a name is a common word
# A third name word is trusted up to this count: names of long articles recur
# in the corpora (ميرغني 6, العمادي 12) as often as rare verbs (يرمي 7).
THIRD_WORD_MIN_COUNT = 20


@cache
def common_word(key: str) -> bool:
    """A word frequent in the news corpora (vocab.tsv.gz) and not a known
    name token (names/data): وصل، تابعة، السابق, but not محمد or سمير."""
    from marsad.names.romanize import name_dictionary

    return word_counts().get(key, 0) >= COMMON_WORD_MIN_COUNT and key not in name_dictionary()


def _known_word(word: str) -> bool:
    """A word of the corpora, also under a pronoun suffix (متابعته: متابعة + ه)."""
    counts = word_counts()
    for stem, suffix in enclitic_splits(word):
        if suffix and stem.endswith("ت"):
            stem = stem[:-1] + "ه"  # the ة of متابعة is written ت before a pronoun
        if counts.get(stem, 0):
            return True
    return False


def _describing(word: str) -> bool:
    """A common indefinite word of the shape of a participle, verb or
    feminine adjective (تابعة، موجود، يشتبه، كبيرة), not a nisba (منظمات
    إرهابية keeps it) nor a place (شرطة مدينة نيويورك): it ends no name."""
    return common_word(word) and not nisba_ending(word) and (word[:1] in "متي" or word.endswith("ه"))


def known_name_word(key: str) -> bool:
    """A known name token, or a family name of the nisba shape (القباطي، الهاروني)."""
    from marsad.names.romanize import name_dictionary

    return key in name_dictionary() or key.startswith("ال") and key.endswith("ي") and len(key) > 4


@cache
def adjectival_heads() -> dict[str, bool]:
    """Heads that are also adjectives (resources/adjectival_heads.tsv): the
    folded form -> whether it is one after an indefinite noun too."""
    return {fold(r["form"]): r["indefinite"] == "yes" for r in read_tsv("adjectival_heads.tsv")}


@cache
def abstract_heads() -> frozenset[str]:
    return read_words("abstract_heads.txt")


@dataclass(frozen=True)
class NameEnds:
    """The word lists the decisions need: `stop` ends a name (function words,
    first words of triggers, cues, light verbs), `advs` adverbials, `mods`
    modifiers, `event_nouns` the first words of event-noun triggers."""

    stop: frozenset[str]
    advs: frozenset[str]
    mods: frozenset[str]
    event_nouns: frozenset[str]
    adjectival: dict[str, bool]

    def name_after(self, tokens: list[Token], i: int, sent_end: int, limit: int,
                    max_tokens: int = 2, construct: bool = False) -> int:
        """End of an unknown name right after a title or institution noun, or `i`.

        A name word carries no pronoun (شخصا بينهم) and no accusative tanween
        (قوات الاحتلال جسماً). A person's name does not start with a common
        word (الزعيم الكوري وصل، خبراء تابعون); an institution's name in
        construct state (`construct`) ends at its first definite word (جبهة
        الساحل الغربي | انهيارا) and not on a common indefinite word (طائرة
        | تابعة لشركة)."""
        end = i
        while end < min(sent_end, limit) and end - i < max_tokens:
            tok = tokens[end]
            if not tok.is_word or tok.norm.isdigit() or len(tok.norm) < 2:
                break
            if tok.norm in self.stop or tok.norm in self.advs or any(
                    k in self.stop for k in proclitic_keys(tok.light)[1:2]):
                break
            if tok.prefix:  # names don't carry و/ب/ل in running text after a title
                break
            if tok.suffix or TANWEEN_FATH in tok.text or tok.key in self.stop:
                break
            if end > i and tokens[end - 1].hashtag and not tok.hashtag:
                break  # #إحسان_إقبال نجا: a hashtag name ends with the hashtag
            if construct and end > i and definite(tokens[end - 1]) and not definite(tok):
                break
            if not construct and end == i and common_word(tok.norm) and not self.genitive(tokens, i, sent_end):
                if definite(tok) and definite(tokens[i - 1]):
                    end += 1  # الرئيس المخلوع، رئيس الحكومة المكلف: an adjective ends the title
                break  # الزعيم الكوري وصل إلى، خبراء تابعون للأمم: not a name
            if tok.norm[:1] in "وف" and not known_name_word(tok.norm) \
                    and any(_known_word(k) for k in proclitic_keys(tok.light)[1:]):
                break  # ومتابعته: a conjunction on a word, the name has ended
            if not construct and end - i >= 2 and not known_name_word(tok.norm) \
                    and word_counts().get(tok.norm, 0) >= THIRD_WORD_MIN_COUNT:
                break  # a third word must not be a common word (لي هسيين لونغ، عبد الكريم الهاروني)
            end += 1
        if end == limit and end < sent_end and not tokens[end].prefix:
            return end  # رابطة أمهات المختطفين: the construct goes on into the next head
        while construct and end > i and not definite(tokens[end - 1]) and _describing(tokens[end - 1].norm):
            end -= 1
        return end

    def genitive(self, tokens: list[Token], i: int, sent_end: int) -> bool:
        """Whether the common word at i, right after a title, is the title's
        genitive (خبراء السلاح، المتحدث باسم المهمة، أطباء مدينة إب) or its
        nisba (مصدر أوروبي) rather than a verb or adjective that ends the
        mention: only an indefinite title (construct state) governs one."""
        if definite(tokens[i - 1]):
            return False  # الزعيم الكوري الشمالي المقرب: an adjective
        tok = tokens[i]
        return definite(tok) or nisba_ending(tok.norm) or self.governs(tokens, i + 1, sent_end)

    def governs(self, tokens: list[Token], j: int, sent_end: int) -> bool:
        """Whether the word at j can be the genitive of a common noun before it
        (مدينة إب): a plain word, not a function word or a verb of the lexicons,
        nor one that reads as a preposition on a word (بانتمائه)."""
        if j >= sent_end:
            return False
        tok = tokens[j]
        if tok.norm[:1] in PROCLITIC_LETTERS and len(proclitic_keys(tok.light)) > 1:
            return False
        return tok.is_word and not tok.prefix and not tok.norm.isdigit() and tok.norm not in self.stop \
            and tok.key not in self.stop and tok.norm not in self.advs

    def describes_noun(self, tokens: list[Token], i: int) -> bool:
        """Whether the head word at i is an adjective of the plain noun before
        it (`adjectival_heads`): the two agree in definiteness, or the head is
        coordinated with an adjective (السياسي والعسكري)."""
        tok, prev = tokens[i], tokens[i - 1]
        after_indefinite = self.adjectival.get(tok.key)
        if after_indefinite is None or not prev.is_word or is_count(prev) or prev.norm in self.mods:
            return False
        if tok.prefix:
            return tok.prefix == "و" and prev.key.startswith("ال") and nisba_ending(prev.key)
        if definite(prev):
            # a definite head noun of an event (الهجوم الإرهابي) takes adjectives too, but a
            # verb with an object pronoun is no noun (قتلها الرئيس السابق)
            noun = prev.key not in self.stop or prev.key in self.event_nouns and not prev.suffix
            if prev.suffix and not nisba_ending(tok.key):
                return False  # عينه الرئيس: only a nisba describes a noun with a pronoun (تدخله العسكري)
            return tok.key.startswith("ال") and noun
        return after_indefinite and not tok.key.startswith("ال") and prev.key not in self.stop \
            and prev.norm not in self.stop


def name_letters(surname: Token, tok: Token) -> str | None:
    """The proclitics to cut off a later mention `tok` of a surname, or None
    if it is not that surname. Inside a full name a segmenter's "clitic" is
    the name's own letter (راجح بادي: no preposition ب): a later `بادي` keeps
    it and only what stands before it is cut (لبادي → بادي)."""
    own = surname.prefix
    if not own:
        return tok.prefix
    if not tok.prefix.endswith(own):
        return None
    return tok.prefix[:len(tok.prefix) - len(own)]
