"""Service requests: what customers asked for, and how fast the office answered.

A request is opened (now, by the user at this laptop), answered (its first response
time is stamped the first time it moves on from "open"), resolved (stamped) and closed;
a resolved or closed one can be reopened (its stamps stay: they say what happened).
Response and resolution times are counted from the opening, in minutes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import case, select

from crm_desktop.errors import InvalidInput, NotFound
from crm_desktop.locale import normalize_multiline, normalize_text
from crm_desktop.models import (
    Contact,
    Priority,
    RequestStatus,
    ServiceRequest,
    User,
    utcnow,
)
from crm_desktop.models.database import Database
from crm_desktop.services import lookups

STATUSES = tuple(s.value for s in RequestStatus)
_PRIORITY_ORDER = {Priority.URGENT: 0, Priority.HIGH: 1, Priority.NORMAL: 2, Priority.LOW: 3}


@dataclass(frozen=True)
class RequestRecord:
    id: str
    subject: str
    description: str | None
    contact_id: str | None
    contact: str | None
    owner: str | None
    priority: str
    status: str
    opened_at: dt.datetime
    first_response_at: dt.datetime | None
    resolved_at: dt.datetime | None

    @property
    def response_minutes(self) -> int | None:
        if self.first_response_at is None:
            return None
        return int((self.first_response_at - self.opened_at).total_seconds() // 60)

    @property
    def resolution_minutes(self) -> int | None:
        if self.resolved_at is None:
            return None
        return int((self.resolved_at - self.opened_at).total_seconds() // 60)


def list_requests(
    db: Database, *, contact_id: str | None = None, open_only: bool = False
) -> list[RequestRecord]:
    """Requests (one contact's), the ones still open first, the most urgent first,
    then the oldest."""
    finished = ServiceRequest.status.in_((RequestStatus.RESOLVED, RequestStatus.CLOSED))
    urgency = case(
        {p.value: rank for p, rank in _PRIORITY_ORDER.items()},
        value=ServiceRequest.priority,
        else_=9,
    )
    stmt = (
        select(ServiceRequest, Contact.first_name, Contact.last_name, User.name)
        .outerjoin(Contact, Contact.id == ServiceRequest.contact_id)
        .outerjoin(User, User.id == ServiceRequest.owner_id)
        .where(ServiceRequest.deleted_at.is_(None))
        .order_by(finished, urgency, ServiceRequest.opened_at, ServiceRequest.id)
    )
    if contact_id is not None:
        stmt = stmt.where(ServiceRequest.contact_id == contact_id)
    if open_only:
        stmt = stmt.where(~finished)
    with db.session() as session:
        return [
            RequestRecord(
                id=row.id,
                subject=row.subject,
                description=row.description,
                contact_id=row.contact_id,
                contact=f"{first or ''} {last or ''}".strip() or None,
                owner=owner,
                priority=row.priority,
                status=row.status,
                opened_at=row.opened_at,
                first_response_at=row.first_response_at,
                resolved_at=row.resolved_at,
            )
            for row, first, last, owner in session.execute(stmt)
        ]


def open_request(
    db: Database,
    subject: str,
    *,
    contact_id: str | None = None,
    priority: str = Priority.NORMAL.value,
    description: str | None = None,
) -> str:
    subject = normalize_text(subject)
    if not subject:
        raise InvalidInput("درخواست موضوع لازم دارد.", "a request needs a subject")
    if priority not in {p.value for p in Priority}:
        raise InvalidInput("اولویت درخواست معتبر نیست.", f"invalid priority {priority!r}")
    with db.session() as session:
        company_id = None
        if contact_id is not None:
            contact = session.get(Contact, contact_id)
            if contact is None or contact.deleted_at is not None:
                raise NotFound("این مخاطب وجود ندارد.", f"no contact with id {contact_id!r}")
            company_id = contact.company_id
        request = ServiceRequest(
            subject=subject,
            description=normalize_multiline(description or "") or None,
            contact_id=contact_id,
            company_id=company_id,
            owner_id=lookups.current_user_id(session),
            priority=priority,
            status=RequestStatus.OPEN.value,
            opened_at=utcnow(),
        )
        session.add(request)
        session.flush()
        return request.id


def set_status(db: Database, request_id: str, status: str) -> None:
    """Move a request on (or back): the first move on from "open" stamps the first
    response, "resolved" stamps the resolution; back to "open" keeps the stamps."""
    if status not in STATUSES:
        raise InvalidInput("وضعیت درخواست معتبر نیست.", f"invalid status {status!r}")
    with db.session() as session:
        request = session.get(ServiceRequest, request_id)
        if request is None or request.deleted_at is not None:
            raise NotFound("این درخواست وجود ندارد.", f"no request with id {request_id!r}")
        now = utcnow()
        if status != RequestStatus.OPEN and request.first_response_at is None:
            request.first_response_at = now
        if status in (RequestStatus.RESOLVED, RequestStatus.CLOSED) and request.resolved_at is None:
            request.resolved_at = now
        request.status = status
