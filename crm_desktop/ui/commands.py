"""Undoable operations: thin QUndoCommands that call services (style.md, point 3).

``perform`` runs the operation first, outside the undo stack, so that a ``UserError``
reaches the caller (to be shown) and nothing is pushed; only a change that happened
becomes an undo step. Redo after an undo runs the operation again.

A step made by ``perform_in_background`` (thousands of contacts) is undone and redone
on a worker too. Those run on one thread, one after the other, in the order asked, so
that undoing two steps quickly still applies them in order; ``AppContext.busy`` says
while any is running.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Iterable
from typing import Generic, TypeVar

from PySide6.QtCore import QThreadPool
from PySide6.QtGui import QUndoCommand

from crm_desktop.ui.background import BackgroundJob
from crm_desktop.ui.context import AppContext

T = TypeVar("T")
log = logging.getLogger(__name__)


class ServiceCommand(QUndoCommand, Generic[T]):
    def __init__(
        self,
        ctx: AppContext,
        text: str,
        do: Callable[[], T],
        undo: Callable[[T], None],
        *,
        kind: str,
        ids: Iterable[str],
        result: T,
        background: bool = False,
    ) -> None:
        super().__init__(text)
        self._ctx = ctx
        self._do = do
        self._undo = undo
        self._kind = kind
        self._ids = frozenset(ids)
        self._result = result
        self._background = background
        self._skip_first_redo = True

    def redo(self) -> None:
        if self._skip_first_redo:  # ``perform`` already did it
            self._skip_first_redo = False
            self._ctx.changes.announce(self._kind, self._ids)
        else:
            self._run(self._redo_now)

    def undo(self) -> None:
        self._run(self._undo_now)

    def _redo_now(self) -> None:
        self._result = self._do()

    def _undo_now(self) -> None:
        self._undo(self._result)

    def _run(self, work: Callable[[], None]) -> None:
        if not self._background:
            work()
            self._ctx.changes.announce(self._kind, self._ids)
            return
        # The result is stored on the worker itself: a later undo, queued behind this
        # redo on the same single thread, must see it.
        job = BackgroundJob(0, work)
        job.signals.done.connect(lambda _gen, _result: self._finished(job))
        job.signals.failed.connect(lambda _gen, error: self._finished(job, error))
        self._ctx.work_started(job)
        _undo_pool().start(job)

    def _finished(self, job: BackgroundJob, error: Exception | None = None) -> None:
        self._ctx.work_finished(job)
        self._ctx.changes.announce(self._kind, self._ids)
        if error is not None:
            log.error("undo or redo of %r failed", self.text(), exc_info=error)


@functools.cache
def _undo_pool() -> QThreadPool:
    """One thread, so that undo and redo steps apply in the order they were asked."""
    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    return pool


def perform(
    ctx: AppContext,
    text: str,
    do: Callable[[], T],
    undo: Callable[[T], None],
    *,
    kind: str,
    ids: Iterable[str] = (),
    notice: str | None = None,
) -> T:
    """Do it now, then push it as one undo step named ``text``; returns what ``do`` gave.

    ``notice`` says what happened in the status bar, with Undo beside it: every step
    that takes something away (to the trash, a merge, a tag removed) gives one.
    """
    result = do()
    command = ServiceCommand(ctx, text, do, undo, kind=kind, ids=ids, result=result)
    ctx.undo_stack.push(command)
    if notice:
        ctx.changes.notify(notice, command)
    return result


def perform_in_background(
    ctx: AppContext,
    text: str,
    do: Callable[[], T],
    undo: Callable[[T], None],
    *,
    kind: str,
    ids: Iterable[str] = (),
    on_done: Callable[[], None],
    on_failed: Callable[[Exception], None],
    undoable: Callable[[T], bool] = lambda _result: True,
    notice: str | None = None,
) -> BackgroundJob:
    """``perform`` for work too long for the window to wait on (thousands of contacts).

    ``do`` runs on a worker thread; when it has succeeded the undo step is pushed and
    the change announced on the UI thread. The caller shows that work is under way
    until ``on_done`` or ``on_failed`` is called. A result that ``undoable`` says
    changed nothing (an import of rows that were all there) is announced, not pushed.
    """
    ids = frozenset(ids)
    job = BackgroundJob(0, do)

    def done(_generation: int, result: T) -> None:
        ctx.work_finished(job)
        if undoable(result):
            command = ServiceCommand(
                ctx, text, do, undo, kind=kind, ids=ids, result=result, background=True
            )
            ctx.undo_stack.push(command)
            if notice:
                ctx.changes.notify(notice, command)
        else:
            ctx.changes.announce(kind, ids)
        on_done()

    def failed(_generation: int, error: Exception) -> None:
        ctx.work_finished(job)
        on_failed(error)

    job.signals.done.connect(done)
    job.signals.failed.connect(failed)
    ctx.work_started(job)
    _undo_pool().start(job)
    return job
