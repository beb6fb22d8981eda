"""The week's work: activities, targets, service requests and message templates."""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import Date, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from crm_desktop.models.base import Base, Tracked
from crm_desktop.models.people import one_of


class ActivityType(Tracked, Base):
    __tablename__ = "activity_types"

    code: Mapped[str] = mapped_column(String(20))  # call, meeting, email, sms, note, task
    name: Mapped[str] = mapped_column(String(100))
    position: Mapped[int] = mapped_column(Integer, default=0)


class Activity(Tracked, Base):
    __tablename__ = "activities"

    type_id: Mapped[str] = mapped_column(ForeignKey("activity_types.id"), index=True)
    subject: Mapped[str] = mapped_column(String(300), default="")
    body: Mapped[str | None] = mapped_column(Text)
    due_at: Mapped[dt.datetime | None] = mapped_column(DateTime, index=True)
    done_at: Mapped[dt.datetime | None] = mapped_column(DateTime, index=True)
    outcome: Mapped[str | None] = mapped_column(String(200))
    duration_minutes: Mapped[int | None] = mapped_column(Integer)
    contact_id: Mapped[str | None] = mapped_column(ForeignKey("contacts.id"), index=True)
    deal_id: Mapped[str | None] = mapped_column(ForeignKey("deals.id"), index=True)
    company_id: Mapped[str | None] = mapped_column(ForeignKey("companies.id"), index=True)
    owner_id: Mapped[str | None] = mapped_column(ForeignKey("users.id"), index=True)


class Target(Tracked, Base):
    __tablename__ = "targets"

    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"), index=True)
    period_start: Mapped[dt.date] = mapped_column(Date)
    period_end: Mapped[dt.date] = mapped_column(Date)
    revenue: Mapped[int] = mapped_column(Integer, default=0)  # rials
    deals_won: Mapped[int] = mapped_column(Integer, default=0)
    calls: Mapped[int] = mapped_column(Integer, default=0)


class ActivityKind(enum.StrEnum):
    """``activity_types.code``: what an activity is."""

    CALL = "call"
    MEETING = "meeting"
    EMAIL = "email"
    SMS = "sms"
    NOTE = "note"
    TASK = "task"


class Priority(enum.StrEnum):
    LOW = "low"
    NORMAL = "normal"
    HIGH = "high"
    URGENT = "urgent"


class RequestStatus(enum.StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    RESOLVED = "resolved"
    CLOSED = "closed"


class ServiceRequest(Tracked, Base):
    __tablename__ = "service_requests"
    __table_args__ = (one_of("priority", Priority), one_of("status", RequestStatus))

    subject: Mapped[str] = mapped_column(String(300))
    description: Mapped[str | None] = mapped_column(Text)
    contact_id: Mapped[str | None] = mapped_column(ForeignKey("contacts.id"), index=True)
    company_id: Mapped[str | None] = mapped_column(ForeignKey("companies.id"), index=True)
    owner_id: Mapped[str | None] = mapped_column(ForeignKey("users.id"), index=True)
    priority: Mapped[str] = mapped_column(String(20), default=Priority.NORMAL.value)
    status: Mapped[str] = mapped_column(String(20), default=RequestStatus.OPEN.value)
    opened_at: Mapped[dt.datetime] = mapped_column(DateTime)
    first_response_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    resolved_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class MessageTemplate(Tracked, Base):
    __tablename__ = "message_templates"

    name: Mapped[str] = mapped_column(String(200))
    channel: Mapped[str] = mapped_column(String(20), default="email")  # email, sms, letter
    subject: Mapped[str | None] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text, default="")
