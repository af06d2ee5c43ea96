"""Find dates, weekdays and times, and resolve them against the story's dateline."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from checker.models import DateValue
from checker.spans import Spans
from checker.units import UNIT_FACTORS

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
SEASON_MONTHS = {"spring": {3, 4, 5}, "summer": {6, 7, 8}, "autumn": {9, 10, 11}, "fall": {9, 10, 11},
                 "winter": {12, 1, 2}}

# Abbreviations take their full stop, except where no English word or name is spelt the same
# ("Sept 20" in wire style; "Jan" and "Mar" are also a name and a verb).
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
          r"|Jan\.|Mar\.|Jun\.|Jul\.|(?:Feb|Apr|Aug|Sept|Sep|Oct|Nov|Dec)\.?)")
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_PART = r"(?:\s+(?P<part>morning|afternoon|evening|night))?"
# Days named from when the words were said, not from a calendar.
_SPOKEN_DAYS = r"yesterday|today|tonight|last night|this morning|this afternoon|this evening"
DATE_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("mdy", re.compile(rf"\b(?P<month>{_MONTH})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>(?:19|20)\d\d))?(?![\d,]\d)")),
    ("dmy", re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{_MONTH})(?:,?\s+(?P<year>(?:19|20)\d\d))?\b")),
    ("my", re.compile(rf"\b(?P<month>{_MONTH})(?:\s+of)?,?\s+(?P<year>(?:19|20)\d\d)\b")),
    ("weekday", re.compile(rf"\b(?:(?P<when>early|late)\s+(?:on\s+)?)?(?P<weekday>{_WEEKDAY})(?:'s|’s)?{_PART}\b")),
    ("month", re.compile(rf"\b(?:in|since|until|by|during|from|early|late|mid-?|last|next|this)\s+(?P<month>{_MONTH})\b")),
    # "began on the 12th": a day of the month the dateline is in (or the month before it)
    ("ordinal", re.compile(r"\bon\s+the\s+(?P<day>[12]?\d|3[01])(?:st|nd|rd|th)\b(?!\s+(?:of|floor|anniversary|century|"
                           r"round|minute|hole|lap|day|time|place)\b)")),
    ("season", re.compile(r"\b(?:(?:in|by|during|until|before|after)\s+(?:the\s+)?(?:early\s+|late\s+)?|(?P<rel>this|next|last)\s+)"
                          r"(?P<season>spring|summer|autumn|fall|winter)\b(?!\s+(?:of|to)\b)", re.I)),
    ("relative", re.compile(rf"\b(?P<rel>{_SPOKEN_DAYS}|"
                            r"next month|last month|this month|"
                            r"next week|last week|this week|next year|last year|this year)\b", re.I)),
    ("part_of_year", re.compile(r"\b(?:(?P<edge>early|mid|late)[\s-]+|(?:the\s+)?(?P<half>first|second)\s+half\s+of\s+|"
                                r"(?:the\s+)?(?P<quarter>first|second|third|fourth)\s+quarter\s+of\s+|"
                                r"(?P<q>Q[1-4]|H[12])\s+)(?P<year>(?:19|20)\d\d)\b", re.I)),
    # "the 1970s" is a decade, not the year 1970
    ("year", re.compile(r"\b(?:in|since|of|by|until|from|before|after|year|early|late|mid-?)\s+(?P<year>(?:18|19|20)\d\d)\b(?!['’]?s\b)|"
                        r"(?<![\d,.$€£-])(?P<year2>(?:19|20)\d\d)(?![\d%-])(?!['’]?s\b)(?!\s*(?:people|percent|per cent))")),
]
_HOUR_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
               "ten": 10, "eleven": 11, "twelve": 12}
TIME_PATTERN = re.compile(
    r"\b(?P<h1>\d{1,2}):(?P<m1>\d{2})(?!\d)(?:\s*(?P<s1>a\.m\.|p\.m\.|am|pm|GMT|UTC|local time|hours))?"
    r"|\b(?P<h2>\d{1,2})\.(?P<m2>\d{2})(?!\d)\s*(?P<s2>a\.m\.|p\.m\.|am\b|pm\b|GMT|UTC|hours)"
    r"|\b(?P<h3>\d{1,2})\s*(?P<s3>a\.m\.|p\.m\.|am\b|pm\b)"
    rf"|\b(?P<h4>\d{{1,2}}|{'|'.join(_HOUR_WORDS)})\s+(?:o['’]clock|(?P<s4>in the (?:morning|afternoon|evening)|at night))"
    r"|\b(?P<noon>noon|midday)\b", re.I)
# Parts of the day, as minutes after midnight (first, last).
PARTS_OF_DAY = {"dawn": (240, 420), "early hours": (0, 360), "small hours": (0, 360), "morning": (300, 720),
                "afternoon": (720, 1080), "evening": (1020, 1320), "night": (1140, 1440)}
PART_PATTERN = re.compile(r"\b(?:(?P<edge>early|late|mid)[- ])?(?P<part>dawn|daybreak|early hours|small hours|morning|"
                          r"afternoon|evening|night)\b", re.I)
# Words that make a clock time approximate, and how: minutes before and after it the event may be.
_APPROXIMATE = re.compile(r"(?P<word>around|about|approximately|roughly|some|circa|shortly after|just after|soon after|"
                          r"shortly before|just before|after|before)\s+(?:at\s+)?$", re.I)
_APPROXIMATE_SPREAD = {"after": (0, 60), "before": (60, 0), "just after": (0, 15), "shortly after": (0, 15),
                       "soon after": (0, 15), "just before": (15, 0), "shortly before": (15, 0)}
# Reported clock times are often rounded to the quarter hour: nearer than this, two times agree.
CLOCK_SLACK_MINUTES = 15
# Text that may stand between two parts of one date-and-time ("at 22:00 on Sunday 9 March").
_JOINER = re.compile(r"(?:[\s,]|\b(?:on|at|of|the|in|local time|GMT|UTC)\b)*", re.I)
_JOIN_GAP = 30  # characters: further apart, two dates are two (a list, not one date)


@dataclass(frozen=True)
class FoundDate:
    start: int
    end: int
    value: DateValue


# Nouns that with "first" name a period ("the first half", "its first week", "on its first night"),
# not an earlier telling: parts of a year, the units time is measured in, and parts of the day.
_TIME_UNITS = sorted({w.split()[-1].removesuffix("s") for w in [*UNIT_FACTORS["second"], *PARTS_OF_DAY, "half", "quarter"]
                      if len(w) > 2})
PERIOD_NOUNS = rf"(?:{'|'.join(_TIME_UNITS)})s?"


def find_dates(text: str, dateline: Dateline | None = None) -> list[FoundDate]:
    """Return the dates and times in `text`, resolved against `dateline`; the parts of one date and
    time ("at 10 p.m. on Sunday", "on the morning of Thursday 9 January") are one."""
    atoms: list[tuple[str, FoundDate]] = []
    taken = Spans()
    for kind, pattern in DATE_PATTERNS:
        for m in pattern.finditer(text):
            if taken.overlaps(*m.span()):
                continue
            value = _value(kind, m, dateline)
            if value is None:
                continue
            role = kind if kind in ("weekday", "relative") else "day"
            atoms.append((role, FoundDate(m.start(), m.end(), value)))
            taken.add(*m.span())
    twelve_hours_apart: set[int] = set()  # starts of clock times that could be morning or evening
    for m in TIME_PATTERN.finditer(text):
        clock = _clock(m)
        if clock is not None and not taken.overlaps(*m.span()):
            taken.add(*m.span())
            if clock[1]:
                twelve_hours_apart.add(m.start())
            span = _approximate(clock[0], text[max(0, m.start() - 25):m.start()])
            atoms.append(("time", FoundDate(m.start(), m.end(), DateValue(text=m.group(0), time_of_day=span))))
    for m in PART_PATTERN.finditer(text):
        if not taken.overlaps(*m.span()):
            taken.add(*m.span())
            part = m.group("part").lower().replace("daybreak", "dawn")
            atoms.append(("part", FoundDate(m.start(), m.end(), DateValue(text=m.group(0), part_of_day=part))))
    atoms.sort(key=lambda a: a[1].start)
    groups: list[list[tuple[str, FoundDate]]] = []
    for atom in atoms:
        last = groups[-1] if groups else None
        if last is not None and atom[0] not in {k for k, _ in last}:
            gap = text[last[-1][1].end:atom[1].start]
            if len(gap) <= _JOIN_GAP and _JOINER.fullmatch(gap):
                last.append(atom)
                continue
        groups.append([atom])
    found = [_join(group, text, twelve_hours_apart) for group in groups]
    # A part of the day or a bare hour alone ("in the morning") dates nothing a reader could check.
    return [f for f, group in zip(found, groups) if {k for k, _ in group} & {"day", "weekday", "relative"}
            or (f.value.time_of_day is not None and "time" in {k for k, _ in group})]


def _join(group: list[tuple[str, FoundDate]], text: str, twelve_hours_apart: set[int]) -> FoundDate:
    """One date from its parts: the calendar day, the weekday, the clock time, the part of the day."""
    parts = dict(group)
    start, end = group[0][1].start, group[-1][1].end
    base = (parts.get("day") or parts.get("weekday") or parts.get("relative") or FoundDate(start, end, DateValue(text=""))).value
    update: dict[str, object] = {"text": text[start:end]}
    if "weekday" in parts and base.weekday is None:
        update["weekday"] = parts["weekday"].value.weekday
    part = next((parts[r].value.part_of_day for r in ("part", "day", "weekday", "relative")
                 if r in parts and parts[r].value.part_of_day), None)
    update["part_of_day"] = part
    clock = parts["time"].value.time_of_day if "time" in parts else None
    if clock is not None and parts["time"].start in twelve_hours_apart:
        # "6:40" alone could be morning or evening; "eight o'clock this morning" is not.
        if part in ("afternoon", "evening", "night") and clock[1] < 720:
            clock = (clock[0] + 720, clock[1] + 720)
        elif part not in ("morning", "dawn", "early hours", "small hours"):
            clock = None
    update["time_of_day"] = clock or (PARTS_OF_DAY.get(part) if part else None)
    return FoundDate(start, end, base.model_copy(update=update))


def _clock(m: re.Match[str]) -> tuple[int, bool] | None:
    """Minutes after midnight of a clock time, and whether it could be twelve hours later ("6:40",
    "eight o'clock"); None when it is no time of day."""
    if m.group("noon"):
        return 720, False
    n = next(n for n in "1234" if m.group(f"h{n}") is not None)
    hour_text = m.group(f"h{n}")
    hour = _HOUR_WORDS.get(hour_text.lower()) or int(hour_text)
    minute = int(m.group(f"m{n}") or 0) if n in "12" else 0
    suffix = (m.group(f"s{n}") or "").lower().replace(".", "")
    if hour > 24 or minute > 59:
        return None
    if suffix in ("pm", "in the afternoon", "in the evening", "at night"):
        return (hour % 12 + 12) * 60 + minute, False
    if suffix in ("am", "in the morning"):
        return (hour % 12) * 60 + minute, False
    # "22:00", "04:20" and "10:30 GMT" are on the 24-hour clock.
    return hour * 60 + minute, not (hour >= 13 or hour_text.startswith("0") or suffix)


def _approximate(minutes: int, before: str) -> tuple[int, int]:
    m = _APPROXIMATE.search(before)
    if m is None:
        return minutes, minutes
    phrase = " ".join(m.group("word").lower().split())
    word = phrase if phrase in _APPROXIMATE_SPREAD else phrase.split()[-1]
    # "about 6:40" is nearer its time than "about seven": an approximation is one of the precision written
    spread = 30 if minutes % 30 == 0 else 10
    early, late = _APPROXIMATE_SPREAD.get(word, (spread, spread))
    return max(0, minutes - early), min(1440, minutes + late)


_SPOKEN_DAY = re.compile(rf"\b(?:{_SPOKEN_DAYS})\b", re.I)


def names_day_of_speaking(text: str) -> bool:
    """ "Tonight", "yesterday": a day counted from when the words were said."""
    return bool(_SPOKEN_DAY.search(text))


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
    if kind == "ordinal":
        return _day_of_dateline_month(text, int(g["day"]), dateline)
    if kind == "part_of_year":
        return DateValue(text=text, year=int(g["year"]), months=_months_of_part(g))
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


# A year's thirds, halves and quarters as first and last month.
_YEAR_PARTS = {"early": (1, 4), "mid": (5, 8), "late": (9, 12), "first half": (1, 6), "second half": (7, 12),
               "h1": (1, 6), "h2": (7, 12), "first quarter": (1, 3), "second quarter": (4, 6),
               "third quarter": (7, 9), "fourth quarter": (10, 12), "q1": (1, 3), "q2": (4, 6), "q3": (7, 9),
               "q4": (10, 12)}


def _months_of_part(g: dict[str, str | None]) -> tuple[int, int]:
    name = g["edge"] or (f"{g['half']} half" if g["half"] else f"{g['quarter']} quarter" if g["quarter"] else g["q"])
    return _YEAR_PARTS[(name or "").lower()]


def _day_of_dateline_month(text: str, day: int, filed: Dateline | None) -> DateValue | None:
    """ "on the 12th" in a story filed on 20 September is 12 September; filed on 3 October, it is the
    12th of the month before. Without a dated dateline it names no month, so no date."""
    if filed is None or filed.date is None or not 1 <= day <= 31:
        return None
    year, month = filed.date.year, filed.date.month
    if day > filed.date.day:
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    if _weekday_of(year, month, day) is None:
        return None  # "the 31st" of a month of 30 days
    known = filed.year_known
    return DateValue(text=text, year=year if known else None, month=month, day=day,
                     weekday=_weekday_of(year, month, day) if known else None)


def _relative(text: str, rel: str, filed: Dateline | None) -> DateValue | None:
    part = "night" if rel in ("tonight", "last night") else rel.split()[1] if rel.startswith("this ") and \
        rel.split()[1] in PARTS_OF_DAY else None
    if part is not None:
        rel = "yesterday" if rel == "last night" else "today"
    value = _relative_day(text, rel, filed)
    return value.model_copy(update={"part_of_day": part}) if value is not None and part else value


def _relative_day(text: str, rel: str, filed: Dateline | None) -> DateValue | None:
    if filed is None or filed.date is None:
        return DateValue(text=text)
    dateline = filed.date
    known = filed.year_known
    if rel == "today":
        d = dateline
    elif rel == "yesterday":
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
    # the day before the month: "SETUBAL, 14 March (Lusa) - ", "Madrid, 14 May 2025 - "
    rf"|(?:^|\n)(?P<prefix4>[A-Z][A-Za-z .,'/-]{{0,80}}?,?\s*(?P<day4>\d{{1,2}})\s+(?P<month4>{_MONTH})"
    rf"(?:,?\s+(?P<year4>(?:19|20)\d\d))?\s*(?:\([^)\n]*\))?\s*[-–—]\s*)"
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


# Where a story says when it was filed besides a wire dateline: Markdown front matter
# ("date: 2024-04-22"), or a full date in its first lines ("Statement issued 13 March 2025",
# "Monday 10 March 2025, 18:00", "Official statement - 21 April").
# The keys static-site generators and editorial systems date a page by (Jekyll and Hugo: date,
# publishDate, lastmod; Hexo: updated), the day it was published before the day it was edited.
_FRONT_MATTER_KEYS = (("date", "published", "publishDate", "publish_date"),
                      ("updated", "lastmod", "last_modified_at", "modified"))
_FRONT_MATTER_DATES = [re.compile(rf"\A---\n(?:[^\n]*\n){{0,30}}?(?:{'|'.join(keys)}):\s*['\"]?"
                                  r"(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)") for keys in _FRONT_MATTER_KEYS]
_HEADER_LINES = 4
_WEEKDAY_DATE = re.compile(rf"\b(?P<weekday>{_WEEKDAY}),?\s+(?:(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{_MONTH})"
                           rf"|(?P<month2>{_MONTH})\s+(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?)\b(?!,?\s+(?:19|20)\d\d)")


def find_dateline(text: str, today: dt.date | None = None) -> Dateline:
    """Return the story's dateline date and the spans of dateline prefixes in `text`. A date with
    no year takes the latest year, not after `today`, in which the story's own weekday-and-date
    mentions fall on those weekdays ("Sunday 21 April" is 2024)."""
    head = text[:3000]
    prefixes = [(m.start(), m.end()) for m in _PLACE_PREFIX.finditer(head)]
    date, year_known = None, False
    m = _DATELINE.search(head)
    if m:
        prefix = next((p for p in ("prefix", "prefix4") if m.group(p)), None)
        prefixes.append((m.start(prefix), m.end(prefix)) if prefix else m.span())
        suffix = next(s for s in ("", "2", "3", "4") if m.group("month" + s))
        date, year_known = _date_or_none(m.group("year" + suffix), m.group("month" + suffix), m.group("day" + suffix))
    if date is None:
        date, year_known = _header_date(text)
    if date is not None and not year_known:
        year = _year_from_weekdays(text, date, today or dt.date.today())
        if year is not None:
            date, year_known = date.replace(year=year), True
    return Dateline(date, year_known, tuple(prefixes))


def _date_or_none(year: str | None, month: str, day: str) -> tuple[dt.date | None, bool]:
    try:
        return dt.date(int(year) if year else _PLACEHOLDER_YEAR, _month(month), int(day)), bool(year)
    except (ValueError, KeyError):
        return None, False


def _header_date(text: str) -> tuple[dt.date | None, bool]:
    for pattern in _FRONT_MATTER_DATES:
        m = pattern.match(text)
        if m:
            try:
                return dt.date(int(m["year"]), int(m["month"]), int(m["day"])), True
            except ValueError:
                pass
    header = "\n".join(text.lstrip().split("\n")[:_HEADER_LINES])
    for kind in ("dmy", "mdy"):
        pattern = dict(DATE_PATTERNS)[kind]
        found = pattern.search(header)
        if found:
            date, known = _date_or_none(found["year"], found["month"], found["day"])
            if date is not None:
                return date, known
    return None, False


def _year_from_weekdays(text: str, date: dt.date, today: dt.date) -> int | None:
    """The latest year, within ten before `today`'s, in which every "Sunday 21 April" of the text
    is a Sunday and the dateline's date exists; None if the text names no weekday with a date."""
    named = []
    for m in _WEEKDAY_DATE.finditer(text):
        month, day = (m["month"], m["day"]) if m["month"] else (m["month2"], m["day2"])
        try:
            named.append((WEEKDAYS[m["weekday"].lower()], _month(month), int(day)))
        except (KeyError, ValueError):
            continue
    if not named:
        return None
    for year in range(today.year, today.year - 11, -1):
        try:
            date.replace(year=year)
            if all(dt.date(year, month, day).weekday() == weekday for weekday, month, day in named):
                return year
        except ValueError:
            continue
    return None


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
    if value.months is not None:
        return set(range(value.months[0], value.months[1] + 1))
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
    if any(_day_unknown(x) and names_a_day(y) for x, y in ((a, b), (b, a))):
        return False  # "last night", said on a day not known, may be the night before "Sunday morning"
    return minutes_apart(a, b) > CLOCK_SLACK_MINUTES


def _day_unknown(value: DateValue) -> bool:
    """A day counted from when the words were said ("last night" in a quotation), left unresolved."""
    return names_day_of_speaking(value.text) and value.day is None and value.weekday is None


def names_a_day(value: DateValue) -> bool:
    """A date that says which day: a day of the month or a weekday."""
    return value.day is not None or value.weekday is not None


def minutes_apart(a: DateValue, b: DateValue) -> int:
    """How many minutes lie between the two times of day (0 when either gives none, or they overlap)."""
    if a.time_of_day is None or b.time_of_day is None:
        return 0
    (a0, a1), (b0, b1) = a.time_of_day, b.time_of_day
    return max(0, b0 - a1, a0 - b1)
