"""The reminder in the main window's lower corner (the trailing one: left in Persian):
work of the user at the keyboard that has just fallen due, one at a time, with
"done…", "in 10 minutes" and "close". It floats over the page, as a notification does,
so nothing under it moves when it comes and goes.

Every ``CHECK_MS`` it asks ``services.reminders.Reminders`` what fell due since the last
check; no network, nothing to install. When the window is not the active one, the
taskbar entry flashes (``QApplication.alert``) so that a rep in another program sees it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.models import utcnow
from crm_desktop.services import lookups
from crm_desktop.services.activity_list import list_activities_by_ids
from crm_desktop.services.records import ActivityRecord
from crm_desktop.services.reminders import Reminders
from crm_desktop.ui.activities.activity_dialog import COMPLETE, open_activity_dialog
from crm_desktop.ui.widgets.context import AppContext, Change
from crm_desktop.ui.widgets.display import display_number, stored_moment_text

CHECK_MS = 30_000
WIDTH = 460
MARGIN = 16
SNOOZE = dt.timedelta(minutes=10)


class ReminderBar(QFrame):
    def __init__(
        self,
        ctx: AppContext,
        *,
        clock: Callable[[], dt.datetime] = utcnow,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reminderBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "QFrame#reminderBar { background: #fff4ce; border: 1px solid #e0c060;"
            " border-radius: 6px; }"
        )
        self.ctx = ctx
        self.clock = clock
        self.queue: list[ActivityRecord] = []
        self.reminders = Reminders(ctx.db, self._me())
        self.label = QLabel()
        self.label.setObjectName("reminderText")
        self.more = QLabel()
        self.more.setObjectName("reminderMore")
        self.done_button = QPushButton(self.tr("انجام شد…"))
        self.done_button.setObjectName("reminderDone")
        self.snooze_button = QPushButton(self.tr("۱۰ دقیقهٔ دیگر"))
        self.snooze_button.setObjectName("reminderSnooze")
        self.close_button = QPushButton(self.tr("بستن"))
        self.close_button.setObjectName("reminderClose")
        self.label.setWordWrap(True)
        self.setFixedWidth(WIDTH)
        buttons = QHBoxLayout()
        buttons.addWidget(self.more, 1)
        for button in (self.done_button, self.snooze_button, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(self.label)
        layout.addLayout(buttons)
        if parent is not None:
            parent.installEventFilter(self)  # follows the window's size
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_MS)
        self.timer.timeout.connect(self.check)
        self.done_button.clicked.connect(self.complete)
        self.snooze_button.clicked.connect(self.snooze)
        self.close_button.clicked.connect(self.dismiss)
        ctx.changes.changed.connect(self._on_change)
        self.hide()
        self.timer.start()
        QTimer.singleShot(0, self.check)  # what fell due before the window opened

    def _me(self) -> str | None:
        with self.ctx.db.session() as session:
            return lookups.current_user_id(session)

    def check(self) -> None:
        """Add what fell due since the last check to the queue, and show the first."""
        fresh = self.reminders.check(self.clock())
        known = {r.id for r in self.queue}
        self.queue += [r for r in fresh if r.id not in known]
        if fresh:
            window = self.window()
            if not window.isActiveWindow():
                QApplication.alert(window)
        self._show_first()

    def _show_first(self) -> None:
        if not self.queue:
            self.hide()
            return
        first = self.queue[0]
        about = first.contact or first.deal or first.company
        text = self.tr("یادآوری: «%1»").replace("%1", first.subject)
        if about:
            text += " — " + about
        if first.due_at is not None:
            text += " — " + stored_moment_text(first.due_at)
        self.label.setText(text)
        others = len(self.queue) - 1
        self.more.setText(
            self.tr("(%1 یادآوری دیگر)").replace("%1", display_number(others)) if others else ""
        )
        self.show()
        self.place()
        self.raise_()

    def place(self) -> None:
        """In the parent's lower trailing corner."""
        parent = self.parentWidget()
        if parent is None:
            return
        self.adjustSize()
        rtl = parent.layoutDirection() == Qt.LayoutDirection.RightToLeft
        x = MARGIN if rtl else parent.width() - self.width() - MARGIN
        self.move(x, parent.height() - self.height() - MARGIN)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize:
            self.place()
        return False

    def _on_change(self, change: Change) -> None:
        if change.kind == "settings":  # another user at the keyboard: their work
            owner = self._me()
            if owner != self.reminders.owner_id:
                self.reminders = Reminders(self.ctx.db, owner)
                self.queue = []
                self.check()
        elif change.kind == "activities" and self.queue:
            self._drop_finished()

    def _drop_finished(self) -> None:
        """Work done (here, on another window or by sync) is no longer reminded."""
        ids = [r.id for r in self.queue]
        still = {r.id: r for r in list_activities_by_ids(self.ctx.db, ids) if r.done_at is None}
        self.queue = [still[r.id] for r in self.queue if r.id in still]
        self._show_first()

    def _take_first(self) -> ActivityRecord | None:
        if not self.queue:
            return None
        first = self.queue.pop(0)
        self._show_first()
        return first

    def complete(self) -> None:
        first = self.queue[0] if self.queue else None
        if first is not None:
            open_activity_dialog(self.ctx, self.window(), record=first, mode=COMPLETE)

    def snooze(self) -> None:
        first = self._take_first()
        if first is not None:
            self.reminders.snooze(first.id, self.clock() + SNOOZE)

    def dismiss(self) -> None:
        first = self._take_first()
        if first is not None:
            self.reminders.dismiss(first.id)
