"""Birthdays of a week, by the Jalali calendar people keep them in.

A birthday is the same Jalali month and day every year; one on 30 Esfand falls on 29
Esfand in a year whose Esfand has 29 days. Birth dates are stored Gregorian, and a
Jalali day lands a day or two away from its Gregorian day of another year, so SQL picks
the contacts whose Gregorian month-day is within two days of the week's (and 29
February, near it), and the Jalali check here keeps the right ones: a 100,000-contact
office reads a few hundred rows.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select

from crm_desktop.locale import to_jalali, week_of
from crm_desktop.models import ActivityKind, Channel, Contact, User
from crm_desktop.models.database import Database
from crm_desktop.services.activities import create_activity
from crm_desktop.services.activity_changes import ActivityChanges
from crm_desktop.services.records import ActivityRecord

ESFAND = 12
# How far a Jalali day's Gregorian date moves between years (leap years of the two
# calendars do not fall together, and 1900 and 2100 are no Gregorian leap years).
_DRIFT_DAYS = 2
_LAST_OF_ESFAND = 30


@dataclass(frozen=True)
class Birthday:
    contact_id: str
    name: str
    day: dt.date  # the day of this year's birthday
    born: dt.date
    owner_id: str | None
    owner: str | None

    @property
    def age(self) -> int:
        """The age reached on that day, in Jalali years."""
        return to_jalali(self.day)[0] - to_jalali(self.born)[0]


def _celebrated(born: dt.date, year_days: dict[tuple[int, int], dt.date]) -> dt.date | None:
    _year, month, day = to_jalali(born)
    found = year_days.get((month, day))
    if found is None and (month, day) == (ESFAND, _LAST_OF_ESFAND):
        # No 30 Esfand this year: the 29th, if it is in the week.
        last = year_days.get((ESFAND, _LAST_OF_ESFAND - 1))
        if last is not None and to_jalali(last + dt.timedelta(days=1))[1] == 1:
            found = last
    return found


def week_birthdays(
    db: Database, day: dt.date, *, owner_ids: tuple[str, ...] = ()
) -> list[Birthday]:
    """The live contacts whose birthday falls in the Saturday-to-Friday week holding
    ``day`` (only ``owner_ids``' contacts, if given), by day then name."""
    saturday, _friday = week_of(day)
    days = [saturday + dt.timedelta(days=n) for n in range(7)]
    jalali_days = {to_jalali(d)[1:]: d for d in days}
    near = {
        (d + dt.timedelta(days=shift)).strftime("%m-%d")
        for d in days
        for shift in range(-_DRIFT_DAYS, _DRIFT_DAYS + 1)
    }
    if near & {"02-28", "03-01"}:
        near.add("02-29")  # born on a leap day, in a year that has none
    stmt = (
        select(
            Contact.id,
            Contact.first_name,
            Contact.last_name,
            Contact.birth_date,
            Contact.owner_id,
            User.name,
        )
        .outerjoin(User, User.id == Contact.owner_id)
        .where(
            Contact.deleted_at.is_(None),
            Contact.birth_date.is_not(None),
            func.strftime("%m-%d", Contact.birth_date).in_(sorted(near)),
        )
    )
    if owner_ids:
        stmt = stmt.where(Contact.owner_id.in_(owner_ids))
    found: list[Birthday] = []
    with db.session() as session:
        for contact_id, first, last, born, owner_id, owner in session.execute(stmt):
            if born is None:
                continue
            celebrated = _celebrated(born, jalali_days)
            if celebrated is not None and born < celebrated:
                name = f"{first} {last}".strip()
                found.append(Birthday(contact_id, name, celebrated, born, owner_id, owner))
    return sorted(found, key=lambda b: (b.day, b.name))


# How a greeting goes, by the contact's preferred channel (a message otherwise).
_GREETING_KINDS = {
    Channel.PHONE: ActivityKind.CALL,
    Channel.EMAIL: ActivityKind.EMAIL,
    Channel.IN_PERSON: ActivityKind.MEETING,
}
GREETING_SUBJECT = "تبریک تولد"


def log_greeting(db: Database, contact_id: str) -> ActivityRecord:
    """The birthday greeting, logged as done now: a call, email or meeting if that is
    how the contact likes to be reached, else a message (SMS)."""
    with db.session() as session:
        contact = session.get(Contact, contact_id)
        channel = contact.preferred_channel if contact is not None else None
    kind = _GREETING_KINDS.get(Channel(channel), ActivityKind.SMS) if channel else ActivityKind.SMS
    changes = ActivityChanges(type=kind, subject=GREETING_SUBJECT, contact_id=contact_id)
    return create_activity(db, changes)
