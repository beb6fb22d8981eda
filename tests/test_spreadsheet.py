"""Reading spreadsheet files into plain rows (crm_desktop.services.spreadsheet).

The files are built here with openpyxl (and as raw bytes for CSV); the shipped sample
is read as well. Formulas' cached values are not tested: openpyxl writes no cached
value and LibreOffice is not installed on the test machine.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from crm_desktop.errors import InvalidInput
from crm_desktop.services.spreadsheet import SheetData, SheetRow, read_sheet, sheet_names

SAMPLE = Path(__file__).resolve().parents[2] / "shared" / "samples" / "contacts-sample.xlsx"
if not SAMPLE.exists():
    SAMPLE = Path("/work/shared/samples/contacts-sample.xlsx")


def _xlsx(path: Path, rows: dict[str, Any], *, title: str = "Sheet1") -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = title
    for ref, value in rows.items():
        ws[ref] = value
    wb.save(path)
    return path


def _contacts_with_title(path: Path) -> Path:
    """A title merged over A1:D1, a blank row 2, the header in row 3, data below."""
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "مشتریان"
    ws["A1"] = "  لیست مشتریان نمایشگاه  "
    ws.merge_cells("A1:D1")
    ws.append([])  # row 2 stays blank
    ws["A3"] = "نام"
    ws["B3"] = " موبايل\u00a0"
    ws["C3"] = "تاریخ تولد"
    ws["D3"] = "كد"
    ws["A4"] = "علی رضایی"
    ws["B4"] = 9121234567
    ws["C4"] = dt.date(1988, 3, 9)
    ws["D4"] = "۰۹۳۵۱۲۳۴۵۶۷"
    # row 5 blank
    ws["A6"] = "\u200bمریم\u00a0 کاظمی "
    ws["B6"] = "09351234567"
    ws["C6"] = "1365/04/12"
    ws["D6"] = 12.5
    ws["A7"] = "رضا"
    ws["D7"] = True
    wb.save(path)
    return path


def test_header_found_below_merged_title_and_blank_row(tmp_path: Path) -> None:
    data = read_sheet(_contacts_with_title(tmp_path / "c.xlsx"))
    assert data.name == "مشتریان"
    assert data.header_row == 3
    # stripped, NBSP gone, Arabic ي/ك normalized to Persian
    assert data.headers == ("نام", "موبایل", "تاریخ تولد", "کد")
    assert data.first_column == 1


def test_blank_rows_skipped_and_sheet_row_numbers_kept(tmp_path: Path) -> None:
    data = read_sheet(_contacts_with_title(tmp_path / "c.xlsx"))
    assert [row.number for row in data.rows] == [4, 6, 7]
    assert all(len(row.values) == len(data.headers) for row in data.rows)


def test_cell_values_keep_their_type(tmp_path: Path) -> None:
    rows = read_sheet(_contacts_with_title(tmp_path / "c.xlsx")).rows
    assert rows[0] == SheetRow(4, ("علی رضایی", 9121234567, dt.date(1988, 3, 9), "۰۹۳۵۱۲۳۴۵۶۷"))
    phone = rows[0].values[1]
    assert type(phone) is int  # a phone stored as a number: no float, no leading zero
    date = rows[0].values[2]
    assert type(date) is dt.date  # an Excel date cell, not a datetime at midnight
    # stray zero-width and NBSP go; the inner text is not otherwise touched
    assert rows[1].values == ("مریم کاظمی", "09351234567", "1365/04/12", 12.5)
    assert rows[2].values == ("رضا", None, None, True)


def test_persian_digits_kept_as_text(tmp_path: Path) -> None:
    path = _xlsx(
        tmp_path / "p.xlsx",
        {"A1": "نام", "B1": "موبایل", "A2": "علی", "B2": "۰۹۱۲۱۲۳۴۵۶۷", "A3": "مریم", "B3": "٠٩١٢"},
    )
    rows = read_sheet(path).rows
    assert rows[0].values == ("علی", "۰۹۱۲۱۲۳۴۵۶۷")
    assert rows[1].values == ("مریم", "٠٩١٢")


def test_datetime_with_time_stays_datetime(tmp_path: Path) -> None:
    moment = dt.datetime(2024, 5, 1, 14, 30)
    path = _xlsx(tmp_path / "d.xlsx", {"A1": "a", "B1": "b", "A2": "x", "B2": moment})
    assert read_sheet(path).rows[0].values == ("x", moment)


SIX_HEADERS = ("نام", "شرکت", "موبایل", "ایمیل", "شهر", "منبع")
HEADER_CELLS = [f"{c}3" for c in "ABCDEF"]
DATA_CELLS = [f"{c}4" for c in "ABCDEF"]


def test_two_cell_title_not_taken_for_header(tmp_path: Path) -> None:
    path = _xlsx(
        tmp_path / "t.xlsx",
        {
            "A1": "گزارش",
            "B1": "پاییز",
            **dict(zip(HEADER_CELLS, SIX_HEADERS, strict=True)),
            **dict(zip(DATA_CELLS, ["a", "b", "c", "d", "e", "f"], strict=True)),
        },
    )
    data = read_sheet(path)
    assert data.header_row == 3
    assert data.headers == SIX_HEADERS


def test_data_away_from_a1_and_empty_columns_dropped(tmp_path: Path) -> None:
    path = _xlsx(
        tmp_path / "o.xlsx",
        {"C5": "Name", "D5": "Email", "C6": "Ali", "D6": "a@x.example", "C8": "Sara"},
    )
    data = read_sheet(path)
    assert data.header_row == 5
    assert data.first_column == 3
    assert data.headers == ("Name", "Email")
    assert data.rows == (SheetRow(6, ("Ali", "a@x.example")), SheetRow(8, ("Sara", None)))


def test_vertically_merged_data_cell_fills_each_row(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    for row in (["نام", "شرکت"], ["علی", "پارس"], ["مریم", None], ["رضا", None], ["سارا", "البرز"]):
        ws.append(row)
    ws.merge_cells("B2:B4")
    wb.save(tmp_path / "m.xlsx")
    values = [row.values for row in read_sheet(tmp_path / "m.xlsx").rows]
    assert values == [("علی", "پارس"), ("مریم", "پارس"), ("رضا", "پارس"), ("سارا", "البرز")]


def test_sheets_by_name_and_default_first(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    first = wb.active
    assert first is not None
    first.title = "اشخاص"
    first.append(["نام", "شهر"])
    first.append(["علی", "تهران"])
    second = wb.create_sheet("شرکت‌ها")
    second.append(["شرکت", "شهر"])
    second.append(["پارس", "کرج"])
    path = tmp_path / "two.xlsx"
    wb.save(path)
    assert sheet_names(path) == ["اشخاص", "شرکت‌ها"]
    assert read_sheet(path).name == "اشخاص"
    data = read_sheet(path, sheet="شرکت‌ها")
    assert data.headers == ("شرکت", "شهر")
    assert data.rows == (SheetRow(2, ("پارس", "کرج")),)


def test_xlsm_is_read(tmp_path: Path) -> None:
    path = _xlsx(
        tmp_path / "macro.xlsm", {"A1": "نام", "B1": "تلفن", "A2": "علی", "B2": 2188776655}
    )
    data = read_sheet(path)
    assert data.rows == (SheetRow(2, ("علی", 2188776655)),)


def test_sample_file() -> None:
    data = read_sheet(SAMPLE)
    assert isinstance(data, SheetData)
    assert data.header_row == 3
    assert data.headers[:3] == ("نام و نام خانوادگی", "شرکت", "موبایل")
    assert len(data.rows) == 8
    assert 8 not in [row.number for row in data.rows]  # the blank row
    first = data.rows[0]
    assert first.number == 4
    assert first.values[2] == 9123456701
    assert dt.date(1988, 3, 9) in [v for row in data.rows for v in row.values]
    assert sheet_names(SAMPLE) == [data.name]


# --------------------------------------------------------------------------- CSV


CSV_TEXT = "نام خانوادگي,موبايل,شهر\r\nرضايي,09121234567,تهران\r\n\r\nكاظمی,۰۹۳۵,\r\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig"])
def test_csv_utf8_with_and_without_bom(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "c.csv"
    path.write_bytes(CSV_TEXT.encode(encoding))
    data = read_sheet(path)
    assert data.name == "c"
    assert data.header_row == 1
    assert data.headers == ("نام خانوادگی", "موبایل", "شهر")
    # CSV cells are text: the leading zero and the original letters are kept
    assert data.rows == (
        SheetRow(2, ("رضايي", "09121234567", "تهران")),
        SheetRow(4, ("كاظمی", "۰۹۳۵", None)),
    )
    assert sheet_names(path) == ["c"]


def test_csv_windows_1256_with_semicolons(tmp_path: Path) -> None:
    # Persian Windows Excel writes Arabic yeh (ي): Persian yeh (ی) is not in cp1256.
    text = "فهرست مشتريان\r\n\r\nنام;نام خانوادگي;شركت;گروه\r\nعلي;رضايي;پارس;چاپ و ژورنال\r\n"
    path = tmp_path / "win.csv"
    path.write_bytes(text.encode("cp1256"))
    data = read_sheet(path)
    assert data.header_row == 3
    assert data.headers == ("نام", "نام خانوادگی", "شرکت", "گروه")
    assert data.rows == (SheetRow(4, ("علي", "رضايي", "پارس", "چاپ و ژورنال")),)


def test_csv_tab_delimited_with_quoted_newline(tmp_path: Path) -> None:
    path = tmp_path / "tab.csv"
    path.write_text('name\tnote\n"Ali"\t"line one\nline two"\nSara\t"a, b; c"\n', encoding="utf-8")
    data = read_sheet(path)
    assert data.headers == ("name", "note")
    assert data.rows == (
        SheetRow(2, ("Ali", "line one\nline two")),
        SheetRow(3, ("Sara", "a, b; c")),
    )


def test_csv_unknown_sheet(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text(CSV_TEXT, encoding="utf-8")
    with pytest.raises(InvalidInput):
        read_sheet(path, sheet="Sheet2")


# ------------------------------------------------------------------------- errors


def _assert_clear(exc: InvalidInput, filename: str) -> None:
    for message in (exc.fa, exc.en):
        assert filename in message
        assert "\n" not in message
        assert "Traceback" not in message


@pytest.mark.parametrize(
    ("filename", "content"),
    [
        ("random.xlsx", os.urandom(4096)),
        ("empty.xlsx", b""),
        ("text.xlsx", b"name,phone\nAli,0912\n"),
        ("text.xls", b"name,phone\nAli,0912\n"),
        ("text.ods", b"name,phone\nAli,0912\n"),
        ("encrypted.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + os.urandom(2048)),
        ("empty.csv", b""),
        ("blank.csv", b"\r\n  \r\n"),
        ("binary.csv", b"\x00\x01\x02" + os.urandom(256)),
        ("notes.rtf", b"name,phone\n"),
        ("noextension", b"name,phone\n"),
    ],
)
def test_unreadable_file_is_invalid_input(tmp_path: Path, filename: str, content: bytes) -> None:
    path = tmp_path / filename
    path.write_bytes(content)
    with pytest.raises(InvalidInput) as info:
        read_sheet(path)
    _assert_clear(info.value, filename)
    if not filename.endswith("csv"):
        with pytest.raises(InvalidInput):
            sheet_names(path)


def test_encrypted_xlsx_says_password(tmp_path: Path) -> None:
    path = tmp_path / "secret.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2048))
    with pytest.raises(InvalidInput) as info:
        read_sheet(path)
    assert "password" in info.value.en


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput) as info:
        read_sheet(tmp_path / "gone.xlsx")
    _assert_clear(info.value, "gone.xlsx")


def test_unknown_sheet_name(tmp_path: Path) -> None:
    path = shutil.copyfile(SAMPLE, tmp_path / "sample.xlsx")
    with pytest.raises(InvalidInput) as info:
        read_sheet(path, sheet="Sheet9")
    _assert_clear(info.value, "sample.xlsx")
    assert "Sheet9" in info.value.en


def test_empty_sheet(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    wb.save(tmp_path / "blank.xlsx")
    with pytest.raises(InvalidInput) as info:
        read_sheet(tmp_path / "blank.xlsx")
    _assert_clear(info.value, "blank.xlsx")
