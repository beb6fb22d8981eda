"""The wizard's tables: every problem by row, the counts, the preview of stored rows."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QGridLayout,
    QHeaderView,
    QLabel,
    QStyle,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from crm_desktop.services.import_fields import FIELDS_BY_KIND
from crm_desktop.services.importer import ImportResult, Problem
from crm_desktop.services.importer.preview import PreviewRow
from crm_desktop.ui.importing.import_labels import field_label, preview_text, shown_words
from crm_desktop.ui.widgets.display import display_number
from crm_desktop.ui.widgets.widgets import list_table

CONTEXT = "ImportTables"
PROBLEM_HEADERS = (
    QT_TRANSLATE_NOOP("ImportTables", "ردیف"),
    QT_TRANSLATE_NOOP("ImportTables", "ستون"),
    QT_TRANSLATE_NOOP("ImportTables", "نوع"),
    QT_TRANSLATE_NOOP("ImportTables", "شرح"),
)
# A row with a warning: its values are imported, but not all of them.
WARNING_BACKGROUND = QColor("#fff4d6")
WARNING_TEXT = QColor("#3d2e00")
PREVIEW_ROW_HEIGHT = 28
PROBLEM_COLUMN = 1
PROBLEM_WIDTH = 260  # longer reasons end in "…"; the tooltip has them whole
FIELD_WIDTH = 220

_Index = QModelIndex | QPersistentModelIndex


def shown_message(problem: Problem, lang: str) -> str:
    """A problem's message as the table shows it (``shown_words``)."""
    return shown_words(problem.message(lang), lang)


def tr(text: object) -> str:
    return QCoreApplication.translate(CONTEXT, str(text))


class ListModel(QAbstractTableModel):
    """A read-only table over a plain list, one row per item, with translated headers.

    Subclasses give ``headers`` (marked with ``QT_TRANSLATE_NOOP`` in ``context``) and
    ``data``; ``set_items`` replaces the whole list.
    """

    headers: tuple[object, ...] = ()  # QT_TRANSLATE_NOOP strings
    context = CONTEXT

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.items: list[Any] = []

    def set_items(self, items: Sequence[Any]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.headers)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(self.context, str(self.headers[section]))
        return None


class ProblemsModel(ListModel):
    """Every error and warning of an import, by the sheet's own row number."""

    headers = PROBLEM_HEADERS

    def __init__(self, lang: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lang = lang
        self.items: list[tuple[Problem, bool]] = []  # (problem, is an error)

    def set_result(self, result: ImportResult | None) -> None:
        found: list[tuple[Problem, bool]] = []
        if result is not None:
            found = [(p, True) for p in result.errors] + [(p, False) for p in result.warnings]
        self.set_items(sorted(found, key=lambda item: (item[0].row, not item[1])))

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        problem, error = self.items[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cells(index.row())[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == 3:
            return shown_message(problem, self._lang)
        if role == Qt.ItemDataRole.DecorationRole and column == 2:
            icon = (
                QStyle.StandardPixmap.SP_MessageBoxCritical
                if error
                else QStyle.StandardPixmap.SP_MessageBoxWarning
            )
            return QApplication.style().standardIcon(icon)
        return None

    def cells(self, row: int) -> tuple[str, str, str, str]:
        """What a row of the table reads: row number, column, error or warning, message."""
        problem, error = self.items[row]
        kind = self.tr("خطا") if error else self.tr("هشدار")
        message = shown_message(problem, self._lang)
        return (display_number(problem.row), problem.column, kind, message)


def problems_table(name: str, model: ProblemsModel) -> QTableView:
    table = list_table(name, multi_select=True)
    table.setModel(model)
    table.setWordWrap(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
    header.resizeSection(1, 140)
    return table


COUNT_NAMES = ("rows", "created", "updated", "duplicates", "skipped", "errors", "warnings")


class CountsView(QWidget):
    """The numbers of an import (or of a dry run) side by side, each with its label."""

    def __init__(self, labels: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setHorizontalSpacing(24)
        self.values: dict[str, QLabel] = {}
        for column, (name, label) in enumerate(zip(COUNT_NAMES, labels, strict=True)):
            value = QLabel("—")
            value.setObjectName(f"count_{name}")
            font = value.font()
            font.setPointSizeF(font.pointSizeF() * 1.5)
            font.setBold(True)
            value.setFont(font)
            value.setAlignment(Qt.AlignmentFlag.AlignCenter)
            caption = QLabel(label)
            caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
            caption.setForegroundRole(QPalette.ColorRole.PlaceholderText)
            layout.addWidget(value, 0, column)
            layout.addWidget(caption, 1, column)
            self.values[name] = value
        layout.setColumnStretch(len(COUNT_NAMES), 1)

    def show_result(self, result: ImportResult | None) -> None:
        for name, label in self.values.items():
            if result is None:
                label.setText("—")
                continue
            value = getattr(result, name)
            label.setText(display_number(len(value) if isinstance(value, list) else value))

    def count(self, name: str) -> str:
        return self.values[name].text()


def preview_table(name: str) -> QTableWidget:
    table = QTableWidget()
    table.setObjectName(name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(PREVIEW_ROW_HEIGHT)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setDefaultAlignment(
        Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter
    )
    return table


def preview_fields(kind: str, rows: Sequence[PreviewRow]) -> list[str]:
    """The fields any of the rows has a value for, in the kind's own field order."""
    present = {name for row in rows for name in row.values}
    order = [name for name in FIELDS_BY_KIND.get(kind, ()) if name in present]
    return order + sorted(present - set(order))


def fill_preview(table: QTableWidget, kind: str, rows: Sequence[PreviewRow], lang: str) -> None:
    """One line per sheet row: its number, each field as stored, and what is wrong."""
    fields = preview_fields(kind, rows)
    table.clear()
    table.setColumnCount(len(fields) + 2)
    table.setRowCount(len(rows))
    # What is wrong comes right after the row number: always in view, however many
    # fields the sheet has.
    headers = [
        QCoreApplication.translate("ImportTables", "ردیف"),
        QCoreApplication.translate("ImportTables", "ایراد"),
        *(field_label(kind, f) for f in fields),
    ]
    table.setHorizontalHeaderLabels(headers)
    grey = QBrush(table.palette().color(QPalette.ColorRole.PlaceholderText))
    style = table.style()
    for line, row in enumerate(rows):
        reasons = "\n".join(shown_message(p, lang) for p in row.problems)
        note = (
            QCoreApplication.translate("ImportTables", "وارد نمی‌شود: %1").replace("%1", reasons)
            if row.skipped
            else reasons
        )
        texts = [
            display_number(row.row),
            note.replace("\n", " • "),
            *(preview_text(f, row.values.get(f, "")) for f in fields),
        ]
        icon = style.standardIcon(
            QStyle.StandardPixmap.SP_MessageBoxCritical
            if row.skipped
            else QStyle.StandardPixmap.SP_MessageBoxWarning
        )
        for column, text in enumerate(texts):
            item = QTableWidgetItem(text)
            if reasons:
                item.setToolTip(note)
                if column == 0:
                    item.setIcon(icon)
            if row.skipped:
                item.setForeground(grey)
            elif reasons:
                item.setBackground(WARNING_BACKGROUND)
                item.setForeground(WARNING_TEXT)
            table.setItem(line, column, item)
    table.resizeColumnsToContents()
    for column in range(table.columnCount() - 1):
        widest = PROBLEM_WIDTH if column == PROBLEM_COLUMN else FIELD_WIDTH
        table.setColumnWidth(column, min(table.columnWidth(column), widest))
