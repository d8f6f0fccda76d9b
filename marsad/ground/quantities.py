"""Counts in Arabic news: numbers (digits of either set, words), comparators, units.

    >>> [(q.value, q.comparator, q.unit) for q in find_quantities("إن أقل من 3000 مقاتل ما زالوا")]
    [(3000, '<', 'fighters')]
    >>> [(q.value, q.comparator, q.of) for q in find_quantities("سوى أقل من ألف من مقاتلي التنظيم")]
    [(1000, '<', 'التنظيم')]
    >>> find_quantities("بنسبة 70% في عام 2016")
    []

Years, dates, phone numbers, percentages, durations, reference numbers
(القرار 2254، المادة 5), ordinals written with the article (القمة الـ29) and
ages (في الـ16 من عمرها) are not counts. Vague counts (عشرات، مئات الآلاف) have
`value` None and `order` the order of magnitude. Vocabulary:
resources/ground_numbers.tsv, ground_units.tsv, ground_comparators.tsv.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from marsad.ground._text import Folded, folded, key, split_forms, table, word_class
from marsad.ground.offsets import by_start_pairs


def quantity_words(name: str) -> frozenset[str]:
    """A closed class of resources/ground_quantity_words.tsv, folded."""
    return word_class("ground_quantity_words.tsv", name)


TOKEN_RE = re.compile(r"\d+(?:[.,]\d+)*|[%٪]|[^\W\d_]+|\S")
NOT_COUNT_BEFORE = quantity_words("not_count_before")
OF_HEADS = quantity_words("of_heads")
OF_STOP = quantity_words("of_stop")
YEAR_MIN, YEAR_MAX = 1900, 2100
ORDINAL_HOSTS = quantity_words("ordinal_hosts")  # nouns a number with the article after them ranks
PLURAL_SCALES = quantity_words("plural_scales")
PERCENT_WORDS = quantity_words("percent_words")
AGE_WORDS = tuple(sorted(quantity_words("age_words")))
PERCENT_SIGNS = ("%", "٪")
ORDINAL_ARTICLE = re.compile(r"(?:^|[\s(«\"])ال\u0640*\s?$")  # the article before digits: الـ29، ال 29


@dataclass(frozen=True, slots=True)
class QuantityMention:
    start: int
    end: int
    text: str
    value: int | float | None
    comparator: str
    unit: str | None
    of: str | None
    order: int | None = None  # for vague counts (عشرات = 10, مئات الآلاف = 100000)

    def to_dict(self) -> dict:
        d = {"value": self.value, "comparator": self.comparator, "unit": self.unit, "of": self.of,
             "start": self.start, "end": self.end, "text": self.text}
        if self.value is None:
            d["order"] = self.order
        return d


@dataclass(frozen=True)
class _Vocab:
    words: dict[str, tuple[str, int]]  # folded word -> (kind, value)
    units: dict[tuple[str, ...], tuple[str, str]]  # folded words -> (kind, english)
    unit_max: int
    comps_before: dict[tuple[str, ...], str]
    comps_after: dict[tuple[str, ...], str]
    comp_max: int


@cache
def _vocab() -> _Vocab:
    words: dict[str, tuple[str, int]] = {}
    for row in table("ground_numbers.tsv"):
        if row["kind"] == "ordinal":
            continue
        for form in split_forms(row["forms"]):
            k = key(form)
            if " " in k:
                continue
            words.setdefault(k, (row["kind"], int(row["value"])))
    for plural in PLURAL_SCALES:
        words[plural] = ("plural_scale", words[plural][1])
    units: dict[tuple[str, ...], tuple[str, str]] = {}
    for row in table("ground_units.tsv"):
        for form in split_forms(row["forms"]):
            units.setdefault(tuple(key(form).split()), (row["kind"], row["unit"]))
    before: dict[tuple[str, ...], str] = {}
    after: dict[tuple[str, ...], str] = {}
    for row in table("ground_comparators.tsv"):
        target = before if row["position"] == "before" else after
        for form in split_forms(row["forms"]):
            target.setdefault(tuple(key(form).split()), row["comparator"])
    return _Vocab(words, units, max(map(len, units)), before, after,
                  max(map(len, [*before, *after])))


MEMO_MAX = 300_000  # words remembered by `_may_start` (cleared when full)


@cache
def _may_start() -> dict[str, bool]:
    """Folded word -> whether a count can start with it (digits, a number word,
    one with a clitic و ف ب ل); filled on a miss, so that the scan over an
    article's words is one dict subscript each."""
    vw = _vocab().words

    class MayStart(dict):
        def __missing__(self, t: str) -> bool:
            if len(self) > MEMO_MAX:
                self.clear()
            hit = self[t] = bool(t[0].isdigit() or t in vw or (t[:1] in "وفبل" and t[1:] in vw))
            return hit

    return MayStart()


def _parse_digits(tok: str) -> float | None:
    """The number a digit token writes, or None (`²` and other digit-like
    characters are not numbers)."""
    try:
        return _digits_value(tok)
    except ValueError:
        return None


def _digits_value(tok: str) -> float | None:
    if "," in tok:
        parts = tok.split(",")
        if all(len(p) == 3 for p in parts[1:]):
            return float("".join(parts))
        return None
    if tok.count(".") > 1:
        parts = tok.split(".")
        return float("".join(parts)) if all(len(p) == 3 for p in parts[1:]) else None
    return float(tok)


def _num(v: float) -> int | float:
    return int(v) if float(v).is_integer() else v


def _word(v: _Vocab, tok: str, in_run: bool) -> tuple[str, int] | None:
    hit = v.words.get(tok)
    if hit:
        return hit
    if tok[:1] in "وفبل" and len(tok) > 3:
        rest = tok[1:]
        hit = v.words.get(rest)
        if hit and (tok[0] == "و" and in_run or len(rest) >= 4 or tok[0] == "ب"):
            return hit
    return None


class _RawOffsets:
    """Stands in for `Folded` when the tokens already carry raw offsets."""

    @staticmethod
    def span(a: int, b: int) -> tuple[int, int]:
        return a, b


def may_start(word: str) -> bool:
    """Whether a count can start with the folded word (see `_may_start`)."""
    return _may_start()[word]


def find_quantities(text: str, date_spans: list[tuple[int, int]] | None = None,
                    tokens: list[tuple[int, int, str]] | None = None,
                    starts: list[int] | None = None) -> list[QuantityMention]:
    """Counts in `text`; `date_spans` (numbers inside them are not counts) are
    found here unless the caller already has them. `tokens` — (raw start,
    raw end, folded word) — spare a second tokenisation when the caller has
    them (the pipeline's tokens, whose `norm` is the same fold); `starts`, the
    positions in `tokens` of the words `may_start` accepts, spare looking at
    the others."""
    from marsad.ground import dates

    v = _vocab()
    f: Folded | _RawOffsets
    if tokens is None:
        f = folded(text)
        toks = [(m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(f.text)]
    else:
        f, toks = _RawOffsets(), tokens
    words = [t[2] for t in toks]
    # the date spans near a count, by bisect: a scan of all of them per count is quadratic in a long article
    busy = by_start_pairs(dates.date_spans(text) if date_spans is None else date_spans)
    out: list[QuantityMention] = []
    n = len(toks)
    # Only digits and number words can start a count: visit just those.
    if starts is None:
        memo = _may_start()
        starts = [q for q, t in enumerate(words) if memo[t]]
    si, i = 0, 0
    while True:
        while si < len(starts) and starts[si] < i:
            si += 1
        if si == len(starts):
            break
        i = starts[si]
        w = words[i]
        value: float | None = None
        order: int | None = None
        j = i
        if w[0].isdigit():
            value = _parse_digits(w)
            j = i + 1
            if value is None:
                i += 1
                continue
            if "." in w and w.count(".") == 1 and len(w.split(".")[1]) == 3 and not (
                    j < n and v.words.get(words[j], ("",))[0] in ("scale", "plural_scale")):
                value = float(w.replace(".", ""))  # 1.500 = 1500
            while j < n and v.words.get(words[j], ("",))[0] in ("scale", "plural_scale"):
                value *= v.words[words[j]][1]
                j += 1
        else:
            hit = _word(v, w, False)
            if hit is None:
                i += 1
                continue
            total, current, j = 0.0, 0.0, i
            vague = None
            while j < n:
                h = _word(v, words[j], j > i)
                if h is None:
                    break
                kind, val = h
                if kind == "vague":
                    if j > i and vague is None:
                        break
                    vague = val if vague is None else vague * val  # مئات الآلاف
                elif kind in ("scale", "plural_scale"):
                    if vague is not None:
                        vague *= val
                    elif current == 0 and total == 0 and kind == "plural_scale":
                        vague = val  # آلاف المقاتلين
                    else:
                        total += (current or 1) * val
                        current = 0
                elif vague is not None:
                    break
                elif kind == "dual_scale":
                    total += val
                elif kind == "teen_ten" and 0 < current < 10:
                    current += 10
                else:
                    current += val
                j += 1
                if j < n and words[j] == "و" and j + 1 < n and _word(v, words[j + 1], True):
                    j += 1
            if vague is not None:
                order = vague
            else:
                value = total + current
                if value <= 1 and j == i + 1:
                    i += 1
                    continue  # أحد، واحد: "one of", rarely a count
        a_fold, b_fold = toks[i][0], toks[j - 1][1]
        ra, rb = f.span(a_fold, b_fold)
        if any(s <= ra < e or s < rb <= e for s, e in busy.overlapping(ra, rb)):
            i = j
            continue
        # Context that makes a number not a count.
        prev = words[i - 1] if i > 0 else ""
        prev_k = prev[1:] if prev[:1] in "وفبل" and len(prev) > 3 else prev
        if w[0].isdigit():
            raw_before = text[max(0, ra - 2):ra]
            if prev in NOT_COUNT_BEFORE or prev_k in NOT_COUNT_BEFORE or "+" in raw_before or prev in PERCENT_SIGNS:
                i = j
                continue
            if ORDINAL_ARTICLE.search(text[max(0, ra - 5):ra]) and any(
                    w_ in ORDINAL_HOSTS for w_ in words[max(0, i - 4):i]):
                i = j
                continue  # القمة العربية الـ29، الذكرى الـ36: an ordinal (not القتلى الـ24)
            if j + 1 < n and words[j] == "من" and words[j + 1].startswith(AGE_WORDS):
                i = j
                continue  # في الـ16 من عمرها: an age
            if prev[:1].isdigit() or j < n and words[j][:1].isdigit():
                i = j  # digit groups side by side: a phone number or a code
                continue
            if len(w) >= 7 and w.isdigit() or (w.startswith("0") and len(w) >= 5):
                i = j
                continue  # phone numbers and codes
            if j < n and words[j] in "-/" and j + 1 < n and words[j + 1][:1].isdigit():
                i = j + 2
                continue  # 011-234, 3/4
        # Unit (possibly after من), percent, time.
        unit = of = None
        k = j
        ukind = None
        for size in range(min(v.unit_max, n - k), 0, -1):
            u = v.units.get(tuple(words[k:k + size]))
            if u is None and size == 1 and words[k][:1] in "وبل" and len(words[k]) > 3:
                u = v.units.get((words[k][1:],))
            if u:
                ukind, unit = u
                k += size
                break
        if ukind is None and k < n and words[k] in ("في", "ب") and k + 1 < n and words[k + 1] in PERCENT_WORDS:
            ukind = "percent"
        if ukind in ("percent", "time"):
            i = k
            continue
        if ukind is None and w[0].isdigit() and YEAR_MIN <= (value or 0) <= YEAR_MAX and "." not in w and "," not in w:
            i = j
            continue  # a bare year
        end_k = k
        if k < n and words[k] == "من" and k + 1 < n:
            u = v.units.get((words[k + 1],))
            if u and u[0] == "count":
                if unit is None:
                    unit = u[1]
                of = _of(words, toks, k + 2, f, text)
                end_k = k + 2 if unit == u[1] else end_k
            elif unit is not None:
                of = _of(words, toks, k + 1, f, text)
        elif unit is not None and words[k - 1].endswith(("ي", "و")) and k < n:
            of = _of(words, toks, k, f, text)  # مقاتلي داعش
        # Comparator before (up to comp_max words) or after.
        comparator = "="
        start_fold = a_fold
        for size in range(min(v.comp_max, i), 0, -1):
            phrase = words[i - size:i]
            first = phrase[0]
            cands = [tuple(phrase)]
            if first[:1] in "وفبل" and len(first) > 2:
                cands.append((first[1:], *phrase[1:]))
            hit = next((c for c in cands if c in v.comps_before), None)
            if hit:
                comparator = v.comps_before[hit]
                start_fold = toks[i - size][0] + (len(first) - len(hit[0]))
                break
        if comparator == "=":
            for size in range(min(v.comp_max, n - end_k), 0, -1):
                comp = v.comps_after.get(tuple(words[end_k:end_k + size]))
                if comp:
                    comparator = comp
                    break
        if value is None and order is not None:
            comparator = "~"
        ra, rb = f.span(start_fold, toks[end_k - 1][1])
        out.append(QuantityMention(ra, rb, text[ra:rb], _num(value) if value is not None else None,
                                   comparator, unit, of, order))
        i = max(k, j)
    return out


def _of(words: list[str], toks: list, k: int, f: Folded | _RawOffsets, text: str) -> str | None:
    """The group counted: one or two words after `من` (تنظيم داعش، التنظيم)."""
    if k >= len(words) or not words[k][:1].isalpha() or words[k] in OF_STOP:
        return None
    end = k + 1
    if words[k] in OF_HEADS and end < len(words) and words[end][:1].isalpha() and words[end] not in OF_STOP:
        end += 1
    a, b = f.span(toks[k][0], toks[end - 1][1])
    return text[a:b]
