"""Demo work: the reps' activities day by day, their monthly targets, service requests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Generator, Sequence

from sqlalchemy import select

from crm_desktop.locale import from_jalali, to_jalali, weekday_index
from crm_desktop.models import ActivityType, Lifecycle
from crm_desktop.services.demo import names
from crm_desktop.services.demo.context import (
    FRIDAY,
    THURSDAY,
    CompanyRow,
    Demo,
    People,
    local,
    tracked,
)
from crm_desktop.services.demo.sales import OpenDeals

HISTORY_WEEKS = 12
JALALI_MONTHS_OF_TARGETS = 4
# Activity type codes of a working day, and how often each comes up.
_DAY_TYPES = ("call", "email", "sms", "meeting", "note", "task")
_DAY_TYPE_WEIGHTS = (46, 16, 10, 8, 10, 10)
_SERVICE_STATUSES = ("open", "in_progress", "resolved", "closed")


def history(today: dt.date) -> list[dt.date]:
    """The working days (all but Fridays) of the weeks before ``today``, oldest first."""
    return [
        today - dt.timedelta(days=d)
        for d in range(HISTORY_WEEKS * 7, 0, -1)
        if weekday_index(today - dt.timedelta(days=d)) != FRIDAY
    ]


def add_activities(
    demo: Demo,
    people: People,
    companies: Sequence[CompanyRow],
    open_deals: OpenDeals,
    days: Sequence[dt.date],
) -> Generator[int, None, None]:
    """Fill each rep's past ``days`` with done work, then add open tasks for the next days.

    Yields the number of days done after each rep.
    """
    rng = demo.rng
    types = {
        code: type_id
        for code, type_id in demo.session.execute(
            select(ActivityType.code, ActivityType.id).where(ActivityType.deleted_at.is_(None))
        )
    }
    task_subjects = names.ACTIVITY_PHRASES["task"][0]
    writer = _ActivityWriter(demo, people, companies, open_deals)
    for rep in range(len(demo.reps)):
        for day in days:
            # Saturday to Wednesday 8:30-17:00, Thursday until 13:00; Friday is off.
            end = 13 * 60 if weekday_index(day) == THURSDAY else 17 * 60
            minute = 8 * 60 + 30 + rng.randrange(0, 30)
            while True:
                code = rng.choices(_DAY_TYPES, weights=_DAY_TYPE_WEIGHTS)[0]
                subjects, outcomes, minutes = names.ACTIVITY_PHRASES[code]
                duration = rng.randint(*minutes) if minutes else None
                if minute + (duration or 5) > end:
                    break
                when = local(day, minute + (duration or 0))
                subject, outcome = rng.choice(subjects), rng.choice(outcomes)
                due = when if code == "task" else None
                writer.add(rep, types[code], subject, due, when, outcome, duration)
                minute += (duration or 5) + rng.randrange(5, 40)
        # Work still to do: a little left over from the last days (overdue), some for
        # today, the rest over the next two weeks; none on a Friday.
        due_days = [demo.today - dt.timedelta(days=rng.randint(1, 6)) for _ in range(2)]
        due_days += [demo.today] * rng.randint(2, 4)
        due_days += [demo.today + dt.timedelta(days=rng.randint(1, 10)) for _ in range(10)]
        for due_day in due_days:
            if weekday_index(due_day) == FRIDAY:
                due_day += dt.timedelta(days=1)  # noqa: PLW2901
            due = local(due_day, rng.randrange(9, 16) * 60)
            subject = rng.choice(task_subjects)
            writer.add(rep, types["task"], subject, due, None, None, None)
        yield len(days)


class _ActivityWriter:
    def __init__(
        self,
        demo: Demo,
        people: People,
        companies: Sequence[CompanyRow],
        open_deals: OpenDeals,
    ) -> None:
        self.demo = demo
        self.people = people
        self.companies = companies
        self.open_deals = open_deals

    def add(  # noqa: PLR0917 (one call per activity; keywords would cost time)
        self,
        rep: int,
        type_id: str,
        subject: str,
        due: dt.datetime | None,
        done: dt.datetime | None,
        outcome: str | None,
        duration: int | None,
    ) -> None:
        """One activity of ``rep``'s, about one of their open deals or their contacts."""
        rng = self.demo.rng
        people = self.people
        deal_id = None
        deals = self.open_deals[rep]
        if deals and rng.random() < 0.3:
            deal_id, person = rng.choice(deals)
        else:
            mine = people.by_owner[rep] or range(len(people.ids))
            person = mine[rng.randrange(len(mine))]
        company = people.companies[person]
        user_id = self.demo.reps[rep]
        self.demo.rows.add(
            "activities",
            {
                **tracked(done or self.demo.now, user_id),
                "type_id": type_id,
                "subject": subject,
                "due_at": due,
                "done_at": done,
                "outcome": outcome,
                "duration_minutes": duration,
                "contact_id": people.ids[person],
                "deal_id": deal_id,
                "company_id": self.companies[company][0] if company >= 0 else None,
                "owner_id": user_id,
            },
        )


def add_targets(demo: Demo) -> None:
    """Each rep's targets for the current Jalali month and the ones before it."""
    rng = demo.rng
    year, month, _day = to_jalali(demo.today)
    months = []
    for _ in range(JALALI_MONTHS_OF_TARGETS):
        months.append((year, month))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    for user_id in demo.reps:
        for year, month in reversed(months):
            start = from_jalali(year, month, 1)
            following = (
                from_jalali(year, month + 1, 1) if month < 12 else from_jalali(year + 1, 1, 1)
            )
            demo.rows.add(
                "targets",
                {
                    **tracked(local(start, 9 * 60), demo.manager),
                    "user_id": user_id,
                    "period_start": start,
                    "period_end": following - dt.timedelta(days=1),
                    "revenue": rng.randrange(20, 60) * 500_000_000,
                    "deals_won": rng.randint(3, 10),
                    "calls": rng.randrange(180, 300, 10),
                },
            )


def add_service_requests(
    demo: Demo, people: People, companies: Sequence[CompanyRow], count: int
) -> None:
    """``count`` requests from customers over the last two months, most of them closed."""
    rng = demo.rng
    pool = people.by_lifecycle[Lifecycle.CUSTOMER] or list(range(len(people.ids)))
    for _ in range(count):
        person = pool[rng.randrange(len(pool))]
        user_id = demo.reps[people.owners[person]]
        company = people.companies[person]
        opened = local(demo.past_workday(rng.randrange(0, 60)), rng.randrange(8 * 60, 17 * 60))
        status = rng.choices(_SERVICE_STATUSES, weights=(2, 2, 3, 5))[0]
        first_response: dt.datetime | None = opened + dt.timedelta(
            minutes=rng.randrange(10, 6 * 60)
        )
        resolved: dt.datetime | None = opened + dt.timedelta(
            minutes=rng.randrange(2 * 60, 5 * 24 * 60)
        )
        if status == "open":
            first_response = resolved = None
        elif status == "in_progress" or (resolved and resolved > demo.now):
            status, resolved = "in_progress", None
        if first_response and first_response > demo.now:
            first_response = None
        demo.rows.add(
            "service_requests",
            {
                **tracked(opened, user_id),
                "updated_at": resolved or first_response or opened,
                "subject": rng.choice(names.SERVICE_SUBJECTS),
                "contact_id": people.ids[person],
                "company_id": companies[company][0] if company >= 0 else None,
                "owner_id": user_id,
                "priority": rng.choice(names.SERVICE_PRIORITIES),
                "status": status,
                "opened_at": opened,
                "first_response_at": first_response,
                "resolved_at": resolved,
            },
        )
