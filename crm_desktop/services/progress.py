"""Long work reports how far it got and can be cancelled: one way for every service.

A service that loops over many rows (an import, an export, demo data, a big restore)
takes a ``progress(done, total)`` callable and calls it every few hundred rows. The
caller hands it a ``Reporter``: cancelling it makes the next report raise the work's
``Cancelled`` error, so the service's transaction rolls back (or its temporary file is
dropped) and nothing is half-written. The window's runner (``ui/widgets/runner.py``),
the demo (``demo.make_demo``) and the command line use the same object.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeAlias

from crm_desktop.errors import UserError

Progress: TypeAlias = Callable[[int, int], None]  # done, total


class Cancelled(UserError):
    """The user cancelled; nothing was written. Each kind of work says it its own way."""

    def __init__(
        self, fa: str = "کار لغو شد؛ چیزی ذخیره نشد.", en: str = "Cancelled; nothing was saved."
    ) -> None:
        super().__init__(fa, en)


class Reporter:
    """A ``progress`` callback with a Cancel behind it, safe to share across threads."""

    def __init__(
        self, on_report: Progress | None = None, cancelled: Callable[[], Cancelled] = Cancelled
    ) -> None:
        self._on_report = on_report
        self._cancelled = cancelled
        self._cancel = threading.Event()

    def __call__(self, done: int, total: int) -> None:
        if self._cancel.is_set():
            raise self._cancelled()
        if self._on_report is not None:
            self._on_report(done, total)

    def cancel(self) -> None:
        """The work stops at its next report."""
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()
