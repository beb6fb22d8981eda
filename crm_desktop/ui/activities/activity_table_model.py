"""Activities as a list: one bucket of the rep's work (or a record's activities), paged
like every list (``PagedRecordModel``), sorted in SQL on a header click. Work whose
time has passed shows in red."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from crm_desktop.models import utcnow
from crm_desktop.models.database import Database
from crm_desktop.services.activity_changes import type_label
from crm_desktop.services.activity_list import (
    ActivityFilter,
    activity_ids,
    count_activities,
    list_activities_by_ids,
)
from crm_desktop.services.records import ActivityRecord
from crm_desktop.services.registry import ACTIVITY, Field
from crm_desktop.ui.widgets.display import (
    display_number,
    interface_language,
    latin_left_to_right,
    stored_moment_text,
)
from crm_desktop.ui.widgets.paged_model import FieldListModel

COLUMNS: tuple[Field, ...] = ACTIVITY.list_columns()
COLUMN_KEYS = tuple(f.list_key for f in COLUMNS)
PAGE_SIZE = 100
LATE = QColor("#b3261e")


class ActivityTableModel(FieldListModel[ActivityRecord]):
    page_size = PAGE_SIZE
    record_chunk = PAGE_SIZE

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(COLUMNS, parent)
        self._db = db
        self.where = ActivityFilter()
        self.now = utcnow()

    def show(self, where: ActivityFilter) -> None:
        self.where, self.now = where, utcnow()
        total = count_activities(self._db, where, now=self.now)
        first = self.read_ids(0, PAGE_SIZE)
        self.show_rows(total, first, list_activities_by_ids(self._db, first))

    def clock_moved(self, now: dt.datetime) -> None:
        """Rows whose due time has just passed turn red; nothing is read again."""
        self.now = now
        if self.rowCount():
            last = self.index(self.rowCount() - 1, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, 0), last, [Qt.ItemDataRole.ForegroundRole])

    def refresh(self) -> None:
        self.show(self.where)

    def every_id(self) -> list[str]:
        """Every activity of the list, in its order (for an export)."""
        return activity_ids(
            self._db, self.where, sort=self.sort_key, descending=self.descending, now=self.now
        )

    # -- PagedRecordModel ---------------------------------------------------------------

    def read_ids(self, offset: int, limit: int) -> list[str]:
        return activity_ids(
            self._db,
            self.where,
            sort=self.sort_key,
            descending=self.descending,
            now=self.now,
            offset=offset,
            limit=limit,
        )

    def read_records(self, ids: Sequence[str]) -> list[ActivityRecord]:
        return list_activities_by_ids(self._db, ids)

    def cell(self, record: ActivityRecord, column: int, persian: bool) -> str:
        key = COLUMN_KEYS[column]
        if key == "type":
            return type_label(record.type, record.type_name, interface_language())
        if key in ("due", "done_at"):
            at = record.due_at if key == "due" else record.done_at
            return stored_moment_text(at) if at else ""
        if key == "duration":
            return display_number(record.duration) if record.duration else ""
        value = getattr(record, key)
        return latin_left_to_right(str(value)) if value else ""

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid():
            record = self.record(index.row())
            return LATE if record is not None and record.is_overdue(self.now) else None
        return super().data(index, role)
