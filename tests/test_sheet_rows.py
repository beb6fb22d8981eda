"""Rows that do not fit, and sheets without a header (issue 10, items 5 and 6).

A CSV row with fewer or more values than the header is read (padded to the sheet's
width, as before: an extra value is kept in a column without a header) and noted, so
that the import can warn about it. A sheet whose first row is already a contact is
read without a header: every non-blank row is data and the columns have no names
(the wizard lets the user name them).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest

from crm_desktop.services.spreadsheet import SheetData, SheetNote, SheetRow, read_sheet


def _csv(tmp_path: Path, text: str, name: str = "people.csv") -> SheetData:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_sheet(path)


def _xlsx(tmp_path: Path, rows: list[list[Any]]) -> SheetData:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    for row in rows:
        ws.append(row)
    wb.save(tmp_path / "book.xlsx")
    return read_sheet(tmp_path / "book.xlsx")


# ------------------------------------------------------------------- ragged rows


def test_short_and_long_csv_rows_are_noted_and_still_read(tmp_path: Path) -> None:
    data = _csv(
        tmp_path,
        "first,last,phone,email\n"
        "Ali,Rezaei,09121234567,ali@example.com\n"
        "Sara,09351234567,sara@example.com\n"  # the last name left out: values shifted
        "\n"
        "Reza,Ahmadi,09121112233,reza@example.com,Tehran\n",
    )
    # The extra value is kept, in a column without a header, as any cell right of the
    # header is: nothing is dropped, and the note says why it is there.
    assert data.headers == ("first", "last", "phone", "email", "")
    assert data.rows == (
        SheetRow(2, ("Ali", "Rezaei", "09121234567", "ali@example.com", None)),
        SheetRow(3, ("Sara", "09351234567", "sara@example.com", None, None)),
        SheetRow(5, ("Reza", "Ahmadi", "09121112233", "reza@example.com", "Tehran")),
    )
    assert data.notes == (
        SheetNote(
            3,
            "این سطر 3 مقدار دارد ولی سرستون‌ها 4 ستون‌اند؛ شاید مقدارها جابه‌جا شده باشند.",
            "this row has 3 values but the header has 4 columns; values may be shifted.",
        ),
        SheetNote(
            5,
            "این سطر 5 مقدار دارد ولی سرستون‌ها 4 ستون‌اند؛ شاید مقدارها جابه‌جا شده باشند.",
            "this row has 5 values but the header has 4 columns; values may be shifted.",
        ),
    )


def test_ragged_rows_below_a_title_keep_the_sheets_row_numbers(tmp_path: Path) -> None:
    data = _csv(tmp_path, "Customers\n\nname;phone;city\nAli;0912;Tehran\nSara;0935\n")
    assert data.header_row == 3
    assert [note.row for note in data.notes] == [5]


def test_empty_fields_at_the_end_shift_nothing(tmp_path: Path) -> None:
    # A trailing separator, and a row that stops before the header's empty last column.
    data = _csv(tmp_path, "name,phone,\nAli,0912,,\nSara,0935\nReza,0912,x\n")
    assert data.headers == ("name", "phone", "")
    assert data.notes == ()
    assert data.rows[2] == SheetRow(4, ("Reza", "0912", "x"))


def test_workbook_rows_are_a_grid_and_never_noted(tmp_path: Path) -> None:
    data = _xlsx(tmp_path, [["name", "phone"], ["Ali", "0912"], ["Sara"], ["Reza", "0912", "x"]])
    assert data.notes == ()
    assert data.headers == ("name", "phone", "")


# ------------------------------------------------------------------- no header


def test_csv_starting_with_a_contact_has_no_header(tmp_path: Path) -> None:
    data = _csv(
        tmp_path,
        "علی رضایی,09121234567,ali@example.com\nمریم کاظمی,09351234567,maryam@example.com\n",
    )
    assert data.has_header is False
    assert data.header_row == 0
    assert data.headers == ("", "", "")
    assert data.rows == (
        SheetRow(1, ("علی رضایی", "09121234567", "ali@example.com")),
        SheetRow(2, ("مریم کاظمی", "09351234567", "maryam@example.com")),
    )


@pytest.mark.parametrize(
    "first",
    [
        ["Ali", "Rezaei", 9121234567],  # a phone as a number
        ["Ali", "Rezaei", "+98 912 123 4567"],  # a phone as text
        ["Ali", "Rezaei", "ali@example.com"],
        ["Ali", "Rezaei", "۱۳۶۵/۰۴/۱۲"],  # a Jalali date in Persian digits
        ["Ali", "Rezaei", 12.5],
    ],
)
def test_workbook_starting_with_data_has_no_header(tmp_path: Path, first: list[Any]) -> None:
    data = _xlsx(tmp_path, [first, ["Sara", "Ahmadi", None]])
    assert data.has_header is False
    assert data.headers == ("", "", "")
    assert [row.number for row in data.rows] == [1, 2]
    assert data.rows[0].values[0] == "Ali"


def test_no_header_ragged_rows_compared_with_the_first(tmp_path: Path) -> None:
    data = _csv(tmp_path, "Ali,09121234567,Tehran\nSara,09351234567\n")
    assert data.has_header is False
    assert data.notes[0].row == 2
    assert "the first row has 3 values" in data.notes[0].en


@pytest.mark.parametrize(
    "header",
    [
        ["نام", "نام خانوادگی", "موبایل"],
        ["Name", "Phone 1 - Value", "E-mail Address"],
        ["شماره موبایل مشتری", "کد ملی", "سال 1402"],  # known words inside longer headers
        ["Customer", "Town", "Since"],  # unknown words, but only words: a header
    ],
)
def test_header_rows_are_still_headers(tmp_path: Path, header: list[str]) -> None:
    data = _xlsx(tmp_path, [header, ["Ali", 9121234567, 1402], ["Sara", 9351234567, 1399]])
    assert data.has_header is True
    assert data.header_row == 1
    assert len(data.rows) == 2


def test_header_with_a_year_among_known_words_is_a_header(tmp_path: Path) -> None:
    data = _xlsx(tmp_path, [["نام", "موبایل", 1402], ["علی", 9121234567, 5]])
    assert data.has_header is True
    assert data.headers == ("نام", "موبایل", "1402")


def test_title_above_a_header_still_found(tmp_path: Path) -> None:
    data = _xlsx(
        tmp_path,
        [["فهرست مشتریان"], [], ["نام", "نام خانوادگی", "موبایل"], ["علی", "رضایی", 9121234567]],
    )
    assert (data.has_header, data.header_row) == (True, 3)
    assert data.rows == (SheetRow(4, ("علی", "رضایی", 9121234567)),)


def test_only_phone_numbers(tmp_path: Path) -> None:
    data = _csv(tmp_path, "09121234567\n09351234567\n")
    assert data.has_header is False
    assert data.rows == (SheetRow(1, ("09121234567",)), SheetRow(2, ("09351234567",)))
