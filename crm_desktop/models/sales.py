"""Where leads come from and where they go: sources, campaigns, pipelines, deals, products."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from crm_desktop.models.base import Base, Tracked


class LeadSource(Tracked, Base):
    __tablename__ = "lead_sources"

    name: Mapped[str] = mapped_column(String(100))
    position: Mapped[int] = mapped_column(Integer, default=0)


class Campaign(Tracked, Base):
    __tablename__ = "campaigns"

    name: Mapped[str] = mapped_column(String(200))
    channel: Mapped[str | None] = mapped_column(String(50))
    lead_source_id: Mapped[str | None] = mapped_column(ForeignKey("lead_sources.id"))
    start_date: Mapped[dt.date | None] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    cost: Mapped[int] = mapped_column(Integer, default=0)  # rials
    notes: Mapped[str | None] = mapped_column(Text)


class Pipeline(Tracked, Base):
    __tablename__ = "pipelines"

    name: Mapped[str] = mapped_column(String(100))
    is_default: Mapped[bool] = mapped_column(default=False)
    position: Mapped[int] = mapped_column(Integer, default=0)


class Stage(Tracked, Base):
    __tablename__ = "stages"

    pipeline_id: Mapped[str] = mapped_column(ForeignKey("pipelines.id"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    position: Mapped[int] = mapped_column(Integer, default=0)
    probability: Mapped[int] = mapped_column(Integer, default=0)  # percent
    is_won: Mapped[bool] = mapped_column(default=False)
    is_lost: Mapped[bool] = mapped_column(default=False)


class LostReason(Tracked, Base):
    __tablename__ = "lost_reasons"

    name: Mapped[str] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(Integer, default=0)


class Deal(Tracked, Base):
    __tablename__ = "deals"
    # A column's cards in order, its first page read without sorting the stage's deals.
    __table_args__ = (Index("ix_deals_stage_position", "stage_id", "position", "id"),)

    title: Mapped[str] = mapped_column(String(300))
    contact_id: Mapped[str | None] = mapped_column(ForeignKey("contacts.id"), index=True)
    company_id: Mapped[str | None] = mapped_column(ForeignKey("companies.id"), index=True)
    pipeline_id: Mapped[str] = mapped_column(ForeignKey("pipelines.id"))
    stage_id: Mapped[str] = mapped_column(ForeignKey("stages.id"), index=True)
    amount: Mapped[int] = mapped_column(Integer, default=0)  # rials
    # Percent; None: the stage's (a rep overrides it for one deal).
    probability: Mapped[int | None] = mapped_column(Integer)
    priority: Mapped[str | None] = mapped_column(
        String(10)
    )  # ``models.Priority``, as a service request's
    expected_close: Mapped[dt.date | None] = mapped_column(Date)
    owner_id: Mapped[str | None] = mapped_column(ForeignKey("users.id"), index=True)
    lead_source_id: Mapped[str | None] = mapped_column(ForeignKey("lead_sources.id"))
    campaign_id: Mapped[str | None] = mapped_column(ForeignKey("campaigns.id"))
    won_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    lost_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    lost_reason_id: Mapped[str | None] = mapped_column(ForeignKey("lost_reasons.id"))
    lost_comment: Mapped[str | None] = mapped_column(Text)
    # Order inside its kanban column: an order key (``models.order_keys``), so that a
    # move writes one row and two laptops' moves merge.
    position: Mapped[str] = mapped_column(String(40), default="i")
    notes: Mapped[str | None] = mapped_column(Text)


class Product(Tracked, Base):
    __tablename__ = "products"

    name: Mapped[str] = mapped_column(String(200))
    code: Mapped[str | None] = mapped_column(String(50))
    unit_price: Mapped[int] = mapped_column(Integer, default=0)  # rials
    active: Mapped[bool] = mapped_column(default=True)
    description: Mapped[str | None] = mapped_column(Text)


class DealLine(Tracked, Base):
    """A product on a deal, and once bought, a purchase in the customer's history."""

    __tablename__ = "deal_lines"

    deal_id: Mapped[str | None] = mapped_column(ForeignKey("deals.id"), index=True)
    contact_id: Mapped[str | None] = mapped_column(ForeignKey("contacts.id"), index=True)
    product_id: Mapped[str | None] = mapped_column(ForeignKey("products.id"), index=True)
    quantity: Mapped[int] = mapped_column(Integer, default=1)
    unit_price: Mapped[int] = mapped_column(Integer, default=0)  # rials
    discount: Mapped[int] = mapped_column(Integer, default=0)  # rials off the line
    coupon: Mapped[str | None] = mapped_column(String(50))
    payment_method: Mapped[str | None] = mapped_column(String(50))
    purchased_on: Mapped[dt.date | None] = mapped_column(Date)
