"""Jalali (Solar Hijri) dates for input and display; storage stays ISO Gregorian.

Weeks run Saturday to Friday, as they do in Iran, so weekly reports use
``week_of``/``last_complete_week`` instead of ISO weeks.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re

import jdatetime

from crm_desktop.errors import InvalidInput
from crm_desktop.locale.text import normalize_text, to_persian_digits

__all__ = [
    "JALALI_MONTHS",
    "WEEKDAYS",
    "format_jalali",
    "format_jalali_long",
    "from_jalali",
    "last_complete_week",
    "parse_jalali_date",
    "to_jalali",
    "week_of",
    "weekday_index",
]

JALALI_MONTHS: tuple[str, ...] = (
    "فروردین",
    "اردیبهشت",
    "خرداد",
    "تیر",
    "مرداد",
    "شهریور",
    "مهر",
    "آبان",
    "آذر",
    "دی",
    "بهمن",
    "اسفند",
)

WEEKDAYS: tuple[str, ...] = (
    "شنبه",
    "یکشنبه",
    "دوشنبه",
    "سه‌شنبه",
    "چهارشنبه",
    "پنجشنبه",
    "جمعه",
)

# One separator kind per date ("1365/4/12", "1365-4-12", "1365.4.12", "۱۳۶۵٫۴٫۱۲"); a
# mixed "1365/4-12" is more likely a typo than a date. Only four-digit years, so
# that "65/4/12" is not silently read as the year 65.
_DATE_RE = re.compile(r"(\d{4}) ?([/\-.\u066b]) ?(\d{1,2}) ?\2 ?(\d{1,2})", re.ASCII)

_ONE_DAY = _dt.timedelta(days=1)


# --- typed wrapper around jdatetime (it ships no type information) ---------------


def _jalali_is_leap(year: int) -> bool:
    return bool(jdatetime.date(year, 1, 1).isleap())


def _jalali_to_gregorian(year: int, month: int, day: int) -> _dt.date:
    gregorian = jdatetime.date(year, month, day).togregorian()
    return _dt.date(int(gregorian.year), int(gregorian.month), int(gregorian.day))


def _gregorian_to_jalali(d: _dt.date) -> tuple[int, int, int]:
    jalali = jdatetime.date.fromgregorian(date=d)
    return int(jalali.year), int(jalali.month), int(jalali.day)


# --- validation ------------------------------------------------------------------


def _days_in_month(year: int, month: int) -> int:
    if month <= 6:
        return 31
    if month <= 11:
        return 30
    return 30 if _jalali_is_leap(year) else 29


def _check_jalali(year: int, month: int, day: int, shown: str) -> None:
    """Raise InvalidInput unless year/month/day is a real Jalali date."""
    if not 1000 <= year <= 9377:
        raise InvalidInput(
            f"تاریخ «{shown}» معتبر نیست: سال باید چهار رقمی باشد (مثلاً ۱۴۰۳).",
            f"Invalid date '{shown}': the year must have four digits (e.g. 1403).",
        )
    if not 1 <= month <= 12:
        raise InvalidInput(
            f"تاریخ «{shown}» معتبر نیست: ماه باید بین ۱ و ۱۲ باشد.",
            f"Invalid date '{shown}': the month must be between 1 and 12.",
        )
    days = _days_in_month(year, month)
    if not 1 <= day <= days:
        month_name = JALALI_MONTHS[month - 1]
        raise InvalidInput(
            f"تاریخ «{shown}» معتبر نیست: {month_name} سال {to_persian_digits(str(year))} "
            f"فقط {to_persian_digits(str(days))} روز دارد.",
            f"Invalid date '{shown}': month {month} of {year} has {days} days.",
        )


# --- conversion ------------------------------------------------------------------


def to_jalali(d: _dt.date) -> tuple[int, int, int]:
    """Return (year, month, day) of ``d`` in the Jalali calendar."""
    return _gregorian_to_jalali(d)


@functools.lru_cache(maxsize=65536)  # birthdays of 50,000 imported contacts
def from_jalali(y: int, m: int, d: int) -> _dt.date:
    """Return the Gregorian date of Jalali y/m/d; InvalidInput if it does not exist."""
    _check_jalali(y, m, d, f"{y}/{m}/{d}")
    return _jalali_to_gregorian(y, m, d)


def parse_jalali_date(s: str) -> _dt.date:
    """Parse a typed Jalali date such as ``1365/04/12`` or ``۱۳۶۵-۴-۱۲``."""
    shown = normalize_text(s) if isinstance(s, str) else ""
    if not shown:
        raise InvalidInput(
            "تاریخ خالی است؛ آن را به شکل ۱۴۰۳/۰۱/۲۵ وارد کنید.",
            "The date is empty; enter it as 1403/01/25.",
        )
    match = _DATE_RE.fullmatch(shown)
    if match is None:
        raise InvalidInput(
            f"تاریخ «{shown}» قابل خواندن نیست؛ آن را به شکل ۱۴۰۳/۰۱/۲۵ وارد کنید.",
            f"Cannot read the date '{shown}'; enter it as 1403/01/25.",
        )
    year, month, day = int(match[1]), int(match[3]), int(match[4])
    _check_jalali(year, month, day, shown)
    return _jalali_to_gregorian(year, month, day)


# --- display ---------------------------------------------------------------------


def format_jalali(d: _dt.date, *, persian_digits: bool = True) -> str:
    """``۱۴۰۵/۰۹/۰۱`` (or ``1405/09/01`` with ``persian_digits=False``)."""
    year, month, day = _gregorian_to_jalali(d)
    text = f"{year:04d}/{month:02d}/{day:02d}"
    return to_persian_digits(text) if persian_digits else text


def format_jalali_long(d: _dt.date, *, persian_digits: bool = True) -> str:
    """``۱ آذر ۱۴۰۵``: day, month name, year."""
    year, month, day = _gregorian_to_jalali(d)
    text = f"{day} {JALALI_MONTHS[month - 1]} {year}"
    return to_persian_digits(text) if persian_digits else text


# --- weeks (Saturday to Friday) --------------------------------------------------


def weekday_index(d: _dt.date) -> int:
    """Day of the Iranian week: Saturday 0, Sunday 1, ... Friday 6."""
    # date.weekday() counts from Monday 0, so Saturday (5) must move to 0.
    return (d.weekday() + 2) % 7


def week_of(d: _dt.date) -> tuple[_dt.date, _dt.date]:
    """The Saturday and the Friday of the week that contains ``d``."""
    saturday = d - weekday_index(d) * _ONE_DAY
    return saturday, saturday + 6 * _ONE_DAY


def last_complete_week(today: _dt.date) -> tuple[_dt.date, _dt.date]:
    """The latest Saturday..Friday week that ended before ``today``.

    On a Friday the current week has not ended yet, so the week before is returned.
    """
    saturday, _ = week_of(today)
    friday = saturday - _ONE_DAY
    return friday - 6 * _ONE_DAY, friday
