"""Qt's own file dialog (Linux; Windows shows its native one) in the Persian interface."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QComboBox, QFileDialog, QLabel, QListView
from pytestqt.qtbot import QtBot

from crm_desktop.locale import format_jalali
from crm_desktop.ui.app import setup_application
from crm_desktop.ui.widgets.file_dialogs import DATE_COLUMN, LRI, file_dialog

LATIN = re.compile("[A-Za-z]")
MODIFIED = dt.datetime(2026, 3, 21, 9, 30)  # 1 Farvardin 1405


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    files = tmp_path / "files"
    files.mkdir()
    for name in ("مشتریان.xlsx", "notes.txt"):
        (files / name).write_bytes(b"x")
        os.utime(files / name, (MODIFIED.timestamp(), MODIFIED.timestamp()))
    (files / "بایگانی").mkdir()
    return files


def opened(qtbot: QtBot, folder: Path) -> QFileDialog:
    dialog = file_dialog(
        None, "ورود", save=False, name_filters=["کارپوشهٔ اکسل (*.xlsx)"], folder=str(folder)
    )
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    return dialog


def shown_rows(qtbot: QtBot, dialog: QFileDialog) -> dict[str, list[str]]:
    """The listed files and folders, each with its cells (name, size, type, date)."""
    view = dialog.findChild(QListView, "listView")
    assert view is not None
    model = view.model()
    root = view.rootIndex()
    qtbot.waitUntil(lambda: model.rowCount(root) >= 2)
    rows = {}
    for row in range(model.rowCount(root)):
        cells = [
            str(model.data(model.index(row, column, root)) or "")
            for column in range(model.columnCount(root))
        ]
        rows[cells[0]] = cells
    return rows


def test_persian_labels_filter_and_jalali_dates(
    qtbot: QtBot, qapp: QApplication, folder: Path
) -> None:
    setup_application(qapp, "fa")
    dialog = opened(qtbot, folder)
    labels = {
        name: label.text()
        for name in ("lookInLabel", "fileNameLabel", "fileTypeLabel")
        if (label := dialog.findChild(QLabel, name)) is not None
    }
    assert len(labels) == 3
    assert [text for text in labels.values() if LATIN.search(text)] == []

    types = dialog.findChild(QComboBox, "fileTypeCombo")
    assert types is not None
    assert types.currentText() == f"کارپوشهٔ اکسل {LRI}(*.xlsx)"
    rows = shown_rows(qtbot, dialog)
    assert set(rows) == {"مشتریان.xlsx", "بایگانی"}  # the filter still filters
    assert rows["بایگانی"][2] == "پوشه"
    date = rows["مشتریان.xlsx"][DATE_COLUMN]
    assert format_jalali(MODIFIED.date()) in date and "۰۹:۳۰" in date
    assert dialog.minimumWidth() >= 700
    dialog.close()


def test_english_dialog(qtbot: QtBot, qapp: QApplication, folder: Path) -> None:
    setup_application(qapp, "en")
    try:
        dialog = opened(qtbot, folder)
        label = dialog.findChild(QLabel, "lookInLabel")
        assert label is not None and label.text() == "&Look in:"
        rows = shown_rows(qtbot, dialog)
        assert "1405/01/01 09:30" in rows["مشتریان.xlsx"][DATE_COLUMN]
        dialog.close()
    finally:
        setup_application(qapp, "fa")
