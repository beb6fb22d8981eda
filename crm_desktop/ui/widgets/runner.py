"""Long work from the window: off the UI thread, with one progress dialog and Cancel.

``LongWork`` runs a service call on a worker with a ``ProgressRelay`` as its
``progress`` callback (``services.progress``): the reports cross to the UI thread as a
signal and move the dialog; Cancel makes the next report raise the work's
``Cancelled``, so the service rolls back and nothing is half-written. A call that
changes data becomes one undo step (``commands.perform_in_background``: what it
changed is announced from the change log); one that only reads (an export) announces
nothing. The export, the bulk actions, a merge of many and restoring from the trash
all show this dialog; the import wizard shows the same relay's reports on its page.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from crm_desktop.services.progress import Cancelled, Reporter
from crm_desktop.ui.widgets.background import BackgroundJob
from crm_desktop.ui.widgets.commands import perform_in_background
from crm_desktop.ui.widgets.context import AppContext

T = TypeVar("T")
# The dialog shows only for work that takes longer than this.
PROGRESS_DELAY_MS = 400


class ProgressRelay(QObject):
    """A service's ``progress`` callback whose reports reach the UI thread."""

    progressed = Signal(int, int)  # done, total: emitted on the worker

    def __init__(
        self, cancelled: Callable[[], Cancelled] = Cancelled, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._reporter = Reporter(self._emit, cancelled)
        self._cancelled = cancelled

    def __call__(self, done: int, total: int) -> None:
        self._reporter(done, total)

    def _emit(self, done: int, total: int) -> None:
        try:
            self.progressed.emit(done, total)
        except RuntimeError:  # the window closed meanwhile: nobody to show it to
            self._reporter.cancel()
            raise self._cancelled() from None

    def cancel(self) -> None:
        self._reporter.cancel()

    @property
    def cancelled(self) -> bool:
        return self._reporter.cancelled


def progress_dialog(
    parent: QWidget, title: str, text: str, *, cancellable: bool
) -> QProgressDialog:
    """The one look of long work: a title, what is being done, a bar, maybe Cancel."""
    dialog = QProgressDialog(text, "", 0, 0, parent)
    dialog.setObjectName("longWorkProgress")
    dialog.setWindowTitle(title)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setMinimumDuration(PROGRESS_DELAY_MS)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    if cancellable:
        dialog.setCancelButtonText(QCoreApplication.translate("LongWork", "لغو"))
    else:
        dialog.setCancelButton(None)  # one transaction: it completes or changes nothing
    return dialog


class LongWork(QObject, Generic[T]):
    """One run of long work; ``done`` carries its result, ``failed`` its error
    (``cancelled`` says whether that was a Cancel)."""

    done = Signal(object)
    failed = Signal(object)

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget,
        work: Callable[[ProgressRelay], T],
        *,
        title: str,
        text: str,
        step: str | None = None,
        notice: str | None = None,
        cancellable: bool = True,
        cancelled: Callable[[], Cancelled] = Cancelled,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._work = work
        self._step, self._notice = step, notice
        self.relay = ProgressRelay(cancelled)
        self.relay.progressed.connect(self._show_progress)
        self.dialog: QProgressDialog | None = progress_dialog(
            parent, title, text, cancellable=cancellable
        )
        self.dialog.canceled.connect(self.cancel)
        self.cancelled = False
        self.running = False
        self._job: BackgroundJob | None = None

    def start(self) -> LongWork[T]:
        self.running = True
        assert self.dialog is not None
        self.dialog.setValue(0)
        relay, work = self.relay, self._work
        result: list[T] = []

        def do() -> T:
            result.append(work(relay))
            return result[0]

        if self._step is not None:  # a change: one undo step, announced from the log
            perform_in_background(
                self.ctx,
                self._step,
                do,
                on_done=lambda: self._finished(result[0] if result else None),
                on_failed=self._refused,
                notice=self._notice,
            )
        else:  # reads only (an export): no step, nothing to announce
            job = self._job = BackgroundJob(0, do)
            job.signals.done.connect(lambda _gen, value: self._finished(value))
            job.signals.failed.connect(lambda _gen, error: self._refused(error))
            self.ctx.work_started(job)
            QThreadPool.globalInstance().start(job)
        return self

    def cancel(self) -> None:
        """Stop at the work's next report; nothing is written."""
        if self.running and not self.relay.cancelled:
            self.relay.cancel()
            if self.dialog is not None:
                self.dialog.setLabelText(self.tr("در حال لغو…"))

    def _show_progress(self, done: int, total: int) -> None:
        dialog = self.dialog
        if dialog is None or self.relay.cancelled:
            return
        if total and dialog.maximum() != total:
            dialog.setMaximum(total)
        dialog.setValue(min(done, total) if total else 0)

    def _end(self) -> None:
        self.running = False
        if self._job is not None:
            self.ctx.work_finished(self._job)
            self._job = None
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.canceled.disconnect(self.cancel)
            dialog.reset()
            dialog.hide()
            dialog.deleteLater()

    def _finished(self, value: Any) -> None:
        self._end()
        self.done.emit(value)

    def _refused(self, error: Exception) -> None:
        self._end()
        self.cancelled = isinstance(error, Cancelled) and self.relay.cancelled
        self.failed.emit(error)
