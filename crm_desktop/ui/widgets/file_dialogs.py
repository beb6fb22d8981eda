"""Asking for a file: one way for every open and save dialog of the application.

Windows shows its own dialog. Elsewhere Qt draws one from widgets, which this module
fits to the Persian interface: file names, paths and filters stay left to right (a
right-to-left field shows ``xlsx.11-09-1405-مخاطبان``), and the modified dates are
Jalali in the interface's digits. Qt's own strings come from its translations
(``i18n.install_translator``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QIdentityProxyModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QFileDialog, QFileSystemModel, QLineEdit, QWidget

from crm_desktop.ui.widgets.display import (
    moment_text,
)

LRI = "\u2066"  # LEFT-TO-RIGHT ISOLATE
DATE_COLUMN = 3  # QFileSystemModel: name, size, type, date modified
# Room for Persian labels and a Jalali date column (Qt's default is narrower).
MINIMUM_SIZE = (760, 460)
MARGINS = (12, 10, 12, 10)
LEFT_TO_RIGHT_PARTS = ("fileNameEdit", "fileTypeCombo", "lookInCombo")

_Index = QModelIndex | QPersistentModelIndex


class JalaliDates(QIdentityProxyModel):
    """The file list with its modified dates in the Jalali calendar."""

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.column() == DATE_COLUMN and role == Qt.ItemDataRole.DisplayRole:
            source = self.sourceModel()
            if isinstance(source, QFileSystemModel):
                stamp = source.lastModified(self.mapToSource(index))
                if stamp.isValid():
                    return moment_text(dt.datetime.fromtimestamp(stamp.toSecsSinceEpoch()))
        return super().data(index, role)


def left_to_right_patterns(name_filter: str) -> str:
    """``کارپوشهٔ اکسل (*.xlsx)`` with its patterns in a left-to-right isolate, so that
    a right-to-left list does not show ``(xlsx.*)``. The isolate opens before the
    parenthesis and is left unclosed (it ends with the line): Qt reads the patterns
    from a filter's final ``(...)``."""
    description, parenthesis, patterns = name_filter.rpartition("(")
    if not parenthesis or not name_filter.endswith(")"):
        return name_filter
    return f"{description.rstrip()} {LRI}({patterns}"


def file_dialog(
    parent: QWidget | None,
    title: str,
    *,
    save: bool,
    name_filters: Sequence[str],
    folder: str = "",
    file_name: str | None = None,
    default_suffix: str | None = None,
) -> QFileDialog:
    """A non-modal open or save dialog, not yet shown: connect ``fileSelected``, then
    call ``open()``."""
    dialog = QFileDialog(parent, title, folder)
    _fit_widgets(dialog)
    if save:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    else:
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.setNameFilters([left_to_right_patterns(f) for f in name_filters])
    if default_suffix:
        dialog.setDefaultSuffix(default_suffix)
    if file_name:
        dialog.selectFile(file_name)
    return dialog


def _fit_widgets(dialog: QFileDialog) -> None:
    """Only Qt's own dialog has these widgets; a native dialog is left as it is."""
    parts = [dialog.findChild(QWidget, name) for name in LEFT_TO_RIGHT_PARTS]
    if not any(isinstance(part, QLineEdit | QComboBox) for part in parts):
        return
    for part in parts:
        if part is not None:
            part.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    dialog.setProxyModel(JalaliDates(dialog))
    dialog.setMinimumSize(*MINIMUM_SIZE)
    layout = dialog.layout()
    if layout is not None:  # Qt's form leaves the labels against the leading edge
        layout.setContentsMargins(*MARGINS)
