"""Undo and redo on the change log: any operation, by its id, also after a restart.

Real database files made by the real migrations; each step goes through the service a
user's action calls, and is checked by what the user sees again (the contact's values,
whether it is found, whether it is in the trash).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from crm_desktop.errors import InvalidInput
from crm_desktop.models.database import Database, open_database
from crm_desktop.services import bulk, contacts, merge, operations, undo
from crm_desktop.services.fields import changes_from_text
from crm_desktop.services.importer import import_file, list_imports
from crm_desktop.services.users import create_user, set_current_user
from tests.importer_files import write_xlsx


@pytest.fixture
def rep(db: Database) -> str:
    user = create_user(db, "سارا احمدی", "sara")
    set_current_user(db, user.id)
    return user.id


def add(db: Database, **fields: str) -> str:
    return contacts.create_contact(db, changes_from_text(fields)).id


def shown(db: Database, contact_id: str) -> dict[str, object]:
    record = contacts.get_contact(db, contact_id)
    return {
        "first_name": record.first_name,
        "last_name": record.last_name,
        "city": record.city,
        "phones": list(record.phones),
        "tags": sorted(record.tags),
        "owner": record.owner_id,
        "lifecycle": record.lifecycle,
    }


def search_contact_ids(db: Database, query: str) -> list[str]:
    return contacts.contact_ids(db, query)


def reopen(db: Database) -> Database:
    """The app closed and started again: nothing but the file remains."""
    path = db.path
    db.close()
    return open_database(Path(path))


def test_an_edit_is_undone_and_redone_after_a_restart(db: Database, rep: str) -> None:
    contact_id = add(db, first_name="علی", last_name="رضایی", city="تهران", phone="09121234567")
    before = shown(db, contact_id)
    done = operations.run(
        db,
        contacts.update_contact,
        db,
        contact_id,
        changes_from_text({"city": "شیراز", "last_name": "رضوی", "phone": "09351112233"}),
    )
    assert done.changes.ids("contacts") == {contact_id}
    after = shown(db, contact_id)
    (op_id,) = done.changes.op_ids

    db = reopen(db)
    reverted = undo.undo(db, op_id)
    assert reverted.left_alone == ()
    assert reverted.changes.ids("contacts") == {contact_id}
    assert shown(db, contact_id) == before
    assert search_contact_ids(db, "رضایی") == [contact_id]
    assert search_contact_ids(db, "رضوی") == []

    db = reopen(db)
    undo.redo(db, op_id)
    assert shown(db, contact_id) == after
    assert search_contact_ids(db, "رضوی") == [contact_id]
    db.close()


def test_undo_twice_is_refused_and_redo_needs_an_undo(db: Database, rep: str) -> None:
    contact_id = add(db, first_name="علی")
    (op_id,) = operations.run(
        db, contacts.update_contact, db, contact_id, changes_from_text({"city": "قم"})
    ).changes.op_ids
    with pytest.raises(InvalidInput):
        undo.redo(db, op_id)
    undo.undo(db, op_id)
    with pytest.raises(InvalidInput):
        undo.undo(db, op_id)
    undo.redo(db, op_id)
    undo.undo(db, op_id)  # a second time, after a redo
    assert contacts.get_contact(db, contact_id).city is None


def test_a_new_contact_undone_is_gone_not_trashed_and_redo_brings_the_same_id(
    db: Database, rep: str
) -> None:
    done = operations.run(
        db,
        contacts.create_contact,
        db,
        changes_from_text({"first_name": "مینا", "phone": "09121110000"}),
    )
    contact_id = done.result.id
    created_at = contacts.get_contact(db, contact_id).created_at
    undo.undo(db, done.changes.op_ids[0])
    assert contacts.contact_ids(db) == []
    assert contacts.trashed_contact_ids(db) == []
    assert search_contact_ids(db, "مینا") == []

    undo.redo(db, done.changes.op_ids[0])
    record = contacts.get_contact(db, contact_id)
    assert (record.first_name, list(record.phones)) == ("مینا", ["+989121110000"])
    assert record.created_at == created_at
    assert search_contact_ids(db, "مینا") == [contact_id]


def test_a_field_changed_since_is_left_alone(db: Database, rep: str) -> None:
    contact_id = add(db, first_name="علی", city="تهران", job_title="مدیر")
    (op_id,) = operations.run(
        db,
        contacts.update_contact,
        db,
        contact_id,
        changes_from_text({"city": "شیراز", "job_title": "کارشناس"}),
    ).changes.op_ids
    contacts.update_contact(db, contact_id, changes_from_text({"city": "یزد"}))
    reverted = undo.undo(db, op_id)
    record = contacts.get_contact(db, contact_id)
    assert (record.city, record.job_title) == ("یزد", "مدیر")
    assert [(a.record_id, a.column) for a in reverted.left_alone] == [(contact_id, "city")]


def test_bulk_owner_tags_and_trash_undo_exactly(db: Database, rep: str) -> None:
    other = create_user(db, "رضا کریمی", "reza").id
    ids = [add(db, first_name=f"مخاطب {i}") for i in range(3)]
    contacts.update_contact(db, ids[0], changes_from_text({"owner": "reza"}))
    before = [shown(db, i) for i in ids]
    steps: list[operations.Done[Any]] = [
        operations.run(db, bulk.set_field, db, ids, "owner_id", rep),
        operations.run(db, bulk.set_field, db, ids, "lifecycle", "customer"),
        operations.run(db, bulk.add_tag, db, ids, "نمایشگاه"),
    ]
    trashed = operations.run(db, contacts.delete_contacts, db, ids[1:])
    assert contacts.contact_ids(db) == [ids[0]]
    for step in [trashed, *reversed(steps)]:
        undo.undo(db, step.changes.op_ids[0])
    assert [shown(db, i) for i in ids] == before
    assert before[0]["owner"] == other
    assert contacts.trashed_contact_ids(db) == []


def test_a_merge_is_undone_after_a_restart(db: Database, rep: str) -> None:
    survivor = add(db, first_name="علی", last_name="رضایی", phone="09121234567")
    loser = add(db, first_name="علي", last_name="رضايي", city="کرج", phone="09351234567")
    before = [shown(db, survivor), shown(db, loser)]
    done = operations.run(db, merge.merge_contacts, db, survivor, [loser])
    assert contacts.contact_ids(db) == [survivor]
    assert len(shown(db, survivor)["phones"]) == 2  # type: ignore[arg-type]
    db = reopen(db)
    undo.undo(db, done.changes.op_ids[0])
    assert [shown(db, survivor), shown(db, loser)] == before
    assert sorted(contacts.contact_ids(db)) == sorted([survivor, loser])
    db.close()


def test_an_import_is_undone_by_its_operation_and_redone(
    db: Database, rep: str, tmp_path: Path
) -> None:
    existing = add(db, first_name="علی", last_name="رضایی", phone="09121234567")
    path = write_xlsx(
        tmp_path / "office.xlsx",
        [
            ["نام", "نام خانوادگی", "موبایل", "شهر"],
            ["علی", "رضایی", "09121234567", "تهران"],
            ["مینا", "کاظمی", "09131112222", "اصفهان"],
        ],
    )
    done = operations.run(db, import_file, db, path)
    assert done.result.created == 1 and done.result.updated == 1
    new_id = next(i for i in contacts.contact_ids(db) if i != existing)
    assert done.changes.ids("contacts") == {existing, new_id}
    db = reopen(db)
    undo.undo(db, done.changes.op_ids[0])
    assert contacts.contact_ids(db) == [existing]
    assert contacts.get_contact(db, existing).city is None
    # However it was undone, the list of imports says so (the log is the one record).
    assert [i.undone for i in list_imports(db)] == [True]
    undo.redo(db, done.changes.op_ids[0])
    assert [i.undone for i in list_imports(db)] == [False]
    assert contacts.get_contact(db, existing).city == "تهران"
    assert contacts.get_contact(db, new_id).city == "اصفهان"
    db.close()


def test_a_contact_given_a_deal_since_its_import_is_kept(
    db: Database, rep: str, tmp_path: Path
) -> None:
    from sqlalchemy import select

    from crm_desktop.models import Deal, Stage

    path = write_xlsx(tmp_path / "a.xlsx", [["نام", "موبایل"], ["مینا", "09131112222"]])
    done = operations.run(db, import_file, db, path)
    (contact_id,) = contacts.contact_ids(db)
    with db.session() as session:
        stage = session.scalars(select(Stage)).first()
        assert stage is not None
        session.add(
            Deal(
                title="قرارداد",
                contact_id=contact_id,
                pipeline_id=stage.pipeline_id,
                stage_id=stage.id,
            )
        )
    reverted = undo.undo(db, done.changes.op_ids[0])
    assert contacts.contact_ids(db) == [contact_id]
    assert {a.record_id for a in reverted.left_alone} == {contact_id}
    assert shown(db, contact_id)["phones"] == ["+989131112222"]


def test_a_write_that_changes_nothing_reports_no_change(db: Database, rep: str) -> None:
    contact_id = add(db, first_name="علی", city="تهران")
    done = operations.run(
        db, contacts.update_contact, db, contact_id, changes_from_text({"city": "تهران"})
    )
    assert not done.changes


@pytest.mark.parametrize("bulk_rows", [1000, 1], ids=["row by row", "as a big import"])
def test_a_redone_import_lists_and_finds_its_contacts_and_companies_as_before(
    db: Database, rep: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, bulk_rows: int
) -> None:
    # Redo puts the rows back with their sort keys worked out again (they are not in
    # the log) and their search rows rebuilt: one by one, or over BULK_INDEX_ROWS in a
    # few statements. Either way the lists read in the same order and a search finds
    # the same people as before the undo.
    from crm_desktop.services import company_list, search

    monkeypatch.setattr(search, "BULK_INDEX_ROWS", bulk_rows)
    path = write_xlsx(
        tmp_path / "office.xlsx",
        [
            ["نام", "نام خانوادگی", "شرکت", "موبایل"],
            ["مینا", "کاظمی", "پخش آوا", "09131112222"],
            ["علی", "احمدی", "آوا سیستم", "09121112222"],
            ["زهرا", "بهرامی", "", "09351112222"],
        ],
    )
    done = operations.run(db, import_file, db, path)
    op = done.changes.op_ids[0]
    listed = contacts.contact_ids(db)
    names = [contacts.get_contact(db, i).last_name for i in listed]
    assert names == ["احمدی", "بهرامی", "کاظمی"]
    found = contacts.contact_ids(db, "آوا")
    by_phone = contacts.contact_ids(db, "0935 111 2222")
    firms = company_list.page(db)
    assert len(found) == 2 and len(by_phone) == 1 and len(firms) == 2

    undo.undo(db, op)
    assert contacts.contact_ids(db) == [] and company_list.page(db) == []
    assert contacts.contact_ids(db, "آوا") == []
    undo.redo(db, op)

    assert contacts.contact_ids(db) == listed
    assert contacts.contact_ids(db, "آوا") == found
    assert contacts.contact_ids(db, "0935 111 2222") == by_phone
    assert company_list.page(db) == firms
    assert company_list.page(db, "آوا") == firms
