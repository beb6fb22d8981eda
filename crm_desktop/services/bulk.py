"""Changes to many contacts at once, each returning what it changed.

Each is one operation of the change log, undone by its id (``services.undo``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from crm_desktop.errors import InvalidInput
from crm_desktop.models import Contact, ContactTag, User, utcnow
from crm_desktop.models.database import Database
from crm_desktop.services import lookups
from crm_desktop.services.fields import parse_lifecycle
from crm_desktop.services.registry import CONTACT

# Fields a bulk action may set (by column), and how a value is checked.
BULK_FIELDS = tuple(f.column for f in CONTACT.flagged("bulk") if f.column is not None)


@dataclass(frozen=True)
class FieldChange:
    """A field set on many contacts, and its previous value on each."""

    field: str
    value: str | None
    previous: Mapping[str, str | None]


@dataclass(frozen=True)
class TagChange:
    """Tag links added (or tombstoned) by a bulk action."""

    tag_id: str
    tag_name: str
    added: tuple[str, ...] = ()  # ids of new contact_tags rows
    removed: tuple[str, ...] = ()  # ids of contact_tags rows tombstoned


CHUNK = 500  # ids per statement: SQLite caps the number of bound parameters


def chunks(ids: Sequence[str]) -> list[Sequence[str]]:
    return [ids[i : i + CHUNK] for i in range(0, len(ids), CHUNK)]


def _live(session: Session, contact_ids: Sequence[str]) -> list[str]:
    return [
        cid
        for part in chunks(contact_ids)
        for cid in session.scalars(
            select(Contact.id).where(Contact.id.in_(part), Contact.deleted_at.is_(None))
        )
    ]


def _check(session: Session, field: str, value: str | None) -> str | None:
    if field not in BULK_FIELDS:
        raise ValueError(f"{field!r} is not a bulk field")
    if field == "lifecycle":
        if value is None:
            raise InvalidInput("وضعیت نمی‌تواند خالی باشد.", "lifecycle cannot be empty")
        return parse_lifecycle(value)
    if value is not None and session.get(User, value) is None:
        raise InvalidInput("این کاربر وجود ندارد.", f"no user with id {value!r}")
    return value


def set_field(
    db: Database, contact_ids: Sequence[str], field: str, value: str | None
) -> FieldChange:
    """Set one field (owner, lifecycle) on every live contact among ``contact_ids``."""
    with db.session() as session:
        value = _check(session, field, value)
        ids = _live(session, contact_ids)
        column = getattr(Contact, field)
        previous: dict[str, str | None] = {}
        for part in chunks(ids):
            rows = session.execute(select(Contact.id, column).where(Contact.id.in_(part)))
            previous.update((cid, old) for cid, old in rows)
            stmt = update(Contact).where(Contact.id.in_(part)).values({field: value})
            session.execute(stmt)
        return FieldChange(field, value, previous)


def add_tag(db: Database, contact_ids: Sequence[str], tag_name: str) -> TagChange:
    """Tag every live contact among ``contact_ids`` (creating the tag if it is new)."""
    with db.session() as session:
        tag = lookups.find_or_create_tag(session, tag_name)
        ids = _live(session, contact_ids)
        tagged = {
            cid
            for part in chunks(ids)
            for cid in session.scalars(
                select(ContactTag.contact_id).where(
                    ContactTag.tag_id == tag.id,
                    ContactTag.contact_id.in_(part),
                    ContactTag.deleted_at.is_(None),
                )
            )
        }
        links = [ContactTag(contact_id=c, tag_id=tag.id) for c in ids if c not in tagged]
        session.add_all(links)
        session.flush()
        return TagChange(tag.id, tag.name, added=tuple(link.id for link in links))


def remove_tag(db: Database, contact_ids: Sequence[str], tag_id: str) -> TagChange:
    with db.session() as session:
        links = [
            link
            for part in chunks(contact_ids)
            for link in session.scalars(
                select(ContactTag).where(
                    ContactTag.tag_id == tag_id,
                    ContactTag.contact_id.in_(part),
                    ContactTag.deleted_at.is_(None),
                )
            )
        ]
        now = utcnow()
        for link in links:
            link.deleted_at = now
        name = lookups.tag_name(session, tag_id)
        return TagChange(tag_id, name, removed=tuple(link.id for link in links))
