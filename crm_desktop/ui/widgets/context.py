"""What every page shares: the database, the undo stack and the change signal.

Pages change data only through services; after a change, ``changes.announce`` tells
every open page what kind of record changed (and which ids), so each refreshes just
what it shows of it (style.md, point 2).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from crm_desktop.models.database import Database
from crm_desktop.services.office import weekend_days
from crm_desktop.services.operations import OpChanges

# Kinds of records a change can touch.
CONTACTS = "contacts"
COMPANIES = "companies"
SEGMENTS = "segments"
USERS = "users"
SETTINGS = "settings"


@dataclass(frozen=True)
class Notice:
    """What a step just did, said once in the status bar with a way to undo it."""

    text: str
    step: object | None = None  # the QUndoCommand that Undo would take back


@dataclass(frozen=True)
class Change:
    kind: str
    ids: frozenset[str] = field(default_factory=frozenset)  # empty: possibly all of them


class ChangeHub(QObject):
    """One application-wide signal: something of this kind changed."""

    changed = Signal(object)  # a Change
    busy = Signal(bool)  # long work (a large bulk change, its undo) started / all ended
    noticed = Signal(object)  # a Notice: what was just done, for the status bar

    def announce(self, kind: str, ids: frozenset[str] | set[str] | list[str] = frozenset()) -> None:
        self.changed.emit(Change(kind, frozenset(ids)))

    def announce_changes(self, changes: OpChanges) -> None:
        """Tell every page what an operation touched, kind by kind (from the log)."""
        for kind, ids in changes.touched.items():
            self.changed.emit(Change(kind, ids))

    def notify(self, text: str, step: object | None = None) -> None:
        self.noticed.emit(Notice(text, step))


class PageHost(Protocol):
    """What a page's ``build_page`` may use of the main window."""

    ctx: AppContext

    def open_contact(self, contact_id: str) -> object: ...
    def new_contact(self) -> object: ...
    def open_company(self, company_id: str) -> object: ...
    def new_company(self) -> object: ...
    def open_deal(self, deal_id: str) -> object: ...


class AppContext:
    """Handed to every page and dialog."""

    def __init__(self, db: Database, *, lang: str = "fa", parent: QObject | None = None) -> None:
        self.db = db
        self.lang = lang
        self.changes = ChangeHub(parent)
        self.undo_stack = QUndoStack(parent)
        self._work: set[object] = set()  # jobs under way; also keeps them alive
        self._apply_office_settings()
        self.changes.changed.connect(self._on_change)

    def _on_change(self, change: Change) -> None:
        if change.kind == SETTINGS:
            self._apply_office_settings()

    def _apply_office_settings(self) -> None:
        from crm_desktop.ui.widgets.jalali_date_edit import set_office_weekend

        set_office_weekend(weekend_days(self.db))

    @property
    def busy(self) -> bool:
        return bool(self._work)

    def work_started(self, job: object) -> None:
        self._work.add(job)
        if len(self._work) == 1:
            self.changes.busy.emit(True)

    def work_finished(self, job: object) -> None:
        self._work.discard(job)
        if not self._work:
            self.changes.busy.emit(False)
