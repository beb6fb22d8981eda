"""Undoable operations: thin QUndoCommands over the change log (style.md, point 3).

``perform`` runs a service call first, outside the undo stack, so that a ``UserError``
reaches the caller (to be shown) and nothing is pushed; only a call that changed
something becomes an undo step. What it changed comes from the change log
(``services.operations.run``): the step keeps the operations' ids, undo takes them
back and redo puts them back (``services.undo``), and every run announces on the
change hub exactly the records the log says it touched. No caller names a kind of
record or writes its own undo.

A step made by ``perform_in_background`` (thousands of contacts, an import) is undone
and redone on a worker too. Those run on one thread, one after the other, in the order
asked, so that undoing two steps quickly still applies them in order;
``AppContext.busy`` says while any is running.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QThreadPool
from PySide6.QtGui import QUndoCommand

from crm_desktop.services import operations, undo
from crm_desktop.services.operations import Done, OpChanges
from crm_desktop.ui.widgets.background import BackgroundJob
from crm_desktop.ui.widgets.context import AppContext

T = TypeVar("T")
log = logging.getLogger(__name__)


class OperationStep(QUndoCommand):
    """One undo step: the operations one action committed.

    ``undo_work``/``redo_work`` replace taking back and putting back the operations
    by id where a step says it in its own terms (an import's step tells the wizard
    what it left alone); what they change is announced from the log all the same.
    """

    def __init__(
        self,
        ctx: AppContext,
        text: str,
        done: OpChanges,
        *,
        background: bool = False,
        undo_work: Callable[[], Any] | None = None,
        redo_work: Callable[[], Any] | None = None,
    ) -> None:
        super().__init__(text)
        self._ctx = ctx
        self._first = done
        self.op_ids = done.op_ids
        self._background = background
        self._undo_work = undo_work or self._undo_operations
        self._redo_work = redo_work or self._redo_operations
        self._skip_first_redo = True

    def redo(self) -> None:
        if self._skip_first_redo:  # ``perform`` already did it
            self._skip_first_redo = False
            self._ctx.changes.announce_changes(self._first)
        else:
            self._run(self._redo_work)

    def undo(self) -> None:
        self._run(self._undo_work)

    def _undo_operations(self) -> None:
        for op_id in reversed(self.op_ids):
            undo.undo(self._ctx.db, op_id)

    def _redo_operations(self) -> None:
        for op_id in self.op_ids:
            undo.redo(self._ctx.db, op_id)

    def _run(self, work: Callable[[], Any]) -> None:
        db = self._ctx.db
        if not self._background:
            self._ctx.changes.announce_changes(operations.run(db, work).changes)
            return
        job = BackgroundJob(0, lambda: operations.run(db, work))
        job.signals.done.connect(lambda _gen, done: self._finished(job, done))
        job.signals.failed.connect(lambda _gen, error: self._finished(job, error=error))
        self._ctx.work_started(job)
        _undo_pool().start(job)

    def _finished(
        self, job: BackgroundJob, done: Done[Any] | None = None, error: Exception | None = None
    ) -> None:
        self._ctx.work_finished(job)
        if done is not None:
            self._ctx.changes.announce_changes(done.changes)
        if error is not None:
            log.error("undo or redo of %r failed", self.text(), exc_info=error)


@functools.cache
def _undo_pool() -> QThreadPool:
    """One thread, so that undo and redo steps apply in the order they were asked."""
    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    return pool


def perform(ctx: AppContext, text: str, do: Callable[[], T], *, notice: str | None = None) -> T:
    """Do it now, then push it as one undo step named ``text``; returns what ``do`` gave.

    ``notice`` says what happened in the status bar, with Undo beside it: every step
    that takes something away (to the trash, a merge, a tag removed) gives one.
    """
    done = operations.run(ctx.db, do)
    _push(ctx, text, done.changes, notice=notice)
    return done.result


def apply(ctx: AppContext, do: Callable[[], T]) -> T:
    """Do a change that is not undone from the Edit menu (a setting, who is at the
    keyboard, the first run's answers) and announce what it changed."""
    done = operations.run(ctx.db, do)
    ctx.changes.announce_changes(done.changes)
    return done.result


def _push(
    ctx: AppContext, text: str, changes: OpChanges, *, notice: str | None, **step: Any
) -> None:
    if not changes:  # nothing to undo; a setting it wrote is announced all the same
        ctx.changes.announce_changes(changes)
        return
    command = OperationStep(ctx, text, changes, **step)
    ctx.undo_stack.push(command)
    if notice:
        ctx.changes.notify(notice, command)


def perform_in_background(
    ctx: AppContext,
    text: str,
    do: Callable[[], T],
    *,
    on_done: Callable[[], None],
    on_failed: Callable[[Exception], None],
    notice: str | None = None,
    undo_work: Callable[[], Any] | None = None,
    redo_work: Callable[[], Any] | None = None,
) -> BackgroundJob:
    """``perform`` for work too long for the window to wait on (thousands of contacts).

    ``do`` runs on a worker thread; when it has succeeded the undo step is pushed and
    its changes announced on the UI thread. The caller shows that work is under way
    until ``on_done`` or ``on_failed`` is called. A call that changed nothing (an import
    of rows that were all there) pushes no step.
    """
    job = BackgroundJob(0, lambda: operations.run(ctx.db, do))

    def done(_generation: int, result: Done[T]) -> None:
        ctx.work_finished(job)
        _push(
            ctx,
            text,
            result.changes,
            notice=notice,
            background=True,
            undo_work=undo_work,
            redo_work=redo_work,
        )
        on_done()

    def failed(_generation: int, error: Exception) -> None:
        ctx.work_finished(job)
        on_failed(error)

    job.signals.done.connect(done)
    job.signals.failed.connect(failed)
    ctx.work_started(job)
    _undo_pool().start(job)
    return job
