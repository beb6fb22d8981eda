"""Is the row found at the top of a sheet its header, or already data?

A list copied out of a phone or another program often starts with its first contact:
"علی رضایی | 09121234567 | ali@example.com". Taken as a header, that contact would be
lost and the columns named after him. A header row's cells are words; a data row
usually holds a phone, an email, a number or a date. So the row is data when one of
its cells looks like a value and none of them is a header word the importer knows
(any alias of any field, in the registry's ``import_fields``). A row of plain words is
a header, known or not: that is what every sheet read so far has meant.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Sequence

from crm_desktop.locale import to_ascii_digits

__all__ = ["looks_like_data"]

_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
# A phone: digits with the usual separators, at least seven digits.
_PHONE = re.compile(r"\+?[\d\s\-().]{7,}")
_NUMBER = re.compile(r"[+-]?\d+(?:[.,\u066b]\d+)?")
_DATE = re.compile(r"\d{1,4}\s?[/\-.]\s?\d{1,2}\s?[/\-.]\s?\d{1,4}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?")


def looks_like_data(row: Sequence[object]) -> bool:
    """True when ``row`` (cells as read) is a data row rather than a header."""
    filled = [value for value in row if value is not None]
    if not filled or any(_is_header_word(value) for value in filled):
        return False
    return any(_is_value(value) for value in filled)


def _is_value(value: object) -> bool:
    if isinstance(value, bool | int | float | dt.date | dt.time | dt.timedelta):
        return True
    text = to_ascii_digits(str(value)).strip()
    if _EMAIL.fullmatch(text) or _NUMBER.fullmatch(text) or _DATE.fullmatch(text):
        return True
    return bool(_PHONE.fullmatch(text)) and sum(c.isdigit() for c in text) >= 7


def _is_header_word(value: object) -> bool:
    if not isinstance(value, str):
        return False
    from crm_desktop.services.column_mapping import header_key  # it imports this package

    key = header_key(value)
    if not key:
        return False
    words = _header_words()
    if key in words:
        return True
    # "شماره موبایل مشتری", "E-mail 2 Address": a known word inside the header.
    padded = f" {key} "
    return any(f" {word} " in padded for word in words if len(word) >= 3)


@functools.cache
def _header_words() -> frozenset[str]:
    from crm_desktop.services.column_mapping import header_key
    from crm_desktop.services.import_fields import ALIASES_BY_KIND

    return frozenset(
        header_key(alias)
        for aliases in ALIASES_BY_KIND.values()
        for names in aliases.values()
        for alias in names
    ) - {""}
