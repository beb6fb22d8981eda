"""The Qt binding itself: a known-bad PySide6 release must not slip back in."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class Emitter(QObject):
    plain = Signal()
    with_value = Signal(object)


def test_emitting_signals_does_not_leak_references_to_true(qapp: object) -> None:
    # PySide6 6.12.0 dropped one reference to True per emit from Python; on Python 3.11
    # that aborts the whole application after a few thousand signals.
    emitter = Emitter()
    received: list[object] = []
    emitter.with_value.connect(received.append)
    before = sys.getrefcount(True)
    for _ in range(200):
        emitter.plain.emit()
        emitter.with_value.emit(1)
    # 400 emits: the broken release loses 400 references; a few may be held elsewhere.
    assert sys.getrefcount(True) - before > -10
    assert len(received) == 200
