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
            "created_at": _stored_time(self.created_at),
            "updated_at": _stored_time(self.updated_at),
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


def _stored_time(at: dt.datetime | None) -> str | None:
    return at.isoformat(timespec="seconds") + "Z" if at else None


@dataclass(frozen=True, slots=True)
class DealRecord:
    id: str
    title: str
    contact_id: str | None
    contact: str | None  # the person's full name
    company_id: str | None
    company: str | None
    pipeline_id: str
    pipeline: str
    stage_id: str
    stage: str
    is_won: bool  # its stage's
    is_lost: bool
    probability: int  # percent: the deal's own, else its stage's
    own_probability: int | None
    amount: int  # rials
    expected_close: dt.date | None
    owner_id: str | None
    owner: str | None
    lead_source_id: str | None
    lead_source: str | None
    campaign_id: str | None
    campaign: str | None
    priority: str | None
    won_at: dt.datetime | None
    lost_at: dt.datetime | None
    lost_reason_id: str | None
    lost_reason: str | None
    lost_comment: str | None
    position: str  # its order key in its column
    notes: str | None
    created_at: dt.datetime
    updated_at: dt.datetime
    deleted_at: dt.datetime | None
    last_activity: dt.datetime | None = None  # the latest done activity about it

    @property
    def last_touched(self) -> dt.datetime:
        """When anything last happened to it: a change, or an activity done about it."""
        return max(self.updated_at, self.last_activity or self.updated_at)

    @property
    def weighted(self) -> int:
        """The amount times the probability, in whole rials (as the column totals)."""
        return self.amount * self.probability // 100

    def as_json(self) -> dict[str, Any]:
        """The shape of ``deals --json`` in the command-line contract."""
        return {
            "id": self.id,
            "title": self.title,
            "contact_id": self.contact_id,
            "contact": self.contact,
            "company_id": self.company_id,
            "company": self.company,
            "pipeline": self.pipeline,
            "stage": self.stage,
            "probability": self.probability,
            "amount": self.amount,
            "expected_close": self.expected_close.isoformat() if self.expected_close else None,
            "owner": self.owner,
            "lead_source": self.lead_source,
            "campaign": self.campaign,
            "priority": self.priority,
            "won_at": _stored_time(self.won_at),
            "lost_at": _stored_time(self.lost_at),
            "lost_reason": self.lost_reason,
            "lost_comment": self.lost_comment,
            "notes": self.notes,
            "created_at": _stored_time(self.created_at),
            "updated_at": _stored_time(self.updated_at),
            "deleted": self.deleted_at is not None,
        }


@dataclass(frozen=True, slots=True)
class StageColumn:
    """A stage as a column of the kanban: what it is and the totals of its deals."""

    stage_id: str
    stage: str
    position: int
    probability: int
    is_won: bool
    is_lost: bool
    count: int
    amount: int  # rials, every deal of the stage
    weighted: int  # rials: each deal's amount times its own probability

    def as_json(self) -> dict[str, Any]:
        """The shape of ``pipeline --json`` in the command-line contract."""
        return {
            "stage": self.stage,
            "position": self.position,
            "probability": self.probability,
            "is_won": self.is_won,
            "is_lost": self.is_lost,
            "count": self.count,
            "amount": self.amount,
            "weighted": self.weighted,
        }


@dataclass(frozen=True, slots=True)
class ActivityRecord:
    id: str
    type: str  # ``ActivityKind``: call, meeting, email, sms, note, task
    type_name: str  # as the office names it ("تماس تلفنی")
    subject: str
    body: str | None
    outcome: str | None
    duration: int | None  # minutes
    due_at: dt.datetime | None  # naive UTC
    done_at: dt.datetime | None
    owner_id: str | None
    owner: str | None
    contact_id: str | None
    contact: str | None  # the person's full name
    deal_id: str | None
    deal: str | None  # the deal's title
    company_id: str | None
    company: str | None
    created_at: dt.datetime
    updated_at: dt.datetime
    deleted_at: dt.datetime | None

    @property
    def is_done(self) -> bool:
        return self.done_at is not None

    def is_overdue(self, now: dt.datetime) -> bool:
        """Still to do, and its time has passed."""
        return self.done_at is None and self.due_at is not None and self.due_at < now

    def as_json(self) -> dict[str, Any]:
        """The shape of ``activities --json`` in the command-line contract."""
        return {
            "id": self.id,
            "type": self.type,
            "subject": self.subject,
            "body": self.body,
            "due_at": _stored_time(self.due_at),
            "done_at": _stored_time(self.done_at),
            "owner": self.owner,
            "contact_id": self.contact_id,
            "contact": self.contact,
            "deal_id": self.deal_id,
            "deal": self.deal,
            "company_id": self.company_id,
            "company": self.company,
            "duration": self.duration,
            "outcome": self.outcome,
            "created_at": _stored_time(self.created_at),
            "deleted": self.deleted_at is not None,
        }
