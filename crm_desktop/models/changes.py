"""The change log: every change of every synced row, written by SQLite triggers.

``change_log`` holds one entry per row change: the table and row, the record whose
history it belongs to (a contact's phone belongs to the contact), the action and, as
JSON, the fields: ``{field: [old, new]}`` for an update, the old values for a delete;
an insert names the row only (its values are the row's, and every later change keeps
the value it replaced, so the first values can always be worked back).

The log is append-only (a trigger refuses to change or delete an entry), so its
sequence never gives a number twice (sync.md: the outbox's ids); the sync outbox is the
entries after the last one the server acknowledged, a cursor, not deleted rows. A plain
integer key, not ``AUTOINCREMENT``: that would cost every logged row a write to
``sqlite_sequence`` (about a tenth of a big import).

``operations`` holds one row per transaction that changed something: who, on which
laptop (site), when, its hybrid logical clock, and what it was (an edit, an import, an
undo of another operation...). History, undo and the sync outbox are queries over
these two tables (``models.capture`` writes them; nothing else does).
"""

from __future__ import annotations

from sqlalchemy import Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from crm_desktop.models.base import Base


class Operation(Base):
    __tablename__ = "operations"
    __table_args__ = (Index("ix_operations_undoes", "undoes"), {"info": {"local": True}})

    op_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    at: Mapped[str] = mapped_column(String(32))  # ISO UTC, microseconds
    hlc: Mapped[str] = mapped_column(String(40), index=True)
    site_id: Mapped[str] = mapped_column(String(36))
    user_id: Mapped[str | None] = mapped_column(String(36))
    kind: Mapped[str] = mapped_column(String(20), default="edit")
    # What the operation was about: an import's id, the survivor of a merge...
    ref: Mapped[str | None] = mapped_column(String(36), index=True)
    label: Mapped[str | None] = mapped_column(Text)
    # Set on an undo (or redo): the operation it takes back (or puts back).
    undoes: Mapped[str | None] = mapped_column(String(36))


class ChangeEntry(Base):
    __tablename__ = "change_log"
    __table_args__ = (
        Index("ix_change_log_record", "record_id", "seq"),
        Index("ix_change_log_op", "op_id"),
        {"info": {"local": True}},
    )

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    op_id: Mapped[str] = mapped_column(String(36))
    table_name: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(String(36))
    record_id: Mapped[str] = mapped_column(String(36))
    action: Mapped[str] = mapped_column(String(10))  # insert, update, delete
    changes: Mapped[str] = mapped_column(Text, default="{}")
