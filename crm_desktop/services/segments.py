"""Saved contact filters ("segments") that appear in the navigation."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from crm_desktop.errors import InvalidInput, NotFound
from crm_desktop.locale import normalize_text
from crm_desktop.models import Segment, utcnow
from crm_desktop.models.database import Database
from crm_desktop.services.contact_list import ContactFilter


@dataclass(frozen=True)
class SegmentRecord:
    id: str
    name: str
    filter: ContactFilter


def _record(segment: Segment) -> SegmentRecord:
    return SegmentRecord(segment.id, segment.name, ContactFilter.from_json(segment.filter_json))


def _clean_name(name: str) -> str:
    clean = normalize_text(name)
    if not clean:
        raise InvalidInput("نام فهرست ذخیره‌شده خالی است.", "a saved filter needs a name")
    return clean


def list_segments(db: Database) -> list[SegmentRecord]:
    with db.session() as session:
        rows = session.scalars(
            select(Segment)
            .where(Segment.deleted_at.is_(None))
            .order_by(Segment.position, Segment.created_at)
        )
        return [_record(s) for s in rows]


def save_segment(db: Database, name: str, flt: ContactFilter) -> SegmentRecord:
    with db.session() as session:
        last = session.scalar(select(func.max(Segment.position))) or 0
        segment = Segment(
            name=_clean_name(name),
            filter_json=flt.to_json(),
            position=last + 1,
        )
        session.add(segment)
        session.flush()
        return _record(segment)


def update_segment(
    db: Database, segment_id: str, *, name: str | None = None, flt: ContactFilter | None = None
) -> SegmentRecord:
    with db.session() as session:
        segment = session.get(Segment, segment_id)
        if segment is None or segment.deleted_at is not None:
            raise NotFound("این فهرست ذخیره‌شده پیدا نشد.", f"no saved filter {segment_id!r}")
        if name is not None:
            segment.name = _clean_name(name)
        if flt is not None:
            segment.filter_json = flt.to_json()
        return _record(segment)


def delete_segment(db: Database, segment_id: str) -> None:
    with db.session() as session:
        segment = session.get(Segment, segment_id)
        if segment is None:
            raise NotFound("این فهرست ذخیره‌شده پیدا نشد.", f"no saved filter {segment_id!r}")
        segment.deleted_at = utcnow()


def restore_segment(db: Database, segment_id: str) -> None:
    with db.session() as session:
        segment = session.get(Segment, segment_id)
        if segment is None:
            raise NotFound("این فهرست ذخیره‌شده پیدا نشد.", f"no saved filter {segment_id!r}")
        segment.deleted_at = None
