"""One list of records for every page: ids in pages, records read for the rows shown.

Like Anki's card browser, a list never holds its whole query: it knows the total and
the first page of ids (or, when the order had to be computed in full anyway, every
id), and when the view asks for a row it reads that row's page of ids and then the
records of a run of rows around it, keeping only the most recently used pages. Cells
are formatted the first time they are shown.

A list (contacts, companies, the trash; next the deals and activities) says only how
to read a page of ids, how to read records, and what each cell shows.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt

from crm_desktop.locale import search_key
from crm_desktop.services.registry import Field
from crm_desktop.ui.widgets.display import interface_language, persian_digits_enabled
from crm_desktop.ui.widgets.table_model import RecordTableModel

ID_ROLE = Qt.ItemDataRole.UserRole  # a row's record id, for the pages that act on it

_Index = QModelIndex | QPersistentModelIndex


class HasId(Protocol):
    @property
    def id(self) -> str: ...


R = TypeVar("R", bound=HasId)


class Row(Generic[R]):
    """One row: its id, its record once read, and its cells once shown."""

    __slots__ = ("cells", "id", "loaded", "record")

    def __init__(self, record_id: str, columns: int) -> None:
        self.id = record_id  # "": a row counted but gone since (shown blank)
        self.record: R | None = None  # None: not read yet, or deleted since the count
        self.loaded = False
        self.cells: list[str | None] = [None] * columns


class PagedRecordModel(RecordTableModel, Generic[R]):
    """Rows of records of one query, read page by page (see the module's text)."""

    page_size = 100
    record_chunk = 100  # records read at once around a row shown
    max_cached_pages = 20

    def __init__(self, column_count: int, parent: QObject | None = None) -> None:
        super().__init__(column_count, parent)
        self._pages: OrderedDict[int, list[Row[R]]] = OrderedDict()
        self._all_ids: list[str] | None = None
        self._persian = persian_digits_enabled()

    # -- what each list says ---------------------------------------------------------

    def read_ids(self, offset: int, limit: int) -> list[str]:
        """A page of the ids of the query shown (when not every id is at hand)."""
        raise NotImplementedError

    def read_records(self, ids: Sequence[str]) -> list[R]:
        raise NotImplementedError

    def cell(self, record: R, column: int, persian: bool) -> str:
        raise NotImplementedError

    def tooltip(self, record: R, column: int, text: str) -> str | None:
        return None

    # -- showing a query ---------------------------------------------------------------

    def show_rows(
        self,
        total: int,
        first_ids: Sequence[str],
        first_records: Sequence[R] = (),
        all_ids: list[str] | None = None,
    ) -> None:
        """Show a query's answer: its count and first page of ids (read maybe on another
        thread), the records of the first rows if read with them, and every id if the
        order was computed in full."""
        self.beginResetModel()
        self._persian = persian_digits_enabled()
        self._total = total
        self._all_ids = all_ids
        self._pages.clear()
        if first_ids:
            rows = self._rows_of(list(first_ids), min(self.page_size, total))
            if first_records:
                by_id = {record.id: record for record in first_records}
                for row in rows[: len(first_records)]:
                    row.record = by_id.get(row.id)
                    row.loaded = True
            self._pages[0] = rows
        self.endResetModel()

    def has_whole_order(self) -> bool:
        """Whether every id of the list is at hand (no page of ids is read to scroll)."""
        return self._all_ids is not None

    def take_whole_order(self, ids: list[str]) -> bool:
        """Every id of what is shown, read later (in the background): rows do not move,
        so the view needs no reset; jumping anywhere then reads only records."""
        if len(ids) != self._total:
            return False
        self._all_ids = ids
        return True

    # -- what the pages ask -------------------------------------------------------------

    def record_id(self, row: int) -> str:
        return self._row(row).id

    def record(self, row: int) -> R | None:
        return self._loaded(row).record

    def loaded_row_of(self, record_id: str) -> int | None:
        """The row of ``record_id`` if its page is loaded (no query)."""
        for number, rows in self._pages.items():
            for offset, row in enumerate(rows):
                if row.id == record_id:
                    return number * self.page_size + offset
        return None

    def ids_in_rows(self, first: int, last: int) -> list[str]:
        """Ids of rows ``first..last``: from loaded pages, else one ids-only read.

        Selecting every row of 100,000 and acting on them costs one query of ids, never
        the records.
        """
        first, last = max(first, 0), min(last, self._total - 1)
        if last < first:
            return []
        pages = range(first // self.page_size, last // self.page_size + 1)
        if all(number in self._pages for number in pages):
            return [self._row(row).id for row in range(first, last + 1)]
        if self._all_ids is not None:
            return self._all_ids[first : last + 1]
        return self.read_ids(first, last - first + 1)

    def cached_pages(self) -> list[int]:
        return list(self._pages)

    def cached_page_count(self) -> int:
        return len(self._pages)

    # -- QAbstractTableModel ----------------------------------------------------------

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if not (0 <= row < self._total and 0 <= column < self.columnCount()):
            return None
        if role == ID_ROLE:
            return self._row(row).id or None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        found = self._loaded(row)
        text = found.cells[column]
        if text is None:
            text = self.cell(found.record, column, self._persian) if found.record else ""
            found.cells[column] = text
        if role == Qt.ItemDataRole.DisplayRole:
            return text
        return self.tooltip(found.record, column, text) if found.record and text else None

    def match(
        self,
        start: _Index,
        role: int,
        value: Any,
        hits: int = 1,
        flags: Qt.MatchFlag = Qt.MatchFlag.MatchStartsWith | Qt.MatchFlag.MatchWrap,
    ) -> list[QModelIndex]:
        """Type-ahead (a view's keyboard search) over the rows already read.

        Qt's own would read every page of a 100,000-row list, the window frozen, to
        find what the search box finds better. Case, letter variants and direction
        marks do not count: typing "A" finds "Acme Inc.", shown left to right.
        """
        starts_with = bool(flags & Qt.MatchFlag.MatchStartsWith)
        if role != Qt.ItemDataRole.DisplayRole or not starts_with or not isinstance(value, str):
            return list(super().match(start, role, value, hits, flags))
        wanted = search_key(value)  # the key drops direction marks too
        column, first = start.column(), start.row()
        read = sorted(
            (
                (number * self.page_size + offset, row)
                for number, rows in self._pages.items()
                for offset, row in enumerate(rows)
                if row.loaded and row.record is not None
            ),
            key=lambda pair: pair[0],
        )
        after = [pair for pair in read if pair[0] >= first]
        if flags & Qt.MatchFlag.MatchWrap:
            after += [pair for pair in read if pair[0] < first]
        found: list[QModelIndex] = []
        for number, row in after:
            text = row.cells[column]
            if text is None and row.record is not None:
                text = row.cells[column] = self.cell(row.record, column, self._persian)
            if text is not None and search_key(text).startswith(wanted):
                found.append(self.index(number, column))
                if 0 < hits <= len(found):
                    break
        return found

    # -- paging -------------------------------------------------------------------------

    def _row(self, row: int) -> Row[R]:
        number, offset = divmod(row, self.page_size)
        rows = self._pages.get(number)
        if rows is None:
            rows = self._load_page(number)
            self._pages[number] = rows
            while len(self._pages) > self.max_cached_pages:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        return rows[offset]

    def _loaded(self, row: int) -> Row[R]:
        """The row with its record, reading its run of records if not read yet."""
        found = self._row(row)
        if not found.loaded and found.id:
            rows = self._pages[row // self.page_size]
            chunk = self.record_chunk
            start = (row % self.page_size) // chunk * chunk
            run = [r for r in rows[start : start + chunk] if r.id and not r.loaded]
            by_id = {rec.id: rec for rec in self.read_records([r.id for r in run])}
            for each in run:
                # A record deleted since the count stays blank until the next refresh.
                each.record = by_id.get(each.id)
                each.loaded = True
        return found

    def _load_page(self, number: int) -> list[Row[R]]:
        start = number * self.page_size
        wanted = min(self.page_size, self._total - start)
        if self._all_ids is not None:
            ids = self._all_ids[start : start + wanted]
        else:
            ids = self.read_ids(start, wanted)
        return self._rows_of(ids, wanted)

    def _rows_of(self, ids: list[str], wanted: int) -> list[Row[R]]:
        columns = self.columnCount()
        rows: list[Row[R]] = [Row(record_id, columns) for record_id in ids]
        # Fewer rows than counted: some were deleted since the count; they show blank
        # until the change announcement re-counts, instead of shifting every row.
        rows.extend(Row("", columns) for _ in range(wanted - len(rows)))
        return rows


class FieldListModel(PagedRecordModel[R]):
    """A paged list whose columns are a record's registry fields (``Entity.list_columns``):
    their headers in the interface's language, and a click on one sorting by it in SQL
    (``sort_key``, ``descending``, read by the list's ``read_ids``)."""

    def __init__(self, columns: tuple[Field, ...], parent: QObject | None = None) -> None:
        super().__init__(len(columns), parent)
        self.fields = columns
        self.sort_key: str | None = None
        self.descending = False

    def refresh(self) -> None:
        """Show the list again, as it is now, in the order chosen."""
        raise NotImplementedError

    def sort_by(self, column: int, descending: bool) -> None:
        listed = self.fields[column].listed
        self.sort_key = listed.sort if listed else None
        self.descending = descending
        self.refresh()

    def headerData(  # noqa: N802 (Qt's name)
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        shown = orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
        if shown and 0 <= section < len(self.fields):
            return self.fields[section].list_title(interface_language())
        return super().headerData(section, orientation, role)
