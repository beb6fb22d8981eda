"""What every kind of import shares: problems, the result, lookups and the row writer."""

from __future__ import annotations

import abc
import datetime as dt
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from crm_desktop.errors import InvalidInput
from crm_desktop.locale import (
    DEFAULT_REGION,
    is_mobile,
    normalize_text,
    region_code,
    search_key,
    sort_key,
)
from crm_desktop.models import (
    Base,
    Campaign,
    Company,
    LeadSource,
    Tag,
    User,
    new_id,
)
from crm_desktop.services.column_mapping import IGNORE, NOTES, label_columns, phone_label
from crm_desktop.services.importer.values import (
    birth_date_value,
    date_value,
    email_values,
    phone_values,
    text_value,
)
from crm_desktop.services.progress import Cancelled, Progress
from crm_desktop.services.rows import Writer
from crm_desktop.services.spreadsheet import CellValue, SheetData, SheetRow

ON_DUPLICATE = ("update", "skip", "create")
# Rows between two progress reports (and two chances to cancel).
PROGRESS_EVERY = 500


class ImportCancelled(Cancelled):
    """The user cancelled; the transaction is rolled back and nothing was written."""

    def __init__(self) -> None:
        super().__init__(
            "ورود داده لغو شد؛ چیزی ذخیره نشد.", "Import cancelled; nothing was saved."
        )


@dataclass(frozen=True, slots=True)
class Problem:
    """An error (the row was skipped) or a warning (a value was dropped or kept)."""

    row: int  # the sheet's own row number
    column: str  # the column's header, "" for the whole row
    fa: str
    en: str

    def message(self, lang: str = "fa") -> str:
        return self.fa if lang == "fa" else self.en

    def as_json(self, lang: str = "fa") -> dict[str, Any]:
        return {"row": self.row, "column": self.column, "message": self.message(lang)}


@dataclass(slots=True)
class ImportResult:
    """What an import did (or, for a dry run, would do)."""

    kind: str
    rows: int = 0
    created: int = 0
    updated: int = 0
    duplicates: int = 0
    skipped: int = 0
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    import_id: str | None = None
    dry_run: bool = False
    # Company rows of a file of people and companies, and the companies they made or
    # filled (with the companies people rows named that did not exist yet).
    companies_created: int = 0
    companies_updated: int = 0
    header_row: int | None = None  # None: the sheet has no header row
    mapping: list[MappedColumn] = field(default_factory=list)

    @property
    def changed_anything(self) -> bool:
        """False for a file whose every row was already there: nothing to undo."""
        return bool(self.created or self.updated)

    def as_json(self, lang: str = "fa") -> dict[str, Any]:
        return {
            "kind": self.kind,
            "rows": self.rows,
            "created": self.created,
            "updated": self.updated,
            "duplicates": self.duplicates,
            "skipped": self.skipped,
            "companies_created": self.companies_created,
            "companies_updated": self.companies_updated,
            "header_row": self.header_row,
            "mapping": [column.as_json() for column in self.mapping],
            "errors": [p.as_json(lang) for p in self.errors],
            "warnings": [p.as_json(lang) for p in self.warnings],
            "import_id": self.import_id,
        }

    def problem_rows(self) -> dict[int, list[Problem]]:
        """Sheet row number -> its errors and warnings, errors first."""
        by_row: dict[int, list[Problem]] = {}
        for problem in (*self.errors, *self.warnings):
            by_row.setdefault(problem.row, []).append(problem)
        return dict(sorted(by_row.items()))


@dataclass(frozen=True, slots=True)
class MappedColumn:
    """Where one column of the sheet went: a field, the notes, nowhere (``None``), or
    it labels another column (``label_of``, Google's "Phone 1 - Type")."""

    header: str
    number: int  # the sheet's own column number, 1-based
    field: str | None
    values: int  # non-empty cells below the header
    label_of: str | None = None

    @property
    def left_out(self) -> bool:
        """Values that go nowhere, unasked (a column the user chose to ignore is not)."""
        return self.field is None and self.label_of is None and self.values > 0

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "column": self.header,
            "number": self.number,
            "field": self.field,
            "values": self.values,
        }
        if self.label_of is not None:
            data["label_of"] = self.label_of
        return data


def describe_mapping(sheet: SheetData, mapping: Mapping[int, str]) -> list[MappedColumn]:
    """Every column of the sheet and where the mapping sends it."""
    labels = {label: value for value, label in label_columns(sheet.headers).items()}
    counts = [0] * len(sheet.headers)
    for row in sheet.rows:
        for index, value in enumerate(row.values):
            if value is not None and value != "" and index < len(counts):
                counts[index] += 1
    described = []
    for index, header in enumerate(sheet.headers):
        choice = mapping.get(index)
        value_of = labels.get(index)
        label_of = None
        if choice is None and value_of is not None and mapping.get(value_of) is not None:
            label_of = sheet.headers[value_of]
        described.append(
            MappedColumn(
                header=header,
                number=sheet.first_column + index,
                field=choice,
                values=counts[index],
                label_of=label_of,
            )
        )
    return described


def left_out_problems(sheet: SheetData, columns: Sequence[MappedColumn]) -> list[Problem]:
    """A warning for each column with values that goes to no field."""
    row = sheet.header_row if sheet.header_row else (sheet.rows[0].number if sheet.rows else 0)
    problems = []
    for column in columns:
        if not column.left_out:
            continue
        name = column.header or f"#{column.number}"
        problems.append(
            Problem(
                row,
                name,
                f"ستون «{name}» به هیچ فیلدی نرفت: {column.values} مقدار آن وارد نشد. "
                "برای نگه داشتن آن، ستون را به فیلدی یا به «یادداشت‌ها» بدهید.",
                f"Column '{name}' goes to no field: its {column.values} values were not "
                "imported. To keep them, map it to a field or to the notes.",
            )
        )
    return problems


class Columns:
    """A sheet's columns as the mapping sees them: field -> column indexes."""

    def __init__(self, sheet: SheetData, mapping: Mapping[int, str]) -> None:
        self.headers = sheet.headers
        self.by_field: dict[str, list[int]] = {}
        self.notes: list[int] = []
        for index, choice in sorted(mapping.items()):
            if index >= len(sheet.headers) or choice == IGNORE:
                continue
            if choice == NOTES:
                self.notes.append(index)
            else:
                self.by_field.setdefault(choice, []).append(index)
        # Value column -> the column naming its kind ("Phone 1 - Type").
        self.label_of = label_columns(sheet.headers)

    def translated(self, fields: Mapping[str, Sequence[str]]) -> Columns:
        """The same columns for another kind of record: its field -> our fields, best
        first (a company row's name is its full-name column, else its company column)."""
        other = object.__new__(Columns)
        other.headers = self.headers
        other.notes = list(self.notes)
        other.label_of = self.label_of
        other.by_field = {}
        for name, ours in fields.items():
            indexes = [i for field_name in ours for i in self.by_field.get(field_name, ())]
            if indexes:
                other.by_field[name] = indexes
        return other

    def header(self, index: int) -> str:
        return self.headers[index] or f"#{index + 1}"

    def spare(self, row: SheetRow, name: str, used: object) -> list[str]:
        """ "header: value" lines of a one-value field's other columns whose values
        differ from ``used`` (the one the record got): kept in the notes, never dropped."""
        indexes = self.by_field.get(name, ())
        if used is not None and len(indexes) < 2:
            return []  # the one column's value is the one used
        lines: list[str] = []
        seen = {search_key(str(used))} if used is not None else set()
        for index in indexes:
            value = row.values[index]
            if value is None or value == "":
                continue
            text = value.isoformat() if isinstance(value, dt.date) else normalize_text(str(value))
            if text and search_key(text) not in seen:
                seen.add(search_key(text))
                lines.append(f"{self.header(index)}: {text}")
        return lines

    def first(self, row: SheetRow, name: str) -> tuple[CellValue, str]:
        """The first non-empty cell of ``name`` in the row, and its column's header."""
        for index in self.by_field.get(name, ()):
            value = row.values[index]
            if value is not None and value != "":
                return value, self.header(index)
        return None, ""

    def all(self, row: SheetRow, name: str) -> list[tuple[CellValue, str]]:
        return [
            (row.values[i], self.header(i))
            for i in self.by_field.get(name, ())
            if row.values[i] is not None and row.values[i] != ""
        ]

    def kept_notes(self, row: SheetRow) -> list[str]:
        """ "header: value" lines of the columns kept in notes."""
        lines = []
        for index in self.notes:
            value = row.values[index]
            if value is None or value == "":
                continue
            text = value.isoformat() if isinstance(value, dt.date) else normalize_text(str(value))
            if text:
                lines.append(f"{self.header(index)}: {text}")
        return lines


class Names:
    """Rows found by the names people type (companies, tags, sources, campaigns, users).

    Loaded once; a name not found yet is created at most once per import (and only
    written if the import is), so 50,000 rows need no query per row.
    """

    def __init__(self, session: Session, user_id: str | None, now: dt.datetime) -> None:
        self._session = session
        self._user_id = user_id
        self._now = now
        self.companies = _by_key(session, Company.id, Company.name)
        self.tags = _by_key(session, Tag.id, Tag.name)
        self.sources = _by_key(session, LeadSource.id, LeadSource.name)
        self.campaigns = _by_key(session, Campaign.id, Campaign.name)
        self.users: dict[str, str] = {}
        for user_id_, name, username in session.execute(
            select(User.id, User.name, User.username).where(
                User.deleted_at.is_(None), User.active.is_(True)
            )
        ):
            self.users.setdefault(search_key(name), user_id_)
            self.users.setdefault(search_key(username), user_id_)
        self.new_rows: dict[str, list[dict[str, Any]]] = {}
        self.created_companies: list[str] = []
        self._source_count = len(self.sources)

    def _create(self, table: str, known: dict[str, str], name: str, **extra: Any) -> str:
        key = search_key(name)
        found = known.get(key)
        if found is not None:
            return found
        row_id = new_id()
        known[key] = row_id
        row = {"id": row_id, "name": normalize_text(name), **extra, **self.stamp()}
        self.new_rows.setdefault(table, []).append(row)
        return row_id

    def stamp(self) -> dict[str, Any]:
        return {
            "created_at": self._now,
            "updated_at": self._now,
            "deleted_at": None,
            "updated_by": self._user_id,
        }

    def company(self, name: str) -> str:
        before = len(self.companies)
        company_id = self._create("companies", self.companies, name, sort_key=sort_key(name))
        if len(self.companies) > before:
            self.created_companies.append(company_id)
        return company_id

    def tag(self, name: str) -> str:
        return self._create("tags", self.tags, name, color=None)

    def source(self, name: str) -> str:
        before = len(self.sources)
        source_id = self._create("lead_sources", self.sources, name, position=self._source_count)
        self._source_count += len(self.sources) - before
        return source_id

    def campaign(self, name: str) -> str:
        return self._create("campaigns", self.campaigns, name, cost=0)

    def user(self, name: str) -> str | None:
        return self.users.get(search_key(name))


def _by_key(session: Session, id_column: Any, name_column: Any) -> dict[str, str]:
    table = id_column.class_
    known: dict[str, str] = {}
    for row_id, name in session.execute(
        select(id_column, name_column).where(table.deleted_at.is_(None)).order_by(id_column)
    ):
        known.setdefault(search_key(name), row_id)
    return known


class SheetImport(abc.ABC):
    """What every kind of import shares: its context, counters and the cell readers
    that report a dropped value as a warning on its row and column."""

    def __init__(
        self,
        session: Session,
        sheet: SheetData,
        columns: Columns,
        *,
        on_duplicate: str,
        names: Names,
        problems: Callable[[Problem, bool], None],
        progress: Progress,
        today: dt.date | None = None,
        region: str = DEFAULT_REGION,
    ) -> None:
        self.session = session
        self.region = region  # where a phone without its country code is
        self._region_of_file: str | None = None
        self.today = today  # the last day a birth date may be (None: the computer's date)
        self.sheet = sheet
        self.columns = columns
        self.policy = on_duplicate
        self.names = names
        self.problem = problems
        self.progress = progress
        self.stamp = names.stamp()
        self.created = 0
        self.duplicates = 0
        self.skipped = 0
        self._updated: set[str] = set()
        self._labels: dict[tuple[str | None, int], str | None] = {}

    @property
    def updated(self) -> int:
        """Stored records this import changed (rows matching them may be more)."""
        return len(self._updated)

    @abc.abstractmethod
    def run(self, *, write: bool) -> None:
        """Read every row, match it, and (with ``write``) write the outcome."""

    @abc.abstractmethod
    def read(self, row: SheetRow) -> Any:
        """The row as it would be stored, or None (after an error) to skip it."""

    def warn(self, row: int, column: str, fa: str, en: str) -> None:
        self.problem(Problem(row, column, fa, en), False)

    def error(self, row: int, column: str, fa: str, en: str) -> None:
        self.problem(Problem(row, column, fa, en), True)
        self.skipped += 1

    def text(self, row: SheetRow, name: str, *, multiline: bool = False) -> tuple[str | None, str]:
        """The first non-empty cell of a field as normalized text, and its header."""
        cell, header = self.columns.first(row, name)
        return text_value(cell, multiline=multiline), header

    def row_region(self, row: SheetRow) -> str:
        """The country of the row's phones: its country column's, else the one the
        file's country column names most (a file of one country's people often leaves
        it out on some rows), else the office's."""
        country, _header = self.text(row, "country")
        return region_code(country) or self._file_region()

    def _file_region(self) -> str:
        if self._region_of_file is None:
            counts: dict[str, int] = {}
            for row in self.sheet.rows:
                code = region_code(self.text(row, "country")[0])
                if code is not None:
                    counts[code] = counts.get(code, 0) + 1
            self._region_of_file = max(counts, key=counts.__getitem__) if counts else self.region
        return self._region_of_file

    def phones(self, row: SheetRow, *names: str, kinds: dict[str, str] | None = None) -> list[str]:
        """Every valid phone in these fields' cells; the others become warnings.

        With ``kinds``, each number's kind (mobile, work, home, fax, other) is put in
        it: what its "Type" column or its header says, else mobile or work by the
        number itself.
        """
        found: list[str] = []
        region = self.row_region(row) if "country" in self.columns.by_field else self.region
        for name in names:
            for index in self.columns.by_field.get(name, ()):
                cell = row.values[index]
                if cell is None or cell == "":
                    continue
                numbers, bad = phone_values(cell, region)
                for number in numbers:
                    if number in found:
                        continue
                    found.append(number)
                    if kinds is not None:
                        kinds[number] = self._phone_kind(row, index, number)
                for part in bad:
                    self.warn(
                        row.number,
                        self.columns.header(index),
                        f"شماره تلفن «{part}» معتبر نیست و وارد نشد؛ بقیهٔ ردیف وارد شد.",
                        f"Invalid phone number '{part}' was dropped; the rest of the row "
                        "was imported.",
                    )
        return found

    def _phone_kind(self, row: SheetRow, index: int, number: str) -> str:
        label_index = self.columns.label_of.get(index)
        label_cell = row.values[label_index] if label_index is not None else None
        label = label_cell if isinstance(label_cell, str) else None
        key = (label, index)
        if key in self._labels:  # the same few labels and headers, down 50,000 rows
            said = self._labels[key]
        else:
            said = self._labels[key] = phone_label(label, self.columns.headers[index])
        if said and said != "mobile":
            return said
        mobile = is_mobile(number)
        if said and (mobile or not number.startswith("+98")):
            return said  # "mobile", unless it is an Iranian landline in a "mobile" column
        return "mobile" if mobile else "work"

    def emails(self, row: SheetRow) -> list[str]:
        """Every valid email address in the email cells; the others become warnings."""
        found: list[str] = []
        for cell, header in self.columns.all(row, "email"):
            addresses, bad = email_values(cell)
            found.extend(a for a in addresses if a not in found)
            for part in bad:
                self.warn(
                    row.number,
                    header,
                    f"ایمیل «{part}» معتبر نیست و وارد نشد؛ بقیهٔ ردیف وارد شد.",
                    f"Invalid email address '{part}' was dropped; the rest of the row "
                    "was imported.",
                )
        return found

    def owner(self, row: SheetRow) -> tuple[str, str, str] | None:
        """(user id, header, name typed) of the owner column, if it names a user."""
        if "owner" not in self.columns.by_field:
            return None
        name, header = self.text(row, "owner")
        if not name:
            return None
        user_id = self.names.user(name)
        if user_id is None:
            self.warn(
                row.number,
                header,
                f"کاربری به نام «{name}» نیست؛ مسئول خالی ماند.",
                f"No user named '{name}'; the owner was left empty.",
            )
            return None
        return user_id, header, name

    def date(self, row: SheetRow, name: str, *, birth: bool = False) -> tuple[dt.date, str] | None:
        """The date of a field and its header; a cell that is no date, or (``birth``) no
        birth date, is a warning and the rest of the row is imported."""
        cell, header = self.columns.first(row, name)
        if cell is None:
            return None
        try:
            value = birth_date_value(cell, today=self.today) if birth else date_value(cell)
        except InvalidInput as exc:
            self.warn(
                row.number,
                header,
                f"{exc.fa} این تاریخ وارد نشد؛ بقیهٔ ردیف وارد شد.",
                f"{exc.en} The date was left out; the rest of the row was imported.",
            )
            return None
        return (value, header) if value is not None else None

    def notes(self, row: SheetRow, extra: Sequence[str] = ()) -> str | None:
        """The notes cells, the columns kept in notes and ``extra`` lines, one per line."""
        lines = [
            text_value(cell, multiline=True) or "" for cell, _ in self.columns.all(row, "notes")
        ]
        lines = [line for line in lines if line] + self.columns.kept_notes(row) + list(extra)
        return "\n".join(lines) or None


def from_json(text: str | None) -> Any:
    if text is None:
        return None
    value = json.loads(text)
    if isinstance(value, dict) and set(value) == {"date"}:
        return dt.date.fromisoformat(value["date"])
    return value


def table_of(name: str) -> Table:
    return Base.metadata.tables[name]


__all__ = [
    "ON_DUPLICATE",
    "Columns",
    "ImportCancelled",
    "ImportResult",
    "MappedColumn",
    "Names",
    "Problem",
    "Progress",
    "SheetImport",
    "Writer",
    "describe_mapping",
    "from_json",
    "left_out_problems",
    "table_of",
]
