"""What services hand out: plain, frozen dataclasses detached from any session."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class ContactRecord:
    id: str
    first_name: str
    last_name: str
    company_id: str | None
    company: str | None
    job_title: str | None
    phones: tuple[str, ...]
    emails: tuple[str, ...]
    address: str | None
    city: str | None
    province: str | None
    birth_date: dt.date | None
    preferred_channel: str | None
    lead_source_id: str | None
    lead_source: str | None
    campaign_id: str | None
    campaign: str | None
    owner_id: str | None
    owner: str | None
    lifecycle: str
    lead_score: int
    tags: tuple[str, ...]
    notes: str | None
    created_at: dt.datetime
    updated_at: dt.datetime
    deleted_at: dt.datetime | None

    @property
    def full_name(self) -> str:
        return " ".join(part for part in (self.first_name, self.last_name) if part)

    def as_json(self) -> dict[str, Any]:
        """The shape of ``contacts --json`` in the command-line contract."""
        return {
            "id": self.id,
            "first_name": self.first_name,
            "last_name": self.last_name,
            "full_name": self.full_name,
            "company": self.company,
            "job_title": self.job_title,
            "phones": list(self.phones),
            "emails": list(self.emails),
            "address": self.address,
            "city": self.city,
            "province": self.province,
            "birth_date": self.birth_date.isoformat() if self.birth_date else None,
            "preferred_channel": self.preferred_channel,
            "lead_source": self.lead_source,
            "campaign": self.campaign,
            "owner": self.owner,
            "lifecycle": self.lifecycle,
            "lead_score": self.lead_score,
            "tags": list(self.tags),
            "notes": self.notes,
            "created_at": self.created_at.isoformat(timespec="seconds") + "Z",
            "updated_at": self.updated_at.isoformat(timespec="seconds") + "Z",
            "deleted": self.deleted_at is not None,
        }


@dataclass(frozen=True, slots=True)
class CompanyRecord:
    id: str
    name: str
    industry: str | None
    phone: str | None
    email: str | None
    website: str | None
    address: str | None
    city: str | None
    province: str | None
    owner_id: str | None
    notes: str | None
    people: int
    deleted_at: dt.datetime | None


@dataclass(frozen=True, slots=True)
class UserRecord:
    id: str
    name: str
    username: str
    role: str
    active: bool
