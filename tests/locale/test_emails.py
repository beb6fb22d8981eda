"""Email addresses: cleanup, lowercasing and the common typos rejected."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crm_desktop.errors import InvalidInput
from crm_desktop.locale import normalize_email


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("HAMID.N@Mail.Example ", "hamid.n@mail.example"),
        ("hamid.n@mail.example", "hamid.n@mail.example"),
        ("\u00a0negar@ayandeh.example\u00a0", "negar@ayandeh.example"),
        ("\u200fnegar@ayandeh.example\u200e", "negar@ayandeh.example"),
        ("\ufeffnegar@ayandeh.example", "negar@ayandeh.example"),
        ("neg\u200bar@ayandeh.example", "negar@ayandeh.example"),
        ("\tali@example.ir\n", "ali@example.ir"),
        ("ali۱۲۳@example.ir", "ali123@example.ir"),
        ("ali٤٥@example.ir", "ali45@example.ir"),
        ("first.last+crm@sub.domain.co.ir", "first.last+crm@sub.domain.co.ir"),
        ("o'brien@example.com", "o'brien@example.com"),
        ("user_name-1@my-company.example", "user_name-1@my-company.example"),
        ("info@shop24.ir", "info@shop24.ir"),
        ("info@فروشگاه.ایران", "info@فروشگاه.ایران"),
        ("info@xn--mgbai9a.xn--mgba3a4f16a", "info@xn--mgbai9a.xn--mgba3a4f16a"),
    ],
)
def test_normalize_email(raw: str, expected: str) -> None:
    assert normalize_email(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "   ",
        "negar@@ayandeh.example",
        "negar@ayandeh@example.com",
        "a@b",
        "a b@c.com",
        "@x.com",
        "negar",
        "negar@",
        "negar@.com",
        "negar@example.",
        "negar@example..com",
        "a..b@example.com",
        ".ab@example.com",
        "ab.@example.com",
        "ab@-example.com",
        "ab@example-.com",
        "ab@exa_mple.com",
        "ab@example.c",
        "ab@example.123",
        "ab@exa mple.com",
        "<ab@example.com>",
        "ab,cd@example.com",
        "ab@example.com;cd@example.com",
        "x" * 65 + "@example.com",
    ],
)
def test_normalize_email_invalid(raw: str) -> None:
    with pytest.raises(InvalidInput):
        normalize_email(raw)


def test_message_names_the_value() -> None:
    with pytest.raises(InvalidInput) as info:
        normalize_email("negar@@ayandeh.example")
    assert "negar@@ayandeh.example" in info.value.en
    assert "negar@@ayandeh.example" in info.value.fa
    assert "\n" not in info.value.fa + info.value.en


local_parts = st.from_regex(r"[a-z0-9_+\-]{1,10}(\.[a-z0-9_+\-]{1,10}){0,2}", fullmatch=True)
labels = st.from_regex(r"[a-z0-9]([a-z0-9\-]{0,8}[a-z0-9])?", fullmatch=True)
tlds = st.from_regex(r"[a-z]{2,6}", fullmatch=True)


@settings(deadline=None)
@given(local_parts, st.lists(labels, min_size=1, max_size=3), tlds)
def test_valid_addresses_survive_case_and_padding(
    local: str, domain_labels: list[str], tld: str
) -> None:
    address = f"{local}@{'.'.join([*domain_labels, tld])}"
    assert normalize_email(address) == address
    assert normalize_email(f"  {address.upper()}\u00a0") == address
    assert normalize_email(normalize_email(address)) == address


_ATOM = st.text("abcxyz019._-+'", min_size=1, max_size=12)


@settings(max_examples=400, deadline=None)
@given(
    _ATOM,
    st.lists(st.text("abz09-", min_size=1, max_size=8), min_size=1, max_size=3),
    st.text("comirxn-1", min_size=1, max_size=5),
)
def test_plain_shortcut_agrees_with_full_checks(local: str, labels: list[str], tld: str) -> None:
    # Everyday ASCII addresses skip the step-by-step checks; they must accept exactly
    # what those checks accept.
    from crm_desktop.locale import emails

    address = f"{local}@{'.'.join([*labels, tld])}"
    try:
        emails._check_local(local, address)
        emails._check_domain(address.split("@")[1], address)
    except InvalidInput:
        expected = None
    else:
        expected = address
    try:
        got: str | None = normalize_email(address.upper())
    except InvalidInput:
        got = None
    assert got == expected
