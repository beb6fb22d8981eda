"""The contacts table: a paged model over the contacts list service.

Like Anki's card browser, the model never holds the whole list: it knows the filter,
the sort and the total from ``contact_list.count``, and when the view asks for a row it
fetches that row's page (ids with ``contact_list.page``, then the records) and keeps
only the most recently used pages. Sorting re-runs the query in SQL; opening or
searching 100,000 contacts therefore costs a count and one page, not 100,000 rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from crm_desktop.models.database import Database
from crm_desktop.services import contact_list
from crm_desktop.services.contact_list import SORT_COLUMNS, ContactFilter, ContactSort
from crm_desktop.services.contacts import get_contacts
from crm_desktop.services.records import ContactRecord
from crm_desktop.services.registry import CONTACT, Field
from crm_desktop.ui.contacts.contact_cells import CELLS, Cell
from crm_desktop.ui.widgets.display import (
    interface_language,
)
from crm_desktop.ui.widgets.paged_model import PagedRecordModel

CONTEXT = "ContactTableModel"


@dataclass(frozen=True)
class Column:
    key: str  # names the column for code, settings and tests
    field: Field  # the registry's field: the header, and whether it is shown at first
    sort: str | None  # the ``SORT_COLUMNS`` key, or None when not sortable
    cell: Cell

    def title(self) -> str:
        return self.field.list_title(interface_language())


COLUMNS: tuple[Column, ...] = tuple(
    Column(f.list_key, f, f.listed.sort if f.listed else None, CELLS[f.list_key])
    for f in CONTACT.list_columns()
)
COLUMN_KEYS = tuple(column.key for column in COLUMNS)
# What a new user sees; the rest are one right-click away on the header.
DEFAULT_COLUMNS = tuple(c.key for c in COLUMNS if c.field.listed and c.field.listed.shown)
assert all(c.sort is None or c.sort in SORT_COLUMNS for c in COLUMNS)


PAGE_SIZE = 200
MAX_CACHED_PAGES = 30
# Records are read in smaller runs than ids: a screen shows about 25 rows, and reading
# 200 records costs more than a keystroke may.
RECORD_CHUNK = 50

_Index = QModelIndex | QPersistentModelIndex


def sort_column(sort: ContactSort) -> int:
    """The model column that shows what ``sort`` orders by."""
    return next(i for i, c in enumerate(COLUMNS) if c.sort == sort.column)


def column_label(key: str) -> str:
    return COLUMNS[COLUMN_KEYS.index(key)].title()


@dataclass(frozen=True)
class FirstPage:
    """What a new query shows first: the count, the first page of ids, their records."""

    filter: ContactFilter
    sort: ContactSort
    total: int
    ids: list[str]
    records: list[ContactRecord]
    all_ids: list[str] | None = None  # every id, when the order was computed in full


def fetch_first_page(db: Database, flt: ContactFilter, sort: ContactSort) -> FirstPage:
    """The queries of a new search: services only, safe to run on a worker thread.

    A search in name order reads pages one by one: the search index walks the names in
    order and stops after a page, at any depth. Any other filter or order makes SQLite
    collect and sort every match even for the first page (and again for each page
    further down), so the whole order is kept at once (ids only): scrolling then costs
    no query but the records of the rows shown.
    """
    if flt.only_search() and sort == ContactSort():
        total, ids = contact_list.count_and_first_page(db, flt, sort, limit=PAGE_SIZE)
        return FirstPage(flt, sort, total, ids, get_contacts(db, ids[:RECORD_CHUNK]))
    everything = contact_list.page(db, flt, sort)
    first = everything[:PAGE_SIZE]
    records = get_contacts(db, first[:RECORD_CHUNK])
    return FirstPage(flt, sort, len(everything), first, records, all_ids=everything)


class ContactTableModel(PagedRecordModel[ContactRecord]):
    """Read-only table of the contacts matching a filter, in a sort order, loaded by page."""

    # Read when used, so that a test can make pages small.
    @property
    def page_size(self) -> int:  # type: ignore[override]
        return PAGE_SIZE

    @property
    def record_chunk(self) -> int:  # type: ignore[override]
        return RECORD_CHUNK

    @property
    def max_cached_pages(self) -> int:  # type: ignore[override]
        return MAX_CACHED_PAGES

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(len(COLUMNS), parent)
        self._db = db
        self._filter = ContactFilter()
        self._sort = ContactSort()

    # -- what the rest of the UI asks -------------------------------------------------

    @property
    def filter(self) -> ContactFilter:
        return self._filter

    @property
    def sort_order(self) -> ContactSort:
        return self._sort

    def set_filter(self, flt: ContactFilter) -> None:
        """Show the contacts matching ``flt``, querying now (see ``fetch_first_page``)."""
        self.show(fetch_first_page(self._db, flt, self._sort))

    def set_search(self, text: str) -> None:
        self.set_filter(replace(self._filter, search=text.strip()))

    def set_sort(self, sort: ContactSort) -> None:
        self.show(fetch_first_page(self._db, self._filter, sort))

    def refresh(self) -> None:
        """Re-count and forget every loaded page: the data changed or the query did."""
        self.show(fetch_first_page(self._db, self._filter, self._sort))

    def adopt_order(self, flt: ContactFilter, sort: ContactSort, ids: list[str]) -> bool:
        """Take the whole order of what is shown (read in the background), if it still is."""
        return (flt, sort) == (self._filter, self._sort) and self.take_whole_order(ids)

    def show(self, first: FirstPage) -> None:
        """Show a query's result, its first page already read (maybe on another thread)."""
        self._filter, self._sort = first.filter, first.sort
        self.show_rows(first.total, first.ids, first.records, first.all_ids)

    def is_sortable(self, column: int) -> bool:
        return 0 <= column < len(COLUMNS) and COLUMNS[column].sort is not None

    def sort_column(self) -> int:
        """The model column the list is sorted by."""
        return sort_column(self._sort)

    def contact_id(self, row: int) -> str:
        return self.record_id(row)

    # -- the paged list ---------------------------------------------------------------

    def read_ids(self, offset: int, limit: int) -> list[str]:
        return contact_list.page(self._db, self._filter, self._sort, offset=offset, limit=limit)

    def read_records(self, ids: Sequence[str]) -> list[ContactRecord]:
        return get_contacts(self._db, list(ids))

    def cell(self, record: ContactRecord, column: int, persian: bool) -> str:
        return COLUMNS[column].cell(record, persian)

    def tooltip(self, record: ContactRecord, column: int, text: str) -> str | None:
        return text if COLUMN_KEYS[column] in ("tags", "email") else None

    def headerData(  # noqa: N802
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section].title()
        if role == Qt.ItemDataRole.ToolTipRole and COLUMNS[section].sort is None:
            return QCoreApplication.translate(CONTEXT, "این ستون مرتب نمی‌شود")
        return None

    def sort_for(self, column: int, order: Qt.SortOrder) -> ContactSort | None:
        """The sort a header click asks for; None for a column that cannot be sorted."""
        if not self.is_sortable(column):
            return None
        return ContactSort(
            str(COLUMNS[column].sort), descending=order == Qt.SortOrder.DescendingOrder
        )

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Re-query in SQL; a column that cannot be sorted leaves the order as it is."""
        wanted = self.sort_for(column, order)
        if wanted is not None and wanted != self._sort:
            self.set_sort(wanted)
