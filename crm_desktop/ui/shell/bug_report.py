"""Errors that are bugs: logged with their traceback and reported in a dialog.

A ``UserError`` (a locked database, a bad file) is shown where it happened as a clear
message; anything else escaping a slot is a bug (style.md, point 8). Its traceback goes
to the same log file the command line writes to, and a non-modal box tells the user
what happened and where the details are, without stopping the window.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from crm_desktop.paths import log_path
from crm_desktop.ui.widgets.display import left_to_right

log = logging.getLogger("crm_desktop.bugs")

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


def _log_traceback(error: BaseException, path: Path) -> bool:
    """Append ``error``'s traceback to ``path``; False when the file cannot be written."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.FileHandler(path, encoding="utf-8")
    except OSError:
        log.exception("could not open the log file %s", path, exc_info=error)
        return False
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    try:
        log.error("unexpected error", exc_info=(type(error), error, error.__traceback__))
    finally:
        log.removeHandler(handler)
        handler.close()
    return True


class BugReportBox(QMessageBox):
    """The non-modal "unexpected error" box; the window stays usable behind it."""

    def __init__(self, error: BaseException, path: Path | None, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("bugReport")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setIcon(QMessageBox.Icon.Critical)
        self.setWindowTitle(self.tr("خطای برنامه"))
        self.setText(
            self.tr("خطای پیش‌بینی‌نشده‌ای رخ داد (%1).").replace(
                "%1", left_to_right(type(error).__name__)
            )
        )
        if path is not None:
            details = self.tr("جزئیات برای گزارش به پشتیبانی در این پرونده ثبت شد: %1")
            self.setInformativeText(details.replace("%1", left_to_right(str(path))))
        else:
            self.setInformativeText(self.tr("پرونده‌ی گزارش خطا نوشته نشد."))
        self.setStandardButtons(QMessageBox.StandardButton.Close)
        self.button(QMessageBox.StandardButton.Close).setText(self.tr("بستن"))
        self.setWindowModality(Qt.WindowModality.NonModal)


def report_bug(parent: QWidget | None, error: BaseException) -> BugReportBox:
    """Log ``error`` with its traceback and show the box that says so; returns the box."""
    path = log_path()
    written = _log_traceback(error, path)
    box = BugReportBox(error, path if written else None, parent)
    box.show()  # not open(): that would block the window behind it
    return box


def install_excepthook(parent: QWidget) -> ExceptHook:
    """Report exceptions escaping Qt slots over ``parent``; returns the previous hook."""
    previous = sys.excepthook

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if not issubclass(kind, Exception):  # KeyboardInterrupt, SystemExit
            previous(kind, error, tb)
            return
        if error.__traceback__ is None:
            error = error.with_traceback(tb)
        report_bug(parent, error)

    sys.excepthook = hook
    return previous
