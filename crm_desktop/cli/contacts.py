"""``contacts`` and ``contact add|edit|delete``."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any

from crm_desktop.cli.arguments import positive_int, print_records
from crm_desktop.cli.words import say
from crm_desktop.errors import InvalidInput

if TYPE_CHECKING:
    from crm_desktop.services.fields import ContactChanges
    from crm_desktop.services.records import ContactRecord

# The database and the services are imported by the command that runs: each command
# loads only what it needs (scripts run cold, every time).


def register(commands: Any) -> None:
    listing = commands.add_parser(
        "contacts", help=say("فهرست یا جستجوی مخاطبان", "list or search contacts")
    )
    listing.add_argument(
        "--search",
        metavar="TEXT",
        help=say(
            "جستجوی نرمال‌شده: نام، شرکت، تلفن، ایمیل",
            "normalized search: name, company, phone, email",
        ),
    )
    listing.add_argument(
        "--limit",
        type=positive_int,
        metavar="N",
        help=say("حداکثر N مخاطب", "at most N contacts"),
    )
    listing.add_argument(
        "--json", action="store_true", help=say("چاپ یک آرایهٔ JSON", "print a JSON array")
    )
    listing.set_defaults(run=run_list)

    contact = commands.add_parser(
        "contact", help=say("افزودن، ویرایش یا حذف یک مخاطب", "add, edit or delete one contact")
    )
    actions = contact.add_subparsers(dest="action", required=True, metavar="ACTION")
    fields = say(
        "فیلدها: first_name، last_name، company، job_title، phone، email، city، province، "
        "birth_date (تاریخ شمسی)، lead_source، owner، lifecycle، tags، notes",
        "fields: first_name, last_name, company, job_title, phone, email, city, province, "
        "birth_date (Jalali), lead_source, owner, lifecycle, tags, notes",
    )
    one = say("چاپ مخاطب به شکل یک شیء JSON", "print the contact as one JSON object")
    the_id = say("شناسهٔ مخاطب", "the contact's id")
    add = actions.add_parser("add", help=say("افزودن یک مخاطب", "add a contact"))
    add.add_argument("fields", nargs="+", metavar="FIELD=VALUE", help=fields)
    add.add_argument("--json", action="store_true", help=one)
    add.set_defaults(run=run_add)
    edit = actions.add_parser(
        "edit", help=say("تغییر فیلدهای یک مخاطب", "change fields of a contact")
    )
    edit.add_argument("id", metavar="ID", help=the_id)
    edit.add_argument("fields", nargs="+", metavar="FIELD=VALUE", help=fields)
    edit.add_argument("--json", action="store_true", help=one)
    edit.set_defaults(run=run_edit)
    delete = actions.add_parser(
        "delete",
        help=say("حذف یک مخاطب (برگشت‌پذیر در پنجره)", "move a contact to the trash"),
    )
    delete.add_argument("id", metavar="ID", help=the_id)
    delete.set_defaults(run=run_delete)


def field_pairs(items: list[str]) -> list[tuple[str, str]]:
    """``FIELD=VALUE`` arguments as pairs, in order (a field may repeat)."""
    pairs = []
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise InvalidInput(
                f"«{item}» به شکل FIELD=VALUE نیست.", f"{item!r} is not of the form FIELD=VALUE"
            )
        pairs.append((name.strip(), value))
    return pairs


def _print_contact(record: ContactRecord, as_json: bool) -> None:
    if as_json:
        print(json.dumps(record.as_json(), ensure_ascii=False))
    else:
        print(_line(record))


def _line(record: ContactRecord) -> str:
    return "\t".join(
        (
            record.id,
            record.full_name,
            record.company or "",
            ", ".join(record.phones),
            ", ".join(record.emails),
            record.city or "",
        )
    )


def run_list(args: argparse.Namespace) -> int:
    from crm_desktop.models.database import open_database
    from crm_desktop.services import contacts as service

    with open_database(args.db, write=False) as db:
        records = service.list_contacts(db, args.search, limit=args.limit)
    print_records(records, args.json, _line)
    return 0


def _changes(args: argparse.Namespace) -> ContactChanges:
    from crm_desktop.services.fields import changes_from_text

    return changes_from_text(field_pairs(args.fields))


def run_add(args: argparse.Namespace) -> int:
    from crm_desktop.models.database import open_database
    from crm_desktop.services import contacts as service

    # Validate everything that needs no database before touching (or creating) the file.
    changes = _changes(args)
    with open_database(args.db) as db:
        record = service.create_contact(db, changes)
    _print_contact(record, args.json)
    return 0


def run_edit(args: argparse.Namespace) -> int:
    from crm_desktop.models.database import open_database
    from crm_desktop.services import contacts as service

    changes = _changes(args)
    with open_database(args.db) as db:
        record = service.update_contact(db, args.id, changes)
    _print_contact(record, args.json)
    return 0


def run_delete(args: argparse.Namespace) -> int:
    from crm_desktop.models.database import open_database
    from crm_desktop.services import contacts as service

    with open_database(args.db) as db:
        service.delete_contacts(db, [args.id])
    return 0
