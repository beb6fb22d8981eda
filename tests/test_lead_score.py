"""The lead score follows its visible rules as the contact's data changes, through the
services a rep uses, and is never a change of its own."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from crm_desktop.models import Contact, DealLine, Product, utcnow
from crm_desktop.models.database import Database
from crm_desktop.services import contacts, operations, undo
from crm_desktop.services.activities import create_activity, delete_activities
from crm_desktop.services.activity_changes import ActivityChanges
from crm_desktop.services.deal_changes import deal_changes_from_text
from crm_desktop.services.deals import Closing, create_deal, move_deal
from crm_desktop.services.fields import changes_from_text
from crm_desktop.services.history import record_history
from crm_desktop.services.lead_score import rescore, score_parts
from crm_desktop.services.pipelines import stage_of
from crm_desktop.services.users import create_user, set_current_user


@pytest.fixture
def rep(db: Database) -> str:
    user = create_user(db, "سارا احمدی", "sara")
    set_current_user(db, user.id)
    return user.id


def score(db: Database, contact_id: str) -> int:
    with db.session() as session:
        return session.scalars(select(Contact.lead_score).where(Contact.id == contact_id)).one()


def test_each_rule_adds_its_points(db: Database, rep: str) -> None:
    person = contacts.create_contact(db, changes_from_text({"first_name": "مریم"})).id
    assert score(db, person) == 0 and score_parts(db, person) == []
    contacts.update_contact(db, person, changes_from_text({"phone": "09121234567"}))
    assert score(db, person) == 10
    contacts.update_contact(db, person, changes_from_text({"email": "m@example.com"}))
    assert score(db, person) == 20
    contacts.update_contact(db, person, changes_from_text({"lead_source": "معرفی مشتریان"}))
    assert score(db, person) == 40  # a referral is a warm source
    contacts.update_contact(db, person, changes_from_text({"lead_source": "سایر"}))
    assert score(db, person) == 30  # any other source
    deal = create_deal(db, deal_changes_from_text({"title": "A", "contact": person})).id
    assert score(db, person) == 50  # an open deal
    for _ in range(4):  # 10 a call, 30 at most
        create_activity(db, ActivityChanges(type="call", subject="تماس", contact_id=person))
    assert score(db, person) == 80
    with db.session() as session:
        product = Product(name="لایسنس", unit_price=100)
        session.add(product)
        session.flush()
        session.add(DealLine(deal_id=deal, product_id=product.id, quantity=1, unit_price=100))
    move_deal(db, deal, stage_of(db, "برنده"), closing=Closing())
    assert score(db, person) == 70  # bought (10), no open deal any more (-20)
    assert {p.rule: p.points for p in score_parts(db, person)} == {
        "source": 10,
        "activity": 30,
        "phone": 10,
        "email": 10,
        "bought": 10,
    }


def test_only_the_last_thirty_days_of_activity_count(db: Database, rep: str) -> None:
    person = contacts.create_contact(db, changes_from_text({"first_name": "مریم"})).id
    long_ago = utcnow() - dt.timedelta(days=31)
    create_activity(
        db, ActivityChanges(type="call", subject="قدیمی", contact_id=person, done_at=long_ago)
    )
    assert score(db, person) == 0
    recent = create_activity(db, ActivityChanges(type="call", subject="تازه", contact_id=person))
    assert score(db, person) == 10
    # A month on, the same call no longer counts once the scores are worked out again.
    with db.session() as session:
        rescore(session, now=utcnow() + dt.timedelta(days=31))
    assert score(db, person) == 0
    with db.session() as session:
        rescore(session)
    assert score(db, person) == 10
    delete_activities(db, [recent.id])
    assert score(db, person) == 0


def test_undo_takes_the_points_back_and_the_score_is_never_in_the_history(
    db: Database, rep: str
) -> None:
    person = contacts.create_contact(db, changes_from_text({"first_name": "مریم"})).id
    done = operations.run(
        db,
        create_activity,
        db,
        ActivityChanges(type="meeting", subject="جلسه", contact_id=person),
    )
    assert score(db, person) == 10
    (op_id,) = done.changes.op_ids
    undo.undo(db, op_id)
    assert score(db, person) == 0
    undo.redo(db, op_id)
    assert score(db, person) == 10
    fields = {c.field for entry in record_history(db, person, lang="en") for c in entry.changes}
    assert "lead_score" not in fields


def test_a_typed_score_is_not_taken(db: Database, rep: str) -> None:
    """The score is the rules', whatever an old script or a form sends."""
    person = contacts.create_contact(
        db, changes_from_text({"first_name": "مریم", "phone": "09121234567"})
    ).id
    changes = changes_from_text({"city": "تهران"})
    changes.lead_score = 95
    contacts.update_contact(db, person, changes)
    assert score(db, person) == 10


def test_an_imports_people_have_the_rules_score_at_once(
    db: Database, rep: str, tmp_path: Path
) -> None:
    from crm_desktop.services.importer import import_file
    from tests.importer_files import write_xlsx

    rows: list[list[Any] | None] = [["نام", "موبایل", "ایمیل", "منبع"]]
    rows += [
        ["الف", "09121111111", "", "معرفی مشتریان"],  # a warm source
        ["ب", "09122222222", "", "نمایشگاه کتاب"],  # a source this import makes
        ["پ", "", "", ""],
        ["الف", "09121111111", "a@example.com", ""],  # the first again: adds an email
    ]
    import_file(db, write_xlsx(tmp_path / "people.xlsx", rows))
    with db.session() as session:
        imported = {
            n: s for n, s in session.execute(select(Contact.first_name, Contact.lead_score))
        }
        rescore(session)  # the rules, worked out again for everyone
    with db.session() as session:
        again = {n: s for n, s in session.execute(select(Contact.first_name, Contact.lead_score))}
    assert imported == again == {"الف": 40, "ب": 20, "پ": 0}
