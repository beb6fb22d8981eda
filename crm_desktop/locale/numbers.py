"""Numbers and money: Persian display with separators, tolerant parsing of input.

Amounts are stored as integer rials. Users think in tomans (10 rials) as often as in
rials, so both are accepted on input and either can be chosen for display.
"""

from __future__ import annotations

import math
import re

from crm_desktop.errors import InvalidInput
from crm_desktop.locale.text import normalize_text, to_persian_digits

__all__ = ["format_number", "format_rials", "parse_amount"]

PERSIAN_THOUSANDS = "\u066c"  # ٬ ARABIC THOUSANDS SEPARATOR
PERSIAN_DECIMAL = "\u066b"  # ٫ ARABIC DECIMAL SEPARATOR

_UNIT_WORDS = {"rial": "ریال", "toman": "تومان"}

# Unit suffixes accepted on input, longest first so "rials" is not read as "rial" + "s".
_UNIT_SUFFIXES: tuple[tuple[str, int], ...] = (
    ("tomans", 10),
    ("toman", 10),
    ("تومان", 10),
    ("rials", 1),
    ("rial", 1),
    ("ریال", 1),
    ("irr", 1),
)

# Either plain digits or correctly grouped thousands. Requiring groups of three stops
# a European "1,5" from silently becoming fifteen.
_AMOUNT_RE = re.compile(
    r"(?P<sign>[-+\u2212]?)"
    r"(?P<int>\d+|\d{1,3}(?:[,\u066c\u060c ]\d{3})+)"
    r"(?:[.\u066b](?P<frac>\d+))?",
    re.ASCII,
)
_SEPARATORS = re.compile(r"[,\u066c\u060c ]")


def format_number(n: int, *, persian_digits: bool = True) -> str:
    """``۱۲٬۵۰۰٬۰۰۰`` (or ``12,500,000`` with ``persian_digits=False``)."""
    text = f"{n:,}"
    if persian_digits:
        return to_persian_digits(text.replace(",", PERSIAN_THOUSANDS))
    return text


def format_rials(n: int, *, unit: str = "rial", persian_digits: bool = True) -> str:
    """Format an amount held in rials, shown in rials or (``unit="toman"``) in tomans.

    Tomans get one decimal only when the rial amount is not a multiple of ten, so no
    rial is ever lost from the display.
    """
    if unit not in _UNIT_WORDS:
        raise ValueError(f"unknown currency unit {unit!r}; use 'rial' or 'toman'")
    if unit == "rial":
        return f"{format_number(n, persian_digits=persian_digits)} {_UNIT_WORDS[unit]}"
    # Split the sign off first: divmod of a negative number would round the wrong way.
    sign = "-" if n < 0 else ""
    tomans, rials = divmod(abs(n), 10)
    text = sign + format_number(tomans, persian_digits=persian_digits)
    if rials:
        decimal_point = PERSIAN_DECIMAL if persian_digits else "."
        digit = to_persian_digits(str(rials)) if persian_digits else str(rials)
        text += decimal_point + digit
    return f"{text} {_UNIT_WORDS[unit]}"


def _invalid(value: object) -> InvalidInput:
    return InvalidInput(
        f"مبلغ «{value}» معتبر نیست؛ یک عدد صحیح به ریال یا تومان وارد کنید.",
        f"Invalid amount '{value}': enter a whole number of rials or tomans.",
    )


def parse_amount(s: str | int | float) -> int:
    """Read an amount in rials from text such as ``۱۲٬۵۰۰٬۰۰۰ ریال`` or ``1,250 toman``.

    Tomans are converted to rials. Anything that is not a whole number of rials (a
    fraction, letters, badly grouped separators) raises InvalidInput.
    """
    if isinstance(s, bool):
        raise _invalid(s)
    if isinstance(s, int):
        return s
    if isinstance(s, float):
        # Excel hands whole numbers over as floats; a real fraction is a mistake.
        if not math.isfinite(s) or not s.is_integer():
            raise _invalid(s)
        return int(s)
    text = normalize_text(s)
    shown = text
    factor = 1
    lowered = text.casefold()
    for suffix, unit_factor in _UNIT_SUFFIXES:
        if lowered.endswith(suffix):
            text = text[: -len(suffix)].strip()
            factor = unit_factor
            break
    match = _AMOUNT_RE.fullmatch(text)
    if match is None:
        raise _invalid(shown)
    digits = _SEPARATORS.sub("", match["int"])
    fraction = match["frac"] or ""
    # Integer arithmetic keeps huge amounts exact, which Decimal's context would not.
    try:
        scaled = int(digits + fraction) * factor
    except ValueError as exc:  # more digits than int() accepts: not an amount anyway
        raise _invalid(shown) from exc
    divisor: int = 10 ** len(fraction)
    value, remainder = divmod(scaled, divisor)
    if remainder:
        raise _invalid(shown)
    return -value if match["sign"] in ("-", "\u2212") else value
