"""New leads go to the reps in turn when the office says so, fairly, across imports and
days; and the leads that slip (no next step, idle) are found."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from crm_desktop.models import Role, utcnow
from crm_desktop.models.database import Database, open_database
from crm_desktop.services import contacts
from crm_desktop.services.activities import complete_activity, create_activity
from crm_desktop.services.activity_changes import ActivityChanges
from crm_desktop.services.contact_list import ContactFilter, page
from crm_desktop.services.fields import changes_from_text
from crm_desktop.services.importer import import_file
from crm_desktop.services.leads import set_assignment, slipping
from crm_desktop.services.users import create_user, set_current_user
from tests.importer_files import write_xlsx

REPS = ("آرش", "بهاره", "پرویز", "ژاله")


@pytest.fixture
def reps(db: Database) -> list[str]:
    boss = create_user(db, "مدیر", "boss", role=Role.MANAGER)
    set_current_user(db, boss.id)
    return [create_user(db, name, f"rep{i}").id for i, name in enumerate(REPS)]


def owner_of(db: Database, contact_id: str) -> str | None:
    return contacts.get_contact(db, contact_id).owner_id


def test_round_robin_is_fair_and_carries_its_turn_over(
    db: Database, reps: list[str], db_path: Path
) -> None:
    set_assignment(db, "round_robin")
    made = [
        contacts.create_contact(db, changes_from_text({"first_name": f"ن{i}"})) for i in range(6)
    ]
    owners = [c.owner_id for c in made]
    assert owners == [*reps, *reps[:2]]  # in the reps' name order, turn by turn
    db.close()
    # Another day, another session: the turn goes on where it stopped.
    again = open_database(db_path)
    try:
        person = contacts.create_contact(again, changes_from_text({"first_name": "بعدی"}))
        assert person.owner_id == reps[2]
    finally:
        again.close()


def test_a_named_owner_a_customer_and_manual_assignment_take_no_turn(
    db: Database, reps: list[str]
) -> None:
    set_assignment(db, "round_robin")
    named = contacts.create_contact(db, changes_from_text({"first_name": "الف", "owner": "rep3"}))
    assert named.owner_id == reps[3]
    customer = contacts.create_contact(
        db, changes_from_text({"first_name": "ب", "lifecycle": "customer"})
    )
    assert customer.owner_id is None  # not a lead
    first_lead = contacts.create_contact(db, changes_from_text({"first_name": "پ"}))
    assert first_lead.owner_id == reps[0]  # nobody took a turn before it
    set_assignment(db, "manual")
    by_hand = contacts.create_contact(db, changes_from_text({"first_name": "ت"}))
    assert by_hand.owner_id is None


def test_an_imports_new_leads_are_shared_out_evenly(
    db: Database, reps: list[str], tmp_path: Path
) -> None:
    set_assignment(db, "round_robin")
    rows: list[list[Any] | None] = [["نام", "نام خانوادگی", "موبایل"]]
    rows += [[f"نفر{i}", "آزمون", f"0912{i:07d}"] for i in range(10)]
    rows.append(["صاحب‌دار", "آزمون", "09350000000"])
    path = write_xlsx(tmp_path / "leads.xlsx", rows)
    import_file(db, path)
    ids = contacts.contact_ids(db, "آزمون")
    counts = Counter(owner_of(db, i) for i in ids)
    assert set(counts) == set(reps)
    assert max(counts.values()) - min(counts.values()) <= 1  # 11 leads: 3, 3, 3, 2
    assert sum(counts.values()) == 11


def test_leads_without_a_next_step_and_idle_ones_are_found(db: Database, reps: list[str]) -> None:
    set_current_user(db, reps[0])
    planned = contacts.create_contact(db, changes_from_text({"first_name": "برنامه‌دار"})).id
    bare = contacts.create_contact(db, changes_from_text({"first_name": "بی‌برنامه"})).id
    customer = contacts.create_contact(
        db, changes_from_text({"first_name": "مشتری", "lifecycle": "customer"})
    ).id
    tomorrow = utcnow() + dt.timedelta(days=1)
    task = create_activity(
        db, ActivityChanges(type="task", subject="پیگیری", contact_id=planned, due_at=tomorrow)
    )
    found = set(page(db, ContactFilter(no_next_step=True)))
    assert found == {bare}  # the customer is nobody's lead
    assert slipping(db, bare).no_next_step and not slipping(db, planned).no_next_step
    assert not slipping(db, customer).no_next_step
    complete_activity(db, task.id)  # done: nothing planned any more
    found = set(page(db, ContactFilter(no_next_step=True)))
    assert found == {bare, planned}
    # Three weeks on: nothing done about the bare one since it was made.
    later = utcnow() + dt.timedelta(days=21)
    assert slipping(db, bare, now=later).idle_days == 21
    assert slipping(db, planned, now=later).idle_days == 21  # its task was done today
    assert slipping(db, planned).idle_days is None
