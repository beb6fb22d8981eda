"""``activities``, ``activity add|done`` and ``export activities`` as scripts use them:
real processes on real database files, the due dates made from the office's real today.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from crm_desktop.locale import format_jalali, week_of
from crm_desktop.models.database import Database, open_database
from crm_desktop.services import contacts
from crm_desktop.services.activities import create_activity
from crm_desktop.services.activity_changes import TYPES, activity_changes_from_text
from crm_desktop.services.fields import changes_from_text
from crm_desktop.services.office import office_today
from crm_desktop.services.users import create_user, set_current_user
from tests.test_cli import assert_user_message, ok_json, run

SARA, REZA = "سارا احمدی", "رضا کریمی"
ACTIVITY_KEYS = {"id", "type", "subject", "due_at", "done_at", "owner", "contact_id", "deal_id"}
NO_SUCH_ID = "01a00000-0000-7000-8000-000000000000"


@contextmanager
def database(path: Path) -> Iterator[Database]:
    db = open_database(path)
    try:
        yield db
    finally:
        db.close()


def count(path: Path, table: str) -> int:
    with closing(sqlite3.connect(path)) as conn:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def jalali(day: dt.date) -> str:
    return format_jalali(day, persian_digits=False)


def activities(path: Path, *args: str) -> list[dict[str, Any]]:
    listed = ok_json(path, "activities", *args)
    assert isinstance(listed, list)
    return listed


def activity(path: Path, *args: str) -> dict[str, Any]:
    made = ok_json(path, "activity", *args)
    assert isinstance(made, dict) and made.keys() >= ACTIVITY_KEYS
    return made


def add(db: Database, **fields: str) -> str:
    return create_activity(db, activity_changes_from_text(fields)).id


@pytest.fixture
def office(db_path: Path) -> dict[str, str]:
    """Two reps (Sara at this laptop) and a contact of a company."""
    with database(db_path) as db:
        sara = create_user(db, SARA, "sara")
        set_current_user(db, sara.id)
        create_user(db, REZA, "reza")
        person = contacts.create_contact(
            db, changes_from_text({"first_name": "علی", "last_name": "رضایی", "company": "آلفا"})
        )
        return {"sara": sara.id, "contact": person.id, "company": str(person.company_id)}


def test_add_prints_one_object_and_the_list_has_it(db_path: Path, office: dict[str, str]) -> None:
    added = activity(
        db_path, "add", "type=call", "subject=تماس پیگیری", f"contact={office['contact']}"
    )
    assert (added["type"], added["subject"], added["owner"]) == ("call", "تماس پیگیری", SARA)
    assert (added["contact_id"], added["deal_id"], added["due_at"]) == (
        office["contact"],
        None,
        None,
    )
    done_at = dt.datetime.fromisoformat(added["done_at"].removesuffix("Z"))
    assert abs(dt.datetime.now(dt.UTC).replace(tzinfo=None) - done_at) < dt.timedelta(minutes=5)
    assert added["company_id"] == office["company"] and added["contact"] == "علی رضایی"
    assert activities(db_path) == [added]


def test_due_filters_owner_contact_and_limit(db_path: Path, office: dict[str, str]) -> None:
    today = office_today()
    friday = week_of(today)[1]
    tomorrow = today + dt.timedelta(days=1)
    with database(db_path) as db:
        made = {
            "overdue": add(
                db,
                type="task",
                subject="overdue",
                due=f"{jalali(today - dt.timedelta(days=1))} 23:59",
                contact=office["contact"],
            ),
            "today": add(db, type="call", subject="today", due=f"{jalali(today)} 23:59"),
            "tomorrow": add(
                db, type="meeting", subject="tomorrow", due=jalali(tomorrow), owner=REZA
            ),
            "next week": add(
                db,
                type="sms",
                subject="next week",
                due=f"{jalali(friday + dt.timedelta(days=1))} 00:00",
            ),
            "undated": add(db, type="task", subject="undated"),
            "logged": add(db, type="call", subject="logged", contact=office["contact"]),
        }

    def ids(*args: str) -> list[str]:
        return [a["id"] for a in activities(db_path, *args)]

    week = ["today", "tomorrow"] if tomorrow <= friday else ["today"]
    upcoming = ["tomorrow", "next week", "undated"]
    expected = {
        "overdue": ["overdue"],
        "today": ["today"],
        "week": week,
        "upcoming": upcoming,
        "done": ["logged"],
    }
    for due, names in expected.items():
        assert ids("--due", due) == [made[n] for n in names], due
    assert ids("--owner", REZA) == [made["tomorrow"]]
    assert ids("--contact", office["contact"]) == [made["logged"], made["overdue"]]
    assert ids("--due", "upcoming", "--limit", "2") == [made[n] for n in upcoming[:2]]


def test_done_marks_it_done_and_an_unknown_id_writes_nothing(
    db_path: Path, office: dict[str, str]
) -> None:
    with database(db_path) as db:
        task = add(db, type="task", subject="ارسال پیش‌فاکتور", contact=office["contact"])
    finished = activity(db_path, "done", task, "--outcome", "ارسال شد")
    assert (finished["id"], finished["outcome"]) == (task, "ارسال شد")
    assert finished["done_at"] is not None
    entries = count(db_path, "change_log")
    assert_user_message(run(db_path, "activity", "done", NO_SUCH_ID, "--outcome", "x"))
    assert count(db_path, "change_log") == entries
    with closing(sqlite3.connect(db_path)) as conn:
        row = conn.execute(
            "SELECT done_at, outcome FROM activities WHERE id = ?", (task,)
        ).fetchone()
    assert row[1] == "ارسال شد" and row[0] is not None


@pytest.mark.parametrize(
    "args",
    [
        ["activity", "add", "type=call", "color=red"],
        ["activity", "add", "type=fax", "subject=x"],
        ["activity", "add", "type=call", "due=1405/13/01"],
        ["activity", "add", "type=call", "due=1405/09/20 25:00"],
        ["activity", "add", "type=note", "subject=x", "due=1405/09/20"],
        ["activity", "add", "type=call", f"contact={NO_SUCH_ID}"],
        ["activities", "--due", "tomorrow"],
    ],
    ids=["unknown-field", "bad-type", "bad-date", "bad-time", "note-due", "no-contact", "--due"],
)
def test_bad_input_exits_2_with_one_line_and_writes_nothing(
    db_path: Path, office: dict[str, str], args: list[str]
) -> None:
    entries, rows = count(db_path, "change_log"), count(db_path, "activities")
    assert_user_message(run(db_path, *args))
    assert (count(db_path, "change_log"), count(db_path, "activities")) == (entries, rows)


@pytest.fixture(scope="module")
def exported(template_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Worksheet:
    """One activity of each type, exported by the command on a laptop set to UTC."""
    folder = tmp_path_factory.mktemp("export")
    path = folder / "crm.sqlite3"
    shutil.copyfile(template_db, path)
    with database(path) as db:
        set_current_user(db, create_user(db, SARA, "sara").id)
        for kind in TYPES:
            due = {"due": "1405/09/20 14:30"} if kind == "task" else {}
            add(db, type=kind, subject=f"a {kind}", **due)
    target = folder / "activities.xlsx"
    result = run(path, "export", "activities", str(target), env={"TZ": "UTC"})
    assert result.returncode == 0, result.stderr
    sheet = load_workbook(target).active
    assert isinstance(sheet, Worksheet)
    return sheet


def column(sheet: Worksheet, header: str) -> dict[str, Any]:
    """Subject -> the value of ``header``."""
    rows = list(sheet.iter_rows(values_only=True))
    index, subject = rows[0].index(header), rows[0].index("موضوع")
    return {str(row[subject]): row[index] for row in rows[1:]}


def test_export_holds_every_type(exported: Worksheet, template_db: Path) -> None:
    with closing(sqlite3.connect(template_db)) as conn:
        names = dict(conn.execute("SELECT code, name FROM activity_types"))
    assert set(names) == set(TYPES)
    assert column(exported, "نوع") == {f"a {kind}": names[kind] for kind in TYPES}
    done = column(exported, "انجام شده")
    assert done == {f"a {kind}": "خیر" if kind == "task" else "بله" for kind in TYPES}


def test_export_shows_a_due_time_as_it_was_typed_in_office_time(exported: Worksheet) -> None:
    # ``due=1405/09/20 14:30`` is office time (UTC+03:30), whatever the laptop's clock.
    assert column(exported, "تاریخ و ساعت")["a task"] == "1405/09/20 14:30"
