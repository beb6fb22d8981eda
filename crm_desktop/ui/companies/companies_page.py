"""The companies screen: a search box, a count, the companies table, a new-company button.

Double-clicking a company (or Enter on it) emits ``company_activated``; the window that
hosts the page opens a ``CompanyPage`` for it, and one for ``new_company_requested``.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.ui.companies.company_table_model import COLUMN_KEYS, CompanyTableModel
from crm_desktop.ui.contacts.export_action import ListExport, export_list
from crm_desktop.ui.widgets.context import COMPANIES, CONTACTS, AppContext, Change, PageHost
from crm_desktop.ui.widgets.display import display_number
from crm_desktop.ui.widgets.widgets import heading, list_table

SEARCH_DELAY_MS = 100
COLUMN_WIDTHS = {"name": 240, "industry": 160, "city": 110, "phone": 150, "people": 70}


class CompaniesPage(QWidget):
    company_activated = Signal(str)
    new_company_requested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.stale = False
        self.setObjectName("page_companies")
        self._build()
        self._wire()
        self.model.set_search("")
        self._show_count()

    # -- view ----------------------------------------------------------------------

    def _build(self) -> None:
        self.title_label = heading(self.tr("شرکت‌ها"))

        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("companySearch")
        self.search_edit.setPlaceholderText(self.tr("جستجو در نام شرکت‌ها…"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(220)
        self.count_label = QLabel()
        self.count_label.setObjectName("companyCount")
        self.new_button = QPushButton(self.tr("شرکت جدید"))
        self.new_button.setObjectName("newCompany")
        self.export_button = QPushButton(self.tr("خروجی اکسل…"))
        self.export_button.setObjectName("exportCompanies")

        self.table = list_table("companyTable", multi_select=False)

        top = QHBoxLayout()
        top.addWidget(self.title_label)
        top.addSpacing(24)
        top.addWidget(self.search_edit, 1)
        top.addSpacing(12)
        top.addWidget(self.new_button)

        # The list's size and what can be done with the whole list, as on the contacts page.
        list_row = QHBoxLayout()
        list_row.addStretch(1)
        list_row.addWidget(self.count_label)
        list_row.addWidget(self.export_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addLayout(list_row)
        layout.addWidget(self.table, 1)

    # -- wiring --------------------------------------------------------------------

    def _wire(self) -> None:
        self.model = CompanyTableModel(self.ctx.db, self)
        self.table.setModel(self.model)
        for column, key in enumerate(COLUMN_KEYS):
            self.table.setColumnWidth(column, COLUMN_WIDTHS[key])
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_search)
        self.search_edit.textChanged.connect(self._search_timer.start)
        self.search_edit.returnPressed.connect(self.apply_search)
        # A double-click or Enter, as the platform's style defines activating an item.
        self.table.activated.connect(self._activate)
        self.new_button.clicked.connect(self.new_company_requested)
        self.export_button.clicked.connect(self.export_list)
        self.ctx.changes.changed.connect(self._on_changed)

    def apply_search(self) -> None:
        self._search_timer.stop()
        text = self.search_edit.text()
        if text.strip() == self.model.search:
            return
        self.model.set_search(text)
        self._show_count()

    def export_list(self) -> ListExport:
        """Ask for a file and export the companies matching the search box."""
        return export_list(self, self.ctx, "companies", company_search=self.search_edit.text())

    def refresh(self) -> None:
        self.stale = False
        self.model.refresh()
        self._show_count()

    def _on_changed(self, change: Change) -> None:
        # People counts follow contacts moving between companies; a hidden page only
        # notes it and catches up when shown (a contacts import announces many times).
        if change.kind in (COMPANIES, CONTACTS):
            if self.isVisible():
                self.refresh()
            else:
                self.stale = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        if self.stale:
            self.refresh()
        super().showEvent(event)

    def _activate(self, index: QModelIndex) -> None:
        if index.isValid():
            self.company_activated.emit(self.model.company_id(index.row()))

    def _show_count(self) -> None:
        count = self.model.rowCount()
        if count == 0 and self.model.search:
            self.count_label.setText(self.tr("شرکتی پیدا نشد"))
        else:
            self.count_label.setText(self.tr("%1 شرکت").replace("%1", display_number(count)))


def build_page(window: PageHost) -> CompaniesPage:
    """The companies page in the main window (``main_window.PAGES``)."""
    page = CompaniesPage(window.ctx)
    page.company_activated.connect(window.open_company)
    page.new_company_requested.connect(window.new_company)
    return page
