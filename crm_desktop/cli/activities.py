"""``activities`` and ``activity add|done``."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any

from crm_desktop.cli.arguments import positive_int, print_records
from crm_desktop.cli.contacts import field_pairs
from crm_desktop.cli.words import language, office_moment, say

if TYPE_CHECKING:
    from crm_desktop.services.records import ActivityRecord

# The database and the services are imported by the command that runs (scripts run
# cold, every time). These are the buckets of ``services.activity_list``.
_DUE = ("overdue", "today", "week", "upcoming", "done")


def register(commands: Any) -> None:
    listing = commands.add_parser(
        "activities", help=say("فهرست فعالیت‌ها و کارها", "list activities and tasks")
    )
    listing.add_argument(
        "--due",
        choices=_DUE,
        help=say(
            "دیرکرد، امروز، این هفته (شنبه تا جمعه)، آینده یا انجام‌شده",
            "overdue, today, this week (Saturday to Friday), upcoming or done",
        ),
    )
    listing.add_argument(
        "--owner", metavar="NAME", help=say("فقط فعالیت‌های این کارشناس", "only this rep's")
    )
    listing.add_argument(
        "--contact", metavar="ID", help=say("فقط فعالیت‌های این مخاطب", "only this contact's")
    )
    listing.add_argument(
        "--limit", type=positive_int, metavar="N", help=say("حداکثر N فعالیت", "at most N")
    )
    listing.add_argument(
        "--json", action="store_true", help=say("چاپ یک آرایهٔ JSON", "print a JSON array")
    )
    listing.set_defaults(run=run_list)

    activity = commands.add_parser(
        "activity", help=say("ثبت فعالیت یا انجام یک کار", "log an activity or finish a task")
    )
    actions = activity.add_subparsers(dest="action", required=True, metavar="ACTION")
    add = actions.add_parser(
        "add", help=say("ثبت یا زمان‌بندی یک فعالیت", "log or schedule an activity")
    )
    add.add_argument(
        "fields",
        nargs="+",
        metavar="FIELD=VALUE",
        help=say(
            "فیلدها: type (call، meeting، email، sms، note، task)، subject، body، contact، "
            "deal، company (شناسه‌ها)، due (تاریخ شمسی و در صورت نیاز HH:MM)، owner، "
            "duration (دقیقه)، outcome. تماس، جلسه، ایمیل، پیامک یا یادداشتِ بی due همین حالا "
            "انجام‌شده ثبت می‌شود؛ کارِ بی due منتظر می‌ماند.",
            "fields: type (call, meeting, email, sms, note, task), subject, body, contact, "
            "deal, company (ids), due (Jalali date, optional HH:MM), owner, duration "
            "(minutes), outcome. A call, meeting, email, SMS or note without due is logged as "
            "done now; a task without due waits.",
        ),
    )
    add.add_argument(
        "--json", action="store_true", help=say("چاپ یک شیء JSON", "print one JSON object")
    )
    add.set_defaults(run=run_add)
    done = actions.add_parser("done", help=say("انجام شد", "mark an activity done"))
    done.add_argument("id", metavar="ID", help=say("شناسهٔ فعالیت", "the activity's id"))
    done.add_argument("--outcome", metavar="TEXT", help=say("نتیجهٔ کار", "how it went"))
    done.add_argument(
        "--json", action="store_true", help=say("چاپ یک شیء JSON", "print one JSON object")
    )
    done.set_defaults(run=run_done)


def _line(record: ActivityRecord) -> str:
    """One tab-separated line; times on the office's clock, as they were typed."""
    fa = language() == "fa"

    def when(at: Any) -> str:
        return office_moment(at, fa) if at else ""

    return "\t".join(
        (
            record.id,
            record.type,
            record.subject,
            when(record.due_at),
            when(record.done_at),
            record.owner or "",
            record.contact or record.company or "",
        )
    )


def _print(record: ActivityRecord, as_json: bool) -> None:
    print(json.dumps(record.as_json(), ensure_ascii=False) if as_json else _line(record))


def run_list(args: argparse.Namespace) -> int:
    from crm_desktop.models.database import open_database
    from crm_desktop.services.activity_list import list_activities, named_filter

    with open_database(args.db, write=False) as db:
        where = named_filter(db, due=args.due, owner=args.owner, contact=args.contact)
        records = list_activities(db, where, limit=args.limit)
    print_records(records, args.json, _line)
    return 0


def run_add(args: argparse.Namespace) -> int:
    from crm_desktop.models.database import open_database
    from crm_desktop.services.activities import create_activity
    from crm_desktop.services.activity_changes import activity_changes_from_text

    # Everything that needs no database is checked before the file is touched.
    changes = activity_changes_from_text(field_pairs(args.fields))
    with open_database(args.db) as db:
        record = create_activity(db, changes)
    _print(record, args.json)
    return 0


def run_done(args: argparse.Namespace) -> int:
    from crm_desktop.models.database import open_database
    from crm_desktop.services.activities import complete_activity

    with open_database(args.db) as db:
        record, _next = complete_activity(db, args.id, outcome=args.outcome)
    _print(record, args.json)
    return 0
