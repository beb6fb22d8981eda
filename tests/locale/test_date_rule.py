"""One rule for typed dates (a year above 1700 is Gregorian) and for birth dates
(from 1900-01-01 to today), shared by the command line, the window and the importer."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crm_desktop.errors import InvalidInput
from crm_desktop.locale import (
    FIRST_BIRTH_DATE,
    LAST_JALALI_YEAR,
    Calendar,
    check_birth_date,
    date_from_parts,
    format_jalali,
    from_jalali,
    parse_birth_date,
    parse_date,
    parse_jalali_date,
    to_jalali,
    to_persian_digits,
    year_calendar,
)

TODAY = dt.date(2026, 12, 2)  # 1405/09/11
dates_1900_2100 = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))
# Gregorian dates whose year cannot be a Jalali one.
gregorian_dates = st.dates(min_value=dt.date(LAST_JALALI_YEAR + 1, 1, 1))


def one_line(error: InvalidInput) -> None:
    for message in (error.fa, error.en):
        assert message and "\n" not in message


# --- the year rule ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-01-01", dt.date(2024, 1, 1)),
        ("2024/1/1", dt.date(2024, 1, 1)),
        ("2024/01/01", dt.date(2024, 1, 1)),
        ("1986-07-03", dt.date(1986, 7, 3)),
        ("۱۹۸۶/۰۷/۰۳", dt.date(1986, 7, 3)),
        ("١٩٨٦-٧-٣", dt.date(1986, 7, 3)),
        ("1986.7.3", dt.date(1986, 7, 3)),
        ("1986 / 07 / 03", dt.date(1986, 7, 3)),
        ("2024/02/29", dt.date(2024, 2, 29)),  # a Gregorian leap day
        ("1701/01/01", dt.date(1701, 1, 1)),  # the first Gregorian year
        ("9999/12/29", dt.date(9999, 12, 29)),
        # Up to 1700 the year is Jalali.
        ("1365/04/12", dt.date(1986, 7, 3)),
        ("۱۳۶۵/۰۴/۱۲", dt.date(1986, 7, 3)),
        ("1500/01/01", dt.date(2121, 3, 21)),
        ("1700/01/01", from_jalali(1700, 1, 1)),
    ],
)
def test_a_year_above_1700_is_gregorian(text: str, expected: dt.date) -> None:
    assert parse_date(text) == expected


def test_the_window_keeps_its_name_for_the_parser() -> None:
    # jalali_date_edit.py validates typing with parse_jalali_date.
    assert parse_jalali_date("2024-01-01") == dt.date(2024, 1, 1)
    assert parse_jalali_date("1365/4/12") == dt.date(1986, 7, 3)


def test_year_calendar_boundary() -> None:
    assert year_calendar(1700) is Calendar.JALALI
    assert year_calendar(1701) is Calendar.GREGORIAN
    assert year_calendar(1000) is Calendar.JALALI


@pytest.mark.parametrize(
    ("text", "fa", "en"),
    [
        ("2023/02/29", ("فوریه", "۲۸", "میلادی"), ("February 2023 has 28 days", "Gregorian")),
        ("2024/04/31", ("آوریل", "۳۰"), ("April 2024 has 30 days",)),
        ("2024/13/01", ("ماه",), ("month must be between 1 and 12",)),
        ("1404/12/30", ("اسفند", "۲۹"), ("Esfand", "29 days")),
        ("1365/07/31", ("مهر", "۳۰"), ("Mehr", "30 days")),
        ("0999/01/01", ("۹۹۹",), ("neither a Jalali year",)),
    ],
)
def test_a_date_that_does_not_exist_says_why(
    text: str, fa: tuple[str, ...], en: tuple[str, ...]
) -> None:
    with pytest.raises(InvalidInput) as info:
        parse_date(text)
    one_line(info.value)
    assert text in info.value.en
    for part in fa:
        assert part in info.value.fa
    for part in en:
        assert part in info.value.en


@settings(deadline=None)
@given(gregorian_dates, st.sampled_from(["-", "/", "."]), st.booleans(), st.booleans())
def test_gregorian_round_trip(d: dt.date, separator: str, padded: bool, persian: bool) -> None:
    month, day = (f"{d.month:02d}", f"{d.day:02d}") if padded else (str(d.month), str(d.day))
    text = separator.join((str(d.year), month, day))
    assert parse_date(to_persian_digits(text) if persian else text) == d


@settings(deadline=None)
@given(dates_1900_2100, st.booleans())
def test_jalali_round_trip_under_the_rule(d: dt.date, persian_digits: bool) -> None:
    assert parse_date(format_jalali(d, persian_digits=persian_digits)) == d
    y, m, day = to_jalali(d)
    assert date_from_parts(y, m, day) == d


@settings(deadline=None)
@given(st.integers(1, 9999), st.integers(1, 12), st.integers(1, 31))
def test_date_from_parts_follows_one_calendar(year: int, month: int, day: int) -> None:
    try:
        expected: dt.date | None = (
            dt.date(year, month, day) if year > LAST_JALALI_YEAR else from_jalali(year, month, day)
        )
    except (ValueError, InvalidInput):
        expected = None
    if expected is None:
        with pytest.raises(InvalidInput):
            date_from_parts(year, month, day)
    else:
        assert date_from_parts(year, month, day) == expected


# --- birth dates --------------------------------------------------------------------


def test_a_jalali_year_far_ahead_is_in_the_future() -> None:
    with pytest.raises(InvalidInput) as info:
        parse_birth_date("1500/01/01", today=TODAY)
    one_line(info.value)
    fa, en = info.value.fa, info.value.en
    assert "۱۵۰۰/۰۱/۰۱" in fa and "1500" not in fa  # Persian digits in Persian
    assert "آینده" in fa and "۲۱۲۱" in fa and "فروردین" in fa
    assert "future" in en and "21 March 2121" in en and "Farvardin" in en
    assert "۹۴ سال دیگر" in fa and "94 years from now" in en


def test_a_gregorian_year_far_ahead_says_it_was_read_as_gregorian() -> None:
    with pytest.raises(InvalidInput) as info:
        parse_birth_date("9999/12/29", today=TODAY)
    one_line(info.value)
    fa, en = info.value.fa, info.value.en
    assert "چهار رقمی" not in fa and "four digits" not in en
    assert "آینده" in fa and "میلادی" in fa and "۲۹ دسامبر ۹۹۹۹" in fa
    assert "future" in en and "Gregorian 29 December 9999" in en


def test_a_gregorian_year_before_1900_is_refused() -> None:
    with pytest.raises(InvalidInput) as info:
        parse_birth_date("1800-05-05", today=TODAY)
    one_line(info.value)
    assert "۱۹۰۰" in info.value.fa and "میلادی" in info.value.fa
    assert "before 1 January 1900" in info.value.en and "Gregorian 5 May 1800" in info.value.en


def test_a_jalali_year_before_1900_is_refused() -> None:
    with pytest.raises(InvalidInput) as info:
        parse_birth_date("1250/01/01", today=TODAY)
    assert "۱ فروردین ۱۲۵۰" in info.value.fa and "21 March 1871" in info.value.en


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-01-01", dt.date(2024, 1, 1)),
        ("1365/04/12", dt.date(1986, 7, 3)),
        ("۱۳۶۵/۰۴/۱۲", dt.date(1986, 7, 3)),
        ("1986-07-03", dt.date(1986, 7, 3)),
        ("1405/09/11", TODAY),  # born today
        ("1900-01-01", FIRST_BIRTH_DATE),
        ("1278/10/11", FIRST_BIRTH_DATE),  # the same day in Jalali
    ],
)
def test_birth_dates_in_range(text: str, expected: dt.date) -> None:
    assert parse_birth_date(text, today=TODAY) == expected


@pytest.mark.parametrize(
    ("text", "en"),
    [
        ("1405/09/12", "tomorrow"),
        ("2026-12-03", "tomorrow"),
        ("1405/09/21", "10 days from now"),
        ("1406/09/11", "1 year from now"),
        ("1899-12-31", "before 1 January 1900"),
        ("1278/10/10", "before 1 January 1900"),
    ],
)
def test_birth_dates_just_out_of_range(text: str, en: str) -> None:
    with pytest.raises(InvalidInput) as info:
        parse_birth_date(text, today=TODAY)
    one_line(info.value)
    assert en in info.value.en


def test_birth_date_today_defaults_to_the_computer_date() -> None:
    today = dt.date.today()
    assert parse_birth_date(today.isoformat()) == today
    with pytest.raises(InvalidInput):  # two days ahead, so that midnight cannot pass it
        parse_birth_date((today + dt.timedelta(days=2)).isoformat())


def test_a_date_without_its_text_names_both_calendars() -> None:
    with pytest.raises(InvalidInput) as info:
        check_birth_date(dt.date(2121, 3, 21), today=TODAY)
    assert "۱ فروردین ۱۵۰۰" in info.value.fa and "۲۱ مارس ۲۱۲۱" in info.value.fa
    assert "1 Farvardin 1500 (21 March 2121)" in info.value.en
    with pytest.raises(InvalidInput) as info:
        check_birth_date(dt.date(9999, 12, 31), today=TODAY)  # no Jalali day for it
    assert "9999" in info.value.en and "۹۹۹۹" in info.value.fa


@settings(deadline=None)
@given(st.dates(min_value=dt.date(1800, 1, 1), max_value=dt.date(2300, 1, 1)), dates_1900_2100)
def test_birth_dates_from_1900_to_today(d: dt.date, today: dt.date) -> None:
    for text in (format_jalali(d), d.isoformat()):
        if FIRST_BIRTH_DATE <= d <= today:
            assert parse_birth_date(text, today=today) == d
        else:
            with pytest.raises(InvalidInput):
                parse_birth_date(text, today=today)
