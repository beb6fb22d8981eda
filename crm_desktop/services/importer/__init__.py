"""Importing contacts, companies and deals from spreadsheets, and undoing an import.

The flow the wizard and ``crm-desktop import`` share:

1. ``read_sheet`` (``services.spreadsheet``) reads the file; ``guess_kind`` says
   whether the sheet holds contacts, companies or deals.
2. ``mapping_for`` offers the mapping saved for this header set, else the automatic
   one; ``save_mapping`` keeps the user's corrections for next time.
3. ``preview`` shows the first rows as they will be stored.
4. ``run_import`` imports (or, with ``dry_run``, only counts) in one transaction:
   a failure or a cancel leaves the database as it was. Its ``import_id`` lets
   ``undo_import`` take it back as a whole, even days later.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from crm_desktop.errors import InvalidInput
from crm_desktop.models import ImportBatch, Setting, new_id, utcnow
from crm_desktop.models.capture import mark_operation
from crm_desktop.models.database import Database
from crm_desktop.services import lookups
from crm_desktop.services.column_mapping import ColumnMapping, suggest_mapping
from crm_desktop.services.import_fields import KINDS
from crm_desktop.services.importer.common import (
    ON_DUPLICATE,
    Columns,
    ImportCancelled,
    ImportResult,
    Names,
    Problem,
    Progress,
)
from crm_desktop.services.importer.history import (
    ImportEffect,
    ImportSummary,
    LeftAlone,
    UndoResult,
    import_effect,
    list_imports,
    redo_import,
    undo_import,
)
from crm_desktop.services.importer.preview import preview
from crm_desktop.services.spreadsheet import SheetData, read_sheet

__all__ = [
    "KINDS",
    "ON_DUPLICATE",
    "ImportCancelled",
    "ImportEffect",
    "ImportResult",
    "ImportSummary",
    "LeftAlone",
    "Problem",
    "UndoResult",
    "guess_kind",
    "import_effect",
    "import_file",
    "list_imports",
    "mapping_for",
    "preview",
    "redo_import",
    "run_import",
    "save_mapping",
    "undo_import",
]

_MAPPING_KEY = "import.mapping.{kind}.{key}"
_PERSON_FIELDS = {"first_name", "last_name", "full_name"}


def guess_kind(sheet: SheetData) -> str:
    """contacts, companies or deals: what the sheet's columns say it holds."""
    sample = sheet.rows
    deals = set(suggest_mapping(sheet.headers, sample, kind="deals").values())
    contacts = set(suggest_mapping(sheet.headers, sample, kind="contacts").values())
    deal_columns = deals & {"amount", "amount_toman"} or {"stage", "title"} <= deals
    if deal_columns and not contacts & {"first_name", "last_name"}:
        return "deals"
    if contacts & _PERSON_FIELDS:
        return "contacts"
    companies = set(suggest_mapping(sheet.headers, sample, kind="companies").values())
    if "name" in companies:
        return "companies"
    return "contacts"


def _check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise InvalidInput(f"نوع ورود «{kind}» شناخته نیست.", f"Unknown import kind '{kind}'.")


def mapping_for(db: Database, sheet: SheetData, kind: str) -> tuple[dict[int, str], bool]:
    """(column index -> field, whether it is a saved one) for this sheet."""
    _check_kind(kind)
    saved = _saved(db, sheet.headers, kind)
    if saved is not None:
        return saved.for_headers(sheet.headers), True
    return suggest_mapping(sheet.headers, sheet.rows, kind=kind), False


def _saved(db: Database, headers: Sequence[str], kind: str) -> ColumnMapping | None:
    key = _MAPPING_KEY.format(kind=kind, key=ColumnMapping(tuple(headers)).key)
    with db.session() as session:
        text = session.scalar(select(Setting.value).where(Setting.key == key))
    if text is None:
        return None
    try:
        return ColumnMapping.from_json(text)
    except InvalidInput:
        return None  # an unreadable saved mapping is as good as none


def save_mapping(
    db: Database, headers: Sequence[str], mapping: Mapping[int, str], kind: str
) -> None:
    """Keep the user's mapping for files with these headers (in any column order)."""
    _check_kind(kind)
    saved = ColumnMapping.from_indexes(tuple(headers), mapping)
    key = _MAPPING_KEY.format(kind=kind, key=saved.key)
    with db.session() as session:
        session.merge(Setting(key=key, value=saved.to_json()))


@dataclass
class _Collector:
    result: ImportResult

    def __call__(self, problem: Problem, error: bool) -> None:
        (self.result.errors if error else self.result.warnings).append(problem)


def run_import(
    db: Database,
    sheet: SheetData,
    mapping: Mapping[int, str],
    *,
    kind: str = "contacts",
    on_duplicate: str = "update",
    dry_run: bool = False,
    file_name: str = "",
    progress: Progress | None = None,
    today: dt.date | None = None,
) -> ImportResult:
    """Import ``sheet`` with ``mapping`` in one transaction (nothing at all on a dry run).

    ``progress(done, total)`` is called every few hundred rows; raising
    ``ImportCancelled`` from it cancels the import and writes nothing. A birth date
    after ``today`` (by default the computer's date) or before 1900 is left out of its
    row with a warning.
    """
    _check_kind(kind)
    if on_duplicate not in ON_DUPLICATE:
        raise InvalidInput(
            f"سیاست تکراری‌ها باید یکی از {', '.join(ON_DUPLICATE)} باشد.",
            f"--on-duplicate must be one of {', '.join(ON_DUPLICATE)}.",
        )
    report = progress or (lambda done, total: None)
    result = ImportResult(kind=kind, rows=len(sheet.rows), dry_run=dry_run)
    columns = Columns(sheet, mapping)
    _check_columns(kind, columns)
    with db.session() as session:
        now = utcnow()
        user_id = lookups.current_user_id(session)
        names = Names(session, user_id, now)
        import_id = new_id()
        # The change log keeps what the import did, for undo, history and sync.
        mark_operation(session, "import", ref=import_id, label=file_name or sheet.name)
        job = _importer(kind)(
            session,
            sheet,
            columns,
            on_duplicate=on_duplicate,
            names=names,
            problems=_Collector(result),
            progress=report,
            today=today,
        )
        if not dry_run:
            session.add(
                ImportBatch(
                    id=import_id,
                    file_name=file_name,
                    sheet=sheet.name,
                    kind=kind,
                    on_duplicate=on_duplicate,
                    user_id=user_id,
                    created_at=now,
                    updated_at=now,
                    updated_by=user_id,
                )
            )
            session.flush()
        job.run(write=not dry_run)
        result.created, result.updated = job.created, job.updated
        result.duplicates, result.skipped = job.duplicates, job.skipped
        report(1, 1)
        if dry_run:
            session.rollback()
            return result
        batch = session.get(ImportBatch, import_id)
        assert batch is not None
        batch.rows, batch.created, batch.updated = result.rows, result.created, result.updated
        batch.duplicates, batch.skipped = result.duplicates, result.skipped
        batch.problems_json = json.dumps(
            [p.as_json("fa") for p in (*result.errors, *result.warnings)], ensure_ascii=False
        )
        batch.updated_at = now
        result.import_id = import_id
    return result


def _check_columns(kind: str, columns: Columns) -> None:
    needed = {
        "contacts": (_PERSON_FIELDS, "نام شخص", "a person's name"),
        "companies": ({"name"}, "نام شرکت", "a company's name"),
        "deals": (
            {"title", "contact", "company"},
            "عنوان معامله یا مشتری",
            "a deal title or a customer",
        ),
    }[kind]
    if not needed[0] & set(columns.by_field):
        raise InvalidInput(
            f"هیچ ستونی برای «{needed[1]}» انتخاب نشده است؛ دست‌کم یک ستون لازم است.",
            f"No column is chosen for {needed[2]}; at least one is needed.",
        )


def _importer(kind: str) -> Any:
    if kind == "contacts":
        from crm_desktop.services.importer.contacts import ContactImport

        return ContactImport
    if kind == "companies":
        from crm_desktop.services.importer.companies import CompanyImport

        return CompanyImport
    from crm_desktop.services.importer.deals import DealImport

    return DealImport


def import_file(
    db: Database,
    path: Path,
    *,
    sheet: str | None = None,
    kind: str | None = None,
    on_duplicate: str = "update",
    dry_run: bool = False,
    progress: Progress | None = None,
    today: dt.date | None = None,
) -> ImportResult:
    """Read, map (saved mapping first) and import one sheet of a file."""
    data = read_sheet(Path(path), sheet=sheet)
    kind = kind or guess_kind(data)
    mapping, _saved_one = mapping_for(db, data, kind)
    return run_import(
        db,
        data,
        mapping,
        kind=kind,
        on_duplicate=on_duplicate,
        dry_run=dry_run,
        file_name=Path(path).name,
        progress=progress,
        today=today,
    )
