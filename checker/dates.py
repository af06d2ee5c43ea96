"""Find dates, weekdays and times, and resolve them against the story's dateline."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from checker.models import DateValue

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
SEASON_MONTHS = {"spring": {3, 4, 5}, "summer": {6, 7, 8}, "autumn": {9, 10, 11}, "fall": {9, 10, 11},
                 "winter": {12, 1, 2}}

_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
          r"|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\.)")
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_PART = r"(?:\s+(?P<part>morning|afternoon|evening|night))?"
DATE_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("mdy", re.compile(rf"\b(?P<month>{_MONTH})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>(?:19|20)\d\d))?(?![\d,]\d)")),
    ("dmy", re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{_MONTH})(?:,?\s+(?P<year>(?:19|20)\d\d))?\b")),
    ("my", re.compile(rf"\b(?P<month>{_MONTH})(?:\s+of)?,?\s+(?P<year>(?:19|20)\d\d)\b")),
    ("weekday", re.compile(rf"\b(?:(?P<when>early|late)\s+(?:on\s+)?)?(?P<weekday>{_WEEKDAY})(?:'s|’s)?{_PART}\b")),
    ("month", re.compile(rf"\b(?:in|since|until|by|during|from|early|late|mid-?|last|next|this)\s+(?P<month>{_MONTH})\b")),
    ("season", re.compile(r"\b(?:(?:in|by|during|until|before|after)\s+(?:the\s+)?(?:early\s+|late\s+)?|(?P<rel>this|next|last)\s+)"
                          r"(?P<season>spring|summer|autumn|fall|winter)\b(?!\s+(?:of|to)\b)", re.I)),
    ("relative", re.compile(r"\b(?P<rel>yesterday|today|tonight|last night|next month|last month|this month|"
                            r"next week|last week|this week|next year|last year|this year)\b", re.I)),
    ("year", re.compile(r"\b(?:in|since|of|by|until|from|before|after|year|early|late|mid-?)\s+(?P<year>(?:18|19|20)\d\d)\b|"
                        r"(?<![\d,.$€£-])(?P<year2>(?:19|20)\d\d)(?![\d%-])(?!\s*(?:people|percent|per cent))")),
]
TIME_PATTERN = re.compile(
    r"\b\d{1,2}:\d{2}(?!\d)(?:\s*(?:a\.m\.|p\.m\.|am|pm|GMT|UTC|local time|hours))?"
    r"|\b\d{1,2}\.\d{2}(?!\d)\s*(?:a\.m\.|p\.m\.|am\b|pm\b|GMT|UTC|hours)"
    r"|\b\d{1,2}\s*(?:a\.m\.|p\.m\.|am\b|pm\b)", re.I)


@dataclass(frozen=True)
class FoundDate:
    start: int
    end: int
    value: DateValue


def find_dates(text: str, dateline: Dateline | None = None) -> list[FoundDate]:
    """Return the dates in `text`, longest first where they overlap, resolved against `dateline`."""
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in DATE_PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            value = _value(kind, m, dateline)
            if value is None:
                continue
            found.append(FoundDate(m.start(), m.end(), value))
            taken.append((m.start(), m.end()))
    return sorted(found, key=lambda f: f.start)


def find_times(text: str) -> list[tuple[int, int]]:
    """Return the spans of clock times ("3:14 a.m.", "21:30 GMT")."""
    return [(m.start(), m.end()) for m in TIME_PATTERN.finditer(text)]


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _value(kind: str, m: re.Match[str], dateline: Dateline | None) -> DateValue | None:
    dateline_year = dateline.year if dateline else None
    g = m.groupdict()
    text = m.group(0)
    if kind in ("mdy", "dmy"):
        day = int(g["day"])
        if not 1 <= day <= 31:
            return None
        year = int(g["year"]) if g.get("year") else dateline_year
        month = _month(g["month"])
        weekday = _weekday_of(year, month, day)
        return DateValue(text=text, year=year, month=month, day=day, weekday=weekday)
    if kind == "my":
        return DateValue(text=text, year=int(g["year"]), month=_month(g["month"]))
    if kind == "month":
        if g["month"] == "May" and not re.match(r"(?:in|since|until|by|during|from)\s", text):
            return None
        return DateValue(text=text, month=_month(g["month"]))
    if kind == "weekday":
        weekday = WEEKDAYS[g["weekday"].lower()]
        part = g.get("part") or ({"early": "morning", "late": "night"}.get(g.get("when") or ""))
        return DateValue(text=text, weekday=weekday, part_of_day=part)
    if kind == "season":
        rel = (g.get("rel") or "").lower()
        year = dateline_year + 1 if dateline_year and rel == "next" else None
        return DateValue(text=text, season=g["season"].lower().replace("fall", "autumn"), year=year)
    if kind == "relative":
        return _relative(text, g["rel"].lower(), dateline)
    if kind == "year":
        year = int(g.get("year") or g.get("year2"))
        return DateValue(text=text, year=year)
    return None


def _relative(text: str, rel: str, filed: Dateline | None) -> DateValue | None:
    if filed is None or filed.date is None:
        return DateValue(text=text)
    dateline = filed.date
    known = filed.year_known
    if rel in ("today", "tonight"):
        d = dateline
    elif rel in ("yesterday", "last night"):
        d = dateline - dt.timedelta(days=1)
    else:
        step = {"next": 1, "last": -1, "this": 0}[rel.split()[0]]
        unit = rel.split()[1]
        if unit == "year":
            return DateValue(text=text, year=dateline.year + step if known else None)
        if unit == "month":
            month0 = dateline.month - 1 + step
            return DateValue(text=text, year=dateline.year + month0 // 12 if known else None, month=month0 % 12 + 1)
        d = dateline + dt.timedelta(weeks=step)
        return DateValue(text=text, year=d.year if known else None, month=d.month)
    return DateValue(text=text, year=d.year if known else None, month=d.month, day=d.day,
                     weekday=d.weekday() if known else None)


def _weekday_of(year: int | None, month: int, day: int) -> int | None:
    if year is None:
        return None
    try:
        return dt.date(year, month, day).weekday()
    except ValueError:
        return None


_DATELINE = re.compile(
    rf"(?:^|\n)(?P<prefix>[A-Z][A-Za-z .,'/-]{{0,80}}?,?\s*(?P<month>{_MONTH})\s+(?P<day>\d{{1,2}})(?:,\s*(?P<year>(?:19|20)\d\d))?"
    rf"\s*(?:\([^)\n]*\))?\s*[-–—]\s*)"
    rf"|(?:^|\n)\*?(?P<month2>{_MONTH})\s+(?P<day2>\d{{1,2}}),\s+(?P<year2>(?:19|20)\d\d)\*?\s*(?:\n|$)"
    rf"|(?:^|\n)\*[^*\n]*?(?P<day3>\d{{1,2}})\s+(?P<month3>{_MONTH})(?:\s+(?P<year3>(?:19|20)\d\d))?\*"
)
# A dateline with no date: "LINDENAU - ", "(Wire) - ", "CARLETONVILLE, Ohio (Reuters) - ".
_PLACE_PREFIX = re.compile(r"(?:^|(?<=\n))(?:[A-Z][A-Z .,'/-]{2,60}(?:,\s*[A-Z][A-Za-z .]+)?\s*(?:\([^)\n]*\))?|\([^)\n]{2,40}\))\s*[-–—]\s+")
_PLACEHOLDER_YEAR = 2000  # a leap year, used when the dateline gives no year


@dataclass(frozen=True)
class Dateline:
    """When a story was filed, and where its dateline prefix is (it holds no claim)."""

    date: dt.date | None
    year_known: bool
    prefixes: tuple[tuple[int, int], ...]

    @property
    def year(self) -> int | None:
        return self.date.year if self.date and self.year_known else None


def find_dateline(text: str) -> Dateline:
    """Return the story's dateline date and the spans of dateline prefixes in `text`."""
    head = text[:3000]
    prefixes = [(m.start(), m.end()) for m in _PLACE_PREFIX.finditer(head)]
    m = _DATELINE.search(head)
    if not m:
        return Dateline(None, False, tuple(prefixes))
    prefixes.append((m.start("prefix"), m.end("prefix")) if m.group("prefix") else m.span())
    for suffix in ("", "2", "3"):
        if m.group("month" + suffix):
            month = _month(m.group("month" + suffix))
            day = int(m.group("day" + suffix))
            year_text = m.group("year" + suffix)
            try:
                date = dt.date(int(year_text) if year_text else _PLACEHOLDER_YEAR, month, day)
            except ValueError:
                return Dateline(None, False, tuple(prefixes))
            return Dateline(date, bool(year_text), tuple(prefixes))
    return Dateline(None, False, tuple(prefixes))


def resolve_weekday(value: DateValue, filed: Dateline | None, future: bool) -> DateValue:
    """Give a bare weekday a calendar date: the nearest such day before (or after) the dateline."""
    if value.weekday is None or value.day is not None or filed is None or filed.date is None or not filed.year_known:
        return value
    dateline = filed.date
    delta = (dateline.weekday() - value.weekday) % 7
    d = dateline + dt.timedelta(days=(7 - delta) % 7) if future else dateline - dt.timedelta(days=delta)
    return value.model_copy(update={"year": d.year, "month": d.month, "day": d.day})


def date_months(value: DateValue) -> set[int] | None:
    """Return the months a date may fall in, or None when it names none."""
    if value.month is not None:
        return {value.month}
    if value.season is not None:
        return SEASON_MONTHS[value.season]
    return None


def dates_disagree(a: DateValue, b: DateValue) -> bool:
    """Return True when `a` and `b` cannot be the same day, month or season."""
    if a.year is not None and b.year is not None and a.year != b.year:
        return True
    ma, mb = date_months(a), date_months(b)
    if ma is not None and mb is not None and not (ma & mb):
        return True
    if a.day is not None and b.day is not None and a.month == b.month and a.day != b.day:
        return True
    if a.weekday is not None and b.weekday is not None and a.weekday != b.weekday:
        if a.day is not None and b.day is not None and a.month == b.month and a.day == b.day:
            return False
        return True
    return False
