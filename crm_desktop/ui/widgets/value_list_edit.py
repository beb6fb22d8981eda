"""Editors for phones, emails and web addresses: checked as you type, left to right.

``ValidatedLineEdit`` is one value with its Persian message underneath when it does not
parse, and a button that offers to copy it (or write to it, or open it). A
``ValueListEdit`` is a list of them that can grow, shrink and be reordered: a contact's
several phones or emails.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QGuiApplication, QMouseEvent, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.errors import UserError
from crm_desktop.locale import format_phone, normalize_email, parse_phone
from crm_desktop.locale.numbers import PERSIAN_THOUSANDS
from crm_desktop.ui.widgets.display import display_digits, persian_digits_enabled

PHONE, EMAIL, WEBSITE = "phone", "email", "website"
ERROR_STYLE = "color: #b3261e;"

FSI, LRI, PDI = "\u2068", "\u2066", "\u2069"
_QUOTED = re.compile("«([^«»]*)»")
# A number in prose ("12", "1,000,000"), then a Latin example or address set into
# Persian prose: "example.com", "name@example.com".
_NUMBER_TEXT = r"\d{1,3}(?:,\d{3})+|\d+"
_NUMBER = re.compile(_NUMBER_TEXT)
_LATIN_RUN = re.compile(
    rf"(?<![A-Za-z0-9])(?:{_NUMBER_TEXT})(?![A-Za-z0-9@.+\-_/:,]*[A-Za-z0-9])"
    r"|[A-Za-z0-9][A-Za-z0-9@.+\-_/:]*[A-Za-z0-9]|[A-Za-z]"
)
_ARABIC_SCRIPT = re.compile("[\u0600-\u06ff]")


PLACEHOLDERS = {PHONE: "0912 123 4567", EMAIL: "name@example.com", WEBSITE: "example.com"}


def bidi_message(message: str) -> str:
    """A message that reads right however its values are written.

    The value between « and » keeps its own direction (first strong isolate), so
    "bad@" stays "bad@" in a Persian sentence instead of turning into "@bad"; in a
    Persian message, Latin examples ("example.com") become left-to-right islands, so
    the punctuation around them keeps its place, and a number of the prose ("32,767")
    is written the Persian way (``_in_persian_prose``).
    """
    parts = _QUOTED.split(message)  # even: prose, odd: a quoted value
    persian = any(_ARABIC_SCRIPT.search(prose) for prose in parts[::2])
    out = []
    for i, part in enumerate(parts):
        if i % 2:
            out.append(f"«{FSI}{part}{PDI}»")
        elif persian:
            out.append(_LATIN_RUN.sub(_in_persian_prose, part))
        else:
            out.append(part)
    return "".join(out)


def _in_persian_prose(match: re.Match[str]) -> str:
    """A Latin run of a Persian message, isolated; a number alone in Persian digits and
    separators when the interface uses them ("۱٬۰۰۰٬۰۰۰"), else isolated whole (its
    groups would otherwise be laid out right to left: "000,000,1")."""
    text = match.group()
    if _NUMBER.fullmatch(text) and persian_digits_enabled():
        return display_digits(text).replace(",", PERSIAN_THOUSANDS)
    return f"{LRI}{text}{PDI}"


def _website(text: str) -> str:
    return text.strip()


PARSERS: dict[str, Callable[[str], str]] = {
    PHONE: parse_phone,
    EMAIL: normalize_email,
    WEBSITE: _website,
}


def shown_value(kind: str, stored: str) -> str:
    """How a stored value is put back into its field for editing."""
    if kind == PHONE:
        return format_phone(stored, persian_digits=persian_digits_enabled())
    return stored


def web_url(address: str) -> QUrl:
    return QUrl.fromUserInput(address)


class ValidatedLineEdit(QWidget):
    """One phone, email or web address; ``value()`` is its stored form or None."""

    changed = Signal()
    remove_requested = Signal()
    move_requested = Signal(int)  # -1 up, +1 down

    def __init__(
        self, kind: str, *, lang: str = "fa", in_list: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.kind = kind
        self._lang = lang
        self._parse = PARSERS[kind]
        self.edit = QLineEdit()
        self.edit.setObjectName(f"{kind}Edit")
        # Phones, emails and URLs read left to right even in the Persian window.
        self.edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.edit.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        # A sample phone reads in the interface's digits, as the stored ones do.
        sample = PLACEHOLDERS[kind]
        self.edit.setPlaceholderText(display_digits(sample) if kind == PHONE else sample)
        self.message = QLabel()
        self.message.setObjectName("fieldMessage")
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.message.hide()
        # The message waits until the value is finished: the field was left, or a save
        # checked it. Half a number being typed is not an error yet.
        self._checked = False

        self._build_actions(kind)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        row.addWidget(self.edit, 1)
        row.addWidget(self.actions_button)
        self.up_button: QToolButton | None = None
        self.down_button: QToolButton | None = None
        self.remove_button: QToolButton | None = None
        if in_list:
            self._build_list_buttons(row)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        layout.addLayout(row)
        layout.addWidget(self.message)

        self.edit.textChanged.connect(self._on_text_changed)
        self.edit.editingFinished.connect(self.check)
        # Forwarded by Qt, not emitted from Python: PySide6 6.12 on Python 3.11 loses a
        # reference to ``True`` on every Python-side ``emit()``, once per key press here.
        self.edit.textChanged.connect(self.changed)
        self.copy_action.triggered.connect(self.copy_to_clipboard)
        self.call_action.triggered.connect(self.call)
        self.mail_action.triggered.connect(self.open_mail_client)
        self.open_action.triggered.connect(self.open_in_browser)
        self._on_text_changed()

    def _build_actions(self, kind: str) -> None:
        self.copy_action = QAction(self.tr("کپی"), self)
        self.call_action = QAction(self.tr("تماس"), self)
        self.mail_action = QAction(self.tr("ارسال ایمیل"), self)
        self.open_action = QAction(self.tr("باز کردن در مرورگر"), self)
        menu = QMenu(self)
        self.actions_menu = menu
        menu.addAction(self.copy_action)
        if kind == PHONE:
            menu.addAction(self.call_action)
        if kind == EMAIL:
            menu.addAction(self.mail_action)
        if kind == WEBSITE:
            menu.addAction(self.open_action)
        self.actions_button = QToolButton()
        self.actions_button.setObjectName("valueActions")
        self.actions_button.setText("⋯")
        self.actions_button.setToolTip(self.tr("کپی یا باز کردن"))
        # Shown read-only, a click on the value itself offers the same actions.
        self.edit.installEventFilter(self)
        self.actions_button.setMenu(menu)
        self.actions_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)

    def _build_list_buttons(self, row: QHBoxLayout) -> None:
        up = self._tool_button("▲", self.tr("بالاتر"), "moveUp")
        down = self._tool_button("▼", self.tr("پایین‌تر"), "moveDown")
        remove = self._tool_button("✕", self.tr("حذف"), "removeValue")
        for button in (up, down, remove):
            row.addWidget(button)
        up.clicked.connect(lambda: self.move_requested.emit(-1))
        down.clicked.connect(lambda: self.move_requested.emit(1))
        remove.clicked.connect(self.remove_requested)
        self.up_button, self.down_button, self.remove_button = up, down, remove

    def _tool_button(self, text: str, tip: str, name: str) -> QToolButton:
        button = QToolButton()
        button.setObjectName(name)
        button.setText(text)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        return button

    def text(self) -> str:
        return self.edit.text()

    def set_value(self, stored: str | None) -> None:
        self._checked = False
        self.edit.setText(shown_value(self.kind, stored) if stored else "")

    def value(self) -> str | None:
        """The stored form (E.164, lower case); None when blank or invalid."""
        text = self.edit.text().strip()
        if not text:
            return None
        try:
            return self._parse(text)
        except UserError:
            return None

    def is_valid(self) -> bool:
        return not self.edit.text().strip() or self.value() is not None

    def error(self) -> str:
        text = self.edit.text().strip()
        if not text:
            return ""
        try:
            self._parse(text)
        except UserError as exc:
            return exc.message(self._lang)
        return ""

    def check(self) -> bool:
        """Show what is wrong with the value, from now on as it is typed; True if valid."""
        self._checked = True
        self._show_message()
        return self.is_valid()

    def _show_message(self) -> None:
        error = self.error() if self._checked else ""
        if error:
            self.message.setText(bidi_message(error))
            # Once shown, the message keeps its room (its last text stays, hidden), so
            # that fixing the value does not move the fields below under the pointer.
            policy = self.message.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            self.message.setSizePolicy(policy)
        self.message.setVisible(bool(error))

    def _on_text_changed(self) -> None:
        self._show_message()
        self.actions_button.setEnabled(self.value() is not None)

    def copy_to_clipboard(self) -> None:
        value = self.value()
        if value is not None:
            QGuiApplication.clipboard().setText(
                format_phone(value) if self.kind == PHONE else value
            )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (
            watched is self.edit
            and self.edit.isReadOnly()
            and event.type() == QEvent.Type.MouseButtonRelease
            and isinstance(event, QMouseEvent)
            and event.button() == Qt.MouseButton.LeftButton
            and self.value() is not None
            and not self.edit.hasSelectedText()
        ):
            self.actions_menu.popup(self.edit.mapToGlobal(event.position().toPoint()))
            return True
        return super().eventFilter(watched, event)

    def call(self) -> None:
        value = self.value()
        if value is not None and self.kind == PHONE:
            QDesktopServices.openUrl(QUrl(f"tel:{value}"))

    def open_mail_client(self) -> None:
        value = self.value()
        if value is not None:
            QDesktopServices.openUrl(QUrl(f"mailto:{value}"))

    def open_in_browser(self) -> None:
        value = self.value()
        if value:
            QDesktopServices.openUrl(web_url(value))


class ValueListEdit(QWidget):
    """Several phones or emails, in order; blank rows are ignored."""

    changed = Signal()

    def __init__(self, kind: str, *, lang: str = "fa", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self._lang = lang
        self.rows: list[ValidatedLineEdit] = []
        self._rows_layout = QVBoxLayout()
        self._rows_layout.setContentsMargins(0, 0, 0, 0)
        self._rows_layout.setSpacing(4)
        label = self.tr("افزودن تلفن") if kind == PHONE else self.tr("افزودن ایمیل")
        self.add_button = QPushButton("+ " + label)
        self.add_button.setObjectName("addValue")
        add_row = QHBoxLayout()
        add_row.setContentsMargins(0, 0, 0, 0)
        add_row.addWidget(self.add_button)
        add_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(self._rows_layout)
        layout.addLayout(add_row)
        self.add_button.clicked.connect(self._add_and_focus)
        self.set_values(())

    def set_values(self, stored: tuple[str, ...] | list[str]) -> None:
        for row in list(self.rows):
            self._drop(row)
        for value in stored:
            self.add_row(value)
        if not self.rows:
            self.add_row()
        self.changed.emit()

    def add_row(self, stored: str | None = None) -> ValidatedLineEdit:
        row = ValidatedLineEdit(self.kind, lang=self._lang, in_list=True)
        row.set_value(stored)
        self.rows.append(row)
        self._rows_layout.addWidget(row)
        row.changed.connect(self.changed)
        row.remove_requested.connect(lambda: self.remove_row(row))
        row.move_requested.connect(lambda step: self.move_row(row, step))
        self._update_buttons()
        return row

    def _add_and_focus(self) -> None:
        self.add_row().edit.setFocus()
        self.changed.emit()

    def remove_row(self, row: ValidatedLineEdit) -> None:
        self._drop(row)
        if not self.rows:
            self.add_row()
        self.changed.emit()

    def _drop(self, row: ValidatedLineEdit) -> None:
        self.rows.remove(row)
        self._rows_layout.removeWidget(row)
        row.hide()
        row.deleteLater()
        self._update_buttons()

    def move_row(self, row: ValidatedLineEdit, step: int) -> None:
        index = self.rows.index(row)
        target = index + step
        if not 0 <= target < len(self.rows):
            return
        self.rows.insert(target, self.rows.pop(index))
        self._rows_layout.removeWidget(row)
        self._rows_layout.insertWidget(target, row)
        self._update_buttons()
        self.changed.emit()

    def _update_buttons(self) -> None:
        for i, row in enumerate(self.rows):
            if row.up_button and row.down_button:
                row.up_button.setEnabled(i > 0)
                row.down_button.setEnabled(i < len(self.rows) - 1)

    def values(self) -> tuple[str, ...]:
        """The valid values in order, each once."""
        return tuple(dict.fromkeys(v for v in (row.value() for row in self.rows) if v))

    def typed_texts(self) -> list[str]:
        return [row.text() for row in self.rows if row.text().strip()]

    def is_valid(self) -> bool:
        return all(row.is_valid() for row in self.rows)

    def check(self) -> bool:
        """Show every row's message; True when all rows are valid."""
        return all([row.check() for row in self.rows])

    def first_invalid(self) -> ValidatedLineEdit | None:
        return next((row for row in self.rows if not row.is_valid()), None)
