"""The trash: deleted contacts, restored one or many at a time as one undo step.

Contacts merged into another are not here (their survivor holds what they had; the
merge's undo brings them back). ``TrashView`` is the widgets; ``TrashPage`` wires them.
"""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.errors import UserError
from crm_desktop.services.contacts import restore_contacts
from crm_desktop.ui.contacts.contact_actions import BACKGROUND_ABOVE as CONTACTS_BACKGROUND_ABOVE
from crm_desktop.ui.contacts.trash_model import TrashTableModel
from crm_desktop.ui.widgets.commands import perform
from crm_desktop.ui.widgets.context import CONTACTS, AppContext, Change, PageHost
from crm_desktop.ui.widgets.display import display_number
from crm_desktop.ui.widgets.runner import LongWork
from crm_desktop.ui.widgets.widgets import heading, list_table

COLUMN_WIDTHS = (200, 180, 140, 220, 140)
# Restoring more contacts than this runs on a worker thread while the page waits.
BACKGROUND_ABOVE = CONTACTS_BACKGROUND_ABOVE


class TrashView(QWidget):
    """Widgets of the trash screen; no data access and no signal wiring."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title_label = heading(self.tr("سطل زباله"))
        self.count_label = QLabel()
        self.count_label.setObjectName("trashCount")
        self.restore_button = QPushButton(self.tr("بازگردانی"))
        self.restore_button.setObjectName("restoreContacts")
        self.selection_label = QLabel()
        self.selection_label.setObjectName("trashSelection")
        self.message_label = QLabel()
        self.message_label.setObjectName("trashMessage")
        self.message_label.setWordWrap(True)

        self.table = list_table("trashTable", multi_select=True)

        top = QHBoxLayout()
        top.addWidget(self.title_label)
        top.addSpacing(24)
        top.addWidget(self.count_label)
        top.addStretch(1)
        actions = QHBoxLayout()
        actions.addWidget(self.restore_button)
        actions.addWidget(self.selection_label)
        actions.addSpacing(16)
        actions.addWidget(self.message_label, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addLayout(actions)
        layout.addWidget(self.table, 1)

    def apply_column_widths(self) -> None:
        for column, width in enumerate(COLUMN_WIDTHS):
            self.table.setColumnWidth(column, width)

    def show_count(self, count: int) -> None:
        if count:
            text = self.tr("%1 مخاطب در سطل زباله").replace("%1", display_number(count))
        else:
            text = self.tr("سطل زباله خالی است")
        self.count_label.setText(text)

    def show_busy(self, busy: bool) -> None:
        self.table.setEnabled(not busy)

    def show_selection(self, count: int) -> None:
        self.restore_button.setEnabled(count > 0 and self.table.isEnabled())
        self.selection_label.setText(
            self.tr("%1 انتخاب‌شده").replace("%1", display_number(count)) if count else ""
        )


class TrashPage(TrashView):
    """Lists the trash, restores the selection, follows every contacts change."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_trash")
        self.ctx = ctx
        self.model = TrashTableModel(ctx.db, self)
        self.table.setModel(self.model)
        self._stale = False
        self.busy = False  # a large restore is running on the worker
        self.running: LongWork[None] | None = None  # ... and its progress dialog
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.restore_button.clicked.connect(self.restore_selected)
        ctx.changes.changed.connect(self._on_change)
        self.reload()
        self.apply_column_widths()

    def reload(self) -> None:
        self._stale = False
        self.message_label.clear()
        self.model.reload()
        self.show_count(self.model.rowCount())
        self._selection_changed()

    def selected_ids(self) -> list[str]:
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [self.model.contact_id(row) for row in rows]

    def _selection_changed(self) -> None:
        self.show_selection(len(self.table.selectionModel().selectedRows()))

    def restore_selected(self) -> None:
        ids = self.selected_ids()
        if not ids or self.busy:
            return
        db = self.ctx.db
        text = self.tr("بازگردانی %1 مخاطب").replace("%1", display_number(len(ids)))
        if len(ids) > BACKGROUND_ABOVE:
            self._restore_in_background(ids, text)
            return
        try:
            perform(
                self.ctx,
                text,
                lambda: restore_contacts(db, ids),
            )
        except UserError as error:
            self.reload()
            self.message_label.setText(error.message(self.ctx.lang))
            return
        self._say_restored(len(ids))

    def _say_restored(self, count: int) -> None:
        self.message_label.setText(
            self.tr("%1 مخاطب بازگردانده شد.").replace("%1", display_number(count))
        )

    def _restore_in_background(self, ids: list[str], text: str) -> None:
        db = self.ctx.db
        self._set_busy(True)
        self.message_label.setText(text + "…")

        def done() -> None:
            self._set_busy(False)
            self._say_restored(len(ids))

        def failed(error: Exception) -> None:
            self._set_busy(False)
            self.reload()
            message = error.message(self.ctx.lang) if isinstance(error, UserError) else str(error)
            self.message_label.setText(message)

        run = LongWork(
            self.ctx,
            self,
            lambda _progress: restore_contacts(db, ids),  # one transaction: no Cancel
            title=self.tr("سطل زباله"),
            text=text + "…",
            step=text,
            cancellable=False,
        )
        run.done.connect(lambda _result: done())
        run.failed.connect(failed)
        self.running = run.start()

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.show_busy(busy)
        self._selection_changed()

    def _on_change(self, change: Change) -> None:
        if change.kind != CONTACTS:
            return
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self._stale:
            self.reload()


def build_page(window: PageHost) -> TrashPage:
    """The trash in the main window (``main_window.PAGES``)."""
    return TrashPage(window.ctx)
