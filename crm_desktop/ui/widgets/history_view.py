"""A record's history in its window: who changed which field from what to what, when.

One line per operation, newest first (Jalali date and time, the user, what was done:
an edit, an import of a named file, a merge, an undo...), each opening to the fields
it changed. An import, a merge or a creation, which touch many fields, start closed;
an edit of a few fields starts open. The list reads the change log off the UI thread
(``services.history``) and reads it again when the record changes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QThreadPool
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.errors import NotFound
from crm_desktop.locale import format_jalali
from crm_desktop.locale.phones import format_phone
from crm_desktop.services.history import FieldChange, HistoryEntry, operation_name, record_history
from crm_desktop.ui.widgets.background import BackgroundJob
from crm_desktop.ui.widgets.context import AppContext, Change
from crm_desktop.ui.widgets.display import (
    display_digits,
    left_to_right,
    own_direction,
    persian_digits_enabled,
    stored_moment_text,
)
from crm_desktop.ui.widgets.value_names import (
    channel_label,
    lifecycle_label,
    priority_label,
    row_name,
)

# Entries that change more fields than this start closed.
OPEN_UP_TO = 3
MANY_FIELDS = ("import", "merge", "create")
LONG_TEXT = 80
EMPTY = "—"


def _phone(text: str) -> str:
    return left_to_right(format_phone(text, persian_digits=persian_digits_enabled()))


def _moment(text: str) -> str:
    return stored_moment_text(dt.datetime.fromisoformat(text))


def _day(text: str) -> str:
    try:
        day = dt.date.fromisoformat(text[:10])
    except ValueError:
        return own_direction(text)
    return left_to_right(format_jalali(day, persian_digits=persian_digits_enabled()))


def _text(text: str) -> str:
    first_line = text.splitlines()[0] if text.strip() else text
    if len(first_line) > LONG_TEXT or first_line != text:
        first_line = first_line[:LONG_TEXT].rstrip() + "…"
    return own_direction(row_name(first_line))


# How the values of a field read, by the registry's field name; any other as text.
_SHOWN_AS: dict[str, Callable[[str], str]] = {
    "phone": _phone,
    "lifecycle": lifecycle_label,
    "preferred_channel": channel_label,
    "deleted_at": _moment,
    "birth_date": _day,
    "won_at": _moment,
    "lost_at": _moment,
    "expected_close": _day,
    "priority": priority_label,
}


def value_text(change: FieldChange, value: Any) -> str:
    """How a field's old or new value reads in the list."""
    if value is None or value == "":
        return EMPTY
    if isinstance(value, bool | int | float):
        return left_to_right(display_digits(str(value)))
    return _SHOWN_AS.get(change.field, _text)(str(value))


class HistoryView(QWidget):
    """The "history" tab of a contact's or a company's window."""

    # When, who, what was done; then the field, its value before and after: each value
    # in a cell of its own keeps its own direction (a cell is laid out by its first
    # letter, so "old → new" in one cell would read backwards when the old is Persian
    # in the English interface).
    COLUMNS = 6

    def __init__(self, ctx: AppContext, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.kind = kind  # the change kind of the records shown (contacts, companies)
        self.record_id: str | None = None
        self.entries: list[HistoryEntry] = []
        self._generation = 0
        self._job: BackgroundJob | None = None
        self._stale = True
        self.setObjectName("historyView")

        self.tree = QTreeWidget()
        self.tree.setObjectName("historyList")
        self.tree.setColumnCount(self.COLUMNS)
        self.tree.setHeaderLabels(
            [
                self.tr("زمان"),
                self.tr("کاربر"),
                self.tr("کار"),
                self.tr("فیلد"),
                self.tr("پیش از آن"),
                self.tr("پس از آن"),
            ]
        )
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setStretchLastSection(True)
        for column in range(self.COLUMNS - 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.COLUMNS - 2, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(self.COLUMNS - 2, 220)

        self.message = QLabel()
        self.message.setObjectName("historyMessage")
        self.message.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.message)
        layout.addWidget(self.tree, 1)
        self._say(self.tr("تغییرهای این رکورد پس از ذخیره اینجا نشان داده می‌شوند."))
        ctx.changes.changed.connect(self._on_changed)

    # -- what the window calls ---------------------------------------------------------

    def show_record(self, record_id: str | None) -> None:
        self.record_id = record_id
        self._stale = True
        if self.isVisible():
            self.reload()

    @property
    def loading(self) -> bool:
        return self._job is not None

    def reload(self) -> None:
        self._stale = False
        if self.record_id is None:
            self.entries = []
            self.tree.clear()
            self._say(self.tr("تغییرهای این رکورد پس از ذخیره اینجا نشان داده می‌شوند."))
            return
        self._generation += 1
        db, record_id, lang = self.ctx.db, self.record_id, self.ctx.lang
        job = BackgroundJob(self._generation, lambda: _read(db, record_id, lang))
        job.signals.done.connect(self._on_read)
        job.signals.failed.connect(self._on_failed)
        self._job = job
        QThreadPool.globalInstance().start(job)

    # -- events ------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self._stale:
            self.reload()

    def _on_changed(self, change: Change) -> None:
        if self.record_id is None or change.kind != self.kind:
            return
        if change.ids and self.record_id not in change.ids:
            return
        self._stale = True
        if self.isVisible():
            self.reload()

    def _on_read(self, generation: int, entries: object) -> None:
        if generation != self._generation:
            return
        self._job = None
        assert isinstance(entries, list)
        self.entries = entries
        self._fill(entries)

    def _on_failed(self, generation: int, error: object) -> None:
        if generation != self._generation:
            return
        self._job = None
        self.tree.clear()
        self._say(self.tr("تاریخچه خوانده نشد: {0}").format(error))

    # -- the list ----------------------------------------------------------------------

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _fill(self, entries: list[HistoryEntry]) -> None:
        self.tree.clear()
        if not entries:
            self._say(self.tr("هنوز تغییری ثبت نشده است."))
            return
        self._say("")
        for entry in entries:
            item = QTreeWidgetItem(self.tree, self._entry_texts(entry))
            if len(entry.changes) == 1:  # one change reads on the entry's own line
                _tip_whole_values(item, entry.changes[0])
            else:
                for change in entry.changes:
                    line = QTreeWidgetItem(item, ["", "", "", *self._change_texts(change)])
                    _tip_whole_values(line, change)
            many = entry.operation in MANY_FIELDS or len(entry.changes) > OPEN_UP_TO
            item.setExpanded(not many)

    def _entry_texts(self, entry: HistoryEntry) -> list[str]:
        what = operation_name(entry.operation, self.ctx.lang)
        if entry.label:
            what += " " + own_direction(f"«{entry.label}»")
        if len(entry.changes) == 1:
            change = self._change_texts(entry.changes[0])
        else:
            count = display_digits(str(len(entry.changes)))
            change = [self.tr("{0} تغییر").format(count) if entry.changes else "", "", ""]
        who = entry.user or self.tr("ناشناس")
        return [stored_moment_text(entry.at), who, what, *change]

    def _change_texts(self, change: FieldChange) -> list[str]:
        return [change.label, value_text(change, change.old), value_text(change, change.new)]


def _tip_whole_values(item: QTreeWidgetItem, change: FieldChange) -> None:
    """A long or several-line value, cut short in its cell, reads whole in its tip."""
    for column, value in ((4, change.old), (5, change.new)):
        if isinstance(value, str) and (len(value) > LONG_TEXT or "\n" in value.strip()):
            item.setToolTip(column, value)


def _read(db: Any, record_id: str, lang: str) -> list[HistoryEntry]:
    try:
        return record_history(db, record_id, lang=lang)
    except NotFound:  # nothing logged yet: a record made before the log existed
        return []
