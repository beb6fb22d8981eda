"""Merging duplicate contacts into one survivor.

A merge is one transaction: the survivor takes the chosen field values, the phones,
emails and tags of the others it lacks, and every deal, activity, purchase and service
request of theirs; the others go to the trash pointing at the survivor. The merge is
one operation of the change log (kind ``merge``): undo takes it back exactly, as any
operation (``services.undo``). The returned ``MergeResult`` says what it did.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from crm_desktop.errors import InvalidInput
from crm_desktop.models import (
    Activity,
    Contact,
    ContactEmail,
    ContactPhone,
    ContactTag,
    Deal,
    DealLine,
    ServiceRequest,
    utcnow,
)
from crm_desktop.models.capture import mark_operation
from crm_desktop.models.database import Database
from crm_desktop.services.contacts import contact_sort_key
from crm_desktop.services.lead_score import rescore
from crm_desktop.services.registry import CONTACT
from crm_desktop.services.search import reindex_contacts

# The contact's own fields a merge dialog chooses between, one contact per field (by
# column: ``company_id``), in the dialog's order.
MERGE_FIELDS = tuple(f.column for f in CONTACT.mergeable() if f.column is not None)
# Rows that point at a contact; a merge moves all of them, trashed ones included, so
# that restoring one later finds the survivor.
LINKED_TABLES: dict[str, type[Deal] | type[Activity] | type[DealLine] | type[ServiceRequest]] = {
    "deals": Deal,
    "activities": Activity,
    "deal_lines": DealLine,
    "service_requests": ServiceRequest,
}
OWNED_TABLES: dict[str, type[ContactPhone] | type[ContactEmail] | type[ContactTag]] = {
    "contact_phones": ContactPhone,
    "contact_emails": ContactEmail,
    "contact_tags": ContactTag,
}
POSITIONED = ("contact_phones", "contact_emails")
CHUNK = 500  # ids per IN (...), well under SQLite's limit on bound parameters

FieldValue = str | int | dt.date | None
Owned = TypeVar("Owned", ContactPhone, ContactEmail, ContactTag)


@dataclass(frozen=True, slots=True)
class MovedRow:
    """A row the merge pointed at the survivor, and where it pointed before."""

    table: str
    row_id: str
    contact_id: str
    position: int | None = None  # its place among the contact's phones or emails


@dataclass(frozen=True, slots=True)
class MergeResult:
    """Everything a merge changed, as the survivor and the records it took over."""

    survivor_id: str
    merged_ids: tuple[str, ...]
    survivor_before: tuple[tuple[str, FieldValue], ...]  # every name of MERGE_FIELDS
    moved: tuple[MovedRow, ...]
    tombstoned_phone_ids: tuple[str, ...]  # numbers the survivor already had
    tombstoned_email_ids: tuple[str, ...]
    tombstoned_tag_ids: tuple[str, ...]

    @property
    def contact_ids(self) -> tuple[str, ...]:
        """Every contact involved, the survivor first (to refresh or re-index)."""
        return (self.survivor_id, *self.merged_ids)

    def moved_ids(self, table: str) -> tuple[str, ...]:
        return tuple(row.row_id for row in self.moved if row.table == table)


def _live_contacts(session: Session, ids: Sequence[str]) -> dict[str, Contact]:
    found = {c.id: c for c in session.scalars(select(Contact).where(Contact.id.in_(ids)))}
    for contact_id in ids:
        contact = found.get(contact_id)
        if contact is None or contact.deleted_at is not None:
            raise InvalidInput(
                f"مخاطب «{contact_id}» پیدا نشد یا در سطل زباله است و ادغام نمی‌شود.",
                f"cannot merge {contact_id!r}: no such contact, or it is in the trash",
            )
    return found


def _check_fields(fields: Mapping[str, str], involved: Sequence[str]) -> None:
    for name, source_id in fields.items():
        if name not in MERGE_FIELDS:
            raise InvalidInput(
                f"فیلد «{name}» در ادغام انتخاب‌شدنی نیست.",
                f"field {name!r} cannot be chosen in a merge; fields: {', '.join(MERGE_FIELDS)}",
            )
        if source_id not in involved:
            raise InvalidInput(
                f"مقدار «{name}» باید از یکی از مخاطبان ادغام‌شونده باشد.",
                f"the value of {name!r} must come from one of the merged contacts",
            )


def _is_empty(value: FieldValue) -> bool:
    return value is None or value == ""


def _joined_notes(contacts: Sequence[Contact]) -> str | None:
    """The survivor's notes, then each different note of the others after a blank line."""
    parts: list[str] = []
    for contact in contacts:
        note = contact.notes
        if note and note.strip() not in {p.strip() for p in parts}:
            parts.append(note)
    return "\n\n".join(parts) or None


def _choose_fields(
    survivor: Contact,
    others: Sequence[Contact],
    by_id: Mapping[str, Contact],
    fields: Mapping[str, str],
) -> None:
    for name in MERGE_FIELDS:
        value: FieldValue
        if name in fields:
            value = getattr(by_id[fields[name]], name)
        elif name == "notes":
            value = _joined_notes([survivor, *others])
        elif _is_empty(getattr(survivor, name)):
            donors = (getattr(o, name) for o in others if not _is_empty(getattr(o, name)))
            value = next(donors, getattr(survivor, name))
        else:
            continue
        setattr(survivor, name, value)
    if not (survivor.first_name or survivor.last_name):
        raise InvalidInput(
            "مخاطب ادغام‌شده باید نام یا نام خانوادگی داشته باشد.",
            "the merged contact needs a first or last name",
        )
    survivor.sort_key = contact_sort_key(survivor.first_name, survivor.last_name)


def _take_owned(
    session: Session,
    model: type[Owned],
    key: str,
    *,
    survivor_id: str,
    others: Sequence[str],
) -> tuple[list[MovedRow], list[str]]:
    """Move the others' live phones/emails/tags to the survivor; tombstone repeats.

    ``key`` names what makes two rows the same (the number, the address, the tag).
    Moved phones and emails go after the survivor's own, in the others' order.
    """
    table = model.__tablename__
    positioned = table in POSITIONED
    held = session.scalars(
        select(model).where(model.contact_id == survivor_id, model.deleted_at.is_(None))
    ).all()
    seen = {getattr(row, key) for row in held}
    next_position = max((getattr(row, "position", 0) for row in held), default=-1) + 1
    order = {contact_id: i for i, contact_id in enumerate(others)}
    rows = sorted(
        session.scalars(
            select(model).where(model.contact_id.in_(others), model.deleted_at.is_(None))
        ),
        key=lambda r: (order[r.contact_id], getattr(r, "position", 0), r.created_at, r.id),
    )
    moved: list[MovedRow] = []
    tombstoned: list[str] = []
    now = utcnow()
    for row in rows:
        if getattr(row, key) in seen:
            row.deleted_at = now
            tombstoned.append(row.id)
            continue
        seen.add(getattr(row, key))
        position = getattr(row, "position", None) if positioned else None
        moved.append(MovedRow(table, row.id, row.contact_id, position))
        row.contact_id = survivor_id
        if positioned:
            setattr(row, "position", next_position)  # noqa: B010 (tags have no position)
            next_position += 1
    return moved, tombstoned


def merge_contacts(
    db: Database,
    survivor_id: str,
    other_ids: Sequence[str],
    *,
    fields: Mapping[str, str] | None = None,
) -> MergeResult:
    """Merge ``other_ids`` into ``survivor_id`` in one transaction; see the module."""
    others = list(dict.fromkeys(other_ids))
    if not others:
        raise InvalidInput(
            "برای ادغام دست‌کم یک مخاطب دیگر لازم است.",
            "nothing to merge: name at least one other contact",
        )
    if survivor_id in others:
        raise InvalidInput(
            "مخاطب را نمی‌توان با خودش ادغام کرد.", "cannot merge a contact with itself"
        )
    fields = dict(fields or {})
    _check_fields(fields, [survivor_id, *others])
    with db.session() as session:
        mark_operation(session, "merge", ref=survivor_id)
        by_id = _live_contacts(session, [survivor_id, *others])
        survivor = by_id[survivor_id]
        before = tuple((name, getattr(survivor, name)) for name in MERGE_FIELDS)
        _choose_fields(survivor, [by_id[i] for i in others], by_id, fields)
        moved, phones = _take_owned(
            session, ContactPhone, "number", survivor_id=survivor_id, others=others
        )
        moved_emails, emails = _take_owned(
            session,
            ContactEmail,
            "address",
            survivor_id=survivor_id,
            others=others,
        )
        moved_tags, tags = _take_owned(
            session, ContactTag, "tag_id", survivor_id=survivor_id, others=others
        )
        moved += moved_emails + moved_tags
        for table, model in LINKED_TABLES.items():
            for row_id, contact_id in session.execute(
                select(model.id, model.contact_id)
                .where(model.contact_id.in_(others))
                .order_by(model.id)
            ):
                assert contact_id is not None  # selected by it
                moved.append(MovedRow(table, row_id, contact_id))
            session.execute(
                update(model)
                .where(model.contact_id.in_(others))
                .values(contact_id=survivor_id)
                .execution_options(synchronize_session=False)
            )
        now = utcnow()
        for contact_id in others:
            other = by_id[contact_id]
            other.deleted_at, other.merged_into_id = now, survivor_id
        session.flush()
        reindex_contacts(session, [survivor_id, *others])
        rescore(session, [survivor_id])
        return MergeResult(
            survivor_id=survivor_id,
            merged_ids=tuple(others),
            survivor_before=before,
            moved=tuple(moved),
            tombstoned_phone_ids=tuple(phones),
            tombstoned_email_ids=tuple(emails),
            tombstoned_tag_ids=tuple(tags),
        )


def _chunks(ids: Sequence[str]) -> list[Sequence[str]]:
    return [ids[i : i + CHUNK] for i in range(0, len(ids), CHUNK)]
