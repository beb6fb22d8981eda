"""``selfcheck``: open every main screen offscreen once, print timings, exit 0 when well.

Each screen is one line with the milliseconds it took to show, paint and finish the
work it started in the background (searches on the thread pools land before the next
screen). Any Qt warning or critical message, any exception (also one raised inside a
Qt slot) and any screen slower than the time limit is a failure: it is printed after
the timings and the exit status is 1. The screens are ``ui/selfcheck.py``, imported
only when the command runs, so that the command line itself stays free of Qt.
"""

from __future__ import annotations

import argparse
import os
from typing import Any

from crm_desktop.cli.words import say


def register(commands: Any) -> None:
    selfcheck = commands.add_parser(
        "selfcheck",
        help=say(
            "یک بار باز کردن همهٔ صفحه‌های اصلی بی‌نمایش و چاپ زمان‌ها",
            "open every main screen offscreen once and print timings",
        ),
    )
    selfcheck.set_defaults(run=run_selfcheck)


def run_selfcheck(args: argparse.Namespace) -> int:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from crm_desktop.models.database import open_database
    from crm_desktop.ui.shell.selfcheck import check_screens

    with open_database(args.db) as db:
        return check_screens(db, lang=args.lang)
