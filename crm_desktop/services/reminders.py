"""Reminders inside the app: which of a rep's work falls due, and when to say so.

``Reminders`` is the clock-driven part without a clock of its own: the window asks
``check(now)`` every half minute and shows what it returns. It hands out each activity
once, when its due time passes (work due earlier today that was never reminded comes
at the first check, so a laptop opened at 10:00 still hears of the 9:00 call); a
snoozed one comes back when its snooze ends, unless it was done meanwhile. It reads the
database on each check (an index range on ``due_at``), so work added, moved or done on
another window or laptop is reminded as it stands; work whose due time moves is
reminded again at its new time.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from crm_desktop.models import Activity
from crm_desktop.models.database import Database
from crm_desktop.services.activity_list import list_activities_by_ids
from crm_desktop.services.office import office_day, office_time
from crm_desktop.services.records import ActivityRecord


class Reminders:
    def __init__(self, db: Database, owner_id: str | None) -> None:
        self.db = db
        self.owner_id = owner_id
        self._checked: dt.datetime | None = None  # the last check's time
        # Reminded (with the due time it had then: moved later, it is reminded again).
        self._told: set[tuple[str, dt.datetime | None]] = set()
        self._snoozed: dict[str, dt.datetime] = {}  # id -> when to remind again

    def check(self, now: dt.datetime) -> list[ActivityRecord]:
        """The work to remind now, soonest due first (each activity once)."""
        if self.owner_id is None:
            return []  # nobody at the keyboard yet: nobody's work to remind
        since = self._checked if self._checked is not None else office_time(office_day(now))
        self._checked = now
        with self.db.session() as session:
            stmt = select(Activity.id, Activity.due_at).where(
                Activity.owner_id == self.owner_id,
                Activity.deleted_at.is_(None),
                Activity.done_at.is_(None),
                Activity.due_at > since - dt.timedelta(seconds=1),
                Activity.due_at <= now,
            )
            due = [i for i, at in session.execute(stmt) if (i, at) not in self._told]
        woken = [i for i, until in self._snoozed.items() if until <= now]
        for activity_id in woken:
            del self._snoozed[activity_id]
        ids = [*due, *(i for i in woken if i not in due)]
        # (A snoozed one is read again: done, trashed or handed to another rep since.)
        records = [
            r
            for r in list_activities_by_ids(self.db, ids)
            if r.done_at is None and r.owner_id == self.owner_id
        ]
        self._told.update((r.id, r.due_at) for r in records)
        return sorted(records, key=lambda r: (r.due_at or now, r.id))

    def snooze(self, activity_id: str, until: dt.datetime) -> None:
        """Remind ``activity_id`` again at ``until`` (if it is still to do then)."""
        self._snoozed[activity_id] = until

    def dismiss(self, activity_id: str) -> None:
        """No more reminders of it (closed by the rep) until its due time changes."""
        self._snoozed.pop(activity_id, None)
