"""The widgets of the contact window: every field of a contact, laid out for RTL.

No data access and no wiring here; ``ContactEditor`` fills the pickers, reads the
fields and saves through the services.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.ui.widgets.jalali_date_edit import JalaliDateEdit
from crm_desktop.ui.widgets.value_list_edit import EMAIL, PHONE, ValueListEdit, bidi_message
from crm_desktop.ui.widgets.widgets import error_bar, record_title

ERROR_STYLE = "color: #b3261e;"
WARNING_BAR_STYLE = (
    "QFrame#duplicateBar { background: #fff4ce; border: 1px solid #e0c36c; border-radius: 4px; }"
)
WAITING_BAR_STYLE = (
    "QLabel#saveWaiting { background: #e8f0fe; color: #174ea6; border: 1px solid #aecbfa;"
    " border-radius: 4px; padding: 6px; }"
)


class TagsCompleter(QCompleter):
    """Completes the tag being typed after the last comma, keeping the ones before it."""

    def __init__(self, edit: QLineEdit) -> None:
        super().__init__(edit)
        self._edit = edit
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchContains)

    def splitPath(self, path: str) -> list[str]:  # noqa: N802
        return [path.replace("،", ",").split(",")[-1].strip()]

    def pathFromIndex(self, index: object) -> str:  # noqa: N802
        chosen = super().pathFromIndex(index)  # type: ignore[arg-type]
        before = self._edit.text().replace("،", ",").split(",")[:-1]
        return "، ".join([*(t.strip() for t in before if t.strip()), chosen]) + "، "


class DuplicateBar(QFrame):
    """ "This number is already X's": a warning that does not stop anyone from saving."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("duplicateBar")
        self.setStyleSheet(WARNING_BAR_STYLE)
        self.label = QLabel()
        self.label.setObjectName("duplicateMessage")
        self.label.setWordWrap(True)
        self.open_button = QPushButton(self.tr("باز کردن آن مخاطب"))
        self.open_button.setObjectName("openDuplicate")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.open_button)
        self.hide()


def _combo(name: str, *, editable: bool = False) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    combo.setEditable(editable)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(14)
    return combo


def _line(name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    return edit


class ContactEditorView(QWidget):
    """Every field of a contact, a duplicate warning, an error bar and the buttons."""

    def __init__(self, lang: str = "fa", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang  # of the checks' messages under the phones and emails
        self.title_label = record_title("editorTitle")

        self.error_bar = error_bar()
        self.duplicate_bar = DuplicateBar()
        # A save waiting for long work (an import) to let go of the database.
        self.waiting_bar = QLabel()
        self.waiting_bar.setObjectName("saveWaiting")
        self.waiting_bar.setStyleSheet(WAITING_BAR_STYLE)
        self.waiting_bar.setWordWrap(True)
        self.waiting_bar.hide()

        self._build_fields()
        self._build_rest()
        self._lay_out()

    def _build_fields(self) -> None:
        self.first_name = _line("firstName")
        self.last_name = _line("lastName")
        self.name_message = QLabel(self.tr("نام یا نام خانوادگی را وارد کنید."))
        self.name_message.setObjectName("nameMessage")
        self.name_message.setStyleSheet(ERROR_STYLE)
        self.name_message.hide()
        # Its room is kept while it is hidden, so that the fields below never jump when
        # it comes or goes (a form layout drops the row of a hidden widget).
        self.name_message_room = QWidget()
        room = QVBoxLayout(self.name_message_room)
        room.setContentsMargins(0, 0, 0, 0)
        room.addWidget(self.name_message)
        self.name_message_room.setFixedHeight(self.name_message.sizeHint().height())
        self.company = _combo("company", editable=True)
        self.company.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.job_title = _line("jobTitle")
        self.phones = ValueListEdit(PHONE, lang=self.lang)
        self.phones.setObjectName("phones")
        self.emails = ValueListEdit(EMAIL, lang=self.lang)
        self.emails.setObjectName("emails")
        self.address = _line("address")
        self.city = _line("city")
        self.province = _line("province")
        self.birth_date = JalaliDateEdit()
        self.birth_date.setObjectName("birthDate")
        self.channel = _combo("preferredChannel")
        self.lifecycle = _combo("lifecycle")
        # Worked out from rules, not typed: its tip says which rules gave the points.
        self.lead_score = QSpinBox()
        self.lead_score.setObjectName("leadScore")
        self.lead_score.setRange(0, 100)
        self.lead_score.setReadOnly(True)
        self.lead_score.setButtonSymbols(QSpinBox.ButtonSymbols.NoButtons)
        self.lead_score.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.lead_source = _combo("leadSource")
        self.campaign = _combo("campaign")
        self.owner = _combo("owner")
        self.tags = _line("tags")
        self.tags.setPlaceholderText(self.tr("برچسب‌ها را با ویرگول جدا کنید"))
        self.tags_completer = TagsCompleter(self.tags)
        self.tags.setCompleter(self.tags_completer)

    def _build_rest(self) -> None:
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("notes")
        self.notes.setMinimumHeight(70)
        self.notes.setMaximumHeight(140)

        self.timeline_box = QGroupBox(self.tr("سابقهٔ فعالیت‌ها"))
        self.timeline_box.setObjectName("timeline")
        self.timeline_label = QLabel(self.tr("تماس‌ها، جلسه‌ها و یادداشت‌ها اینجا نشان داده می‌شوند."))
        timeline_layout = QVBoxLayout(self.timeline_box)
        timeline_layout.addWidget(self.timeline_label)

        self.save_button = QPushButton(self.tr("ذخیره"))
        self.save_button.setObjectName("saveContact")
        self.save_button.setDefault(True)
        self.save_button.setToolTip(self.tr("ذخیره (Ctrl+S)"))
        self.close_button = QPushButton(self.tr("بستن"))
        self.close_button.setObjectName("closeEditor")
        self.send_button = QPushButton(self.tr("ارسال پیام…"))
        self.send_button.setObjectName("sendMessageToContact")
        self.new_deal_button = QPushButton(self.tr("ساخت معامله"))
        self.new_deal_button.setObjectName("newDealForContact")
        self.new_deal_button.setToolTip(
            self.tr("معامله‌ای برای این مخاطب در نخستین مرحلهٔ خط فروش؛ سرنخ، مشتری بالقوه می‌شود.")
        )

    def _form(self) -> QFormLayout:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter)
        form.setHorizontalSpacing(12)
        form.setVerticalSpacing(8)
        return form

    def _lay_out(self) -> None:
        person = self._form()
        person.addRow(self.tr("نام:"), self.first_name)
        person.addRow(self.tr("نام خانوادگی:"), self.last_name)
        person.addRow("", self.name_message_room)
        person.addRow(self.tr("شرکت:"), self.company)
        person.addRow(self.tr("سمت:"), self.job_title)
        person.addRow(self.tr("تلفن‌ها:"), self.phones)
        person.addRow(self.tr("ایمیل‌ها:"), self.emails)
        person.addRow(self.tr("نشانی:"), self.address)
        person.addRow(self.tr("شهر:"), self.city)
        person.addRow(self.tr("استان:"), self.province)

        sales = self._form()
        sales.addRow(self.tr("تاریخ تولد:"), self.birth_date)
        sales.addRow(self.tr("راه ارتباطی ترجیحی:"), self.channel)
        sales.addRow(self.tr("وضعیت:"), self.lifecycle)
        sales.addRow(self.tr("امتیاز سرنخ:"), self.lead_score)
        sales.addRow(self.tr("منبع سرنخ:"), self.lead_source)
        sales.addRow(self.tr("کمپین:"), self.campaign)
        sales.addRow(self.tr("مسئول:"), self.owner)
        sales.addRow(self.tr("برچسب‌ها:"), self.tags)

        columns = QHBoxLayout()
        columns.setSpacing(24)
        columns.addLayout(person, 3)
        columns.addLayout(sales, 2)

        fields = QWidget()
        fields_layout = QVBoxLayout(fields)
        fields_layout.setContentsMargins(0, 0, 8, 0)
        fields_layout.addLayout(columns)
        notes_form = self._form()
        notes_form.addRow(self.tr("یادداشت:"), self.notes)
        fields_layout.addLayout(notes_form)
        fields_layout.addWidget(self.timeline_box)
        fields_layout.addStretch(1)
        self._lay_out_window(fields)

    def _lay_out_window(self, fields: QWidget) -> None:
        scroll = QScrollArea()
        scroll.setObjectName("editorScroll")
        scroll.setWidget(fields)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)

        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        buttons.addStretch(1)
        buttons.addWidget(self.send_button)
        buttons.addWidget(self.new_deal_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        layout.addWidget(self.title_label)
        layout.addWidget(self.error_bar)
        layout.addWidget(self.waiting_bar)
        layout.addWidget(self.duplicate_bar)
        # The fields, and the contact's history beside them (filled by the editor).
        self.tabs = QTabWidget()
        self.tabs.setObjectName("editorTabs")
        self.tabs.setDocumentMode(True)
        self.details = scroll
        self.tabs.addTab(scroll, self.tr("مشخصات"))
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)

    def show_error(self, message: str) -> None:
        self.error_bar.setText(bidi_message(message))
        self.error_bar.setVisible(bool(message))
