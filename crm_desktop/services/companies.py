"""Companies: create, edit, delete, restore, list, and the people who work there."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from crm_desktop.errors import InvalidInput, NotFound
from crm_desktop.locale import normalize_email, normalize_text, parse_phone, sort_key
from crm_desktop.models import Company, Contact, Deal, Stage, utcnow
from crm_desktop.models.database import Database
from crm_desktop.services import company_list
from crm_desktop.services.records import CompanyRecord
from crm_desktop.services.registry import COMPANY, TEXT_KINDS
from crm_desktop.services.search import reindex_contacts

# Text fields stored as typed (normalized); the name is its own rule (the sort key).
COMPANY_TEXT_FIELDS: tuple[str, ...] = tuple(
    f.column
    for f in COMPANY.editable()
    if f.column is not None and f.kind in TEXT_KINDS and f.column != "name"
)


@dataclass
class CompanyChanges:
    """Only the fields given (not None) change; an empty string clears a field."""

    name: str | None = None
    industry: str | None = None
    phone: str | None = None
    email: str | None = None
    website: str | None = None
    address: str | None = None
    city: str | None = None
    province: str | None = None
    notes: str | None = None


def _get(session: Session, company_id: str, *, deleted: bool = False) -> Company:
    company = session.get(Company, company_id)
    if company is None or (company.deleted_at is not None) != deleted:
        raise NotFound(
            f"شرکتی با شناسهٔ «{company_id}» پیدا نشد.", f"no company with id {company_id!r}"
        )
    return company


def _apply(session: Session, company: Company, changes: CompanyChanges) -> None:
    if changes.name is not None:
        name = normalize_text(changes.name)
        if not name:
            raise InvalidInput("نام شرکت خالی است.", "a company needs a name")
        company.name = name
        company.sort_key = sort_key(name)
    for field in COMPANY_TEXT_FIELDS:
        value = getattr(changes, field)
        if value is not None:
            setattr(company, field, normalize_text(value) or None)
    if changes.phone is not None:
        company.phone = parse_phone(changes.phone) if changes.phone.strip() else None
    if changes.email is not None:
        company.email = normalize_email(changes.email) if changes.email.strip() else None
    session.flush()


def _people_ids(session: Session, company_id: str) -> list[str]:
    return list(session.scalars(select(Contact.id).where(Contact.company_id == company_id)))


def create_company(db: Database, changes: CompanyChanges) -> CompanyRecord:
    if not changes.name:
        raise InvalidInput("نام شرکت خالی است.", "a company needs a name")
    with db.session() as session:
        company = Company(name="", sort_key="")
        session.add(company)
        _apply(session, company, changes)
        return _records(session, [company.id])[0]


def update_company(db: Database, company_id: str, changes: CompanyChanges) -> CompanyRecord:
    with db.session() as session:
        company = _get(session, company_id)
        _apply(session, company, changes)
        if changes.name is not None:
            # People are found by their company's name: their index follows it.
            reindex_contacts(session, _people_ids(session, company_id))
        return _records(session, [company_id])[0]


def delete_company(db: Database, company_id: str) -> None:
    """Trash the company; its people stay, and stop being found by its name."""
    with db.session() as session:
        company = _get(session, company_id)
        company.deleted_at = utcnow()
        session.flush()
        reindex_contacts(session, _people_ids(session, company_id))


def restore_company(db: Database, company_id: str) -> None:
    with db.session() as session:
        company = _get(session, company_id, deleted=True)
        company.deleted_at = None
        session.flush()
        reindex_contacts(session, _people_ids(session, company_id))


def get_company(db: Database, company_id: str) -> CompanyRecord:
    with db.session() as session:
        records = _records(session, [company_id])
    if not records:
        raise NotFound(
            f"شرکتی با شناسهٔ «{company_id}» پیدا نشد.", f"no company with id {company_id!r}"
        )
    return records[0]


def list_companies(
    db: Database, search: str | None = None, *, limit: int | None = None
) -> list[CompanyRecord]:
    """Live companies in Persian alphabetical order; ``search`` matches their names.

    Fine for a handful (global search, tests); the companies page pages through
    ``company_list`` instead of loading them all.
    """
    ids = company_list.page(db, search, limit=limit)
    with db.session() as session:
        return _records(session, ids)


def company_people(db: Database, company_id: str) -> list[str]:
    """Ids of the live contacts of a company, in list order."""
    with db.session() as session:
        return list(
            session.scalars(
                select(Contact.id)
                .where(Contact.company_id == company_id, Contact.deleted_at.is_(None))
                .order_by(Contact.sort_key)
            )
        )


def get_companies(db: Database, ids: Sequence[str]) -> list[CompanyRecord]:
    """The records of ``ids`` (live or trashed), in the order given; unknown ids skipped."""
    with db.session() as session:
        return _records(session, ids)


def _records(session: Session, ids: Sequence[str]) -> list[CompanyRecord]:
    if not ids:
        return []
    people: dict[str, int] = {}
    companies: dict[str, Company] = {}
    for chunk in company_list.chunks(ids):
        counts = session.execute(
            select(Contact.company_id, func.count())
            .where(Contact.company_id.in_(chunk), Contact.deleted_at.is_(None))
            .group_by(Contact.company_id)
        )
        people.update((company_id, n) for company_id, n in counts if company_id)
        companies.update(
            (c.id, c) for c in session.scalars(select(Company).where(Company.id.in_(chunk)))
        )
    by_id = {
        c.id: CompanyRecord(
            id=c.id,
            name=c.name,
            industry=c.industry,
            phone=c.phone,
            email=c.email,
            website=c.website,
            address=c.address,
            city=c.city,
            province=c.province,
            owner_id=c.owner_id,
            notes=c.notes,
            people=people.get(c.id, 0),
            deleted_at=c.deleted_at,
        )
        for c in companies.values()
    }
    return [by_id[i] for i in ids if i in by_id]


@dataclass(frozen=True)
class CompanySummary:
    """A company's page: its people and what it is worth."""

    company: CompanyRecord
    people: list[str]
    open_deals: int
    open_amount: int  # rials
    won_deals: int
    won_amount: int  # rials


def company_summary(db: Database, company_id: str) -> CompanySummary:
    company = get_company(db, company_id)
    with db.session() as session:
        rows = session.execute(
            select(
                Stage.is_won, Stage.is_lost, func.count(), func.coalesce(func.sum(Deal.amount), 0)
            )
            .join(Stage, Stage.id == Deal.stage_id)
            .where(Deal.company_id == company_id, Deal.deleted_at.is_(None))
            .group_by(Stage.is_won, Stage.is_lost)
        ).all()
    open_deals = sum(n for won, lost, n, _ in rows if not won and not lost)
    open_amount = sum(a for won, lost, _, a in rows if not won and not lost)
    won_deals = sum(n for won, _, n, _ in rows if won)
    won_amount = sum(a for won, _, _, a in rows if won)
    return CompanySummary(
        company, company_people(db, company_id), open_deals, open_amount, won_deals, won_amount
    )
