"""Undo steps call services and announce what changed."""

from __future__ import annotations

import pytest

from crm_desktop.errors import InvalidInput
from crm_desktop.models.database import Database
from crm_desktop.services import contacts
from crm_desktop.services.fields import changes_from_text
from crm_desktop.ui.commands import perform
from crm_desktop.ui.context import CONTACTS, AppContext, Change


def test_perform_undo_redo_through_services(qapp: object, db: Database) -> None:
    ctx = AppContext(db)
    seen: list[Change] = []
    ctx.changes.changed.connect(seen.append)
    cid = contacts.create_contact(db, changes_from_text({"first_name": "بهار"})).id

    perform(
        ctx,
        "حذف مخاطب",
        lambda: contacts.delete_contacts(db, [cid]),
        lambda _none: contacts.restore_contacts(db, [cid]),
        kind=CONTACTS,
        ids=[cid],
    )
    assert contacts.contact_ids(db) == [] and ctx.undo_stack.undoText() == "حذف مخاطب"
    ctx.undo_stack.undo()
    assert contacts.contact_ids(db) == [cid]
    ctx.undo_stack.redo()
    assert contacts.contact_ids(db) == []
    assert seen == [Change(CONTACTS, frozenset({cid}))] * 3


def test_a_refused_operation_is_not_an_undo_step(qapp: object, db: Database) -> None:
    ctx = AppContext(db)
    with pytest.raises(InvalidInput):
        perform(
            ctx,
            "ویرایش",
            lambda: contacts.create_contact(db, changes_from_text({"phone": "0912"})),
            lambda _r: None,
            kind=CONTACTS,
        )
    assert ctx.undo_stack.count() == 0
