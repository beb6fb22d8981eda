"""The deals as a list: the kanban's deals (its filters too) in a sortable table.

Paged like every list (``PagedRecordModel``): the count and a page of ids from SQL,
records read for the rows shown. The columns are the registry's list columns of a
deal; a click on a header sorts by it, in SQL.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject

from crm_desktop.locale import format_jalali
from crm_desktop.models.database import Database
from crm_desktop.services.deal_list import DealFilter, count_deals, deal_ids
from crm_desktop.services.deals import list_deals_by_ids
from crm_desktop.services.records import DealRecord
from crm_desktop.services.registry import DEAL, Field
from crm_desktop.ui.widgets.display import (
    amount_text,
    display_percent,
    latin_left_to_right,
    left_to_right,
)
from crm_desktop.ui.widgets.paged_model import FieldListModel

COLUMNS: tuple[Field, ...] = DEAL.list_columns()
COLUMN_KEYS = tuple(f.list_key for f in COLUMNS)
PAGE_SIZE = 100


class DealTableModel(FieldListModel[DealRecord]):
    page_size = PAGE_SIZE
    record_chunk = PAGE_SIZE

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(COLUMNS, parent)
        self._db = db
        self.where = DealFilter()
        self.unit = "rial"

    def show(self, where: DealFilter, *, unit: str) -> None:
        self.where, self.unit = where, unit
        total = count_deals(self._db, where)
        first = self.read_ids(0, PAGE_SIZE)
        self.show_rows(total, first, list_deals_by_ids(self._db, first))

    def refresh(self) -> None:
        self.show(self.where, unit=self.unit)

    def every_id(self) -> list[str]:
        """Every deal of the list, in its order (for an export)."""
        return deal_ids(self._db, self.where, sort=self.sort_key, descending=self.descending)

    # -- PagedRecordModel ---------------------------------------------------------------

    def read_ids(self, offset: int, limit: int) -> list[str]:
        return deal_ids(
            self._db,
            self.where,
            sort=self.sort_key,
            descending=self.descending,
            offset=offset,
            limit=limit,
        )

    def read_records(self, ids: Sequence[str]) -> list[DealRecord]:
        return list_deals_by_ids(self._db, ids)

    def cell(self, record: DealRecord, column: int, persian: bool) -> str:
        key = COLUMN_KEYS[column]
        if key == "amount":
            return amount_text(record.amount, self.unit)
        if key == "probability":
            return display_percent(record.probability)
        if key == "expected_close":
            if record.expected_close is None:
                return ""
            return left_to_right(format_jalali(record.expected_close, persian_digits=persian))
        value = getattr(record, key)
        return latin_left_to_right(str(value)) if value else ""
