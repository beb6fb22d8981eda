"""What every page shares: the database, the undo stack and the change signal.

Pages change data only through services; after a change, ``changes.announce`` tells
every open page what kind of record changed (and which ids), so each refreshes just
what it shows of it (style.md, point 2).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from crm_desktop.models.database import Database

# Kinds of records a change can touch.
CONTACTS = "contacts"
COMPANIES = "companies"
SEGMENTS = "segments"
USERS = "users"
SETTINGS = "settings"


@dataclass(frozen=True)
class Change:
    kind: str
    ids: frozenset[str] = field(default_factory=frozenset)  # empty: possibly all of them


class ChangeHub(QObject):
    """One application-wide signal: something of this kind changed."""

    changed = Signal(object)  # a Change

    def announce(self, kind: str, ids: frozenset[str] | set[str] | list[str] = frozenset()) -> None:
        self.changed.emit(Change(kind, frozenset(ids)))


class AppContext:
    """Handed to every page and dialog."""

    def __init__(self, db: Database, *, lang: str = "fa", parent: QObject | None = None) -> None:
        self.db = db
        self.lang = lang
        self.changes = ChangeHub(parent)
        self.undo_stack = QUndoStack(parent)
