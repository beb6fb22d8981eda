"""What an import can fill, per kind of sheet, and the header names people use for it.

Contacts, companies and deals each have their fields and, per field, the Persian and
English header names (and their common variants) that mean it. ``column_mapping``
matches headers against these; the importer reads each field's cells. They are the
field registry's (``services.registry``): a field with header names there is a field
an import fills.
"""

from __future__ import annotations

from crm_desktop.services.registry import COMPANY, CONTACT, DEAL, Entity

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

DEAL_ALIASES: dict[str, tuple[str, ...]] = _aliases(DEAL)
DEAL_FIELDS: tuple[str, ...] = tuple(DEAL_ALIASES)

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
