"""The window's global search (Ctrl+K): contacts, companies and deals at once.

It runs on every pause in typing, so no kind may scan its whole table in Python.
Contacts and companies are searched in SQL by their own services. Deals have no
stored search key: SQLite first narrows them to those whose title or company may
contain the query's longest word (a ``LIKE`` that can only over-match), then Python
checks every word exactly on those candidates, newest first, until the limit.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import InstrumentedAttribute

from crm_desktop.locale import search_key, sort_key, to_ascii_digits
from crm_desktop.locale.text import ZWNJ
from crm_desktop.models import Company, Deal, Stage
from crm_desktop.models.database import Database
from crm_desktop.services import contacts
from crm_desktop.services.companies import list_companies
from crm_desktop.services.records import CompanyRecord, ContactRecord
from crm_desktop.services.search import query_words

SQLColumn = ColumnElement[str] | InstrumentedAttribute[str]
LIKE_ESCAPE = "\\"
# Query letters whose stored spelling may be another letter (آ for ا, ؤ for و, ئ for
# ی, ۀ or ة for ه): in a ``LIKE`` over stored text they match any one character.
_FOLDED_LETTERS = frozenset("اویه")
_PERSIAN_LETTERS = frozenset("اآبپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی")


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
    found = list_companies(db, text, limit=limit)  # narrowed in SQL (company_list)
    return SearchResults(people, found, _deals(db, text, limit))


def _escaped(text: str) -> str:
    return "".join(LIKE_ESCAPE + c if c in "%_" + LIKE_ESCAPE else c for c in text)


def _anchor_word(text: str) -> str | None:
    """The longest query word: every deal found contains it (the check in Python
    asks for every word), so a ``LIKE`` on it narrows without losing one.

    Words are cut as ``query_words`` cuts them, so "«قرارداد»،" narrows by
    "قرارداد" instead of scanning every deal.
    """
    words = query_words(text)
    return max(words, key=len) if words else None


def _sort_key_like(column: SQLColumn, word: str) -> ColumnElement[bool]:
    """``column`` (a stored ``sort_key``) may contain ``word`` (a search key word)."""
    primary = sort_key(word).split("\0", 1)[0]
    return column.like(f"%{_escaped(primary)}%", escape=LIKE_ESCAPE)


def _stored_like(column: SQLColumn, word: str) -> ColumnElement[bool]:
    """Stored (``normalize_text``) ``column`` may fold to a text containing ``word``."""
    pattern = []
    for c in word:
        plain = c.isascii() or (c in _PERSIAN_LETTERS and c not in _FOLDED_LETTERS)
        pattern.append(_escaped(c) if plain else "_")
    stored = func.replace(column, ZWNJ, "")  # search keys drop ZWNJ
    return stored.like(f"%{''.join(pattern)}%", escape=LIKE_ESCAPE)


def _deals(db: Database, text: str, limit: int) -> list[DealHit]:
    words = query_words(text)
    anchor = _anchor_word(text)
    stmt = (
        select(Deal.id, Deal.title, Company.name, Stage.name, Deal.amount)
        .join(Stage, Stage.id == Deal.stage_id)
        .outerjoin(Company, Company.id == Deal.company_id)
        .where(Deal.deleted_at.is_(None))
    )
    if anchor is not None:
        stmt = stmt.where(
            or_(
                _stored_like(Deal.title, anchor),
                Deal.company_id.in_(
                    select(Company.id).where(_sort_key_like(Company.sort_key, anchor))
                ),
            )
        )
    stmt = stmt.order_by(Deal.updated_at.desc())
    hits: list[DealHit] = []
    with db.session() as session:
        for deal_id, title, company, stage, amount in session.execute(stmt):
            key = search_key(to_ascii_digits(f"{title} {company or ''}"))
            if all(word in key for word in words):
                hits.append(DealHit(deal_id, title, company, stage, amount))
                if len(hits) >= limit:
                    break
    return hits
