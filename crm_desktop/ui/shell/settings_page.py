"""The settings screen: the office (its name, its weekend, its country, its money
unit), its pipelines and their stages, and who works at this laptop.

Each setting is saved as soon as it is changed, as in the system's own settings, and
announced from what the service wrote (a SETTINGS change) so that the window title and
every calendar follow.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.locale import COUNTRIES
from crm_desktop.services import leads, office, users
from crm_desktop.ui.activities.templates_editor import TemplatesEditor
from crm_desktop.ui.pipeline.lost_reasons_editor import LostReasonsEditor
from crm_desktop.ui.pipeline.stages_editor import StagesEditor
from crm_desktop.ui.widgets.commands import apply
from crm_desktop.ui.widgets.context import SETTINGS, USERS, AppContext, Change, PageHost
from crm_desktop.ui.widgets.jalali_date_edit import qt_day_of_week
from crm_desktop.ui.widgets.widgets import heading


class SettingsPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("page_settings")
        self._build()
        self._load()
        self._wire()

    # -- view ----------------------------------------------------------------------

    def _build(self) -> None:
        self.title_label = heading(self.tr("تنظیمات"))

        self.office_edit = QLineEdit()
        self.office_edit.setObjectName("officeName")
        self.office_edit.setPlaceholderText(self.tr("مثلاً دفتر فروش تهران"))
        self.user_combo = QComboBox()
        self.user_combo.setObjectName("currentUser")
        self.weekend_checks: dict[int, QCheckBox] = {}
        days = QHBoxLayout()
        days.setSpacing(14)
        locale = QLocale()
        for index in range(office.DAYS_IN_WEEK):  # Saturday first, as the week runs
            check = QCheckBox(
                locale.standaloneDayName(qt_day_of_week(index).value, QLocale.FormatType.LongFormat)
            )
            check.setObjectName(f"weekend_{index}")
            self.weekend_checks[index] = check
            days.addWidget(check)
        days.addStretch(1)
        weekend_note = QLabel(
            self.tr("روزهای تعطیل در تقویم‌ها رنگی می‌شوند و در شمارش روزهای کاری به حساب نمی‌آیند.")
        )
        weekend_note.setObjectName("weekendNote")
        weekend_note.setWordWrap(True)
        self.country_combo = QComboBox()
        self.country_combo.setObjectName("officeCountry")
        for code, persian, english in COUNTRIES:
            self.country_combo.addItem(persian if self.ctx.lang == "fa" else english, code)
        country_note = QLabel(
            self.tr(
                "شماره تلفنی که در فایلی که وارد می‌کنید بی کد کشور آمده است، شمارهٔ این "
                "کشور خوانده می‌شود (مگر ستون کشورِ همان ردیف کشور دیگری بگوید)."
            )
        )
        country_note.setObjectName("countryNote")
        country_note.setWordWrap(True)

        office_box = QGroupBox(self.tr("دفتر"))
        office_form = QFormLayout(office_box)
        office_form.addRow(self.tr("نام دفتر:"), self.office_edit)
        office_form.addRow(self.tr("روزهای تعطیل:"), days)
        office_form.addRow("", weekend_note)
        office_form.addRow(self.tr("کشور:"), self.country_combo)
        office_form.addRow("", country_note)

        office_form.addRow(self.tr("واحد پول:"), self._money_combo())
        office_form.addRow(self.tr("سرنخ‌های جدید:"), self._assignment_combo())
        stages_box = self._pipelines_box()

        laptop_box = QGroupBox(self.tr("این رایانه"))
        laptop_form = QFormLayout(laptop_box)
        laptop_form.addRow(self.tr("کاربر این رایانه:"), self.user_combo)

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.setSpacing(14)
        layout.addWidget(self.title_label)
        layout.addWidget(office_box)
        layout.addWidget(stages_box, 1)
        layout.addWidget(self._templates_box())
        layout.addWidget(laptop_box)
        layout.addStretch(1)
        self._scrolled(content)

    def _scrolled(self, content: QWidget) -> None:
        """A laptop's short screen scrolls the settings rather than clipping them."""
        scroll = QScrollArea()
        scroll.setObjectName("settingsScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def _pipelines_box(self) -> QGroupBox:
        """The pipelines, their stages, and the reasons a deal is lost for."""
        box = QGroupBox(self.tr("خط‌های فروش و مرحله‌ها"))
        self.stages_editor = StagesEditor(self.ctx)
        self.lost_reasons = LostReasonsEditor(self.ctx)
        layout = QVBoxLayout(box)
        layout.addWidget(self.stages_editor)
        layout.addWidget(QLabel(self.tr("دلیل‌های از دست رفتن معامله:")))
        layout.addWidget(self.lost_reasons)
        return box

    def _templates_box(self) -> QGroupBox:
        """The letters, emails and SMS the office sends from templates."""
        box = QGroupBox(self.tr("قالب‌های پیام"))
        self.templates_editor = TemplatesEditor(self.ctx)
        QVBoxLayout(box).addWidget(self.templates_editor)
        return box

    def _money_combo(self) -> QComboBox:
        """Whether amounts are typed and shown in rials or in tomans."""
        self.money_combo = QComboBox()
        self.money_combo.setObjectName("moneyUnit")
        self.money_combo.addItem(self.tr("ریال"), "rial")
        self.money_combo.addItem(self.tr("تومان"), "toman")
        return self.money_combo

    def _assignment_combo(self) -> QComboBox:
        """Who a new lead with no owner goes to: nobody until one is chosen, or the reps
        in turn."""
        self.assignment_combo = QComboBox()
        self.assignment_combo.setObjectName("leadAssignment")
        self.assignment_combo.addItem(self.tr("مسئول را خودمان انتخاب می‌کنیم"), "manual")
        self.assignment_combo.addItem(self.tr("به نوبت میان کارشناسان فروش"), "round_robin")
        return self.assignment_combo

    def _load(self) -> None:
        db = self.ctx.db
        self.office_edit.setText(office.office_name(db) or "")
        weekend = office.weekend_days(db)
        for index, check in self.weekend_checks.items():
            blocked = check.blockSignals(True)
            check.setChecked(index in weekend)
            check.blockSignals(blocked)
        blocked = self.country_combo.blockSignals(True)
        self.country_combo.setCurrentIndex(
            max(self.country_combo.findData(office.office_region(db)), 0)
        )
        self.country_combo.blockSignals(blocked)
        blocked = self.money_combo.blockSignals(True)
        self.money_combo.setCurrentIndex(max(self.money_combo.findData(office.money_unit(db)), 0))
        self.money_combo.blockSignals(blocked)
        blocked = self.assignment_combo.blockSignals(True)
        self.assignment_combo.setCurrentIndex(
            max(self.assignment_combo.findData(leads.assignment(db)), 0)
        )
        self.assignment_combo.blockSignals(blocked)
        blocked = self.user_combo.blockSignals(True)
        self.user_combo.clear()
        for user in users.list_users(db):
            self.user_combo.addItem(user.name, user.id)
        current = users.current_user(db)
        self.user_combo.setCurrentIndex(
            -1 if current is None else self.user_combo.findData(current.id)
        )
        self.user_combo.blockSignals(blocked)

    # -- wiring --------------------------------------------------------------------

    def _wire(self) -> None:
        self.office_edit.editingFinished.connect(self.save_office_name)
        for check in self.weekend_checks.values():
            check.toggled.connect(self.save_weekend)
        self.country_combo.currentIndexChanged.connect(self.save_country)
        self.money_combo.currentIndexChanged.connect(self.save_money_unit)
        self.assignment_combo.currentIndexChanged.connect(self.save_assignment)
        self.user_combo.currentIndexChanged.connect(self.save_current_user)
        self.ctx.changes.changed.connect(self._changed)

    def _changed(self, change: Change) -> None:
        if change.kind in (SETTINGS, USERS):
            self._load()

    def save_office_name(self) -> None:
        if (office.office_name(self.ctx.db) or "") == self.office_edit.text().strip():
            return
        db, name = self.ctx.db, self.office_edit.text()
        apply(self.ctx, lambda: office.set_office_name(db, name))

    def save_weekend(self) -> None:
        chosen = [index for index, check in self.weekend_checks.items() if check.isChecked()]
        db = self.ctx.db
        apply(self.ctx, lambda: office.set_weekend_days(db, chosen))

    def save_country(self) -> None:
        code = str(self.country_combo.currentData())
        if code == office.office_region(self.ctx.db):
            return
        db = self.ctx.db
        apply(self.ctx, lambda: office.set_office_region(db, code))

    def save_money_unit(self) -> None:
        unit = str(self.money_combo.currentData())
        db = self.ctx.db
        apply(self.ctx, lambda: office.set_money_unit(db, unit))

    def save_assignment(self) -> None:
        mode = str(self.assignment_combo.currentData())
        db = self.ctx.db
        apply(self.ctx, lambda: leads.set_assignment(db, mode))

    def save_current_user(self) -> None:
        user_id = self.user_combo.currentData()
        if user_id:
            db = self.ctx.db
            apply(self.ctx, lambda: users.set_current_user(db, str(user_id)))


def build_page(window: PageHost) -> SettingsPage:
    """The settings in the main window (``main_window.PAGES``)."""
    return SettingsPage(window.ctx)
