"""Ids made on the client: UUIDv7, unique and in creation order."""

from __future__ import annotations

import time
import uuid

from crm_desktop.models import new_id


def test_ids_are_uuid7_unique_and_time_ordered() -> None:
    ids = [new_id() for _ in range(20_000)]
    assert len(set(ids)) == len(ids)
    assert ids == sorted(ids)  # many share a millisecond: the counter keeps order
    parsed = uuid.UUID(ids[0])
    assert parsed.version == 7 and parsed.variant == uuid.RFC_4122
    millis = int(ids[-1].replace("-", "")[:12], 16)
    assert abs(millis - time.time() * 1000) < 60_000


def test_blocks_of_ids_are_uuid7_in_order_and_before_every_later_id() -> None:
    from crm_desktop.models.ids import IdStream

    before = new_id()
    block = new_id.block(10_000)
    after = new_id()
    stream = IdStream(block=7)
    streamed = [stream() for _ in range(50)]
    ids = [before, *block, after, *streamed, new_id()]
    assert len(set(ids)) == len(ids)
    assert ids == sorted(ids)
    for text in (block[0], block[-1], streamed[-1]):
        parsed = uuid.UUID(text)
        assert str(parsed) == text
        assert parsed.version == 7 and parsed.variant == uuid.RFC_4122
