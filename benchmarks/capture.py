"""What the change log costs and how fast it answers.

- One contact edit through ``update_contact`` (what the contact editor calls) on a copy
  of a demo database, against the same edit on a copy whose capture triggers are
  dropped (``importing.drop_capture``): median of many edits, the two interleaved.
- ``record_history`` of a contact with 200 history entries (service edits of different
  fields, an import and a merge), against reading its log rows with bare sqlite3; and
  ``crm-desktop history ID --json`` in a cold process, against ``crm-desktop --version``.
- Undo and redo of the 50,000-row import (``undo_import``, ``redo_import``), against the
  import itself, in the same fresh process.

``python -m benchmarks.capture [--contacts N] [--edits E] [--import-rows R]`` prints them.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.data import demo_database
from benchmarks.importing import child, drop_capture, spreadsheet
from crm_desktop.models.database import Database, open_database
from crm_desktop.services import contacts, merge
from crm_desktop.services.fields import ContactChanges
from crm_desktop.services.history import record_history
from crm_desktop.services.importer import import_file

HISTORY_ENTRIES = 200
# The fields an edit changes, in turn: each edit changes one of them to a new value.
_TEXT_FIELDS = ("city", "job_title", "address", "province", "notes", "first_name")


def _edit(db: Database, contact_id: str, number: int) -> None:
    name = _TEXT_FIELDS[number % len(_TEXT_FIELDS)]
    value = f"مقدار {number}" if name != "first_name" else f"نام {number}"
    changes = ContactChanges()
    setattr(changes, name, value)
    contacts.update_contact(db, contact_id, changes)


def _copy(source: Path, target: Path, *, capture: bool) -> Path:
    shutil.copyfile(source, target)
    if not capture:
        with sqlite3.connect(target) as conn:
            drop_capture(conn)
    return target


def measure_edits(path: Path, folder: Path, edits: int = 300) -> dict[str, float]:
    """Median ms of one contact edit with capture on and with the triggers dropped."""
    captured = open_database(_copy(path, folder / "captured.sqlite3", capture=True))
    bare = open_database(_copy(path, folder / "bare.sqlite3", capture=False))
    with sqlite3.connect(path) as conn:
        ids = [
            row[0]
            for row in conn.execute(
                "SELECT id FROM contacts WHERE deleted_at IS NULL AND merged_into_id IS NULL "
                "ORDER BY id LIMIT ?",
                (edits,),
            )
        ]
    times: dict[str, list[float]] = {"captured": [], "bare": []}
    try:
        for number in range(edits):
            contact_id = ids[number % len(ids)]
            for label, db in (("captured", captured), ("bare", bare)):
                start = time.perf_counter()
                _edit(db, contact_id, number)
                times[label].append((time.perf_counter() - start) * 1000)
    finally:
        captured.close()
        bare.close()
    edit_ms = statistics.median(times["captured"])
    bare_ms = statistics.median(times["bare"])
    return {
        "edits": float(len(times["captured"])),
        "edit_ms": edit_ms,
        "edit_p95_ms": statistics.quantiles(times["captured"], n=20)[-1],
        "bare_edit_ms": bare_ms,
        "capture_cost": edit_ms / bare_ms - 1,
    }


def _history_contact(db: Database, folder: Path) -> str:
    """A contact with 200 history entries: its creation, an import that fills a field,
    a merge, and service edits of different fields."""
    import openpyxl

    made = contacts.create_contact(
        db, ContactChanges(first_name="پرستو", last_name="بنچمارک", add_phones=["+989121110000"])
    ).id
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["نام", "نام خانوادگی", "موبایل", "استان"])
    sheet.append(["پرستو", "بنچمارک", "09121110000", "گیلان"])
    xlsx = folder / "history.xlsx"
    book.save(xlsx)
    import_file(db, xlsx)
    twin = contacts.create_contact(
        db, ContactChanges(first_name="پرستو", last_name="بنچمارک", add_emails=["p@b.example"])
    ).id
    merge.merge_contacts(db, made, [twin])
    kinds = {entry.operation for entry in record_history(db, made)}
    assert {"create", "import", "merge"} <= kinds, kinds
    number = 0
    while len(record_history(db, made)) < HISTORY_ENTRIES:
        _edit(db, made, number)
        number += 1
    return made


def _cold(*args: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "crm_desktop", *args], check=True, capture_output=True)
    return time.perf_counter() - start


def measure_history(path: Path, folder: Path, rounds: int = 20, runs: int = 5) -> dict[str, Any]:
    target = _copy(path, folder / "history.sqlite3", capture=True)
    with open_database(target) as db:
        contact_id = _history_contact(db, folder)
        entries = len(record_history(db, contact_id))
        service = []
        for _ in range(rounds):
            start = time.perf_counter()
            record_history(db, contact_id)
            service.append((time.perf_counter() - start) * 1000)
    raw = sqlite3.connect(target)
    bare = []
    for _ in range(rounds):
        start = time.perf_counter()
        raw.execute(
            "SELECT c.*, o.* FROM change_log c JOIN operations o ON o.op_id = c.op_id "
            "WHERE c.record_id = ? ORDER BY c.seq DESC",
            (contact_id,),
        ).fetchall()
        bare.append((time.perf_counter() - start) * 1000)
    raw.close()
    cli = [_cold("--db", str(target), "history", contact_id, "--json") for _ in range(runs)]
    version = [_cold("--version") for _ in range(runs)]
    return {
        "entries": entries,
        "history_ms": statistics.median(service),
        "bare_history_ms": statistics.median(bare),
        "cli_s": statistics.median(cli),
        "version_s": statistics.median(version),
    }


def measure_undo(rows: int, folder: Path) -> dict[str, Any]:
    """Import ``rows`` contacts into a new database in a fresh process, undo, redo."""
    result = child("import", spreadsheet(rows), folder / "undo.sqlite3", "--undo")
    return {
        "rows": rows,
        "created": result["created"],
        "import_s": result["seconds"],
        "undo_s": result["undo_s"],
        "redo_s": result["redo_s"],
    }


def measure(
    path: Path,
    *,
    edits: int = 300,
    import_rows: int = 50_000,
    imported: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Every figure; the undo ones from ``imported`` (``importing.measure``'s) if given."""
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        undone = (
            measure_undo(import_rows, folder)
            if imported is None
            else {
                "rows": imported["rows"],
                "created": imported["created"],
                "import_s": imported["undo_import_s"],
                "undo_s": imported["undo_s"],
                "redo_s": imported["redo_s"],
            }
        )
        return {
            **measure_edits(path, folder, edits),
            **measure_history(path, folder),
            **undone,
        }


def rows(figures: dict[str, Any], scale: str) -> list[tuple[str, str, str, str, str]]:
    """The table rows of these figures: what, scale, measured, baseline, target."""
    return [
        (
            f"one contact edit (update_contact, as the editor saves), "
            f"median of {figures['edits']:.0f}",
            scale,
            f"median {figures['edit_ms']:.2f} ms with capture "
            f"(+{100 * figures['capture_cost']:.0f}%), p95 {figures['edit_p95_ms']:.2f} ms",
            f"the same edits with the capture triggers dropped: {figures['bare_edit_ms']:.2f} ms",
            "capture costs at most 20% of an edit",
        ),
        (
            f"a contact's history (record_history), {figures['entries']} entries",
            scale,
            f"median {figures['history_ms']:.1f} ms",
            f"its log rows read with bare sqlite3: {figures['bare_history_ms']:.2f} ms",
            "—",
        ),
        (
            "crm-desktop history ID --json, cold process",
            f"{figures['entries']} entries",
            f"median {figures['cli_s']:.2f} s",
            f"crm-desktop --version, cold process: {figures['version_s']:.2f} s",
            "—",
        ),
        (
            "undo that import, then redo it (undo_import, redo_import)",
            f"{figures['created']:,} contacts created by a {figures['rows']:,}-row import",
            f"undo {figures['undo_s']:.1f} s, redo {figures['redo_s']:.1f} s",
            f"the import itself, same process: {figures['import_s']:.1f} s",
            "— (runs in the background)",
        ),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.capture")
    parser.add_argument("--contacts", type=int, default=100_000)
    parser.add_argument("--edits", type=int, default=300)
    parser.add_argument("--import-rows", type=int, default=50_000)
    args = parser.parse_args(argv)
    print(f"building or reusing a demo database of {args.contacts:,} contacts...", file=sys.stderr)
    path, _ = demo_database(args.contacts)
    figures = measure(path, edits=args.edits, import_rows=args.import_rows)
    print("| what | scale | measured | baseline (same run) | target |")
    print("| --- | --- | --- | --- | --- |")
    for row in rows(figures, f"{args.contacts:,} contacts"):
        print("| " + " | ".join(row) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
