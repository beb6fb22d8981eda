"""Deals: add, change and move them through the pipeline's stages; read them back.

A move is one operation of the change log (kind ``move``): the deal's history shows
it, undo takes it back, and sync sends it. Moving into a won stage stamps the closing
time (the day given, or now), may set the final amount, and makes the deal's product
lines the customer's purchases; into a lost stage it needs a reason from the office's
list. Leaving a won or lost stage clears what it stamped. A deal's own probability
(a rep's estimate) holds in its stage only: in another stage the stage's applies.

Cards are ordered inside their column by order keys (``models.order_keys``): a move
writes one row, whatever the column holds.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import false, or_, select, update
from sqlalchemy.orm import Session

from crm_desktop.errors import InvalidInput, NotFound
from crm_desktop.locale import normalize_multiline, normalize_text, parse_phone, search_key
from crm_desktop.models import (
    Campaign,
    Company,
    Contact,
    ContactPhone,
    Deal,
    DealLine,
    Lifecycle,
    LostReason,
    Product,
    Stage,
    utcnow,
)
from crm_desktop.models.capture import mark_operation
from crm_desktop.models.database import Database
from crm_desktop.models.order_keys import key_after, key_between
from crm_desktop.services import lookups
from crm_desktop.services.deal_changes import DealChanges
from crm_desktop.services.deal_list import DealFilter, load_deals
from crm_desktop.services.fields import Unset
from crm_desktop.services.lead_score import rescore
from crm_desktop.services.office import office_day, office_time
from crm_desktop.services.pipelines import (
    check_probability,
    default_pipeline,
    find_stage,
    live_stage,
    pipeline_stages,
)
from crm_desktop.services.records import DealRecord

# The references a ``DealChanges`` sets by id, as they are (names are found below).
_ID_FIELDS = ("contact_id", "company_id", "stage_id", "owner_id", "lead_source_id", "campaign_id")
# The noon of a closing day typed for the past (or the future): its time is unknown.
_NOON = 12 * 60


@dataclass(frozen=True)
class Closing:
    """What a move into a won or lost stage says about the closing."""

    on: dt.date | None = None  # the day it was won or lost; None: now
    amount: int | None = None  # a won deal's final amount; None: as it is
    lost_reason: str | None = None  # a lost reason's id or name (required for lost)
    lost_comment: str | None = None


def _get(session: Session, deal_id: str) -> Deal:
    deal = session.get(Deal, deal_id)
    if deal is None or deal.deleted_at is not None:
        raise NotFound(f"معامله‌ای با شناسهٔ «{deal_id}» پیدا نشد.", f"no deal with id {deal_id!r}")
    return deal


def get_deal(db: Database, deal_id: str) -> DealRecord:
    with db.session() as session:
        _get(session, deal_id)
        return _record(session, deal_id)


def _record(session: Session, deal_id: str) -> DealRecord:
    return load_deals(session, DealFilter(ids=(deal_id,)))[0]


# ------------------------------------------------------------------- lookups


def lost_reasons(db: Database) -> list[tuple[str, str]]:
    """The office's lost reasons, in their order: (id, name)."""
    with db.session() as session:
        return [
            (reason.id, reason.name)
            for reason in session.scalars(
                select(LostReason)
                .where(LostReason.deleted_at.is_(None))
                .order_by(LostReason.position, LostReason.name)
            )
        ]


def _lost_reason(session: Session, given: str) -> str:
    """A lost reason's id, from its id or its name; an unknown one is refused."""
    reasons = session.scalars(
        select(LostReason).where(LostReason.deleted_at.is_(None)).order_by(LostReason.position)
    ).all()
    key = search_key(given)
    for reason in reasons:
        if given == reason.id or key == search_key(reason.name):
            return reason.id
    raise InvalidInput(
        f"دلیلی به نام «{given}» در فهرست دلیل‌های از دست رفتن نیست. "
        f"دلیل‌ها: {'، '.join(r.name for r in reasons)}",
        f"{given!r} is not one of the lost reasons: {', '.join(r.name for r in reasons)}",
    )


def contact_id_of(session: Session, given: str) -> str:
    """A live contact's id, from its id or one of its phones."""
    contact = session.get(Contact, given)
    if contact is not None and contact.deleted_at is None:
        return contact.id
    try:
        number = parse_phone(given)
    except InvalidInput:
        number = None
    if number is not None:
        found = session.scalar(
            select(Contact.id)
            .join(ContactPhone, ContactPhone.contact_id == Contact.id)
            .where(
                ContactPhone.number == number,
                ContactPhone.deleted_at.is_(None),
                Contact.deleted_at.is_(None),
            )
            .order_by(Contact.created_at)
            .limit(1)
        )
        if found is not None:
            return found
    raise NotFound(
        f"مخاطبی با شناسه یا تلفن «{given}» پیدا نشد.",
        f"no contact with the id or phone {given!r}",
    )


def _campaign_id(session: Session, name: str) -> str:
    campaigns = session.scalars(
        select(Campaign).where(Campaign.deleted_at.is_(None)).order_by(Campaign.name)
    ).all()
    for campaign in campaigns:
        if search_key(campaign.name) == search_key(name):
            return campaign.id
    raise InvalidInput(
        f"کمپینی به نام «{name}» نیست. کمپین‌ها: {'، '.join(c.name for c in campaigns) or '—'}",
        f"no campaign named {name!r}; campaigns: {', '.join(c.name for c in campaigns) or 'none'}",
    )


# ------------------------------------------------------------------ add, edit


def create_deal(db: Database, changes: DealChanges, *, closing: Closing = Closing()) -> DealRecord:
    """Add a deal: at the end of its stage's column (the default pipeline's first stage
    when none is named), owned by the user at this laptop unless another is named.
    A deal made straight into a won or lost stage is closed as a move there is."""
    with db.session() as session:
        return _record(session, _create(session, changes, closing))


def _create(session: Session, changes: DealChanges, closing: Closing) -> str:
    deal = Deal(title="", amount=0)
    if isinstance(changes.owner, Unset) and isinstance(changes.owner_id, Unset):
        deal.owner_id = lookups.current_user_id(session)
    if isinstance(changes.stage, Unset) and isinstance(changes.stage_id, Unset):
        first = pipeline_stages(session, default_pipeline(session).id)
        if not first:
            raise InvalidInput(
                "خط فروش پیش‌فرض هیچ مرحله‌ای ندارد.", "the default pipeline has no stages"
            )
        changes = dataclasses.replace(changes, stage_id=first[0].id)
    _apply(session, deal, changes)
    no_company = isinstance(changes.company, Unset) and isinstance(changes.company_id, Unset)
    if deal.contact_id and no_company:  # the person's company, as a rep would put it
        contact = session.get(Contact, deal.contact_id)
        deal.company_id = contact.company_id if contact else None
    stage = live_stage(session, deal.stage_id)
    deal.pipeline_id = stage.pipeline_id
    deal.position = _position(session, stage.id, None, None, moving=None)
    session.add(deal)
    _close(session, deal, stage, closing)
    session.flush()
    rescore(session, [deal.contact_id or ""])
    return deal.id


def deal_for_contact(db: Database, contact_id: str) -> DealRecord:
    """A contact's new deal, in one step from the contact's window: named after them
    (and their company), with their company, owner, lead source and campaign; a lead
    becomes a prospect. One operation: undo takes both back."""
    with db.session() as session:
        contact = session.get(Contact, contact_id)
        if contact is None or contact.deleted_at is not None:
            raise NotFound(
                f"مخاطبی با شناسهٔ «{contact_id}» پیدا نشد.", f"no contact with id {contact_id!r}"
            )
        name = " ".join(p for p in (contact.first_name, contact.last_name) if p)
        company = session.get(Company, contact.company_id) if contact.company_id else None
        changes = DealChanges(
            title=f"{name} - {company.name}" if company else name,
            contact_id=contact.id,
            company_id=contact.company_id,
            lead_source_id=contact.lead_source_id,
            campaign_id=contact.campaign_id,
        )
        if contact.owner_id is not None:
            changes.owner_id = contact.owner_id
        if contact.lifecycle == Lifecycle.LEAD:
            contact.lifecycle = Lifecycle.PROSPECT
        return _record(session, _create(session, changes, Closing()))


def update_deal(db: Database, deal_id: str, changes: DealChanges) -> DealRecord:
    """Change a deal's fields. A new stage is a move (``move_deal``): it is refused
    here, so that no closing goes unasked."""
    with db.session() as session:
        deal = _get(session, deal_id)
        before, buyer = deal.stage_id, deal.contact_id
        _apply(session, deal, changes)
        if deal.stage_id != before:
            raise InvalidInput(
                "مرحلهٔ معامله با جابه‌جایی آن عوض می‌شود، نه با ویرایش.",
                "a deal changes stage by a move, not an edit",
            )
        if deal.won_at is not None and deal.contact_id != buyer and deal.contact_id:
            # A won deal's purchases are its customer's: they follow the new one.
            _purchases(session, deal, office_day(deal.won_at))
        session.flush()
        rescore(session, [buyer or "", deal.contact_id or ""])
        return _record(session, deal.id)


def _apply(session: Session, deal: Deal, changes: DealChanges) -> None:  # noqa: PLR0912
    with session.no_autoflush:
        if not isinstance(changes.title, Unset):
            deal.title = normalize_text(changes.title)
        for name in ("amount", "probability", "expected_close", "priority"):
            value = getattr(changes, name)
            if not isinstance(value, Unset):
                setattr(deal, name, value)
        if not isinstance(changes.notes, Unset):
            deal.notes = normalize_multiline(changes.notes or "") or None
        for name in _ID_FIELDS:
            value = getattr(changes, name)
            if not isinstance(value, Unset):
                setattr(deal, name, value)
        if not isinstance(changes.contact, Unset):
            deal.contact_id = contact_id_of(session, changes.contact) if changes.contact else None
        if not isinstance(changes.company, Unset):
            deal.company_id = (
                lookups.find_or_create_company(session, changes.company).id
                if changes.company
                else None
            )
        if not isinstance(changes.stage, Unset):
            deal.stage_id = find_stage(session, changes.stage, deal.pipeline_id).id
        if not isinstance(changes.owner, Unset):
            deal.owner_id = lookups.find_user(session, changes.owner).id if changes.owner else None
        if not isinstance(changes.lead_source, Unset):
            deal.lead_source_id = (
                lookups.find_or_create_lead_source(session, changes.lead_source).id
                if changes.lead_source
                else None
            )
        if not isinstance(changes.campaign, Unset):
            deal.campaign_id = _campaign_id(session, changes.campaign) if changes.campaign else None
    if not deal.title:
        raise InvalidInput("معامله باید عنوان داشته باشد.", "a deal needs a title")
    if deal.amount is not None and deal.amount < 0:
        raise InvalidInput("مبلغ معامله منفی است.", "a deal's amount cannot be negative")
    if deal.probability is not None:
        check_probability(deal.probability)


# ------------------------------------------------------------------------ move


def move_deal(
    db: Database,
    deal_id: str,
    stage_id: str,
    *,
    above: str | None = None,
    below: str | None = None,
    closing: Closing = Closing(),
) -> DealRecord:
    """Move a deal to a stage (its own, to reorder it), between the cards ``above``
    and ``below`` (deal ids, as the column shows them; neither: at the end).

    Into a lost stage it needs ``closing.lost_reason``: without one nothing changes
    (``InvalidInput``).
    """
    with db.session() as session:
        deal = _get(session, deal_id)
        _move(
            session, deal, live_stage(session, stage_id), above=above, below=below, closing=closing
        )
        return _record(session, deal.id)


def move_deal_to(
    db: Database, deal_id: str, stage: str, *, closing: Closing = Closing()
) -> DealRecord:
    """``move_deal`` to a stage named as people type it (in the deal's own pipeline),
    at the end of its column: the command line's ``deal move``."""
    with db.session() as session:
        deal = _get(session, deal_id)
        _move(session, deal, find_stage(session, stage, deal.pipeline_id), closing=closing)
        return _record(session, deal.id)


def _move(
    session: Session,
    deal: Deal,
    stage: Stage,
    *,
    above: str | None = None,
    below: str | None = None,
    closing: Closing,
) -> None:
    moved = stage.id != deal.stage_id
    already_lost = deal.lost_at is not None and deal.lost_reason_id is not None
    if stage.is_lost and moved and not closing.lost_reason and not already_lost:
        raise InvalidInput(
            f"برای بردن معامله به «{stage.name}» دلیل از دست رفتن لازم است.",
            f"moving a deal to '{stage.name}' needs a lost reason (--lost-reason)",
        )
    mark_operation(session, "move", ref=deal.id)
    if moved or above is not None or below is not None:
        deal.position = _position(session, stage.id, above, below, moving=deal)
    if moved:
        deal.stage_id = stage.id
        deal.pipeline_id = stage.pipeline_id
        deal.probability = None  # a rep's estimate was for the stage it leaves
    if moved or closing != Closing():
        _close(session, deal, stage, closing)
    session.flush()
    rescore(session, [deal.contact_id or ""])


def _close(session: Session, deal: Deal, stage: Stage, closing: Closing) -> None:
    """Stamp (or clear) what a won or lost stage says about the deal."""
    now = utcnow()
    if closing.on is not None and closing.on > office_day(now):
        raise InvalidInput(
            "تاریخ بستن معامله نمی‌تواند در آینده باشد.", "a deal cannot close on a day to come"
        )
    at = now if closing.on in (None, office_day(now)) else office_time(closing.on, _NOON)
    if stage.is_won:
        if closing.on is not None or deal.won_at is None:
            deal.won_at = at
        deal.lost_at = deal.lost_reason_id = deal.lost_comment = None
        if closing.amount is not None:
            if closing.amount < 0:
                raise InvalidInput("مبلغ معامله منفی است.", "a deal's amount cannot be negative")
            deal.amount = closing.amount
        _purchases(session, deal, office_day(deal.won_at))
        return
    if stage.is_lost:
        if closing.lost_reason:
            deal.lost_reason_id = _lost_reason(session, closing.lost_reason)
        elif deal.lost_reason_id is None:
            raise InvalidInput(
                f"برای «{stage.name}» دلیل از دست رفتن لازم است.",
                f"'{stage.name}' needs a lost reason",
            )
        if closing.lost_comment is not None:
            deal.lost_comment = normalize_multiline(closing.lost_comment) or None
        if closing.on is not None or deal.lost_at is None:
            deal.lost_at = at
        deal.won_at = None
        _purchases(session, deal, None)
        return
    deal.won_at = deal.lost_at = deal.lost_reason_id = deal.lost_comment = None
    _purchases(session, deal, None)


def _purchases(session: Session, deal: Deal, on: dt.date | None) -> None:
    """A won deal's lines are its customer's purchases, bought on the day it was won;
    a deal no longer won takes them back (its lines are no purchase any more)."""
    if deal.id is None:
        return  # a deal being made has no lines yet
    lines = update(DealLine).where(DealLine.deal_id == deal.id, DealLine.deleted_at.is_(None))
    if on is None:
        session.execute(lines.where(DealLine.purchased_on.is_not(None)).values(purchased_on=None))
        return
    buyer = deal.contact_id
    session.execute(
        lines.where(
            or_(
                DealLine.purchased_on.is_(None),
                DealLine.purchased_on != on,
                DealLine.contact_id.is_not(buyer) if buyer else false(),
            )
        ).values({"purchased_on": on, **({"contact_id": buyer} if buyer else {})})
    )


def purchases_follow(session: Session, deal_ids: Iterable[str]) -> None:
    """Each deal's lines are its customer's purchases exactly while it is won: what an
    undo puts back (a deal no longer won) holds for lines added since, too."""
    ids = sorted(set(deal_ids))
    for start in range(0, len(ids), 400):
        found = session.execute(
            select(Deal, Stage.is_won)
            .join(Stage, Stage.id == Deal.stage_id)
            .where(Deal.id.in_(ids[start : start + 400]), Deal.deleted_at.is_(None))
        )
        for deal, stage_won in found:
            won_at = deal.won_at if stage_won else None
            _purchases(session, deal, office_day(won_at) if won_at is not None else None)


def _position(
    session: Session, stage_id: str, above: str | None, below: str | None, *, moving: Deal | None
) -> str:
    """An order key between the cards ``above`` and ``below`` of the stage's column.
    With only ``above``, just after it (the view may show the first cards only: the
    next one in the column is found here); with neither, after the column's last card.
    A card that is not in that column (another laptop moved it meanwhile) counts as
    not given."""
    others = select(Deal.position).where(Deal.stage_id == stage_id, Deal.deleted_at.is_(None))
    if moving is not None and moving.id is not None:
        others = others.where(Deal.id != moving.id)

    def key_of(deal_id: str | None) -> str | None:
        if deal_id is None or (moving is not None and deal_id == moving.id):
            return None
        return session.scalar(
            select(Deal.position).where(
                Deal.id == deal_id, Deal.stage_id == stage_id, Deal.deleted_at.is_(None)
            )
        )

    low, high = key_of(above), key_of(below)
    if low is None and high is None:
        return key_after(session.scalar(others.order_by(Deal.position.desc()).limit(1)))
    if high is None or (low is not None and not low < high):
        # Just after the card above: before the next card of the column, if any.
        high = session.scalar(others.where(Deal.position > low).order_by(Deal.position).limit(1))
        if high is None:
            return key_after(low)
    return key_between(low, high)


def list_deals_by_ids(db: Database, deal_ids: Sequence[str]) -> list[DealRecord]:
    if not deal_ids:
        return []  # (an empty ``ids`` filter lets every deal through)
    with db.session() as session:
        return load_deals(session, DealFilter(ids=tuple(deal_ids)))


def delete_deals(db: Database, deal_ids: Sequence[str]) -> None:
    """Move deals to the trash (a tombstone): they leave the board and its totals,
    and can be restored. Every id must name a live deal, or nothing changes."""
    _set_trashed(db, deal_ids, trashed=True)


def restore_deals(db: Database, deal_ids: Sequence[str]) -> None:
    """Take deals out of the trash, back to the column they were in."""
    _set_trashed(db, deal_ids, trashed=False)


def _set_trashed(db: Database, deal_ids: Sequence[str], *, trashed: bool) -> None:
    ids = list(dict.fromkeys(deal_ids))
    with db.session() as session:
        state = Deal.deleted_at.is_(None) if trashed else Deal.deleted_at.is_not(None)
        found = set(session.scalars(select(Deal.id).where(Deal.id.in_(ids), state)))
        missing = next((i for i in ids if i not in found), None)
        if missing is not None:
            raise NotFound(
                f"معامله‌ای با شناسهٔ «{missing}» پیدا نشد.", f"no deal with id {missing!r}"
            )
        stamp = {"deleted_at": utcnow() if trashed else None}
        session.execute(update(Deal).where(Deal.id.in_(ids)).values(stamp))
        rescore(session, session.scalars(select(Deal.contact_id).where(Deal.id.in_(ids))))
        if not trashed:  # a deal whose stage was removed meanwhile goes to the first open one
            for deal in session.scalars(select(Deal).where(Deal.id.in_(ids))):
                stage = session.get(Stage, deal.stage_id)
                if stage is None or stage.deleted_at is not None:
                    put_in_stage(session, deal, _first_open_stage(session, deal.pipeline_id))


def _first_open_stage(session: Session, pipeline_id: str) -> Stage:
    stages = [s for s in pipeline_stages(session, pipeline_id) if not (s.is_won or s.is_lost)]
    if not stages:
        raise InvalidInput("این خط فروش مرحلهٔ بازی ندارد.", "the pipeline has no open stage")
    return stages[0]


def put_in_stage(session: Session, deal: Deal, stage: Stage) -> None:
    """A deal moved to the end of ``stage``'s column inside a caller's transaction (its
    old stage is being removed)."""
    _move(session, deal, stage, closing=Closing())


# ------------------------------------------------------------ stages and lines


@dataclass(frozen=True)
class StageStay:
    """A stretch of time a deal spent in one stage (``until`` None: it is there now)."""

    stage: str
    since: dt.datetime  # naive UTC
    until: dt.datetime | None

    def days(self, now: dt.datetime | None = None) -> float:
        end = self.until or now or utcnow()
        return (end - self.since).total_seconds() / 86400


def stage_stays(db: Database, deal_id: str) -> list[StageStay]:
    """The stages a deal went through, oldest first, from its history (the change log):
    whichever way it moved (the kanban, the command line, an undo, a sync)."""
    from crm_desktop.services.history import record_history

    entries = list(reversed(record_history(db, deal_id, lang="en")))  # oldest first
    made = get_deal(db, deal_id).created_at
    stays: list[StageStay] = []
    for entry in entries:
        for change in entry.changes:
            if change.field != "stage" or change.new is None:
                continue
            if stays and stays[-1].until is None:
                stays[-1] = dataclasses.replace(stays[-1], until=entry.at)
            # A deal brought in (an import, the demo, a sync) was made before the log
            # saw it: its first stage starts when the deal itself was made.
            since = min(entry.at, made) if not stays else entry.at
            stays.append(StageStay(str(change.new), since, None))
    return stays


@dataclass(frozen=True)
class LineRecord:
    id: str
    product_id: str | None
    product: str | None
    quantity: int
    unit_price: int  # rials
    discount: int  # rials off the line
    coupon: str | None

    @property
    def total(self) -> int:
        return self.quantity * self.unit_price - self.discount


def deal_lines(db: Database, deal_id: str) -> list[LineRecord]:
    with db.session() as session:
        rows = session.execute(
            select(DealLine, Product.name)
            .outerjoin(Product, Product.id == DealLine.product_id)
            .where(DealLine.deal_id == deal_id, DealLine.deleted_at.is_(None))
            .order_by(DealLine.created_at, DealLine.id)
        ).all()
        return [
            LineRecord(
                line.id,
                line.product_id,
                name,
                line.quantity,
                line.unit_price,
                line.discount,
                line.coupon,
            )
            for line, name in rows
        ]


def products(db: Database) -> list[tuple[str, str, int]]:
    """The products on sale: (id, name, unit price in rials), by name."""
    with db.session() as session:
        return [
            (p.id, p.name, p.unit_price)
            for p in session.scalars(
                select(Product)
                .where(Product.deleted_at.is_(None), Product.active.is_(True))
                .order_by(Product.name)
            )
        ]


def add_line(
    db: Database,
    deal_id: str,
    product_id: str,
    *,
    quantity: int = 1,
    unit_price: int | None = None,
    discount: int = 0,
    coupon: str | None = None,
) -> str:
    """A product line on a deal (at the product's price unless another is given); a
    won deal's new line is a purchase already, as its other lines are."""
    if quantity < 1 or discount < 0 or (unit_price is not None and unit_price < 0):
        raise InvalidInput(
            "تعداد باید دست‌کم ۱ و قیمت و تخفیف نامنفی باشند.",
            "a line needs a quantity of 1 or more and no negative price or discount",
        )
    with db.session() as session:
        deal = _get(session, deal_id)
        product = session.get(Product, product_id)
        if product is None or product.deleted_at is not None:
            raise NotFound("این کالا وجود ندارد.", f"no product with id {product_id!r}")
        price = product.unit_price if unit_price is None else unit_price
        if quantity * price < discount:
            raise InvalidInput(
                "تخفیف از مبلغ ردیف بیشتر است.", "the discount is more than the line's amount"
            )
        won = deal.won_at is not None and live_stage(session, deal.stage_id).is_won
        line = DealLine(
            deal_id=deal.id,
            product_id=product.id,
            quantity=quantity,
            unit_price=price,
            discount=discount,
            coupon=normalize_text(coupon or "") or None,
            contact_id=deal.contact_id if won else None,
            purchased_on=office_day(deal.won_at) if won and deal.won_at else None,
        )
        session.add(line)
        session.flush()
        return line.id


def remove_line(db: Database, line_id: str) -> None:
    with db.session() as session:
        line = session.get(DealLine, line_id)
        if line is None or line.deleted_at is not None:
            raise NotFound("این ردیف وجود ندارد.", f"no deal line with id {line_id!r}")
        line.deleted_at = utcnow()


def use_lines_total(db: Database, deal_id: str) -> DealRecord:
    """The deal's amount becomes its lines' total."""
    total = sum(line.total for line in deal_lines(db, deal_id))
    return update_deal(db, deal_id, DealChanges(amount=total))
