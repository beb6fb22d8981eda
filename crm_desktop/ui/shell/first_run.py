"""First run: who is using this laptop, and the office's name.

Asked once, when the database has no current user; a database made by ``demo`` has
one (its manager) and opens without the question. The dialog is non-modal: the window
behind it stays disabled until it is answered (``ask_if_needed``), and closing it
without an answer closes the window.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.errors import InvalidInput, UserError
from crm_desktop.locale import normalize_text
from crm_desktop.models import Role
from crm_desktop.services import office, users
from crm_desktop.ui.widgets.commands import apply
from crm_desktop.ui.widgets.context import AppContext

NEW_PERSON = ""  # the combo box entry that asks for a new name


def needs_first_run(ctx: AppContext) -> bool:
    return users.current_user(ctx.db) is None


def username_for(name: str, taken: set[str]) -> str:
    """A login name for a new user: Latin letters kept, else ``user``; never a taken one."""
    base = re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_") or "user"
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}{n}"
    return candidate


class FirstRunDialog(QDialog):
    completed = Signal(str)  # the id of the user now at this laptop

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("firstRun")
        self.setWindowTitle(self.tr("به برنامه خوش آمدید"))
        self.setModal(False)
        self.setMinimumWidth(460)

        intro = QLabel(self.tr("پیش از شروع، بگویید چه کسی با این رایانه کار می‌کند."))
        intro.setWordWrap(True)
        self.user_combo = QComboBox()
        self.user_combo.setObjectName("firstRunUser")
        for user in users.list_users(ctx.db):
            self.user_combo.addItem(user.name, user.id)
        self.user_combo.addItem(self.tr("شخص جدید…"), NEW_PERSON)
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("firstRunName")
        self.name_edit.setPlaceholderText(self.tr("نام و نام خانوادگی"))
        self.manager_check = QCheckBox(self.tr("مدیر فروش است"))
        self.manager_check.setObjectName("firstRunManager")
        self.office_edit = QLineEdit(office.office_name(ctx.db) or "")
        self.office_edit.setObjectName("firstRunOffice")
        self.office_edit.setPlaceholderText(self.tr("مثلاً دفتر فروش تهران"))
        self.error_label = QLabel()
        self.error_label.setObjectName("firstRunError")
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("شروع کار"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("خروج"))

        form = QFormLayout()
        form.addRow(self.tr("کاربر این رایانه:"), self.user_combo)
        form.addRow(self.tr("نام شخص جدید:"), self.name_edit)
        form.addRow("", self.manager_check)
        form.addRow(self.tr("نام دفتر:"), self.office_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.user_combo.currentIndexChanged.connect(self._user_changed)
        self._user_changed()

    def _user_changed(self) -> None:
        new = self.user_combo.currentData() == NEW_PERSON
        self.name_edit.setEnabled(new)
        self.manager_check.setEnabled(new)
        # With nobody yet, the first person is most likely setting up the office.
        self.manager_check.setChecked(new and self.user_combo.count() == 1)
        if new:
            self.name_edit.setFocus()

    def save(self) -> None:
        db, office_name = self.ctx.db, self.office_edit.text()

        def answer() -> str:
            user_id = self._chosen_user()
            office.set_office_name(db, office_name)
            users.set_current_user(db, user_id)
            return user_id

        try:
            user_id = apply(self.ctx, answer)
        except UserError as exc:
            self.error_label.setText(exc.message(self.ctx.lang))
            return
        self.accept()
        self.completed.emit(user_id)

    def _chosen_user(self) -> str:
        chosen = str(self.user_combo.currentData())
        if chosen != NEW_PERSON:
            return chosen
        name = normalize_text(self.name_edit.text())
        if not name:
            raise InvalidInput("نام شخص جدید را بنویسید.", "Type the new person's name.")
        taken = {user.username for user in users.list_users(self.ctx.db)}
        role = Role.MANAGER if self.manager_check.isChecked() else Role.REP
        return users.create_user(self.ctx.db, name, username_for(name, taken), role).id


def ask_if_needed(ctx: AppContext, window: QWidget) -> FirstRunDialog | None:
    """Ask the first-run questions over a disabled ``window``; None when not needed."""
    if not needs_first_run(ctx):
        return None
    window.setEnabled(False)
    # A dialog is a window of its own: disabling its parent leaves it usable.
    dialog = FirstRunDialog(ctx, window)
    dialog.completed.connect(lambda _user_id: window.setEnabled(True))
    dialog.rejected.connect(window.close)
    dialog.open()
    return dialog
