"""Normalized contact search over the ``contact_fts`` trigram index.

Each contact has one row in ``contact_search`` holding the search key of its name,
company, job title, city, emails and phones (E.164 digits and the national form, so
that "۰۹۱۲" finds "+98912..."). Query words of three characters or more go through the
FTS5 index; shorter ones are matched with LIKE on the rows the longer ones found.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from sqlalchemy import Select, and_, select, text
from sqlalchemy.orm import Session

from crm_desktop.locale import national_digits, search_key, to_ascii_digits
from crm_desktop.models import Company, Contact, ContactEmail, ContactPhone, ContactSearch

_PHONE_LIKE = re.compile(r"^[+\d][\d\-().]*$")
TRIGRAM = 3


def search_body(
    first_name: str,
    last_name: str,
    *,
    company: str | None,
    job_title: str | None,
    city: str | None,
    phones: Iterable[str],
    emails: Iterable[str],
) -> str:
    parts = [first_name, last_name, company or "", job_title or "", city or ""]
    for phone in phones:
        parts.extend((phone.lstrip("+"), national_digits(phone)))
    parts.extend(emails)
    return " ".join(search_key(p) for p in parts if p)


def query_words(query: str) -> list[str]:
    """Search key words of a query; phone-like words lose their punctuation."""
    words = []
    for raw in search_key(to_ascii_digits(query)).split():
        word = re.sub(r"\D", "", raw) if _PHONE_LIKE.match(raw) else raw
        if word:
            words.append(word)
    return words


def _fts_phrase(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def _like_pattern(word: str) -> str:
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def matching_contacts(query: str) -> Select[str] | None:
    """A select of ids of live contacts matching every word, or None for an empty query."""
    words = query_words(query)
    if not words:
        return None
    long_words = [w for w in words if len(w) >= TRIGRAM]
    short_words = [w for w in words if len(w) < TRIGRAM]
    stmt = select(ContactSearch.contact_id)
    if long_words:
        match = " AND ".join(_fts_phrase(w) for w in long_words)
        stmt = stmt.where(
            ContactSearch.doc_id.in_(
                select(text("rowid"))
                .select_from(text("contact_fts"))
                .where(text("contact_fts MATCH :match").bindparams(match=match))
            )
        )
    for word in short_words:
        stmt = stmt.where(ContactSearch.body.like(_like_pattern(word), escape="\\"))
    return stmt


def reindex_contacts(session: Session, contact_ids: Iterable[str]) -> None:
    """Rewrite the search rows of these contacts from their current data."""
    ids = list(dict.fromkeys(contact_ids))
    if not ids:
        return
    rows = session.execute(
        select(
            Contact.id,
            Contact.first_name,
            Contact.last_name,
            Company.name,
            Contact.job_title,
            Contact.city,
        )
        .outerjoin(Company, and_(Company.id == Contact.company_id, Company.deleted_at.is_(None)))
        .where(Contact.id.in_(ids))
    ).all()
    phones: dict[str, list[str]] = {}
    for contact_id, number in session.execute(
        select(ContactPhone.contact_id, ContactPhone.number).where(
            ContactPhone.contact_id.in_(ids), ContactPhone.deleted_at.is_(None)
        )
    ):
        phones.setdefault(contact_id, []).append(number)
    emails: dict[str, list[str]] = {}
    for contact_id, address in session.execute(
        select(ContactEmail.contact_id, ContactEmail.address).where(
            ContactEmail.contact_id.in_(ids), ContactEmail.deleted_at.is_(None)
        )
    ):
        emails.setdefault(contact_id, []).append(address)
    existing = dict(
        session.execute(
            select(ContactSearch.contact_id, ContactSearch.doc_id).where(
                ContactSearch.contact_id.in_(ids)
            )
        ).all()
    )
    for contact_id, first, last, company, job, city in rows:
        body = search_body(
            first,
            last,
            company=company,
            job_title=job,
            city=city,
            phones=phones.get(contact_id, ()),
            emails=emails.get(contact_id, ()),
        )
        doc_id = existing.get(contact_id)
        if doc_id is None:
            session.add(ContactSearch(contact_id=contact_id, body=body))
        else:
            session.merge(ContactSearch(doc_id=doc_id, contact_id=contact_id, body=body))
    session.flush()
