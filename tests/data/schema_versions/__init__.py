"""Databases of every past schema version (``crm-REVISION.sqlite3``), read by
``tests/test_schema_versions.py`` and built by ``make`` (README.md): what both need
to name the files and to tell the office's tables from the rest."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from crm_desktop.models.database import DERIVED_TABLE_PREFIXES, alembic_config

FOLDER = Path(__file__).resolve().parent


def fixture_name(revision: str) -> str:
    return f"crm-{revision}.sqlite3"


def revisions() -> list[str]:
    """Every migration's revision, oldest first."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return [r.revision for r in reversed(list(script.walk_revisions()))]


def data_tables(conn: sqlite3.Connection, schema: str = "main") -> list[str]:
    """Tables holding the office's rows: not SQLite's, Alembic's or the search indexes'
    (the triggers on ``contact_search`` fill those)."""
    rows = conn.execute(
        f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' ORDER BY name"
    )
    return [
        name
        for (name,) in rows
        if not name.startswith(("sqlite_", *DERIVED_TABLE_PREFIXES)) and name != "alembic_version"
    ]


def columns(conn: sqlite3.Connection, table: str, schema: str = "main") -> list[str]:
    return [row[1] for row in conn.execute(f'PRAGMA {schema}.table_info("{table}")')]
