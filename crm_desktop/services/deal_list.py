"""Deals as lists and as the kanban's columns: filters and totals, all done in SQL.

The kanban's column totals (count, amount, weighted amount) are computed over every
deal of the stage that the filter lets through, never from the cards a screen has
loaded; ``pipeline --json`` prints the same figures, computed by the same query.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, literal, or_, select
from sqlalchemy.orm import Session, aliased

from crm_desktop.locale import from_jalali, normalize_text, to_jalali
from crm_desktop.models import (
    Activity,
    Campaign,
    Company,
    Contact,
    ContactSearch,
    Deal,
    LeadSource,
    LostReason,
    Pipeline,
    Stage,
    User,
)
from crm_desktop.models.database import Database
from crm_desktop.services import lookups
from crm_desktop.services.company_list import company_conditions
from crm_desktop.services.pipelines import find_pipeline, find_stage
from crm_desktop.services.records import DealRecord, StageColumn
from crm_desktop.services.search import match_conditions, query_words

_PERCENT = 100


@dataclass(frozen=True)
class DealFilter:
    """Which deals. Within a field any value matches; all fields must match."""

    ids: tuple[str, ...] = ()
    pipeline_id: str | None = None
    stage_ids: tuple[str, ...] = ()
    owner_ids: tuple[str, ...] = ()
    lead_source_ids: tuple[str, ...] = ()
    campaign_ids: tuple[str, ...] = ()
    close_from: dt.date | None = None  # expected close on or after
    close_to: dt.date | None = None  # expected close on or before
    search: str = ""  # in the title, the contact's name and the company's
    open_only: bool = False  # not in a won or lost stage


def _stored_time(value: object) -> dt.datetime | None:
    """A time read by a sub-select, which SQLAlchemy hands over as the stored text."""
    if value is None or isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(str(value))


# What a typed search and the stored text are compared without: people write
# "پیش‌فاکتور", "پیش فاکتور" and "پیشفاکتور" for one word. (Stored text is normalized
# already: Persian letters, ASCII digits; SQLite's LIKE ignores Latin case.)
_LOOSE = ("\u200c", " ")


def _loose(text: str) -> str:
    for mark in _LOOSE:
        text = text.replace(mark, "")
    return text


def _loosened(column: Any) -> Any:
    for mark in _LOOSE:
        column = func.replace(column, mark, "")
    return column


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _conditions(where: DealFilter) -> list[ColumnElement[bool]]:
    """The filter as conditions on ``Deal`` (and ``Stage`` for ``open_only``)."""
    found: list[ColumnElement[bool]] = [Deal.deleted_at.is_(None)]
    if where.ids:
        found.append(Deal.id.in_(where.ids))
    if where.pipeline_id is not None:
        found.append(Deal.pipeline_id == where.pipeline_id)
    for column, values in (
        (Deal.stage_id, where.stage_ids),
        (Deal.owner_id, where.owner_ids),
        (Deal.lead_source_id, where.lead_source_ids),
        (Deal.campaign_id, where.campaign_ids),
    ):
        if values:
            found.append(column.in_(values))
    if where.close_from is not None:
        found.append(Deal.expected_close >= where.close_from)
    if where.close_to is not None:
        found.append(Deal.expected_close <= where.close_to)
    text = _loose(normalize_text(where.search))
    if text:
        # The contact as the contacts list finds it (name, company, phone, email) and
        # the company as the companies list does; a search of no words (punctuation
        # alone) finds titles only.
        matches = [_loosened(Deal.title).like(_like(text), escape="\\")]
        if query_words(where.search):
            person = select(ContactSearch.contact_id).where(*match_conditions(where.search))
            company = select(Company.id).where(*company_conditions(where.search))
            matches.append(Deal.contact_id.in_(person.scalar_subquery()))
            matches.append(Deal.company_id.in_(company.scalar_subquery()))
        found.append(or_(*matches))
    return found


def _open() -> ColumnElement[bool]:
    return and_(Stage.is_won.is_(False), Stage.is_lost.is_(False))


def probability() -> ColumnElement[int]:
    """A deal's probability: its own, else its stage's."""
    return func.coalesce(Deal.probability, Stage.probability)


def _query(where: DealFilter) -> Select[Any]:
    owner = aliased(User)
    columns: list[Any] = [
        Deal,
        Stage.name,
        Stage.is_won,
        Stage.is_lost,
        probability(),
        Pipeline.name,
        (Contact.first_name + " " + Contact.last_name).label("contact"),
        Company.name,
        owner.name,
        LeadSource.name,
        Campaign.name,
        LostReason.name,
        select(func.max(Activity.done_at))
        .where(Activity.deal_id == Deal.id, Activity.deleted_at.is_(None))
        .scalar_subquery(),
    ]
    query = (
        select(*columns)
        .join(Stage, Stage.id == Deal.stage_id)
        .join(Pipeline, Pipeline.id == Deal.pipeline_id)
        .outerjoin(Contact, Contact.id == Deal.contact_id)
        .outerjoin(Company, Company.id == Deal.company_id)
        .outerjoin(owner, owner.id == Deal.owner_id)
        .outerjoin(LeadSource, LeadSource.id == Deal.lead_source_id)
        .outerjoin(Campaign, Campaign.id == Deal.campaign_id)
        .outerjoin(LostReason, LostReason.id == Deal.lost_reason_id)
        .where(*_conditions(where))
    )
    if where.open_only:
        query = query.where(_open())
    return query


def load_deals(
    session: Session, where: DealFilter, *, offset: int = 0, limit: int | None = None
) -> list[DealRecord]:
    """The deals ``where`` lets through, in board order: pipeline, stage, card (one
    page of them: ``limit`` from ``offset``)."""
    if len(where.stage_ids) == 1:  # one column: its cards in order, by the index
        query = _query(where).order_by(Deal.position, Deal.id)
    else:
        query = _query(where).order_by(
            Pipeline.position, Pipeline.name, Stage.position, Deal.position, Deal.id
        )
    if offset:
        query = query.offset(offset)
    if limit is not None:
        query = query.limit(limit)
    return [_record(tuple(row)) for row in session.execute(query)]


def list_deals(
    db: Database, where: DealFilter = DealFilter(), *, offset: int = 0, limit: int | None = None
) -> list[DealRecord]:
    with db.session() as session:
        return load_deals(session, where, offset=offset, limit=limit)


def _record(row: Sequence[Any]) -> DealRecord:
    """A row of ``_query`` as a record."""
    (deal, stage, is_won, is_lost, chance, pipeline, contact, company, owner, source) = row[:10]
    campaign, reason, last_activity = row[10:]
    return DealRecord(
        id=deal.id,
        title=deal.title,
        contact_id=deal.contact_id,
        contact=contact.strip() if contact else None,
        company_id=deal.company_id,
        company=company,
        pipeline_id=deal.pipeline_id,
        pipeline=pipeline,
        stage_id=deal.stage_id,
        stage=stage,
        is_won=is_won,
        is_lost=is_lost,
        probability=int(chance),
        own_probability=deal.probability,
        amount=deal.amount,
        expected_close=deal.expected_close,
        owner_id=deal.owner_id,
        owner=owner,
        lead_source_id=deal.lead_source_id,
        lead_source=source,
        campaign_id=deal.campaign_id,
        campaign=campaign,
        priority=deal.priority,
        won_at=deal.won_at,
        lost_at=deal.lost_at,
        lost_reason_id=deal.lost_reason_id,
        lost_reason=reason,
        lost_comment=deal.lost_comment,
        position=deal.position,
        notes=deal.notes,
        created_at=deal.created_at,
        updated_at=deal.updated_at,
        deleted_at=deal.deleted_at,
        last_activity=_stored_time(last_activity),
    )


def stage_columns(
    session: Session, pipeline_id: str, where: DealFilter = DealFilter()
) -> list[StageColumn]:
    """The pipeline's stages in order, each with the totals of its deals that ``where``
    lets through (a stage without any is there, with zeros). The weighted amount is
    the sum of each deal's amount times its own probability, in whole rials."""
    deals = (
        select(
            Deal.stage_id.label("stage_id"),
            Deal.amount.label("amount"),
            (Deal.amount * probability()).label("chance"),
        )
        .join(Stage, Stage.id == Deal.stage_id)
        .where(*_conditions(where))
        .subquery()
    )
    query = (
        select(
            Stage.id,
            Stage.name,
            Stage.position,
            Stage.probability,
            Stage.is_won,
            Stage.is_lost,
            func.count(deals.c.stage_id),
            func.coalesce(func.sum(deals.c.amount), literal(0)),
            # Whole rials, floored, in integers all the way (no float past 2**53).
            func.coalesce(func.sum(deals.c.chance), literal(0)) // _PERCENT,
        )
        .outerjoin(deals, deals.c.stage_id == Stage.id)
        .where(Stage.pipeline_id == pipeline_id, Stage.deleted_at.is_(None))
        .group_by(Stage.id)
        .order_by(Stage.position, Stage.name)
    )
    return [
        StageColumn(
            stage_id=stage_id,
            stage=name,
            position=position,
            probability=chance,
            is_won=bool(won),
            is_lost=bool(lost),
            count=count,
            amount=int(amount),
            weighted=int(weighted),
        )
        for stage_id, name, position, chance, won, lost, count, amount, weighted in session.execute(
            query
        )
    ]


def pipeline_columns(
    db: Database, pipeline: str | None = None, where: DealFilter = DealFilter()
) -> tuple[str, list[StageColumn]]:
    """The named pipeline (the default one for None) and its columns' totals."""
    with db.session() as session:
        found = find_pipeline(session, pipeline)
        return found.name, stage_columns(session, found.id, where)


def named_filter(
    db: Database, *, stage: str | None = None, owner: str | None = None, search: str = ""
) -> DealFilter:
    """A filter from the names people type (the command line's ``deals``): a stage of
    the default pipeline first, a rep by name or username; unknown names are refused."""
    with db.session() as session:
        stage_ids = (find_stage(session, stage).id,) if stage else ()
        owner_ids = (lookups.find_user(session, owner).id,) if owner else ()
    return DealFilter(stage_ids=stage_ids, owner_ids=owner_ids, search=search)


# ------------------------------------------------------------------ the list view

# The list's sort keys (the registry's list columns of a deal) -> their SQL order.
_OWNER = aliased(User)
SORTS: dict[str, tuple[Any, ...]] = {
    "title": (Deal.title,),
    "contact": (Contact.last_name, Contact.first_name),
    "company": (Company.name,),
    "stage": (Pipeline.position, Stage.position),
    "amount": (Deal.amount,),
    "probability": (probability(),),
    "expected_close": (Deal.expected_close,),
    "owner": (_OWNER.name,),
}


def _listed(where: DealFilter) -> Select[Any]:
    query = (
        select(Deal.id)
        .join(Stage, Stage.id == Deal.stage_id)
        .join(Pipeline, Pipeline.id == Deal.pipeline_id)
        .outerjoin(Contact, Contact.id == Deal.contact_id)
        .outerjoin(Company, Company.id == Deal.company_id)
        .outerjoin(_OWNER, _OWNER.id == Deal.owner_id)
        .where(*_conditions(where))
    )
    return query.where(_open()) if where.open_only else query


def count_deals(db: Database, where: DealFilter = DealFilter()) -> int:
    with db.session() as session:
        return int(session.scalar(select(func.count()).select_from(_listed(where).subquery())) or 0)


def deal_ids(
    db: Database,
    where: DealFilter = DealFilter(),
    *,
    sort: str | None = None,
    descending: bool = False,
    offset: int = 0,
    limit: int | None = None,
) -> list[str]:
    """Ids of the deals ``where`` lets through, sorted by a list column (``SORTS``; None:
    board order), a page of them."""
    if sort is None:
        order: tuple[Any, ...] = (Pipeline.position, Stage.position, Deal.position)
    else:
        keys = SORTS[sort]
        order = tuple(k.desc() if descending else k for k in keys)
    query = _listed(where).order_by(*order, Deal.id).offset(offset)
    if limit is not None:
        query = query.limit(limit)
    with db.session() as session:
        return list(session.scalars(query))


@dataclass(frozen=True)
class ForecastMonth:
    """Open deals expected to close in one Jalali month."""

    year: int
    month: int
    count: int
    amount: int  # rials
    weighted: int  # rials, each deal's amount times its probability


def forecast(db: Database, where: DealFilter = DealFilter()) -> list[ForecastMonth]:
    """The open deals ``where`` lets through by the Jalali month they are expected to
    close in, in order (deals without a date are left out). Sums are SQL's per day,
    grouped into months here: Jalali months do not follow Gregorian ones."""
    only_open = dataclasses.replace(where, open_only=True)
    day_sums = (
        select(
            Deal.expected_close,
            func.count(Deal.id),
            func.sum(Deal.amount),
            func.sum(Deal.amount * probability()),
        )
        .join(Stage, Stage.id == Deal.stage_id)
        .where(*_conditions(only_open), _open(), Deal.expected_close.is_not(None))
        .group_by(Deal.expected_close)
    )
    months: dict[tuple[int, int], list[int]] = {}
    with db.session() as session:
        for day, count, amount, chance in session.execute(day_sums):
            assert day is not None  # the query leaves deals without a date out
            year, month, _day = to_jalali(day)
            totals = months.setdefault((year, month), [0, 0, 0])
            totals[0] += count
            totals[1] += int(amount)
            totals[2] += int(chance)
    return [
        ForecastMonth(year, month, count, amount, chance // _PERCENT)
        for (year, month), (count, amount, chance) in sorted(months.items())
    ]


def jalali_period(today: dt.date, period: str) -> tuple[dt.date, dt.date]:
    """The first and last day of ``today``'s Jalali ``month`` or ``quarter`` (seasons:
    Farvardin-Khordad, Tir-Shahrivar, Mehr-Azar, Dey-Esfand)."""
    year, month, _day = to_jalali(today)
    first_month = month if period == "month" else (month - 1) // 3 * 3 + 1
    last_month = first_month if period == "month" else first_month + 2
    start = from_jalali(year, first_month, 1)
    following = (year + 1, 1) if last_month == 12 else (year, last_month + 1)
    return start, from_jalali(*following, 1) - dt.timedelta(days=1)
