"""A company's window: its details (editable, with undo), its people, and its totals.

``company_id`` None opens a blank company that the first save creates. The people
list and the totals follow contacts and deals as they change elsewhere.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.errors import NotFound, UserError
from crm_desktop.locale import format_rials, normalize_multiline, normalize_text
from crm_desktop.services.companies import (
    CompanyChanges,
    company_summary,
    create_company,
    get_company,
    update_company,
)
from crm_desktop.services.contacts import get_contacts
from crm_desktop.services.records import CompanyRecord
from crm_desktop.ui.activities.activity_list_view import for_record
from crm_desktop.ui.widgets.commands import perform
from crm_desktop.ui.widgets.context import COMPANIES, CONTACTS, AppContext, Change
from crm_desktop.ui.widgets.display import display_number, persian_digits_enabled
from crm_desktop.ui.widgets.edit_window import EditWindow
from crm_desktop.ui.widgets.history_view import HistoryView
from crm_desktop.ui.widgets.value_list_edit import (
    EMAIL,
    PHONE,
    WEBSITE,
    ValidatedLineEdit,
    bidi_message,
)
from crm_desktop.ui.widgets.widgets import error_bar, record_title

ID_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class CompanyForm:
    """The editable fields as the window holds them ("" for none; phone in E.164)."""

    name: str = ""
    industry: str = ""
    phone: str = ""
    email: str = ""
    website: str = ""
    address: str = ""
    city: str = ""
    province: str = ""
    notes: str = ""

    @classmethod
    def of(cls, record: CompanyRecord) -> CompanyForm:
        return cls(**{f.name: getattr(record, f.name) or "" for f in fields(cls)})

    def changes(self) -> CompanyChanges:
        """Every field, so that applying it puts the company exactly in this state."""
        return CompanyChanges(**{f.name: getattr(self, f.name) for f in fields(self)})


class CompanyPage(EditWindow):
    contact_activated = Signal(str)
    saved = Signal(str)

    def __init__(
        self, ctx: AppContext, company_id: str | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.company_id = company_id
        self.setObjectName("companyPage")
        self._initial = CompanyForm()
        self._loading = False
        self._build()
        self._wire()
        self.resize(940, 640)
        self.load()

    # -- view ----------------------------------------------------------------------

    def _build(self) -> None:
        self.title_label = record_title("companyTitle")
        self.error_bar = error_bar()

        columns = QHBoxLayout()
        columns.setSpacing(20)
        columns.addLayout(self._build_form(), 3)
        columns.addLayout(self._build_side(), 2)

        self.save_button = QPushButton(self.tr("ذخیره"))
        self.save_button.setObjectName("saveCompany")
        self.save_button.setDefault(True)
        self.close_button = QPushButton(self.tr("بستن"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.title_label)
        layout.addWidget(self.error_bar)
        details = QWidget()
        details.setLayout(columns)
        self.history = HistoryView(self.ctx, COMPANIES)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("companyTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(details, self.tr("مشخصات"))
        self.activities = for_record(self.ctx, "company_id", self)
        self.tabs.addTab(self.activities, self.tr("فعالیت‌ها"))
        self.tabs.addTab(self.history, self.tr("تاریخچه"))
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)

    def _build_form(self) -> QFormLayout:
        self.name = QLineEdit()
        self.name.setObjectName("companyName")
        self.industry = QLineEdit()
        self.phone = ValidatedLineEdit(PHONE, lang=self.ctx.lang)
        self.email = ValidatedLineEdit(EMAIL, lang=self.ctx.lang)
        self.website = ValidatedLineEdit(WEBSITE, lang=self.ctx.lang)
        self.address = QLineEdit()
        self.city = QLineEdit()
        self.province = QLineEdit()
        self.notes = QPlainTextEdit()
        self.notes.setMinimumHeight(60)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for label, widget in (
            (self.tr("نام شرکت:"), self.name),
            (self.tr("صنعت:"), self.industry),
            (self.tr("تلفن:"), self.phone),
            (self.tr("ایمیل:"), self.email),
            (self.tr("وب‌سایت:"), self.website),
            (self.tr("نشانی:"), self.address),
            (self.tr("شهر:"), self.city),
            (self.tr("استان:"), self.province),
            (self.tr("یادداشت:"), self.notes),
        ):
            form.addRow(label, widget)
        return form

    def _build_side(self) -> QVBoxLayout:
        self.people_list = QListWidget()
        self.people_list.setObjectName("companyPeople")
        people_box = QGroupBox(self.tr("افراد"))
        QVBoxLayout(people_box).addWidget(self.people_list)

        self.open_deals_label = QLabel()
        self.open_deals_label.setObjectName("openDeals")
        self.won_label = QLabel()
        self.won_label.setObjectName("wonDeals")
        self.deals_placeholder = QLabel(self.tr("فهرست معامله‌های این شرکت به‌زودی اینجا می‌آید."))
        self.deals_placeholder.setObjectName("dealsPlaceholder")
        totals_box = QGroupBox(self.tr("معامله‌ها"))
        totals = QVBoxLayout(totals_box)
        for line in (self.open_deals_label, self.won_label, self.deals_placeholder):
            line.setWordWrap(True)
            totals.addWidget(line)

        side = QVBoxLayout()
        side.addWidget(people_box, 1)
        side.addWidget(totals_box)
        return side

    # -- wiring --------------------------------------------------------------------

    def _wire(self) -> None:
        for edit in (self.name, self.industry, self.address, self.city, self.province):
            edit.textChanged.connect(self._on_edited)
        for field in (self.phone, self.email, self.website):
            field.changed.connect(self._on_edited)
        self.notes.textChanged.connect(self._on_edited)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.close)
        self.people_list.itemActivated.connect(self._activate_person)
        self.people_list.itemDoubleClicked.connect(self._activate_person)
        self.ctx.changes.changed.connect(self._on_changed)

    def load(self) -> None:
        record = get_company(self.ctx.db, self.company_id) if self.company_id else None
        form = CompanyForm.of(record) if record else CompanyForm()
        self._loading = True
        try:
            for name in ("name", "industry", "address", "city", "province"):
                getattr(self, name).setText(getattr(form, name))
            self.phone.set_value(form.phone)
            self.email.set_value(form.email)
            self.website.set_value(form.website)
            self.notes.setPlainText(form.notes)
        finally:
            self._loading = False
        self._initial = self.current_form()
        self.history.show_record(self.company_id)
        self.activities.show_record(self.company_id, record.name if record else "")
        title = self.tr("شرکت جدید") if record is None else record.name
        self.title_label.setText(title)
        self.setWindowTitle(title + "[*]")
        self.refresh_people_and_totals()
        self._on_edited()

    def refresh_people_and_totals(self) -> None:
        self.people_list.clear()
        if self.company_id is None:
            self.open_deals_label.setText(self.tr("معامله‌های باز: %1").replace("%1", "—"))
            self.won_label.setText(self.tr("فروش موفق: %1").replace("%1", "—"))
            return
        summary = company_summary(self.ctx.db, self.company_id)
        for person in get_contacts(self.ctx.db, summary.people):
            text = person.full_name
            if person.job_title:
                text += f" — {person.job_title}"
            item = QListWidgetItem(text)
            item.setData(ID_ROLE, person.id)
            self.people_list.addItem(item)
        persian = persian_digits_enabled()
        self.open_deals_label.setText(
            self.tr("معامله‌های باز: %1 معامله، %2")
            .replace("%1", display_number(summary.open_deals))
            .replace("%2", format_rials(summary.open_amount, persian_digits=persian))
        )
        self.won_label.setText(
            self.tr("فروش موفق: %1 معامله، %2")
            .replace("%1", display_number(summary.won_deals))
            .replace("%2", format_rials(summary.won_amount, persian_digits=persian))
        )

    def current_form(self) -> CompanyForm:
        return CompanyForm(
            name=normalize_text(self.name.text()),
            industry=normalize_text(self.industry.text()),
            phone=self.phone.value() or "",
            email=self.email.value() or "",
            website=self.website.value() or "",
            address=normalize_text(self.address.text()),
            city=normalize_text(self.city.text()),
            province=normalize_text(self.province.text()),
            notes=normalize_multiline(self.notes.toPlainText()),
        )

    def is_valid(self) -> bool:
        fields_ok = all(f.is_valid() for f in (self.phone, self.email, self.website))
        return bool(self.name.text().strip()) and fields_ok

    def is_dirty(self) -> bool:
        half_typed = any(
            f.text().strip() and f.value() is None for f in (self.phone, self.email, self.website)
        )
        return half_typed or self.current_form() != self._initial

    def can_save(self) -> bool:
        return self.is_valid() and self.is_dirty()

    def _on_edited(self) -> None:
        if self._loading:
            return
        dirty = self.is_dirty()
        # Enabled for any edit: a click on Save says what is missing instead of nothing.
        self.save_button.setEnabled(dirty)
        self.setWindowModified(dirty)

    def _on_changed(self, change: Change) -> None:
        if change.kind == CONTACTS:
            self.refresh_people_and_totals()
        elif change.kind == COMPANIES and self.company_id and not self.is_dirty():
            try:
                self.load()
            except NotFound:
                self.error_bar.setText(self.tr("این شرکت حذف شده است."))
                self.error_bar.show()

    def _activate_person(self, item: QListWidgetItem) -> None:
        self.contact_activated.emit(item.data(ID_ROLE))

    # -- saving --------------------------------------------------------------------

    def check(self) -> bool:
        """Show what keeps the company from being saved, at its field; True if nothing."""
        fields = (self.phone, self.email, self.website)
        valid = all([field.check() for field in fields])
        if not self.name.text().strip():
            self.error_bar.setText(self.tr("نام شرکت را وارد کنید."))
            self.error_bar.show()
            self.name.setFocus()
            return False
        wrong = next((field for field in fields if not field.is_valid()), None)
        if wrong is not None:
            wrong.edit.setFocus()
        return valid

    def save(self) -> bool:
        if not self.is_dirty() or not self.check():
            return False
        form = self.current_form()
        try:
            record = self._create(form) if self.company_id is None else self._update(form)
        except UserError as exc:
            self.error_bar.setText(bidi_message(exc.message(self.ctx.lang)))
            self.error_bar.show()
            return False
        self.error_bar.hide()
        self.company_id = record.id
        self.load()
        self.saved.emit(record.id)
        return True

    def _create(self, form: CompanyForm) -> CompanyRecord:
        db = self.ctx.db

        return perform(
            self.ctx,
            self.tr("شرکت جدید «%1»").replace("%1", form.name),
            lambda: create_company(db, form.changes()),
        )

    def _update(self, form: CompanyForm) -> CompanyRecord:
        db, company_id = self.ctx.db, self.company_id
        assert company_id is not None
        return perform(
            self.ctx,
            self.tr("ویرایش شرکت «%1»").replace("%1", form.name),
            lambda: update_company(db, company_id, form.changes()),
        )
