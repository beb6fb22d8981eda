"""The sheet our writer makes is the sheet openpyxl made, as every reader sees it.

Exports used to be written with openpyxl's write-only mode; ``services.xlsx_writer`` now
writes the XML itself (benchmarks/exporting.py: 25 of 31 seconds went into openpyxl at
100,000 contacts). Here each list of a demo database is exported, and the file is read
with openpyxl (what Excel users' scripts use) and python-calamine (what our importer
uses): both see the same values, and they are the values openpyxl itself writes for
the same rows, with the same layout.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.worksheet.worksheet import Worksheet
from python_calamine import CalamineWorkbook

from crm_desktop.models.database import Database
from crm_desktop.services import export
from crm_desktop.services.contact_list import ContactFilter
from crm_desktop.services.export import ExportValue, TextList, write_xlsx
from tests import test_export

EXPORTS: dict[str, Callable[..., int]] = {
    "contacts": export.export_contacts,
    "companies": export.export_companies,
    "deals": export.export_deals,
    "activities": export.export_activities,
}


demo_db = test_export.demo_db  # the same demo as tests/test_export.py (one per module)


def sheet_of(path: Path) -> Worksheet:
    sheet = load_workbook(path).active
    assert isinstance(sheet, Worksheet)
    return sheet


def openpyxl_rows(path: Path) -> list[list[Any]]:
    rows = sheet_of(path).iter_rows(values_only=True)
    return [["" if v is None else v for v in row] for row in rows]


def calamine_rows(path: Path) -> list[list[Any]]:
    return CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()


@pytest.mark.parametrize("kind", list(EXPORTS))
def test_openpyxl_and_calamine_read_the_same_values(
    demo_db: Database, tmp_path: Path, kind: str
) -> None:
    path = tmp_path / f"{kind}.xlsx"
    written = EXPORTS[kind](demo_db, path)
    assert written > 0
    seen = openpyxl_rows(path)
    assert len(seen) == written + 1
    assert calamine_rows(path) == seen


def openpyxl_sheet(
    path: Path,
    headers: Sequence[str],
    rows: Sequence[Sequence[ExportValue]],
    widths: Sequence[float],
) -> None:
    """The same rows written by openpyxl's write-only mode, as exports were before."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    sheet: Any = book.create_sheet("x")
    for index, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.sheet_view.rightToLeft = True
    sheet.freeze_panes = "A2"
    header = []
    for text in headers:
        cell = WriteOnlyCell(sheet, text)
        cell.font = Font(bold=True)
        header.append(cell)
    sheet.append(header)
    for row in rows:
        sheet.append([v.text() if isinstance(v, TextList) else v for v in row])
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{len(rows) + 1}"
    book.save(path)


def test_the_sheet_is_the_one_openpyxl_wrote(demo_db: Database, tmp_path: Path) -> None:
    ours = tmp_path / "ours.xlsx"
    export.export_contacts(demo_db, ours)
    mine = sheet_of(ours)
    headers = [str(c.value) for c in mine[1]]
    rows: list[Any] = [list(r) for r in mine.iter_rows(min_row=2, values_only=True)]
    widths = [mine.column_dimensions[c].width for c in "ABCDEFGHIJKLMNOP"]
    theirs = tmp_path / "openpyxl.xlsx"
    openpyxl_sheet(theirs, headers, rows, widths)
    reference = sheet_of(theirs)

    assert openpyxl_rows(ours) == openpyxl_rows(theirs)
    assert calamine_rows(ours) == calamine_rows(theirs)
    assert mine.sheet_view.rightToLeft and mine.freeze_panes == reference.freeze_panes == "A2"
    assert mine.auto_filter.ref == reference.auto_filter.ref
    assert all(c.font.b for c in mine[1])
    assert widths == [reference.column_dimensions[c].width for c in "ABCDEFGHIJKLMNOP"]


def test_each_kind_of_value_matches_openpyxl(tmp_path: Path) -> None:
    headers = ["متن", "عدد", "کسر", "تاریخ", "زمان", "بله/خیر", "کد"]
    rows: list[Sequence[ExportValue]] = [
        (
            "علی & <رضا>",
            1_250_000,
            0.1,
            dt.date(2024, 3, 20),
            dt.datetime(2024, 3, 20, 14, 5),
            True,
            912,
        ),
        (
            " فاصله ",
            -3,
            2.5e10,
            dt.date(1900, 3, 1),
            dt.datetime(1999, 12, 31, 23, 59, 59),
            False,
            0,
        ),
        (None, None, None, None, None, None, None),
    ]
    ours, theirs = tmp_path / "ours.xlsx", tmp_path / "openpyxl.xlsx"
    write_xlsx(ours, "x", headers, rows, number_formats={6: "0"})
    openpyxl_sheet(theirs, headers, rows, [10.0] * len(headers))
    assert openpyxl_rows(ours) == openpyxl_rows(theirs)
    assert calamine_rows(ours) == calamine_rows(theirs)
    mine = sheet_of(ours)
    assert mine["B2"].number_format == "#,##0" and mine["G2"].number_format == "0"
    assert mine["D2"].number_format == "yyyy-mm-dd" and mine["D2"].is_date
    assert mine["E2"].is_date and mine["F2"].data_type == "b"


@pytest.mark.parametrize("lifecycles", [(), ("lead", "prospect", "customer")])
def test_reading_whole_tables_gives_the_rows_lookups_give(
    demo_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lifecycles: tuple[str, ...]
) -> None:
    """A big list reads the tables whole (``SCAN_AT``): the same rows, in the list's order."""
    flt = ContactFilter(lifecycles=lifecycles)
    looked_up, scanned = tmp_path / "looked-up.xlsx", tmp_path / "scanned.xlsx"
    count = export.export_contacts(demo_db, looked_up, flt)
    assert count > 50  # the demo's list, not an empty one
    monkeypatch.setattr(export, "SCAN_AT", 1)
    assert export.export_contacts(demo_db, scanned, flt) == count
    assert openpyxl_rows(scanned) == openpyxl_rows(looked_up)
