"""More export files of other systems, for the classes issue 10 had only one file of.

Like ``tests/test_import_exports.py``: each file under ``tests/data/exports/`` is a public
sample of another program, copied byte for byte (``tests/data/README.md`` names its
source, commit and licence), and imported as a new user would: ``crm-desktop import``.
This module adds a second real file to two classes of file:

* no header row: a sheet whose first line is already a contact. The command line exits
  with 2 and one line on stderr saying no header row was found, and writes nothing;
* ragged rows: a CSV row with fewer fields than the header. The row is read, not
  refused, and said: "this row has N values but the header has M columns".

The expectations were written from reading each file, never from what the importer
printed.
"""

from __future__ import annotations

from pathlib import Path

from tests.test_cli import run
from tests.test_import_exports import Export, assert_nothing_written

# ------------------------------------------------------------------ no header row


TAB_COMMA_MIXED = Export("thunderbird-tab_comma_mixed.csv")


def test_thunderbird_tab_comma_mixed_has_no_header_row(db_path: Path) -> None:
    # Thunderbird's sample for its "Text file" importer: four cards and no header at
    # all. The first line is already a card (1,1,1,1,1@host.invalid and 21 empty
    # fields), the other three are separated by tabs (2\t2\t2\t2\t2@host.invalid):
    # no line names a column, so the import cannot know which holds a name.
    rows = TAB_COMMA_MIXED.table()
    assert rows[0][:5] == ["1", "1", "1", "1", "1@host.invalid"]
    assert [row[0] for row in rows[1:]] == [
        f"{n}\t{n}\t{n}\t{n}\t{n}@host.invalid" for n in (2, 3, 4)
    ]

    before = db_path.read_bytes()
    result = run(db_path, "--lang", "en", "import", str(TAB_COMMA_MIXED.path), "--json")

    assert result.returncode == 2, (result.stdout, result.stderr)
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "no header row" in lines[0].lower(), result.stderr
    assert_nothing_written(db_path, before)


def test_thunderbird_tab_comma_mixed_refused_in_persian_too(db_path: Path) -> None:
    # The same refusal in the default language: one Persian line naming the header row.
    before = db_path.read_bytes()
    result = run(db_path, "--lang", "fa", "import", str(TAB_COMMA_MIXED.path))

    assert result.returncode == 2, (result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "عنوان ستون" in lines[0], result.stderr
    assert_nothing_written(db_path, before)
