"""The companies table: one row per live company, with how many people work there.

Paged like the contacts table: the model knows the search and the count, and reads a
page (ids, then their records with people counts) only when the view shows one of its
rows, keeping the most recently used pages. Search and order are the service's (SQL).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QObject,
    Qt,
)

from crm_desktop.locale import format_phone
from crm_desktop.models.database import Database
from crm_desktop.services import company_list
from crm_desktop.services.companies import get_companies
from crm_desktop.services.records import CompanyRecord
from crm_desktop.services.registry import COMPANY, Field
from crm_desktop.ui.widgets.display import (
    display_number,
    interface_language,
    latin_left_to_right,
    left_to_right,
)
from crm_desktop.ui.widgets.paged_model import PagedRecordModel

# The registry's list columns of a company, in order.
COLUMNS: tuple[Field, ...] = COMPANY.list_columns()
COLUMN_KEYS = tuple(f.list_key for f in COLUMNS)
PAGE_SIZE = 100
MAX_CACHED_PAGES = 20


def company_cells(record: CompanyRecord, persian: bool) -> tuple[str, ...]:
    phone = (
        left_to_right(format_phone(record.phone, persian_digits=persian)) if record.phone else ""
    )
    cells = {
        "name": latin_left_to_right(record.name),
        "industry": latin_left_to_right(record.industry or ""),
        "city": latin_left_to_right(record.city or ""),
        "phone": phone,
        "people": display_number(record.people),
    }
    return tuple(cells[key] for key in COLUMN_KEYS)


class CompanyTableModel(PagedRecordModel[CompanyRecord]):
    """Read-only list of companies in the companies service's order, loaded by page."""

    page_size = PAGE_SIZE
    record_chunk = PAGE_SIZE
    max_cached_pages = MAX_CACHED_PAGES

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(len(COLUMNS), parent)
        self._db = db
        self._search = ""

    @property
    def search(self) -> str:
        return self._search

    def set_search(self, text: str) -> None:
        search = text.strip()
        total, first = company_list.count_and_first_page(self._db, search, limit=PAGE_SIZE)
        self._search = search
        self.show_rows(total, first, get_companies(self._db, first))

    def refresh(self) -> None:
        self.set_search(self._search)

    def company_id(self, row: int) -> str:
        return self.record_id(row)

    def row_of(self, company_id: str) -> int:
        return company_list.position(self._db, self._search, company_id)

    # -- the paged list ---------------------------------------------------------------

    def read_ids(self, offset: int, limit: int) -> list[str]:
        return company_list.page(self._db, self._search, offset=offset, limit=limit)

    def read_records(self, ids: Sequence[str]) -> list[CompanyRecord]:
        return get_companies(self._db, list(ids))

    def cell(self, record: CompanyRecord, column: int, persian: bool) -> str:
        return company_cells(record, persian)[column]

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
