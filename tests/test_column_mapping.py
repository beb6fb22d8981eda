"""Automatic column mapping of an import (crm_desktop.services.column_mapping)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crm_desktop.errors import InvalidInput
from crm_desktop.services.column_mapping import (
    FIELDS,
    IGNORE,
    NOTES,
    SAMPLE_ROWS,
    ColumnMapping,
    header_key,
    label_columns,
    mapping_key,
    phone_label,
    suggest_mapping,
)
from crm_desktop.services.import_fields import CONTACT_ALIASES as _ALIASES
from crm_desktop.services.spreadsheet import CellValue, SheetRow, read_sheet

SAMPLE = Path(__file__).resolve().parents[2] / "shared" / "samples" / "contacts-sample.xlsx"
if not SAMPLE.exists():
    SAMPLE = Path("/work/shared/samples/contacts-sample.xlsx")

ZWNJ = "\u200c"


def _named(headers: list[str], rows: list[list[CellValue]] | None = None) -> dict[str, str]:
    """header -> field, for reading assertions; unmapped headers are left out."""
    return {headers[i]: f for i, f in suggest_mapping(headers, rows).items()}


# ------------------------------------------------------------------ header names


def test_every_alias_maps_to_its_own_field_alone() -> None:
    for field, names in _ALIASES.items():
        assert field in FIELDS
        for name in names:
            assert suggest_mapping([name]) == {0: field}, name


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("نام", "first_name"),
        ("نام کوچک", "first_name"),
        ("First Name", "first_name"),
        ("firstname", "first_name"),
        ("Given Name", "first_name"),
        ("نام خانوادگی", "last_name"),
        ("نام\u200cخانوادگی", "last_name"),
        ("نامخانوادگی", "last_name"),
        ("فامیلی", "last_name"),
        ("SURNAME", "last_name"),
        ("Family Name", "last_name"),
        ("نام و نام خانوادگی", "full_name"),
        ("طرف حساب", "full_name"),
        ("Contact Name", "full_name"),
        ("شماره همراه", "mobile"),
        ("تلفن همراه", "mobile"),
        ("Cellphone", "mobile"),
        ("تلفن ثابت", "phone"),
        ("Business Phone", "phone"),
        ("Tel.", "phone"),
        ("E-mail", "email"),
        ("e-mail address", "email"),
        ("رایانامه", "email"),
        ("Organisation", "company"),
        ("عنوان شغلی", "job_title"),
        ("State", "province"),
        ("نشانی", "address"),
        ("Date of Birth", "birth_date"),
        ("DOB", "birth_date"),
        ("نحوه آشنایی", "lead_source"),
        ("Labels", "tags"),
        ("Comments", "notes"),
        ("Sales Rep", "owner"),
        ("کمپین", "campaign"),
        ("Status", "lifecycle"),
    ],
)
def test_known_header(header: str, field: str) -> None:
    assert suggest_mapping([header]) == {0: field}


def test_persian_headers_with_arabic_letters_zwnj_and_colons() -> None:
    headers = [
        "نام:",
        "نام خانوادگي :",  # Arabic yeh
        "* موبايل",  # Arabic yeh, required-field star
        "شماره تلفن (ثابت)",
        "پست الكترونيك",  # Arabic kaf
        "شركت",  # Arabic kaf
        "سمت:",
        "برچسب ها",  # space instead of ZWNJ
        "تاريخ\u200cتولد",  # ZWNJ instead of space
        "  استان  ",
        "شهر\u200c",  # trailing ZWNJ
        "توضيحات",
    ]
    assert _named(headers) == {
        "نام:": "first_name",
        "نام خانوادگي :": "last_name",
        "* موبايل": "mobile",
        "شماره تلفن (ثابت)": "phone",
        "پست الكترونيك": "email",
        "شركت": "company",
        "سمت:": "job_title",
        "برچسب ها": "tags",
        "تاريخ\u200cتولد": "birth_date",
        "  استان  ": "province",
        "شهر\u200c": "city",
        "توضيحات": "notes",
    }


def test_outlook_export_headers() -> None:
    # The start of Outlook's "Comma Separated Values" export, in its order: its
    # "Title" is the salutation (Mr./Dr.), so "Job Title" must win the field.
    headers = [
        "Title",
        "First Name",
        "Middle Name",
        "Last Name",
        "Suffix",
        "Company",
        "Department",
        "Job Title",
        "Business Street",
        "Business City",
        "Business State",
        "Business Phone",
        "Home Phone",
        "Mobile Phone",
        "Birthday",
        "E-mail Address",
        "E-mail Display Name",
        "E-mail 2 Address",
        "Notes",
    ]
    assert _named(headers) == {
        "First Name": "first_name",
        "Last Name": "last_name",
        "Company": "company",
        "Job Title": "job_title",
        "Business Street": "address",
        "Business City": "city",
        "Business State": "province",
        "Business Phone": "phone",
        "Mobile Phone": "mobile",
        "Birthday": "birth_date",
        "E-mail Address": "email",
        "Notes": "notes",
        # Every email and phone column is kept; the middle name is part of the first.
        "E-mail 2 Address": "email",
        "Home Phone": "phone",
        "Middle Name": "first_name",
        # "Title" beside "Job Title" is the honorific (Mr, Dr): kept in the notes, as
        # are what no field holds but a person keeps (suffix, department).
        "Title": NOTES,
        "Suffix": NOTES,
        "Department": NOTES,
    }


def test_google_contacts_headers() -> None:
    headers = [
        "Name",
        "Given Name",
        "Family Name",
        "Birthday",
        "Notes",
        "Labels",
        "E-mail 1 - Type",
        "E-mail 1 - Value",
        "Phone 1 - Type",
        "Phone 1 - Value",
        "Organization 1 - Name",
        "Organization 1 - Title",
    ]
    # "Name" is only used for a row without Given and Family Name; "... - Type"
    # columns are not the values (they label them: see label_columns).
    assert _named(headers) == {
        "Name": "full_name",
        "Given Name": "first_name",
        "Family Name": "last_name",
        "Birthday": "birth_date",
        "Notes": "notes",
        "Labels": "tags",
        "E-mail 1 - Value": "email",
        "Phone 1 - Value": "phone",
        "Organization 1 - Name": "company",
        "Organization 1 - Title": "job_title",
    }


def test_single_full_name_column() -> None:
    assert _named(["ردیف", "نام و نام‌خانوادگی", "همراه", "ایمیل"]) == {
        "نام و نام‌خانوادگی": "full_name",
        "همراه": "mobile",
        "ایمیل": "email",
    }
    assert _named(["Full Name", "Mobile"]) == {"Full Name": "full_name", "Mobile": "mobile"}
    assert suggest_mapping(["مشتری", "تلفن"]) == {0: "full_name", 1: "phone"}


def test_sample_file_headers_map_as_a_person_would() -> None:
    sheet = read_sheet(SAMPLE)
    expected = {
        "نام و نام خانوادگی": "full_name",
        "شرکت": "company",
        "موبایل": "mobile",
        "تلفن محل کار": "phone",
        "پست الکترونیک": "email",
        "شهر": "city",
        "تاریخ تولد": "birth_date",
        "منبع": "lead_source",
        f"برچسب{ZWNJ}ها": "tags",
    }
    assert {sheet.headers[i]: f for i, f in suggest_mapping(sheet.headers).items()} == expected
    # The sparse work-phone column (2 of 8 rows) is real data, still mapped with rows.
    with_rows = suggest_mapping(sheet.headers, sheet.rows)
    assert {sheet.headers[i]: f for i, f in with_rows.items()} == expected


def test_contained_names() -> None:
    assert _named(["شماره موبایل مشتری", "آدرس محل سکونت", "Customer Email"]) == {
        "شماره موبایل مشتری": "mobile",
        "آدرس محل سکونت": "address",
        "Customer Email": "email",
    }
    # The longest contained name wins: "تلفن همراه" over "تلفن".
    assert suggest_mapping(["تلفن همراه مدیر"]) == {0: "mobile"}


def test_vague_words_do_not_match_inside_other_headers() -> None:
    headers = ["کد مشتری", "نام پدر", "نام کاربری", "Subject Title", "Source Code", "Phone Type"]
    assert suggest_mapping(headers) == {}


# ------------------------------------------------------------------ duplicates


def test_every_mobile_and_phone_column_is_kept() -> None:
    assert _named(["موبایل", "شماره همراه", "ایمیل"]) == {
        "موبایل": "mobile",
        "شماره همراه": "mobile",
        "ایمیل": "email",
    }
    assert _named(["تلفن", "موبایل", "Mobile 2", "موبایل دوم"]) == {
        "تلفن": "phone",
        "موبایل": "mobile",
        "Mobile 2": "mobile",
        "موبایل دوم": "mobile",
    }


def test_several_columns_of_one_field_in_a_contacts_sheet() -> None:
    # A contact has several emails; city and the like keep the first column's value
    # (the importer keeps the others' in the notes).
    assert suggest_mapping(["ایمیل", "Email", "پست الکترونیک کاری", "شهر", "City"]) == {
        0: "email",
        1: "email",
        2: "email",
        3: "city",
        4: "city",
    }
    # One full-name column at most.
    assert suggest_mapping(["نام و نام خانوادگی", "Full Name"]) == {0: "full_name"}


def test_first_column_wins_a_field_in_other_sheets() -> None:
    assert suggest_mapping(["نام شرکت", "Company", "تلفن", "Phone"], kind="companies") == {
        0: "name",
        2: "phone",
    }


def test_a_taken_field_does_not_pass_a_column_to_a_lesser_match() -> None:
    # "E-mail 2 Address" is an email or nothing, never the address.
    mapping = suggest_mapping(["Email", "E-mail 2 Address"], kind="companies")
    assert mapping == {0: "email"}


def test_lone_english_name_beside_last_name_is_the_first_name() -> None:
    assert _named(["name", "last_name", "email"]) == {
        "name": "first_name",
        "last_name": "last_name",
        "email": "email",
    }
    assert _named(["Name", "Surname"]) == {"Name": "first_name", "Surname": "last_name"}
    assert _named(["Forename", "Surname"]) == {"Forename": "first_name", "Surname": "last_name"}
    assert _named(["First", "Last"]) == {"First": "first_name", "Last": "last_name"}
    # Without a last-name column, "name" is a whole name.
    assert _named(["name", "email"]) == {"name": "full_name", "email": "email"}


def test_honorific_title_column_is_not_the_job() -> None:
    headers = ["Title", "First Name", "Last Name"]
    rows: list[list[CellValue]] = [
        ["Dr.", "Ada", "Lovelace"],
        ["Mr", "Alan", "Turing"],
        ["Professor", "Grace", "Hopper"],
        ["آقای", "علی", "رضایی"],
        ["مهندس", "مینا", "کاظمی"],
    ]
    assert suggest_mapping(headers, rows)[0] == NOTES
    jobs: list[list[CellValue]] = [["Sales Manager", "Ada", "Lovelace"], ["CTO", "Alan", "T"]]
    assert suggest_mapping(headers, jobs)[0] == "job_title"
    for header in ("Role", "Job Position", "Position", "Job Title", "سمت", "عنوان شغلی"):
        assert suggest_mapping([header, "Name"], jobs) == {0: "job_title", 1: "full_name"}


def test_yes_no_column_is_never_a_company_or_a_name() -> None:
    headers = ["Name", "Is a Company", "Related Company", "Company Type"]
    rows: list[list[CellValue]] = [
        ["Acme", "True", "", "no"],
        ["Wile Coyote", "False", "Acme", "yes"],
        ["Road Runner", "False", "Acme", "no"],
    ]
    assert suggest_mapping(headers, rows) == {0: "full_name", 1: "is_company", 2: "company"}
    for yes, no in (("yes", "no"), ("1", "0"), ("بله", "خیر"), ("حقوقی", "حقیقی")):
        cells: list[list[CellValue]] = [
            ["Acme Co", yes],
            ["Ali Rezaei", no],
            ["Reza Amini", no],
        ]
        assert suggest_mapping(["نام", "شرکت"], cells) == {0: "full_name", 1: "is_company"}
    assert suggest_mapping(["نام", "Company"], [["Ali", True], ["Reza", False]]) == {
        0: "first_name",
        1: "is_company",
    }
    # A yes/no column whose header says nothing of companies is left out.
    assert suggest_mapping(["نام", "شهر"], [["Ali", "yes"], ["Reza", "no"]]) == {0: "first_name"}


def test_type_columns_label_their_value_columns() -> None:
    headers = ["E-mail 1 - Type", "E-mail 1 - Value", "Phone 1 - Type", "Phone 1 - Value"]
    assert label_columns(headers) == {1: 0, 3: 2}
    assert phone_label("Home Phone") == "home"
    assert phone_label("Business Fax") == "fax"
    assert phone_label("Phone 1 - Value", "* Mobile") == "mobile"
    assert phone_label("تلفن منزل") == "home"
    assert phone_label("Phone") is None


def test_unknown_columns_are_left_unmapped() -> None:
    headers = ["ردیف", "کد ملی", "شماره پرونده", "", "Unnamed: 7", "Pager ID", "ایمیل"]
    assert suggest_mapping(headers) == {6: "email"}


# ------------------------------------------------------------------ data sample


def test_mostly_empty_column_is_not_mapped() -> None:
    headers = ["نام و نام خانوادگی", "موبایل", "ایمیل"]
    rows: list[list[CellValue]] = [[f"شخص {i}", f"0912{i:07d}", None] for i in range(30)]
    rows[0][2] = "a@b.example"  # one address in 30 rows: under 10 %
    assert _named(headers, rows) == {"نام و نام خانوادگی": "full_name", "موبایل": "mobile"}
    # A header over a completely empty column, and an empty sample.
    assert suggest_mapping(["شهر"], [[None], [" "], [""]]) == {}
    assert suggest_mapping(["شهر"], []) == {}


def test_a_named_column_empty_at_the_top_is_mapped_by_the_whole_sheet() -> None:
    # Job titles only the later rows have (the office began noting them last year): the
    # first rows say nothing, the whole sheet does. A named column over a few values in
    # a long sheet is still mostly empty, and an unnamed one is still judged by the top.
    headers = ["نام", "نام خانوادگی", "سمت", "ایمیل", "ستون ۵"]
    rows: list[list[CellValue]] = [
        [f"شخص {i}", f"خانواده {i}", None, None, None] for i in range(SAMPLE_ROWS + 300)
    ]
    for row in rows[SAMPLE_ROWS:]:
        row[2], row[4] = "کارشناس فروش", "a@b.example"
    rows[-1][3] = "one@mail.example"  # one address in 500 rows
    assert _named(headers, rows) == {
        "نام": "first_name",
        "نام خانوادگی": "last_name",
        "سمت": "job_title",
    }


def test_a_long_sheet_is_judged_on_rows_spread_down_it() -> None:
    # 100,000 rows: job titles only in the last third, one stray email near the end;
    # rows spread down the sheet see the first and not the second.
    headers = ["نام", "نام خانوادگی", "سمت", "ایمیل"]
    size = 100_000
    rows: list[list[CellValue]] = [[f"شخص {i}", "خانواده", None, None] for i in range(size)]
    for row in rows[2 * size // 3 :]:
        row[2] = "حسابدار"
    rows[-7][3] = "late@mail.example"
    assert _named(headers, rows) == {
        "نام": "first_name",
        "نام خانوادگی": "last_name",
        "سمت": "job_title",
    }


def test_unlabeled_phone_column_is_recognised_by_content() -> None:
    headers = ["نام و نام خانوادگی", "", "ستون ۳", "شرکت"]
    rows: list[SheetRow] = [
        SheetRow(2, ("علی رضایی", 9123456701, "۰۲۱-۴۴۵۵۶۶۷۷", "پارس")),
        SheetRow(3, ("مریم کاظمی", "۰۹۳۵۱۲۳۴۵۶۷", "021 88776655", "سپید")),
        SheetRow(4, ("رضا قاسمی", "0919-111-2233", "031-32221100", None)),
        SheetRow(5, ("نگار احمدی", "+98 901 234 5678", None, "آینده")),
        SheetRow(6, ("حمید نوروزی", "ندارد", "0263-1234567", None)),
    ]
    assert suggest_mapping(headers, rows) == {
        0: "full_name",
        1: "mobile",
        2: "phone",
        3: "company",
    }


def test_unlabeled_email_column_and_text_column() -> None:
    headers = ["Name", "Column2", "Column3"]
    rows: list[list[CellValue]] = [
        ["Ali Rezaei", "ali@pars.example", "VIP"],
        ["Maryam Kazemi", "MARYAM@Sepid.example ", "new"],
        ["Reza Ghasemi", "reza@folad.example", None],
    ]
    assert suggest_mapping(headers, rows) == {0: "full_name", 1: "email"}


def test_content_phone_column_yields_to_labeled_mobile() -> None:
    headers = ["موبایل", "", "تلفن"]
    rows: list[list[CellValue]] = [["09121234567", "09351234567", "02188776655"]] * 3
    # An unlabeled column of phones is kept too (a contact has several).
    assert suggest_mapping(headers, rows) == {0: "mobile", 1: "mobile", 2: "phone"}


def test_lone_name_column_with_full_names_is_the_full_name() -> None:
    rows: list[list[CellValue]] = [["علی رضایی", "0912 345 6701"], ["مریم کاظمی", None]]
    assert suggest_mapping(["نام", "موبایل"], rows) == {0: "full_name", 1: "mobile"}
    first_names: list[list[CellValue]] = [["علی", "0912 345 6701"], ["مریم", None]]
    assert suggest_mapping(["نام", "موبایل"], first_names) == {0: "first_name", 1: "mobile"}


# ------------------------------------------------------------------ saved mappings


def test_header_key_ignores_spelling_variants() -> None:
    assert header_key("  نام خانوادگي: ") == header_key("نام خانوادگی")
    assert header_key("E-Mail*") == "e mail"
    assert header_key("(شماره) تلفن") == "شماره تلفن"


def test_mapping_key_is_order_insensitive_and_ignores_letter_variants() -> None:
    a = mapping_key(["نام و نام خانوادگی", "شرکت", "موبایل", "برچسب\u200cها"])
    assert a == mapping_key(["موبایل", "برچسب ها", "شركت", "نام و نام خانوادگي:"])
    assert a.startswith("v1:")
    assert a != mapping_key(["نام و نام خانوادگی", "شرکت", "موبایل"])
    assert mapping_key(["A", "b"]) == mapping_key(["B", "", "a"])


def test_column_mapping_json_round_trip() -> None:
    headers = ["نام و نام خانوادگی", "موبایل", "کد ملی", "معرف", "ايميل"]
    suggested = suggest_mapping(headers)
    assert suggested == {0: "full_name", 1: "mobile", 4: "email"}
    chosen = {**suggested, 2: IGNORE, 3: NOTES}
    mapping = ColumnMapping.from_indexes(headers, chosen)

    text = mapping.to_json()
    assert "نام و نام خانوادگی" in text  # readable, not \u-escaped
    restored = ColumnMapping.from_json(text)
    assert restored == mapping
    assert restored.key == mapping_key(headers)
    assert json.loads(text)["key"] == restored.key

    # Offered for the next file with the same headers in another order and spelling.
    later = ["ایمیل", "معرف", "موبایل", "کد ملی", "نام و نام خانوادگي"]
    assert mapping_key(later) == mapping.key
    assert restored.for_headers(later) == {
        0: "email",
        1: NOTES,
        2: "mobile",
        3: IGNORE,
        4: "full_name",
    }


@pytest.mark.parametrize(
    "text",
    [
        "not json",
        "[]",
        '{"version": 2, "headers": [], "columns": {}}',
        '{"version": 1, "headers": "x", "columns": {}}',
        '{"version": 1, "headers": ["a"], "columns": {"a": 3}}',
        '{"version": 1, "headers": ["a"], "columns": {"a": "salary"}}',
        '{"version": 1, "headers": ["a"]}',
    ],
)
def test_bad_saved_mapping_is_invalid_input(text: str) -> None:
    with pytest.raises(InvalidInput):
        ColumnMapping.from_json(text)


def test_choices_are_not_field_names() -> None:
    assert IGNORE not in FIELDS
    assert NOTES not in FIELDS


def test_a_network_address_is_no_postal_address_but_an_ip_phone_is_a_phone() -> None:
    # Chatwoot's "ip_address" (where a contact last connected from) and a "MAC
    # Address" go to no field; Active Directory's "IP Phone" is a phone all the same.
    headers = ["First Name", "ip_address", "MAC Address", "IP Phone", "Home Address"]
    assert suggest_mapping(headers) == {0: "first_name", 3: "phone", 4: "address"}
