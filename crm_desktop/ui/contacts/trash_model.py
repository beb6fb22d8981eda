"""The trash as a table: deleted contacts, most recently deleted first, loaded by page.

The model holds the ids from ``trashed_contact_ids`` and fetches records for the rows
the view shows (``PAGE_SIZE`` at a time), so a bulk delete of thousands opens at once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QObject,
    Qt,
)

from crm_desktop.models.database import Database
from crm_desktop.services.contacts import get_contacts, trashed_contact_ids
from crm_desktop.services.records import ContactRecord
from crm_desktop.ui.contacts.duplicates_model import emails_text, phones_text
from crm_desktop.ui.widgets.display import (
    stored_moment_text,
)
from crm_desktop.ui.widgets.paged_model import PagedRecordModel

CONTEXT = "TrashModel"
HEADERS = (
    QT_TRANSLATE_NOOP("TrashModel", "نام و نام خانوادگی"),
    QT_TRANSLATE_NOOP("TrashModel", "شرکت"),
    QT_TRANSLATE_NOOP("TrashModel", "تلفن"),
    QT_TRANSLATE_NOOP("TrashModel", "ایمیل"),
    QT_TRANSLATE_NOOP("TrashModel", "زمان حذف"),
)
PAGE_SIZE = 200


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


class TrashTableModel(PagedRecordModel[ContactRecord]):
    """Every id of the trash is read at once (a list of ids even after a bulk delete of
    thousands); records are read for the rows shown."""

    page_size = PAGE_SIZE
    record_chunk = PAGE_SIZE

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(len(HEADERS), parent)
        self._db = db

    def reload(self) -> None:
        """Read the trash again (after a delete, restore, merge or undo)."""
        ids = trashed_contact_ids(self._db)
        self.show_rows(len(ids), ids[:PAGE_SIZE], all_ids=ids)

    def contact_id(self, row: int) -> str:
        return self.record_id(row)

    def contact_ids(self) -> list[str]:
        return self.ids_in_rows(0, self.rowCount() - 1)

    def read_records(self, ids: Sequence[str]) -> list[ContactRecord]:
        return get_contacts(self._db, list(ids))

    def cell(self, record: ContactRecord, column: int, persian: bool) -> str:
        return _cells(record)[column]

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
