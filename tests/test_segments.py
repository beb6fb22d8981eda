"""Saved contact filters."""

from __future__ import annotations

import pytest

from crm_desktop.errors import InvalidInput
from crm_desktop.models.database import Database, open_database
from crm_desktop.services import segments
from crm_desktop.services.contact_list import ContactFilter


def test_save_list_rename_delete_restore(db: Database) -> None:
    quiet = ContactFilter(cities=("تهران",), inactive_days=30)
    first = segments.save_segment(db, "  مشتریان كم‌تماس ", quiet)
    second = segments.save_segment(db, "سرنخ‌های من", ContactFilter(lifecycles=("lead",)))
    assert first.name == "مشتریان کم‌تماس" and first.filter == quiet
    with open_database(db.path) as again:  # stored, not just remembered
        assert [s.name for s in segments.list_segments(again)] == [first.name, second.name]
    segments.update_segment(db, first.id, name="تهران، بی‌تماس")
    segments.delete_segment(db, second.id)
    assert [(s.name, s.filter) for s in segments.list_segments(db)] == [("تهران، بی‌تماس", quiet)]
    segments.restore_segment(db, second.id)
    assert len(segments.list_segments(db)) == 2
    with pytest.raises(InvalidInput):
        segments.save_segment(db, "   ", quiet)
