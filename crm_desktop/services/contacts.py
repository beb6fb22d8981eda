"""Contacts: create, edit, delete, restore, get, list and search."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import cast

from sqlalchemy import and_, select, update
from sqlalchemy.orm import Session

from crm_desktop.errors import InvalidInput, NotFound
from crm_desktop.locale import check_birth_date, is_mobile, sort_key
from crm_desktop.models import (
    Campaign,
    Company,
    Contact,
    ContactEmail,
    ContactPhone,
    ContactTag,
    ImportChange,
    LeadSource,
    Tag,
    User,
    utcnow,
)
from crm_desktop.models.database import Database
from crm_desktop.services import lookups
from crm_desktop.services.fields import UNSET, ContactChanges, Unset
from crm_desktop.services.lead_score import rescore
from crm_desktop.services.leads import assign_new_leads
from crm_desktop.services.records import ContactRecord
from crm_desktop.services.registry import CONTACT
from crm_desktop.services.search import count_matches, matching_ids, reindex_contacts

CHUNK = 500  # ids per statement: SQLite caps the number of bound parameters
# The columns a ``ContactChanges`` sets as they are: ids of other records, and values.
ID_FIELDS = tuple(f.column for f in CONTACT.editable() if f.kind == "reference" and f.column)
PLAIN_FIELDS = tuple(f.column for f in CONTACT.editable() if f.kind != "reference" and f.column)


def contact_sort_key(first_name: str, last_name: str) -> str:
    # Persian lists are read by family name first.
    return sort_key(f"{last_name} {first_name}".strip())


def _get(session: Session, contact_id: str, *, deleted: bool | None = False) -> Contact:
    contact = session.get(Contact, contact_id)
    if contact is None or (deleted is not None and (contact.deleted_at is not None) != deleted):
        raise NotFound(
            f"مخاطبی با شناسهٔ «{contact_id}» پیدا نشد.",
            f"no contact with id {contact_id!r}",
        )
    return contact


def _apply(
    session: Session, contact: Contact, changes: ContactChanges, today: dt.date | None
) -> None:
    with session.no_autoflush:  # one INSERT (or UPDATE) with every field, not several
        _apply_fields(session, contact, changes, today)
    session.flush()
    phones = _live_values(session, ContactPhone, contact.id)
    wanted_phones = list(phones if isinstance(changes.phones, Unset) else changes.phones)
    _set_values(session, ContactPhone, contact.id, phones, wanted_phones + changes.add_phones)
    emails = _live_values(session, ContactEmail, contact.id)
    wanted_emails = list(emails if isinstance(changes.emails, Unset) else changes.emails)
    _set_values(session, ContactEmail, contact.id, emails, wanted_emails + changes.add_emails)
    if not isinstance(changes.tags, Unset):
        _set_tags(session, contact.id, changes.tags)


def _apply_fields(
    session: Session, contact: Contact, changes: ContactChanges, today: dt.date | None
) -> None:
    birth = changes.birth_date
    # Only a new value is checked: a contact saved before the rule keeps its date
    # through edits of other fields.
    if isinstance(birth, dt.date) and birth != contact.birth_date:
        check_birth_date(birth, today=today)
    for name in PLAIN_FIELDS:
        value = getattr(changes, name)
        if value is not UNSET:
            setattr(contact, name, value)
    if not (contact.first_name or contact.last_name):
        raise InvalidInput(
            "مخاطب باید نام یا نام خانوادگی داشته باشد.",
            "a contact needs a first or last name",
        )
    contact.sort_key = contact_sort_key(contact.first_name, contact.last_name)
    for name in ID_FIELDS:
        value = getattr(changes, name)
        if value is not UNSET:
            setattr(contact, name, value)
    if not isinstance(changes.company, Unset):
        contact.company_id = (
            lookups.find_or_create_company(session, changes.company).id if changes.company else None
        )
    if not isinstance(changes.lead_source, Unset):
        contact.lead_source_id = (
            lookups.find_or_create_lead_source(session, changes.lead_source).id
            if changes.lead_source
            else None
        )
    if not isinstance(changes.owner, Unset):
        contact.owner_id = lookups.find_user(session, changes.owner).id if changes.owner else None


def _live_values(
    session: Session, model: type[ContactPhone] | type[ContactEmail], contact_id: str
) -> dict[str, ContactPhone | ContactEmail]:
    rows = session.scalars(
        select(model)
        .where(model.contact_id == contact_id, model.deleted_at.is_(None))
        .order_by(model.position, model.created_at)
    ).all()
    return {_value(row): row for row in cast(Sequence[ContactPhone | ContactEmail], rows)}


def _value(row: ContactPhone | ContactEmail) -> str:
    return row.number if isinstance(row, ContactPhone) else row.address


def _set_values(
    session: Session,
    model: type[ContactPhone] | type[ContactEmail],
    contact_id: str,
    existing: dict[str, ContactPhone | ContactEmail],
    wanted: list[str],
) -> None:
    """Make the live phones (or emails) exactly ``wanted``, in that order.

    Rows that stay keep their id (sync sees a position change, not a new number);
    rows no longer wanted are tombstoned.
    """
    now = utcnow()
    ordered = list(dict.fromkeys(wanted))
    for value, row in existing.items():
        if value not in ordered:
            row.deleted_at = now
    for position, value in enumerate(ordered):
        kept = existing.get(value)
        if kept is None:
            new: ContactPhone | ContactEmail
            if model is ContactPhone:
                kind = "mobile" if is_mobile(value) else "work"
                new = ContactPhone(contact_id=contact_id, number=value, kind=kind)
            else:
                new = ContactEmail(contact_id=contact_id, address=value)
            new.position = position
            session.add(new)
        elif kept.position != position:
            kept.position = position


def _set_tags(session: Session, contact_id: str, names: tuple[str, ...]) -> None:
    wanted = {lookups.find_or_create_tag(session, name).id for name in names}
    links = session.scalars(
        select(ContactTag).where(
            ContactTag.contact_id == contact_id, ContactTag.deleted_at.is_(None)
        )
    ).all()
    now = utcnow()
    for link in links:
        if link.tag_id in wanted:
            wanted.discard(link.tag_id)
        else:
            link.deleted_at = now
    for tag_id in sorted(wanted):
        session.add(ContactTag(contact_id=contact_id, tag_id=tag_id))


def create_contact(
    db: Database, changes: ContactChanges, *, today: dt.date | None = None
) -> ContactRecord:
    """Create a contact; ``InvalidInput`` for a birth date after ``today`` (by default
    the computer's date) or before 1900, and for a contact without a name."""
    with db.session() as session:
        contact = Contact(first_name="", last_name="")
        session.add(contact)
        _apply(session, contact, changes, today)
        assign_new_leads(session, [contact.id])  # round-robin, if the office says so
        reindex_contacts(session, [contact.id])
        rescore(session, [contact.id])
        return load_contacts(session, [contact.id])[0]


def update_contact(
    db: Database, contact_id: str, changes: ContactChanges, *, today: dt.date | None = None
) -> ContactRecord:
    """Change a contact as ``create_contact`` checks it (a birth date only when it
    changes)."""
    with db.session() as session:
        contact = _get(session, contact_id)
        _apply(session, contact, changes, today)
        reindex_contacts(session, [contact.id])
        rescore(session, [contact.id])
        return load_contacts(session, [contact.id])[0]


def delete_contacts(db: Database, contact_ids: Sequence[str]) -> None:
    """Move contacts to the trash (a tombstone): they can be restored."""
    _set_trashed(db, contact_ids, trashed=True)


def restore_contacts(db: Database, contact_ids: Sequence[str]) -> None:
    _set_trashed(db, contact_ids, trashed=False)


def _set_trashed(db: Database, contact_ids: Sequence[str], *, trashed: bool) -> None:
    """One statement per few hundred contacts, so that trashing 100,000 stays quick.

    Every id must name a contact in the other state, or nothing changes (NotFound).
    """
    ids = list(dict.fromkeys(contact_ids))
    with db.session() as session:
        now = utcnow()
        stamp = {"deleted_at": now if trashed else None}
        state = Contact.deleted_at.is_(None) if trashed else Contact.deleted_at.is_not(None)
        for start in range(0, len(ids), CHUNK):
            part = ids[start : start + CHUNK]
            found = set(session.scalars(select(Contact.id).where(Contact.id.in_(part), state)))
            missing = next((i for i in part if i not in found), None)
            if missing is not None:
                _get(session, missing, deleted=not trashed)  # raises NotFound
            session.execute(update(Contact).where(Contact.id.in_(part)).values(stamp))
        reindex_contacts(session, ids)


def get_contact(db: Database, contact_id: str) -> ContactRecord:
    with db.session() as session:
        _get(session, contact_id, deleted=None)
        return load_contacts(session, [contact_id])[0]


def contact_ids(
    db: Database, search: str | None = None, *, offset: int = 0, limit: int | None = None
) -> list[str]:
    """Ids of live contacts in list order, matching ``search`` if given: one page."""
    with db.session() as session:
        return matching_ids(session, search, offset=offset, limit=limit)


def trashed_contact_ids(db: Database) -> list[str]:
    """Contacts in the trash, most recently deleted first.

    Contacts merged into another, and contacts an undone import had created, are not
    in the trash: nobody deleted them (a redo of the import brings the latter back).
    """
    undone_import = (
        select(ImportChange.record_id)
        .where(
            ImportChange.record_id == Contact.id,
            ImportChange.table_name == "contacts",
            ImportChange.action == "create",
            ImportChange.reverted.is_(True),
        )
        .exists()
    )
    with db.session() as session:
        return list(
            session.scalars(
                select(Contact.id)
                .where(
                    Contact.deleted_at.is_not(None),
                    Contact.merged_into_id.is_(None),
                    ~undone_import,
                )
                .order_by(Contact.deleted_at.desc(), Contact.id)
            )
        )


def count_contacts(db: Database, search: str | None = None) -> int:
    """How many live contacts there are, or match ``search``."""
    with db.session() as session:
        return count_matches(session, search)


def list_contacts(
    db: Database, search: str | None = None, *, limit: int | None = None
) -> list[ContactRecord]:
    ids = contact_ids(db, search, limit=limit)
    with db.session() as session:
        return load_contacts(session, ids)


def get_contacts(db: Database, ids: Sequence[str]) -> list[ContactRecord]:
    """Records for these ids in the same order (missing ids are left out)."""
    with db.session() as session:
        return load_contacts(session, ids)


def load_contacts(session: Session, ids: Sequence[str]) -> list[ContactRecord]:
    if not ids:
        return []
    chunk = 500
    if len(ids) > chunk:
        return [
            r for i in range(0, len(ids), chunk) for r in load_contacts(session, ids[i : i + chunk])
        ]
    rows = session.execute(
        select(Contact, Company.name, LeadSource.name, Campaign.name, User.name)
        .outerjoin(Company, Company.id == Contact.company_id)
        .outerjoin(LeadSource, LeadSource.id == Contact.lead_source_id)
        .outerjoin(Campaign, Campaign.id == Contact.campaign_id)
        .outerjoin(User, User.id == Contact.owner_id)
        .where(Contact.id.in_(ids))
    ).all()
    phones: dict[str, list[str]] = {}
    for cid, number in session.execute(
        select(ContactPhone.contact_id, ContactPhone.number)
        .where(ContactPhone.contact_id.in_(ids), ContactPhone.deleted_at.is_(None))
        .order_by(ContactPhone.position, ContactPhone.created_at)
    ):
        phones.setdefault(cid, []).append(number)
    emails: dict[str, list[str]] = {}
    for cid, address in session.execute(
        select(ContactEmail.contact_id, ContactEmail.address)
        .where(ContactEmail.contact_id.in_(ids), ContactEmail.deleted_at.is_(None))
        .order_by(ContactEmail.position, ContactEmail.created_at)
    ):
        emails.setdefault(cid, []).append(address)
    tags: dict[str, list[str]] = {}
    for cid, name in session.execute(
        select(ContactTag.contact_id, Tag.name)
        .join(Tag, and_(Tag.id == ContactTag.tag_id, Tag.deleted_at.is_(None)))
        .where(ContactTag.contact_id.in_(ids), ContactTag.deleted_at.is_(None))
        .order_by(Tag.name)
    ):
        tags.setdefault(cid, []).append(name)
    by_id = {}
    for contact, company, source, campaign, owner in rows:
        by_id[contact.id] = ContactRecord(
            id=contact.id,
            first_name=contact.first_name,
            last_name=contact.last_name,
            company_id=contact.company_id,
            company=company,
            job_title=contact.job_title,
            phones=tuple(phones.get(contact.id, ())),
            emails=tuple(emails.get(contact.id, ())),
            address=contact.address,
            city=contact.city,
            province=contact.province,
            birth_date=contact.birth_date,
            preferred_channel=contact.preferred_channel,
            lead_source_id=contact.lead_source_id,
            lead_source=source,
            campaign_id=contact.campaign_id,
            campaign=campaign,
            owner_id=contact.owner_id,
            owner=owner,
            lifecycle=contact.lifecycle,
            lead_score=contact.lead_score,
            tags=tuple(tags.get(contact.id, ())),
            notes=contact.notes,
            created_at=contact.created_at,
            updated_at=contact.updated_at,
            deleted_at=contact.deleted_at,
        )
    return [by_id[i] for i in ids if i in by_id]


def state_changes(record: ContactRecord) -> ContactChanges:
    """Changes that put a contact back exactly as ``record`` shows it (undo of an edit)."""
    return ContactChanges(
        first_name=record.first_name,
        last_name=record.last_name,
        job_title=record.job_title,
        address=record.address,
        city=record.city,
        province=record.province,
        birth_date=record.birth_date,
        preferred_channel=record.preferred_channel,
        lifecycle=record.lifecycle,
        lead_score=record.lead_score,
        notes=record.notes,
        company_id=record.company_id,
        lead_source_id=record.lead_source_id,
        campaign_id=record.campaign_id,
        owner_id=record.owner_id,
        phones=record.phones,
        emails=record.emails,
        tags=record.tags,
    )
