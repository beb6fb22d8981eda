"""Number and money display with Persian digits, and tolerant amount parsing."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crm_desktop.errors import InvalidInput
from crm_desktop.locale import format_number, format_rials, parse_amount

amounts = st.integers(min_value=-(10**15), max_value=10**15)


# --- format_number ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("n", "persian", "ascii_"),
    [
        (0, "۰", "0"),
        (7, "۷", "7"),
        (999, "۹۹۹", "999"),
        (1000, "۱٬۰۰۰", "1,000"),
        (12_500_000, "۱۲٬۵۰۰٬۰۰۰", "12,500,000"),
        (1_234_567_890, "۱٬۲۳۴٬۵۶۷٬۸۹۰", "1,234,567,890"),
        (-1000, "-۱٬۰۰۰", "-1,000"),
        (-999, "-۹۹۹", "-999"),
    ],
)
def test_format_number(n: int, persian: str, ascii_: str) -> None:
    assert format_number(n) == persian
    assert format_number(n, persian_digits=False) == ascii_


def test_format_number_uses_arabic_thousands_separator() -> None:
    assert "\u066c" in format_number(12_500)
    assert "," not in format_number(12_500)


# --- format_rials -------------------------------------------------------------------


def test_format_rials() -> None:
    assert format_rials(12_500_000) == "۱۲٬۵۰۰٬۰۰۰ ریال"
    assert format_rials(12_500_000, persian_digits=False) == "12,500,000 ریال"
    assert format_rials(0) == "۰ ریال"
    assert format_rials(-5_000) == "-۵٬۰۰۰ ریال"


def test_format_tomans() -> None:
    assert format_rials(12_500_000, unit="toman") == "۱٬۲۵۰٬۰۰۰ تومان"
    assert format_rials(125_005, unit="toman") == "۱۲٬۵۰۰٫۵ تومان"
    assert format_rials(125_005, unit="toman", persian_digits=False) == "12,500.5 تومان"
    assert format_rials(5, unit="toman") == "۰٫۵ تومان"
    assert format_rials(-15, unit="toman") == "-۱٫۵ تومان"
    assert format_rials(-20, unit="toman") == "-۲ تومان"
    assert format_rials(0, unit="toman") == "۰ تومان"


def test_format_rials_unknown_unit() -> None:
    with pytest.raises(ValueError, match="unit"):
        format_rials(10, unit="dollar")


# --- parse_amount -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("12500000", 12_500_000),
        ("12,500,000", 12_500_000),
        ("۱۲٬۵۰۰٬۰۰۰", 12_500_000),
        ("١٢٬٥٠٠٬٠٠٠", 12_500_000),
        ("۱۲،۵۰۰،۰۰۰", 12_500_000),
        ("12 500 000", 12_500_000),
        ("12\u00a0500\u00a0000", 12_500_000),
        ("  12500  ", 12_500),
        ("۱۲٬۵۰۰٬۰۰۰ ریال", 12_500_000),
        ("12500000ریال", 12_500_000),
        ("12,500,000 rial", 12_500_000),
        ("12,500,000 Rials", 12_500_000),
        ("1,250,000 تومان", 12_500_000),
        ("1250000 toman", 12_500_000),
        ("1,250 TOMAN", 12_500),
        ("۱۲٬۵۰۰٫۵ تومان", 125_005),
        ("12500.5 toman", 125_005),
        ("12.0", 12),
        ("0", 0),
        ("-1,000", -1000),
        ("+1000", 1000),
        ("\u200f۱۲۰۰\u200f", 1200),
        (12_500_000, 12_500_000),
        (-3, -3),
        (12_500_000.0, 12_500_000),
        (9121234567.0, 9_121_234_567),
    ],
)
def test_parse_amount(raw: str | int | float, expected: int) -> None:
    assert parse_amount(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "   ",
        "abc",
        "12a",
        "۱۲ هزار",
        "12.5",  # fraction of a rial
        "12.55 toman",  # fraction of a rial once converted
        "1,5",  # a European decimal comma, not a thousands separator
        "1,2345",
        "12,50,000",
        ",500",
        "500,",
        "1..5",
        "1.5.0",
        "--5",
        "ریال",
        "12 dollar",
        12.5,
        float("nan"),
        float("inf"),
        True,
    ],
)
def test_parse_amount_invalid(raw: str | int | float) -> None:
    with pytest.raises(InvalidInput):
        parse_amount(raw)


def test_parse_amount_message_names_value() -> None:
    with pytest.raises(InvalidInput) as info:
        parse_amount("12 dollar")
    assert "12 dollar" in info.value.en
    assert "12 dollar" in info.value.fa


# --- round trips --------------------------------------------------------------------


@settings(deadline=None)
@given(amounts, st.booleans())
def test_number_round_trip(n: int, persian_digits: bool) -> None:
    assert parse_amount(format_number(n, persian_digits=persian_digits)) == n


@settings(deadline=None)
@given(amounts, st.sampled_from(["rial", "toman"]), st.booleans())
def test_rials_round_trip(n: int, unit: str, persian_digits: bool) -> None:
    assert parse_amount(format_rials(n, unit=unit, persian_digits=persian_digits)) == n


@settings(deadline=None)
@given(st.integers(min_value=-(2**53), max_value=2**53))
def test_whole_floats_accepted(n: int) -> None:
    assert parse_amount(float(n)) == n
