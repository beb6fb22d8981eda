"""Who a new lead goes to, and which leads are slipping.

Assignment is a setting of the office (Settings): by hand (the default: a lead belongs
to whoever adds it or is named), or round-robin among the active reps, in the order of
their names, the turn carried over from one lead to the next and from one day to the
next (it is kept in the office's settings). Round-robin gives a lead with no owner
named, made in the window, by ``contact add`` or by an import, to the rep whose turn it
is; a lead whose owner is named keeps that owner and takes no turn.

A lead or prospect with no work planned about it has "no next step"; one with nothing
done about it for ``IDLE_DAYS`` is "idle". Both are worked out in SQL (filters of the
contacts list, the warning in a contact's window).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, exists, func, select, text
from sqlalchemy.orm import Session

from crm_desktop.errors import InvalidInput
from crm_desktop.models import Activity, Contact, Lifecycle, Role, Setting, User, utcnow
from crm_desktop.models.database import Database

ASSIGNMENT_KEY = "lead_assignment"
LAST_ASSIGNED_KEY = "lead_assignment_last"
ASSIGNMENTS = ("manual", "round_robin")
IDLE_DAYS = 14
_WORKED = (Lifecycle.LEAD.value, Lifecycle.PROSPECT.value)


def assignment(db: Database) -> str:
    mode = db.get_setting(ASSIGNMENT_KEY)
    return mode if mode in ASSIGNMENTS else ASSIGNMENTS[0]


def set_assignment(db: Database, mode: str) -> None:
    if mode not in ASSIGNMENTS:
        raise InvalidInput(
            "واگذاری سرنخ‌ها یا دستی است یا نوبتی.",
            f"lead assignment is manual or round_robin, not {mode!r}",
        )
    db.set_setting(ASSIGNMENT_KEY, mode)


def _setting(session: Session, key: str) -> str | None:
    return session.scalar(select(Setting.value).where(Setting.key == key))


def _reps(session: Session) -> list[str]:
    return list(
        session.scalars(
            select(User.id)
            .where(User.deleted_at.is_(None), User.active.is_(True), User.role == Role.REP)
            .order_by(User.name, User.id)
        )
    )


def next_owners(session: Session, count: int) -> list[str]:
    """The reps whose turn the next ``count`` leads are (none when assignment is by
    hand or there is no rep), the turn moved on past them."""
    if count <= 0 or _setting(session, ASSIGNMENT_KEY) != "round_robin":
        return []
    reps = _reps(session)
    if not reps:
        return []
    last = _setting(session, LAST_ASSIGNED_KEY)
    start = reps.index(last) + 1 if last in reps else 0
    owners = [reps[(start + n) % len(reps)] for n in range(count)]
    session.merge(Setting(key=LAST_ASSIGNED_KEY, value=owners[-1]))
    return owners


def assign_new_leads(session: Session, contact_ids: Sequence[str]) -> None:
    """Give the leads among ``contact_ids`` (in this order) that have no owner to the
    reps in turn, when the office assigns round-robin."""
    if _setting(session, ASSIGNMENT_KEY) != "round_robin":
        return
    session.flush()
    ownerless: list[str] = []
    for start in range(0, len(contact_ids), 500):
        chunk = list(contact_ids[start : start + 500])
        found = set(
            session.scalars(
                select(Contact.id).where(
                    Contact.id.in_(chunk),
                    Contact.owner_id.is_(None),
                    Contact.lifecycle == Lifecycle.LEAD.value,
                )
            )
        )
        ownerless += [i for i in chunk if i in found]
    owners = next_owners(session, len(ownerless))
    by_owner: dict[str, list[str]] = {}
    for contact_id, owner in zip(ownerless, owners, strict=True):
        by_owner.setdefault(owner, []).append(contact_id)
    for owner, ids in by_owner.items():
        session.execute(
            text(
                "UPDATE contacts SET owner_id = :owner "
                "WHERE id IN (SELECT value FROM json_each(:ids))"
            ),
            {"owner": owner, "ids": json.dumps(ids)},
        )
    for held in list(session.identity_map.values()):
        if isinstance(held, Contact) and held.id in ownerless:
            session.expire(held, ["owner_id"])


# ------------------------------------------------------------------- slipping leads


def _planned() -> ColumnElement[bool]:
    return exists().where(
        Activity.contact_id == Contact.id,
        Activity.deleted_at.is_(None),
        Activity.done_at.is_(None),
    )


def done_since(since: dt.datetime) -> ColumnElement[bool]:
    """Something was done about the contact (an activity) since ``since``."""
    return exists().where(
        Activity.contact_id == Contact.id,
        Activity.deleted_at.is_(None),
        Activity.done_at >= since,
    )


def no_next_step() -> ColumnElement[bool]:
    """A lead or prospect with no work planned about it."""
    return and_(Contact.lifecycle.in_(_WORKED), ~_planned())


def idle(days: int = IDLE_DAYS, *, now: dt.datetime | None = None) -> ColumnElement[bool]:
    """A lead or prospect nothing was done about for ``days`` (made before then too)."""
    since = (now or utcnow()) - dt.timedelta(days=days)
    return and_(Contact.lifecycle.in_(_WORKED), Contact.created_at < since, ~done_since(since))


@dataclass(frozen=True)
class Slipping:
    no_next_step: bool
    idle_days: int | None  # days since anything was done about it, when idle


def slipping(db: Database, contact_id: str, *, now: dt.datetime | None = None) -> Slipping:
    """What a contact's window warns of."""
    at = now or utcnow()
    with db.session() as session:
        row = session.execute(
            select(
                no_next_step(),
                idle(now=at),
                select(func.max(Activity.done_at))
                .where(Activity.contact_id == contact_id, Activity.deleted_at.is_(None))
                .scalar_subquery(),
                Contact.created_at,
            ).where(Contact.id == contact_id)
        ).one_or_none()
    if row is None:
        return Slipping(False, None)
    missing, is_idle, last_done, created = row
    last = last_done or created
    if isinstance(last, str):
        last = dt.datetime.fromisoformat(last)
    return Slipping(bool(missing), (at - last).days if is_idle else None)
