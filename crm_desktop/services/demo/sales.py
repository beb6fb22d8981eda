"""Demo sales: products, campaigns, deals with their lines, and customers' purchases."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Generator, Sequence
from dataclasses import dataclass

from sqlalchemy import Row, select
from sqlalchemy.orm import Session

from crm_desktop.errors import InvalidInput
from crm_desktop.models import LeadSource, Lifecycle, LostReason, Pipeline, Stage
from crm_desktop.models.order_keys import appended_key
from crm_desktop.services.demo import names
from crm_desktop.services.demo.context import CHUNK, CompanyRow, Demo, People, local, tracked

# (deal id, contact index) of each open deal, per rep index.
OpenDeals = list[list[tuple[str, int]]]


@dataclass(frozen=True)
class Catalogue:
    """What contacts are sold and reached by; ids as written."""

    products: list[tuple[str, int]]  # id, unit price
    campaigns: list[tuple[str, str | None]]  # id, lead source id
    sources: list[str]  # lead source ids, sorted


def add_catalogue(demo: Demo) -> Catalogue:
    """Write the products and campaigns (lead sources come with every database)."""
    products = _add_products(demo)
    sources = {
        name: source_id
        for name, source_id in demo.session.execute(
            select(LeadSource.name, LeadSource.id).where(LeadSource.deleted_at.is_(None))
        )
    }
    campaigns = _add_campaigns(demo, sources)
    return Catalogue(products, campaigns, sorted(sources.values()))


def _add_products(demo: Demo) -> list[tuple[str, int]]:
    when = local(demo.today - dt.timedelta(days=790), 10 * 60)
    products = []
    for name, code, price, description in names.PRODUCTS:
        row = tracked(when, demo.manager)
        products.append((row["id"], price))
        demo.rows.add(
            "products",
            {
                **row,
                "name": name,
                "code": code,
                "unit_price": price,
                "active": True,
                "description": description,
            },
        )
    return products


def _add_campaigns(demo: Demo, sources: dict[str, str]) -> list[tuple[str, str | None]]:
    rng = demo.rng
    campaigns = []
    for name, channel, source in names.CAMPAIGNS:
        start = demo.today - dt.timedelta(days=rng.randrange(20, 540))
        end = start + dt.timedelta(days=rng.choice((7, 14, 30, 45, 60, 90)))
        row = tracked(local(start - dt.timedelta(days=7), 11 * 60), demo.manager)
        campaigns.append((row["id"], sources.get(source)))
        demo.rows.add(
            "campaigns",
            {
                **row,
                "name": name,
                "channel": channel,
                "lead_source_id": sources.get(source),
                "start_date": start,
                "end_date": end,
                "cost": rng.randrange(50, 2000) * 1_000_000,
            },
        )
    return campaigns


def add_purchases(
    demo: Demo,
    products: Sequence[tuple[str, int]],
    contact_id: str,
    user_id: str,
    created: dt.datetime,
) -> None:
    """A customer's purchases outside any deal, between ``created`` and today."""
    rng = demo.rng
    first_day = created.date()
    span = max(1, (demo.today - first_day).days)
    for _ in range(rng.choice((1, 1, 2, 3))):
        product_id, price = rng.choice(products)
        quantity = rng.choice((1, 1, 1, 2, 3, 5))
        day = first_day + dt.timedelta(days=rng.randrange(span))
        demo.rows.add(
            "deal_lines",
            {
                **tracked(local(day, 11 * 60), user_id),
                "deal_id": None,
                "contact_id": contact_id,
                "product_id": product_id,
                "quantity": quantity,
                "unit_price": price,
                "discount": _discount(rng, price * quantity),
                "coupon": rng.choice(names.COUPONS) if rng.random() < 0.1 else None,
                "payment_method": rng.choice(names.PAYMENT_METHODS),
                "purchased_on": day,
            },
        )


def _pipeline(session: Session) -> tuple[str, Sequence[Row[str, bool, bool]], list[str]]:
    """The default pipeline's id, its stages (id, is_won, is_lost) and the lost reasons."""
    pipeline_id = session.scalar(
        select(Pipeline.id)
        .where(Pipeline.is_default.is_(True), Pipeline.deleted_at.is_(None))
        .order_by(Pipeline.position)
        .limit(1)
    )
    if pipeline_id is None:
        raise InvalidInput(
            "پایگاه داده خط فروش پیش‌فرض ندارد.", "the database has no default pipeline"
        )
    stages = session.execute(
        select(Stage.id, Stage.is_won, Stage.is_lost)
        .where(Stage.pipeline_id == pipeline_id, Stage.deleted_at.is_(None))
        .order_by(Stage.position)
    ).all()
    reasons = list(
        session.scalars(
            select(LostReason.id)
            .where(LostReason.deleted_at.is_(None))
            .order_by(LostReason.position)
        )
    )
    return pipeline_id, stages, reasons


def add_deals(
    demo: Demo,
    people: People,
    companies: Sequence[CompanyRow],
    products: Sequence[tuple[str, int]],
    count: int,
) -> Generator[int, None, OpenDeals]:
    """Write ``count`` deals over every stage; yields deals written, returns open ones."""
    rng = demo.rng
    pipeline_id, stages, reasons = _pipeline(demo.session)
    # Early stages hold the most deals; at least three in every stage.
    weights = [
        10 if s.is_won else 8 if s.is_lost else max(4, 20 - 3 * k) for k, s in enumerate(stages)
    ]
    plan = [k for k in range(len(stages)) for _ in range(3)]
    plan += rng.choices(range(len(stages)), weights=weights, k=count - len(plan))
    positions = [0] * len(stages)
    open_deals: OpenDeals = [[] for _ in names.REPS]
    customers = people.by_lifecycle[Lifecycle.CUSTOMER]
    open_people = people.by_lifecycle[Lifecycle.LEAD] + people.by_lifecycle[Lifecycle.PROSPECT]
    everyone = range(len(people.ids))
    for n_done, k in enumerate(plan, start=1):
        stage = stages[k]
        pool: Sequence[int] = (
            customers if stage.is_won else everyone if stage.is_lost else open_people
        ) or everyone
        person = pool[rng.randrange(len(pool))]
        owner = people.owners[person]
        user_id = demo.reps[owner]
        company = people.companies[person]
        who = companies[company][1] if company >= 0 else people.names[person]
        won_at = lost_at = None
        if stage.is_won or stage.is_lost:
            closed_day = demo.past_workday(rng.randrange(1, 360 if rng.random() < 0.4 else 84))
            closed = local(closed_day, rng.randrange(9 * 60, 17 * 60))
            created = closed - dt.timedelta(days=rng.randrange(7, 90))
            expected = closed_day
            if stage.is_won:
                won_at = closed
            else:
                lost_at = closed
            updated = closed
        else:
            created = demo.now - dt.timedelta(minutes=rng.randrange(60 * 24 * 120))
            expected = demo.today + dt.timedelta(days=rng.randrange(-15, 90))
            updated = created + (demo.now - created) * rng.random()
        positions[k] += 1
        row = tracked(created, user_id)
        row["updated_at"] = updated
        lines = _add_deal_lines(
            demo,
            products,
            row["id"],
            people.ids[person],
            user_id=user_id,
            created=created,
            won_at=won_at,
        )
        demo.rows.add(
            "deals",
            {
                **row,
                "title": f"{rng.choice(names.DEAL_TITLES)} - {who}",
                "contact_id": people.ids[person],
                "company_id": companies[company][0] if company >= 0 else None,
                "pipeline_id": pipeline_id,
                "stage_id": stage.id,
                "amount": sum(lines),
                "expected_close": expected,
                "owner_id": user_id,
                "lead_source_id": people.sources[person],
                "campaign_id": people.campaigns[person],
                "won_at": won_at,
                "lost_at": lost_at,
                "lost_reason_id": rng.choice(reasons) if lost_at and reasons else None,
                "position": appended_key(None, positions[k] - 1),
            },
        )
        if not (stage.is_won or stage.is_lost):
            open_deals[owner].append((row["id"], person))
        if n_done % CHUNK == 0:
            yield CHUNK
    yield len(plan) % CHUNK
    return open_deals


def _add_deal_lines(
    demo: Demo,
    products: Sequence[tuple[str, int]],
    deal_id: str,
    contact_id: str,
    *,
    user_id: str,
    created: dt.datetime,
    won_at: dt.datetime | None,
) -> list[int]:
    """Add a deal's lines (purchases once won); returns each line's net amount."""
    rng = demo.rng
    totals = []
    for product_id, price in rng.sample(products, rng.choice((1, 1, 2, 2, 3))):
        quantity = rng.choice((1, 1, 2, 3, 5, 10))
        discount = _discount(rng, price * quantity)
        totals.append(price * quantity - discount)
        demo.rows.add(
            "deal_lines",
            {
                **tracked(created, user_id),
                "deal_id": deal_id,
                "contact_id": contact_id if won_at else None,
                "product_id": product_id,
                "quantity": quantity,
                "unit_price": price,
                "discount": discount,
                "coupon": None,
                "payment_method": rng.choice(names.PAYMENT_METHODS) if won_at else None,
                "purchased_on": won_at.date() if won_at else None,
            },
        )
    return totals


def _discount(rng: random.Random, total: int) -> int:
    if rng.random() < 0.7:
        return 0
    return total * rng.choice((3, 5, 10)) // 100 // 10_000 * 10_000
