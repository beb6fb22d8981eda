"""The companies table: one row per live company, with how many people work there.

Paged like the contacts table: the model knows the search and the count, and reads a
page (ids, then their records with people counts) only when the view shows one of its
rows, keeping the most recently used pages. Search and order are the service's (SQL).
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from crm_desktop.locale import format_phone
from crm_desktop.models.database import Database
from crm_desktop.services import company_list
from crm_desktop.services.companies import get_companies
from crm_desktop.services.records import CompanyRecord
from crm_desktop.services.registry import COMPANY, Field
from crm_desktop.ui.display import (
    display_number,
    interface_language,
    left_to_right,
    persian_digits_enabled,
)
from crm_desktop.ui.table_model import RecordTableModel

# The registry's list columns of a company, in order.
COLUMNS: tuple[Field, ...] = COMPANY.list_columns()
COLUMN_KEYS = tuple(f.list_key for f in COLUMNS)
ID_ROLE = Qt.ItemDataRole.UserRole
PAGE_SIZE = 100
MAX_CACHED_PAGES = 20

_Index = QModelIndex | QPersistentModelIndex


def company_cells(record: CompanyRecord) -> tuple[str, ...]:
    persian = persian_digits_enabled()
    phone = (
        left_to_right(format_phone(record.phone, persian_digits=persian)) if record.phone else ""
    )
    cells = {
        "name": record.name,
        "industry": record.industry or "",
        "city": record.city or "",
        "phone": phone,
        "people": display_number(record.people),
    }
    return tuple(cells[key] for key in COLUMN_KEYS)


class CompanyTableModel(RecordTableModel):
    """Read-only list of companies in the companies service's order, loaded by page."""

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(len(COLUMNS), parent)
        self._db = db
        self._search = ""
        self._pages: OrderedDict[int, list[tuple[CompanyRecord, tuple[str, ...]]]] = OrderedDict()

    @property
    def search(self) -> str:
        return self._search

    def set_search(self, text: str) -> None:
        search = text.strip()
        total, first = company_list.count_and_first_page(self._db, search, limit=PAGE_SIZE)
        self.beginResetModel()
        self._search, self._total = search, total
        self._pages.clear()
        if first:
            self._pages[0] = self._rows(first)
        self.endResetModel()

    def refresh(self) -> None:
        self.set_search(self._search)

    def company_id(self, row: int) -> str:
        return self.record(row).id

    def record(self, row: int) -> CompanyRecord:
        return self._loaded(row)[0]

    def row_of(self, company_id: str) -> int:
        return company_list.position(self._db, self._search, company_id)

    def cached_pages(self) -> list[int]:
        return list(self._pages)

    def _rows(self, ids: list[str]) -> list[tuple[CompanyRecord, tuple[str, ...]]]:
        return [(r, company_cells(r)) for r in get_companies(self._db, ids)]

    def _loaded(self, row: int) -> tuple[CompanyRecord, tuple[str, ...]]:
        number, offset = divmod(row, PAGE_SIZE)
        rows = self._pages.get(number)
        if rows is None:
            ids = company_list.page(
                self._db, self._search, offset=number * PAGE_SIZE, limit=PAGE_SIZE
            )
            rows = self._rows(ids)
            self._pages[number] = rows
            while len(self._pages) > MAX_CACHED_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        if offset >= len(rows):
            raise IndexError(row)  # deleted since the count: the next refresh drops it
        return rows[offset]

    # -- QAbstractTableModel ----------------------------------------------------------

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if not (0 <= row < self._total and 0 <= column < len(COLUMNS)):
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, ID_ROLE):
            return None
        try:
            record, cells = self._loaded(row)
        except IndexError:
            return "" if role == Qt.ItemDataRole.DisplayRole else None
        return cells[column] if role == Qt.ItemDataRole.DisplayRole else record.id

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
            return COLUMNS[section].list_title(interface_language())
        return None
