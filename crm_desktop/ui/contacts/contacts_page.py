"""The contacts screen: search, filters, the paged table and bulk actions.

``ContactsView`` is widgets and layout only; ``ContactsController`` owns the model,
wires the signals and calls the services; ``ContactsPage`` joins the two and is what
the rest of the interface uses (its signals and four methods).
"""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QObject,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.errors import UserError
from crm_desktop.services import contact_list, segments
from crm_desktop.services.contact_list import ContactFilter, ContactSort, FilterChoices
from crm_desktop.ui.contacts.column_chooser import ColumnChooser
from crm_desktop.ui.contacts.contact_actions import ContactActions, error_message
from crm_desktop.ui.contacts.contact_filters import ContactFilterPanel
from crm_desktop.ui.contacts.contact_table_model import (
    PAGE_SIZE,
    ContactTableModel,
    FirstPage,
    fetch_first_page,
    sort_column,
)
from crm_desktop.ui.contacts.export_action import ListExport, export_list
from crm_desktop.ui.widgets.background import BackgroundJob
from crm_desktop.ui.widgets.commands import perform
from crm_desktop.ui.widgets.context import CONTACTS, USERS, AppContext, Change, PageHost
from crm_desktop.ui.widgets.display import display_number, isolate
from crm_desktop.ui.widgets.widgets import heading, list_table

SEARCH_DELAY_MS = 100
# Selections up to this many rows are found again after the list is re-counted.
KEEP_SELECTION_ROWS = 2000


class ContactsView(QWidget):
    """Widgets of the contacts screen; no data access and no signal wiring."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_contacts")

        self._build_top()
        self.filter_panel = ContactFilterPanel()
        self.filter_panel.hide()
        self._build_actions()
        self._build_table()
        self._lay_out()

    def _build_top(self) -> None:
        self.title_label = heading(self.tr("مخاطبان"))

        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("contactSearch")
        self.search_edit.setPlaceholderText(self.tr("جستجو در نام، شرکت، تلفن، ایمیل…"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(220)

        self.filter_button = QToolButton()
        self.filter_button.setObjectName("toggleFilters")
        self.filter_button.setCheckable(True)
        self.filter_button.setText(self.tr("فیلترها"))
        self.new_button = QPushButton(self.tr("مخاطب جدید"))
        self.new_button.setObjectName("newContact")
        self.export_button = QPushButton(self.tr("خروجی اکسل…"))
        self.export_button.setObjectName("exportContacts")
        self.export_button.setToolTip(self.tr("فهرست همان‌طور که دیده می‌شود در یک فایل اکسل"))
        self.count_label = QLabel()
        self.count_label.setObjectName("contactCount")

    def _build_actions(self) -> None:
        self.action_bar = QToolBar()
        self.action_bar.setObjectName("contactActions")
        self.action_bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.selection_label = QLabel()
        self.selection_label.setObjectName("selectionCount")
        self.context_menu = QMenu(self)
        self.context_menu.setObjectName("contactContextMenu")

    def _build_table(self) -> None:
        self.table = list_table("contactTable", multi_select=True)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header = self.table.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.title_label)
        top.addSpacing(24)
        top.addWidget(self.search_edit, 1)
        top.addWidget(self.filter_button)
        top.addSpacing(12)
        top.addWidget(self.new_button)

        actions_row = QHBoxLayout()
        actions_row.addWidget(self.action_bar)
        actions_row.addWidget(self.selection_label)
        actions_row.addStretch(1)
        actions_row.addWidget(self.count_label)
        actions_row.addWidget(self.export_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addWidget(self.filter_panel)
        layout.addLayout(actions_row)
        layout.addWidget(self.table, 1)

    def install_actions(self, actions: ContactActions) -> None:
        """Put the bulk actions in the toolbar and the table's context menu."""
        for menu in actions.menus():
            self.action_bar.addAction(menu.menuAction())
            button = self.action_bar.widgetForAction(menu.menuAction())
            if isinstance(button, QToolButton):
                button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.action_bar.addAction(actions.delete_action)
        self.table.addAction(actions.delete_action)
        for menu in actions.menus():
            self.context_menu.addMenu(menu)
        self.context_menu.addAction(actions.send_action)
        self.context_menu.addSeparator()
        self.context_menu.addAction(actions.delete_action)

    def show_count(self, shown: int, total: int, *, filtered: bool) -> None:
        if shown == 0 and filtered:
            self.count_label.setText(self.tr("مخاطبی پیدا نشد"))
        elif filtered:
            text = self.tr("%1 از %2 مخاطب")
            self.count_label.setText(
                text.replace("%1", display_number(shown)).replace("%2", display_number(total))
            )
        else:
            self.count_label.setText(self.tr("%1 مخاطب").replace("%1", display_number(shown)))

    def show_selection(self, count: int) -> None:
        self.selection_label.setText(
            self.tr("%1 انتخاب‌شده").replace("%1", display_number(count)) if count else ""
        )

    def show_filter_count(self, count: int) -> None:
        text = self.tr("فیلترها")
        self.filter_button.setText(f"{text} ({display_number(count)})" if count else text)


class ContactsController(QObject):
    """Runs the query as the user types or filters; acts on the selection."""

    def __init__(self, ctx: AppContext, page: ContactsPage) -> None:
        super().__init__(page)
        self.ctx = ctx
        self.page = page
        self.model = ContactTableModel(ctx.db, self)
        page.table.setModel(self.model)
        self.columns = ColumnChooser(page.table.horizontalHeader(), self)
        self.columns.apply_widths(page.table)
        self.columns.restore()
        self.actions = ContactActions(ctx, self.selected_ids, page)
        page.install_actions(self.actions)
        self._all_count = 0
        # The pickers' and menus' values: loaded on the worker when first needed, and
        # again when next shown after a change made them stale.
        self._choices_loaded = False
        self._choices_stale = True
        self._choices_job: BackgroundJob | None = None

        # Queries run one at a time on their own thread, newest answer shown. What was
        # asked last (not what is shown) is what every new query starts from.
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._order_job: BackgroundJob | None = None
        self._generation = 0
        self._jobs: dict[int, BackgroundJob] = {}
        self._keep_position: set[int] = set()  # generations that re-read after a change
        self._requested_filter = ContactFilter()
        self._requested_sort = ContactSort()
        # Typing fires one query after a short pause, not one per key press.
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self._wire()
        self._recount_all()
        self.model.refresh()  # the first page is painted with the page: worth waiting for
        self._read_whole_order()
        self._requested_filter, self._requested_sort = self.model.filter, self.model.sort_order
        self._sync_sort_indicator(self.model.sort_order)
        self._after_query()

    def _wire(self) -> None:
        page = self.page
        self.search_timer.timeout.connect(self.apply_search)
        page.search_edit.textChanged.connect(self.search_timer.start)
        page.search_edit.returnPressed.connect(self.apply_search)
        page.filter_button.toggled.connect(self._toggle_filters)
        page.filter_panel.changed.connect(self._filters_changed)
        page.filter_panel.segment_name_chosen.connect(self.save_segment)
        page.new_button.clicked.connect(page.new_contact_requested)
        page.export_button.clicked.connect(self.export_list)
        page.table.horizontalHeader().sortIndicatorChanged.connect(self._sort_clicked)
        page.table.selectionModel().selectionChanged.connect(self._selection_changed)
        page.table.doubleClicked.connect(self._activate)
        page.table.installEventFilter(self)
        page.table.customContextMenuRequested.connect(self._show_context_menu)
        self.actions.failed.connect(self._show_error)
        self.actions.finished.connect(self._selection_changed)
        for menu in (*self.actions.menus(), *(p.menu() for p in page.filter_panel.pickers())):
            menu.aboutToShow.connect(self._ensure_choices)
        self.ctx.changes.changed.connect(self._on_change)

    # -- queries ------------------------------------------------------------------------

    def current_filter(self) -> ContactFilter:
        return self.page.filter_panel.filter_with(self.page.search_edit.text().strip())

    def apply_search(self) -> None:
        """Typing paused: search on the worker thread, so the next keystroke never waits."""
        self.search_timer.stop()
        wanted = self.current_filter()
        if wanted != self._requested_filter:  # not what is shown: that may be on its way out
            self._query_in_background(wanted)

    def apply_filter(self, flt: ContactFilter) -> None:
        self.page.filter_panel.show_filter(flt)
        edit = self.page.search_edit
        edit.blockSignals(True)
        edit.setText(flt.search)
        edit.blockSignals(False)
        self.search_timer.stop()
        self._query_in_background(flt)

    def current_sort(self) -> ContactSort:
        return self._requested_sort

    def export_list(self) -> ListExport:
        """The list as asked for (filters, search, sort) to an Excel file."""
        return export_list(
            self.page,
            self.ctx,
            "contacts",
            contact_filter=self.current_filter(),
            contact_sort=self.current_sort(),
        )

    def _filters_changed(self) -> None:
        self.search_timer.stop()
        self._query_in_background(self.current_filter())

    def _query_in_background(
        self,
        flt: ContactFilter | None = None,
        sort: ContactSort | None = None,
        *,
        keep_position: bool = False,
    ) -> None:
        """Only the newest query's answer is shown: an older one arriving late is dropped.

        The filter and the sort not given are the ones last asked for, so a filter
        picked while a sort is on its way keeps that sort.
        """
        self._generation += 1
        self._requested_filter = flt = self._requested_filter if flt is None else flt
        self._requested_sort = sort = self._requested_sort if sort is None else sort
        db = self.ctx.db
        job = BackgroundJob(self._generation, lambda: fetch_first_page(db, flt, sort))
        job.signals.done.connect(self._show_result)
        job.signals.failed.connect(self._query_failed)
        self._jobs[self._generation] = job
        if keep_position:
            self._keep_position.add(self._generation)
        self._pool.start(job)
        self.page.show_filter_count(self.page.filter_panel.active_count())  # at once

    def query_running(self) -> bool:
        return bool(self._jobs)

    def working(self) -> bool:
        """Whether anything of this page still runs on its worker (queries, choices)."""
        return not self._pool.waitForDone(0)

    def _show_result(self, generation: int, first: FirstPage) -> None:
        self._jobs.pop(generation, None)
        keep = generation in self._keep_position
        self._keep_position.discard(generation)
        if generation != self._generation:
            return
        if keep and first.filter == self.model.filter and first.sort == self.model.sort_order:
            self._show_keeping_position(first)
        else:
            self.model.show(first)
            self.page.table.scrollToTop()
        self._sync_sort_indicator(first.sort)
        self._after_query()
        self._read_whole_order()

    def _read_whole_order(self) -> None:
        """The unfiltered list in name order is read a page at a time (fast to show), but
        a jump deep into 100,000 rows pays for an OFFSET walk: read every id once in the
        background (on the shared pool, so that searches never queue behind it)."""
        flt, sort = self.model.filter, self.model.sort_order
        if flt != ContactFilter() or sort != ContactSort():
            return
        db = self.ctx.db
        job = BackgroundJob(self._generation, lambda: contact_list.page(db, flt, sort))
        job.signals.done.connect(lambda _gen, ids: self.model.adopt_order(flt, sort, ids))
        self._order_job = job  # kept until it reports (see BackgroundJob)
        QThreadPool.globalInstance().start(job)

    def _query_failed(self, generation: int, error: Exception) -> None:
        self._jobs.pop(generation, None)
        self._keep_position.discard(generation)
        if generation == self._generation:
            self._show_error(error_message(error, self.ctx.lang))

    def _after_query(self) -> None:
        flt = self.model.filter
        self.page.show_count(
            self.model.rowCount(), self._all_count, filtered=flt != ContactFilter()
        )
        self.page.show_filter_count(self.page.filter_panel.active_count())
        self._selection_changed()

    def _recount_all(self) -> None:
        self._all_count = contact_list.count(self.ctx.db, ContactFilter())

    def _sort_clicked(self, column: int, order: Qt.SortOrder) -> None:
        """Sorting 100,000 rows by a column takes a moment: on the worker thread."""
        wanted = self.model.sort_for(column, order)
        if wanted is not None and wanted != self._requested_sort:
            self._query_in_background(sort=wanted)
        else:
            self._sync_sort_indicator(self._requested_sort)

    def _sync_sort_indicator(self, sort: ContactSort) -> None:
        header = self.page.table.horizontalHeader()
        order = Qt.SortOrder.DescendingOrder if sort.descending else Qt.SortOrder.AscendingOrder
        header.blockSignals(True)
        header.setSortIndicator(sort_column(sort), order)
        header.blockSignals(False)

    # -- choices for the pickers and menus (a few hundred ms at 100,000: on the worker) --

    def _ensure_choices(self) -> None:
        """Load the choices if a change made them stale; they fill in when they arrive."""
        if not self._choices_stale or self._choices_job is not None:
            return
        self._choices_stale = False  # a change while loading marks them stale again
        db = self.ctx.db
        job = BackgroundJob(0, lambda: contact_list.filter_choices(db))
        job.signals.done.connect(self._show_choices)
        job.signals.failed.connect(self._choices_failed)
        self._choices_job = job
        self._pool.start(job)

    def choices_loading(self) -> bool:
        return self._choices_job is not None

    def _show_choices(self, _generation: int, choices: FilterChoices) -> None:
        self._choices_job = None
        self._choices_loaded = True
        self.page.filter_panel.set_choices(choices)
        self.actions.set_choices(choices)

    def _choices_failed(self, _generation: int, error: Exception) -> None:
        self._choices_job = None
        self._choices_stale = True
        self._show_error(error_message(error, self.ctx.lang))

    def _toggle_filters(self, shown: bool) -> None:
        if shown:
            self._ensure_choices()
        self.page.filter_panel.setVisible(shown)

    # -- selection ----------------------------------------------------------------------

    def _selected_intervals(self) -> list[tuple[int, int]]:
        """Selected rows as merged (first, last) intervals: no index per row."""
        intervals = sorted(
            (r.top(), r.bottom()) for r in self.page.table.selectionModel().selection().toList()
        )
        merged: list[tuple[int, int]] = []
        for first, last in intervals:
            if merged and first <= merged[-1][1] + 1:
                merged[-1] = (merged[-1][0], max(merged[-1][1], last))
            else:
                merged.append((first, last))
        return merged

    def selected_ids(self) -> list[str]:
        ids: list[str] = []
        for first, last in self._selected_intervals():
            ids.extend(self.model.ids_in_rows(first, last))
        return [i for i in dict.fromkeys(ids) if i]

    def _selection_changed(self) -> None:
        count = sum(last - first + 1 for first, last in self._selected_intervals())
        self.page.show_selection(count)
        self.actions.set_enabled(count > 0 and not self.actions.busy)
        if count and not self._choices_loaded:
            self._ensure_choices()  # ready before the menus are opened

    def _show_context_menu(self, pos: object) -> None:
        if self._selected_intervals():
            self._ensure_choices()
            self.page.context_menu.popup(self.page.table.viewport().mapToGlobal(pos))  # type: ignore[call-overload]

    def _activate(self, index: object) -> None:
        row = getattr(index, "row", lambda: -1)()
        if 0 <= row < self.model.rowCount():
            contact_id = self.model.contact_id(row)
            if contact_id:
                self.page.contact_activated.emit(contact_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (
            watched is self.page.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self._activate(self.page.table.currentIndex())
            return True
        return super().eventFilter(watched, event)

    # -- changes from anywhere ----------------------------------------------------------

    def _on_change(self, change: Change) -> None:
        if change.kind in (CONTACTS, USERS):
            self._choices_stale = True  # read again when the panel or a menu is next shown
        if change.kind == CONTACTS:
            self._recount_all()
            self.reload()

    def reload(self) -> None:
        """Query again on the worker; the answer keeps scroll and selection where it can."""
        self._query_in_background(keep_position=True)

    def _show_keeping_position(self, first: FirstPage) -> None:
        """Show a re-read of the same query, keeping scroll and selection where possible."""
        table, model = self.page.table, self.model
        intervals = self._selected_intervals()
        everything = intervals == [(0, model.rowCount() - 1)] and model.rowCount() > 0
        kept: list[str] = []
        span = (intervals[0][0], intervals[-1][1]) if intervals else (0, -1)
        if not everything and 0 < span[1] - span[0] + 1 <= KEEP_SELECTION_ROWS:
            kept = self.selected_ids()
        current = table.currentIndex()
        current_id = model.contact_id(current.row()) if current.isValid() else ""
        current_column = max(current.column(), 0)
        if current.isValid():
            span = (min(span[0], current.row()), max(span[1], current.row()))
        scroll = table.verticalScrollBar().value()

        model.show(first)
        table.verticalScrollBar().setValue(scroll)
        if everything:
            table.selectAll()
        elif kept or current_id:
            self._reselect(kept, current_id, current_column, span)

    def _reselect(
        self, ids: list[str], current_id: str, column: int, span: tuple[int, int]
    ) -> None:
        """Select ``ids`` again at their new rows, looking near where they were."""
        model, table = self.model, self.page.table
        first = max(span[0] - PAGE_SIZE, 0)
        last = span[1] + PAGE_SIZE
        rows = {cid: first + i for i, cid in enumerate(model.ids_in_rows(first, last))}
        selection = QItemSelection()
        right = model.columnCount() - 1
        for cid in ids:
            if cid in rows:
                row = rows[cid]
                selection.select(model.index(row, 0), model.index(row, right))
        selections = table.selectionModel()
        flags = QItemSelectionModel.SelectionFlag
        if current_id in rows:
            selections.setCurrentIndex(model.index(rows[current_id], column), flags.NoUpdate)
        selections.select(selection, flags.ClearAndSelect)

    # -- saved lists ----------------------------------------------------------------------

    def save_segment(self, name: str) -> None:
        """Save the current filter as a list in the navigation, as one undo step."""
        db, flt = self.ctx.db, self.current_filter()
        text = self.tr("ذخیرهٔ فهرست «%1»").replace("%1", isolate(name.strip()))
        try:
            perform(
                self.ctx,
                text,
                lambda: segments.save_segment(db, name, flt),
            )
        except UserError as error:
            self._show_error(error.message(self.ctx.lang))

    def _show_error(self, message: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("مخاطبان"), message, parent=self.page)
        box.setObjectName("contactsError")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.page.error_box = box
        box.open()


class ContactsPage(ContactsView):
    """The contacts list over ``ctx``; what the main window and others talk to."""

    contact_activated = Signal(str)  # double-click or Enter on a row
    new_contact_requested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.error_box: QMessageBox | None = None
        self.controller = ContactsController(ctx, self)
        self.model = self.controller.model

    @property
    def busy_dialog(self) -> QProgressDialog | None:
        """The progress of a bulk action on a large selection, while it runs."""
        run = self.controller.actions.running
        return run.dialog if run is not None else None

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def apply_filter(self, flt: ContactFilter) -> None:
        """Show ``flt`` (a saved list, say): the search box and the panel follow it."""
        self.controller.apply_filter(flt)

    def current_filter(self) -> ContactFilter:
        return self.controller.current_filter()

    def selected_ids(self) -> list[str]:
        return self.controller.selected_ids()

    def current_sort(self) -> ContactSort:
        return self.controller.current_sort()

    def export_list(self) -> ListExport:
        """Ask for a file and export the contacts as listed (filters, search, sort)."""
        return self.controller.export_list()


def build_page(window: PageHost) -> ContactsPage:
    """The contacts page in the main window (``main_window.PAGES``)."""
    page = ContactsPage(window.ctx)
    page.contact_activated.connect(window.open_contact)
    page.new_contact_requested.connect(window.new_contact)
    return page
