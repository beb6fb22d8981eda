"""Undo steps call services and announce what changed."""

from __future__ import annotations

from typing import Any

import pytest

from crm_desktop.errors import InvalidInput
from crm_desktop.models.database import Database
from crm_desktop.services import contacts
from crm_desktop.services.fields import changes_from_text
from crm_desktop.ui.widgets.commands import perform
from crm_desktop.ui.widgets.context import CONTACTS, AppContext, Change


def test_perform_undo_redo_through_services(qapp: object, db: Database) -> None:
    ctx = AppContext(db)
    seen: list[Change] = []
    ctx.changes.changed.connect(seen.append)
    cid = contacts.create_contact(db, changes_from_text({"first_name": "بهار"})).id

    perform(
        ctx,
        "حذف مخاطب",
        lambda: contacts.delete_contacts(db, [cid]),
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
        )
    assert ctx.undo_stack.count() == 0


def test_large_steps_are_undone_and_redone_on_a_worker_in_order(
    qtbot: object, qapp: object, db: Database
) -> None:
    import threading

    from sqlalchemy import event, text

    from crm_desktop.services import bulk
    from crm_desktop.ui.widgets.commands import perform_in_background

    ctx = AppContext(db)
    ids = [
        contacts.create_contact(db, changes_from_text({"first_name": f"ن{i}"})).id for i in range(5)
    ]
    threads: list[str] = []
    busy: list[bool] = []
    ctx.changes.busy.connect(busy.append)

    def do() -> bulk.FieldChange:
        return bulk.set_field(db, ids, "lifecycle", "customer")

    def wrote(*args: Any) -> None:  # each write of a step, on the thread it ran on
        if args[2].lstrip().upper().startswith(("UPDATE", "INSERT")):
            threads.append(threading.current_thread().name)

    def lifecycles() -> set[str]:
        return {c.lifecycle for c in contacts.get_contacts(db, ids)}

    done: list[bool] = []
    event.listen(db.engine, "before_cursor_execute", wrote)
    perform_in_background(
        ctx,
        "وضعیت",
        do,
        on_done=lambda: done.append(True),
        on_failed=lambda e: done.append(False),
    )
    qtbot.waitUntil(lambda: done == [True])  # type: ignore[attr-defined]
    assert lifecycles() == {"customer"} and ctx.undo_stack.count() == 1
    ctx.undo_stack.undo()
    ctx.undo_stack.redo()
    ctx.undo_stack.undo()  # three steps asked at once: applied in that order
    assert ctx.busy
    qtbot.waitUntil(lambda: not ctx.busy)  # type: ignore[attr-defined]
    assert lifecycles() == {"lead"}
    assert len(threads) >= 4 and threading.main_thread().name not in threads
    with db.session() as session:
        kinds = session.scalars(text("SELECT kind FROM operations ORDER BY hlc")).all()
    assert kinds[-4:] == ["edit", "undo", "redo", "undo"]  # each step once, in order
    assert busy[0] is True and busy[-1] is False


def test_a_setting_is_announced_from_what_the_service_wrote_and_is_no_undo_step(
    qapp: object, db: Database
) -> None:
    from crm_desktop.services import office, users
    from crm_desktop.services.lookups import CURRENT_USER_KEY
    from crm_desktop.ui.widgets.commands import apply
    from crm_desktop.ui.widgets.context import SETTINGS, USERS

    ctx = AppContext(db)
    seen: list[Change] = []
    ctx.changes.changed.connect(seen.append)
    apply(ctx, lambda: office.set_weekend_days(db, [5, 6]))
    assert seen == [Change(SETTINGS, frozenset({office.WEEKEND_KEY}))]
    assert ctx.undo_stack.count() == 0

    # A new person (in the change log) and who is at the keyboard (a local setting).
    seen.clear()
    made = apply(ctx, lambda: users.create_user(db, "نرگس", "narges"))
    apply(ctx, lambda: users.set_current_user(db, made.id))
    assert seen == [
        Change(USERS, frozenset({made.id})),
        Change(SETTINGS, frozenset({CURRENT_USER_KEY})),
    ]
