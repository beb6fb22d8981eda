"""Activities as a rep works them: logging what was done, scheduling what is to do, the
overdue / today / week / upcoming / done lists, the next step, undo and history.

Every check is on what a rep sees afterwards (the activity as listed, the counts of the
page's tabs, its history) on a real database made by the migrations. The clock of the
lists is passed in (``now=``), so the day and week boundaries are tested at the minute.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3

import pytest

from crm_desktop.errors import InvalidInput, NotFound
from crm_desktop.locale import from_jalali, week_of
from crm_desktop.models import utcnow
from crm_desktop.models.database import Database
from crm_desktop.services import contacts, operations, undo
from crm_desktop.services.activities import (
    complete_activity,
    create_activity,
    delete_activities,
    get_activity,
    log_activity,
    reopen_activity,
    update_activity,
)
from crm_desktop.services.activity_changes import (
    ActivityChanges,
    activity_changes_from_text,
    parse_due,
)
from crm_desktop.services.activity_list import (
    DUE_BUCKETS,
    ActivityFilter,
    due_counts,
    list_activities,
)
from crm_desktop.services.deal_changes import deal_changes_from_text
from crm_desktop.services.deals import create_deal
from crm_desktop.services.fields import changes_from_text
from crm_desktop.services.history import record_history
from crm_desktop.services.office import office_time, office_today
from crm_desktop.services.users import create_user, set_current_user

SARA, REZA = "سارا احمدی", "رضا کریمی"
LOGGED = ("call", "meeting", "email", "sms", "note")
# A week of the office (Saturday to Friday): 1405/09/14 .. 1405/09/20.
SATURDAY = dt.date(2026, 12, 5)
FRIDAY = dt.date(2026, 12, 11)
THURSDAY = FRIDAY - dt.timedelta(days=1)
NEXT_SATURDAY = FRIDAY + dt.timedelta(days=1)
NEXT_FRIDAY = NEXT_SATURDAY + dt.timedelta(days=6)
LAST_MINUTE = 23 * 60 + 59


@pytest.fixture
def rep(db: Database) -> str:
    user = create_user(db, SARA, "sara")
    set_current_user(db, user.id)
    return user.id


@pytest.fixture
def other_rep(db: Database) -> str:
    return create_user(db, REZA, "reza").id


def log_size(db: Database) -> int:
    with sqlite3.connect(db.path) as conn:
        return int(conn.execute("SELECT count(*) FROM change_log").fetchone()[0])


def stored_activities(db: Database) -> int:
    with sqlite3.connect(db.path) as conn:
        return int(conn.execute("SELECT count(*) FROM activities").fetchone()[0])


def add(db: Database, **fields: str) -> str:
    """An activity typed as ``activity add`` takes it."""
    return create_activity(db, activity_changes_from_text(fields)).id


def scheduled(db: Database, subject: str, due: dt.datetime | None, kind: str = "task") -> str:
    return create_activity(db, ActivityChanges(type=kind, subject=subject, due_at=due)).id


def subjects(db: Database, due: str | None, now: dt.datetime) -> list[str]:
    return [a.subject for a in list_activities(db, ActivityFilter(due=due), now=now)]


def test_the_check_weeks_run_saturday_to_friday() -> None:
    assert week_of(FRIDAY) == (SATURDAY, FRIDAY) == week_of(SATURDAY)
    assert week_of(NEXT_SATURDAY) == (NEXT_SATURDAY, NEXT_FRIDAY)
    assert from_jalali(1405, 9, 20) == FRIDAY


# -- logged or scheduled -----------------------------------------------------------------


@pytest.mark.parametrize("kind", LOGGED)
def test_without_a_due_time_it_is_logged_done_now(db: Database, rep: str, kind: str) -> None:
    before = utcnow()
    made = create_activity(db, ActivityChanges(type=kind, subject="انجام شد"))
    after = utcnow()
    assert made.done_at is not None and before <= made.done_at <= after
    assert made.is_done and made.due_at is None and made.type == kind
    assert [a.id for a in list_activities(db, ActivityFilter(due="done"))] == [made.id]


@pytest.mark.parametrize("kind", LOGGED[:4])
def test_with_a_due_time_it_waits(db: Database, rep: str, kind: str) -> None:
    due = office_time(FRIDAY, 10 * 60)
    made = create_activity(db, ActivityChanges(type=kind, subject="بعداً", due_at=due))
    assert (made.due_at, made.done_at, made.is_done) == (due, None, False)
    assert list_activities(db, ActivityFilter(due="done")) == []


def test_a_task_without_a_due_time_waits_too(db: Database, rep: str) -> None:
    made = create_activity(db, ActivityChanges(type="task", subject="پیگیری"))
    assert (made.due_at, made.done_at) == (None, None)
    now = office_time(FRIDAY, 12 * 60)
    assert subjects(db, "upcoming", now) == ["پیگیری"]


def test_a_note_with_a_due_time_is_refused_and_nothing_is_written(db: Database, rep: str) -> None:
    entries = log_size(db)
    with pytest.raises(InvalidInput, match="note"):
        create_activity(
            db, ActivityChanges(type="note", subject="x", due_at=office_time(FRIDAY, 600))
        )
    with pytest.raises(InvalidInput, match="note"):
        add(db, type="یادداشت", subject="x", due="1405/09/20")
    assert (log_size(db), stored_activities(db)) == (entries, 0)
    # A note logged, then given a due time, is refused the same way.
    note = add(db, type="note", subject="یادداشت")
    entries = log_size(db)
    with pytest.raises(InvalidInput, match="note"):
        update_activity(db, note, ActivityChanges(due_at=office_time(FRIDAY, 600)))
    assert log_size(db) == entries and get_activity(db, note).due_at is None


def test_done_in_the_future_is_refused(db: Database, rep: str) -> None:
    with pytest.raises(InvalidInput, match="time to come"):
        create_activity(
            db,
            ActivityChanges(type="call", done_at=utcnow() + dt.timedelta(hours=1)),
        )
    assert stored_activities(db) == 0


def test_an_activity_without_a_subject_is_named_for_its_type(db: Database, rep: str) -> None:
    assert get_activity(db, add(db, type="call")).subject == "تماس تلفنی"


# -- whose, about whom -------------------------------------------------------------------


def test_the_owner_is_the_user_at_this_laptop_unless_named(
    db: Database, rep: str, other_rep: str
) -> None:
    mine = get_activity(db, add(db, type="call", subject="من"))
    assert (mine.owner_id, mine.owner) == (rep, SARA)
    by_name = get_activity(db, add(db, type="call", subject="او", owner=REZA))
    by_username = get_activity(db, add(db, type="call", subject="او", owner="REZA"))
    assert (by_name.owner_id, by_name.owner) == (other_rep, REZA)
    assert by_username.owner_id == other_rep
    entries, count = log_size(db), stored_activities(db)
    with pytest.raises(InvalidInput, match="no user named"):
        add(db, type="call", subject="؟", owner="نامعلوم")
    assert (log_size(db), stored_activities(db)) == (entries, count)


def test_a_deals_activity_is_about_its_contact_and_company(db: Database, rep: str) -> None:
    person = contacts.create_contact(
        db, changes_from_text({"first_name": "علی", "last_name": "رضایی", "company": "آلفا"})
    )
    deal = create_deal(
        db, deal_changes_from_text({"title": "قرارداد", "contact": person.id, "company": "بتا"})
    )
    about_deal = get_activity(db, add(db, type="meeting", deal=deal.id))
    assert (about_deal.deal_id, about_deal.contact_id) == (deal.id, person.id)
    assert (about_deal.company_id, about_deal.company) == (deal.company_id, "بتا")
    assert (about_deal.contact, about_deal.deal) == ("علی رضایی", "قرارداد")
    about_person = get_activity(db, add(db, type="call", contact=person.id))
    assert (about_person.contact_id, about_person.deal_id) == (person.id, None)
    assert (about_person.company_id, about_person.company) == (person.company_id, "آلفا")


def test_an_unknown_contact_or_deal_is_refused(db: Database, rep: str) -> None:
    entries = log_size(db)
    with pytest.raises(NotFound, match="no contact"):
        add(db, type="call", contact="01a00000-0000-7000-8000-000000000000")
    with pytest.raises(NotFound, match="no deal"):
        add(db, type="call", deal="01a00000-0000-7000-8000-000000000000")
    assert (log_size(db), stored_activities(db)) == (entries, 0)


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("تماس", "call"),
        ("جلسه", "meeting"),
        ("پیامک", "sms"),
        ("یادداشت", "note"),
        ("call", "call"),
        ("Meeting", "meeting"),
        ("EMAIL", "email"),
        ("task", "task"),
    ],
)
def test_the_type_is_typed_in_persian_or_as_a_code(
    db: Database, rep: str, typed: str, code: str
) -> None:
    assert get_activity(db, add(db, type=typed, subject="x")).type == code


def test_an_unknown_type_is_refused() -> None:
    with pytest.raises(InvalidInput, match="invalid type"):
        activity_changes_from_text({"type": "fax"})


# -- due times as typed ------------------------------------------------------------------


def test_a_due_date_alone_is_the_office_morning() -> None:
    assert (
        parse_due("1405/09/20") == office_time(FRIDAY, 9 * 60) == dt.datetime(2026, 12, 11, 5, 30)
    )


def test_a_due_time_in_persian_digits_is_office_time() -> None:
    assert parse_due("۱۴۰۵/۰۹/۲۰ ۱۴:۳۰") == office_time(FRIDAY, 14 * 60 + 30)
    assert parse_due("1405/09/20 14:30") == dt.datetime(2026, 12, 11, 11, 0)
    assert parse_due("1405/09/20 0:00") == office_time(FRIDAY)  # UTC: Thursday evening
    assert parse_due("1405/09/20 23:59") == office_time(FRIDAY, LAST_MINUTE)


@pytest.mark.parametrize(
    "typed", ["1405/09/20 24:00", "1405/09/20 12:60", "1405/13/01", "1405/09/20 9", "فردا"]
)
def test_impossible_due_times_are_refused(typed: str) -> None:
    with pytest.raises(InvalidInput):
        parse_due(typed)


# -- the lists a rep works from ----------------------------------------------------------


@pytest.fixture
def around_the_week(db: Database, rep: str) -> dict[str, str]:
    """Activities due at the minutes around the day and week boundaries, and two done."""
    due = {
        "thursday 23:59": office_time(THURSDAY, LAST_MINUTE),
        "friday 00:00": office_time(FRIDAY),
        "friday 23:59": office_time(FRIDAY, LAST_MINUTE),
        "saturday 00:00": office_time(NEXT_SATURDAY),
        "next friday 23:59": office_time(NEXT_FRIDAY, LAST_MINUTE),
        "saturday after 00:00": office_time(NEXT_FRIDAY + dt.timedelta(days=1)),
    }
    made = {name: scheduled(db, name, at) for name, at in reversed(due.items())}
    made["undated"] = scheduled(db, "undated", None)
    # Done ones, in the past whatever the clock of the lists: newest first.
    earlier, later = utcnow() - dt.timedelta(hours=2), utcnow() - dt.timedelta(hours=1)
    for name, at in (("done later", later), ("done earlier", earlier)):
        made[name] = create_activity(db, ActivityChanges(type="call", subject=name, done_at=at)).id
    # Done, though it was due in the week: done, not in the work to do.
    made["done on time"] = scheduled(db, "done on time", office_time(FRIDAY, 600))
    complete_activity(db, made["done on time"])
    return made


FRIDAY_LISTS = {
    "overdue": ["thursday 23:59"],
    "today": ["friday 00:00", "friday 23:59"],
    "week": ["friday 00:00", "friday 23:59"],
    "upcoming": ["saturday 00:00", "next friday 23:59", "saturday after 00:00", "undated"],
}
SATURDAY_LISTS = {
    "overdue": ["thursday 23:59", "friday 00:00", "friday 23:59"],
    "today": ["saturday 00:00"],
    "week": ["saturday 00:00", "next friday 23:59"],
    "upcoming": ["next friday 23:59", "saturday after 00:00", "undated"],
}


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        # Friday 23:50 in the office (20:20 UTC): the week still ends that night.
        (office_time(FRIDAY, 23 * 60 + 50), FRIDAY_LISTS),
        # Friday 01:00 in the office is Thursday 21:30 UTC: the office's day counts.
        (office_time(FRIDAY, 60), FRIDAY_LISTS),
        # Friday 00:00 sharp.
        (office_time(FRIDAY), FRIDAY_LISTS),
        # Saturday 00:10 in the office is still Friday (20:40) in UTC: a new week.
        (office_time(NEXT_SATURDAY, 10), SATURDAY_LISTS),
        # Saturday 23:59: still that week's first day.
        (office_time(NEXT_SATURDAY, LAST_MINUTE), SATURDAY_LISTS),
    ],
    ids=["friday-23:50", "friday-01:00", "friday-00:00", "saturday-00:10", "saturday-23:59"],
)
def test_due_buckets_follow_the_office_day_and_week(
    db: Database, around_the_week: dict[str, str], now: dt.datetime, expected: dict[str, list[str]]
) -> None:
    lists = {bucket: subjects(db, bucket, now) for bucket in DUE_BUCKETS}
    assert {bucket: lists[bucket] for bucket in expected} == expected
    assert lists["done"] == ["done on time", "done later", "done earlier"]
    counts = due_counts(db, now=now)
    assert counts == {bucket: len(listed) for bucket, listed in lists.items()}
    # The work to do never counts anything twice, except today within the week.
    open_ = set(lists["overdue"]) | set(lists["today"]) | set(lists["upcoming"])
    assert len(open_) == counts["overdue"] + counts["today"] + counts["upcoming"] == 7
    assert set(lists["today"]) <= set(lists["week"])


def test_due_counts_of_one_rep(db: Database, rep: str, other_rep: str) -> None:
    now = office_time(FRIDAY, 12 * 60)
    scheduled(db, "mine", office_time(FRIDAY, 15 * 60))
    create_activity(
        db, ActivityChanges(type="task", subject="his", due_at=office_time(FRIDAY), owner=REZA)
    )
    counts = due_counts(db, (other_rep,), now=now)
    assert counts == {"overdue": 0, "today": 1, "week": 1, "upcoming": 0, "done": 0}
    listed = list_activities(db, ActivityFilter(due="today", owner_ids=(other_rep,)), now=now)
    assert [a.subject for a in listed] == ["his"]
    assert due_counts(db, now=now)["today"] == 2


# -- the next step -----------------------------------------------------------------------


def test_logging_with_a_next_step_is_one_operation_undone_and_redone_whole(
    db: Database, rep: str, other_rep: str
) -> None:
    person = contacts.create_contact(db, changes_from_text({"first_name": "مینا"}))
    deal = create_deal(db, deal_changes_from_text({"title": "خرید", "contact": person.id}))
    due = parse_due("1405/09/20 10:00")
    done = operations.run(
        db,
        log_activity,
        db,
        ActivityChanges(type="call", subject="تماس اول", deal_id=deal.id, owner=REZA),
        next_step=ActivityChanges(subject="ارسال پیش‌فاکتور", due_at=due),
    )
    first, step = done.result
    assert step is not None
    assert len(done.changes.op_ids) == 1
    assert done.changes.ids("activities") == {first.id, step.id}
    assert first.done_at is not None and first.owner_id == other_rep
    assert (step.type, step.subject, step.due_at, step.done_at) == (
        "task",
        "ارسال پیش‌فاکتور",
        due,
        None,
    )
    assert (step.contact_id, step.deal_id, step.company_id) == (
        first.contact_id,
        first.deal_id,
        first.company_id,
    )
    assert (step.contact_id, step.deal_id, step.owner_id) == (person.id, deal.id, other_rep)

    (op_id,) = done.changes.op_ids
    undo.undo(db, op_id)
    assert list_activities(db) == []
    for gone in (first.id, step.id):
        with pytest.raises(NotFound):
            get_activity(db, gone)
    undo.redo(db, op_id)
    assert {a.id for a in list_activities(db)} == {first.id, step.id}
    assert get_activity(db, step.id).due_at == due
    assert get_activity(db, first.id).done_at == first.done_at


def test_a_next_step_other_than_a_task_needs_a_due_time(db: Database, rep: str) -> None:
    entries = log_size(db)
    with pytest.raises(InvalidInput, match="next step needs a due time"):
        log_activity(db, ActivityChanges(type="call"), next_step=ActivityChanges(type="meeting"))
    assert (log_size(db), stored_activities(db)) == (entries, 0)  # the first one neither


# -- done, reopened ----------------------------------------------------------------------


def test_complete_reopen_and_complete_with_a_next_step(db: Database, rep: str) -> None:
    today = office_today()
    person = contacts.create_contact(db, changes_from_text({"first_name": "نگار"}))
    task = create_activity(
        db,
        ActivityChanges(
            type="call", subject="پیگیری", contact_id=person.id, due_at=office_time(today, 600)
        ),
    )
    before = utcnow()
    done, none = complete_activity(db, task.id, outcome="  قرار جلسه گذاشته شد ")
    after = utcnow()
    assert none is None
    assert done.done_at is not None and before <= done.done_at <= after
    assert done.outcome == "قرار جلسه گذاشته شد"
    assert [a.id for a in list_activities(db, ActivityFilter(due="done"))] == [task.id]

    again, _ = complete_activity(db, task.id, outcome="دوباره")
    assert again.done_at == done.done_at  # the first time stays
    assert again.outcome == "دوباره"
    kept, _ = complete_activity(db, task.id)
    assert (kept.done_at, kept.outcome) == (done.done_at, "دوباره")

    reopened = reopen_activity(db, task.id)
    assert reopened.done_at is None and not reopened.is_done
    now = office_time(today, 12 * 60)
    assert [a.id for a in list_activities(db, ActivityFilter(due="today"), now=now)] == [task.id]
    assert list_activities(db, ActivityFilter(due="done")) == []

    due = office_time(today + dt.timedelta(days=2), 11 * 60)
    finished, step = complete_activity(
        db, task.id, outcome="انجام شد", next_step=ActivityChanges(subject="جلسه", due_at=due)
    )
    assert finished.done_at is not None and step is not None
    assert (step.due_at, step.done_at, step.contact_id, step.owner_id) == (
        due,
        None,
        person.id,
        rep,
    )
    assert [a.id for a in list_activities(db, ActivityFilter(due="upcoming"), now=now)] == [step.id]


def test_a_note_reopened_never_becomes_work_to_do(db: Database, rep: str) -> None:
    # "A note is never scheduled" (services.activities): it is not work that waits.
    note = add(db, type="note", subject="مشتری از قیمت راضی بود")
    with contextlib.suppress(InvalidInput):  # refused, or left as it is
        reopen_activity(db, note)
    now = office_time(FRIDAY, 12 * 60)
    assert [a.id for a in list_activities(db, ActivityFilter(due="done"), now=now)] == [note]
    assert subjects(db, "upcoming", now) == []
    # The same rule by an edit: refused, and nothing written.
    entries = log_size(db)
    with pytest.raises(InvalidInput, match="not work to reopen"):
        update_activity(db, note, ActivityChanges(done_at=None))
    assert log_size(db) == entries


def test_an_unknown_activity_cannot_be_done(db: Database, rep: str) -> None:
    entries = log_size(db)
    with pytest.raises(NotFound, match="no activity"):
        complete_activity(db, "01a00000-0000-7000-8000-000000000000", outcome="x")
    assert log_size(db) == entries


# -- history, trash ----------------------------------------------------------------------


def test_each_change_is_one_history_entry_with_old_and_new(
    db: Database, rep: str, other_rep: str
) -> None:
    first_due, second_due = office_time(FRIDAY, 600), office_time(NEXT_SATURDAY, 9 * 60 + 30)
    task = scheduled(db, "تماس با آقای احمدی", first_due)
    update_activity(db, task, ActivityChanges(subject="تماس با خانم احمدی"))
    update_activity(db, task, ActivityChanges(due_at=second_due))
    update_activity(db, task, ActivityChanges(owner="reza"))
    update_activity(db, task, ActivityChanges(outcome="پاسخ نداد"))
    history = record_history(db, task, lang="en")
    assert [e.operation for e in history] == ["edit", "edit", "edit", "edit", "create"]
    changes = [[(c.field, c.old, c.new) for c in e.changes] for e in history[:4]]
    due_change = changes[2][0]
    assert changes == [
        [("outcome", None, "پاسخ نداد")],
        [("owner", SARA, REZA)],
        [due_change],
        [("subject", "تماس با آقای احمدی", "تماس با خانم احمدی")],
    ]
    field, old, new = due_change
    assert field == "due"
    assert dt.datetime.fromisoformat(str(old)) == first_due
    assert dt.datetime.fromisoformat(str(new)) == second_due
    assert all(e.user == SARA for e in history)


def test_deleted_is_gone_from_every_list_and_undo_brings_it_back(db: Database, rep: str) -> None:
    now = office_time(FRIDAY, 12 * 60)
    task = scheduled(db, "امروز", office_time(FRIDAY, 15 * 60))
    logged = add(db, type="call", subject="انجام شد")
    done = operations.run(db, delete_activities, db, [task, logged])
    for bucket in DUE_BUCKETS:
        assert subjects(db, bucket, now) == []
    assert list_activities(db, now=now) == []
    assert due_counts(db, now=now) == dict.fromkeys(DUE_BUCKETS, 0)
    with pytest.raises(NotFound):
        get_activity(db, task)
    (op_id,) = done.changes.op_ids
    undo.undo(db, op_id)
    assert subjects(db, "today", now) == ["امروز"] == subjects(db, "week", now)
    assert subjects(db, "done", now) == ["انجام شد"]
    assert get_activity(db, task).deleted_at is None
