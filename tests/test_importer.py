"""Importing spreadsheets into real database files (crm_desktop.services.importer).

Every file is built here (``tests/importer_files.py``) with openpyxl or the csv
module, imported through the real services into a database made by the real
migrations, and checked the way a user would: the counts the import reports, the
contacts (companies, deals) it stored, and the sheet row and column of every problem.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from crm_desktop.errors import InvalidInput, NotFound
from crm_desktop.locale import search_key
from crm_desktop.models import Deal, LeadSource, Stage
from crm_desktop.models.database import Database, open_database
from crm_desktop.services import companies, contacts, users
from crm_desktop.services.column_mapping import IGNORE, NOTES
from crm_desktop.services.fields import ContactChanges, changes_from_text
from crm_desktop.services.importer import (
    ImportResult,
    Problem,
    guess_kind,
    import_effect,
    import_file,
    list_imports,
    mapping_for,
    preview,
    redo_import,
    run_import,
    save_mapping,
    undo_import,
)
from crm_desktop.services.records import ContactRecord
from crm_desktop.services.spreadsheet import read_sheet
from tests.importer_files import (
    NBSP,
    UNREADABLE,
    Grid,
    arabic_letters,
    companies_grid,
    deals_grid,
    full_names_grid,
    gregorian,
    jalali_forms,
    messy_contacts_grid,
    outlook_grid,
    phone_forms,
    unreadable_file,
    write_csv,
    write_workbook,
    write_xlsx,
)
from tests.office import build_once, convert, csv_import_filter, require_soffice

SAMPLE = Path(__file__).resolve().parent / "data" / "contacts-sample.xlsx"  # tests/data/README.md

ALI = "+989121234567"


# ----------------------------------------------------------------------- helpers


def counts(result: ImportResult) -> tuple[int, int, int, int, int]:
    """(rows, created, updated, duplicates, skipped)."""
    return result.rows, result.created, result.updated, result.duplicates, result.skipped


def where(problems: list[Problem]) -> list[tuple[int, str]]:
    return sorted((p.row, p.column) for p in problems)


def everyone(db: Database) -> list[ContactRecord]:
    return contacts.list_contacts(db)


def by_name(db: Database) -> dict[str, ContactRecord]:
    people = everyone(db)
    found = {c.full_name: c for c in people}
    assert len(found) == len(people), [c.full_name for c in people]
    return found


def with_phone(db: Database, number: str) -> ContactRecord:
    found = [c for c in everyone(db) if number in c.phones]
    assert len(found) == 1, found
    return found[0]


def add_contact(db: Database, **fields: str) -> ContactRecord:
    return contacts.create_contact(db, changes_from_text(fields))


def files_of(path: Path) -> dict[str, bytes]:
    """The database file and its WAL, byte for byte (what "nothing written" means)."""
    found = {}
    for suffix in ("", "-wal"):
        part = Path(f"{path}{suffix}")
        if part.exists():
            found[suffix] = part.read_bytes()
    return found


def deals_of(db: Database) -> dict[str, dict[str, Any]]:
    """title -> the stored deal's contact, company, stage name, amount and won time."""
    with db.session() as session:
        rows = session.execute(
            select(Deal, Stage.name)
            .join(Stage, Stage.id == Deal.stage_id)
            .where(Deal.deleted_at.is_(None))
        ).all()
        return {
            deal.title: {
                "contact_id": deal.contact_id,
                "company_id": deal.company_id,
                "stage": stage,
                "amount": deal.amount,
                "won": deal.won_at is not None,
                "expected_close": deal.expected_close,
            }
            for deal, stage in rows
        }


def company_named(db: Database, name: str) -> Any:
    found = [c for c in companies.list_companies(db) if search_key(c.name) == search_key(name)]
    assert len(found) == 1, [c.name for c in companies.list_companies(db)]
    return found[0]


# ----------------------------------------------------------------- the sample


def test_the_sample_imports_as_its_readme_says(db: Database) -> None:
    result = import_file(db, SAMPLE)

    assert counts(result) == (8, 6, 0, 1, 1)
    assert contacts.count_contacts(db) == 6
    # The row with a company and an email but no person, named by its sheet row.
    assert where(result.errors) == [(11, "")]
    # The broken email: a warning on its row and column; the rest of the row is in.
    assert where(result.warnings) == [(12, "پست الکترونیک")]
    assert "negar@@ayandeh.example" in result.warnings[0].message("en")
    assert "negar@@ayandeh.example" in result.warnings[0].message("fa")
    assert result.import_id is not None

    people = by_name(db)
    negar = people["نگار احمدی"]
    assert negar.emails == ()
    assert negar.phones == ("+989128887766",)
    assert negar.company == "طراحان آینده" and negar.city == "شیراز"
    assert negar.birth_date == gregorian(1372, 5, 20)

    hamid = people["حمید نوروزی"]
    assert hamid.emails == ("hamid.n@mail.example",)
    assert hamid.phones == ("+989012345678",)
    assert hamid.birth_date == dt.date(1988, 3, 9)  # the Gregorian date cell

    # The two Ali Rezaei rows are one contact, found by his mobile (a number cell
    # without its zero in one row, text in the other).
    ali = with_phone(db, "+989123456701")
    assert ali.first_name == "علی"
    assert ali.emails == ("ali.rezaei@pars.example",)
    assert ali.birth_date == gregorian(1362, 2, 15)
    assert ali.tags == ("VIP",)

    maryam = people["مریم کاظمی"]  # typed with Arabic ي/ك
    assert set(maryam.phones) == {"+989351234567", "+982144556677"}
    assert maryam.birth_date == gregorian(1368, 11, 3)

    reza = people["رضا قاسمی"]
    assert reza.birth_date == gregorian(1359, 7, 1)
    assert set(reza.tags) == {"VIP", "صنعتی"}
    assert people["سمیه موسوی"].phones == ("+989127654321",)

    # The skipped row left nothing behind: no contact or company of its own.
    assert not any("info@nocontact.example" in c.emails for c in everyone(db))
    assert not [c for c in companies.list_companies(db) if "بدون مخاطب" in c.name]


def test_the_sample_a_second_time_creates_nothing(db: Database) -> None:
    import_file(db, SAMPLE)
    before = {c.id: c for c in everyone(db)}

    again = import_file(db, SAMPLE)

    assert counts(again) == (8, 0, 0, 7, 1)
    assert {c.id: c for c in everyone(db)} == before


# ------------------------------------------------------------- messy contacts


def _cp1256(value: Any) -> Any:
    """What Persian Windows Excel writes in a Windows-1256 CSV: ASCII digits, ي for ی."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, str):
        return value
    digits = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
    return arabic_letters(value.translate(digits))


def _write_messy(folder: Path, form: str) -> Path:
    grid = messy_contacts_grid()
    if form in ("xlsx", "xlsm"):
        name = f"messy.{form}"
        return write_xlsx(folder / name, grid, sheet="مشتریان", merged=["A1:J1"])
    if form == "csv-cp1256":
        grid = [None if row is None else [_cp1256(v) for v in row] for row in grid]
        return write_csv(folder / "messy.csv", grid, encoding="cp1256")
    if form == "csv-semicolon-bom":
        return write_csv(folder / "messy.csv", grid, encoding="utf-8-sig", delimiter=";")
    return write_csv(folder / "messy.csv", grid, encoding="utf-8")


@pytest.mark.parametrize("form", ["xlsx", "xlsm", "csv-utf8", "csv-semicolon-bom", "csv-cp1256"])
def test_messy_contacts_file(db: Database, tmp_path: Path, form: str) -> None:
    result = import_file(db, _write_messy(tmp_path, form))
    _check_messy(db, result)


def _check_messy(db: Database, result: ImportResult) -> None:
    """What ``messy_contacts_grid`` gives, whoever wrote the file."""
    # Rows 5, 7, 8, 9, 10, 11, 12: blank rows (and a row of spaces) are not rows.
    assert counts(result) == (7, 5, 0, 1, 1)
    assert where(result.errors) == [(10, "")]
    # The national-id column goes to no field: said once, on the header row.
    assert where(result.warnings) == sorted(
        [(4, "کد ملی"), (11, "شماره همراه"), (11, "پست الکترونیک"), (11, "تاریخ تولد")]
    )
    assert any("nima@@x.example" in w.message("en") for w in result.warnings)
    left_out = next(w for w in result.warnings if w.column == "کد ملی")
    assert "goes to no field" in left_out.message("en")

    people = by_name(db)
    assert set(people) == {"علی رضایی", "مریم کاظمی", "حمید نوروزی", "سارا محمدی", "نیما صالحی"}

    ali = people["علی رضایی"]
    assert set(ali.phones) == {ALI, "+982188776655"}
    assert ali.emails == ("ali.rezaei@example.com",)
    assert ali.birth_date == dt.date(1986, 7, 3)
    assert ali.city == "تهران"
    assert ali.job_title == "مدیر خرید"  # filled in by his second row (row 12)
    assert set(ali.tags) == {"ویژه", "عمده"}

    maryam = people["مریم کاظمی"]
    assert set(maryam.phones) == {"+989351234567", "+982144556677"}
    assert maryam.birth_date == gregorian(1368, 11, 3)
    assert maryam.city == "شیراز"  # no ZWNJ, NBSP or spaces around it
    assert maryam.job_title == "حسابدار"

    hamid = people["حمید نوروزی"]
    assert hamid.last_name == "نوروزی"
    assert hamid.phones == ("+989012345678",)
    assert set(hamid.emails) == {"hamid@mail.example", "hamid.n@work.example"}
    assert hamid.birth_date == gregorian(1365, 4, 12) == dt.date(1986, 7, 3)

    sara = people["سارا محمدی"]
    assert set(sara.phones) == {"+989127654321", "+982122334455", "+983132221100"}
    assert sara.birth_date == dt.date(1986, 7, 3)
    assert sara.city == "اصفهان"

    nima = people["نیما صالحی"]
    assert nima.phones == ("+989121112233",)
    assert nima.emails == ("nima@salehi.example",)
    assert nima.birth_date is None and nima.city == "تبریز"

    # The nameless row's phone and email went nowhere.
    assert not [c for c in everyone(db) if "+989120000000" in c.phones]


def _save_with_libreoffice(folder: Path) -> None:
    grid = messy_contacts_grid()
    sara = grid[8]
    assert sara is not None and sara[6] == "اصفهان"
    sara[6] = '=CONCATENATE("اصف","هان")'  # a formula: its value is what is imported
    source = write_xlsx(folder / "messy.xlsx", grid, sheet="مشتریان", merged=["A1:J1"])
    with ThreadPoolExecutor(max_workers=2) as pool:
        jobs = [
            pool.submit(convert, source, "ods", folder / "ods"),
            pool.submit(convert, source, "xls:MS Excel 97", folder / "xls"),
        ]
        for job in jobs:
            job.result()


@pytest.fixture(scope="module")
def office_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The messy file saved by LibreOffice as .ods and .xls (another writer than ours),
    once per test run (pytest-xdist workers share it)."""
    require_soffice()
    folder = build_once(tmp_path_factory, "importer-libreoffice", _save_with_libreoffice)
    return {"ods": folder / "ods" / "messy.ods", "xls": folder / "xls" / "messy.xls"}


@pytest.mark.parametrize("form", ["ods", "xls"])
def test_messy_contacts_file_saved_by_libreoffice(
    db: Database, office_files: dict[str, Path], form: str
) -> None:
    result = import_file(db, office_files[form])
    _check_messy(db, result)


def _dates_typed_in_libreoffice(folder: Path) -> None:
    # A Windows user opens a CSV in LibreOffice: "1365-4-12" becomes a date cell (of
    # the year 1365, which LibreOffice counts in the Julian calendar), "1403/05/01"
    # stays text. Then the file is saved as .ods or .xlsx.
    source = folder / "dates.csv"
    source.write_text(
        "نام,نام خانوادگی,تاریخ تولد\nسارا,کریمی,1365-4-12\nنیما,صالحی,1403/05/01\n",
        encoding="utf-8",
    )
    with ThreadPoolExecutor(max_workers=2) as pool:
        jobs = [
            pool.submit(convert, source, fmt, folder / fmt, infilter=csv_import_filter())
            for fmt in ("ods", "xlsx")
        ]
        for job in jobs:
            job.result()


@pytest.fixture(scope="module")
def libreoffice_dates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    require_soffice()
    folder = build_once(tmp_path_factory, "importer-dates", _dates_typed_in_libreoffice)
    return {fmt: folder / fmt / f"dates.{fmt}" for fmt in ("ods", "xlsx")}


def test_jalali_dates_that_libreoffice_turned_into_date_cells(
    db: Database, libreoffice_dates: dict[str, Path]
) -> None:
    from crm_desktop.locale import from_jalali

    result = import_file(db, libreoffice_dates["ods"])
    assert (result.created, result.warnings) == (2, [])
    people = by_name(db)
    assert people["سارا کریمی"].birth_date == from_jalali(1365, 4, 12)  # as typed
    assert people["نیما صالحی"].birth_date == from_jalali(1403, 5, 1)


def test_a_date_cell_before_1900_in_xlsx_is_a_clear_warning(
    db: Database, libreoffice_dates: dict[str, Path]
) -> None:
    # The reader gets no date at all from such a cell in .xlsx: the row is imported
    # without it and the warning says how to fix the file.
    result = import_file(db, libreoffice_dates["xlsx"])
    assert result.created == 2
    assert [(w.row, w.column) for w in result.warnings] == [(2, "تاریخ تولد")]
    assert "1900" in result.warnings[0].en and "as text" in result.warnings[0].en
    people = by_name(db)
    assert people["سارا کریمی"].birth_date is None


def test_english_outlook_headers(db: Database, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "outlook.xlsx", outlook_grid())
    result = import_file(db, path)

    assert counts(result) == (2, 2, 0, 0, 0)
    assert result.errors == [] and result.warnings == []
    people = by_name(db)
    sara = people["Sara Karimi"]
    assert sara.company == "Pars Trading" and sara.job_title == "Buyer"
    assert set(sara.phones) == {"+989123456789", "+982188776655"}
    assert sara.emails == ("sara.karimi@pars.example",)
    assert sara.city == "Tehran" and sara.birth_date == dt.date(1990, 1, 23)
    john = people["John Q Smith"]  # the middle name is part of the first name
    assert john.phones == ("+989351112233",) and john.emails == ("john@smith.example",)
    assert john.company is None
    # Outlook's categories are tags; a person's web page is kept in the notes.
    assert set(sara.tags) == {"VIP"}
    assert sara.notes == "Web Page: https://pars.example" and john.notes is None


def test_a_company_cell_merged_over_several_rows(db: Database, tmp_path: Path) -> None:
    grid: Grid = [
        ["نام و نام خانوادگی", "شرکت", "موبایل"],
        ["علی رضایی", "بازرگانی پارس", "09121000001"],
        ["مریم کاظمی", None, "09121000002"],
        ["حمید نوروزی", None, "09121000003"],
        ["سارا محمدی", "فولاد نوین", "09121000004"],
    ]
    path = write_xlsx(tmp_path / "merged.xlsx", grid, merged=["B2:B4"])
    result = import_file(db, path)

    assert counts(result) == (4, 4, 0, 0, 0)
    assert {c.full_name: c.company for c in everyone(db)} == {
        "علی رضایی": "بازرگانی پارس",
        "مریم کاظمی": "بازرگانی پارس",
        "حمید نوروزی": "بازرگانی پارس",
        "سارا محمدی": "فولاد نوین",
    }
    assert len(companies.list_companies(db)) == 2


def test_full_name_column_is_split(db: Database, tmp_path: Path) -> None:
    result = import_file(db, write_xlsx(tmp_path / "names.xlsx", full_names_grid()))

    assert counts(result) == (7, 7, 0, 0, 0)
    names = {(c.first_name, c.last_name) for c in everyone(db)}
    assert names == {
        ("علی", "رضایی"),  # "رضایی، علی": last name first
        ("مریم", "کاظمی"),  # دکتر dropped
        ("سید محمد", "حسینی"),
        ("حمید", "نوروزی"),  # آقای مهندس dropped
        ("سارا", "محمدی"),  # خانم dropped
        ("بهرام", ""),
        ("Sara", "Karimi"),  # Dr. dropped
    }


def test_several_phones_and_emails_in_one_cell(db: Database, tmp_path: Path) -> None:
    grid: Grid = [
        ["نام", "نام خانوادگی", "موبایل", "ایمیل"],
        ["الف", "یکم", "09121000001 09351000001", "Sara Karimi <Sara@Pars.Example>"],
        ["ب", "دوم", "0912 100 0002 0935 100 0002", "mailto:b@x.example"],
        ["پ", "سوم", "09121000003-09351000003", "p@x.example."],
        ["ت", "چهارم", "09121000004 و 09351000004", "t@x.example\nT2@X.example"],
        ["ث", "پنجم", "۰۹۱۲۱۰۰۰۰۰۵ / ۰۲۱-۸۸۷۷۰۰۰۵", "a <s@x.example>; b <S2@x.example>"],
        ["ج", "ششم", "0912 100 0006; 0912 100 0006", None],
    ]
    result = import_file(db, write_xlsx(tmp_path / "many.xlsx", grid))

    assert result.warnings == [], [(w.row, w.column, w.en) for w in result.warnings]
    assert counts(result) == (6, 6, 0, 0, 0)
    found = {c.last_name: (c.phones, c.emails) for c in everyone(db)}
    assert found == {
        "یکم": (("+989121000001", "+989351000001"), ("sara@pars.example",)),
        "دوم": (("+989121000002", "+989351000002"), ("b@x.example",)),
        "سوم": (("+989121000003", "+989351000003"), ("p@x.example",)),
        "چهارم": (("+989121000004", "+989351000004"), ("t@x.example", "t2@x.example")),
        "پنجم": (("+989121000005", "+982188770005"), ("s@x.example", "s2@x.example")),
        "ششم": (("+989121000006",), ()),
    }


def test_a_title_before_one_word_is_a_family_name(db: Database, tmp_path: Path) -> None:
    grid: Grid = [["نام و نام خانوادگی", "موبایل"], ["آقای رضایی", "09121000001"]]
    import_file(db, write_xlsx(tmp_path / "title.xlsx", grid))
    (person,) = everyone(db)
    assert (person.first_name, person.last_name) == ("", "رضایی")


def test_header_found_below_title_rows_in_any_column(db: Database, tmp_path: Path) -> None:
    grid: Grid = [
        None,
        [None, None, "گزارش مشتریان"],
        [None, None, "تاریخ: ۱۴۰۲/۰۱/۰۱"],
        None,
        [None, None, "نام", "نام خانوادگی", "موبایل"],
        [None, None, "پرویز", "پرستویی", "۰۹۱۲۴۴۴۵۵۶۶"],
        None,
        [None, None, "لیلا", "حاتمی", 9125556677],
    ]
    result = import_file(db, write_xlsx(tmp_path / "late.xlsx", grid))

    assert counts(result) == (2, 2, 0, 0, 0)
    assert with_phone(db, "+989125556677").full_name == "لیلا حاتمی"
    assert with_phone(db, "+989124445566").full_name == "پرویز پرستویی"


def test_every_jalali_form_and_date_cells(db: Database, tmp_path: Path) -> None:
    forms: list[Any] = [*jalali_forms(1365, 4, 12), dt.date(1986, 7, 3)]
    grid: Grid = [["نام", "نام خانوادگی", "تاریخ تولد"]]
    grid += [["شخص", f"شماره {i}", form] for i, form in enumerate(forms)]
    result = import_file(db, write_xlsx(tmp_path / "dates.xlsx", grid, date_format="yyyy/mm/dd"))

    assert result.warnings == []
    assert result.created == len(forms)
    assert {c.birth_date for c in everyone(db)} == {dt.date(1986, 7, 3)}


# ------------------------------------------------------------------ duplicates


def test_duplicates_of_a_stored_contact_in_any_written_form(db: Database, tmp_path: Path) -> None:
    stored = add_contact(
        db, first_name="علی", last_name="رضایی", phone="09121234567", email="ali@example.com"
    )
    grid: Grid = [["نام", "نام خانوادگی", "موبایل", "ایمیل"]]
    grid += [["علي", "رضايي", form, None] for form in phone_forms("09121234567")]
    grid += [
        ["علی", "رضایی", None, "ALI@EXAMPLE.COM"],
        ["علی", "رضایی", None, f" Ali@Example.com{NBSP}"],
    ]
    result = import_file(db, write_xlsx(tmp_path / "dups.xlsx", grid))

    rows = len(grid) - 1
    assert counts(result) == (rows, 0, 0, rows, 0)
    assert result.warnings == [] and result.errors == []
    assert [c.id for c in everyone(db)] == [stored.id]
    assert contacts.get_contact(db, stored.id).phones == (ALI,)
    assert contacts.get_contact(db, stored.id).emails == ("ali@example.com",)


def test_duplicates_of_earlier_rows_of_the_same_file(db: Database, tmp_path: Path) -> None:
    forms = phone_forms("09121234567")
    grid: Grid = [["نام و نام خانوادگی", "موبایل", "ایمیل"]]
    grid += [["علی رضایی", form, None] for form in forms]
    grid += [
        ["سارا کریمی", None, "Sara@Example.com"],
        ["سارا کريمي", None, "SARA@EXAMPLE.COM"],
        ["سارا کریمی", "09351234567", "sara@example.com"],
    ]
    result = import_file(db, write_xlsx(tmp_path / "dups.xlsx", grid))

    rows = len(grid) - 1
    assert counts(result) == (rows, 2, 0, rows - 2, 0)
    people = by_name(db)
    assert set(people) == {"علی رضایی", "سارا کریمی"}
    assert people["علی رضایی"].phones == (ALI,)
    assert people["سارا کریمی"].emails == ("sara@example.com",)


def test_a_later_row_of_the_same_file_does_not_overwrite_an_earlier_one(
    db: Database, tmp_path: Path
) -> None:
    grid: Grid = [
        ["نام و نام خانوادگی", "موبایل", "شهر", "سمت"],
        ["علی رضایی", "09121234567", "تهران", None],
        ["علی رضایی", "+98 912 123 4567", "شیراز", "مدیر"],
    ]
    result = import_file(db, write_xlsx(tmp_path / "later.xlsx", grid))

    assert counts(result) == (2, 1, 0, 1, 0)
    assert where(result.warnings) == [(3, "شهر")]
    (ali,) = everyone(db)
    assert (ali.city, ali.job_title) == ("تهران", "مدیر")


def test_a_contact_in_the_trash_is_not_a_duplicate(db: Database, tmp_path: Path) -> None:
    gone = add_contact(db, first_name="علی", last_name="رضایی", phone="09121234567")
    contacts.delete_contacts(db, [gone.id])
    grid: Grid = [["نام", "نام خانوادگی", "موبایل"], ["علی", "رضایی", "09121234567"]]
    result = import_file(db, write_xlsx(tmp_path / "again.xlsx", grid))

    assert counts(result) == (1, 1, 0, 0, 0)
    assert [c.id for c in everyone(db)] != [gone.id] and contacts.count_contacts(db) == 1


def test_rows_with_a_name_only_are_not_created_again(db: Database, tmp_path: Path) -> None:
    # Nothing but a name (and a city) to match by: the second import of the same
    # file must still create nothing (design.md, "Import rules").
    grid: Grid = [
        ["نام", "نام خانوادگی", "شهر"],
        ["بهرام", "بیضایی", "تهران"],
        ["پرویز", "شهبازی", "رشت"],
    ]
    path = write_xlsx(tmp_path / "names-only.xlsx", grid)
    assert import_file(db, path).created == 2

    again = import_file(db, path)

    assert again.created == 0, again.as_json("en")
    assert contacts.count_contacts(db) == 2


def test_a_first_name_only_row_still_matches_after_a_later_row_filled_the_family_name(
    db: Database, tmp_path: Path
) -> None:
    # Found by the property test: "علی" with a phone is created, "علی" with nothing
    # else is the same person, and a later row (same phone) fills in "رضایی". The next
    # import of the file must find "علی" in "علی رضایی" instead of making him again.
    grid: Grid = [
        ["نام", "نام خانوادگی", "موبایل", "شهر"],
        ["نخستین", None, None, "تهران"],
        ["علی", "", 9121234567, "تهران"],
        ["علی", "", None, "تهران"],
        ["علی", "رضایی", 9121234567, "تهران"],
    ]
    path = write_xlsx(tmp_path / "names.xlsx", grid)
    first = import_file(db, path)
    assert (first.created, first.duplicates) == (2, 2)
    assert sorted(c.full_name for c in everyone(db)) == ["علی رضایی", "نخستین"]

    again = import_file(db, path)
    assert (again.created, again.duplicates) == (0, 4), again.as_json("en")
    # A full name that is someone else's is still someone new.
    other: Grid = [["نام", "نام خانوادگی"], ["علی", "کریمی"]]
    assert import_file(db, write_xlsx(tmp_path / "other.xlsx", other)).created == 1


def test_a_phone_first_seen_on_a_duplicate_row_still_matches_later_rows(
    db: Database, tmp_path: Path
) -> None:
    # Row 3 is row 2's person (same email) with a second mobile; row 4 has only that
    # second mobile: it is the same person again, an earlier row of the file.
    grid: Grid = [
        ["نام", "نام خانوادگی", "موبایل", "ایمیل"],
        ["مینا", "کریمی", "09121000001", "mina@example.com"],
        ["مینا", "کریمی", "09121000002", "mina@example.com"],
        ["مینا", "کریمی", "09121000002", None],
    ]
    result = import_file(db, write_xlsx(tmp_path / "chain.xlsx", grid))

    assert counts(result) == (3, 1, 0, 2, 0)
    assert contacts.count_contacts(db) == 1
    assert set(everyone(db)[0].phones) == {"+989121000001", "+989121000002"}


def _policy_file(folder: Path) -> Path:
    grid: Grid = [
        ["نام", "نام خانوادگی", "موبایل", "شهر", "سمت", "ایمیل", "تاریخ تولد"],
        [
            "علی",
            "رضایی",
            "+98 912 123 4567",
            "اصفهان",
            "مدیر فروش",
            "Ali@Example.com",
            "1365/04/12",
        ],
        ["حسن", "رضایی", "0912-123-4567", None, None, None, None],
    ]
    return write_xlsx(folder / "policy.xlsx", grid)


def test_update_fills_empty_fields_and_keeps_different_values(db: Database, tmp_path: Path) -> None:
    stored = add_contact(db, first_name="علی", last_name="رضایی", phone="09121234567", city="تهران")
    result = import_file(db, _policy_file(tmp_path), on_duplicate="update")

    assert counts(result) == (2, 0, 1, 2, 0)
    after = contacts.get_contact(db, stored.id)
    assert after.city == "تهران"  # not overwritten
    assert after.job_title == "مدیر فروش"  # was empty: filled
    assert after.birth_date == dt.date(1986, 7, 3)
    assert after.first_name == "علی"  # row 3's "حسن" is not used either
    assert contacts.count_contacts(db) == 1

    # Each kept value is a warning naming the row and the column, and both values.
    assert where(result.warnings) == [(2, "شهر"), (3, "نام")]
    city = next(w for w in result.warnings if w.column == "شهر")
    assert "تهران" in city.message("fa") and "اصفهان" in city.message("fa")
    assert "تهران" in city.message("en") and "اصفهان" in city.message("en")
    name = next(w for w in result.warnings if w.column == "نام")
    assert "حسن" in name.message("fa")
    # The stored contact had no email: the row's one fills it.
    assert after.emails == ("ali@example.com",)


def test_skip_leaves_the_stored_contact_alone(db: Database, tmp_path: Path) -> None:
    stored = add_contact(db, first_name="علی", last_name="رضایی", phone="09121234567", city="تهران")
    result = import_file(db, _policy_file(tmp_path), on_duplicate="skip")

    # Both rows are duplicates, and both were left alone: skipped.
    assert counts(result) == (2, 0, 0, 2, 2)
    assert result.warnings == []
    assert contacts.get_contact(db, stored.id) == stored
    assert contacts.count_contacts(db) == 1


def test_create_adds_new_contacts_anyway(db: Database, tmp_path: Path) -> None:
    stored = add_contact(db, first_name="علی", last_name="رضایی", phone="09121234567", city="تهران")
    result = import_file(db, _policy_file(tmp_path), on_duplicate="create")

    assert result.created == 2 and result.duplicates == 2 and result.updated == 0
    assert contacts.get_contact(db, stored.id) == stored
    assert contacts.count_contacts(db) == 3
    assert {c.city for c in everyone(db)} == {"تهران", "اصفهان", None}


def test_an_unknown_duplicate_policy_is_refused(
    db: Database, db_path: Path, tmp_path: Path
) -> None:
    before = files_of(db_path)
    with pytest.raises(InvalidInput):
        import_file(db, _policy_file(tmp_path), on_duplicate="merge")
    assert files_of(db_path) == before


# ------------------------------------------- tags, source, owner, notes columns


def test_tags_source_owner_lifecycle_campaign_and_kept_notes(db: Database, tmp_path: Path) -> None:
    users.create_user(db, "نیما صالحی", "nima")
    grid: Grid = [
        [
            "نام",
            "نام خانوادگی",
            "موبایل",
            "برچسب",
            "منبع",
            "مسئول",
            "وضعیت",
            "کمپین",
            "کد ملی",
            "رنگ محبوب",
        ],
        [
            "مینا",
            "کریمی",
            "09121000001",
            "ویژه، عمده‌فروش",
            "نمایشگاه",
            "نیما صالحی",
            "مشتری",
            "کمپین بهار",
            "0012345678",
            "آبی",
        ],
        ["رضا", "کریمی", "09121000002", "ويژه;VIP", "نمايشگاه", "nima", "مشتری بالقوه"],
        ["سحر", "کریمی", "09121000003", None, "اینستاگرام", "کسی که نیست", "vip", None, "0099"],
    ]
    sheet = read_sheet(write_xlsx(tmp_path / "extra.xlsx", grid))
    mapping, saved = mapping_for(db, sheet, "contacts")
    assert not saved
    unknown = [i for i, h in enumerate(sheet.headers) if h in ("کد ملی", "رنگ محبوب")]
    assert not set(unknown) & set(mapping)  # unknown columns are not guessed
    for index in unknown:
        mapping[index] = NOTES

    result = run_import(db, sheet, mapping)

    assert counts(result) == (3, 3, 0, 0, 0)
    assert where(result.warnings) == [(4, "مسئول"), (4, "وضعیت")]
    owner = next(w for w in result.warnings if w.column == "مسئول")
    assert "کسی که نیست" in owner.message("fa")

    people = by_name(db)
    mina = people["مینا کریمی"]
    assert set(mina.tags) == {"ویژه", "عمده‌فروش"}
    assert mina.lead_source == "نمایشگاه" and mina.owner == "نیما صالحی"
    assert mina.lifecycle == "customer" and mina.campaign == "کمپین بهار"
    assert mina.notes is not None
    assert "کد ملی: 0012345678" in mina.notes and "رنگ محبوب: آبی" in mina.notes

    reza = people["رضا کریمی"]
    assert set(reza.tags) == {"ویژه", "VIP"}
    assert reza.lead_source == "نمایشگاه"  # the same source, typed with Arabic ي
    assert reza.owner == "نیما صالحی"  # by username
    assert reza.lifecycle == "prospect" and reza.notes is None

    sahar = people["سحر کریمی"]  # an unknown owner and lifecycle: warnings, row kept
    assert sahar.owner is None and sahar.lifecycle == "lead"
    assert sahar.notes == "کد ملی: 0099"

    with db.session() as session:
        sources = session.scalars(select(LeadSource.name)).all()
    assert sorted(search_key(s) for s in sources).count(search_key("نمایشگاه")) == 1


# ---------------------------------------------------------------------- dry run


def test_dry_run_writes_nothing_and_counts_like_the_real_run(
    db: Database, db_path: Path, tmp_path: Path
) -> None:
    add_contact(db, first_name="علی", last_name="رضایی", phone="09121234567")
    path = _write_messy(tmp_path, "xlsx")
    before = files_of(db_path)

    dry = import_file(db, path, dry_run=True)

    assert files_of(db_path) == before
    assert contacts.count_contacts(db) == 1
    assert list_imports(db) == []
    assert dry.import_id is None

    real = import_file(db, path)
    assert counts(dry) == counts(real) == (7, 4, 1, 2, 1)
    assert where(dry.errors) == where(real.errors)
    assert [(p.row, p.column, p.en) for p in dry.warnings] == [
        (p.row, p.column, p.en) for p in real.warnings
    ]
    assert real.import_id is not None
    assert contacts.count_contacts(db) == 5


def test_a_cancelled_import_writes_nothing(db: Database, db_path: Path, tmp_path: Path) -> None:
    from crm_desktop.services.importer import ImportCancelled

    grid: Grid = [["نام", "نام خانوادگی", "موبایل"]]
    grid += [["شخص", f"شماره {i}", f"0912{i:07d}"] for i in range(1200)]
    path = write_xlsx(tmp_path / "many.xlsx", grid)
    before = files_of(db_path)

    def cancel(done: int, total: int) -> None:
        if done >= 500:
            raise ImportCancelled()

    with pytest.raises(ImportCancelled):
        import_file(db, path, progress=cancel)
    assert files_of(db_path) == before
    assert contacts.count_contacts(db) == 0


def test_cancel_while_writing_writes_nothing(db: Database, db_path: Path, tmp_path: Path) -> None:
    # The last third of the progress is the writing: Cancel still works there, and the
    # bar moves on through it instead of standing at 100%.
    from crm_desktop.services.importer import ImportCancelled

    grid: Grid = [["نام", "نام خانوادگی", "موبایل"]]
    grid += [["شخص", f"شماره {i}", f"0912{i:07d}"] for i in range(1200)]
    path = write_xlsx(tmp_path / "many.xlsx", grid)
    seen: list[tuple[int, int]] = []
    import_file(db, path, dry_run=True, progress=lambda done, total: seen.append((done, total)))
    reading = [done for done, total in seen if done < total]
    assert reading == sorted(reading) and max(reading) <= 2 * 1200  # a dry run writes nothing
    before = files_of(db_path)

    def cancel_while_writing(done: int, total: int) -> None:
        seen.append((done, total))
        if done > 2 * total // 3 and done < total:
            raise ImportCancelled()

    seen.clear()
    with pytest.raises(ImportCancelled):
        import_file(db, path, progress=cancel_while_writing)
    assert any(2 * total // 3 < done < total for done, total in seen)
    assert files_of(db_path) == before
    assert contacts.count_contacts(db) == 0
    imported = import_file(db, path)
    assert imported.created == 1200


# ------------------------------------------------------------------ preview


def test_preview_shows_rows_as_they_will_be_stored(
    db: Database, db_path: Path, tmp_path: Path
) -> None:
    sheet = read_sheet(_write_messy(tmp_path, "xlsx"))
    mapping, _ = mapping_for(db, sheet, "contacts")
    before = files_of(db_path)

    rows = preview(db, sheet, mapping, "contacts", limit=6)

    assert files_of(db_path) == before
    assert [r.row for r in rows] == [5, 7, 8, 9, 10, 11]
    ali, maryam = rows[0], rows[1]
    assert ali.values["first_name"] == "علی" and ali.values["last_name"] == "رضایی"
    assert ali.values["email"] == "ali.rezaei@example.com"
    assert "۱۳۶۵/۰۴/۱۲" in ali.values["birth_date"] or "1365/04/12" in ali.values["birth_date"]
    assert "912" in ali.values["phone"] or "۹۱۲" in ali.values["phone"]
    assert maryam.values["city"] == "شیراز"
    nameless = rows[4]
    assert nameless.skipped and [p.row for p in nameless.problems] == [10]
    nima = rows[5]
    assert not nima.skipped and {p.column for p in nima.problems} == {
        "شماره همراه",
        "پست الکترونیک",
        "تاریخ تولد",
    }


def test_preview_of_deals_and_companies(db: Database, tmp_path: Path) -> None:
    ali = add_contact(db, first_name="علی", last_name="رضایی", phone="09121234567")
    deals = read_sheet(write_xlsx(tmp_path / "deals.xlsx", deals_grid()))
    shown = preview(db, deals, mapping_for(db, deals, "deals")[0], "deals")

    assert [r.row for r in shown] == [2, 3, 4, 5, 6]
    support = shown[0].values
    assert support["title"] == "قرارداد پشتیبانی"
    assert support["stage"] == "مذاکره"  # the stage's name, not the Arabic ك typed
    assert support["contact"] == ali.full_name and support["company"] == "بازرگانی پارس"
    assert support["amount"] in ("12,500,000", "۱۲٬۵۰۰٬۰۰۰")
    assert shown[2].values["stage"] == "ارسال پیش\u200cفاکتور"
    # An unknown stage: the row shows the stage the deal will really be put in.
    assert shown[3].values["stage"] == "سرنخ جدید"
    assert [(p.row, p.column) for p in shown[3].problems] == [(5, "مرحله")]

    firms = read_sheet(write_xlsx(tmp_path / "companies.xlsx", companies_grid()))
    rows = preview(db, firms, mapping_for(db, firms, "companies")[0], "companies")
    assert [r.row for r in rows] == [3, 4, 5, 6, 7]
    assert rows[0].values["name"] == "صنایع غذایی سپید"
    assert rows[2].skipped
    assert [c.id for c in everyone(db)] == [ali.id] and companies.list_companies(db) == []
    assert deals_of(db) == {}


def test_preview_names_a_company_as_it_is_stored(db: Database, tmp_path: Path) -> None:
    add_contact(db, first_name="مینا", last_name="کریمی", company="صنایع پارس")
    grid: Grid = [
        ["نام", "نام خانوادگی", "شرکت", "منبع"],
        ["علی", "رضایی", "صنايع  پارس", "نمايشگاه"],
    ]
    sheet = read_sheet(write_xlsx(tmp_path / "firm.xlsx", grid))
    (row,) = preview(db, sheet, mapping_for(db, sheet, "contacts")[0], "contacts")
    assert row.values["company"] == "صنایع پارس"
    assert row.values["lead_source"] == "نمایشگاه"


# ------------------------------------------------------------- saved mappings


def test_a_saved_mapping_is_offered_for_the_same_headers_in_another_order(
    db: Database, tmp_path: Path
) -> None:
    first = read_sheet(
        write_xlsx(
            tmp_path / "first.xlsx",
            [
                ["اسم کوچک", "فامیلی", "همراه اول", "یادداشت مشتری", "کد"],
                ["پری", "زنگنه", "09121000001", "خرید نقدی", "A-1"],
            ],
        )
    )
    chosen = {0: "first_name", 1: "last_name", 2: "mobile", 3: NOTES, 4: IGNORE}
    save_mapping(db, first.headers, chosen, "contacts")
    assert mapping_for(db, first, "contacts") == (chosen, True)

    # The same headers in another order, typed with Arabic ي/ك and stray spaces.
    second_path = write_xlsx(
        tmp_path / "second.xlsx",
        [
            ["كد", "همراه اول ", "اسم كوچك", "فاميلي", "یادداشت  مشتری"],
            ["B-2", "09121000002", "هما", "روستا", "سفارش تلفنی"],
        ],
    )
    second = read_sheet(second_path)
    assert mapping_for(db, second, "contacts") == (
        {0: IGNORE, 1: "mobile", 2: "first_name", 3: "last_name", 4: NOTES},
        True,
    )
    # Another header set is not offered the saved one.
    other = read_sheet(write_xlsx(tmp_path / "other.xlsx", [["نام", "موبایل"], ["x", 1]]))
    assert mapping_for(db, other, "contacts")[1] is False

    result = import_file(db, second_path)
    assert counts(result) == (1, 1, 0, 0, 0)
    homa = with_phone(db, "+989121000002")
    assert (homa.first_name, homa.last_name) == ("هما", "روستا")
    assert homa.notes is not None and "سفارش تلفنی" in homa.notes and "B-2" not in homa.notes


# ---------------------------------------------------------- companies and deals


def test_companies_sheet_and_its_second_import(db: Database, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "companies.xlsx", companies_grid())
    assert guess_kind(read_sheet(path)) == "companies"

    result = import_file(db, path)

    assert result.kind == "companies"
    assert counts(result) == (5, 3, 0, 1, 1)
    assert where(result.errors) == [(5, "")]
    assert where(result.warnings) == [(7, "ایمیل")]
    assert len(companies.list_companies(db)) == 3
    sepid = company_named(db, "صنایع غذایی سپید")
    assert sepid.name == "صنایع غذایی سپید"  # stored with Persian letters
    assert sepid.phone == "+982144556677" and sepid.email == "info@sepid.example"
    assert sepid.industry == "غذایی" and sepid.city == "تهران"
    assert sepid.notes == "شعبه دوم"  # filled by its duplicate row 6
    folad = company_named(db, "فولاد نوین")
    assert folad.phone == "+983132221100"  # a number cell without its zero
    assert folad.notes == "مشتری قدیمی"
    alborz = company_named(db, "پخش البرز")
    assert alborz.phone == "+982632221100" and alborz.email is None
    assert contacts.count_contacts(db) == 0

    again = import_file(db, path)
    assert counts(again) == (5, 0, 0, 4, 1)
    assert len(companies.list_companies(db)) == 3


@pytest.mark.parametrize(("tomans", "factor"), [(False, 1), (True, 10)])
def test_deals_sheet_in_rials_or_tomans(
    db: Database, tmp_path: Path, tomans: bool, factor: int
) -> None:
    ali = add_contact(db, first_name="علی", last_name="رضایی", phone="09121234567")
    somayeh = add_contact(db, first_name="سمیه", last_name="موسوی")
    path = write_xlsx(tmp_path / "deals.xlsx", deals_grid(tomans=tomans))
    assert guess_kind(read_sheet(path)) == "deals"

    result = import_file(db, path)

    assert result.kind == "deals"
    assert counts(result) == (5, 5, 0, 0, 0)
    assert where(result.warnings) == [(5, "مرحله")]
    assert "مرحله ناشناخته" in result.warnings[0].message("fa")
    deals = deals_of(db)
    assert set(deals) == {
        "قرارداد پشتیبانی",
        "خرید تجهیزات",
        "فروش نرم‌افزار",
        "تمدید قرارداد",
        "پیش‌فروش",
    }

    support = deals["قرارداد پشتیبانی"]
    assert support["contact_id"] == ali.id  # found by his mobile
    assert support["stage"] == "مذاکره" and support["amount"] == 12_500_000 * factor
    assert support["company_id"] == company_named(db, "بازرگانی پارس").id
    assert support["expected_close"] == gregorian(1403, 5, 1)

    bought = deals["خرید تجهیزات"]
    kamran = with_phone(db, "+989357778899")  # a new person, created for the deal
    assert (kamran.first_name, kamran.last_name) == ("کامران", "وحیدی")
    assert bought["contact_id"] == kamran.id
    assert bought["stage"] == "برنده" and bought["won"]
    assert bought["amount"] == 12_500_000 * factor

    software = deals["فروش نرم‌افزار"]
    assert software["contact_id"] is None
    assert software["company_id"] == company_named(db, "فولاد نوین").id
    assert search_key(software["stage"]) == search_key("ارسال پیش‌فاکتور")
    assert software["amount"] == 3_000_000 * factor

    renewal = deals["تمدید قرارداد"]
    assert renewal["contact_id"] == ali.id
    assert renewal["stage"] == "سرنخ جدید"  # an unknown stage: the first one, warned
    assert renewal["amount"] == 750_000 * factor
    assert renewal["expected_close"] == gregorian(1403, 12, 29)

    presale = deals["پیش‌فروش"]
    assert presale["contact_id"] == somayeh.id  # by her name alone
    assert presale["stage"] == "نیازسنجی" and presale["amount"] == 5_000_000 * factor
    assert contacts.count_contacts(db) == 3

    again = import_file(db, path)
    assert counts(again) == (5, 0, 0, 5, 0)
    assert len(deals_of(db)) == 5
    assert contacts.count_contacts(db) == 3


def test_a_stage_typed_with_a_space_for_the_zwnj(db: Database, tmp_path: Path) -> None:
    grid: Grid = [
        ["عنوان معامله", "شرکت", "مرحله", "مبلغ"],
        ["فروش نرم‌افزار", "فولاد نوین", "ارسال پیش فاکتور", "1,000"],
    ]
    result = import_file(db, write_xlsx(tmp_path / "stage.xlsx", grid))

    assert result.warnings == []
    assert deals_of(db)["فروش نرم‌افزار"]["stage"] == "ارسال پیش\u200cفاکتور"


def test_deal_amounts_in_both_digit_sets(db: Database, tmp_path: Path) -> None:
    amounts = {
        "الف": ("۱۲٬۵۰۰٬۰۰۰", 12_500_000),
        "ب": ("12,500,000", 12_500_000),
        "پ": ("١٢٬٥٠٠٬٠٠٠", 12_500_000),
        "ت": ("۱۲,۵۰۰,۰۰۰", 12_500_000),
        "ث": (12500000, 12_500_000),
        "ج": ("۱۲۵۰۰۰۰۰ ریال", 12_500_000),
        "چ": ("12.500.000", 12_500_000),  # dots between the thousands
        "ح": ("۱۲٫۵ میلیون", 12_500_000),
        "خ": ("۱٬۲۵۰٬۰۰۰ تومان", 12_500_000),  # the unit typed wins over the column's
        "د": ("۱۲۵۰ هزار تومان", 12_500_000),
        "ذ": ("-", 0),  # no amount
    }
    grid: Grid = [["عنوان معامله", "شرکت", "مبلغ"]]
    grid += [[f"معامله {k}", "پارس", v] for k, (v, _) in amounts.items()]
    result = import_file(db, write_xlsx(tmp_path / "amounts.xlsx", grid))

    assert result.warnings == [], [w.en for w in result.warnings]
    stored = deals_of(db)
    assert {k: stored[f"معامله {k}"]["amount"] for k in amounts} == {
        k: rials for k, (_, rials) in amounts.items()
    }


# ------------------------------------------------------------------ undo, redo


def test_undo_removes_what_the_import_did_except_what_was_changed_since(
    db: Database, tmp_path: Path
) -> None:
    add_contact(db, first_name="کاوه", last_name="اکبری", phone="09120000001")
    leila = add_contact(db, first_name="لیلا", last_name="نجفی", phone="09120000002")
    grid: Grid = [
        ["نام", "نام خانوادگی", "موبایل", "ایمیل", "سمت", "شهر", "شرکت"],
        ["کاوه", "اکبری", "09120000001", None, "مدیر", None, None],
        ["لیلا", "نجفی", "09120000002", None, None, "قم", None],
        ["پویا", "امینی", "09120000003", None, None, None, "شرکت تازه"],
        ["رها", "صدری", "09120000004", None, None, None, None],
        ["یاسمن", "فرهی", "09120000005", None, None, None, None],
    ]
    result = import_file(db, write_xlsx(tmp_path / "undo.xlsx", grid))
    assert counts(result) == (5, 3, 2, 2, 0)
    assert result.import_id is not None
    imported = {c.full_name: c for c in everyone(db)}
    assert imported["کاوه اکبری"].job_title == "مدیر"

    # Since the import: the user edits one new contact and a field the import filled.
    raha = imported["رها صدری"]
    contacts.update_contact(db, raha.id, ContactChanges(city="رشت"))
    contacts.update_contact(db, leila.id, ContactChanges(city="کاشان"))
    # What the undo is about to do, in the user's terms (asked before undoing).
    before = import_effect(db, result.import_id)
    assert before.created == {"contacts": 3, "companies": 1}
    assert before.changed == {"contacts": 2}

    undone = undo_import(db, result.import_id)
    # Leila's city and Raha were changed since: the undo did the rest.
    assert undone.effect.created == {"contacts": 2, "companies": 1}
    assert undone.effect.changed == {"contacts": 1}
    # The contacts it took away are gone, not in the trash as if someone deleted them.
    assert contacts.trashed_contact_ids(db) == []

    people = by_name(db)
    assert set(people) == {"کاوه اکبری", "لیلا نجفی", "رها صدری"}
    assert people["کاوه اکبری"].job_title is None  # the filled field is reverted
    assert people["کاوه اکبری"].phones == ("+989120000001",)
    assert people["لیلا نجفی"].city == "کاشان"  # changed since: left alone
    assert people["رها صدری"].city == "رشت"
    left = " | ".join(map(str, undone.left_alone))
    assert "رها" in left and "لیلا" in left
    assert "کاوه" not in left and "پویا" not in left
    assert not [c for c in companies.list_companies(db) if c.name == "شرکت تازه"]
    assert [i.undone for i in list_imports(db)] == [True]
    with pytest.raises(InvalidInput):
        undo_import(db, result.import_id)

    assert import_effect(db, result.import_id) == undone.effect  # what a redo would do
    redone = redo_import(db, result.import_id)

    assert redone.reverted > 0
    assert redone.effect == undone.effect
    people = by_name(db)
    assert set(people) == {"کاوه اکبری", "لیلا نجفی", "رها صدری", "پویا امینی", "یاسمن فرهی"}
    assert people["کاوه اکبری"].job_title == "مدیر"
    assert people["لیلا نجفی"].city == "کاشان"
    assert people["رها صدری"].city == "رشت"
    assert people["پویا امینی"].company == "شرکت تازه"
    assert people["پویا امینی"].id == imported["پویا امینی"].id
    assert [i.undone for i in list_imports(db)] == [False]
    # Search finds the people brought back.
    assert [c.full_name for c in contacts.list_contacts(db, "یاسمن")] == ["یاسمن فرهی"]
    assert [c.full_name for c in contacts.list_contacts(db, "شرکت تازه")] == ["پویا امینی"]


def test_undo_takes_back_the_phones_and_emails_added_to_a_stored_contact(
    db: Database, tmp_path: Path
) -> None:
    kaveh = add_contact(db, first_name="کاوه", last_name="اکبری", phone="09120000001")
    grid: Grid = [
        ["نام", "نام خانوادگی", "موبایل", "تلفن", "ایمیل"],
        ["کاوه", "اکبری", "09120000001", "021-88776655", "Kaveh@X.example"],
    ]
    result = import_file(db, write_xlsx(tmp_path / "more.xlsx", grid))
    assert counts(result) == (1, 0, 1, 1, 0) and result.import_id is not None
    added = contacts.get_contact(db, kaveh.id)
    assert added.phones == ("+989120000001", "+982188776655")
    assert added.emails == ("kaveh@x.example",)
    assert [c.id for c in contacts.list_contacts(db, "kaveh")] == [kaveh.id]

    assert import_effect(db, result.import_id).changed == {"contacts": 1}
    assert import_effect(db, result.import_id).created == {}
    undo_import(db, result.import_id)
    assert contacts.get_contact(db, kaveh.id).phones == ("+989120000001",)
    assert contacts.get_contact(db, kaveh.id).emails == ()
    assert contacts.list_contacts(db, "kaveh") == []

    redo_import(db, result.import_id)
    assert contacts.get_contact(db, kaveh.id).phones == added.phones
    assert contacts.get_contact(db, kaveh.id).emails == added.emails


def test_undo_and_redo_of_a_companies_import(db: Database, tmp_path: Path) -> None:
    result = import_file(db, write_xlsx(tmp_path / "companies.xlsx", companies_grid()))
    assert result.created == 3 and result.import_id is not None
    names = sorted(c.name for c in companies.list_companies(db))

    undo_import(db, result.import_id)
    assert companies.list_companies(db) == []

    redo_import(db, result.import_id)
    assert sorted(c.name for c in companies.list_companies(db)) == names


def test_an_import_that_changed_nothing_is_nothing_to_undo(db: Database, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "twice.xlsx", companies_grid())
    first = import_file(db, path)
    again = import_file(db, path)
    assert first.changed_anything and not again.changed_anything
    latest, earliest = list_imports(db)
    assert (latest.id, earliest.id) == (again.import_id, first.import_id)
    assert earliest.undoable and not latest.undoable
    assert import_effect(db, str(again.import_id)).empty


def test_undo_of_an_unknown_import(db: Database) -> None:
    with pytest.raises(NotFound):
        undo_import(db, "no-such-import")


def test_undo_removes_a_deal_import_and_the_people_it_created(db: Database, tmp_path: Path) -> None:
    add_contact(db, first_name="علی", last_name="رضایی", phone="09121234567")
    result = import_file(db, write_xlsx(tmp_path / "deals.xlsx", deals_grid()))
    # Two people nobody knew: کامران وحیدی (with his mobile) and سمیه موسوی.
    assert result.import_id is not None and contacts.count_contacts(db) == 3

    undo_import(db, result.import_id)

    assert deals_of(db) == {}
    assert [c.full_name for c in everyone(db)] == ["علی رضایی"]


# ------------------------------------------------------------ unreadable files


@pytest.mark.parametrize("kind", UNREADABLE)
def test_a_file_that_cannot_be_read_changes_nothing(
    db: Database, db_path: Path, tmp_path: Path, kind: str
) -> None:
    add_contact(db, first_name="علی", last_name="رضایی", phone="09121234567")
    path = unreadable_file(tmp_path, kind)
    before = files_of(db_path)

    with pytest.raises(InvalidInput) as caught:
        import_file(db, path)

    assert path.name in caught.value.message("en") and path.name in caught.value.message("fa")
    assert files_of(db_path) == before
    assert contacts.count_contacts(db) == 1
    assert list_imports(db) == []


def test_an_unknown_sheet_is_refused(db: Database, db_path: Path, tmp_path: Path) -> None:
    path = write_workbook(
        tmp_path / "two.xlsx",
        {"مشتریان": [["نام", "موبایل"], ["علی", "09121234567"]], "راهنما": [["متن"]]},
    )
    before = files_of(db_path)
    with pytest.raises(InvalidInput) as caught:
        import_file(db, path, sheet="خرید")
    assert "خرید" in caught.value.message("en")
    assert files_of(db_path) == before
    # The sheet asked for is the one imported.
    assert import_file(db, path, sheet="مشتریان").created == 1


# -------------------------------------------------------------- property test

_FIRST = ["علی", "علي", "مریم", "مريم", "حمید", "سارا", "نیما", "Sara"]
_LAST = ["رضایی", "رضايي", "کاظمی", "كاظمي", "نوروزی", "محمدی", "", "Karimi"]
_MOBILES = ["09121234567", "09351234567", "09012345678", "09127654321", "09191112233"]
_EMAILS = ["ali@example.com", "maryam@example.com", "sara@pars.example", "x@y.example"]
_CITIES = ["تهران", "شیراز", "كرج", f"  اصفهان{NBSP}", None]
_HEADERS = ["نام", "نام خانوادگی", "موبایل", "ایمیل", "شهر", "تاریخ تولد"]


@st.composite
def _email(draw: st.DrawFn) -> str:
    address = draw(st.sampled_from(_EMAILS))
    upper = draw(st.lists(st.booleans(), min_size=len(address), max_size=len(address)))
    return "".join(c.upper() if u else c for c, u in zip(address, upper, strict=True))


@st.composite
def _row(draw: st.DrawFn) -> list[Any]:
    named = draw(st.integers(0, 9)) > 0  # about one row in ten has no name
    first = draw(st.sampled_from(_FIRST)) if named else None
    last = draw(st.sampled_from(_LAST)) if named else None
    mobile = None
    if draw(st.booleans()):
        forms = phone_forms(draw(st.sampled_from(_MOBILES)))
        mobile = forms[draw(st.integers(0, len(forms) - 1))]
    email = draw(st.one_of(st.none(), _email(), st.just("bad@@mail")))
    city = draw(st.sampled_from(_CITIES))
    born = draw(
        st.one_of(
            st.none(),
            st.sampled_from(jalali_forms(1365, 4, 12)),
            st.just(dt.date(1990, 1, 23)),
        )
    )
    return [first, last, mobile, email, city, born]


@st.composite
def _sheet(draw: st.DrawFn) -> Grid:
    drawn = draw(st.lists(_row(), min_size=1, max_size=12))
    drawn[0][0] = drawn[0][0] or "نخستین"  # the name column always has a name in it
    rows: Grid = list(drawn)
    if draw(st.booleans()):
        rows.insert(draw(st.integers(0, len(rows))), None)  # a blank row
    top: Grid = [["فهرست مخاطبان"], None] if draw(st.booleans()) else []
    return [*top, list(_HEADERS), *rows]


@pytest.fixture(scope="module")
def scratch() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="crm-import-prop-") as folder:
        yield Path(folder)


# Rows of every kind: with phones in any written form, emails in any case, broken
# emails, a name only, no name at all; blank rows and a title above the header.
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(grid=_sheet())
def test_importing_the_same_file_twice_creates_nothing_the_second_time(
    template_db: Path, scratch: Path, grid: Grid
) -> None:
    with tempfile.TemporaryDirectory(dir=scratch) as folder:
        path = write_xlsx(Path(folder) / "contacts.xlsx", grid)
        copy = Path(folder) / "crm.sqlite3"
        shutil.copyfile(template_db, copy)
        database = open_database(copy)
        try:
            first = import_file(database, path)
            people = {c.id: c for c in everyone(database)}
            assert len(people) == first.created

            second = import_file(database, path)

            assert second.created == 0, second.as_json("en")
            assert second.rows == first.rows and second.skipped == first.skipped
            assert second.duplicates == second.rows - second.skipped
            assert {c.id for c in everyone(database)} == set(people)
        finally:
            database.close()


# ------------------------------------------------------------ problem rows


def test_problem_rows_are_fixed_in_excel_and_imported_again(db: Database, tmp_path: Path) -> None:
    # The user saves the rows that had problems, fixes them in Excel, and imports the
    # file again: the fixed rows go in, the rest are recognised as already there.
    import openpyxl

    from crm_desktop.services.importer.problems import save_problem_rows

    sheet = read_sheet(SAMPLE)
    mapping, _ = mapping_for(db, sheet, "contacts")
    first = run_import(db, sheet, mapping, file_name=SAMPLE.name)
    saved = tmp_path / "problems.xlsx"
    assert save_problem_rows(sheet, first, saved) == 2

    book = openpyxl.load_workbook(saved)
    page = book.worksheets[0]
    rows = [list(r) for r in page.iter_rows(values_only=True)]
    assert page.sheet_view.rightToLeft
    assert rows[0][0] == "ردیف در فایل اصلی" and rows[0][-1] == "ایراد"
    assert [r[0] for r in rows[1:]] == [11, 12]  # the sheet's own row numbers
    assert "نام شخص" in str(rows[1][-1]) and "negar@@ayandeh.example" in str(rows[2][-1])
    # Fix them as a user would: a name for the nameless row, the email's typo.
    name_column = rows[0].index(sheet.headers[0])
    email_column = next(i for i, h in enumerate(rows[0]) if h == "پست الکترونیک")
    page.cell(row=2, column=name_column + 1, value="پرستو امینی")
    page.cell(row=3, column=email_column + 1, value="negar@ayandeh.example")
    book.save(saved)

    again = import_file(db, saved)
    assert (again.created, again.duplicates, again.skipped) == (1, 1, 0)
    assert again.errors == [] and again.warnings == []
    people = by_name(db)
    assert people["نگار احمدی"].emails == ("negar@ayandeh.example",)  # filled in
    assert "پرستو امینی" in people


def test_deal_preview_finds_stored_people_without_loading_everyone(
    db: Database, tmp_path: Path
) -> None:
    # The preview of a deals sheet looks each person up (by phone, email or name)
    # instead of loading every contact: it must find the same people the import does.
    add_contact(db, first_name="علی", last_name="رضایی", phone="09121234567")
    add_contact(db, first_name="سمیه", last_name="موسوی", email="somayeh@alborz.example")
    grid: Grid = [
        ["عنوان", "مشتری", "موبایل", "ایمیل", "مبلغ"],
        ["قرارداد اول", "علي رضايي", None, None, "1000"],  # by name, Arabic letters
        ["قرارداد دوم", "آقای ر.", "0912 123 4567", None, "2000"],  # by phone
        ["قرارداد سوم", None, None, "Somayeh@Alborz.example", "3000"],  # by email
        ["قرارداد چهارم", "نیما صالحی", None, None, "4000"],  # a new person
    ]
    path = write_xlsx(tmp_path / "deals.xlsx", grid)
    sheet = read_sheet(path)
    mapping, _ = mapping_for(db, sheet, "deals")
    shown = [row.values.get("contact") for row in preview(db, sheet, mapping, "deals")]
    assert shown == ["علی رضایی", "علی رضایی", "سمیه موسوی", "نیما صالحی"]

    result = import_file(db, path)
    assert result.kind == "deals" and result.created == 4
    people = by_name(db)
    assert set(people) == {"علی رضایی", "سمیه موسوی", "نیما صالحی"}  # one new person


def test_undo_and_redo_of_a_big_import_keep_search_right(db: Database, tmp_path: Path) -> None:
    # Over a thousand contacts: the search index takes them in one statement on redo;
    # they must be found exactly as before, and not at all while undone.
    grid: Grid = [["نام", "نام خانوادگی", "موبایل", "ایمیل"]]
    grid += [["شخص", f"بزرگ {i}", f"0912{i:07d}", f"big{i}@mail.example"] for i in range(1500)]
    path = write_xlsx(tmp_path / "big.xlsx", grid)
    result = import_file(db, path)
    assert result.created == 1500 and result.import_id is not None
    assert contacts.count_contacts(db, "big1234@") == 1
    assert contacts.count_contacts(db, "09120001234") == 1

    undo_import(db, result.import_id)
    assert contacts.count_contacts(db) == 0
    assert contacts.count_contacts(db, "big1234@") == 0

    redo_import(db, result.import_id)
    assert contacts.count_contacts(db) == 1500
    assert contacts.count_contacts(db, "big1234@") == 1
    assert contacts.count_contacts(db, "بزرگ") == 1500
    assert contacts.count_contacts(db, "09120001234") == 1
    # And the trigger is back: a contact added by hand afterwards is found too.
    contacts.create_contact(db, changes_from_text({"first_name": "تازه", "last_name": "وارد"}))
    assert contacts.count_contacts(db, "تازه") == 1


def test_imported_contacts_sort_by_family_name_like_the_others(
    db: Database, tmp_path: Path
) -> None:
    add_contact(db, first_name="کاوه", last_name="بهرامی")  # typed in the window
    grid: Grid = [
        ["نام", "نام خانوادگی", "موبایل"],
        ["علی", "یزدانی", "09121000001"],
        ["زهرا", "احمدی", "09121000002"],
        ["بابک", "محمدی", "09121000003"],
    ]
    result = import_file(db, write_xlsx(tmp_path / "people.xlsx", grid))
    assert result.created == 3
    listed = [c.last_name for c in contacts.list_contacts(db)]
    assert listed == ["احمدی", "بهرامی", "محمدی", "یزدانی"]

    # A second file fills the first name of a contact that had none: still in order.
    add_contact(db, last_name="تهرانی", phone="09121000004")
    grid = [["نام", "نام خانوادگی", "موبایل"], ["سارا", "تهرانی", "09121000004"]]
    import_file(db, write_xlsx(tmp_path / "more.xlsx", grid))
    assert [c.full_name for c in contacts.list_contacts(db)][:3] == [
        "زهرا احمدی",
        "کاوه بهرامی",
        "سارا تهرانی",
    ]


def test_filling_and_unfilling_many_contacts_keeps_search_right(
    db: Database, tmp_path: Path
) -> None:
    # Over a thousand stored contacts change (a second file fills their city, then
    # its undo empties it): their search rows are rewritten in bulk, old words gone.
    header = ["نام", "نام خانوادگی", "موبایل", "شهر"]
    rows = [["شخص", f"پرشمار {i}", f"0912{i:07d}"] for i in range(1200)]
    import_file(db, write_xlsx(tmp_path / "first.xlsx", [header[:3], *rows]))
    assert contacts.count_contacts(db, "ارومیه") == 0
    again = import_file(
        db, write_xlsx(tmp_path / "again.xlsx", [header, *[[*r, "ارومیه"] for r in rows]])
    )
    assert (again.created, again.updated) == (0, 1200)
    assert contacts.count_contacts(db, "ارومیه") == 1200
    assert contacts.count_contacts(db, "پرشمار 77") == 11  # 77, 770..779
    assert again.import_id is not None
    undo_import(db, again.import_id)
    assert contacts.count_contacts(db, "ارومیه") == 0  # the old bodies left the index
    assert contacts.count_contacts(db, "پرشمار 77") == 11
    redo_import(db, again.import_id)
    assert contacts.count_contacts(db, "ارومیه") == 1200
    contacts.create_contact(db, changes_from_text({"first_name": "پس", "last_name": "از"}))
    assert contacts.count_contacts(db, "پس از") == 1  # the triggers are back


# ------------------------------------------- birth dates: one rule with the command line

TODAY = dt.date(2026, 12, 2)  # 1405/09/11


def test_birth_dates_follow_the_command_lines_rule(db: Database, tmp_path: Path) -> None:
    grid: Grid = [
        ["نام", "نام خانوادگی", "شهر", "تاریخ تولد"],
        ["نگار", "گرگوری", "تهران", "2024-01-01"],  # a Gregorian year: as typed
        ["پارسا", "آینده", "قم", "1500/01/01"],  # Jalali 1500 is 2121: dropped
        ["مانی", "دور", "یزد", "9999/12/29"],  # Gregorian 9999: dropped
        ["سارا", "شمسی", "کرج", "1365/04/12"],
        ["لیلا", "فارسی", "رشت", "۱۳۶۵/۰۴/۱۲"],
        ["کیان", "فردا", "اراک", "1405/09/12"],  # one day after "today"
        ["رها", "امروز", "ساری", "1405/09/11"],
        ["بهار", "قدیمی", "کاشان", "1899-12-31"],  # a Gregorian year, before 1900
        ["مهسا", "سلولی", "کرمان", dt.date(2030, 1, 1)],  # a date cell in the future
        ["نیما", "نادرست", "تبریز", "1404/12/30"],  # Esfand 1404 has 29 days
    ]
    path = write_xlsx(tmp_path / "تولد.xlsx", grid, date_format="yyyy/mm/dd")

    result = import_file(db, path, today=TODAY)

    assert counts(result) == (10, 10, 0, 0, 0)
    assert result.errors == []
    column = "تاریخ تولد"
    assert where(result.warnings) == [(r, column) for r in (3, 4, 7, 9, 10, 11)]
    messages = {p.row: (p.message("fa"), p.message("en")) for p in result.warnings}
    assert "آینده" in messages[3][0] and "۱۵۰۰/۰۱/۰۱" in messages[3][0]
    assert "21 March 2121" in messages[3][1] and "future" in messages[3][1]
    assert "Gregorian 29 December 9999" in messages[4][1] and "future" in messages[4][1]
    assert "four digits" not in messages[4][1]
    assert "tomorrow" in messages[7][1]
    assert "before 1 January 1900" in messages[9][1]
    assert "future" in messages[10][1] and "1 January 2030" in messages[10][1]
    assert "Esfand" in messages[11][1] and "29 days" in messages[11][1]
    for fa, en in messages.values():
        assert "بقیهٔ ردیف وارد شد" in fa and "the rest of the row was imported" in en

    people = {c.last_name: c for c in everyone(db)}
    assert {name: c.birth_date for name, c in people.items()} == {
        "گرگوری": dt.date(2024, 1, 1),
        "آینده": None,
        "دور": None,
        "شمسی": dt.date(1986, 7, 3),
        "فارسی": dt.date(1986, 7, 3),
        "فردا": None,
        "امروز": TODAY,
        "قدیمی": None,
        "سلولی": None,
        "نادرست": None,
    }
    # The rest of each row was imported.
    assert people["آینده"].city == "قم" and people["دور"].city == "یزد"


def test_a_repeated_date_gives_every_row_its_date_or_its_warning(
    db: Database, tmp_path: Path
) -> None:
    # Birthdays repeat down a column, and each date text is read once (a cache): every
    # row still gets the date, and every row with a bad one its own warning.
    grid: Grid = [
        ["نام", "نام خانوادگی", "تاریخ تولد"],
        *([f"شخص {i}", "تکرار", "1365/04/12"] for i in range(3)),
        *([f"شخص {i}", "نادرست", "1404/12/30"] for i in range(3, 6)),
        *([f"شخص {i}", "عدد", 13650412] for i in range(6, 8)),
        ["شخص 8", "تاریخ", dt.date(1986, 7, 3)],
    ]
    result = import_file(db, write_xlsx(tmp_path / "تکرار.xlsx", grid), today=TODAY)

    assert counts(result) == (9, 9, 0, 0, 0)
    assert where(result.warnings) == [(r, "تاریخ تولد") for r in (5, 6, 7)]
    assert all("29 days" in p.message("en") for p in result.warnings)
    born = {c.first_name: (c.last_name, c.birth_date) for c in everyone(db)}
    assert {name: date for name, (_, date) in born.items()} == {
        **{f"شخص {i}": dt.date(1986, 7, 3) for i in (0, 1, 2, 6, 7)},
        **{f"شخص {i}": None for i in (3, 4, 5)},
        "شخص 8": dt.date(1986, 7, 3),
    }


def test_outlooks_empty_birthday_is_no_date_and_no_warning(db: Database, tmp_path: Path) -> None:
    # Outlook writes "0/0/00" (in German "0.0.00") for every contact without a
    # birthday, and databases "0000-00-00": no date, not a date to warn about.
    grid: Grid = [
        ["First Name", "Last Name", "Birthday"],
        ["Adam", "Glacius", "0/0/00"],
        ["Cornelius", "Weiß", "0.0.00"],
        ["Dana", "Zero", "0000-00-00"],
        ["Eve", "Typo", "0/0/2000"],  # a year: a date typed wrong
        ["Finn", "Real", "1986-07-03"],
    ]
    result = import_file(db, write_csv(tmp_path / "outlook.csv", grid), today=TODAY)

    assert counts(result) == (5, 5, 0, 0, 0)
    assert where(result.warnings) == [(5, "Birthday")]
    born = {c.first_name: c.birth_date for c in everyone(db)}
    assert born == {
        "Adam": None,
        "Cornelius": None,
        "Dana": None,
        "Eve": None,
        "Finn": dt.date(1986, 7, 3),
    }


def test_a_deals_close_date_may_be_in_the_future(db: Database, tmp_path: Path) -> None:
    grid: Grid = [
        ["عنوان معامله", "مشتری", "مرحله", "مبلغ (ریال)", "تاریخ بستن"],
        ["قرارداد سال بعد", "علی رضایی", "مذاکره", "1000", "1406/01/15"],
        ["قرارداد میلادی", "علی رضایی", "مذاکره", "2000", "2027-02-01"],
    ]
    result = import_file(db, write_xlsx(tmp_path / "deals.xlsx", grid), today=TODAY)
    assert result.warnings == [] and result.errors == []
    deals = deals_of(db)
    assert deals["قرارداد سال بعد"]["expected_close"] == gregorian(1406, 1, 15)
    assert deals["قرارداد میلادی"]["expected_close"] == dt.date(2027, 2, 1)
