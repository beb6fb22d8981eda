"""``selfcheck``'s screens: open every main screen offscreen once, print timings.

Each screen is one line with the milliseconds it took to show, paint and finish the
work it started in the background (searches on the thread pools land before the next
screen). Any Qt warning or critical message, any exception (also one raised inside a
Qt slot) and any screen slower than the time limit is a failure: it is printed after
the timings and the exit status is 1. The command (``cli/selfcheck.py``) imports this
only when it runs, so that the command line itself stays free of Qt.
"""

from __future__ import annotations

import sys
import time
import traceback
from collections.abc import Callable, Sequence
from typing import Any, TextIO

from crm_desktop.models.database import Database

# The offscreen platform cannot hand a window's minimum size to a window manager and
# says so on every layout change, and has no stacking order or keyboard grab for a
# popup menu; real platforms can. It is not a fault of a screen.
OFFSCREEN_NOISE = (
    "This plugin does not support propagateSizeHints",
    "This plugin does not support raise()",
    "This plugin does not support grabbing the keyboard",
)

Screen = tuple[str, Callable[[Any], object]]  # a name, and a step given the main window
# A screen (built, painted, its background searches answered) slower than this fails.
TIME_LIMIT_MS = 3000


def _page_step(key: str) -> Callable[[Any], object]:
    def show(window: Any) -> object:
        window.show_page(key)
        window.stack.currentWidget().repaint()
        return window.stack.currentWidget()

    return show


def _global_search(window: Any) -> object:
    from crm_desktop.services.contacts import contact_ids, get_contact

    dialog = window.open_global_search()
    first = contact_ids(window.db, limit=1)
    dialog.search_edit.setText(get_contact(window.db, first[0]).first_name if first else "x")
    dialog.run_search()
    dialog.repaint()
    dialog.reject()
    return dialog


def _first_run(window: Any) -> object:
    from crm_desktop.ui.shell.first_run import FirstRunDialog

    dialog = FirstRunDialog(window.ctx, window)
    dialog.show()
    dialog.repaint()
    dialog.done(0)
    dialog.deleteLater()
    return dialog


def _open_and_close(opened: object) -> object:
    from PySide6.QtWidgets import QWidget

    if isinstance(opened, QWidget):
        opened.repaint()
        opened.close()
    return opened


def _contact_editor(window: Any) -> object:
    from crm_desktop.services.contacts import contact_ids

    first = contact_ids(window.db, limit=1)
    return _open_and_close(window.open_contact(first[0])) if first else None


def _contact_history(window: Any) -> object:
    from crm_desktop.services.contacts import contact_ids

    first = contact_ids(window.db, limit=1)
    if not first:
        return None
    editor = window.open_contact(first[0])
    editor.view.tabs.setCurrentWidget(editor.history)
    editor.history.repaint()
    return _open_and_close(editor)


def _company_page(window: Any) -> object:
    from crm_desktop.services.companies import list_companies

    first = list_companies(window.db, limit=1)
    return _open_and_close(window.open_company(first[0].id)) if first else None


def _first_deal(window: Any) -> Any:
    from crm_desktop.services.deal_list import list_deals

    found = list_deals(window.db, limit=1)
    return found[0] if found else None


def _deal_window(window: Any) -> object:
    deal = _first_deal(window)
    return _open_and_close(window.open_deal(deal.id)) if deal else None


def _closing_dialog(window: Any) -> object:
    """What a drop on "lost" asks, over the kanban."""
    from crm_desktop.services.deals import lost_reasons
    from crm_desktop.ui.pipeline.closing_dialog import ClosingDialog

    deal = _first_deal(window)
    if deal is None:
        return None
    page = window.page("pipeline")
    dialog = ClosingDialog(
        deal, deal.stage, won=False, reasons=lost_reasons(window.db), unit="rial", parent=page
    )
    dialog.show()
    dialog.repaint()
    dialog.done(0)
    dialog.deleteLater()
    return dialog


def _activity_form(window: Any) -> object:
    """The form that logs a call, over the activities page, with its next step open."""
    from crm_desktop.ui.activities.activity_dialog import ActivityDialog

    dialog = ActivityDialog(window.ctx, parent=window.page("activities"))
    dialog.next_step.setChecked(True)
    dialog.show()
    dialog.repaint()
    dialog.done(0)
    dialog.deleteLater()
    return dialog


def _contacts_page(window: Any) -> Any:
    window.show_page("contacts")
    _settle(window, time.perf_counter() + TIME_LIMIT_MS / 1000)  # the first page first
    return window.contacts_page


def _filter_panel(window: Any) -> object:
    page = _contacts_page(window)
    page.filter_button.setChecked(True)  # loads the choices of every picker
    page.filter_panel.repaint()
    page.filter_button.setChecked(False)
    return page.filter_panel


def _column_chooser(window: Any) -> object:
    from PySide6.QtCore import QPoint

    page = _contacts_page(window)
    header = page.table.horizontalHeader()
    header.customContextMenuRequested.emit(QPoint(5, 5))  # what a right click does
    menu = page.controller.columns.menu
    menu.repaint()
    menu.close()
    return menu


def _merge_dialog(window: Any) -> object:
    window.show_page("duplicates")
    page = window.page("duplicates")
    _settle(window, time.perf_counter() + TIME_LIMIT_MS / 1000)  # the groups come in
    if page.model.rowCount() == 0:
        return None
    page.select_group(0)
    page.merge_selected()
    dialog = page.merge_dialog
    dialog.repaint()
    dialog.close()
    return dialog


def _import_wizard(window: Any) -> object:
    wizard = window.import_file()
    wizard.repaint()
    wizard.reject()
    return wizard


def _import_history(window: Any) -> object:
    dialog = window.show_import_history()
    dialog.repaint()
    dialog.close()
    return dialog


def _busy(window: Any) -> bool:
    """Whether a screen still waits for an answer from a background job."""
    from PySide6.QtCore import QThreadPool

    if window is None:
        return not QThreadPool.globalInstance().waitForDone(0)
    pages = window.pages
    contacts = pages.get("contacts")
    duplicates = pages.get("duplicates")
    search = window.search_dialog
    return (
        not QThreadPool.globalInstance().waitForDone(0)
        or (contacts is not None and contacts.controller.query_running())
        or (contacts is not None and contacts.controller.working())
        or (duplicates is not None and duplicates.is_searching())
        or (search is not None and search.searching())
    )


def _settle(window: Any, deadline: float) -> bool:
    """Run the event loop until no background work is pending: False if ``deadline`` came
    first (the screen is still working: too slow)."""
    from PySide6.QtCore import QEventLoop, QThreadPool
    from PySide6.QtWidgets import QApplication

    while True:
        remaining_ms = int((deadline - time.perf_counter()) * 1000)
        if remaining_ms <= 0:
            return not _busy(window)
        QThreadPool.globalInstance().waitForDone(min(remaining_ms, 50))
        # Answers arrive as queued signals; timers (debounced searches) need the loop.
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        if not _busy(window):
            QApplication.processEvents()
            if not _busy(window):
                return True


def default_screens() -> list[Screen]:
    from crm_desktop.ui.shell.main_window import ALL_PAGE_KEYS

    screens: list[Screen] = [(f"page {key}", _page_step(key)) for key in ALL_PAGE_KEYS]
    screens += [
        ("global search", _global_search),
        ("first-run dialog", _first_run),
        ("contact editor", _contact_editor),
        ("contact history", _contact_history),
        ("company page", _company_page),
        ("deal window", _deal_window),
        ("won or lost dialog", _closing_dialog),
        ("activity form", _activity_form),
        ("contacts filter panel", _filter_panel),
        ("column chooser menu", _column_chooser),
        ("merge dialog", _merge_dialog),
        ("import wizard", _import_wizard),
        ("import history", _import_history),
    ]
    return screens


def check_screens(
    db: Database,
    *,
    lang: str = "fa",
    extra_screens: Sequence[Screen] = (),
    out: TextIO | None = None,
    time_limit_ms: int = TIME_LIMIT_MS,
) -> int:
    """Build the main window over ``db`` and visit every screen; 0 when nothing went wrong."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    from crm_desktop.ui.app import build_main_window, ensure_application

    out = out or sys.stdout
    problems: list[str] = []

    def on_message(kind: QtMsgType, _context: object, message: str) -> None:
        quiet = kind in (QtMsgType.QtDebugMsg, QtMsgType.QtInfoMsg)
        if not quiet and not any(noise in message for noise in OFFSCREEN_NOISE):
            problems.append(f"Qt {kind.name.removeprefix('Qt').removesuffix('Msg')}: {message}")

    def on_exception(kind: type[BaseException], exc: BaseException, tb: Any) -> None:
        problems.append("".join(traceback.format_exception(kind, exc, tb)).rstrip())

    app = ensure_application()
    previous_handler = qInstallMessageHandler(on_message)
    previous_hook, sys.excepthook = sys.excepthook, on_exception
    window: Any = None
    try:

        def build(_window: object) -> object:
            nonlocal window
            window = build_main_window(db, lang)
            window.show()
            return window

        for name, step in [("main window", build), *default_screens(), *extra_screens]:
            start = time.perf_counter()
            note = ""
            try:
                if step(window) is None:
                    note = "  (nothing to open)"
                settled = _settle(window, start + time_limit_ms / 1000)
            except Exception:
                problems.append(f"{name}: {traceback.format_exc().rstrip()}")
                settled = True
            elapsed = (time.perf_counter() - start) * 1000
            if not settled or elapsed > time_limit_ms:
                problems.append(f"slow: {name} took {elapsed:.0f} ms (limit {time_limit_ms} ms)")
            print(f"{name:<22} {elapsed:8.1f} ms{note}", file=out)
            if window is None:
                break
    finally:
        # Background work still running must not answer into a deleted window.
        _settle(window, time.perf_counter() + time_limit_ms / 1000)
        if window is not None:
            # Hidden, not closed: a check must not change the remembered page or size.
            window.hide()
            window.deleteLater()
        app.processEvents()
        sys.excepthook = previous_hook
        qInstallMessageHandler(previous_handler)
    for problem in problems:
        print(f"problem: {problem}", file=out)
    print(f"selfcheck: {'ok' if not problems else f'{len(problems)} problem(s)'}", file=out)
    return 1 if problems else 0
