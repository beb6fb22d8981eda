"""Global search and company pages over demo data."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from crm_desktop.locale import search_key, to_ascii_digits
from crm_desktop.models import Company, Deal, Stage
from crm_desktop.models.database import Database
from crm_desktop.services import companies, contacts
from crm_desktop.services.demo import generate_demo
from crm_desktop.services.global_search import search_everything
from crm_desktop.services.search import query_words


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


def _brute_force_deals(db: Database, text: str) -> list[str]:
    """Every matching deal, newest first, found the slow way: the reference."""
    words = query_words(text)
    with db.session() as session:
        rows = session.execute(
            select(Deal.id, Deal.title, Company.name)
            .outerjoin(Company, Company.id == Deal.company_id)
            .where(Deal.deleted_at.is_(None))
            .order_by(Deal.updated_at.desc())
        ).all()
    return [
        deal_id
        for deal_id, title, company in rows
        if all(w in search_key(to_ascii_digits(f"{title} {company or ''}")) for w in words)
    ]


def test_deals_narrowed_in_sql_find_what_a_full_scan_finds(db: Database) -> None:
    for _ in generate_demo(db, contacts=300, seed=2, today=dt.date(2026, 11, 21)):
        pass
    with db.session() as session:
        deal = session.scalars(select(Deal).limit(1)).one()
        # Spellings that the search folds: آ, ۀ, ؤ, a ZWNJ inside a word, Latin case.
        deal.title = "آموزش‌های ویژۀ مؤسسه Alpha"
        session.commit()
    for query in ("اموزشهای", "ویژه موسسه", "ALPHA", "alpha ویژه", "ا", "قرارداد"):
        expected = _brute_force_deals(db, query)[:50]
        assert [d.id for d in search_everything(db, query, limit=50).deals] == expected, query
    assert [d.id for d in search_everything(db, "اموزشهای").deals] == [deal.id]
    with db.session() as session:
        company_id = session.scalars(
            select(Deal.company_id).where(Deal.company_id.is_not(None))
        ).first()
    company = companies.get_company(db, str(company_id)).name
    by_company = [d.id for d in search_everything(db, company, limit=50).deals]
    assert by_company == _brute_force_deals(db, company)[:50] and by_company
