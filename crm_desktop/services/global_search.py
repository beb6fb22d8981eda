"""The window's global search (Ctrl+K): contacts, companies and deals at once."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from crm_desktop.locale import search_key
from crm_desktop.models import Company, Deal, Stage
from crm_desktop.models.database import Database
from crm_desktop.services import contacts
from crm_desktop.services.companies import list_companies
from crm_desktop.services.records import CompanyRecord, ContactRecord
from crm_desktop.services.search import query_words


@dataclass(frozen=True)
class DealHit:
    id: str
    title: str
    company: str | None
    stage: str
    amount: int


@dataclass(frozen=True)
class SearchResults:
    contacts: list[ContactRecord]
    companies: list[CompanyRecord]
    deals: list[DealHit]

    def __len__(self) -> int:
        return len(self.contacts) + len(self.companies) + len(self.deals)


def search_everything(db: Database, text: str, *, limit: int = 8) -> SearchResults:
    """Up to ``limit`` of each kind whose text contains every word of ``text``."""
    if not query_words(text):
        return SearchResults([], [], [])
    people = contacts.get_contacts(db, contacts.contact_ids(db, text, limit=limit))
    return SearchResults(people, list_companies(db, text, limit=limit), _deals(db, text, limit))


def _deals(db: Database, text: str, limit: int) -> list[DealHit]:
    words = query_words(text)
    hits: list[DealHit] = []
    with db.session() as session:
        rows = session.execute(
            select(Deal.id, Deal.title, Company.name, Stage.name, Deal.amount)
            .join(Stage, Stage.id == Deal.stage_id)
            .outerjoin(Company, Company.id == Deal.company_id)
            .where(Deal.deleted_at.is_(None))
            .order_by(Deal.updated_at.desc())
        )
        for deal_id, title, company, stage, amount in rows:
            key = search_key(f"{title} {company or ''}")
            if all(word in key for word in words):
                hits.append(DealHit(deal_id, title, company, stage, amount))
                if len(hits) >= limit:
                    break
    return hits
