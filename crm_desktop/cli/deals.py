"""``deals``, ``deal add|move`` and ``pipeline``."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any

from crm_desktop.cli.arguments import positive_int, print_records
from crm_desktop.cli.contacts import field_pairs
from crm_desktop.cli.words import say

if TYPE_CHECKING:
    from crm_desktop.services.records import DealRecord

# The database and the services are imported by the command that runs (scripts run
# cold, every time).


def register(commands: Any) -> None:
    listing = commands.add_parser(
        "deals", help=say("فهرست یا جستجوی معامله‌ها", "list or search deals")
    )
    listing.add_argument(
        "--stage", metavar="NAME", help=say("فقط معامله‌های این مرحله", "only this stage's deals")
    )
    listing.add_argument(
        "--owner", metavar="NAME", help=say("فقط معامله‌های این کارشناس", "only this rep's deals")
    )
    listing.add_argument(
        "--search",
        metavar="TEXT",
        help=say(
            "در عنوان، نام مخاطب و نام شرکت", "in the title, the contact's and company's name"
        ),
    )
    listing.add_argument(
        "--limit", type=positive_int, metavar="N", help=say("حداکثر N معامله", "at most N deals")
    )
    listing.add_argument(
        "--json", action="store_true", help=say("چاپ یک آرایهٔ JSON", "print a JSON array")
    )
    listing.set_defaults(run=run_list)

    deal = commands.add_parser(
        "deal", help=say("افزودن یا جابه‌جا کردن یک معامله", "add or move one deal")
    )
    actions = deal.add_subparsers(dest="action", required=True, metavar="ACTION")
    one = say("چاپ معامله به شکل یک شیء JSON", "print the deal as one JSON object")
    add = actions.add_parser("add", help=say("افزودن یک معامله", "add a deal"))
    add.add_argument(
        "fields",
        nargs="+",
        metavar="FIELD=VALUE",
        help=say(
            "فیلدها: title، contact (شناسه یا تلفن)، company، amount (ریال)، stage، owner، "
            "expected_close (تاریخ شمسی)، lead_source، campaign، priority، probability، notes",
            "fields: title, contact (id or phone), company, amount (rials), stage, owner, "
            "expected_close (Jalali), lead_source, campaign, priority, probability, notes",
        ),
    )
    add.add_argument("--json", action="store_true", help=one)
    add.set_defaults(run=run_add)
    move = actions.add_parser(
        "move", help=say("بردن معامله به مرحله‌ای دیگر", "move a deal to another stage")
    )
    move.add_argument("id", metavar="ID", help=say("شناسهٔ معامله", "the deal's id"))
    move.add_argument("stage", metavar="STAGE", help=say("نام مرحله", "the stage's name"))
    move.add_argument(
        "--lost-reason",
        metavar="TEXT",
        help=say(
            "دلیل از دست رفتن (برای مرحلهٔ از دست رفته لازم است)",
            "why it was lost (required for a lost stage)",
        ),
    )
    move.add_argument("--json", action="store_true", help=one)
    move.set_defaults(run=run_move)

    pipeline = commands.add_parser(
        "pipeline",
        help=say("ستون‌های خط فروش و جمع هر یک", "the kanban's columns and their totals"),
    )
    pipeline.add_argument(
        "--pipeline",
        metavar="NAME",
        help=say("خط فروش (پیش‌فرض: خط اصلی)", "the pipeline (default: the main one)"),
    )
    pipeline.add_argument(
        "--json",
        action="store_true",
        help=say("چاپ یک آرایهٔ JSON، یک شیء برای هر مرحله", "print a JSON array, one per stage"),
    )
    pipeline.set_defaults(run=run_pipeline)


def _line(record: DealRecord) -> str:
    return "\t".join(
        (
            record.id,
            record.title,
            record.stage,
            str(record.amount),
            record.contact or record.company or "",
            record.owner or "",
            record.expected_close.isoformat() if record.expected_close else "",
        )
    )


def _print_deal(record: DealRecord, as_json: bool) -> None:
    if as_json:
        print(json.dumps(record.as_json(), ensure_ascii=False))
    else:
        print(_line(record))


def run_list(args: argparse.Namespace) -> int:
    from crm_desktop.models.database import open_database
    from crm_desktop.services.deal_list import list_deals, named_filter

    with open_database(args.db, write=False) as db:
        where = named_filter(db, stage=args.stage, owner=args.owner, search=args.search or "")
        records = list_deals(db, where, limit=args.limit)
    print_records(records, args.json, _line)
    return 0


def run_add(args: argparse.Namespace) -> int:
    from crm_desktop.models.database import open_database
    from crm_desktop.services.deal_changes import deal_changes_from_text
    from crm_desktop.services.deals import create_deal

    # Everything that needs no database is checked before the file is touched.
    changes = deal_changes_from_text(field_pairs(args.fields))
    with open_database(args.db) as db:
        record = create_deal(db, changes)
    _print_deal(record, args.json)
    return 0


def run_move(args: argparse.Namespace) -> int:
    from crm_desktop.models.database import open_database
    from crm_desktop.services.deals import Closing, move_deal_to

    closing = Closing(lost_reason=args.lost_reason.strip() if args.lost_reason else None)
    with open_database(args.db) as db:
        record = move_deal_to(db, args.id, args.stage, closing=closing)
    _print_deal(record, args.json)
    return 0


def run_pipeline(args: argparse.Namespace) -> int:
    from crm_desktop.models.database import open_database
    from crm_desktop.services.deal_list import pipeline_columns

    with open_database(args.db, write=False) as db:
        _name, columns = pipeline_columns(db, args.pipeline)
    print_records(
        columns,
        args.json,
        lambda c: "\t".join((c.stage, str(c.count), str(c.amount), str(c.weighted))),
    )
    return 0
