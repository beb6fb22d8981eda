"""An import as one undo step, and undoing or redoing a past import as another.

The import runs on the undo worker (``perform_in_background``): the first time it
imports the sheet; undo calls ``undo_import`` and redo ``redo_import`` (the change
log's undo and redo, said in an import's terms), so that redo puts back this very
import instead of importing the file a second time. Progress and cancelling cross
threads through the runner's ``ProgressRelay`` (``ui/runner.py``), as for all long
work; what an undo or redo left alone comes back to the UI thread as a signal of the
step.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, QObject, Signal

from crm_desktop.services.importer import (
    ImportResult,
    UndoResult,
    redo_import,
    run_import,
    undo_import,
)
from crm_desktop.services.spreadsheet import SheetData
from crm_desktop.ui.importing.import_labels import failure_text
from crm_desktop.ui.widgets.commands import perform_in_background
from crm_desktop.ui.widgets.context import AppContext
from crm_desktop.ui.widgets.display import isolate
from crm_desktop.ui.widgets.runner import ProgressRelay


class ImportStep(QObject):
    """One import (or one undo of a past import) on the undo stack.

    What happens to it is told by its signals, on the UI thread, so that a page that
    closed meanwhile is simply no longer connected.
    """

    imported = Signal(object)  # ImportResult: the import is done and on the undo stack
    import_failed = Signal(object)  # the exception (``ImportCancelled`` after a cancel)
    undone = Signal(object)  # UndoResult: the import was taken back
    redone = Signal(object)  # UndoResult: ... and put back
    failed = Signal(str)  # an undo or redo could not be done; why

    def __init__(self, ctx: AppContext, kind: str, file_name: str) -> None:
        super().__init__()
        self.ctx = ctx
        self.kind = kind
        self.file_name = file_name
        self.import_id: str | None = None
        self.undone_now = False  # as of the last undo or redo that finished

    def revert(self, forward: bool) -> None:
        """Redo (``forward``) or undo the import; runs on the undo worker."""
        assert self.import_id is not None
        db = self.ctx.db
        try:
            outcome = (
                redo_import(db, self.import_id) if forward else undo_import(db, self.import_id)
            )
        except Exception as error:  # told to the page; a bug is logged by ``failure_text``
            self.failed.emit(failure_text(error, self.ctx.lang))
            return
        self.undone_now = not forward
        (self.redone if forward else self.undone).emit(outcome)


def start_import(
    ctx: AppContext,
    sheet: SheetData,
    mapping: Mapping[int, str],
    *,
    kind: str,
    on_duplicate: str,
    file_name: str,
    relay: ProgressRelay,
) -> ImportStep:
    """Import on the undo worker; once it succeeded it is one step on ``ctx.undo_stack``.

    Connect to the step's ``imported`` and ``import_failed`` at once: they are emitted
    no sooner than the next turn of the event loop.
    """
    step = ImportStep(ctx, kind, file_name)
    db = ctx.db
    pending: list[SheetData] = [sheet]  # dropped once imported: the stack keeps no rows
    result: list[ImportResult] = []
    mapping = dict(mapping)

    def do() -> ImportResult:
        imported = run_import(
            db,
            pending.pop(),
            mapping,
            kind=kind,
            on_duplicate=on_duplicate,
            file_name=file_name,
            progress=relay,
        )
        step.import_id = imported.import_id
        result.append(imported)
        return imported

    def failed(error: Exception) -> None:
        pending.clear()
        step.import_failed.emit(error)

    text = QCoreApplication.translate("ImportSteps", "ورود داده از %1").replace(
        "%1", isolate(file_name)
    )
    perform_in_background(
        ctx,
        text,
        do,
        on_done=lambda: step.imported.emit(result[0]),
        on_failed=failed,
        undo_work=lambda: step.revert(forward=False),
        redo_work=lambda: step.revert(forward=True),
    )
    return step


def start_revert(
    ctx: AppContext, import_id: str, *, kind: str, file_name: str, undo: bool
) -> ImportStep:
    """Undo (or redo) a past import as a new step: undoing that step does the opposite.

    Its ``undone`` or ``redone`` (or ``failed``) tells when it is done.
    """
    step = ImportStep(ctx, kind, file_name)
    step.import_id = import_id
    first: list[UndoResult] = []

    def do() -> UndoResult:
        db = ctx.db
        first.append(undo_import(db, import_id) if undo else redo_import(db, import_id))
        step.undone_now = undo
        return first[0]

    text = (
        QCoreApplication.translate("ImportSteps", "واگرد ورود داده از %1")
        if undo
        else QCoreApplication.translate("ImportSteps", "انجام دوبارهٔ ورود داده از %1")
    ).replace("%1", isolate(file_name))
    perform_in_background(
        ctx,
        text,
        do,
        on_done=lambda: (step.undone if undo else step.redone).emit(first[0]),
        on_failed=lambda error: step.failed.emit(failure_text(error, ctx.lang)),
        undo_work=lambda: step.revert(forward=undo),
        redo_work=lambda: step.revert(forward=not undo),
    )
    return step
