"""Small widgets every page builds the same way: a page title, a record window's title
and error bar, and a list table."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView

ROW_HEIGHT = 32
TITLE_SCALE = 1.4


def heading(text: str) -> QLabel:
    """The large bold title at the top of a page."""
    label = QLabel(text)
    label.setObjectName("pageTitle")
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * TITLE_SCALE)
    font.setBold(True)
    label.setFont(font)
    return label


RECORD_TITLE_SCALE = 1.3
ERROR_BAR_STYLE = (
    "QLabel#errorBar { background: #fde7e9; color: #8a1c1c; border: 1px solid #e6a5a5;"
    " border-radius: 4px; padding: 6px; }"
)


def record_title(name: str) -> QLabel:
    """The bold title of a record's window (the contact's or the company's name)."""
    label = QLabel()
    label.setObjectName(name)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * RECORD_TITLE_SCALE)
    font.setBold(True)
    label.setFont(font)
    return label


def error_bar() -> QLabel:
    """The red bar of a record's window that says why a save was refused (hidden)."""
    bar = QLabel()
    bar.setObjectName("errorBar")
    bar.setStyleSheet(ERROR_BAR_STYLE)
    bar.setWordWrap(True)
    bar.hide()
    return bar


def list_table(name: str, *, multi_select: bool) -> QTableView:
    """A read-only table of records, a row at a time, as every list page shows them."""
    table = QTableView()
    table.setObjectName(name)
    table.setAlternatingRowColors(True)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(
        QAbstractItemView.SelectionMode.ExtendedSelection
        if multi_select
        else QAbstractItemView.SelectionMode.SingleSelection
    )
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    table.setShowGrid(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    table.verticalHeader().hide()
    # Fixed row heights let the view lay out 100,000 rows without asking for them.
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    header.setStretchLastSection(True)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter)
    return table
