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

import json
import re
from pathlib import Path
from typing import Any

from crm_desktop.services.spreadsheet import read_sheet
from tests.test_cli import run
from tests.test_import_exports import (
    Export,
    assert_counts,
    by_name,
    e164,
    imported,
    people,
    refusal,
    warned,
)

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

    line = refusal(db_path, TAB_COMMA_MIXED)

    assert "no header row" in line.lower(), line


def test_thunderbird_tab_comma_mixed_refused_in_persian_too(db_path: Path) -> None:
    # The same refusal in the default language: one Persian line naming the header row.
    line = refusal(db_path, TAB_COMMA_MIXED, lang="fa")

    assert "عنوان ستون" in line, line


# -------------------------------------------------------------------- ragged rows


def short_rows(data: dict[str, Any], values: int, columns: int) -> set[int]:
    """The rows the import said have ``values`` fields under a header of ``columns``."""
    said = f"this row has {values} values but the header has {columns} columns"
    return {w["row"] for w in data["warnings"] if said in w["message"]}


CHATWOOT = Export("chatwoot-invalid_contacts.csv")
CHATWOOT_PEOPLE = {
    ("Clarice", "Uzzell"): "cuzzell0@mozilla.org",
    ("Marieann", "Creegan"): "mcreegan1@cornell.edu",
    ("Sibel", "Stennine"): "sstennine3@yellowbook.com",
    ("Tina", "O'Lunney"): "tolunney4@si.edu",
    ("Quinn", "Neve"): "qneve5@army.mil",
    ("Karylin", "Gaunson"): "kgaunson6@tripod.com",
    ("Jamison", "Shenton"): "jshenton7@upenn.edu",
    ("Gavan", "Threlfall"): "gthrelfall8@spotify.com",
    ("Katina", "Hemmingway"): "khemmingway9@ameblo.jp",
    ("Jillian", "Deinhard"): "jdeinharda@canalblog.com",
    ("Blake", "Finden"): "bfindenb@wsj.com",
    ("Liane", "Maxworthy"): "lmaxworthyc@un.org",
    ("Martynne", "Ledley"): "mledleyd@sourceforge.net",
    ("Katharina", "Ruffli"): "krufflie@huffingtonpost.com",
    ("Tucker", "Simmance"): "tsimmancef@bbc.co.uk",
    ("Wenona", "Martinson"): "wmartinsong@census.gov",
    ("Gretna", "Vedyasov"): "gvedyasovh@lycos.com",
    ("Lurline", "Abdon"): "labdoni@archive.org",
    ("Fiann", "Norcliff"): "fnorcliffj@istockphoto.com",
    ("Zed", "Linn"): "zlinnk@phoca.cz",
    ("Averyl", "Simyson"): "asimysonl@livejournal.com",
    ("Camella", "Blackadder"): "cblackadderm@nifty.com",
    ("Aurie", "Spatig"): "aspatign@printfriendly.com",
    ("Adrienne", "Bellard"): "abellardo@cnn.com",
}


def test_chatwoot_rows_without_their_last_field(db_path: Path) -> None:
    # Chatwoot's contact import sample (id, first_name, last_name, email, gender,
    # ip_address, identifier, phone_number). Only its first three people have a
    # phone_number: the other 22 rows (lines 5 to 26) stop after "identifier", seven
    # fields of eight. Each is read and said, none refused. The third person (Nancey
    # Windibank) has Clarice Uzzell's email: the same contact, its names kept and the
    # difference said; +91 848484848 is as written (a foreign number with its code).
    rows = CHATWOOT.table()
    assert [len(row) for row in rows] == [8] * 4 + [7] * 22

    data = imported(db_path, CHATWOOT)

    assert_counts(data, rows=25, created=24)
    assert data["duplicates"] == 1
    assert short_rows(data, values=7, columns=8) == set(range(5, 27))
    assert {(4, "first_name"), (4, "last_name")} <= {
        (w["row"], w["column"]) for w in data["warnings"]
    }
    assert {"id", "gender", "identifier"} <= {w["column"] for w in data["warnings"]}

    named = by_name(db_path)
    assert set(named) == set(CHATWOOT_PEOPLE)
    for name, email in CHATWOOT_PEOPLE.items():
        assert named[name]["emails"] == [email], name
    clarice = named["Clarice", "Uzzell"]
    assert clarice["phones"][0] == "+918484848484"
    assert set(clarice["phones"]) <= {"+918484848484", "+91848484848"}
    assert named["Marieann", "Creegan"]["phones"] == ["+918484848485"]
    others = set(CHATWOOT_PEOPLE) - {("Clarice", "Uzzell"), ("Marieann", "Creegan")}
    assert all(named[name]["phones"] == [] for name in others)


IP_ADDRESS = re.compile(r"\d{1,3}(\.\d{1,3}){3}")


def test_chatwoot_ip_address_is_no_postal_address(db_path: Path) -> None:
    # "ip_address" (70.61.11.201) is where a contact last connected from, not where
    # they live: left out with a warning, or kept in the notes, never the address.
    data = imported(db_path, CHATWOOT)

    assert not [p for p in people(db_path) if IP_ADDRESS.fullmatch(p["address"] or "")]
    assert "ip_address" in {w["column"] for w in data["warnings"]}
    assert [m["field"] for m in data["mapping"] if m["column"] == "ip_address"] == [None]


OUTLOOK_2013 = Export("tine20-importtest_outlook2013.csv", encoding="cp1252")


def test_german_outlook_2013_rows_shorter_than_the_header() -> None:
    # A German Outlook 2013 export (Windows-1252, CRLF, every cell quoted): 92 headers,
    # but both people stop three fields early, at "Vertraulichkeit" (89 fields; Tine
    # 2.0's commit: "csv might skip empty cols"). The first person's notes cell is a
    # line break, so the second person starts on line 4 but is the sheet's row 3.
    rows = OUTLOOK_2013.table()
    assert [len(row) for row in rows] == [92, 89, 89]

    sheet = read_sheet(OUTLOOK_2013.path)

    assert sheet.has_header and sheet.header_row == 1
    assert [(row.number, row.values[1], row.values[3]) for row in sheet.rows] == [
        (2, "Christian", "Baumann"),
        (3, "Cornelius", "Weiß"),
    ]
    said = "this row has 89 values but the header has 92 columns; values may be shifted."
    assert [(note.row, note.en) for note in sheet.notes] == [(2, said), (3, said)]


def test_german_outlook_2013_imports_its_people(db_path: Path) -> None:
    # Its headers are Outlook's German ones (Vorname, Nachname, Firma, Position,
    # E-Mail-Adresse, Telefon geschäftlich, Mobiltelefon, Straße/Ort geschäftlich):
    # the two people come in whole, with the short rows said. Numbers without +49 are
    # read by the file's country ("Deutschland"); a birthday of "0.0.00" is Outlook's
    # way of saying none, not a bad date.
    result = run(db_path, "--lang", "en", "import", str(OUTLOOK_2013.path), "--json")

    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert_counts(data, rows=2, created=2)
    assert short_rows(data, values=89, columns=92) == {2, 3}
    fields = {m["column"]: m["field"] for m in data["mapping"]}
    assert fields["E-Mail-Typ"] is None and fields["E-Mail: Angezeigter Name"] is None
    assert not [w for w in data["warnings"] if w["column"] == "Geburtstag"]
    # Cornelius' mobile has a digit too many for a German number: said, and dropped.
    assert (3, "Mobiltelefon") in warned(data)
    named = by_name(db_path)
    assert set(named) == {("Christian", "Baumann"), ("Cornelius", "Weiß")}
    christian, cornelius = named["Christian", "Baumann"], named["Cornelius", "Weiß"]
    assert christian["emails"] == ["c.baumann@unittest.de"]
    assert cornelius["emails"] == ["c.weiss@unittest.de"]
    assert christian["phones"] == [e164("+49 (0) 40 6432131-550", "DE")]
    assert cornelius["phones"] == [e164("040 6432131545", "DE")]
    assert (christian["company"], christian["job_title"]) == ("unittest", "Vertrieb")
    assert cornelius["job_title"] == "Softwareengineering"
    assert (christian["address"], christian["city"]) == ("Pickhuben 2", "Hamburg")
    assert "20457" in christian["notes"]  # the postal code, kept in the notes
    assert christian["birth_date"] is None and cornelius["birth_date"] is None
