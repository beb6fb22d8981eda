"""The status bar's notice: what was just done ("3 contacts moved to the trash") and an
Undo button for it, for as long as that step is the one Undo would take back.

Operations announce a notice through ``ChangeHub.notify`` (``perform(notice=...)``);
one bar in the main window shows them, so every destructive action reports the same way.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from crm_desktop.ui.widgets.context import AppContext, Notice

SHOWN_MS = 15_000  # long enough to read and reach for Undo; the stack keeps it anyway


class NoticeBar(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticeBar")
        self._stack: QUndoStack = ctx.undo_stack
        self.notice: Notice | None = None
        self.label = QLabel()
        self.label.setObjectName("noticeText")
        self.undo_button = QPushButton(self.tr("واگرد"))
        self.undo_button.setObjectName("noticeUndo")
        self.undo_button.setToolTip(self.tr("برگرداندن همین کار (Ctrl+Z)"))
        self.undo_button.setFlat(True)
        self.undo_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.undo_button.setStyleSheet("QPushButton#noticeUndo { color: palette(link); }")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 0, 8, 0)
        layout.setSpacing(6)
        layout.addWidget(self.label)
        layout.addWidget(self.undo_button)
        layout.addStretch(1)  # Undo right after the words it takes back
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SHOWN_MS)
        self._timer.timeout.connect(self.clear)
        self.undo_button.clicked.connect(self.undo)
        ctx.changes.noticed.connect(self.show_notice)
        self._stack.indexChanged.connect(self._stack_moved)
        self.hide()

    def show_notice(self, notice: Notice) -> None:
        self.notice = notice
        self.label.setText(notice.text)
        self.undo_button.setVisible(notice.step is not None)
        self.show()
        self._timer.start()

    def clear(self) -> None:
        self.notice = None
        self._timer.stop()
        self.hide()

    def undo(self) -> None:
        if self._is_next_undo():
            self._stack.undo()
        self.clear()

    def _is_next_undo(self) -> bool:
        notice, index = self.notice, self._stack.index()
        return notice is not None and index > 0 and self._stack.command(index - 1) is notice.step

    def _stack_moved(self, _index: int) -> None:
        # Undone (Ctrl+Z, the Edit menu) or followed by other steps: the notice is stale.
        if self.notice is not None and self.notice.step is not None and not self._is_next_undo():
            self.clear()
