"""What an import understands of other systems' columns (issue: exports from Outlook,
Google, Odoo and other CRMs).

Each test writes a small file the way that system lays it out, imports it through the
real importer into a real database, and checks what a person would look for: every
email and phone kept (with its kind), names where they belong, companies and people
told apart, honorifics not taken for jobs, and every column either used or named in a
warning. Real exported files of those systems are in ``test_import_exports.py``.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from crm_desktop.models.database import Database
from crm_desktop.services import contacts
from crm_desktop.services.column_mapping import NOTES, SAMPLE_ROWS
from crm_desktop.services.importer import guess_kind, import_file
from crm_desktop.services.office import office_region, set_office_region
from crm_desktop.services.records import ContactRecord
from crm_desktop.services.spreadsheet import read_sheet
from tests.importer_files import Grid, write_csv, write_xlsx


def _people(db: Database) -> dict[str, ContactRecord]:
    return {c.full_name: c for c in contacts.list_contacts(db)}


def _phone_kinds(db_path: Path) -> dict[str, str]:
    with sqlite3.connect(db_path) as connection:
        return dict(connection.execute("SELECT number, kind FROM contact_phones"))


def _companies(db_path: Path) -> dict[str, tuple[str | None, str | None, str | None]]:
    with sqlite3.connect(db_path) as connection:
        return {
            name: (phone, email, website)
            for name, phone, email, website in connection.execute(
                "SELECT name, phone, email, website FROM companies WHERE deleted_at IS NULL"
            )
        }


# ------------------------------------------------------------ several of a kind


OUTLOOK: Grid = [
    [
        "Title",
        "First Name",
        "Middle Name",
        "Last Name",
        "Company",
        "Job Title",
        "Business Street",
        "Business City",
        "Home Street",
        "Home City",
        "Business Phone",
        "Home Phone",
        "Mobile Phone",
        "Business Fax",
        "E-mail Address",
        "E-mail 2 Address",
        "E-mail 3 Address",
        "Spouse",
    ],
    [
        "Dr.",
        "Ada",
        "",
        "Lovelace",
        "Analytical Engines",
        "Chief Programmer",
        "12 St James's Square",
        "London",
        "1 Marylebone Road",
        "Oxford",
        "+44 20 7946 0958",
        "+44 1865 123456",
        "+44 7700 900123",
        "+44 20 7946 0000",
        "ada@engines.example",
        "Ada.Home@Example.org",
        "countess@example.net",
        "Lord William King",
    ],
    [
        "Mr",
        "Alan",
        "Mathison",
        "Turing",
        "",
        "",
        "",
        "",
        "",
        "",
        "+44 161 496 0000",
        "",
        "",
        "",
        "alan@example.org",
        "",
        "",
        "",
    ],
]


def test_every_email_and_phone_column_is_kept_with_its_kind(
    db: Database, db_path: Path, tmp_path: Path
) -> None:
    result = import_file(db, write_csv(tmp_path / "outlook.csv", OUTLOOK))

    assert (result.kind, result.rows, result.created) == ("contacts", 2, 2)
    people = _people(db)
    ada = people["Ada Lovelace"]
    assert ada.emails == (
        "ada@engines.example",
        "ada.home@example.org",
        "countess@example.net",
    )
    assert set(ada.phones) == {"+442079460958", "+441865123456", "+447700900123", "+442079460000"}
    kinds = _phone_kinds(db_path)
    assert kinds["+442079460958"] == "work"
    assert kinds["+441865123456"] == "home"
    assert kinds["+447700900123"] == "mobile"
    assert kinds["+442079460000"] == "fax"
    # The business address is the address; the home one is kept in the notes, never
    # the email column "E-mail 2 Address" taken for an address.
    assert ada.address == "12 St James's Square" and ada.city == "London"
    assert ada.notes is not None
    assert "Home Street: 1 Marylebone Road" in ada.notes
    assert "Home City: Oxford" in ada.notes
    # "Title" beside "Job Title" is the honorific: in the notes, not the job.
    assert ada.job_title == "Chief Programmer"
    assert "Title: Dr." in ada.notes
    # The middle name is part of the first name.
    assert "Alan Mathison Turing" in people
    # The spouse column goes nowhere: a warning names it.
    pager = [w for w in result.warnings if w.column == "Spouse"]
    assert len(pager) == 1 and "goes to no field" in pager[0].message("en")


GOOGLE: Grid = [
    [
        "Name",
        "Given Name",
        "Family Name",
        "E-mail 1 - Type",
        "E-mail 1 - Value",
        "E-mail 2 - Type",
        "E-mail 2 - Value",
        "Phone 1 - Type",
        "Phone 1 - Value",
        "Phone 2 - Type",
        "Phone 2 - Value",
        "Organization 1 - Name",
        "Organization 1 - Title",
    ],
    [
        "Sara Karimi",
        "Sara",
        "Karimi",
        "* Work",
        "sara@pars.example",
        "Home",
        "sara.k@example.com",
        "Mobile",
        "0912 345 6789",
        "Home",
        "021 2288 7766",
        "Pars Trading",
        "Buyer",
    ],
    # Only a display name: the name parts are empty.
    ["Reza Amini", "", "", "", "reza@example.com", "", "", "", "", "", "", "", ""],
]


def test_google_type_columns_label_the_values(db: Database, db_path: Path, tmp_path: Path) -> None:
    result = import_file(db, write_csv(tmp_path / "google.csv", GOOGLE))

    assert result.created == 2 and result.errors == []
    people = _people(db)
    sara = people["Sara Karimi"]
    assert sara.emails == ("sara@pars.example", "sara.k@example.com")
    assert (sara.company, sara.job_title) == ("Pars Trading", "Buyer")
    kinds = _phone_kinds(db_path)
    assert kinds == {"+989123456789": "mobile", "+982122887766": "home"}
    # A row with only "Name" still has its name (split into first and last).
    reza = people["Reza Amini"]
    assert (reza.first_name, reza.last_name) == ("Reza", "Amini")
    # The type columns label their values: no warning says they were left out.
    assert not [w for w in result.warnings if "Type" in w.column]
    described = {c.header: c for c in result.mapping}
    assert described["Phone 1 - Type"].label_of == "Phone 1 - Value"
    assert described["Phone 1 - Value"].field in ("mobile", "phone")


# ------------------------------------------------------------ names and titles


def test_english_name_beside_last_name_is_the_first_name(db: Database, tmp_path: Path) -> None:
    grid: Grid = [
        ["name", "last_name", "email", "title"],
        ["Maria", "Silva", "maria@example.com", "Ms"],
        ["João", "Santos", "joao@example.com", "Dr"],
    ]
    import_file(db, write_csv(tmp_path / "people.csv", grid))

    people = _people(db)
    maria = people["Maria Silva"]
    assert (maria.first_name, maria.last_name) == ("Maria", "Silva")
    assert maria.job_title is None and maria.notes == "title: Ms"


@pytest.mark.parametrize("header", ["Role", "Job Position", "Position", "سمت", "عنوان شغلی"])
def test_job_headers_are_the_job(db: Database, tmp_path: Path, header: str) -> None:
    grid: Grid = [["First Name", "Last Name", header], ["Ali", "Rezaei", "مدیر فروش"]]
    import_file(db, write_csv(tmp_path / "jobs.csv", grid))

    assert _people(db)["Ali Rezaei"].job_title == "مدیر فروش"


def test_persian_honorific_title_column(db: Database, tmp_path: Path) -> None:
    grid: Grid = [
        ["عنوان", "نام", "نام خانوادگی", "سمت"],
        ["آقای مهندس", "علی", "رضایی", "مدیر خرید"],
        ["خانم دکتر", "مینا", "کاظمی", "مشاور"],
        ["جناب آقای", "حمید", "نوروزی", ""],
    ]
    path = write_xlsx(tmp_path / "honorifics.xlsx", grid)
    sheet = read_sheet(path)
    result = import_file(db, path)

    assert {c.header: c.field for c in result.mapping}["عنوان"] == NOTES
    people = _people(db)
    assert people["علی رضایی"].job_title == "مدیر خرید"
    assert people["علی رضایی"].notes == "عنوان: آقای مهندس"
    assert people["حمید نوروزی"].job_title is None
    assert sheet.headers[0] == "عنوان"


# -------------------------------------------------------- companies and people


ODOO: Grid = [
    ["Name", "Is a Company", "Related Company", "Email", "Phone", "Website", "Job Position"],
    ["Azure Interior", "True", "", "azure@example.com", "+1 555 0100", "azure.example", ""],
    ["Brandon Freeman", "False", "Azure Interior", "brandon@example.com", "", "", "Creative"],
    ["Colleen Diaz", "False", "Azure Interior", "colleen@example.com", "", "", "Buyer"],
    ["Deco Addict", "True", "", "deco@example.com", "", "deco.example", ""],
    ["Douglas Fletcher", "False", "Deco Addict", "douglas@example.com", "", "", ""],
]


def test_companies_and_people_in_one_file(db: Database, db_path: Path, tmp_path: Path) -> None:
    result = import_file(db, write_csv(tmp_path / "res_partner.csv", ODOO))

    assert result.kind == "contacts"
    # Every row made a record: three people and two companies.
    assert (result.rows, result.created, result.companies_created) == (5, 5, 2)
    assert result.errors == []
    companies = _companies(db_path)
    assert set(companies) == {"Azure Interior", "Deco Addict"}
    assert companies["Azure Interior"] == ("+15550100", "azure@example.com", "azure.example")
    people = _people(db)
    assert set(people) == {"Brandon Freeman", "Colleen Diaz", "Douglas Fletcher"}
    assert people["Brandon Freeman"].company == "Azure Interior"
    assert people["Douglas Fletcher"].company == "Deco Addict"
    assert people["Colleen Diaz"].job_title == "Buyer"
    # Nobody is a company named "True" or "False".
    assert not {"True", "False"} & set(companies)

    again = import_file(db, write_csv(tmp_path / "res_partner.csv", ODOO))
    assert (again.created, again.companies_created) == (0, 0)
    assert set(_companies(db_path)) == {"Azure Interior", "Deco Addict"}


def test_persian_legal_and_natural_persons(db: Database, db_path: Path, tmp_path: Path) -> None:
    grid: Grid = [
        ["نام", "نوع شخص", "شرکت", "موبایل"],
        ["صنایع سپید", "حقوقی", "", ""],
        ["علی رضایی", "حقیقی", "صنایع سپید", "09121234567"],
    ]
    result = import_file(db, write_xlsx(tmp_path / "mixed.xlsx", grid))

    assert (result.created, result.companies_created) == (2, 1)
    assert set(_companies(db_path)) == {"صنایع سپید"}
    assert _people(db)["علی رضایی"].company == "صنایع سپید"


def test_a_file_of_companies_only(db: Database, db_path: Path, tmp_path: Path) -> None:
    grid: Grid = [
        ["name", "sector", "website", "tax id", "phone"],
        ["Acme", "Manufacturing", "acme.example", "DE123456789", "+49 30 901820"],
        ["Globex", "Energy", "globex.example", "US-99-1234567", "+1 212 555 0188"],
    ]
    path = write_csv(tmp_path / "accounts.csv", grid)
    assert guess_kind(read_sheet(path)) == "companies"
    result = import_file(db, path)

    assert (result.kind, result.created) == ("companies", 2)
    assert contacts.list_contacts(db) == []
    assert _companies(db_path)["Acme"] == ("+4930901820", None, "acme.example")
    # The tax id has no field: said, not dropped in silence.
    assert [w.column for w in result.warnings] == ["tax id"]


# ------------------------------------------------------------- foreign numbers


def test_numbers_with_a_country_code_keep_it(db: Database, tmp_path: Path) -> None:
    grid: Grid = [
        ["Full Name", "Phone"],
        ["John Doe", "+1 555 123 4567"],
        ["Ana Souza", "+55 11 98765-4321"],
        ["Rui Costa", "+351 912 345 678"],
        ["علی رضایی", "0912 123 4567"],
    ]
    result = import_file(db, write_csv(tmp_path / "world.csv", grid))

    assert result.warnings == []
    people = _people(db)
    assert people["John Doe"].phones == ("+15551234567",)
    assert people["Ana Souza"].phones == ("+5511987654321",)
    assert people["Rui Costa"].phones == ("+351912345678",)
    assert people["علی رضایی"].phones == ("+989121234567",)


def test_country_column_says_where_a_number_is(db: Database, tmp_path: Path) -> None:
    grid: Grid = [
        ["First Name", "Last Name", "Business Phone", "Country"],
        ["John", "Doe", "(650) 253-0000", "United States"],
        ["Ana", "Souza", "(11) 98765-4321", "Brasil"],
        ["علی", "رضایی", "021 8877 6655", "ایران"],
    ]
    result = import_file(db, write_csv(tmp_path / "countries.csv", grid))

    assert result.warnings == []
    people = _people(db)
    assert people["John Doe"].phones == ("+16502530000",)
    assert people["Ana Souza"].phones == ("+5511987654321",)
    assert people["علی رضایی"].phones == ("+982188776655",)
    # A foreign country is kept in the notes; the office's own is not repeated.
    assert people["John Doe"].notes == "Country: United States"
    assert people["علی رضایی"].notes is None


def test_office_region_reads_numbers_without_a_code(db: Database, tmp_path: Path) -> None:
    assert office_region(db) == "IR"
    assert set_office_region(db, "Germany") == "DE"
    grid: Grid = [["Name", "Phone"], ["Hans Meier", "030 901820"]]
    result = import_file(db, write_csv(tmp_path / "de.csv", grid))

    assert result.warnings == []
    assert _people(db)["Hans Meier"].phones == ("+4930901820",)


# ------------------------------------------------------------- the command line


def _cli(db_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "crm_desktop", "--db", str(db_path), "--lang", "en", *args],
        capture_output=True,
        text=True,
        check=False,
    )


def test_json_says_the_kind_and_where_each_column_went(db_path: Path, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "outlook.csv", OUTLOOK)
    done = _cli(db_path, "import", str(path), "--json")

    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["kind"] == "contacts" and data["header_row"] == 1
    went = {c["column"]: c["field"] for c in data["mapping"]}
    assert went["E-mail 2 Address"] == "email"
    assert went["Home Phone"] == "phone"
    assert went["Title"] == NOTES
    assert went["Spouse"] is None
    assert [c["number"] for c in data["mapping"]] == list(range(1, len(went) + 1))
    assert {"row": 1, "column": "Spouse"}.items() <= next(
        w for w in data["warnings"] if w["column"] == "Spouse"
    ).items()


def test_kind_chooses_explicitly(db_path: Path, tmp_path: Path) -> None:
    grid: Grid = [["نام", "تلفن"], ["صنایع سپید", "021 8877 6655"]]
    path = write_csv(tmp_path / "list.csv", grid)
    done = _cli(db_path, "import", str(path), "--kind", "companies", "--json")

    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert (data["kind"], data["created"]) == ("companies", 1)
    assert set(_companies(db_path)) == {"صنایع سپید"}
    bad = _cli(db_path, "import", str(path), "--kind", "people")
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1


def test_missing_name_column_names_the_headers_it_saw(db_path: Path, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "nothing.csv", [["Colour", "Size"], ["red", "L"]])
    done = _cli(db_path, "import", str(path))

    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.count("\n") == 1
    assert "'Colour', 'Size'" in done.stderr


def test_text_output_says_what_was_understood(db_path: Path, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "outlook.csv", OUTLOOK)
    done = _cli(db_path, "import", str(path), "--dry-run")

    assert done.returncode == 0, done.stderr
    assert "kind: contacts" in done.stdout
    assert "E-mail 2 Address → email" in done.stdout
    assert "Spouse → left out" in done.stdout


@pytest.mark.parametrize("good", [True, False])
def test_failed_import_into_a_missing_database_leaves_no_file(tmp_path: Path, good: bool) -> None:
    path = write_csv(tmp_path / "f.csv", OUTLOOK if good else [["a"], ["b"]])
    missing = tmp_path / "nowhere" / "crm.sqlite3"
    missing_here = tmp_path / "crm-new.sqlite3"
    for db_path in (missing, missing_here):
        done = _cli(db_path, "import", str(path))
        assert done.returncode == 2 and done.stderr.count("\n") == 1
        assert not db_path.exists() and not db_path.parent.joinpath("crm-new.sqlite3").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["f.csv"]


def test_line_breaks_of_notes_and_addresses_are_kept(db: Database, tmp_path: Path) -> None:
    grid: Grid = [
        ["Name", "Address", "Notes"],
        ["Ali Rezaei", "Vali Asr St.\nNo. 12", "first call:  Monday\nwants a quote"],
    ]
    import_file(db, write_xlsx(tmp_path / "breaks.xlsx", grid))

    ali = _people(db)["Ali Rezaei"]
    assert ali.address == "Vali Asr St.\nNo. 12"
    assert ali.notes == "first call: Monday\nwants a quote"


def test_a_headerless_sheet_without_a_name_column_chosen_says_choose_one(
    db: Database, tmp_path: Path
) -> None:
    # In the wizard the user names the columns of a sheet without a header row; one
    # who has not chosen a name column is asked to choose one (they are in the window
    # already), and the command line, which guesses, is told how to go on.
    from crm_desktop.errors import InvalidInput
    from crm_desktop.services.importer import run_import

    path = tmp_path / "بی‌سرستون.csv"
    path.write_text("09121234567,تهران\n09351234567,کرج\n", encoding="utf-8")
    sheet = read_sheet(path)
    assert not sheet.has_header

    with pytest.raises(InvalidInput) as chosen:
        run_import(db, sheet, {0: "mobile", 1: "city"})
    assert "choose one" in chosen.value.en and "window" not in chosen.value.en
    assert "'09121234567', 'تهران'" in chosen.value.en
    assert "انتخاب کنید" in chosen.value.fa

    with pytest.raises(InvalidInput) as guessed:
        import_file(db, path)
    assert "import the file in the window" in guessed.value.en
    assert contacts.contact_ids(db) == []


def test_a_one_column_field_adds_no_copy_of_its_value_to_the_notes(
    db: Database, tmp_path: Path
) -> None:
    # A stray TRUE cell in an Excel city column is the city "بله" of that row; the
    # notes get no second "شهر: True" line for it. Two city columns with different
    # values still keep the second one in the notes, never dropped.
    path = write_xlsx(
        tmp_path / "office.xlsx",
        [
            ["نام", "نام خانوادگی", "شهر"],
            ["علی", "رضایی", "تهران"],
            ["مینا", "کاظمی", True],
            ["سارا", "نوری", "کرج"],
        ],
    )
    import_file(db, path)
    people = _people(db)
    assert (people["مینا کاظمی"].city, people["مینا کاظمی"].notes) == ("بله", None)
    assert (people["علی رضایی"].city, people["علی رضایی"].notes) == ("تهران", None)

    two = write_xlsx(
        tmp_path / "two.xlsx",
        [
            ["نام", "نام خانوادگی", "شهر محل کار", "شهر محل سکونت"],
            ["نیما", "صالحی", "تهران", "کرج"],
        ],
    )
    import_file(db, two)
    nima = _people(db)["نیما صالحی"]
    assert nima.city == "تهران" and nima.notes == "شهر محل سکونت: کرج"


def test_a_job_title_column_filled_only_below_the_sample_is_imported(
    db: Database, tmp_path: Path
) -> None:
    rows = [["نام", "نام خانوادگی", "موبایل", "سمت"]]
    rows += [[f"شخص {i}", "قدیمی", f"0912{i:07d}", ""] for i in range(SAMPLE_ROWS + 50)]
    rows += [[f"شخص {i}", "تازه‌وارد", f"0935{i:07d}", "مدیر خرید"] for i in range(60)]
    path = tmp_path / "سمت.csv"
    path.write_text("\n".join(",".join(r) for r in rows) + "\n", "utf-8")

    result = import_file(db, path)

    assert result.created == SAMPLE_ROWS + 110
    assert result.warnings == []
    assert {m.header: m.field for m in result.mapping}["سمت"] == "job_title"
    found = contacts.list_contacts(db, "09350000007")
    assert [c.job_title for c in found] == ["مدیر خرید"]
