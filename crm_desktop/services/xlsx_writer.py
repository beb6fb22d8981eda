"""The .xlsx writer every export uses (and the importer, for its "problem rows").

``write_xlsx`` writes one right-to-left sheet with a bold, frozen header row, an
autofilter, column widths fitted to the first rows and whole numbers as ``#,##0``. It
streams rows through openpyxl's write-only mode, so 100,000 rows never sit in memory
as cells, and it writes a temporary file beside the target that replaces it only once
complete: a cancelled or failed export leaves no file and never half of one, and an
existing file stays as it was. No Qt and no database here.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import secrets
from collections.abc import Iterable, Mapping, Sequence, Sized
from itertools import chain, islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, TypeAlias

from crm_desktop.errors import InvalidInput, UserError
from crm_desktop.services.progress import Cancelled, Progress

# openpyxl is imported when a file is written, not when the window starts (~0.1 s).
if TYPE_CHECKING:
    from openpyxl import Workbook

__all__ = [
    "INTEGER_FORMAT",
    "MAX_WIDTH",
    "ExportCancelled",
    "ExportFailed",
    "ExportValue",
    "Progress",
    "check_target",
    "write_xlsx",
]

ExportValue: TypeAlias = str | int | float | dt.date | dt.datetime | None
"""``progress(done, total)``: called now and then; raising from it cancels the export."""

INTEGER_FORMAT = "#,##0"
MAX_WIDTH = 60  # characters; longer text wraps out of sight rather than widen the sheet
MIN_WIDTH = 6
WIDTH_SAMPLE_ROWS = 2000  # column widths are fitted to this many rows
PROGRESS_EVERY = 500
MAX_CELL_CHARS = 32_767  # Excel's limit for one cell
MAX_TITLE_CHARS = 31  # Excel's limit for a sheet name

# Control characters a worksheet's XML cannot hold (openpyxl refuses them).
_ILLEGAL = re.compile(r"[\x00-\x08\x0b-\x0c\x0e-\x1f]")
_BAD_TITLE = re.compile(r"[\[\]:*?/\\]")


class ExportCancelled(Cancelled):
    """Raised from a ``progress`` callback to stop an export; nothing is written."""

    def __init__(self) -> None:
        super().__init__(
            "خروجی اکسل لغو شد؛ فایلی نوشته نشد.", "The export was cancelled; nothing was written."
        )


class ExportFailed(UserError):
    """The file could not be written (no permission, disk full, open in Excel...)."""


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
) -> int:
    """Write one sheet of ``headers`` and ``rows`` to ``path``; return the rows written.

    ``number_formats`` maps a 0-based column to an Excel number format for its
    numbers (whole numbers default to ``#,##0``, dates to ``yyyy-mm-dd``; give ``"0"``
    for a column of numbers that are codes, not amounts). ``progress(done, total)``
    is called every few hundred rows (``total`` is ``total``, else ``len(rows)``, else
    0) and may raise to cancel: then, as on any error, no file is left at ``path``
    and a file already there is untouched.
    """
    target = check_target(path)
    if total is None:
        total = len(rows) if isinstance(rows, Sized) else 0
    report = progress or _no_progress
    report(0, total)
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet: Any = workbook.create_sheet(_sheet_title(title))
    try:
        count = _fill(
            sheet,
            headers,
            rows,
            formats=number_formats or {},
            right_to_left=right_to_left,
            report=report,
            total=total,
        )
        report(count, max(total, count))  # a last chance to cancel before the file appears
        _save(workbook, target)
    except OSError as exc:
        _discard(sheet)
        raise _failed(target, exc) from exc
    except BaseException:
        _discard(sheet)
        raise
    return count


def _no_progress(_done: int, _total: int) -> None:
    pass


def _sheet_title(title: str) -> str:
    cleaned = _BAD_TITLE.sub(" ", _ILLEGAL.sub("", title)).strip().strip("'")
    return cleaned[:MAX_TITLE_CHARS] or "Sheet1"


def _fill(
    sheet: Any,
    headers: Sequence[str],
    rows: Iterable[Sequence[ExportValue]],
    *,
    formats: Mapping[int, str],
    right_to_left: bool,
    report: Progress,
    total: int,
) -> int:
    from openpyxl.utils import get_column_letter

    remaining = iter(rows)
    # Widths must be set before the first row is streamed: fit them to a sample.
    sample = list(islice(remaining, WIDTH_SAMPLE_ROWS))
    width = len(headers)
    for index, fitted in enumerate(_widths(headers, sample, formats), 1):
        sheet.column_dimensions[get_column_letter(index)].width = fitted
    sheet.sheet_view.rightToLeft = right_to_left
    sheet.freeze_panes = "A2"
    sheet.append([_header_cell(sheet, text) for text in headers])
    count = 0
    for row in chain(sample, remaining):
        sheet.append(_row_cells(sheet, row, width, formats))
        count += 1
        if count % PROGRESS_EVERY == 0:
            report(count, max(total, count))
    last_column = get_column_letter(max(width, 1))
    sheet.auto_filter.ref = f"A1:{last_column}{count + 1}"
    return count


def _clean_text(text: str) -> str:
    return _ILLEGAL.sub("", text)[:MAX_CELL_CHARS]


def _header_cell(sheet: Any, text: str) -> Any:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    cell = WriteOnlyCell(sheet, _clean_text(str(text)))
    cell.font = Font(bold=True)
    return cell


def _row_cells(
    sheet: Any, row: Sequence[ExportValue], width: int, formats: Mapping[int, str]
) -> list[Any]:
    cells: list[Any] = []
    for index, value in enumerate(row):
        if index >= width and value is None:
            continue
        cells.append(_cell(sheet, value, formats.get(index)))
    return cells


def _cell(sheet: Any, value: ExportValue, number_format: str | None) -> Any:
    if isinstance(value, str):
        text = _clean_text(value)
        if not text.startswith("="):
            return text
        # Text from a user, never a formula Excel would run.
        from openpyxl.cell import WriteOnlyCell

        cell = WriteOnlyCell(sheet, text)
        cell.data_type = "s"
        return cell
    if isinstance(value, int) and not isinstance(value, bool):
        number_format = number_format or INTEGER_FORMAT
    if value is None or isinstance(value, bool) or number_format is None:
        return value
    from openpyxl.cell import WriteOnlyCell

    plain: Any = value
    cell = WriteOnlyCell(sheet, plain)
    cell.number_format = number_format
    return cell


def _shown_length(value: ExportValue, number_format: str | None) -> int:
    """About how many characters the cell shows, for its column's width."""
    if isinstance(value, str):
        return max((len(line) for line in value.splitlines()), default=0)
    if isinstance(value, int) and (number_format or INTEGER_FORMAT) == INTEGER_FORMAT:
        return len(f"{value:,}")
    if isinstance(value, dt.datetime):
        return 19
    if isinstance(value, dt.date):
        return 10
    return 0 if value is None else len(str(value))


def _widths(
    headers: Sequence[str], sample: Sequence[Sequence[ExportValue]], formats: Mapping[int, str]
) -> list[float]:
    longest = [len(str(header)) + 2 for header in headers]  # bold and a filter button
    for row in sample:
        for index, value in enumerate(row[: len(headers)]):
            longest[index] = max(longest[index], _shown_length(value, formats.get(index)))
    return [float(min(MAX_WIDTH, max(MIN_WIDTH, n + 2))) for n in longest]


def _save(workbook: Workbook, target: Path) -> None:
    """Write the workbook beside ``target`` and move it over ``target`` when complete."""
    out, partial = _partial_file(target)
    try:
        with out:
            workbook.save(out)
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


def _discard(sheet: Any) -> None:
    """Remove the rows openpyxl already streamed to its own temporary file."""
    writer = getattr(sheet, "_writer", None)
    if writer is None:
        return
    with contextlib.suppress(Exception):
        sheet.close()
    with contextlib.suppress(Exception):
        writer.cleanup()


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
