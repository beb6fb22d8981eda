"""Phone numbers: any common Iranian way of writing one in, E.164 out.

Phones are stored as E.164 (``+989121234567``) so that the same number typed as
``0912 123 4567``, ``۰۹۱۲۱۲۳۴۵۶۷`` or pulled from Excel as ``9121234567.0`` is one
value. Display is in national form for Iranian numbers, the way people read them.
"""

from __future__ import annotations

import functools
import math
import re

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumber, PhoneNumberFormat, PhoneNumberType

from crm_desktop.errors import InvalidInput
from crm_desktop.locale.text import normalize_text, to_persian_digits

__all__ = [
    "COUNTRIES",
    "DEFAULT_REGION",
    "format_phone",
    "is_mobile",
    "national_digits",
    "parse_phone",
    "region_code",
]

DEFAULT_REGION = "IR"
_IRAN_CODE = 98

# Only what people put between digits. Letters are refused outright: phonenumbers
# would read them as a vanity keypad ("0912abc4567" -> a valid number), which here
# is always a typo.
_ALLOWED = re.compile(r"\+?[\d ()\-./]+", re.ASCII)
_NON_DIGITS = re.compile(r"\D", re.ASCII)
_EXCEL_FLOAT = re.compile(r"\d+\.0+", re.ASCII)

_MOBILE_TYPES = (PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE)

# Iranian numbers written without spaces: 09121234567, 9121234567 (Excel dropped the
# zero), +989121234567, 00989121234567, 989121234567, 02188776655.
_IRAN_PLAIN = re.compile(r"(?:\+98|0098|98|0)?([1-9]\d{9})", re.ASCII)
# Whether a ten-digit Iranian number is valid, and which type it is, depends only on
# its first six national digits (area code or mobile prefix; the rest is any digits:
# phonenumbers' IR patterns tell 94000 9... from 94000 1... by the sixth), so each
# prefix is asked of phonenumbers once. ``test_phones`` checks this against
# phonenumbers itself.
_IRAN_PREFIX = 6
_iran_prefixes: dict[str, tuple[bool, bool]] = {}


def _iran_prefix(national: str) -> tuple[bool, bool]:
    """(valid, mobile) for a ten-digit Iranian national number."""
    prefix = national[:_IRAN_PREFIX]
    known = _iran_prefixes.get(prefix)
    if known is None:
        number = phonenumbers.parse("+98" + national, DEFAULT_REGION)
        known = (
            phonenumbers.is_valid_number(number),
            phonenumbers.number_type(number) in _MOBILE_TYPES,
        )
        _iran_prefixes[prefix] = known
    return known


def _fast_iran(text: str) -> str | None:
    """E.164 of a plainly written valid ten-digit Iranian number, else None."""
    match = _IRAN_PLAIN.fullmatch(text)
    if match is None:
        return None
    national = match[1]
    return "+98" + national if _iran_prefix(national)[0] else None


def _invalid(value: object) -> InvalidInput:
    return InvalidInput(
        f"شماره تلفن «{value}» معتبر نیست؛ مثلاً ۰۹۱۲۱۲۳۴۵۶۷ یا ۰۲۱-۸۸۷۷۶۶۵۵ وارد کنید.",
        f"Invalid phone number '{value}': enter e.g. 09121234567 or 021-88776655.",
    )


def _to_text(s: str | int | float) -> str:
    if isinstance(s, bool):
        raise _invalid(s)
    if isinstance(s, int):
        return str(s)
    if isinstance(s, float):
        # Excel turns 09121234567 into the number 9121234567.0; anything with a real
        # fraction was never a phone number.
        if not math.isfinite(s) or not s.is_integer():
            raise _invalid(s)
        return str(int(s))
    text = normalize_text(s)
    # The same Excel float, but already turned into text by a CSV export.
    if _EXCEL_FLOAT.fullmatch(text):
        return text.partition(".")[0]
    return text


def _parse(text: str, region: str = DEFAULT_REGION) -> PhoneNumber:
    """Parse cleaned text; raise InvalidInput unless it is a valid number.

    A foreign number written with its country code is taken when it has a possible
    length for its country: sample and test numbers (``+1 555 0100``) are real to the
    people who typed them. Iranian ones, and those read for a region, must be valid.
    """
    if not _ALLOWED.fullmatch(text):
        raise _invalid(text)
    digits = _NON_DIGITS.sub("", text)
    if text.startswith("+"):
        candidate = "+" + digits
    elif digits.startswith("00"):
        candidate = "+" + digits[2:]
    elif digits.startswith("98") and len(digits) == 12 and region == DEFAULT_REGION:
        # 98 followed by ten digits is an Iranian number written with its country
        # code but without "+"; no Iranian national number is twelve digits long.
        candidate = "+" + digits
    else:
        # National forms, including the leading zero that Excel drops ("9121234567"),
        # which phonenumbers reads correctly for region IR.
        candidate = digits
    try:
        number = phonenumbers.parse(candidate, region)
    except NumberParseException as exc:
        raise _invalid(text) from exc
    if phonenumbers.is_valid_number(number):
        return number
    # Written with its (foreign) country code on purpose: kept when its length is
    # possible there. One read for a region without a code must be a valid number.
    written = candidate.startswith("+") and number.country_code != _IRAN_CODE
    if written and phonenumbers.is_possible_number(number):
        return number
    raise _invalid(text)


def parse_phone(s: str | int | float, region: str = DEFAULT_REGION) -> str:
    """Return the E.164 form (``+989121234567``) of a phone typed in any common form.

    A number without its country code is read as one of ``region`` (ISO 3166 code;
    Iran by default).
    """
    text = _to_text(s)
    if not text:
        raise InvalidInput("شماره تلفن خالی است.", "The phone number is empty.")
    iranian = region == DEFAULT_REGION or text.startswith(("+98", "0098"))
    fast = _fast_iran(text) if iranian else None
    if fast is None and iranian and _ALLOWED.fullmatch(text):
        # The same number with its spaces, dashes and brackets taken out, as _parse
        # would take them out.
        digits = _NON_DIGITS.sub("", text)
        fast = _fast_iran("+" + digits if text.startswith("+") else digits)
    if fast is not None:
        return fast
    number = _parse(text, region)
    return phonenumbers.format_number(number, PhoneNumberFormat.E164)


def region_code(text: str | None) -> str | None:
    """The ISO region code a country cell names ("United States", "US", "USA",
    "Brasil", "ایران", "آلمان"), or None when it names none this knows."""
    if not text:
        return None
    return _regions().get(_country_key(text))


def _country_key(text: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", normalize_text(text).casefold()).split())


@functools.cache
def _regions() -> dict[str, str]:
    """Country names (English, from phonenumbers' own region list; common Persian and
    local spellings) and ISO codes -> ISO code."""
    from phonenumbers.geocoder import _region_display_name  # the library's own names

    names: dict[str, str] = {}
    for code in phonenumbers.SUPPORTED_REGIONS:
        names[code.casefold()] = code
        english = _region_display_name(code, "en")
        if english:
            names[_country_key(english)] = code
    for code, persian, english in COUNTRIES:
        names[_country_key(persian)] = names[_country_key(english)] = code
    for name, code in _COUNTRY_NAMES.items():
        names[_country_key(name)] = code
    return names


# The countries an office here is most likely in, or calls: (code, Persian, English).
COUNTRIES: tuple[tuple[str, str, str], ...] = (
    ("IR", "ایران", "Iran"),
    ("AF", "افغانستان", "Afghanistan"),
    ("AM", "ارمنستان", "Armenia"),
    ("AZ", "آذربایجان", "Azerbaijan"),
    ("IQ", "عراق", "Iraq"),
    ("TR", "ترکیه", "Turkey"),
    ("AE", "امارات متحده عربی", "United Arab Emirates"),
    ("OM", "عمان", "Oman"),
    ("QA", "قطر", "Qatar"),
    ("DE", "آلمان", "Germany"),
    ("GB", "بریتانیا", "United Kingdom"),
    ("FR", "فرانسه", "France"),
    ("IT", "ایتالیا", "Italy"),
    ("NL", "هلند", "Netherlands"),
    ("SE", "سوئد", "Sweden"),
    ("RU", "روسیه", "Russia"),
    ("CN", "چین", "China"),
    ("IN", "هند", "India"),
    ("US", "آمریکا", "United States"),
    ("CA", "کانادا", "Canada"),
    ("AU", "استرالیا", "Australia"),
    ("BR", "برزیل", "Brazil"),
    ("PT", "پرتغال", "Portugal"),
)
# Other ways people write a country's name.
_COUNTRY_NAMES = {
    "USA": "US",
    "U.S.A.": "US",
    "U.S.": "US",
    "United States of America": "US",
    "America": "US",
    "UK": "GB",
    "England": "GB",
    "Great Britain": "GB",
    "Brasil": "BR",
    "Deutschland": "DE",
    "España": "ES",
    "Türkiye": "TR",
    "UAE": "AE",
    "Islamic Republic of Iran": "IR",
    "امریکا": "US",
    "ایالات متحده": "US",
    "ایالات متحده آمریکا": "US",
    "انگلیس": "GB",
    "انگلستان": "GB",
    "امارات": "AE",
}


def _stored(e164: str) -> PhoneNumber | None:
    # Stored values should always parse; if an old or hand-edited one does not, the
    # display helpers degrade gracefully instead of breaking a whole list view.
    try:
        return phonenumbers.parse(e164, DEFAULT_REGION)
    except NumberParseException:
        return None


def format_phone(e164: str, *, persian_digits: bool = False) -> str:
    """``0912 123 4567`` for Iranian numbers, ``+44 20 7946 0958`` for foreign ones.

    A value that cannot be parsed is returned unchanged.
    """
    number = _stored(e164)
    if number is None:
        text = e164
    elif number.country_code == _IRAN_CODE:
        text = phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)
    else:
        text = phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)
    return to_persian_digits(text) if persian_digits else text


def national_digits(e164: str) -> str:
    """Digits for the search index: ``09121234567`` for Iran, country code + number else.

    A value that cannot be parsed gives just its digits.
    """
    if e164.startswith("+98") and _fast_iran(e164) is not None:
        return "0" + e164[3:]
    number = _stored(e164)
    if number is None:
        return _NON_DIGITS.sub("", normalize_text(e164))
    significant = phonenumbers.national_significant_number(number)
    if number.country_code == _IRAN_CODE:
        return "0" + significant
    return f"{number.country_code}{significant}"


def is_mobile(e164: str) -> bool:
    """True for mobile numbers (``+98 9xx...`` in Iran); False for landlines and garbage."""
    if e164.startswith("+98") and _fast_iran(e164) is not None:
        return _iran_prefix(e164[3:])[1]
    number = _stored(e164)
    return number is not None and phonenumbers.number_type(number) in _MOBILE_TYPES
