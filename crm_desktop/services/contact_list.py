"""The contacts list: filters, sorting and paging, all done in SQL.

Search alone in name order takes the fast path of ``search.matching_ids``; any other
filter or sort runs one query over ``contacts`` with the search as a sub-select.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, exists, func, select
from sqlalchemy.orm import Session

from crm_desktop.locale import sort_key
from crm_desktop.models import (
    Company,
    Contact,
    ContactSearch,
    ContactTag,
    Tag,
    User,
    utcnow,
)
from crm_desktop.models.database import Database
from crm_desktop.services import lookups, search
from crm_desktop.services.leads import done_since, no_next_step

SORT_COLUMNS: dict[str, Any] = {
    "name": Contact.sort_key,
    "company": Company.sort_key,
    "job_title": Contact.job_title,
    "city": Contact.city,
    "province": Contact.province,
    "owner": User.name,
    "lifecycle": Contact.lifecycle,
    "lead_score": Contact.lead_score,
    "birth_date": Contact.birth_date,
    "created_at": Contact.created_at,
    "updated_at": Contact.updated_at,
}


@dataclass(frozen=True)
class ContactFilter:
    """What the list shows. Within a field any value matches; all fields must match."""

    search: str = ""
    owner_ids: tuple[str, ...] = ()
    tag_ids: tuple[str, ...] = ()
    cities: tuple[str, ...] = ()
    provinces: tuple[str, ...] = ()
    lifecycles: tuple[str, ...] = ()
    lead_source_ids: tuple[str, ...] = ()
    campaign_ids: tuple[str, ...] = ()
    inactive_days: int | None = None  # no activity done in the last N days
    no_next_step: bool = False  # leads and prospects with no work planned about them

    def only_search(self) -> bool:
        return self == ContactFilter(search=self.search)

    def to_json(self) -> str:
        data = {k: v for k, v in asdict(self).items() if v not in ((), None, "", False)}
        return json.dumps(data, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> ContactFilter:
        data = json.loads(text)
        known = {f for f in cls.__dataclass_fields__}
        values: dict[str, Any] = {
            k: tuple(v) if isinstance(v, list) else v for k, v in data.items() if k in known
        }
        return cls(**values)


@dataclass(frozen=True)
class ContactSort:
    column: str = "name"
    descending: bool = False

    def __post_init__(self) -> None:
        if self.column not in SORT_COLUMNS:
            raise ValueError(f"cannot sort contacts by {self.column!r}")


@dataclass(frozen=True)
class FilterChoices:
    """Values the filter pickers offer: (id or value, label) pairs."""

    owners: list[tuple[str, str]] = field(default_factory=list)
    tags: list[tuple[str, str]] = field(default_factory=list)
    cities: list[str] = field(default_factory=list)
    provinces: list[str] = field(default_factory=list)
    lead_sources: list[tuple[str, str]] = field(default_factory=list)
    campaigns: list[tuple[str, str]] = field(default_factory=list)


def _conditions(flt: ContactFilter, now: dt.datetime) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = [Contact.deleted_at.is_(None)]
    if search.query_words(flt.search):
        matching = select(ContactSearch.contact_id).where(*search.match_conditions(flt.search))
        conditions.append(Contact.id.in_(matching))
    for column, values in (
        (Contact.owner_id, flt.owner_ids),
        (Contact.city, flt.cities),
        (Contact.province, flt.provinces),
        (Contact.lifecycle, flt.lifecycles),
        (Contact.lead_source_id, flt.lead_source_ids),
        (Contact.campaign_id, flt.campaign_ids),
    ):
        if values:
            conditions.append(column.in_(values))
    if flt.tag_ids:
        conditions.append(
            exists().where(
                ContactTag.contact_id == Contact.id,
                ContactTag.tag_id.in_(flt.tag_ids),
                ContactTag.deleted_at.is_(None),
            )
        )
    if flt.inactive_days is not None:
        conditions.append(~done_since(now - dt.timedelta(days=flt.inactive_days)))
    if flt.no_next_step:
        conditions.append(no_next_step())
    return conditions


def _query(flt: ContactFilter, sort: ContactSort, now: dt.datetime) -> Select[str]:
    stmt = select(Contact.id).where(*_conditions(flt, now))
    if sort.column == "company":
        stmt = stmt.outerjoin(Company, Company.id == Contact.company_id)
    elif sort.column == "owner":
        stmt = stmt.outerjoin(User, User.id == Contact.owner_id)
    key = SORT_COLUMNS[sort.column]
    direction = key.desc() if sort.descending else key.asc()
    if sort.column == "name":
        # ``sort_key`` is never NULL: ordering by it alone lets SQLite walk
        # ``ix_contacts_sort_key`` and stop after the page instead of sorting every match.
        return stmt.order_by(direction, Contact.id)
    # Empty values go last whichever way the list is sorted.
    return stmt.order_by(key.is_(None), direction, Contact.sort_key, Contact.id)


def _fast(flt: ContactFilter, sort: ContactSort) -> bool:
    return flt.only_search() and sort == ContactSort()


def _count(session: Session, flt: ContactFilter) -> int:
    if flt.only_search():
        return search.count_matches(session, flt.search)
    stmt = select(func.count()).select_from(Contact).where(*_conditions(flt, utcnow()))
    return session.scalar(stmt) or 0


def _page(
    session: Session,
    flt: ContactFilter,
    sort: ContactSort,
    *,
    offset: int,
    limit: int | None,
    matches: int | None = None,
) -> list[str]:
    if _fast(flt, sort):
        return search.matching_ids(session, flt.search, offset=offset, limit=limit, matches=matches)
    return list(session.scalars(_query(flt, sort, utcnow()).offset(offset).limit(limit)))


def count(db: Database, flt: ContactFilter) -> int:
    with db.session() as session:
        return _count(session, flt)


def page(
    db: Database,
    flt: ContactFilter,
    sort: ContactSort | None = None,
    *,
    offset: int = 0,
    limit: int | None = None,
) -> list[str]:
    """Ids of one page of the list, in order."""
    with db.session() as session:
        return _page(session, flt, sort or ContactSort(), offset=offset, limit=limit)


def count_and_first_page(
    db: Database, flt: ContactFilter, sort: ContactSort | None = None, *, limit: int
) -> tuple[int, list[str]]:
    """How many match, and the first ``limit`` of them: what a new search shows first.

    One transaction, and the count also chooses the search plan (no second count).
    """
    with db.session() as session:
        total = _count(session, flt)
        return total, _page(
            session, flt, sort or ContactSort(), offset=0, limit=limit, matches=total
        )


def filter_choices(db: Database) -> FilterChoices:
    with db.session() as session:
        return FilterChoices(
            owners=_by_name(
                session.execute(select(User.id, User.name).where(User.deleted_at.is_(None)))
            ),
            tags=_by_name(
                session.execute(select(Tag.id, Tag.name).where(Tag.deleted_at.is_(None)))
            ),
            cities=_distinct(session, Contact.city),
            provinces=_distinct(session, Contact.province),
            lead_sources=lookups.lead_source_choices(session),
            campaigns=lookups.campaign_choices(session),
        )


def _by_name(rows: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    return sorted(((i, n) for i, n in rows), key=lambda row: sort_key(row[1]))


def _distinct(session: Session, column: Any) -> list[str]:
    values = session.scalars(
        select(column).where(and_(Contact.deleted_at.is_(None), column.is_not(None))).distinct()
    )
    return sorted(values, key=sort_key)
