"""Translations: English turns the window left-to-right and English; files in sync."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from crm_desktop.models.database import Database
from crm_desktop.ui import i18n
from crm_desktop.ui.app import build_main_window, setup_application
from crm_desktop.ui.main_window import MainWindow

ENGLISH_PAGES = [
    "Dashboard",
    "Contacts",
    "Companies",
    "Pipeline",
    "Activities",
    "Reports",
    "Settings",
]


@pytest.fixture
def english_window(qtbot: QtBot, qapp: QApplication, people_db: Database) -> Iterator[MainWindow]:
    window = build_main_window(people_db, "en")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    try:
        yield window
    finally:
        setup_application(qapp, "fa")


def test_english_window_is_left_to_right_and_english(english_window: MainWindow) -> None:
    window = english_window
    assert window.layoutDirection() == Qt.LayoutDirection.LeftToRight
    nav = window.navigation
    assert nav.page_titles() == ENGLISH_PAGES
    assert nav.mapTo(window, QPoint(0, 0)).x() < window.stack.mapTo(window, QPoint(0, 0)).x()
    menus = [window.file_menu, window.edit_menu, window.go_menu, window.help_menu]
    assert [menu.title() for menu in menus] == ["&File", "&Edit", "&Go", "&Help"]
    assert [a.text() for a in window.file_menu.actions() if a.text()] == ["New contact", "Quit"]
    assert window.find_action.text() == "Find in contacts"
    assert window.count_label.text() == "30 contacts"  # Latin digits too
    assert window.sync_label.text() == "No sync"
    assert window.windowTitle() == "CRM — crm.sqlite3"
    assert nav.child_titles("contacts") == [
        "Duplicates",
        "Trash",
    ]


def test_every_visible_text_of_the_english_window_is_english(english_window: MainWindow) -> None:
    from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit

    persian = [
        text
        for widget in english_window.findChildren(QLabel)
        + english_window.findChildren(QAbstractButton)
        + english_window.findChildren(QLineEdit)
        for text in (
            widget.text() if not isinstance(widget, QLineEdit) else widget.placeholderText(),
        )
        if widget.isVisibleTo(english_window) and any("\u0600" <= c <= "\u06ff" for c in text)
    ]
    assert persian == []


def test_translation_files_are_in_sync_with_the_code() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "crm_desktop.ui.i18n", "--check"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_persian_file_is_complete() -> None:
    assert i18n.unfinished(i18n.ts_path("fa")) == []
    assert i18n.unfinished(i18n.ts_path("en")) == []


def test_check_reports_an_unfinished_english_entry(tmp_path: Path) -> None:
    for lang in i18n.LANGUAGES:
        for suffix in (".ts", ".qm"):
            source = i18n.ts_path(lang).with_suffix(suffix)
            shutil.copyfile(source, tmp_path / source.name)
    english = tmp_path / "crm_desktop_en.ts"
    text = english.read_text(encoding="utf-8")
    english.write_text(
        text.replace(
            "<translation>Pipeline</translation>", '<translation type="unfinished"></translation>'
        ),
        encoding="utf-8",
    )
    problems = i18n.check(tmp_path)
    assert "unfinished in English: MainWindow: قیف فروش" in problems
    assert "crm_desktop_en.ts is out of date: run `update`" not in problems  # same entries
