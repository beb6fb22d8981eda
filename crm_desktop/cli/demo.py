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
    from crm_desktop.services.demo import generate_demo

    show_progress = sys.stderr.isatty()
    with open_database(args.db, create=True) as db:
        job = generate_demo(db, contacts=args.contacts, seed=args.seed)
        try:
            while True:
                progress = next(job)
                if show_progress and progress.total:
                    percent = 100 * progress.done // progress.total
                    print(f"\r{progress.step} {percent}%   ", end="", file=sys.stderr, flush=True)
        except StopIteration as done:
            summary = done.value
        finally:
            # On Ctrl+C this rolls the whole demo back.
            job.close()
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
