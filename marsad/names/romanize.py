"""Romanising Arabic person names: dictionary of seen tokens, then the learned model.

`romanize_token` gives the bare lower-case romanisation of one name token and
whether it carried the article (الأسد → "asad", article) — the convention of
the ar2en data, which writes surnames without it. `romanize_name` composes a
whole name token by token in news style: curated rules first (عبد الله →
Abdullah, أبو → Abu, نصر الله → Nasrallah), the article as `al-`, capitalised
(بشار الأسد → Bashar al-Assad).

Artifacts load lazily from `names/data/` (lru_cache'd loaders; nothing is
loaded until a name is romanised).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from marsad.names.sources import clean_arabic
from marsad.text.normalize import fold, fold_light

DATA = Path(__file__).resolve().parent / "data"
DICTIONARY_FILE = "name_dictionary.tsv.gz"
MODEL_FILE = "name_model.bin.gz"
RULES_FILE = "name_rules.tsv"
SPELLINGS_FILE = "name_spellings.txt.gz"
BEAM, NBEST = 16, 32
# Log-probability bonus for an n-best spelling that is a known Latin name
# (ايرنست → ernest, spelt إرنست in the data). 70 % of unseen words' references
# are known spellings; on ar2en-eval's unseen words this lifts exact match
# from 0.17 to 0.28 (bonus 3 of 0/1/2/3/5/8 tried).
SPELLING_BONUS = 3.0
ARTICLE = "ال"
MIN_STEM = 3  # ال + at least three letters is an article; الن (Alan) is not
NISBA = ("ي", "ى")  # a nisba surname (المالكي) always carries the article; الياس (Elias) does not
LATIN_NAME = re.compile(r"[A-Za-z][A-Za-z'.-]*")


@dataclass(frozen=True, slots=True)
class TokenRomanisation:
    latin: str  # lower case, article not included
    article: bool  # the Arabic token carried the article ال
    source: str  # dictionary | model | rule | latin | none


@dataclass(frozen=True, slots=True)
class Rules:
    names: dict[tuple[str, ...], str]
    joins: dict[str, str]
    heads: dict[str, str]
    longest: int


@lru_cache(maxsize=1)
def name_dictionary(directory: Path = DATA) -> dict[str, str]:
    from marsad.names.dictionary import load_dictionary

    return load_dictionary(directory / DICTIONARY_FILE)


@lru_cache(maxsize=1)
def name_model(directory: Path = DATA):
    from marsad.names.jointseq import load

    return load(directory / MODEL_FILE)


@lru_cache(maxsize=1)
def name_rules(directory: Path = DATA) -> Rules:
    names: dict[tuple[str, ...], str] = {}
    joins: dict[str, str] = {}
    heads: dict[str, str] = {}
    with (directory / RULES_FILE).open(encoding="utf-8") as fh:
        rows = [ln.rstrip("\n").split("\t") for ln in fh if ln.strip() and not ln.startswith("#")]
    for arabic, latin, kind in rows[1:]:
        key = tuple(fold(arabic).split())
        if kind == "name":
            names[key] = latin
        elif kind == "join":
            joins[key[0]] = latin
        elif kind == "head":
            heads[key[0]] = latin
        else:
            raise ValueError(f"{directory / RULES_FILE}: unknown kind {kind!r} for {arabic!r}")
    return Rules(names, joins, heads, max((len(k) for k in names), default=1))


@lru_cache(maxsize=1)
def known_spellings(directory: Path = DATA) -> frozenset[str]:
    import gzip

    with gzip.open(directory / SPELLINGS_FILE, "rt", encoding="utf-8") as fh:
        return frozenset(line.rstrip("\n") for line in fh if not line.startswith("#"))


def looks_like_name(text: str) -> bool:
    """Whether a word of `text` is a known name token (dictionary or rules).

    A cheap check that the words after a title are a name (الوزير السابق
    محمد شطح) and not a common noun the mention finder took for one (وزير
    التعليم, الرئيس المخلوع): unknown names are only trusted next to known ones.
    """
    words, rules = name_dictionary(), name_rules()
    for tok in fold(text).replace("_", " ").split():
        bare = tok[len(ARTICLE):] if tok.startswith(ARTICLE) else tok
        if tok in words or bare in words or (tok,) in rules.names or tok in rules.heads:
            return True
    return False


def model_romanize(letters: str, prior: bool = True) -> str:
    """The model's best romanisation of light-folded Arabic letters ('' if none);
    with `prior`, known Latin name spellings among its n-best get a bonus."""
    cands = name_model().decode(letters, beam=BEAM, nbest=NBEST)
    if not cands:
        return ""
    if not prior:
        return cands[0][0]
    known = known_spellings()
    return max(cands, key=lambda kv: kv[1] + SPELLING_BONUS * (kv[0] in known))[0]


def _lookup(letters: str, use_dictionary: bool, prior: bool) -> tuple[str, str]:
    if use_dictionary:
        hit = name_dictionary().get(fold(letters))
        if hit:
            return hit, "dictionary"
    return model_romanize(letters, prior), "model"


@lru_cache(maxsize=65536)
def romanize_token(token: str, use_dictionary: bool = True, prior: bool = True) -> TokenRomanisation:
    """Romanise one clitic-free name token. Latin-script tokens pass through.
    `use_dictionary=False` / `prior=False` switch parts off for evaluation."""
    if LATIN_NAME.fullmatch(token):
        return TokenRomanisation(token.lower(), False, "latin")
    letters = clean_arabic("".join(ch for ch in token if ch.isalpha()))
    if not letters:
        return TokenRomanisation("", False, "none")
    if letters.startswith(ARTICLE) and len(letters) >= len(ARTICLE) + MIN_STEM:
        stem = letters[len(ARTICLE):]
        if use_dictionary:
            whole = name_dictionary().get(fold(letters))
            if whole and whole.startswith(("al", "el")):
                if whole[2:3] == "-" or stem.endswith(NISBA):  # المالكي almalki → al-Malki
                    return TokenRomanisation(whole[2:].lstrip("-"), True, "dictionary")
                return TokenRomanisation(whole, False, "dictionary")  # الياس Elias, البرت Albert
            if whole:
                return TokenRomanisation(whole, True, "dictionary")  # listed without its article
        latin, source = _lookup(stem, use_dictionary, prior)
        return TokenRomanisation(latin, True, source)
    latin, source = _lookup(letters, use_dictionary, prior)
    return TokenRomanisation(latin, False, source)


def capitalise(word: str) -> str:
    """Upper-case the first letter of each hyphen part but the article: al-assad → al-Assad."""
    parts = word.split("-")
    return "-".join(p if p in ("al", "el") and i < len(parts) - 1 else p[:1].upper() + p[1:]
                    for i, p in enumerate(parts))


@lru_cache(maxsize=16384)
def romanize_name(name: str, use_dictionary: bool = True) -> str:
    """Romanise a person's name (Arabic words separated by spaces or `_`) in news style."""
    tokens = fold_light(name).replace("_", " ").split()  # the model reads ة and ى
    keys = [fold(t) for t in tokens]
    rules = name_rules()
    words: list[str] = []
    i = 0
    while i < len(tokens):
        for n in range(min(rules.longest, len(tokens) - i), 0, -1):
            fixed = rules.names.get(tuple(keys[i:i + n]))
            if fixed:
                words.append(fixed)
                i += n
                break
        else:
            tok, key = tokens[i], keys[i]
            if key in rules.joins and words:
                words[-1] += rules.joins[key]  # نصر الله → Nasrallah
            elif key in rules.heads and i + 1 < len(tokens) and keys[i + 1].startswith(ARTICLE):
                nxt = romanize_token(tokens[i + 1], use_dictionary)
                words.append(f"{rules.heads[key]} {capitalise(nxt.latin)}")
                i += 1
            else:
                r = romanize_token(tok, use_dictionary)
                if r.latin:
                    words.append(capitalise(("al-" if r.article else "") + r.latin))
            i += 1
    out = " ".join(w for w in words if w)
    return out[:1].upper() + out[1:]
