"""The office's own settings: its name, its weekend, its country, its money unit; and
its clock.

The country (an ISO 3166 region code, Iran by default) is where a phone number typed
without its country code is: an office abroad, or one whose customers are, sets it.

The weekend is a set of days of the Iranian week (Saturday 0 ... Friday 6, as
``locale.weekday_index`` counts them). Iranian offices close on Friday, and many on
Thursday afternoon too, so Friday alone is the default; every calendar colours these
days, and counting working days uses them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from crm_desktop.errors import InvalidInput
from crm_desktop.locale import (
    DEFAULT_REGION,
    IRAN_UTC_OFFSET,
    normalize_text,
    region_code,
    weekday_index,
)
from crm_desktop.models import Setting, utcnow
from crm_desktop.models.database import Database

OFFICE_NAME_KEY = "office_name"
WEEKEND_KEY = "weekend_days"
REGION_KEY = "office_region"
# How amounts are typed and shown: rials (as they are kept) or tomans (ten rials).
MONEY_UNIT_KEY = "money_unit"
MONEY_UNITS = ("rial", "toman")
THURSDAY = 5
FRIDAY = 6
DEFAULT_WEEKEND = frozenset({FRIDAY})
# Stored times are naive UTC; the office works on Tehran time (UTC+03:30, no DST).
OFFICE_UTC_OFFSET = IRAN_UTC_OFFSET
DAYS_IN_WEEK = 7


def office_time(day: dt.date, minutes: int = 0) -> dt.datetime:
    """The stored (naive UTC) time of ``minutes`` after midnight, office time, on ``day``."""
    return dt.datetime.combine(day, dt.time()) + dt.timedelta(minutes=minutes) - OFFICE_UTC_OFFSET


def office_day(at: dt.datetime) -> dt.date:
    """The office's day of a stored (naive UTC) time."""
    return (at + OFFICE_UTC_OFFSET).date()


def office_today() -> dt.date:
    """Today in the office (its time zone), whatever the laptop's clock is set to."""
    return office_day(utcnow())


def office_name(db: Database) -> str | None:
    return db.get_setting(OFFICE_NAME_KEY) or None


def set_office_name(db: Database, name: str) -> None:
    """Keep the office's name; an empty name is not stored (the old one stays)."""
    text = normalize_text(name)
    if text:
        db.set_setting(OFFICE_NAME_KEY, text)


def money_unit(db: Database) -> str:
    """``rial`` or ``toman``: the unit amounts are shown and typed in (rial when unset
    or unreadable)."""
    unit = db.get_setting(MONEY_UNIT_KEY)
    return unit if unit in MONEY_UNITS else MONEY_UNITS[0]


def set_money_unit(db: Database, unit: str) -> None:
    if unit not in MONEY_UNITS:
        raise InvalidInput(
            "واحد پول باید ریال یا تومان باشد.", f"the money unit is rial or toman, not {unit!r}"
        )
    db.set_setting(MONEY_UNIT_KEY, unit)


def office_region(db: Database) -> str:
    """The office's country: where a phone without its country code is (ISO code)."""
    return region_code(db.get_setting(REGION_KEY)) or DEFAULT_REGION


def office_region_in(session: Session) -> str:
    """``office_region`` read inside a transaction under way."""
    stored = session.scalar(select(Setting.value).where(Setting.key == REGION_KEY))
    return region_code(stored) or DEFAULT_REGION


def set_office_region(db: Database, country: str) -> str:
    """Keep the office's country, given as a code or a name ("IR", "ایران", "Germany")."""
    code = region_code(country)
    if code is None:
        raise InvalidInput(
            f"کشوری به نام «{normalize_text(country)}» شناخته نیست.",
            f"Unknown country '{normalize_text(country)}'.",
        )
    db.set_setting(REGION_KEY, code)
    return code


def parse_weekend(text: str | None) -> frozenset[int]:
    """The stored form ("6", "5,6", "" for no weekend) as days; the default when unset
    or unreadable (a setting written by a newer version must not stop the app)."""
    if text is None:
        return DEFAULT_WEEKEND
    try:
        days = frozenset(int(part) for part in text.split(",") if part.strip())
    except ValueError:
        return DEFAULT_WEEKEND
    if any(not 0 <= day < DAYS_IN_WEEK for day in days):
        return DEFAULT_WEEKEND
    return days


def weekend_days(db: Database) -> frozenset[int]:
    return parse_weekend(db.get_setting(WEEKEND_KEY))


def set_weekend_days(db: Database, days: Iterable[int]) -> frozenset[int]:
    chosen = frozenset(days)
    if any(not 0 <= day < DAYS_IN_WEEK for day in chosen):
        raise InvalidInput(
            "روزهای تعطیل باید از شنبه (۰) تا جمعه (۶) باشند.",
            "Weekend days run from Saturday (0) to Friday (6).",
        )
    db.set_setting(WEEKEND_KEY, ",".join(str(day) for day in sorted(chosen)))
    return chosen


def is_working_day(day: dt.date, weekend: frozenset[int]) -> bool:
    return weekday_index(day) not in weekend


def working_days(start: dt.date, end: dt.date, weekend: frozenset[int]) -> int:
    """Working days from ``start`` to ``end``, both included (0 when end is earlier)."""
    if end < start:
        return 0
    total = (end - start).days + 1
    weeks, rest = divmod(total, DAYS_IN_WEEK)
    count = weeks * (DAYS_IN_WEEK - len(weekend))
    first = weekday_index(start)
    count += sum(1 for i in range(rest) if (first + i) % DAYS_IN_WEEK not in weekend)
    return count
