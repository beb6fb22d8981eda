"""An edit of the settings' lists (stages, lost reasons): one undoable step, or a box
that says why it was refused."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from crm_desktop.errors import UserError
from crm_desktop.ui.contacts.contact_actions import error_message
from crm_desktop.ui.widgets.commands import perform
from crm_desktop.ui.widgets.context import AppContext


def perform_or_refuse(
    ctx: AppContext, parent: QWidget, text: str, work: Callable[[], object]
) -> bool:
    """``perform`` the edit; on a ``UserError`` show why (non-modal) and say False."""
    try:
        perform(ctx, text, work)
    except UserError as error:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("Edits", "تغییر انجام نشد"),
            error_message(error, ctx.lang),
            parent=parent,
        )
        box.setObjectName("editRefused")
        box.open()
        return False
    return True
