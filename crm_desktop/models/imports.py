"""What each import did, so that it can be undone as a whole, even days later."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from crm_desktop.models.base import Base, Tracked


class ImportBatch(Tracked, Base):
    """One import of one sheet: where it came from, what it counted, whether undone."""

    __tablename__ = "imports"
    __table_args__ = ({"info": {"local": True}},)  # this laptop's own record, not synced

    file_name: Mapped[str] = mapped_column(String(500))
    sheet: Mapped[str] = mapped_column(String(200), default="")
    kind: Mapped[str] = mapped_column(String(20))  # contacts, companies, deals
    on_duplicate: Mapped[str] = mapped_column(String(10), default="update")
    rows: Mapped[int] = mapped_column(Integer, default=0)
    created: Mapped[int] = mapped_column(Integer, default=0)
    updated: Mapped[int] = mapped_column(Integer, default=0)
    duplicates: Mapped[int] = mapped_column(Integer, default=0)
    skipped: Mapped[int] = mapped_column(Integer, default=0)
    problems_json: Mapped[str] = mapped_column(Text, default="[]")
    user_id: Mapped[str | None] = mapped_column(ForeignKey("users.id"))
    undone_at: Mapped[dt.datetime | None] = mapped_column(DateTime, default=None)


class ImportChange(Tracked, Base):
    """One thing an import did: created a record, or filled one field of one.

    ``action`` is ``create`` (the row ``record_id`` of ``table_name`` is new) or
    ``fill`` (``field`` of an existing record went from ``old_value`` to
    ``new_value``, both JSON). ``reverted`` is set while the import is undone.
    """

    __tablename__ = "import_changes"
    __table_args__ = ({"info": {"local": True}},)

    import_id: Mapped[str] = mapped_column(ForeignKey("imports.id"), index=True)
    table_name: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[str] = mapped_column(String(36), index=True)
    action: Mapped[str] = mapped_column(String(10))
    field: Mapped[str | None] = mapped_column(String(60))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    reverted: Mapped[bool] = mapped_column(Boolean, default=False)
