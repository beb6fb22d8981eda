"""Global search and company pages over demo data."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from crm_desktop.models import Deal, Stage
from crm_desktop.models.database import Database
from crm_desktop.services import companies, contacts
from crm_desktop.services.demo import generate_demo
from crm_desktop.services.global_search import search_everything


def test_global_search_finds_each_kind(db: Database) -> None:
    for _ in generate_demo(db, contacts=300, seed=2, today=dt.date(2026, 11, 21)):
        pass
    company = companies.list_companies(db)[3]
    results = search_everything(db, company.name)
    assert company.id in {c.id for c in results.companies}
    assert results.contacts and all(c.company == company.name for c in results.contacts)
    with db.session() as session:
        title = session.scalars(select(Deal.title).limit(1)).one()
    found = search_everything(db, title.replace("ی", "ي"), limit=50)  # Arabic letters too
    assert title in {d.title for d in found.deals}
    assert len(search_everything(db, "   ")) == 0


def test_company_summary_totals(db: Database) -> None:
    for _ in generate_demo(db, contacts=300, seed=2, today=dt.date(2026, 11, 21)):
        pass
    with db.session() as session:
        rows = session.execute(
            select(Deal.company_id, Deal.amount, Stage.is_won, Stage.is_lost).join(
                Stage, Stage.id == Deal.stage_id
            )
        ).all()
    company_id = next(r[0] for r in rows if r[0] and r[2])
    mine = [r for r in rows if r[0] == company_id]
    summary = companies.company_summary(db, company_id)
    assert summary.won_deals == sum(1 for r in mine if r[2])
    assert summary.won_amount == sum(r[1] for r in mine if r[2])
    assert summary.open_deals == sum(1 for r in mine if not r[2] and not r[3])
    assert summary.open_amount == sum(r[1] for r in mine if not r[2] and not r[3])
    assert summary.people == [
        c for c in contacts.contact_ids(db) if contacts.get_contact(db, c).company_id == company_id
    ]
