"""Tables that belong to this laptop only and are never synced."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from crm_desktop.models.base import Base


class Setting(Base):
    """Key/value settings of this installation: current user, office name, site id."""

    __tablename__ = "local_settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class ContactSearch(Base):
    """Normalized text of each contact, indexed by the ``contact_fts`` FTS5 table.

    Derived data: rebuilt from the contacts at any time. The integer key exists because
    FTS5 external content needs a stable integer rowid.
    """

    __tablename__ = "contact_search"

    doc_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    contact_id: Mapped[str] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), unique=True
    )
    body: Mapped[str] = mapped_column(Text, default="")
