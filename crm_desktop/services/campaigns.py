"""Campaigns and lead sources: where the office's leads come from, and what they brought.

A campaign has a channel, dates and a cost (rials); a contact and a deal each carry
their lead source and campaign. The figures are counted in SQL, one statement per
list: the leads (contacts) each brought, the deals opened, the deals won and the
revenue won (the won deals' amounts), and for a campaign its return on cost.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from crm_desktop.errors import InvalidInput, NotFound
from crm_desktop.locale import normalize_multiline, normalize_text, search_key
from crm_desktop.models import Campaign, Contact, Deal, LeadSource, Stage, utcnow
from crm_desktop.models.database import Database


@dataclass(frozen=True)
class Figures:
    id: str
    name: str
    leads: int
    deals: int
    won: int
    revenue: int  # rials, the won deals' amounts
    # A campaign's own; None for a lead source.
    channel: str | None = None
    lead_source_id: str | None = None
    lead_source: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    cost: int = 0
    notes: str | None = None

    @property
    def roi(self) -> float | None:
        """(revenue - cost) / cost; None without a cost."""
        return (self.revenue - self.cost) / self.cost if self.cost else None


_Counts = tuple[int, int, int, int]  # leads, deals, won, revenue
_NONE: _Counts = (0, 0, 0, 0)


def _figures(db: Database, model: type[Campaign] | type[LeadSource]) -> dict[str, _Counts]:
    contact_key = Contact.campaign_id if model is Campaign else Contact.lead_source_id
    deal_key = Deal.campaign_id if model is Campaign else Deal.lead_source_id
    with db.session() as session:
        leads = dict(
            session.execute(
                select(contact_key, func.count(Contact.id))
                .where(Contact.deleted_at.is_(None), contact_key.is_not(None))
                .group_by(contact_key)
            ).all()
        )
        deals = {
            key: (count, won, revenue or 0)
            for key, count, won, revenue in session.execute(
                select(
                    deal_key,
                    func.count(Deal.id),
                    func.count(Deal.id).filter(Stage.is_won.is_(True)),
                    func.sum(Deal.amount).filter(Stage.is_won.is_(True)),
                )
                .join(Stage, Stage.id == Deal.stage_id)
                .where(Deal.deleted_at.is_(None), deal_key.is_not(None))
                .group_by(deal_key)
            )
        }
    found: dict[str, _Counts] = {}
    for key in set(leads) | set(deals):
        if key is None:
            continue
        count, won, revenue = deals.get(key, (0, 0, 0))
        found[key] = (int(leads.get(key, 0)), int(count), int(won), int(revenue))
    return found


def _made(row_id: str, name: str, counts: _Counts, **own: Any) -> Figures:
    leads, deals, won, revenue = counts
    return Figures(row_id, name, leads, deals, won, revenue, **own)


def campaign_figures(db: Database) -> list[Figures]:
    """Every campaign with what it brought, newest first."""
    counted = _figures(db, Campaign)
    with db.session() as session:
        rows = session.execute(
            select(Campaign, LeadSource.name)
            .outerjoin(LeadSource, LeadSource.id == Campaign.lead_source_id)
            .where(Campaign.deleted_at.is_(None))
            .order_by(Campaign.start_date.desc(), Campaign.name)
        ).all()
        return [
            _made(
                campaign.id,
                campaign.name,
                counted.get(campaign.id, _NONE),
                channel=campaign.channel,
                lead_source_id=campaign.lead_source_id,
                lead_source=source,
                start=campaign.start_date,
                end=campaign.end_date,
                cost=campaign.cost,
                notes=campaign.notes,
            )
            for campaign, source in rows
        ]


def source_figures(db: Database) -> list[Figures]:
    """Every lead source with what it brought, in the office's order."""
    counted = _figures(db, LeadSource)
    with db.session() as session:
        rows = session.execute(
            select(LeadSource.id, LeadSource.name)
            .where(LeadSource.deleted_at.is_(None))
            .order_by(LeadSource.position, LeadSource.name)
        ).all()
    return [_made(i, name, counted.get(i, _NONE)) for i, name in rows]


def save_campaign(
    db: Database,
    campaign_id: str | None,
    *,
    name: str,
    channel: str | None = None,
    lead_source_id: str | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
    cost: int = 0,
    notes: str | None = None,
) -> str:
    """A new campaign (``campaign_id`` None) or one changed; its id."""
    name = normalize_text(name)
    if not name:
        raise InvalidInput("کمپین نام لازم دارد.", "a campaign needs a name")
    if cost < 0:
        raise InvalidInput("هزینهٔ کمپین منفی نمی‌شود.", "a campaign's cost cannot be negative")
    if start is not None and end is not None and end < start:
        raise InvalidInput(
            "پایان کمپین پیش از آغاز آن است.", "a campaign cannot end before it starts"
        )
    with db.session() as session:
        others = session.scalars(
            select(Campaign).where(
                Campaign.deleted_at.is_(None), Campaign.id != (campaign_id or "")
            )
        )
        if any(search_key(c.name) == search_key(name) for c in others):
            raise InvalidInput(
                f"کمپینی به نام «{name}» هست.", f"there is a campaign named {name!r} already"
            )
        campaign = Campaign() if campaign_id is None else session.get(Campaign, campaign_id)
        if campaign is None or campaign.deleted_at is not None:
            raise NotFound("این کمپین وجود ندارد.", f"no campaign with id {campaign_id!r}")
        campaign.name = name
        campaign.channel = normalize_text(channel or "") or None
        campaign.lead_source_id = lead_source_id
        campaign.start_date, campaign.end_date = start, end
        campaign.cost = cost
        campaign.notes = normalize_multiline(notes or "") or None
        session.add(campaign)
        session.flush()
        return campaign.id


def delete_campaign(db: Database, campaign_id: str) -> None:
    """To the trash: its contacts and deals keep pointing at it (undo puts it back)."""
    with db.session() as session:
        campaign = session.get(Campaign, campaign_id)
        if campaign is None or campaign.deleted_at is not None:
            raise NotFound("این کمپین وجود ندارد.", f"no campaign with id {campaign_id!r}")
        campaign.deleted_at = utcnow()
