"""What the window tells at start about its database file, since it has no terminal.

A file that cannot be opened at all (damaged header, another program's file, a folder
that cannot be made) is said in a message box before any window exists. A file that
opens is checked page by page (``PRAGMA quick_check``) in the background once the
window shows, so that a big database still paints at once; a damaged one is then said
in a box that points at the backups, and the database refuses every write after it. A
read-only file is said at once; the window still shows it.
"""

from __future__ import annotations

import functools

from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from crm_desktop.errors import UserError
from crm_desktop.models.database import Database
from crm_desktop.services import operations
from crm_desktop.services.lead_score import rescore_if_stale
from crm_desktop.services.office import office_today
from crm_desktop.services.operations import OpChanges
from crm_desktop.ui.widgets.background import BackgroundJob


@functools.cache
def _check_pool() -> QThreadPool:
    """A thread of its own: the check reads the whole file and must neither wait behind
    nor hold up the searches on the global pool."""
    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    return pool


def startup_error_box(error: UserError, lang: str) -> QMessageBox:
    """The box for a database the window cannot open; ``exec()`` it, then exit."""
    box = QMessageBox(QMessageBox.Icon.Critical, "", error.message(lang))
    box.setObjectName("startupError")
    box.setWindowTitle(QCoreApplication.translate("StartupChecks", "پایگاه داده باز نشد"))
    return box


def _warn(window: QWidget, error: UserError, lang: str) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Warning, "", error.message(lang), parent=window)
    box.setObjectName("databaseWarning")
    box.setWindowTitle(QCoreApplication.translate("StartupChecks", "پایگاه داده"))
    box.open()
    return box


class StartupChecks(QObject):
    """Runs the checks for ``window`` and keeps what it shows (for tests to read)."""

    finished = Signal()  # the file was checked (or needed no check)

    def __init__(self, window: QWidget, db: Database, lang: str) -> None:
        super().__init__(window)
        self.window, self.db, self.lang = window, db, lang
        self.box: QMessageBox | None = None
        self.job: BackgroundJob | None = None
        self.daily: BackgroundJob | None = None

    def start(self) -> None:
        if self.db.refusal is not None:  # read-only: nothing to wait for
            self.box = _warn(self.window, self.db.refusal, self.lang)
            self.finished.emit()
            return
        self.job = BackgroundJob(0, self.db.verify)
        self.job.signals.done.connect(self.finished)
        self.job.signals.done.connect(self._daily_work)
        self.job.signals.failed.connect(self._failed)
        _check_pool().start(self.job)

    def _daily_work(self) -> None:
        """Once a day, after the check: every lead score worked out again (the last 30
        days move on), on the same thread; a list shows the new scores when it next
        reads (a score is no change of its own, so none is announced)."""
        db = self.db
        self.daily = BackgroundJob(
            0, lambda: operations.run(db, rescore_if_stale, db, office_today()).changes
        )
        self.daily.signals.done.connect(self._daily_done)
        _check_pool().start(self.daily)

    def _daily_done(self, _generation: int, changes: object) -> None:
        ctx = getattr(self.window, "ctx", None)
        if isinstance(changes, OpChanges) and ctx is not None:
            ctx.changes.announce_changes(changes)

    def _failed(self, _generation: int, error: object) -> None:
        if isinstance(error, UserError):
            self.box = _warn(self.window, error, self.lang)
            self.finished.emit()
        else:
            self.finished.emit()
            raise error if isinstance(error, BaseException) else RuntimeError(error)
