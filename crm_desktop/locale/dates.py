"""Jalali (Solar Hijri) dates for input and display; storage stays ISO Gregorian.

Dates are typed in Jalali, but old files and habits bring Gregorian ones too. One rule
tells them apart everywhere (command line, window, import): a typed year up to
``LAST_JALALI_YEAR`` (1700) is Jalali, a later one Gregorian. No plausible year of one
calendar falls in the other's range: Jalali 1700 is Gregorian 2321, and Gregorian 1701
is Jalali 1080.

Weeks run Saturday to Friday, as they do in Iran, so weekly reports use
``week_of``/``last_complete_week`` instead of ISO weeks.
"""

from __future__ import annotations

import calendar as _calendar
import datetime as _dt
import enum
import functools
import re

import jdatetime

from crm_desktop.errors import InvalidInput
from crm_desktop.locale.text import normalize_text, to_persian_digits

__all__ = [
    "FIRST_BIRTH_DATE",
    "GREGORIAN_MONTHS",
    "IRAN_UTC_OFFSET",
    "JALALI_MONTHS",
    "LAST_JALALI_YEAR",
    "WEEKDAYS",
    "Calendar",
    "check_birth_date",
    "date_from_parts",
    "format_jalali",
    "format_jalali_long",
    "from_jalali",
    "jalali_month_name",
    "last_complete_week",
    "parse_birth_date",
    "parse_date",
    "parse_jalali_date",
    "to_jalali",
    "week_of",
    "weekday_index",
    "year_calendar",
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

# Month names for messages in English, where Persian ones would not be understood.
_JALALI_MONTHS_EN = (
    "Farvardin",
    "Ordibehesht",
    "Khordad",
    "Tir",
    "Mordad",
    "Shahrivar",
    "Mehr",
    "Aban",
    "Azar",
    "Dey",
    "Bahman",
    "Esfand",
)

GREGORIAN_MONTHS: tuple[str, ...] = (
    "ژانویه",
    "فوریه",
    "مارس",
    "آوریل",
    "مه",
    "ژوئن",
    "ژوئیه",
    "اوت",
    "سپتامبر",
    "اکتبر",
    "نوامبر",
    "دسامبر",
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
# Iran Standard Time, UTC+03:30, with no daylight saving since 1401 (2022).
IRAN_UTC_OFFSET = _dt.timedelta(hours=3, minutes=30)

LAST_JALALI_YEAR = 1700
# Nobody the office deals with was born earlier: an earlier birth date is a typo.
FIRST_BIRTH_DATE = _dt.date(1900, 1, 1)


class Calendar(enum.Enum):
    """The calendar a typed year was read in."""

    JALALI = "jalali"
    GREGORIAN = "gregorian"


def year_calendar(year: int) -> Calendar:
    """The calendar of a typed year: Jalali up to 1700, Gregorian above."""
    return Calendar.GREGORIAN if year > LAST_JALALI_YEAR else Calendar.JALALI


# --- typed wrapper around jdatetime (it ships no type information) ---------------

# A jdatetime date not told its locale asks the system's (locale.getlocale, twice) to
# pick month names that are never used here: 30,000 calls in a big import.
_JDATE_LOCALE = jdatetime.FA_LOCALE


@functools.lru_cache(maxsize=4096)
def _jalali_is_leap(year: int) -> bool:
    return bool(jdatetime.date(year, 1, 1, locale=_JDATE_LOCALE).isleap())


@functools.lru_cache(maxsize=65536)  # birthdays of 50,000 imported contacts
def _jalali_to_gregorian(year: int, month: int, day: int) -> _dt.date:
    gregorian = jdatetime.date(year, month, day, locale=_JDATE_LOCALE).togregorian()
    return _dt.date(int(gregorian.year), int(gregorian.month), int(gregorian.day))


def _gregorian_to_jalali(d: _dt.date) -> tuple[int, int, int]:
    jalali = jdatetime.date.fromgregorian(date=d, locale=_JDATE_LOCALE)
    return int(jalali.year), int(jalali.month), int(jalali.day)


# --- validation ------------------------------------------------------------------


def _days_in_month(year: int, month: int) -> int:
    if month <= 6:
        return 31
    if month <= 11:
        return 30
    return 30 if _jalali_is_leap(year) else 29


def _check_month(month: int, shown: str) -> None:
    if not 1 <= month <= 12:
        raise InvalidInput(
            f"تاریخ «{shown}» معتبر نیست: ماه باید بین ۱ و ۱۲ باشد.",
            f"Invalid date '{shown}': the month must be between 1 and 12.",
        )


def _check_jalali(year: int, month: int, day: int, shown: str) -> None:
    """Raise InvalidInput unless year/month/day is a real Jalali date."""
    if not 1000 <= year <= 9377:
        raise InvalidInput(
            f"تاریخ «{shown}» معتبر نیست: سال {to_persian_digits(str(year))} نه سال شمسی "
            "است (مثلاً ۱۴۰۳) و نه میلادی (مثلاً ۲۰۲۴).",
            f"Invalid date '{shown}': {year} is neither a Jalali year (e.g. 1403) nor a "
            "Gregorian one (e.g. 2024).",
        )
    _check_month(month, shown)
    days = _days_in_month(year, month)
    if not 1 <= day <= days:
        month_name = JALALI_MONTHS[month - 1]
        raise InvalidInput(
            f"تاریخ «{shown}» معتبر نیست: {month_name} سال {to_persian_digits(str(year))} "
            f"فقط {to_persian_digits(str(days))} روز دارد.",
            f"Invalid date '{shown}': {_JALALI_MONTHS_EN[month - 1]} (month {month}) of "
            f"{year} has {days} days.",
        )


def _check_gregorian(year: int, month: int, day: int, shown: str) -> None:
    """Raise InvalidInput unless year/month/day is a real Gregorian date."""
    _check_month(month, shown)
    days = _calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        raise InvalidInput(
            f"تاریخ «{shown}» معتبر نیست: سال بالای ۱۷۰۰ میلادی خوانده می‌شود و "
            f"{GREGORIAN_MONTHS[month - 1]} {to_persian_digits(str(year))} "
            f"فقط {to_persian_digits(str(days))} روز دارد.",
            f"Invalid date '{shown}': a year above 1700 is read as Gregorian, and "
            f"{_calendar.month_name[month]} {year} has {days} days.",
        )


# --- conversion ------------------------------------------------------------------


def jalali_month_name(month: int, lang: str = "fa") -> str:
    """``آذر`` (or ``Azar``): the name of a Jalali month, 1 to 12."""
    return (JALALI_MONTHS if lang == "fa" else _JALALI_MONTHS_EN)[month - 1]


def to_jalali(d: _dt.date) -> tuple[int, int, int]:
    """Return (year, month, day) of ``d`` in the Jalali calendar."""
    return _gregorian_to_jalali(d)


@functools.lru_cache(maxsize=65536)  # birthdays of 50,000 imported contacts
def from_jalali(y: int, m: int, d: int) -> _dt.date:
    """Return the Gregorian date of Jalali y/m/d; InvalidInput if it does not exist."""
    _check_jalali(y, m, d, f"{y}/{m}/{d}")
    return _jalali_to_gregorian(y, m, d)


def date_from_parts(year: int, month: int, day: int, *, shown: str | None = None) -> _dt.date:
    """The date typed as year, month and day: Jalali up to 1700, Gregorian above.

    ``InvalidInput`` says what is wrong with a date that does not exist, naming
    ``shown`` (the text as typed) or else the numbers.
    """
    shown = shown or f"{year}/{month:02d}/{day:02d}"
    if year_calendar(year) is Calendar.GREGORIAN:
        _check_gregorian(year, month, day, shown)
        return _dt.date(year, month, day)
    _check_jalali(year, month, day, shown)
    return _jalali_to_gregorian(year, month, day)


def parse_date(s: str) -> _dt.date:
    """A typed date: Jalali (``1365/04/12``, ``۱۳۶۵-۴-۱۲``) or, when the year is above
    1700, Gregorian (``1986-07-03``, ``1986/7/3``)."""
    return _read_date(s)[0]


# The window's date field and older callers know the parser by this name.
parse_jalali_date = parse_date


def parse_birth_date(s: str, *, today: _dt.date | None = None) -> _dt.date:
    """``parse_date`` for a birth date, which must fall between 1900-01-01 and ``today``
    (by default the computer's date); ``InvalidInput`` otherwise, saying what the text
    was read as."""
    day, calendar, shown = _read_date(s)
    return check_birth_date(day, today=today, typed=shown, calendar=calendar)


def _read_date(s: str) -> tuple[_dt.date, Calendar, str]:
    """The date typed, the calendar its year was read in, and the text as shown."""
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
    return date_from_parts(year, month, day, shown=shown), year_calendar(year), shown


# --- birth dates -----------------------------------------------------------------


def check_birth_date(
    day: _dt.date,
    *,
    today: _dt.date | None = None,
    typed: str | None = None,
    calendar: Calendar | None = None,
) -> _dt.date:
    """``day`` when it can be someone's birth date: from 1900-01-01 to ``today`` (by
    default the computer's date). Otherwise ``InvalidInput`` says what is wrong in the
    user's terms: the ``typed`` text, what it was read as (``calendar``: the calendar
    its year was read in), and how far in the future or the past that is."""
    today = _dt.date.today() if today is None else today
    if FIRST_BIRTH_DATE <= day <= today:
        return day
    fa_read, en_read = _read_as(day, typed, calendar)
    if day > today:
        fa_when, en_when = _from_now(day, today)
        raise InvalidInput(
            f"تاریخ تولد {fa_read} در آینده است ({fa_when}).",
            f"The birth date {en_read} is in the future ({en_when}).",
        )
    raise InvalidInput(
        f"تاریخ تولد {fa_read} پیش از ۱۱ دی ۱۲۷۸ (۱ ژانویهٔ ۱۹۰۰) است؛ تاریخ تولد از "
        "آن روز تا امروز پذیرفته می‌شود.",
        f"The birth date {en_read} is before 1 January 1900 (11 Dey 1278); a birth date "
        "from then to today is accepted.",
    )


def _read_as(day: _dt.date, typed: str | None, calendar: Calendar | None) -> tuple[str, str]:
    """How a birth date names itself in a message (fa, en): the text typed, then the day
    it was read as, so that a year taken in the other calendar shows."""
    greg_fa = to_persian_digits(f"{day.day} {GREGORIAN_MONTHS[day.month - 1]} {day.year}")
    greg_en = f"{day.day} {_calendar.month_name[day.month]} {day.year}"
    if calendar is Calendar.GREGORIAN and typed is not None:
        return (
            f"«{to_persian_digits(typed)}» (خوانده‌شده به میلادی: {greg_fa}، چون سال "
            "بالای ۱۷۰۰ میلادی است)",
            f"'{typed}' (read as the Gregorian {greg_en}, since a year above 1700 is Gregorian)",
        )
    try:
        year, month, jday = _gregorian_to_jalali(day)
    except ValueError:  # beyond jdatetime's last year (9377)
        return f"{greg_fa} میلادی", greg_en
    jalali_fa = to_persian_digits(f"{jday} {JALALI_MONTHS[month - 1]} {year}")
    jalali_en = f"{jday} {_JALALI_MONTHS_EN[month - 1]} {year}"
    if typed is None:
        return f"{jalali_fa} ({greg_fa} میلادی)", f"{jalali_en} ({greg_en})"
    return (
        f"«{to_persian_digits(typed)}» (خوانده‌شده: {jalali_fa}، یعنی {greg_fa} میلادی)",
        f"'{typed}' (read as {jalali_en}, which is {greg_en})",
    )


def _from_now(day: _dt.date, today: _dt.date) -> tuple[str, str]:
    """How far ``day`` is after ``today``, in years when it is a year or more away."""
    years = day.year - today.year - ((day.month, day.day) < (today.month, today.day))
    if years >= 1:
        unit = "year" if years == 1 else "years"
        return f"{to_persian_digits(str(years))} سال دیگر", f"{years} {unit} from now"
    days = (day - today).days
    if days == 1:
        return "فردا", "tomorrow"
    return f"{to_persian_digits(str(days))} روز دیگر", f"{days} days from now"


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
