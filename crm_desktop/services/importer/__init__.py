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

import dataclasses
import datetime as dt
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from crm_desktop.errors import InvalidInput
from crm_desktop.locale import search_key
from crm_desktop.models import ImportBatch, Setting, new_id, utcnow
from crm_desktop.models.capture import mark_operation
from crm_desktop.models.database import Database
from crm_desktop.services import lookups
from crm_desktop.services.column_mapping import (
    IGNORE,
    ColumnMapping,
    flag_value,
    header_key,
    says_kind,
    suggest_mapping,
)
from crm_desktop.services.import_fields import KINDS
from crm_desktop.services.importer.common import (
    ON_DUPLICATE,
    Columns,
    ImportCancelled,
    ImportResult,
    MappedColumn,
    Names,
    Problem,
    Progress,
    describe_mapping,
    left_out_problems,
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
from crm_desktop.services.importer.problems import OWN_HEADERS
from crm_desktop.services.office import office_region_in
from crm_desktop.services.rows import collection_paused
from crm_desktop.services.spreadsheet import CellValue, SheetData, SheetRow, read_sheet

__all__ = [
    "KINDS",
    "ON_DUPLICATE",
    "ImportCancelled",
    "ImportEffect",
    "ImportResult",
    "ImportSummary",
    "LeftAlone",
    "MappedColumn",
    "Problem",
    "UndoResult",
    "describe_mapping",
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


# Fields only a person has: a sheet with one of them holds people.
_PERSON_ONLY = frozenset(
    {"last_name", "job_title", "birth_date", "mobile", "lifecycle", "company", "is_company"}
)
# Fields only a company has.
_COMPANY_ONLY = frozenset({"industry", "website"})


def guess_kind(sheet: SheetData) -> str:
    """contacts, companies or deals: what the sheet's columns say it holds.

    A sheet whose only name is a plain "name" column and that has a company's own
    fields (industry, website) and none of a person's holds companies, not people
    called "Acme".
    """
    sample = sheet.rows
    deals = set(suggest_mapping(sheet.headers, sample, kind="deals").values())
    contact_mapping = suggest_mapping(sheet.headers, sample, kind="contacts")
    contacts = set(contact_mapping.values())
    # An amount says deals only beside what a deal has: a title, a stage, a customer.
    money = bool(deals & {"amount", "amount_toman"})
    deal_columns = (money and deals & {"title", "stage", "contact", "company"}) or {
        "stage",
        "title",
    } <= deals
    if deal_columns and not contacts & {"first_name", "last_name"}:
        return "deals"
    companies = set(suggest_mapping(sheet.headers, sample, kind="companies").values())
    if contacts & _PERSON_FIELDS:
        plain_name = all(
            header_key(sheet.headers[i]) in {"name", "نام"}
            for i, f in contact_mapping.items()
            if f in _PERSON_FIELDS
        )
        if plain_name and contacts & _COMPANY_ONLY and not contacts & _PERSON_ONLY:
            return "companies"
        return "contacts"
    if "name" in companies:
        return "companies"
    return "contacts"


def _check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise InvalidInput(f"نوع ورود «{kind}» شناخته نیست.", f"Unknown import kind '{kind}'.")


def mapping_for(db: Database, sheet: SheetData, kind: str) -> tuple[dict[int, str], bool]:
    """(column index -> field, whether it is a saved one) for this sheet."""
    _check_kind(kind)
    # A sheet without a header row has nothing to key a saved mapping by.
    saved = _saved(db, sheet.headers, kind) if sheet.has_header else None
    if saved is not None:
        return saved.for_headers(sheet.headers), True
    mapping = suggest_mapping(sheet.headers, sheet.rows, kind=kind)
    for index, header in enumerate(sheet.headers):
        if header in OWN_HEADERS and index not in mapping:
            mapping[index] = IGNORE  # a saved problem-rows file's own columns
    return mapping, False


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
    guessed: bool = False,
) -> ImportResult:
    """Import ``sheet`` with ``mapping`` in one transaction (nothing at all on a dry run).

    ``guessed``: the mapping is the import's own (``import_file``), not one the user
    chose; a refusal then says how to name the columns.

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
    result.header_row = sheet.header_row if sheet.has_header else None
    result.mapping = describe_mapping(sheet, mapping)
    columns = Columns(sheet, mapping)
    _check_columns(kind, columns, sheet, guessed=guessed)
    collect = _Collector(result)
    for problem in _sheet_problems(sheet, result.mapping):
        collect(problem, False)
    with collection_paused(), db.session() as session:
        now = utcnow()
        user_id = lookups.current_user_id(session)
        names = Names(session, user_id, now)
        import_id = new_id()
        region = office_region_in(session)
        # The change log keeps what the import did, for undo, history and sync.
        mark_operation(session, "import", ref=import_id, label=file_name or sheet.name)
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
        common = {
            "on_duplicate": on_duplicate,
            "names": names,
            "problems": collect,
            "progress": report,
            "today": today,
            "region": region,
        }
        if kind == "contacts" and (
            "is_company" in columns.by_field or {"full_name", "company"} <= set(columns.by_field)
        ):
            sheet = _company_rows_first(
                session, sheet, columns, result, write=not dry_run, **common
            )
        job = _importer(kind)(session, sheet, columns, **common)
        job.run(write=not dry_run)
        result.created += job.created
        result.updated += job.updated
        result.duplicates += job.duplicates
        result.skipped += job.skipped
        result.companies_created += len(names.created_companies)
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


# A company row's fields, from the columns of a contacts mapping (best first).
_COMPANY_ROW_FIELDS: dict[str, tuple[str, ...]] = {
    "name": ("full_name", "first_name", "company"),
    "phone": ("phone", "mobile"),
    "email": ("email",),
    "website": ("website",),
    "industry": ("industry",),
    "address": ("address",),
    "city": ("city",),
    "province": ("province",),
    "owner": ("owner",),
    "notes": ("notes",),
    "country": ("country",),  # where its phone is
}


def _company_rows_first(
    session: Any,
    sheet: SheetData,
    columns: Columns,
    result: ImportResult,
    *,
    write: bool,
    **common: Any,
) -> SheetData:
    """A file of people and companies: its company rows are imported as companies first,
    so that its people rows find their related company by name. Returns the sheet of
    the people rows.

    A company row is one marked so (Odoo's "Is a Company", "نوع شخص: حقوقی"), or one
    with no name but its company's (Thunderbird's card of "Acer America"). A related
    company may be named by its row's id (Odoo's "Related Company/ID": MYID_001).
    """
    from crm_desktop.services.importer.companies import CompanyImport

    companies: list[SheetRow] = []
    people: list[SheetRow] = []
    for row in sheet.rows:
        (companies if _is_company_row(columns, row) else people).append(row)
    if not companies:
        return sheet
    job = CompanyImport(
        session,
        dataclasses.replace(sheet, rows=tuple(companies)),
        columns.translated(_COMPANY_ROW_FIELDS),
        **common,
    )
    job.run(write=write)
    names: Names = common["names"]
    for key, company_id in job.ids_by_key().items():
        names.companies.setdefault(str(key), company_id)
    names.new_rows.clear()  # written with the companies (if anything was queued)
    result.created += job.created
    result.updated += job.updated
    result.companies_created += job.created
    result.companies_updated += job.updated
    result.duplicates += job.duplicates
    result.skipped += job.skipped
    people = _companies_by_row_id(sheet, columns, companies, people)
    return dataclasses.replace(sheet, rows=tuple(people))


def _is_company_row(columns: Columns, row: SheetRow) -> bool:
    for index in columns.by_field.get("is_company", ()):
        if flag_value(row.values[index], kinds=says_kind(columns.headers[index])):
            return True
    parts = (
        row.values[i] for f in ("first_name", "last_name") for i in columns.by_field.get(f, ())
    )
    if any(p not in (None, "") for p in parts):
        return False
    full = columns.first(row, "full_name")[0]
    company = columns.first(row, "company")[0]
    return (
        full is not None
        and company is not None
        and search_key(str(full)) == search_key(str(company))
    )


_ROW_ID_HEADERS = frozenset({"id", "external id", "xml id", "شناسه"})


def _companies_by_row_id(
    sheet: SheetData, columns: Columns, companies: list[SheetRow], people: list[SheetRow]
) -> list[SheetRow]:
    """People rows whose company cell is a company row's id, with its name instead."""
    ids = [i for i, h in enumerate(sheet.headers) if header_key(h) in _ROW_ID_HEADERS]
    named = columns.by_field.get("company", ())
    name_columns = [*columns.by_field.get("full_name", ()), *columns.by_field.get("first_name", ())]
    if not ids or not named or not name_columns:
        return people
    by_id: dict[str, CellValue] = {}
    for row in companies:
        name = next((row.values[i] for i in name_columns if row.values[i] not in (None, "")), None)
        if name is not None and row.values[ids[0]] not in (None, ""):
            by_id[search_key(str(row.values[ids[0]]))] = name
    renamed = []
    for row in people:
        values = list(row.values)
        for index in named:
            found = by_id.get(search_key(str(values[index]))) if values[index] else None
            if found is not None:
                values[index] = found
        renamed.append(dataclasses.replace(row, values=tuple(values)))
    return renamed


def _sheet_problems(sheet: SheetData, mapping: list[MappedColumn]) -> list[Problem]:
    """What reading the sheet noticed (rows that do not fit, no header row) and the
    columns whose values go nowhere."""
    problems = [Problem(n.row, "", n.fa, n.en) for n in sheet.notes]
    if not sheet.has_header:
        first = sheet.rows[0].number if sheet.rows else 1
        problems.append(
            Problem(
                first,
                "",
                "ردیف عنوان ستون‌ها پیدا نشد؛ ردیف نخست هم داده است.",
                "No header row was found; the first row is data too.",
            )
        )
    return problems + left_out_problems(sheet, mapping)


_SHOWN_VALUES = 6  # values of a first row named in a message
_SHOWN_CHARS = 30


def _shown_value(value: object) -> str:
    text = " ".join(str(value).split())
    return text if len(text) <= _SHOWN_CHARS else text[: _SHOWN_CHARS - 1] + "…"


def _check_columns(kind: str, columns: Columns, sheet: SheetData, *, guessed: bool) -> None:
    """A column for what every record needs, else why not (``guessed``: the mapping is
    the import's own guess, as on the command line, not the user's choice)."""
    needed = {
        "contacts": (_PERSON_FIELDS, "نام شخص", "a person's name"),
        "companies": ({"name"}, "نام شرکت", "a company's name"),
        "deals": (
            {"title", "contact", "company"},
            "عنوان معامله یا مشتری",
            "a deal title or a customer",
        ),
    }[kind]
    if needed[0] & set(columns.by_field):
        return
    if not sheet.has_header:
        # What it saw instead of names: the first row's values.
        first = sheet.rows[0].values if sheet.rows else ()
        seen = [_shown_value(v) for v in first if v is not None and v != ""][:_SHOWN_VALUES]
        fa_values = "، ".join(f"«{v}»" for v in seen)
        en_values = ", ".join(f"'{v}'" for v in seen)
        if not guessed:  # the user named the columns (the wizard), but not this one
            raise InvalidInput(
                f"ستونی برای «{needed[1]}» انتخاب نشده است؛ یکی را انتخاب کنید (برگه ردیف "
                f"عنوان ستون ندارد و ردیف نخست آن داده است: {fa_values}).",
                f"No column is chosen for {needed[2]}: choose one (the sheet has no header "
                f"row; its first row is data: {en_values}).",
            )
        raise InvalidInput(
            f"ردیف عنوان ستون‌ها پیدا نشد: ردیف نخست خودش داده است ({fa_values})، پس ستونی "
            f"برای «{needed[1]}» شناخته نشد. ردیفی از نام ستون‌ها بالای آن بیفزایید، یا "
            "فایل را در پنجرهٔ برنامه وارد کنید تا نام هر ستون را خودتان بگویید.",
            f"No header row was found: the first row is already data ({en_values}), so no "
            f"column is known for {needed[2]}. Add a row of column names above it, or "
            "import the file in the window, where each column can be named.",
        )
    shown = [h for h in sheet.headers if h][:12]
    fa_seen = "ستون‌های فایل: " + ("، ".join(f"«{h}»" for h in shown) or "بی‌نام")
    en_seen = "the file's columns: " + (", ".join(f"'{h}'" for h in shown) or "none named")
    raise InvalidInput(
        f"هیچ ستونی برای «{needed[1]}» انتخاب نشده است؛ دست‌کم یک ستون لازم است ({fa_seen}).",
        f"No column is chosen for {needed[2]}; at least one is needed ({en_seen}).",
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
    with collection_paused():
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
            guessed=True,
        )
