"""An edit saved while a long import holds the database: the window never freezes, the
edit is kept and lands once the import lets go."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from crm_desktop.models.database import Database
from crm_desktop.services.contacts import count_contacts, create_contact, get_contact
from crm_desktop.services.fields import changes_from_text
from crm_desktop.services.importer import ImportCancelled
from crm_desktop.services.spreadsheet import read_sheet
from crm_desktop.ui.app import setup_application
from crm_desktop.ui.contacts.contact_editor import ContactEditor
from crm_desktop.ui.contacts.merge_dialog import MergeDialog
from crm_desktop.ui.importing.import_steps import ImportStep, start_import
from crm_desktop.ui.widgets.context import AppContext
from crm_desktop.ui.widgets.runner import ProgressRelay
from tests.importer_files import write_xlsx

TypeText = Callable[[QWidget, str], None]
ROWS = 1500


class HeldImport(ProgressRelay):
    """The importer's progress callback, holding the import (and with it the database's
    write lock) once it is writing, until the test lets it go."""

    def __init__(self) -> None:
        super().__init__(ImportCancelled)
        self.writing = threading.Event()
        self.release = threading.Event()

    def __call__(self, done: int, total: int) -> None:
        if total and done >= total * 2 // 3 and not self.release.is_set():
            self.writing.set()
            self.release.wait(30)
        super().__call__(done, total)


def locked(path: Path) -> bool:
    """Whether another connection can take the write lock right now."""
    other = sqlite3.connect(path, timeout=0)
    try:
        other.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as error:
        return "locked" in str(error)
    finally:
        other.close()
    return False


@pytest.fixture
def ctx(qapp: QApplication, db: Database) -> AppContext:
    setup_application(qapp, "fa")
    return AppContext(db)


@dataclass
class Held:
    """An import under way, stopped mid-write, holding the database."""

    relay: HeldImport
    step: ImportStep

    def finish(self, qtbot: QtBot) -> None:
        self.relay.release.set()
        with qtbot.waitSignal(self.step.imported, timeout=60_000):
            pass


@pytest.fixture
def held_import(ctx: AppContext, tmp_path: Path) -> Iterator[Callable[[], Held]]:
    """Starts the held import when called (after the test has written its own rows)."""
    started: list[HeldImport] = []

    def start() -> Held:
        relay = HeldImport()
        started.append(relay)
        step = start_import(
            ctx,
            sheet,
            {0: "first_name", 1: "last_name", 2: "phone"},
            kind="contacts",
            on_duplicate="update",
            file_name="big.xlsx",
            relay=relay,
        )
        assert relay.writing.wait(30)
        assert locked(ctx.db.path)  # the import really holds the database now
        return Held(relay, step)

    grid: list[list[object] | None] = [["نام", "نام خانوادگی", "موبایل"]]
    grid += [[f"نام{i}", f"خانواده{i}", f"0912{i:07d}"] for i in range(ROWS)]
    sheet = read_sheet(write_xlsx(tmp_path / "big.xlsx", grid))
    try:
        yield start
    finally:
        for relay in started:
            relay.release.set()


def event_loop_runs(qtbot: QtBot) -> None:
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(20)
    qtbot.waitUntil(lambda: len(ticks) >= 5)
    timer.stop()


def test_an_edit_during_an_import_waits_off_the_window_and_lands_after(
    qtbot: QtBot, ctx: AppContext, held_import: Callable[[], Held], type_text: TypeText
) -> None:
    db = ctx.db
    cid = create_contact(db, changes_from_text({"first_name": "سارا", "last_name": "نیکو"})).id
    editor = ContactEditor(ctx, cid)
    qtbot.addWidget(editor)
    with qtbot.waitActive(editor):
        editor.show()
        editor.activateWindow()
    type_text(editor.view.city, "مشهد")
    held = held_import()
    started = time.monotonic()
    qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert time.monotonic() - started < 1  # not the 5 s busy wait on the window
    event_loop_runs(qtbot)
    assert editor.waiting and editor.view.waiting_bar.isVisible()
    assert editor.view.city.text() == "مشهد"  # the edit is kept, read-only meanwhile
    assert not editor.view.details.isEnabled()
    assert get_contact(db, cid).city is None  # not saved yet

    held.finish(qtbot)
    qtbot.waitUntil(lambda: not editor.waiting, timeout=30_000)
    assert get_contact(db, cid).city == "مشهد"
    assert count_contacts(db) == ROWS + 1
    assert not editor.view.waiting_bar.isVisible() and editor.view.details.isEnabled()
    assert not editor.is_dirty()
    assert ctx.undo_stack.undoText() == "ویرایش مخاطب «سارا نیکو»"


def test_a_merge_during_an_import_runs_after_it_with_the_long_work_dialog(
    qtbot: QtBot, ctx: AppContext, held_import: Callable[[], Held]
) -> None:
    db = ctx.db
    first = create_contact(db, changes_from_text({"first_name": "رضا", "phone": "09351234567"}))
    twin = create_contact(db, changes_from_text({"first_name": "رضا", "email": "r@x.ir"}))
    dialog = MergeDialog(ctx, [first.id, twin.id])
    qtbot.addWidget(dialog)
    dialog.open()
    held = held_import()
    started = time.monotonic()
    dialog.merge()
    assert time.monotonic() - started < 1
    event_loop_runs(qtbot)
    assert dialog.waiting is not None and dialog.waiting.running
    progress = dialog.waiting.dialog
    assert progress is not None and progress.objectName() == "longWorkProgress"
    assert get_contact(db, twin.id).deleted_at is None  # waits for the import

    with qtbot.waitSignal(dialog.merged, timeout=60_000):
        held.finish(qtbot)
    assert get_contact(db, twin.id).deleted_at is not None  # merged into the first
    assert get_contact(db, first.id).emails == ("r@x.ir",)
    assert ctx.undo_stack.undoText() == "ادغام ۲ مخاطب"


def test_an_edit_while_another_program_holds_the_database_is_kept_with_a_message(
    qtbot: QtBot, ctx: AppContext, type_text: TypeText
) -> None:
    """Another program (a scheduled ``crm-desktop import``, the sqlite3 shell) holds the
    write lock: the save says the database is busy at once and keeps the edit."""
    cid = create_contact(ctx.db, changes_from_text({"first_name": "نیما"})).id
    editor = ContactEditor(ctx, cid)
    qtbot.addWidget(editor)
    with qtbot.waitActive(editor):
        editor.show()
        editor.activateWindow()
    type_text(editor.view.city, "قم")
    other = sqlite3.connect(ctx.db.path, timeout=0)
    other.execute("BEGIN IMMEDIATE")
    try:
        started = time.monotonic()
        assert not editor.save()
        waited = time.monotonic() - started
        assert editor.view.error_bar.isVisible()
        assert "مشغول" in editor.view.error_bar.text()
        assert editor.view.city.text() == "قم" and editor.is_dirty()
    finally:
        other.rollback()
        other.close()
    assert waited < 1.5, f"the window waited {waited:.1f} s"
    with qtbot.waitSignal(editor.saved):
        editor.save()  # the same edit, once the database is free
    assert get_contact(ctx.db, cid).city == "قم"
