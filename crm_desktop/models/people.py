"""Users, companies, contacts and what hangs off a contact (phones, emails, tags)."""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import CheckConstraint, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from crm_desktop.models.base import DERIVED, PART_OF, Base, Tracked


class Role(enum.StrEnum):
    MANAGER = "manager"
    REP = "rep"


class Lifecycle(enum.StrEnum):
    LEAD = "lead"
    PROSPECT = "prospect"
    CUSTOMER = "customer"
    INACTIVE = "inactive"


class Channel(enum.StrEnum):
    """How a contact prefers to be reached."""

    PHONE = "phone"
    SMS = "sms"
    EMAIL = "email"
    WHATSAPP = "whatsapp"
    TELEGRAM = "telegram"
    INSTAGRAM = "instagram"
    IN_PERSON = "in_person"
    POST = "post"


def one_of(column: str, values: type[enum.StrEnum]) -> CheckConstraint:
    """A CHECK that ``column`` holds one of the enumeration's values (named after it)."""
    allowed = ", ".join(f"'{member.value}'" for member in values)
    return CheckConstraint(f"{column} IN ({allowed})", name=column)


class User(Tracked, Base):
    __tablename__ = "users"
    __table_args__ = (one_of("role", Role),)

    name: Mapped[str] = mapped_column(String(200))
    username: Mapped[str] = mapped_column(String(100), index=True)
    role: Mapped[str] = mapped_column(String(20), default=Role.REP.value)
    email: Mapped[str | None] = mapped_column(String(320))
    phone: Mapped[str | None] = mapped_column(String(32))
    active: Mapped[bool] = mapped_column(default=True)


class Company(Tracked, Base):
    __tablename__ = "companies"

    name: Mapped[str] = mapped_column(String(300))
    sort_key: Mapped[str] = mapped_column(String(300), default="", index=True, info=DERIVED)
    industry: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(32))
    email: Mapped[str | None] = mapped_column(String(320))
    website: Mapped[str | None] = mapped_column(String(500))
    address: Mapped[str | None] = mapped_column(Text)
    city: Mapped[str | None] = mapped_column(String(100))
    province: Mapped[str | None] = mapped_column(String(100))
    owner_id: Mapped[str | None] = mapped_column(ForeignKey("users.id"), index=True)
    notes: Mapped[str | None] = mapped_column(Text)

    contacts: Mapped[list[Contact]] = relationship(back_populates="company")


class Contact(Tracked, Base):
    __tablename__ = "contacts"
    __table_args__ = (one_of("lifecycle", Lifecycle),)

    first_name: Mapped[str] = mapped_column(String(200), default="")
    last_name: Mapped[str] = mapped_column(String(200), default="")
    sort_key: Mapped[str] = mapped_column(String(400), default="", index=True, info=DERIVED)
    company_id: Mapped[str | None] = mapped_column(ForeignKey("companies.id"), index=True)
    job_title: Mapped[str | None] = mapped_column(String(200))
    address: Mapped[str | None] = mapped_column(Text)
    city: Mapped[str | None] = mapped_column(String(100), index=True)
    province: Mapped[str | None] = mapped_column(String(100))
    birth_date: Mapped[dt.date | None] = mapped_column(Date)
    preferred_channel: Mapped[str | None] = mapped_column(String(20))
    lead_source_id: Mapped[str | None] = mapped_column(ForeignKey("lead_sources.id"), index=True)
    campaign_id: Mapped[str | None] = mapped_column(ForeignKey("campaigns.id"), index=True)
    owner_id: Mapped[str | None] = mapped_column(ForeignKey("users.id"), index=True)
    lifecycle: Mapped[str] = mapped_column(String(20), default=Lifecycle.LEAD.value, index=True)
    # Worked out from rules (``services.lead_score``), kept for sorting: not a change.
    lead_score: Mapped[int] = mapped_column(Integer, default=0, index=True, info=DERIVED)
    notes: Mapped[str | None] = mapped_column(Text)
    # Set when this contact was merged into another: the survivor's id.
    merged_into_id: Mapped[str | None] = mapped_column(String(36))

    company: Mapped[Company | None] = relationship(back_populates="contacts")


class ContactPhone(Tracked, Base):
    __tablename__ = "contact_phones"
    __table_args__ = ({"info": {PART_OF: "contact_id"}},)  # in the contact's history

    contact_id: Mapped[str] = mapped_column(ForeignKey("contacts.id"), index=True)
    number: Mapped[str] = mapped_column(String(32), index=True)  # E.164
    kind: Mapped[str] = mapped_column(String(20), default="mobile")
    position: Mapped[int] = mapped_column(Integer, default=0)


class ContactEmail(Tracked, Base):
    __tablename__ = "contact_emails"
    __table_args__ = ({"info": {PART_OF: "contact_id"}},)  # in the contact's history

    contact_id: Mapped[str] = mapped_column(ForeignKey("contacts.id"), index=True)
    address: Mapped[str] = mapped_column(String(320), index=True)  # lower case
    position: Mapped[int] = mapped_column(Integer, default=0)


class Tag(Tracked, Base):
    __tablename__ = "tags"

    name: Mapped[str] = mapped_column(String(100), index=True)
    color: Mapped[str | None] = mapped_column(String(9))


class ContactTag(Tracked, Base):
    __tablename__ = "contact_tags"
    __table_args__ = ({"info": {PART_OF: "contact_id"}},)  # in the contact's history

    contact_id: Mapped[str] = mapped_column(ForeignKey("contacts.id"), index=True)
    tag_id: Mapped[str] = mapped_column(ForeignKey("tags.id"), index=True)


class Segment(Tracked, Base):
    """A saved contacts filter, shown in the navigation (shared by the office)."""

    __tablename__ = "segments"

    name: Mapped[str] = mapped_column(String(200))
    filter_json: Mapped[str] = mapped_column(Text, default="{}")
    position: Mapped[int] = mapped_column(Integer, default=0)
