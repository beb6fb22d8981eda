"""The small form that logs a call (or any activity), schedules one, edits one, or marks
one done, and can schedule the next step in the same go.

Keyboard-first: it opens on the subject with sensible defaults (a call, done now, by
the user at this laptop, about the record it was opened from); Ctrl+Enter (or Enter on
a one-line field) saves; the next step is one Alt+N away (whatever the keyboard's
language) and defaults to a follow-up task on the next working day at 10:00. Esc on a
form with something typed asks first. What is saved is one undo step, whatever it
holds; a refusal is said in the form, which stays open with what was typed.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QTime, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QRadioButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.errors import UserError
from crm_desktop.locale import weekday_index
from crm_desktop.models import ActivityKind, utcnow
from crm_desktop.services import activities as activity_service
from crm_desktop.services import lookups
from crm_desktop.services.activity_changes import ActivityChanges
from crm_desktop.services.office import OFFICE_UTC_OFFSET, office_time, office_today
from crm_desktop.services.records import ActivityRecord
from crm_desktop.services.users import list_users
from crm_desktop.ui.contacts.contact_actions import error_message
from crm_desktop.ui.widgets.commands import perform
from crm_desktop.ui.widgets.context import AppContext
from crm_desktop.ui.widgets.display import interface_language
from crm_desktop.ui.widgets.jalali_date_edit import JalaliDateEdit, office_weekend

FOLLOW_UP_MINUTES = 10 * 60
LAST_HOUR = 18  # new work is not set for later than this, office time
MIN_WIDTH = 480
NEW, EDIT, COMPLETE = "new", "edit", "complete"


def next_working_day(day: dt.date, weekend: frozenset[int]) -> dt.date:
    """The first day after ``day`` that is not one of the office's weekend days."""
    following = day + dt.timedelta(days=1)
    while weekday_index(following) in weekend and len(weekend) < 7:
        following += dt.timedelta(days=1)
    return following


def default_due(now: dt.datetime, weekend: frozenset[int]) -> tuple[dt.date, int]:
    """When new work is due unless the rep says: the next whole hour today, office
    time, or 10:00 on the next working day once the day is nearly over."""
    local = now + OFFICE_UTC_OFFSET
    hour = local.hour + 1
    if hour > LAST_HOUR or weekday_index(local.date()) in weekend:
        return next_working_day(local.date(), weekend), FOLLOW_UP_MINUTES
    return local.date(), hour * 60


def _minutes(time: QTime) -> int:
    return time.hour() * 60 + time.minute()


class _When(QWidget):
    """A Jalali date and a time of day, office time."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.date = JalaliDateEdit()
        self.date.setObjectName(f"{name}Date")
        self.time = QTimeEdit()
        self.time.setObjectName(f"{name}Time")
        self.time.setDisplayFormat("HH:mm")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.date, 1)
        layout.addWidget(self.time)
        self.setFocusProxy(self.date)

    def set_stored(self, at: dt.datetime) -> None:
        local = at + OFFICE_UTC_OFFSET
        self.date.setDate(local.date())
        self.time.setTime(QTime(local.hour, local.minute))

    def set_day(self, day: dt.date, minutes: int) -> None:
        self.date.setDate(day)
        self.time.setTime(QTime(minutes // 60, minutes % 60))

    def stored(self) -> dt.datetime | None:
        day = self.date.date()
        return None if day is None else office_time(day, _minutes(self.time.time()))


class ActivityDialog(QDialog):
    """Log, schedule, edit or complete an activity (see the module's notes)."""

    saved = Signal(str)  # the activity's id

    def __init__(  # noqa: PLR0915 (one form, built in one place)
        self,
        ctx: AppContext,
        *,
        record: ActivityRecord | None = None,
        mode: str = NEW,
        kind: str = ActivityKind.CALL,
        contact_id: str | None = None,
        deal_id: str | None = None,
        company_id: str | None = None,
        about: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("activityDialog")
        self.setMinimumWidth(MIN_WIDTH)
        self.ctx = ctx
        self.record = record
        self.mode = mode if record is not None else NEW
        self.links = {
            "contact_id": record.contact_id if record else contact_id,
            "deal_id": record.deal_id if record else deal_id,
            "company_id": record.company_id if record else company_id,
        }
        self.setWindowTitle(
            {
                NEW: self.tr("ثبت فعالیت"),
                EDIT: self.tr("ویرایش فعالیت"),
                COMPLETE: self.tr("انجام شد"),
            }[self.mode]
        )
        types = activity_service.activity_types(ctx.db, interface_language())
        self.type = QComboBox()
        self.type.setObjectName("activityType")
        for code, name in types:
            self.type.addItem(name, code)
        self.subject = QLineEdit()
        self.subject.setObjectName("activitySubject")
        self.done_now = QRadioButton(self.tr("انجام شد"))
        self.done_now.setObjectName("activityDone")
        self.scheduled = QRadioButton(self.tr("برای"))
        self.scheduled.setObjectName("activityScheduled")
        self.due = _When("activityDue")
        self.duration = QSpinBox()
        self.duration.setObjectName("activityDuration")
        self.duration.setRange(0, 24 * 60)
        self.duration.setSingleStep(5)
        self.duration.setSpecialValueText(self.tr("—"))
        self.duration.setSuffix(self.tr(" دقیقه"))
        self.outcome = QLineEdit()
        self.outcome.setObjectName("activityOutcome")
        self.outcome.setPlaceholderText(self.tr("مثلاً: پیش‌فاکتور خواست"))
        self.body = QPlainTextEdit()
        self.body.setObjectName("activityBody")
        self.body.setTabChangesFocus(True)
        self.body.setFixedHeight(70)
        self.owner = QComboBox()
        self.owner.setObjectName("activityOwner")
        self.owner.addItem(self.tr("بدون مسئول"), None)
        for user in list_users(ctx.db):
            self.owner.addItem(user.name, user.id)

        when = QHBoxLayout()
        when.addWidget(self.done_now)
        when.addWidget(self.scheduled)
        when.addWidget(self.due, 1)
        form = QFormLayout()
        if about:
            label = QLabel(about)
            label.setObjectName("activityAbout")
            form.addRow(self.tr("دربارهٔ"), label)
        form.addRow(self.tr("نوع"), self.type)
        form.addRow(self.tr("موضوع"), self.subject)
        form.addRow(self.tr("زمان"), when)
        form.addRow(self.tr("مدت"), self.duration)
        form.addRow(self.tr("نتیجه"), self.outcome)
        form.addRow(self.tr("شرح"), self.body)
        form.addRow(self.tr("مسئول"), self.owner)

        self.next_step = QGroupBox(self.tr("گام بعدی (Alt+N)"))
        self.next_step.setObjectName("nextStep")
        self.next_step.setCheckable(True)
        self.next_step.setChecked(False)
        self.next_type = QComboBox()
        self.next_type.setObjectName("nextStepType")
        for code, name in types:
            if code != ActivityKind.NOTE:  # a note records what happened: never to do
                self.next_type.addItem(name, code)
        self.next_type.setCurrentIndex(max(self.next_type.findData(ActivityKind.TASK), 0))
        self.next_subject = QLineEdit()
        self.next_subject.setObjectName("nextStepSubject")
        self.next_subject.setPlaceholderText(self.tr("پیگیری"))
        self.next_due = _When("nextStepDue")
        self.next_due.set_day(next_working_day(office_today(), office_weekend()), FOLLOW_UP_MINUTES)
        next_form = QFormLayout(self.next_step)
        next_form.addRow(self.tr("نوع"), self.next_type)
        next_form.addRow(self.tr("موضوع"), self.next_subject)
        next_form.addRow(self.tr("موعد"), self.next_due)

        self.error = QLabel()
        self.error.setObjectName("activityError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e")
        self.error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("ذخیره"))
        self.save_button.setDefault(True)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("انصراف"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.save)
        QShortcut(QKeySequence("Alt+N"), self, self._toggle_next_step)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.next_step)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

        self.type.currentIndexChanged.connect(self._type_changed)
        self.done_now.toggled.connect(self._when_changed)
        self.first_field: QWidget = self.subject
        self._fill(kind)
        self._typed = self._texts()
        self.discard_box: QMessageBox | None = None

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self.first_field.setFocus()  # typing starts where the form is about

    # -- the form -------------------------------------------------------------------

    def _fill(self, kind: str) -> None:
        record = self.record
        if record is None:
            self.type.setCurrentIndex(max(self.type.findData(kind), 0))
            with self.ctx.db.session() as session:
                me = lookups.current_user_id(session)
            self.owner.setCurrentIndex(max(self.owner.findData(me), 0))
            self._type_changed()
            return
        self.type.setCurrentIndex(max(self.type.findData(record.type), 0))
        self.subject.setText(record.subject)
        self.outcome.setText(record.outcome or "")
        self.body.setPlainText(record.body or "")
        self.duration.setValue(record.duration or 0)
        self.owner.setCurrentIndex(max(self.owner.findData(record.owner_id), 0))
        if record.due_at is not None:
            self.due.set_stored(record.due_at)
        else:  # no day in particular, until one is chosen
            self.due.date.clear()
            self.due.time.setTime(QTime(FOLLOW_UP_MINUTES // 60, 0))
        done = record.done_at is not None or self.mode == COMPLETE
        (self.done_now if done else self.scheduled).setChecked(True)
        self.scheduled.setEnabled(record.type != ActivityKind.NOTE)
        self._when_changed()
        if self.mode == COMPLETE:
            for field in (self.type, self.subject, self.done_now, self.scheduled, self.due):
                field.setEnabled(False)
            self.first_field = self.outcome

    def _type_changed(self) -> None:
        """A new task or meeting is planned; a call, email, SMS or note is logged."""
        if self.record is not None:
            return
        code = self.type.currentData()
        planned = code in (ActivityKind.TASK, ActivityKind.MEETING)
        (self.scheduled if planned else self.done_now).setChecked(True)
        self.scheduled.setEnabled(code != ActivityKind.NOTE)
        if self.due.date.date() is None:
            day, minutes = default_due(utcnow(), office_weekend())
            self.due.set_day(day, minutes)
        self.subject.setPlaceholderText(self.type.currentText())
        self._when_changed()

    def _texts(self) -> tuple[str, ...]:
        return (
            self.subject.text(),
            self.outcome.text(),
            self.body.toPlainText(),
            self.next_subject.text() if self.next_step.isChecked() else "",
        )

    def reject(self) -> None:
        """Esc or Cancel: what was typed is not thrown away without asking."""
        if self._texts() == self._typed or self.discard_box is not None:
            super().reject()
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.windowTitle(),
            self.tr("آنچه نوشته‌اید ذخیره نشده است. دور ریخته شود؟"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("discardActivity")
        box.button(QMessageBox.StandardButton.Discard).setText(self.tr("دور ریختن"))
        box.button(QMessageBox.StandardButton.Cancel).setText(self.tr("ادامهٔ نوشتن"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.finished.connect(self._discard_answered)
        self.discard_box = box
        box.open()

    def _discard_answered(self, answer: int) -> None:
        box, self.discard_box = self.discard_box, None
        if (
            box is not None
            and box.buttonRole(box.clickedButton()) == box.ButtonRole.DestructiveRole
        ):
            super().reject()

    def _toggle_next_step(self) -> None:
        self.next_step.setChecked(not self.next_step.isChecked())
        if self.next_step.isChecked():
            self.next_subject.setFocus()

    def _when_changed(self) -> None:
        self.due.setEnabled(self.scheduled.isChecked() and self.mode != COMPLETE)

    def changes(self) -> ActivityChanges:
        """What the form says, as a change of every field it shows."""
        changes = ActivityChanges(
            type=self.type.currentData(),
            subject=self.subject.text().strip() or self.type.currentText(),
            body=self.body.toPlainText().strip() or None,
            outcome=self.outcome.text().strip() or None,
            duration=self.duration.value() or None,
            owner_id=self.owner.currentData(),
        )
        record = self.record
        if self.scheduled.isChecked():
            changes.due_at = self.due.stored()  # no date: a task for no day in particular
            if record is not None and record.done_at is not None:
                changes.done_at = None  # to do again
        elif record is None or record.done_at is None:
            changes.done_at = utcnow()  # done now (a done one keeps its due and done times)
        if record is None:
            changes.contact_id = self.links["contact_id"]
            changes.deal_id = self.links["deal_id"]
            changes.company_id = self.links["company_id"]
        return changes

    def next_changes(self) -> ActivityChanges | None:
        if not self.next_step.isChecked():
            return None
        return ActivityChanges(
            type=self.next_type.currentData(),
            subject=self.next_subject.text().strip() or self.tr("پیگیری"),
            due_at=self.next_due.stored(),
        )

    # -- saving ---------------------------------------------------------------------

    def save(self) -> None:
        db = self.ctx.db
        changes, follow = self.changes(), self.next_changes()
        planned = self.scheduled.isChecked() and self.scheduled.isEnabled()
        if planned and changes.due_at is None and changes.type != ActivityKind.TASK:
            self.error.setText(self.tr("برای آنچه در پیش است روز و ساعت را بگویید."))
            self.error.show()
            return
        record = self.record
        try:
            if record is None:
                saved, _next = perform(
                    self.ctx,
                    self.tr("ثبت فعالیت"),
                    lambda: activity_service.log_activity(db, changes, next_step=follow),
                )
            elif self.mode == COMPLETE:
                saved, _next = perform(
                    self.ctx,
                    self.tr("انجام شد"),
                    lambda: self._complete(record, changes, follow),
                )
            else:
                saved = perform(
                    self.ctx, self.tr("ویرایش فعالیت"), lambda: self._edit(record, changes)
                )
        except UserError as error:
            self.error.setText(error_message(error, self.ctx.lang))
            self.error.show()
            return
        self.saved.emit(saved.id)
        self.accept()

    def _complete(
        self, record: ActivityRecord, changes: ActivityChanges, follow: ActivityChanges | None
    ) -> tuple[ActivityRecord, ActivityRecord | None]:
        done = ActivityChanges(
            outcome=changes.outcome,
            body=changes.body,
            duration=changes.duration,
            owner_id=changes.owner_id,
        )
        return activity_service.complete_activity(
            self.ctx.db, record.id, changes=done, next_step=follow
        )

    def _edit(self, record: ActivityRecord, changes: ActivityChanges) -> ActivityRecord:
        if self.done_now.isChecked() != (record.done_at is not None):
            changes.done_at = utcnow() if self.done_now.isChecked() else None
        return activity_service.update_activity(self.ctx.db, record.id, changes)


def open_activity_dialog(ctx: AppContext, parent: QWidget, **form: Any) -> ActivityDialog:
    """The form (``ActivityDialog``'s keywords), non-modal over ``parent``, deleted
    once closed."""
    dialog = ActivityDialog(ctx, parent=parent, **form)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog
