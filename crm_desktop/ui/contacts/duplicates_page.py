"""The duplicates screen: groups of contacts that are likely one person, to merge.

Finding the groups reads every phone, email and company name, so it runs on the
thread pool (a ``BackgroundJob``) and hands back plain records; the page shows
"در حال جستجو…" meanwhile and stays usable. A search asked for while one runs starts
once that one ends, and only the newest result is shown. ``DuplicatesView`` is the
widgets; ``DuplicatesPage`` wires them and is what the rest of the interface uses.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QThreadPool, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.errors import UserError
from crm_desktop.models.database import Database
from crm_desktop.services.contacts import get_contacts
from crm_desktop.services.duplicates import find_duplicate_groups
from crm_desktop.ui.contacts.duplicates_model import DuplicatesModel, GroupRow
from crm_desktop.ui.contacts.merge_dialog import MergeDialog
from crm_desktop.ui.widgets.background import BackgroundJob
from crm_desktop.ui.widgets.context import CONTACTS, AppContext, Change, PageHost
from crm_desktop.ui.widgets.display import display_number
from crm_desktop.ui.widgets.widgets import heading

# More groups than this is a cleanup job for an import, not for this screen.
MAX_GROUPS = 500
COLUMN_WIDTHS = (220, 180, 250, 230, 100)


def load_groups(db: Database, limit: int = MAX_GROUPS) -> list[GroupRow]:
    """The groups and their members' records (runs on a worker thread)."""
    groups = find_duplicate_groups(db, limit=limit)
    ids = [cid for group in groups for cid in group.contact_ids]
    records = {r.id: r for r in get_contacts(db, ids)}
    rows = []
    for group in groups:
        members = tuple(records[i] for i in group.contact_ids if i in records)
        if len(members) > 1:
            rows.append(GroupRow(group, members))
    return rows


class DuplicatesView(QWidget):
    """Widgets of the duplicates screen; no data access and no signal wiring."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title_label = heading(self.tr("مخاطبان تکراری"))
        self.status_label = QLabel()
        self.status_label.setObjectName("duplicatesStatus")
        self.refresh_button = QPushButton(self.tr("جستجوی دوباره"))
        self.refresh_button.setObjectName("refreshDuplicates")
        self.merge_button = QPushButton(self.tr("ادغام…"))
        self.merge_button.setObjectName("mergeGroup")
        self.dismiss_button = QPushButton(self.tr("این‌ها تکراری نیستند"))
        self.dismiss_button.setObjectName("notDuplicates")
        self.hint_label = QLabel(
            self.tr("قدیمی‌ترین مخاطب هر گروه (اولین ردیف) برای ماندن پیشنهاد می‌شود.")
        )
        self.hint_label.setObjectName("duplicatesHint")

        self.tree = QTreeView()
        self.tree.setObjectName("duplicateGroups")
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setUniformRowHeights(True)
        self.tree.setExpandsOnDoubleClick(False)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.tree.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter)

        top = QHBoxLayout()
        top.addWidget(self.title_label)
        top.addSpacing(24)
        top.addWidget(self.status_label)
        top.addStretch(1)
        top.addWidget(self.refresh_button)
        actions = QHBoxLayout()
        actions.addWidget(self.merge_button)
        actions.addWidget(self.dismiss_button)
        actions.addSpacing(16)
        actions.addWidget(self.hint_label)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addLayout(actions)
        layout.addWidget(self.tree, 1)

    def lay_out_groups(self) -> None:
        """Open every group, let its summary span the row, and size the columns."""
        model = self.tree.model()
        for row in range(model.rowCount()):
            self.tree.setFirstColumnSpanned(row, QModelIndex(), True)
        self.tree.expandAll()
        for column, width in enumerate(COLUMN_WIDTHS):
            self.tree.setColumnWidth(column, width)


class DuplicatesPage(DuplicatesView):
    """Finds the groups off the UI thread, merges a chosen one, hides a dismissed one."""

    contact_activated = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_duplicates")
        self.ctx = ctx
        self.model = DuplicatesModel(self)
        self.tree.setModel(self.model)
        self.merge_dialog: MergeDialog | None = None
        self._dismissed: set[frozenset[str]] = set()
        self._generation = 0
        self._running: BackgroundJob | None = None
        self._again = False  # a search was asked for while one ran
        self._stale = True  # nothing shown yet, or contacts changed while hidden
        self._wire()
        self._update_buttons()

    def _wire(self) -> None:
        self.refresh_button.clicked.connect(self.refresh)
        self.merge_button.clicked.connect(self.merge_selected)
        self.dismiss_button.clicked.connect(self.dismiss_selected)
        self.tree.doubleClicked.connect(self._activate)
        self.tree.selectionModel().selectionChanged.connect(self._update_buttons)
        self.ctx.changes.changed.connect(self._on_change)

    # -- searching -------------------------------------------------------------------------

    def is_searching(self) -> bool:
        return self._running is not None

    def refresh(self) -> None:
        """Search again now (or as soon as the running search ends)."""
        self._stale = False
        if self._running is not None:
            self._again = True
            return
        self._generation += 1
        db = self.ctx.db
        search = BackgroundJob(self._generation, lambda: load_groups(db))
        search.signals.done.connect(self._show_groups)
        search.signals.failed.connect(self._show_failure)
        self._running = search
        self.status_label.setText(self.tr("در حال جستجو…"))
        self.refresh_button.setEnabled(False)
        QThreadPool.globalInstance().start(search)

    def _search_ended(self, generation: int) -> bool:
        """Forget the finished search; True when its result is still the one to show."""
        if self._running is None or generation != self._running.generation:
            return False
        self._running = None
        self.refresh_button.setEnabled(True)
        if self._again:
            self._again = False
            self.refresh()
            return False
        return True

    def _show_groups(self, generation: int, rows: list[GroupRow]) -> None:
        if not self._search_ended(generation):
            return
        self._set_rows([row for row in rows if row.key not in self._dismissed])

    def _show_failure(self, generation: int, error: Exception) -> None:
        if self._search_ended(generation):
            message = error.message(self.ctx.lang) if isinstance(error, UserError) else str(error)
            self.status_label.setText(
                self.tr("جستجوی تکراری‌ها انجام نشد: %1").replace("%1", message)
            )

    def _set_rows(self, rows: list[GroupRow]) -> None:
        self.model.set_groups(rows)
        self.lay_out_groups()
        if rows:
            text = self.tr("%1 گروه احتمالاً تکراری").replace("%1", display_number(len(rows)))
        else:
            text = self.tr("مخاطب تکراری پیدا نشد")
        self.status_label.setText(text)
        self._update_buttons()

    def _on_change(self, change: Change) -> None:
        if change.kind != CONTACTS:
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self._stale:
            self.refresh()

    # -- acting on a group ----------------------------------------------------------------

    def selected_group(self) -> GroupRow | None:
        indexes = self.tree.selectionModel().selectedRows()
        return self.model.group_at(indexes[0]) if indexes else None

    def select_group(self, row: int) -> None:
        self.tree.setCurrentIndex(self.model.group_index(row))

    def _update_buttons(self) -> None:
        chosen = self.selected_group() is not None
        self.merge_button.setEnabled(chosen)
        self.dismiss_button.setEnabled(chosen)

    def merge_selected(self) -> None:
        group = self.selected_group()
        if group is None:
            return
        if self.merge_dialog is not None:
            self.merge_dialog.close()
        self.merge_dialog = MergeDialog(self.ctx, list(group.group.contact_ids), self)
        self.merge_dialog.show()  # non-modal: the list stays usable beside it

    def dismiss_selected(self) -> None:
        """Hide the chosen group until the application closes."""
        group = self.selected_group()
        if group is None:
            return
        self._dismissed.add(group.key)
        self._set_rows([row for row in self.model.groups() if row.key != group.key])

    def _activate(self, index: QModelIndex) -> None:
        record = self.model.contact_at(index)
        if record is not None:
            self.contact_activated.emit(record.id)


def build_page(window: PageHost) -> DuplicatesPage:
    """The duplicates page in the main window (``main_window.PAGES``)."""
    page = DuplicatesPage(window.ctx)
    page.contact_activated.connect(window.open_contact)
    return page
