"""A deal's window: its fields (saved as one undoable step), its product lines, the
stages it went through and how long it stayed in each, and its history.

The stage itself changes on the kanban (a move asks what won and lost need); here it
is shown with what the move stamped. The activities tab is the timeline the
activities workspace fills.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.errors import InvalidInput, NotFound, UserError
from crm_desktop.services import deals as service
from crm_desktop.services import lookups
from crm_desktop.services.deal_changes import PRIORITY_NAMES, DealChanges
from crm_desktop.services.office import money_unit
from crm_desktop.services.records import DealRecord
from crm_desktop.services.users import list_users
from crm_desktop.ui.activities.activity_list_view import for_record
from crm_desktop.ui.pipeline.card_delegate import amount_input_text, typed_amount
from crm_desktop.ui.widgets.commands import perform
from crm_desktop.ui.widgets.context import AppContext, Change
from crm_desktop.ui.widgets.display import amount_text, display_number, stored_moment_text
from crm_desktop.ui.widgets.edit_window import EditWindow
from crm_desktop.ui.widgets.history_view import HistoryView
from crm_desktop.ui.widgets.jalali_date_edit import JalaliDateEdit
from crm_desktop.ui.widgets.value_names import priority_label
from crm_desktop.ui.widgets.widgets import error_bar, record_title

# The probability box's lowest value: "the stage's".
_FROM_STAGE = -1
_KINDS = frozenset({"deals", "deal_lines", "contacts", "companies", "stages", "users", "settings"})


def _fill(combo: QComboBox, items: list[tuple[str, str]], chosen: str | None) -> None:
    combo.clear()
    combo.addItem("—", None)
    for item_id, name in items:
        combo.addItem(name, item_id)
    combo.setCurrentIndex(max(combo.findData(chosen), 0))


class DealPage(EditWindow):
    contact_requested = Signal(str)
    company_requested = Signal(str)

    def __init__(self, ctx: AppContext, deal_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.deal_id = deal_id
        self.setObjectName("dealPage")
        self.record: DealRecord | None = None
        self._initial: DealChanges | None = None
        self._loading = False
        self._unit = "rial"  # the office's, as the amount was shown
        self._build()
        self._wire()
        self.resize(960, 640)
        self.load()

    # -- view ----------------------------------------------------------------------

    def _build(self) -> None:
        self.title_label = record_title("dealTitle")
        self.stage_label = QLabel()
        self.stage_label.setObjectName("dealStage")
        self.error_bar = error_bar()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("dealTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self._details(), self.tr("مشخصات"))
        self.tabs.addTab(self._lines(), self.tr("اقلام"))
        self.stays = QTableWidget(0, 4)
        self.stays.setObjectName("stageStays")
        self.stays.setHorizontalHeaderLabels(
            [self.tr("مرحله"), self.tr("از"), self.tr("تا"), self.tr("روز")]
        )
        self.stays.horizontalHeader().setStretchLastSection(True)
        self.stays.verticalHeader().hide()
        self.stays.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.tabs.addTab(self.stays, self.tr("مراحل"))
        self.activities = for_record(self.ctx, "deal_id", self)
        self.tabs.addTab(self.activities, self.tr("فعالیت‌ها"))
        self.history = HistoryView(self.ctx, "deals")
        self.tabs.addTab(self.history, self.tr("تاریخچه"))
        self.save_button = QPushButton(self.tr("ذخیره"))
        self.save_button.setObjectName("saveDeal")
        self.save_button.setDefault(True)
        self.close_button = QPushButton(self.tr("بستن"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.title_label)
        layout.addWidget(self.stage_label)
        layout.addWidget(self.error_bar)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)

    def _details(self) -> QWidget:
        self.title = QLineEdit()
        self.title.setObjectName("dealTitleEdit")
        self.amount = QLineEdit()
        self.amount.setObjectName("dealAmount")
        self.amount.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.probability = QSpinBox()
        self.probability.setObjectName("dealProbability")
        self.probability.setRange(_FROM_STAGE, 100)
        self.probability.setSuffix("٪")
        self.probability.setSpecialValueText(self.tr("از مرحله"))
        self.expected_close = JalaliDateEdit()
        self.owner = QComboBox()
        self.owner.setObjectName("dealOwner")
        self.priority = QComboBox()
        self.priority.setObjectName("dealPriority")
        self.priority.addItem("—", None)
        for priority in PRIORITY_NAMES:
            self.priority.addItem(priority_label(priority.value), priority.value)
        self.source = QComboBox()
        self.source.setObjectName("dealSource")
        self.campaign = QComboBox()
        self.campaign.setObjectName("dealCampaign")
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("dealNotes")
        self.notes.setTabChangesFocus(True)
        self.contact_button = QPushButton()
        self.contact_button.setObjectName("dealContact")
        self.company_button = QPushButton()
        self.company_button.setObjectName("dealCompany")
        form = QFormLayout()
        for label, widget in (
            (self.tr("عنوان:"), self.title),
            (self.tr("مبلغ:"), self.amount),
            (self.tr("احتمال:"), self.probability),
            (self.tr("تاریخ پیش‌بینی بستن:"), self.expected_close),
            (self.tr("مسئول:"), self.owner),
            (self.tr("اولویت:"), self.priority),
            (self.tr("منبع سرنخ:"), self.source),
            (self.tr("کمپین:"), self.campaign),
            (self.tr("مخاطب:"), self.contact_button),
            (self.tr("شرکت:"), self.company_button),
            (self.tr("یادداشت:"), self.notes),
        ):
            form.addRow(label, widget)
        page = QWidget()
        page.setLayout(form)
        return page

    def _lines(self) -> QWidget:
        self.lines = QTableWidget(0, 5)
        self.lines.setObjectName("dealLines")
        self.lines.setHorizontalHeaderLabels(
            [
                self.tr("کالا"),
                self.tr("تعداد"),
                self.tr("قیمت واحد"),
                self.tr("تخفیف"),
                self.tr("جمع"),
            ]
        )
        header = self.lines.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the product's name
        self.lines.verticalHeader().hide()
        self.lines.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.lines.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.product = QComboBox()
        self.product.setObjectName("lineProduct")
        self.quantity = QSpinBox()
        self.quantity.setObjectName("lineQuantity")
        self.quantity.setRange(1, 1_000_000)
        self.line_price = QLineEdit()
        self.line_price.setObjectName("linePrice")
        self.line_price.setPlaceholderText(self.tr("قیمت واحد (خالی: قیمت کالا)"))
        self.line_discount = QLineEdit()
        self.line_discount.setObjectName("lineDiscount")
        self.line_discount.setPlaceholderText(self.tr("تخفیف"))
        self.line_coupon = QLineEdit()
        self.line_coupon.setObjectName("lineCoupon")
        self.line_coupon.setPlaceholderText(self.tr("کد تخفیف"))
        self.add_line_button = QPushButton(self.tr("افزودن"))
        self.remove_line_button = QPushButton(self.tr("حذف ردیف"))
        self.use_total_button = QPushButton(self.tr("جمع اقلام، مبلغ معامله شود"))
        self.use_total_button.setObjectName("useLinesTotal")
        adding = QHBoxLayout()
        adding.addWidget(self.product, 2)
        adding.addWidget(self.quantity)
        for field in (self.line_price, self.line_discount, self.line_coupon):
            # Wide enough for its placeholder, which says what the field is.
            room = field.fontMetrics().horizontalAdvance(field.placeholderText()) + 24
            field.setMinimumWidth(room)
            adding.addWidget(field, 1)
        adding.addWidget(self.add_line_button)
        actions = QHBoxLayout()
        actions.addWidget(self.remove_line_button)
        actions.addStretch(1)
        actions.addWidget(self.use_total_button)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.lines, 1)
        layout.addLayout(adding)
        layout.addLayout(actions)
        return page

    # -- wiring --------------------------------------------------------------------

    def _wire(self) -> None:
        for edit in (self.title, self.amount):
            edit.textChanged.connect(self._on_edited)
        self.probability.valueChanged.connect(self._on_edited)
        self.expected_close.dateChanged.connect(self._on_edited)
        self.owner.currentIndexChanged.connect(self._on_edited)
        self.priority.currentIndexChanged.connect(self._on_edited)
        self.source.currentIndexChanged.connect(self._on_edited)
        self.campaign.currentIndexChanged.connect(self._on_edited)
        self.notes.textChanged.connect(self._on_edited)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.close)
        self.contact_button.clicked.connect(self._open_contact)
        self.company_button.clicked.connect(self._open_company)
        self.add_line_button.clicked.connect(self.add_line)
        self.remove_line_button.clicked.connect(self.remove_line)
        self.use_total_button.clicked.connect(self.use_total)
        self.ctx.changes.changed.connect(self._on_changed)

    def load(self) -> None:
        try:
            record = self.record = service.get_deal(self.ctx.db, self.deal_id)
        except NotFound:
            self.close()
            return
        self.activities.show_record(record.id, record.title)
        self._loading = True
        try:
            self.title.setText(record.title)
            self._unit = money_unit(self.ctx.db)
            self.amount.setText(amount_input_text(record.amount, self._unit))
            own = record.own_probability
            self.probability.setValue(_FROM_STAGE if own is None else own)
            self.expected_close.setDate(record.expected_close)
            self.owner.clear()
            self.owner.addItem("—", None)
            for user in list_users(self.ctx.db):
                self.owner.addItem(user.name, user.id)
            self.owner.setCurrentIndex(max(self.owner.findData(record.owner_id), 0))
            self.priority.setCurrentIndex(max(self.priority.findData(record.priority), 0))
            with self.ctx.db.session() as session:
                sources = lookups.lead_source_choices(session)
                campaigns = lookups.campaign_choices(session)
            _fill(self.source, sources, record.lead_source_id)
            _fill(self.campaign, campaigns, record.campaign_id)
            self.notes.setPlainText(record.notes or "")
            self.contact_button.setText(record.contact or "—")
            self.contact_button.setEnabled(record.contact_id is not None)
            self.company_button.setText(record.company or "—")
            self.company_button.setEnabled(record.company_id is not None)
        finally:
            self._loading = False
        self._initial = self.changes()
        self.title_label.setText(record.title)
        self.setWindowTitle(record.title + "[*]")
        self.stage_label.setText(self._stage_text(record))
        self.history.show_record(record.id)
        self._load_lines()
        self._load_stays()
        self._on_edited()

    def _stage_text(self, record: DealRecord) -> str:
        text = self.tr("مرحله: %1 — احتمال %2٪").replace("%1", record.stage)
        text = text.replace("%2", display_number(record.probability))
        if record.won_at is not None:
            text += " — " + self.tr("برنده در %1").replace("%1", stored_moment_text(record.won_at))
        if record.lost_at is not None:
            text += " — " + self.tr("از دست رفته: %1").replace("%1", record.lost_reason or "")
        return text

    def _load_lines(self) -> None:
        lines = service.deal_lines(self.ctx.db, self.deal_id)
        self._line_ids = [line.id for line in lines]
        unit = self._unit
        self.lines.setRowCount(len(lines))
        for row, line in enumerate(lines):
            for column, text in enumerate(
                (
                    line.product or "—",
                    display_number(line.quantity),
                    amount_text(line.unit_price, unit),
                    amount_text(line.discount, unit),
                    amount_text(line.total, unit),
                )
            ):
                self.lines.setItem(row, column, QTableWidgetItem(text))
        self.product.clear()
        for product_id, name, price in service.products(self.ctx.db):
            self.product.addItem(f"{name} ({amount_text(price, unit)})", product_id)
        self.use_total_button.setEnabled(bool(lines))

    def _load_stays(self) -> None:
        stays = service.stage_stays(self.ctx.db, self.deal_id)
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        self.stays.setRowCount(len(stays))
        for row, stay in enumerate(stays):
            for column, text in enumerate(
                (
                    stay.stage,
                    stored_moment_text(stay.since),
                    stored_moment_text(stay.until) if stay.until else self.tr("اکنون"),
                    display_number(int(stay.days(now))),
                )
            ):
                self.stays.setItem(row, column, QTableWidgetItem(text))

    def _on_changed(self, change: Change) -> None:
        if change.kind in _KINDS and (
            not change.ids or self.deal_id in change.ids or change.kind != "deals"
        ):
            if not self.is_dirty():
                self.load()
            else:
                self._load_lines()
                self._load_stays()

    # -- editing -------------------------------------------------------------------

    def changes(self) -> DealChanges:
        """What the form says, every field (applying it puts the deal in this state)."""
        probability = self.probability.value()
        return DealChanges(
            title=self.title.text(),
            amount=self._typed_amount(),
            probability=None if probability == _FROM_STAGE else probability,
            expected_close=self.expected_close.date(),
            owner_id=self.owner.currentData(),
            priority=self.priority.currentData(),
            lead_source_id=self.source.currentData(),
            campaign_id=self.campaign.currentData(),
            notes=self.notes.toPlainText(),
        )

    def edited(self) -> DealChanges:
        """Only the fields changed in the window: a save leaves the others as they are
        (another laptop may have changed them since)."""
        now, before = self.changes(), self._initial or DealChanges()
        return DealChanges(
            **{
                f.name: getattr(now, f.name)
                for f in dataclasses.fields(now)
                if getattr(now, f.name) != getattr(before, f.name)
            }
        )

    def _typed_amount(self) -> int:
        """The amount typed, in rials; -1 when it is not a whole amount."""
        try:
            return typed_amount(self.amount.text(), self._unit)
        except InvalidInput:
            return -1

    def _on_edited(self) -> None:
        if self._loading:
            return
        self.setWindowModified(self.is_dirty())
        self.save_button.setEnabled(self.is_dirty())

    def is_dirty(self) -> bool:
        return self._initial is not None and self.changes() != self._initial

    def can_save(self) -> bool:
        return self._typed_amount() >= 0 and bool(self.title.text().strip())

    def save(self) -> bool:
        if self._typed_amount() < 0:
            self._say(self.tr("مبلغ باید عددی درست به ریال یا تومان باشد."))
            self.amount.setFocus()
            return False
        changes, db, deal_id = self.edited(), self.ctx.db, self.deal_id
        if not self._do(
            self.tr("ویرایش معامله"), lambda: service.update_deal(db, deal_id, changes)
        ):
            return False
        self.load()
        return True

    def _do(self, text: str, work: Callable[[], object]) -> bool:
        try:
            perform(self.ctx, text, work)
        except UserError as error:
            self._say(error.message(self.ctx.lang))
            return False
        self.error_bar.hide()
        return True

    def _say(self, text: str) -> None:
        self.error_bar.setText(text)
        self.error_bar.show()

    def add_line(self) -> None:
        product_id, quantity = self.product.currentData(), self.quantity.value()
        if product_id is None:
            return
        try:
            price = self._typed(self.line_price)
            discount = self._typed(self.line_discount) or 0
        except InvalidInput as error:
            self._say(error.message(self.ctx.lang))
            return
        db, deal_id, coupon = self.ctx.db, self.deal_id, self.line_coupon.text()
        if self._do(
            self.tr("افزودن کالا"),
            lambda: service.add_line(
                db,
                deal_id,
                product_id,
                quantity=quantity,
                unit_price=price,
                discount=discount,
                coupon=coupon,
            ),
        ):
            for field in (self.line_price, self.line_discount, self.line_coupon):
                field.clear()

    def _typed(self, field: QLineEdit) -> int | None:
        """An amount typed in a line's field (None when left empty)."""
        text = field.text().strip()
        return typed_amount(text, self._unit) if text else None

    def remove_line(self) -> None:
        row = self.lines.currentRow()
        if 0 <= row < len(self._line_ids):
            db, line_id = self.ctx.db, self._line_ids[row]
            self._do(self.tr("حذف کالا"), lambda: service.remove_line(db, line_id))

    def use_total(self) -> None:
        db, deal_id = self.ctx.db, self.deal_id
        if self._do(self.tr("مبلغ از اقلام"), lambda: service.use_lines_total(db, deal_id)):
            self.load()

    def _open_contact(self) -> None:
        if self.record is not None and self.record.contact_id:
            self.contact_requested.emit(self.record.contact_id)

    def _open_company(self) -> None:
        if self.record is not None and self.record.company_id:
            self.company_requested.emit(self.record.company_id)
