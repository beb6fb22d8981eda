"""An edit of the pipeline's settings and cards: one undoable step, or a box that says
why it was refused."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from crm_desktop.errors import UserError
from crm_desktop.ui.contacts.contact_actions import error_message
from crm_desktop.ui.widgets.commands import perform
from crm_desktop.ui.widgets.context import AppContext


def refusal_box(parent: QWidget, title: str, error: Exception, lang: str) -> QMessageBox:
    """A non-modal box that says why a change was not made."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, error_message(error, lang), parent=parent)
    box.setObjectName("editRefused")
    box.open()
    return box


def perform_or_refuse(
    ctx: AppContext, parent: QWidget, text: str, work: Callable[[], object]
) -> bool:
    """``perform`` the edit; on a ``UserError`` show why (non-modal) and say False."""
    try:
        perform(ctx, text, work)
    except UserError as error:
        refusal_box(parent, QCoreApplication.translate("Edits", "تغییر انجام نشد"), error, ctx.lang)
        return False
    return True
