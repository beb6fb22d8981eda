"""Bulk actions on selected contacts: each changes the database as one undo step."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from crm_desktop.models.database import Database
from crm_desktop.services import contact_list
from crm_desktop.services.contact_list import ContactFilter
from crm_desktop.services.contacts import get_contacts, trashed_contact_ids
from crm_desktop.services.demo import generate_demo
from crm_desktop.services.records import ContactRecord
from crm_desktop.ui.app import setup_application
from crm_desktop.ui.contacts import contact_table_model
from crm_desktop.ui.contacts.contact_table_model import COLUMN_KEYS
from crm_desktop.ui.contacts.contacts_page import ContactsPage
from crm_desktop.ui.widgets.context import AppContext

NAME = COLUMN_KEYS.index("name")


@pytest.fixture
def ctx(qapp: QApplication, db: Database) -> AppContext:
    setup_application(qapp, "fa")
    for _progress in generate_demo(db, contacts=120, seed=7, today=dt.date.today()):
        pass
    return AppContext(db)


@pytest.fixture
def page(qtbot: QtBot, ctx: AppContext) -> ContactsPage:
    page = ContactsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1280, 700)
    page.show()
    qtbot.waitExposed(page)
    return page


def click_rows(page: ContactsPage, rows: Sequence[int]) -> list[str]:
    """Click the first row, Ctrl+click the others; the ids a user picked."""
    table, model = page.table, page.model
    for n, row in enumerate(rows):
        modifier = Qt.KeyboardModifier.ControlModifier if n else Qt.KeyboardModifier.NoModifier
        pos = table.visualRect(model.index(row, NAME)).center()
        QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, modifier, pos)
    return [model.contact_id(row) for row in rows]


def wait_for_list(qtbot: QtBot, page: ContactsPage) -> None:
    """The list re-reads on the worker after a change: wait until the answer is shown."""
    qtbot.waitUntil(lambda: not page.controller.query_running())


def wait_for_choices(qtbot: QtBot, page: ContactsPage) -> None:
    """The reps and tags are read on the worker when first needed."""
    qtbot.waitUntil(lambda: not page.controller.choices_loading())


def records(db: Database, ids: Sequence[str]) -> list[ContactRecord]:
    return get_contacts(db, ids)


def menu_action(page: ContactsPage, menu_name: str, text: str):
    menu = getattr(page.controller.actions, menu_name)
    return next(a for a in menu.actions() if a.text() == text)


def test_actions_wait_for_a_selection(page: ContactsPage) -> None:
    actions = page.controller.actions
    assert not actions.delete_action.isEnabled()
    assert not actions.assign_menu.menuAction().isEnabled()
    click_rows(page, [1])
    assert actions.delete_action.isEnabled()
    assert actions.assign_menu.menuAction().isEnabled()
    # the same menus are in the toolbar and the context menu
    assert actions.assign_menu.menuAction() in page.action_bar.actions()
    assert actions.assign_menu.menuAction() in page.context_menu.actions()


def test_assign_to_a_rep_is_one_undo_step(
    qtbot: QtBot, page: ContactsPage, ctx: AppContext
) -> None:
    ids = click_rows(page, [0, 2, 5])
    wait_for_choices(qtbot, page)
    owners = {r.id: r.owner for r in records(ctx.db, ids)}
    target = next(a for a in page.controller.actions.assign_menu.actions() if a.text())
    rep = target.text()
    target.trigger()

    assert {r.owner for r in records(ctx.db, ids)} == {rep}
    stack = ctx.undo_stack
    assert stack.count() == 1
    assert stack.undoText() == "تغییر مسئول ۳ مخاطب"
    wait_for_list(qtbot, page)
    owner_column = COLUMN_KEYS.index("owner")
    shown = {page.model.index(r, owner_column).data() for r in (0, 2, 5)}
    assert shown == {rep}
    assert page.selected_ids() == ids  # the selection survives the refresh

    stack.undo()
    assert {r.id: r.owner for r in records(ctx.db, ids)} == owners
    stack.redo()
    assert {r.owner for r in records(ctx.db, ids)} == {rep}


def test_change_lifecycle(page: ContactsPage, ctx: AppContext) -> None:
    ids = click_rows(page, [3, 4])
    before = {r.id: r.lifecycle for r in records(ctx.db, ids)}
    menu_action(page, "lifecycle_menu", "غیرفعال").trigger()
    assert {r.lifecycle for r in records(ctx.db, ids)} == {"inactive"}
    assert ctx.undo_stack.undoText() == "تغییر وضعیت ۲ مخاطب"
    ctx.undo_stack.undo()
    assert {r.id: r.lifecycle for r in records(ctx.db, ids)} == before


def test_add_and_remove_a_tag(qtbot: QtBot, page: ContactsPage, ctx: AppContext) -> None:
    ids = click_rows(page, [1, 6])
    wait_for_choices(qtbot, page)
    actions = page.controller.actions
    new_tag = next(a for a in actions.add_tag_menu.actions() if a.objectName() == "newTag")
    new_tag.trigger()
    dialog = actions.tag_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    dialog.setTextValue("نمایشگاه بهاره")
    dialog.accept()
    assert all("نمایشگاه بهاره" in r.tags for r in records(ctx.db, ids))
    assert ctx.undo_stack.undoText() == "افزودن برچسب «نمایشگاه بهاره» به ۲ مخاطب"

    # the new tag is offered for removal once the menu, shown again, has re-read them
    actions.remove_tag_menu.aboutToShow.emit()
    qtbot.waitUntil(
        lambda: (
            "نمایشگاه بهاره"
            in [a.text() for a in page.controller.actions.remove_tag_menu.actions()]
        )
    )
    menu_action(page, "remove_tag_menu", "نمایشگاه بهاره").trigger()
    assert not any("نمایشگاه بهاره" in r.tags for r in records(ctx.db, ids))
    assert ctx.undo_stack.undoText() == "حذف برچسب «نمایشگاه بهاره» از ۲ مخاطب"
    assert ctx.undo_stack.count() == 2

    ctx.undo_stack.undo()
    assert all("نمایشگاه بهاره" in r.tags for r in records(ctx.db, ids))
    ctx.undo_stack.undo()
    assert not any("نمایشگاه بهاره" in r.tags for r in records(ctx.db, ids))
    ctx.undo_stack.redo()
    assert all("نمایشگاه بهاره" in r.tags for r in records(ctx.db, ids))


def test_add_an_existing_tag(qtbot: QtBot, page: ContactsPage, ctx: AppContext) -> None:
    ids = click_rows(page, [8])
    wait_for_choices(qtbot, page)
    action = next(a for a in page.controller.actions.add_tag_menu.actions() if a.text())
    tag = action.text()
    action.trigger()
    assert tag in records(ctx.db, ids)[0].tags


def test_delete_moves_to_the_trash_and_undo_brings_back(
    qtbot: QtBot, page: ContactsPage, ctx: AppContext
) -> None:
    ids = click_rows(page, [0, 1])
    page.table.setFocus()
    QTest.keySequence(page.table, QKeySequence(QKeySequence.StandardKey.Delete))
    assert set(trashed_contact_ids(ctx.db)) == set(ids)
    wait_for_list(qtbot, page)
    assert page.model.rowCount() == 118
    assert page.count_label.text() == "۱۱۸ مخاطب"
    assert not set(ids) & {page.model.contact_id(r) for r in range(page.model.rowCount())}
    assert ctx.undo_stack.undoText() == "انتقال ۲ مخاطب به سطل زباله"

    ctx.undo_stack.undo()
    assert trashed_contact_ids(ctx.db) == []
    wait_for_list(qtbot, page)
    assert page.model.rowCount() == 120
    ctx.undo_stack.redo()
    assert set(trashed_contact_ids(ctx.db)) == set(ids)


def test_select_all_acts_on_ids_without_loading_every_record(
    qtbot: QtBot, page: ContactsPage, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    loaded: list[int] = []
    real_get = get_contacts

    def counting_get(db: Database, ids: Sequence[str]) -> list[ContactRecord]:
        loaded.append(len(ids))
        return real_get(db, ids)

    monkeypatch.setattr(contact_table_model, "PAGE_SIZE", 30)
    monkeypatch.setattr(contact_table_model, "get_contacts", counting_get)
    page.model.refresh()
    page.table.setFocus()
    QTest.keySequence(page.table, QKeySequence(QKeySequence.StandardKey.SelectAll))
    assert page.selection_label.text() == "۱۲۰ انتخاب‌شده"
    loaded.clear()

    assert page.selected_ids() == contact_list.page(ctx.db, ContactFilter())
    menu_action(page, "lifecycle_menu", "مشتری").trigger()
    qtbot.waitUntil(lambda: not page.controller.query_running())
    every = contact_list.page(ctx.db, ContactFilter())
    assert {r.lifecycle for r in real_get(ctx.db, every)} == {"customer"}
    assert ctx.undo_stack.undoText() == "تغییر وضعیت ۱۲۰ مخاطب"
    # only the pages on screen were read again after the change, never all 120 records
    assert sum(loaded) <= 60
    assert page.selection_label.text() == "۱۲۰ انتخاب‌شده"


def test_a_refused_action_says_why(qtbot: QtBot, page: ContactsPage, ctx: AppContext) -> None:
    ids = click_rows(page, [2])
    assert not page.controller.actions.assign_owner(ids, "no-such-user", "کسی")
    box = page.error_box
    assert box is not None
    qtbot.waitUntil(box.isVisible)
    assert box.text() == "این کاربر وجود ندارد."
    assert ctx.undo_stack.count() == 0
    box.close()


def test_a_large_selection_is_changed_on_a_worker_as_one_undo_step(
    qtbot: QtBot, page: ContactsPage, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    from crm_desktop.ui.contacts import contact_actions

    monkeypatch.setattr(contact_actions, "BACKGROUND_ABOVE", 10)
    ids = click_rows(page, range(12))
    actions = page.controller.actions
    qtbot.waitUntil(actions.delete_action.isEnabled)
    actions.delete_action.trigger()
    assert actions.busy and not actions.delete_action.isEnabled()  # working, window free
    dialog = page.busy_dialog  # the one dialog of long work; one transaction: no Cancel
    assert dialog is not None and dialog.objectName() == "longWorkProgress"
    assert dialog.labelText() == "انتقال ۱۲ مخاطب به سطل زباله…"
    assert dialog.findChild(QPushButton) is None
    qtbot.waitUntil(lambda: not actions.busy, timeout=10_000)
    assert set(trashed_contact_ids(ctx.db)) == set(ids)
    assert ctx.undo_stack.count() == 1
    qtbot.waitUntil(lambda: page.model.rowCount() == 120 - 12)
    ctx.undo_stack.undo()  # a large step is undone on the worker too
    qtbot.waitUntil(lambda: not ctx.busy)
    assert trashed_contact_ids(ctx.db) == []
    assert page.busy_dialog is None


def test_bulk_menus_stay_disabled_without_a_selection_when_choices_arrive(
    qtbot: QtBot, page: ContactsPage
) -> None:
    actions = page.controller.actions
    QTest.mouseClick(page.filter_button, Qt.MouseButton.LeftButton)  # loads the choices
    qtbot.waitUntil(lambda: bool(actions.remove_tag_menu.actions()))
    assert page.selected_ids() == []
    for menu in actions.menus():
        assert not menu.menuAction().isEnabled(), menu.objectName()
    click_rows(page, [1])
    assert actions.remove_tag_menu.menuAction().isEnabled()
    page.table.clearSelection()
    assert not actions.remove_tag_menu.menuAction().isEnabled()


def test_a_bug_in_a_bulk_action_is_logged_and_reported(
    qtbot: QtBot,
    page: ContactsPage,
    ctx: AppContext,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    from crm_desktop.services import bulk
    from crm_desktop.ui.contacts import contact_actions

    def broken(*_args: object) -> None:
        raise RuntimeError("disk gremlins")

    monkeypatch.setattr(bulk, "set_field", broken)
    monkeypatch.setattr(contact_actions, "BACKGROUND_ABOVE", 2)
    for rows in ([1], [2, 3, 4]):  # done at once, then on the worker
        caplog.clear()
        click_rows(page, rows)
        menu_action(page, "lifecycle_menu", "مشتری").trigger()
        qtbot.waitUntil(lambda: page.error_box is not None and page.error_box.isVisible())
        box = page.error_box
        assert box is not None
        assert box.text() == "خطای پیش‌بینی‌نشده‌ای رخ داد و در گزارش برنامه ثبت شد (RuntimeError)."
        assert "disk gremlins" not in box.text()
        logged = [r for r in caplog.records if r.name == "crm_desktop.ui.contacts.contact_actions"]
        assert logged and logged[0].exc_info is not None
        assert logged[0].exc_info[0] is RuntimeError
        box.close()
        page.error_box = None
    assert ctx.undo_stack.count() == 0
