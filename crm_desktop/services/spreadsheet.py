"""Read one sheet of a spreadsheet file into plain rows (the first step of an import).

Excel (.xlsx, .xlsm, .xls), OpenDocument (.ods) and CSV files are read into a
``SheetData``: the header row (found below title and blank rows), its headers, and
the non-blank rows below it, each with the sheet's own 1-based row number so that an
error can name the row the user sees in Excel.

Workbooks are read with python-calamine, which gives each cell as what it is (text,
number, date, boolean; formulas as their cached values). CSV cells are always text.
Nothing here interprets a value: a mobile number stored as a number arrives as ``int``
without its leading zero, and the importer decides what it means.

What no office sheet is (a zip expanding to gigabytes, a value in XFD1048576, a cell
of a gigabyte, a link to /dev/zero) is refused before it is read: ``sheet_guard``
holds the limits. A CSV row with more or fewer values than the header is read but
noted (``SheetData.notes``), and a sheet whose first row is already data is read
without a header (``SheetData.has_header``; ``sheet_header`` decides).

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
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias

from crm_desktop.errors import InvalidInput
from crm_desktop.locale import normalize_text
from crm_desktop.services import sheet_guard
from crm_desktop.services.sheet_formats import (
    damaged,
    ods_merged_cells,
    ods_with_mimetype,
    workbook_kind,
)
from crm_desktop.services.sheet_guard import MAX_CELL_CHARS, unreadable
from crm_desktop.services.sheet_header import looks_like_data

if TYPE_CHECKING:
    from python_calamine import CalamineSheet, CalamineWorkbook

__all__ = [
    "CSV_EXTENSIONS",
    "WORKBOOK_EXTENSIONS",
    "CellValue",
    "SheetData",
    "SheetNote",
    "SheetRow",
    "read_sheet",
    "sheet_names",
]

CellValue: TypeAlias = (
    str | int | float | bool | dt.date | dt.datetime | dt.time | dt.timedelta | None
)

WORKBOOK_EXTENSIONS = frozenset({".xlsx", ".xlsm", ".xls", ".ods"})
# Text files: Excel's and Thunderbird's "tab separated (.txt)" exports are CSV too.
CSV_EXTENSIONS = frozenset({".csv", ".txt", ".tsv"})

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


@dataclass(frozen=True, slots=True)
class SheetRow:
    """One non-blank data row: the sheet's own 1-based row number and its cells."""

    number: int
    values: tuple[CellValue, ...]


@dataclass(frozen=True, slots=True)
class SheetNote:
    """Something about one row the user should hear (``row``: the sheet's 1-based row)."""

    row: int
    fa: str
    en: str


@dataclass(frozen=True, slots=True)
class SheetData:
    """One sheet read into a header and data rows.

    ``headers`` and every row's ``values`` have the same length and start at sheet
    column ``first_column`` (1-based; empty columns on the left are dropped). Empty
    header cells are ``""``. Without a header row (``has_header`` False) every header
    is ``""``, ``header_row`` is 0 and the first non-blank row is the first data row.
    ``notes``: rows read with a doubt (a CSV row as long as the header it is not).
    """

    name: str
    header_row: int
    headers: tuple[str, ...]
    rows: tuple[SheetRow, ...]
    first_column: int = 1
    has_header: bool = True
    notes: tuple[SheetNote, ...] = ()


# ---------------------------------------------------------------------------- API


def sheet_names(path: Path) -> list[str]:
    """The names of the sheets in ``path``, in workbook order (a CSV has one)."""
    path = Path(path)
    kind = _kind(path)
    if kind == "csv":
        _read_csv_text(path)  # fail now, not later, if the file cannot be read
        return [path.stem]
    workbook, _book = _open_workbook(path)
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
        return _build(path, path.stem, _read_csv_grid(path), merged=(), ragged=True)
    name, cells, merged = _read_workbook_sheet(path, sheet)
    return _build(path, name, cells, merged)


# ------------------------------------------------------------------------ errors


_unreadable = unreadable


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
        "این نوع فایل پشتیبانی نمی‌شود (xlsx، xlsm، xls، ods، csv یا txt).",
        "this kind of file is not supported (use .xlsx, .xlsm, .xls, .ods, .csv or .txt).",
    )


def _read_bytes_head(path: Path, size: int) -> bytes:
    try:
        with path.open("rb") as f:
            return f.read(size)
    except OSError as exc:
        raise sheet_guard.file_error(path, exc) from None


def _empty_file(path: Path) -> InvalidInput:
    return _unreadable(path, "فایل خالی است.", "the file is empty.")


# ---------------------------------------------------------------------- workbooks


@dataclass(frozen=True, slots=True)
class _Book:
    """What was learnt while opening a workbook: its real kind and, for an .xlsx, what
    its sheet may still use (``sheet_guard.check_xlsx_parts``)."""

    kind: str
    xlsx: sheet_guard.XlsxParts | None = None


def _open_workbook(path: Path) -> tuple[CalamineWorkbook, _Book]:
    """The workbook, opened by what it is (not by its name) once ``sheet_guard`` has
    checked what calamine reads on opening it."""
    import python_calamine  # lazy: only an import needs it

    sheet_guard.check_file(path)
    head = _read_bytes_head(path, 4096)
    if not head:
        raise _empty_file(path)
    suffix = path.suffix.lower()
    kind = workbook_kind(path, head)
    book = _Book(kind)
    source: io.BytesIO | None = None
    if kind == "xlsx":
        book = _Book(kind, sheet_guard.check_xlsx_parts(path))
        if suffix not in {".xlsx", ".xlsm"}:
            source = io.BytesIO(path.read_bytes())  # bounded: MAX_FILE_BYTES
    elif kind == "ods" and (sheet_guard.check_ods(path) or suffix != ".ods"):
        source = ods_with_mimetype(path)
    elif kind == "xls":
        sheet_guard.check_xls(path)
    try:
        if source is not None:
            return python_calamine.CalamineWorkbook.from_filelike(source), book
        if kind == "xls" and suffix != ".xls":
            with path.open("rb") as f:
                return python_calamine.CalamineWorkbook.from_filelike(f), book
        return python_calamine.CalamineWorkbook.from_path(str(path)), book
    except python_calamine.PasswordError:
        raise _password_protected(path) from None
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException:  # calamine errors, and pyo3 panics (which are BaseException)
        # An encrypted .xlsx is an OLE container, not a zip: say so instead of "damaged".
        if kind == "xls" and suffix in {".xlsx", ".xlsm"}:
            raise _password_protected(path) from None
        raise _damaged(path) from None


def _password_protected(path: Path) -> InvalidInput:
    return _unreadable(
        path,
        "فایل رمز دارد؛ آن را در Excel بدون رمز ذخیره کنید.",
        "the file is password-protected; save it without a password in Excel.",
    )


_damaged = damaged


def _read_workbook_sheet(
    path: Path, sheet: str | None
) -> tuple[str, list[list[CellValue]], Sequence[tuple[tuple[int, int], tuple[int, int]]]]:
    workbook, book = _open_workbook(path)
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
        if book.xlsx is not None:
            sheet_guard.check_xlsx_sheet(path, name, book.xlsx)
        try:
            data = workbook.get_sheet_by_name(name)
            end = data.end
            if end is not None:
                sheet_guard.check_extent(path, name, end[0] + 1, end[1] + 1)
            cells = _cells(path, data)
            # Older python-calamine versions do not report merged cells, and none
            # reports them for .ods files: those are read from the file itself.
            merged = getattr(data, "merged_cell_ranges", None) or ()
            if not merged and book.kind == "ods":
                merged = ods_merged_cells(path, name)
        except (KeyboardInterrupt, SystemExit, InvalidInput):
            raise
        except BaseException:
            raise _damaged(path) from None
        return name, cells, merged
    finally:
        workbook.close()


def _cells(path: Path, data: CalamineSheet) -> list[list[CellValue]]:
    """The sheet's cells from A1, row by row, each row cleaned as it comes (calamine's
    whole list is never held beside ours): list index + 1 is the sheet's own row
    number, and column index + 1 its column."""
    start = data.start
    left: list[CellValue] = [None] * (start[1] if start else 0)
    cells: list[list[CellValue]] = []
    for number, row in enumerate(data.iter_rows(), start=1):
        try:
            cells.append([*left, *map(_clean, row)])
        except _TooLong as exc:
            raise sheet_guard.too_long_cell(path, number, len(left) + exc.index(row) + 1) from None
    return cells


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


class _TooLong(Exception):
    """A cell over ``MAX_CELL_CHARS`` (the caller names it)."""

    @staticmethod
    def index(row: Sequence[object]) -> int:
        return next(i for i, v in enumerate(row) if isinstance(v, str) and len(v) > MAX_CELL_CHARS)


def _clean(value: object) -> CellValue:
    """A calamine cell as the value it is, with text tidied and whole floats as int."""
    if type(value) is str:  # the common case first: a 50,000-row sheet has 600,000 cells
        if len(value) > MAX_CELL_CHARS:
            raise _TooLong
        return _clean_text(value) if value else None
    if isinstance(value, str):
        if len(value) > MAX_CELL_CHARS:
            raise _TooLong
        return _clean_text(value)
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return int(value)
    if isinstance(value, dt.datetime) and value.time() == dt.time(0, 0):
        return value.date()  # an Excel date cell; Excel has no date-only type
    if value is None or isinstance(value, bool | int | float | dt.date | dt.time | dt.timedelta):
        return value
    return _clean_text(str(value))


# Longer texts (notes, addresses) rarely repeat, and 16,384 cached notes of 32,767
# characters would hold a gigabyte: they are cleaned each time.
_CACHED_TEXT = 200


def _clean_text(value: str) -> str | None:
    if len(value) <= _CACHED_TEXT:
        return _clean_short_text(value)
    return _tidy_text(value)


@functools.lru_cache(maxsize=16384)  # cities, titles, tags repeat down a column
def _clean_short_text(value: str) -> str | None:
    return _tidy_text(value)


def _tidy_text(value: str) -> str | None:
    if value.isascii() and "  " not in value and "\t" not in value:
        return value.strip(_EDGE_CHARS) or None  # nothing invisible, no runs of spaces
    text = _INVISIBLE.sub("", value)
    text = _SPACES.sub(" ", text).strip(_EDGE_CHARS)
    return text or None


# ---------------------------------------------------------------------------- CSV


# Byte order marks, and the text they announce. Excel's "Unicode text" is UTF-16 LE.
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def _read_csv_text(path: Path) -> str:
    sheet_guard.check_file(path)  # a regular file of bounded size, before reading it
    try:
        with path.open("rb") as f:
            data = f.read(sheet_guard.MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise sheet_guard.file_error(path, exc) from None
    if not data:
        raise _empty_file(path)
    if len(data) > sheet_guard.MAX_FILE_BYTES:  # it grew while being read
        sheet_guard.check_file(path)
    text = _decode(path, data)
    if not text.strip():
        raise _empty_file(path)
    return text


def _decode(path: Path, data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 (with its BOM, or given away by its NULs),
    else Windows-1256 or Windows-1252."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                raise _unreadable(
                    path,
                    f"فایل با نشانهٔ {encoding.upper()} آغاز می‌شود ولی متن آن چنین نیست.",
                    f"it starts with a {encoding.upper()} byte order mark but its text is not.",
                ) from None
    if b"\x00" in data:
        text = _utf16_without_bom(data)
        if text is not None:
            return text
        # A binary file named .csv (or UTF-16 that its NULs do not give away).
        raise _unreadable(
            path,
            "فایل متنی CSV نیست (یا UTF-16 بدون نشانهٔ BOM است؛ آن را UTF-8 ذخیره کنید).",
            "it is not a CSV text file (or UTF-16 without a byte order mark; save it as UTF-8).",
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    for encoding in _legacy_encodings(data):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise _unreadable(
        path,
        "رمزگذاری فایل شناخته نشد (UTF-8، UTF-16، Windows-1256 یا Windows-1252).",
        "its encoding is neither UTF-8, UTF-16, Windows-1256 nor Windows-1252.",
    )


# How much of a file tells UTF-16 without a byte order mark from anything else.
_UTF16_SAMPLE = 4096
# Of the bytes on one side of each pair at least: separators and line ends (a Persian
# line of 40 characters has three or four).
_UTF16_NULS = 0.05
_UTF16_STRAY = 0.02  # and at most this on the other (U+10400 is D801 DC00, one NUL)


def _utf16_without_bom(data: bytes) -> str | None:
    """The text of UTF-16 written without its byte order mark, else None.

    A CSV always holds ASCII characters (separators, line ends, digits), whose other
    byte in UTF-16 is NUL: NULs on one side of the byte pairs, next to none on the
    other, say the byte order (Persian letters, U+06xx, have 06 there instead). A
    binary file has NULs on both sides.
    """
    if not data or len(data) % 2:
        return None
    sample = data[:_UTF16_SAMPLE]  # an even length: whole pairs
    pairs = len(sample) // 2
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd >= _UTF16_NULS * pairs and even <= _UTF16_STRAY * pairs:
        encoding = "utf-16-le"
    elif even >= _UTF16_NULS * pairs and odd <= _UTF16_STRAY * pairs:
        encoding = "utf-16-be"
    else:
        return None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    return None if "\x00" in text else text


# A byte of a legacy code page's upper half next to a Latin letter: "Özdemir".
_LATIN_NEIGHBOUR = re.compile(rb"[A-Za-z][\x80-\xff]|[\x80-\xff][A-Za-z]")
_HIGH_RUN = re.compile(rb"[\x80-\xff]+")


def _legacy_encodings(data: bytes) -> tuple[str, str]:
    """Windows-1256 (Persian Windows) or Windows-1252 (Western Europe), likelier first.

    Both give every byte a letter, so the text decides: in Persian the upper-half
    bytes make whole words between spaces and punctuation, in German or French they
    are single letters inside Latin words. Read wrongly, "Özdemir" would be "ضzdemir".
    """
    runs = len(_HIGH_RUN.findall(data))
    if runs and 2 * len(_LATIN_NEIGHBOUR.findall(data)) >= runs:
        return "cp1252", "cp1256"
    return "cp1256", "cp1252"


def _read_csv_grid(path: Path) -> list[list[CellValue]]:
    """The CSV's rows as cleaned cells, refused past the row, column or cell limits."""
    text = _read_csv_text(path)
    delimiter = _sniff_delimiter(text)
    grid: list[list[CellValue]] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    del text
    try:
        for fields in reader:
            # Rows are counted as the sheet's own (a quoted newline makes a line more).
            sheet_guard.check_csv_row(path, len(grid) + 1, len(fields))
            for index, field in enumerate(fields):
                if len(field) > MAX_CELL_CHARS:
                    raise sheet_guard.too_long_cell(path, len(grid) + 1, index + 1)
            grid.append([_clean_text(field) for field in fields])
    except csv.Error as exc:
        if "field larger than field limit" in str(exc):
            raise sheet_guard.too_long_cell(path, len(grid) + 1) from None
        raise _damaged(path) from None
    return grid


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
    *,
    ragged: bool = False,
) -> SheetData:
    """The sheet from its grid; ``ragged``: a CSV, whose rows may not fit the header."""
    header_index = _find_header(grid)
    if header_index < 0:
        raise InvalidInput(
            f"برگهٔ «{name}» در فایل «{path.name}» خالی است.",
            f"Sheet '{name}' of '{path.name}' is empty.",
        )
    has_header = not looks_like_data(grid[header_index])
    first_data = header_index + 1 if has_header else header_index
    _fill_merged_down(grid, merged, first_data)
    header = grid[header_index] if has_header else []
    data = [(index + 1, row) for index, row in enumerate(grid) if index >= first_data]
    data = [(number, row) for number, row in data if not _is_blank(row)]
    notes = _ragged_notes(grid[header_index], data, has_header) if ragged else ()

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
        header_row=header_index + 1 if has_header else 0,
        headers=headers,
        rows=rows,
        first_column=first + 1,
        has_header=has_header,
        notes=notes,
    )


def _ragged_notes(
    first: Sequence[CellValue], data: Sequence[tuple[int, Sequence[CellValue]]], has_header: bool
) -> tuple[SheetNote, ...]:
    """A note for each CSV row shorter than the header row (``first``), or longer with
    values in the extra fields. Empty fields at the end shift nothing: a row may stop
    before the header's empty last columns, or end with a separator."""
    width = len(first)
    named = max((i + 1 for i, value in enumerate(first) if value is not None), default=0)
    notes = []
    for number, row in data:
        if named <= len(row) <= width or (len(row) > width and _is_blank(row[width:])):
            continue
        if has_header:
            fa_than, en_than = f"سرستون‌ها {width} ستون‌اند", f"the header has {width} columns"
        else:
            fa_than, en_than = f"سطر اول {width} مقدار دارد", f"the first row has {width} values"
        notes.append(
            SheetNote(
                number,
                f"این سطر {len(row)} مقدار دارد ولی {fa_than}؛ شاید مقدارها جابه‌جا شده باشند.",
                f"this row has {len(row)} values but {en_than}; values may be shifted.",
            )
        )
    return tuple(notes)


def _cut(row: Sequence[CellValue], first: int, last: int) -> tuple[CellValue, ...]:
    """Cells ``first`` to ``last`` (exclusive) of a row, padded with None."""
    cells = tuple(row[first:last])
    if len(cells) < last - first:
        cells += (None,) * (last - first - len(cells))
    return cells


def _at(row: Sequence[CellValue], column: int) -> CellValue:
    return row[column] if column < len(row) else None
