"""Pausing the contact search index while the demo writes, and rebuilding it after.

The search index is fed by a trigger on contact_search (see migration 0001). Indexing
100,000 rows one trigger call at a time takes about five times longer than one
'rebuild' at the end, so the demo pauses the insert trigger inside its transaction.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

from crm_desktop.services.search import rebuild_search_indexes

SEARCH_INSERT_TRIGGER = "contact_search_ai"


def pause_trigger(session: Session, name: str) -> str | None:
    """Drop a trigger for the rest of this transaction; returns its SQL to restore it."""
    sql: str | None = session.scalar(
        text("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = :name"),
        {"name": name},
    )
    if sql is not None:
        session.execute(text(f'DROP TRIGGER "{name}"'))
    return sql


def rebuild_index(session: Session, trigger_sql: str | None) -> None:
    """Index every row at once, then put the paused trigger back (if there was one)."""
    if trigger_sql is None:
        return
    rebuild_search_indexes(session)
    session.execute(text(trigger_sql))
