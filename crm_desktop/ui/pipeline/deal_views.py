"""The pipeline page's other views of the same deals: a sortable list (with export) and
the forecast by expected close month."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.locale import jalali_month_name
from crm_desktop.services.deal_list import DealFilter, ForecastMonth
from crm_desktop.ui.contacts.export_action import ListExport, export_list
from crm_desktop.ui.pipeline.deal_table_model import DealTableModel
from crm_desktop.ui.widgets.context import AppContext
from crm_desktop.ui.widgets.display import (
    amount_text,
    display_digits,
    display_number,
    interface_language,
)
from crm_desktop.ui.widgets.widgets import list_table


class DealListView(QWidget):
    """The deals the filters let through, as a table sorted by any column."""

    deal_activated = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = DealTableModel(ctx.db, self)
        self.table = list_table("dealList", multi_select=False)
        self.table.setModel(self.model)
        self.table.setSortingEnabled(False)  # sorted in SQL, on a header click
        header = self.table.horizontalHeader()
        header.setSortIndicatorShown(True)
        header.setSectionsClickable(True)
        header.sortIndicatorChanged.connect(self._sort)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.export_button = QPushButton(self.tr("خروجی اکسل…"))
        self.export_button.setObjectName("exportDeals")
        self.export: ListExport | None = None
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.table.activated.connect(self._activate)
        self.table.doubleClicked.connect(self._activate)
        self.export_button.clicked.connect(self.export_shown)

    def show_deals(self, where: DealFilter, unit: str) -> None:
        self.model.show(where, unit=unit)

    def _sort(self, column: int, order: Qt.SortOrder) -> None:
        self.model.sort_by(column, order == Qt.SortOrder.DescendingOrder)

    def _activate(self, index: QModelIndex) -> None:
        if index.isValid():
            self.deal_activated.emit(self.model.record_id(index.row()))

    def export_shown(self) -> ListExport:
        """The list as shown (filters and order) to an Excel file."""
        self.export = export_list(self, self.ctx, "deals", ids=self.model.every_id())
        return self.export


class ForecastView(QTableWidget):
    """Open deals by the Jalali month they are expected to close in."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 4, parent)
        self.setObjectName("dealForecast")
        self.setHorizontalHeaderLabels(
            [self.tr("ماه"), self.tr("معامله‌ها"), self.tr("مبلغ"), self.tr("وزنی")]
        )
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().hide()
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)

    def show_months(self, months: list[ForecastMonth], unit: str) -> None:
        self.setRowCount(len(months))
        for row, month in enumerate(months):
            month_name = jalali_month_name(month.month, interface_language())
            name = f"{month_name} {display_digits(str(month.year))}"
            for column, text in enumerate(
                (
                    name,
                    display_number(month.count),
                    amount_text(month.amount, unit),
                    amount_text(month.weighted, unit),
                )
            ):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.setItem(row, column, item)
