"""Files other tools write (issue 10, item 10): read, or refused with the real reason.

An .ods without the ``mimetype`` entry (hand-made, and one LibreOffice wrote with the
entry taken out), .xls files that Excel itself wrote (tests/data/xls, from
calamine's test files), workbooks with another format's name, CSV with ``;`` or tab
separators in UTF-8 (with or without BOM), Windows-1256 and UTF-16 (Excel's "Unicode
text"), and what only looks like a spreadsheet by its name.
"""

from __future__ import annotations

import random
import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest

from crm_desktop.errors import InvalidInput
from crm_desktop.services.spreadsheet import SheetRow, read_sheet, sheet_names
from tests.office import convert, csv_import_filter, require_soffice
from tests.sheet_files import Piece, ods_file

DATA = Path(__file__).resolve().parent / "data" / "xls"


def _ods_row(*values: str) -> Piece:
    cells = "".join(
        f'<table:table-cell office:value-type="string"><text:p>{value}</text:p></table:table-cell>'
        for value in values
    )
    return Piece(f"<table:table-row>{cells}</table:table-row>".encode())


_ODS_ROWS = [_ods_row("نام", "موبایل"), _ods_row("علی", "09121234567")]


# -------------------------------------------------------------------------- .ods


@pytest.mark.parametrize(("mimetype", "manifest"), [(False, True), (False, False), (True, False)])
def test_ods_without_mimetype_or_manifest(tmp_path: Path, mimetype: bool, manifest: bool) -> None:
    path = ods_file(tmp_path / "list.ods", _ODS_ROWS, mimetype=mimetype, manifest=manifest)
    assert sheet_names(path) == ["Sheet1"]
    data = read_sheet(path)
    assert data.headers == ("نام", "موبایل")
    assert data.rows == (SheetRow(2, ("علی", "09121234567")),)


def test_ods_written_by_libreoffice_without_mimetype(tmp_path: Path) -> None:
    require_soffice()
    source = tmp_path / "people.csv"
    source.write_text("نام,شهر\nعلی,تهران\nمریم,کرج\n", encoding="utf-8")
    written = convert(source, "ods", tmp_path / "out", infilter=csv_import_filter())
    stripped = tmp_path / "stripped.ods"
    with zipfile.ZipFile(written) as src, zipfile.ZipFile(stripped, "w") as dst:
        assert "mimetype" in src.namelist()
        for info in src.infolist():
            if info.filename != "mimetype":
                dst.writestr(info, src.read(info))
    assert read_sheet(stripped) == read_sheet(written)
    assert read_sheet(stripped).rows == (
        SheetRow(2, ("علی", "تهران")),
        SheetRow(3, ("مریم", "کرج")),
    )


# --------------------------------------------------------- .xls written by Excel


def test_xls_written_by_excel_default_sheet_is_the_visible_one() -> None:
    path = DATA / "any_sheets.xls"  # Excel 2003 format, saved by Excel 16
    assert sheet_names(path) == ["Visible", "Hidden", "VeryHidden", "Chart"]
    data = read_sheet(path)
    assert data.name == "Visible"
    # Its first row is numbers: a sheet without a header row.
    assert data.has_header is False
    assert [row.values for row in data.rows[:3]] == [(1, 2), (3, 4), (5, 6)]


def test_xls_written_by_excel_with_continued_string_table() -> None:
    # 136 strings whose shared-string table goes on in CONTINUE records.
    data = read_sheet(DATA / "sst_continue.xls")
    assert data.headers == ("This is a long string with a serial number at the end 0001",)
    serials = [str(row.values[0])[-4:] for row in data.rows[:-2]]
    assert serials == [f"{n:04d}" for n in range(2, 135)]
    # The string cut where a CONTINUE record starts, as the file has it.
    assert data.rows[-2:] == (
        SheetRow(135, ("This is a long string with a serial num",)),
        SheetRow(136, ("New CONTINUE block",)),
    )


# -------------------------------------------------------- a name that is not it


def test_xlsx_named_xls_is_read(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["نام", "موبایل"])
    ws.append(["علی", "09121234567"])
    wb.save(tmp_path / "real.xlsx")
    # Web systems often send an .xlsx called "export.xls".
    renamed = shutil.copyfile(tmp_path / "real.xlsx", tmp_path / "export.xls")
    assert sheet_names(renamed) == ["Sheet"]
    assert read_sheet(renamed).rows == (SheetRow(2, ("علی", "09121234567")),)


def test_ods_named_xlsx_and_xls_named_xlsx_are_read(tmp_path: Path) -> None:
    ods = ods_file(tmp_path / "list.ods", _ODS_ROWS)
    renamed = shutil.copyfile(ods, tmp_path / "list.xlsx")
    assert read_sheet(renamed).rows == (SheetRow(2, ("علی", "09121234567")),)
    xls = shutil.copyfile(DATA / "any_sheets.xls", tmp_path / "old.xlsx")
    assert read_sheet(xls).rows[0] == SheetRow(1, (1, 2))


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        (
            "report.xls",
            b"<html><body><table><tr><td>name</td></tr></table></body></html>",
            "web page (HTML)",
        ),
        (
            "report.xls",
            b'<?xml version="1.0"?>\n'
            b'<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">',
            "Excel 2003 XML",
        ),
        ("list.xls", "name\tphone\nعلی\t0912\n".encode(), "text (CSV) file named .xls"),
        ("list.xlsx", "نام,موبايل\r\n".encode("cp1256"), "rename it to .csv"),
    ],
)
def test_other_files_named_as_workbooks_say_what_they_are(
    tmp_path: Path, name: str, content: bytes, reason: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InvalidInput) as info:
        read_sheet(path)
    assert reason in info.value.en
    assert name in info.value.en
    assert name in info.value.fa


@pytest.mark.parametrize(
    ("member", "reason"),
    [
        ("word/document.xml", "Word document"),
        ("xl/workbook.bin", ".xlsb"),
        ("photo.jpg", "zip archive but not a spreadsheet"),
    ],
)
def test_zip_that_is_not_a_workbook(tmp_path: Path, member: str, reason: str) -> None:
    path = tmp_path / "file.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(member, "x")
    with pytest.raises(InvalidInput) as info:
        read_sheet(path)
    assert reason in info.value.en


# --------------------------------------------------------------------------- CSV


_TEXT = "نام\tموبایل\tشهر\r\nعلی\t09121234567\tتهران\r\nمریم\t۰۹۳۵۱۲۳۴۵۶۷\tکرج\r\n"
_ROWS = (
    SheetRow(2, ("علی", "09121234567", "تهران")),
    SheetRow(3, ("مریم", "۰۹۳۵۱۲۳۴۵۶۷", "کرج")),
)


@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le-bom", "utf-16-be-bom"]
)
@pytest.mark.parametrize("separator", ["\t", ";", ","])
def test_csv_encodings_and_separators(tmp_path: Path, encoding: str, separator: str) -> None:
    text = _TEXT.replace("\t", separator)
    if encoding == "utf-16-le-bom":  # Excel's "Unicode text": UTF-16 LE with BOM, tabs
        raw = b"\xff\xfe" + text.encode("utf-16-le")
    elif encoding == "utf-16-be-bom":
        raw = b"\xfe\xff" + text.encode("utf-16-be")
    else:
        raw = text.encode(encoding)
    path = tmp_path / "people.csv"
    path.write_bytes(raw)
    data = read_sheet(path)
    assert data.headers == ("نام", "موبایل", "شهر")
    assert data.rows == _ROWS
    assert data.notes == ()


def test_csv_windows_1256_with_tabs(tmp_path: Path) -> None:
    path = tmp_path / "old.csv"
    path.write_bytes("نام\tشركت\r\nعلي\tپارس\r\n".encode("cp1256"))
    data = read_sheet(path)
    assert data.headers == ("نام", "شرکت")
    assert data.rows == (SheetRow(2, ("علي", "پارس")),)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_csv_utf16_without_bom_is_read(tmp_path: Path, encoding: str) -> None:
    # No byte order mark, but the NULs beside every tab and line end give the byte
    # order away (the Persian letters' other byte is 06).
    path = tmp_path / "nobom.csv"
    path.write_bytes(_TEXT.encode(encoding))
    data = read_sheet(path)
    assert data.headers == ("نام", "موبایل", "شهر")
    assert data.rows == _ROWS


def test_csv_of_persian_text_with_few_separators_in_utf16_without_bom(tmp_path: Path) -> None:
    # One column of long Persian names without a space: two NULs (the line end's) in
    # 25 characters.
    text = "نام‌کامل\r\n" + "".join(f"سیدمحمدحسین‌حسینی‌نژاد{n}\r\n" for n in "۱۲۳۴۵۶۷۸۹")
    path = tmp_path / "names.csv"
    path.write_bytes(text.encode("utf-16-le"))
    data = read_sheet(path)
    assert data.headers == ("نام‌کامل",)
    assert [row.values[0] for row in data.rows][-1] == "سیدمحمدحسین‌حسینی‌نژاد۹"


def test_csv_binary_file_with_nuls_refused_with_the_reason(tmp_path: Path) -> None:
    path = tmp_path / "photo.csv"
    path.write_bytes(random.Random(1).randbytes(8192))  # NULs on both sides of the pairs
    with pytest.raises(InvalidInput) as info:
        read_sheet(path)
    assert "it is not a CSV text file" in info.value.en


def test_csv_broken_utf16_refused_with_the_reason(tmp_path: Path) -> None:
    path = tmp_path / "broken.csv"
    path.write_bytes(b"\xff\xfe" + _TEXT.encode("utf-16-le") + b"\x00\xd8")  # lone surrogate
    with pytest.raises(InvalidInput) as info:
        read_sheet(path)
    assert "UTF-16 byte order mark but its text is not" in info.value.en


def test_csv_windows_1252_is_not_read_as_persian(tmp_path: Path) -> None:
    # A German export in Windows-1252 (as Tine 2.0's test file): its umlauts must not
    # become Arabic letters ("ضzdemirض").
    path = tmp_path / "west.csv"
    path.write_bytes("First Name;Last Name\r\nÖzdemirÖ;Üglü\r\nRené;Müller\r\n".encode("cp1252"))
    data = read_sheet(path)
    assert data.rows == (SheetRow(2, ("ÖzdemirÖ", "Üglü")), SheetRow(3, ("René", "Müller")))


def test_csv_windows_1256_with_latin_words_stays_persian(tmp_path: Path) -> None:
    path = tmp_path / "mixed.csv"
    text = "نام,شركت,ايميل\r\nعلي رضايي,Pars Co,ali@example.com\r\nمريم,چاپ و ژورنال,m@x.ir\r\n"
    path.write_bytes(text.encode("cp1256"))
    data = read_sheet(path)
    assert data.rows[0] == SheetRow(2, ("علي رضايي", "Pars Co", "ali@example.com"))


def test_txt_tab_separated_as_excel_saves_unicode_text(tmp_path: Path) -> None:
    path = tmp_path / "people.txt"
    path.write_bytes(b"\xff\xfe" + _TEXT.encode("utf-16-le"))
    assert sheet_names(path) == ["people"]
    data = read_sheet(path)
    assert data.headers == ("نام", "موبایل", "شهر")
    assert data.rows == _ROWS
