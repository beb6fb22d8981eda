"""New contacts as rows: the contact, its phones, emails and tags, and its search row.

Shared by the contacts import and the deals import (which creates the people a deal
names). Rows go through a ``Writer``, the children of a contact as tuples (``Shape``:
an import makes hundreds of thousands of them); the search rows of a big import are
indexed in one statement per index at the end.
"""

from __future__ import annotations

import functools
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from crm_desktop.locale import is_mobile
from crm_desktop.models import Base
from crm_desktop.services.contacts import contact_sort_key
from crm_desktop.services.importer.common import Writer
from crm_desktop.services.lead_score import opening_score
from crm_desktop.services.rows import Shape, insert_values, plain_default, stored_value
from crm_desktop.services.search import bulk_search_rows, search_body

# The stamps every new row gets (its ``created_by`` is the connection's user).
STAMP = ("created_at", "updated_at", "deleted_at", "updated_by")
# Every date of these rows is given as stored text (``stamp_values``, ``_DATED``).
PHONE_ROW = Shape(
    "contact_phones", ("id", "contact_id", "number", "kind", "position", *STAMP), stored=True
)
EMAIL_ROW = Shape(
    "contact_emails", ("id", "contact_id", "address", "position", *STAMP), stored=True
)
TAG_ROW = Shape("contact_tags", ("id", "contact_id", "tag_id", *STAMP), stored=True)
# A search row: contact id, sort key, body.
SEARCH_ROW = Shape("contact_search", ("contact_id", "sort_key", "body"))
# A contact: its id, the columns an import fills (each with its model's default when a
# row leaves it out), its sort key and score, the stamps.
_CONTACTS = Base.metadata.tables["contacts"]
_FILLED = tuple(
    (column.name, plain_default(column))
    for column in _CONTACTS.columns
    if column.name not in ("id", "sort_key", "lead_score", "created_by", *STAMP)
)
CONTACT_ROW = Shape(
    "contacts",
    ("id", *(name for name, _ in _FILLED), "sort_key", "lead_score", *STAMP),
    stored=True,
)
# The filled columns that hold dates (a birth date), made stored text by ``insert_contact``.
_DATED = Shape("contacts", [name for name, _ in _FILLED]).dated


@dataclass(slots=True)
class NewContact:
    """A contact as this import sees it: existing (loaded) or new (to be inserted)."""

    id: str
    values: dict[str, Any]
    phones: list[str]
    emails: list[str]
    tags: set[str]
    new: bool
    written: bool = False  # new, and handed to the writer (later rows update it)
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


def stamp_values(stamp: dict[str, Any]) -> tuple[Any, ...]:
    """The values of ``STAMP`` in ``stamp``, as stored."""
    created, updated, deleted, by = STAMP
    return _stored(stamp[created]), _stored(stamp[updated]), _stored(stamp[deleted]), stamp[by]


@functools.lru_cache(maxsize=64)  # the one stamp of an import, asked once per contact
def _stored(value: Any) -> Any:
    return stored_value(value)


def insert_contact(
    writer: Writer,
    contact: NewContact,
    *,
    stamp: dict[str, Any],
    search_rows: list[tuple[str, str, str]],
    company_names: dict[str, str],
    warm: Collection[str] = frozenset(),
) -> None:
    """Queue a new contact with its phones, emails, tags and search row (a
    ``SEARCH_ROW``, for ``index_new_contacts``)."""
    values = contact.values
    contact_id = contact.id
    key = contact_sort_key(values["first_name"], values["last_name"])
    stamped = stamp_values(stamp)
    get = values.get
    filled = [get(name, default) for name, default in _FILLED]
    for i in _DATED:
        if filled[i] is not None:
            filled[i] = stored_value(filled[i])
    score = opening_score(
        get("lead_source_id"), warm, phone=bool(contact.phones), email=bool(contact.emails)
    )
    writer.add_values(CONTACT_ROW, (contact_id, *filled, key, score, *stamped))
    new_id = writer.new_id
    for position, number in enumerate(contact.phones):
        kind = contact.kinds.get(number) or ("mobile" if is_mobile(number) else "work")
        writer.add_values(PHONE_ROW, (new_id(), contact_id, number, kind, position, *stamped))
    for position, address in enumerate(contact.emails):
        writer.add_values(EMAIL_ROW, (new_id(), contact_id, address, position, *stamped))
    for tag_id in sorted(contact.tags):
        writer.add_values(TAG_ROW, (new_id(), contact_id, tag_id, *stamped))
    company_id = values.get("company_id")
    body = search_body(
        values["first_name"],
        values["last_name"],
        company=company_names.get(company_id) if company_id else None,
        job_title=values.get("job_title"),
        city=values.get("city"),
        phones=contact.phones,
        emails=contact.emails,
    )
    search_rows.append((contact_id, key, body))


def index_new_contacts(session: Session, rows: list[tuple[str, str, str]]) -> None:
    """Search rows of new contacts (a big import's in one statement per index)."""
    if not rows:
        return
    with bulk_search_rows(session, len(rows)):
        insert_values(session.connection(), SEARCH_ROW, rows)
