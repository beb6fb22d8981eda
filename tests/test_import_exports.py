"""Export files of other systems, imported as a new user would: ``crm-desktop import``.

Each file under ``tests/data/exports/`` is a public export sample of another program
(Thunderbird, Outlook and Google Contacts as Roundcube and Tine 2.0 test them, Mautic,
Odoo, Krayin), copied byte for byte; ``tests/data/README.md`` names its source, commit
and licence. An office that switches from one of these brings exactly such a file.

The expectations were written from reading each file, never from what the importer
printed: the names, every email and phone of a person (E.164, emails in lower case),
the company each person belongs to, job titles, the counts, and a warning for every
column with values that the import left out (issue 10). Numbers without a country code
are Iranian unless the file says otherwise (a ``Country`` column): a UK number of a UK
contact is ``+44...``, whatever shape it would also have as an Iranian one.
"""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Iterable
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import phonenumbers
import pytest
from python_calamine import CalamineWorkbook

from tests.test_cli import run

EXPORTS = Path(__file__).resolve().parent / "data" / "exports"

Person = dict[str, Any]


@dataclass(frozen=True)
class Export:
    """One sample file and how a person reads it by hand (encoding, separator)."""

    name: str
    encoding: str = "utf-8-sig"
    delimiter: str = ","

    @property
    def path(self) -> Path:
        return EXPORTS / self.name

    def table(self) -> list[list[str]]:
        """The file's first sheet as text, read with the standard tools (csv, calamine)."""
        if self.path.suffix in (".xls", ".xlsx", ".ods"):
            sheet = CalamineWorkbook.from_path(str(self.path)).get_sheet_by_index(0)
            return [["" if v is None else str(v) for v in row] for row in sheet.to_python()]
        with self.path.open(encoding=self.encoding, newline="") as f:
            return list(csv.reader(f, delimiter=self.delimiter))

    def filled_columns(self) -> set[str]:
        """The headers of the columns that hold a value in at least one row."""
        header, *rows = self.table()
        return {
            column.strip()
            for i, column in enumerate(header)
            if column.strip() and any(i < len(row) and row[i].strip() for row in rows)
        }


# ------------------------------------------------------------------ the helpers


def import_json(db: Path, export: Export, *args: str) -> dict[str, Any]:
    result = run(db, "--lang", "en", "import", str(export.path), *args, "--json")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    data = json.loads(result.stdout)
    assert isinstance(data, dict)
    return data


def imported(db: Path, export: Export, kind: str | None = "contacts") -> dict[str, Any]:
    """Import ``export`` and check what every import must say: the kind it chose, a
    mapping entry for every column with values, and a warning for each of those it
    left out (the warning's column being the header)."""
    data = import_json(db, export)
    if kind is not None:
        assert data["kind"] == kind
    mapping = {m["column"]: m["field"] for m in data["mapping"]}
    labels = {m["column"] for m in data["mapping"] if m.get("label_of")}
    filled = export.filled_columns()
    assert filled <= set(mapping), filled - set(mapping)
    # A "Phone 1 - Type" column says its value column's kind: used, not left out.
    left_out = {column for column in filled if mapping[column] is None} - labels
    assert left_out <= warned_columns(data), left_out - warned_columns(data)
    return data


def warned_columns(data: dict[str, Any]) -> set[str]:
    return {w["column"] for w in data["warnings"]}


def warned(data: dict[str, Any]) -> set[tuple[int, str]]:
    return {(w["row"], w["column"]) for w in data["warnings"]}


def people(db: Path) -> list[Person]:
    result = run(db, "contacts", "--limit", "1000", "--json")
    assert result.returncode == 0, result.stderr
    listed = json.loads(result.stdout)
    assert isinstance(listed, list)
    return listed


def by_name(db: Path) -> dict[tuple[str, str], Person]:
    """Each contact by (first name, last name); a name twice is a test failure."""
    listed = people(db)
    named = {(p["first_name"], p["last_name"]): p for p in listed}
    assert len(named) == len(listed), sorted(named)
    return named


def companies(db: Path) -> dict[str, dict[str, Any]]:
    """Each company by name, read from the file itself (the CLI has no companies
    listing); a name twice is a test failure."""
    with closing(sqlite3.connect(db)) as conn:
        conn.row_factory = sqlite3.Row
        rows = conn.execute(
            "SELECT name, industry, phone, email, website, city, province"
            " FROM companies WHERE deleted_at IS NULL"
        ).fetchall()
    found = {row["name"]: dict(row) for row in rows}
    assert len(found) == len(rows), sorted(row["name"] for row in rows)
    return found


def e164(number: str, region: str) -> str:
    return phonenumbers.format_number(
        phonenumbers.parse(number, region), phonenumbers.PhoneNumberFormat.E164
    )


def assert_counts(data: dict[str, Any], rows: int, created: int) -> None:
    assert (data["rows"], data["created"]) == (rows, created)


def assert_nothing_written(db: Path, before: bytes) -> None:
    assert db.read_bytes() == before
    assert people(db) == []


def refusal(db: Path, export: Export, lang: str = "en") -> str:
    """Import ``export``, expecting a refusal: its one line, with nothing written."""
    before = db.read_bytes()
    result = run(db, "--lang", lang, "import", str(export.path), "--json")

    assert result.returncode == 2, (result.stdout, result.stderr)
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert_nothing_written(db, before)
    return lines[0]


# ------------------------------------------------------------------ Thunderbird

THUNDERBIRD = Export("thunderbird-basic_csv_addressbook.csv")


def test_thunderbird_address_book(db_path: Path) -> None:
    data = imported(db_path, THUNDERBIRD)

    assert_counts(data, rows=2, created=2)
    named = by_name(db_path)
    assert set(named) == {("John", "Doe"), ("Jane", "Doe")}
    assert named["John", "Doe"]["emails"] == ["john@doe.invalid"]
    assert named["Jane", "Doe"]["emails"] == ["jane@doe.invalid"]


@pytest.mark.parametrize(
    "export",
    [Export("thunderbird-export.csv"), Export("thunderbird-export.txt", delimiter="\t")],
    ids=["comma", "tab"],
)
def test_thunderbird_export_comma_and_tab(db_path: Path, export: Export) -> None:
    # Thunderbird's own export, once with commas and once tab separated (its "Tab
    # separated" choice, a .txt). Both addresses lack a dot after the @: dropped with a
    # warning each. The second card's cells hold quotes, a tab, a CR and a LF.
    data = imported(db_path, export)

    assert_counts(data, rows=2, created=2)
    named = by_name(db_path)
    assert set(named) == {("contact", "one"), ("contact", "two")}
    assert named["contact", "one"]["emails"] == named["contact", "two"]["emails"] == []
    assert [w["column"] for w in data["warnings"]].count("Primary Email") == 2
    assert named["contact", "two"]["job_title"] == '"worker"'
    assert named["contact", "two"]["notes"] == "here's some unicode text\u2026"
    assert {"Custom 1", "Custom 2", "Custom 3", "Custom 4"} <= warned_columns(data)


def test_thunderbird_semicolons(db_path: Path) -> None:
    data = imported(db_path, Export("thunderbird-csv_semicolon.csv", delimiter=";"))

    assert_counts(data, rows=2, created=2)
    named = by_name(db_path)
    assert named["John", "Doe"]["emails"] == ["john@doe.invalid"]
    assert named["Jane", "Doe"]["emails"] == ["jane@doe.invalid"]


def test_thunderbird_utf16(db_path: Path) -> None:
    # UTF-16 with a BOM: read, or refused with the real reason (issue 10, item 10).
    export = Export("thunderbird-utf16_addressbook.csv", encoding="utf-16")
    before = db_path.read_bytes()
    result = run(db_path, "--lang", "en", "import", str(export.path), "--json")

    if result.returncode == 2:
        assert "UTF-16" in result.stderr, result.stderr
        assert_nothing_written(db_path, before)
        return
    assert result.returncode == 0, result.stderr
    assert_counts(json.loads(result.stdout), rows=1, created=1)
    assert by_name(db_path)["John", "Doe"]["emails"] == ["johndoe@host.invalid"]


def test_thunderbird_without_a_header_row(db_path: Path) -> None:
    # The first line is already a person: the command line says it found no header
    # and writes nothing (issue 10, item 6).
    line = refusal(db_path, Export("thunderbird-csv_no_header.csv"))

    assert "header" in line.lower(), line
    # What it saw instead of column names: the first card's values.
    assert "('John Doe', 'John', 'Doe', 'john@doe.invalid')" in line


def test_thunderbird_card_of_a_company(db_path: Path) -> None:
    # One card whose display name is its organization, "Acer America", and nothing
    # else but a work number that is not a real one ((800) 000-0000): a company, not a
    # person called Acer America.
    data = imported(db_path, Export("thunderbird-quote.csv"), kind=None)

    assert data["rows"] == 1
    assert "Acer America" in companies(db_path)
    assert all(p["full_name"] != "Acer America" for p in people(db_path))
    assert "Work Phone" in warned_columns(data)


# --------------------------------------------------------- Outlook and Roundcube


def test_outlook_emails_without_a_name_column(db_path: Path) -> None:
    # Outlook's three email columns and nothing else: no column holds a name, so the
    # file is refused, saying so, and nothing is written.
    before = db_path.read_bytes()
    path = Export("roundcube-outlook.csv").path
    result = run(db_path, "--lang", "en", "import", str(path), "--json")

    assert result.returncode == 2, (result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "name" in lines[0], result.stderr
    assert_nothing_written(db_path, before)


SHARED = Export("shared-contacts-outlook.csv")
SHARED_PHONES = (
    "Mobile Phone",
    "Pager",
    "Home Phone",
    "Home Phone 2",
    "Home Fax",
    "Business Phone",
    "Business Phone 2",
    "Business Fax",
)


def test_outlook_every_email_and_phone_column(db_path: Path) -> None:
    # Outlook's columns as a Google tool takes them: one "Name" (split, no part column
    # exists), three emails, eight numbers and a home and a business address. The
    # numbers (+1 555 3227 8544: eleven digits after +1) are no real ones: each is
    # said. The last two rows stop after "Job Title", eleven fields of twenty-two.
    data = imported(db_path, SHARED)

    assert_counts(data, rows=3, created=3)
    named = by_name(db_path)
    assert set(named) == {("Adam", "Glacius"), ("Daniel", "Ireland"), ("Duncan", "Amey")}
    adam = named["Adam", "Glacius"]
    assert sorted(adam["emails"]) == [
        "adam.g@example.com",
        "adam.glacius@anycom.com",
        "ag@glacius.com",
    ]
    assert (adam["company"], adam["job_title"]) == ("Acme Inc.", "Sales Planner")
    assert adam["address"] in ("999 Super Way, Super, CA, 94043", "8999 Corporate Way")
    assert adam["phones"] == []
    assert {(2, column) for column in SHARED_PHONES} <= warned(data)
    assert named["Daniel", "Ireland"]["emails"] == ["danielireland@restty.com"]
    assert named["Daniel", "Ireland"]["job_title"] == "Receptionist"
    assert named["Duncan", "Amey"]["emails"] == ["duncanamey@dreamt.com"]
    assert named["Duncan", "Amey"]["job_title"] == "Supervisor"
    short = {w["row"] for w in data["warnings"] if w["column"] != "Mobile Phone"}
    assert {3, 4} <= short
    assert {"Action", "ID"} <= warned_columns(data)


def test_outlook_norwegian_numbers(db_path: Path) -> None:
    # Outlook's full header (UTF-8 with a BOM). +47 466 88 000 is Norwegian; 901 06 000
    # has no code and the file names no country: no Iranian number, so it is said.
    data = imported(db_path, Export("people-outlook.csv"))

    assert_counts(data, rows=2, created=2)
    named = by_name(db_path)
    assert set(named) == {("Larsen", ""), ("Svein", "Heimdal")}
    assert named["Larsen", ""]["phones"] == ["+4746688000"]
    assert named["Svein", "Heimdal"]["phones"] == []
    assert (3, "Mobile Phone") in warned(data)


ALL_FIELDS = Export("roundcube-all.csv")
ALL_FIELDS_PHONES = (
    "Home Phone",
    "Home Phone 2",
    "Business Phone",
    "Business Phone 2",
    "Home Mobile",
    "Primary Phone",
    "Home Fax",
    "Business Fax",
    "Car Phone",
    "Pager",
    "Phone Video",
    "Assistant's Phone",
    "Other Phone",
)


def test_outlook_style_every_field(db_path: Path) -> None:
    # Every value is a placeholder: the numbers (100, 200...) are no phone numbers, so
    # each phone column is said; the three emails are all kept.
    data = imported(db_path, ALL_FIELDS)

    assert_counts(data, rows=1, created=1)
    (person,) = people(db_path)
    # The middle name is part of the first name (README, "Exports of other systems").
    assert (person["first_name"], person["last_name"]) == ("First Name Middle Name", "Last Name")
    assert sorted(person["emails"]) == [
        "home@example.com",
        "other@example.com",
        "work@example.com",
    ]
    assert person["phones"] == []
    assert set(ALL_FIELDS_PHONES) <= warned_columns(data)
    assert person["company"] == "Company"
    assert person["job_title"] == "Job Title"
    assert person["birth_date"] == "1991-01-20"  # 20/01/1991: day first


def test_thunderbird_export_as_roundcube_tests_it(db_path: Path) -> None:
    data = imported(db_path, Export("roundcube-tb_plain.csv"))

    assert_counts(data, rows=1, created=1)
    (person,) = people(db_path)
    assert (person["first_name"], person["last_name"]) == ("Firstname", "Lastname")
    assert sorted(person["emails"]) == ["next@domain.tld", "test@domain.tld"]
    assert person["company"] == "Organization"
    assert person["job_title"] == "title"
    # "phone work", "mobile"...: words, not numbers.
    assert person["phones"] == []
    phones = {"Work Phone", "Home Phone", "Fax Number", "Pager Number", "Mobile Number"}
    assert phones <= warned_columns(data)


# ---------------------------------------------------------------- Google Contacts


def test_google_contacts_every_email_and_phone(db_path: Path) -> None:
    data = imported(db_path, Export("roundcube-gmail.csv"))

    assert_counts(data, rows=1, created=1)
    (person,) = people(db_path)
    # "Name" holds the whole name; the part columns win over splitting it, and the
    # "Additional Name" (a middle name) is part of the first name.
    assert (person["first_name"], person["last_name"]) == ("Firstname Middle", "Lastname")
    assert sorted(person["emails"]) == [
        "home@aaa.pl",
        "other@email.com",
        "unknown@email.com",
        "work@email.pl",
    ]
    assert person["company"] == "company"
    assert person["job_title"] == "jobtitle"
    assert person["birth_date"] == "1975-12-12"
    # Seven phone columns, each holding a word ("pager", "mobile"...): each is said.
    assert person["phones"] == []
    assert {f"Phone {n} - Value" for n in range(1, 8)} <= warned_columns(data)


def test_google_contacts_german_numbers(db_path: Path) -> None:
    # Numbers with +49 stay German; the two without a code (and no country in the
    # file) are no Iranian numbers either: each is dropped with a warning.
    data = imported(db_path, Export("tine20-google_contacts.csv"))

    assert_counts(data, rows=5, created=5)
    named = by_name(db_path)
    assert set(named) == {
        ("Ando", "family"),
        ("Anna", "family"),
        ("Anne", "family"),
        ("axel", "gert"),
        ("Bus Winsen", "family"),
    }
    assert named["Ando", "family"]["phones"] == ["+49227913452"]
    assert named["Anna", "family"]["phones"] == ["+494471707801"]
    assert named["axel", "gert"]["phones"] == ["+4921234435"]
    assert named["axel", "gert"]["emails"] == ["abc@here.de"]
    assert named["Anne", "family"]["phones"] == named["Bus Winsen", "family"]["phones"] == []
    assert {(4, "Phone 1 - Value"), (6, "Phone 1 - Value")} <= warned(data)


def test_google_contacts_with_a_country(db_path: Path) -> None:
    # 040 12345 of a contact in Hamburg, the row's country DE: a German number.
    data = imported(db_path, Export("tine20-adb_google_import.csv"))

    assert_counts(data, rows=1, created=1)
    (person,) = people(db_path)
    assert (person["first_name"], person["last_name"]) == ("Max", "Mustermann")
    assert person["emails"] == ["max@muster.de"]
    assert person["phones"] == ["+494012345"]
    assert person["company"] == "Musterfirma"
    assert person["city"] == "Hamburg"


# ------------------------------------------------------------------ other CRMs

TINE = Export("tine20-Contact.csv")
TINE_PEOPLE = {
    # (first, last): (company, job title, emails in lower case)
    ("Simon", "Rattle"): (
        "Elbphilharmonie",
        "1. Dirigent",
        ["elb@hamburg.de", "s.rattle@harmonie.de"],
    ),
    ("Sven", "Fruehauf"): (
        "Elbphilharmonie",
        "Erste Geige",
        ["s.fruehauf@hamburg.de", "s.fruehauf@harmonie.de"],
    ),
    # Her home address has two @: dropped with a warning.
    ("Tanja", "Bar"): ("Elbphilharmonie", "Blechbläser", ["t.bar@harmonie.de"]),
    ("Jens", "Baum"): (
        "Elbphilharmonie",
        "2. Dirigent",
        ["j.baum@harmonie.de", "jens.baum@hamburg.de"],
    ),
    ("Julia", "Metzger"): (
        "Schloss Schönbrunn",
        "Gaertner",
        ["j.metger@schloss.de", "m.metger@wien.de"],
    ),
    # His n_middle "von" is part of his first name, as every middle name is.
    ("Eric von", "Eichmann"): (
        "Schloss Schönbrunn",
        "König",
        ["e.eichmann@schloss.de", "e.eichnmann@wien.de"],
    ),
    ("Martina", "Schreiber"): (
        "Schloss Schönbrunn",
        "Gaertner",
        ["m.schreiben@wien.de", "m.schreiber@schloss.de"],
    ),
}


def test_tine_contacts_work_and_home_emails(db_path: Path) -> None:
    # Tine 2.0's own columns: ``email`` and ``email_home`` are both kept, ``title`` is
    # the job (an honorific is in ``salutation``), the numbers are in ``tel_*``.
    data = imported(db_path, TINE)

    assert_counts(data, rows=7, created=7)
    named = by_name(db_path)
    assert set(named) == set(TINE_PEOPLE)
    for name, (company, job, emails) in TINE_PEOPLE.items():
        person = named[name]
        assert (person["company"], person["job_title"]) == (company, job), name
        assert sorted(person["emails"]) == emails, name
    assert (4, "email_home") in warned(data)
    assert_every_phone_kept_or_said(data, TINE, named)


def assert_every_phone_kept_or_said(
    data: dict[str, Any], export: Export, named: dict[tuple[str, str], Person]
) -> None:
    """Each number of the file's ``tel_*`` columns is a phone of its person or a
    warning of its row and column: none is dropped without a word."""
    header, *rows = export.table()
    phone_columns = [i for i, column in enumerate(header) if column.startswith("tel_")]
    first, middle = header.index("n_given"), header.index("n_middle")
    last = header.index("n_family")
    said = warned(data)
    for row_number, row in enumerate(rows, start=2):
        values = [(header[i], row[i]) for i in phone_columns if row[i].strip()]
        unsaid = [v for v in values if (row_number, v[0]) not in said]
        given = " ".join(part for part in (row[first], row[middle]) if part.strip())
        assert len(named[given, row[last]]["phones"]) == len(unsaid), (row_number, values)


MAUTIC = Export("mautic-fakeleaddata.csv")
REGIONS = {
    "United Kingdom": "GB",
    "South Africa": "ZA",
    "Canada": "CA",
    "Australia": "AU",
    "United States": "US",
}


def test_mautic_contacts_honorifics_and_countries(db_path: Path) -> None:
    # ``title`` holds Mr./Mrs./Ms./Dr.: an honorific, never the job. Each number is of
    # its row's country (``070 7086 0753`` in the UK is +44 70 7086 0753). The last
    # four rows hold only an address: no name, each skipped with an error.
    data = imported(db_path, MAUTIC)

    header, *rows = MAUTIC.table()
    column = {name: i for i, name in enumerate(header)}
    assert_counts(data, rows=54, created=50)
    assert sorted(e["row"] for e in data["errors"]) == [52, 53, 54, 55]
    named = by_name(db_path)
    assert len(named) == 50
    for row in rows[:50]:
        person = named[row[column["firstname"]], row[column["lastname"]]]
        region = REGIONS[row[column["country"]]]
        assert person["phones"] == [e164(row[column["phone"]], region)], person["full_name"]
        assert person["emails"] == [row[column["email"]].lower()]
        assert person["company"] == row[column["company"]]
        assert person["job_title"] is None, person["full_name"]
    assert named["Penny", "Moore"]["phones"] == ["+447070860753"]
    assert named["Jose", "Patton"]["phones"] == ["+12504534211"]


def test_mautic_companies_only(db_path: Path) -> None:
    data = imported(db_path, Export("mautic-fakecompanydata.csv"), kind="companies")

    assert_counts(data, rows=4, created=4)
    assert people(db_path) == []
    found = companies(db_path)
    assert {n: (c["city"], c["province"], c["industry"]) for n, c in found.items()} == {
        "Mautic": ("Boston", "Massachusetts", "Software"),
        "Apple": ("Cupertino", "California", "Hardware"),
        "Amazon": ("Seattle", "Washington", "Goods"),
        "HostGator": ("Houston", "Texas", "Software"),
    }


def test_mautic_spaces_after_the_commas(db_path: Path) -> None:
    # ``Ariel, N., Enterprise Example Organization, ariel@example.com``: the space after
    # each comma is not part of the value. CRLF, no line end after the last row.
    data = imported(db_path, Export("mautic-10contacts.csv"))

    assert_counts(data, rows=10, created=10)
    named = by_name(db_path)
    assert named["Ariel", "N."]["company"] == "Enterprise Example Organization"
    assert named["Ariel", "N."]["emails"] == ["ariel@example.com"]
    assert named["Kiran", "K."]["emails"] == ["kiran@example.com"]
    assert named["Penny", "Moore"]["emails"] == ["pennykmoore@dayrep.com"]
    assert named["Andrew", "Flanagan"]["company"] == "William Wanamaker & Sons"
    assert named["Andrew", "Flanagan"]["emails"] == ["andrewvflanagan@dayrep.com"]
    assert {p["company"] for p in named.values()} == {
        "Enterprise Example Organization",
        "Startup Example Organization",
        "Example Organization",
        "Williams Bros.",
        "Pro Garden Management",
        "Success Is Yours",
        "William Wanamaker & Sons",
    }


def test_krayin_emails_and_numbers_in_json_cells(db_path: Path) -> None:
    # Krayin writes each person's emails and numbers as a JSON list of {label, value}
    # in one cell. ``organization_id`` is Krayin's id of a company, not its name. The
    # second number (15454445454) has no code and is no Iranian number.
    data = imported(db_path, Export("krayin-persons.csv"))

    assert_counts(data, rows=2, created=2)
    named = by_name(db_path)
    wilson, sasha = named["Wilson", "Fisk"], named["Sasha", "Calle"]
    assert sorted(wilson["emails"]) == ["contact.home@wilson.com", "contact@wilson.com"]
    assert sasha["emails"] == ["contact@sasha.com"]
    assert wilson["phones"] == ["+985454445454"]
    assert sasha["phones"] == []
    assert (3, "contact_numbers") in warned(data)
    assert (wilson["job_title"], sasha["job_title"]) == ("Sales Executive", "Sales Representatives")
    assert wilson["company"] is None and sasha["company"] is None
    assert "1" not in companies(db_path)


def test_civicrm_player_first_name_and_another_email(db_path: Path) -> None:
    # "Player First Name" is a first name; "Email" and "Another email" are both hers.
    data = imported(db_path, Export("civicrm-individual_valid_basic.csv"))

    assert_counts(data, rows=1, created=1)
    (person,) = people(db_path)
    assert (person["first_name"], person["last_name"]) == ("Susie", "")
    assert sorted(person["emails"]) == ["bob@example.org", "mum@example.org"]


def test_civicrm_organizations_only(db_path: Path) -> None:
    # Organizations, BobCo twice: companies, not people named BobCo, and one BobCo.
    export = Export("civicrm-organization_multiple_duplicates_invalid.csv")
    data = imported(db_path, export, kind="companies")

    assert data["rows"] == 3
    assert people(db_path) == []
    assert set(companies(db_path)) == {"BobCo", "Cindy"}
    assert companies(db_path)["Cindy"]["email"] == "bobco@null.com"


# ------------------------------------------------------ Odoo: companies and people


def assert_companies_and_people(
    db: Path, expected_companies: Iterable[str], expected_people: dict[tuple[str, str], str | None]
) -> dict[tuple[str, str], Person]:
    """Rows marked as companies are companies (and no one else is), the others are
    people linked to their related company."""
    assert set(companies(db)) == set(expected_companies)
    named = by_name(db)
    assert {name: p["company"] for name, p in named.items()} == expected_people
    return named


def test_odoo_customers_and_their_contacts(db_path: Path) -> None:
    data = imported(db_path, Export("odoo-o2m_customers_contacts.csv"))

    assert_counts(data, rows=8, created=8)
    named = assert_companies_and_people(
        db_path,
        ["Aurora Shelves", "House Sales Direct", "International Wood"],
        {
            ("Roger", "Martins"): "Aurora Shelves",
            ("Yvan", "Holiday"): "House Sales Direct",
            ("Jack", "Unsworth"): "House Sales Direct",
            ("Michael", "Mason"): None,
            ("Sharon", "Pecker"): "International Wood",
        },
    )
    assert named["Roger", "Martins"]["city"] == "San José"
    assert companies(db_path)["House Sales Direct"]["city"] == "Redwood"
    assert "Address type" in warned_columns(data)


def test_odoo_suppliers_and_their_contacts(db_path: Path) -> None:
    # "Companies that refers to partner / Parent company" names each person's company;
    # Supplier and Customer (1/0) are no company names. CRLF line ends.
    data = imported(db_path, Export("odoo-o2m_suppliers_contacts.csv"))

    assert_counts(data, rows=7, created=7)
    assert_companies_and_people(
        db_path,
        ["Wood y Wood Pecker", "Vicking Direct"],
        {
            ("Roger", "Pecker"): "Wood y Wood Pecker",
            ("Sharon", "Pecker"): "Wood y Wood Pecker",
            ("Thomas", "Pecker"): "Wood y Wood Pecker",
            ("Yvan", "Holiday"): "Vicking Direct",
            ("Jack", "Unsworth"): "Vicking Direct",
        },
    )
    assert companies(db_path)["Vicking Direct"]["city"] == "Brussels"


def test_odoo_partners_with_numbers(db_path: Path) -> None:
    # ``Company Type`` says Company or Individual. The file's Country column says
    # United States: 4157654321 is +1 415 765 4321. The other numbers (nine digits, or
    # the unassigned area code 451) are no US numbers: each dropped with a warning.
    data = imported(db_path, Export("odoo-res.partner.csv"))

    assert_counts(data, rows=6, created=6)
    named = assert_companies_and_people(
        db_path,
        ["Grocery Outlet", "Agrolait"],
        {
            ("Bob", ""): "Grocery Outlet",
            ("Bill", ""): "Grocery Outlet",
            ("Warehouse", ""): "Grocery Outlet",
            ("Accounting", "dep."): "Grocery Outlet",
        },
    )
    assert named["Bob", ""]["phones"] == ["+14157654321"]
    assert named["Bill", ""]["phones"] == []
    assert named["Warehouse", ""]["emails"] == ["bill@odoo.com"]
    found = companies(db_path)
    assert found["Grocery Outlet"]["website"] == "groceryoutlet.com"
    assert found["Agrolait"]["website"] == "agrolait.com"
    assert {(2, "Phone"), (4, "Mobile"), (5, "Phone"), (6, "Phone"), (7, "Phone")} <= warned(data)
    assert {"ID", "Address Type"} <= warned_columns(data)


def test_odoo_customers_workbook(db_path: Path) -> None:
    # Odoo's sample .xls (old Excel format): "Is a Company" holds TRUE/FALSE cells, and
    # "Related Company/ID" names the company by the ID of its row (MYID_001, Agrolait).
    # The first number is American (the row's country); the French one has its code.
    data = imported(db_path, Export("odoo-customers.xls"))

    assert_counts(data, rows=4, created=4)
    named = assert_companies_and_people(
        db_path, ["Agrolait", "ASUSTeK", "Camptocamp"], {("Edward", "Foster"): "Agrolait"}
    )
    assert named["Edward", "Foster"]["job_title"] == "CEO"
    found = companies(db_path)
    assert found["Agrolait"]["email"] == "agrolait@yourcompany.example.com"
    assert found["Agrolait"]["phone"] == "+18002331234"
    assert found["Agrolait"]["website"] == "http://www.agrolait.com"
    assert found["Camptocamp"]["phone"] == "+33449234454"
    assert found["ASUSTeK"]["city"] == "Taipei"
    assert {"ID", "Internal Reference"} <= warned_columns(data)


def test_odoo_ods_without_a_mimetype_entry(db_path: Path) -> None:
    # Odoo's own .ods test file lacks the ``mimetype`` entry every ODF zip should
    # begin with; LibreOffice opens it all the same. Read it (one "name" column: three
    # people), or refuse it naming that reason, never calling it damaged.
    path = Export("odoo-test.ods").path
    before = db_path.read_bytes()
    result = run(db_path, "--lang", "en", "import", str(path), "--json")

    if result.returncode == 2:
        assert "mimetype" in result.stderr, result.stderr
        assert_nothing_written(db_path, before)
        return
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert_counts(data, rows=3, created=3)
    assert {p["full_name"] for p in people(db_path)} == {"foo", "bar", "aux"}
    assert {"Some Value", "Counter"} <= warned_columns(data)


# ------------------------------------------------------------------ encodings


def test_windows_1252_is_read_or_refused_never_garbled(db_path: Path) -> None:
    # ``;`` separated and in Windows-1252 (``ÖzdemirÖ;Üglü``). Read as Windows-1256 its
    # umlauts would turn into Arabic letters: either the names come out right or the
    # file is refused, with nothing written.
    export = Export("tine20-importtest_win1252.csv", encoding="cp1252", delimiter=";")
    before = db_path.read_bytes()
    result = run(db_path, "--lang", "en", "import", str(export.path), "--json")

    if result.returncode == 2:
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
        assert_nothing_written(db_path, before)
        return
    assert result.returncode == 0, result.stderr
    assert_counts(json.loads(result.stdout), rows=4, created=4)
    named = by_name(db_path)
    assert set(named) == {
        ("Peter", "Pan"),
        ("Maja", "Biene"),
        ("ÖzdemirÖ", "Üglü"),
        ("Weiss", "Cornelius"),
    }
    assert named["ÖzdemirÖ", "Üglü"]["emails"] == ["oezdemir@ueglue.tu"]
