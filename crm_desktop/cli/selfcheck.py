"""``selfcheck``: open every main screen offscreen once, print timings, exit 0 when well.

Each screen is one line with the milliseconds it took to show and paint. Any Qt warning
or critical message, and any exception (also one raised inside a Qt slot), is a
failure: it is printed after the timings and the exit status is 1. Qt is imported only
when the command runs, so that the command line itself stays free of it.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import traceback
from collections.abc import Callable, Sequence
from typing import Any, TextIO

from crm_desktop.models.database import Database, open_database

# The offscreen platform cannot hand a window's minimum size to a window manager and
# says so on every layout change; real platforms can. It is not a fault of a screen.
OFFSCREEN_NOISE = ("This plugin does not support propagateSizeHints",)

Screen = tuple[str, Callable[[Any], object]]  # a name, and a step given the main window


def register(commands: Any) -> None:
    selfcheck = commands.add_parser(
        "selfcheck", help="open every main screen offscreen once and print timings"
    )
    selfcheck.set_defaults(run=run_selfcheck)


def run_selfcheck(args: argparse.Namespace) -> int:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    with open_database(args.db) as db:
        return check_screens(db, lang=args.lang)


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
    from crm_desktop.ui.first_run import FirstRunDialog

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


def _company_page(window: Any) -> object:
    from crm_desktop.services.companies import list_companies

    first = list_companies(window.db, limit=1)
    return _open_and_close(window.open_company(first[0].id)) if first else None


def default_screens() -> list[Screen]:
    from crm_desktop.ui.main_window import ALL_PAGE_KEYS

    screens: list[Screen] = [(f"page {key}", _page_step(key)) for key in ALL_PAGE_KEYS]
    screens += [
        ("global search", _global_search),
        ("first-run dialog", _first_run),
        ("contact editor", _contact_editor),
        ("company page", _company_page),
    ]
    return screens


def check_screens(
    db: Database,
    *,
    lang: str = "fa",
    extra_screens: Sequence[Screen] = (),
    out: TextIO | None = None,
) -> int:
    """Build the main window over ``db`` and visit every screen; 0 when nothing went wrong."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

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
                QApplication.processEvents()
            except Exception:
                problems.append(f"{name}: {traceback.format_exc().rstrip()}")
            elapsed = (time.perf_counter() - start) * 1000
            print(f"{name:<22} {elapsed:8.1f} ms{note}", file=out)
            if window is None:
                break
    finally:
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
