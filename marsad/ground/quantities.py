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

Each word that may start a count is read by COUNT_RULES, in order: the
number (digits, digit-scale, number-words), what makes it no count
(inside-date, reference-number, ordinal, age, digit-groups, phone-or-code,
range-or-fraction), its unit (unit, percent-or-time, bare-year), the group
counted (unit-after-min, of-after-min, construct-of) and its comparator
(comparator-before, comparator-after, vague-comparator). A count's `rule` is
the names of the rules that fired on it, joined by ":".
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from marsad import rules
from marsad.ground._text import Folded, folded, key, split_forms, table, word_class
from marsad.ground.offsets import ByStart, Pair, by_start_pairs
from marsad.types import Quantity



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
    rule: str = field(default="", compare=False)  # the count rules that read it (debug, not in `to_dict`)

    def to_quantity(self) -> Quantity:
        """The record's `Quantity` (the same fields, without the debug `rule`)."""
        return Quantity(self.start, self.end, self.text, self.value, self.comparator, self.unit, self.of, self.order)

    def to_dict(self) -> dict:
        return self.to_quantity().to_dict()


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


@dataclass(eq=False)
class _Scan:
    """The article the count rules read: its words, folded and with offsets."""

    text: str
    f: Folded | _RawOffsets
    toks: list[tuple[int, int, str]]  # (start, end, folded word); offsets into `f`'s text
    words: list[str]
    busy: ByStart[Pair]  # the date spans: numbers inside them are not counts
    v: _Vocab


@dataclass(eq=False)
class _CountState:
    """One possible count, from the word at `i`: the count rules read its
    number (to `j`), reject it (`stop`, going on at `resume`) or attach its
    unit (to `k`), group and comparator."""

    scan: _Scan
    i: int
    j: int = 0  # end of the number
    k: int = 0  # end of the unit
    end_k: int = 0  # end of the span
    value: float | None = None
    order: int | None = None  # of a vague count
    ra: int = 0  # raw span of the number
    rb: int = 0
    unit: str | None = None
    ukind: str | None = None
    of: str | None = None
    comparator: str = "="
    start_fold: int = 0
    resume: int = 0  # where the scan goes on after a rejection
    fired: list[str] = field(default_factory=list)
    stop: bool = False

    @property
    def w(self) -> str:
        return self.scan.words[self.i]

    @property
    def digits(self) -> bool:
        return self.w[0].isdigit()

    def reject(self, resume: int) -> bool:
        self.stop, self.resume = True, resume
        return True


def _scale(v: _Vocab, word: str) -> bool:
    return v.words.get(word, ("",))[0] in ("scale", "plural_scale")


def digits(st: _CountState) -> bool:
    """3000، ٣٠٠٠، 1,500، 22.2: a number in digits (1.500 = 1500 unless a
    scale word follows); digit-like characters that are no number are rejected."""
    if not st.digits:
        return False
    w, words, v = st.w, st.scan.words, st.scan.v
    st.value = _parse_digits(w)
    st.j = st.i + 1
    if st.value is None:
        return st.reject(st.i + 1)
    if "." in w and w.count(".") == 1 and len(w.split(".")[1]) == 3 and not (
            st.j < len(words) and _scale(v, words[st.j])):
        st.value = float(w.replace(".", ""))  # 1.500 = 1500
    return True


def digit_scale(st: _CountState) -> bool:
    """22.2 مليون، 3 آلاف: scale words after the digits multiply them."""
    if not st.digits:
        return False
    words, v, n = st.scan.words, st.scan.v, len(st.scan.words)
    j = st.j
    while j < n and _scale(v, words[j]):
        st.value *= v.words[words[j]][1]
        j += 1
    fired, st.j = j > st.j, j
    return fired


def number_words(st: _CountState) -> bool:
    """ثلاثة آلاف وخمسمائة، أحد عشر، عشرات، مئات الآلاف: a number in words (a
    vague one has an order of magnitude, not a value); أحد، واحد alone is
    "one of", rarely a count (rejected)."""
    if st.digits:
        return False
    words, v, i = st.scan.words, st.scan.v, st.i
    n = len(words)
    if _word(v, st.w, False) is None:
        return st.reject(i + 1)
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
    st.j = j
    if vague is not None:
        st.order = vague
        return True
    st.value = total + current
    if st.value <= 1 and j == i + 1:
        return st.reject(i + 1)  # أحد، واحد
    return True


def inside_date(st: _CountState) -> bool:
    """في 17 يوليو 2014: a number inside a date expression is no count (rejected)."""
    toks = st.scan.toks
    st.ra, st.rb = st.scan.f.span(toks[st.i][0], toks[st.j - 1][1])
    ra, rb = st.ra, st.rb
    if any(s <= ra < e or s < rb <= e for s, e in st.scan.busy.overlapping(ra, rb)):
        return st.reject(st.j)
    return False


def reference_number(st: _CountState) -> bool:
    """القرار 2254، المادة 5، رقم 3، +966، 70%: a number after a word that
    makes it a reference, a sign or a percent sign is no count (rejected)."""
    if not st.digits:
        return False
    words, i = st.scan.words, st.i
    prev = words[i - 1] if i > 0 else ""
    prev_k = prev[1:] if prev[:1] in "وفبل" and len(prev) > 3 else prev
    raw_before = st.scan.text[max(0, st.ra - 2):st.ra]
    if prev in NOT_COUNT_BEFORE or prev_k in NOT_COUNT_BEFORE or "+" in raw_before or prev in PERCENT_SIGNS:
        return st.reject(st.j)
    return False


def ordinal(st: _CountState) -> bool:
    """القمة العربية الـ29، الذكرى الـ36: digits after the article, ranking a
    summit or an anniversary, are an ordinal (not القتلى الـ24) (rejected)."""
    words, i = st.scan.words, st.i
    if st.digits and ORDINAL_ARTICLE.search(st.scan.text[max(0, st.ra - 5):st.ra]) and any(
            w_ in ORDINAL_HOSTS for w_ in words[max(0, i - 4):i]):
        return st.reject(st.j)
    return False


def age(st: _CountState) -> bool:
    """في الـ16 من عمرها: an age (rejected)."""
    words, j = st.scan.words, st.j
    if st.digits and j + 1 < len(words) and words[j] == "من" and words[j + 1].startswith(AGE_WORDS):
        return st.reject(j)
    return False


def digit_groups(st: _CountState) -> bool:
    """0112 345 678: digit groups side by side are a phone number or a code (rejected)."""
    words, i, j = st.scan.words, st.i, st.j
    prev = words[i - 1] if i > 0 else ""
    if st.digits and (prev[:1].isdigit() or j < len(words) and words[j][:1].isdigit()):
        return st.reject(j)
    return False


def phone_or_code(st: _CountState) -> bool:
    """0501234، 1234567: seven digits or more, or five from a leading 0 (rejected)."""
    w = st.w
    if st.digits and (len(w) >= 7 and w.isdigit() or (w.startswith("0") and len(w) >= 5)):
        return st.reject(st.j)
    return False


def range_or_fraction(st: _CountState) -> bool:
    """011-234، 3/4: digits joined by - or / (rejected, with what follows)."""
    words, j = st.scan.words, st.j
    if st.digits and j < len(words) and words[j] in "-/" and j + 1 < len(words) and words[j + 1][:1].isdigit():
        return st.reject(j + 2)
    return False


def unit(st: _CountState) -> bool:
    """3000 مقاتل، 50 مليون دولار، 12 غارة: the unit after the number
    (resources/ground_units.tsv), also with a clitic و ب ل."""
    words, v = st.scan.words, st.scan.v
    n = len(words)
    st.k = k = st.j
    for size in range(min(v.unit_max, n - k), 0, -1):
        u = v.units.get(tuple(words[k:k + size]))
        if u is None and size == 1 and words[k][:1] in "وبل" and len(words[k]) > 3:
            u = v.units.get((words[k][1:],))
        if u:
            st.ukind, st.unit = u
            st.k += size
            return True
    return False


def percent_or_time(st: _CountState) -> bool:
    """70 في المئة، 5 ساعات، 3 سنوات: a percentage or a duration (rejected)."""
    words, k = st.scan.words, st.k
    n = len(words)
    if st.ukind is None and k < n and words[k] in ("في", "ب") and k + 1 < n and words[k + 1] in PERCENT_WORDS:
        st.ukind = "percent"
    if st.ukind in ("percent", "time"):
        return st.reject(k)
    return False


def bare_year(st: _CountState) -> bool:
    """في 2016: digits of a year (1900–2100) with no unit are a year (rejected)."""
    w = st.w
    if st.ukind is None and st.digits and YEAR_MIN <= (st.value or 0) <= YEAR_MAX and "." not in w and "," not in w:
        return st.reject(st.j)
    return False


def _count_unit_after_min(st: _CountState) -> tuple[str, str] | None:
    """The count unit of `من X` after the unit, if the words there are that."""
    words, k = st.scan.words, st.k
    if k < len(words) and words[k] == "من" and k + 1 < len(words):
        u = st.scan.v.units.get((words[k + 1],))
        return u if u and u[0] == "count" else None
    return None


def _min_follows(st: _CountState) -> bool:
    words, k = st.scan.words, st.k
    return k < len(words) and words[k] == "من" and k + 1 < len(words)


def unit_after_min(st: _CountState) -> bool:
    """ألف من مقاتلي التنظيم، ألفان من الجنود: the unit after من, and the
    group counted after it."""
    st.end_k = st.k
    u = _count_unit_after_min(st)
    if u is None:
        return False
    scan, k = st.scan, st.k
    if st.unit is None:
        st.unit = u[1]
    st.of = _of(scan.words, scan.toks, k + 2, scan.f, scan.text)
    st.end_k = k + 2 if st.unit == u[1] else st.end_k
    return True


def of_after_min(st: _CountState) -> bool:
    """ألف إرهابي من تنظيم داعش: the group counted, after من."""
    if st.unit is None or not _min_follows(st) or _count_unit_after_min(st) is not None:
        return False
    scan = st.scan
    st.of = _of(scan.words, scan.toks, st.k + 1, scan.f, scan.text)
    return st.of is not None


def construct_of(st: _CountState) -> bool:
    """20 من مقاتلي داعش: the unit in the construct state (ـي، ـو) is followed
    by the group counted."""
    words, k = st.scan.words, st.k
    if st.unit is not None and not _min_follows(st) and words[k - 1].endswith(("ي", "و")) and k < len(words):
        scan = st.scan
        st.of = _of(words, scan.toks, k, scan.f, scan.text)
        return st.of is not None
    return False


def comparator_before(st: _CountState) -> bool:
    """أكثر من، أقل من، نحو، ما لا يقل عن: a comparator before the number
    (resources/ground_comparators.tsv); the span starts with it."""
    words, toks, v, i = st.scan.words, st.scan.toks, st.scan.v, st.i
    st.start_fold = toks[i][0]
    for size in range(min(v.comp_max, i), 0, -1):
        phrase = words[i - size:i]
        first = phrase[0]
        cands = [tuple(phrase)]
        if first[:1] in "وفبل" and len(first) > 2:
            cands.append((first[1:], *phrase[1:]))
        hit = next((c for c in cands if c in v.comps_before), None)
        if hit:
            st.comparator = v.comps_before[hit]
            st.start_fold = toks[i - size][0] + (len(first) - len(hit[0]))
            return True
    return False


def comparator_after(st: _CountState) -> bool:
    """30 شخصا على الأقل: a comparator after the count."""
    if st.comparator != "=":
        return False
    words, v, end_k = st.scan.words, st.scan.v, st.end_k
    for size in range(min(v.comp_max, len(words) - end_k), 0, -1):
        comp = v.comps_after.get(tuple(words[end_k:end_k + size]))
        if comp:
            st.comparator = comp
            return True
    return False


def vague_comparator(st: _CountState) -> bool:
    """عشرات، مئات الآلاف: a vague count is approximate (~)."""
    if st.value is None and st.order is not None:
        st.comparator = "~"
        return True
    return False


# A count's `rule` is the names of those that fired on it, joined by ":" (digits:unit:comparator-before).
COUNT_RULES = rules.table(
    digits, digit_scale, number_words,
    inside_date, reference_number, ordinal, age, digit_groups, phone_or_code, range_or_fraction,
    unit, percent_or_time, bare_year,
    unit_after_min, of_after_min, construct_of,
    comparator_before, comparator_after, vague_comparator,
)


def find_quantities(text: str, date_spans: list[tuple[int, int]] | None = None,
                    tokens: list[tuple[int, int, str]] | None = None,
                    starts: list[int] | None = None) -> list[QuantityMention]:
    """Counts in `text`, read by COUNT_RULES from each word that may start
    one; `date_spans` (numbers inside them are not counts) are found here
    unless the caller already has them. `tokens` — (raw start, raw end,
    folded word) — spare a second tokenisation when the caller has them (the
    pipeline's tokens, whose `norm` is the same fold); `starts`, the
    positions in `tokens` of the words `may_start` accepts, spare looking at
    the others."""
    from marsad.ground import dates

    f: Folded | _RawOffsets
    if tokens is None:
        f = folded(text)
        toks = [(m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(f.text)]
    else:
        f, toks = _RawOffsets(), tokens
    words = [t[2] for t in toks]
    # the date spans near a count, by bisect: a scan of all of them per count is quadratic in a long article
    busy = by_start_pairs(dates.date_spans(text) if date_spans is None else date_spans)
    scan = _Scan(text, f, toks, words, busy, _vocab())
    out: list[QuantityMention] = []
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
        st = rules.run(COUNT_RULES, _CountState(scan, i))
        if st.stop:
            i = st.resume
            continue
        ra, rb = f.span(st.start_fold, toks[st.end_k - 1][1])
        out.append(QuantityMention(ra, rb, text[ra:rb], _num(st.value) if st.value is not None else None,
                                   st.comparator, st.unit, st.of, st.order, ":".join(st.fired)))
        i = max(st.k, st.j)
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
