"""UI fixtures: a settings sandbox, a database of people, and the main window over it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QStandardPaths, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from crm_desktop.models.database import Database
from crm_desktop.services.contacts import create_contact
from crm_desktop.services.fields import changes_from_text
from crm_desktop.ui.app import build_main_window
from crm_desktop.ui.shell.main_window import MainWindow

from .people import PEOPLE, Person

# The offscreen platform cannot pass a top-level window's minimum size on to a window
# manager and says so whenever a layout changes it; real platforms (xcb, Windows) can.
OFFSCREEN_NOISE = "This plugin does not support propagateSizeHints"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in item.path.parents:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


def key_code(char: str) -> Qt.Key:
    """The key a keyboard sends for ``char``; Qt's codes of ASCII keys are their code points."""
    if " " <= char <= "~":
        return Qt.Key(ord(char.upper()))
    return Qt.Key.Key_unknown


@pytest.fixture
def type_text() -> Callable[[QWidget, str], None]:
    """Type text key by key, like ``qtbot.keyClicks`` but for any script.

    ``QTest::keyClicks`` maps each character to a Latin-1 key code and aborts the
    process on Persian letters, so each key press here carries its text. A printable
    ASCII character also carries its own key code (``/`` is ``Key_Slash``), as a real
    keyboard sends it: widgets such as ``QDateEdit`` act on the code, not the text.
    """

    def type_into(widget: QWidget, text: str) -> None:
        for char in text:
            QTest.sendKeyEvent(
                QTest.KeyAction.Click,
                widget,
                key_code(char),
                char,
                Qt.KeyboardModifier.NoModifier,
            )

    return type_into


@pytest.fixture(autouse=True)
def settings_sandbox(tmp_path: Path) -> Iterator[Path]:
    """Keep QSettings (window geometry...) out of the real user's configuration."""
    folder = tmp_path / "settings"
    folder.mkdir()
    QStandardPaths.setTestModeEnabled(True)
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
            QSettings.setPath(fmt, scope, str(folder))
    yield folder


def add_people(db: Database, people: tuple[Person, ...] = PEOPLE) -> None:
    for person in people:
        fields = {
            "first_name": person.first_name,
            "last_name": person.last_name,
            "company": person.company,
            "phone": person.phone,
            "email": person.email,
            "city": person.city,
            "job_title": person.job_title,
            "lifecycle": person.lifecycle,
        }
        create_contact(db, changes_from_text(fields))


@pytest.fixture
def people() -> tuple[Person, ...]:
    """The people in ``people_db``, for tests to work out what they should see."""
    return PEOPLE


@pytest.fixture
def people_db(db: Database) -> Database:
    add_people(db)
    return db


@pytest.fixture
def window(qtbot: QtBot, people_db: Database) -> MainWindow:
    win = build_main_window(people_db, "fa")
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win
