"""Reading files that LibreOffice wrote (crm_desktop.services.spreadsheet).

tests/test_spreadsheet.py reads files written by openpyxl, which writes formulas without
a cached value and cannot write .xls or .ods at all. Here the same kinds of messy files
are written by a second program: LibreOffice (headless, tests/office.py) opens a CSV
(with formulas in it, as a user's "open CSV" would) or an openpyxl workbook, computes
the formulas and saves the result as .xlsx, .xls (MS Excel 97) and .ods, and writes a
Windows-1256 CSV. Everything is converted once per test run (the pytest-xdist workers
share the files), several LibreOffice at a time.

Without LibreOffice these tests are skipped (CRM_REQUIRE_LIBREOFFICE=1 makes that a
failure, as in CI), except the last one, which writes its .ods by hand.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from crm_desktop.services.spreadsheet import SheetData, SheetRow, read_sheet, sheet_names
from tests.office import (
    build_once,
    convert,
    convert_many,
    csv_export_filter,
    csv_import_filter,
    require_soffice,
)
from tests.sheet_files import ODS_MANIFEST, ODS_NAMESPACES

FORMATS = ("xlsx", "xls", "ods")
# What to ask LibreOffice for: .xls is the old binary format Excel 97-2003 writes.
_TARGETS = {"xlsx": "xlsx", "xls": "xls:MS Excel 97", "ods": "ods"}

# A CSV as an office exports it from an old system: a title, a blank line, Arabic ي/ك
# in the header, phones that LibreOffice (like Excel) turns into numbers, Persian digits
# it keeps as text, ISO dates it turns into date cells, a Jalali date it keeps as text,
# and formulas (the full name, a number) that it computes on opening.
CONTACTS_CSV = (
    "فهرست مشتريان پاييز\n"
    "\n"
    "نام,نام خانوادگي,نام کامل,موبايل,تلفن,تعداد,دو برابر,تاریخ ثبت\n"
    'علي,رضايي,"=CONCATENATE(A4;"" "";B4)",09121234567,02188776655,3,=F4*2,2024-03-09\n'
    "\n"
    'مریم,كاظمی,"=CONCATENATE(A6;"" "";B6)",۰۹۳۵۱۲۳۴۵۶۷,+982188776655,12,=F6*2,1365/04/12\n'
    'رضا,احمدی,"=A7&"" ""&B7",+989121234567,,2.5,=F7*2,2024-05-01 14:30\n'
)
CONTACTS_HEADERS = (
    "نام",
    "نام خانوادگی",
    "نام کامل",
    "موبایل",
    "تلفن",
    "تعداد",
    "دو برابر",
    "تاریخ ثبت",
)

# Written by LibreOffice as a Windows-1256 CSV with semicolons, as Persian Windows does:
# Arabic ي (Persian ی is not in Windows-1256), and the formula saved as its value.
WINDOWS_SOURCE_CSV = (
    "فهرست مشتريان\n"
    "\n"
    "نام,نام خانوادگي,شركت,موبايل,جمع خريد\n"
    "علي,رضايي,چاپ و ژورنال گستر,09121234567,=1200*3\n"
)

BOOK_HEADERS = (
    "نام",
    "نام خانوادگی",
    "نام کامل",
    "شرکت",
    "موبایل",
    "تاریخ تولد",
    "خرید",
    "دو برابر",
)


def _write_book(path: Path) -> Path:
    """An openpyxl workbook with formulas (no cached values), merges and three sheets.

    The title is merged over A1:H1, row 2 is blank, the header is in row 3 with Arabic
    ي/ك, the company cell D4 is merged down over three contacts (D4:D6), rows 7 and 8
    are blank, and D9 is merged down over two more (D9:D10).
    """
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "مشتریان"
    ws["A1"] = "  فهرست مشتريان نمایشگاه  "
    ws.merge_cells("A1:H1")
    header = ["نام", "نام خانوادگي", "نام کامل", "شركت", "موبايل", "تاریخ تولد", "خرید", "دو برابر"]
    for column, text in enumerate(header, start=1):
        ws.cell(3, column, text)
    rows: dict[int, list[str | float | dt.date | None]] = {
        4: ["علی", "رضایی", None, "پارس", 9121234567, dt.date(1988, 3, 9), 1500000],
        5: ["مريم", "کاظمی", None, None, "09351234567", dt.datetime(1990, 1, 2), None],
        6: ["رضا", "احمدی", None, None, "۰۹۱۲۳۴۵۶۷۸۹", "1365/04/12", 250000],
        9: [
            "سارا",
            " محمدی\u00a0",
            None,
            "البرز",
            "٠٩١٢٣٤٥٦٧٨٩",
            dt.datetime(2024, 5, 1, 14, 30),
            12.5,
        ],
    }
    for row, values in rows.items():
        for column, value in enumerate(values, start=1):
            if value is not None:
                ws.cell(row, column, value)
        ws.cell(row, 3, f'=CONCATENATE(A{row}," ",B{row})')
        ws.cell(row, 8, f"=G{row}*2")
    ws["A10"] = "نیما"
    ws["E10"] = "09121112233"
    ws["H10"] = "=G10*2"
    ws.merge_cells("D4:D6")
    ws.merge_cells("D9:D10")

    companies = wb.create_sheet("شرکت‌ها")
    companies.append(["شرکت", "شهر", "تلفن"])
    companies.append(["پارس", "کرج", 2188776655])
    companies.append([])
    companies.append(["البرز", "تهران", "۰۲۱-۸۸۷۷۶۶۵۵"])

    deals = wb.create_sheet("Deals")
    deals.append(["Deal", "Amount (toman)"])
    deals.append(["Printer", "=12*1500000"])
    wb.save(path)
    return path


def _write_hidden_first(path: Path) -> Path:
    """A template whose first sheet (lists for drop-downs) is hidden; data from C5."""
    wb = openpyxl.Workbook()
    lists = wb.active
    assert lists is not None
    lists.title = "فهرست‌ها"
    lists.append(["استان", "منبع"])
    lists.append(["تهران", "نمایشگاه"])
    lists.sheet_state = "hidden"
    people = wb.create_sheet("اشخاص")
    people["C5"] = "Name"
    people["D5"] = "Email"
    people["C6"] = "Ali"
    people["D6"] = "a@x.example"
    people["C8"] = "Sara"
    wb.save(path)
    return path


@dataclass(frozen=True)
class Converted:
    """The files LibreOffice wrote, by format."""

    from_csv: dict[str, Path]
    book: dict[str, Path]
    hidden_first: dict[str, Path]
    windows_csv: Path


def _converted(out: Path) -> Converted:
    return Converted(
        from_csv={
            "xlsx": out / "csv-xlsx" / "contacts.xlsx",
            "xls": out / "xls" / "contacts.xls",
            "ods": out / "csv-ods" / "contacts.ods",
        },
        book={fmt: out / fmt / f"book.{fmt}" for fmt in FORMATS},
        hidden_first={fmt: out / fmt / f"hidden.{fmt}" for fmt in FORMATS},
        windows_csv=out / "cp1256" / "customers.csv",
    )


def _convert_all(out: Path) -> None:
    src = out / "src"
    src.mkdir()
    contacts = src / "contacts.csv"
    contacts.write_text(CONTACTS_CSV, encoding="utf-8")
    windows_source = src / "customers.csv"
    windows_source.write_text(WINDOWS_SOURCE_CSV, encoding="utf-8")
    book = _write_book(src / "book.xlsx")
    hidden_first = _write_hidden_first(src / "hidden.xlsx")
    csv_filter = csv_import_filter()

    def csv_to_xlsx_then_xls() -> None:
        # LibreOffice 7.4 saving a just-opened CSV as .xls writes 0 as the value of its
        # text formulas (CONCATENATE): it has not computed them. So the CSV is saved as
        # .xlsx, and that file (recalculated on loading) as .xls.
        xlsx = convert(contacts, "xlsx", out / "csv-xlsx", infilter=csv_filter)
        convert_many([book, hidden_first, xlsx], _TARGETS["xls"], out / "xls")

    # One LibreOffice per output format and kind of input (an --infilter applies to every
    # input of a call); each call has its own profile, so they run side by side.
    with ThreadPoolExecutor(max_workers=3) as pool:
        jobs: list[Future[Any]] = [
            pool.submit(csv_to_xlsx_then_xls),
            pool.submit(convert, contacts, "ods", out / "csv-ods", infilter=csv_filter),
            pool.submit(
                convert, windows_source, csv_export_filter(), out / "cp1256", infilter=csv_filter
            ),
            pool.submit(convert_many, [book, hidden_first], "xlsx", out / "xlsx"),
            pool.submit(convert_many, [book, hidden_first], "ods", out / "ods"),
        ]
        for job in jobs:
            job.result()


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Converted:
    require_soffice()
    # once per test run: pytest-xdist workers share the files
    return _converted(build_once(tmp_path_factory, "libreoffice-files", _convert_all))


# ------------------------------------------------------------- CSV opened and saved


@pytest.mark.parametrize("fmt", FORMATS)
def test_csv_saved_by_libreoffice_header_below_title(office: Converted, fmt: str) -> None:
    path = office.from_csv[fmt]
    assert path.suffix == f".{fmt}"
    data = read_sheet(path)
    assert data.name == "contacts"  # LibreOffice names the sheet after the CSV file
    assert sheet_names(path) == ["contacts"]
    assert data.header_row == 3
    assert data.first_column == 1
    assert data.headers == CONTACTS_HEADERS  # Arabic ي/ك in the header normalized
    assert [row.number for row in data.rows] == [4, 6, 7]  # blank row 5 skipped


@pytest.mark.parametrize("fmt", FORMATS)
def test_csv_formulas_come_back_as_their_values(office: Converted, fmt: str) -> None:
    rows = read_sheet(office.from_csv[fmt]).rows
    full_names = [row.values[2] for row in rows]
    # CONCATENATE and & computed by LibreOffice; the letters are the cells' own (ي, ك)
    assert full_names == ["علي رضايي", "مریم كاظمی", "رضا احمدی"]
    doubled = [row.values[6] for row in rows]
    assert doubled == [6, 24, 5]
    assert [type(value) for value in doubled] == [int, int, int]


@pytest.mark.parametrize("fmt", FORMATS)
def test_csv_phones_dates_and_persian_digits(office: Converted, fmt: str) -> None:
    rows = read_sheet(office.from_csv[fmt]).rows
    assert rows == (
        SheetRow(
            4,
            ("علي", "رضايي", "علي رضايي", 9121234567, 2188776655, 3, 6, dt.date(2024, 3, 9)),
        ),
        SheetRow(
            6,
            ("مریم", "كاظمی", "مریم كاظمی", "۰۹۳۵۱۲۳۴۵۶۷", 982188776655, 12, 24, "1365/04/12"),
        ),
        SheetRow(
            7,
            (
                "رضا",
                "احمدی",
                "رضا احمدی",
                989121234567,
                None,
                2.5,
                5,
                dt.datetime(2024, 5, 1, 14, 30),
            ),
        ),
    )
    # Phones typed as numbers lost their leading zero (and "+"): int, never float.
    assert type(rows[0].values[3]) is int
    # A date LibreOffice recognized is a date cell (not a datetime at midnight).
    assert type(rows[0].values[7]) is dt.date


# -------------------------------------------------- openpyxl workbook resaved by LO


BOOK_ROWS = (
    SheetRow(
        4,
        ("علی", "رضایی", "علی رضایی", "پارس", 9121234567, dt.date(1988, 3, 9), 1500000, 3000000),
    ),
    # D4:D6 is one merged cell: the company belongs to each of the three contacts.
    SheetRow(
        5, ("مريم", "کاظمی", "مريم کاظمی", "پارس", "09351234567", dt.date(1990, 1, 2), None, 0)
    ),
    SheetRow(6, ("رضا", "احمدی", "رضا احمدی", "پارس", "۰۹۱۲۳۴۵۶۷۸۹", "1365/04/12", 250000, 500000)),
    SheetRow(
        9,
        (
            "سارا",
            "محمدی",  # stray spaces and NBSP around the cell's text removed
            "سارا محمدی",  # ... and inside the formula's result, collapsed
            "البرز",
            "٠٩١٢٣٤٥٦٧٨٩",
            dt.datetime(2024, 5, 1, 14, 30),
            12.5,
            25,
        ),
    ),
    SheetRow(10, ("نیما", None, None, "البرز", "09121112233", None, None, 0)),
)


@pytest.mark.parametrize("fmt", FORMATS)
def test_workbook_saved_by_libreoffice(office: Converted, fmt: str) -> None:
    path = office.book[fmt]
    assert path.suffix == f".{fmt}"
    assert read_sheet(path) == SheetData(
        name="مشتریان",
        header_row=3,  # below the merged title and the blank row
        headers=BOOK_HEADERS,
        rows=BOOK_ROWS,
        first_column=1,
    )


@pytest.mark.parametrize("fmt", FORMATS)
def test_workbook_sheets_in_order_and_by_name(office: Converted, fmt: str) -> None:
    path = office.book[fmt]
    assert sheet_names(path) == ["مشتریان", "شرکت‌ها", "Deals"]
    companies = read_sheet(path, sheet="شرکت‌ها")
    assert companies.name == "شرکت‌ها"
    assert companies.headers == ("شرکت", "شهر", "تلفن")
    assert companies.rows == (
        SheetRow(2, ("پارس", "کرج", 2188776655)),
        SheetRow(4, ("البرز", "تهران", "۰۲۱-۸۸۷۷۶۶۵۵")),
    )
    deals = read_sheet(path, sheet="Deals")
    assert deals.headers == ("Deal", "Amount (toman)")
    assert deals.rows == (SheetRow(2, ("Printer", 18000000)),)


@pytest.mark.parametrize("fmt", FORMATS)
def test_hidden_first_sheet_is_not_the_default(office: Converted, fmt: str) -> None:
    path = office.hidden_first[fmt]
    assert sheet_names(path) == ["فهرست‌ها", "اشخاص"]
    data = read_sheet(path)
    assert data.name == "اشخاص"
    # data away from A1: the sheet's own row and column numbers
    assert data.header_row == 5
    assert data.first_column == 3
    assert data.headers == ("Name", "Email")
    assert data.rows == (SheetRow(6, ("Ali", "a@x.example")), SheetRow(8, ("Sara", None)))
    # the hidden sheet can still be read by name
    assert read_sheet(path, sheet="فهرست‌ها").rows == (SheetRow(2, ("تهران", "نمایشگاه")),)


# ------------------------------------------------------------ Windows-1256 CSV


def test_windows_1256_csv_written_by_libreoffice(office: Converted) -> None:
    path = office.windows_csv
    raw = path.read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")  # really Windows-1256, not UTF-8
    assert "چاپ و ژورنال گستر".encode("cp1256") in raw
    assert b";" in raw
    data = read_sheet(path)
    assert data.name == "customers"
    assert data.header_row == 3
    assert data.headers == ("نام", "نام خانوادگی", "شرکت", "موبایل", "جمع خرید")
    # CSV cells are text: the phone as LibreOffice saved it (leading zero already lost
    # when it opened the CSV), the formula as its value.
    assert data.rows == (SheetRow(4, ("علي", "رضايي", "چاپ و ژورنال گستر", "9121234567", "3600")),)


# ------------------------------------------- .ods merges, without LibreOffice


def _text(value: str, attributes: str = "") -> str:
    return (
        f'<table:table-cell office:value-type="string"{attributes}>'
        f"<text:p>{value}</text:p></table:table-cell>"
    )


def _empty(count: int) -> str:
    return f'<table:table-cell table:number-columns-repeated="{count}"/>'


def test_ods_vertical_merges_read_from_the_file(tmp_path: Path) -> None:
    # python-calamine reports no merged cells for .ods: the reader finds them in the XML,
    # where blank rows and cells are written once with a repeat count.
    rows_spanned = ' table:number-rows-spanned="3" table:number-columns-spanned="1"'
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODS_NAMESPACES} '
        'office:version="1.2"><office:body><office:spreadsheet>'
        # another sheet's merge is not this sheet's
        f'<table:table table:name="Other"><table:table-row>{_text("x", rows_spanned)}'
        f"</table:table-row></table:table>"
        '<table:table table:name="مشتریان">'
        f'<table:table-row table:number-rows-repeated="2">{_empty(4)}</table:table-row>'
        f"<table:table-header-rows><table:table-row>{_empty(2)}{_text('نام')}{_text('شرکت')}"
        "</table:table-row></table:table-header-rows>"
        f"<table:table-row>{_empty(2)}{_text('علی')}{_text('پارس', rows_spanned)}</table:table-row>"
        f'<table:table-row table:number-rows-repeated="2">{_empty(2)}{_text("رضا")}'
        "<table:covered-table-cell/></table:table-row>"
        f"<table:table-row>{_empty(2)}{_text('سارا')}{_text('البرز')}</table:table-row>"
        "</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    path = tmp_path / "merged.ods"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            "mimetype",
            "application/vnd.oasis.opendocument.spreadsheet",
            compress_type=zipfile.ZIP_STORED,
        )
        archive.writestr("META-INF/manifest.xml", ODS_MANIFEST)
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
    data = read_sheet(path, sheet="مشتریان")
    assert (data.header_row, data.first_column, data.headers) == (3, 3, ("نام", "شرکت"))
    assert data.rows == (
        SheetRow(4, ("علی", "پارس")),
        SheetRow(5, ("رضا", "پارس")),
        SheetRow(6, ("رضا", "پارس")),
        SheetRow(7, ("سارا", "البرز")),
    )
    assert read_sheet(path, sheet="Other").rows == ()
