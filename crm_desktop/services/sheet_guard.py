"""Limits on what a file to import may hold, checked before anything big is built.

An .xlsx or .ods is a zip of XML: a few megabytes on disk can expand to gigabytes, and
python-calamine builds a whole sheet at once, as a grid from its first to its last
used cell. One stray value in XFD1048576 makes that grid 17 billion cells (the process
aborts); a million rows of long names, one cell of a gigabyte or ten million tiny
rows take many gigabytes. No office sheet of contacts looks like that, so such a file
is refused, early and with a message that says why, before calamine sees it:

- the file: a regular file (not a device, a pipe or a link to one) of at most
  ``MAX_FILE_BYTES``;
- .xlsx/.xlsm: the parts calamine reads (the chosen sheet, shared strings, styles,
  the workbook) are read here as a stream, never held: their expanded size (at most
  ``MAX_XML_BYTES`` together, whatever the zip's header claims), the sheet's real
  extent from its row and cell references (not its ``<dimension>``, which calamine
  does not use either) and the length of every text run;
- .ods: ``content.xml`` the same way, every table of it (calamine reads them all),
  with ``number-rows-repeated`` / ``number-columns-repeated`` counted as the rows and
  cells they stand for;
- .xls (an old binary format, not compressed, whose grid cannot pass 65,536 x 256):
  each sheet's real extent from its cell records (``sheet_xls``), since calamine
  builds every sheet on opening.

The limits are named in the README ("Import limits").
"""

from __future__ import annotations

import os
import re
import stat
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO
from xml.etree import ElementTree

from crm_desktop.errors import InvalidInput
from crm_desktop.services.sheet_xls import xls_extents

__all__ = [
    "MAX_CELLS",
    "MAX_CELL_CHARS",
    "MAX_COLUMNS",
    "MAX_FILE_BYTES",
    "MAX_ROWS",
    "MAX_XML_BYTES",
    "XlsxParts",
    "check_csv_row",
    "check_extent",
    "check_file",
    "check_ods",
    "check_xls",
    "check_xlsx_parts",
    "check_xlsx_sheet",
    "column_name",
    "file_error",
    "too_long_cell",
    "unreadable",
]

# A file to import: at most this many bytes on disk.
MAX_FILE_BYTES = 200 * 1024 * 1024
# A sheet: at most this many rows and columns (counted from A1, as calamine builds it)
# and this many cells in that rectangle.
MAX_ROWS = 200_000
MAX_COLUMNS = 200
MAX_CELLS = 10_000_000
# One cell: Excel's own limit.
MAX_CELL_CHARS = 32_767
# The XML of the parts read together, expanded (repeated .ods rows and cells counted).
MAX_XML_BYTES = 500 * 1024 * 1024

# A character of XML text is at most this many bytes (an entity like "&#x10FFFF;").
_BYTES_PER_CHAR = 10
_LONG_RUN = re.compile(rb">[^<]{%d,}" % (MAX_CELL_CHARS * _BYTES_PER_CHAR))
# A tag longer than this is no spreadsheet's.
_MAX_TAG_BYTES = 1 << 20
_CHUNK = 1 << 20


def unreadable(path: Path, fa_reason: str, en_reason: str) -> InvalidInput:
    """The error for a file that is not read, with the reason (Persian and English)."""
    return InvalidInput(
        f"فایل «{path.name}» خوانده نشد: {fa_reason}",
        f"Cannot read '{path.name}': {en_reason}",
    )


def column_name(column: int) -> str:
    """The letters Excel shows for a 1-based column: 1 is A, 28 is AB."""
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _mb(size: int) -> str:
    return f"{size // (1024 * 1024):,}"


# ------------------------------------------------------------------------ the file


def file_error(path: Path, exc: OSError) -> InvalidInput:
    """What an error opening or reading ``path`` means to the user."""
    if isinstance(exc, FileNotFoundError):
        return unreadable(path, "فایل پیدا نشد.", "the file does not exist.")
    if isinstance(exc, IsADirectoryError):
        return unreadable(path, "این یک پوشه است.", "it is a folder.")
    return unreadable(path, f"خطای دسترسی به فایل ({exc.strerror}).", f"{exc.strerror or exc}.")


def check_file(path: Path) -> os.stat_result:
    """Refuse what is not a regular file, or is bigger than ``MAX_FILE_BYTES``,
    without reading it (a link to /dev/zero would never end)."""
    try:
        info = path.stat()
    except OSError as exc:
        raise file_error(path, exc) from None
    if stat.S_ISDIR(info.st_mode):
        raise unreadable(path, "این یک پوشه است.", "it is a folder.")
    if not stat.S_ISREG(info.st_mode):
        raise unreadable(
            path,
            "فایل معمولی نیست (دستگاه، لوله یا پیوند به یکی از آن‌ها).",
            "it is not a regular file (a device, a pipe, or a link to one).",
        )
    if info.st_size > MAX_FILE_BYTES:
        raise unreadable(
            path,
            f"فایل {_mb(info.st_size)} مگابایت است؛ حداکثر {_mb(MAX_FILE_BYTES)} مگابایت "
            "خوانده می‌شود.",
            f"the file is {_mb(info.st_size)} MB; at most {_mb(MAX_FILE_BYTES)} MB can be read.",
        )
    return info


def too_long_cell(path: Path, row: int, column: int | None = None) -> InvalidInput:
    """A cell over ``MAX_CELL_CHARS`` characters (1-based row, and column when known)."""
    if column is None:
        fa_where, en_where = f"خانه‌ای در سطر {row:,}", f"a cell in row {row:,}"
    else:
        fa_where = en_where = f"{column_name(column)}{row}"
        fa_where, en_where = f"خانهٔ {fa_where}", f"cell {en_where}"
    return unreadable(
        path,
        f"{fa_where} بیش از {MAX_CELL_CHARS:,} نویسه دارد (حد خود Excel).",
        f"{en_where} holds more than {MAX_CELL_CHARS:,} characters (Excel's own limit).",
    )


def check_csv_row(path: Path, row: int, values: int) -> None:
    """Refuse a CSV at its row ``row`` (1-based line) when it passes the row limit, or
    when the row has more than ``MAX_COLUMNS`` values."""
    if row > MAX_ROWS:
        raise unreadable(
            path,
            f"فایل بیش از {MAX_ROWS:,} سطر دارد؛ آن را در چند فایل وارد کنید.",
            f"the file has more than {MAX_ROWS:,} rows; import it in several files.",
        )
    if values > MAX_COLUMNS:
        raise unreadable(
            path,
            f"سطر {row:,} {values:,} مقدار دارد؛ حداکثر {MAX_COLUMNS} ستون خوانده می‌شود.",
            f"row {row:,} has {values:,} values; at most {MAX_COLUMNS} columns can be read.",
        )


def _too_big_xml(path: Path, part: str) -> InvalidInput:
    return unreadable(
        path,
        f"«{part}» باز شده بیش از {_mb(MAX_XML_BYTES)} مگابایت می‌شود؛ هیچ برگهٔ اداری چنین نیست.",
        f"'{part}' expands to more than {_mb(MAX_XML_BYTES)} MB; no office sheet does.",
    )


def _damaged(path: Path) -> InvalidInput:
    return unreadable(
        path,
        "فایل خراب است یا فایل صفحه‌گسترده نیست.",
        "the file is damaged or is not a spreadsheet.",
    )


def _outside(path: Path, sheet: str, row: int, column: int) -> InvalidInput:
    """The sheet reaches (row, column): say which limit it passes."""
    if column > MAX_COLUMNS or row > MAX_ROWS:
        ref = f"{column_name(column)}{row}"
        return unreadable(
            path,
            f"برگهٔ «{sheet}» تا خانهٔ {ref} می‌رسد؛ حداکثر {MAX_ROWS:,} سطر و "
            f"{MAX_COLUMNS} ستون خوانده می‌شود (اگر مقداری دور از بقیه مانده، آن را پاک کنید).",
            f"sheet '{sheet}' reaches cell {ref}; at most {MAX_ROWS:,} rows and "
            f"{MAX_COLUMNS} columns can be read (delete any stray value far from the rest).",
        )
    return unreadable(
        path,
        f"برگهٔ «{sheet}» {row:,} سطر در {column} ستون است؛ حداکثر {MAX_CELLS:,} خانه خوانده می‌شود.",
        f"sheet '{sheet}' is {row:,} rows by {column} columns; at most {MAX_CELLS:,} cells "
        "can be read.",
    )


def check_extent(path: Path, sheet: str, rows: int, columns: int) -> None:
    """Refuse a sheet whose grid (from A1) is ``rows`` x ``columns`` over the limits."""
    if rows > MAX_ROWS or columns > MAX_COLUMNS or rows * columns > MAX_CELLS:
        raise _outside(path, sheet, rows, columns)


def check_xls(path: Path) -> None:
    """Refuse an .xls with a sheet over the limits before calamine builds them all."""
    for sheet, rows, columns in xls_extents(path):
        check_extent(path, sheet, rows, columns)


# ----------------------------------------------------------- streaming XML scanner


class _Scanner:
    """Feeds an XML stream in chunks and hands back complete pieces, never holding more
    than a chunk and one unfinished tag; refuses a text run no cell can be."""

    def __init__(self, path: Path, part: str, budget: list[int]) -> None:
        self.path = path
        self.part = part
        self.budget = budget  # bytes left of MAX_XML_BYTES, shared by the parts read
        self.run = 0  # length of the text run still open at the end of the last piece

    def pieces(self, stream: IO[bytes]) -> Iterator[bytes]:
        carry = b""
        while chunk := stream.read(_CHUNK):
            self.spend(len(chunk))
            data = carry + chunk
            end = data.rfind(b">") + 1
            piece, carry = data[:end], data[end:]
            if piece:
                self._check_runs(piece)
                yield piece
            start = carry.find(b"<")
            if start < 0:  # all text: count it and keep nothing
                self.run += len(carry)
                carry = b""
            elif start:
                self.run += start
                carry = carry[start:]
            self._check_run()
            if len(carry) > _MAX_TAG_BYTES:
                raise _damaged(self.path)
        if carry:
            yield carry

    def spend(self, size: int) -> None:
        self.budget[0] -= size
        if self.budget[0] < 0:
            raise _too_big_xml(self.path, self.part)

    def _check_runs(self, piece: bytes) -> None:
        first = piece.find(b"<")
        self.run += first if first >= 0 else len(piece)
        self._check_run()
        self.run = 0
        if _LONG_RUN.search(piece):
            self.run = MAX_CELL_CHARS * _BYTES_PER_CHAR
            self._check_run()

    def _check_run(self) -> None:
        if self.run >= MAX_CELL_CHARS * _BYTES_PER_CHAR:
            raise unreadable(
                self.path,
                f"خانه‌ای در «{self.part}» بیش از {MAX_CELL_CHARS:,} نویسه دارد (حد خود Excel).",
                f"a cell in '{self.part}' holds more than {MAX_CELL_CHARS:,} characters "
                "(Excel's own limit).",
            )


def _open_member(path: Path, archive: zipfile.ZipFile, name: str, budget: list[int]) -> IO[bytes]:
    """A member to stream, refused at once when its header already says it is too big."""
    info = archive.getinfo(name)
    if info.file_size > budget[0]:
        raise _too_big_xml(path, name)
    return archive.open(info)


def _stream(path: Path, archive: zipfile.ZipFile, name: str, budget: list[int]) -> Iterator[bytes]:
    """A member's XML in pieces of whole tags, counted against ``budget`` and checked
    for text runs no cell can be; a damaged member is a damaged file."""
    scanner = _Scanner(path, name, budget)
    try:
        with _open_member(path, archive, name, budget) as stream:
            yield from scanner.pieces(stream)
    except (zipfile.BadZipFile, EOFError, OSError, zlib.error):
        raise _damaged(path) from None


def _read_through(path: Path, archive: zipfile.ZipFile, name: str, budget: list[int]) -> None:
    for _ in _stream(path, archive, name, budget):
        pass


def _zip(path: Path) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, EOFError):
        raise _damaged(path) from None


# ------------------------------------------------------------------------ .xlsx


_NS_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_NS_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_NS_PKG = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_SMALL_PART = 16 * 1024 * 1024  # workbook.xml and its relationships: a list of sheets
# Parts calamine reads when it opens an .xlsx (and the XML of the sheet, later).
_OPEN_PARTS = ("xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml")
_SHARED = re.compile(rb'Target="([^"]*sharedStrings[^"]*)"')

_ROW = re.compile(rb"<row\b([^>]*)>")
# XML allows either quote and spaces around "="; calamine takes references in either
# case and with leading zeros: so do these.
_ROW_NUMBER = re.compile(rb"""\br\s*=\s*["']0*(\d{1,9})["']""")
# A cell with its reference and a value (``<c r="XFD1048576" s="1"/>``, a formatted
# empty cell, is no value: calamine skips it).
_VALUED_REF = re.compile(rb"""<c\s[^>]*?\br\s*=\s*["']([A-Za-z]{1,4})0*(\d{1,9})["'][^>]*(?<!/)>""")
_ANY_CELL = re.compile(rb"<c[\s>]")
_SHARED_CELL = re.compile(rb"""<c\s[^>]*?\bt\s*=\s*["']s["'][^>]*>\s*<v>\s*0*(\d{1,9})\s*</v>""")
_ANY_REF = re.compile(rb"""<c\s[^>]*?\br\s*=\s*["']""")
# A cell reference past row 99,999 or column CV (100): what the cheap reading of a
# sheet refuses to vouch for (a row's own ``r`` has no letters). Text that looks like
# one only costs the careful reading.
_FAR_REF = re.compile(rb'r="(?:[A-Z]{3}|[D-Z][A-Z]|C[W-Z]|[A-Z]{1,2}\d{6})')
assert MAX_CELLS >= 99_999 * 100
# A cell the quick look cannot read as ``<c r="A1"``: another attribute first, a tab or a
# line break after the name, single quotes, a lower-case reference; or a shared-string
# type written otherwise than ``t="s"``. Any of them sends the sheet to the careful pass.
# Two searches: one pattern of both alternatives has no literal start and is ten times
# slower.
_ODD_CELL = re.compile(rb"""<c(?:[\t\n\r>/]| (?!r="[A-Z]))""")
_ODD_TYPE = re.compile(rb"""t(?:\s+=|=\s|=')""")
_ROW_SPLIT = re.compile(rb"(?=<row\b)")
_SHEET_DATA_END = re.compile(rb"</(?:\w+:)?sheetData>|<(?:\w+:)?sheetData\s*/>")


def _sheet_data_end(piece: bytes) -> int:
    """Where ``</sheetData>`` (or an empty ``<sheetData/>``) starts in ``piece``, or -1;
    found with a plain search first (the regex is slow over megabytes of cells)."""
    start = piece.find(b"sheetData")
    while start >= 0:
        found = _SHEET_DATA_END.search(piece, max(start - 16, 0), start + 32)
        if found:
            return found.start()
        start = piece.find(b"sheetData", start + 9)
    return -1


@dataclass(frozen=True)
class XlsxParts:
    """What ``check_xlsx_parts`` learnt: the expanded-XML budget left for the sheet,
    and the size of each shared string (a cell that uses one is as big as it)."""

    budget: list[int]
    shared: list[int]


def check_xlsx_parts(path: Path) -> XlsxParts:
    """Check the parts calamine reads on opening an .xlsx."""
    budget = [MAX_XML_BYTES]
    shared: list[int] = []
    with _zip(path) as archive:
        names = set(archive.namelist())
        for name in _OPEN_PARTS:
            if name in names:
                _read_through(path, archive, name, budget)
        for name in _shared_strings(path, archive, names):
            shared += _string_sizes(_stream(path, archive, name, budget))
    return XlsxParts(budget, shared)


def _string_sizes(pieces: Iterator[bytes]) -> list[int]:
    """The size in bytes of each ``<si>`` of a shared strings part, markup included."""
    sizes: list[int] = []
    open_size = 0
    for piece in pieces:
        parts = piece.split(b"</si>")
        if len(parts) > 1:
            sizes.append(open_size + len(parts[0]))
            sizes += map(len, parts[1:-1])
            open_size = 0
        open_size += len(parts[-1])
    return sizes


def _shared_strings(path: Path, archive: zipfile.ZipFile, names: set[str]) -> list[str]:
    found = {"xl/sharedStrings.xml"} & names
    if "xl/_rels/workbook.xml.rels" in names:
        rels = _small(path, archive, "xl/_rels/workbook.xml.rels")
        found |= {_part("xl/workbook.xml", t.decode()) for t in _SHARED.findall(rels)} & names
    return sorted(found)


def _small(path: Path, archive: zipfile.ZipFile, name: str) -> bytes:
    with _open_member(path, archive, name, [_SMALL_PART]) as stream:
        data = stream.read(_SMALL_PART + 1)
    if len(data) > _SMALL_PART:
        raise _too_big_xml(path, name)
    return data


def _part(base: str, target: str) -> str:
    """A relationship's target as a zip member name (relative to ``base``'s folder)."""
    if target.startswith("/"):
        return target.lstrip("/")
    parts: list[str] = []
    for step in (*PurePosixPath(base).parent.parts, *PurePosixPath(target).parts):
        if step == "..":
            if parts:
                parts.pop()
        elif step != ".":
            parts.append(step)
    return "/".join(parts)


def _sheet_parts(path: Path, archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> its zip member, from the workbook and its relationships."""
    try:
        workbook = ElementTree.fromstring(_small(path, archive, "xl/workbook.xml"))
        rels = ElementTree.fromstring(_small(path, archive, "xl/_rels/workbook.xml.rels"))
    except (KeyError, ElementTree.ParseError):
        return {}
    targets = {rel.get("Id"): rel.get("Target", "") for rel in rels.iter(f"{_NS_PKG}Relationship")}
    parts: dict[str, str] = {}
    for sheet in workbook.iter(f"{_NS_MAIN}sheet"):
        target = targets.get(sheet.get(f"{_NS_REL}id"))
        if target:
            parts[sheet.get("name", "")] = _part("xl/workbook.xml", target)
    return parts


def check_xlsx_sheet(path: Path, sheet: str, parts: XlsxParts) -> None:
    """Stream the XML of ``sheet`` and refuse it when it passes a limit, stopping there.

    A cell that uses a shared string costs that string again (calamine copies it into
    each cell), so one long string used by a million cells counts as what it becomes.

    An office sheet is read once, cheaply (``near``): each piece is searched for a
    reference past row 99,999 or column CV, and its shared-string cells are counted and
    charged as the longest string, without a Python step per cell. Only a sheet that
    passes neither way is read again, cell reference by cell reference.
    """
    with _zip(path) as archive:
        name = _sheet_parts(path, archive).get(sheet)
        if name is None or name not in archive.namelist():
            return  # calamine finds no such sheet either and says so
        budget = parts.budget[0]
        try:
            _scan_sheet(path, archive, name, _XlsxExtent(path, sheet, near=True), parts)
        except _NotNear:
            parts.budget[0] = budget
            _scan_sheet(path, archive, name, _XlsxExtent(path, sheet), parts)


class _NotNear(Exception):
    """A piece of the sheet that the cheap reading cannot vouch for."""


def _scan_sheet(
    path: Path, archive: zipfile.ZipFile, name: str, extent: _XlsxExtent, parts: XlsxParts
) -> None:
    shared, count = parts.shared, len(parts.shared)
    longest = max(shared, default=0)
    for piece in _stream(path, archive, name, parts.budget):
        extent.feed(piece)
        if not count:
            continue
        if extent.near:
            # Charged as the longest string each: more than they cost, never less.
            parts.budget[0] -= piece.count(b't="s"') * longest
            if parts.budget[0] < 0:
                raise _NotNear
            continue
        used = _SHARED_CELL.findall(piece)
        parts.budget[0] -= sum(shared[i] for i in map(int, used) if i < count)
        if parts.budget[0] < 0:
            raise _too_big_xml(path, name)
    if not extent.closed:
        # The zip says the part ends here, but the XML goes on: calamine would go on
        # reading what was not checked.
        raise _damaged(path)


@dataclass
class _XlsxExtent:
    """The last row and column of a sheet's XML, fed piece by piece (whole tags)."""

    path: Path
    sheet: str
    row: int = 0  # the current row's number
    rows: int = 0  # the highest row number seen
    columns: int = 0  # the highest column seen
    cells_in_row: int = 0  # cells of the current row, for cells without a reference
    closed: bool = False
    # Only pieces whose every cell has a reference, none matching ``_FAR_REF`` (so the sheet
    # is at most 99,999 x 100, under ``MAX_CELLS``): anything else raises ``_NotNear``.
    near: bool = False

    def feed(self, piece: bytes) -> None:
        if self.closed:
            return
        end = _sheet_data_end(piece)
        if end >= 0:
            piece = piece[:end]
            self.closed = True
        if self.near:
            self._feed_near(piece)
            return
        refs = _VALUED_REF.findall(piece)
        if refs:  # the farthest cell of the piece, without a Python step per cell
            row = max(map(int, [number for _, number in refs]))
            column = max(map(_column_number, {letters for letters, _ in refs}))
            if row > MAX_ROWS or column > MAX_COLUMNS:
                self._reach(*next(_far(refs)))
            self._reach(row, column)
        cells = len(_ANY_CELL.findall(piece))
        if cells and cells != piece.count(b'<c r="') and cells > len(_ANY_REF.findall(piece)):
            self._rows(piece)
        else:  # every cell has its reference: only the last row's number matters
            last = _ROW.search(piece, max(piece.rfind(b"<row ") - 1, 0))
            if last:
                self._next_row(last.group(1))

    def _feed_near(self, piece: bytes) -> None:
        if _FAR_REF.search(piece) or _ODD_CELL.search(piece) or _ODD_TYPE.search(piece):
            raise _NotNear

    def _next_row(self, attributes: bytes) -> None:
        number = _ROW_NUMBER.search(attributes)
        self.row = int(number.group(1)) if number else self.row + 1
        self.cells_in_row = 0

    def _rows(self, piece: bytes) -> None:
        """Cells without a reference are the next ones in their row, and a row without
        a number the next row: count them (an upper bound on the cells with a value)."""
        for part in _ROW_SPLIT.split(piece):
            tag = _ROW.match(part)
            if tag:
                self._next_row(tag.group(1))
            self.cells_in_row += len(_ANY_CELL.findall(part))
            if self.cells_in_row:
                self._reach(max(self.row, 1), self.cells_in_row)

    def _reach(self, row: int, column: int) -> None:
        self.rows = max(self.rows, row)
        self.columns = max(self.columns, column)
        if row > MAX_ROWS or column > MAX_COLUMNS:
            raise _outside(self.path, self.sheet, row, column)
        if self.rows * self.columns > MAX_CELLS:
            raise _outside(self.path, self.sheet, self.rows, self.columns)


def _far(refs: list[tuple[bytes, bytes]]) -> Iterator[tuple[int, int]]:
    """The cells of ``refs`` outside the limits, as (row, column), in sheet order."""
    for letters, number in refs:
        row, column = int(number), _column_number(letters)
        if row > MAX_ROWS or column > MAX_COLUMNS:
            yield row, column


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters.upper():
        number = number * 26 + letter - 64
    return number


# ------------------------------------------------------------------------- .ods


# A table's start (its name), or a row's start (``empty``: a row closed in its tag).
_TABLE_OR_ROW = re.compile(
    rb'<table:table\s[^>]*?table:name="(?P<name>[^"]*)"'
    rb"|<table:table-row\b(?P<attributes>[^>]*?)(?P<empty>/?)>"
)
_TABLE_CELL = re.compile(rb"<table:(?:covered-)?table-cell\b([^>]*?)(/?)>")
_ROWS_REPEATED = re.compile(rb'table:number-rows-repeated="(\d{1,12})"')
_COLUMNS_REPEATED = re.compile(rb'table:number-columns-repeated="(\d{1,12})"')
_SPACES = re.compile(rb'<text:s\b[^>]*?text:c="(\d{1,12})"')
_ROW_END = b"</table:table-row>"
_ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"


def check_ods(path: Path) -> bool:
    """Check every table of an .ods's ``content.xml``; True when it lacks the
    ``mimetype`` or manifest entry calamine insists on (the caller adds them)."""
    budget = [MAX_XML_BYTES]
    with _zip(path) as archive:
        names = set(archive.namelist())
        if "content.xml" not in names:
            raise _damaged(path)
        if "styles.xml" in names:
            _read_through(path, archive, "styles.xml", budget)
        extent = _OdsExtent(path, budget)
        for piece in _stream(path, archive, "content.xml", budget):
            extent.feed(piece)
        return not {"mimetype", "META-INF/manifest.xml"} <= names


@dataclass
class _OdsExtent:
    """Each table's last used row and column, repeated rows and cells counted."""

    path: Path
    budget: list[int]
    sheet: str = ""
    row: int = 0  # rows of the current table so far (used or not)
    carry: bytes = b""  # an unfinished row

    def feed(self, piece: bytes) -> None:
        data = self.carry + piece
        rows = data.split(_ROW_END)
        self.carry = rows.pop()
        if len(self.carry) > _MAX_TAG_BYTES * 64:
            raise _damaged(self.path)
        for row in rows:
            self._row(row)

    def _row(self, text: bytes) -> None:
        """The text up to a ``</table:table-row>``: maybe a new table, rows closed in
        their own tag (empty), then the start of the row it closes and its cells."""
        start = None
        for tag in _TABLE_OR_ROW.finditer(text):
            if tag.group("name") is not None:
                self.sheet = tag.group("name").decode("utf-8", "replace")
                self.row = 0
            elif tag.group("empty"):
                self.row += _count(_ROWS_REPEATED, tag.group("attributes"))
            else:
                start = tag
                break  # rows do not nest: what follows is this row's cells
        if start is None:
            return
        repeated = _count(_ROWS_REPEATED, start.group("attributes"))
        cells = text[start.end() :]
        columns, expanded = _cells_at_most(cells, len(text))
        if columns > MAX_COLUMNS or b"<text:s" in cells:
            columns, expanded = self._cells(cells, len(text))
        self.row += repeated
        if not columns:
            return  # an empty row (or rows): calamine keeps nothing of it
        self.budget[0] -= (expanded - len(text)) + (repeated - 1) * expanded
        if self.budget[0] < 0:
            raise _too_big_xml(self.path, "content.xml")
        check_extent(self.path, self.sheet, self.row, columns)

    def _cells(self, text: bytes, size: int) -> tuple[int, int]:
        """The row's last used column, and its size (``size`` as written) with repeated
        cells and spaces written out: cell by cell."""
        cells = list(_TABLE_CELL.finditer(text))
        column = used = 0
        expanded = size
        for index, cell in enumerate(cells):
            end = cells[index + 1].start() if index + 1 < len(cells) else len(text)
            content = text[cell.end() : end]
            repeated = _count(_COLUMNS_REPEATED, cell.group(1))
            spaces = sum(int(count) for count in _SPACES.findall(content))
            if spaces > MAX_CELL_CHARS:
                raise too_long_cell(self.path, self.row + 1, column + 1)
            if b"value-type" in cell.group(1) or b"<text:" in content:
                expanded += (repeated - 1) * (end - cell.start()) + repeated * spaces
                used = column + repeated
            column += repeated
        return used, expanded


def _cells_at_most(text: bytes, size: int) -> tuple[int, int]:
    """At most how many columns a row's cells reach, and its expanded size, without a
    Python step per cell: every cell counted as used (exact when the last one is)."""
    if b"value-type" not in text and b"<text:" not in text:
        return 0, size  # only empty cells: none is used, calamine writes none out
    extra = sum(int(count) - 1 for count in _COLUMNS_REPEATED.findall(text))
    cells = text.count(b"<table:table-cell") + text.count(b"<table:covered-table-cell")
    return cells + extra, size + extra * len(text)


def _count(pattern: re.Pattern[bytes], attributes: bytes) -> int:
    found = pattern.search(attributes)
    return int(found.group(1)) if found else 1
