"""Dates, weekdays and datelines."""

from __future__ import annotations

import datetime as dt

import pytest

from checker.dates import dates_disagree, find_dateline, find_dates, resolve_weekday
from checker.models import DateValue


@pytest.mark.parametrize(
    ("text", "surface", "fields"),
    [
        ("The SDF launched the battle for Raqqa on June 6 after", "June 6", {"month": 6, "day": 6}),
        ("had captured the city in January 2014", "January 2014", {"month": 1, "year": 2014}),
        ("rampaged through Syria and Iraq in 2014", "in 2014", {"year": 2014}),
        ("struck a string of villages early on Monday", "early on Monday", {"weekday": 0, "part_of_day": "morning"}),
        ("shook the district late on Sunday, officials said", "late on Sunday", {"weekday": 6, "part_of_day": "night"}),
        ("Construction is due to start in the autumn", "in the autumn", {"season": "autumn"}),
    ],
)
def test_dates_find(text, surface, fields):
    (found,) = [f for f in find_dates(text) if text[f.start:f.end] == surface]
    for key, value in fields.items():
        assert getattr(found.value, key) == value


@pytest.mark.parametrize(
    ("text", "date", "year_known"),
    [
        ("Title\n\nKESHAVAR, June 23 (Wire) - Troops killed", dt.date(2000, 6, 23), False),
        ("Title\n\nVALDOR CITY, April 12, 2023 (Wire) - The Bank", dt.date(2023, 4, 12), True),
        ("Headline\n\nOctober 15, 2017\n\nBy John Davison", dt.date(2017, 10, 15), True),
        ("Title\n\nGENEVA, Sept 20 - The agency appealed", dt.date(2000, 9, 20), False),  # wire style, no full stop
        # the day before the month, with or without a year
        ("Title\n\nSETUBAL, 14 March (Lusa) - Five people died", dt.date(2000, 3, 14), False),
        ("Madrid, 14 May 2025 - The Council of Ministers today approved", dt.date(2025, 5, 14), True),
    ],
)
def test_dates_dateline(text, date, year_known):
    dateline = find_dateline(text)
    assert (dateline.date, dateline.year_known) == (date, year_known)


@pytest.mark.parametrize(
    ("text", "prefix"),
    [
        ("Title\n\nKESHAVAR, June 23 (Wire) - Troops killed 12 militants", "KESHAVAR, June 23 (Wire) -"),
        ("SETUBAL, 14 March (Lusa) - Five people died", "SETUBAL, 14 March (Lusa) -"),
    ],
)
def test_dates_dateline_prefix_is_marked(text, prefix):
    (start, end), = [p for p in find_dateline(text).prefixes if p[1] > p[0]]
    assert text[start:end].strip() == prefix


def test_dates_next_month_resolves_against_dateline():
    text = "RIVERTON, Feb. 8 - Construction will begin next month"
    dateline = find_dateline(text)
    (found,) = [f for f in find_dates(text, dateline) if f.value.text == "next month"]
    assert found.value.month == 3


def test_dates_weekday_resolves_with_known_year():
    dateline = find_dateline("X\n\nAIN ISSA, October 15, 2017 (Reuters) - Text")
    value = resolve_weekday(DateValue(text="Saturday", weekday=5), dateline, future=False)
    assert (value.year, value.month, value.day) == (2017, 10, 14)


@pytest.mark.parametrize(
    ("a", "b", "disagree"),
    [
        (DateValue(text="June 5", month=6, day=5), DateValue(text="June 6", month=6, day=6), True),
        (DateValue(text="Monday", weekday=0), DateValue(text="Sunday", weekday=6), True),
        (DateValue(text="2014", year=2014), DateValue(text="January 2014", year=2014, month=1), False),
        (DateValue(text="autumn", season="autumn"), DateValue(text="next month", month=3), True),
        (DateValue(text="Tuesday", weekday=1), DateValue(text="Tuesday", weekday=1), False),
    ],
)
def test_dates_disagree(a, b, disagree):
    assert dates_disagree(a, b) is disagree


@pytest.mark.parametrize(
    ("text", "surface", "fields"),
    [
        # The parts of one date and time are one date, whatever order they come in.
        ("The walkout began at 10 p.m. on Sunday at the quay", "10 p.m. on Sunday", {"weekday": 6, "time_of_day": (1320, 1320)}),
        ("members stop work at 22:00 on Sunday 9 March.", "22:00 on Sunday 9 March",
         {"weekday": 6, "month": 3, "day": 9, "time_of_day": (1320, 1320)}),
        ("A ticket was opened on the morning of Thursday 9 January.", "morning of Thursday 9 January",
         {"weekday": 3, "day": 9, "part_of_day": "morning", "time_of_day": (300, 720)}),
        ("in the early hours of 3 November 2023", "early hours of 3 November 2023", {"year": 2023, "time_of_day": (0, 360)}),
        # Approximate clock times are intervals.
        # "about" spreads a time as far as it is written to: ten minutes for 6:40, half an hour for seven
        ("The fire broke out at about 6:40 a.m.", "6:40 a.m.", {"time_of_day": (390, 410)}),
        ("The fire broke out at about seven in the morning", "seven in the morning", {"time_of_day": (390, 450)}),
        ("crews arrived shortly after 11 in the morning", "11 in the morning", {"time_of_day": (660, 675)}),
        # "eight o'clock" alone could be evening; with "this morning" it is not.
        ("Just before eight o'clock this morning, smoke rose", "eight o'clock this morning", {"time_of_day": (465, 480)}),
        ("Before eight o'clock this morning, smoke rose", "eight o'clock this morning", {"time_of_day": (420, 480)}),
    ],
)
def test_dates_join_a_date_and_its_time(text, surface, fields):
    (found,) = [f for f in find_dates(text) if text[f.start:f.end] == surface]
    for key, value in fields.items():
        assert getattr(found.value, key) == value


def test_dates_lists_stay_apart_and_an_unsure_hour_gives_no_time():
    text = "between 9 March and 10 March, at 6:40 the crew left"
    found = find_dates(text)
    assert [text[f.start:f.end] for f in found] == ["9 March", "10 March, at 6:40"]
    assert found[1].value.time_of_day is None
    assert find_dates("at 6:40 the crew left") == []


@pytest.mark.parametrize(
    ("a", "b", "disagree"),
    [
        ((390, 410), (420, 480), False),  # "about 6:40" and "before eight": ten minutes apart, within rounding
        ((390, 410), (465, 480), True),   # "about 6:40" and "just before eight"
        ((370, 430), (600, 600), True),
        ((462, 462), (470, 470), False),  # within the quarter hour reported times are rounded to
        ((300, 720), (960, 960), True),   # morning against 4pm
    ],
)
def test_dates_times_of_one_day_disagree_when_apart(a, b, disagree):
    day = {"month": 6, "day": 6}
    assert dates_disagree(DateValue(text="x", time_of_day=a, **day), DateValue(text="y", time_of_day=b, **day)) is disagree


def test_dates_a_night_counted_from_an_unknown_day_of_speaking_meets_any_named_day():
    sunday_morning = DateValue(text="Sunday morning", year=2017, month=10, day=15, weekday=6, part_of_day="morning",
                               time_of_day=(300, 720))
    last_night = DateValue(text="Last night", part_of_day="night", time_of_day=(1140, 1440))  # said in a quotation
    assert not dates_disagree(last_night, sunday_morning)  # the night before that Sunday, perhaps
    at_eleven = DateValue(text="at 11 p.m.", time_of_day=(1380, 1380))  # a clock time on the story's own day
    assert dates_disagree(at_eleven, sunday_morning)


@pytest.mark.parametrize(
    ("text", "date", "year_known"),
    [
        # A date in the first lines, or the front matter's, when no wire dateline gives one.
        ("BRENNER FOR ASHGROVE NORTH\nStatement issued 13 March 2025\n\nText", dt.date(2025, 3, 13), True),
        ("EASTMERE RADIO\nMonday 10 March 2025, 18:00\nTranscript", dt.date(2025, 3, 10), True),
        ("---\ntitle: x\ndate: 2024-04-22\n---\n# Title", dt.date(2024, 4, 22), True),
        # A draft dated only by its last edit; a publication date comes before an edit date.
        ("---\ntitle: x\nupdated: 2024-02-13 18:40\n---\n# Title", dt.date(2024, 2, 13), True),
        ("---\nlastmod: 2024-05-02\ndate: 2024-04-22\n---\n# Title", dt.date(2024, 4, 22), True),
        # No year: the latest year in which the text's "Sunday 21 April" is a Sunday.
        ("RESCUE CENTRE\nOfficial statement - 21 April\n\nAt 04:20 on Sunday 21 April, the vessel", dt.date(2024, 4, 21), True),
        ("LINDENPORT, March 13 (Nordwire) - The result was certified.", dt.date(2000, 3, 13), False),
    ],
)
def test_dates_dateline_from_the_header_and_weekdays(text, date, year_known):
    dateline = find_dateline(text, today=dt.date(2026, 12, 2))
    assert (dateline.date, dateline.year_known) == (date, year_known)


@pytest.mark.parametrize(
    ("text", "month", "day"),
    [
        ("GENEVA, Sept 20 - Since the fighting began on the 12th, thousands have fled.", 9, 12),
        ("GENEVA, Oct. 3 - Since the fighting began on the 28th, thousands have fled.", 9, 28),  # the month before
    ],
)
def test_dates_day_of_the_month_reads_the_datelines_month(text, month, day):
    (found,) = [f for f in find_dates(text, find_dateline(text)) if f.value.text.startswith("on the")]
    assert (found.value.month, found.value.day) == (month, day)


@pytest.mark.parametrize(
    "text",
    [
        "Since the fighting began on the 12th, thousands have fled.",  # no dateline: no month to read it in
        "GENEVA, Sept 20 - The office on the 3rd floor was closed.",  # a floor, not a day
    ],
)
def test_dates_day_of_the_month_needs_a_dated_dateline_and_a_day(text):
    assert not [f for f in find_dates(text, find_dateline(text)) if f.value.text.startswith("on the")]


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("Production starts in the second half of 2027.", (7, 12)),
        ("Production starts in early 2027.", (1, 4)),
        ("Results for the first quarter of 2025 are due.", (1, 3)),
        ("Its Q3 2024 results were weak.", (7, 9)),
    ],
)
def test_dates_part_of_a_year_is_its_months(text, months):
    (found,) = find_dates(text)
    assert found.value.months == months


def test_dates_parts_of_one_year_disagree_only_when_apart():
    second_half, early, year = (find_dates(t)[0].value for t in ("in the second half of 2027", "in early 2027", "in 2027"))
    assert dates_disagree(second_half, early)
    assert not dates_disagree(second_half, year)


@pytest.mark.parametrize("text", ["The 1970s building would shut next spring.", "In the 1990s and 2000s the port grew."])
def test_dates_decade_is_no_year(text):
    assert not [f for f in find_dates(text) if f.value.year is not None]
