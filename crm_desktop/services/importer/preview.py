"""The first rows of a sheet as an import would store them, for the wizard to show."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from crm_desktop.locale import format_jalali, format_phone
from crm_desktop.models import (
    Campaign,
    Company,
    Contact,
    LeadSource,
    Lifecycle,
    Stage,
    User,
    utcnow,
)
from crm_desktop.models.database import Database
from crm_desktop.services import lookups
from crm_desktop.services.fields import LIFECYCLE_NAMES
from crm_desktop.services.importer.common import Columns, Names, Problem
from crm_desktop.services.spreadsheet import SheetData

PREVIEW_ROWS = 20
# Stored id columns and the field whose typed name stands for them.
_ID_FIELDS = {
    "company_id": "company",
    "lead_source_id": "lead_source",
    "campaign_id": "campaign",
    "owner_id": "owner",
    "stage_id": "stage",
    "contact_id": "contact",
}
_HIDDEN = {"sort_key", "pipeline_id", "position", "won_at", "lost_at"}
# The tables the id columns point into, and the tables of the names an import creates.
_ID_TABLES: dict[str, Any] = {
    "company_id": Company,
    "lead_source_id": LeadSource,
    "campaign_id": Campaign,
    "owner_id": User,
    "stage_id": Stage,
    "contact_id": Contact,
}
_NEW_NAMES = {
    "company_id": "companies",
    "lead_source_id": "lead_sources",
    "campaign_id": "campaigns",
}


@dataclass(slots=True)
class PreviewRow:
    row: int  # the sheet's own row number
    values: dict[str, str] = field(default_factory=dict)  # field -> text as stored
    problems: list[Problem] = field(default_factory=list)
    skipped: bool = False


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return format_jalali(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def preview(
    db: Database,
    sheet: SheetData,
    mapping: Mapping[int, str],
    kind: str,
    limit: int = PREVIEW_ROWS,
) -> list[PreviewRow]:
    """Up to ``limit`` rows read with ``mapping``; nothing is written."""
    from crm_desktop.services.importer import _importer

    columns = Columns(sheet, mapping)
    rows: list[PreviewRow] = []
    current: list[PreviewRow] = []

    def collect(problem: Problem, error: bool) -> None:
        current[-1].problems.append(problem)
        if error:
            current[-1].skipped = True

    with db.session() as session:
        names = Names(session, lookups.current_user_id(session), utcnow())
        job = _importer(kind)(
            session,
            sheet,
            columns,
            on_duplicate="update",
            names=names,
            problems=collect,
            progress=lambda done, total: None,
        )
        if kind == "deals":
            job.prepare_preview()
        items: list[Any] = []
        for sheet_row in sheet.rows[:limit]:
            current.append(PreviewRow(sheet_row.number))
            items.append(job.read(sheet_row))
            rows.append(current[-1])
        stored = _stored_names(session, names, items)
        for row, item in zip(rows, items, strict=True):
            if item is not None:
                row.values = _shown(kind, item, stored)
        session.rollback()
    return rows


def _stored_names(session: Session, names: Names, items: list[Any]) -> dict[str, str]:
    """id -> the name it is stored under (a stage, a company as first written, a
    stored person's full name), for the ids the rows point at. A person a deal row
    creates is not stored yet: the row shows the name as typed."""
    found: dict[str, str] = {}
    for table in _NEW_NAMES.values():
        for row in names.new_rows.get(table, ()):
            found[row["id"]] = row["name"]
    wanted: dict[str, set[str]] = {}
    for item in items:
        for name in _ID_TABLES:
            value = item.values.get(name) if item is not None else None
            if isinstance(value, str) and value not in found:
                wanted.setdefault(name, set()).add(value)
    for name, ids in wanted.items():
        model = _ID_TABLES[name]
        if model is Contact:
            query = select(Contact.id, Contact.first_name, Contact.last_name)
            for contact_id, first, last in session.execute(query.where(Contact.id.in_(ids))):
                found[contact_id] = _full_name(first, last)
            continue
        for row_id, text in session.execute(select(model.id, model.name).where(model.id.in_(ids))):
            found[row_id] = text
    return found


def _full_name(first: str | None, last: str | None) -> str:
    return " ".join(part for part in (first, last) if part)


def _shown(kind: str, item: Any, stored: dict[str, str]) -> dict[str, str]:
    values: dict[str, str] = {}
    for name, value in item.values.items():
        if name in _HIDDEN or value in (None, ""):
            continue
        if name in _ID_FIELDS:
            # The name it will be stored under; what was typed if it is not known.
            text = stored.get(value) if isinstance(value, str) else None
            text = text or item.shown.get(name)
            if text:
                values[_ID_FIELDS[name]] = text
            continue
        if name == "lifecycle":
            values[name] = LIFECYCLE_NAMES[Lifecycle(value)][0]
            continue
        values[name] = _text(value)
    if kind == "contacts":
        if item.phones:
            values["phone"] = "، ".join(format_phone(p) for p in item.phones)
        if item.emails:
            values["email"] = "، ".join(item.emails)
        if item.tag_names:
            values["tags"] = "، ".join(item.tag_names)
    return values
