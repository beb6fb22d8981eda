"""How values read in the interface: digits for the current language, LTR islands.

Persian digits are used whenever the application's default locale is Persian
(``setup_application`` sets it once), so every screen agrees without passing the
language around.
"""

from __future__ import annotations

import datetime as dt
import unicodedata

from PySide6.QtCore import QLocale

from crm_desktop.locale import (
    IRAN_UTC_OFFSET,
    format_jalali,
    format_number,
    format_rials,
    to_persian_digits,
)

LRI = "\u2066"  # LEFT-TO-RIGHT ISOLATE
PDI = "\u2069"  # POP DIRECTIONAL ISOLATE


def persian_digits_enabled() -> bool:
    return QLocale().language() == QLocale.Language.Persian


def interface_language() -> str:
    """``fa`` or ``en``: which of the field registry's labels the interface shows."""
    return "fa" if persian_digits_enabled() else "en"


def display_digits(text: str) -> str:
    """``text`` with its digits in the interface's language (a version, a sample number)."""
    return to_persian_digits(text) if persian_digits_enabled() else text


def moment_text(local: dt.datetime) -> str:
    """``۱۴۰۵/۰۹/۰۱ ۱۴:۰۵``: a local date and time, Jalali, left to right."""
    day = format_jalali(local.date(), persian_digits=False)
    return left_to_right(display_digits(f"{day} {local:%H:%M}"))


def stored_moment_text(when: dt.datetime) -> str:
    """``moment_text`` of a time the database keeps (naive UTC), on the office's clock:
    the one its days, due times and reports are counted in, whatever zone the laptop
    is set to."""
    return moment_text(when + IRAN_UTC_OFFSET)


def display_number(n: int) -> str:
    """``۱۲٬۳۴۵`` in the Persian interface, ``12,345`` in the English one."""
    return format_number(n, persian_digits=persian_digits_enabled())


def amount_text(rials: int, unit: str) -> str:
    """An amount of money in the office's unit (``unit``: rial or toman), with its name."""
    return format_rials(rials, unit=unit, persian_digits=persian_digits_enabled())


def display_percent(n: int) -> str:
    """``۴۰٪`` in the Persian interface (the Arabic percent sign), ``40%`` in the
    English one."""
    return f"{display_number(n)}٪" if persian_digits_enabled() else f"{n}%"


def left_to_right(text: str) -> str:
    """Keep a phone number, email or file name in its own order inside RTL text.

    Persian digits are weak "European number" characters in the bidi algorithm, so
    without an isolate the groups of ``۰۹۱۲ ۱۲۳ ۴۵۶۷`` would be laid out right to left.
    """
    return f"{LRI}{text}{PDI}" if text else text


def own_direction(text: str) -> str:
    """A value of unknown kind set into a list: Persian text keeps its direction, and
    anything without a right-to-left letter (a phone, an email, a number, a date) is
    laid out left to right, which FIRST STRONG ISOLATE would not do for "+98 912 …"."""
    return isolate(text) if has_right_to_left(text) else left_to_right(text)


def has_right_to_left(text: str) -> bool:
    """Whether ``text`` has a right-to-left letter (Persian, Arabic, Hebrew)."""
    return any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in text)


def latin_left_to_right(text: str) -> str:
    """A value in a right-to-left list or table: Persian text as it is, and text with
    no right-to-left letter in its own order ("999 Super Way" would otherwise end in
    999, "Acme Inc." begin with its full stop)."""
    return text if not text or has_right_to_left(text) else left_to_right(text)


def isolate(text: str) -> str:
    """A name set into a sentence keeps its own direction (U+2068 FIRST STRONG ISOLATE).

    "Contact: علی رضایی" in the English interface would otherwise be laid out with the
    colon on the wrong side of the Persian name.
    """
    return f"\u2068{text}\u2069" if text else text
