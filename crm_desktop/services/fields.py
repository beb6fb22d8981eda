"""Contact changes, and reading them from ``FIELD=VALUE`` text (command line, import).

A ``ContactChanges`` names only what changes: a field left ``UNSET`` is not touched, a
field set to ``None`` is cleared.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TypeVar

from crm_desktop.errors import InvalidInput
from crm_desktop.locale import (
    normalize_email,
    normalize_multiline,
    normalize_text,
    parse_birth_date,
    parse_phone,
    search_key,
)
from crm_desktop.models import Channel, Lifecycle
from crm_desktop.services.registry import CONTACT

E = TypeVar("E", bound=enum.StrEnum)


class Unset(enum.Enum):
    UNSET = "unset"


UNSET = Unset.UNSET

# Field names of ``contact add|edit`` (design.md), plus address and preferred_channel.
CONTACT_FIELDS = tuple(f.name for f in CONTACT.flagged("scriptable"))

LIFECYCLE_NAMES = {
    Lifecycle.LEAD: ("سرنخ",),
    Lifecycle.PROSPECT: ("مشتری بالقوه", "مشتری احتمالی", "فرصت"),
    Lifecycle.CUSTOMER: ("مشتری",),
    Lifecycle.INACTIVE: ("غیرفعال", "غیر فعال"),
}
CHANNEL_NAMES = {
    Channel.PHONE: ("تلفن", "تماس تلفنی"),
    Channel.SMS: ("پیامک", "اس ام اس"),
    Channel.EMAIL: ("ایمیل", "پست الکترونیک"),
    Channel.WHATSAPP: ("واتساپ",),
    Channel.TELEGRAM: ("تلگرام",),
    Channel.INSTAGRAM: ("اینستاگرام",),
    Channel.IN_PERSON: ("حضوری",),
    Channel.POST: ("پست",),
}


@dataclass
class ContactChanges:
    first_name: str | Unset = UNSET
    last_name: str | Unset = UNSET
    company: str | Unset | None = UNSET  # a company name; found or created
    job_title: str | Unset | None = UNSET
    address: str | Unset | None = UNSET
    city: str | Unset | None = UNSET
    province: str | Unset | None = UNSET
    birth_date: dt.date | Unset | None = UNSET
    preferred_channel: str | Unset | None = UNSET
    lead_source: str | Unset | None = UNSET  # a lead source name; found or created
    owner: str | Unset | None = UNSET  # a user's name or username; must exist
    lifecycle: str | Unset = UNSET
    tags: tuple[str, ...] | Unset = UNSET  # the full set of tag names
    notes: str | Unset | None = UNSET
    lead_score: int | Unset = UNSET
    # By id, as the window's pickers and undo give them (a name above wins if both).
    company_id: str | Unset | None = UNSET
    lead_source_id: str | Unset | None = UNSET
    campaign_id: str | Unset | None = UNSET
    owner_id: str | Unset | None = UNSET
    # The exact list, in order (E.164 / lower case); add_* only append.
    phones: tuple[str, ...] | Unset = UNSET
    emails: tuple[str, ...] | Unset = UNSET
    add_phones: list[str] = field(default_factory=list)
    add_emails: list[str] = field(default_factory=list)


def enum_value(value: str, names: Mapping[E, tuple[str, ...]], what: str) -> str:
    key = search_key(value)
    for member, labels in names.items():
        if key == member.value or key in {search_key(label) for label in labels}:
            return member.value
    choices = ", ".join(member.value for member in names)
    raise InvalidInput(
        f"مقدار «{value}» برای {what} معتبر نیست (یکی از: {choices}).",
        f"invalid {what} {value!r} (one of: {choices})",
    )


def parse_lifecycle(value: str) -> str:
    return enum_value(value, LIFECYCLE_NAMES, "lifecycle")


def parse_channel(value: str) -> str:
    return enum_value(value, CHANNEL_NAMES, "preferred_channel")


def _optional(value: str) -> str | None:
    text = normalize_text(value)
    return text or None


def changes_from_text(  # noqa: PLR0912 (one branch per field)
    fields: Mapping[str, str] | Iterable[tuple[str, str]],
    *,
    today: dt.date | None = None,
) -> ContactChanges:
    """Validate text values by field name; raise ``InvalidInput`` naming the culprit.

    Pairs may repeat a name: each ``phone`` and ``email`` adds one; for other fields
    the last value wins. A birth date must fall between 1900 and ``today`` (by default
    the computer's date).
    """
    changes = ContactChanges()
    pairs = fields.items() if isinstance(fields, Mapping) else fields
    for name, raw in pairs:
        if name not in CONTACT_FIELDS:
            raise InvalidInput(
                f"فیلد «{name}» شناخته نشد. فیلدها: {', '.join(CONTACT_FIELDS)}",
                f"unknown field {name!r}; fields are: {', '.join(CONTACT_FIELDS)}",
            )
        value = raw.strip()
        match name:
            case "first_name" | "last_name":
                setattr(changes, name, normalize_text(value))
            case "job_title" | "address" | "city" | "province" | "company":
                setattr(changes, name, _optional(value))
            case "lead_source" | "owner":
                setattr(changes, name, _optional(value))
            case "phone":
                if value:
                    changes.add_phones.append(parse_phone(value))
            case "email":
                if value:
                    changes.add_emails.append(normalize_email(value))
            case "birth_date":
                changes.birth_date = parse_birth_date(value, today=today) if value else None
            case "preferred_channel":
                changes.preferred_channel = parse_channel(value) if value else None
            case "lifecycle":
                changes.lifecycle = parse_lifecycle(value)
            case "tags":
                names = (normalize_text(t) for t in value.replace("،", ",").split(","))
                changes.tags = tuple(dict.fromkeys(n for n in names if n))
            case "notes":
                changes.notes = normalize_multiline(value) or None
    return changes
