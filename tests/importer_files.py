"""Builders of the messy spreadsheet files real offices keep, for the importer's tests.

Every file is written for real: workbooks with openpyxl, CSV files with the ``csv``
module in UTF-8 (with or without BOM) or Windows-1256. The builders know nothing of
the importer; the tests say what each file should give.

A grid is a list of rows (``None`` for a blank row) written from row 1, column A, so a
grid's list index + 1 is the sheet row number a problem must name.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import jdatetime
import openpyxl

__all__ = [
    "ARABIC_DIGITS",
    "MONTH_NAMES",
    "NBSP",
    "PERSIAN_DIGITS",
    "UNREADABLE",
    "ZWNJ",
    "Grid",
    "arabic_digits",
    "arabic_letters",
    "companies_grid",
    "deals_grid",
    "full_names_grid",
    "gregorian",
    "jalali_forms",
    "messy_contacts_grid",
    "outlook_grid",
    "persian_digits",
    "phone_forms",
    "png_bytes",
    "unreadable_file",
    "write_big_contacts",
    "write_csv",
    "write_workbook",
    "write_xlsx",
]

ZWNJ = "\u200c"
NBSP = "\u00a0"
PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
ARABIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
# The Arabic thousands separator Persian Excel shows in "۱۲٬۵۰۰٬۰۰۰".
ARABIC_THOUSANDS = "\u066c"

Grid = list[list[Any] | None]


# ------------------------------------------------------------------- text forms


def persian_digits(text: str) -> str:
    return text.translate(str.maketrans("0123456789", PERSIAN_DIGITS))


def arabic_digits(text: str) -> str:
    return text.translate(str.maketrans("0123456789", ARABIC_DIGITS))


def arabic_letters(text: str) -> str:
    """The same words typed on an Arabic keyboard: ي for ی and ك for ک."""
    return text.replace("ی", "ي").replace("ک", "ك")


def gregorian(year: int, month: int, day: int) -> dt.date:
    """The Gregorian date of a Jalali one (with jdatetime, not the code under test)."""
    result: dt.date = jdatetime.date(year, month, day).togregorian()
    return result


def phone_forms(national: str = "09121234567") -> list[Any]:
    """Ways the same Iranian mobile number is found in old files.

    ``national`` is the 11-digit form with its leading zero ("09121234567").
    """
    digits = national[1:]  # 9121234567
    spaced = f"{digits[:3]} {digits[3:6]} {digits[6:]}"  # 912 123 4567
    return [
        int(digits),  # a number cell: Excel dropped the zero
        national,
        f"+98{digits}",
        f"+98 {spaced}",
        f"0098{digits}",
        f"0098-{digits[:3]}-{digits[3:6]}-{digits[6:]}",
        f"0{digits[:3]}-{digits[3:6]}-{digits[6:]}",
        f" 0{spaced}{NBSP}",
        persian_digits(national),
        persian_digits(f"0{spaced}"),
        arabic_digits(national),
        persian_digits(digits),  # zero lost, then typed in Persian digits
    ]


# Jalali month names, as people write them in dates ("۱۲ تیر ۱۳۶۵").
MONTH_NAMES = (
    "فروردین",
    "اردیبهشت",
    "خرداد",
    "تیر",
    "مرداد",
    "شهریور",
    "مهر",
    "آبان",
    "آذر",
    "دی",
    "بهمن",
    "اسفند",
)


def jalali_forms(year: int, month: int, day: int) -> list[str]:
    """A Jalali date as people type it: 1365/04/12, ۱۳۶۵/۴/۱۲, 1365-4-12 and more."""
    return [
        f"{year}/{month:02d}/{day:02d}",
        persian_digits(f"{year}/{month}/{day}"),
        f"{year}-{month}-{day}",
        persian_digits(f"{year}/{month:02d}/{day:02d}"),
        arabic_digits(f"{year}/{month}/{day}"),
        f"{year}.{month:02d}.{day:02d}",
        f"{year} / {month:02d} / {day:02d}",  # spaces around the slashes
        persian_digits(f"{day} {MONTH_NAMES[month - 1]} {year}"),
        f"{year % 100}/{month}/{day}",  # a two-digit year: 65/4/12
        f"{year}{month:02d}{day:02d}",  # 13650412
    ]


# ---------------------------------------------------------------------- writers


def write_xlsx(
    path: Path,
    grid: Grid,
    *,
    sheet: str = "Sheet1",
    merged: Sequence[str] = (),
    date_format: str | None = None,
) -> Path:
    """One sheet; ``merged`` ranges ("A1:F1") are merged after the cells are written."""
    return write_workbook(path, {sheet: grid}, merged={sheet: merged}, date_format=date_format)


def write_workbook(
    path: Path,
    sheets: Mapping[str, Grid],
    *,
    merged: Mapping[str, Sequence[str]] | None = None,
    date_format: str | None = None,
) -> Path:
    """Several sheets, in the given order."""
    workbook = openpyxl.Workbook()
    first = workbook.active
    assert first is not None
    workbook.remove(first)
    for name, grid in sheets.items():
        worksheet = workbook.create_sheet(name)
        for row_index, row in enumerate(grid, 1):
            if row is None:
                continue
            for column_index, value in enumerate(row, 1):
                if value is None:
                    continue
                cell = worksheet.cell(row=row_index, column=column_index, value=value)
                if date_format and isinstance(value, dt.date):
                    cell.number_format = date_format
        for cells in (merged or {}).get(name, ()):
            worksheet.merge_cells(cells)
    workbook.save(path)
    return path


def write_csv(path: Path, grid: Grid, *, encoding: str = "utf-8", delimiter: str = ",") -> Path:
    """A CSV file as Excel writes it; ``encoding`` "utf-8-sig" adds the BOM."""
    with path.open("w", encoding=encoding, newline="") as f:
        writer = csv.writer(f, delimiter=delimiter)
        for row in grid:
            writer.writerow(
                [] if row is None else ["" if value is None else str(value) for value in row]
            )
    return path


# ------------------------------------------------------------------ messy files


def messy_contacts_grid() -> Grid:
    """Separate first/last name columns under two title rows and a blank row.

    Sheet rows (the header is row 4):

    5  علي رضايي (Arabic letters): mobile as a number without its zero, landline with
       spaces, an email in mixed case with a trailing space, an Excel date cell,
       an unknown "کد ملی" column, tags.
    6  blank
    7  مريم كاظمي: Persian-digit mobile and landline (with a dash), Jalali date in
       Persian digits without leading zeros, ZWNJ and NBSP around the city.
    8  حمید نوروزی: +98 with spaces, two emails in one cell, 1365-4-12.
    9  سارا محمدی: 0098 with dashes, Arabic-Indic digits, 1365/04/12, two phones
       in one cell.
    10 no name at all (a phone only): skipped with an error.
    11 نیما صالحی: a broken phone next to a good one, a broken email next to a
       good one, a date that does not exist (1404/13/01).
    12 the first row again as علی رضایی (Persian letters), his mobile written
       +98 912 123 4567 and a new job title: a duplicate of row 5.
    13 blank
    14 a row of spaces only (blank too)
    """
    return [
        ["فهرست مشتریان نمایشگاه ۱۴۰۲"],
        ["تهیه‌شده در واحد فروش"],
        None,
        [
            f" نام{NBSP}",
            "نام خانوادگي",
            "شماره همراه",
            "تلفن",
            "پست الکترونیک",
            "تاریخ تولد",
            "شهر",
            "سمت",
            "کد ملی",
            "برچسب‌ها",
        ],
        [
            "علي",
            "رضايي",
            9121234567,
            "021 8877 6655",
            "Ali.Rezaei@Example.COM ",
            dt.date(1986, 7, 3),
            "تهران",
            None,
            "0012345678",
            "ویژه، عمده",
        ],
        None,
        [
            "مريم",
            "كاظمي",
            "۰۹۳۵۱۲۳۴۵۶۷",
            "۰۲۱-۴۴۵۵۶۶۷۷",
            "maryam@kazemi.example",
            "۱۳۶۸/۱۱/۳",
            f"{ZWNJ}شیراز{NBSP} ",
            "حسابدار",
            None,
            None,
        ],
        [
            "حمید",
            f"نوروزی{ZWNJ}",
            "+98 901 234 5678",
            None,
            "hamid@mail.example, HAMID.N@Work.Example",
            "1365-4-12",
            "کرج",
            None,
            None,
            "همکار",
        ],
        [
            "سارا",
            "محمدی",
            "0098-912-765-4321",
            "٠٢١٢٢٣٣٤٤٥٥ / 031-32221100",
            None,
            "1365/04/12",
            "اصفهان",
            None,
            None,
            None,
        ],
        [None, None, "09120000000", None, "noname@x.example", None, "قم", None, None, None],
        [
            "نیما",
            "صالحی",
            "0912 111 2233، 12",
            None,
            "nima@@x.example; nima@salehi.example",
            "1404/13/01",
            "تبریز",
            None,
            None,
            None,
        ],
        [
            "علی",
            "رضایی",
            "+98 912 123 4567",
            None,
            None,
            None,
            "تهران",
            "مدیر خرید",
            None,
            None,
        ],
        None,
        ["  ", NBSP, None, None, None, None, None, None, None, None],
    ]


def full_names_grid() -> Grid:
    """One "نام و نام خانوادگی" column, last name first, with titles; header in row 1."""
    return [
        ["نام و نام خانوادگی", "موبایل", "شهر"],
        ["رضایی، علی", "09121110001", "تهران"],
        ["دکتر مریم کاظمی", "09121110002", "تهران"],
        ["سید محمد حسینی", "09121110003", "قم"],
        ["آقای مهندس حمید نوروزی", "09121110004", "کرج"],
        ["خانم سارا محمدی", "09121110005", "رشت"],
        ["بهرام", "09121110006", "یزد"],
        ["Dr. Sara Karimi", "09121110007", "Tehran"],
    ]


def outlook_grid() -> Grid:
    """English headers as Outlook and Google export them, with columns nobody maps."""
    return [
        [
            "First Name",
            "Middle Name",
            "Last Name",
            "Company",
            "Job Title",
            "Business Phone",
            "Mobile Phone",
            "E-mail Address",
            "Business City",
            "Birthday",
            "Categories",
            "Web Page",
        ],
        [
            "Sara",
            "",
            "Karimi",
            "Pars Trading",
            "Buyer",
            "+98 21 8877 6655",
            "0912 345 6789",
            "Sara.Karimi@Pars.Example",
            "Tehran",
            dt.date(1990, 1, 23),
            "VIP",
            "https://pars.example",
        ],
        [
            "John",
            "Q",
            "Smith",
            "",
            "",
            "",
            "+989351112233",
            "JOHN@SMITH.EXAMPLE",
            "Shiraz",
            None,
            "",
            "",
        ],
    ]


def companies_grid() -> Grid:
    """A companies sheet under a title: header in row 2, a duplicate, a nameless row."""
    return [
        ["فهرست شرکت‌ها"],
        ["نام شرکت", "صنعت", "تلفن", "ایمیل", "وب‌سایت", "شهر", "توضیحات"],
        [
            "صنايع غذايي سپيد",
            "غذایی",
            "021-44556677",
            "Info@Sepid.Example",
            "sepid.example",
            "تهران",
            None,
        ],
        ["فولاد نوین", "فولاد", 3132221100, "sales@folad.example", None, "اصفهان", "مشتری قدیمی"],
        [None, "پخش", "02188776655", None, None, "کرج", None],
        ["صنایع  غذایی سپید", None, None, None, None, "تهران", "شعبه دوم"],
        ["پخش البرز", "پخش", "۰۲۶-۳۲۲۲۱۱۰۰", "bad@@alborz", None, "کرج", None],
    ]


def deals_grid(*, tomans: bool = False) -> Grid:
    """A deals sheet: stage names, amounts in rials (or tomans) in both digit sets.

    Row 2 names a customer already in the database by his mobile and types the stage
    with Arabic ك; row 3 a person nobody knows (a new contact); row 4 a company only,
    its stage with Arabic letters; row 5 a stage that does not exist; row 6 a stored
    person by name alone (typed with Arabic letters).
    """
    unit = "تومان" if tomans else "ریال"
    sep = ARABIC_THOUSANDS
    return [
        ["عنوان معامله", "مشتری", "موبایل", "شرکت", "مرحله", f"مبلغ ({unit})", "تاریخ بستن"],
        [
            "قرارداد پشتیبانی",
            "علی رضایی",
            "0912 123 4567",
            "بازرگانی پارس",
            "مذاكره",
            f"۱۲{sep}۵۰۰{sep}۰۰۰",
            "۱۴۰۳/۵/۱",
        ],
        ["خرید تجهیزات", "کامران وحیدی", "09357778899", None, "برنده", "12,500,000", None],
        ["فروش نرم‌افزار", None, None, "فولاد نوین", "ارسال پيش‌فاكتور", 3_000_000, None],
        [
            "تمدید قرارداد",
            "علی رضایی",
            "+989121234567",
            None,
            "مرحله ناشناخته",
            f"۷۵۰{sep}۰۰۰",
            "1403-12-29",
        ],
        ["پیش‌فروش", "سميه موسوي", None, None, "نیازسنجی", "۵,۰۰۰,۰۰۰", None],
    ]


# ------------------------------------------------------- files nobody can read


def png_bytes() -> bytes:
    return (
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06"
        b"\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01"
        b"\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82"
    )


def unreadable_file(folder: Path, kind: str) -> Path:
    """A file an import must refuse, of the given kind."""
    if kind == "text-renamed.xlsx":
        path = folder / "contacts.xlsx"
        path.write_text("نام,موبایل\nعلی,09121234567\n", encoding="utf-8")
    elif kind == "zero-bytes.xlsx":
        path = folder / "empty.xlsx"
        path.write_bytes(b"")
    elif kind == "png.xlsx":
        path = folder / "photo.xlsx"
        path.write_bytes(png_bytes())
    elif kind == "png":
        path = folder / "photo.png"
        path.write_bytes(png_bytes())
    elif kind == "truncated.xlsx":
        whole = write_xlsx(folder / "whole.xlsx", [["نام", "موبایل"], ["علی", "09121234567"]])
        path = folder / "truncated.xlsx"
        path.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    elif kind == "encrypted.xlsx":
        # What Excel saves with a password: an OLE compound file, not a zip.
        path = folder / "locked.xlsx"
        path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4088)
    elif kind == "blank-sheet.xlsx":
        path = folder / "blank.xlsx"
        openpyxl.Workbook().save(path)
    elif kind == "zero-bytes.csv":
        path = folder / "empty.csv"
        path.write_bytes(b"")
    elif kind == "binary.csv":
        path = folder / "photo.csv"
        path.write_bytes(png_bytes())
    elif kind == "missing.xlsx":
        path = folder / "missing.xlsx"
    else:
        raise AssertionError(kind)
    return path


UNREADABLE = [
    "text-renamed.xlsx",
    "zero-bytes.xlsx",
    "png.xlsx",
    "png",
    "truncated.xlsx",
    "encrypted.xlsx",
    "blank-sheet.xlsx",
    "zero-bytes.csv",
    "binary.csv",
    "missing.xlsx",
]


def write_big_contacts(path: Path, rows: int) -> Path:
    """A plain contacts sheet of ``rows`` rows, written with openpyxl's fast mode."""
    workbook = openpyxl.Workbook(write_only=True)
    worksheet = workbook.create_sheet("مشتریان")
    worksheet.append(["نام", "نام خانوادگی", "موبایل"])
    for index in range(rows):
        worksheet.append([f"مشتری {index}", f"خانواده {index % 97}", f"0912{index:07d}"])
    workbook.save(path)
    return path
