"""``import``: contacts, companies or deals from a spreadsheet file.

The sheet is read (and the file checked) before the database is opened, so a file
that cannot be read exits 2 and writes nothing at all. Whether the sheet holds
contacts, companies or deals is read from its columns; a mapping saved in the window
for the same header set is used.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from crm_desktop.cli.words import say
from crm_desktop.locale import format_number, to_persian_digits

if TYPE_CHECKING:
    from crm_desktop.services.importer import ImportResult
    from crm_desktop.services.spreadsheet import SheetData


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "import",
        help=say(
            "ورود اطلاعات از صفحه‌گسترده (xlsx، xls، ods، csv)",
            "import a spreadsheet (.xlsx .xls .ods .csv)",
        ),
    )
    parser.add_argument(
        "file",
        type=Path,
        metavar="FILE",
        nargs="?",
        help=say("فایلی که خوانده می‌شود", "the file to read"),
    )
    parser.add_argument(
        "--undo",
        metavar="IMPORT_ID",
        help=say("برگرداندن یک ورود داده به‌تمامی", "undo a whole import"),
    )
    parser.add_argument(
        "--redo",
        metavar="IMPORT_ID",
        help=say("انجام دوبارهٔ ورودی که برگردانده شد", "redo an undone import"),
    )
    parser.add_argument(
        "--sheet",
        metavar="NAME",
        help=say("برگه‌ای که خوانده شود (پیش‌فرض: نخستین)", "the sheet to read (default: the first)"),
    )
    parser.add_argument(
        "--dry-run",
        action="store_true",
        help=say("نشان دادن نتیجه بی آن‌که چیزی نوشته شود", "show what would happen, write nothing"),
    )
    parser.add_argument(
        "--on-duplicate",
        choices=("update", "skip", "create"),
        default="update",
        help=say(
            "ردیفی که با مخاطبی موجود جور است: پر کردن فیلدهای خالی آن (پیش‌فرض)، "
            "رد کردن آن ردیف، یا ساختن مخاطبی دیگر",
            "a row matching a contact: fill its empty fields (default), skip it, or create anyway",
        ),
    )
    parser.add_argument(
        "--kind",
        choices=("contacts", "companies", "deals"),
        help=say(
            "آنچه فایل دارد: مخاطبان، شرکت‌ها یا معامله‌ها (پیش‌فرض: از ستون‌ها خوانده می‌شود)",
            "what the file holds (default: read from its columns)",
        ),
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help=say("چاپ نتیجه به شکل یک شیء JSON", "print the result as one JSON object"),
    )
    parser.set_defaults(run=run_import)


def run_import(args: argparse.Namespace) -> int:
    from crm_desktop.errors import InvalidInput
    from crm_desktop.services.spreadsheet import read_sheet

    asked = [a for a in (args.file, args.undo, args.redo) if a is not None]
    if len(asked) != 1:
        raise InvalidInput(
            "یکی از این‌ها لازم است: FILE، --undo IMPORT_ID یا --redo IMPORT_ID",
            "give one of FILE, --undo IMPORT_ID or --redo IMPORT_ID",
        )
    if args.file is None:
        from crm_desktop.cli.history import run_undo

        return run_undo(args)

    sheet = read_sheet(args.file, sheet=args.sheet)
    return _import(args, sheet, Path(args.db))


def _import(args: argparse.Namespace, sheet: SheetData, db_path: Path) -> int:
    from crm_desktop.models.database import open_database
    from crm_desktop.services.importer import guess_kind, mapping_for
    from crm_desktop.services.importer import run_import as import_sheet

    show_progress = sys.stderr.isatty()

    def progress(done: int, total: int) -> None:
        if show_progress and total:
            print(f"\r{100 * done // total}%   ", end="", file=sys.stderr, flush=True)

    # A dry run writes nothing (it rolls back): it opens the file as a reader.
    with open_database(db_path, write=not args.dry_run) as db:
        kind = args.kind or guess_kind(sheet)
        mapping, _saved = mapping_for(db, sheet, kind)
        result = import_sheet(
            db,
            sheet,
            mapping,
            kind=kind,
            on_duplicate=args.on_duplicate,
            dry_run=args.dry_run,
            file_name=args.file.name,
            progress=progress,
            guessed=True,
        )
    if show_progress:
        print(file=sys.stderr)
    if args.json:
        print(json.dumps(result.as_json(args.lang), ensure_ascii=False))
        return 0
    fa = args.lang == "fa"
    counts = [
        (result.rows, "ردیف خوانده شد", "rows read"),
        (result.created, "ساخته شد", "created"),
        (result.updated, "به‌روز شد", "updated"),
        (result.duplicates, "تکراری", "duplicates"),
        (result.skipped, "رد شد", "skipped"),
    ]
    body = (
        "، ".join(f"{format_number(n)} {f}" for n, f, _ in counts)
        if fa
        else ", ".join(f"{n} {e}" for n, _, e in counts)
    )
    if args.dry_run:
        head = "آزمایشی (چیزی ذخیره نشد): " if fa else "Dry run (nothing saved): "
    else:
        head = f"{args.file.name}: "
    print(head + body)
    _print_mapping(result, fa)
    for label, problems in (("خطا", result.errors), ("هشدار", result.warnings)):
        for problem in problems:
            row = to_persian_digits(str(problem.row)) if fa else str(problem.row)
            where = row + (f" [{problem.column}]" if problem.column else "")
            kind_label = label if fa else ("error" if label == "خطا" else "warning")
            row_word = "ردیف" if fa else "row"
            print(f"{kind_label}: {row_word} {where}: {problem.message(args.lang)}")
    if result.import_id:
        print(("شناسهٔ ورود: " if fa else "import id: ") + result.import_id)
    return 0


_KIND_NAMES = {"contacts": "مخاطبان", "companies": "شرکت‌ها", "deals": "معامله‌ها"}


def _print_mapping(result: ImportResult, fa: bool) -> None:
    """What was understood: the kind, and each column's field (or that it was left out)."""
    from crm_desktop.services.column_mapping import IGNORE, NOTES
    from crm_desktop.services.registry import field_label

    if fa:
        print(f"نوع: {_KIND_NAMES[result.kind]}")
    else:
        print(f"kind: {result.kind}")
    if result.header_row is None:
        print("ردیف عنوان ستون‌ها پیدا نشد." if fa else "no header row was found.")
    lang = "fa" if fa else "en"
    for column in result.mapping:
        name = column.header or f"#{column.number}"
        if column.label_of is not None:
            went = f"نوع «{column.label_of}»" if fa else f"the kind of '{column.label_of}'"
        elif column.field == NOTES:
            went = "یادداشت‌ها" if fa else "notes"
        elif column.field == IGNORE:
            went = "نادیده" if fa else "ignored"
        elif column.field is not None:
            went = field_label(column.field, lang)
        else:
            went = "وارد نشد" if fa else "left out"
        print(f"  {name} → {went}")
