"""Values longer than an Excel cell holds (32,767 characters): never cut, never silent.

A contact with 3,000 phones, 1,500 emails and a 50,000-character note is exported
through the command line, the file is read back with openpyxl and with python-calamine
(what Excel users and our importer see), and imported into a fresh database through the
command line again: every phone, every email and the whole note come back, and each
split cell was said on stderr, naming the contact and the column.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet
from python_calamine import CalamineWorkbook

from crm_desktop.locale import format_phone, normalize_text
from crm_desktop.models.database import Database
from crm_desktop.services.contacts import create_contact
from crm_desktop.services.export import (
    CONTACT_COLUMNS,
    LIST_SEPARATOR,
    MAX_CELL_CHARS,
    ExportValue,
    SplitCell,
    TextList,
    export_contacts,
    headers,
    write_xlsx,
)
from crm_desktop.services.fields import ContactChanges
from tests.test_cli import run as cli

PHONES = tuple(f"+98912{n:07d}" for n in range(3000))
EMAILS = tuple(f"customer.{n:05d}@example-office.ir" for n in range(1500))
# Lines of about 100 characters, 50,000 in all: a long log of calls kept in the notes.
NOTE_LINE = "تماس گرفته شد؛ پیش‌فاکتور فرستاده شد و قرار شد هفتهٔ بعد دوباره پیگیری شود. "
NOTE = "\n".join(f"{n:04d} {NOTE_LINE}" for n in range(1000))[:50_000]


def sheet_of(path: Path) -> Worksheet:
    sheet = load_workbook(path).active
    assert isinstance(sheet, Worksheet)
    return sheet


def by_header(path: Path) -> dict[str, list[Any]]:
    """Each column of the first data row, by header, as openpyxl reads it."""
    sheet = sheet_of(path)
    rows = list(sheet.iter_rows(values_only=True))
    return {str(h): [row[i] for row in rows[1:]] for i, h in enumerate(rows[0]) if h}


def calamine_rows(path: Path) -> list[list[Any]]:
    return CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()


def openpyxl_rows(path: Path) -> list[list[Any]]:
    return [
        ["" if v is None else v for v in row] for row in sheet_of(path).iter_rows(values_only=True)
    ]


@pytest.fixture
def big_contact(db: Database) -> Database:
    create_contact(
        db,
        ContactChanges(
            first_name="مهرداد",
            last_name="کاظمی",
            phones=PHONES,
            emails=EMAILS,
            notes=NOTE,
            city="اصفهان",
        ),
    )
    create_contact(
        db, ContactChanges(first_name="سارا", last_name="نوری", phones=("+989351234567",))
    )
    return db


def test_cli_export_splits_long_cells_and_says_so(big_contact: Database, tmp_path: Path) -> None:
    path = tmp_path / "big.xlsx"
    result = cli(big_contact.path, "--lang", "en", "export", "contacts", str(path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"2 rows written to {path}"

    warnings = result.stderr.strip().splitlines()
    assert len(warnings) == 3  # phones, emails, notes: one line each
    assert all(w.startswith("crm-desktop: warning: row ") for w in warnings)
    assert all("(مهرداد کاظمی)" in w for w in warnings)
    phones, emails, notes = (
        next(w for w in warnings if f": {h} has" in w) for h in ("Mobile/Phone", "Email", "Notes")
    )
    assert "written over 2 columns: Mobile/Phone, Mobile/Phone (2)" in phones
    assert "Email (2)" in emails
    assert "Notes (2)" in notes and "reads them back as one value." in notes

    columns = by_header(path)
    assert list(columns)[: len(CONTACT_COLUMNS)] == headers(CONTACT_COLUMNS, "en")
    assert {"Mobile/Phone (2)", "Email (2)", "Notes (2)"} <= set(columns)
    cells = [v for values in columns.values() for v in values if isinstance(v, str)]
    assert max(len(c) for c in cells) <= MAX_CELL_CHARS

    rows = sorted(zip(*columns.values(), strict=True), key=lambda r: r[0] != "مهرداد")
    big = dict(zip(columns, rows[0], strict=True))
    shown = [p for h in columns if h.startswith("Mobile/Phone") for p in str(big[h]).split("، ")]
    assert shown == [format_phone(p) for p in PHONES]  # each phone whole, in order
    listed = [e for h in columns if h.startswith("Email") for e in str(big[h]).split("، ")]
    assert listed == list(EMAILS)
    assert "\n".join(str(big[h]) for h in columns if h.startswith("Notes")) == NOTE
    small = dict(zip(columns, rows[1], strict=True))
    assert small["Mobile/Phone (2)"] is None and small["Notes"] is None

    # Excel users and our importer (calamine) see the same cells.
    assert calamine_rows(path) == openpyxl_rows(path)


def test_exported_long_cells_import_back_whole(
    big_contact: Database, template_db: Path, tmp_path: Path
) -> None:
    path = tmp_path / "big.xlsx"
    assert cli(big_contact.path, "export", "contacts", str(path)).returncode == 0
    fresh = tmp_path / "fresh.sqlite3"
    shutil.copyfile(template_db, fresh)

    imported = cli(fresh, "--lang", "en", "import", str(path), "--json")
    assert imported.returncode == 0, imported.stderr
    report = json.loads(imported.stdout)
    assert (report["rows"], report["created"], report["errors"]) == (2, 2, [])

    listed = cli(fresh, "contacts", "--json")
    assert listed.returncode == 0, listed.stderr
    contacts = {c["first_name"]: c for c in json.loads(listed.stdout)}
    assert contacts["مهرداد"]["phones"] == list(PHONES)
    assert contacts["مهرداد"]["emails"] == list(EMAILS)
    # Every word of the note, in order. (The importer stores notes as it stores any text:
    # Persian letters normalized, and today its whitespace, line breaks too, collapsed.)
    assert contacts["مهرداد"]["notes"].split() == normalize_text(NOTE).split()
    assert contacts["مهرداد"]["city"] == "اصفهان"
    assert contacts["سارا"]["phones"] == ["+989351234567"]


def test_export_reports_splits_to_the_caller(big_contact: Database, tmp_path: Path) -> None:
    splits: list[SplitCell] = []
    assert export_contacts(big_contact, tmp_path / "big.xlsx", splits=splits) == 2
    assert sorted(s.columns[0] for s in splits) == ["ایمیل", "موبایل/تلفن", "یادداشت‌ها"]
    assert all(s.name == "مهرداد کاظمی" and s.exact for s in splits)
    message = next(s for s in splits if s.columns[0] == "یادداشت‌ها").message("fa")
    assert "مهرداد کاظمی" in message and "«یادداشت‌ها (2)»" in message
    assert "۵۰٬۰۰۰ نویسه" in message


# -- the writer on its own -------------------------------------------------------------


def test_text_without_line_breaks_is_cut_and_said_to_be(tmp_path: Path) -> None:
    path = tmp_path / "cut.xlsx"
    text = "ب" * 70_000  # no line break and no space to cut at
    splits: list[SplitCell] = []
    write_xlsx(path, "x", ["نام", "یادداشت"], [("علی", text)], splits=splits, name_columns=(0,))
    sheet = sheet_of(path)
    assert [c.value for c in sheet[1]] == ["نام", "یادداشت", "یادداشت (2)", "یادداشت (3)"]
    parts = [c.value for c in sheet[2][1:]]
    assert "".join(str(p) for p in parts) == text
    assert [len(str(p)) for p in parts] == [MAX_CELL_CHARS, MAX_CELL_CHARS, 70_000 - 2 * 32_767]
    assert len(splits) == 1 and not splits[0].exact
    assert splits[0].message("en").endswith("with a line break at each cut.")
    assert splits[0].message("en").startswith("row 2 (علی): یادداشت has 70,000 characters")


def test_a_cell_is_measured_as_excel_counts_it(tmp_path: Path) -> None:
    """Excel counts UTF-16 units: an emoji is two, and is never cut in half."""
    path = tmp_path / "emoji.xlsx"
    text = "😀" * 20_000  # 20,000 characters, 40,000 units
    write_xlsx(path, "x", ["a"], [(text,)])
    parts = [str(c.value) for c in sheet_of(path)[2]]
    assert "".join(parts) == text
    assert [len(p) for p in parts] == [16_383, 3_617]
    assert calamine_rows(path)[1] == parts


def test_list_items_are_never_cut(tmp_path: Path) -> None:
    path = tmp_path / "list.xlsx"
    items = TextList(f"برچسب شمارهٔ {n}" for n in range(3000))
    write_xlsx(path, "x", ["برچسب‌ها"], [(items,), (TextList(("کوتاه",)),)])
    sheet = sheet_of(path)
    cells = [str(c.value) for c in sheet[2]]
    assert len(cells) == 2 and all(len(c) <= MAX_CELL_CHARS for c in cells)
    assert [i for c in cells for i in c.split(LIST_SEPARATOR)] == list(items)
    assert sheet["A3"].value == "کوتاه" and sheet["B3"].value is None


def test_values_read_the_same_in_openpyxl_and_calamine(tmp_path: Path) -> None:
    path = tmp_path / "kinds.xlsx"
    rows: list[tuple[ExportValue, ...]] = [
        ("  فاصله در دو سر  ", 12, 2.5, True, "a & b < c > d", "سطر یک\r\nسطر دو"),
        ("=SUM(A1:A2)", -7, 1e-7, False, '"quoted"', "\t"),
        ("\nسطر", "پایان\n", " ", "a\n b", "x\ty", "\u00a0nbsp "),
    ]
    write_xlsx(path, "x", ["a", "b", "c", "d", "e", "f"], rows)
    expected = [["a", "b", "c", "d", "e", "f"], *[list(r) for r in rows]]
    assert openpyxl_rows(path) == expected
    assert calamine_rows(path) == expected
    assert sheet_of(path)["A3"].data_type == "s"  # text, never a formula


def test_an_empty_list_still_has_its_header(tmp_path: Path) -> None:
    path = tmp_path / "empty.xlsx"
    assert write_xlsx(path, "خالی", ["نام", "موبایل"], []) == 0
    sheet = sheet_of(path)
    assert [c.value for c in sheet[1]] == ["نام", "موبایل"]
    assert sheet.max_row == 1 and sheet.auto_filter.ref == "A1:B1"
    assert calamine_rows(path) == [["نام", "موبایل"]]
