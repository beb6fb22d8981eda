"""Email addresses: cleaned of copy-paste debris, lowercased and sanity-checked.

The check is deliberately practical rather than RFC 5322 complete: it accepts what
real people have and rejects the typos that show up in imported spreadsheets
(``negar@@ayandeh.example``, ``a@b``, a space inside the address).
"""

from __future__ import annotations

import re

from crm_desktop.errors import InvalidInput
from crm_desktop.locale.text import to_ascii_digits

__all__ = ["normalize_email"]

# Invisible characters that come along when an address is copied from a chat, a web
# page or a right-to-left document. Removed anywhere, not just at the ends, because
# they are never part of an address.
_INVISIBLE = dict.fromkeys(
    map(ord, "\u200b\u200c\u200d\u200e\u200f\u00ad\u2060\ufeff\u061c"),
    None,
) | {c: None for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))}

# RFC 5322 "atext" plus dots, and any Unicode letter or digit (internationalized
# addresses). No quoted local parts: nobody types them into a CRM.
_LOCAL_CHAR = re.compile(r"[\w!#$%&'*+/=?^`{|}~.\-]")
_MAX_LOCAL = 64
_MAX_ADDRESS = 254
_MAX_LABEL = 63
# The everyday shape (ASCII, dotted atoms, letter TLD) that the checks below would
# accept anyway; matching it first keeps a 50,000-row import from spending its time
# here. Anything else takes the full path with its precise messages.
_PLAIN = re.compile(
    r"[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
    r"@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}",
    re.ASCII,
)


def _invalid(value: str, why_fa: str, why_en: str) -> InvalidInput:
    return InvalidInput(
        f"ایمیل «{value}» معتبر نیست: {why_fa}",
        f"Invalid email address '{value}': {why_en}",
    )


def _check_local(local: str, shown: str) -> None:
    if not local:
        raise _invalid(shown, "پیش از @ چیزی نوشته نشده است.", "nothing before the @.")
    if any(ch.isspace() for ch in local):
        raise _invalid(shown, "نباید فاصله داشته باشد.", "it must not contain spaces.")
    if ".." in local or local.startswith(".") or local.endswith("."):
        raise _invalid(
            shown,
            "نقطه‌ها در ابتدا، انتها یا پشت سر هم آمده‌اند.",
            "dots at the start, at the end or doubled.",
        )
    if len(local) > _MAX_LOCAL or not all(_LOCAL_CHAR.fullmatch(ch) for ch in local):
        raise _invalid(
            shown, "بخش پیش از @ نویسه‌های نامجاز دارد.", "invalid characters before the @."
        )


def _valid_label(label: str) -> bool:
    return (
        0 < len(label) <= _MAX_LABEL
        and not label.startswith("-")
        and not label.endswith("-")
        and all(ch == "-" or ch.isalnum() for ch in label)
    )


def _valid_tld(tld: str) -> bool:
    # Letters only, or the ASCII form of an internationalized one (xn--mgba3a4f16a).
    return (len(tld) >= 2 and tld.isalpha()) or (tld.startswith("xn--") and len(tld) > 4)


def _check_domain(domain: str, shown: str) -> None:
    labels = domain.split(".")
    if len(labels) < 2 or not all(_valid_label(label) for label in labels):
        raise _invalid(
            shown,
            "دامنه پس از @ درست نیست (مثلاً example.com).",
            "the domain after the @ is not valid (e.g. example.com).",
        )
    if not _valid_tld(labels[-1]):
        raise _invalid(
            shown,
            "پسوند دامنه باید دست‌کم دو حرف باشد (مثلاً .ir).",
            "the domain must end in at least two letters (e.g. .ir).",
        )


def normalize_email(s: str) -> str:
    """Return ``s`` stripped and lowercased, or raise InvalidInput if it is not an address.

    ``" HAMID.N@Mail.Example "`` becomes ``"hamid.n@mail.example"``; Persian digits are
    turned into ASCII ones.
    """
    plain = s.strip().lower()
    if _PLAIN.fullmatch(plain) and len(plain) <= _MAX_ADDRESS and plain.index("@") <= _MAX_LOCAL:
        return plain
    # str.strip() already covers NBSP and the other Unicode spaces.
    shown = to_ascii_digits(s.translate(_INVISIBLE)).strip()
    if not shown:
        raise InvalidInput("ایمیل خالی است.", "The email address is empty.")
    address = shown.lower()
    if address.count("@") != 1:
        raise _invalid(
            shown, "باید دقیقاً یک نشانه‌ی @ داشته باشد.", "it must contain exactly one @."
        )
    local, domain = address.split("@")
    _check_local(local, shown)
    _check_domain(domain, shown)
    if len(address) > _MAX_ADDRESS:
        raise _invalid(shown, "بیش از حد طولانی است.", "it is too long.")
    return address
