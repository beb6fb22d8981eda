"""Activity changes, and reading them from ``FIELD=VALUE`` text (``activity add``).

An ``ActivityChanges`` names only what changes, as a ``DealChanges`` does: a field left
``UNSET`` is not touched, one set to ``None`` is cleared. A due time is typed as a
Jalali date with an optional ``HH:MM`` in the office's time zone; a date alone means
the start of the office's day (9:00), when a reminder is useful.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from crm_desktop.errors import InvalidInput
from crm_desktop.locale import normalize_multiline, normalize_text, parse_date, to_ascii_digits
from crm_desktop.models import ActivityKind
from crm_desktop.services.fields import UNSET, Unset, enum_value
from crm_desktop.services.office import office_time
from crm_desktop.services.registry import ACTIVITY

# Field names of ``activity add`` (design.md).
ACTIVITY_FIELDS = tuple(f.name for f in ACTIVITY.flagged("scriptable"))

# The kinds of activity (``activity_types.code``) and the words people type for them.
TYPE_NAMES = {
    ActivityKind.CALL: ("تماس", "تماس تلفنی", "تلفن", "زنگ"),
    ActivityKind.MEETING: ("جلسه", "ملاقات", "دیدار"),
    ActivityKind.EMAIL: ("ایمیل", "پست الکترونیک", "e-mail", "mail"),
    ActivityKind.SMS: ("پیامک", "اس ام اس", "پیام"),
    ActivityKind.NOTE: ("یادداشت",),
    ActivityKind.TASK: ("کار", "وظیفه", "پیگیری"),
}
TYPES = tuple(kind.value for kind in TYPE_NAMES)
# English names of the kinds (the Persian ones are the office's, in ``activity_types``).
TYPE_NAMES_EN = {
    ActivityKind.CALL: "Call",
    ActivityKind.MEETING: "Meeting",
    ActivityKind.EMAIL: "Email",
    ActivityKind.SMS: "SMS",
    ActivityKind.NOTE: "Note",
    ActivityKind.TASK: "Task",
}


def type_label(code: str, office_name: str | None, lang: str) -> str:
    """A kind of activity as the interface names it: the office's own name in Persian,
    the English one in English."""
    if lang == "fa" and office_name:
        return office_name
    english = TYPE_NAMES_EN.get(ActivityKind(code)) if code in TYPES else None
    return english or office_name or code


# A due date typed without a time: the office's morning.
MORNING_MINUTES = 9 * 60
_TIME = re.compile(r"^(\d{1,2}):(\d{2})$")
_LONGEST_MINUTES = 24 * 60


@dataclass
class ActivityChanges:
    type: str | Unset = UNSET  # one of ``TYPES``
    subject: str | Unset = UNSET
    body: str | Unset | None = UNSET
    outcome: str | Unset | None = UNSET
    duration: int | Unset | None = UNSET  # minutes
    due_at: dt.datetime | Unset | None = UNSET  # naive UTC
    done_at: dt.datetime | Unset | None = UNSET  # naive UTC
    owner: str | Unset | None = UNSET  # a user's name or username; must exist
    owner_id: str | Unset | None = UNSET
    contact_id: str | Unset | None = UNSET
    deal_id: str | Unset | None = UNSET
    company_id: str | Unset | None = UNSET


def parse_type(value: str) -> str:
    return enum_value(value, TYPE_NAMES, "type")


def parse_due(value: str) -> dt.datetime:
    """``1405/09/18`` or ``1405/09/18 14:30`` (office time) as a stored time."""
    text = to_ascii_digits(normalize_text(value))
    day_text, _, time_text = text.partition(" ")
    day = parse_date(day_text)
    if not time_text.strip():
        return office_time(day, MORNING_MINUTES)
    found = _TIME.match(time_text.strip())
    if found is None or int(found[1]) > 23 or int(found[2]) > 59:
        raise InvalidInput(
            f"ساعت «{time_text.strip()}» معتبر نیست؛ به شکل ۱۴:۳۰ وارد کنید.",
            f"invalid time {time_text.strip()!r}: type it as HH:MM (14:30)",
        )
    return office_time(day, int(found[1]) * 60 + int(found[2]))


def parse_duration(value: str) -> int:
    text = to_ascii_digits(normalize_text(value))
    if not text.isdigit() or not 0 < int(text) <= _LONGEST_MINUTES:
        raise InvalidInput(
            f"مدت «{value}» معتبر نیست؛ عددی از ۱ تا ۱۴۴۰ (دقیقه) وارد کنید.",
            f"invalid duration {value!r}: whole minutes from 1 to 1440",
        )
    return int(text)


def _optional(value: str) -> str | None:
    return normalize_text(value) or None


def activity_changes_from_text(
    fields: Mapping[str, str] | Iterable[tuple[str, str]],
) -> ActivityChanges:
    """Validate text values by field name; raise ``InvalidInput`` naming the culprit.
    For a field given twice the last value wins."""
    changes = ActivityChanges()
    pairs = fields.items() if isinstance(fields, Mapping) else fields
    for name, raw in pairs:
        if name not in ACTIVITY_FIELDS:
            raise InvalidInput(
                f"فیلد «{name}» شناخته نشد. فیلدها: {', '.join(ACTIVITY_FIELDS)}",
                f"unknown field {name!r}; fields are: {', '.join(ACTIVITY_FIELDS)}",
            )
        value = raw.strip()
        match name:
            case "type":
                changes.type = parse_type(value)
            case "subject":
                changes.subject = normalize_text(value)
            case "body":
                changes.body = normalize_multiline(value) or None
            case "outcome":
                changes.outcome = _optional(value)
            case "duration":
                changes.duration = parse_duration(value) if value else None
            case "due":
                changes.due_at = parse_due(value) if value else None
            case "owner":
                changes.owner = _optional(value)
            case "contact" | "deal" | "company":
                setattr(changes, f"{name}_id", _optional(value))
    return changes
