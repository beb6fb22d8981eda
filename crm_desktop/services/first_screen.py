"""The first screen of contacts, read before the rest of the application is loaded.

Opening the window costs about a second, a third of it importing SQLAlchemy and the
model declarations. The first thing a user sees, the first rows of the contacts list,
needs none of that: one read-only query through the standard ``sqlite3`` module
(a few milliseconds) answers it, and the window paints those rows while the rest loads.

Only a file that is surely ours and up to date is read this way: a file at another
schema revision (one that needs a migration, or from a newer version of the app), or
one that is not ours, returns None, and the window takes the normal path, which checks,
upgrades or refuses it and says why. This module imports neither SQLAlchemy nor Qt.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from crm_desktop.services.records import ContactRecord

# ``models.database.SCHEMA_REVISION``, which imports SQLAlchemy; a test checks the two
# agree. Another revision is the normal path's to handle.
SCHEMA_REVISION = "0008"
FIRST_ROWS = 100
SQLITE_MAGIC = b"SQLite format 3\x00"
OFFICE_NAME_KEY = "office_name"  # ``services.office``


@dataclass(frozen=True)
class FirstScreen:
    """The first rows of the contacts list in its default order, and the list's size."""

    total: int
    records: list[ContactRecord]
    office_name: str | None


def read_first_screen(path: Path, limit: int = FIRST_ROWS) -> FirstScreen | None:
    """The first ``limit`` live contacts in list order (``contact_list``'s default sort:
    the search rows' sort key, then the id), read-only; None when the file is not one
    to show without the normal checks (missing, not ours, not at ``SCHEMA_REVISION``,
    or any failure to read it)."""
    try:
        with path.open("rb") as f:
            if f.read(len(SQLITE_MAGIC)) != SQLITE_MAGIC:
                return None
    except OSError:
        return None
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        connection.execute("PRAGMA query_only=ON")
        with connection:  # one read transaction: the rows and the total agree
            connection.execute("BEGIN")
            if _revision(connection) != SCHEMA_REVISION:
                return None
            return _read(connection, limit)
    except sqlite3.Error:
        return None
    finally:
        connection.close()


def _revision(connection: sqlite3.Connection) -> str | None:
    has_table = connection.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
    ).fetchone()
    if not has_table:
        return None
    row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    return None if row is None else str(row[0])


_CONTACTS = """
SELECT c.id, c.first_name, c.last_name, c.company_id, co.name, c.job_title, c.address,
       c.city, c.province, c.birth_date, c.preferred_channel, c.lead_source_id, ls.name,
       c.campaign_id, ca.name, c.owner_id, u.name, c.lifecycle, c.lead_score, c.notes,
       c.created_at, c.updated_at, c.deleted_at
FROM (SELECT contact_id, sort_key FROM contact_search ORDER BY sort_key, contact_id
      LIMIT :limit) AS page
JOIN contacts AS c ON c.id = page.contact_id
LEFT JOIN companies AS co ON co.id = c.company_id
LEFT JOIN lead_sources AS ls ON ls.id = c.lead_source_id
LEFT JOIN campaigns AS ca ON ca.id = c.campaign_id
LEFT JOIN users AS u ON u.id = c.owner_id
ORDER BY page.sort_key, page.contact_id
"""
_PHONES = """
SELECT contact_id, number FROM contact_phones
WHERE contact_id IN (SELECT value FROM json_each(:ids)) AND deleted_at IS NULL
ORDER BY position, created_at
"""
_EMAILS = """
SELECT contact_id, address FROM contact_emails
WHERE contact_id IN (SELECT value FROM json_each(:ids)) AND deleted_at IS NULL
ORDER BY position, created_at
"""
_TAGS = """
SELECT ct.contact_id, t.name FROM contact_tags AS ct
JOIN tags AS t ON t.id = ct.tag_id AND t.deleted_at IS NULL
WHERE ct.contact_id IN (SELECT value FROM json_each(:ids)) AND ct.deleted_at IS NULL
ORDER BY t.name
"""


def _read(connection: sqlite3.Connection, limit: int) -> FirstScreen:
    import json

    rows = connection.execute(_CONTACTS, {"limit": limit}).fetchall()
    ids = json.dumps([row[0] for row in rows])
    parts: list[dict[str, list[str]]] = []
    for statement in (_PHONES, _EMAILS, _TAGS):
        values: dict[str, list[str]] = {}
        for contact_id, value in connection.execute(statement, {"ids": ids}):
            values.setdefault(contact_id, []).append(value)
        parts.append(values)
    phones, emails, tags = parts
    total = connection.execute("SELECT count(*) FROM contact_search").fetchone()[0]
    office = connection.execute(
        "SELECT value FROM local_settings WHERE key = ?", (OFFICE_NAME_KEY,)
    ).fetchone()
    records = [
        ContactRecord(
            id=row[0],
            first_name=row[1],
            last_name=row[2],
            company_id=row[3],
            company=row[4],
            job_title=row[5],
            phones=tuple(phones.get(row[0], ())),
            emails=tuple(emails.get(row[0], ())),
            address=row[6],
            city=row[7],
            province=row[8],
            birth_date=dt.date.fromisoformat(row[9]) if row[9] else None,
            preferred_channel=row[10],
            lead_source_id=row[11],
            lead_source=row[12],
            campaign_id=row[13],
            campaign=row[14],
            owner_id=row[15],
            owner=row[16],
            lifecycle=row[17],
            lead_score=row[18],
            tags=tuple(tags.get(row[0], ())),
            notes=row[19],
            created_at=dt.datetime.fromisoformat(row[20]),
            updated_at=dt.datetime.fromisoformat(row[21]),
            deleted_at=dt.datetime.fromisoformat(row[22]) if row[22] else None,
        )
        for row in rows
    ]
    return FirstScreen(total, records, office[0] if office and office[0] else None)
