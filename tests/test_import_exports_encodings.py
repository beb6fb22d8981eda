"""Export files in the rarer shapes, imported as a new user would: ``crm-desktop import``.

Issue 10 asks for every class of file to be tried on at least two real public files;
these are the second (or first) ones of the classes that had fewer: UTF-16 text, CSV in
Windows-1256, and .ods zips without the ``mimetype`` entry. Each file under
``tests/data/exports/`` is copied byte for byte from a public repository;
``tests/data/README.md`` names its source, commit and licence.

The expectations were written from reading each file by hand (``unzip -p FILE
content.xml`` for an .ods, ``iconv`` for a text file), never from what the importer
printed: the names, emails, counts, or the one-line refusal and that nothing was
written.
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.test_cli import run
from tests.test_import_exports import (
    Export,
    companies,
    people,
    refusal,
    warned_columns,
)

# ------------------------------------------------------------ .ods without mimetype


def test_ods_of_google_docs_without_a_mimetype_entry(db_path: Path) -> None:
    # readODS's sheet saved by Google Docs (2014): a zip of content.xml, styles.xml,
    # settings.xml and the manifest, no ``mimetype`` entry. Its first sheet holds only
    # numbers, the first row being 1, 2, 3: read, it is a sheet without a header row,
    # and the refusal names what it saw there (not "damaged", not "mimetype").
    line = refusal(db_path, Export("readods-googledocscreated.ods"))

    assert "header" in line.lower(), line
    assert "('1', '2', '3')" in line, line
    assert "mimetype" not in line and "damaged" not in line, line


def test_ods_without_a_mimetype_entry_and_no_name_column(db_path: Path) -> None:
    # readODS's col_types.ods, written by another tool without the ``mimetype`` entry
    # (its meta.xml is empty): one sheet with the header cola, colb, colc over eight
    # rows (a/b, 1/2, 100/200). Read, it has no column for a person's name: refused,
    # the refusal naming the three columns it read.
    line = refusal(db_path, Export("readods-col_types.ods"))

    assert "name" in line, line
    assert "'cola', 'colb', 'colc'" in line, line
    assert "mimetype" not in line and "damaged" not in line, line


# ------------------------------------------------------------------ UTF-16

# PhpSpreadsheet's CSV reader test files: the same two French lines (a header
# "première,second,troisième" and "Quatrième,cinquième,sixième") in each encoding.
PREMIERE_HEADER = "'première', 'second', 'troisième'"


def test_utf16_le_with_a_bom_is_read_never_garbled(db_path: Path) -> None:
    # UTF-16 LE with a BOM and CRLF, as Excel's "Unicode text" writes it, but comma
    # separated: a header of three French words and one row, no column for a name.
    # Read, it is refused for that, naming the header as written (è, not "Ã¨").
    line = refusal(db_path, Export("phpspreadsheet-premiere.utf16lebom.csv"))

    assert PREMIERE_HEADER in line, line
    assert "Ã" not in line and "\x00" not in line, line


def test_utf16_le_without_a_bom_is_read_never_garbled(db_path: Path) -> None:
    # The same lines in UTF-16 LE without a byte order mark, and a third row holding
    # U+10400 (a surrogate pair), U+FFFE and U+FFFF. Every other byte is a NUL: never
    # a one-byte text. Read right: the header named as written.
    line = refusal(db_path, Export("phpspreadsheet-premiere.utf16le.csv"))

    assert PREMIERE_HEADER in line, line
    assert "Ã" not in line and "\x00" not in line, line


def test_utf16_be_with_a_bom_and_line_breaks_in_quotes(db_path: Path) -> None:
    # UTF-16 BE with a BOM: the header "Name,Copy,URL" and five rows named "Test",
    # each with the URL http://google.com; four of the "Copy" cells hold three line
    # breaks inside quotes. One record called Test (a person or, with its web site,
    # a company) and four duplicates of it.
    export = Export("phpspreadsheet-utf16be.line_break_in_enclosure.csv", encoding="utf-16")
    result = run(db_path, "--lang", "en", "import", str(export.path), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)

    assert data["rows"] == 5
    assert {m["column"] for m in data["mapping"]} >= export.filled_columns()
    found = companies(db_path)
    listed = people(db_path)
    if data["kind"] == "companies":
        assert set(found) == {"Test"} and listed == []
        assert found["Test"]["website"] == "http://google.com"
    else:
        assert [p["full_name"] for p in listed] == ["Test"]
    assert (data["created"], data["duplicates"]) == (1, 4)
    # The "Copy" cells (CRLF inside the quotes): imported as notes with their line
    # breaks, or left out with a warning.
    notes = {(p["notes"] or "").replace("\r\n", "\n") for p in listed}
    assert "Copy" in warned_columns(data) or "This is a test\nwith line breaks" in notes
