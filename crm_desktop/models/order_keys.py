"""Order keys: text that sorts where a card is put, with room between any two.

A card dropped between two others gets a key strictly between theirs, so a move writes
one row and never renumbers a column; two laptops that drop cards in the same place
offline get keys that still sort (and merge) cleanly, which floats cannot promise once
their precision runs out. A key is a base-36 fraction ``0.d1 d2 d3...`` written as its
digits, without trailing zeros.
"""

from __future__ import annotations

DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"  # sorted as text, as they are as numbers
BASE = len(DIGITS)
_VALUE = {digit: n for n, digit in enumerate(DIGITS)}


def _check(key: str) -> None:
    if not key or key.endswith(DIGITS[0]) or any(c not in _VALUE for c in key):
        raise ValueError(f"not an order key: {key!r}")


def key_between(before: str | None, after: str | None) -> str:
    """A key that sorts after ``before`` and before ``after`` (None: no bound)."""
    if before is not None:
        _check(before)
    if after is not None:
        _check(after)
        if before is not None and not before < after:
            raise ValueError(f"{before!r} does not sort before {after!r}")
    digits: list[str] = []
    position = 0
    while True:
        low = _VALUE[before[position]] if before is not None and position < len(before) else 0
        high = _VALUE[after[position]] if after is not None and position < len(after) else BASE
        if high - low > 1:
            digits.append(DIGITS[(low + high) // 2])
            return "".join(digits)
        # No room at this digit: keep the lower one and look for room further right.
        digits.append(DIGITS[low])
        if high - low == 1 and after is not None and position < len(after):
            after = None  # anything longer than the shared prefix sorts before it now
        position += 1


def key_after(last: str | None) -> str:
    """A key just after ``last``, for a card put at the end of its column: ``last`` plus
    one at its last digit (at least ``APPEND_WIDTH`` digits), so that keys stay short
    however many cards are appended one by one (``key_between(last, None)`` halves the
    room left each time and grows a digit every few cards)."""
    if last is None:
        return DIGITS[BASE // 2]
    _check(last)
    width = max(len(last), APPEND_WIDTH)
    value = 0
    for digit in last.ljust(width, DIGITS[0]):
        value = value * BASE + _VALUE[digit]
    value += 1
    if value >= BASE**width:  # all the last digits used: one more digit
        return last + DIGITS[BASE // 2]
    digits = "".join(DIGITS[value // BASE ** (width - 1 - i) % BASE] for i in range(width))
    return digits.rstrip(DIGITS[0])


def spread_keys(count: int) -> list[str]:
    """``count`` keys in order, evenly apart (a whole column laid out at once)."""
    width = 1
    while BASE**width <= count:
        width += 1
    keys = []
    for n in range(1, count + 1):
        value = n * BASE**width // (count + 1)
        text = "".join(DIGITS[value // BASE ** (width - 1 - i) % BASE] for i in range(width))
        keys.append(text.rstrip(DIGITS[0]) or DIGITS[1])
    return keys


APPEND_WIDTH = 4  # digits of a counter: 1.6 million cards appended at once


def appended_key(last: str | None, index: int) -> str:
    """The ``index``-th (from 0) of many cards put after ``last`` at once (an import):
    ``last`` followed by the counter in fixed width, so that they sort in order, and a
    final digit so that no key ends in zero."""
    if last is not None:
        _check(last)
    if not 0 <= index < BASE**APPEND_WIDTH:
        raise ValueError(f"cannot append {index + 1} cards at once")
    digits = "".join(
        DIGITS[index // BASE ** (APPEND_WIDTH - 1 - i) % BASE] for i in range(APPEND_WIDTH)
    )
    return f"{last or ''}{digits}{DIGITS[BASE // 2]}"
