"""Global search (Ctrl+K): contacts, companies and deals at once, as the user types.

The search box keeps the keyboard focus: Up and Down move through the results, Enter
opens the highlighted one, Escape closes the dialog. Opening a result only emits a
signal (``contact_chosen``, ``company_chosen``, ``deal_chosen``); the window decides
which screen shows it.

Each search runs on the thread pool so that typing never waits for the database; only
the newest search's answer is shown, older ones are dropped when they arrive.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.locale import format_phone
from crm_desktop.services.global_search import DealHit, SearchResults, search_everything
from crm_desktop.services.records import CompanyRecord, ContactRecord
from crm_desktop.ui.widgets.background import BackgroundJob
from crm_desktop.ui.widgets.context import COMPANIES, CONTACTS, AppContext, Change
from crm_desktop.ui.widgets.display import display_number, left_to_right, persian_digits_enabled
from crm_desktop.ui.widgets.value_names import row_name

SEARCH_DELAY_MS = 150
RESULTS_PER_KIND = 8
KIND_ROLE = Qt.ItemDataRole.UserRole
ID_ROLE = Qt.ItemDataRole.UserRole + 1
CONTACT, COMPANY, DEAL = "contact", "company", "deal"
MOVE_KEYS = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def bring_to_front(window: QWidget) -> None:
    window.show()
    # The offscreen platform (tests, selfcheck) has no stacking order and warns.
    if QGuiApplication.platformName() != "offscreen":
        window.raise_()
    window.activateWindow()


RESULT_COLUMNS = 4
DIALOG_WIDTH = 680
ROW_PADDING = 4  # a tree row is its text's height and a few pixels
CHROME_HEIGHT = 40  # the dialog's margins, spacing and the list's frame
FRAME_HEIGHT = 60  # the window manager's title bar, and room around the dialog
COLUMN_GAP = 16  # between one column's text and the next


class GlobalSearchDialog(QDialog):
    contact_chosen = Signal(str)
    company_chosen = Signal(str)
    deal_chosen = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("globalSearch")
        self.setWindowTitle(self.tr("جستجوی همه‌جا"))
        self.setModal(False)

        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("globalSearchEdit")
        self.search_edit.setPlaceholderText(self.tr("نام، شرکت، تلفن، ایمیل یا عنوان معامله…"))
        self.search_edit.setClearButtonEnabled(True)
        self.results = QTreeWidget()
        self.results.setObjectName("globalSearchResults")
        self.results.setHeaderHidden(True)
        # One column per part (name, company, phone...): no mixing of Persian and Latin
        # in one line for the bidi algorithm to reorder.
        self.results.setColumnCount(RESULT_COLUMNS)
        self.results.setRootIsDecorated(False)
        self.results.setIndentation(12)
        self.results.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # Columns are fitted to the width (long names end in "…"): never a sideways scroll.
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.results.header().setStretchLastSection(False)
        self.empty_label = QLabel()
        self.empty_label.setObjectName("globalSearchEmpty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        layout = QVBoxLayout(self)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.empty_label)
        self._fit_to_screen()

        self._generation = 0
        self._jobs: dict[int, BackgroundJob] = {}  # kept until they report
        self._open_when_found = False  # Enter came before the answer
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run_search)
        self.search_edit.textChanged.connect(self._timer.start)
        self.search_edit.installEventFilter(self)
        self.results.itemActivated.connect(self._activate)
        self.results.itemClicked.connect(self._activate)
        ctx.changes.changed.connect(self._changed)
        self.show_results(SearchResults([], [], []))

    # -- behaviour ----------------------------------------------------------------------

    def start(self) -> None:
        """Show the dialog with the last text selected, ready to type over."""
        bring_to_front(self)
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def run_search(self) -> None:
        """Start searching for the current text; the answer arrives in ``_found``."""
        self._timer.stop()
        self._generation += 1
        db, text = self.ctx.db, self.search_edit.text()
        job = BackgroundJob(
            self._generation, lambda: search_everything(db, text, limit=RESULTS_PER_KIND)
        )
        job.signals.done.connect(self._found)
        job.signals.failed.connect(self._search_failed)
        self._jobs[self._generation] = job
        QThreadPool.globalInstance().start(job)

    def searching(self) -> bool:
        """Whether the text typed has not been answered yet."""
        return self._timer.isActive() or self._generation in self._jobs

    def _found(self, generation: int, found: object) -> None:
        self._jobs.pop(generation, None)
        if generation != self._generation:  # the user typed on since: a newer one comes
            return
        assert isinstance(found, SearchResults)
        self.show_results(found)
        if self._open_when_found:
            self._open_when_found = False
            item = self.results.currentItem()
            if item is not None:
                self._activate(item)

    def _search_failed(self, generation: int, error: object) -> None:
        self._jobs.pop(generation, None)
        if generation == self._generation:
            self._open_when_found = False
            self.show_results(SearchResults([], [], []))
            self.empty_label.setText(self.tr("جستجو انجام نشد: %1").replace("%1", str(error)))
            self.empty_label.setVisible(True)

    def _changed(self, change: Change) -> None:
        if change.kind in (CONTACTS, COMPANIES) and self.isVisible():
            self.run_search()

    def hits(self) -> list[tuple[str, str, str]]:
        """(kind, id, first column's text) of every result in display order."""
        return [
            (str(item.data(0, KIND_ROLE)), str(item.data(0, ID_ROLE)), item.text(0))
            for item in self._hit_items()
        ]

    def current_hit(self) -> tuple[str, str] | None:
        item = self.results.currentItem()
        if item is None or not item.data(0, ID_ROLE):
            return None
        return str(item.data(0, KIND_ROLE)), str(item.data(0, ID_ROLE))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.search_edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in MOVE_KEYS:
                step = -1 if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_PageUp) else 1
                self._move(step)
                return True
            if event.key() in ENTER_KEYS:
                if self.searching():  # typed fast and pressed Enter: open the answer
                    self._open_when_found = True
                    if self._timer.isActive():
                        self.run_search()
                    return True
                item = self.results.currentItem()
                if item is not None:
                    self._activate(item)
                return True
        return super().eventFilter(watched, event)

    def _move(self, step: int) -> None:
        items = self._hit_items()
        if not items:
            return
        current = self.results.currentItem()
        index = items.index(current) + step if current in items else 0
        self.results.setCurrentItem(items[max(0, min(index, len(items) - 1))])

    def _hit_items(self) -> list[QTreeWidgetItem]:
        items: list[QTreeWidgetItem] = []
        for group in range(self.results.topLevelItemCount()):
            header = self.results.topLevelItem(group)
            assert header is not None
            items.extend(header.child(row) for row in range(header.childCount()))  # type: ignore[misc]
        return items

    def _activate(self, item: QTreeWidgetItem) -> None:
        kind, hit_id = item.data(0, KIND_ROLE), item.data(0, ID_ROLE)
        if not hit_id:
            return
        self.accept()
        signal = {CONTACT: self.contact_chosen, COMPANY: self.company_chosen}.get(
            kind, self.deal_chosen
        )
        signal.emit(str(hit_id))

    # -- view ---------------------------------------------------------------------------

    def show_results(self, found: SearchResults) -> None:
        self.results.clear()
        persian = persian_digits_enabled()
        groups = [
            (
                CONTACT,
                self.tr("مخاطبان"),
                [(c.id, self._contact_text(c, persian)) for c in found.contacts],
            ),
            (COMPANY, self.tr("شرکت‌ها"), [(c.id, self._company_text(c)) for c in found.companies]),
            (DEAL, self.tr("معامله‌ها"), [(d.id, self._deal_text(d)) for d in found.deals]),
        ]
        for kind, title, hits in groups:
            if not hits:
                continue
            header = QTreeWidgetItem(self.results, [title])
            header.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = header.font(0)
            font.setBold(True)
            header.setFont(0, font)
            header.setFirstColumnSpanned(True)
            for hit_id, parts in hits:
                item = QTreeWidgetItem(header, parts)
                item.setData(0, KIND_ROLE, kind)
                item.setData(0, ID_ROLE, hit_id)
            header.setExpanded(True)
        self._fit_columns()
        items = self._hit_items()
        if items:
            self.results.setCurrentItem(items[0])
        typed = bool(self.search_edit.text().strip())
        self.empty_label.setText(self.tr("چیزی پیدا نشد.") if typed and not items else "")
        self.empty_label.setVisible(typed and not items)

    def _fit_columns(self) -> None:
        """Each column as wide as its contents, the text columns (name, company) made
        narrower when together they pass the list's width; numbers stay whole."""
        view = self.results
        wanted = [view.sizeHintForColumn(c) + COLUMN_GAP for c in range(RESULT_COLUMNS)]
        wanted = [max(w, COLUMN_GAP) for w in wanted]
        room = view.viewport().width() - view.indentation()
        excess = sum(wanted) - room
        shrinkable = [0, 1]
        if excess > 0:
            total = sum(wanted[c] for c in shrinkable)
            for c in shrinkable:
                wanted[c] -= excess * wanted[c] // max(total, 1) + 1
        for column, width in enumerate(wanted):
            view.setColumnWidth(column, max(width, COLUMN_GAP))

    def _fit_to_screen(self) -> None:
        """Tall enough for every result of the three kinds with their headings (so the
        last one is not cut), within the screen."""
        row = self.fontMetrics().height() + ROW_PADDING
        rows = 3 * (RESULTS_PER_KIND + 1)
        height = rows * row + self.search_edit.sizeHint().height() + CHROME_HEIGHT
        screen = self.screen() or QGuiApplication.primaryScreen()
        available = screen.availableGeometry().height() - FRAME_HEIGHT
        self.resize(DIALOG_WIDTH, min(height, available))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit_columns()

    def _contact_text(self, contact: ContactRecord, persian: bool) -> list[str]:
        if contact.phones:
            reach = left_to_right(format_phone(contact.phones[0], persian_digits=persian))
        else:
            reach = left_to_right(contact.emails[0]) if contact.emails else ""
        return [contact.full_name, contact.company or "", reach]

    def _company_text(self, company: CompanyRecord) -> list[str]:
        return [company.name, self.tr("%1 نفر").replace("%1", display_number(company.people))]

    def _deal_text(self, deal: DealHit) -> list[str]:
        amount = self.tr("%1 ریال").replace("%1", display_number(deal.amount))
        return [deal.title, deal.company or "", row_name(deal.stage), amount]
