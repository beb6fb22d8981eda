"""The contacts page at scale, offscreen: first paint and search as you type in the widget.

``measure(path)`` returns the figures; ``python -m benchmarks.contacts_ui`` prints them.
Search as you type, per keystroke, with the debounce bypassed (after each key event the
controller's ``apply_search`` runs at once, as the timer would):

- "keystroke": the time the window is busy with the key (the key event, starting the
  query on the worker thread): what decides whether typing stalls;
- "results": from the key event to the new results shown and the table repainted.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks.data import samples

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


class _PaintCounter:
    """Counts paint events of a widget (an event filter object is made lazily)."""

    def __init__(self, widget: Any) -> None:
        from PySide6.QtCore import QEvent, QObject

        counter = self

        class Filter(QObject):
            def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
                if event.type() == QEvent.Type.Paint:
                    counter.paints += 1
                return False

        self.paints = 0
        self._filter = Filter()
        widget.installEventFilter(self._filter)


def _percentiles(times: list[float]) -> dict[str, float]:
    return {
        "median_ms": statistics.median(times),
        "p95_ms": statistics.quantiles(times, n=20)[-1],
        "max_ms": max(times),
    }


def _typed_texts(path: Path) -> tuple[str, str]:
    """A contact's full name and the first 8 digits of another's mobile, from the data."""
    first, last, _company, phone = samples(path)
    return f"{first} {last}", ("0" + phone[3:])[:8]


def measure(path: Path) -> dict[str, object]:
    from PySide6.QtCore import QEventLoop, Qt
    from PySide6.QtTest import QTest

    from crm_desktop.models.database import open_database
    from crm_desktop.ui.app import ensure_application, setup_application
    from crm_desktop.ui.contacts.contacts_page import ContactsPage
    from crm_desktop.ui.widgets.context import AppContext

    app = ensure_application()
    setup_application(app, "fa")
    db = open_database(path)
    try:
        # -- first paint: construct, show, until the first page is loaded and painted.
        start = time.perf_counter()
        page = ContactsPage(AppContext(db))
        page.resize(1280, 760)
        counter = _PaintCounter(page.table.viewport())
        page.show()
        while not (counter.paints and page.model.cached_page_count()):
            app.processEvents()
        first_paint_ms = (time.perf_counter() - start) * 1000
        rows = page.model.rowCount()

        # -- search as you type: a realistic name and a phone prefix, key by key.
        name_text, phone_text = _typed_texts(path)
        keystrokes = [*name_text, *("\b" * len(name_text)), *phone_text]
        edit, controller, viewport = page.search_edit, page.controller, page.table.viewport()
        busy: list[float] = []
        results: list[float] = []
        hits: list[int] = []
        for key in keystrokes:
            start = time.perf_counter()
            if key == "\b":
                QTest.keyClick(edit, Qt.Key.Key_Backspace)
            else:
                QTest.sendKeyEvent(
                    QTest.KeyAction.Click, edit, Qt.Key.Key_unknown, key, Qt.KeyboardModifier(0)
                )
            controller.apply_search()  # what the debounce timer would run
            busy.append((time.perf_counter() - start) * 1000)
            while controller.query_running():  # sleeps until the worker reports
                app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
            viewport.repaint()
            results.append((time.perf_counter() - start) * 1000)
            hits.append(page.model.rowCount())
        page.close()
    finally:
        db.close()
    return {
        "contacts": rows,
        "first_paint_ms": first_paint_ms,
        "search_text": f"{name_text} / {phone_text}",
        "keystrokes": len(keystrokes),
        "median_hits": statistics.median(hits),
        **{f"keystroke_{k}": v for k, v in _percentiles(busy).items()},
        **{f"results_{k}": v for k, v in _percentiles(results).items()},
    }


def main() -> int:
    from benchmarks.data import demo_database

    contacts = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    path, _seconds = demo_database(contacts)
    figures = measure(path)
    for key, value in figures.items():
        print(f"{key}: {value:.1f}" if isinstance(value, float) else f"{key}: {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
