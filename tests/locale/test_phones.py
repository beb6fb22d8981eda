"""Phone numbers: every common Iranian input form to E.164, and back for display."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crm_desktop.errors import InvalidInput
from crm_desktop.locale import format_phone, is_mobile, national_digits, parse_phone

MOBILE = "+989121234567"
TEHRAN = "+982188776655"

# Operator prefixes that phonenumbers knows as mobile for every subscriber number.
MOBILE_PREFIXES = [
    *(f"090{d}" for d in "012345"),
    *(f"091{d}" for d in "0123456789"),
    *(f"092{d}" for d in "0123"),
    *(f"093{d}" for d in "0123456789"),
    *(f"099{d}" for d in "012346"),
]
iranian_mobiles = st.builds(
    lambda prefix, rest: prefix + rest,
    st.sampled_from(MOBILE_PREFIXES),
    st.text(alphabet="0123456789", min_size=7, max_size=7),
)


@pytest.mark.parametrize(
    "raw",
    [
        "09121234567",
        "9121234567",
        9121234567,
        9121234567.0,
        "9121234567.0",
        "+989121234567",
        "+98 912 123 4567",
        "+98-912-123-4567",
        "0098 912 123 4567",
        "00989121234567",
        "989121234567",
        "۰۹۱۲۱۲۳۴۵۶۷",
        "٠٩١٢١٢٣٤٥٦٧",
        "۰۹۱۲ ۱۲۳ ۴۵۶۷",
        "0912 123 4567",
        "0912-123-4567",
        "0912.123.4567",
        "(0912) 123 4567",
        "  09121234567  ",
        "\u200e09121234567\u200e",
        "0912\u00a0123\u00a04567",
    ],
)
def test_parse_mobile_forms(raw: str | int | float) -> None:
    assert parse_phone(raw) == MOBILE


@pytest.mark.parametrize(
    "raw",
    [
        "021-88776655",
        "(021) 8877 6655",
        "02188776655",
        "2188776655",
        2188776655,
        "021 8877 6655",
        "+98 21 8877 6655",
        "00982188776655",
        "982188776655",
        "۰۲۱-۸۸۷۷۶۶۵۵",
    ],
)
def test_parse_landline_forms(raw: str | int | float) -> None:
    assert parse_phone(raw) == TEHRAN


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("+44 20 7946 0958", "+442079460958"),
        ("0044 20 7946 0958", "+442079460958"),
        ("+1 650 253 0000", "+16502530000"),
        ("+971 50 123 4567", "+971501234567"),
        ("0313 123 4567", "+983131234567"),  # Isfahan
    ],
)
def test_parse_other_numbers(raw: str, expected: str) -> None:
    assert parse_phone(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "   ",
        "0912",
        "091212345",  # too short
        "0912123456789",  # too long
        "0912abc4567",  # letters (phonenumbers would read them as a keypad)
        "call me",
        "1-800-FLOWERS",
        "+98912123456",
        "12345",
        "0000000000",
        "0912#1234567",
        "+44 20",
        9121234567.5,
        float("nan"),
        True,
    ],
)
def test_parse_invalid(raw: str | int | float) -> None:
    with pytest.raises(InvalidInput):
        parse_phone(raw)


def test_invalid_message_names_value() -> None:
    with pytest.raises(InvalidInput) as info:
        parse_phone("0912abc4567")
    assert "0912abc4567" in info.value.en
    assert "0912abc4567" in info.value.fa


def test_format_phone() -> None:
    assert format_phone(MOBILE) == "0912 123 4567"
    assert format_phone(TEHRAN) == "021 8877 6655"
    assert format_phone(MOBILE, persian_digits=True) == "۰۹۱۲ ۱۲۳ ۴۵۶۷"
    assert format_phone("+442079460958") == "+44 20 7946 0958"
    assert format_phone("+16502530000") == "+1 650-253-0000"


def test_format_phone_unparseable_is_shown_as_is() -> None:
    assert format_phone("not a phone") == "not a phone"


def test_national_digits() -> None:
    assert national_digits(MOBILE) == "09121234567"
    assert national_digits(TEHRAN) == "02188776655"
    assert national_digits("+442079460958") == "442079460958"
    assert national_digits("09121234567").startswith("0912")


def test_is_mobile() -> None:
    assert is_mobile(MOBILE)
    assert is_mobile("+989901234567")
    assert not is_mobile(TEHRAN)
    assert not is_mobile("+442079460958")
    assert is_mobile("+447911123456")
    assert not is_mobile("garbage")


@settings(deadline=None)
@given(iranian_mobiles, st.booleans())
def test_mobile_round_trip(national: str, persian_digits: bool) -> None:
    e164 = parse_phone(national)
    assert e164 == "+98" + national[1:]
    assert is_mobile(e164)
    assert national_digits(e164) == national
    assert parse_phone(format_phone(e164, persian_digits=persian_digits)) == e164
    assert parse_phone(national[1:]) == e164  # Excel dropped the leading zero
    assert parse_phone(int(national)) == e164


@settings(max_examples=400, deadline=None)
@given(
    st.from_regex(r"(9[0-9]|[1-8][0-9])[0-9]{8}", fullmatch=True),
    st.sampled_from(["0", "", "+98", "0098", "98"]),
)
def test_iranian_shortcut_agrees_with_phonenumbers(national: str, prefix: str) -> None:
    # Plain ten-digit Iranian numbers skip phonenumbers after the first number with the
    # same five-digit prefix; the answer must be the one phonenumbers gives.
    import phonenumbers

    number = phonenumbers.parse("+98" + national, "IR")
    valid = phonenumbers.is_valid_number(number)
    if valid:
        assert parse_phone(prefix + national) == "+98" + national
        mobile = phonenumbers.number_type(number) in (
            phonenumbers.PhoneNumberType.MOBILE,
            phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
        )
        assert is_mobile("+98" + national) is mobile
        assert national_digits("+98" + national) == "0" + national
    else:
        with pytest.raises(InvalidInput):
            parse_phone(prefix + national)


@pytest.mark.parametrize(
    ("first", "then"),
    [("9400090000", "9400010000"), ("9400010000", "9400090000"), ("9421210000", "9421200000")],
)
def test_a_prefix_told_apart_by_its_sixth_digit(first: str, then: str) -> None:
    # phonenumbers' Iranian patterns decide some numbers by their sixth digit: the
    # shortcut must not take the first number's answer for the second.
    import phonenumbers

    for national in (first, then):
        valid = phonenumbers.is_valid_number(phonenumbers.parse("+98" + national, "IR"))
        if valid:
            assert parse_phone(national) == "+98" + national
        else:
            with pytest.raises(InvalidInput):
                parse_phone(national)
