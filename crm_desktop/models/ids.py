"""UUIDv7 ids, made on the client so that rows created offline never collide."""

from __future__ import annotations

import os
import random
import threading
import time

_TAIL_BITS = 74  # after the 48 bits of milliseconds: a 12-bit counter, then 62 random bits
_RANDOM_BITS = 62
_RANDOM_MASK = (1 << _RANDOM_BITS) - 1


class _Uuid7:
    """RFC 9562 UUIDv7 with a 12-bit counter keeping ids monotonic within a millisecond."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        # Seeded from the OS; ids need to be unique, not secret, and a syscall per id
        # costs more than the rest of making one (an import makes 300,000 at once).
        self._random = random.Random(os.urandom(32))
        self._last_ms = 0
        self._counter = 0

    def _next(self) -> None:
        """Advance the millisecond and the counter past every id given so far."""
        ms = time.time_ns() // 1_000_000
        if ms > self._last_ms:
            self._last_ms = ms
            self._counter = self._random.getrandbits(10)
        else:
            self._counter += 1
            if self._counter > 0xFFF:
                self._last_ms += 1
                self._counter = 0

    def __call__(self) -> str:
        with self._lock:
            self._next()
            tail = self._counter << _RANDOM_BITS | self._random.getrandbits(_RANDOM_BITS)
            ms = self._last_ms
        return _text(ms, tail)

    def block(self, n: int) -> list[str]:
        """``n`` ids in order at the cost of one clock reading and one random draw: the
        first one made as ``new_id()`` makes one, each next one counting up from it
        (RFC 9562's "monotonic random" method). Every id made later sorts after them."""
        with self._lock:
            self._next()
            tail = self._counter << _RANDOM_BITS | self._random.getrandbits(_RANDOM_BITS)
            if tail + n > 1 << _TAIL_BITS:  # no room left in this millisecond
                self._last_ms += 1
                tail = self._random.getrandbits(_RANDOM_BITS)
            ms = self._last_ms
            self._counter = (tail + n - 1) >> _RANDOM_BITS
        ids: list[str] = []
        end = tail + n
        while tail < end:
            # The ids of one counter value share their first 64 bits: that text once.
            counter = tail >> _RANDOM_BITS
            stop = min(end, (counter + 1) << _RANDOM_BITS)
            head = _text(ms, counter << _RANDOM_BITS)[:19]
            variant = 0b10 << _RANDOM_BITS
            low = variant | (tail & _RANDOM_MASK)
            lows = map("{:016x}".format, range(low, low + stop - tail))
            ids += [f"{head}{h[:4]}-{h[4:]}" for h in lows]
            tail = stop
        return ids


def _text(ms: int, tail: int) -> str:
    value = (ms & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76
    value |= (tail >> _RANDOM_BITS) << 64
    value |= 0b10 << 62
    value |= tail & _RANDOM_MASK
    # str(uuid.UUID(int=value)) without building the object: the same text.
    h = f"{value:032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


new_id = _Uuid7()
new_id.__doc__ = "A UUIDv7 as text: time-ordered, so new rows sort after old ones in indexes."


class IdStream:
    """New ids for a job that makes them by the hundred thousand (an import's rows),
    taken from ``new_id.block`` a block at a time: one lock, one clock reading and one
    random draw per block instead of per id.

    Ids of one stream come in order; a block is reserved when the last one runs out,
    so an id ``new_id()`` made meanwhile may sort between two ids of the stream.
    """

    def __init__(self, block: int = 4096) -> None:
        self._size = block
        self._ids: list[str] = []

    def __call__(self) -> str:
        if not self._ids:
            self._ids = new_id.block(self._size)
            self._ids.reverse()
        return self._ids.pop()
