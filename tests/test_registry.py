"""The field registry against the real schema, and every field list read from it.

A column added to ``contacts`` or ``companies`` by a migration fails here until it is
a registry field or named internal below; a field list that stops following the
registry (import, export, merge, bulk, the command line, the list's columns) fails
here too. The last tests check the flags by what they do: an exported sheet maps back
to its fields, search finds exactly the searchable fields, an import fills exactly the
fillable ones.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from crm_desktop.models.database import Database
from crm_desktop.services import (
    bulk,
    companies,
    company_list,
    contacts,
    export,
    fields,
    import_fields,
    merge,
)
from crm_desktop.services.column_mapping import suggest_mapping
from crm_desktop.services.contact_list import ContactFilter, page
from crm_desktop.services.fields import changes_from_text
from crm_desktop.services.importer import contacts as contact_import
from crm_desktop.services.importer import import_file
from crm_desktop.services.importer.companies import CompanyImport
from crm_desktop.services.registry import COMPANY, CONTACT, DEAL, Entity, Field, ListColumn
from tests.importer_files import write_xlsx

PERSIAN_LETTER = re.compile("[\u0600-\u06ff]")
# Columns that are no field a user sees or sets: ids, stamps, and what the application
# derives itself (the sort key, from the name).
STAMPS = {"id", "created_at", "updated_at", "created_by", "updated_by"}
INTERNAL_COLUMNS = {
    "contacts": STAMPS | {"sort_key"},
    "companies": STAMPS | {"sort_key"},
    # A deal's pipeline follows its stage (a trigger); its position is its card's place.
    "deals": STAMPS | {"pipeline_id", "position"},
}
RECORDS = {"contacts": CONTACT, "companies": COMPANY, "deals": DEAL}


def columns_of(db: Database, table: str) -> set[str]:
    with db.session() as session:
        rows = session.execute(text(f'PRAGMA table_info("{table}")')).all()
    return {row[1] for row in rows}


@pytest.mark.parametrize("table", sorted(RECORDS))
def test_every_column_is_a_field_or_internal(db: Database, table: str) -> None:
    record = RECORDS[table]
    in_registry = {f.column for f in record.fields if f.column is not None}
    unaccounted = columns_of(db, table) - in_registry - INTERNAL_COLUMNS[table]
    assert unaccounted == set(), f"add these {table} columns to the registry: {unaccounted}"
    assert in_registry & INTERNAL_COLUMNS[table] == set()


@pytest.mark.parametrize("record", [CONTACT, COMPANY, DEAL], ids=lambda r: r.table)
def test_every_field_is_read_from_a_real_column_or_part(db: Database, record: Entity) -> None:
    own = columns_of(db, record.table)
    for f in record.fields:
        if f.column is not None:
            assert f.column in own, f.name
        elif f.part_table is not None:
            assert f.part_column in columns_of(db, f.part_table), f.name
        else:  # shown or read, never stored as itself
            assert f.derived_from, f"{f.name}: no column, part or source"
            for source in f.derived_from:
                assert source in own or columns_of(db, source), f"{f.name}: {source}"
        if f.refers_to is not None:
            assert "id" in columns_of(db, f.refers_to), f.name
    # Kept by the application, never typed: the trash, a merge, the lead score's rules.
    kept = {"deleted_at", "merged_into", "lead_score"}
    assert {f.name for f in record.fields if f.internal} <= kept


def test_the_import_offers_the_fields_with_header_names() -> None:
    for kind, record in RECORDS.items():
        imported = {f.name: f.aliases for f in record.fields if f.aliases}
        assert set(import_fields.FIELDS_BY_KIND[kind]) == set(imported)
        assert import_fields.ALIASES_BY_KIND[kind] == imported
    assert (
        tuple(f.column for f in CONTACT.fields if f.fillable and f.column)
        == contact_import._FILLABLE
    )
    assert set(CompanyImport.fillable) == {f.column for f in COMPANY.fields if f.fillable}
    # A fillable field is one the import reads, and one stored on the record's row.
    for record in RECORDS.values():
        for f in record.fields:
            assert not f.fillable or (f.aliases and f.column and not f.internal), f.name


def test_the_export_writes_the_fields_with_a_column_title() -> None:
    for columns, record in ((export.CONTACT_COLUMNS, CONTACT), (export.COMPANY_COLUMNS, COMPANY)):
        exported = [f for f in record.fields if f.export is not None]
        assert {c.fa for c in columns} == {f.export_title("fa") for f in exported}
        assert {c.en for c in columns} == {f.export_title("en") for f in exported}
        assert len(columns) == len(exported)
    people = export.COMPANY_COLUMNS[[f.name for f in COMPANY.exported()].index("people")]
    assert people.number_format == export.INTEGER_FORMAT  # a count, written as a number


def test_merge_bulk_and_the_command_line_follow_their_flags() -> None:
    assert set(merge.MERGE_FIELDS) == {f.column for f in CONTACT.fields if f.mergeable}
    assert tuple(f.column for f in CONTACT.fields if f.bulk) == bulk.BULK_FIELDS
    assert tuple(f.name for f in CONTACT.fields if f.scriptable) == fields.CONTACT_FIELDS
    editable = {f.column for f in CONTACT.fields if f.column and not f.internal}
    assert set(contacts.ID_FIELDS) | set(contacts.PLAIN_FIELDS) == editable
    assert not {"deleted_at", "merged_into_id", "sort_key"} & editable
    # Every contact field the command line names is one the design lists (or address,
    # preferred_channel); a new one is added to both on purpose.
    assert set(fields.CONTACT_FIELDS) == {
        *("first_name", "last_name", "company", "job_title", "phone", "email", "city"),
        *("province", "birth_date", "lead_source", "owner", "lifecycle", "tags", "notes"),
        *("address", "preferred_channel"),
    }


def test_the_lists_columns_and_the_merge_rows_follow_the_registry() -> None:
    from crm_desktop.ui.companies import company_table_model
    from crm_desktop.ui.contacts import contact_table_model, merge_dialog

    listed = [f for f in CONTACT.fields if f.listed]
    assert set(contact_table_model.COLUMN_KEYS) == {f.list_key for f in listed}
    assert set(contact_table_model.DEFAULT_COLUMNS) == {
        f.list_key for f in listed if f.listed and f.listed.shown
    }
    for column in contact_table_model.COLUMNS:
        assert column.sort == (column.field.listed and column.field.listed.sort)
    assert set(company_table_model.COLUMN_KEYS) == {f.list_key for f in COMPANY.fields if f.listed}
    assert set(merge_dialog.FIELD_NAMES) == set(merge.MERGE_FIELDS)


def test_the_registry_is_read_without_the_database_or_qt() -> None:
    """Start-up paints the contacts table's headers from it before SQLAlchemy loads."""
    code = (
        "import sys\n"
        "from crm_desktop.services.registry import CONTACT\n"
        "titles = [f.list_title('fa') for f in CONTACT.list_columns()]\n"
        "assert titles[0] == 'نام و نام خانوادگی', titles\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'PySide6')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert result.stdout.strip() == "[]"


def test_a_view_order_must_hold_exactly_its_flagged_fields() -> None:
    first = Field("first", "نام", "first", "first", export=("نام", "First"))
    second = Field("second", "دوم", "second", "second", export=("دوم", "Second"))
    assert Entity("t", "ج", "t", (first, second), export_order=("second", "first")).exported() == (
        second,
        first,
    )
    with pytest.raises(ValueError, match="export_order"):
        Entity("t", "ج", "t", (first, second), export_order=("first",))
    with pytest.raises(ValueError, match="list_order"):
        Entity("t", "ج", "t", (first,), list_order=("first",))
    with pytest.raises(ValueError, match="repeated"):
        Entity("t", "ج", "t", (first, first))
    assert Field("x", "ا", "x", listed=ListColumn(key="y")).list_key == "y"


@pytest.mark.parametrize("record", [CONTACT, COMPANY, DEAL], ids=lambda r: r.table)
def test_every_label_and_title_is_in_persian_and_english(record: Entity) -> None:
    def check(fa: str, en: str, what: str) -> None:
        assert PERSIAN_LETTER.search(fa), f"{what}: {fa!r} is not Persian"
        assert en.strip() and not PERSIAN_LETTER.search(en), f"{what}: {en!r} is not English"

    for f in record.fields:
        check(f.label("fa"), f.label("en"), f.name)
        check(f.title("fa"), f.title("en"), f.name)
        if f.export is not None:
            check(f.export_title("fa"), f.export_title("en"), f"{f.name} export")
        if f.listed is not None:
            check(f.list_title("fa"), f.list_title("en"), f"{f.name} list")
            assert f.list_title("en")[0].isupper()
    for lang in ("fa", "en"):
        titles = [f.list_title(lang) for f in record.list_columns()]
        assert len(set(titles)) == len(titles)
        headers = [f.export_title(lang) for f in record.exported()]
        assert len(set(headers)) == len(headers)


@pytest.mark.parametrize("lang", ["fa", "en"])
def test_an_exported_sheet_maps_back_to_its_fields(lang: str) -> None:
    for kind, record in RECORDS.items():
        exported = record.exported()
        mapping = suggest_mapping([f.export_title(lang) for f in exported], kind=kind)
        for index, f in enumerate(exported):
            if not f.aliases:
                assert index not in mapping, f.name  # nothing to import it into
                continue
            mapped = record.field(mapping[index])
            assert mapped == f or f.part_table in mapped.derived_from, (f.name, mapped.name)


def test_search_finds_the_searchable_fields_and_only_them(db: Database) -> None:
    values = {
        "first_name": "zqfirst",
        "last_name": "zqlast",
        "company": "zqcompany",
        "job_title": "zqjob",
        "city": "zqcity",
        "province": "zqprovince",
        "address": "zqaddress",
        "notes": "zqnotes",
        "lead_source": "zqsource",
        "email": "zqmail@example.com",
        "phone": "09125550123",
    }
    contact = contacts.create_contact(db, changes_from_text(values))
    searchable = {f.name for f in CONTACT.fields if f.searchable}
    assert set(values) & searchable == {
        *("first_name", "last_name", "company", "job_title", "city", "email", "phone"),
    }
    for name, value in values.items():
        found = contact.id in page(db, ContactFilter(search=value))
        assert found == (name in searchable), f"{name}: found={found}"


def test_the_companies_search_finds_the_searchable_fields_and_only_them(db: Database) -> None:
    values = {
        "name": "zqname",
        "industry": "zqindustry",
        "website": "zqsite.example",
        "address": "zqaddress",
        "city": "zqcity",
        "province": "zqprovince",
        "notes": "zqnotes",
    }
    company = companies.create_company(db, companies.CompanyChanges(**values))
    searchable = {f.name for f in COMPANY.fields if f.searchable}
    assert searchable == {"name"}
    for name, value in values.items():
        found = company.id in company_list.page(db, value)
        assert found == (name in searchable), f"{name}: found={found}"


def test_an_import_fills_the_fillable_fields_of_an_existing_contact(
    db: Database, tmp_path: Path
) -> None:
    stored = contacts.create_contact(
        db, changes_from_text({"last_name": "رضایی", "phone": "09121234567"})
    )
    row = {
        "نام": "علی",
        "نام خانوادگی": "رضایی",
        "موبایل": "09121234567",
        "شرکت": "فولاد",
        "سمت": "مدیر خرید",
        "نشانی": "خیابان آزادی",
        "شهر": "تهران",
        "استان": "تهران",
        "تاریخ تولد": "1365/04/12",
        "منبع سرنخ": "نمایشگاه",
        "یادداشت‌ها": "تماس بگیرید",
        "وضعیت": "مشتری",
    }
    path = write_xlsx(tmp_path / "again.xlsx", [list(row), list(row.values())])
    result = import_file(db, path, kind="contacts")
    assert (result.created, result.updated) == (0, 1)
    after = contacts.get_contact(db, stored.id)
    filled = {
        "first_name": after.first_name == "علی",
        "company": after.company == "فولاد",
        "job_title": after.job_title == "مدیر خرید",
        "address": after.address == "خیابان آزادی",
        "city": after.city == "تهران",
        "province": after.province == "تهران",
        "birth_date": after.birth_date is not None,
        "lead_source": after.lead_source == "نمایشگاه",
        "notes": after.notes == "تماس بگیرید",
        "lifecycle": after.lifecycle == "customer",
    }
    fillable = {f.name for f in CONTACT.fields if f.fillable}
    assert {name for name, done in filled.items() if done} == set(filled) & fillable
    assert "lifecycle" not in fillable  # a stage already set is never changed by a sheet
