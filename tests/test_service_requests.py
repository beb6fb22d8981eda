"""Service requests: opened, answered, resolved, with their response times; the open
and urgent first."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import update

from crm_desktop.errors import InvalidInput, NotFound
from crm_desktop.models import ServiceRequest
from crm_desktop.models.database import Database
from crm_desktop.services import contacts
from crm_desktop.services.fields import changes_from_text
from crm_desktop.services.service_requests import list_requests, open_request, set_status
from crm_desktop.services.users import create_user, set_current_user


@pytest.fixture
def person(db: Database) -> str:
    set_current_user(db, create_user(db, "سارا احمدی", "sara").id)
    return contacts.create_contact(
        db, changes_from_text({"first_name": "علی", "company": "پارس"})
    ).id


def _opened_ago(db: Database, request_id: str, minutes: int) -> None:
    """As if it was opened ``minutes`` ago (the clock is not sped up)."""
    with db.session() as session:
        stmt = update(ServiceRequest).where(ServiceRequest.id == request_id)
        opened = dt.datetime.now(dt.UTC).replace(tzinfo=None) - dt.timedelta(minutes=minutes)
        session.execute(stmt.values(opened_at=opened))


def test_a_request_answered_and_resolved_says_how_fast(db: Database, person: str) -> None:
    request = open_request(db, "خرابی دستگاه", contact_id=person, priority="high")
    (opened,) = list_requests(db, contact_id=person)
    assert (opened.status, opened.owner, opened.contact) == ("open", "سارا احمدی", "علی")
    assert opened.response_minutes is None
    _opened_ago(db, request, 90)
    set_status(db, request, "in_progress")
    (answered,) = list_requests(db)
    assert answered.response_minutes == 90 and answered.resolution_minutes is None
    set_status(db, request, "resolved")
    (resolved,) = list_requests(db)
    assert resolved.response_minutes == 90  # the first response stays as it was
    assert resolved.resolution_minutes == 90 and resolved.resolved_at is not None
    set_status(db, request, "open")  # reopened: what happened stays said
    (again,) = list_requests(db, open_only=True)
    assert again.resolved_at is not None and again.status == "open"


def test_the_open_and_urgent_come_first(db: Database, person: str) -> None:
    low = open_request(db, "سؤال", priority="low")
    done = open_request(db, "نصب", priority="urgent")
    urgent = open_request(db, "قطعی", priority="urgent")
    set_status(db, done, "closed")
    assert [r.id for r in list_requests(db)] == [urgent, low, done]
    assert [r.id for r in list_requests(db, open_only=True)] == [urgent, low]


def test_bad_requests_are_refused(db: Database, person: str) -> None:
    with pytest.raises(InvalidInput):
        open_request(db, "  ")
    with pytest.raises(InvalidInput):
        open_request(db, "x", priority="someday")
    with pytest.raises(NotFound):
        open_request(db, "x", contact_id="nobody")
    request = open_request(db, "x")
    with pytest.raises(InvalidInput):
        set_status(db, request, "lost")
    assert len(list_requests(db)) == 1
