"""The companies list: a count, pages of ids, and names for pickers, all done in SQL.

An office may hold tens of thousands of companies, so the list is paged like the
contacts list. The search matches the normalized name inside the stored ``sort_key``:
its first part is ``search_key(name)`` with each letter mapped one to one onto a
private-use code point, so a query word mapped the same way is found there with
``instr`` ("علي" finds "علی", "آ" and "ا" are the same letter) without a new column.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from sqlalchemy import ColumnElement, func, select, tuple_
from sqlalchemy.orm import Session

from crm_desktop.locale import sort_key
from crm_desktop.models import Company
from crm_desktop.models.database import Database
from crm_desktop.services.search import query_words

# SQLite allows 32,766 bound variables per statement (999 before 3.32): stay well below.
IN_CHUNK = 900


def chunks(ids: Sequence[str], size: int = IN_CHUNK) -> Iterator[Sequence[str]]:
    """``ids`` in slices small enough for one ``IN (...)`` each."""
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def _name_key() -> ColumnElement[str]:
    """The search part of ``Company.sort_key`` (before its "\\0" separator)."""
    separator = func.instr(Company.sort_key, func.char(0))
    return func.substr(Company.sort_key, 1, separator - 1)


def company_conditions(search: str | None) -> list[ColumnElement[bool]]:
    """The live companies whose name holds every word of ``search``."""
    conditions: list[ColumnElement[bool]] = [Company.deleted_at.is_(None)]
    name_key = _name_key()
    for word in query_words(search or ""):
        mapped = sort_key(word).partition("\0")[0]
        if mapped:
            conditions.append(func.instr(name_key, mapped) > 0)
    return conditions


def _count(session: Session, search: str | None) -> int:
    stmt = select(func.count()).select_from(Company).where(*company_conditions(search))
    return session.scalar(stmt) or 0


def _page(session: Session, search: str | None, offset: int, limit: int | None) -> list[str]:
    stmt = (
        select(Company.id)
        .where(*company_conditions(search))
        .order_by(Company.sort_key, Company.id)
        .offset(offset)
        .limit(limit)
    )
    return list(session.scalars(stmt))


def count(db: Database, search: str | None = None) -> int:
    """How many live companies match ``search`` (all of them when it is empty)."""
    with db.session() as session:
        return _count(session, search)


def page(
    db: Database, search: str | None = None, *, offset: int = 0, limit: int | None = None
) -> list[str]:
    """Ids of one page of live companies matching ``search``, in Persian name order."""
    with db.session() as session:
        return _page(session, search, offset, limit)


def count_and_first_page(db: Database, search: str | None, *, limit: int) -> tuple[int, list[str]]:
    """How many match and the first ``limit`` of them, in one transaction."""
    with db.session() as session:
        return _count(session, search), _page(session, search, 0, limit)


def position(db: Database, search: str | None, company_id: str) -> int:
    """The row of ``company_id`` in the list for ``search``, or -1 when it is not there."""
    with db.session() as session:
        key = session.scalar(
            select(Company.sort_key).where(Company.id == company_id, *company_conditions(search))
        )
        if key is None:
            return -1
        before = tuple_(Company.sort_key, Company.id) < tuple_(key, company_id)
        stmt = select(func.count()).select_from(Company).where(*company_conditions(search), before)
        return session.scalar(stmt) or 0


def company_names(db: Database) -> list[tuple[str, str]]:
    """(id, name) of every live company in Persian name order: what pickers offer."""
    stmt = (
        select(Company.id, Company.name)
        .where(Company.deleted_at.is_(None))
        .order_by(Company.sort_key, Company.id)
    )
    with db.session() as session:
        return [(company_id, name) for company_id, name in session.execute(stmt)]
