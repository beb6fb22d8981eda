"""Undoable operations: thin QUndoCommands that call services (style.md, point 3).

``perform`` runs the operation first, outside the undo stack, so that a ``UserError``
reaches the caller (to be shown) and nothing is pushed; only a change that happened
becomes an undo step. Redo after an undo runs the operation again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Generic, TypeVar

from PySide6.QtCore import QThreadPool
from PySide6.QtGui import QUndoCommand

from crm_desktop.ui.background import BackgroundJob
from crm_desktop.ui.context import AppContext

T = TypeVar("T")


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
    ) -> None:
        super().__init__(text)
        self._ctx = ctx
        self._do = do
        self._undo = undo
        self._kind = kind
        self._ids = frozenset(ids)
        self._result = result
        self._skip_first_redo = True

    def redo(self) -> None:
        if self._skip_first_redo:  # ``perform`` already did it
            self._skip_first_redo = False
        else:
            self._result = self._do()
        self._ctx.changes.announce(self._kind, self._ids)

    def undo(self) -> None:
        self._undo(self._result)
        self._ctx.changes.announce(self._kind, self._ids)


def perform(
    ctx: AppContext,
    text: str,
    do: Callable[[], T],
    undo: Callable[[T], None],
    *,
    kind: str,
    ids: Iterable[str] = (),
) -> T:
    """Do it now, then push it as one undo step named ``text``; returns what ``do`` gave."""
    result = do()
    ctx.undo_stack.push(ServiceCommand(ctx, text, do, undo, kind=kind, ids=ids, result=result))
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
) -> BackgroundJob:
    """``perform`` for work too long for the window to wait on (thousands of contacts).

    ``do`` runs on a worker thread; when it has succeeded the undo step is pushed and
    the change announced on the UI thread. The caller shows that work is under way
    until ``on_done`` or ``on_failed`` is called.
    """
    ids = frozenset(ids)
    job = BackgroundJob(0, do)

    def done(_generation: int, result: T) -> None:
        _running.discard(job)
        ctx.undo_stack.push(ServiceCommand(ctx, text, do, undo, kind=kind, ids=ids, result=result))
        on_done()

    def failed(_generation: int, error: Exception) -> None:
        _running.discard(job)
        on_failed(error)

    job.signals.done.connect(done)
    job.signals.failed.connect(failed)
    _running.add(job)  # the pool does not own it (see BackgroundJob)
    QThreadPool.globalInstance().start(job)
    return job


_running: set[BackgroundJob] = set()
