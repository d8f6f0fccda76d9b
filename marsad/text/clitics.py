"""Arabic clitics: candidate splits of a folded word and the most likely one.

Proclitics: conjunction و/ف, then preposition ب/ل/ك or future س, then the
article ال (kept on the stem, as in `و+ب+الولايات`; `لل` is ل + ال).
Enclitics: object/possessive pronouns (`اتهامهم` → اتهام + هم).

Words here are in the light fold (`fold_light`: ة kept apart from ه); lookup
keys come out fully folded (`fold`).
"""
from __future__ import annotations

from functools import lru_cache

from marsad.text.normalize import fold
from marsad.text.vocab import word_counts

CONJUNCTIONS = ("و", "ف")
PREPOSITIONS = ("ب", "ل", "ك")
# Longest first so that هما wins over ها/ه.
PRONOUN_SUFFIXES = ("هما", "كما", "هم", "هن", "ها", "كم", "نا", "ه")
MIN_STEM = 2
MIN_SPLIT_COUNT = 10


@lru_cache(maxsize=200_000)
def proclitic_splits(word: str) -> tuple[tuple[str, str], ...]:
    """All (prefix, stem) readings, fewest clitics first; stem keeps ال.

    >>> proclitic_splits("وبالولايات")[:3]
    (('', 'وبالولايات'), ('و', 'بالولايات'), ('وب', 'الولايات'))
    """
    out = [("", word)]
    conj_options = [""] + [c for c in CONJUNCTIONS if word.startswith(c)]
    for conj in conj_options:
        rest = word[len(conj):]
        if conj and len(rest) >= MIN_STEM:
            out.append((conj, rest))
        if rest.startswith("لل") and len(rest) > 3:
            out.append((conj + "ل", "ا" + rest[1:]))
            continue
        for prep in PREPOSITIONS:
            # A stem of 2 letters after a preposition is almost always a
            # whole function word (كما، لكن، بين، بعد).
            if rest.startswith(prep) and len(rest) - 1 >= MIN_STEM + 1:
                out.append((conj + prep, rest[1:]))
        if rest.startswith("س") and len(rest) > 3 and rest[1] in "يتنا":
            out.append((conj + "س", rest[1:]))
    return tuple(out)


@lru_cache(maxsize=200_000)
def enclitic_splits(word: str) -> tuple[tuple[str, str], ...]:
    """(stem, suffix) readings, no suffix first."""
    out = [(word, "")]
    for suf in PRONOUN_SUFFIXES:
        if word.endswith(suf) and len(word) - len(suf) >= MIN_STEM + 1:
            out.append((word[: -len(suf)], suf))
    return tuple(out)


@lru_cache(maxsize=200_000)
def proclitic_keys(word: str) -> tuple[str, ...]:
    """Folded lookup keys with only proclitics removed (for names, which keep
    their article: `للولايات` → الولايات, never ولايات)."""
    keys: list[str] = []
    for _, stem in proclitic_splits(word):
        key = fold(stem)
        if key not in keys:
            keys.append(key)
    return tuple(keys)


def _verb_prefix(prefix: str, stem: str) -> bool:
    """Proclitics a verb can carry: و/ف, and ل or س before an imperfect
    (ليقول، سيعلن) — never ب or ك (`بقصف` is a noun)."""
    rest = prefix.lstrip("وف")
    if not rest:
        return True
    return rest in ("ل", "س") and stem[:1] in "يتنا"


@lru_cache(maxsize=100_000)
def prefix_for_key(word: str, key: str) -> str:
    """The proclitics a matcher stripped from `word` to read it as `key`
    ('' when it read the whole word), so spans start at the right letter:
    `ولي العهد` keeps its و, `وأضاف` loses it."""
    if fold(word) == key:
        return ""
    for prefix, stem in proclitic_splits(word):
        folded = fold(stem)
        if folded == key or fold(without_article(stem)) == key:
            return prefix
    return ""


def without_article(stem: str) -> str:
    return stem[2:] if stem.startswith("ال") and len(stem) > 3 else stem


@lru_cache(maxsize=200_000)
def lookup_keys(word: str) -> tuple[str, ...]:
    """Every folded form a noun may be looked up under, most literal first:
    the word, its proclitic-stripped stems, those stems without ال, and those
    with a pronoun suffix removed."""
    return _keys(word, article=True)


@lru_cache(maxsize=200_000)
def verb_keys(word: str) -> tuple[str, ...]:
    """Lookup forms for verbs: like `lookup_keys` but a verb never carries ال
    (so `فاليري` is not ف+ال+يري)."""
    return _keys(word, article=False)


def _keys(word: str, article: bool) -> tuple[str, ...]:
    forms: list[str] = []
    for prefix, stem in proclitic_splits(word):
        if not article and not _verb_prefix(prefix, stem):
            continue
        for form in (stem, without_article(stem)) if article else (stem,):
            if form not in forms:
                forms.append(form)
    for base in list(forms):
        for stem, _suf in enclitic_splits(base)[1:]:
            if stem not in forms:
                forms.append(stem)
    keys: list[str] = []
    for form in forms:
        key = fold(form)
        if key not in keys:
            keys.append(key)
    return tuple(keys)


@lru_cache(maxsize=200_000)
def segment(word: str) -> tuple[str, str, str, str]:
    """Most likely (prefix, stem, suffix, lookup_stem) by corpus frequency.

    A clitic is split off only when what remains is itself a common word
    (so `ولايات` stays whole but `وبالولايات` splits); among such readings the
    most frequent stem wins. Counts are of whole surface tokens, where و+verb
    is often commoner than the bare verb, hence the lenient ratio.
    `lookup_stem` restores the ال of `لل`.
    """
    counts = word_counts()
    whole = counts.get(fold(word), 0)
    best = ("", word, "", fold(word))
    best_count = 0
    floor = max(MIN_SPLIT_COUNT, whole // 20)
    for prefix, stem in proclitic_splits(word):
        for base, suf in enclitic_splits(stem):
            if not prefix and not suf:
                continue
            c = counts.get(fold(base), 0)
            if suf:
                c //= 4  # a pronoun split must read clearly better
                if c < whole:
                    continue
            if c >= floor and c > best_count:
                surface = word[len(prefix): len(word) - len(suf)]
                best, best_count = (prefix, surface, suf, fold(base)), c
    return best
