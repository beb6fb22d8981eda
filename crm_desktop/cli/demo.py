"""``demo``: realistic Persian demo data in a new database."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from crm_desktop.cli.arguments import positive_int
from crm_desktop.cli.words import say
from crm_desktop.locale import format_number

DEFAULT_CONTACTS = 2000


def register(commands: Any) -> None:
    demo = commands.add_parser(
        "demo",
        help=say(
            "ساختن دادهٔ نمایشی واقعی در پایگاه داده‌ای جدید",
            "fill a new database with realistic demo data",
        ),
    )
    demo.add_argument(
        "--contacts",
        type=positive_int,
        default=DEFAULT_CONTACTS,
        metavar="N",
        help=say(
            f"شمار مخاطبان (پیش‌فرض {format_number(DEFAULT_CONTACTS)})",
            f"how many contacts (default {DEFAULT_CONTACTS})",
        ),
    )
    demo.add_argument(
        "--seed",
        type=int,
        default=1,
        metavar="S",
        help=say(
            "عدد آغاز تصادفی: هر عدد همیشه همان داده را می‌سازد",
            "random seed: the same seed always makes the same data",
        ),
    )
    demo.set_defaults(run=run_demo)


def run_demo(args: argparse.Namespace) -> int:
    from crm_desktop.models.database import open_database
    from crm_desktop.services.demo import make_demo

    show_progress = sys.stderr.isatty()
    current = [""]

    def report(done: int, total: int) -> None:
        if show_progress and total:
            percent = 100 * done // total
            print(f"\r{current[0]} {percent}%   ", end="", file=sys.stderr, flush=True)

    with open_database(args.db, create=True) as db:
        try:
            # On Ctrl+C the whole demo is rolled back.
            summary = make_demo(
                db,
                contacts=args.contacts,
                seed=args.seed,
                progress=report,
                step=lambda name: current.__setitem__(0, name),
            )
        finally:
            if show_progress:
                print(file=sys.stderr)
    persian = args.lang == "fa"
    counts = {
        "users": summary.users,
        "companies": summary.companies,
        "contacts": summary.contacts,
        "deals": summary.deals,
        "activities": summary.activities,
    }
    if persian:
        labels = {
            "users": "کاربر",
            "companies": "شرکت",
            "contacts": "مخاطب",
            "deals": "معامله",
            "activities": "فعالیت",
        }
        body = "، ".join(f"{format_number(n)} {labels[k]}" for k, n in counts.items())
        print(f"دادهٔ نمایشی ساخته شد: {body} در {args.db}")
    else:
        body = ", ".join(f"{n} {k}" for k, n in counts.items())
        print(f"demo data created: {body} in {args.db}")
    return 0
