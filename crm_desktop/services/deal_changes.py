"""Deal changes, and reading them from ``FIELD=VALUE`` text (``deal add``).

A ``DealChanges`` names only what changes, as a ``ContactChanges`` does: a field left
``UNSET`` is not touched, one set to ``None`` is cleared. Names (a company, a stage, a
rep, a lead source, a campaign) and a contact given by id or phone are found by the
service, in its transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from crm_desktop.errors import InvalidInput
from crm_desktop.locale import (
    normalize_multiline,
    normalize_text,
    parse_amount,
    parse_date,
    to_ascii_digits,
)
from crm_desktop.models import Priority
from crm_desktop.services.fields import UNSET, Unset, enum_value
from crm_desktop.services.registry import DEAL

# Field names of ``deal add`` (design.md), plus probability.
DEAL_FIELDS = tuple(f.name for f in DEAL.flagged("scriptable"))

PRIORITY_NAMES = {
    Priority.LOW: ("کم", "پایین"),
    Priority.NORMAL: ("عادی", "معمولی", "متوسط"),
    Priority.HIGH: ("زیاد", "بالا", "مهم"),
    Priority.URGENT: ("فوری",),
}


@dataclass
class DealChanges:
    title: str | Unset = UNSET
    contact: str | Unset | None = UNSET  # a contact's id, or one of its phones
    company: str | Unset | None = UNSET  # a company name; found or created
    stage: str | Unset = UNSET  # a stage's name
    amount: int | Unset = UNSET  # rials
    probability: int | Unset | None = UNSET  # percent; None: the stage's
    expected_close: dt.date | Unset | None = UNSET
    owner: str | Unset | None = UNSET  # a user's name or username; must exist
    lead_source: str | Unset | None = UNSET  # a lead source's name; found or created
    campaign: str | Unset | None = UNSET  # a campaign's name; must exist
    priority: str | Unset | None = UNSET  # ``models.Priority``
    notes: str | Unset | None = UNSET
    # By id, as the window's pickers and undo give them (a name above wins if both).
    contact_id: str | Unset | None = UNSET
    company_id: str | Unset | None = UNSET
    stage_id: str | Unset = UNSET
    owner_id: str | Unset | None = UNSET
    lead_source_id: str | Unset | None = UNSET
    campaign_id: str | Unset | None = UNSET


def parse_priority(value: str) -> str:
    return enum_value(value, PRIORITY_NAMES, "priority")


def parse_probability(value: str) -> int:
    text = to_ascii_digits(normalize_text(value)).removesuffix("%").strip()
    if not text.isdigit() or not 0 <= int(text) <= 100:
        raise InvalidInput(
            f"احتمال «{value}» معتبر نیست؛ عددی از ۰ تا ۱۰۰ (درصد) وارد کنید.",
            f"invalid probability {value!r}: a whole percent from 0 to 100",
        )
    return int(text)


def parse_deal_amount(value: str) -> int:
    amount = parse_amount(value)
    if amount < 0:
        raise InvalidInput(f"مبلغ «{value}» منفی است.", f"invalid amount {value!r}: it is negative")
    return amount


def _optional(value: str) -> str | None:
    return normalize_text(value) or None


def deal_changes_from_text(
    fields: Mapping[str, str] | Iterable[tuple[str, str]],
) -> DealChanges:
    """Validate text values by field name; raise ``InvalidInput`` naming the culprit.
    For a field given twice the last value wins."""
    changes = DealChanges()
    pairs = fields.items() if isinstance(fields, Mapping) else fields
    for name, raw in pairs:
        if name not in DEAL_FIELDS:
            raise InvalidInput(
                f"فیلد «{name}» شناخته نشد. فیلدها: {', '.join(DEAL_FIELDS)}",
                f"unknown field {name!r}; fields are: {', '.join(DEAL_FIELDS)}",
            )
        value = raw.strip()
        match name:
            case "title":
                changes.title = normalize_text(value)
            case "stage":
                changes.stage = normalize_text(value)
            case "contact" | "company" | "owner" | "lead_source" | "campaign":
                setattr(changes, name, _optional(value))
            case "amount":
                changes.amount = parse_deal_amount(value) if value else 0
            case "probability":
                changes.probability = parse_probability(value) if value else None
            case "expected_close":
                changes.expected_close = parse_date(value) if value else None
            case "priority":
                changes.priority = parse_priority(value) if value else None
            case "notes":
                changes.notes = normalize_multiline(value) or None
    return changes
