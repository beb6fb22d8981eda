"""``export contacts|deals|activities FILE.xlsx``: a whole list to an Excel file.

The file is checked (an .xlsx in an existing folder) and the database must exist
before anything is read; the sheet appears only once complete, so a bad argument, an
error or Ctrl+C leaves no file behind (and an existing file as it was). A value longer
than an Excel cell holds is written over continuation columns, and each such cell is
said on stderr, one line each, naming the row and the column.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from crm_desktop.cli.words import say
from crm_desktop.locale import format_number

KINDS = ("contacts", "deals", "activities")


def register(commands: Any) -> None:
    export = commands.add_parser(
        "export", help=say("نوشتن یک فهرست در فایل اکسل (xlsx)", "write a list to an .xlsx file")
    )
    export.add_argument(
        "kind",
        choices=KINDS,
        metavar="contacts|deals|activities",
        help=say("کدام فهرست", "which list"),
    )
    export.add_argument(
        "file",
        type=Path,
        metavar="FILE.xlsx",
        help=say("فایلی که نوشته می‌شود", "the file to write"),
    )
    export.set_defaults(run=run_export)


def run_export(args: argparse.Namespace) -> int:
    from crm_desktop.models.database import open_database
    from crm_desktop.services import export

    target = export.check_target(args.file)
    writers: dict[str, Callable[..., int]] = {
        "contacts": export.export_contacts,
        "deals": export.export_deals,
        "activities": export.export_activities,
    }
    progress = _show_progress if sys.stderr.isatty() else None
    splits: list[export.SplitCell] = []
    with open_database(args.db, write=False) as db:
        try:
            count = writers[args.kind](db, target, progress=progress, lang=args.lang, splits=splits)
        finally:
            if progress is not None:
                print(file=sys.stderr)
    if args.lang == "fa":
        print(f"{format_number(count)} ردیف در «{target}» نوشته شد.")
    else:
        print(f"{count} rows written to {target}")
    warning = "هشدار" if args.lang == "fa" else "warning"
    for split in splits:  # one line each, beside the result rather than in it
        print(f"crm-desktop: {warning}: {split.message(args.lang)}", file=sys.stderr)
    return 0


def _show_progress(done: int, total: int) -> None:
    if total:
        print(f"\r{100 * done // total}%   ", end="", file=sys.stderr, flush=True)
