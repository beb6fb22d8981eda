"""Export to Excel: what a user opening the file sees, and what never gets written.

Files are read back with openpyxl (the layout: direction, widths, formats) and with our
own spreadsheet reader and importer (the round trip). One demo database is shared by
the read-only checks to keep the file fast.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy import func, select

from crm_desktop.errors import InvalidInput
from crm_desktop.locale import format_jalali, format_phone
from crm_desktop.models import Activity, Deal, Role, Stage
from crm_desktop.models.database import Database, open_database
from crm_desktop.services import contact_list, export
from crm_desktop.services.column_mapping import suggest_mapping
from crm_desktop.services.companies import list_companies
from crm_desktop.services.contact_list import ContactFilter, ContactSort
from crm_desktop.services.contacts import get_contacts, list_contacts
from crm_desktop.services.demo import generate_demo
from crm_desktop.services.export import (
    ACTIVITY_COLUMNS,
    COMPANY_COLUMNS,
    CONTACT_COLUMNS,
    DEAL_COLUMNS,
    INTEGER_FORMAT,
    MAX_WIDTH,
    ExportCancelled,
    export_activities,
    export_companies,
    export_contacts,
    export_deals,
    headers,
    write_xlsx,
)
from crm_desktop.services.fields import LIFECYCLE_NAMES
from crm_desktop.services.spreadsheet import read_sheet
from crm_desktop.services.users import create_user, list_users
from tests.test_cli import run as cli

TODAY = dt.date(2026, 11, 22)
JALALI_DATE = re.compile(r"\d{4}/\d{2}/\d{2}")
JALALI_TIME = re.compile(r"\d{4}/\d{2}/\d{2} \d{2}:\d{2}")


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory, template_db: Path) -> Iterator[Database]:
    path = tmp_path_factory.mktemp("export") / "demo.sqlite3"
    shutil.copyfile(template_db, path)
    database = open_database(path)
    for _ in generate_demo(database, contacts=200, seed=3, today=TODAY):
        pass
    yield database
    database.close()


def sheet_of(path: Path) -> Worksheet:
    sheet = load_workbook(path).active
    assert isinstance(sheet, Worksheet)
    return sheet


def data_rows(sheet: Worksheet) -> list[tuple[Any, ...]]:
    return list(sheet.iter_rows(min_row=2, values_only=True))


def column(sheet: Worksheet, columns: Sequence[export.Column], header: str) -> list[Any]:
    index = headers(columns).index(header)
    return [row[index] for row in data_rows(sheet)]


def leftovers(folder: Path) -> list[str]:
    """Files an export may have left behind: partial files of ours."""
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


# -- the sheet as a user sees it --------------------------------------------------------


def test_contacts_sheet_is_right_to_left_with_persian_headers(
    demo_db: Database, tmp_path: Path
) -> None:
    path = tmp_path / "مخاطبان.xlsx"
    written = export_contacts(demo_db, path)
    assert written == contact_list.count(demo_db, ContactFilter()) == 200

    sheet = sheet_of(path)
    assert sheet.title == "مخاطبان"
    assert sheet.sheet_view.rightToLeft is True
    assert sheet.freeze_panes == "A2"
    assert [cell.value for cell in sheet[1]] == [
        "نام",
        "نام خانوادگی",
        "شرکت",
        "سمت",
        "موبایل/تلفن",
        "ایمیل",
        "شهر",
        "استان",
        "نشانی",
        "تاریخ تولد",
        "منبع سرنخ",
        "کمپین",
        "مسئول",
        "وضعیت",
        "برچسب‌ها",
        "یادداشت‌ها",
    ]
    assert all(cell.font.b for cell in sheet[1])
    assert sheet.auto_filter.ref == "A1:P201"
    assert sheet.max_row == 201
    assert leftovers(tmp_path) == []


def test_contact_values_read_as_in_the_app(demo_db: Database, tmp_path: Path) -> None:
    path = tmp_path / "all.xlsx"
    export_contacts(demo_db, path)
    records = list_contacts(demo_db)  # the list's own (name) order
    rows = data_rows(sheet_of(path))
    assert len(rows) == len(records)
    birthdays = phones = tags = 0
    for record, row in zip(records, rows, strict=True):
        values = dict(zip(headers(CONTACT_COLUMNS), row, strict=True))
        assert (values["نام"], values["نام خانوادگی"]) == (record.first_name, record.last_name)
        assert values["شرکت"] == record.company
        assert values["شهر"] == record.city
        assert values["مسئول"] == record.owner
        assert values["وضعیت"] == LIFECYCLE_NAMES[record.lifecycle][0]  # type: ignore[index]
        expected_phones = "، ".join(format_phone(p) for p in record.phones) or None
        assert values["موبایل/تلفن"] == expected_phones
        assert values["ایمیل"] == ("، ".join(record.emails) or None)
        assert values["برچسب‌ها"] == ("، ".join(record.tags) or None)
        if record.birth_date is not None:
            birthdays += 1
            text = values["تاریخ تولد"]
            assert JALALI_DATE.fullmatch(text)
            assert text == format_jalali(record.birth_date, persian_digits=False)
        else:
            assert values["تاریخ تولد"] is None
        phones += bool(record.phones)
        tags += bool(record.tags)
    assert birthdays and phones and tags  # the demo has them: the checks ran
    # National form, the way people read and type them.
    assert any(re.fullmatch(r"09\d\d \d{3} \d{4}", str(row[4] or "")) for row in rows)


def test_exported_rows_are_the_filtered_list(demo_db: Database, tmp_path: Path) -> None:
    city = max(
        contact_list.filter_choices(demo_db).cities,
        key=lambda c: contact_list.count(demo_db, ContactFilter(cities=(c,))),
    )
    flt = ContactFilter(cities=(city,), lifecycles=("lead", "customer"))
    sort = ContactSort("name", descending=True)
    shown = get_contacts(demo_db, contact_list.page(demo_db, flt, sort))
    assert 1 < len(shown) < 200

    path = tmp_path / "city.xlsx"
    assert export_contacts(demo_db, path, flt, sort) == len(shown)
    sheet = sheet_of(path)
    names = [f"{first} {last}" for first, last, *_ in data_rows(sheet)]
    assert names == [record.full_name for record in shown]
    assert set(column(sheet, CONTACT_COLUMNS, "شهر")) == {city}
    assert set(column(sheet, CONTACT_COLUMNS, "وضعیت")) <= {"سرنخ", "مشتری"}
    assert sheet.auto_filter.ref == f"A1:P{len(shown) + 1}"


def test_a_search_exports_what_it_finds(demo_db: Database, tmp_path: Path) -> None:
    someone = list_contacts(demo_db, limit=1)[0]
    flt = ContactFilter(search=someone.last_name)
    expected = [r.full_name for r in get_contacts(demo_db, contact_list.page(demo_db, flt))]
    path = tmp_path / "search.xlsx"
    assert export_contacts(demo_db, path, flt) == len(expected) >= 1
    assert [f"{row[0]} {row[1]}" for row in data_rows(sheet_of(path))] == expected


def test_column_widths_fit_the_longest_value(demo_db: Database, tmp_path: Path) -> None:
    path = tmp_path / "widths.xlsx"
    export_contacts(demo_db, path)
    sheet = sheet_of(path)
    for index, cells in enumerate(sheet.iter_cols(), 1):
        letter = get_column_letter(index)
        width = sheet.column_dimensions[letter].width
        longest = max(len(str(c.value)) for c in cells if c.value is not None)
        assert min(longest, MAX_WIDTH) <= width <= MAX_WIDTH, letter
        assert width <= longest + 6, letter  # fitted, not just wide


def test_long_text_is_capped(tmp_path: Path) -> None:
    path = tmp_path / "long.xlsx"
    write_xlsx(path, "x", ["کوتاه", "بلند"], [("a", "ب" * 500), ("b", "short")])
    sheet = sheet_of(path)
    assert sheet.column_dimensions["B"].width == MAX_WIDTH
    assert sheet["B2"].value == "ب" * 500  # capped in width only


def test_deals_sheet(demo_db: Database, tmp_path: Path) -> None:
    path = tmp_path / "deals.xlsx"
    written = export_deals(demo_db, path)
    with demo_db.session() as session:
        live = session.scalar(select(func.count()).where(Deal.deleted_at.is_(None))) or 0
        amounts = sorted(session.scalars(select(Deal.amount).where(Deal.deleted_at.is_(None))))
        stages = set(session.scalars(select(Stage.name)))
    assert written == live > 0
    sheet = sheet_of(path)
    assert sheet.title == "معاملات"
    assert sheet.sheet_view.rightToLeft is True
    assert [c.value for c in sheet[1]] == headers(DEAL_COLUMNS)
    assert "مبلغ (ریال)" in headers(DEAL_COLUMNS)
    amount = headers(DEAL_COLUMNS).index("مبلغ (ریال)")
    cells = [row[amount] for row in sheet.iter_rows(min_row=2)]
    assert sorted(int(str(c.value)) for c in cells) == amounts
    assert all(isinstance(c.value, int) and c.number_format == INTEGER_FORMAT for c in cells)
    assert set(column(sheet, DEAL_COLUMNS, "مرحله")) <= stages
    results = column(sheet, DEAL_COLUMNS, "نتیجه")
    assert set(results) <= {"باز", "برنده", "از دست رفته"} and "باز" in results
    for created in column(sheet, DEAL_COLUMNS, "تاریخ ایجاد"):
        assert JALALI_DATE.fullmatch(created)
    closes = [v for v in column(sheet, DEAL_COLUMNS, "تاریخ پیش‌بینی بستن") if v]
    assert closes and all(JALALI_DATE.fullmatch(v) for v in closes)
    closed_on = column(sheet, DEAL_COLUMNS, "تاریخ برد یا باخت")
    for result, closed in zip(results, closed_on, strict=True):
        assert closed is None or (result != "باز" and JALALI_DATE.fullmatch(closed))


def test_activities_sheet(demo_db: Database, tmp_path: Path) -> None:
    path = tmp_path / "activities.xlsx"
    written = export_activities(demo_db, path)
    with demo_db.session() as session:
        live = session.scalar(select(func.count()).where(Activity.deleted_at.is_(None))) or 0
        done = session.scalar(
            select(func.count()).where(Activity.deleted_at.is_(None), Activity.done_at.is_not(None))
        )
    assert written == live > 0
    sheet = sheet_of(path)
    assert sheet.title == "فعالیت‌ها"
    assert [c.value for c in sheet[1]] == headers(ACTIVITY_COLUMNS)
    times = column(sheet, ACTIVITY_COLUMNS, "تاریخ و ساعت")
    assert all(JALALI_TIME.fullmatch(t) for t in times)
    assert times == sorted(times)  # oldest first
    assert column(sheet, ACTIVITY_COLUMNS, "انجام شده").count("بله") == done
    assert {"تماس تلفنی", "جلسه"} <= set(column(sheet, ACTIVITY_COLUMNS, "نوع"))


def test_companies_sheet_follows_the_search(demo_db: Database, tmp_path: Path) -> None:
    everyone = list_companies(demo_db)
    word = everyone[0].name.split()[0]
    matching = list_companies(demo_db, word)
    path = tmp_path / "companies.xlsx"
    assert export_companies(demo_db, path, word) == len(matching) >= 1
    sheet = sheet_of(path)
    assert [c.value for c in sheet[1]] == headers(COMPANY_COLUMNS)
    assert column(sheet, COMPANY_COLUMNS, "نام شرکت") == [c.name for c in matching]
    assert column(sheet, COMPANY_COLUMNS, "تعداد افراد") == [c.people for c in matching]


def test_english_headers_when_asked(demo_db: Database, tmp_path: Path) -> None:
    path = tmp_path / "contacts-en.xlsx"
    export_contacts(demo_db, path, lang="en")
    sheet = sheet_of(path)
    assert sheet.title == "Contacts"
    assert [c.value for c in sheet[1]][:4] == ["First Name", "Last Name", "Company", "Job Title"]
    assert set(column(sheet, CONTACT_COLUMNS, "وضعیت")) <= {
        "Lead",
        "Prospect",
        "Customer",
        "Inactive",
    }


# -- the generic writer (the importer saves its problem rows with it too) ---------------


def test_write_xlsx_keeps_each_kind_of_value(tmp_path: Path) -> None:
    path = tmp_path / "problems.xlsx"
    rows = [
        ("علی", 9121234567, 2.5, dt.date(2024, 3, 20), None, "ردیف بدون نام"),
        ('=HYPERLINK("x")', 1_250_000, None, None, "a\x00b\x07c", "خطا"),
    ]
    written = write_xlsx(
        path,
        "ردیف‌های مشکل‌دار",
        ["نام", "موبایل", "عدد", "تاریخ", "یادداشت", "چه اشکالی داشت"],
        rows,
        number_formats={1: "0"},
    )
    assert written == 2
    sheet = sheet_of(path)
    assert sheet.title == "ردیف‌های مشکل‌دار"
    assert sheet["A2"].value == "علی"
    assert sheet["B2"].value == 9121234567 and sheet["B2"].number_format == "0"
    assert sheet["C2"].value == 2.5
    assert sheet["D2"].value == dt.datetime(2024, 3, 20)  # a real date cell
    assert sheet["E2"].value is None
    # Text that looks like a formula stays text; characters Excel cannot hold go.
    assert sheet["A3"].value == '=HYPERLINK("x")' and sheet["A3"].data_type == "s"
    assert sheet["E3"].value == "abc"
    assert sheet["B3"].number_format == "0"


def test_whole_numbers_get_thousands_separators(tmp_path: Path) -> None:
    path = tmp_path / "numbers.xlsx"
    write_xlsx(path, "x", ["مبلغ"], [(12_500_000,)], right_to_left=False)
    sheet = sheet_of(path)
    assert sheet["A2"].number_format == INTEGER_FORMAT
    assert not sheet.sheet_view.rightToLeft


def test_progress_is_reported(tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    rows = [(str(i),) for i in range(1200)]
    write_xlsx(tmp_path / "p.xlsx", "x", ["n"], rows, progress=lambda d, t: seen.append((d, t)))
    assert seen[0] == (0, 1200) and seen[-1] == (1200, 1200)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen) and len(seen) >= 3


# -- nothing half-written --------------------------------------------------------------


def test_a_cancelled_export_leaves_no_file(demo_db: Database, tmp_path: Path) -> None:
    path = tmp_path / "cancelled.xlsx"

    def cancel_midway(done: int, total: int) -> None:
        if done >= 100:
            raise ExportCancelled

    rows = ((str(i), i) for i in range(5000))
    with pytest.raises(ExportCancelled):
        write_xlsx(path, "x", ["a", "b"], rows, progress=cancel_midway)
    assert not path.exists()
    assert list(tmp_path.iterdir()) == []

    with pytest.raises(ExportCancelled):
        export_activities(demo_db, path, progress=cancel_midway)
    assert list(tmp_path.iterdir()) == []


def test_a_cancelled_export_leaves_an_existing_file_untouched(
    demo_db: Database, tmp_path: Path
) -> None:
    path = tmp_path / "old.xlsx"
    export_deals(demo_db, path)
    before = path.read_bytes()

    def cancel_at_the_end(done: int, total: int) -> None:
        if done == total and total:
            raise ExportCancelled

    with pytest.raises(ExportCancelled):
        export_contacts(demo_db, path, progress=cancel_at_the_end)
    assert path.read_bytes() == before
    assert leftovers(tmp_path) == []


def test_a_failure_midway_leaves_an_existing_file_untouched(tmp_path: Path) -> None:
    path = tmp_path / "old.xlsx"
    write_xlsx(path, "x", ["a"], [("old",)])
    before = path.read_bytes()

    def broken() -> Iterator[tuple[str]]:
        yield ("new",)
        raise RuntimeError("the database went away")

    with pytest.raises(RuntimeError):
        write_xlsx(path, "x", ["a"], broken())
    assert path.read_bytes() == before
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize(
    ("name", "fa", "en"),
    [
        ("list.csv", ".xlsx", ".xlsx"),
        ("no-such-folder/list.xlsx", "وجود ندارد", "does not exist"),
    ],
)
def test_a_bad_target_is_refused_before_any_work(
    demo_db: Database, tmp_path: Path, name: str, fa: str, en: str
) -> None:
    with pytest.raises(InvalidInput) as caught:
        export_contacts(demo_db, tmp_path / name)
    assert fa in caught.value.message("fa") and en in caught.value.message("en")
    assert list(tmp_path.iterdir()) == []


def test_a_file_that_cannot_be_created_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / ("ن" * 200 + ".xlsx")  # 400 bytes: too long a name for the disk
    with pytest.raises(export.ExportFailed) as caught:
        write_xlsx(path, "x", ["a"], [("b",)])
    assert "نوشته نشد" in caught.value.message("fa")
    assert "cannot write" in caught.value.message("en")
    assert list(tmp_path.iterdir()) == []


# -- back in through the importer --------------------------------------------------------


@pytest.mark.parametrize("lang", ["fa", "en"])
def test_exported_headers_map_back_to_their_fields(lang: str) -> None:
    contact_headers = headers(CONTACT_COLUMNS, lang)
    mapping = suggest_mapping(contact_headers)
    assert sorted(mapping) == list(range(len(contact_headers)))  # every column
    assert len(set(mapping.values())) == len(contact_headers)
    assert mapping[0] == "first_name" and mapping[4] == "mobile"

    company_headers = headers(COMPANY_COLUMNS, lang)
    company_mapping = suggest_mapping(company_headers, kind="companies")
    people = company_headers.index(COMPANY_COLUMNS[9].header(lang))  # a count, not a field
    assert sorted(company_mapping) == [i for i in range(len(company_headers)) if i != people]

    deal_mapping = suggest_mapping(headers(DEAL_COLUMNS, lang), kind="deals")
    assert set(deal_mapping.values()) >= {
        "title",
        "contact",
        "company",
        "stage",
        "amount",
        "expected_close",
        "owner",
    }


def test_an_exported_file_imports_again_as_the_same_contacts(
    demo_db: Database, db: Database, tmp_path: Path
) -> None:
    from crm_desktop.services.importer import import_file

    path = tmp_path / "round-trip.xlsx"
    export_contacts(demo_db, path)

    sheet = read_sheet(path)
    assert sheet.header_row == 1 and len(sheet.rows) == 200
    filled = [
        i for i in range(len(sheet.headers)) if any(r.values[i] is not None for r in sheet.rows)
    ]
    mapping = suggest_mapping(sheet.headers, sheet.rows)
    assert set(filled) <= set(mapping)

    for user in list_users(demo_db):
        create_user(db, user.name, user.username, Role(user.role))
    result = import_file(db, path, kind="contacts")
    assert (result.rows, result.created, result.skipped, result.errors) == (200, 200, 0, [])
    fields = (
        *("company", "job_title", "phones", "emails", "city", "province", "birth_date"),
        *("lead_source", "owner", "lifecycle", "tags"),
    )

    def shape(database: Database) -> list[tuple[object, ...]]:
        records = list_contacts(database)
        return sorted(((r.full_name, *(getattr(r, f) for f in fields)) for r in records), key=repr)

    assert shape(db) == shape(demo_db)


# -- the command line ---------------------------------------------------------------------


def test_cli_exports_contacts_and_says_where(demo_db: Database, tmp_path: Path) -> None:
    path = tmp_path / "contacts.xlsx"
    result = cli(demo_db.path, "export", "contacts", str(path))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1 and "۲۰۰" in lines[0] and str(path) in lines[0]
    assert sheet_of(path).max_row == 201

    deals = tmp_path / "deals.xlsx"
    result = cli(demo_db.path, "--lang", "en", "export", "deals", str(deals))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"{sheet_of(deals).max_row - 1} rows written to {deals}"
    assert sheet_of(deals)["A1"].value == "Title"


@pytest.mark.parametrize(
    ("target", "database", "message"),
    [
        ("missing/out.xlsx", "demo", "does not exist"),
        ("out.csv", "demo", ".xlsx"),
        ("out.xlsx", "missing", "database"),
    ],
)
def test_cli_bad_input_exits_2_with_one_line_and_writes_nothing(
    demo_db: Database, tmp_path: Path, target: str, database: str, message: str
) -> None:
    db_path = demo_db.path if database == "demo" else tmp_path / "nothing.sqlite3"
    result = cli(db_path, "--lang", "en", "export", "activities", str(tmp_path / target))
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("crm-desktop: ") and message in lines[0]
    assert list(tmp_path.iterdir()) == []


def test_cli_speaks_persian_by_default(tmp_path: Path) -> None:
    result = cli(tmp_path / "nothing.sqlite3", "export", "contacts", str(tmp_path / "a.xlsx"))
    assert result.returncode == 2
    assert result.stderr.strip() == (
        f"crm-desktop: پایگاه دادهٔ «{tmp_path / 'nothing.sqlite3'}» وجود ندارد؛ نشانی را "
        "بررسی کنید (--db یا CRM_DESKTOP_DB). پایگاه جدید را «crm-desktop demo» یا نخستین "
        "اجرای برنامه می‌سازد."
    )
    assert list(tmp_path.iterdir()) == []
