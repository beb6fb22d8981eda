"""Undoing an import in the user's terms: asked first with what it will do, then told
what it did (records taken away, records put back as they were), never "11 changes".

Used by the wizard's result page and by the import history, which both undo imports.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from crm_desktop.errors import UserError
from crm_desktop.services.importer import ImportEffect, LeftAlone, UndoResult, import_effect
from crm_desktop.ui.importing.import_labels import left_alone_text
from crm_desktop.ui.widgets.context import AppContext
from crm_desktop.ui.widgets.display import display_number, isolate

SHOWN_LEFT_ALONE = 10  # records named after an undo; the rest are counted


def left_alone_list(kind: str, entries: list[LeftAlone]) -> str:
    shown = [left_alone_text(kind, entry) for entry in entries[:SHOWN_LEFT_ALONE]]
    more = len(entries) - len(shown)
    if more > 0:
        shown.append(
            QCoreApplication.translate("ImportUndo", "و %1 مورد دیگر").replace(
                "%1", display_number(more)
            )
        )
    return QCoreApplication.translate("ImportUndo", "، ").join(shown)


def records_text(counts: Mapping[str, int]) -> str:
    """ "۶ مخاطب، ۱ شرکت" / "6 contacts, 1 company", in the order contacts, companies,
    deals; digits in the interface's language (``%Ln``)."""
    parts = []
    for kind in ("contacts", "companies", "deals"):
        n = counts.get(kind, 0)
        if not n:
            continue
        if kind == "contacts":
            parts.append(
                QCoreApplication.translate("ImportUndo", "%1 مخاطب").replace(
                    "%1", display_number(n)
                )
            )
        elif kind == "companies":
            parts.append(
                QCoreApplication.translate("ImportUndo", "%1 شرکت").replace("%1", display_number(n))
            )
        else:
            parts.append(
                QCoreApplication.translate("ImportUndo", "%1 معامله").replace(
                    "%1", display_number(n)
                )
            )
    return QCoreApplication.translate("ImportUndo", "، ").join(parts)


def ask_to_undo(
    parent: QWidget,
    ctx: AppContext,
    import_id: str,
    file_name: str,
    *,
    on_yes: Callable[[], None],
    on_error: Callable[[str], None],
) -> QMessageBox | None:
    """Ask, with what it will do, before undoing an import (non-modal); ``on_yes`` runs
    on "undo". None (and ``on_error`` told why) when the import cannot be read."""
    try:
        effect = import_effect(ctx.db, import_id)
    except UserError as error:
        on_error(error.message(ctx.lang))
        return None
    return confirm_undo(parent, file_name, effect, on_yes)


def confirm_undo(
    parent: QWidget, file_name: str, effect: ImportEffect, on_yes: Callable[[], None]
) -> QMessageBox:
    """Ask before undoing an import (non-modal); ``on_yes`` runs on "undo"."""
    box = QMessageBox(parent)
    box.setObjectName("confirmImportUndo")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("ImportUndo", "واگرد ورود داده"))
    box.setText(
        QCoreApplication.translate("ImportUndo", "ورود داده از %1 برگردانده شود؟").replace(
            "%1", isolate(file_name)
        )
    )
    lines = []
    if effect.created:
        lines.append(
            QCoreApplication.translate(
                "ImportUndo", "برداشته می‌شود (این ورود ساخته بود): %1"
            ).replace("%1", records_text(effect.created))
        )
    if effect.changed:
        lines.append(
            QCoreApplication.translate("ImportUndo", "به حالت پیش از ورود برمی‌گردد: %1").replace(
                "%1", records_text(effect.changed)
            )
        )
    lines.append(
        QCoreApplication.translate("ImportUndo", "چیزی که پس از ورود تغییر کرده است دست نمی‌خورد.")
    )
    box.setInformativeText("\n".join(lines))
    undo = box.addButton(
        QCoreApplication.translate("ImportUndo", "برگرداندن"), QMessageBox.ButtonRole.AcceptRole
    )
    undo.setObjectName("confirmUndo")
    cancel = box.addButton(
        QCoreApplication.translate("ImportUndo", "انصراف"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    undo.clicked.connect(on_yes)
    box.open()
    return box


def outcome_text(
    kind: str, outcome: UndoResult, *, undone: bool, file_name: str | None = None
) -> str:
    """What an undo (or redo) did, a line per kind of effect (first naming the file)."""
    effect = outcome.effect
    if file_name is not None:
        head = (
            QCoreApplication.translate("ImportUndo", "ورود داده از %1 برگردانده شد.")
            if undone
            else QCoreApplication.translate("ImportUndo", "ورود داده از %1 دوباره انجام شد.")
        ).replace("%1", isolate(file_name))
    elif undone:
        head = QCoreApplication.translate("ImportUndo", "ورود داده برگردانده شد.")
    else:
        head = QCoreApplication.translate("ImportUndo", "ورود داده دوباره انجام شد.")
    lines = [head]
    if effect.created:
        text = (
            QCoreApplication.translate("ImportUndo", "برداشته شد: %1")
            if undone
            else QCoreApplication.translate("ImportUndo", "دوباره آمد: %1")
        )
        lines.append(text.replace("%1", records_text(effect.created)))
    if effect.changed:
        text = (
            QCoreApplication.translate("ImportUndo", "به حالت پیش از ورود برگشت: %1")
            if undone
            else QCoreApplication.translate("ImportUndo", "دوباره تکمیل شد: %1")
        )
        lines.append(text.replace("%1", records_text(effect.changed)))
    if effect.empty and not outcome.left_alone:
        lines.append(QCoreApplication.translate("ImportUndo", "چیزی برای تغییر نمانده بود."))
    if outcome.left_alone:
        lines.append(
            QCoreApplication.translate(
                "ImportUndo", "این‌ها پس از ورود تغییر کرده بودند و دست نخوردند: %1"
            ).replace("%1", left_alone_list(kind, outcome.left_alone))
        )
    return "\n".join(lines)
