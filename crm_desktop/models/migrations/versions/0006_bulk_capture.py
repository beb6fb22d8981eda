"""bulk writing: an insert's operation, and the search index, from SQL

While a big import writes from a second thread (``models.capture.bulk_capture``, the
``local_settings`` row ``bulk_op``), no trigger may call back into Python for every
row. So the capture triggers of inserts take their operation's id from that row when it
is there, and from ``crm_op()`` otherwise (they are made again after this step, as
after every step: ``env.py``); and the search index's triggers leave the rows inserted
meanwhile to the writer, which indexes them a batch at a time. No table or value
changes.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04 18:00:00
"""

from __future__ import annotations

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

SEARCH_INDEXES = ("contact_fts", "contact_words")
_BULK = "EXISTS (SELECT 1 FROM local_settings WHERE key = 'bulk_op')"


def _search_triggers(when: str) -> list[str]:
    insert = "".join(
        f"INSERT INTO {index}(rowid, body) VALUES (new.doc_id, new.body); "
        for index in SEARCH_INDEXES
    )
    delete = "".join(
        f"INSERT INTO {index}({index}, rowid, body) VALUES ('delete', old.doc_id, old.body); "
        for index in SEARCH_INDEXES
    )
    return [
        f"CREATE TRIGGER contact_search_ai AFTER INSERT ON contact_search {when} BEGIN {insert}END",
        "CREATE TRIGGER contact_search_au AFTER UPDATE OF body ON contact_search "
        f"{when} BEGIN {delete}{insert}END",
    ]


def _replace(when: str) -> None:
    for trigger in ("contact_search_ai", "contact_search_au"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    for statement in _search_triggers(when):
        op.execute(statement)


def upgrade() -> None:
    # NOT EXISTS first: SQLite stops at it, so a bulk writer's rows call no function.
    _replace(f"WHEN NOT {_BULK} AND crm_indexing()")


def downgrade() -> None:
    _replace("WHEN crm_indexing()")
