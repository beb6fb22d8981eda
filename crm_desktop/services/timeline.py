"""One timeline per contact, company and deal: what was done, what moved, what was
bought, what was changed, newest first.

Nothing here is a history of its own. Field changes and stage moves are the change
log's (``services.history``: "Every change recorded once"); activities are the
activities' rows; purchases are the won deals' lines. A contact's and a company's
timeline also show the stage moves of their deals, named after the deal.

Kinds, for the filter: ``activity``, ``move`` (a deal's stage changed), ``purchase``
and ``change`` (any other change of the record's fields).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import or_, select

from crm_desktop.errors import NotFound
from crm_desktop.models import Contact, Deal, DealLine, Product
from crm_desktop.models.database import Database
from crm_desktop.services.activity_list import about_record, list_activities
from crm_desktop.services.history import HistoryEntry, record_history
from crm_desktop.services.office import office_time
from crm_desktop.services.records import ActivityRecord

KINDS = ("activity", "move", "purchase", "change")
_NOON = 12 * 60
# The field a record is linked by, per kind of record (``ActivityFilter``'s names).
_LINK = {"contacts": "contact_id", "companies": "company_id", "deals": "deal_id"}


@dataclass(frozen=True)
class Purchase:
    line_id: str
    deal_id: str | None
    deal: str | None  # the deal's title
    product: str | None
    quantity: int
    unit_price: int  # rials
    discount: int  # rials off the line
    coupon: str | None
    payment_method: str | None
    on: dt.date

    @property
    def total(self) -> int:
        return self.quantity * self.unit_price - self.discount


@dataclass(frozen=True)
class TimelineEntry:
    at: dt.datetime  # naive UTC
    kind: str  # one of ``KINDS``
    history: HistoryEntry | None = None
    activity: ActivityRecord | None = None
    purchase: Purchase | None = None
    about: str | None = None  # the deal a contact's or company's entry is of


def _history_kind(entry: HistoryEntry) -> str:
    """A deal going from one stage to another (a move, its undo, a removed stage) is a
    move; a deal made in its first stage is not."""
    moved = any(c.field == "stage" and c.old is not None for c in entry.changes)
    return "move" if moved else "change"


def _history(db: Database, record_id: str, lang: str) -> list[HistoryEntry]:
    try:
        return record_history(db, record_id, lang=lang)
    except NotFound:  # nothing logged yet: a record made before the log existed
        return []


def purchases(db: Database, table: str, record_id: str) -> list[Purchase]:
    """What a contact bought, what was bought on a deal or by a company's people (its
    won deals' lines), newest first."""
    stmt = (
        select(DealLine, Product.name, Deal.title)
        .outerjoin(Product, Product.id == DealLine.product_id)
        .outerjoin(Deal, Deal.id == DealLine.deal_id)
        .where(DealLine.deleted_at.is_(None), DealLine.purchased_on.is_not(None))
        .order_by(DealLine.purchased_on.desc(), DealLine.id)
    )
    if table == "contacts":
        stmt = stmt.where(DealLine.contact_id == record_id)
    elif table == "deals":
        stmt = stmt.where(DealLine.deal_id == record_id)
    else:
        people = select(Contact.id).where(Contact.company_id == record_id)
        stmt = stmt.where(
            or_(Deal.company_id == record_id, DealLine.contact_id.in_(people.scalar_subquery()))
        )
    with db.session() as session:
        return [
            Purchase(
                line_id=line.id,
                deal_id=line.deal_id,
                deal=title,
                product=product,
                quantity=line.quantity,
                unit_price=line.unit_price,
                discount=line.discount,
                coupon=line.coupon,
                payment_method=line.payment_method,
                on=line.purchased_on,
            )
            for line, product, title in session.execute(stmt)
            if line.purchased_on is not None
        ]


def _deals_of(db: Database, table: str, record_id: str) -> list[tuple[str, str]]:
    column = Deal.contact_id if table == "contacts" else Deal.company_id
    with db.session() as session:
        return [
            (deal_id, title)
            for deal_id, title in session.execute(
                select(Deal.id, Deal.title).where(column == record_id, Deal.deleted_at.is_(None))
            )
        ]


def record_timeline(
    db: Database,
    table: str,
    record_id: str,
    *,
    lang: str = "fa",
    kinds: tuple[str, ...] = KINDS,
) -> list[TimelineEntry]:
    """The timeline of a contact, company or deal (``table``: contacts, companies,
    deals), newest first, of the ``kinds`` asked for."""
    found: list[TimelineEntry] = []
    if "move" in kinds or "change" in kinds:
        for entry in _history(db, record_id, lang):
            kind = _history_kind(entry)
            if kind in kinds:
                found.append(TimelineEntry(entry.at, kind, history=entry))
        if table != "deals" and "move" in kinds:
            for deal_id, title in _deals_of(db, table, record_id):
                for entry in _history(db, deal_id, lang):
                    if _history_kind(entry) == "move":
                        found.append(TimelineEntry(entry.at, "move", history=entry, about=title))
    if "activity" in kinds:
        for activity in list_activities(db, about_record(_LINK[table], record_id)):
            at = activity.done_at or activity.due_at or activity.created_at
            found.append(TimelineEntry(at, "activity", activity=activity, about=activity.deal))
    if "purchase" in kinds:
        for purchase in purchases(db, table, record_id):
            at = office_time(purchase.on, _NOON)
            found.append(TimelineEntry(at, "purchase", purchase=purchase, about=purchase.deal))
    return sorted(found, key=lambda e: e.at, reverse=True)
