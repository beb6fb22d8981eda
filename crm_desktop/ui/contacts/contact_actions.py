"""Bulk actions on the selected contacts, each one undo step through ``perform``.

Assign to a rep, add or remove a tag, change the lifecycle stage, move to the trash. The
actions live in menus the contacts page puts in its toolbar and its context menu; they
ask the page for the selected ids only when triggered, so "select all" over 100,000
contacts costs one ids query, never the records.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMenu, QWidget

from crm_desktop.errors import UserError
from crm_desktop.services import bulk
from crm_desktop.services.contact_list import FilterChoices
from crm_desktop.services.contacts import delete_contacts
from crm_desktop.ui.widgets.commands import perform
from crm_desktop.ui.widgets.context import AppContext
from crm_desktop.ui.widgets.display import display_number
from crm_desktop.ui.widgets.runner import LongWork
from crm_desktop.ui.widgets.value_names import LIFECYCLE_LABELS, lifecycle_label

T = TypeVar("T")
# Selections larger than this are changed on a worker thread (a few seconds at 100,000).
BACKGROUND_ABOVE = 2000

log = logging.getLogger(__name__)


def error_message(error: Exception, lang: str) -> str:
    """What to tell the user: a ``UserError``'s own words; anything else is a bug, logged."""
    if isinstance(error, UserError):
        return error.message(lang)
    log.error("unexpected error on the contacts page", exc_info=error)
    text = QCoreApplication.translate(
        "ContactActions", "خطای پیش‌بینی‌نشده‌ای رخ داد و در گزارش برنامه ثبت شد (%1)."
    )
    return text.replace("%1", type(error).__name__)


class ContactActions(QObject):
    """The bulk actions and their menus; ``selected`` gives the ids to act on."""

    failed = Signal(str)  # a message for the user, in the interface language
    started = Signal(str)  # work on a large selection began (its undo text)
    finished = Signal()  # ... and ended, done or failed

    def __init__(self, ctx: AppContext, selected: Callable[[], list[str]], parent: QWidget) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._selected = selected
        self._parent = parent
        self.tag_dialog: QInputDialog | None = None
        self.busy = False  # a large selection is being worked on
        self.running: LongWork[Any] | None = None  # ... its progress dialog
        self._enabled = True  # something is selected and nothing is being worked on
        self._has_tags = False  # "remove tag" has tags to offer

        self.assign_menu = QMenu(self.tr("تخصیص به مسئول"), parent)
        self.assign_menu.setObjectName("assignMenu")
        self.add_tag_menu = QMenu(self.tr("افزودن برچسب"), parent)
        self.add_tag_menu.setObjectName("addTagMenu")
        self.remove_tag_menu = QMenu(self.tr("حذف برچسب"), parent)
        self.remove_tag_menu.setObjectName("removeTagMenu")
        self.lifecycle_menu = QMenu(self.tr("تغییر وضعیت"), parent)
        self.lifecycle_menu.setObjectName("lifecycleMenu")
        for value in LIFECYCLE_LABELS:
            action = self.lifecycle_menu.addAction(lifecycle_label(value))
            action.triggered.connect(lambda _=False, v=value: self.set_lifecycle(self._ids(), v))

        self.delete_action = QAction(self.tr("انتقال به سطل زباله"), parent)
        self.delete_action.setObjectName("deleteContacts")
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.delete_action.triggered.connect(lambda: self.delete(self._ids()))
        self.send_action = QAction(self.tr("ارسال پیام از قالب…"), parent)
        self.send_action.setObjectName("sendMessage")
        self.send_action.triggered.connect(self.send_message)
        self.set_choices(FilterChoices())

    def menus(self) -> tuple[QMenu, ...]:
        return (self.assign_menu, self.add_tag_menu, self.remove_tag_menu, self.lifecycle_menu)

    def set_enabled(self, enabled: bool) -> None:
        self._enabled = enabled
        for menu in self.menus():
            on = enabled and (menu is not self.remove_tag_menu or self._has_tags)
            menu.setEnabled(on)  # a QMenu passes this on to its menu action
            menu.menuAction().setEnabled(on)
        self.delete_action.setEnabled(enabled)
        self.send_action.setEnabled(enabled)

    def send_message(self) -> object:
        """A template filled for the selected people, sent, and logged on each."""
        from crm_desktop.ui.activities.send_message import open_send_dialog

        return open_send_dialog(self._ctx, self._parent, self._ids())

    def set_choices(self, choices: FilterChoices) -> None:
        """Reps and tags to offer, from ``contact_list.filter_choices``."""
        self.assign_menu.clear()
        for user_id, name in choices.owners:
            action = self.assign_menu.addAction(name)
            action.triggered.connect(
                lambda _=False, u=user_id, n=name: self.assign_owner(self._ids(), u, n)
            )
        self.assign_menu.addSeparator()
        nobody = self.assign_menu.addAction(self.tr("بدون مسئول"))
        nobody.triggered.connect(lambda: self.assign_owner(self._ids(), None, ""))

        self.add_tag_menu.clear()
        self.remove_tag_menu.clear()
        for tag_id, name in choices.tags:
            add = self.add_tag_menu.addAction(name)
            add.triggered.connect(lambda _=False, n=name: self.add_tag(self._ids(), n))
            remove = self.remove_tag_menu.addAction(name)
            remove.triggered.connect(
                lambda _=False, t=tag_id, n=name: self.remove_tag(self._ids(), t, n)
            )
        self._has_tags = bool(choices.tags)
        self.add_tag_menu.addSeparator()
        new_tag = self.add_tag_menu.addAction(self.tr("برچسب جدید…"))
        new_tag.setObjectName("newTag")
        new_tag.triggered.connect(self.ask_new_tag)
        self.set_enabled(self._enabled)  # new choices never enable menus with no selection

    # -- the operations -----------------------------------------------------------------

    def assign_owner(self, ids: Sequence[str], owner_id: str | None, owner_name: str) -> bool:
        count = display_number(len(ids))
        text = self.tr("تغییر مسئول %1 مخاطب").replace("%1", count)
        if owner_id is None:
            notice = self.tr("%1 مخاطب بدون مسئول شد.").replace("%1", count)
        else:
            notice = (
                self.tr("مسئول %1 مخاطب «%2» شد.").replace("%1", count).replace("%2", owner_name)
            )
        return self._perform(
            ids,
            text,
            lambda: bulk.set_field(self._ctx.db, ids, "owner_id", owner_id),
            notice,
        )

    def set_lifecycle(self, ids: Sequence[str], lifecycle: str) -> bool:
        count = display_number(len(ids))
        text = self.tr("تغییر وضعیت %1 مخاطب").replace("%1", count)
        notice = (
            self.tr("وضعیت %1 مخاطب «%2» شد.")
            .replace("%1", count)
            .replace("%2", lifecycle_label(lifecycle))
        )
        return self._perform(
            ids,
            text,
            lambda: bulk.set_field(self._ctx.db, ids, "lifecycle", lifecycle),
            notice,
        )

    def add_tag(self, ids: Sequence[str], tag_name: str) -> bool:
        text = (
            self.tr("افزودن برچسب «%1» به %2 مخاطب")
            .replace("%1", tag_name.strip())
            .replace("%2", display_number(len(ids)))
        )
        notice = (
            self.tr("برچسب «%1» به %2 مخاطب افزوده شد.")
            .replace("%1", tag_name.strip())
            .replace("%2", display_number(len(ids)))
        )
        return self._perform(
            ids,
            text,
            lambda: bulk.add_tag(self._ctx.db, ids, tag_name),
            notice,
        )

    def remove_tag(self, ids: Sequence[str], tag_id: str, tag_name: str) -> bool:
        text = (
            self.tr("حذف برچسب «%1» از %2 مخاطب")
            .replace("%1", tag_name)
            .replace("%2", display_number(len(ids)))
        )
        notice = (
            self.tr("برچسب «%1» از %2 مخاطب برداشته شد.")
            .replace("%1", tag_name)
            .replace("%2", display_number(len(ids)))
        )
        return self._perform(
            ids,
            text,
            lambda: bulk.remove_tag(self._ctx.db, ids, tag_id),
            notice,
        )

    def delete(self, ids: Sequence[str]) -> bool:
        """Move to the trash; undo restores them."""
        text = self.tr("انتقال %1 مخاطب به سطل زباله").replace("%1", display_number(len(ids)))
        notice = self.tr("%1 مخاطب به سطل زباله رفت.").replace("%1", display_number(len(ids)))
        return self._perform(
            ids,
            text,
            lambda: delete_contacts(self._ctx.db, ids),
            notice,
        )

    def ask_new_tag(self) -> None:
        """Ask a new tag's name (non-modal); the ids are those selected now."""
        ids = self._ids()
        dialog = QInputDialog(self._parent)
        dialog.setObjectName("newTagDialog")
        dialog.setWindowTitle(self.tr("برچسب جدید"))
        dialog.setLabelText(self.tr("نام برچسب:"))
        dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
        dialog.setOkButtonText(self.tr("افزودن"))
        dialog.setCancelButtonText(self.tr("انصراف"))
        dialog.textValueSelected.connect(lambda name: self.add_tag(ids, name))
        dialog.finished.connect(dialog.deleteLater)
        self.tag_dialog = dialog
        dialog.open()

    # -- plumbing -----------------------------------------------------------------------

    def _ids(self) -> list[str]:
        return self._selected()

    def _perform(
        self,
        ids: Sequence[str],
        text: str,
        do: Callable[[], T],
        notice: str,
    ) -> bool:
        """Do it; a large selection is done on a worker thread while the page waits."""
        if not ids or self.busy:
            return False
        if len(ids) > BACKGROUND_ABOVE:
            self._start_in_background(text, do, notice)
            return True
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            perform(self._ctx, text, do, notice=notice)
        except Exception as error:  # a bug is logged and reported, never lost in a slot
            self.failed.emit(error_message(error, self._ctx.lang))
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        return True

    def _start_in_background(self, text: str, do: Callable[[], T], notice: str) -> None:
        self.busy = True
        self.set_enabled(False)
        self.started.emit(text)
        run = LongWork(
            self._ctx,
            self._parent,
            lambda _progress: do(),  # one statement per chunk: no Cancel midway
            title=self.tr("مخاطبان"),
            text=text + "…",
            step=text,
            notice=notice,
            cancellable=False,
        )
        run.done.connect(lambda _result: self._background_ended())
        run.failed.connect(self._background_failed)
        self.running = run.start()

    def _background_ended(self) -> None:
        self.busy = False
        self.running = None
        self.set_enabled(True)
        self.finished.emit()

    def _background_failed(self, error: Exception) -> None:
        self._background_ended()
        self.failed.emit(error_message(error, self._ctx.lang))
