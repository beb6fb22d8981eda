"""The campaigns page: each campaign (channel, dates, cost) with the leads, deals, won
deals and revenue it brought and its return on cost; below, the same for each lead
source. Figures come from SQL (``services.campaigns``) and follow every change."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.errors import UserError
from crm_desktop.locale import format_jalali
from crm_desktop.services import campaigns
from crm_desktop.services.campaigns import Figures
from crm_desktop.services.office import money_unit
from crm_desktop.ui.contacts.contact_actions import error_message
from crm_desktop.ui.pipeline.card_delegate import amount_input_text, typed_amount
from crm_desktop.ui.pipeline.edits import perform_or_refuse
from crm_desktop.ui.widgets.commands import perform
from crm_desktop.ui.widgets.context import AppContext, Change, PageHost
from crm_desktop.ui.widgets.display import (
    amount_text,
    display_number,
    left_to_right,
    persian_digits_enabled,
)
from crm_desktop.ui.widgets.jalali_date_edit import JalaliDateEdit

_SHOWN_KINDS = frozenset({"campaigns", "lead_sources", "contacts", "deals", "settings"})


def _table(name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # amounts whole
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    return table


class CampaignDialog(QDialog):
    """A campaign's name, channel, dates and cost."""

    def __init__(
        self, ctx: AppContext, shown: Figures | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("campaignDialog")
        self.setWindowTitle(self.tr("کمپین"))
        self.ctx, self.shown = ctx, shown
        self.unit = money_unit(ctx.db)
        self.name = QLineEdit(shown.name if shown else "")
        self.name.setObjectName("campaignName")
        self.channel = QLineEdit(shown.channel or "" if shown else "")
        self.channel.setObjectName("campaignChannel")
        self.channel.setPlaceholderText(self.tr("مثلاً: پیامک، اینستاگرام، نمایشگاه"))
        self.start, self.end = JalaliDateEdit(), JalaliDateEdit()
        self.start.setDate(shown.start if shown else None)
        self.end.setDate(shown.end if shown else None)
        self.cost = QLineEdit(amount_input_text(shown.cost, self.unit) if shown else "")
        self.cost.setObjectName("campaignCost")
        self.error = QLabel()
        self.error.setObjectName("campaignError")
        self.error.setStyleSheet("color: #b3261e")
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.tr("نام"), self.name)
        form.addRow(self.tr("کانال"), self.channel)
        form.addRow(self.tr("آغاز"), self.start)
        form.addRow(self.tr("پایان"), self.end)
        form.addRow(self.tr("هزینه"), self.cost)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("ذخیره"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("انصراف"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def save(self) -> None:
        db, shown = self.ctx.db, self.shown
        try:
            cost = typed_amount(self.cost.text(), self.unit) if self.cost.text().strip() else 0
            perform(
                self.ctx,
                self.tr("ذخیرهٔ کمپین"),
                lambda: campaigns.save_campaign(
                    db,
                    shown.id if shown else None,
                    name=self.name.text(),
                    channel=self.channel.text(),
                    lead_source_id=shown.lead_source_id if shown else None,
                    start=self.start.date(),
                    end=self.end.date(),
                    cost=cost,
                    notes=shown.notes if shown else None,
                ),
            )
        except UserError as error:
            self.error.setText(error_message(error, self.ctx.lang))
            self.error.show()
            return
        self.accept()


class CampaignsPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_campaigns")
        self.ctx = ctx
        self.shown: list[Figures] = []
        self.dialog: CampaignDialog | None = None
        figures = [
            self.tr("سرنخ"),
            self.tr("معامله"),
            self.tr("برده"),
            self.tr("درآمد"),
        ]
        self.campaigns = _table(
            "campaignTable",
            [
                self.tr("کمپین"),
                self.tr("کانال"),
                self.tr("آغاز"),
                self.tr("پایان"),
                self.tr("هزینه"),
                *figures,
                self.tr("بازگشت هزینه"),
            ],
        )
        self.sources = _table("leadSourceTable", [self.tr("منبع سرنخ"), *figures])
        self.new_button = QPushButton(self.tr("کمپین جدید…"))
        self.new_button.setObjectName("newCampaign")
        self.edit_button = QPushButton(self.tr("ویرایش…"))
        self.edit_button.setObjectName("editCampaign")
        self.remove_button = QPushButton(self.tr("حذف"))
        self.remove_button.setObjectName("removeCampaign")
        buttons = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("کمپین‌ها")))
        layout.addLayout(buttons)
        layout.addWidget(self.campaigns, 3)
        layout.addWidget(QLabel(self.tr("منبع‌های سرنخ")))
        layout.addWidget(self.sources, 2)
        self._redraw = QTimer(self)
        self._redraw.setSingleShot(True)
        self._redraw.setInterval(0)
        self._redraw.timeout.connect(self.reload)
        self.new_button.clicked.connect(lambda: self.open_dialog(None))
        self.edit_button.clicked.connect(lambda: self.open_dialog(self.selected()))
        self.remove_button.clicked.connect(self.remove)
        self.campaigns.itemDoubleClicked.connect(lambda _i: self.open_dialog(self.selected()))
        ctx.changes.changed.connect(self._on_change)
        self.reload()

    @staticmethod
    def _day(day: dt.date | None) -> str:
        if day is None:
            return ""
        return left_to_right(format_jalali(day, persian_digits=persian_digits_enabled()))

    def reload(self) -> None:
        unit = money_unit(self.ctx.db)
        self.shown = campaigns.campaign_figures(self.ctx.db)
        self.campaigns.setRowCount(len(self.shown))
        for row, shown in enumerate(self.shown):
            roi = "" if shown.roi is None else f"{display_number(round(shown.roi * 100))}٪"
            texts = [
                shown.name,
                shown.channel or "",
                self._day(shown.start),
                self._day(shown.end),
                amount_text(shown.cost, unit),
                *self._counts(shown, unit),
                roi if persian_digits_enabled() else roi.replace("٪", "%"),
            ]
            self._fill(self.campaigns, row, texts)
        sources = campaigns.source_figures(self.ctx.db)
        self.sources.setRowCount(len(sources))
        for row, shown in enumerate(sources):
            self._fill(self.sources, row, [shown.name, *self._counts(shown, unit)])
        self.edit_button.setEnabled(bool(self.shown))
        self.remove_button.setEnabled(bool(self.shown))

    @staticmethod
    def _counts(shown: Figures, unit: str) -> list[str]:
        return [
            display_number(shown.leads),
            display_number(shown.deals),
            display_number(shown.won),
            amount_text(shown.revenue, unit),
        ]

    @staticmethod
    def _fill(table: QTableWidget, row: int, texts: list[str]) -> None:
        for column, text in enumerate(texts):
            item = QTableWidgetItem(text)
            if column:
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            table.setItem(row, column, item)

    def selected(self) -> Figures | None:
        row = self.campaigns.currentRow()
        return self.shown[row] if 0 <= row < len(self.shown) else None

    def open_dialog(self, shown: Figures | None) -> CampaignDialog:
        dialog = CampaignDialog(self.ctx, shown, self)
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
        return dialog

    def remove(self) -> bool:
        shown = self.selected()
        if shown is None:
            return False
        db = self.ctx.db
        return perform_or_refuse(
            self.ctx,
            self,
            self.tr("حذف کمپین"),
            lambda: campaigns.delete_campaign(db, shown.id),
        )

    def _on_change(self, change: Change) -> None:
        if change.kind in _SHOWN_KINDS:
            self._redraw.start()


def build_page(window: PageHost) -> CampaignsPage:
    """The campaigns page in the main window (``main_window.PAGES``)."""
    return CampaignsPage(window.ctx)
