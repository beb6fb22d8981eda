"""Realistic Persian demo data for a new database (``crm-desktop demo``).

``generate_demo`` is a generator: it yields progress and returns a summary, so the
window can run it on a worker thread and cancel it, and the command line can print
progress. Everything is written in one transaction: closing the generator early (a
cancel) or any error leaves the database exactly as it was.

Speed matters (100,000 contacts must take seconds, not minutes), hence Core bulk
inserts of plain dicts in chunks, ids from ``new_id`` and every value computed in
Python without per-row queries. A single ``random.Random(seed)`` drives every choice,
so one seed and one ``today`` always give the same people, amounts and dates.

This module runs the steps in order; each subject has its own module: ``people``
(users, tags, companies, contacts), ``sales`` (products, campaigns, deals, purchases),
``work`` (activities, targets, service requests), ``index`` (the search index) and
``names`` (the word lists), over the shared ``context``.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Generator
from dataclasses import dataclass, fields
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from crm_desktop.errors import InvalidInput
from crm_desktop.models import Company, Contact, Deal
from crm_desktop.models.database import Database
from crm_desktop.services.demo import names
from crm_desktop.services.demo.context import Demo, local
from crm_desktop.services.demo.people import add_companies, add_contacts, add_tags, add_users
from crm_desktop.services.demo.sales import add_catalogue, add_deals
from crm_desktop.services.demo.work import (
    add_activities,
    add_service_requests,
    add_targets,
    history,
)
from crm_desktop.services.lead_score import rescore
from crm_desktop.services.office import office_today
from crm_desktop.services.progress import Progress
from crm_desktop.services.rows import Writer
from crm_desktop.services.search import bulk_search_rows

__all__ = ["DemoProgress", "DemoSummary", "generate_demo", "make_demo"]

_T = TypeVar("_T")


@dataclass(frozen=True)
class DemoProgress:
    done: int
    total: int
    step: str


@dataclass(frozen=True)
class DemoSummary:
    users: int
    companies: int
    contacts: int
    deals: int
    activities: int
    products: int
    campaigns: int
    service_requests: int


def generate_demo(
    db: Database, *, contacts: int = 2000, seed: int = 1, today: dt.date | None = None
) -> Generator[DemoProgress, None, DemoSummary]:
    """Fill an empty database with demo data; yields progress, returns counts.

    Raises ``InvalidInput`` for ``contacts < 1`` at once, and on the first step if the
    database already holds contacts, companies or deals (nothing is written then).
    """
    if contacts < 1:
        raise InvalidInput(
            "تعداد مخاطبان نمایشی باید دست‌کم ۱ باشد.",
            f"the number of demo contacts must be at least 1 (got {contacts})",
        )
    # The office's today (its time zone), as the activities page counts days.
    return _generate(db, contacts, seed, today or office_today())


def make_demo(
    db: Database,
    *,
    contacts: int = 2000,
    seed: int = 1,
    today: dt.date | None = None,
    progress: Progress | None = None,
    step: Callable[[str], None] | None = None,
) -> DemoSummary:
    """``generate_demo`` driven to its end, reporting through ``progress(done, total)``
    as every long service does (``services.progress``): a ``Cancelled`` raised from it,
    or any error, rolls the whole demo back. ``step`` hears each step's name."""
    job = generate_demo(db, contacts=contacts, seed=seed, today=today)
    try:
        while True:
            report = next(job)
            if step is not None:
                step(report.step)
            if progress is not None:
                progress(report.done, report.total)
    except StopIteration as done:
        summary: DemoSummary = done.value
        return summary
    finally:
        job.close()  # unfinished: the session rolls back, nothing is written


def _generate(
    db: Database, contacts: int, seed: int, today: dt.date
) -> Generator[DemoProgress, None, DemoSummary]:
    with db.session() as session:
        _refuse_non_empty(session)
        return (yield from _build(session, random.Random(seed), today, contacts))


def _refuse_non_empty(session: Session) -> None:
    for model in (Contact, Company, Deal):
        if session.scalar(select(model.id).limit(1)) is not None:
            raise InvalidInput(
                "این پایگاه داده از قبل اطلاعات دارد؛ دادهٔ نمایشی فقط در پایگاه دادهٔ "
                "جدید و خالی ساخته می‌شود.",
                "the database already holds data; demo needs a new/empty database",
            )


class _Progress:
    """Work done out of ``total``; each report first writes the buffered rows."""

    def __init__(self, rows: Writer, total: int) -> None:
        self._rows = rows
        self._total = total
        self._done = 0

    def report(self, step: str, advance: int) -> DemoProgress:
        self._rows.flush()
        self._done = min(self._total, self._done + advance)
        return DemoProgress(self._done, self._total, step)

    def each(self, step: str, work: Generator[int, None, _T]) -> Generator[DemoProgress, None, _T]:
        """Report every advance ``work`` yields as ``step``; returns what ``work`` returns."""
        while True:
            try:
                advance = next(work)
            except StopIteration as finished:
                result: _T = finished.value
                return result
            yield self.report(step, advance)


def _build(
    session: Session, rng: random.Random, today: dt.date, n: int
) -> Generator[DemoProgress, None, DemoSummary]:
    rows = Writer(session)
    n_companies = max(5, n // 8)
    n_deals = max(3 * 7, n // 20)
    n_service = max(3, n // 100)
    days = history(today)
    steps = (3, n_companies, n, n // 10, n_deals, len(names.REPS) * len(days))
    progress = _Progress(rows, sum(steps) + n_service)

    manager, reps = add_users(session, rows, today)
    yield progress.report("کاربران", 1)
    demo = Demo(session, rows, rng, today, local(today, 8 * 60), manager, reps)
    catalogue = add_catalogue(demo)
    tags = add_tags(demo)
    yield progress.report("محصولات و کارزارها", 2)
    companies = yield from progress.each("شرکت‌ها", add_companies(demo, n_companies))

    # Indexing 100,000 contacts row by row through the trigger takes about five
    # times longer than indexing them all at the end.
    with bulk_search_rows(session, n):
        contacts = add_contacts(demo, n, companies, catalogue, tags)
        people = yield from progress.each("مخاطبان", contacts)
        yield progress.report("نمایهٔ جستجو", 0)  # writes the last buffered rows
    yield progress.report("نمایهٔ جستجو", n // 10)

    deals = add_deals(demo, people, companies, catalogue.products, n_deals)
    open_deals = yield from progress.each("فرصت‌های فروش", deals)
    activities = add_activities(demo, people, companies, open_deals, days)
    yield from progress.each("فعالیت‌ها", activities)
    add_targets(demo)
    add_service_requests(demo, people, companies, n_service)
    yield progress.report("درخواست‌های پشتیبانی", n_service)
    rescore(session)  # every lead score by its rules, from what was just made
    # Each summary field is named after its table.
    return DemoSummary(**{f.name: rows.counts.get(f.name, 0) for f in fields(DemoSummary)})
