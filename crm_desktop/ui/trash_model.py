"""The trash as a table: deleted contacts, most recently deleted first, loaded by page.

The model holds the ids from ``trashed_contact_ids`` and fetches records for the rows
the view shows (``PAGE_SIZE`` at a time), so a bulk delete of thousands opens at once.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from crm_desktop.models.database import Database
from crm_desktop.services.contacts import get_contacts, trashed_contact_ids
from crm_desktop.services.records import ContactRecord
from crm_desktop.ui.display import (
    stored_moment_text,
)
from crm_desktop.ui.duplicates_model import emails_text, phones_text
from crm_desktop.ui.table_model import RecordTableModel

CONTEXT = "TrashModel"
HEADERS = (
    QT_TRANSLATE_NOOP("TrashModel", "نام و نام خانوادگی"),
    QT_TRANSLATE_NOOP("TrashModel", "شرکت"),
    QT_TRANSLATE_NOOP("TrashModel", "تلفن"),
    QT_TRANSLATE_NOOP("TrashModel", "ایمیل"),
    QT_TRANSLATE_NOOP("TrashModel", "زمان حذف"),
)
PAGE_SIZE = 200

_Index = QModelIndex | QPersistentModelIndex


def deleted_text(when: dt.datetime) -> str:
    """``۱۴۰۵/۰۹/۰۱ ۱۴:۰۵`` in local time (the database keeps UTC)."""
    return stored_moment_text(when)


def _cells(record: ContactRecord) -> tuple[str, ...]:
    return (
        record.full_name,
        record.company or "",
        phones_text(record.phones[:1]),
        emails_text(record.emails[:1]),
        deleted_text(record.deleted_at) if record.deleted_at else "",
    )


class TrashTableModel(RecordTableModel):
    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(len(HEADERS), parent)
        self._db = db
        self._ids: list[str] = []
        self._cells: dict[str, tuple[str, ...]] = {}

    def reload(self) -> None:
        """Read the trash again (after a delete, restore, merge or undo)."""
        self.beginResetModel()
        self._ids = trashed_contact_ids(self._db)
        self._cells.clear()
        self.endResetModel()

    def contact_id(self, row: int) -> str:
        return self._ids[row]

    def contact_ids(self) -> list[str]:
        return list(self._ids)

    def _row_cells(self, row: int) -> tuple[str, ...]:
        contact_id = self._ids[row]
        if contact_id not in self._cells:
            start = row - row % PAGE_SIZE
            ids = self._ids[start : start + PAGE_SIZE]
            for record in get_contacts(self._db, ids):
                self._cells[record.id] = _cells(record)
            for missing in ids:  # gone from the database since the list was read
                self._cells.setdefault(missing, ("",) * len(HEADERS))
        return self._cells[contact_id]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._ids)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(HEADERS)
        ):
            return QCoreApplication.translate(CONTEXT, str(HEADERS[section]))
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._row_cells(index.row())[index.column()]
        if role == Qt.ItemDataRole.UserRole:
            return self._ids[index.row()]
        return None
