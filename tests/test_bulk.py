"""Bulk actions on many contacts, and undoing them."""

from __future__ import annotations

import pytest

from crm_desktop.errors import InvalidInput
from crm_desktop.models import Role
from crm_desktop.models.database import Database
from crm_desktop.services import bulk, contacts, operations, undo, users
from crm_desktop.services.fields import changes_from_text


def make(db: Database, n: int, **fields: str) -> list[str]:
    return [
        contacts.create_contact(db, changes_from_text({"first_name": f"مخاطب{i}", **fields})).id
        for i in range(n)
    ]


def test_assign_owner_and_undo(db: Database) -> None:
    nima = users.create_user(db, "نیما", "nima", Role.REP)
    sara = users.create_user(db, "سارا", "sara", Role.REP)
    ids = make(db, 3, owner="nima") + make(db, 2)
    done = operations.run(db, bulk.set_field, db, ids, "owner_id", sara.id)
    assert {c.owner for c in contacts.get_contacts(db, ids)} == {"سارا"}
    undo.undo(db, done.changes.op_ids[0])
    assert [c.owner for c in contacts.get_contacts(db, ids)] == [nima.name] * 3 + [None] * 2


def test_lifecycle_accepts_persian_and_refuses_nonsense(db: Database) -> None:
    ids = make(db, 2)
    bulk.set_field(db, ids, "lifecycle", "مشتری")
    assert {c.lifecycle for c in contacts.get_contacts(db, ids)} == {"customer"}
    with pytest.raises(InvalidInput):
        bulk.set_field(db, ids, "lifecycle", "vip")
    with pytest.raises(InvalidInput):
        bulk.set_field(db, ids, "owner_id", "no-such-user")


def test_add_and_remove_tag_with_undo(db: Database) -> None:
    ids = make(db, 4)
    already = make(db, 1, tags="ویژه")
    adding = operations.run(db, bulk.add_tag, db, ids + already, "ويژه")
    added = adding.result  # Arabic ي finds the same tag
    assert len(added.added) == 4  # the one already tagged got no second link
    assert all(c.tags == ("ویژه",) for c in contacts.get_contacts(db, ids + already))
    undo.undo(db, adding.changes.op_ids[0])
    assert [c.tags for c in contacts.get_contacts(db, ids + already)] == [()] * 4 + [("ویژه",)]
    removing = operations.run(db, bulk.remove_tag, db, already, added.tag_id)
    assert contacts.get_contact(db, already[0]).tags == ()
    undo.undo(db, removing.changes.op_ids[0])
    assert contacts.get_contact(db, already[0]).tags == ("ویژه",)


def test_bulk_actions_skip_trashed_contacts_and_handle_large_selections(db: Database) -> None:
    ids = make(db, 3)
    contacts.delete_contacts(db, ids[:1])
    change = bulk.set_field(db, ids, "lifecycle", "inactive")
    assert set(change.previous) == set(ids[1:])
    # More ids than SQLite accepts as parameters in one statement.
    many = ids + [f"missing-{i}" for i in range(40_000)]
    assert set(bulk.set_field(db, many, "lifecycle", "lead").previous) == set(ids[1:])
    assert (
        bulk.add_tag(db, many, "بزرگ").added
        and len(bulk.remove_tag(db, many, bulk.add_tag(db, many, "بزرگ").tag_id).removed) == 2
    )
