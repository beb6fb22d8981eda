"""Files that explode (issue 10, item 12): refused early, in little memory and time.

Each hostile file of the issue is made here, small on disk (tests/sheet_files.py
repeats one compressed block), and read by ``read_sheet`` in a child process that
reports its message and how much its peak memory grew: before these limits the same
files took gigabytes, or aborted the process. The bounds are generous (300 MB, a
minute): the point is "refused before anything big is built", not a benchmark.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from crm_desktop.errors import InvalidInput
from crm_desktop.services.sheet_guard import MAX_CELL_CHARS, MAX_ROWS
from crm_desktop.services.sheet_xls import xls_extents
from crm_desktop.services.spreadsheet import SheetRow, read_sheet
from tests.office import convert, require_soffice
from tests.sheet_files import Piece, cell_ref, inline_cell, ods_file, xlsx_file

_MB = 1024 * 1024
_MEMORY_BOUND_MB = 300
_TIME_BOUND_S = 60

_CHILD = textwrap.dedent(
    """
    import json, sys, time
    from crm_desktop.errors import InvalidInput
    from crm_desktop.services.spreadsheet import read_sheet

    def peak():
        try:
            import resource
        except ImportError:  # Windows: time is still measured
            return 0
        used = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return used if sys.platform == "darwin" else used * 1024  # KB elsewhere

    before, start = peak(), time.monotonic()
    result = {}
    try:
        data = read_sheet(sys.argv[1])
        result["rows"] = len(data.rows)
    except InvalidInput as exc:
        result["fa"], result["en"] = exc.fa, exc.en
    result["grew"] = peak() - before
    result["seconds"] = time.monotonic() - start
    print(json.dumps(result))
    """
)


def _read_in_child(path: Path) -> dict[str, Any]:
    """``read_sheet(path)`` in a fresh interpreter: its message, rows and peak growth."""
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path)],
        capture_output=True,
        text=True,
        timeout=_TIME_BOUND_S * 3,
        cwd=Path(__file__).resolve().parents[1],
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]  # no abort, no traceback
    result: dict[str, Any] = json.loads(done.stdout)
    assert result["grew"] < _MEMORY_BOUND_MB * _MB, result
    assert result["seconds"] < _TIME_BOUND_S, result
    return result


def _refused(path: Path, *words: str) -> dict[str, Any]:
    result = _read_in_child(path)
    assert "en" in result, f"accepted: {result}"
    assert path.name in result["en"]
    assert path.name in result["fa"]
    for word in words:
        assert word in result["en"], result["en"]
    return result


def _row(*cells: str, number: int | None = None) -> str:
    at = f' r="{number}"' if number else ""
    return f"<row{at}>{''.join(cells)}</row>"


def _header() -> Piece:
    return Piece(_row(inline_cell("name", "A1"), inline_cell("phone", "B1"), number=1).encode())


# ---------------------------------------------------------------- .xlsx of the issue


def test_sheet_expanding_to_gigabytes_is_refused(tmp_path: Path) -> None:
    # 1.5 million rows of 1,000-character names: 1.5 GB of XML in about 2 MB.
    rows = Piece(_row(inline_cell("Ali " * 250)).encode() * 1000, count=1500)
    path = xlsx_file(tmp_path / "expands.xlsx", [rows])
    assert path.stat().st_size < 4 * _MB
    _refused(path, "expands to more than 500 MB")


def test_stray_value_in_the_last_cell_is_refused(tmp_path: Path) -> None:
    far = _row('<c r="XFD1048576"><v>1</v></c>', number=1048576)
    path = xlsx_file(tmp_path / "stray.xlsx", [_header(), Piece(far.encode())])
    assert path.stat().st_size < 5000
    _refused(path, "XFD1048576", "200,000 rows and 200 columns")


def test_value_at_row_20000_column_2000_is_refused(tmp_path: Path) -> None:
    ref = cell_ref(20_000, 2_000)
    far = _row(f'<c r="{ref}"><v>1</v></c>', number=20_000)
    path = xlsx_file(tmp_path / "wide.xlsx", [_header(), Piece(far.encode())])
    result = _refused(path, ref)
    assert ref == "BXX20000"
    assert result["seconds"] < 5


def test_cell_of_a_gigabyte_is_refused(tmp_path: Path) -> None:
    # One shared string of 1.1 GB, used by one cell.
    huge = [Piece(b"<si><t>"), Piece(b"x" * _MB, count=1100), Piece(b"</t></si>")]
    body = _row(inline_cell("name", "A1"), number=1) + _row(
        '<c r="A2" t="s"><v>0</v></c>', number=2
    )
    path = xlsx_file(tmp_path / "cell.xlsx", [Piece(body.encode())], shared_strings=huge)
    assert path.stat().st_size < 2 * _MB
    _refused(path, "sharedStrings.xml", "500 MB")


def test_one_long_shared_string_in_many_cells_is_refused(tmp_path: Path) -> None:
    # calamine copies a shared string into each cell that uses it: 20,000 cells of one
    # 30,000-character string are 600 MB once read, from a file of a few kilobytes.
    strings = [Piece(b"<si><t>" + b"x" * 30_000 + b"</t></si>")]
    cells = "".join(_row(f'<c r="A{n}" t="s"><v>0</v></c>', number=n) for n in range(2, 20_002))
    rows = [_header(), Piece(cells.encode())]
    path = xlsx_file(tmp_path / "shared.xlsx", rows, shared_strings=strings)
    assert path.stat().st_size < 200_000
    _refused(path, "sheet1.xml' expands to more than 500 MB")


def test_one_long_shared_string_used_once_is_read(tmp_path: Path) -> None:
    # Counted cheaply, 20,000 shared-string cells charged as the longest string (30,000
    # characters) pass the 500 MB limit; cell by cell they are a few hundred kilobytes.
    strings = [Piece(b"<si><t>" + b"x" * 30_000 + b"</t></si><si><t>Ali</t></si>")]
    cells = "".join(_row(f'<c r="A{n}" t="s"><v>1</v></c>', number=n) for n in range(2, 20_002))
    rows = [_header(), Piece(b'<row r="20002"><c r="A20002" t="s"><v>0</v></c></row>')]
    path = xlsx_file(
        tmp_path / "shared.xlsx", [rows[0], Piece(cells.encode()), rows[1]], shared_strings=strings
    )
    result = _read_in_child(path)
    assert result == result | {"rows": 20_001}, result


def _far_row(row: int, column: int) -> Piece:
    return Piece(_row(inline_cell("Ali", cell_ref(row, column)), number=row).encode())


def test_rows_past_the_cheap_readings_reach_are_read(tmp_path: Path) -> None:
    # A sheet of 150,000 rows is past what the quick look vouches for (99,999), under
    # the limit (200,000): read cell by cell, and accepted.
    path = xlsx_file(tmp_path / "long.xlsx", [_header(), _far_row(150_000, 2)])
    assert _read_in_child(path)["rows"] == 1


def test_cells_of_distant_pieces_make_one_grid(tmp_path: Path) -> None:
    # Column 100 at row 60,000, then, a few megabytes of XML later, row 150,000: each
    # piece alone is a small grid, together 15 million cells (the limit is 10 million).
    # The quick look vouches for the first piece, not the second, and the careful
    # reading starts again from the first.
    filler = Piece(_row('<c r="A3"><v>1</v></c>', number=3).encode() * 1000, count=40)
    parts = [_header(), _far_row(60_000, 100), filler, _far_row(150_000, 1)]
    path = xlsx_file(tmp_path / "spread.xlsx", parts)
    _refused(path, "10,000,000")


# References written as XML allows and calamine reads: lower case, single quotes, spaces
# around "=", a tab after the name, leading zeros. Each used to pass both readings of
# the guard; the lower-case XFD1048576 aborted the process (exit 134).
ODD_REFERENCES = {
    "lower case": '<c r="xfd1048576"><v>1</v></c>',
    "single quotes": "<c r='GS5'><v>1</v></c>",
    "spaces around =": '<c r = "GS5"><v>1</v></c>',
    "a tab and single quotes": "<c\tr='GS5'><v>1</v></c>",
    "leading zeros": '<c r="A000000300000"><v>1</v></c>',
}


@pytest.mark.parametrize("written", sorted(ODD_REFERENCES))
def test_a_far_cell_written_otherwise_is_refused(tmp_path: Path, written: str) -> None:
    body = _row(inline_cell("name", "A1"), ODD_REFERENCES[written], number=1)
    path = xlsx_file(tmp_path / "odd.xlsx", [Piece(body.encode())])
    _refused(path, "reaches cell")


def test_shared_strings_typed_in_single_quotes_are_counted(tmp_path: Path) -> None:
    strings = [Piece(b"<si><t>" + b"x" * 30_000 + b"</t></si>")]
    cells = "".join(_row(f"<c r='A{n}' t='s'><v>0</v></c>", number=n) for n in range(2, 20_002))
    path = xlsx_file(
        tmp_path / "quoted.xlsx", [_header(), Piece(cells.encode())], shared_strings=strings
    )
    _refused(path, "expands to more than 500 MB")


def test_a_sheet_of_single_quoted_references_is_read(tmp_path: Path) -> None:
    body = "<row r='1'><c r='A1' t='inlineStr'><is><t>name</t></is></c></row>"
    body += "<row r='2'><c r='a2' t='inlineStr'><is><t>Ali</t></is></c></row>"
    path = xlsx_file(tmp_path / "quotes.xlsx", [Piece(body.encode())])
    assert read_sheet(path).rows == (SheetRow(2, ("Ali",)),)


def test_ten_million_rows_are_refused(tmp_path: Path) -> None:
    # 10.9 million rows (without row numbers, as some writers do): 280 MB of XML, less
    # than the size limit, so the rows themselves are counted, and reading stops there.
    rows = Piece(_row("<c><v>1</v></c>").encode() * 10_000, count=1090)
    path = xlsx_file(tmp_path / "rows.xlsx", [_header(), rows])
    assert path.stat().st_size < 4 * _MB
    result = _refused(path, f"A{MAX_ROWS + 1}", "200,000 rows")
    assert result["seconds"] < 20


def test_zip_that_claims_a_small_sheet_is_not_trusted(tmp_path: Path) -> None:
    # The zip's headers say the sheet is 5 KB; it is 280 MB. Reading stops where the
    # claim ends, and a sheet cut there is damaged.
    rows = Piece(_row("<c><v>1</v></c>").encode() * 10_000, count=1090)
    path = xlsx_file(tmp_path / "claims.xlsx", [_header(), rows], claimed_sheet_size=5000)
    _refused(path, "damaged")


_POSIX_ONLY = pytest.mark.skipif(os.name != "posix", reason="devices and FIFOs are POSIX")


@_POSIX_ONLY
def test_csv_linked_to_dev_zero_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "zero.csv"
    path.symlink_to("/dev/zero")
    _refused(path, "not a regular file")


@_POSIX_ONLY
def test_csv_fifo_is_refused_without_waiting(tmp_path: Path) -> None:
    path = tmp_path / "pipe.csv"
    os.mkfifo(path)
    _refused(path, "not a regular file")  # opening a FIFO to read would block


# ---------------------------------------------------------------- long cells, in-process


def test_long_text_run_in_shared_strings_refused_while_streaming(tmp_path: Path) -> None:
    long = [Piece(b"<si><t>" + b"x" * (MAX_CELL_CHARS * 11) + b"</t></si>")]
    body = _row(inline_cell("name", "A1"), number=1)
    path = xlsx_file(tmp_path / "run.xlsx", [Piece(body.encode())], shared_strings=long)
    with pytest.raises(InvalidInput) as info:
        read_sheet(path)
    assert "more than 32,767 characters" in info.value.en
    assert "sharedStrings.xml" in info.value.en


def test_cell_over_excel_limit_named(tmp_path: Path) -> None:
    body = _row(inline_cell("name", "A1"), inline_cell("note", "B1"), number=1) + _row(
        inline_cell("Ali", "A2"), inline_cell("ی" * (MAX_CELL_CHARS + 1), "B2"), number=2
    )
    path = xlsx_file(tmp_path / "long.xlsx", [Piece(body.encode())])
    with pytest.raises(InvalidInput) as info:
        read_sheet(path)
    assert "cell B2 holds more than 32,767 characters" in info.value.en
    assert "B2" in info.value.fa


def test_cell_at_excel_limit_is_read(tmp_path: Path) -> None:
    body = _row(inline_cell("name", "A1"), number=1) + _row(
        inline_cell("ی" * MAX_CELL_CHARS, "A2"), number=2
    )
    path = xlsx_file(tmp_path / "limit.xlsx", [Piece(body.encode())])
    assert read_sheet(path).rows == (SheetRow(2, ("ی" * MAX_CELL_CHARS,)),)


def test_csv_cell_over_excel_limit_named(tmp_path: Path) -> None:
    path = tmp_path / "long.csv"
    path.write_text("name,note\nAli," + "x" * (MAX_CELL_CHARS + 1) + "\n", encoding="utf-8")
    with pytest.raises(InvalidInput) as info:
        read_sheet(path)
    assert "cell B2 holds more than" in info.value.en


def test_csv_cell_over_the_csv_modules_limit(tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    path.write_text('name,note\nAli,"' + "x" * 200_000 + '"\n', encoding="utf-8")
    with pytest.raises(InvalidInput) as info:
        read_sheet(path)
    assert "a cell in row 2 holds more than" in info.value.en


# ---------------------------------------------------------------- rows and columns


def test_rows_up_to_the_limit_are_read_past_it_refused(tmp_path: Path) -> None:
    rows = Piece(_row("<c><v>9121234567</v></c>").encode() * 1000, count=(MAX_ROWS - 1) // 1000)
    rest = Piece(_row("<c><v>9121234567</v></c>").encode() * ((MAX_ROWS - 1) % 1000))
    header = Piece(_row(inline_cell("phone")).encode())
    path = xlsx_file(tmp_path / "full.xlsx", [header, rows, rest])
    result = _read_in_child(path)
    assert result["rows"] == MAX_ROWS - 1
    over = xlsx_file(
        tmp_path / "over.xlsx", [header, rows, rest, Piece(_row("<c><v>1</v></c>").encode() * 2)]
    )
    _refused(over, "200,000 rows")


def test_csv_rows_past_the_limit_refused(tmp_path: Path) -> None:
    path = tmp_path / "many.csv"
    path.write_text("phone\n" + "09121234567\n" * MAX_ROWS, encoding="utf-8")
    with pytest.raises(InvalidInput) as info:
        read_sheet(path)
    assert "more than 200,000 rows" in info.value.en
    path.write_text("phone\n" + "09121234567\n" * (MAX_ROWS - 1), encoding="utf-8")
    assert len(read_sheet(path).rows) == MAX_ROWS - 1


def test_csv_row_with_too_many_values_refused(tmp_path: Path) -> None:
    path = tmp_path / "wide.csv"
    path.write_text("name,phone\n" + ",".join(["x"] * 201) + "\n", encoding="utf-8")
    with pytest.raises(InvalidInput) as info:
        read_sheet(path)
    assert "row 2 has 201 values; at most 200 columns" in info.value.en


def test_declared_dimension_alone_is_not_trusted(tmp_path: Path) -> None:
    # calamine sizes the sheet from its cells, so a <dimension> that claims the whole
    # sheet costs nothing and is not a reason to refuse (some writers get it wrong).
    body = _row(inline_cell("name", "A1"), number=1) + _row(inline_cell("Ali", "A2"), number=2)
    path = xlsx_file(tmp_path / "dim.xlsx", [Piece(body.encode())], dimension="A1:XFD1048576")
    assert read_sheet(path).rows == (SheetRow(2, ("Ali",)),)


def test_empty_cell_far_away_is_not_a_value(tmp_path: Path) -> None:
    # A formatted but empty cell (as Excel writes a whole row's format) holds nothing.
    body = _row(inline_cell("name", "A1"), number=1) + _row(
        '<c r="XFD1048576" s="0"/>', number=1048576
    )
    path = xlsx_file(tmp_path / "styled.xlsx", [Piece(body.encode())])
    assert read_sheet(path).headers == ("name",)


def test_shared_strings_are_read(tmp_path: Path) -> None:
    body = _row('<c r="A1" t="s"><v>0</v></c>', number=1) + _row(
        '<c r="A2" t="s"><v>1</v></c>', number=2
    )
    strings = [Piece("<si><t>نام</t></si><si><t>علی</t></si>".encode())]
    path = xlsx_file(tmp_path / "shared.xlsx", [Piece(body.encode())], shared_strings=strings)
    data = read_sheet(path)
    assert (data.headers, data.rows) == (("نام",), (SheetRow(2, ("علی",)),))


# ------------------------------------------------------------------------- .ods


def _ods_text(value: str, attributes: str = "") -> str:
    return (
        f'<table:table-cell office:value-type="string"{attributes}>'
        f"<text:p>{value}</text:p></table:table-cell>"
    )


def _ods_header() -> Piece:
    return Piece(
        f"<table:table-row>{_ods_text('name')}{_ods_text('phone')}</table:table-row>".encode()
    )


def test_ods_repeated_rows_of_data_are_counted(tmp_path: Path) -> None:
    row = (
        '<table:table-row table:number-rows-repeated="1000000">'
        f"{_ods_text('Ali')}{_ods_text('0912')}</table:table-row>"
    )
    path = ods_file(tmp_path / "rows.ods", [_ods_header(), Piece(row.encode())])
    _refused(path, "200,000 rows")


def test_ods_repeated_columns_of_data_are_counted(tmp_path: Path) -> None:
    cell = _ods_text("x", ' table:number-columns-repeated="16384"')
    row = f"<table:table-row>{cell}</table:table-row>"
    path = ods_file(tmp_path / "columns.ods", [_ods_header(), Piece(row.encode())])
    _refused(path, "200 columns")


def test_ods_trailing_empty_rows_and_columns_cost_nothing(tmp_path: Path) -> None:
    # LibreOffice writes the rest of the sheet as one repeated empty row.
    row = f"<table:table-row>{_ods_text('Ali')}{_ods_text('0912')}</table:table-row>"
    empty = (
        '<table:table-row table:number-rows-repeated="1048574">'
        '<table:table-cell table:number-columns-repeated="16384"/></table:table-row>'
    )
    path = ods_file(
        tmp_path / "tail.ods", [_ods_header(), Piece(row.encode()), Piece(empty.encode())]
    )
    assert read_sheet(path).rows == (SheetRow(2, ("Ali", "0912")),)


def test_ods_repeated_spaces_count_as_text(tmp_path: Path) -> None:
    cell = (
        '<table:table-cell office:value-type="string">'
        '<text:p>a<text:s text:c="1000000000"/>b</text:p></table:table-cell>'
    )
    path = ods_file(
        tmp_path / "spaces.ods",
        [_ods_header(), Piece(f"<table:table-row>{cell}</table:table-row>".encode())],
    )
    _refused(path, "cell A2 holds more than 32,767 characters")


def test_ods_repeated_long_text_past_the_size_limit(tmp_path: Path) -> None:
    # 200 columns of 30,000 characters, repeated over 100,000 rows: small on disk, 600 GB
    # once calamine writes each repetition out.
    cell = _ods_text("x" * 30_000, ' table:number-columns-repeated="200"')
    row = f'<table:table-row table:number-rows-repeated="100000">{cell}</table:table-row>'
    path = ods_file(tmp_path / "repeat.ods", [_ods_header(), Piece(row.encode())])
    _refused(path, "500 MB")


def test_ods_empty_rows_before_data_count_as_rows(tmp_path: Path) -> None:
    # 300,000 empty rows (one closed in its own tag, one with an empty cell), then data:
    # the data is in row 300,002, past the limit.
    empty = (
        '<table:table-row table:number-rows-repeated="150000"/>'
        '<table:table-row table:number-rows-repeated="150000">'
        '<table:table-cell table:number-columns-repeated="3"/></table:table-row>'
    )
    data = f"<table:table-row>{_ods_text('Ali')}</table:table-row>"
    path = ods_file(tmp_path / "far.ods", [_ods_header(), Piece((empty + data).encode())])
    _refused(path, "A300002", "200,000 rows")


def test_ods_other_table_over_the_limits_is_refused(tmp_path: Path) -> None:
    # calamine reads every table of an .ods when it opens it, so the big one is refused
    # even when the user picks the small one: the message names it.
    row = f'<table:table-row table:number-rows-repeated="500000">{_ods_text("x")}</table:table-row>'
    other = f'</table:table><table:table table:name="Archive">{row}'
    path = ods_file(tmp_path / "two.ods", [_ods_header(), Piece(other.encode())])
    with pytest.raises(InvalidInput) as info:
        read_sheet(path, sheet="Sheet1")
    assert "sheet 'Archive' reaches cell A500000" in info.value.en


# ------------------------------------------------------------------------- .xls


def test_xls_with_a_stray_value_in_its_last_cell_is_refused_before_reading(
    tmp_path: Path,
) -> None:
    # calamine builds every sheet of an .xls on opening: IV65536 (the last cell an .xls
    # has) took 5 s and 1 GB before it could be refused. The cell records are read first.
    require_soffice()
    far = _row('<c r="IV65536"><v>1</v></c>', number=65536)
    source = xlsx_file(tmp_path / "far.xlsx", [_header(), Piece(far.encode())])
    path = convert(source, "xls:MS Excel 97", tmp_path / "xls")
    result = _refused(path, "IV65536")
    assert result["grew"] < 100 * _MB
    assert result["seconds"] < 5


@pytest.mark.parametrize("name", ["any_sheets.xls", "sst_continue.xls"])
def test_xls_extents_are_the_ones_calamine_reads(name: str) -> None:
    import python_calamine

    path = Path(__file__).resolve().parent / "data" / "xls" / name
    workbook = python_calamine.CalamineWorkbook.from_path(str(path))
    for sheet, rows, columns in xls_extents(path):
        end = workbook.get_sheet_by_name(sheet).end
        assert (rows, columns) == ((end[0] + 1, end[1] + 1) if end else (0, 0)), sheet
