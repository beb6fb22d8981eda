"""The rows an import could not take (or took with a warning), saved as a spreadsheet.

The user fixes them in Excel and imports the file again: each row is the original
row as it was read, plus a last column saying what was wrong, and a first column with
its row number in the original sheet.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from crm_desktop.services.export import ExportValue, write_xlsx
from crm_desktop.services.importer.common import ImportResult, Problem
from crm_desktop.services.spreadsheet import CellValue, SheetData

_ROW = {"fa": "ردیف در فایل اصلی", "en": "Row in the original file"}
_WHAT = {"fa": "ایراد", "en": "What was wrong"}
_TITLE = {"fa": "ردیف‌های مشکل‌دار", "en": "Problem rows"}
# The two columns this file adds: an import of the fixed file leaves them out, unasked.
OWN_HEADERS = frozenset({*_ROW.values(), *_WHAT.values()})


def _value(cell: CellValue) -> ExportValue:
    if isinstance(cell, dt.time | dt.timedelta):
        return str(cell)
    return cell


def fixable_rows(sheet: SheetData, result: ImportResult) -> dict[int, list[Problem]]:
    """The data rows with errors or warnings, by row number: a column that went nowhere
    is said on the header row, which is no row to fix."""
    numbers = {row.number for row in sheet.rows}
    return {n: p for n, p in result.problem_rows().items() if n in numbers}


def save_problem_rows(
    sheet: SheetData, result: ImportResult, path: Path | str, lang: str = "fa"
) -> int:
    """Write the rows with errors or warnings to ``path`` (.xlsx); return how many."""
    lang = "fa" if lang == "fa" else "en"
    rows_by_number = {row.number: row for row in sheet.rows}
    rows = []
    for number, found in fixable_rows(sheet, result).items():
        cells = [_value(c) for c in rows_by_number[number].values]
        why = "\n".join((f"{p.column}: " if p.column else "") + p.message(lang) for p in found)
        rows.append([number, *cells, why])
    headers = [_ROW[lang], *(h or f"#{i + 1}" for i, h in enumerate(sheet.headers)), _WHAT[lang]]
    return write_xlsx(path, _TITLE[lang], headers, rows, right_to_left=lang == "fa")
