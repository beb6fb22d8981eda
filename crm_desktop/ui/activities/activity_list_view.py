"""A list of activities with what is done to them: log one, mark one done, edit one,
export the list. The activities page shows a bucket of work in it; a contact's, a
company's or a deal's window shows that record's activities in it (``for_record``),
with "log a call" about the record one click (or Ctrl+L) away.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.models import ActivityKind
from crm_desktop.services.activity_list import ActivityFilter, about_record
from crm_desktop.services.records import ActivityRecord
from crm_desktop.ui.activities.activity_dialog import (
    COMPLETE,
    EDIT,
    ActivityDialog,
    open_activity_dialog,
)
from crm_desktop.ui.activities.activity_table_model import (
    COLUMN_KEYS,
    COLUMNS,
    ActivityTableModel,
)
from crm_desktop.ui.contacts.export_action import ListExport, export_list
from crm_desktop.ui.widgets.context import AppContext, Change
from crm_desktop.ui.widgets.widgets import list_table

# Columns' first widths (pixels), by list key; the subject stretches.
_WIDTHS = {
    "type": 80,
    "due": 115,
    "done_at": 115,
    "contact": 120,
    "deal": 120,
    "company": 120,
    "owner": 95,
    "duration": 60,
    "outcome": 120,
}
# Kinds of change that alter what a row shows.
SHOWN_KINDS = frozenset({"activities", "contacts", "companies", "deals", "users"})


def _lay_out_columns(table: QTableView) -> None:
    """Sorted on a header click; the subject takes the room, the rest as wide as what
    they usually say; the registry's columns not shown at first are hidden."""
    header = table.horizontalHeader()
    header.setSortIndicatorShown(True)
    header.setSectionsClickable(True)
    header.setStretchLastSection(False)
    for column, field in enumerate(COLUMNS):
        table.setColumnHidden(column, not (field.listed and field.listed.shown))
        width = _WIDTHS.get(field.list_key)
        if width:
            header.resizeSection(column, width)
    header.setSectionResizeMode(COLUMN_KEYS.index("subject"), QHeaderView.ResizeMode.Stretch)


def redraw_timer(parent: QWidget, redraw: Callable[[], None]) -> QTimer:
    """Several changes announced at once: one redraw, once they are all in."""
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(0)
    timer.timeout.connect(redraw)
    return timer


def _button(text: str, name: str) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    return button


class ActivityList(QWidget):
    """Activities ``where`` says, newest or soonest first, and the actions on them."""

    def __init__(
        self,
        ctx: AppContext,
        *,
        name: str = "activityList",
        links: dict[str, str | None] | None = None,
        about: str = "",
        follow_changes: bool = True,
        log_key: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        """``follow_changes``: redraw on the change hub's news (False: the page that
        holds the list does); ``log_key``: Ctrl+L in the list logs a call (False: the
        window that holds it has its own)."""
        super().__init__(parent)
        self.ctx = ctx
        self.links = links or {}  # what a new activity is about (a contact, a deal...)
        self.about = about
        self.where = ActivityFilter()
        self.record_field: str | None = None  # a record's list: the field naming it
        self.dialog: ActivityDialog | None = None
        self.export: ListExport | None = None
        self.log_button = _button(self.tr("ثبت تماس…"), "logActivity")
        self.log_button.setToolTip(self.tr("تماس، جلسه، ایمیل یا یادداشت (Ctrl+L)"))
        self.task_button = _button(self.tr("کار جدید…"), "newTask")
        self.done_button = _button(self.tr("انجام شد…"), "completeActivity")
        self.done_button.setToolTip(self.tr("انجام شد، با نتیجه و گام بعدی (Ctrl+D)"))
        self.edit_button = _button(self.tr("ویرایش…"), "editActivity")
        self.export_button = _button(self.tr("خروجی اکسل…"), "exportActivities")
        self.model = ActivityTableModel(ctx.db, self)
        self.table = list_table(name, multi_select=False)
        self.table.setModel(self.model)
        self.table.setSortingEnabled(False)  # sorted in SQL, on a header click
        _lay_out_columns(self.table)
        self.table.horizontalHeader().sortIndicatorChanged.connect(self._sort)

        buttons = QHBoxLayout()
        for button in (self.log_button, self.task_button, self.done_button, self.edit_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)

        self._redraw = redraw_timer(self, self.reload)
        self.log_button.clicked.connect(lambda: self.log_activity(ActivityKind.CALL))
        self.task_button.clicked.connect(lambda: self.log_activity(ActivityKind.TASK))
        self.done_button.clicked.connect(self.complete_selected)
        self.edit_button.clicked.connect(self.edit_selected)
        self.export_button.clicked.connect(self.export_shown)
        self.table.activated.connect(self._activated)
        self.table.doubleClicked.connect(self._activated)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._shortcut("Ctrl+D", self.complete_selected)
        if log_key:
            self._shortcut("Ctrl+L", lambda: self.log_activity(ActivityKind.CALL))
        if follow_changes:
            ctx.changes.changed.connect(self._on_change)
        self._update_buttons()

    def _shortcut(self, keys: str, slot: Callable[[], object]) -> None:
        shortcut = QShortcut(QKeySequence(keys), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(slot)

    # -- what is shown --------------------------------------------------------------

    def show_record(self, record_id: str | None, about: str = "") -> None:
        """The activities of one record (a new one, not saved yet: none, and nothing
        to log about it yet)."""
        field = self.record_field
        assert field is not None
        self.links, self.about = {field: record_id}, about
        for button in (self.log_button, self.task_button, self.export_button):
            button.setEnabled(record_id is not None)
        self.show_activities(about_record(field, record_id or ""))

    def show_activities(self, where: ActivityFilter) -> None:
        self.where = where
        self.reload()

    def reload(self) -> None:
        selected = self.selected()
        self.model.show(self.where)
        if selected is not None:
            row = self.model.loaded_row_of(selected.id)
            if row is not None:
                # (selectRow finds no column in a right-to-left table: Qt looks past its edge)
                self.table.setCurrentIndex(self.model.index(row, 0))
        self._update_buttons()

    def selected(self) -> ActivityRecord | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        record = self.selected()
        self.done_button.setEnabled(record is not None and record.done_at is None)
        self.edit_button.setEnabled(record is not None)

    def _on_change(self, change: Change) -> None:
        if change.kind in SHOWN_KINDS:
            self._redraw.start()

    def _sort(self, column: int, order: Qt.SortOrder) -> None:
        self.model.sort_by(column, order == Qt.SortOrder.DescendingOrder)

    # -- acting ---------------------------------------------------------------------

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.table.setCurrentIndex(index)
            self.edit_selected()

    def log_activity(self, kind: str = ActivityKind.CALL) -> ActivityDialog | None:
        """The form for a new activity (about this list's record; none yet: nothing)."""
        if self.record_field is not None and not self.links.get(self.record_field):
            return None  # a record not saved yet has nothing to log about
        self.dialog = open_activity_dialog(
            self.ctx, self, kind=kind, about=self.about, **self.links
        )
        return self.dialog

    def complete_selected(self) -> ActivityDialog | None:
        record = self.selected()
        if record is None or record.done_at is not None:
            return None
        self.dialog = open_activity_dialog(self.ctx, self, record=record, mode=COMPLETE)
        return self.dialog

    def edit_selected(self) -> ActivityDialog | None:
        record = self.selected()
        if record is None:
            return None
        self.dialog = open_activity_dialog(self.ctx, self, record=record, mode=EDIT)
        return self.dialog

    def export_shown(self) -> ListExport:
        """The list as shown to an Excel file."""
        self.export = export_list(self, self.ctx, "activities", ids=self.model.every_id())
        return self.export


def for_record(ctx: AppContext, field: str, window: QWidget | None = None) -> ActivityList:
    """A record's activities list, newest first (``field``: contact_id, deal_id or
    company_id); ``show_record`` says whose. Ctrl+L anywhere in ``window`` (the
    record's) logs a call about it, whichever tab is shown."""
    view = ActivityList(ctx, name="recordActivities", links={field: None}, log_key=window is None)
    view.record_field = field
    view.show_record(None)
    if window is not None:
        shortcut = QShortcut(QKeySequence("Ctrl+L"), window)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.activated.connect(lambda: view.log_activity(ActivityKind.CALL))
    return view
