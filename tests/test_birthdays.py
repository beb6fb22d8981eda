"""Birthdays of the week as a rep reads them, and the greeting they log.

A birthday is kept by the Jalali calendar: the same Jalali month and day every year
(30 Esfand on the 29th in a year without one), in the office's Saturday-to-Friday week.
Birth dates are stored Gregorian, so the cases below are those where the two calendars
part: a Jalali day that falls a day earlier or later in Gregorian than in the year of
birth, a week's edge, Esfand of a leap year. The database is a real one made by the
migrations, its contacts made through the service.
"""

from __future__ import annotations

import datetime as dt

import pytest

from crm_desktop.errors import NotFound
from crm_desktop.locale import from_jalali, to_jalali, week_of
from crm_desktop.models import utcnow
from crm_desktop.models.database import Database
from crm_desktop.services import contacts, operations, undo
from crm_desktop.services.activities import get_activity
from crm_desktop.services.activity_list import ActivityFilter, list_activities
from crm_desktop.services.birthdays import GREETING_SUBJECT, Birthday, log_greeting, week_birthdays
from crm_desktop.services.fields import UNSET, ContactChanges, Unset
from crm_desktop.services.users import create_user, set_current_user

SARA, REZA = "سارا احمدی", "رضا کریمی"
ONE_WEEK = dt.timedelta(days=7)
# The office week holding 1405/09/20: Saturday 1405/09/14 (2026-12-05) to Friday
# 1405/09/20 (2026-12-11).
SATURDAY, FRIDAY = from_jalali(1405, 9, 14), from_jalali(1405, 9, 20)
WEDNESDAY = from_jalali(1405, 9, 18)


@pytest.fixture
def rep(db: Database) -> str:
    user = create_user(db, SARA, "sara")
    set_current_user(db, user.id)
    return user.id


@pytest.fixture
def other_rep(db: Database) -> str:
    return create_user(db, REZA, "reza").id


def person(
    db: Database,
    name: str,
    born: dt.date | None,
    *,
    owner_id: str | Unset | None = UNSET,
    channel: str | None = None,
) -> str:
    first, _, last = name.partition(" ")
    changes = ContactChanges(
        first_name=first,
        last_name=last,
        birth_date=born,
        owner_id=owner_id,
        preferred_channel=channel,
    )
    return contacts.create_contact(db, changes).id


def names(db: Database, day: dt.date, *, owner_ids: tuple[str, ...] = ()) -> list[str]:
    return [b.name for b in week_birthdays(db, day, owner_ids=owner_ids)]


def only(db: Database, day: dt.date) -> Birthday:
    (found,) = week_birthdays(db, day)
    return found


def test_the_week_runs_saturday_to_friday() -> None:
    assert week_of(WEDNESDAY) == (SATURDAY, FRIDAY)
    assert (SATURDAY.isoformat(), FRIDAY.isoformat()) == ("2026-12-05", "2026-12-11")
    assert to_jalali(FRIDAY + dt.timedelta(days=1)) == (1405, 9, 21)


# -- the week ----------------------------------------------------------------------------


def test_born_1370_09_20_is_in_the_week_holding_1405_09_20_aged_35(db: Database, rep: str) -> None:
    contact = person(db, "مینا کاظمی", from_jalali(1370, 9, 20))
    for any_day in (SATURDAY, WEDNESDAY, FRIDAY):
        found = only(db, any_day)
        assert (found.contact_id, found.name) == (contact, "مینا کاظمی")
        assert found.day == from_jalali(1405, 9, 20) == FRIDAY
        assert found.born == from_jalali(1370, 9, 20)
        assert found.age == 35
    assert week_birthdays(db, SATURDAY - dt.timedelta(days=1)) == []  # the week before
    assert week_birthdays(db, WEDNESDAY - ONE_WEEK) == []
    assert week_birthdays(db, FRIDAY + dt.timedelta(days=1)) == []  # the week after
    assert week_birthdays(db, WEDNESDAY + ONE_WEEK) == []


def test_the_weeks_saturday_and_friday_are_in_the_days_either_side_are_not(
    db: Database, rep: str
) -> None:
    person(db, "جمعه پیش", from_jalali(1370, 9, 13))  # the Friday before: 1405/09/13
    person(db, "شنبه اول", from_jalali(1370, 9, 14))  # the week's Saturday
    person(db, "جمعه آخر", from_jalali(1370, 9, 20))  # the week's Friday
    person(db, "شنبه بعد", from_jalali(1370, 9, 21))  # the Saturday after
    week = week_birthdays(db, WEDNESDAY)
    assert [(b.name, b.day) for b in week] == [("شنبه اول", SATURDAY), ("جمعه آخر", FRIDAY)]
    assert [b.name for b in week_birthdays(db, WEDNESDAY - ONE_WEEK)] == ["جمعه پیش"]
    assert [b.name for b in week_birthdays(db, WEDNESDAY + ONE_WEEK)] == ["شنبه بعد"]


def test_a_weeks_birthdays_come_by_day_then_name(db: Database, rep: str) -> None:
    person(db, "یاسمن رحیمی", from_jalali(1360, 9, 16))
    person(db, "بهرام نوری", from_jalali(1380, 9, 19))
    person(db, "آرش نوری", from_jalali(1365, 9, 19))
    person(db, "پریسا نیک", from_jalali(1350, 9, 14))
    week = week_birthdays(db, WEDNESDAY)
    assert [(b.name, to_jalali(b.day), b.age) for b in week] == [
        ("پریسا نیک", (1405, 9, 14), 55),
        ("یاسمن رحیمی", (1405, 9, 16), 45),
        ("آرش نوری", (1405, 9, 19), 40),
        ("بهرام نوری", (1405, 9, 19), 25),
    ]


# -- Jalali, not Gregorian ---------------------------------------------------------------


def test_the_jalali_day_is_celebrated_not_the_gregorian_one(db: Database, rep: str) -> None:
    """In 1375 (1996) the Jalali days of Azar fall a Gregorian day earlier than in
    1405: 1375/09/21 was 11 December, while 1405/09/21 is 12 December, the Saturday
    after the week holding 11 December."""
    born = from_jalali(1375, 9, 21)
    assert born == dt.date(1996, 12, 11)
    assert from_jalali(1405, 9, 21) == dt.date(2026, 12, 12)
    person(db, "کاوه سعیدی", born)
    assert week_birthdays(db, dt.date(2026, 12, 11)) == []  # the Gregorian anniversary's week
    found = only(db, dt.date(2026, 12, 12))
    assert (found.day, found.age) == (dt.date(2026, 12, 12), 30)


def test_the_day_shown_is_this_years_jalali_day(db: Database, rep: str) -> None:
    born = from_jalali(1375, 9, 20)
    assert born == dt.date(1996, 12, 10)
    person(db, "کاوه سعیدی", born)
    found = only(db, WEDNESDAY)
    assert found.day == FRIDAY == dt.date(2026, 12, 11)  # not 10 December
    assert to_jalali(found.day) == (1405, 9, 20)


@pytest.mark.parametrize("year", [1402, 1404, 1405])
def test_born_on_29_february_is_celebrated_on_its_jalali_day(
    db: Database, rep: str, year: int
) -> None:
    """Born 1374/12/10, which was 29 February 1996: the birthday is 10 Esfand every
    year, whether or not that year's February has a 29th (1402/12/10 is 29 February
    2024; 1404/12/10 and 1405/12/10 are 1 March)."""
    born = from_jalali(1374, 12, 10)
    assert born == dt.date(1996, 2, 29)
    contact = person(db, "لیلا مرادی", born)
    day = from_jalali(year, 12, 10)
    week = week_birthdays(db, day)
    assert [(b.contact_id, b.day, b.age) for b in week] == [(contact, day, year - 1374)]


def test_born_in_1330_is_found_in_1407(db: Database, rep: str) -> None:
    """Born 1330/01/05 (26 March 1951); 1407/01/05 is Friday 24 March 2028, two
    Gregorian days earlier in the year, the last day of its week."""
    born = from_jalali(1330, 1, 5)
    assert born == dt.date(1951, 3, 26)
    celebrated = from_jalali(1407, 1, 5)
    assert week_of(celebrated)[1] == celebrated == dt.date(2028, 3, 24)
    contact = person(db, "حسن اکبری", born)
    week = week_birthdays(db, celebrated)
    assert [(b.contact_id, b.day, b.age) for b in week] == [(contact, celebrated, 77)]


# -- 30 Esfand ---------------------------------------------------------------------------


def test_born_30_esfand_is_celebrated_on_29_esfand_in_a_year_without_a_30th(
    db: Database, rep: str
) -> None:
    born = from_jalali(1399, 12, 30)  # 1399 is a leap year
    person(db, "نوروز امیری", born)
    last = from_jalali(1404, 12, 29)  # 1404's Esfand has 29 days
    assert to_jalali(last + dt.timedelta(days=1)) == (1405, 1, 1)
    found = only(db, last)
    assert (found.day, found.age) == (last, 5)
    assert week_birthdays(db, last + dt.timedelta(days=1)) == []  # not on 1 Farvardin too
    assert week_birthdays(db, last - ONE_WEEK) == []


def test_born_30_esfand_is_celebrated_on_the_30th_in_a_leap_year(db: Database, rep: str) -> None:
    person(db, "نوروز امیری", from_jalali(1399, 12, 30))
    person(db, "بیست و نهم", from_jalali(1399, 12, 29))
    thirtieth = from_jalali(1403, 12, 30)  # 1403 is a leap year
    week = week_birthdays(db, thirtieth)
    assert [(b.name, to_jalali(b.day), b.age) for b in week] == [
        ("بیست و نهم", (1403, 12, 29), 4),
        ("نوروز امیری", (1403, 12, 30), 4),
    ]


# -- who is listed -----------------------------------------------------------------------


def test_trashed_and_undated_contacts_are_left_out(db: Database, rep: str) -> None:
    kept = person(db, "مینا کاظمی", from_jalali(1370, 9, 20))
    trashed = person(db, "رفته به سطل", from_jalali(1370, 9, 18))
    person(db, "بی‌تاریخ", None)
    contacts.delete_contacts(db, [trashed])
    assert [b.contact_id for b in week_birthdays(db, WEDNESDAY)] == [kept]
    contacts.restore_contacts(db, [trashed])
    assert names(db, WEDNESDAY) == ["رفته به سطل", "مینا کاظمی"]


def test_owner_ids_keep_those_reps_contacts(db: Database, rep: str, other_rep: str) -> None:
    person(db, "مشتری سارا", from_jalali(1370, 9, 15), owner_id=rep)
    person(db, "مشتری رضا", from_jalali(1370, 9, 16), owner_id=other_rep)
    person(db, "بی‌صاحب", from_jalali(1370, 9, 17), owner_id=None)
    assert names(db, WEDNESDAY) == ["مشتری سارا", "مشتری رضا", "بی‌صاحب"]
    mine = week_birthdays(db, WEDNESDAY, owner_ids=(rep,))
    assert [(b.name, b.owner_id, b.owner) for b in mine] == [("مشتری سارا", rep, SARA)]
    assert names(db, WEDNESDAY, owner_ids=(other_rep,)) == ["مشتری رضا"]
    assert names(db, WEDNESDAY, owner_ids=(rep, other_rep)) == ["مشتری سارا", "مشتری رضا"]


def test_a_birthday_before_the_birth_is_not_listed(db: Database, rep: str) -> None:
    person(db, "نوزاد", from_jalali(1400, 9, 20))
    assert week_birthdays(db, from_jalali(1399, 9, 20)) == []  # not born yet
    found = only(db, from_jalali(1401, 9, 20))
    assert (found.day, found.age) == (from_jalali(1401, 9, 20), 1)


# -- the greeting ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("channel", "kind"),
    [(None, "sms"), ("sms", "sms"), ("whatsapp", "sms"), ("phone", "call"), ("email", "email")],
)
def test_the_greeting_goes_the_way_the_contact_likes(
    db: Database, rep: str, channel: str | None, kind: str
) -> None:
    contact = person(db, "مینا کاظمی", from_jalali(1370, 9, 20), channel=channel)
    before = utcnow()
    greeting = log_greeting(db, contact)
    after = utcnow()
    assert greeting.type == kind
    assert greeting.subject == GREETING_SUBJECT == "تبریک تولد"
    assert greeting.done_at is not None and before <= greeting.done_at <= after
    assert greeting.due_at is None and greeting.is_done
    assert (greeting.contact_id, greeting.contact, greeting.owner_id) == (
        contact,
        "مینا کاظمی",
        rep,
    )
    assert get_activity(db, greeting.id) == greeting
    logged = list_activities(db, ActivityFilter(due="done", contact_id=contact))
    assert [a.id for a in logged] == [greeting.id]


def test_the_greeting_is_one_operation_that_undo_takes_back(db: Database, rep: str) -> None:
    contact = person(db, "مینا کاظمی", from_jalali(1370, 9, 20), channel="phone")
    done = operations.run(db, log_greeting, db, contact)
    greeting = done.result
    (op_id,) = done.changes.op_ids
    assert done.changes.ids("activities") == {greeting.id}
    undo.undo(db, op_id)
    with pytest.raises(NotFound):
        get_activity(db, greeting.id)
    assert list_activities(db, ActivityFilter(contact_id=contact)) == []
    assert contacts.get_contact(db, contact).id == contact  # the contact stays
