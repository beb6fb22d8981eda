"""The contact window: create or edit one contact, with undo, checks and a duplicate warning.

``ContactEditorView`` holds the widgets; this module fills its pickers, reads it into a
``ContactForm``, saves through the contacts service as one undo step, and keeps an
eye on phones and emails that already belong to someone else.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from PySide6.QtCore import QStringListModel, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QComboBox, QCompleter, QLabel, QVBoxLayout, QWidget

from crm_desktop.errors import NotFound, UserError
from crm_desktop.locale import normalize_multiline, normalize_text
from crm_desktop.models import Channel, Lifecycle
from crm_desktop.services import deals, duplicates
from crm_desktop.services.contacts import (
    create_contact,
    get_contact,
    update_contact,
)
from crm_desktop.services.lead_score import score_parts
from crm_desktop.services.leads import slipping
from crm_desktop.services.records import ContactRecord
from crm_desktop.services.users import current_user
from crm_desktop.ui.activities.activity_list_view import for_record
from crm_desktop.ui.activities.requests_view import RequestsView
from crm_desktop.ui.contacts.contact_editor_view import ContactEditorView
from crm_desktop.ui.contacts.contact_form import (
    ContactForm,
    SharedChoices,
    changes_between,
    form_of,
    split_tags,
)
from crm_desktop.ui.widgets.commands import perform, perform_in_background
from crm_desktop.ui.widgets.context import CONTACTS, AppContext, Change
from crm_desktop.ui.widgets.display import display_number, isolate
from crm_desktop.ui.widgets.edit_window import EditWindow
from crm_desktop.ui.widgets.history_view import HistoryView
from crm_desktop.ui.widgets.value_names import channel_label, lifecycle_label, row_name

CONTEXT = "ContactEditor"
DUPLICATE_CHECK_DELAY_MS = 250


def _fill(combo: QComboBox, items: list[tuple[str | None, str]]) -> None:
    """Replace the items, keeping the chosen one (by its data) even when it is gone."""
    chosen, label = combo.currentData(), combo.currentText()
    combo.blockSignals(True)
    combo.clear()
    for data, text in items:
        combo.addItem(text, data)
    index = combo.findData(chosen)
    if index < 0 and chosen is not None:
        combo.addItem(label, chosen)  # e.g. a lead source removed since
        index = combo.count() - 1
    combo.setCurrentIndex(max(index, 0))
    combo.blockSignals(False)


def _choose(combo: QComboBox, data: str | None, label: str | None = None) -> None:
    index = combo.findData(data)
    if index < 0 and data is not None:
        combo.addItem(label or data, data)  # e.g. a lead source removed since
        index = combo.count() - 1
    combo.setCurrentIndex(max(index, 0))


class ContactEditor(EditWindow):
    """A window for one contact (``contact_id`` None: a new one)."""

    saved = Signal(str)
    open_contact_requested = Signal(str)
    open_deal_requested = Signal(str)

    def __init__(
        self, ctx: AppContext, contact_id: str | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.contact_id = contact_id
        self.setObjectName("contactEditor")
        self.view = ContactEditorView(ctx.lang)
        # A lead slipping: no work planned, or nothing done for a while.
        self.warning = QLabel()
        self.warning.setObjectName("leadWarning")
        self.warning.setStyleSheet("color: #8a5a00; padding: 4px 16px;")
        self.warning.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.warning)
        layout.addWidget(self.view)
        self.activities = for_record(ctx, "contact_id", self)
        self.view.tabs.addTab(self.activities, self.tr("فعالیت‌ها"))
        self.requests = RequestsView(ctx, contact_field=False)
        self.view.tabs.addTab(self.requests, self.tr("درخواست‌ها"))
        self.history = HistoryView(ctx, CONTACTS)
        self.view.tabs.addTab(self.history, self.tr("تاریخچه"))
        self.resize(980, 720)
        self._initial = ContactForm()
        self._loading = False
        # The missing-name message waits until the name fields were left or a save tried.
        self._name_checked = False
        self._duplicate_id: str | None = None
        self.duplicate_matches: list[duplicates.DuplicateMatch] = []
        self._waiting_job: object | None = None  # a save waiting for long work

        self._duplicate_timer = QTimer(self)
        self._duplicate_timer.setSingleShot(True)
        self._duplicate_timer.setInterval(DUPLICATE_CHECK_DELAY_MS)
        self._duplicate_timer.timeout.connect(self.check_duplicates)

        self._shared = SharedChoices.of(ctx)
        self._set_up_pickers()
        self._wire()
        self.load()

    # -- filling the window ----------------------------------------------------------

    def _set_up_pickers(self) -> None:
        """Fixed choices now; the rest (companies, reps...) when ``SharedChoices`` has them.

        Reading 12,500 company names and every tag and city takes a good part of a
        second at 100,000 contacts, so it never happens on the UI thread while the
        window opens, and once for all the windows.
        """
        v = self.view
        none = self.tr("—")
        _fill(v.channel, [(None, none)] + [(c.value, channel_label(c.value)) for c in Channel])
        _fill(v.lifecycle, [(s.value, lifecycle_label(s.value)) for s in Lifecycle])
        for combo in (v.lead_source, v.campaign, v.owner):
            _fill(combo, [(None, none)])
        self._fill_pickers()
        self._shared.ready.connect(self._fill_pickers)
        self._shared.request()

    def _fill_pickers(self) -> None:
        v = self.view
        model = self._shared.company_model
        if v.company.model() is not model:
            text = v.company.currentText()
            v.company.blockSignals(True)
            v.company.setModel(model)
            v.company.setEditText(text)
            v.company.blockSignals(False)
            completer = QCompleter(model, v.company)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            v.company.setCompleter(completer)  # the combo deletes the old one
        choices = self._shared.choices
        if choices is None:
            return
        none = self.tr("—")
        _fill(v.lead_source, [(None, none)] + [(i, row_name(n)) for i, n in choices.lead_sources])
        _fill(v.campaign, [(None, none), *choices.campaigns])
        _fill(v.owner, [(None, none), *choices.owners])
        v.tags_completer.setModel(QStringListModel(choices.tags, v.tags_completer))
        for edit, values in ((v.city, choices.cities), (v.province, choices.provinces)):
            place = QCompleter(values, edit)
            place.setFilterMode(Qt.MatchFlag.MatchStartsWith)
            edit.setCompleter(place)

    def load(self) -> None:
        """Show the contact as saved (or a blank new one), forgetting any edits."""
        record = get_contact(self.ctx.db, self.contact_id) if self.contact_id else None
        self._loading = True
        try:
            self._show(record)
        finally:
            self._loading = False
        self._initial = self.current_form()
        self._name_checked = False
        self._update_title(record)
        self.history.show_record(self.contact_id)
        self.activities.show_record(self.contact_id, record.full_name if record else "")
        self._warn(record)
        self.requests.show_contact(self.contact_id)
        self.view.new_deal_button.setEnabled(self.contact_id is not None)
        self.view.send_button.setEnabled(self.contact_id is not None)
        self._on_edited()

    def _warn(self, record: ContactRecord | None) -> None:
        """Say when a lead or prospect has no next step, or nothing was done for long."""
        state = slipping(self.ctx.db, record.id) if record is not None else None
        parts = []
        if state is not None and state.no_next_step:
            parts.append(self.tr("گام بعدی ندارد: کاری برایش برنامه‌ریزی نشده است (Ctrl+L)."))
        if state is not None and state.idle_days is not None:
            days = display_number(state.idle_days)
            parts.append(self.tr("%1 روز است کاری برایش انجام نشده است.").replace("%1", days))
        self.warning.setText(" ".join(parts))
        self.warning.setVisible(bool(parts))

    def _score_reasons(self, record: ContactRecord | None) -> str:
        """Which rules gave the contact its score (``services.lead_score``)."""
        if record is None:
            return self.tr("امتیاز پس از ذخیره از روی قاعده‌ها حساب می‌شود.")
        parts = score_parts(self.ctx.db, record.id)
        if not parts:
            return self.tr("هنوز هیچ قاعده‌ای امتیازی نداده است.")
        lines = [f"{part.label(self.ctx.lang)}: {display_number(part.points)}" for part in parts]
        return "\n".join(lines)

    def send_message(self) -> object:
        """A message from a template, filled for this contact (saved edits first)."""
        from crm_desktop.ui.activities.send_message import open_send_dialog

        if self.contact_id is None or (self.is_dirty() and not self.save()):
            return None
        return open_send_dialog(self.ctx, self, [self.contact_id])

    def new_deal(self) -> None:
        """A deal for this contact (saved edits first), opened in its own window."""
        if self.contact_id is None or (self.is_dirty() and not self.save()):
            return
        db, contact_id = self.ctx.db, self.contact_id
        try:
            deal = perform(
                self.ctx, self.tr("ساخت معامله"), lambda: deals.deal_for_contact(db, contact_id)
            )
        except UserError as error:
            self.view.error_bar.setText(error.message(self.ctx.lang))
            self.view.error_bar.show()
            return
        self.open_deal_requested.emit(deal.id)

    def _show(self, record: ContactRecord | None) -> None:
        v = self.view
        if record is None:
            user = current_user(self.ctx.db)
            form = ContactForm(owner_id=user.id if user else None)
            owner = user.name if user else None
        else:
            form = form_of(record)
            owner = record.owner
        v.first_name.setText(form.first_name)
        v.last_name.setText(form.last_name)
        v.company.setEditText(form.company)
        v.job_title.setText(form.job_title)
        v.phones.set_values(form.phones)
        v.emails.set_values(form.emails)
        v.address.setText(form.address)
        v.city.setText(form.city)
        v.province.setText(form.province)
        v.birth_date.setDate(form.birth_date)
        _choose(v.channel, form.preferred_channel)
        _choose(v.lifecycle, form.lifecycle)
        v.lead_score.setValue(form.lead_score)
        v.lead_score.setToolTip(self._score_reasons(record))
        source = row_name(record.lead_source) if record else None
        _choose(v.lead_source, form.lead_source_id, source)
        _choose(v.campaign, form.campaign_id, record.campaign if record else None)
        _choose(v.owner, form.owner_id, owner)
        v.tags.setText("، ".join(form.tags))
        v.notes.setPlainText(form.notes)
        if record is not None and record.deleted_at is not None:
            v.show_error(self.tr("این مخاطب در سطل زباله است."))
        else:
            v.show_error("")

    def _update_title(self, record: ContactRecord | None) -> None:
        if record is None:
            title = self.tr("مخاطب جدید")
        else:
            title = self.tr("مخاطب: %1").replace("%1", isolate(record.full_name))
        self.view.title_label.setText(title)
        self.setWindowTitle(title + "[*]")

    # -- reading the window ----------------------------------------------------------

    def current_form(self) -> ContactForm:
        v = self.view
        return ContactForm(
            first_name=normalize_text(v.first_name.text()),
            last_name=normalize_text(v.last_name.text()),
            company=normalize_text(v.company.currentText()),
            job_title=normalize_text(v.job_title.text()),
            phones=v.phones.values(),
            emails=v.emails.values(),
            address=normalize_text(v.address.text()),
            city=normalize_text(v.city.text()),
            province=normalize_text(v.province.text()),
            birth_date=v.birth_date.date(),
            preferred_channel=v.channel.currentData(),
            lifecycle=v.lifecycle.currentData() or Lifecycle.LEAD.value,
            lead_score=v.lead_score.value(),
            lead_source_id=v.lead_source.currentData(),
            campaign_id=v.campaign.currentData(),
            owner_id=v.owner.currentData(),
            tags=split_tags(v.tags.text()),
            notes=normalize_multiline(v.notes.toPlainText()),
        )

    def is_dirty(self) -> bool:
        # Phones and emails being typed count as edits before they parse.
        typed = [r.text() for r in (*self.view.phones.rows, *self.view.emails.rows)]
        shown = [r.value() for r in (*self.view.phones.rows, *self.view.emails.rows)]
        half_typed = any(t.strip() and v is None for t, v in zip(typed, shown, strict=True))
        return half_typed or self.current_form() != self._initial

    def has_name(self) -> bool:
        return bool(self.view.first_name.text().strip() or self.view.last_name.text().strip())

    def is_valid(self) -> bool:
        v = self.view
        return self.has_name() and v.phones.is_valid() and v.emails.is_valid()

    def can_save(self) -> bool:
        return self.is_valid() and self.is_dirty()

    # -- wiring ----------------------------------------------------------------------

    def _wire(self) -> None:
        v = self.view
        for edit in (v.first_name, v.last_name, v.job_title, v.address, v.city, v.province):
            edit.textChanged.connect(self._on_edited)
        v.tags.textChanged.connect(self._on_edited)
        v.notes.textChanged.connect(self._on_edited)
        v.company.editTextChanged.connect(self._on_edited)
        for combo in (v.channel, v.lifecycle, v.lead_source, v.campaign, v.owner):
            combo.currentIndexChanged.connect(self._on_edited)
        v.lead_score.valueChanged.connect(self._on_edited)
        v.birth_date.dateChanged.connect(self._on_edited)
        v.phones.changed.connect(self._on_values_edited)
        v.emails.changed.connect(self._on_values_edited)
        v.first_name.editingFinished.connect(self._left_a_name_field)
        v.last_name.editingFinished.connect(self._left_a_name_field)
        v.save_button.clicked.connect(self.save)
        v.close_button.clicked.connect(self.close)
        v.new_deal_button.clicked.connect(self.new_deal)
        v.send_button.clicked.connect(self.send_message)
        v.duplicate_bar.open_button.clicked.connect(self._open_duplicate)
        self.ctx.changes.changed.connect(self._on_data_changed)

    def _on_values_edited(self) -> None:
        self._on_edited()
        if not self._loading:
            self._duplicate_timer.start()

    def _left_a_name_field(self) -> None:
        # Tab from the first name to the family name is still typing the name.
        if QApplication.focusWidget() not in (self.view.first_name, self.view.last_name):
            self._name_checked = True
            self._on_edited()

    def _on_edited(self) -> None:
        if self._loading:
            return
        v = self.view
        v.name_message.setVisible(self._name_checked and not self.has_name())
        dirty = self.is_dirty()
        # Enabled for any edit: a click on Save says what is missing instead of nothing.
        v.save_button.setEnabled(dirty)
        self.setWindowModified(dirty)

    def check(self) -> bool:
        """Show every message of the form and go to the first field to fix; True if valid."""
        v = self.view
        self._name_checked = True
        valid = [v.phones.check(), v.emails.check()]
        self._on_edited()
        wrong = v.phones.first_invalid() or v.emails.first_invalid()
        if not self.has_name():
            v.first_name.setFocus()
        elif wrong is not None:
            wrong.edit.setFocus()
        return self.has_name() and all(valid)

    def _on_data_changed(self, change: Change) -> None:
        # New companies and reps reach the pickers through ``SharedChoices.ready``.
        mine = self.contact_id is not None and (not change.ids or self.contact_id in change.ids)
        if change.kind == CONTACTS and mine and not self.is_dirty():
            try:
                self.load()  # e.g. an undo of this contact's last edit
            except NotFound:  # an undo of its creation: there is nothing left to edit
                self.close()
        elif change.kind in ("activities", "deals") and self.contact_id is not None:
            # A call logged or planned, a deal moved: the warning and the score follow.
            try:
                record = get_contact(self.ctx.db, self.contact_id)
            except NotFound:
                return
            self._warn(record)
            self._initial = dataclasses.replace(self._initial, lead_score=record.lead_score)
            self.view.lead_score.setValue(record.lead_score)  # not an edit: a worked-out value
            self.view.lead_score.setToolTip(self._score_reasons(record))

    # -- duplicates ------------------------------------------------------------------

    def check_duplicates(self) -> None:
        self._duplicate_timer.stop()
        v = self.view
        self.duplicate_matches = duplicates.find_matches(
            self.ctx.db,
            phones=v.phones.typed_texts(),
            emails=v.emails.typed_texts(),
            exclude_id=self.contact_id,
        )
        if not self.duplicate_matches:
            self._duplicate_id = None
            v.duplicate_bar.hide()
            return
        match = self.duplicate_matches[0]
        self._duplicate_id = match.contact_id
        who = f"«{match.full_name}»"
        if match.company:
            who += f" ({match.company})"
        if match.reason == "phone":
            text = self.tr("این شماره برای %1 ثبت شده است.")
        else:
            text = self.tr("این ایمیل برای %1 ثبت شده است.")
        others = len({m.contact_id for m in self.duplicate_matches}) - 1
        if others:
            text += " " + self.tr("(و %2 مخاطب دیگر)").replace("%2", display_number(others))
        v.duplicate_bar.label.setText(text.replace("%1", who))
        v.duplicate_bar.show()

    def _open_duplicate(self) -> None:
        if self._duplicate_id is not None:
            self.open_contact_requested.emit(self._duplicate_id)

    # -- saving ----------------------------------------------------------------------

    def save(self) -> bool:
        """Save now; False when it could not, or when the save waits (see below)."""
        if self.waiting or not self.is_dirty() or not self.check():
            return False
        text, work = self._save_work(self.current_form())
        if self.ctx.busy:
            self._save_when_free(text, work)
            return False  # not saved yet: the window stays open with the edit
        try:
            record = perform(self.ctx, text, work)
        except UserError as exc:
            self.view.show_error(exc.message(self.ctx.lang))
            return False
        self._saved(record)
        return True

    @property
    def waiting(self) -> bool:
        return self._waiting_job is not None

    def _save_work(self, form: ContactForm) -> tuple[str, Callable[[], ContactRecord]]:
        db, contact_id = self.ctx.db, self.contact_id
        changes = changes_between(self._initial if contact_id else None, form)
        if contact_id is None:
            text = self.tr("مخاطب جدید «%1»").replace("%1", form.full_name)
            return text, lambda: create_contact(db, changes)
        text = self.tr("ویرایش مخاطب «%1»").replace("%1", form.full_name)
        return text, lambda: update_contact(db, contact_id, changes)

    def _save_when_free(self, text: str, work: Callable[[], ContactRecord]) -> None:
        """Long work of this window (an import, a bulk change) holds the database: the
        save waits for it on the worker, after it, so the window never freezes; the
        edit stays on screen (read-only meanwhile) until it is saved or refused."""
        saved: list[ContactRecord] = []

        def do() -> ContactRecord:
            saved.append(work())
            return saved[0]

        self.view.error_bar.hide()
        self.view.waiting_bar.setText(
            self.tr("کار دیگری (مثلاً ورود داده) در حال انجام است؛ ذخیره پس از آن انجام می‌شود…")
        )
        self.view.waiting_bar.show()
        self._set_waiting(True)
        self._waiting_job = perform_in_background(
            self.ctx,
            text,
            do,
            on_done=lambda: self._saved_after_waiting(saved),
            on_failed=self._save_refused,
        )

    def _set_waiting(self, waiting: bool) -> None:
        self.view.details.setEnabled(not waiting)
        self.view.save_button.setEnabled(not waiting and self.can_save())

    def _saved_after_waiting(self, saved: list[ContactRecord]) -> None:
        self._waiting_job = None
        self.view.waiting_bar.hide()
        self._set_waiting(False)
        if saved:
            self._saved(saved[0])

    def _save_refused(self, error: Exception) -> None:
        self._waiting_job = None
        self.view.waiting_bar.hide()
        self._set_waiting(False)
        if isinstance(error, UserError):
            self.view.show_error(error.message(self.ctx.lang))
        else:  # logged by the worker; the edit is still here to try again
            self.view.show_error(self.tr("ذخیره نشد: %1").replace("%1", str(error)))

    def _saved(self, record: ContactRecord) -> None:
        self.contact_id = record.id
        self.load()
        self.saved.emit(record.id)
