"""Tables that belong to this laptop only and are never synced."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from crm_desktop.models.base import Base


class Setting(Base):
    """Key/value settings of this installation: current user, office name, site id."""

    __tablename__ = "local_settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class ContactSearch(Base):
    """Normalized text of each live contact, indexed by two FTS5 tables.

    ``contact_fts`` (trigram) finds any part of three characters or more;
    ``contact_words`` finds words by their first one or two characters. Derived data,
    rebuilt from the contacts at any time: a trashed contact has no row, and the copy
    of its sort key lets a search list its matches in order without touching
    ``contacts``. The integer key exists because FTS5 needs a stable integer rowid.
    """

    __tablename__ = "contact_search"
    __table_args__ = (Index("ix_contact_search_sort_key", "sort_key", "contact_id"),)

    doc_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    contact_id: Mapped[str] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), unique=True
    )
    sort_key: Mapped[str] = mapped_column(String(400), default="")
    body: Mapped[str] = mapped_column(Text, default="")
