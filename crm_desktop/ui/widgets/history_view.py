"""A record's timeline in its window: its activities, its deals' stage moves, its
purchases, and who changed which field from what to what, when (``services.timeline``).

One line per thing that happened, newest first (Jalali date and time, the user, what
was done: a call, a move, a purchase, an edit, an import of a named file, a merge, an
undo...); an operation opens to the fields it changed. An import, a merge or a
creation, which touch many fields, start closed; an edit of a few fields starts open.
A filter above shows one kind only. The list is read off the UI thread and read again
when the record, its activities or its deals change.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QThreadPool
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.locale import format_jalali
from crm_desktop.locale.phones import format_phone
from crm_desktop.services.activity_changes import type_label
from crm_desktop.services.history import FieldChange, HistoryEntry, operation_name
from crm_desktop.services.office import money_unit
from crm_desktop.services.records import ActivityRecord
from crm_desktop.services.timeline import KINDS, Purchase, TimelineEntry, record_timeline
from crm_desktop.ui.widgets.background import BackgroundJob
from crm_desktop.ui.widgets.context import AppContext, Change
from crm_desktop.ui.widgets.display import (
    amount_text,
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

# Other kinds of change that can alter a record's timeline (its activities, its deals).
_ALSO_SHOWN = ("activities", "deals")
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
    "due": _moment,
    "done_at": _moment,
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
        self.kind = kind  # the records shown: contacts, companies or deals
        self.record_id: str | None = None
        self.entries: list[TimelineEntry] = []
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
                self.tr("شرح"),
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
        self.kinds = QComboBox()
        self.kinds.setObjectName("timelineKinds")
        self.kinds.addItem(self.tr("همه"), KINDS)
        for timeline_kind, name in (
            ("activity", self.tr("فعالیت‌ها")),
            ("move", self.tr("جابه‌جایی‌ها")),
            ("purchase", self.tr("خریدها")),
            ("change", self.tr("تغییرها")),
        ):
            self.kinds.addItem(name, (timeline_kind,))
        self.kinds.currentIndexChanged.connect(self.reload)
        bar = QHBoxLayout()
        bar.addWidget(self.message, 1)
        bar.addStretch(0)  # the filter keeps its size when the message is hidden
        bar.addWidget(self.kinds)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(bar)
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
        table, kinds = self.kind, self.kinds.currentData()
        job = BackgroundJob(
            self._generation, lambda: record_timeline(db, table, record_id, lang=lang, kinds=kinds)
        )
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
        if self.record_id is None or change.kind not in (self.kind, *_ALSO_SHOWN):
            return
        if change.kind == self.kind and change.ids and self.record_id not in change.ids:
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

    def _fill(self, found: list[TimelineEntry]) -> None:
        self.tree.clear()
        if not found:
            self._say(self.tr("هنوز چیزی ثبت نشده است."))
            return
        self._say("")
        unit = money_unit(self.ctx.db)
        for shown in found:
            if shown.activity is not None:
                QTreeWidgetItem(self.tree, self._activity_texts(shown.activity))
                continue
            if shown.purchase is not None:
                QTreeWidgetItem(self.tree, self._purchase_texts(shown.purchase, unit))
                continue
            entry = shown.history
            assert entry is not None
            texts = self._entry_texts(entry)
            if shown.about:  # a deal of the contact's or the company's
                texts[2] += " " + own_direction(f"«{shown.about}»")
            item = QTreeWidgetItem(self.tree, texts)
            headline = _headline(entry)
            if headline is not None:  # it reads on the entry's own line
                _tip_whole_values(item, headline)
            rest = [c for c in entry.changes if c is not headline]
            for change in rest:
                line = QTreeWidgetItem(item, ["", "", "", *self._change_texts(change)])
                _tip_whole_values(line, change)
            many = entry.operation in MANY_FIELDS or len(rest) > OPEN_UP_TO
            item.setExpanded(not many)

    def _entry_texts(self, entry: HistoryEntry) -> list[str]:
        what = operation_name(entry.operation, self.ctx.lang)
        if entry.label:
            what += " " + own_direction(f"«{entry.label}»")
        headline = _headline(entry)
        if headline is not None:
            change = self._change_texts(headline)
        else:
            count = display_digits(str(len(entry.changes)))
            change = [self.tr("{0} تغییر").format(count) if entry.changes else "", "", ""]
        who = entry.user or self.tr("ناشناس")
        return [stored_moment_text(entry.at), who, what, *change]

    def _change_texts(self, change: FieldChange) -> list[str]:
        return [change.label, value_text(change, change.old), value_text(change, change.new)]

    def _activity_texts(self, activity: ActivityRecord) -> list[str]:
        at = activity.done_at or activity.due_at or activity.created_at
        what = type_label(activity.type, activity.type_name, self.ctx.lang)
        subject = own_direction(activity.subject)
        if activity.deal and self.kind != "deals":
            subject += " — " + own_direction(activity.deal)
        if activity.done_at is None:
            outcome = self.tr("برای انجام")
        else:
            outcome = own_direction(activity.outcome) if activity.outcome else EMPTY
        return [stored_moment_text(at), activity.owner or "", what, subject, "", outcome]

    def _purchase_texts(self, purchase: Purchase, unit: str) -> list[str]:
        what = self.tr("خرید")
        product = own_direction(purchase.product or EMPTY)
        if purchase.quantity != 1:
            product += " × " + display_digits(str(purchase.quantity))
        if purchase.deal and self.kind != "deals":
            product += " — " + own_direction(purchase.deal)
        day = left_to_right(format_jalali(purchase.on, persian_digits=persian_digits_enabled()))
        return [day, "", what, product, "", amount_text(purchase.total, unit)]


def _headline(entry: HistoryEntry) -> FieldChange | None:
    """The change the entry's own line shows: its only one, or a deal's new stage (what
    a move is about; the stamps that came with it open below)."""
    if len(entry.changes) == 1:
        return entry.changes[0]
    return next((c for c in entry.changes if c.field == "stage" and c.old is not None), None)


def _tip_whole_values(item: QTreeWidgetItem, change: FieldChange) -> None:
    """A long or several-line value, cut short in its cell, reads whole in its tip."""
    for column, value in ((4, change.old), (5, change.new)):
        if isinstance(value, str) and (len(value) > LONG_TEXT or "\n" in value.strip()):
            item.setToolTip(column, value)
