"""Excel export of the whole contacts list, against the writers that could write it.

The figure is ``export_contacts`` on a demo database (what ``crm-desktop export contacts``
and the window run): read the list, build its rows, write the sheet. Baseline: our own
writer (``services.xlsx_writer``) writing the same rows with nothing else, and the rows
read with nothing written. Beside it, the maintained writers on the same rows and the same
sheet (right to left, bold frozen header, autofilter, fitted widths): openpyxl's write-only
mode (what exports used before: ~31 s at 100,000 contacts), XlsxWriter in constant-memory
mode and a Rust-backed writer (``rustpy-xlsxwriter``), each when installed. Every figure
runs in a fresh process, so its peak memory (ru_maxrss) is its own.
"""

from __future__ import annotations

import json
import pickle
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from benchmarks.data import CACHE

# Names as ``pip`` knows them: not dependencies of the app, only measured when present.
WRITERS = ("ours", "openpyxl", "xlsxwriter", "rustpy_xlsxwriter")
TARGET_S = 5.0


def measure(db: Path, rounds: int = 3) -> dict[str, Any]:
    rows = _rows_file(db)
    result: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "export.xlsx"
        exports = [_child("export", db, out) for _ in range(rounds)]
        reads = [_child("rows", db, out) for _ in range(rounds)]
        for writer in WRITERS:  # the slow ones once: openpyxl alone takes half a minute
            runs = [_child(writer, rows, out) for _ in range(rounds if writer == "ours" else 1)]
            times = [run["seconds"] for run in runs if run is not None]
            result[writer] = statistics.median(times) if times else None
    result["export_s"] = statistics.median(e["seconds"] for e in exports if e)
    result["export_rss_mb"] = max(e["rss_mb"] or 0 for e in exports if e)
    result["contacts"] = exports[0]["rows"] if exports[0] else 0
    result["rows_s"] = statistics.median(r["seconds"] for r in reads if r)
    result["target_s"] = TARGET_S
    return result


def row(result: dict[str, Any], scale: str) -> tuple[str, str, str, str, str]:
    """The table row of ``python -m benchmarks``."""
    others = "; ".join(
        f"{label}: {result[name]:.1f} s" if result[name] is not None else f"{label}: not installed"
        for name, label in (
            ("openpyxl", "openpyxl write-only"),
            ("xlsxwriter", "XlsxWriter constant_memory"),
            ("rustpy_xlsxwriter", "rustpy-xlsxwriter (Rust)"),
        )
    )
    return (
        "Excel export of all contacts (read, rows, write the .xlsx)",
        scale,
        f"median {result['export_s']:.1f} s, peak {result['export_rss_mb']:.0f} MB RSS",
        f"our writer alone on the same rows: {result['ours']:.2f} s; reading the rows alone: "
        f"{result['rows_s']:.2f} s; the same rows with {others}",
        f"< {TARGET_S:.0f} s",
    )


def _rows_file(db: Path) -> Path:
    """The export's rows of ``db``, pickled once, so every writer gets the same ones."""
    path = CACHE / f"export-rows-{db.stem}.pickle"
    if not path.exists() or path.stat().st_mtime < db.stat().st_mtime:
        _child("pickle", db, path)
    return path


def _child(what: str, source: Path, out: Path) -> dict[str, Any] | None:
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.exporting", what, str(source), str(out)],
        check=True,
        capture_output=True,
        text=True,
    )
    result: dict[str, Any] | None = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _peak_mb() -> float | None:
    if sys.platform == "win32":
        return None
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# -- in the child ----------------------------------------------------------------------


def _export(db: Path, out: Path) -> dict[str, Any]:
    from crm_desktop.models.database import open_database
    from crm_desktop.services.export import export_contacts

    with open_database(db, write=False) as database:
        start = time.perf_counter()
        written = export_contacts(database, out)
        return {"seconds": time.perf_counter() - start, "rows": written}


def _read_rows(db: Path, out: Path | None = None) -> dict[str, Any]:
    from crm_desktop.models.database import open_database
    from crm_desktop.services import contact_list
    from crm_desktop.services.contact_list import ContactFilter, ContactSort
    from crm_desktop.services.export import CONTACT_COLUMNS, _contact_rows, headers

    with open_database(db, write=False) as database:
        start = time.perf_counter()
        ids = contact_list.page(database, ContactFilter(), ContactSort())
        with database.session() as session:
            rows = list(_contact_rows(session, ids, "fa"))
        seconds = time.perf_counter() - start
    if out is not None:
        with out.open("wb") as file:
            pickle.dump((headers(CONTACT_COLUMNS), rows), file)
    return {"seconds": seconds, "rows": len(rows)}


def _ours(head: Sequence[str], rows: list[Sequence[Any]], out: Path) -> None:
    from crm_desktop.services.xlsx_writer import write_xlsx

    write_xlsx(out, "مخاطبان", head, rows)


def _plain(rows: list[Sequence[Any]]) -> list[list[Any]]:
    """The rows as other writers take them: lists of phones as their joined text."""
    from crm_desktop.services.xlsx_writer import TextList

    return [[v.text() if isinstance(v, TextList) else v for v in r] for r in rows]


def _optional(name: str) -> Any:
    """A writer that is not a dependency of the app (measured only when installed)."""
    import importlib

    return importlib.import_module(name)


def _widths(head: Sequence[str], rows: list[list[Any]]) -> list[float]:
    longest = [len(h) + 2 for h in head]
    for values in rows[:2000]:
        for i, v in enumerate(values):
            longest[i] = max(longest[i], len(str(v)) if v is not None else 0)
    return [float(min(60, max(6, n + 2))) for n in longest]


def _openpyxl(head: Sequence[str], rows: list[list[Any]], out: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    sheet: Any = book.create_sheet("مخاطبان")
    for i, width in enumerate(_widths(head, rows), 1):
        sheet.column_dimensions[get_column_letter(i)].width = width
    sheet.sheet_view.rightToLeft = True
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    cells = []
    for text in head:
        cell = WriteOnlyCell(sheet, text)
        cell.font = bold
        cells.append(cell)
    sheet.append(cells)
    for values in rows:
        sheet.append(values)
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(head))}{len(rows) + 1}"
    book.save(out)


def _xlsxwriter(head: Sequence[str], rows: list[list[Any]], out: Path) -> None:
    xlsxwriter = _optional("xlsxwriter")
    book = xlsxwriter.Workbook(str(out), {"constant_memory": True, "strings_to_formulas": False})
    sheet = book.add_worksheet("مخاطبان")
    sheet.right_to_left()
    sheet.freeze_panes(1, 0)
    for i, width in enumerate(_widths(head, rows)):
        sheet.set_column(i, i, width)
    sheet.write_row(0, 0, head, book.add_format({"bold": True}))
    for number, values in enumerate(rows, 1):
        sheet.write_row(number, 0, values)
    sheet.autofilter(0, 0, len(rows), len(head) - 1)
    book.close()


def _rustpy(head: Sequence[str], rows: list[list[Any]], out: Path) -> None:
    _optional("rustpy_xlsxwriter").write_worksheet(
        (dict(zip(head, values, strict=True)) for values in rows),
        str(out),
        sheet_name="مخاطبان",
        freeze_row=1,
        bold_headers=True,
        autofilter=True,
        column_widths=_widths(head, rows),
        sheet_view={"right_to_left": True},
    )


_WRITE: dict[str, Callable[[Sequence[str], list[Any], Path], None]] = {
    "ours": _ours,
    "openpyxl": _openpyxl,
    "xlsxwriter": _xlsxwriter,
    "rustpy_xlsxwriter": _rustpy,
}


def _run_child(what: str, source: Path, out: Path) -> None:
    if what == "export":
        result: dict[str, Any] | None = _export(source, out)
    elif what in ("rows", "pickle"):
        result = _read_rows(source, out if what == "pickle" else None)
    else:
        import importlib.util

        if what != "ours" and importlib.util.find_spec(what) is None:
            print(json.dumps(None))
            return
        with source.open("rb") as file:
            head, rows = pickle.load(file)
        if what != "ours":
            rows = _plain(rows)
        start = time.perf_counter()
        _WRITE[what](head, rows, out)
        result = {"seconds": time.perf_counter() - start}
    if result is not None:
        result["rss_mb"] = _peak_mb()
    print(json.dumps(result))


_CHILDREN = ("export", "rows", "pickle", *_WRITE)


def main() -> int:
    """``python -m benchmarks.exporting DB [--rounds R]``: the export row alone, on a
    database of one's own (``crm-desktop --db DB demo --contacts 100000`` makes one)."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m benchmarks.exporting")
    parser.add_argument("db", type=Path, help="a database to export the contacts of")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    if not args.db.is_file():
        parser.error(f"{args.db} does not exist")
    what, _scale, figure, baseline, target = row(measure(args.db, rounds=args.rounds), "")
    print(f"{what}: {figure}\nbaseline: {baseline}\ntarget: {target}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] in _CHILDREN:
        _run_child(sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]))
    else:
        raise SystemExit(main())
