"""Importing a companies sheet: one company per row, matched by name."""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from sqlalchemy import select

from crm_desktop.locale import search_key, sort_key
from crm_desktop.models import Company
from crm_desktop.services.importer.single_table import Record, RecordImport
from crm_desktop.services.registry import COMPANY, TEXT_KINDS
from crm_desktop.services.spreadsheet import SheetRow

# Text fields copied as they are (normalized); the name is the record's key, and notes
# gather the columns kept in them.
_TEXT = tuple(
    f.column
    for f in COMPANY.imported()
    if f.kind in TEXT_KINDS and f.column and f.name not in ("name", "notes")
)


class CompanyImport(RecordImport):
    table = "companies"
    fillable = tuple(f.column for f in COMPANY.flagged("fillable") if f.column is not None)

    def load(self) -> dict[Hashable, tuple[str, dict[str, Any]]]:
        columns = [getattr(Company, name) for name in ("id", "name", *self.fillable)]
        found: dict[Hashable, tuple[str, dict[str, Any]]] = {}
        for row in self.session.execute(
            select(*columns).where(Company.deleted_at.is_(None)).order_by(Company.created_at)
        ):
            values = dict(zip(("id", "name", *self.fillable), row, strict=True))
            found.setdefault(search_key(values.pop("name")), (values.pop("id"), values))
        return found

    def read(self, row: SheetRow) -> Record | None:
        name, _header = self.text(row, "name")
        if not name:
            self.error(
                row.number,
                "",
                "نام شرکت ندارد؛ این ردیف وارد نشد.",
                "No company name; the row was skipped.",
            )
            return None
        record = Record(row.number, search_key(name))
        values = record.values
        values["name"], values["sort_key"] = name, sort_key(name)
        for field in _TEXT:
            text, header = self.text(row, field)
            if text:
                values[field], record.headers[field] = text, header
        notes = self.notes(row)
        if notes:
            values["notes"] = notes
        phones = self.phones(row, "phone")
        if phones:
            values["phone"], record.headers["phone"] = (
                phones[0],
                self.columns.first(row, "phone")[1],
            )
        emails = self.emails(row)
        if emails:
            values["email"], record.headers["email"] = (
                emails[0],
                self.columns.first(row, "email")[1],
            )
        owner = self.owner(row)
        if owner is not None:
            values["owner_id"], record.headers["owner_id"], record.shown["owner_id"] = owner
        return record
