"""The likely-duplicate groups as a two-level tree: a group, then its members.

The groups and their members' records are computed elsewhere (off the UI thread, by
the duplicates page); this model only shows them. A group row spans the table with a
summary of why its members look alike; a member row shows what a user compares to
decide: name, company, phones, emails and when the contact was made.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from crm_desktop.locale import format_jalali, format_phone
from crm_desktop.services.duplicates import SIMILAR_NAME_REASON, DuplicateGroup
from crm_desktop.services.records import ContactRecord
from crm_desktop.ui.widgets.display import display_number, left_to_right, persian_digits_enabled

CONTEXT = "DuplicatesModel"
HEADERS = (
    QT_TRANSLATE_NOOP("DuplicatesModel", "نام و نام خانوادگی"),
    QT_TRANSLATE_NOOP("DuplicatesModel", "شرکت"),
    QT_TRANSLATE_NOOP("DuplicatesModel", "تلفن‌ها"),
    QT_TRANSLATE_NOOP("DuplicatesModel", "ایمیل‌ها"),
    QT_TRANSLATE_NOOP("DuplicatesModel", "تاریخ ایجاد"),
)
# The service's Persian reason labels, translated for the English interface.
REASON_LABELS = {
    "تلفن یکسان": QT_TRANSLATE_NOOP("DuplicatesModel", "تلفن یکسان"),
    "ایمیل یکسان": QT_TRANSLATE_NOOP("DuplicatesModel", "ایمیل یکسان"),
    SIMILAR_NAME_REASON: QT_TRANSLATE_NOOP("DuplicatesModel", "نام مشابه در یک شرکت"),
}
NO_GROUP = 0  # internal id of a group row; member rows carry their group's row + 1

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def phones_text(phones: tuple[str, ...]) -> str:
    persian = persian_digits_enabled()
    return "، ".join(left_to_right(format_phone(p, persian_digits=persian)) for p in phones)


def emails_text(emails: tuple[str, ...]) -> str:
    return "، ".join(left_to_right(e) for e in emails)


def date_text(value: dt.date) -> str:
    return left_to_right(format_jalali(value, persian_digits=persian_digits_enabled()))


def reason_text(reason: str) -> str:
    """``تلفن یکسان: 0912 123 4567``: the label translated, the value isolated LTR."""
    label, _sep, value = reason.partition(": ")
    shown = _tr(str(REASON_LABELS[label])) if label in REASON_LABELS else label
    if not value:
        return shown
    if value.startswith("+"):
        value = format_phone(value, persian_digits=persian_digits_enabled())
    return f"{shown}: {left_to_right(value)}"


def member_cells(record: ContactRecord) -> tuple[str, ...]:
    """What a member row shows, in the order of ``HEADERS``."""
    return (
        record.full_name,
        record.company or "",
        phones_text(record.phones),
        emails_text(record.emails),
        date_text(record.created_at.date()),
    )


@dataclass(frozen=True, slots=True)
class GroupRow:
    """A group as shown: the service's group and its members' records, oldest first."""

    group: DuplicateGroup
    members: tuple[ContactRecord, ...]

    @property
    def key(self) -> frozenset[str]:
        return frozenset(self.group.contact_ids)


class DuplicatesModel(QAbstractItemModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._groups: list[GroupRow] = []

    # -- what the page asks -----------------------------------------------------------

    def set_groups(self, groups: list[GroupRow]) -> None:
        self.beginResetModel()
        self._groups = list(groups)
        self.endResetModel()

    def groups(self) -> list[GroupRow]:
        return list(self._groups)

    def group_at(self, index: _Index) -> GroupRow | None:
        """The group of a group row or of one of its members."""
        if not index.isValid():
            return None
        row = index.row() if index.internalId() == NO_GROUP else index.internalId() - 1
        return self._groups[row] if 0 <= row < len(self._groups) else None

    def contact_at(self, index: _Index) -> ContactRecord | None:
        """The member at a member row; None on a group row."""
        if not index.isValid() or index.internalId() == NO_GROUP:
            return None
        return self._groups[index.internalId() - 1].members[index.row()]

    def group_index(self, row: int) -> QModelIndex:
        return self.index(row, 0)

    # -- QAbstractItemModel ---------------------------------------------------------------

    def index(self, row: int, column: int, parent: _Index = _ROOT) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, NO_GROUP)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: _Index | None = None) -> Any:
        if index is None:  # QObject.parent(): keep it working for Qt's own callers
            return super().parent()
        if not index.isValid() or index.internalId() == NO_GROUP:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, NO_GROUP)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == NO_GROUP and parent.column() == 0:
            return len(self._groups[parent.row()].members)
        return 0

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return len(HEADERS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(HEADERS)
        ):
            return _tr(str(HEADERS[section]))
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == NO_GROUP:
            return self._group_data(self._groups[index.row()], index.column(), role)
        member_row = index.row()
        record = self._groups[index.internalId() - 1].members[member_row]
        return self._member_data(record, index.column(), role, oldest=member_row == 0)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # -- cells ---------------------------------------------------------------------------

    def _group_data(self, group: GroupRow, column: int, role: int) -> Any:
        if column != 0:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            count = _tr("%1 مخاطب").replace("%1", display_number(len(group.members)))
            # "؛" rather than a middle dot, which reads as a Persian zero beside digits
            reasons = "؛ ".join(reason_text(r) for r in group.group.reasons)
            return f"{count} — {reasons}"
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _member_data(self, record: ContactRecord, column: int, role: int, *, oldest: bool) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return member_cells(record)[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == 0 and oldest:
            return _tr("قدیمی‌ترین: پیشنهاد برای ماندن")
        if role == Qt.ItemDataRole.UserRole:
            return record.id
        return None
