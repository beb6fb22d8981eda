"""The activities a rep works from: overdue, today, this week, upcoming, done.

Days are the office's (``services.office``): "today" is the office's day, "week" the
Saturday-to-Friday week holding it. The buckets of work still to do do not overlap:

- ``overdue``: not done, due before today;
- ``today``: not done, due today (an hour already passed shows as late on screen);
- ``week``: not done, due from today to the week's Friday;
- ``upcoming``: not done, due after today, or with no due time at all (last);
- ``done``: done, newest first.

The lists are worked out in SQL over the indexes of ``due_at`` and ``done_at``, so the
page and ``activities --due`` answer at once however long the history is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, or_, select
from sqlalchemy.orm import Session

from crm_desktop.errors import InvalidInput
from crm_desktop.locale import week_of
from crm_desktop.models import Activity, ActivityType, Company, Contact, Deal, User, utcnow
from crm_desktop.models.database import Database
from crm_desktop.services import lookups
from crm_desktop.services.office import office_day, office_time
from crm_desktop.services.records import ActivityRecord

DUE_BUCKETS = ("overdue", "today", "week", "upcoming", "done")


@dataclass(frozen=True)
class ActivityFilter:
    due: str | None = None  # one of ``DUE_BUCKETS``; None: all
    owner_ids: tuple[str, ...] = ()  # none: everybody's
    contact_id: str | None = None
    deal_id: str | None = None
    company_id: str | None = None
    types: tuple[str, ...] = ()  # ``ActivityKind`` codes; none: every kind
    ids: tuple[str, ...] | None = None  # only these (none at all for an empty tuple)


RECORD_FIELDS = ("contact_id", "deal_id", "company_id")


def about_record(field: str, record_id: str) -> ActivityFilter:
    """The activities of one contact, deal or company (``field``: one of
    ``RECORD_FIELDS``), newest first."""
    match field:
        case "contact_id":
            return ActivityFilter(contact_id=record_id)
        case "deal_id":
            return ActivityFilter(deal_id=record_id)
        case "company_id":
            return ActivityFilter(company_id=record_id)
    raise ValueError(f"activities are linked by {RECORD_FIELDS}, not {field!r}")


def _day_bounds(now: dt.datetime) -> tuple[dt.datetime, dt.datetime, dt.datetime]:
    """The stored times at which today starts, tomorrow starts and the week ends."""
    today = office_day(now)
    _saturday, friday = week_of(today)
    return (
        office_time(today),
        office_time(today + dt.timedelta(days=1)),
        office_time(friday + dt.timedelta(days=1)),
    )


def _due(bucket: str, now: dt.datetime) -> list[ColumnElement[bool]]:
    start, tomorrow, week_end = _day_bounds(now)
    open_ = Activity.done_at.is_(None)
    match bucket:
        case "overdue":
            return [open_, Activity.due_at < start]
        case "today":
            return [open_, Activity.due_at >= start, Activity.due_at < tomorrow]
        case "week":
            return [open_, Activity.due_at >= start, Activity.due_at < week_end]
        case "upcoming":
            return [open_, or_(Activity.due_at >= tomorrow, Activity.due_at.is_(None))]
        case "done":
            return [Activity.done_at.is_not(None)]
    raise InvalidInput(
        f"«{bucket}» یکی از {'، '.join(DUE_BUCKETS)} نیست.",
        f"--due is one of {', '.join(DUE_BUCKETS)}, not {bucket!r}",
    )


def _conditions(where: ActivityFilter, now: dt.datetime) -> list[ColumnElement[bool]]:
    found: list[ColumnElement[bool]] = [Activity.deleted_at.is_(None)]
    if where.ids is not None:
        found.append(Activity.id.in_(where.ids))
    if where.due is not None:
        found += _due(where.due, now)
    if where.owner_ids:
        found.append(Activity.owner_id.in_(where.owner_ids))
    for column, value in (
        (Activity.contact_id, where.contact_id),
        (Activity.deal_id, where.deal_id),
        (Activity.company_id, where.company_id),
    ):
        if value is not None:
            found.append(column == value)
    if where.types:
        found.append(
            Activity.type_id.in_(select(ActivityType.id).where(ActivityType.code.in_(where.types)))
        )
    return found


def _order(where: ActivityFilter) -> tuple[Any, ...]:
    if where.due == "done":
        return (Activity.done_at.desc(), Activity.id.desc())
    if where.due is None:  # a timeline: newest first, by when done, else due
        when = func.coalesce(Activity.done_at, Activity.due_at, Activity.created_at)
        return (when.desc(), Activity.id.desc())
    # Work to do: soonest first, the undated last.
    return (Activity.due_at.is_(None), Activity.due_at, Activity.id)


def _query(where: ActivityFilter, now: dt.datetime) -> Select[Any]:
    columns: list[Any] = [
        Activity,
        ActivityType.code,
        ActivityType.name,
        User.name,
        Contact.first_name + " " + Contact.last_name,
        Deal.title,
        Company.name,
    ]
    return (
        select(*columns)
        .join(ActivityType, ActivityType.id == Activity.type_id)
        .outerjoin(User, User.id == Activity.owner_id)
        .outerjoin(Contact, Contact.id == Activity.contact_id)
        .outerjoin(Deal, Deal.id == Activity.deal_id)
        .outerjoin(Company, Company.id == Activity.company_id)
        .where(*_conditions(where, now))
        .order_by(*_order(where))
    )


def _record(row: Sequence[object]) -> ActivityRecord:
    activity, code, type_name, owner, contact, deal, company = row
    assert isinstance(activity, Activity)
    return ActivityRecord(
        id=activity.id,
        type=str(code),
        type_name=str(type_name),
        subject=activity.subject,
        body=activity.body,
        outcome=activity.outcome,
        duration=activity.duration_minutes,
        due_at=activity.due_at,
        done_at=activity.done_at,
        owner_id=activity.owner_id,
        owner=str(owner) if owner else None,
        contact_id=activity.contact_id,
        contact=str(contact).strip() if contact else None,
        deal_id=activity.deal_id,
        deal=str(deal) if deal else None,
        company_id=activity.company_id,
        company=str(company) if company else None,
        created_at=activity.created_at,
        updated_at=activity.updated_at,
        deleted_at=activity.deleted_at,
    )


def load_activities(
    session: Session,
    where: ActivityFilter,
    *,
    now: dt.datetime | None = None,
    offset: int = 0,
    limit: int | None = None,
) -> list[ActivityRecord]:
    query = _query(where, now or utcnow())
    if offset:
        query = query.offset(offset)
    if limit is not None:
        query = query.limit(limit)
    return [_record(tuple(row)) for row in session.execute(query)]


def list_activities(
    db: Database,
    where: ActivityFilter = ActivityFilter(),
    *,
    now: dt.datetime | None = None,
    offset: int = 0,
    limit: int | None = None,
) -> list[ActivityRecord]:
    with db.session() as session:
        return load_activities(session, where, now=now, offset=offset, limit=limit)


def count_activities(
    db: Database, where: ActivityFilter = ActivityFilter(), *, now: dt.datetime | None = None
) -> int:
    with db.session() as session:
        stmt = select(func.count(Activity.id)).where(*_conditions(where, now or utcnow()))
        return session.scalar(stmt) or 0


# The list's sort keys (``registry.ACTIVITY``'s list columns) and what each orders by.
SORTS: dict[str, tuple[Any, ...]] = {
    "type": (ActivityType.position,),
    "subject": (Activity.subject,),
    "due": (Activity.due_at.is_(None), Activity.due_at),
    "done": (Activity.done_at.is_(None), Activity.done_at),
    "contact": (Contact.last_name, Contact.first_name),
    "owner": (User.name,),
}


def activity_ids(
    db: Database,
    where: ActivityFilter,
    *,
    sort: str | None = None,
    descending: bool = False,
    now: dt.datetime | None = None,
    offset: int = 0,
    limit: int | None = None,
) -> list[str]:
    """One page of the ids ``where`` lets through, in its order or by ``sort`` (the
    paged list)."""
    order = _order(where)
    if sort is not None:
        keys = SORTS[sort]
        order = (*(k.desc() if descending else k for k in keys), Activity.id)
    with db.session() as session:
        stmt = (
            select(Activity.id)
            .join(ActivityType, ActivityType.id == Activity.type_id)
            .outerjoin(User, User.id == Activity.owner_id)
            .outerjoin(Contact, Contact.id == Activity.contact_id)
            .where(*_conditions(where, now or utcnow()))
            .order_by(*order)
            .offset(offset)
            .limit(limit)
        )
        return list(session.scalars(stmt))


def list_activities_by_ids(db: Database, ids: Sequence[str]) -> list[ActivityRecord]:
    """The records of ``ids`` (any order; those gone since are left out)."""
    if not ids:
        return []  # (an empty ``ids`` filter lets everything through)
    with db.session() as session:
        return load_activities(session, ActivityFilter(ids=tuple(ids)))


def due_counts(
    db: Database,
    owner_ids: tuple[str, ...] = (),
    *,
    types: tuple[str, ...] = (),
    now: dt.datetime | None = None,
) -> dict[str, int]:
    """How many activities each bucket holds (the page's tabs): the work to do in one
    statement over the open rows of the ``done_at`` index, the done ones in another."""
    at = now or utcnow()
    where = ActivityFilter(owner_ids=owner_ids, types=types)
    open_buckets = [b for b in DUE_BUCKETS if b != "done"]
    columns = [
        func.count(Activity.id).filter(and_(*_due(bucket, at))).label(bucket)
        for bucket in open_buckets
    ]
    conditions = _conditions(where, at)
    with db.session() as session:
        row = session.execute(select(*columns).where(*conditions, Activity.done_at.is_(None))).one()
        done = session.scalar(
            select(func.count(Activity.id)).where(*conditions, Activity.done_at.is_not(None))
        )
    counts = {bucket: int(row[i] or 0) for i, bucket in enumerate(open_buckets)}
    return {**counts, "done": int(done or 0)}


def named_filter(
    db: Database,
    *,
    due: str | None = None,
    owner: str | None = None,
    contact: str | None = None,
) -> ActivityFilter:
    """A filter from names as the command line gives them (``activities``)."""
    if due is not None and due not in DUE_BUCKETS:
        _due(due, utcnow())  # says which are
    owner_ids: tuple[str, ...] = ()
    if owner:
        with db.session() as session:
            owner_ids = (lookups.find_user(session, owner).id,)
    return ActivityFilter(due=due, owner_ids=owner_ids, contact_id=contact)
