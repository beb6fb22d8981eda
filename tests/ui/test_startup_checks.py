"""What the window says at start about its database: damaged, read-only, unreadable."""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from crm_desktop.errors import DamagedDatabase, DatabaseError, ReadOnlyDatabase
from crm_desktop.models.database import open_database
from crm_desktop.services import contacts
from crm_desktop.services.demo import generate_demo
from crm_desktop.services.fields import changes_from_text
from crm_desktop.ui.app import build_main_window, show_startup_error
from crm_desktop.ui.shell.startup_checks import StartupChecks
from tests.disks import read_only


@pytest.fixture
def damaged(db_path: Path) -> Path:
    """Demo data with random bytes over a page of the activities: the window's first
    screens never read it, so only the page-by-page check finds it."""
    with open_database(db_path) as db:
        for _step in generate_demo(db, contacts=400, seed=2, today=dt.date(2025, 5, 1)):
            pass
    with closing(sqlite3.connect(db_path)) as conn:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        (page,) = conn.execute(
            "SELECT pageno FROM dbstat WHERE name = 'activities' AND pagetype = 'leaf' "
            "ORDER BY pageno LIMIT 1 OFFSET 3"
        ).fetchone()
    with db_path.open("r+b") as f:
        f.seek((page - 1) * page_size)
        f.write(random.Random(7).randbytes(page_size))
    return db_path


def test_a_damaged_file_is_said_after_the_window_shows_and_nothing_is_written(
    qtbot: QtBot, damaged: Path
) -> None:
    before = damaged.read_bytes()
    with open_database(damaged, create=True, write=False) as db:
        window = build_main_window(db, "fa")
        qtbot.addWidget(window)
        window.show()
        checks = StartupChecks(window, db, "fa")
        checks.start()
        qtbot.waitUntil(lambda: checks.box is not None, timeout=15_000)
        box = checks.box
        assert box is not None and box.isVisible()
        assert "آسیب دیده" in box.text()
        assert "SELECT" not in box.text()
        with pytest.raises(DamagedDatabase):
            contacts.create_contact(db, changes_from_text({"first_name": "کیوان"}))
    assert damaged.read_bytes() == before


def test_a_healthy_file_gets_no_box(qtbot: QtBot, people_db) -> None:
    window = build_main_window(people_db, "fa")
    qtbot.addWidget(window)
    checks = StartupChecks(window, people_db, "fa")
    with qtbot.waitSignal(checks.finished, timeout=15_000):
        checks.start()
    assert checks.box is None and people_db.refusal is None


def test_a_read_only_file_is_said_at_once(qtbot: QtBot, db_path: Path) -> None:
    with read_only(db_path), open_database(db_path, write=False) as db:
        assert isinstance(db.refusal, ReadOnlyDatabase)
        window = build_main_window(db, "fa")
        qtbot.addWidget(window)
        checks = StartupChecks(window, db, "fa")
        checks.start()
        assert checks.box is not None and "فقط‌خواندنی" in checks.box.text()
        assert contacts.count_contacts(db) == 0  # reading works
        with pytest.raises(ReadOnlyDatabase):
            contacts.create_contact(db, changes_from_text({"first_name": "کیوان"}))


def test_a_file_that_cannot_be_opened_is_said_in_a_box(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    path = tmp_path / "letter.sqlite3"
    path.write_text("Dear customer, ...", encoding="utf-8")
    with pytest.raises(DatabaseError) as refused:
        open_database(path, create=True, write=False)
    shown: list[str] = []

    def answer() -> None:  # the user reads it and presses OK
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        shown.append(box.text())
        box.accept()

    QTimer.singleShot(200, answer)
    show_startup_error(refused.value, "fa")
    assert shown == [refused.value.message("fa")]
    assert "letter.sqlite3" in shown[0]
