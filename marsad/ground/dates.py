"""Date expressions in Arabic news, resolved against the article's date.

Past-biased: a weekday, or a day and month without a year, is the most recent
such day on or before the article date unless the text marks the future
(المقبل، القادم، سوف، سيعقد…). Relative expressions in an article with no date
get precision `unknown` and no value.

    >>> [(d.text, d.value) for d in find_dates("أعلن التحالف الأربعاء أنه", "2017-12-27")]
    [('الأربعاء', '2017-12-27')]
    >>> [(d.text, d.value) for d in find_dates("قال في الخامس من ديسمبر (كانون الأول) إن", "2017-12-27")]
    [('الخامس من ديسمبر (كانون الأول)', '2017-12-05')]

Each match is resolved by the rule of its branch, DATE_RULES in order:
numeric, explicit, hijri, year, ago, period, weekday, relday; a date's `rule`
is that rule's name with what it found (`explicit:month`, `weekday:future`).

Vocabulary: resources/ground_dates.tsv and the ordinals in ground_numbers.tsv.
Hijri dates follow Umm al-Qura, the calendar Saudi and Gulf outlets print
(`hijridate`'s tables, 1343-1500 AH = 1924-2077); outside that range the
tabular (arithmetical) calendar, which can be a day off, is the fallback.
"""
from __future__ import annotations

import calendar
import math
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache, lru_cache

from hijridate import Gregorian, Hijri

from marsad.ground._text import (
    NOT_AFTER_LETTER,
    NOT_BEFORE_LETTER,
    Folded,
    alternation,
    folded,
    key,
    split_forms,
    table,
    trie_alternation,
)
from marsad import rules
from marsad.text.normalize import fold
from marsad.types import MAX_YEAR, MIN_YEAR

ISLAMIC_EPOCH_ORDINAL = 227015  # proleptic Gregorian ordinal of 1 Muharram 1 AH (622-07-19)
FUTURE_WINDOW_BEFORE = 70  # folded characters scanned for a future marker
FUTURE_WINDOW_AFTER = 25
UPCOMING_DAYS = 60  # a day/month without a year up to this far ahead is upcoming, not last year's


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    text: str
    value: str | None
    precision: str  # day | month | year | unknown
    rule: str


# --- calendars -------------------------------------------------------------

def hijri_to_gregorian(year: int, month: int, day: int) -> date:
    """Umm al-Qura where its tables reach, else the tabular calendar. Day 30 of a month
    Umm al-Qura gives 29 days (an outlet that follows sighting) is the day after the 29th.

    >>> hijri_to_gregorian(1436, 10, 18)  # SPA: "18 شوال 1436 هـ الموافق 03 اغسطس 2015 م"
    datetime.date(2015, 8, 3)
    >>> hijri_to_gregorian(1600, 1, 1)  # beyond the tables: tabular
    datetime.date(2173, 12, 6)
    """
    try:
        if day == 30 and Hijri(year, month, 1).month_length() == 29:
            g, extra = Hijri(year, month, 29).to_gregorian(), 1
        else:
            g, extra = Hijri(year, month, day).to_gregorian(), 0
        return date(g.year, g.month, g.day) + timedelta(days=extra)  # a plain date, not hijridate's subclass
    except (OverflowError, ValueError):
        return tabular_hijri_to_gregorian(year, month, day)


def tabular_hijri_to_gregorian(year: int, month: int, day: int) -> date:
    """Tabular Islamic calendar (civil epoch, leap years 2,5,7,10,13,16,18,21,24,26,29).

    >>> tabular_hijri_to_gregorian(1439, 9, 1)
    datetime.date(2018, 5, 16)
    """
    ordinal = (day + math.ceil(29.5 * (month - 1)) + (year - 1) * 354 + (3 + 11 * year) // 30
               + ISLAMIC_EPOCH_ORDINAL - 1)
    return date.fromordinal(ordinal)


def hijri_year_of(d: date) -> int:
    """The Hijri year that `d` falls in (Umm al-Qura where it reaches).

    >>> hijri_year_of(date(2018, 5, 16))
    1439
    """
    try:
        return Gregorian(d.year, d.month, d.day).to_hijri().year
    except (OverflowError, ValueError):
        pass
    year = int((d.toordinal() - ISLAMIC_EPOCH_ORDINAL) * 30 / 10631) + 1
    while hijri_to_gregorian(year + 1, 1, 1) <= d:
        year += 1
    while hijri_to_gregorian(year, 1, 1) > d:
        year -= 1
    return year


def add_months(d: date, n: int) -> tuple[int, int]:
    m = d.year * 12 + (d.month - 1) + n
    return m // 12, m % 12 + 1


# --- vocabulary ------------------------------------------------------------

@dataclass(frozen=True)
class _Vocab:
    pattern: re.Pattern
    months: dict[str, int]
    hijri: dict[str, int]
    weekdays: dict[str, int]
    rel_day: dict[str, int]
    rel_period: dict[str, tuple[str, int]]
    period_unit: dict[str, str]
    ordinals: dict[str, int]
    small_numbers: dict[str, int]
    future: frozenset[str]
    past: frozenset[str]
    ambiguous_months: frozenset[str]
    anchors: frozenset[str]  # words a date expression must contain (the regex runs only near them)


@cache
def _vocab() -> _Vocab:
    by_kind: dict[str, list[tuple[str, str]]] = {}
    for row in table("ground_dates.tsv"):
        for form in split_forms(row["forms"]):
            by_kind.setdefault(row["kind"], []).append((row["value"], form))
    nums: dict[str, list[tuple[str, str]]] = {}
    for row in table("ground_numbers.tsv"):
        for form in split_forms(row["forms"]):
            nums.setdefault(row["kind"], []).append((row["value"], form))

    def forms(kind: str, src=by_kind) -> list[str]:
        return [f for _, f in src.get(kind, [])]

    months = {key(f): int(v) for v, f in by_kind["month"]}
    hijri = {key(f): int(v) for v, f in by_kind["hijri_month"]}
    weekdays = {key(f): int(v) for v, f in by_kind["weekday"]}
    rel_day = {key(f): int(v) for v, f in by_kind["rel_day"]}
    rel_period = {}
    for v, f in by_kind["rel_period"]:
        unit, off = v.split(":")
        rel_period[key(f)] = (unit, int(off))
    period_unit = {key(f): v for v, f in by_kind["period_unit"]}
    ordinals = {key(f): int(v) for v, f in nums["ordinal"]}
    small = {key(f): int(v) for kind in ("unit", "teen_ten", "ten") for v, f in nums[kind]}
    future = frozenset(key(f) for f in forms("future_mark"))
    past = frozenset(key(f) for f in forms("past_mark"))

    MONTH = alternation(forms("month"))
    HMONTH = alternation(forms("hijri_month"))
    WEEKDAY = alternation(forms("weekday"))
    ORD = alternation(list(ordinals))
    DAY = rf"(?:[0-3]?\d|{ORD})"
    RELDAY = alternation(forms("rel_day"))
    RELPER = alternation(forms("rel_period"))
    UNIT = alternation(forms("period_unit"))
    NUM = alternation(list(small))
    BOUND = alternation(forms("boundary"))
    PASTFUT = alternation(forms("past_mark") + ["المقبل", "المقبله", "القادم", "القادمه"])
    YEARWORD = r"(?:(?:من\s+)?(?:عام|العام|سنه|السنه)\s+)?"
    pre = r"(?:[وف]?[بل]?)"  # clitics allowed before a date word (kept out of the span)
    PERIOD_WORDS = "يوم|مساء|صباح|ليل|ليله|فجر|ظهر|عصر|نهار|ظهيره"
    YEAR_WORDS = "عام|العام|سنه|منذ|في|خلال|مطلع|اواخر|اوائل|نهايه|بدايه|حتي|موسم"
    # Every branch below begins with a digit or, after clitics, with one of
    # these words: a lookahead on them (a trie, cheap to fail) spares the
    # branches at most word starts. It only states a necessary condition, so
    # the matches are those of the branches alone.
    first_words = {fold(f).split()[0] for kind in ("month", "hijri_month", "weekday", "rel_day", "rel_period",
                                                   "boundary") for f in forms(kind) if f.strip()}
    first_words |= {k.split()[0] for k in ordinals}
    first_words |= {"شهر", "قبل", "منذ", *PERIOD_WORDS.split("|"), *YEAR_WORDS.split("|")}
    FIRST = rf"(?={pre}(?:\d|{trie_alternation(first_words)}))"
    # One word-start check for the whole alternation: most positions fail at once.
    pat = rf"""{NOT_AFTER_LETTER}{FIRST}(?:
      (?P<numeric>(?<!\d)(?P<nd>[0-3]?\d)[/.\-](?P<nm>[01]?\d)[/.\-](?P<ny>(?:19|20)\d\d)(?!\d))
    | (?P<iso>(?<!\d)(?P<iy>(?:19|20)\d\d)-(?P<im>[01]\d)-(?P<id>[0-3]\d)(?!\d))
    | {pre}(?P<explicit>
          (?:(?P<day>{DAY})\s*(?:من\s+)?(?:شهر\s+)?)?
          (?P<shahr>شهر\s+)?
          (?P<mon>{MONTH}){NOT_BEFORE_LETTER}
          (?:\s*[/(\-]?\s*(?:{MONTH})\s*\)?{NOT_BEFORE_LETTER})?
          (?:\s*،?\s*{YEARWORD}(?P<year>(?:19|20)\d\d)(?!\d))?
          (?:\s+(?:من\s+)?(?P<mrel>(?:الشهر|العام|السنه)\s+(?:الحالي|الجاري|الحاليه|الجاريه|{PASTFUT})))?
      )
    | {pre}(?P<hijri>
          (?:(?P<hday>{DAY})\s*(?:من\s+)?)?
          (?P<hshahr>شهر\s+)?
          (?P<hmon>{HMONTH}){NOT_BEFORE_LETTER}
          (?:\s*{YEARWORD}(?P<hyear>1[34]\d\d)(?!\d)(?:\s*(?:هـ|ه|هجري|هجريه|للهجره){NOT_BEFORE_LETTER})?)?
      )
    | {pre}(?P<ago>(?P<agow>قبل|منذ)\s+(?:(?P<agon>\d{{1,3}}|{NUM})\s+)?(?P<agou>{UNIT})){NOT_BEFORE_LETTER}
    | {pre}(?P<bound>(?P<bw>{BOUND})\s+(?P<bp>{RELPER}|الشهر|العام|السنه|الاسبوع)){NOT_BEFORE_LETTER}
    | {pre}(?P<relper>{RELPER}){NOT_BEFORE_LETTER}
    | {pre}(?P<weekday>(?:(?:{PERIOD_WORDS})\s+)?(?P<wd>{WEEKDAY})(?:\s+(?P<wrel>{PASTFUT}))?){NOT_BEFORE_LETTER}
    | {pre}(?P<relday>{RELDAY}){NOT_BEFORE_LETTER}
    | (?P<yearonly>(?P<yw>{YEAR_WORDS})\s+(?P<y>(?:19|20)\d\d))(?!\d)
    )"""
    # Every date expression holds a digit or one of these words (frequent
    # modifiers such as الماضي or هذا are left out: the word they modify is in).
    anchor_words = {w for kind in ("month", "hijri_month", "weekday", "rel_day", "rel_period")
                    for f in forms(kind) for w in key(f).split()}
    anchor_words -= {key(w) for w in ("هذا", "هذه", "يوم", "صباح", "مساء", "ليلة", "من", "أول", "الأول",
                                      "الحالي", "الحالية", "الجاري", "الجارية")} | future | past
    anchor_words |= {"الشهر", "العام", "السنه", "الاسبوع", "قبل", "منذ"}
    return _Vocab(
        anchors=frozenset(anchor_words),
        pattern=re.compile(pat, re.X),
        months=months, hijri=hijri, weekdays=weekdays, rel_day=rel_day, rel_period=rel_period,
        period_unit=period_unit, ordinals=ordinals, small_numbers=small, future=future, past=past,
        ambiguous_months=frozenset({"اب", "ماي", "اوت", "مارس"}),
    )


# --- resolution ------------------------------------------------------------

def _parse_article_date(article_date: str | None) -> date | None:
    """The reference day, or None (relative dates then get precision unknown); a year like
    0001 or 9999 is a placeholder, not a date to count weekdays back from."""
    if not article_date:
        return None
    try:
        ref = date.fromisoformat(article_date[:10])
    except ValueError:
        return None
    return ref if MIN_YEAR <= ref.year <= MAX_YEAR else None


def _future_context(folded: str, a: int, b: int, v: _Vocab) -> bool:
    left = folded[max(0, a - FUTURE_WINDOW_BEFORE):a]
    cut = max(left.rfind("."), left.rfind("\n"))
    if cut >= 0:
        left = left[cut + 1:]
    right = folded[b:b + FUTURE_WINDOW_AFTER].split(".")[0]
    words = set(left.split()) | set(right.split()[:2])
    words |= {w[1:] for w in words if w[:1] in "وف"}
    return bool(words & v.future)


def _day_value(day_word: str | None, v: _Vocab) -> int | None:
    if not day_word:
        return None
    if day_word.isdigit():
        return int(day_word)
    return v.ordinals.get(key(day_word))


@dataclass(eq=False)
class _DateState:
    """One match of the date pattern as the date rules see it; the rule of
    its branch sets `result`: (value, precision, rule string), or None to
    drop the match."""

    m: re.Match
    folded: str
    ref: date | None  # the article date
    v: _Vocab
    result: tuple[str | None, str, str] | None = None
    fired: list[str] = field(default_factory=list)
    stop: bool = False

    def matched(self, *groups: str) -> bool:
        """Whether the match is one of these branches (then no later rule runs)."""
        self.stop = any(self.m.group(g) for g in groups)
        return self.stop


def numeric(st: _DateState) -> bool:
    """12/5/2018، 2018-05-12: a numeric date (dropped if no such day)."""
    if not st.matched("numeric", "iso"):
        return False
    g = st.m.group
    y, mo, d = (int(g("ny")), int(g("nm")), int(g("nd"))) if g("numeric") else \
        (int(g("iy")), int(g("im")), int(g("id")))
    try:
        st.result = date(y, mo, d).isoformat(), "day", "numeric"
    except ValueError:
        pass
    return True


def explicit(st: _DateState) -> bool:
    """الخامس من ديسمبر (كانون الأول)، مارس 2017، ديسمبر الماضي: a Gregorian
    month, with a day and a year if given; without a year, the last such day
    on or before the article date unless the text marks the future. A lone
    ambiguous month (أب، ماي، مارس) is dropped."""
    if not st.matched("explicit"):
        return False
    g, v, ref = st.m.group, st.v, st.ref
    mon_key = key(g("mon"))
    month = v.months[mon_key]
    day = _day_value(g("day"), v)
    year = int(g("year")) if g("year") else None
    if day is None and year is None and not g("shahr") and (mon_key in v.ambiguous_months):
        return True
    mrel = key(g("mrel") or "")
    if year is None:
        if ref is None:
            st.result = None, "unknown", "explicit:no-article-date"
            return True
        year = ref.year
        if mrel.startswith(("العام", "السنه")):
            year += -1 if mrel.split()[-1] in v.past else (1 if mrel.split()[-1] in v.future or "قادم" in mrel or "مقبل" in mrel else 0)
        elif mrel.startswith("الشهر") and ref.month < month and mrel.split()[-1] in v.past | {"الحالي", "الجاري"}:
            year -= 1  # "ديسمبر الماضي" in January
        elif not mrel:
            m = st.m
            candidate = date(year, month, min(day or 1, calendar.monthrange(year, month)[1]))
            if candidate > ref + timedelta(days=UPCOMING_DAYS) and not _future_context(
                    st.folded, m.start("explicit"), m.end("explicit"), v):
                year -= 1  # past bias: "الخامس من ديسمبر" in an article of 3 January
            elif candidate < ref - timedelta(days=300) and _future_context(st.folded, m.start("explicit"), m.end("explicit"), v):
                year += 1
    if day is None:
        st.result = f"{year:04d}-{month:02d}", "month", "explicit:month"
    elif not 1 <= day <= calendar.monthrange(year, month)[1]:
        st.result = f"{year:04d}-{month:02d}", "month", "explicit:bad-day"
    else:
        st.result = date(year, month, day).isoformat(), "day", "explicit"
    return True


def hijri(st: _DateState) -> bool:
    """1 رمضان 1439، خلال شهر رمضان: a Hijri month (Umm al-Qura), past-biased
    like `explicit`; رمضان alone is usually a person's name (dropped)."""
    if not st.matched("hijri"):
        return False
    g, v, ref = st.m.group, st.v, st.ref
    hmonth = v.hijri[key(g("hmon"))]
    hday = _day_value(g("hday"), v)
    hyear = int(g("hyear")) if g("hyear") else None
    if hyear is None and hday is None and not g("hshahr"):
        return True
    if hyear is None:
        if ref is None:
            st.result = None, "unknown", "hijri:no-article-date"
            return True
        hyear = hijri_year_of(ref)
        if hijri_to_gregorian(hyear, hmonth, hday or 1) > ref and not _future_context(
                st.folded, st.m.start("hijri"), st.m.end("hijri"), v):
            hyear -= 1
    if hday is None:
        first = hijri_to_gregorian(hyear, hmonth, 1)
        st.result = f"{first.year:04d}-{first.month:02d}", "month", "hijri:month"
    elif 1 <= hday <= 30:
        st.result = hijri_to_gregorian(hyear, hmonth, hday).isoformat(), "day", "hijri"
    return True


def year(st: _DateState) -> bool:
    """في عام 2016، منذ 2011: a year after a word that introduces one."""
    if not st.matched("yearonly"):
        return False
    st.result = f"{int(st.m.group('y')):04d}", "year", "year"
    return True


def ago(st: _DateState) -> bool:
    """قبل ثلاثة أيام، منذ أسبوعين، قبل عام: a count of days, weeks, months
    or years back from the article date (منذ أيام: vague, dropped)."""
    if not st.matched("ago"):
        return False
    g, v, ref = st.m.group, st.v, st.ref
    unit = v.period_unit[key(g("agou"))]
    nword = g("agon")
    unit_word = key(g("agou"))
    if nword:
        n = int(nword) if nword.isdigit() else v.small_numbers.get(key(nword))
        if n is None:
            return True
    elif unit_word.endswith(("ين", "ان", "تين", "تان")) and unit_word not in ("سنين",):
        n = 2  # dual: يومين، أسبوعين، شهرين، عامين
    elif unit_word in ("يوم", "اسبوع", "شهر", "عام", "سنه"):
        n = 1
    else:
        return True  # منذ أيام / قبل سنوات: vague
    if ref is None:
        st.result = None, "unknown", "ago:no-article-date"
        return True
    sign = 1 if g("agow") == "بعد" else -1
    if unit == "day":
        st.result = (ref + timedelta(days=sign * n)).isoformat(), "day", "ago:day"
    elif unit == "week":
        st.result = (ref + timedelta(days=sign * 7 * n)).isoformat(), "day", "ago:week"
    elif unit == "month":
        y, mo = add_months(ref, sign * n)
        st.result = f"{y:04d}-{mo:02d}", "month", "ago:month"
    else:
        st.result = f"{ref.year + sign * n:04d}", "year", "ago:year"
    return True


def period(st: _DateState) -> bool:
    """الشهر الماضي، العام المقبل، مطلع الأسبوع الجاري: a month, week or year
    relative to the article date."""
    if not st.matched("bound", "relper"):
        return False
    g, v, ref = st.m.group, st.v, st.ref
    phrase = key(g("bp") if g("bound") else g("relper"))
    unit, off = v.rel_period.get(phrase, ({"الشهر": "month", "العام": "year", "السنه": "year",
                                            "الاسبوع": "week"}.get(phrase, "month"), 0))
    if ref is None:
        st.result = None, "unknown", "period:no-article-date"
    elif unit == "week":
        d = ref + timedelta(days=7 * off)
        st.result = f"{d.year:04d}-{d.month:02d}", "month", "period:week"
    elif unit == "month":
        y, mo = add_months(ref, off)
        st.result = f"{y:04d}-{mo:02d}", "month", "period:month"
    else:
        st.result = f"{ref.year + off:04d}", "year", "period:year"
    return True


def weekday(st: _DateState) -> bool:
    """الأربعاء، مساء الخميس الماضي، الأحد المقبل: the last such weekday on or
    before the article date, or the next one when the text marks the future."""
    if not st.matched("weekday"):
        return False
    g, v, ref = st.m.group, st.v, st.ref
    wd = v.weekdays[key(g("wd"))]
    if ref is None:
        st.result = None, "unknown", "weekday:no-article-date"
        return True
    wrel = key(g("wrel") or "")
    back = (ref.weekday() - wd) % 7
    if wrel in v.past:
        back = back or 7
    elif wrel or _future_context(st.folded, st.m.start("weekday"), st.m.end("weekday"), v):
        ahead = (wd - ref.weekday()) % 7 or 7
        st.result = (ref + timedelta(days=ahead)).isoformat(), "day", "weekday:future"
        return True
    st.result = (ref - timedelta(days=back)).isoformat(), "day", "weekday"
    return True


def relday(st: _DateState) -> bool:
    """أمس، اليوم، غدا: a day relative to the article date."""
    if not st.matched("relday"):
        return False
    off = st.v.rel_day[key(st.m.group("relday"))]
    if st.ref is None:
        st.result = None, "unknown", "relday:no-article-date"
    else:
        st.result = (st.ref + timedelta(days=off)).isoformat(), "day", "relday"
    return True


# One rule per branch of the date pattern; a date's rule string starts with its rule's name.
DATE_RULES = rules.table(numeric, explicit, hijri, year, ago, period, weekday, relday)


def _resolve(m: re.Match, folded: str, ref: date | None, v: _Vocab) -> tuple[str | None, str, str] | None:
    """(value, precision, rule) for one match, or None to drop it: DATE_RULES in order."""
    return rules.run(DATE_RULES, _DateState(m, folded, ref, v)).result


WORD_RE = re.compile(r"[^\W_]+")
DIGIT_RE = re.compile(r"\d")
WINDOW_BEFORE, WINDOW_AFTER = 40, 60  # folded characters around an anchor word


def _date_like_number(text: str, a: int, b: int, word: str) -> bool:
    """Digits can only anchor a year (19xx/20xx) or a numeric date (12/5/2018,
    2018-05-12); a count such as "30 شخصا" needs a month word nearby, which
    anchors its own window. Skipping the rest keeps the big regex off most
    numbers."""
    if not word.isdigit():
        return True
    if len(word) == 4 and word[:2] in ("19", "20"):
        return True
    after, before = text[b:b + 2], text[max(0, a - 2):a]
    return (len(after) == 2 and after[0] in "/-." and after[1].isdigit()) or (
        len(before) == 2 and before[1] in "/-." and before[0].isdigit())


def _anchor_spans(text: str, v: _Vocab):
    """Folded spans of the words a date expression could contain."""
    anchors = v.anchors
    for w in WORD_RE.finditer(text):
        word = w.group()
        if word in anchors or word[1:] in anchors or word[2:] in anchors or (
                DIGIT_RE.search(word) and _date_like_number(text, w.start(), w.end(), word)):
            yield w.start(), w.end()


def _matches(text: str, v: _Vocab, anchor_spans=None):
    """`v.pattern` matches, searched only in windows around anchor words and
    digits (scanning the whole text with the big alternation is slow)."""
    windows: list[list[int]] = []
    for w_start, w_end in anchor_spans if anchor_spans is not None else _anchor_spans(text, v):
        a, b = max(0, w_start - WINDOW_BEFORE), w_end + WINDOW_AFTER
        if windows and a <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], b)
        else:
            windows.append([a, b])
    last = 0
    for a, b in windows:
        for m in v.pattern.finditer(text, max(a, last), min(b, len(text))):
            last = m.end()
            yield m


_SPAN_GROUPS = ("numeric", "iso", "explicit", "hijri", "ago", "bound", "relper", "weekday", "relday", "yearonly")


def find_dates(text: str, article_date: str | None,
               tokens: list[tuple[int, int, str]] | None = None,
               anchors: list[int] | None = None) -> list[DateMention]:
    """Date expressions in `text` (raw offsets), resolved against `article_date` (ISO).
    `tokens` — (raw start, raw end, folded word) — spare a scan for anchor
    words when the caller has them; `anchors`, the positions in `tokens` of
    the words `anchor_kind` does not give 0, spare looking at the others."""
    if tokens is None:
        return list(_find_dates(text, article_date))
    f = folded(text)  # shared with any other resolver folding this article
    kinds = _anchor_kinds()
    spans = []
    candidates = [t for t in tokens if kinds[t[2]]] if anchors is None else [tokens[k] for k in anchors]
    for a, b, word in candidates:
        fa, fb = f.folded_index(a), f.folded_index(b)
        if kinds[word] == ANCHOR or _date_like_number(f.text, fa, fb, word):
            spans.append((fa, fb))
    return list(_dates_in(f, article_date, spans))


ANCHOR, NUMBER = 1, 2
MEMO_MAX = 300_000  # words remembered by `_anchor_kinds` (cleared when full)


@cache
def _anchor_kinds() -> dict[str, int]:
    """Folded word -> ANCHOR (it, or it without one or two leading clitic
    letters, is an anchor word), NUMBER (digits: an anchor if date-like in
    context) or 0; filled on a miss, so that the scan over an article's
    tokens is one dict subscript per word."""
    anchors = _vocab().anchors

    class Kinds(dict):
        def __missing__(self, word: str) -> int:
            if len(self) > MEMO_MAX:
                self.clear()
            kind = self[word] = ANCHOR if (word in anchors or word[1:] in anchors or word[2:] in anchors) else (
                NUMBER if word[:1].isdigit() else 0)
            return kind

    return Kinds()


def anchor_kind(word: str) -> int:
    """ANCHOR, NUMBER or 0 for a folded word (see `_anchor_kinds`)."""
    return _anchor_kinds()[word]


@lru_cache(maxsize=8)
def _find_dates(text: str, article_date: str | None) -> tuple[DateMention, ...]:
    return _dates_in(folded(text), article_date, None)


def _dates_in(f: Folded, article_date: str | None, anchor_spans) -> tuple[DateMention, ...]:
    v = _vocab()
    text = f.raw
    ref = _parse_article_date(article_date)
    out: list[DateMention] = []
    for m in _matches(f.text, v, anchor_spans):
        group = next(g for g in _SPAN_GROUPS if m.group(g))
        try:
            res = _resolve(m, f.text, ref, v)
        except (ValueError, OverflowError):  # a year the calendar cannot hold (عام 9999 المقبل)
            continue
        if res is None:
            continue
        a, b = f.span(m.start(group), m.end(group))
        out.append(DateMention(a, b, text[a:b], res[0], res[1], res[2]))
    return tuple(out)


def date_spans(text: str) -> list[tuple[int, int]]:
    """Spans of date expressions (no resolution): numbers inside them are not counts."""
    return [(d.start, d.end) for d in _find_dates(text, "2000-01-01")]
