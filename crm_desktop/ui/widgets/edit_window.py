"""What every record window shares: Ctrl+S, Escape, and never closing over unsaved edits.

A subclass says whether it has edits (``is_dirty``) and how to save them (``save``,
False when it could not). Closing with edits opens a non-modal "save?" box with Save,
Discard and Cancel, kept in ``unsaved_prompt`` so tests can click its buttons.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget

Buttons = QMessageBox.StandardButton


class EditWindow(QWidget):
    """A top-level, non-modal window that edits one record."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.unsaved_prompt: QMessageBox | None = None
        self._closing = False
        self.save_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        self.save_shortcut.activated.connect(self._save_from_shortcut)

    # -- what a subclass provides ----------------------------------------------------

    def is_dirty(self) -> bool:
        raise NotImplementedError

    def can_save(self) -> bool:
        raise NotImplementedError

    def save(self) -> bool:
        raise NotImplementedError

    # -- closing ---------------------------------------------------------------------

    def _save_from_shortcut(self) -> None:
        # As a click on Save: with an edit that cannot be saved yet, it says what is wrong.
        if self.is_dirty():
            self.save()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        # Escape reaches the window when no field wanted it (a completer popup does).
        if event.key() == Qt.Key.Key_Escape and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            self.close()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self._closing or not self.is_dirty():
            self._closing = False
            event.accept()
            return
        event.ignore()
        self._ask_to_save()

    def _ask_to_save(self) -> None:
        if self.unsaved_prompt is not None and self.unsaved_prompt.isVisible():
            return
        box = QMessageBox(self)
        box.setObjectName("unsavedPrompt")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("تغییرات ذخیره نشده"))
        box.setText(self.tr("ذخیره شود؟"))
        box.setInformativeText(self.tr("تغییرات این پنجره هنوز ذخیره نشده‌اند."))
        box.setStandardButtons(Buttons.Save | Buttons.Discard | Buttons.Cancel)
        box.setDefaultButton(Buttons.Save)
        box.setEscapeButton(Buttons.Cancel)
        for button, text in (
            (Buttons.Save, self.tr("ذخیره")),
            (Buttons.Discard, self.tr("بستن بدون ذخیره")),
            (Buttons.Cancel, self.tr("انصراف")),
        ):
            box.button(button).setText(text)
        # Save stays disabled while the form is invalid: fix it first, or discard.
        box.button(Buttons.Save).setEnabled(self.can_save())
        box.buttonClicked.connect(self._on_prompt_answer)
        self.unsaved_prompt = box
        box.open()

    def _on_prompt_answer(self, button: QAbstractButton) -> None:
        box = self.unsaved_prompt
        if box is None:
            return
        answer = box.standardButton(button)
        if answer == Buttons.Save:
            if not self.save():
                return
        elif answer != Buttons.Discard:
            return
        self._closing = True
        self.close()
