"""The office's settings: its name and its weekend, on a real database."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crm_desktop.errors import InvalidInput
from crm_desktop.models.database import Database
from crm_desktop.services import office

# 1405/09/08 is a Saturday; 1405/09/14 the Friday of the same week.
SATURDAY = dt.date(2026, 11, 28)
FRIDAY = dt.date(2026, 12, 4)


def test_the_weekend_is_friday_until_the_office_says_otherwise(db: Database) -> None:
    assert office.weekend_days(db) == frozenset({office.FRIDAY})
    assert not office.is_working_day(FRIDAY, office.weekend_days(db))
    assert office.is_working_day(SATURDAY, office.weekend_days(db))
    assert office.is_working_day(dt.date(2026, 11, 29), office.weekend_days(db))  # Sunday

    office.set_weekend_days(db, {office.THURSDAY, office.FRIDAY})
    assert office.weekend_days(db) == frozenset({5, 6})
    assert not office.is_working_day(dt.date(2026, 12, 3), office.weekend_days(db))

    office.set_weekend_days(db, set())  # an office open every day
    assert office.weekend_days(db) == frozenset()


def test_a_weekend_day_outside_the_week_is_refused(db: Database) -> None:
    with pytest.raises(InvalidInput):
        office.set_weekend_days(db, {7})
    assert office.weekend_days(db) == office.DEFAULT_WEEKEND


def test_an_unreadable_stored_weekend_falls_back_to_friday(db: Database) -> None:
    db.set_setting(office.WEEKEND_KEY, "jomeh")
    assert office.weekend_days(db) == office.DEFAULT_WEEKEND


def test_working_days_of_a_week() -> None:
    assert office.working_days(SATURDAY, FRIDAY, frozenset({office.FRIDAY})) == 6
    assert office.working_days(SATURDAY, FRIDAY, frozenset({5, 6})) == 5
    assert office.working_days(FRIDAY, FRIDAY, frozenset({office.FRIDAY})) == 0
    assert office.working_days(FRIDAY, SATURDAY, frozenset()) == 0  # end before start


@given(
    start=st.dates(dt.date(2000, 1, 1), dt.date(2040, 1, 1)),
    length=st.integers(0, 60),
    weekend=st.frozensets(st.integers(0, 6)),
)
def test_working_days_counts_each_day_once(
    start: dt.date, length: int, weekend: frozenset[int]
) -> None:
    end = start + dt.timedelta(days=length)
    one_by_one = sum(
        office.is_working_day(start + dt.timedelta(days=i), weekend) for i in range(length + 1)
    )
    assert office.working_days(start, end, weekend) == one_by_one


def test_office_name(db: Database) -> None:
    assert office.office_name(db) is None
    office.set_office_name(db, "  دفتر فروش  شيراز ")
    assert office.office_name(db) == "دفتر فروش شیراز"
    office.set_office_name(db, "   ")  # an empty name keeps the old one
    assert office.office_name(db) == "دفتر فروش شیراز"
