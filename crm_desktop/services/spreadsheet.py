"""Read one sheet of a spreadsheet file into plain rows (the first step of an import).

Excel (.xlsx, .xlsm, .xls), OpenDocument (.ods) and CSV files are read into a
``SheetData``: the header row (found below title and blank rows), its headers, and
the non-blank rows below it, each with the sheet's own 1-based row number so that an
error can name the row the user sees in Excel.

Workbooks are read with python-calamine, which gives each cell as what it is (text,
number, date, boolean; formulas as their cached values). CSV cells are always text.
Nothing here interprets a value: a mobile number stored as a number arrives as ``int``
without its leading zero, and the importer decides what it means.

No Qt and no database: the wizard, the command line and the tests all use this.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import math
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias

from crm_desktop.errors import InvalidInput
from crm_desktop.locale import normalize_text

if TYPE_CHECKING:
    from python_calamine import CalamineWorkbook

__all__ = [
    "CSV_EXTENSIONS",
    "WORKBOOK_EXTENSIONS",
    "CellValue",
    "SheetData",
    "SheetRow",
    "read_sheet",
    "sheet_names",
]

CellValue: TypeAlias = (
    str | int | float | bool | dt.date | dt.datetime | dt.time | dt.timedelta | None
)

WORKBOOK_EXTENSIONS = frozenset({".xlsx", ".xlsm", ".xls", ".ods"})
CSV_EXTENSIONS = frozenset({".csv"})

# The header is looked for in this many rows at the top of the sheet.
HEADER_SEARCH_ROWS = 20
# How many non-blank rows below a header candidate are compared with it.
_HEADER_LOOKAHEAD = 5
_CSV_DELIMITERS = (",", ";", "\t")
_CSV_SNIFF_LINES = 50

# Characters Excel users never meant to type: zero-width marks, BOM, direction marks.
_INVISIBLE = re.compile("[\u200b\u200d\u200e\u200f\u2060\ufeff\u061c\u202a-\u202e\u2066-\u2069]")
# NBSP and its relatives become plain spaces; runs of spaces and tabs become one.
_SPACES = re.compile("[ \t\u00a0\u2007\u202f]+")
# Leading/trailing ZWNJ means nothing (inside a word it does, so it is kept there).
_EDGE_CHARS = " \t\r\n\u00a0\u2007\u202f\u200c"
_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@dataclass(frozen=True, slots=True)
class SheetRow:
    """One non-blank data row: the sheet's own 1-based row number and its cells."""

    number: int
    values: tuple[CellValue, ...]


@dataclass(frozen=True, slots=True)
class SheetNote:
    """Something reading noticed about one row (its values may be shifted)."""

    row: int
    fa: str
    en: str


@dataclass(frozen=True, slots=True)
class SheetData:
    """One sheet read into a header and data rows.

    ``headers`` and every row's ``values`` have the same length and start at sheet
    column ``first_column`` (1-based; empty columns on the left are dropped). Empty
    header cells are ``""``.
    """

    name: str
    header_row: int
    headers: tuple[str, ...]
    rows: tuple[SheetRow, ...]
    first_column: int = 1
    # False when no header row was found: ``headers`` are all "" and every non-blank
    # row is a data row.
    has_header: bool = True
    notes: tuple[SheetNote, ...] = ()  # rows that do not fit (a CSV row too short)


# ---------------------------------------------------------------------------- API


def sheet_names(path: Path) -> list[str]:
    """The names of the sheets in ``path``, in workbook order (a CSV has one)."""
    path = Path(path)
    kind = _kind(path)
    if kind == "csv":
        _read_csv_text(path)  # fail now, not later, if the file cannot be read
        return [path.stem]
    workbook = _open_workbook(path)
    try:
        return list(workbook.sheet_names)
    finally:
        workbook.close()


def read_sheet(path: Path, *, sheet: str | None = None) -> SheetData:
    """Read ``sheet`` of ``path`` (the first worksheet by default).

    Raises ``InvalidInput`` (Persian and English, naming the file) when the file cannot
    be read, the sheet does not exist, or the sheet has no data.
    """
    path = Path(path)
    if _kind(path) == "csv":
        if sheet is not None and sheet != path.stem:
            raise _unknown_sheet(path, sheet, [path.stem])
        grid: list[list[CellValue]] = [
            [_clean_text(cell) for cell in row] for row in _read_csv_rows(path)
        ]
        return _build(path, path.stem, grid, merged=())
    name, raw, merged = _read_workbook_sheet(path, sheet)
    # Each raw row is dropped once cleaned, so a big sheet is never held twice.
    rows = list(raw)
    del raw
    rows.reverse()
    cells: list[list[CellValue]] = []
    while rows:
        cells.append([_clean(cell) for cell in rows.pop()])
    return _build(path, name, cells, merged)


# ------------------------------------------------------------------------ errors


def _unreadable(path: Path, fa_reason: str, en_reason: str) -> InvalidInput:
    return InvalidInput(
        f"فایل «{path.name}» خوانده نشد: {fa_reason}",
        f"Cannot read '{path.name}': {en_reason}",
    )


def _unknown_sheet(path: Path, sheet: str, names: Sequence[str]) -> InvalidInput:
    fa_names = "، ".join(f"«{n}»" for n in names)
    en_names = ", ".join(f"'{n}'" for n in names)
    return InvalidInput(
        f"فایل «{path.name}» برگه‌ای به نام «{sheet}» ندارد (برگه‌ها: {fa_names}).",
        f"'{path.name}' has no sheet named '{sheet}' (sheets: {en_names}).",
    )


def _kind(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in CSV_EXTENSIONS:
        return "csv"
    if suffix in WORKBOOK_EXTENSIONS:
        return "workbook"
    raise _unreadable(
        path,
        "این نوع فایل پشتیبانی نمی‌شود (xlsx، xlsm، xls، ods یا csv).",
        "this kind of file is not supported (use .xlsx, .xlsm, .xls, .ods or .csv).",
    )


def _read_bytes_head(path: Path, size: int) -> bytes:
    try:
        with path.open("rb") as f:
            return f.read(size)
    except FileNotFoundError:
        raise _unreadable(path, "فایل پیدا نشد.", "the file does not exist.") from None
    except IsADirectoryError:
        raise _unreadable(path, "این یک پوشه است.", "it is a folder.") from None
    except OSError as exc:
        raise _unreadable(
            path, f"خطای دسترسی به فایل ({exc.strerror}).", f"{exc.strerror or exc}."
        ) from None


def _empty_file(path: Path) -> InvalidInput:
    return _unreadable(path, "فایل خالی است.", "the file is empty.")


# ---------------------------------------------------------------------- workbooks


def _open_workbook(path: Path) -> CalamineWorkbook:
    import python_calamine  # lazy: only an import needs it

    head = _read_bytes_head(path, 8)
    if not head:
        raise _empty_file(path)
    try:
        return python_calamine.CalamineWorkbook.from_path(str(path))
    except python_calamine.PasswordError:
        raise _password_protected(path) from None
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException:  # calamine errors, and pyo3 panics (which are BaseException)
        # An encrypted .xlsx is an OLE container, not a zip: say so instead of "damaged".
        if head == _OLE_SIGNATURE and path.suffix.lower() in {".xlsx", ".xlsm"}:
            raise _password_protected(path) from None
        raise _damaged(path) from None


def _password_protected(path: Path) -> InvalidInput:
    return _unreadable(
        path,
        "فایل رمز دارد؛ آن را در Excel بدون رمز ذخیره کنید.",
        "the file is password-protected; save it without a password in Excel.",
    )


def _damaged(path: Path) -> InvalidInput:
    return _unreadable(
        path,
        "فایل خراب است یا فایل صفحه‌گسترده نیست.",
        "the file is damaged or is not a spreadsheet.",
    )


def _read_workbook_sheet(
    path: Path, sheet: str | None
) -> tuple[str, Sequence[Sequence[object]], Sequence[tuple[tuple[int, int], tuple[int, int]]]]:
    workbook = _open_workbook(path)
    try:
        names = list(workbook.sheet_names)
        if sheet is None:
            name = _default_sheet(workbook, names)
            if name is None:
                raise _unreadable(path, "فایل هیچ برگه‌ای ندارد.", "the file has no sheets.")
        elif sheet in names:
            name = sheet
        else:
            raise _unknown_sheet(path, sheet, names)
        try:
            data = workbook.get_sheet_by_name(name)
            # skip_empty_area=False keeps the rows above the data, so that list index
            # + 1 is the sheet's own row number (and column index + 1 its column).
            raw = data.to_python(skip_empty_area=False)
            # Older python-calamine versions do not report merged cells, and none
            # reports them for .ods files: those are read from the file itself.
            merged = getattr(data, "merged_cell_ranges", None) or ()
            if not merged and path.suffix.lower() == ".ods":
                merged = _ods_merged_cells(path, name)
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException:
            raise _damaged(path) from None
        return name, raw, merged
    finally:
        workbook.close()


_ODS_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_ODS_CELLS = frozenset({f"{_ODS_TABLE}table-cell", f"{_ODS_TABLE}covered-table-cell"})
# A cell merged over more than one row (horizontal merges say number-rows-spanned="1").
_ODS_ROW_SPAN = re.compile(rb'number-rows-spanned="(?!1")')
_ODS_CHUNK = 1 << 20


def _ods_merged_cells(path: Path, sheet: str) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """The cells of ``sheet`` merged over several rows in an .ods file, as calamine
    reports them for .xlsx: ``((top, left), (bottom, right))``, 0-based.

    The file's XML is parsed only when it has such a merge at all. Any problem here
    means "no merges": the cells themselves have been read already.
    """
    import zipfile
    from xml.etree import ElementTree

    try:
        with zipfile.ZipFile(path) as archive:
            with archive.open("content.xml") as content:
                tail = b""
                while chunk := content.read(_ODS_CHUNK):
                    if _ODS_ROW_SPAN.search(tail + chunk):
                        break
                    tail = chunk[-64:]
                else:
                    return []
            with archive.open("content.xml") as content:
                return _ods_row_spans(
                    ElementTree.iterparse(content, events=("start", "end")), sheet
                )
    except (KeyboardInterrupt, SystemExit):
        raise
    except Exception:
        return []


def _ods_row_spans(
    events: Iterator[tuple[str, Any]], sheet: str
) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    merged: list[tuple[tuple[int, int], tuple[int, int]]] = []
    depth = row = column = 0  # depth: tables open inside the wanted one, itself 1
    for event, element in events:
        tag = element.tag
        if event == "start":
            if tag == f"{_ODS_TABLE}table":
                if depth or element.get(f"{_ODS_TABLE}name") == sheet:
                    depth += 1
            elif depth == 1 and tag == f"{_ODS_TABLE}table-row":
                column = 0
            elif depth == 1 and tag in _ODS_CELLS:
                rows = int(element.get(f"{_ODS_TABLE}number-rows-spanned", "1"))
                if rows > 1:
                    columns = int(element.get(f"{_ODS_TABLE}number-columns-spanned", "1"))
                    merged.append(((row, column), (row + rows - 1, column + columns - 1)))
                column += int(element.get(f"{_ODS_TABLE}number-columns-repeated", "1"))
        elif tag == f"{_ODS_TABLE}table-row":
            if depth == 1:
                row += int(element.get(f"{_ODS_TABLE}number-rows-repeated", "1"))
            element.clear()  # keep memory flat on big sheets
        elif tag == f"{_ODS_TABLE}table" and depth:
            depth -= 1
            if not depth:
                break
    return merged


def _default_sheet(workbook: CalamineWorkbook, names: list[str]) -> str | None:
    """The first visible worksheet (not a chart sheet), else the first sheet."""
    import python_calamine

    try:
        metadata = list(workbook.sheets_metadata)
    except Exception:
        metadata = []
    for meta in metadata:
        if (
            meta.typ == python_calamine.SheetTypeEnum.WorkSheet
            and meta.visible == python_calamine.SheetVisibleEnum.Visible
        ):
            return str(meta.name)
    return names[0] if names else None


def _clean(value: object) -> CellValue:
    """A calamine cell as the value it is, with text tidied and whole floats as int."""
    if type(value) is str:  # the common case first: a 50,000-row sheet has 600,000 cells
        return _clean_text(value) if value else None
    if isinstance(value, str):
        return _clean_text(value)
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return int(value)
    if isinstance(value, dt.datetime) and value.time() == dt.time(0, 0):
        return value.date()  # an Excel date cell; Excel has no date-only type
    if value is None or isinstance(value, bool | int | float | dt.date | dt.time | dt.timedelta):
        return value
    return _clean_text(str(value))


@functools.lru_cache(maxsize=16384)  # cities, titles, tags repeat down a column
def _clean_text(value: str) -> str | None:
    if value.isascii() and "  " not in value and "\t" not in value:
        return value.strip(_EDGE_CHARS) or None  # nothing invisible, no runs of spaces
    text = _INVISIBLE.sub("", value)
    text = _SPACES.sub(" ", text).strip(_EDGE_CHARS)
    return text or None


# ---------------------------------------------------------------------------- CSV


def _read_csv_text(path: Path) -> str:
    head = _read_bytes_head(path, 1)
    if not head:
        raise _empty_file(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise _unreadable(
            path, f"خطای دسترسی به فایل ({exc.strerror}).", f"{exc.strerror or exc}."
        ) from None
    if b"\x00" in data:
        # UTF-16 or a binary file named .csv: not something Excel writes as "CSV".
        raise _unreadable(
            path,
            "فایل متنی CSV نیست (یا با رمزگذاری UTF-16 ذخیره شده است).",
            "it is not a CSV text file (or it is saved as UTF-16).",
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1256")
        except UnicodeDecodeError:
            raise _unreadable(
                path,
                "رمزگذاری فایل شناخته نشد (UTF-8 یا Windows-1256).",
                "its encoding is neither UTF-8 nor Windows-1256.",
            ) from None
    if not text.strip():
        raise _empty_file(path)
    return text


def _read_csv_rows(path: Path) -> list[list[str]]:
    text = _read_csv_text(path)
    delimiter = _sniff_delimiter(text)
    try:
        return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error:
        raise _damaged(path) from None


def _sniff_delimiter(text: str) -> str:
    """The delimiter that splits the first lines into the most consistent columns."""
    lines = [line for line in text.splitlines()[:_CSV_SNIFF_LINES] if line.strip()]
    best, best_score = ",", (0, 0)
    for delimiter in _CSV_DELIMITERS:
        try:
            widths = [len(row) for row in csv.reader(lines, delimiter=delimiter)]
        except csv.Error:
            continue
        widths = [w for w in widths if w > 1]
        if not widths:
            continue
        width, count = Counter(widths).most_common(1)[0]
        score = (count, width)
        if score > best_score:
            best, best_score = delimiter, score
    return best


# ------------------------------------------------------------------ header, rows


def _is_blank(row: Sequence[CellValue]) -> bool:
    return all(value is None for value in row)


def _text_count(row: Sequence[CellValue]) -> int:
    return sum(1 for value in row if isinstance(value, str))


def _filled_count(row: Sequence[CellValue]) -> int:
    return sum(1 for value in row if value is not None)


def _find_header(grid: Sequence[Sequence[CellValue]]) -> int:
    """The index of the header row in ``grid``.

    The first row within the first ``HEADER_SEARCH_ROWS`` that has at least two text
    cells, is followed by data, and is about as wide as the rows below it (so that a
    two-cell title such as "list of customers | autumn" is not taken for a header).
    Falling back: the first such row ignoring width, then the first non-blank row.
    """
    candidates: list[int] = []
    for index in range(min(HEADER_SEARCH_ROWS, len(grid))):
        row = grid[index]
        if _text_count(row) < 2:
            continue
        below = [r for r in grid[index + 1 :] if not _is_blank(r)][:_HEADER_LOOKAHEAD]
        if not below:
            continue
        candidates.append(index)
        widest = max(_filled_count(r) for r in below)
        if 2 * _filled_count(row) >= widest:
            return index
    if candidates:
        return candidates[0]
    for index, row in enumerate(grid):
        if not _is_blank(row):
            return index
    return -1


def _fill_merged_down(
    grid: list[list[CellValue]],
    merged: Sequence[tuple[tuple[int, int], tuple[int, int]]],
    first_data_row: int,
) -> None:
    """Copy a vertically merged cell's value into the rows below it (data rows only).

    A company cell merged over three contacts' rows belongs to each of them. Horizontal
    merges are left alone: copying a value sideways would put it in the wrong column.
    """
    for (top, left), (bottom, _right) in merged:
        if bottom <= top or top < first_data_row or top >= len(grid):
            continue
        if left >= len(grid[top]):
            continue
        value = grid[top][left]
        for index in range(top + 1, min(bottom, len(grid) - 1) + 1):
            if left < len(grid[index]) and grid[index][left] is None:
                grid[index][left] = value


def _header_text(value: CellValue) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return normalize_text(value)
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return normalize_text(str(value))


def _build(
    path: Path,
    name: str,
    grid: list[list[CellValue]],
    merged: Sequence[tuple[tuple[int, int], tuple[int, int]]],
) -> SheetData:
    header_index = _find_header(grid)
    if header_index < 0:
        raise InvalidInput(
            f"برگهٔ «{name}» در فایل «{path.name}» خالی است.",
            f"Sheet '{name}' of '{path.name}' is empty.",
        )
    _fill_merged_down(grid, merged, header_index + 1)
    header = grid[header_index]
    data = [(index + 1, row) for index, row in enumerate(grid) if index > header_index]
    data = [(number, row) for number, row in data if not _is_blank(row)]

    # Keep the columns from the first to the last one that has anything in it.
    width = max([len(header), *(len(row) for _, row in data)])
    used = [
        column
        for column in range(width)
        if _at(header, column) is not None or any(_at(row, column) is not None for _, row in data)
    ]
    first, last = (used[0], used[-1] + 1) if used else (0, 0)
    headers = tuple(_header_text(_at(header, column)) for column in range(first, last))
    rows = tuple(SheetRow(number, _cut(row, first, last)) for number, row in data)
    return SheetData(
        name=name,
        header_row=header_index + 1,
        headers=headers,
        rows=rows,
        first_column=first + 1,
    )


def _cut(row: Sequence[CellValue], first: int, last: int) -> tuple[CellValue, ...]:
    """Cells ``first`` to ``last`` (exclusive) of a row, padded with None."""
    cells = tuple(row[first:last])
    if len(cells) < last - first:
        cells += (None,) * (last - first - len(cells))
    return cells


def _at(row: Sequence[CellValue], column: int) -> CellValue:
    return row[column] if column < len(row) else None
