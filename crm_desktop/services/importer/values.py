"""Reading one spreadsheet cell as the value of a field (no database, no Qt).

Cells arrive as ``read_sheet`` gives them: text already stripped of invisible marks,
numbers as ``int``/``float``, date cells as dates. Each reader returns the stored form
or raises ``InvalidInput`` with a message naming the value, which the importer turns
into a warning for that row and column.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from decimal import Decimal, InvalidOperation

from crm_desktop.errors import InvalidInput
from crm_desktop.locale import (
    DEFAULT_REGION,
    JALALI_MONTHS,
    LAST_JALALI_YEAR,
    Calendar,
    check_birth_date,
    date_from_parts,
    from_jalali,
    normalize_email,
    normalize_multiline,
    normalize_text,
    parse_amount,
    parse_phone,
    search_key,
    to_ascii_digits,
    year_calendar,
)
from crm_desktop.services.spreadsheet import CellValue

__all__ = [
    "amount_value",
    "birth_date_value",
    "date_value",
    "email_values",
    "list_values",
    "phone_values",
    "split_full_name",
    "text_value",
]

# Between several phones or emails in one cell.
_MANY = re.compile(r"\s*[,،;؛|/\n]\s*|\s+-\s+")
_MANY_EMAILS = re.compile(r"[\s,،;؛|]+")
# Between addresses that may each come with a display name ("Ali <ali@x.ir>, ...").
_EMAIL_CHUNKS = re.compile(r"\s*[,،;؛|\n]\s*")
# Between tags.
_TAGS = re.compile(r"\s*[,،;؛|\n]\s*")
# Words before a name that are not part of it.
_TITLES = frozenset(
    {
        "آقای",
        "آقا",
        "خانم",
        "دکتر",
        "مهندس",
        "استاد",
        "جناب",
        "سرکار",
        "حاج",
        "حاجی",
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "eng",
    }
)
# First words that make a compound first name with the next word (سید علی, محمد رضا).
_NAME_PREFIXES = frozenset({"سید", "سیده", "میر", "محمد", "امیر", "ابو", "ام", "شیخ"})
# Between the numbers of one phone, or of several typed one after the other.
_PHONE_GAPS = re.compile(r"\s+و\s+|[\s\-.]+")
# At most this many pieces are tried as a run of several numbers.
_MAX_PHONE_PIECES = 16
# "Name <address>", "mailto:address": the address alone.
_ANGLE_ADDRESS = re.compile(r"<\s*([^<>\s]+@[^<>\s]+)\s*>")
_MAILTO = re.compile(r"^mailto:", re.IGNORECASE)
# What Outlook writes for a contact without a birthday ("0/0/00", German "0.0.00"), and
# a database's zero date ("0000-00-00"): no date, not a bad one.
_NO_DATE = re.compile(r"0+([/.\-])0+(?:\1)0+(?: 0+:0+(?::0+)?)?")
# Spaces around a date's separators ("1365 / 04 / 12").
_DATE_SEPARATOR_SPACES = re.compile(r"\s*([/\-.\u066b])\s*")
# "۱۲ تیر ۱۳۶۵" (and "12 تیر 1365"): day, Jalali month name, year.
_MONTH_NAME_DATE = re.compile(r"(\d{1,2})\s+(\S+)\s+(\d{2}|\d{4})")
_MONTHS = {search_key(name): number for number, name in enumerate(JALALI_MONTHS, 1)}
# "65/04/12": a two-digit year that cannot be a day is a year of the 1300s.
_SHORT_YEAR = re.compile(r"(\d{2})[/\-.](\d{1,2})[/\-.](\d{1,2})")
_GREGORIAN = re.compile(r"(\d{4})[/\-.](\d{1,2})[/\-.](\d{1,2})")
_DAY_FIRST = re.compile(r"(\d{1,2})[/\-.](\d{1,2})[/\-.](\d{4})")
_COMPACT_DATE = re.compile(r"(1[2-4]\d\d)(\d\d)(\d\d)")
_EXCEL_EPOCH = dt.date(1899, 12, 30)
# Amounts: units at the end (tomans are ten rials), words for big numbers before them.
_UNITS = (
    ("tomans", 10),
    ("toman", 10),
    ("تومان", 10),
    ("rials", 1),
    ("rial", 1),
    ("ریال", 1),
)
_SCALES = (
    ("هزار", 1_000),
    ("میلیون", 1_000_000),
    ("میلیارد", 1_000_000_000),
    ("thousand", 1_000),
    ("million", 1_000_000),
    ("billion", 1_000_000_000),
)
_DOTTED_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3}){2,}")
_NO_AMOUNT = re.compile(r"[-\u2010-\u2015\u2212.\s]+")
# Excel serial numbers of plausible dates (1900..2100) when a date cell lost its format.
_SERIAL_RANGE = range(1, 73051)


def text_value(cell: CellValue, *, multiline: bool = False) -> str | None:
    """Plain text of a cell (normalized Persian), or None when it is empty; with
    ``multiline`` (notes, an address) its line breaks are kept."""
    if cell is None:
        return None
    if isinstance(cell, str):
        text = normalize_multiline(cell) if multiline else normalize_text(cell)
    elif isinstance(cell, bool):
        text = "بله" if cell else "خیر"
    elif isinstance(cell, float) and cell.is_integer():
        text = str(int(cell))
    elif isinstance(cell, dt.datetime | dt.date):
        text = cell.isoformat()
    else:
        text = normalize_text(str(cell))
    return text or None


def split_full_name(text: str) -> tuple[str, str]:
    """(first name, last name) of a "name and surname" cell.

    "رضایی، علی" is last name first. Titles (آقای، دکتر، Mr) are dropped; a title
    before a single word ("آقای رضایی") says it is the family name. With three
    or more words, the first is the first name unless it starts a compound name
    (سید، محمد ...), in which case the first two are.
    """
    text = normalize_text(text)
    if "،" in text or "," in text:
        parts = re.split(r"\s*[,،]\s*", text, maxsplit=1)
        last, first = parts[0], parts[1] if len(parts) > 1 else ""
        if first and last:
            return first, last
        text = last or first
    words = text.split()
    titled = False
    while len(words) > 1 and words[0].rstrip(".").casefold() in _TITLES:
        words.pop(0)
        titled = True
    if not words:
        return "", ""
    if len(words) == 1:
        # "آقای رضایی", "Mr. Smith": a title goes with the family name.
        return ("", words[0]) if titled else (words[0], "")
    first_words = 2 if len(words) >= 3 and words[0] in _NAME_PREFIXES else 1
    return " ".join(words[:first_words]), " ".join(words[first_words:])


def json_values(cell: CellValue) -> list[str] | None:
    """The values of a cell holding a JSON list (Krayin writes a person's emails as
    ``[{"label": "work", "value": "a@b.example"}, ...]``), else None."""
    if not isinstance(cell, str) or not cell.startswith(("[", "{")):
        return None
    try:
        data = json.loads(cell)
    except ValueError:
        return None
    items = data if isinstance(data, list) else [data]
    found: list[str] = []
    for item in items:
        value = item.get("value") if isinstance(item, dict) else item
        if isinstance(value, str | int) and not isinstance(value, bool) and str(value).strip():
            found.append(str(value).strip())
    return found


def _parts(cell: CellValue, separator: re.Pattern[str]) -> list[str | int | float]:
    if cell is None or isinstance(cell, bool):
        return []
    if isinstance(cell, int | float):
        return [cell]
    if not isinstance(cell, str):
        return [str(cell)]
    text = cell.strip()
    if not text:
        return []
    return [part for part in separator.split(text) if part]


def phone_values(cell: CellValue, region: str = DEFAULT_REGION) -> tuple[list[str], list[str]]:
    """(E.164 numbers, the parts that are not phone numbers) of a phone cell.

    One cell may hold several numbers ("0912 123 4567 / 021-88776655"). A number
    without its country code is one of ``region``'s (Iran by default).
    """
    numbers: list[str] = []
    bad: list[str] = []
    listed = json_values(cell)
    if listed is not None:
        for item in listed:
            found, wrong = phone_values(item, region)
            numbers.extend(n for n in found if n not in numbers)
            bad.extend(wrong)
        return numbers, bad
    parts = _parts(cell, _MANY)
    if len(parts) > 1:
        # "021 - 8877 6655" is one number, not two.
        try:
            whole = parse_phone(str(cell), region)
        except InvalidInput:
            pass
        else:
            return [whole], []
    for part in parts:
        try:
            found = [parse_phone(part, region)]
        except InvalidInput:
            found = _numbers_in_a_row(str(part), region)
            if not found:
                bad.append(str(part).strip())
                continue
        numbers.extend(n for n in found if n not in numbers)
    return numbers, bad


def _numbers_in_a_row(text: str, region: str = DEFAULT_REGION) -> list[str]:
    """Several numbers typed one after the other ("09121234567 09351234567",
    "0912 123 4567 0935 123 4567", "09121234567-09351234567", "... و ..."): the
    fewest whole numbers the pieces make, or [] when they make none."""
    pieces = [p for p in _PHONE_GAPS.split(text.strip()) if p]
    if len(pieces) < 2 or len(pieces) > _MAX_PHONE_PIECES:
        return []
    # best[i]: the fewest numbers pieces[:i] make, as (count, numbers).
    best: list[tuple[int, list[str]] | None] = [(0, [])] + [None] * len(pieces)
    for end in range(1, len(pieces) + 1):
        for start in range(end):
            before = best[start]
            if before is None:
                continue
            try:
                number = parse_phone("".join(pieces[start:end]), region)
            except InvalidInput:
                continue
            current = best[end]
            if current is None or before[0] + 1 < current[0]:
                best[end] = (before[0] + 1, [*before[1], number])
    found = best[-1]
    return found[1] if found is not None and found[0] > 1 else []


def email_values(cell: CellValue) -> tuple[list[str], list[str]]:
    """(lower-case addresses, the parts that are not addresses) of an email cell.

    A cell may hold several addresses, and "Ali Rezaei <ali@example.com>" or
    "mailto:ali@example.com" as mail programs copy them: the address alone is kept.
    """
    addresses: list[str] = []
    bad: list[str] = []
    for found in _email_parts(cell):
        part = _MAILTO.sub("", found).rstrip(".")
        if not part:
            continue
        try:
            address = normalize_email(part)
        except InvalidInput:
            bad.append(part)
            continue
        if address not in addresses:
            addresses.append(address)
    return addresses, bad


def _email_parts(cell: CellValue) -> list[str]:
    listed = json_values(cell)
    if listed is not None:
        return [part for item in listed for part in _email_parts(item)]
    if not isinstance(cell, str):
        return [str(part) for part in _parts(cell, _MANY_EMAILS)]
    parts: list[str] = []
    for chunk in _EMAIL_CHUNKS.split(cell.strip()):
        inside = _ANGLE_ADDRESS.findall(chunk)  # the display name around it is no address
        parts += inside or [part for part in _MANY_EMAILS.split(chunk) if part]
    return parts


def list_values(cell: CellValue) -> list[str]:
    """Tags and other comma-separated lists, normalized, without repeats."""
    values: list[str] = []
    for part in _parts(cell, _TAGS):
        text = normalize_text(str(part))
        if text and text not in values:
            values.append(text)
    return values


def _bad_date(shown: object) -> InvalidInput:
    return InvalidInput(
        f"تاریخ «{shown}» قابل خواندن نیست؛ آن را به شکل ۱۳۶۵/۰۴/۱۲ بنویسید.",
        f"Cannot read the date '{shown}'; write it as 1365/04/12.",
    )


def date_value(cell: CellValue) -> dt.date | None:
    """A date cell, or a date typed as text: Jalali in any common form, or Gregorian.

    ``1365/04/12``, ``۱۳۶۵/۴/۱۲``, ``1365-4-12``, ``1365 / 4 / 12``, ``13650412``,
    ``65/4/12`` and ``۱۲ تیر ۱۳۶۵`` are Jalali; a year above 1700 (``1986-07-03``,
    ``03/07/1986``) is Gregorian, the rule of ``locale.date_from_parts``; Excel date
    cells are Gregorian dates already.
    """
    read = _read_date(cell)
    return None if read is None else read[0]


def birth_date_value(cell: CellValue, *, today: dt.date | None = None) -> dt.date | None:
    """``date_value`` of a birth date, which must fall between 1900 and ``today`` (by
    default the computer's date): ``InvalidInput`` says what the cell was read as."""
    read = _read_date(cell)
    if read is None:
        return None
    day, calendar, typed = read
    return check_birth_date(day, today=today, typed=typed, calendar=calendar)


def _read_date(cell: CellValue) -> tuple[dt.date, Calendar | None, str | None] | None:
    """(date, the calendar a typed year was read in, the text typed) of a cell, or None
    when it is empty. Date cells and serial numbers were typed as no text."""
    if cell is None:
        return None
    if isinstance(cell, dt.datetime):
        cell = cell.date()
    if isinstance(cell, dt.date):
        if cell.year <= LAST_JALALI_YEAR:
            return _typed_jalali(cell), Calendar.JALALI, None
        return cell, None, None
    if isinstance(cell, dt.time):
        # What calamine gives for a date cell before 1900 in .xlsx/.xls: a Jalali date
        # that LibreOffice turned into a date (Excel keeps such text as text).
        raise InvalidInput(
            "این خانه تاریخی پیش از ۱۹۰۰ میلادی است و خوانده نمی‌شود؛ تاریخ را به شکل "
            "متن بنویسید (مثلاً ۱۳۶۵/۰۴/۱۲).",
            "The cell holds a date before 1900, which cannot be read; type the date as "
            "text (e.g. 1365/04/12).",
        )
    if isinstance(cell, bool):
        raise _bad_date(cell)
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    if isinstance(cell, int):
        if int(cell) in _SERIAL_RANGE and not _COMPACT_DATE.fullmatch(str(cell)):
            return _EXCEL_EPOCH + dt.timedelta(days=cell), None, None
        cell = str(cell)
    if not isinstance(cell, str):
        raise _bad_date(cell)
    return _text_date(cell)


# A column of birth dates repeats the same few thousand days: each text is read once.
@functools.lru_cache(maxsize=65536)
def _text_date(cell: str) -> tuple[dt.date, Calendar | None, str] | None:
    """``_read_date`` of a date typed as text (what cannot be read raises, uncached)."""
    shown = normalize_text(cell)
    text = to_ascii_digits(shown)
    if not text or _NO_DATE.fullmatch(text):
        return None
    try:
        day, calendar = _date_text(text)
    except ValueError:
        raise _bad_date(cell) from None
    return day, calendar, shown


def _typed_jalali(cell: dt.date) -> dt.date:
    """A Jalali date typed into LibreOffice, which stored it as a date of that year.

    LibreOffice counts days before 1582 in the Julian calendar, and the reader turns
    the count into a (proleptic Gregorian) date: going back to the Julian calendar
    gives the year, month and day that were typed.
    """
    c = cell.toordinal() + 1721425 + 32082  # Julian day number, shifted (Richards)
    d = (4 * c + 3) // 1461
    e = c - (1461 * d) // 4
    m = (5 * e + 2) // 153
    day = e - (153 * m + 2) // 5 + 1
    month = m + 3 - 12 * (m // 10)
    year = d - 4800 + m // 10
    try:
        return from_jalali(year, month, day)
    except InvalidInput:
        raise _bad_date(f"{year}/{month}/{day}") from None


def _date_text(text: str) -> tuple[dt.date, Calendar]:
    """A date typed as text (ASCII digits) and the calendar its year was read in.

    ``InvalidInput`` for numbers that make no date (Esfand 30 in a common year) says
    so; ValueError for text that is no date at all.
    """
    text = _DATE_SEPARATOR_SPACES.sub(r"\1", text).replace("\u066b", "/")
    named = _MONTH_NAME_DATE.fullmatch(text)
    if named is not None:
        return _named_month(*named.groups()), Calendar.JALALI
    text = text.split()[0]  # "1365/04/12 00:00:00" from some exports
    short = _SHORT_YEAR.fullmatch(text)
    if short is not None and int(short.group(1)) > 31:
        text = f"13{text}"
    for pattern in (_GREGORIAN, _DAY_FIRST):
        match = pattern.fullmatch(text)
        if match is not None:
            numbers = [int(g) for g in match.groups()]
            year, month, day = numbers if pattern is _GREGORIAN else numbers[::-1]
            return date_from_parts(year, month, day, shown=text), year_calendar(year)
    compact = _COMPACT_DATE.fullmatch(text)
    if compact is not None:
        return from_jalali(*(int(g) for g in compact.groups())), Calendar.JALALI
    raise ValueError(text)


def _named_month(day: str, month: str, year: str) -> dt.date:
    number = _MONTHS.get(search_key(month))
    if number is None:
        raise ValueError(month)
    return from_jalali(int(year) + (1300 if len(year) == 2 else 0), number, int(day))


def amount_value(cell: CellValue, *, tomans: bool = False) -> int | None:
    """An amount in rials; ``tomans`` multiplies plain numbers by ten.

    Text may carry its unit ("۱۲٬۵۰۰ تومان", "1,250,000 ریال": the unit wins over the
    column's), a word for thousands or millions ("۱۲ میلیون", "۱۲٫۵ میلیون تومان"), or
    dots between the thousands ("12.500.000", as many type it). A dash means none.
    """
    if cell is None:
        return None
    if isinstance(cell, str) and not cell.strip():
        return None
    if isinstance(cell, bool) or not isinstance(cell, str | int | float):
        raise InvalidInput(f"مبلغ «{cell}» عدد نیست.", f"The amount '{cell}' is not a number.")
    if not isinstance(cell, str):
        rials = parse_amount(cell)
        return rials * 10 if tomans else rials
    text = to_ascii_digits(normalize_text(cell))
    if _NO_AMOUNT.fullmatch(text):
        return None
    unit = 10 if tomans else 1
    lowered = text.casefold()
    for suffix, factor in _UNITS:
        if lowered.endswith(suffix):
            text, unit = text[: -len(suffix)].strip(), factor
            break
    lowered = text.casefold()
    for word, scale in _SCALES:
        if lowered.endswith(word):
            return _scaled(cell, text[: -len(word)].strip(), scale) * unit
    if _DOTTED_THOUSANDS.fullmatch(text):
        text = text.replace(".", "")
    return parse_amount(text) * unit


def _scaled(cell: str, number: str, scale: int) -> int:
    """Twelve and a half (``number``) times a million, exactly; no fractions of a rial."""
    try:
        value = Decimal(number.replace("\u066b", ".").replace(",", "").replace("\u066c", ""))
    except InvalidOperation:
        value = Decimal("NaN")
    if not value.is_finite() or (value * scale) % 1:
        raise InvalidInput(
            f"مبلغ «{cell}» عدد درستی نیست.", f"Invalid amount '{cell}': not a whole number."
        )
    return int(value * scale)
