"""Declarative base and the columns every synced row carries.

Rules from the design: UUIDv7 text keys made on the client, soft deletion (a tombstone
time), created/updated times and the users who made and last changed the row. Times are
stored as naive UTC.

The users are the connection's current user (``crm_user()``, a function each connection
of the app defines: ``models.capture``); the change-log triggers stamp ``updated_at``
and ``updated_by`` on every real change, so no code sets them by hand.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, FetchedValue, ForeignKey, MetaData, String, func
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

from crm_desktop.models.ids import new_id

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


# The table's rows are parts of the record this column names (a contact's phones).
PART_OF = "part_of"
# A column computed from others (a sort key): kept in step by the code, not a change.
DERIVED = {"derived": True}
# Columns the triggers keep (not changes of their own): who and when.
STAMP_COLUMNS = ("created_at", "updated_at", "created_by", "updated_by")


class Tracked:
    """Mixin for every synced table."""

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    # The triggers set these on every real change: the ORM reads them back after one.
    updated_at: Mapped[dt.datetime] = mapped_column(
        DateTime, default=utcnow, server_onupdate=FetchedValue()
    )
    deleted_at: Mapped[dt.datetime | None] = mapped_column(DateTime, default=None)

    @declared_attr
    @classmethod
    def created_by(cls) -> Mapped[str | None]:
        return mapped_column(String(36), ForeignKey("users.id"), default=func.crm_user())

    @declared_attr
    @classmethod
    def updated_by(cls) -> Mapped[str | None]:
        return mapped_column(
            String(36),
            ForeignKey("users.id"),
            default=func.crm_user(),
            server_onupdate=FetchedValue(),
        )
