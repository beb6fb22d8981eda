"""Past imports, newest first, each of which can be undone (or redone) even days later.

Undoing one here is a step of its own on the undo stack, so Edit > Undo puts the
import back. What the undo left alone (records changed since the import) is named
below the table. ``open_import_history`` is what the main window's File menu calls.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.services.importer import ImportSummary, UndoResult, list_imports
from crm_desktop.ui.importing.import_labels import kind_label
from crm_desktop.ui.importing.import_steps import ImportStep, start_revert
from crm_desktop.ui.importing.import_tables import ListModel
from crm_desktop.ui.importing.import_undo import ask_to_undo, outcome_text
from crm_desktop.ui.widgets.context import AppContext, Change
from crm_desktop.ui.widgets.display import (
    display_number,
    isolate,
    stored_moment_text,
)
from crm_desktop.ui.widgets.widgets import list_table

CONTEXT = "ImportHistory"
HEADERS = (
    QT_TRANSLATE_NOOP("ImportHistory", "زمان"),
    QT_TRANSLATE_NOOP("ImportHistory", "فایل"),
    QT_TRANSLATE_NOOP("ImportHistory", "برگه"),
    QT_TRANSLATE_NOOP("ImportHistory", "نوع"),
    QT_TRANSLATE_NOOP("ImportHistory", "ردیف"),
    QT_TRANSLATE_NOOP("ImportHistory", "جدید"),
    QT_TRANSLATE_NOOP("ImportHistory", "تکمیل‌شده"),
    QT_TRANSLATE_NOOP("ImportHistory", "تکراری"),
    QT_TRANSLATE_NOOP("ImportHistory", "واردنشده"),
    QT_TRANSLATE_NOOP("ImportHistory", "وضعیت"),
)
COUNT_COLUMNS = range(4, 9)
COLUMN_PADDING = 20

_Index = QModelIndex | QPersistentModelIndex


def tr(text: object) -> str:
    return QCoreApplication.translate(CONTEXT, str(text))


def when_text(when: dt.datetime) -> str:
    """``۱۴۰۵/۰۹/۰۱ ۱۴:۰۵`` in local time (the database keeps UTC)."""
    return stored_moment_text(when)


class ImportHistoryModel(ListModel):
    headers = HEADERS
    context = CONTEXT

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.items: list[ImportSummary] = []

    @property
    def imports(self) -> list[ImportSummary]:
        return self.items

    def set_imports(self, imports: list[ImportSummary]) -> None:
        self.set_items(imports)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        summary = self.imports[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cells(index.row())[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 1:
            return summary.file_name
        if role == Qt.ItemDataRole.ForegroundRole and summary.undone:
            return QPalette().brush(QPalette.ColorRole.PlaceholderText)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in COUNT_COLUMNS:
            return Qt.AlignmentFlag.AlignCenter
        return None

    def cells(self, row: int) -> tuple[str, ...]:
        s = self.imports[row]
        counts = (s.rows, s.created, s.updated, s.duplicates, s.skipped)
        if not s.undoable:
            state = self.tr("بدون تغییر")
        else:
            state = self.tr("برگردانده شد") if s.undone else self.tr("انجام شده")
        return (
            when_text(s.when),
            isolate(s.file_name),
            isolate(s.sheet),
            kind_label(s.kind),
            *(display_number(n) for n in counts),
            state,
        )


class ImportHistoryDialog(QDialog):
    """Non-modal: ``open()`` or ``show()`` it; it follows changes made elsewhere."""

    reverted = Signal(bool)  # an undo (True) or redo (False) finished

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("importHistory")
        self.setWindowTitle(self.tr("سابقهٔ ورود اطلاعات"))
        self.setModal(False)
        intro = QLabel(
            self.tr(
                "هر ورود داده را می‌توانید حتی روزها بعد برگردانید؛ رکوردهایی که از آن پس "
                "تغییر کرده‌اند دست نمی‌خورند و نامشان گفته می‌شود."
            )
        )
        intro.setWordWrap(True)
        self.model = ImportHistoryModel(self)
        self.table = list_table("importHistoryTable", multi_select=False)
        self.table.setModel(self.model)
        self.empty_label = QLabel(self.tr("هنوز داده‌ای از فایل وارد نشده است."))
        self.empty_label.setObjectName("importHistoryEmpty")
        self.status_label = QLabel()
        self.status_label.setObjectName("importHistoryStatus")
        self.status_label.setWordWrap(True)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label = QLabel()
        self.error_label.setObjectName("importHistoryError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("بستن"))
        self.undo_button = QPushButton(self.tr("واگرد این ورود"))
        self.undo_button.setObjectName("importHistoryUndo")
        self.redo_button = QPushButton(self.tr("انجام دوبارهٔ این ورود"))
        self.redo_button.setObjectName("importHistoryRedo")
        for button in (self.undo_button, self.redo_button):
            self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.status_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self._working = False
        self.confirm_box: QMessageBox | None = None
        self._steps: list[ImportStep] = []  # kept until they report
        self.buttons.rejected.connect(self.reject)
        self.undo_button.clicked.connect(lambda: self.revert(undo=True))
        self.redo_button.clicked.connect(lambda: self.revert(undo=False))
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        ctx.changes.changed.connect(self._changed)
        self.reload()
        self.resize(980, 460)

    def reload(self) -> None:
        """Read the list again, keeping the selected import selected."""
        chosen = self.selected()
        imports = list_imports(self.ctx.db)
        self.model.set_imports(imports)
        self.empty_label.setVisible(not imports)
        self._fit_columns()
        if chosen is not None and any(s.id == chosen.id for s in imports):
            self.select(chosen.id)
        elif imports:
            self.select(imports[0].id)
        self._update_buttons()

    def _fit_columns(self) -> None:
        """Each column as wide as its widest cell, with room to tell one from the next."""
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        for column in range(self.model.columnCount()):
            header.resizeSection(column, header.sectionSize(column) + COLUMN_PADDING)

    def _changed(self, _change: Change) -> None:
        self.reload()

    def selected(self) -> ImportSummary | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.imports[rows[0].row()] if rows else None

    def select(self, import_id: str) -> None:
        """Select an import's row (``selectRow`` needs a laid-out view; this does not)."""
        row = [s.id for s in self.model.imports].index(import_id)
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.selectionModel().setCurrentIndex(self.model.index(row, 0), flags)

    def _update_buttons(self) -> None:
        chosen = self.selected()
        can = chosen is not None and chosen.undoable and not self._working
        self.undo_button.setEnabled(can and chosen is not None and not chosen.undone)
        self.redo_button.setEnabled(can and chosen is not None and chosen.undone)

    def revert(self, *, undo: bool) -> None:
        """Undo (once the user said yes to what it will do) or redo the selected import."""
        chosen = self.selected()
        if chosen is None or self._working or not chosen.undoable:
            return
        if not undo:
            self._revert_now(chosen, undo=False)
            return
        self.error_label.clear()
        self.confirm_box = ask_to_undo(
            self,
            self.ctx,
            chosen.id,
            chosen.file_name,
            on_yes=lambda: self._revert_now(chosen, undo=True),
            on_error=self.error_label.setText,
        )

    def _revert_now(self, chosen: ImportSummary, *, undo: bool) -> None:
        """As a step of its own on the undo stack."""
        self._working = True
        self._update_buttons()
        self.error_label.clear()
        self.status_label.setText(
            (
                self.tr("در حال برگرداندن %1…") if undo else self.tr("در حال انجام دوبارهٔ %1…")
            ).replace("%1", isolate(chosen.file_name))
        )
        step = start_revert(
            self.ctx, chosen.id, kind=chosen.kind, file_name=chosen.file_name, undo=undo
        )
        # Also told when the step is undone or redone later with Edit > Undo / Redo.
        step.undone.connect(self._undone)
        step.redone.connect(self._redone)
        step.failed.connect(self._failed)
        self._steps.append(step)

    def _undone(self, outcome: UndoResult) -> None:
        self._done(outcome, undo=True)

    def _redone(self, outcome: UndoResult) -> None:
        self._done(outcome, undo=False)

    def _done(self, outcome: UndoResult, *, undo: bool) -> None:
        step = self.sender()
        assert isinstance(step, ImportStep)
        self._working = False
        self.status_label.setText(
            outcome_text(step.kind, outcome, undone=undo, file_name=step.file_name)
        )
        self.reload()
        self.reverted.emit(undo)

    def _failed(self, message: str) -> None:
        self._working = False
        self.status_label.clear()
        self.error_label.setText(message)
        self.reload()


def open_import_history(parent: QWidget | None, ctx: AppContext) -> ImportHistoryDialog:
    """Show the list of past imports (non-modal)."""
    dialog = ImportHistoryDialog(ctx, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
