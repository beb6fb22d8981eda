"""Reminders as a rep hears them: each piece of work once, when its due time comes.

The window asks ``Reminders.check(now)`` every half minute; here ``now`` is passed in,
so every boundary is tested at the second without waiting. Times are office times
(UTC+03:30) of one working day, stored as naive UTC the way the app stores them; the
database is a real one made by the migrations, changed through the services.
"""

from __future__ import annotations

import datetime as dt

import pytest

from crm_desktop.locale import from_jalali
from crm_desktop.models.database import Database
from crm_desktop.services import contacts
from crm_desktop.services.activities import (
    complete_activity,
    create_activity,
    delete_activities,
    update_activity,
)
from crm_desktop.services.activity_changes import ActivityChanges
from crm_desktop.services.fields import UNSET, ContactChanges, Unset
from crm_desktop.services.office import office_time
from crm_desktop.services.reminders import Reminders
from crm_desktop.services.users import create_user, set_current_user

SARA, REZA = "سارا احمدی", "رضا کریمی"
# A Wednesday of the office: 1405/09/18.
DAY = from_jalali(1405, 9, 18)
YESTERDAY = DAY - dt.timedelta(days=1)
HALF_MINUTE = dt.timedelta(seconds=30)


@pytest.fixture
def rep(db: Database) -> str:
    user = create_user(db, SARA, "sara")
    set_current_user(db, user.id)
    return user.id


@pytest.fixture
def other_rep(db: Database) -> str:
    return create_user(db, REZA, "reza").id


def at(hour: int, minute: int = 0, second: int = 0, *, day: dt.date = DAY) -> dt.datetime:
    """The stored (naive UTC) time of ``hour:minute:second`` office time on ``day``."""
    return office_time(day, hour * 60 + minute) + dt.timedelta(seconds=second)


def due(
    db: Database,
    subject: str,
    when: dt.datetime | None,
    *,
    kind: str = "task",
    owner_id: str | Unset | None = UNSET,
) -> str:
    """Work to do at ``when``: the current user's unless ``owner_id`` says otherwise."""
    changes = ActivityChanges(type=kind, subject=subject, due_at=when, owner_id=owner_id)
    return create_activity(db, changes).id


def told(reminders: Reminders, now: dt.datetime) -> list[str]:
    """The subjects one check reminds, in the order it gives them."""
    return [r.subject for r in reminders.check(now)]


def session(db: Database, owner: str | None, opened: dt.datetime) -> Reminders:
    """Reminders of a session whose first check was at ``opened`` (what it said is
    dropped: the tests below are about what comes after)."""
    reminders = Reminders(db, owner)
    reminders.check(opened)
    return reminders


# -- once, when its time comes -----------------------------------------------------------


def test_nothing_falls_due_nothing_is_reminded(db: Database, rep: str, other_rep: str) -> None:
    """A check with no work falling due says nothing: not the work due later today or
    tomorrow, not the undated task, not another rep's work, not what is done."""
    due(db, "بعدازظهر", at(15))
    due(db, "فردا", at(10, day=DAY + dt.timedelta(days=1)))
    due(db, "بی‌موعد", None)
    due(db, "رضا، بعدازظهر", at(15), owner_id=other_rep)
    create_activity(db, ActivityChanges(type="call", subject="انجام شده"))  # logged: done
    reminders = Reminders(db, rep)
    assert told(reminders, at(9)) == []
    assert told(reminders, at(9) + HALF_MINUTE) == []


@pytest.mark.parametrize("first_at_or_after", [at(10), at(10, 0, 29)])
def test_due_at_ten_is_reminded_at_the_first_check_from_ten_and_never_again(
    db: Database, rep: str, first_at_or_after: dt.datetime
) -> None:
    due(db, "تماس با آقای رضایی", at(10), kind="call")
    reminders = Reminders(db, rep)
    assert told(reminders, at(9, 59)) == []
    assert told(reminders, at(9, 59, 59)) == []
    assert told(reminders, first_at_or_after) == ["تماس با آقای رضایی"]
    for later in (first_at_or_after + HALF_MINUTE, at(10, 5), at(13), at(23, 59)):
        assert told(reminders, later) == []


def test_what_is_reminded_is_the_activity_as_stored(db: Database, rep: str) -> None:
    person = contacts.create_contact(db, ContactChanges(first_name="مینا", last_name="کاظمی"))
    made = create_activity(
        db,
        ActivityChanges(
            type="meeting", subject="جلسهٔ قرارداد", due_at=at(10), contact_id=person.id
        ),
    )
    (reminded,) = Reminders(db, rep).check(at(10))
    assert reminded == made
    assert (reminded.due_at, reminded.contact, reminded.owner_id) == (at(10), "مینا کاظمی", rep)


# -- the first check of a session -------------------------------------------------------


def test_laptop_opened_at_eleven_hears_of_todays_work_not_yesterdays(
    db: Database, rep: str
) -> None:
    """The first check reminds what fell due since the start of the office's day (its
    midnight, 20:30 UTC the day before) and is not done; yesterday's open work is
    "overdue" on the page, not a fresh reminder; work due later today waits for its time."""
    due(db, "نیمه‌شب", at(0))  # the office's midnight: today
    due(db, "ساعت یک بامداد", at(1))  # still the UTC day before
    due(db, "ساعت نه", at(9), kind="call")
    due(db, "ساعت نه و نیم", at(9, 30))
    due(db, "یک دقیقه پیش", at(10, 59))
    due(db, "همین حالا", at(11))
    due(db, "دیروز آخر شب", at(23, 59, day=YESTERDAY))
    due(db, "دیروز صبح", at(9, day=YESTERDAY))
    due(db, "یک دقیقه بعد", at(11, 1))
    done = due(db, "انجام شده", at(9, 45))
    complete_activity(db, done)

    reminders = Reminders(db, rep)
    assert told(reminders, at(11)) == [
        "نیمه‌شب",
        "ساعت یک بامداد",
        "ساعت نه",
        "ساعت نه و نیم",
        "یک دقیقه پیش",
        "همین حالا",
    ]
    assert told(reminders, at(11) + HALF_MINUTE) == []
    assert told(reminders, at(11, 1)) == ["یک دقیقه بعد"]
    assert told(reminders, at(12)) == []


def test_a_session_opened_just_after_midnight_hears_nothing_of_the_day_before(
    db: Database, rep: str
) -> None:
    due(db, "دیروز، یک دقیقه به نیمه‌شب", at(23, 59, day=YESTERDAY))
    due(db, "امروز، نیمه‌شب", at(0))
    assert told(Reminders(db, rep), at(0, 0, 10)) == ["امروز، نیمه‌شب"]


# -- done --------------------------------------------------------------------------------


def test_done_before_its_time_is_never_reminded(db: Database, rep: str) -> None:
    task = due(db, "پیش‌فاکتور", at(10))
    reminders = session(db, rep, at(9))
    complete_activity(db, task, outcome="زودتر فرستاده شد")
    for now in (at(9, 59), at(10), at(10) + HALF_MINUTE, at(14)):
        assert told(reminders, now) == []


def test_done_after_falling_due_and_before_the_next_check_is_not_reminded(
    db: Database, rep: str
) -> None:
    task = due(db, "تماس", at(10, 0, 10), kind="call")
    reminders = session(db, rep, at(10))
    complete_activity(db, task)  # done at 10:00:20, before the check at 10:00:30
    assert told(reminders, at(10) + HALF_MINUTE) == []
    assert told(reminders, at(11)) == []


def test_done_after_being_reminded_is_not_reminded_again(db: Database, rep: str) -> None:
    task = due(db, "تماس", at(10), kind="call")
    reminders = session(db, rep, at(9, 59, 30))
    assert told(reminders, at(10)) == ["تماس"]
    complete_activity(db, task)
    assert told(reminders, at(10) + HALF_MINUTE) == []
    assert told(reminders, at(16)) == []


# -- snoozed -----------------------------------------------------------------------------


def test_snoozed_for_ten_minutes_comes_back_once_at_the_first_check_from_then(
    db: Database, rep: str
) -> None:
    task = due(db, "تماس با خانم نادری", at(10), kind="call")
    reminders = session(db, rep, at(9, 59, 30))
    assert told(reminders, at(10)) == ["تماس با خانم نادری"]
    reminders.snooze(task, at(10, 10))
    for before in (at(10) + HALF_MINUTE, at(10, 5), at(10, 9, 59)):
        assert told(reminders, before) == []
    assert told(reminders, at(10, 10)) == ["تماس با خانم نادری"]
    for later in (at(10, 10, 30), at(10, 20), at(12)):
        assert told(reminders, later) == []


def test_a_snooze_ending_between_two_checks_comes_back_at_the_next(db: Database, rep: str) -> None:
    task = due(db, "جلسه", at(10), kind="meeting")
    reminders = session(db, rep, at(10))
    reminders.snooze(task, at(10, 10, 15))
    assert told(reminders, at(10, 10)) == []
    assert told(reminders, at(10, 10, 30)) == ["جلسه"]
    assert told(reminders, at(10, 11)) == []


def test_snoozed_and_done_meanwhile_is_not_reminded(db: Database, rep: str) -> None:
    task = due(db, "تماس", at(10), kind="call")
    reminders = session(db, rep, at(10))
    reminders.snooze(task, at(10, 10))
    assert told(reminders, at(10, 5)) == []
    complete_activity(db, task, outcome="پاسخ داد")
    assert told(reminders, at(10, 10)) == []
    assert told(reminders, at(10, 30)) == []


def test_snoozed_and_deleted_meanwhile_is_not_reminded(db: Database, rep: str) -> None:
    task = due(db, "تماس", at(10), kind="call")
    reminders = session(db, rep, at(10))
    reminders.snooze(task, at(10, 10))
    delete_activities(db, [task])
    assert told(reminders, at(10, 10)) == []


def test_snoozed_and_handed_to_another_rep_is_no_longer_reminded(
    db: Database, rep: str, other_rep: str
) -> None:
    """Work is reminded as it stands at the check: once it is Reza's, Sara's reminders
    say nothing of it (his do, when its due time comes on his laptop)."""
    task = due(db, "تماس", at(10), kind="call")
    reminders = session(db, rep, at(10))
    reminders.snooze(task, at(10, 10))
    update_activity(db, task, ActivityChanges(owner_id=other_rep))
    assert told(reminders, at(10, 10)) == []


# -- moved, dismissed --------------------------------------------------------------------


def test_moved_later_after_its_reminder_is_reminded_again_at_the_new_time(
    db: Database, rep: str
) -> None:
    task = due(db, "تماس", at(10), kind="call")
    reminders = session(db, rep, at(9, 59, 30))
    assert told(reminders, at(10)) == ["تماس"]
    update_activity(db, task, ActivityChanges(due_at=at(15)))
    for before in (at(10) + HALF_MINUTE, at(12), at(14, 59, 59)):
        assert told(reminders, before) == []
    assert told(reminders, at(15)) == ["تماس"]
    assert told(reminders, at(15) + HALF_MINUTE) == []


def test_moved_later_before_its_time_is_reminded_at_the_new_time_only(
    db: Database, rep: str
) -> None:
    task = due(db, "تماس", at(10), kind="call")
    reminders = session(db, rep, at(9))
    update_activity(db, task, ActivityChanges(due_at=at(11)))
    assert told(reminders, at(10)) == []
    assert told(reminders, at(11)) == ["تماس"]
    assert told(reminders, at(11) + HALF_MINUTE) == []


def test_dismissed_is_not_reminded_again_at_the_same_due_time(db: Database, rep: str) -> None:
    task = due(db, "تماس", at(10), kind="call")
    reminders = session(db, rep, at(9, 59, 30))
    assert told(reminders, at(10)) == ["تماس"]
    reminders.dismiss(task)
    for later in (at(10) + HALF_MINUTE, at(11), at(23)):
        assert told(reminders, later) == []


def test_dismissing_a_snoozed_one_cancels_the_snooze(db: Database, rep: str) -> None:
    task = due(db, "تماس", at(10), kind="call")
    reminders = session(db, rep, at(10))
    reminders.snooze(task, at(10, 10))
    reminders.dismiss(task)
    assert told(reminders, at(10, 10)) == []
    assert told(reminders, at(11)) == []


def test_dismissed_then_moved_later_is_reminded_at_the_new_time(db: Database, rep: str) -> None:
    task = due(db, "تماس", at(10), kind="call")
    reminders = session(db, rep, at(10))
    reminders.dismiss(task)
    update_activity(db, task, ActivityChanges(due_at=at(16)))
    assert told(reminders, at(15, 59, 30)) == []
    assert told(reminders, at(16)) == ["تماس"]


# -- whose, and what is left out ---------------------------------------------------------


def test_only_the_owners_work_is_reminded(db: Database, rep: str, other_rep: str) -> None:
    due(db, "کار سارا", at(10))
    due(db, "کار رضا", at(10), owner_id=other_rep)
    sara, reza = session(db, rep, at(9)), session(db, other_rep, at(9))
    assert told(sara, at(10)) == ["کار سارا"]
    assert told(reza, at(10)) == ["کار رضا"]


def test_handed_to_this_rep_before_its_time_is_reminded_to_them(
    db: Database, rep: str, other_rep: str
) -> None:
    task = due(db, "کار رضا", at(10), owner_id=other_rep)
    sara = session(db, rep, at(9))
    update_activity(db, task, ActivityChanges(owner_id=rep))
    assert told(sara, at(10)) == ["کار رضا"]


def test_nobody_at_the_keyboard_is_reminded_nothing(db: Database, rep: str) -> None:
    due(db, "کار سارا", at(10))
    due(db, "بی‌صاحب", at(10), owner_id=None)
    reminders = Reminders(db, None)
    for now in (at(9), at(10), at(10) + HALF_MINUTE, at(12)):
        assert reminders.check(now) == []


def test_deleted_work_is_never_reminded(db: Database, rep: str) -> None:
    early, later = due(db, "صبح", at(9)), due(db, "ظهر", at(12))
    delete_activities(db, [early, later])
    reminders = Reminders(db, rep)
    for now in (at(11), at(12), at(12) + HALF_MINUTE):
        assert told(reminders, now) == []


# -- several at once ---------------------------------------------------------------------


def test_several_falling_due_between_two_checks_come_soonest_first(db: Database, rep: str) -> None:
    reminders = session(db, rep, at(10))
    # Added in another order, and after the check before their time (another window).
    due(db, "ده و بیست", at(10, 20))
    due(db, "ده و پنج", at(10, 5), kind="call")
    due(db, "ده و ده", at(10, 10), kind="meeting")
    due(db, "ده و چهل", at(10, 40))
    assert told(reminders, at(10, 30)) == ["ده و پنج", "ده و ده", "ده و بیست"]
    assert told(reminders, at(10, 30, 30)) == []
    assert told(reminders, at(10, 40)) == ["ده و چهل"]
