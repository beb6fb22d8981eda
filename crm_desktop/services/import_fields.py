"""What an import can fill, per kind of sheet, and the header names people use for it.

Contacts, companies and deals each have their fields and, per field, the Persian and
English header names (and their common variants) that mean it. ``column_mapping``
matches headers against these; the importer reads each field's cells. Contacts' and
companies' are the field registry's (``services.registry``): a field with header names
there is a field an import fills.
"""

from __future__ import annotations

from crm_desktop.services.registry import COMPANY, CONTACT, Entity

KINDS: tuple[str, ...] = ("contacts", "companies", "deals")


def _aliases(record: Entity) -> dict[str, tuple[str, ...]]:
    return {f.name: f.aliases for f in record.imported()}


# Target fields of a contact import. ``full_name`` is one "name and surname" column
# that the importer splits into first and last name.
# Known header names per field. Matching uses ``header_key`` of each, so spelling
# variants of the same words (ي/ی, ZWNJ or space, case, punctuation) need no entry.
CONTACT_ALIASES: dict[str, tuple[str, ...]] = _aliases(CONTACT)
FIELDS: tuple[str, ...] = tuple(CONTACT_ALIASES)
COMPANY_ALIASES: dict[str, tuple[str, ...]] = _aliases(COMPANY)
COMPANY_FIELDS: tuple[str, ...] = tuple(COMPANY_ALIASES)

# A deal names its customer by person, company, or both; the person is found by phone
# or email first, by name only when nothing else is given.
DEAL_FIELDS: tuple[str, ...] = (
    "title",
    "contact",
    "mobile",
    "email",
    "company",
    "stage",
    "amount",
    "amount_toman",
    "expected_close",
    "owner",
    "lead_source",
    "notes",
)
DEAL_ALIASES: dict[str, tuple[str, ...]] = {
    "title": (
        "عنوان",
        "عنوان معامله",
        "معامله",
        "نام معامله",
        "موضوع",
        "شرح",
        "deal",
        "deal name",
        "deal title",
        "title",
        "opportunity",
        "subject",
    ),
    "contact": (
        "مشتری",
        "نام مشتری",
        "مخاطب",
        "نام مخاطب",
        "طرف حساب",
        "شخص",
        "contact",
        "contact name",
        "customer",
        "customer name",
        "person",
    ),
    "mobile": ("موبایل", "شماره موبایل", "شماره همراه", "تلفن همراه", "تلفن", "mobile", "phone"),
    "email": ("ایمیل", "پست الکترونیک", "email", "e-mail"),
    "company": ("شرکت", "نام شرکت", "سازمان", "company", "organization", "account"),
    "stage": ("مرحله", "مرحله فروش", "وضعیت", "stage", "deal stage", "status"),
    "amount": (
        "مبلغ",
        "مبلغ ریال",
        "مبلغ به ریال",
        "ارزش",
        "ارزش معامله",
        "ریال",
        "amount",
        "value",
        "deal value",
        "amount rial",
        "amount rials",
        "amount irr",
    ),
    "amount_toman": (
        "مبلغ تومان",
        "مبلغ به تومان",
        "ارزش تومان",
        "تومان",
        "amount toman",
        "amount tomans",
        "value toman",
    ),
    "expected_close": (
        "تاریخ بستن",
        "تاریخ پیش بینی",
        "تاریخ پیش‌بینی بستن",
        "تاریخ قرارداد",
        "تاریخ",
        "expected close",
        "close date",
        "closing date",
        "date",
    ),
    "owner": ("مسئول", "کارشناس", "کارشناس فروش", "owner", "sales rep"),
    "lead_source": ("منبع", "منبع سرنخ", "نحوه آشنایی", "lead source", "source"),
    "notes": ("توضیحات", "یادداشت", "یادداشت‌ها", "notes", "note", "description", "comments"),
}

FIELDS_BY_KIND: dict[str, tuple[str, ...]] = {
    "contacts": FIELDS,
    "companies": COMPANY_FIELDS,
    "deals": DEAL_FIELDS,
}
ALIASES_BY_KIND: dict[str, dict[str, tuple[str, ...]]] = {
    "contacts": CONTACT_ALIASES,
    "companies": COMPANY_ALIASES,
    "deals": DEAL_ALIASES,
}
