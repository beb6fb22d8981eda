"""``history ID``, ``imports`` and ``import --undo|--redo IMPORT_ID``: the change log
from the command line."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from typing import Any

from crm_desktop.cli.words import office_moment, say
from crm_desktop.locale import format_number


def register(commands: Any) -> None:
    history = commands.add_parser(
        "history",
        help=say("چه کسی چه چیزی را در یک رکورد تغییر داد", "who changed what on a record"),
    )
    history.add_argument("id", metavar="ID", help=say("شناسهٔ رکورد", "the record's id"))
    history.add_argument(
        "--json", action="store_true", help=say("چاپ یک آرایهٔ JSON", "print a JSON array")
    )
    history.set_defaults(run=run_history)
    imports = commands.add_parser(
        "imports", help=say("ورودهای داده، جدیدترین نخست", "past imports, newest first")
    )
    imports.add_argument(
        "--json", action="store_true", help=say("چاپ یک آرایهٔ JSON", "print a JSON array")
    )
    imports.set_defaults(run=run_imports)


def _iso(at: dt.datetime) -> str:
    return at.replace(tzinfo=dt.UTC).isoformat()


def _plain(value: Any) -> Any:
    return value if value is None or isinstance(value, (int, float, str)) else str(value)


def run_history(args: argparse.Namespace) -> int:
    from crm_desktop.models.database import open_database
    from crm_desktop.services.history import operation_name, record_history

    with open_database(args.db, write=False) as db:
        entries = record_history(db, args.id, lang=args.lang)
    if args.json:
        rows = []
        for entry in entries:
            base = {"at": _iso(entry.at), "user": entry.user, "operation": entry.operation}
            if not entry.changes:
                rows.append({**base, "field": None, "old": None, "new": None})
            for change in reversed(entry.changes):  # newest first, as the entries
                rows.append(
                    {
                        **base,
                        "field": change.field,
                        "old": _plain(change.old),
                        "new": _plain(change.new),
                    }
                )
        print(json.dumps(rows, ensure_ascii=False))
        return 0
    fa = args.lang == "fa"
    for entry in entries:
        who = entry.user or say("ناشناس", "unknown")
        what = operation_name(entry.operation, args.lang) if fa else entry.operation
        head = f"{office_moment(entry.at, fa)}  {who}  {what}"
        if entry.label:
            head += f"  ({entry.label})"
        print(head)
        for change in entry.changes:
            old = "—" if change.old in (None, "") else str(change.old)
            new = "—" if change.new in (None, "") else str(change.new)
            print(f"    {change.label}: {old} → {new}")
    return 0


def run_imports(args: argparse.Namespace) -> int:
    from crm_desktop.models.database import open_database
    from crm_desktop.services.importer import list_imports

    with open_database(args.db, write=False) as db:
        imports = list_imports(db)
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "import_id": i.id,
                        "file": i.file_name,
                        "at": _iso(i.when),
                        "user": i.user_name,
                        "created": i.created,
                        "updated": i.updated,
                        "undone": i.undone,
                    }
                    for i in imports
                ],
                ensure_ascii=False,
            )
        )
        return 0
    fa = args.lang == "fa"
    for i in imports:
        state = say(" (برگردانده شد)", " (undone)") if i.undone else ""
        counts = (
            f"{format_number(i.created)} ساخته، {format_number(i.updated)} به‌روز"
            if fa
            else f"{i.created} created, {i.updated} updated"
        )
        print(f"{i.id}  {office_moment(i.when, fa)}  {i.file_name}  {counts}{state}")
    return 0


def run_undo(args: argparse.Namespace) -> int:
    """``import --undo ID`` or ``--redo ID``: one transaction; what was changed since
    the import is left alone and named."""
    from crm_desktop.models.database import open_database
    from crm_desktop.services.importer import redo_import, undo_import

    undoing = args.undo is not None
    import_id = args.undo if undoing else args.redo
    with open_database(args.db) as db:
        result = undo_import(db, import_id) if undoing else redo_import(db, import_id)
    fa = args.lang == "fa"
    created = sum(result.effect.created.values())
    changed = sum(result.effect.changed.values())
    if undoing:
        line = (
            f"برگردانده شد: {format_number(created)} رکورد برداشته شد، "
            f"{format_number(changed)} رکورد به حال پیش برگشت"
            if fa
            else f"undone: {created} records removed, {changed} records put back"
        )
    else:
        line = (
            f"دوباره انجام شد: {format_number(created)} رکورد بازگشت، "
            f"{format_number(changed)} رکورد دوباره تغییر کرد"
            if fa
            else f"redone: {created} records back, {changed} records changed again"
        )
    print(line)
    for left in result.left_alone:
        print(
            say(
                f"دست‌نخورده ماند (پس از ورود تغییر کرده): {left}",
                f"left alone (changed since): {left}",
            )
        )
    return 0
