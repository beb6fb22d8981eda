"""The contacts table: a model over contact ids that loads rows only when shown.

Like Anki's card browser, the model holds just the ordered list of ids that the search
service returned; records are fetched in blocks when the view asks for a row, and only
the most recently used blocks are kept. Opening or searching 100,000 contacts therefore
costs one id query, not 100,000 records.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
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

from crm_desktop.locale import format_phone
from crm_desktop.models.database import Database
from crm_desktop.services.contacts import contact_ids, get_contacts
from crm_desktop.services.records import ContactRecord
from crm_desktop.ui.display import left_to_right, persian_digits_enabled

CONTEXT = "ContactTableModel"

# (key, header label); the key names the column for code and tests.
COLUMNS: tuple[tuple[str, object], ...] = (
    ("name", QT_TRANSLATE_NOOP(CONTEXT, "نام و نام خانوادگی")),
    ("company", QT_TRANSLATE_NOOP(CONTEXT, "شرکت")),
    ("job_title", QT_TRANSLATE_NOOP(CONTEXT, "سمت")),
    ("mobile", QT_TRANSLATE_NOOP(CONTEXT, "تلفن همراه")),
    ("email", QT_TRANSLATE_NOOP(CONTEXT, "ایمیل")),
    ("city", QT_TRANSLATE_NOOP(CONTEXT, "شهر")),
    ("owner", QT_TRANSLATE_NOOP(CONTEXT, "مسئول")),
    ("lifecycle", QT_TRANSLATE_NOOP(CONTEXT, "وضعیت")),
)
COLUMN_KEYS = tuple(key for key, _label in COLUMNS)

LIFECYCLE_LABELS = {
    "lead": QT_TRANSLATE_NOOP(CONTEXT, "سرنخ"),
    "prospect": QT_TRANSLATE_NOOP(CONTEXT, "مشتری بالقوه"),
    "customer": QT_TRANSLATE_NOOP(CONTEXT, "مشتری"),
    "inactive": QT_TRANSLATE_NOOP(CONTEXT, "غیرفعال"),
}

BLOCK_SIZE = 200
MAX_CACHED_BLOCKS = 20

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class ContactRow:
    """One loaded row: the record and its cells already formatted for display."""

    record: ContactRecord | None
    cells: tuple[str, ...]


def lifecycle_label(value: str) -> str:
    label = LIFECYCLE_LABELS.get(value)
    return QCoreApplication.translate(CONTEXT, str(label)) if label else value


def contact_cells(record: ContactRecord, *, persian_digits: bool) -> tuple[str, ...]:
    """The text of each column, in ``COLUMNS`` order."""
    phone = (
        left_to_right(format_phone(record.phones[0], persian_digits=persian_digits))
        if record.phones
        else ""
    )
    email = left_to_right(record.emails[0]) if record.emails else ""
    return (
        record.full_name,
        record.company or "",
        record.job_title or "",
        phone,
        email,
        record.city or "",
        record.owner or "",
        lifecycle_label(record.lifecycle),
    )


_EMPTY_ROW = ContactRow(None, ("",) * len(COLUMNS))


class ContactTableModel(QAbstractTableModel):
    """Read-only table of contacts in the order the contacts service lists them."""

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._search = ""
        self._ids: list[str] = []
        self._blocks: OrderedDict[int, list[ContactRow]] = OrderedDict()

    # -- what the rest of the UI asks -------------------------------------------------

    @property
    def search(self) -> str:
        return self._search

    def set_search(self, text: str) -> None:
        """Re-run the query for ``text`` (all contacts when blank) and show the result."""
        self.beginResetModel()
        self._search = text.strip()
        self._ids = contact_ids(self._db, self._search or None)
        self._blocks.clear()
        self.endResetModel()

    def refresh(self) -> None:
        self.set_search(self._search)

    def contact_id(self, row: int) -> str:
        return self._ids[row]

    def record(self, row: int) -> ContactRecord | None:
        return self._row(row).record

    def cached_block_count(self) -> int:
        return len(self._blocks)

    # -- QAbstractTableModel ----------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        row, column = index.row(), index.column()
        if not (0 <= row < len(self._ids) and 0 <= column < len(COLUMNS)):
            return None
        return self._row(row).cells[column]

    def headerData(  # noqa: N802
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(COLUMNS)
        ):
            return QCoreApplication.translate(CONTEXT, str(COLUMNS[section][1]))
        return None

    # -- lazy loading -----------------------------------------------------------------

    def _row(self, row: int) -> ContactRow:
        number, offset = divmod(row, BLOCK_SIZE)
        block = self._blocks.get(number)
        if block is None:
            block = self._load_block(number)
            self._blocks[number] = block
            while len(self._blocks) > MAX_CACHED_BLOCKS:
                self._blocks.popitem(last=False)
        else:
            self._blocks.move_to_end(number)
        return block[offset]

    def _load_block(self, number: int) -> list[ContactRow]:
        ids = self._ids[number * BLOCK_SIZE : (number + 1) * BLOCK_SIZE]
        persian = persian_digits_enabled()
        # A contact deleted since the search ran is missing here; it shows blank until
        # the next refresh instead of shifting every row below it.
        by_id = {record.id: record for record in get_contacts(self._db, ids)}
        rows = []
        for contact_id in ids:
            record = by_id.get(contact_id)
            if record is None:
                rows.append(_EMPTY_ROW)
            else:
                rows.append(ContactRow(record, contact_cells(record, persian_digits=persian)))
        return rows
