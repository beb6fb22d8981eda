"""The trash lists deleted contacts and restores the chosen ones as one undo step."""

from __future__ import annotations

import threading
from collections.abc import Sequence

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from crm_desktop.models.database import Database
from crm_desktop.services import contacts
from crm_desktop.services.fields import changes_from_text
from crm_desktop.services.merge import merge_contacts
from crm_desktop.ui.app import setup_application
from crm_desktop.ui.contacts import trash_page
from crm_desktop.ui.contacts.trash_page import TrashPage
from crm_desktop.ui.widgets.commands import perform
from crm_desktop.ui.widgets.context import CONTACTS, AppContext

NAMES = ("مریم علیزاده", "حسین کاظمی", "نرگس طاهری", "امیر نوری", "لیلا قاسمی")


@pytest.fixture
def ctx(qapp: QApplication, db: Database) -> AppContext:
    setup_application(qapp, "fa")
    return AppContext(db)


@pytest.fixture
def deleted(db: Database) -> list[str]:
    """Four contacts deleted one after another (the first one first), one left alive."""
    ids = []
    for n, name in enumerate(NAMES):
        first, last = name.split()
        fields = {"first_name": first, "last_name": last, "phone": f"0912555000{n}"}
        ids.append(contacts.create_contact(db, changes_from_text(fields)).id)
    for contact_id in ids[:4]:
        contacts.delete_contacts(db, [contact_id])
    return ids[:4]


@pytest.fixture
def page(qtbot: QtBot, ctx: AppContext, deleted: list[str]) -> TrashPage:
    page = TrashPage(ctx)
    qtbot.addWidget(page)
    page.resize(1100, 600)
    page.show()
    qtbot.waitExposed(page)
    return page


def shown_names(page: TrashPage) -> list[str]:
    return [page.model.index(row, 0).data() for row in range(page.model.rowCount())]


def click_rows(page: TrashPage, rows: Sequence[int]) -> None:
    for n, row in enumerate(rows):
        modifier = Qt.KeyboardModifier.ControlModifier if n else Qt.KeyboardModifier.NoModifier
        pos = page.table.visualRect(page.model.index(row, 0)).center()
        QTest.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, modifier, pos)


def test_lists_deleted_contacts_most_recent_first(page: TrashPage) -> None:
    assert shown_names(page) == list(reversed(NAMES[:4]))
    assert page.count_label.text() == "۴ مخاطب در سطل زباله"
    assert page.model.index(0, 2).data() == "\u2066۰۹۱۲ ۵۵۵ ۰۰۰۳\u2069"
    deleted_at = page.model.index(0, 4).data()
    # Jalali date and time, Persian digits, kept left to right: "۱۴۰۴/۰۹/۰۱ ۱۴:۰۵"
    assert deleted_at.startswith("\u2066۱۴") and deleted_at.endswith("\u2069")
    assert len(deleted_at) == len("\u2066۱۴۰۴/۰۹/۰۱ ۱۴:۰۵\u2069")
    assert not page.restore_button.isEnabled()


def test_model_passes_the_model_tester(page: TrashPage, qtmodeltester: ModelTester) -> None:
    qtmodeltester.check(page.model)


def test_restores_the_selected_contacts_as_one_undo_step(
    qtbot: QtBot, page: TrashPage, ctx: AppContext, deleted: list[str]
) -> None:
    click_rows(page, [0, 2])  # لیلا قاسمی (deleted last) and حسین کاظمی
    assert page.restore_button.isEnabled()
    assert page.selection_label.text() == "۲ انتخاب‌شده"
    qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)

    restored = {deleted[3], deleted[1]}
    assert restored <= set(contacts.contact_ids(ctx.db))
    assert shown_names(page) == [NAMES[2], NAMES[0]]
    assert page.message_label.text() == "۲ مخاطب بازگردانده شد."
    assert ctx.undo_stack.count() == 1
    assert ctx.undo_stack.undoText() == "بازگردانی ۲ مخاطب"

    ctx.undo_stack.undo()
    assert not restored & set(contacts.contact_ids(ctx.db))
    assert set(shown_names(page)) == set(NAMES[:4])
    ctx.undo_stack.redo()
    assert restored <= set(contacts.contact_ids(ctx.db))
    assert len(shown_names(page)) == 2


def test_follows_deletes_made_elsewhere_but_not_merges(
    qtbot: QtBot, page: TrashPage, ctx: AppContext
) -> None:
    db = ctx.db
    alive = contacts.contact_ids(db)[0]
    perform(
        ctx,
        "حذف مخاطب",
        lambda: contacts.delete_contacts(db, [alive]),
    )
    assert shown_names(page)[0] == NAMES[4]
    assert page.count_label.text() == "۵ مخاطب در سطل زباله"
    ctx.undo_stack.undo()
    twin = contacts.create_contact(db, changes_from_text({"first_name": "کاوه"})).id
    other = contacts.create_contact(db, changes_from_text({"first_name": "کاوه"})).id
    merge_contacts(db, twin, [other])
    ctx.changes.announce(CONTACTS, [twin, other])
    assert "کاوه" not in shown_names(page)
    assert len(shown_names(page)) == 4


def test_an_empty_trash_says_so(qtbot: QtBot, ctx: AppContext) -> None:
    page = TrashPage(ctx)
    qtbot.addWidget(page)
    page.show()
    assert page.model.rowCount() == 0
    assert page.count_label.text() == "سطل زباله خالی است"


def test_a_large_restore_runs_on_the_worker_with_the_long_work_dialog(
    qtbot: QtBot,
    page: TrashPage,
    ctx: AppContext,
    deleted: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(trash_page, "BACKGROUND_ABOVE", 1)
    gate = threading.Event()
    threads: list[threading.Thread] = []

    def gated_restore(db: Database, ids: Sequence[str]) -> None:
        threads.append(threading.current_thread())
        assert gate.wait(10)
        contacts.restore_contacts(db, ids)

    monkeypatch.setattr(trash_page, "restore_contacts", gated_restore)
    click_rows(page, [0, 2])
    try:
        qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
        # The click returned while the restore still waits on the worker.
        assert page.busy and page.running is not None
        dialog = page.running.dialog  # the one dialog of long work; one transaction
        assert dialog is not None and dialog.objectName() == "longWorkProgress"
        assert dialog.labelText() == "بازگردانی ۲ مخاطب…"
        assert not page.table.isEnabled()
        assert not page.restore_button.isEnabled()
        assert page.message_label.text() == "بازگردانی ۲ مخاطب…"
        assert ctx.undo_stack.count() == 0
    finally:
        gate.set()
    qtbot.waitUntil(lambda: not page.busy)
    assert threads and threads[0] is not threading.main_thread()
    assert page.running is not None and page.running.dialog is None  # closed
    assert page.table.isEnabled()
    assert {deleted[3], deleted[1]} <= set(contacts.contact_ids(ctx.db))
    assert shown_names(page) == [NAMES[2], NAMES[0]]
    assert page.message_label.text() == "۲ مخاطب بازگردانده شد."
    assert ctx.undo_stack.undoText() == "بازگردانی ۲ مخاطب"
    ctx.undo_stack.undo()  # a large step is undone on the worker too
    qtbot.waitUntil(lambda: set(shown_names(page)) == set(NAMES[:4]))


def test_a_small_restore_stays_on_the_ui_thread(
    qtbot: QtBot, page: TrashPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: list[threading.Thread] = []

    def recording_restore(db: Database, ids: Sequence[str]) -> None:
        threads.append(threading.current_thread())
        contacts.restore_contacts(db, ids)

    monkeypatch.setattr(trash_page, "restore_contacts", recording_restore)
    click_rows(page, [0])
    qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    assert threads == [threading.main_thread()] and not page.busy
