"""Activities: logging what was done, scheduling what is to do, marking it done.

An activity is a call, meeting, email, SMS, note or task about a contact, a company
and/or a deal, owned by a rep (the user at this laptop unless another is named).
Without a due time, a call, meeting, email, SMS or note is *logged*: it happened now
(or when ``done_at`` says). With a due time, or as a task, it is *scheduled*: it waits
in the rep's list until it is marked done. A note is never scheduled.

Logging and scheduling the next step go together in one operation (``log_activity``
with ``next_step``; ``complete_activity`` likewise), so undo takes both back at once.
Every change goes through the change log like any record's: the activity's history,
undo and the sync outbox come from there.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from crm_desktop.errors import InvalidInput, NotFound
from crm_desktop.locale import normalize_multiline, normalize_text
from crm_desktop.models import (
    Activity,
    ActivityKind,
    ActivityType,
    Company,
    Contact,
    Deal,
    utcnow,
)
from crm_desktop.models.database import Database
from crm_desktop.services import lookups
from crm_desktop.services.activity_changes import ActivityChanges, type_label
from crm_desktop.services.activity_list import ActivityFilter, load_activities
from crm_desktop.services.deals import contact_id_of
from crm_desktop.services.fields import Unset
from crm_desktop.services.lead_score import rescore
from crm_desktop.services.records import ActivityRecord

_LINKS = (("contact_id", Contact, "مخاطب", "contact"), ("deal_id", Deal, "معامله", "deal"))


def _get(session: Session, activity_id: str) -> Activity:
    activity = session.get(Activity, activity_id)
    if activity is None or activity.deleted_at is not None:
        raise NotFound(
            f"فعالیتی با شناسهٔ «{activity_id}» پیدا نشد.", f"no activity with id {activity_id!r}"
        )
    return activity


def _record(session: Session, activity_id: str) -> ActivityRecord:
    (record,) = load_activities(session, ActivityFilter(ids=(activity_id,)))
    return record


def get_activity(db: Database, activity_id: str) -> ActivityRecord:
    with db.session() as session:
        return _record(session, _get(session, activity_id).id)


def activity_types(db: Database, lang: str = "fa") -> list[tuple[str, str]]:
    """``(code, name)`` of each kind of activity, in the office's order, named for the
    interface's language."""
    with db.session() as session:
        return [
            (code, type_label(code, name, lang))
            for code, name in session.execute(
                select(ActivityType.code, ActivityType.name)
                .where(ActivityType.deleted_at.is_(None))
                .order_by(ActivityType.position)
            )
        ]


def _type_id(session: Session, code: str) -> str:
    found = session.scalar(
        select(ActivityType.id).where(ActivityType.code == code, ActivityType.deleted_at.is_(None))
    )
    if found is None:
        raise InvalidInput(
            f"نوع فعالیت «{code}» در این پایگاه داده نیست.", f"no activity type {code!r} here"
        )
    return found


def _linked(session: Session, model: type, given: str, fa: str, en: str) -> str:
    row = session.get(model, given)
    if row is None or row.deleted_at is not None:
        raise NotFound(f"{fa}ی با شناسهٔ «{given}» پیدا نشد.", f"no {en} with id {given!r}")
    return given


def _apply(session: Session, activity: Activity, changes: ActivityChanges) -> None:  # noqa: PLR0912
    with session.no_autoflush:
        if not isinstance(changes.type, Unset):
            activity.type_id = _type_id(session, changes.type)
        if not isinstance(changes.subject, Unset):
            activity.subject = normalize_text(changes.subject)
        if not isinstance(changes.body, Unset):
            activity.body = normalize_multiline(changes.body or "") or None
        if not isinstance(changes.outcome, Unset):
            activity.outcome = normalize_text(changes.outcome or "") or None
        for name, column in (
            ("duration", "duration_minutes"),
            ("due_at", "due_at"),
            ("done_at", "done_at"),
        ):
            value = getattr(changes, name)
            if not isinstance(value, Unset):
                setattr(activity, column, value)
        if not isinstance(changes.owner_id, Unset):
            activity.owner_id = changes.owner_id
        if not isinstance(changes.owner, Unset):
            activity.owner_id = (
                lookups.find_user(session, changes.owner).id if changes.owner else None
            )
        if isinstance(changes.contact_id, str):  # an id, or a phone as a deal takes it
            changes = dataclasses.replace(
                changes, contact_id=contact_id_of(session, changes.contact_id)
            )
        for column, model, fa, en in (*_LINKS, ("company_id", Company, "شرکت", "company")):
            value = getattr(changes, column)
            if not isinstance(value, Unset):
                setattr(activity, column, _linked(session, model, value, fa, en) if value else None)
    if activity.done_at is not None and activity.done_at > utcnow():
        raise InvalidInput(
            "کاری که انجام شده نمی‌تواند در آینده انجام شده باشد.",
            "an activity cannot be done at a time to come",
        )
    if activity.duration_minutes is not None and activity.duration_minutes <= 0:
        raise InvalidInput("مدت باید بیش از صفر دقیقه باشد.", "a duration is more than 0 minutes")


def _code(session: Session, activity: Activity) -> str:
    return (
        session.scalar(select(ActivityType.code).where(ActivityType.id == activity.type_id)) or ""
    )


def _check_note(code: str, activity: Activity, *, made: bool) -> None:
    """A note records what happened: it has no due time, and is never work to do (one
    being made is logged as done now, below)."""
    if code != ActivityKind.NOTE:
        return
    if activity.due_at is not None:
        raise InvalidInput("یادداشت موعد ندارد.", "a note has no due time")
    if not made and activity.done_at is None:
        raise InvalidInput(
            "یادداشت کاری برای انجام نیست و باز نمی‌شود.", "a note is not work to reopen"
        )


def _create(session: Session, changes: ActivityChanges) -> str:
    if isinstance(changes.type, Unset):
        raise InvalidInput("نوع فعالیت لازم است (تماس، جلسه، ...).", "an activity needs a type")
    activity = Activity(subject="")
    if isinstance(changes.owner, Unset) and isinstance(changes.owner_id, Unset):
        activity.owner_id = lookups.current_user_id(session)
    _apply(session, activity, changes)
    code = _code(session, activity)
    _check_note(code, activity, made=True)
    # A task without a due time waits for no day in particular, unless logged as done.
    scheduled = activity.due_at is not None or (
        code == ActivityKind.TASK and activity.done_at is None
    )
    if activity.done_at is None and not scheduled:
        activity.done_at = utcnow()  # logged: it happened now
    if not activity.subject:
        activity.subject = (
            session.scalar(select(ActivityType.name).where(ActivityType.id == activity.type_id))
            or ""
        )
    _inherit_links(session, activity)
    session.add(activity)
    session.flush()
    rescore(session, [activity.contact_id or ""])
    return activity.id


def _inherit_links(session: Session, activity: Activity) -> None:
    """A deal's activity is about its contact and company too; a contact's is about
    their company, as a rep would file it."""
    if activity.deal_id:
        deal = session.get(Deal, activity.deal_id)
        if deal is not None:
            activity.contact_id = activity.contact_id or deal.contact_id
            activity.company_id = activity.company_id or deal.company_id
    if activity.contact_id and not activity.company_id:
        contact = session.get(Contact, activity.contact_id)
        activity.company_id = contact.company_id if contact else None


def create_activity(db: Database, changes: ActivityChanges) -> ActivityRecord:
    """Log or schedule an activity (see the module's notes); what was stored."""
    with db.session() as session:
        return _record(session, _create(session, changes))


def _next_step(session: Session, after: Activity, next_step: ActivityChanges | None) -> str | None:
    """The follow-up of ``after``: about the same contact, deal and company, owned by
    the same rep unless it says otherwise."""
    if next_step is None:
        return None
    links = {
        name: getattr(after, name)
        for name in ("contact_id", "deal_id", "company_id", "owner_id")
        if isinstance(getattr(next_step, name), Unset)
        and (name != "owner_id" or isinstance(next_step.owner, Unset))
    }
    step = dataclasses.replace(next_step, **links)
    if isinstance(step.type, Unset):
        step.type = ActivityKind.TASK
    undated = isinstance(step.due_at, Unset) or step.due_at is None
    if undated and step.type != ActivityKind.TASK:
        raise InvalidInput("گام بعدی موعد لازم دارد.", "the next step needs a due time")
    return _create(session, step)


def log_activity(
    db: Database, changes: ActivityChanges, *, next_step: ActivityChanges | None = None
) -> tuple[ActivityRecord, ActivityRecord | None]:
    """An activity and the next step it calls for, in one operation."""
    with db.session() as session:
        first = _create(session, changes)
        activity = session.get(Activity, first)
        assert activity is not None
        follow = _next_step(session, activity, next_step)
        return _record(session, first), _record(session, follow) if follow else None


def log_activities(db: Database, many: Sequence[ActivityChanges]) -> list[ActivityRecord]:
    """Several activities at once (a message sent to many contacts): one operation."""
    with db.session() as session:
        ids = [_create(session, changes) for changes in many]
        return load_activities(session, ActivityFilter(ids=tuple(ids)))


def update_activity(db: Database, activity_id: str, changes: ActivityChanges) -> ActivityRecord:
    with db.session() as session:
        activity = _get(session, activity_id)
        before = activity.contact_id
        _apply(session, activity, changes)
        _check_note(_code(session, activity), activity, made=False)
        session.flush()
        rescore(session, [before or "", activity.contact_id or ""])
        return _record(session, activity.id)


def complete_activity(
    db: Database,
    activity_id: str,
    *,
    outcome: str | None = None,
    changes: ActivityChanges | None = None,
    next_step: ActivityChanges | None = None,
) -> tuple[ActivityRecord, ActivityRecord | None]:
    """Mark an activity done now, with its outcome (and what else ``changes`` says of
    it), and schedule what comes next: one operation. An activity done already keeps
    its time; its outcome may change."""
    with db.session() as session:
        activity = _get(session, activity_id)
        if changes is not None:
            _apply(session, activity, changes)
        if activity.done_at is None:
            activity.done_at = utcnow()
        if outcome is not None and normalize_text(outcome):
            activity.outcome = normalize_text(outcome)
        session.flush()
        rescore(session, [activity.contact_id or ""])
        follow = _next_step(session, activity, next_step)
        return _record(session, activity.id), _record(session, follow) if follow else None


def reopen_activity(db: Database, activity_id: str) -> ActivityRecord:
    """Back to the list of work to do (marked done by mistake); a note stays as it is
    (``InvalidInput``)."""
    return update_activity(db, activity_id, ActivityChanges(done_at=None))


def delete_activities(db: Database, activity_ids: Sequence[str]) -> None:
    """To the trash (undoable, as every change)."""
    with db.session() as session:
        now = utcnow()
        people = []
        for activity_id in activity_ids:
            activity = _get(session, activity_id)
            activity.deleted_at = now
            people.append(activity.contact_id or "")
        session.flush()
        rescore(session, people)
