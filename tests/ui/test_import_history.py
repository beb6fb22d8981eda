"""The import history: every past import, undone or redone as a step of its own."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QAbstractButton, QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from crm_desktop.locale import format_jalali
from crm_desktop.models.database import Database
from crm_desktop.services.contacts import (
    contact_ids,
    get_contact,
    trashed_contact_ids,
    update_contact,
)
from crm_desktop.services.fields import changes_from_text
from crm_desktop.services.importer import ImportResult, import_file, list_imports
from crm_desktop.ui.app import setup_application
from crm_desktop.ui.importing.import_history import ImportHistoryDialog, open_import_history
from crm_desktop.ui.widgets.commands import _undo_pool
from crm_desktop.ui.widgets.context import AppContext

from .test_import_wizard import contacts_book

WAIT = 15_000


@pytest.fixture
def ctx(qapp: QApplication, db: Database) -> Iterator[AppContext]:
    setup_application(qapp, "fa")
    yield AppContext(db)
    QThreadPool.globalInstance().waitForDone(WAIT)
    _undo_pool().waitForDone(WAIT)


def imported(db: Database, path: Path) -> ImportResult:
    """An import made earlier (another day, another session: not on this undo stack)."""
    return import_file(db, path)


def dialog_for(qtbot: QtBot, ctx: AppContext) -> ImportHistoryDialog:
    dialog = ImportHistoryDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def revert(qtbot: QtBot, ctx: AppContext, dialog: ImportHistoryDialog, *, undo: bool) -> None:
    """Click Undo (and say yes when asked) or Redo, and wait until it is done."""
    button = dialog.undo_button if undo else dialog.redo_button
    assert button.isEnabled()
    with qtbot.waitSignal(dialog.reverted, timeout=WAIT) as done:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        if undo:
            yes = confirm_button(dialog.confirm_box)
            qtbot.mouseClick(yes, Qt.MouseButton.LeftButton)
    assert done.args == [undo]
    qtbot.waitUntil(lambda: not ctx.busy, timeout=WAIT)


def confirm_button(box: QMessageBox | None) -> QAbstractButton:
    assert box is not None and box.isVisible()
    yes = box.findChild(QAbstractButton, "confirmUndo")
    assert yes is not None
    return yes


def test_an_empty_history_says_so(qtbot: QtBot, ctx: AppContext) -> None:
    dialog = dialog_for(qtbot, ctx)
    assert dialog.model.rowCount() == 0
    assert dialog.empty_label.isVisible()
    assert not dialog.undo_button.isEnabled() and not dialog.redo_button.isEnabled()


def test_lists_imports_newest_first_with_jalali_dates_and_counts(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path
) -> None:
    imported(ctx.db, contacts_book(tmp_path / "اول.xlsx"))
    imported(ctx.db, contacts_book(tmp_path / "second.xlsx"))
    dialog = dialog_for(qtbot, ctx)
    assert not dialog.isModal()
    assert dialog.model.rowCount() == 2
    newest = dialog.model.cells(0)
    today = format_jalali(dt.date.today())
    assert newest[0].startswith(f"\u2066{today} ")
    assert newest[1:4] == ("\u2068second.xlsx\u2069", "\u2068مشتریان\u2069", "مخاطبان")
    # The same rows again: it changed nothing, so there is nothing to undo.
    assert newest[4:] == ("۵", "۰", "۰", "۴", "۱", "بدون تغییر")
    assert dialog.model.cells(1)[1] == "\u2068اول.xlsx\u2069"
    assert dialog.model.cells(1)[5] == "۳"
    assert dialog.model.cells(1)[-1] == "انجام شده"
    assert dialog.selected() == list_imports(ctx.db)[0]
    assert not dialog.undo_button.isEnabled() and not dialog.redo_button.isEnabled()
    dialog.select(list_imports(ctx.db)[1].id)
    assert dialog.undo_button.isEnabled() and not dialog.redo_button.isEnabled()


def test_undo_days_later_is_a_step_of_its_own_and_redo_puts_it_back(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path
) -> None:
    db = ctx.db
    result = imported(db, contacts_book(tmp_path / "قدیمی.xlsx"))
    assert len(contact_ids(db)) == 3
    dialog = dialog_for(qtbot, ctx)

    # Asked first, with what it will do; "no" changes nothing.
    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    box = dialog.confirm_box
    assert box is not None and box.isVisible()
    assert "قدیمی.xlsx" in box.text()
    assert "برداشته می‌شود (این ورود ساخته بود): ۳ مخاطب" in box.informativeText()
    cancel = box.button(QMessageBox.StandardButton.Cancel) or next(
        b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.RejectRole
    )
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert len(contact_ids(db)) == 3 and ctx.undo_stack.count() == 0

    revert(qtbot, ctx, dialog, undo=True)
    assert contact_ids(db) == []
    # The people it took away are not in the trash: nobody deleted them.
    assert trashed_contact_ids(db) == []
    assert dialog.model.cells(0)[-1] == "برگردانده شد"
    status = dialog.status_label.text()
    assert "برگردانده شد" in status and "برداشته شد: ۳ مخاطب" in status
    assert "تغییر)" not in status  # no count of rows written
    assert dialog.redo_button.isEnabled() and not dialog.undo_button.isEnabled()
    assert ctx.undo_stack.count() == 1
    assert ctx.undo_stack.undoText() == "واگرد ورود داده از \u2068قدیمی.xlsx\u2069"

    # Edit > Undo takes the undo back; the list follows.
    ctx.undo_stack.undo()
    qtbot.waitUntil(lambda: not ctx.busy, timeout=WAIT)
    qtbot.waitUntil(lambda: dialog.model.cells(0)[-1] == "انجام شده", timeout=WAIT)
    assert len(contact_ids(db)) == 3
    ctx.undo_stack.redo()
    qtbot.waitUntil(lambda: not ctx.busy, timeout=WAIT)
    assert contact_ids(db) == []

    revert(qtbot, ctx, dialog, undo=False)
    assert len(contact_ids(db)) == 3
    assert dialog.model.cells(0)[-1] == "انجام شده"
    assert ctx.undo_stack.count() == 2
    assert list_imports(db)[0].id == result.import_id


def test_undo_leaves_what_was_changed_since_and_names_it(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path
) -> None:
    db = ctx.db
    imported(db, contacts_book(tmp_path / "مشتریان.xlsx"))
    hamid = next(i for i in contact_ids(db) if get_contact(db, i).first_name == "حمید")
    update_contact(db, hamid, changes_from_text({"job_title": "مدیر فروش"}))
    dialog = open_import_history(None, ctx)
    qtbot.addWidget(dialog)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)  # qtbot closes it

    revert(qtbot, ctx, dialog, undo=True)
    assert contact_ids(db) == [hamid]
    status = dialog.status_label.text()
    assert "دست نخوردند" in status
    assert "حمید نوروزی" in status
