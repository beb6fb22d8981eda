"""Translations: English turns the window left-to-right and English; files in sync."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import cast

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QTextLayout
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTableView,
    QTabWidget,
    QTreeView,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from crm_desktop.models.database import Database
from crm_desktop.services.companies import list_companies
from crm_desktop.services.contacts import contact_ids, get_contact
from crm_desktop.services.users import list_users
from crm_desktop.ui import i18n
from crm_desktop.ui.app import build_main_window, setup_application
from crm_desktop.ui.contacts.contact_editor import ContactEditor
from crm_desktop.ui.shell.main_window import MainWindow
from crm_desktop.ui.widgets.value_names import row_name

PERSIAN_LETTER = re.compile("[\u0600-\u06ff]")
ENGLISH_PAGES = [
    "Dashboard",
    "Contacts",
    "Companies",
    "Pipeline",
    "Activities",
    "Campaigns",
    "Service requests",
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
    assert [a.text() for a in window.file_menu.actions() if a.text()] == [
        "New contact",
        "Import from Excel…",
        "Import history…",
        "Export to Excel",
        "Quit",
    ]
    assert [a.text() for a in window.export_menu.actions()] == [
        "Contacts (as filtered)…",
        "Companies…",
        "Deals…",
        "Activities…",
    ]
    assert window.find_action.text() == "Find"
    assert window.count_label.text() == "30 contacts"  # Latin digits too
    assert window.sync_label.text() == "No sync"
    assert window.windowTitle() == "CRM — crm.sqlite3"
    assert nav.child_titles("contacts") == [
        "Duplicates",
        "Trash",
    ]


def persian_texts(top: QWidget, data: set[str] = frozenset()) -> list[str]:  # type: ignore[assignment]
    """Visible labels, buttons, placeholders, tabs and group titles holding Persian letters.

    ``data`` are values of the records shown (names, cities): those stay as typed.
    """
    texts: list[tuple[QWidget, str]] = []
    for label in top.findChildren(QLabel):
        texts.append((label, label.text()))
    for button in top.findChildren(QAbstractButton):
        texts.append((button, button.text()))
        texts.append((button, button.toolTip()))
    for edit in top.findChildren(QLineEdit):
        texts.append((edit, edit.placeholderText()))
    for box in top.findChildren(QGroupBox):
        texts.append((box, box.title()))
    for combo in top.findChildren(QComboBox):  # every choice of a drop-down, not just one
        texts.extend((combo, combo.itemText(i)) for i in range(combo.count()))
    for tabs in top.findChildren(QTabWidget):
        texts.extend((tabs, tabs.tabText(i)) for i in range(tabs.count()))
    for view in top.findChildren(QTableView) + top.findChildren(QTreeView):
        model = view.model()
        if model is None:
            continue
        for column in range(model.columnCount(QModelIndex())):
            texts.append((view, str(model.headerData(column, Qt.Orientation.Horizontal) or "")))
    return [
        text
        for widget, text in texts
        if widget.isVisibleTo(top)
        and text.strip() not in data
        and not any(value and value in text for value in data)
        and PERSIAN_LETTER.search(text)
    ]


def test_every_visible_text_of_the_english_window_is_english(english_window: MainWindow) -> None:
    assert persian_texts(english_window) == []


def test_the_companies_page_is_english(qtbot: QtBot, english_window: MainWindow) -> None:
    english_window.show_page("companies")
    page = english_window.page("companies")
    qtbot.waitUntil(page.isVisible)
    names = {c.name for c in list_companies(english_window.db)}
    assert persian_texts(page, names) == []
    assert persian_texts(english_window, names) == []


def test_the_contact_editor_is_english(qtbot: QtBot, english_window: MainWindow) -> None:
    contact_id = contact_ids(english_window.db, limit=1)[0]
    editor = english_window.open_contact(contact_id)
    assert isinstance(editor, ContactEditor)
    qtbot.waitExposed(editor)
    record = get_contact(english_window.db, contact_id)
    data = {
        value
        for value in (
            record.first_name,
            record.last_name,
            record.full_name,
            record.company or "",
            record.city or "",
            record.job_title or "",
            *record.phones,
            *record.emails,
            # The drop-downs offer the office's people and companies by their names.
            *(user.name for user in list_users(english_window.db)),
            *(company.name for company in list_companies(english_window.db)),
        )
        if value
    }
    qtbot.waitUntil(lambda: editor.view.lead_source.count() > 1)  # choices loaded
    try:
        assert editor.layoutDirection() == Qt.LayoutDirection.LeftToRight
        assert persian_texts(editor, data) == []
        v = editor.view
        assert [v.lifecycle.itemText(i) for i in range(v.lifecycle.count())] == [
            "Lead",
            "Prospect",
            "Customer",
            "Inactive",
        ]
        assert "Telegram" in [v.channel.itemText(i) for i in range(v.channel.count())]
        assert "Customer referral" in [
            v.lead_source.itemText(i) for i in range(v.lead_source.count())
        ]
        # The heading reads "Contact: NAME" left to right, the name after the colon.
        heading = v.title_label
        layout = QTextLayout(heading.text(), heading.font())
        option = layout.textOption()
        option.setTextDirection(heading.layoutDirection())
        layout.setTextOption(option)
        layout.beginLayout()
        line = layout.createLine()
        layout.endLayout()
        text = heading.text()
        # PySide6 returns (x, position) but declares ``object``.
        colon_x = cast(tuple[float, int], line.cursorToX(text.index(":")))[0]
        name_x = cast(tuple[float, int], line.cursorToX(text.index(record.first_name)))[0]
        assert text.startswith("Contact:") and colon_x < name_x
    finally:
        editor.close()


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


def test_every_built_in_row_has_an_english_name(qapp: QApplication, db: Database) -> None:
    """The stages, lost reasons, lead sources and activity types every database starts
    with read in English in the English interface (the office's own rows as typed)."""
    with db.session() as session:
        names = [
            name
            for table in ("pipelines", "stages", "lost_reasons", "lead_sources", "activity_types")
            for (name,) in session.execute(text(f"SELECT name FROM {table}"))
        ]
    assert len(names) > 20
    setup_application(qapp, "en")
    try:
        english = {name: row_name(name) for name in names}
        assert [name for name, shown in english.items() if PERSIAN_LETTER.search(shown)] == []
        assert row_name("نمایشگاه کتاب تهران") == "نمایشگاه کتاب تهران"  # an office's own
    finally:
        setup_application(qapp, "fa")
    assert row_name(names[0]) == names[0]


# One word per thing (the rejected spelling: the one used everywhere). Applies to every
# string the user can see: the Persian translation file, and the Persian messages of
# the core (errors, export headers, the command line).
GLOSSARY = {
    "مخاطبین": "مخاطبان",
    "سطل بازیافت": "سطل زباله",
    "تازه": "جدید",
    "واگردانی": "واگرد",
}
ENGLISH_GLOSSARY = {"Recycle": "Trash", "Undelete": "Restore"}
PERSIAN_STRING = re.compile(r"""(["'])((?:(?!\1).)*[\u0600-\u06ff](?:(?!\1).)*)\1""")
# Words people type that the importer and the command line recognise, and the demo's
# own names: data, not interface words.
RECOGNISED_VALUES = ("import_fields.py", "fields.py", "column_mapping.py", "demo/names.py")


def _core_strings() -> list[tuple[str, str]]:
    root = Path(i18n.PACKAGE_UI).parent
    found = []
    for path in sorted(root.rglob("*.py")):
        if path.is_relative_to(root / "ui") or str(path).endswith(RECOGNISED_VALUES):
            continue
        for match in PERSIAN_STRING.finditer(path.read_text(encoding="utf-8")):
            found.append((str(path.relative_to(root)), match.group(2)))
    return found


def test_one_word_per_thing_in_persian() -> None:
    sources = [
        ("crm_desktop_fa.ts", source.text or "")
        for source in ET.parse(i18n.ts_path("fa")).getroot().iter("source")
    ]
    misspelt = [
        f"{where}: «{text}» uses «{rejected}», say «{chosen}»"
        for where, text in sources + _core_strings()
        for rejected, chosen in GLOSSARY.items()
        if rejected in text
    ]
    assert misspelt == []


def test_one_word_per_thing_in_english() -> None:
    translations = [
        t.text or "" for t in ET.parse(i18n.ts_path("en")).getroot().iter("translation")
    ]
    assert [t for t in translations for word in ENGLISH_GLOSSARY if word in t] == []


LATIN_DIGIT = re.compile("[0-9]")
# What stays Latin in the Persian interface: email addresses, file names, shortcuts.
LATIN_ISLANDS = re.compile(r"\S+@\S+|[\w\-]+\.[A-Za-z]\w*|Ctrl\+\S+")


def latin_digit_texts(top: QWidget) -> list[str]:
    """Visible texts (labels, buttons, placeholders, headers, table cells) with Latin digits."""
    texts: list[tuple[QWidget, str]] = []
    for label in top.findChildren(QLabel):
        texts.append((label, label.text()))
    for button in top.findChildren(QAbstractButton):
        texts += [(button, button.text()), (button, button.toolTip())]
    for edit in top.findChildren(QLineEdit):
        texts += [(edit, edit.placeholderText()), (edit, edit.text())]
    for view in top.findChildren(QTableView):
        model = view.model()
        if model is None:
            continue
        for row in range(min(model.rowCount(), 20)):
            for column in range(model.columnCount()):
                texts.append((view, str(model.data(model.index(row, column)) or "")))
    return [
        text
        for widget, text in texts
        if widget.isVisibleTo(top) and LATIN_DIGIT.search(LATIN_ISLANDS.sub("", text))
    ]


def test_the_persian_interface_writes_persian_digits(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.contacts_page.model.rowCount() > 0)
    assert latin_digit_texts(window) == []
    editor = window.open_contact(contact_ids(window.db, limit=1)[0])
    assert isinstance(editor, ContactEditor)
    qtbot.waitExposed(editor)
    editor.view.phones.add_row()  # an empty row shows the sample number
    assert latin_digit_texts(editor) == []
    window.show_page("settings")
    assert latin_digit_texts(window) == []
    about = window.show_about()
    assert latin_digit_texts(about) == []
    assert "۰" in about.text() or "۱" in about.text()  # the version, in Persian digits
    about.close()
    editor.close()
