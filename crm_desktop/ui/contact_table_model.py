"""The contacts table: a paged model over the contacts list service.

Like Anki's card browser, the model never holds the whole list: it knows the filter,
the sort and the total from ``contact_list.count``, and when the view asks for a row it
fetches that row's page (ids with ``contact_list.page``, then the records) and keeps
only the most recently used pages. Sorting re-runs the query in SQL; opening or
searching 100,000 contacts therefore costs a count and one page, not 100,000 rows.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from crm_desktop.locale import format_jalali, format_phone
from crm_desktop.models.database import Database
from crm_desktop.services import contact_list
from crm_desktop.services.contact_list import SORT_COLUMNS, ContactFilter, ContactSort
from crm_desktop.services.contacts import get_contacts
from crm_desktop.services.records import ContactRecord
from crm_desktop.services.registry import CONTACT, Field
from crm_desktop.ui.display import (
    display_number,
    interface_language,
    left_to_right,
    persian_digits_enabled,
)
from crm_desktop.ui.table_model import RecordTableModel
from crm_desktop.ui.value_names import lifecycle_label, row_name

CONTEXT = "ContactTableModel"


@dataclass(frozen=True)
class Column:
    key: str  # names the column for code, settings and tests
    field: Field  # the registry's field: the header, and whether it is shown at first
    sort: str | None  # the ``SORT_COLUMNS`` key, or None when not sortable
    cell: Callable[[ContactRecord, bool], str]  # (record, persian digits) -> text

    def title(self) -> str:
        return self.field.list_title(interface_language())


def _phone(record: ContactRecord, persian: bool) -> str:
    if not record.phones:
        return ""
    return left_to_right(format_phone(record.phones[0], persian_digits=persian))


def _date(value: Any, persian: bool) -> str:
    return left_to_right(format_jalali(value, persian_digits=persian)) if value else ""


def _text(name: str) -> Callable[[ContactRecord, bool], str]:
    return lambda record, _persian: getattr(record, name) or ""


# How each of the registry's list columns reads (its key -> the cell's text).
_CELLS: dict[str, Callable[[ContactRecord, bool], str]] = {
    "name": _text("full_name"),
    "company": _text("company"),
    "job_title": _text("job_title"),
    "mobile": _phone,
    "email": lambda r, _p: left_to_right(r.emails[0]) if r.emails else "",
    "city": _text("city"),
    "province": _text("province"),
    "owner": _text("owner"),
    "lifecycle": lambda r, _p: lifecycle_label(r.lifecycle),
    "lead_source": lambda r, _p: row_name(r.lead_source),
    "lead_score": lambda r, _p: display_number(r.lead_score),
    "tags": lambda r, p: ("، " if p else ", ").join(r.tags),
    "birth_date": lambda r, p: _date(r.birth_date, p),
    "created": lambda r, p: _date(r.created_at.date(), p),
}
COLUMNS: tuple[Column, ...] = tuple(
    Column(f.list_key, f, f.listed.sort if f.listed else None, _CELLS[f.list_key])
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


class ContactRow:
    """One row: its id, its record once loaded, and its cells formatted when first shown."""

    __slots__ = ("cells", "id", "loaded", "record")

    def __init__(self, contact_id: str, record: ContactRecord | None) -> None:
        self.id = contact_id
        self.record = record  # None: not loaded yet, or deleted since the count
        self.loaded = record is not None
        self.cells: list[str | None] = [None] * len(COLUMNS)

    def cell(self, column: int, persian: bool) -> str:
        text = self.cells[column]
        if text is None:
            text = COLUMNS[column].cell(self.record, persian) if self.record else ""
            self.cells[column] = text
        return text


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


class ContactTableModel(RecordTableModel):
    """Read-only table of the contacts matching a filter, in a sort order, loaded by page."""

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(len(COLUMNS), parent)
        self._db = db
        self._filter = ContactFilter()
        self._sort = ContactSort()
        self._pages: OrderedDict[int, list[ContactRow]] = OrderedDict()
        self._all_ids: list[str] | None = None
        self._persian = persian_digits_enabled()

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

    def has_whole_order(self) -> bool:
        """Whether every id of the list is at hand (no page of ids is read to scroll)."""
        return self._all_ids is not None

    def adopt_order(self, flt: ContactFilter, sort: ContactSort, ids: list[str]) -> bool:
        """Take the whole order of what is shown (read in the background), if it still is.

        Rows do not move, so the view needs no reset; jumping anywhere in the list then
        reads only the records of the rows it shows.
        """
        if (flt, sort) != (self._filter, self._sort) or len(ids) != self._total:
            return False
        self._all_ids = ids
        return True

    def show(self, first: FirstPage) -> None:
        """Show a query's result, its first page already read (maybe on another thread)."""
        self.beginResetModel()
        self._persian = persian_digits_enabled()
        self._filter, self._sort, self._total = first.filter, first.sort, first.total
        self._all_ids = first.all_ids
        self._pages.clear()
        if first.ids:
            rows = self._rows_of(first.ids, min(PAGE_SIZE, self._total))
            by_id = {record.id: record for record in first.records}
            for row in rows[:RECORD_CHUNK]:
                row.record = by_id.get(row.id)
                row.loaded = True
            self._pages[0] = rows
        self.endResetModel()

    def is_sortable(self, column: int) -> bool:
        return 0 <= column < len(COLUMNS) and COLUMNS[column].sort is not None

    def sort_column(self) -> int:
        """The model column the list is sorted by."""
        return sort_column(self._sort)

    def contact_id(self, row: int) -> str:
        return self._row(row).id

    def record(self, row: int) -> ContactRecord | None:
        return self._loaded(row).record

    def loaded_row_of(self, contact_id: str) -> int | None:
        """The row of ``contact_id`` if its page is loaded (no query)."""
        for number, rows in self._pages.items():
            for offset, row in enumerate(rows):
                if row.id == contact_id:
                    return number * PAGE_SIZE + offset
        return None

    def ids_in_rows(self, first: int, last: int) -> list[str]:
        """Ids of rows ``first..last``: from loaded pages, else one ids-only query.

        Selecting every row of 100,000 and acting on them costs one query of ids, never
        the records.
        """
        first, last = max(first, 0), min(last, self._total - 1)
        if last < first:
            return []
        pages = range(first // PAGE_SIZE, last // PAGE_SIZE + 1)
        if all(number in self._pages for number in pages):
            return [self._row(row).id for row in range(first, last + 1)]
        if self._all_ids is not None:
            return self._all_ids[first : last + 1]
        return contact_list.page(
            self._db, self._filter, self._sort, offset=first, limit=last - first + 1
        )

    def cached_page_count(self) -> int:
        return len(self._pages)

    # -- QAbstractTableModel ----------------------------------------------------------

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if not (0 <= row < self._total and 0 <= column < len(COLUMNS)):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._loaded(row).cell(column, self._persian)
        if role == Qt.ItemDataRole.ToolTipRole and COLUMN_KEYS[column] in ("tags", "email"):
            return self._loaded(row).cell(column, self._persian) or None
        return None

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

    # -- paging -------------------------------------------------------------------------

    def _row(self, row: int) -> ContactRow:
        number, offset = divmod(row, PAGE_SIZE)
        rows = self._pages.get(number)
        if rows is None:
            rows = self._load_page(number)
            self._pages[number] = rows
            while len(self._pages) > MAX_CACHED_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        return rows[offset]

    def _loaded(self, row: int) -> ContactRow:
        """The row with its record, reading its run of records if not read yet."""
        found = self._row(row)
        if not found.loaded and found.id:
            rows = self._pages[row // PAGE_SIZE]
            start = (row % PAGE_SIZE) // RECORD_CHUNK * RECORD_CHUNK
            run = [r for r in rows[start : start + RECORD_CHUNK] if r.id and not r.loaded]
            by_id = {rec.id: rec for rec in get_contacts(self._db, [r.id for r in run])}
            for each in run:
                # A contact deleted since the count stays blank until the next refresh.
                each.record = by_id.get(each.id)
                each.loaded = True
        return found

    def _load_page(self, number: int) -> list[ContactRow]:
        start = number * PAGE_SIZE
        wanted = min(PAGE_SIZE, self._total - start)
        if self._all_ids is not None:
            ids = self._all_ids[start : start + wanted]
        else:
            ids = contact_list.page(self._db, self._filter, self._sort, offset=start, limit=wanted)
        return self._rows_of(ids, wanted)

    @staticmethod
    def _rows_of(ids: list[str], wanted: int) -> list[ContactRow]:
        rows = [ContactRow(contact_id, None) for contact_id in ids]
        # Fewer rows than counted: some were deleted since the count; they show blank
        # until the change announcement re-counts, instead of shifting every row.
        rows.extend(ContactRow("", None) for _ in range(wanted - len(rows)))
        return rows
