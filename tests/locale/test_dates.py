"""Jalali dates and Saturday-to-Friday weeks."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crm_desktop.errors import InvalidInput
from crm_desktop.locale import (
    JALALI_MONTHS,
    WEEKDAYS,
    format_jalali,
    format_jalali_long,
    from_jalali,
    last_complete_week,
    parse_jalali_date,
    to_jalali,
    week_of,
    weekday_index,
)

dates_1900_2100 = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))

BIRTHDAY = dt.date(1986, 7, 3)  # 1365/04/12


# --- parsing ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "1365/04/12",
        "1365/4/12",
        "۱۳۶۵/۴/۱۲",
        "۱۳۶۵/۰۴/۱۲",
        "١٣٦٥/٠٤/١٢",
        "1365-4-12",
        "1365-04-12",
        "1365.4.12",
        "۱۳۶۵٫۴٫۱۲",
        "  1365/04/12  ",
        "1365 / 04 / 12",
        "1365 - 4 - 12",
        "\u200f۱۳۶۵/۰۴/۱۲\u200f",
        "1365/04/12\n",
    ],
)
def test_parse_jalali_date_forms(text: str) -> None:
    assert parse_jalali_date(text) == BIRTHDAY


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1399/01/01", dt.date(2020, 3, 20)),
        ("1402/01/01", dt.date(2023, 3, 21)),
        ("1403/01/01", dt.date(2024, 3, 20)),
        ("1404/01/01", dt.date(2025, 3, 21)),
        ("1405/01/01", dt.date(2026, 3, 21)),
        ("1403/12/30", dt.date(2025, 3, 20)),  # 1403 is a leap year
        ("1399/12/30", dt.date(2021, 3, 20)),  # so is 1399
        ("1404/12/29", dt.date(2026, 3, 20)),
        ("1405/09/01", dt.date(2026, 11, 22)),
        ("1357/11/22", dt.date(1979, 2, 11)),
        ("1404/06/31", dt.date(2025, 9, 22)),
        ("1404/07/30", dt.date(2025, 10, 22)),
    ],
)
def test_parse_known_dates(text: str, expected: dt.date) -> None:
    assert parse_jalali_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "abc",
        "1365/13/01",  # month 13
        "1365/00/10",  # month 0
        "1365/04/00",  # day 0
        "1365/04/32",  # no month has 32 days
        "1365/07/31",  # months 7..12 have at most 30 days
        "1365/11/31",
        "1404/12/30",  # 1404 is not a leap year
        "1402/12/30",
        "65/04/12",  # two-digit year
        "13650/04/12",
        "1365/4-12",  # mixed separators
        "1365/04",
        "1365/04/12/1",
        "1365//04/12",
        "1365/004/12",
        "۱۳۶۵ ۴ ۱۲",
        "0999/01/01",
    ],
)
def test_parse_invalid_dates(text: str) -> None:
    with pytest.raises(InvalidInput):
        parse_jalali_date(text)


def test_invalid_date_messages_name_the_value() -> None:
    with pytest.raises(InvalidInput) as info:
        parse_jalali_date("1404/12/30")
    assert "1404/12/30" in info.value.en
    assert "1404/12/30" in info.value.fa
    assert "اسفند" in info.value.fa
    assert "29" in info.value.en
    with pytest.raises(InvalidInput) as info:
        parse_jalali_date("1365/13/01")
    assert "1365/13/01" in info.value.en
    assert "month" in info.value.en
    with pytest.raises(InvalidInput) as info:
        parse_jalali_date("فردا")
    assert "فردا" in info.value.fa
    for message in (info.value.fa, info.value.en):
        assert "\n" not in message


# --- conversion ---------------------------------------------------------------------


def test_to_and_from_jalali() -> None:
    assert to_jalali(BIRTHDAY) == (1365, 4, 12)
    assert from_jalali(1365, 4, 12) == BIRTHDAY
    assert to_jalali(dt.date(2024, 3, 20)) == (1403, 1, 1)
    assert to_jalali(dt.date(2024, 3, 19)) == (1402, 12, 29)
    assert from_jalali(1403, 12, 30) == dt.date(2025, 3, 20)


@pytest.mark.parametrize(
    ("y", "m", "d"), [(1404, 12, 30), (1365, 13, 1), (1365, 7, 31), (1365, 1, 0), (0, 1, 1)]
)
def test_from_jalali_invalid(y: int, m: int, d: int) -> None:
    with pytest.raises(InvalidInput):
        from_jalali(y, m, d)


@settings(deadline=None)
@given(dates_1900_2100)
def test_jalali_round_trip(d: dt.date) -> None:
    y, m, day = to_jalali(d)
    assert 1 <= m <= 12
    assert 1 <= day <= 31
    assert from_jalali(y, m, day) == d


@settings(deadline=None)
@given(dates_1900_2100, st.booleans())
def test_format_parse_round_trip(d: dt.date, persian_digits: bool) -> None:
    assert parse_jalali_date(format_jalali(d, persian_digits=persian_digits)) == d


# --- formatting ---------------------------------------------------------------------


def test_format_jalali() -> None:
    d = dt.date(2026, 11, 22)
    assert format_jalali(d) == "۱۴۰۵/۰۹/۰۱"
    assert format_jalali(d, persian_digits=False) == "1405/09/01"
    assert format_jalali(BIRTHDAY, persian_digits=False) == "1365/04/12"


def test_format_jalali_long() -> None:
    assert format_jalali_long(dt.date(2026, 11, 22)) == "۱ آذر ۱۴۰۵"
    assert format_jalali_long(dt.date(2026, 11, 22), persian_digits=False) == "1 آذر 1405"
    assert format_jalali_long(BIRTHDAY) == "۱۲ تیر ۱۳۶۵"
    assert format_jalali_long(dt.date(2025, 3, 20)) == "۳۰ اسفند ۱۴۰۳"
    assert format_jalali_long(dt.date(2024, 3, 20)) == "۱ فروردین ۱۴۰۳"


def test_month_and_weekday_names() -> None:
    assert len(JALALI_MONTHS) == 12
    assert JALALI_MONTHS[0] == "فروردین"
    assert JALALI_MONTHS[8] == "آذر"
    assert JALALI_MONTHS[-1] == "اسفند"
    assert len(WEEKDAYS) == 7
    assert WEEKDAYS[0] == "شنبه"
    assert WEEKDAYS[-1] == "جمعه"


# --- weeks --------------------------------------------------------------------------


def test_weekday_index() -> None:
    saturday = dt.date(2026, 11, 21)
    assert saturday.strftime("%A") == "Saturday"
    for offset in range(7):
        assert weekday_index(saturday + dt.timedelta(days=offset)) == offset
    assert WEEKDAYS[weekday_index(dt.date(2026, 11, 27))] == "جمعه"
    assert WEEKDAYS[weekday_index(dt.date(2026, 11, 25))] == "چهارشنبه"


def test_week_of_wednesday() -> None:
    wednesday = dt.date(2026, 11, 25)
    assert week_of(wednesday) == (dt.date(2026, 11, 21), dt.date(2026, 11, 27))


def test_week_of_edges() -> None:
    assert week_of(dt.date(2026, 11, 21)) == (dt.date(2026, 11, 21), dt.date(2026, 11, 27))
    assert week_of(dt.date(2026, 11, 27)) == (dt.date(2026, 11, 21), dt.date(2026, 11, 27))
    # A week that crosses Nowruz and the Gregorian month boundary.
    assert week_of(dt.date(2025, 3, 21)) == (dt.date(2025, 3, 15), dt.date(2025, 3, 21))


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (dt.date(2026, 11, 25), (dt.date(2026, 11, 14), dt.date(2026, 11, 20))),  # Wed
        (dt.date(2026, 11, 21), (dt.date(2026, 11, 14), dt.date(2026, 11, 20))),  # Sat
        (dt.date(2026, 11, 27), (dt.date(2026, 11, 14), dt.date(2026, 11, 20))),  # Fri
        (dt.date(2026, 11, 28), (dt.date(2026, 11, 21), dt.date(2026, 11, 27))),  # Sat
    ],
)
def test_last_complete_week(today: dt.date, expected: tuple[dt.date, dt.date]) -> None:
    assert last_complete_week(today) == expected


@settings(deadline=None)
@given(dates_1900_2100)
def test_week_of_properties(d: dt.date) -> None:
    start, end = week_of(d)
    assert start <= d <= end
    assert (end - start).days == 6
    assert weekday_index(start) == 0
    assert weekday_index(end) == 6
    assert start.weekday() == 5  # Saturday
    assert end.weekday() == 4  # Friday


@settings(deadline=None)
@given(dates_1900_2100)
def test_last_complete_week_properties(today: dt.date) -> None:
    start, end = last_complete_week(today)
    assert week_of(start) == (start, end)
    assert end < today
    assert (today - end).days <= 7
