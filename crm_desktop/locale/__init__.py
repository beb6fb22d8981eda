"""Persian-first locale helpers: text normalization, Jalali dates, numbers, phones, emails.

Pure Python (no Qt, no database) so that the UI, the command line, importers and
reports all normalize and display values the same way.
"""

from crm_desktop.locale.dates import (
    FIRST_BIRTH_DATE,
    GREGORIAN_MONTHS,
    IRAN_UTC_OFFSET,
    JALALI_MONTHS,
    LAST_JALALI_YEAR,
    WEEKDAYS,
    Calendar,
    check_birth_date,
    date_from_parts,
    format_jalali,
    format_jalali_long,
    from_jalali,
    jalali_month_name,
    last_complete_week,
    parse_birth_date,
    parse_date,
    parse_jalali_date,
    to_jalali,
    week_of,
    weekday_index,
    year_calendar,
)
from crm_desktop.locale.emails import normalize_email
from crm_desktop.locale.numbers import format_number, format_rials, parse_amount
from crm_desktop.locale.phones import (
    COUNTRIES,
    DEFAULT_REGION,
    format_phone,
    is_mobile,
    national_digits,
    parse_phone,
    region_code,
)
from crm_desktop.locale.text import (
    normalize_multiline,
    normalize_text,
    search_key,
    sort_key,
    to_ascii_digits,
    to_persian_digits,
)

__all__ = [
    "COUNTRIES",
    "DEFAULT_REGION",
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
    "format_number",
    "format_phone",
    "format_rials",
    "from_jalali",
    "is_mobile",
    "jalali_month_name",
    "last_complete_week",
    "national_digits",
    "normalize_email",
    "normalize_multiline",
    "normalize_text",
    "parse_amount",
    "parse_birth_date",
    "parse_date",
    "parse_jalali_date",
    "parse_phone",
    "region_code",
    "search_key",
    "sort_key",
    "to_ascii_digits",
    "to_jalali",
    "to_persian_digits",
    "week_of",
    "weekday_index",
    "year_calendar",
]
