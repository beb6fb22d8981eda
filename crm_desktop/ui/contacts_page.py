"""The contacts screen: a search box, a count, and the contacts table.

``ContactsPage`` is the view (widgets and layout only); ``ContactsController`` owns
the table model, wires the signals and calls the services.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.models.database import Database
from crm_desktop.ui.contact_table_model import COLUMN_KEYS, ContactTableModel
from crm_desktop.ui.display import display_number

SEARCH_DELAY_MS = 100
ROW_HEIGHT = 32

# Starting widths in pixels, chosen so that every column fits a 1280-pixel-wide window
# (the usual office laptop); the user can drag them and the last column stretches.
COLUMN_WIDTHS = {
    "name": 160,
    "company": 160,
    "job_title": 125,
    "mobile": 120,
    "email": 190,
    "city": 80,
    "owner": 105,
    "lifecycle": 90,
}


class ContactsPage(QWidget):
    """Widgets of the contacts screen; no data access and no signal wiring."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_contacts")

        self.title_label = QLabel(self.tr("مخاطبین"))
        self.title_label.setObjectName("pageTitle")
        title_font = self.title_label.font()
        title_font.setPointSizeF(title_font.pointSizeF() * 1.4)
        title_font.setBold(True)
        self.title_label.setFont(title_font)

        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("contactSearch")
        self.search_edit.setPlaceholderText(self.tr("جستجو در نام، شرکت، تلفن، ایمیل…"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(220)

        self.count_label = QLabel()
        self.count_label.setObjectName("contactCount")

        self.table = QTableView()
        self.table.setObjectName("contactTable")
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setShowGrid(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().hide()
        # Fixed row heights let the view lay out 100,000 rows without asking for them.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter)

        top = QHBoxLayout()
        top.addWidget(self.title_label)
        top.addSpacing(24)
        top.addWidget(self.search_edit, 1)
        top.addSpacing(12)
        top.addWidget(self.count_label)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)

    def apply_column_widths(self) -> None:
        for column, key in enumerate(COLUMN_KEYS):
            self.table.setColumnWidth(column, COLUMN_WIDTHS[key])

    def show_count(self, count: int, *, searching: bool) -> None:
        if count == 0 and searching:
            self.count_label.setText(self.tr("مخاطبی پیدا نشد"))
        else:
            self.count_label.setText(self.tr("%1 مخاطب").replace("%1", display_number(count)))


class ContactsController(QObject):
    """Runs the search as the user types and keeps the count in step with the table."""

    contacts_shown = Signal(int)

    def __init__(self, db: Database, page: ContactsPage, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.page = page
        self.model = ContactTableModel(db, self)
        page.table.setModel(self.model)
        page.apply_column_widths()

        # Typing fires one query after a short pause, not one per key press.
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_search)
        page.search_edit.textChanged.connect(self._search_timer.start)
        page.search_edit.returnPressed.connect(self.apply_search)

        self.model.set_search("")
        self._show_count()

    def apply_search(self) -> None:
        self._search_timer.stop()
        text = self.page.search_edit.text()
        if text.strip() == self.model.search:
            return
        self.model.set_search(text)
        self.page.table.scrollToTop()
        self._show_count()

    def refresh(self) -> None:
        self.model.refresh()
        self._show_count()

    def focus_search(self) -> None:
        self.page.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.page.search_edit.selectAll()

    def _show_count(self) -> None:
        count = self.model.rowCount()
        self.page.show_count(count, searching=bool(self.model.search))
        self.contacts_shown.emit(count)
