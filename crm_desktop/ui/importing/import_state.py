"""What the import wizard's pages share: the choices made so far, and their jobs."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThreadPool

from crm_desktop.services.importer import ImportResult
from crm_desktop.services.spreadsheet import SheetData
from crm_desktop.ui.importing.import_steps import ImportStep
from crm_desktop.ui.widgets.background import BackgroundJob

# File types the wizard offers (and accepts dropped).
SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods", ".csv", ".txt", ".tsv")


@dataclass
class ImportState:
    """The file, the sheet read from it, and how it is to be imported."""

    path: Path | None = None
    reads: int = 0  # how many times a file was chosen: what was read before is stale
    sheet_names: list[str] = field(default_factory=list)
    sheet: SheetData | None = None
    kind: str = "contacts"
    mapping: dict[int, str] = field(default_factory=dict)
    saved_mapping: bool = False  # the mapping was the one saved for these headers
    remember: bool = False
    on_duplicate: str = "update"
    dry_run: ImportResult | None = None
    result: ImportResult | None = None
    step: ImportStep | None = None
    command: Any = None  # the import's QUndoCommand, while the stack has it

    @property
    def file_name(self) -> str:
        return self.path.name if self.path else ""


# channel, the job (kept until it reports), on_done, on_failed
_Waiting = tuple[str, BackgroundJob, Callable[[Any], None], Callable[[Exception], None]]


class Jobs(QObject):
    """Reads and dry runs on the thread pool; only the newest answer of a channel counts.

    Answers come back through bound methods of this object, so a job that ends after
    the wizard closed finds no one listening instead of a deleted page.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._count = 0
        self._newest: dict[str, int] = {}
        self._waiting: dict[int, _Waiting] = {}

    def start(
        self,
        channel: str,
        work: Callable[[], object],
        on_done: Callable[[Any], None],
        on_failed: Callable[[Exception], None],
    ) -> None:
        self._count += 1
        job = BackgroundJob(self._count, work)
        job.signals.done.connect(self._done)
        job.signals.failed.connect(self._failed)
        self._waiting[self._count] = (channel, job, on_done, on_failed)
        self._newest[channel] = self._count
        QThreadPool.globalInstance().start(job)

    def forget(self, channel: str) -> None:
        """Ignore the answer of the job running on ``channel``."""
        self._newest.pop(channel, None)

    def running(self, channel: str) -> bool:
        return any(
            waiting[0] == channel and generation == self._newest.get(channel)
            for generation, waiting in self._waiting.items()
        )

    def _done(self, generation: int, result: object) -> None:
        waiting = self._take(generation)
        if waiting is not None:
            waiting[2](result)

    def _failed(self, generation: int, error: Exception) -> None:
        waiting = self._take(generation)
        if waiting is not None:
            waiting[3](error)

    def _take(self, generation: int) -> _Waiting | None:
        """The job's callbacks, if it is still the newest of its channel."""
        waiting = self._waiting.pop(generation, None)
        if waiting is None or self._newest.get(waiting[0]) != generation:
            return None
        del self._newest[waiting[0]]
        return waiting
