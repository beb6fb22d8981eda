"""UUIDv7 ids, made on the client so that rows created offline never collide."""

from __future__ import annotations

import os
import random
import threading
import time


class _Uuid7:
    """RFC 9562 UUIDv7 with a 12-bit counter keeping ids monotonic within a millisecond."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        # Seeded from the OS; ids need to be unique, not secret, and a syscall per id
        # costs more than the rest of making one (an import makes 300,000 at once).
        self._random = random.Random(os.urandom(32))
        self._last_ms = 0
        self._counter = 0

    def __call__(self) -> str:
        with self._lock:
            ms = time.time_ns() // 1_000_000
            if ms > self._last_ms:
                self._last_ms = ms
                self._counter = self._random.getrandbits(10)
            else:
                self._counter += 1
                if self._counter > 0xFFF:
                    self._last_ms += 1
                    self._counter = 0
            value = (self._last_ms & ((1 << 48) - 1)) << 80
            value |= 0x7 << 76
            value |= self._counter << 64
            value |= 0b10 << 62
            value |= self._random.getrandbits(62)
        # str(uuid.UUID(int=value)) without building the object: the same text.
        h = f"{value:032x}"
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


new_id = _Uuid7()
new_id.__doc__ = "A UUIDv7 as text: time-ordered, so new rows sort after old ones in indexes."
