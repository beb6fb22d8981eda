"""What the contact window holds, as one comparable value, and the changes between two.

The window reads its fields into a ``ContactForm``; comparing it with the form as
loaded says whether anything changed, and ``changes_between`` turns the difference into
the ``ContactChanges`` that the contacts service applies (only what the user changed,
so an edit made elsewhere meanwhile to another field is kept).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields

from crm_desktop.locale import normalize_text
from crm_desktop.models import Lifecycle
from crm_desktop.services.fields import ContactChanges
from crm_desktop.services.records import ContactRecord

OPTIONAL_TEXT = ("job_title", "address", "city", "province", "notes")


@dataclass(frozen=True)
class ContactForm:
    first_name: str = ""
    last_name: str = ""
    company: str = ""  # a company name; a new one is created on save
    job_title: str = ""
    phones: tuple[str, ...] = ()  # E.164, in order
    emails: tuple[str, ...] = ()  # lower case, in order
    address: str = ""
    city: str = ""
    province: str = ""
    birth_date: dt.date | None = None
    preferred_channel: str | None = None
    lifecycle: str = Lifecycle.LEAD.value
    lead_score: int = 0
    lead_source_id: str | None = None
    campaign_id: str | None = None
    owner_id: str | None = None
    tags: tuple[str, ...] = ()  # sorted, each once
    notes: str = ""

    @property
    def full_name(self) -> str:
        return " ".join(part for part in (self.first_name, self.last_name) if part)


def split_tags(text: str) -> tuple[str, ...]:
    """``"VIP، نمایشگاه, vip"`` -> the distinct normalized names, sorted."""
    names = (normalize_text(part) for part in text.replace("،", ",").split(","))
    return tuple(sorted({name for name in names if name}))


def form_of(record: ContactRecord) -> ContactForm:
    return ContactForm(
        first_name=record.first_name,
        last_name=record.last_name,
        company=record.company or "",
        job_title=record.job_title or "",
        phones=record.phones,
        emails=record.emails,
        address=record.address or "",
        city=record.city or "",
        province=record.province or "",
        birth_date=record.birth_date,
        preferred_channel=record.preferred_channel,
        lifecycle=record.lifecycle,
        lead_score=record.lead_score,
        lead_source_id=record.lead_source_id,
        campaign_id=record.campaign_id,
        owner_id=record.owner_id,
        tags=tuple(sorted(record.tags)),
        notes=record.notes or "",
    )


def changes_between(before: ContactForm | None, after: ContactForm) -> ContactChanges:
    """The changes that turn ``before`` into ``after``; every field when ``before`` is None."""
    changes = ContactChanges()
    for field in fields(ContactForm):
        name = field.name
        value = getattr(after, name)
        if before is not None and getattr(before, name) == value:
            continue
        if name in OPTIONAL_TEXT or name == "company":
            value = value or None
        setattr(changes, name, value)
    return changes
