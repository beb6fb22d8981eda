"""The .xlsx writer every export uses (and the importer, for its "problem rows").

``write_xlsx`` writes one right-to-left sheet with a bold, frozen header row, an
autofilter, column widths fitted to the first rows and whole numbers as ``#,##0``.

It writes the sheet's XML itself, a row at a time, instead of through openpyxl: at
100,000 contacts openpyxl's cell objects and its XML serializer took 25 of an export's
31 seconds, and a plain string per cell takes about one (``benchmarks/exporting.py``
measures both, beside XlsxWriter and a Rust-backed writer). Text goes in as inline
strings, so nothing but the current rows is held in memory; the rows go to a temporary
file first, because the header row is written last: only then is it known which values
were too long for one cell.

Excel holds at most 32,767 characters in a cell. A longer value is never cut: it goes
on in continuation columns at the end of the sheet, named after its column
(``یادداشت‌ها (2)``, ``Notes (3)``...), which our importer reads back into the same
field. A ``TextList`` (phones, emails, tags) is split only between its items, so every
phone stays whole; long text is split at a line break where it can be. Each split is
reported as a ``SplitCell`` naming the row and the column.

The file is written beside the target and replaces it only once complete: a cancelled
or failed export leaves no file and never half of one, and an existing file stays as
it was. No Qt and no database here.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import math
import os
import re
import secrets
import shutil
import tempfile
import zipfile
from collections.abc import Iterable, Mapping, Sequence, Sized
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import IO, BinaryIO, TypeAlias

from crm_desktop.errors import InvalidInput, UserError
from crm_desktop.locale import format_number
from crm_desktop.services.progress import Cancelled, Progress

__all__ = [
    "INTEGER_FORMAT",
    "LIST_SEPARATOR",
    "MAX_CELL_CHARS",
    "MAX_WIDTH",
    "ExportCancelled",
    "ExportFailed",
    "ExportValue",
    "Progress",
    "SplitCell",
    "TextList",
    "check_target",
    "write_xlsx",
]


class TextList(tuple[str, ...]):
    """Several values shown in one cell (a contact's phones), joined by ``، ``."""

    __slots__ = ()

    def text(self) -> str:
        return LIST_SEPARATOR.join(self)


ExportValue: TypeAlias = str | int | float | dt.date | dt.datetime | TextList | None

INTEGER_FORMAT = "#,##0"
DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd h:mm:ss"
LIST_SEPARATOR = "، "  # several phones, emails or tags in one cell
MAX_WIDTH = 60  # characters; longer text wraps out of sight rather than widen the sheet
MIN_WIDTH = 6
WIDTH_SAMPLE_ROWS = 2000  # column widths are fitted to this many rows
PROGRESS_EVERY = 500
MAX_CELL_CHARS = 32_767  # Excel's limit for one cell, in UTF-16 units
_SHORT = MAX_CELL_CHARS // 2  # no text this long can pass the limit, whatever its letters
MAX_TITLE_CHARS = 31  # Excel's limit for a sheet name
MAX_COLUMNS = 16_384  # Excel's limit, continuation columns included
MAX_ROWS = 1_048_576  # Excel's limit, the header row included
# zlib's level 3: at 100,000 contacts 0.4 s and 9 MB, where its default (6) takes 1.0 s
# for 8 MB (openpyxl's files were 8.8 MB).
ZIP_LEVEL = 3

# Control characters a worksheet's XML cannot hold (dropped), and what else needs care.
_ILLEGAL = re.compile(r"[\x00-\x08\x0b-\x0c\x0e-\x1f\ufffe\uffff]")
_SPECIAL = re.compile(r"[&<>\r\x00-\x08\x0b-\x0c\x0e-\x1f\ufffe\uffff]|^\s|\s\Z")
_CARE = re.compile(r"[&<>\r\x00-\x08\x0b-\x0c\x0e-\x1f\ufffe\uffff]")
# What XML takes for white space (a <t> needs xml:space="preserve" to keep it at its ends).
_XML_SPACE = (" ", "\t", "\n")
_BAD_TITLE = re.compile(r"[\[\]:*?/\\]")
_EPOCH = dt.datetime(1899, 12, 30)  # Excel's day 0 (with its 1900 leap-year bug built in)


class ExportCancelled(Cancelled):
    """Raised from a ``progress`` callback to stop an export; nothing is written."""

    def __init__(self) -> None:
        super().__init__(
            "خروجی اکسل لغو شد؛ فایلی نوشته نشد.", "The export was cancelled; nothing was written."
        )


class ExportFailed(UserError):
    """The file could not be written (no permission, disk full, open in Excel...)."""


@dataclass(frozen=True, slots=True)
class SplitCell:
    """A value longer than one cell holds, written over ``columns`` (its own first)."""

    row: int  # the sheet's row number (the header is row 1)
    name: str | None  # what the row is about (a contact's name), when the caller says
    columns: tuple[str, ...]  # headers, its own column's first
    length: int  # characters of the whole value
    exact: bool  # cut only between list items or at line breaks: it reads back the same

    def message(self, lang: str = "fa") -> str:
        if lang == "fa":
            who = f"ردیف {format_number(self.row)}" + (f" ({self.name})" if self.name else "")
            where = "، ".join(f"«{c}»" for c in self.columns)
            again = "ورود دوبارهٔ فایل آن‌ها را یک مقدار می‌خواند"
            return (
                f"{who}: «{self.columns[0]}» با {format_number(self.length)} نویسه از گنجایش "
                f"یک خانهٔ اکسل ({format_number(MAX_CELL_CHARS)} نویسه) بلندتر بود و در "
                f"{format_number(len(self.columns))} ستون نوشته شد: {where}. {again}"
                + ("." if self.exact else "، با یک سطر جدید در هر جای برش.")
            )
        who = f"row {self.row}" + (f" ({self.name})" if self.name else "")
        return (
            f"{who}: {self.columns[0]} has {self.length:,} characters, more than an Excel cell "
            f"holds ({MAX_CELL_CHARS:,}); written over {len(self.columns)} columns: "
            f"{', '.join(self.columns)}. Importing the file again reads them back as one value"
            + ("." if self.exact else ", with a line break at each cut.")
        )


def check_target(path: Path | str) -> Path:
    """The file to write, or InvalidInput when it is not an .xlsx in an existing folder."""
    target = Path(path).expanduser()
    if target.suffix.lower() != ".xlsx":
        raise InvalidInput(
            f"نام فایل خروجی باید به .xlsx ختم شود: «{target.name}»",
            f"the export file must end in .xlsx: {target.name}",
        )
    try:
        folder_exists, is_folder = target.parent.is_dir(), target.is_dir()
    except OSError as exc:  # a name too long for the disk, say
        raise _failed(target, exc) from exc
    if not folder_exists:
        raise InvalidInput(
            f"پوشهٔ «{target.parent}» وجود ندارد.", f"the folder {target.parent} does not exist"
        )
    if is_folder:
        raise InvalidInput(f"«{target}» یک پوشه است، نه فایل.", f"{target} is a folder, not a file")
    return target.resolve()


def write_xlsx(
    path: Path | str,
    title: str,
    headers: Sequence[str],
    rows: Iterable[Sequence[ExportValue]],
    *,
    number_formats: Mapping[int, str] | None = None,
    right_to_left: bool = True,
    progress: Progress | None = None,
    total: int | None = None,
    splits: list[SplitCell] | None = None,
    name_columns: Sequence[int] = (),
) -> int:
    """Write one sheet of ``headers`` and ``rows`` to ``path``; return the rows written.

    ``number_formats`` maps a 0-based column to an Excel number format for its
    numbers (whole numbers default to ``#,##0``, dates to ``yyyy-mm-dd``; give ``"0"``
    for a column of numbers that are codes, not amounts). ``progress(done, total)``
    is called every few hundred rows (``total`` is ``total``, else ``len(rows)``, else
    0) and may raise to cancel: then, as on any error, no file is left at ``path``
    and a file already there is untouched. Values too long for a cell are appended to
    ``splits``, each named by the values of ``name_columns`` in its row.
    """
    target = check_target(path)
    if total is None:
        total = len(rows) if isinstance(rows, Sized) else 0
    report = progress or _no_progress
    report(0, total)
    sheet = _Sheet(headers, number_formats or {}, name_columns)
    try:
        with tempfile.TemporaryFile() as body:
            count = sheet.write_rows(body, rows, report, total)
            report(count, max(total, count))  # a last chance to cancel before the file appears
            _save(target, _sheet_title(title), sheet, body, right_to_left)
    except OSError as exc:
        raise _failed(target, exc) from exc
    if splits is not None:
        splits.extend(sheet.splits)
    return count


def _no_progress(_done: int, _total: int) -> None:
    pass


def _sheet_title(title: str) -> str:
    cleaned = _BAD_TITLE.sub(" ", _ILLEGAL.sub("", title)).strip().strip("'")
    return cleaned[:MAX_TITLE_CHARS] or "Sheet1"


def column_letter(index: int) -> str:
    """``A`` for column 0, ``Z``, ``AA``...: a cell reference's column."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


# -- the rows ---------------------------------------------------------------------------


class _Styles:
    """The cell formats the sheet uses: 0 plain, 1 the bold header, then number formats."""

    def __init__(self) -> None:
        self.formats: dict[str, int] = {}

    def of(self, number_format: str) -> int:
        return self.formats.setdefault(number_format, 2 + len(self.formats))

    def xml(self) -> str:
        formats = "".join(
            f'<numFmt numFmtId="{164 + i}" formatCode="{_escape_attribute(code)}"/>'
            for i, code in enumerate(self.formats)
        )
        xfs = "".join(
            f'<xf numFmtId="{164 + i}" fontId="0" fillId="0" borderId="0" xfId="0" '
            'applyNumberFormat="1"/>'
            for i in range(len(self.formats))
        )
        return (
            '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            f'<numFmts count="{len(self.formats)}">{formats}</numFmts>'
            '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
            '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
            '<fills count="2"><fill><patternFill patternType="none"/></fill>'
            '<fill><patternFill patternType="gray125"/></fill></fills>'
            '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border>'
            "</borders>"
            '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
            f'</cellStyleXfs><cellXfs count="{2 + len(self.formats)}">'
            '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
            '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
            f"{xfs}</cellXfs>"
            '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
            "</styleSheet>"
        )


class _Sheet:
    """The rows as sheet XML, and what the header written after them must say."""

    def __init__(
        self, headers: Sequence[str], formats: Mapping[int, str], name_columns: Sequence[int]
    ) -> None:
        self.headers = [_clean(str(header)) for header in headers]
        self.formats = formats
        self.name_columns = tuple(name_columns)
        self.styles = _Styles()
        self.refs = [column_letter(i) for i in range(len(self.headers))]
        self.widths = [len(header) + 2 for header in self.headers]  # bold and a filter button
        self.continued: dict[tuple[int, int], int] = {}  # (column, part) -> sheet column
        self.splits: list[SplitCell] = []
        self._int_styles = {i: self.styles.of(formats.get(i) or INTEGER_FORMAT) for i in formats}
        self._row = 1

    @property
    def width(self) -> int:
        return len(self.refs)

    def write_rows(
        self,
        out: IO[bytes],
        rows: Iterable[Sequence[ExportValue]],
        report: Progress,
        total: int,
    ) -> int:
        remaining = iter(rows)
        count = 0
        while True:
            batch = list(islice(remaining, PROGRESS_EVERY))
            if not batch:
                return count
            sample = count < WIDTH_SAMPLE_ROWS
            out.write("".join([self._row_xml(row, sample) for row in batch]).encode())
            count += len(batch)
            if count + 1 > MAX_ROWS:
                raise _too_many_rows()
            if len(batch) == PROGRESS_EVERY:
                report(count, max(total, count))

    def _row_xml(self, row: Sequence[ExportValue], sample: bool) -> str:
        self._row += 1
        number = str(self._row)
        refs = self.refs
        if len(row) > len(self.headers) and any(v is not None for v in row[len(self.headers) :]):
            raise ValueError(
                f"row {self._row} has more values than the {len(self.headers)} headers"
            )
        if sample:
            self._fit(row)
        texts = [LIST_SEPARATOR.join(v) if v.__class__ is TextList else v for v in row]
        plain = _plain("\n".join([v for v in texts if v.__class__ is str]))
        cells: list[str] = []
        for index, text in enumerate(texts):
            if text is None:
                continue
            if text.__class__ is str and len(text) <= _SHORT:  # most cells: plain text
                if not plain and _SPECIAL.search(text):
                    cells.append(self._text(index, number, text))
                elif text:
                    cells.append(
                        f'<c r="{refs[index]}{number}" t="inlineStr"><is><t>{text}</t></is></c>'
                    )
            else:
                cells.append(self._other(index, number, row[index], row))
        return f'<row r="{number}">{"".join(cells)}</row>'

    def _fit(self, row: Sequence[ExportValue]) -> None:
        widths, formats = self.widths, self.formats
        for index, value in enumerate(row[: len(widths)]):
            if value is not None:
                widths[index] = max(widths[index], _shown_length(value, formats.get(index)))

    def _text(self, index: int, number: str, text: str) -> str:
        text = _escape(text)
        if not text:
            return ""
        space = ' xml:space="preserve"' if text[0].isspace() or text[-1].isspace() else ""
        return f'<c r="{self.refs[index]}{number}" t="inlineStr"><is><t{space}>{text}</t></is></c>'

    def _other(
        self, index: int, number: str, value: ExportValue, row: Sequence[ExportValue]
    ) -> str:
        if isinstance(value, str | TextList):
            return self._long(index, number, value, row)
        if isinstance(value, float) and not math.isfinite(value):
            return self._text(index, number, str(value))  # Excel has no NaN or infinity
        if isinstance(value, int | float):
            return self._number(f"{self.refs[index]}{number}", index, value)
        if isinstance(value, dt.date):
            return self._date(f"{self.refs[index]}{number}", index, value)
        return self._text(index, number, str(value))

    def _number(self, ref: str, index: int, value: float) -> str:
        if isinstance(value, bool):
            return f'<c r="{ref}" t="b"><v>{int(value)}</v></c>'
        if isinstance(value, int):
            style = self._int_styles.get(index) or self.styles.of(INTEGER_FORMAT)
            return f'<c r="{ref}" s="{style}"><v>{value}</v></c>'
        chosen = self.formats.get(index)
        style_part = f' s="{self.styles.of(chosen)}"' if chosen else ""
        return f'<c r="{ref}"{style_part}><v>{value!r}</v></c>'

    def _date(self, ref: str, index: int, value: dt.date) -> str:
        """A date or a time as Excel's serial number of days, with a date format."""
        if isinstance(value, dt.datetime):
            serial = repr((value.replace(tzinfo=None) - _EPOCH).total_seconds() / 86_400)
            style = self.styles.of(self.formats.get(index) or DATETIME_FORMAT)
        else:
            serial = str((value - _EPOCH.date()).days)
            style = self.styles.of(self.formats.get(index) or DATE_FORMAT)
        return f'<c r="{ref}" s="{style}"><v>{serial}</v></c>'

    def _long(
        self, index: int, number: str, value: str | TextList, row: Sequence[ExportValue]
    ) -> str:
        """A list or a text that may be too long for one cell: its cells, continued."""
        if isinstance(value, TextList):
            whole, parts, joiner = _clean(value.text()), _split_list(value), LIST_SEPARATOR
        else:
            whole = _clean(value)
            parts, joiner = _split_text(whole), "\n"  # as our importer joins a field's columns
        if len(parts) == 1:
            return self._text(index, number, parts[0])
        columns = [index, *(self._continuation(index, part) for part in range(2, len(parts) + 1))]
        self.splits.append(
            SplitCell(
                row=self._row,
                name=self._row_name(row),
                columns=tuple(self._header(c) for c in columns),
                length=len(whole),
                exact=joiner.join(parts) == whole,
            )
        )
        return "".join(self._text(c, number, p) for c, p in zip(columns, parts, strict=True))

    def _continuation(self, index: int, part: int) -> int:
        """The sheet column of ``part`` (2, 3...) of column ``index``'s values."""
        key = (index, part)
        if key not in self.continued:
            if self.width >= MAX_COLUMNS:
                raise _too_many_columns()
            self.continued[key] = self.width
            self.refs.append(column_letter(self.width))
        return self.continued[key]

    def _header(self, column: int) -> str:
        if column < len(self.headers):
            return self.headers[column]
        index, part = next(key for key, c in self.continued.items() if c == column)
        return f"{self.headers[index]} ({part})"

    def _row_name(self, row: Sequence[ExportValue]) -> str | None:
        parts = [str(row[i]) for i in self.name_columns if i < len(row) and row[i] is not None]
        return " ".join(parts)[:100] or None

    # -- after the rows: the parts around them -----------------------------------------

    def header_xml(self) -> str:
        cells = "".join(
            f'<c r="{ref}1" s="1" t="inlineStr"><is><t>{_escape(self._header(i))}</t></is></c>'
            for i, ref in enumerate(self.refs)
            if self._header(i)
        )
        return f'<row r="1">{cells}</row>'

    def columns_xml(self) -> str:
        widths = [float(min(MAX_WIDTH, max(MIN_WIDTH, n + 2))) for n in self.widths]
        widths += [float(MAX_WIDTH)] * (self.width - len(widths))  # continuations: long text
        return "".join(
            f'<col min="{i}" max="{i}" width="{w:g}" customWidth="1"/>'
            for i, w in enumerate(widths, 1)
        )

    @property
    def last_column(self) -> str:
        return column_letter(max(self.width, 1) - 1)

    @property
    def last_row(self) -> int:
        return self._row

    @property
    def last_cell(self) -> str:
        return f"{self.last_column}{self._row}"


def _plain(cells: str) -> bool:
    """Whether a row's text cells, joined by line breaks, need no care at all: one look a
    row instead of one a cell (a cell's own line breaks may make it look in need when
    it is not: each cell is then looked at alone)."""
    if not cells:
        return True
    if _CARE.search(cells) or cells[0] in _XML_SPACE or cells[-1] in _XML_SPACE:
        return False
    return not (
        "\n " in cells or " \n" in cells or "\n\t" in cells or "\t\n" in cells or "\n\n" in cells
    )


def _clean(text: str) -> str:
    return _ILLEGAL.sub("", text)


def _escape(text: str) -> str:
    text = _ILLEGAL.sub("", text)
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
    )


def _escape_attribute(text: str) -> str:
    return _escape(text).replace('"', "&quot;")


def _units(text: str) -> int:
    """The length Excel counts: UTF-16 code units (an emoji is two)."""
    return len(text) if len(text) <= _SHORT else len(text.encode("utf-16-le")) // 2


def _split_list(items: TextList) -> list[str]:
    """Items joined by the separator, as few cells as fit, never an item cut in two."""
    cells: list[str] = []
    current: list[str] = []
    size = 0
    gap = len(LIST_SEPARATOR)
    for item in (_clean(i) for i in items):
        length = _units(item)
        if current and size + gap + length > MAX_CELL_CHARS:
            cells.append(LIST_SEPARATOR.join(current))
            current, size = [], 0
        if length > MAX_CELL_CHARS:  # one item longer than a cell: cut it as text
            cells.extend(_split_text(item))
            continue
        size += (gap if current else 0) + length
        current.append(item)
    if current or not cells:
        cells.append(LIST_SEPARATOR.join(current))
    return cells


def _split_text(text: str) -> list[str]:
    """``text`` in pieces of at most a cell, cut at a line break when there is one
    (dropped: our importer joins a column's pieces with line breaks), else after a
    space, else anywhere but inside a surrogate pair."""
    pieces: list[str] = []
    start = 0
    while True:
        window = _cell_prefix(text[start : start + MAX_CELL_CHARS])
        if start + len(window) >= len(text):
            pieces.append(text[start:])
            return pieces
        cut = window.rfind("\n", len(window) // 2)
        if cut > 0:
            pieces.append(window[:cut])
            start += cut + 1
            continue
        cut = window.rfind(" ", len(window) // 2)
        cut = cut + 1 if cut > 0 else len(window)
        pieces.append(window[:cut])
        start += cut


def _cell_prefix(text: str) -> str:
    """The longest start of ``text`` one cell holds."""
    if len(text) <= _SHORT:
        return text
    return text.encode("utf-16-le")[: 2 * MAX_CELL_CHARS].decode("utf-16-le", "ignore")


def _shown_length(value: ExportValue, number_format: str | None) -> int:
    """About how many characters the cell shows, for its column's width."""
    if isinstance(value, TextList):
        value = value.text()
    if isinstance(value, str):
        if len(value) > MAX_WIDTH and "\n" not in value:
            return len(value)
        return max((len(line) for line in value.splitlines()), default=0)
    if isinstance(value, int) and (number_format or INTEGER_FORMAT) == INTEGER_FORMAT:
        return len(f"{value:,}")
    if isinstance(value, dt.datetime):
        return 19
    if isinstance(value, dt.date):
        return 10
    return 0 if value is None else len(str(value))


def _too_many_rows() -> InvalidInput:
    return InvalidInput(
        f"اکسل بیش از {format_number(MAX_ROWS - 1)} ردیف در یک برگه جا نمی‌دهد؛ فهرست را "
        "با فیلتر کوتاه‌تر کنید و در چند فایل بنویسید.",
        f"Excel holds at most {MAX_ROWS - 1:,} rows in a sheet; filter the list and export "
        "it in parts",
    )


def _too_many_columns() -> InvalidInput:
    return InvalidInput(
        "مقداری بلندتر از آن است که حتی در همهٔ ستون‌های یک برگهٔ اکسل جا شود.",
        "a value is too long even for all the columns of an Excel sheet",
    )


# -- the file ----------------------------------------------------------------------------

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    "</Types>"
)
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="xl/workbook.xml" Type="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships/officeDocument"/></Relationships>'
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="worksheets/sheet1.xml" Type="http://schemas.openxmlformats'
    '.org/officeDocument/2006/relationships/worksheet"/>'
    '<Relationship Id="rId2" Target="styles.xml" Type="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships/styles"/></Relationships>'
)
_MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
_RELS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def _workbook_xml(title: str, sheet: _Sheet) -> str:
    quoted = _escape(title.replace("'", "''"))
    column, row = sheet.last_column, sheet.last_row
    return (
        f"{_DECLARATION}<workbook {_MAIN} {_RELS}><bookViews><workbookView/></bookViews>"
        f'<sheets><sheet name="{_escape_attribute(title)}" sheetId="1" r:id="rId1"/></sheets>'
        '<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'
        f"'{quoted}'!$A$1:${column}${row}</definedName></definedNames></workbook>"
    )


def _sheet_head(sheet: _Sheet, right_to_left: bool) -> str:
    direction = ' rightToLeft="1"' if right_to_left else ""
    return (
        f"{_DECLARATION}<worksheet {_MAIN} {_RELS}>"
        f'<dimension ref="A1:{sheet.last_cell}"/>'
        f'<sheetViews><sheetView{direction} tabSelected="1" workbookViewId="0">'
        '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
        '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>'
        f'<sheetFormatPr defaultRowHeight="15"/><cols>{sheet.columns_xml()}</cols>'
        f"<sheetData>{sheet.header_xml()}"
    )


def _sheet_tail(sheet: _Sheet) -> str:
    return f'</sheetData><autoFilter ref="A1:{sheet.last_cell}"/></worksheet>'


def _save(target: Path, title: str, sheet: _Sheet, body: IO[bytes], right_to_left: bool) -> None:
    """Write the workbook beside ``target`` and move it over ``target`` when complete."""
    out, partial = _partial_file(target)
    try:
        with out:
            with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=ZIP_LEVEL) as book:
                book.writestr("[Content_Types].xml", _CONTENT_TYPES)
                book.writestr("_rels/.rels", _ROOT_RELS)
                book.writestr("xl/workbook.xml", _workbook_xml(title, sheet))
                book.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
                book.writestr("xl/styles.xml", _DECLARATION + sheet.styles.xml())
                with book.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as part:
                    part.write(_sheet_head(sheet, right_to_left).encode())
                    body.seek(0)
                    shutil.copyfileobj(body, part, 1 << 20)
                    part.write(_sheet_tail(sheet).encode())
            out.flush()
            os.fsync(out.fileno())
        os.replace(partial, target)
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise


def _partial_file(target: Path) -> tuple[BinaryIO, Path]:
    """A new file beside ``target`` (same disk, so the final rename is atomic)."""
    while True:
        partial = target.with_name(f".{target.stem}-{secrets.token_hex(4)}.xlsx.part")
        try:
            # Not ``mkstemp``: its private mode would stay on the finished file.
            return partial.open("xb"), partial
        except FileExistsError:
            continue


def _failed(target: Path, exc: OSError) -> ExportFailed:
    reason = exc.strerror or str(exc)
    if isinstance(exc, PermissionError):
        return ExportFailed(
            f"فایل «{target.name}» نوشته نشد: اجازهٔ نوشتن نیست یا فایل در برنامهٔ دیگری "
            "(مثلاً اکسل) باز است. آن را ببندید و دوباره امتحان کنید.",
            f"cannot write {target}: permission denied, or the file is open in another "
            "program (Excel?); close it and try again",
        )
    return ExportFailed(
        f"فایل «{target.name}» نوشته نشد: {reason}", f"cannot write {target}: {reason}"
    )
