"""Contacts and companies through the services, on real database files."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from crm_desktop.errors import InvalidInput, NotFound
from crm_desktop.models import Role
from crm_desktop.models.database import Database
from crm_desktop.services import companies, contacts, users
from crm_desktop.services.companies import CompanyChanges
from crm_desktop.services.fields import ContactChanges, changes_from_text


def add(db: Database, **fields: str) -> str:
    return contacts.create_contact(db, changes_from_text(fields)).id


def names(records: list) -> list[str]:  # type: ignore[type-arg]
    return [r.full_name for r in records]


def test_create_normalizes_what_was_typed(db: Database) -> None:
    record = contacts.create_contact(
        db,
        changes_from_text(
            [
                ("first_name", "  علي  "),
                ("last_name", "كريمي"),
                ("phone", "۰۹۱۲ ۱۲۳ ۴۵۶۷"),
                ("phone", "021-88776655"),
                ("email", " Ali.Karimi@Example.COM "),
                ("company", "صنايع  پارس"),
                ("birth_date", "۱۳۶۵/۴/۱۲"),
                ("tags", "ویژه، عمده‌فروش,ویژه"),
                ("lifecycle", "مشتری"),
                ("city", "تهران"),
            ]
        ),
    )
    assert (record.first_name, record.last_name, record.full_name) == ("علی", "کریمی", "علی کریمی")
    assert record.phones == ("+989121234567", "+982188776655")
    assert record.emails == ("ali.karimi@example.com",)
    assert record.company == "صنایع پارس"
    assert record.birth_date is not None and record.birth_date.isoformat() == "1986-07-03"
    assert record.tags == ("عمده‌فروش", "ویژه")
    assert record.lifecycle == "customer"
    assert contacts.get_contact(db, record.id) == record


def test_a_contact_needs_a_name(db: Database) -> None:
    with pytest.raises(InvalidInput):
        contacts.create_contact(db, changes_from_text({"phone": "09121234567"}))
    assert contacts.count_contacts(db) == 0


def test_search_is_normalized(db: Database) -> None:
    ali = add(db, first_name="علی", last_name="رضایی", phone="09121234567", company="پارس کالا")
    maryam = add(db, first_name="مریم", last_name="اكبري", email="maryam@tehran.example")
    add(db, first_name="حمید", last_name="نوری", company="آریا تجارت", phone="02188776655")

    def by(query: str) -> set[str]:
        return set(contacts.contact_ids(db, query))

    assert by("علي") == {ali}  # Arabic ي finds Persian ی
    assert by("۰۹۱۲") == {ali}  # Persian digits find the stored E.164 number
    assert by("0912 123") == {ali}
    assert by("4567") == {ali}  # the end of a number
    assert by("پارس") == {ali}  # a company name finds its people
    assert by("اکبری") == {maryam}  # stored from Arabic letters, found with Persian ones
    assert by("MARYAM@") == {maryam}
    assert by("رض") == {ali}  # words shorter than three letters still match
    assert by("علی نوری") == set()  # every word must match
    assert by("") == by("   ") == set(contacts.contact_ids(db))


def test_list_order_is_persian_alphabetical_by_family_name(db: Database) -> None:
    for first, last in [
        ("زهرا", "یزدانی"),
        ("پرویز", "پاکزاد"),
        ("بهرام", "بهرامی"),
        ("چنگیز", "چمران"),
    ]:
        add(db, first_name=first, last_name=last)
    # پ after ب and چ after ج, though their code points come after every Arabic letter.
    assert [r.last_name for r in contacts.list_contacts(db)] == [
        "بهرامی",
        "پاکزاد",
        "چمران",
        "یزدانی",
    ]


def test_edit_changes_only_named_fields_and_adds_phones(db: Database) -> None:
    cid = add(db, first_name="سارا", last_name="محمدی", phone="09121111111", city="تهران")
    record = contacts.update_contact(
        db, cid, changes_from_text({"phone": "09352222222", "city": "", "job_title": "مدیر خرید"})
    )
    assert record.phones == ("+989121111111", "+989352222222")
    assert record.city is None and record.job_title == "مدیر خرید"
    assert record.first_name == "سارا"
    # Adding the same number again does not duplicate it.
    again = contacts.update_contact(db, cid, changes_from_text({"phone": "+98 912 111 1111"}))
    assert again.phones == record.phones
    assert contacts.contact_ids(db, "09352") == [cid]


def test_tags_are_replaced_as_a_set_and_owner_must_exist(db: Database) -> None:
    rep = users.create_user(db, "نیما صالحی", "nima", Role.REP)
    cid = add(db, first_name="لیلا", tags="الف,ب")
    record = contacts.update_contact(db, cid, changes_from_text({"tags": "ب,ج", "owner": "nima"}))
    assert record.tags == ("ب", "ج") and record.owner == rep.name
    with pytest.raises(InvalidInput):
        contacts.update_contact(db, cid, changes_from_text({"owner": "کسی که نیست"}))
    assert contacts.get_contact(db, cid).owner == rep.name


def test_delete_goes_to_trash_and_restore_brings_back(db: Database) -> None:
    cid = add(db, first_name="رضا", phone="09120000001")
    contacts.delete_contacts(db, [cid])
    assert contacts.contact_ids(db) == [] and contacts.contact_ids(db, "رضا") == []
    assert contacts.trashed_contact_ids(db) == [cid]
    assert contacts.get_contact(db, cid).deleted_at is not None
    with pytest.raises(NotFound):
        contacts.update_contact(db, cid, changes_from_text({"city": "قم"}))
    contacts.restore_contacts(db, [cid])
    assert contacts.contact_ids(db, "رضا") == [cid]
    with sqlite3.connect(db.path) as conn:  # soft delete: the row was never removed
        assert conn.execute("SELECT count(*) FROM contacts").fetchone()[0] == 1


def test_unknown_id_is_not_found(db: Database) -> None:
    with pytest.raises(NotFound):
        contacts.get_contact(db, "no-such-id")
    with pytest.raises(NotFound):
        contacts.delete_contacts(db, ["no-such-id"])


def test_rows_record_who_changed_them(db: Database) -> None:
    manager = users.create_user(db, "مدیر فروش", "boss", Role.MANAGER)
    users.set_current_user(db, manager.id)
    cid = add(db, first_name="آرش", phone="09121112233", tags="ویژه")
    with sqlite3.connect(db.path) as conn:
        for table, key in (
            ("contacts", "id"),
            ("contact_phones", "contact_id"),
            ("contact_tags", "contact_id"),
        ):
            stamped = conn.execute(
                f"SELECT updated_by FROM {table} WHERE {key} = ?", (cid,)
            ).fetchall()
            assert stamped == [(manager.id,)], table


def test_company_rename_moves_its_people_in_search(db: Database) -> None:
    cid = add(db, first_name="کاوه", company="نوین صنعت")
    company_id = contacts.get_contact(db, cid).company_id
    assert company_id is not None
    assert contacts.contact_ids(db, "نوین") == [cid]
    companies.update_company(db, company_id, CompanyChanges(name="فراز صنعت"))
    assert contacts.contact_ids(db, "نوین") == []
    assert contacts.contact_ids(db, "فراز") == [cid]
    assert contacts.get_contact(db, cid).company == "فراز صنعت"


def test_companies_are_matched_by_normalized_name(db: Database) -> None:
    a = add(db, first_name="یک", company="پخش البرز")
    b = add(db, first_name="دو", company="پخش  البرز ")
    c = add(db, first_name="سه", company="پخش البرز ي")
    ids = {contacts.get_contact(db, x).company_id for x in (a, b)}
    assert len(ids) == 1
    assert contacts.get_contact(db, c).company_id not in ids
    listed = companies.list_companies(db, "البرز")
    assert [(x.name, x.people) for x in listed] == [("پخش البرز", 2), ("پخش البرز ی", 1)]


def test_company_crud(db: Database) -> None:
    record = companies.create_company(
        db, CompanyChanges(name="آینده‌سازان", phone="021 8877 6655", email="INFO@Ayandeh.example")
    )
    assert record.phone == "+982188776655" and record.email == "info@ayandeh.example"
    cid = add(db, first_name="نگار", company="آینده‌سازان")
    assert companies.company_people(db, record.id) == [cid]
    companies.delete_company(db, record.id)
    assert companies.list_companies(db) == []
    assert contacts.contact_ids(db, "آینده") == []
    companies.restore_company(db, record.id)
    assert contacts.contact_ids(db, "آینده") == [cid]
    with pytest.raises(InvalidInput):
        companies.create_company(db, CompanyChanges(name="  "))


def test_both_search_plans_give_the_same_pages(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from crm_desktop.services import search

    firsts = ["علی", "علیرضا", "مریم", "رضا", "زهرا", "دانیال"]
    lasts = ["رضایی", "احمدی", "کریمی", "علوی", "دانشور"]
    for i in range(60):
        add(
            db,
            first_name=firsts[i % len(firsts)],
            last_name=lasts[i % len(lasts)],
            phone=f"0912{i:07d}",
        )
    queries = ["", "ع", "عل", "علی", "رض احمدی", "0912", "۰۹۱۲۰۰۰۰۰۱", "دان"]
    results: dict[str, list[list[str]]] = {}
    for cost in (10**9, 0):  # always walk the sorted index / always sort the matches
        monkeypatch.setattr(search, "SORT_COST", cost)
        for query in queries:
            everything = contacts.contact_ids(db, query)
            pages = [contacts.contact_ids(db, query, offset=o, limit=7) for o in range(0, 70, 7)]
            assert [i for page in pages for i in page] == everything
            assert contacts.count_contacts(db, query) == len(everything)
            results.setdefault(query, []).append(everything)
    for query, (walked, sorted_) in results.items():
        assert walked == sorted_, query
    assert len(results[""]) and len(results[""][0]) == 60
    names = [(firsts[i % len(firsts)], lasts[i % len(lasts)]) for i in range(60)]
    # Three letters or more: any part of a word; fewer: the start of a word.
    assert len(results["علی"][0]) == sum("علی" in f"{a} {b}" for a, b in names)
    assert len(results["ع"][0]) == sum(a[0] == "ع" or b[0] == "ع" for a, b in names)
    assert len(results["ع"][0]) < 60


def test_trashed_contacts_are_not_counted_or_found(db: Database) -> None:
    keep = add(db, first_name="ماندگار", phone="09121230000")
    gone = add(db, first_name="رفتنی", phone="09121230001")
    contacts.delete_contacts(db, [gone])
    assert contacts.count_contacts(db) == 1
    assert contacts.count_contacts(db, "0912123") == 1
    assert contacts.contact_ids(db, "0912123") == [keep]
    contacts.restore_contacts(db, [gone])
    assert contacts.count_contacts(db, "0912123") == 2


def test_exact_phone_and_email_lists_and_undo_by_state(db: Database) -> None:
    from crm_desktop.services.fields import ContactChanges

    cid = add(
        db,
        first_name="شیوا",
        phone="09121111111",
        email="a@x.example",
        company="پارس",
        tags="الف",
        birth_date="1370/01/01",
    )
    before = contacts.get_contact(db, cid)
    after = contacts.update_contact(
        db,
        cid,
        ContactChanges(
            first_name="شیوا",
            last_name="کامرانی",
            phones=("+989352222222", "+989121111111"),
            emails=(),
            company_id=None,
            tags=("ب",),
            birth_date=None,
            lead_score=40,
        ),
    )
    assert after.phones == ("+989352222222", "+989121111111")
    assert after.emails == () and after.company is None and after.tags == ("ب",)
    assert contacts.contact_ids(db, "a@x") == []  # the removed email is no longer found
    restored = contacts.update_contact(db, cid, contacts.state_changes(before))
    assert restored.as_json() | {"updated_at": None} == before.as_json() | {"updated_at": None}
    assert contacts.contact_ids(db, "a@x") == [cid]
    with sqlite3.connect(db.path) as conn:  # the kept number kept its row
        rows = conn.execute(
            "SELECT number, deleted_at IS NULL FROM contact_phones WHERE contact_id = ?", (cid,)
        ).fetchall()
    assert sorted(rows) == [("+989121111111", 1), ("+989352222222", 0)]


def test_restoring_many_contacts_from_the_trash_makes_them_searchable(db: Database) -> None:
    from crm_desktop.services.demo import generate_demo

    for _progress in generate_demo(db, contacts=1100, seed=3):
        pass
    made = contacts.contact_ids(db)
    assert len(made) == 1100
    someone = contacts.get_contact(db, made[500])
    found_before = contacts.count_contacts(db, someone.last_name)
    contacts.delete_contacts(db, made)
    assert contacts.count_contacts(db, someone.last_name) == 0
    contacts.restore_contacts(db, made)  # over a thousand: indexed in one go
    assert contacts.count_contacts(db) == 1100
    assert contacts.count_contacts(db, someone.last_name) == found_before >= 1
    contacts.create_contact(db, changes_from_text({"first_name": "پس", "last_name": "از"}))
    assert contacts.count_contacts(db, "پس از") == 1


# --- birth dates: one rule for the command line, the window and the importer --------

TODAY = dt.date(2026, 12, 2)  # 1405/09/11


def test_birth_date_text_follows_the_year_rule() -> None:
    read = changes_from_text({"first_name": "x", "birth_date": "2024-01-01"}, today=TODAY)
    assert read.birth_date == dt.date(2024, 1, 1)  # Gregorian, not the Jalali 2024
    read = changes_from_text({"first_name": "x", "birth_date": "۱۳۶۵/۰۴/۱۲"}, today=TODAY)
    assert read.birth_date == dt.date(1986, 7, 3)
    for text in ("1500/01/01", "9999/12/29", "1405/09/12", "1899-12-31"):
        with pytest.raises(InvalidInput):
            changes_from_text({"first_name": "x", "birth_date": text}, today=TODAY)
    assert changes_from_text({"birth_date": "1405/09/11"}, today=TODAY).birth_date == TODAY


def test_create_refuses_a_birth_date_out_of_range_and_writes_nothing(db: Database) -> None:
    for day in (dt.date(2121, 3, 21), TODAY + dt.timedelta(days=1), dt.date(1899, 12, 31)):
        with pytest.raises(InvalidInput) as info:
            contacts.create_contact(
                db, ContactChanges(first_name="نگار", birth_date=day), today=TODAY
            )
        assert "تاریخ تولد" in info.value.fa and "birth date" in info.value.en
    assert contacts.count_contacts(db) == 0
    born_today = contacts.create_contact(
        db, ContactChanges(first_name="نوزاد", birth_date=TODAY), today=TODAY
    )
    assert born_today.birth_date == TODAY


def test_update_refuses_a_new_birth_date_out_of_range(db: Database) -> None:
    cid = add(db, first_name="نگار", birth_date="1365/04/12")
    with pytest.raises(InvalidInput) as info:
        contacts.update_contact(db, cid, ContactChanges(birth_date=dt.date(2121, 3, 21)))
    assert "۱ فروردین ۱۵۰۰" in info.value.fa and "21 March 2121" in info.value.en
    assert contacts.get_contact(db, cid).birth_date == dt.date(1986, 7, 3)


def test_a_stored_birth_date_is_not_checked_again_by_other_edits(db: Database) -> None:
    # A date saved before the rule existed (here: when "today" was later) stays
    # editable: only a changed birth date is checked.
    later = dt.date(2200, 1, 1)
    cid = contacts.create_contact(
        db, ContactChanges(first_name="x", birth_date=dt.date(2121, 3, 21)), today=later
    ).id
    edited = contacts.update_contact(
        db, cid, ContactChanges(city="قم", birth_date=dt.date(2121, 3, 21)), today=TODAY
    )
    assert (edited.city, edited.birth_date) == ("قم", dt.date(2121, 3, 21))
