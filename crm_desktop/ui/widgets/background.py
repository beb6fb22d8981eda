"""Work off the UI thread: a job runs a service call on a thread pool and reports back.

The job only calls services (which open their own sessions) and hands plain results to
the UI thread through a queued signal; it never touches a widget (style.md, point 5).
Each job carries a generation number so that a page shows only its newest answer.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Signal

from crm_desktop.errors import UserError

log = logging.getLogger(__name__)


class JobSignals(QObject):
    done = Signal(int, object)  # generation, the result
    failed = Signal(int, object)  # generation, the exception


class BackgroundJob(QRunnable):
    def __init__(self, generation: int, work: Callable[[], object]) -> None:
        super().__init__()
        # The page keeps the job until it reports, so Python owns it, not the pool.
        self.setAutoDelete(False)
        self.generation = generation
        self.work = work
        self.signals = JobSignals()

    def run(self) -> None:
        try:
            result = self.work()
        except Exception as error:  # reported on the page, never lost in a thread
            if not isinstance(error, UserError):
                log.exception("background job failed")
            self._report(self.signals.failed, error)
        else:
            self._report(self.signals.done, result)

    def _report(self, signal: Any, value: object) -> None:
        try:
            signal.emit(self.generation, value)
        except RuntimeError:
            # The page that asked was closed meanwhile: there is no one left to tell.
            log.debug("background job finished after its page closed")
