"""New contacts as rows: the contact, its phones, emails and tags, and its search row.

Shared by the contacts import and the deals import (which creates the people a deal
names). Rows go through a ``Writer``; the search rows of a big import are indexed in
one statement per index at the end.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from crm_desktop.locale import is_mobile
from crm_desktop.models import ContactSearch, new_id
from crm_desktop.services.contacts import contact_sort_key
from crm_desktop.services.importer.common import Writer
from crm_desktop.services.search import bulk_search_rows, search_body


@dataclass(slots=True)
class NewContact:
    """A contact as this import sees it: existing (loaded) or new (to be inserted)."""

    id: str
    values: dict[str, Any]
    phones: list[str]
    emails: list[str]
    tags: set[str]
    new: bool
    changed: bool = False
    first_row: int = 0
    filled: list[str] = field(default_factory=list)
    kinds: dict[str, str] = field(default_factory=dict)  # phone -> mobile, work, home...
    # What the contact had before this import (existing contacts only).
    had: tuple[frozenset[str], frozenset[str], frozenset[str]] = (
        frozenset(),
        frozenset(),
        frozenset(),
    )


def insert_contact(
    writer: Writer,
    contact: NewContact,
    *,
    stamp: dict[str, Any],
    search_rows: list[dict[str, Any]],
    company_names: dict[str, str],
) -> None:
    """Queue a new contact with its phones, emails, tags and search row."""
    values = contact.values
    key = contact_sort_key(values["first_name"], values["last_name"])
    writer.add(
        "contacts",
        {"id": contact.id, **values, "sort_key": key, "lead_score": 0, **stamp},
    )
    for position, number in enumerate(contact.phones):
        kind = contact.kinds.get(number) or ("mobile" if is_mobile(number) else "work")
        writer.add(
            "contact_phones",
            {
                "id": new_id(),
                "contact_id": contact.id,
                "number": number,
                "kind": kind,
                "position": position,
                **stamp,
            },
        )
    for position, address in enumerate(contact.emails):
        writer.add(
            "contact_emails",
            {
                "id": new_id(),
                "contact_id": contact.id,
                "address": address,
                "position": position,
                **stamp,
            },
        )
    for tag_id in sorted(contact.tags):
        writer.add(
            "contact_tags",
            {"id": new_id(), "contact_id": contact.id, "tag_id": tag_id, **stamp},
        )
    company_id = values.get("company_id")
    search_rows.append(
        {
            "contact_id": contact.id,
            "sort_key": key,
            "body": search_body(
                values["first_name"],
                values["last_name"],
                company=company_names.get(company_id) if company_id else None,
                job_title=values.get("job_title"),
                city=values.get("city"),
                phones=contact.phones,
                emails=contact.emails,
            ),
        }
    )


def index_new_contacts(session: Session, rows: list[dict[str, Any]]) -> None:
    """Search rows of new contacts (a big import's in one statement per index)."""
    if not rows:
        return
    with bulk_search_rows(session, len(rows)):
        session.execute(
            insert(ContactSearch),
            [{k: r[k] for k in ("contact_id", "sort_key", "body")} for r in rows],
        )
