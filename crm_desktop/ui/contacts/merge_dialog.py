"""Merging duplicate contacts, field by field, as one undo step.

One column per contact and one row per field: a radio button on each value says whose
value the merged contact keeps. The survivor (the oldest, unless the user picks
another) keeps its id and history; phones, emails and tags are united, and the others'
deals, activities, purchases and service requests move to it. ``MergeView`` is the
widgets; ``MergeDialog`` fills and wires them and runs the merge.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.errors import UserError
from crm_desktop.services.contacts import get_contacts
from crm_desktop.services.merge import MergeResult, merge_contacts
from crm_desktop.services.records import ContactRecord
from crm_desktop.services.registry import CONTACT, Field
from crm_desktop.ui.contacts.duplicates_model import date_text, emails_text, phones_text
from crm_desktop.ui.widgets.commands import perform
from crm_desktop.ui.widgets.context import AppContext
from crm_desktop.ui.widgets.display import display_number, interface_language
from crm_desktop.ui.widgets.runner import LongWork
from crm_desktop.ui.widgets.value_names import channel_label, lifecycle_label, row_name

NOTES_JOINED = "joined"  # the notes row's extra choice: keep every different note
VALUE_WIDTH = 210

Shown = Callable[[ContactRecord], str]


def _attr(name: str) -> Shown:
    return lambda record: str(getattr(record, name) or "")


# How a merge field's value reads, where it is not the record's attribute of that name.
_SHOWN: dict[str, Shown] = {
    "company_id": _attr("company"),
    "birth_date": lambda r: date_text(r.birth_date) if r.birth_date else "",
    "preferred_channel": lambda r: channel_label(r.preferred_channel),
    "lifecycle": lambda r: lifecycle_label(r.lifecycle),
    "lead_source_id": lambda r: row_name(r.lead_source),
    "campaign_id": _attr("campaign"),
    "owner_id": _attr("owner"),
    "lead_score": lambda r: display_number(r.lead_score),
}
# (merge field, the registry's field, how its value reads, the attribute that tells if
# it is empty), for the fields the registry marks mergeable, in its merge order.
FIELDS: tuple[tuple[str, Field, Shown, str], ...] = tuple(
    (column, f, _SHOWN.get(column, _attr(column)), column)
    for f in CONTACT.mergeable()
    if (column := f.column) is not None
)
FIELD_NAMES = tuple(f[0] for f in FIELDS)


def _empty(record: ContactRecord, attr: str) -> bool:
    return getattr(record, attr) in (None, "")


def default_source(records: Sequence[ContactRecord], survivor_id: str, attr: str) -> str:
    """The survivor's value when it has one, else the first contact's that has one."""
    survivor = next(r for r in records if r.id == survivor_id)
    if not _empty(survivor, attr):
        return survivor_id
    return next((r.id for r in records if not _empty(r, attr)), survivor_id)


def _one_line(text: str) -> str:
    first = text.strip().splitlines()[0] if text.strip() else ""
    return first + (" …" if "\n" in text.strip() else "")


class MergeView(QDialog):
    """Widgets of the merge dialog: the grid is filled by ``MergeDialog``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mergeDialog")
        self.setWindowTitle(self.tr("ادغام مخاطبان تکراری"))
        self.intro_label = QLabel()
        self.intro_label.setWordWrap(True)
        self.grid_widget = QWidget()
        self.grid = QGridLayout(self.grid_widget)
        self.grid.setHorizontalSpacing(18)
        self.grid.setVerticalSpacing(2)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.grid_widget)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("mergeSummary")
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label = QLabel()
        self.error_label.setObjectName("mergeError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.merge_button = QPushButton(self.tr("ادغام"))
        self.merge_button.setObjectName("mergeButton")
        self.merge_button.setDefault(True)
        self.buttons.addButton(self.merge_button, QDialogButtonBox.ButtonRole.AcceptRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro_label)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

    def heading(self, text: str, row: int, column: int, *, bold: bool = True) -> None:
        """A row's label; bold where the contacts differ, so the eye goes there first."""
        label = QLabel(text)
        font = label.font()
        font.setBold(bold)
        label.setFont(font)
        if not bold:
            label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.grid.addWidget(
            label, row, column, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeading
        )

    def choice(self, text: str, tooltip: str, row: int, column: int) -> QRadioButton:
        button = QRadioButton(text)
        button.setToolTip(tooltip)
        self.grid.addWidget(
            button, row, column, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeading
        )
        return button


class MergeDialog(MergeView):
    """Non-modal: ``open()`` it; ``merged`` tells the survivor's id after the merge."""

    merged = Signal(str)

    def __init__(
        self, ctx: AppContext, contact_ids: Sequence[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        found = get_contacts(ctx.db, list(dict.fromkeys(contact_ids)))
        self.records = sorted(
            (r for r in found if r.deleted_at is None), key=lambda r: (r.created_at, r.id)
        )
        self.survivor_group = QButtonGroup(self)
        self.survivor_buttons: dict[str, QRadioButton] = {}
        self.field_groups: dict[str, QButtonGroup] = {}
        self.field_buttons: dict[str, dict[str, QRadioButton]] = {}
        self.notes_joined_button: QRadioButton | None = None
        self._touched: set[str] = set()
        self.merge_result: MergeResult | None = None
        self.waiting: LongWork[MergeResult] | None = None  # a merge after long work
        self._fill()
        self.buttons.accepted.connect(self.merge)
        self.buttons.rejected.connect(self.reject)
        if len(self.records) < 2:
            self.show_error(self.tr("برای ادغام دست‌کم دو مخاطب موجود لازم است."))
            self.merge_button.setEnabled(False)
        else:
            self.choose_survivor(self.records[0].id)
        self._fit_to_screen()

    def _fit_to_screen(self) -> None:
        """Wide enough for every column and tall enough for every field, on screen."""
        wanted = self.sizeHint().expandedTo(self.grid_widget.sizeHint() + QSize(60, 260))
        screen = self.screen().availableGeometry()
        self.resize(
            min(wanted.width(), screen.width() - 40), min(wanted.height(), screen.height() - 40)
        )

    # -- filling -----------------------------------------------------------------------------

    def _fill(self) -> None:
        self.intro_label.setText(
            self.tr(
                "برای هر فیلد مقداری را که می‌ماند انتخاب کنید. مخاطب ماندگار شناسه و "
                "سابقه‌اش را نگه می‌دارد و بقیه در آن ادغام می‌شوند."
            )
        )
        self.heading(self.tr("مخاطب ماندگار"), 0, 0)
        for column, record in enumerate(self.records, start=1):
            created = date_text(record.created_at.date())
            text = f"{record.full_name}\n{self.tr('ایجاد: %1').replace('%1', created)}"
            button = self.choice(text, record.full_name, 0, column)
            self.survivor_group.addButton(button)
            self.survivor_buttons[record.id] = button
            button.toggled.connect(lambda on, cid=record.id: self._survivor_toggled(cid, on))
        for row, (name, label, shown, _attr_name) in enumerate(FIELDS, start=1):
            differ = len({shown(r) for r in self.records}) > 1
            self.heading(label.title(interface_language()), row, 0, bold=differ)
            group = QButtonGroup(self)
            self.field_groups[name] = group
            self.field_buttons[name] = {}
            for column, record in enumerate(self.records, start=1):
                value = shown(record)
                button = self.choice(_one_line(value) or "—", value, row, column)
                button.setObjectName(f"merge_{name}_{column}")
                group.addButton(button)
                self.field_buttons[name][record.id] = button
            group.buttonClicked.connect(lambda _b, n=name: self._touched.add(n))
        if len({r.notes.strip() for r in self.records if r.notes and r.notes.strip()}) > 1:
            self.notes_joined_button = self.choice(
                self.tr("همه کنار هم"),
                self.tr("یادداشت‌های متفاوت همه نگه داشته می‌شوند"),
                len(FIELDS),
                len(self.records) + 1,
            )
            self.field_groups["notes"].addButton(self.notes_joined_button)
        for column in range(1, len(self.records) + 1):
            self.grid.setColumnMinimumWidth(column, VALUE_WIDTH)
        self.grid.setColumnStretch(len(self.records) + 2, 1)
        self.grid.setRowStretch(len(FIELDS) + 1, 1)

    # -- choosing ------------------------------------------------------------------------------

    @property
    def survivor_id(self) -> str:
        return next(cid for cid, b in self.survivor_buttons.items() if b.isChecked())

    def choose_survivor(self, contact_id: str, *, keep_touched: bool = False) -> None:
        """Make this contact the survivor; untouched fields take their new defaults."""
        self.survivor_buttons[contact_id].setChecked(True)
        for name, _label, _shown, attr in FIELDS:
            if keep_touched and name in self._touched:
                continue
            source = default_source(self.records, contact_id, attr)
            self.field_buttons[name][source].setChecked(True)
        self._show_summary()

    def _survivor_toggled(self, contact_id: str, on: bool) -> None:
        if on:
            self.choose_survivor(contact_id, keep_touched=True)

    def choose(self, field: str, contact_id: str) -> None:
        """Keep ``contact_id``'s value of ``field`` (what clicking its radio button does)."""
        self.field_buttons[field][contact_id].click()

    def chosen_fields(self) -> dict[str, str]:
        """Field name -> the id whose value is kept; notes left out when all are joined."""
        chosen = {}
        for name in FIELD_NAMES:
            for contact_id, button in self.field_buttons[name].items():
                if button.isChecked():
                    chosen[name] = contact_id
        return chosen

    def _show_summary(self) -> None:
        survivor = next(r for r in self.records if r.id == self.survivor_id)
        phones = tuple(dict.fromkeys(p for r in self.records for p in r.phones))
        emails = tuple(dict.fromkeys(e for r in self.records for e in r.emails))
        tags = tuple(dict.fromkeys(t for r in self.records for t in r.tags))
        none = self.tr("ندارد")
        lines = [
            self.tr("تلفن‌ها: %1").replace("%1", phones_text(phones) or none),
            self.tr("ایمیل‌ها: %1").replace("%1", emails_text(emails) or none),
            self.tr("برچسب‌ها: %1").replace("%1", "، ".join(tags) or none),
            self.tr(
                "معامله‌ها، فعالیت‌ها، خریدها و درخواست‌های خدمات %1 مخاطب دیگر به «%2» "
                "منتقل می‌شوند و آن مخاطبان کنار گذاشته می‌شوند (با واگرد برمی‌گردند)."
            )
            .replace("%1", display_number(len(self.records) - 1))
            .replace("%2", survivor.full_name),
        ]
        self.summary_label.setText("\n".join(lines))

    # -- merging ---------------------------------------------------------------------------------

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()

    def merge(self) -> None:
        """Merge as one undo step and close; a refusal is shown and the dialog stays.

        While long work of this window (an import) holds the database, the merge runs
        after it with the window's progress dialog instead of freezing the window."""
        db = self.ctx.db
        survivor = self.survivor_id
        others = [r.id for r in self.records if r.id != survivor]
        fields = self.chosen_fields()
        text = self.tr("ادغام %1 مخاطب").replace("%1", display_number(len(self.records)))
        notice = (
            self.tr("%1 مخاطب در «%2» ادغام شد.")
            .replace("%1", display_number(len(others)))
            .replace("%2", next(r.full_name for r in self.records if r.id == survivor))
        )
        if self.ctx.busy:
            self.waiting = LongWork(
                self.ctx,
                self,
                lambda _progress: merge_contacts(db, survivor, others, fields=fields),
                title=self.tr("ادغام مخاطبان"),
                text=text + "…",
                step=text,
                notice=notice,
                cancellable=False,
            )
            self.waiting.done.connect(lambda result: self._merged(survivor, result))
            self.waiting.failed.connect(self._merge_failed)
            self.waiting.start()
            return
        try:
            result = perform(
                self.ctx,
                text,
                lambda: merge_contacts(db, survivor, others, fields=fields),
                notice=notice,
            )
        except UserError as error:
            self.show_error(error.message(self.ctx.lang))
            return
        self._merged(survivor, result)

    def _merged(self, survivor: str, result: MergeResult) -> None:
        self.merge_result = result
        self.merged.emit(survivor)
        self.accept()

    def _merge_failed(self, error: Exception) -> None:
        message = error.message(self.ctx.lang) if isinstance(error, UserError) else str(error)
        self.show_error(message)
