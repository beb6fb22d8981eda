"""Finding duplicate contacts, merging them and undoing a merge, on real database files."""

from __future__ import annotations

import dataclasses
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from crm_desktop.errors import InvalidInput
from crm_desktop.locale import parse_phone
from crm_desktop.models import Activity, ActivityType, Contact, Deal, Pipeline, Stage
from crm_desktop.models.database import Database, open_database
from crm_desktop.services import contacts, operations, undo
from crm_desktop.services.duplicates import (
    DuplicateMatch,
    find_duplicate_groups,
    find_matches,
    one_edit_apart,
    one_edit_pairs,
)
from crm_desktop.services.fields import changes_from_text
from crm_desktop.services.lead_score import rescore
from crm_desktop.services.merge import MERGE_FIELDS, MergeResult, merge_contacts
from crm_desktop.services.records import ContactRecord


def add(db: Database, *pairs: tuple[str, str], **fields: str) -> str:
    return contacts.create_contact(db, changes_from_text([*pairs, *fields.items()])).id


def add_deal(db: Database, contact_id: str, title: str = "قرارداد") -> str:
    with db.session() as session:
        pipeline = session.scalars(select(Pipeline).where(Pipeline.is_default)).one()
        stage = session.scalars(
            select(Stage).where(Stage.pipeline_id == pipeline.id).order_by(Stage.position)
        ).first()
        assert stage is not None
        deal = Deal(title=title, contact_id=contact_id, pipeline_id=pipeline.id, stage_id=stage.id)
        session.add(deal)
        session.flush()
        rescore(session, [contact_id])  # as the deals service does
        return deal.id


def add_call(db: Database, contact_id: str) -> str:
    with db.session() as session:
        call = session.scalars(select(ActivityType).where(ActivityType.code == "call")).one()
        activity = Activity(type_id=call.id, subject="تماس پیگیری", contact_id=contact_id)
        session.add(activity)
        session.flush()
        rescore(session, [contact_id])  # as the activities service does
        return activity.id


def pointers(db: Database) -> dict[str, str | None]:
    """Where every deal and activity points."""
    with db.session() as session:
        deals = session.execute(select(Deal.id, Deal.contact_id)).all()
        activities = session.execute(select(Activity.id, Activity.contact_id)).all()
        return {row_id: contact_id for row_id, contact_id in [*deals, *activities]}


def merge_as_step(
    db: Database, survivor: str, others: list[str], **kwargs: Any
) -> tuple[MergeResult, str]:
    """Merge as the window does: one operation, whose id undo takes back."""
    done = operations.run(db, merge_contacts, db, survivor, others, **kwargs)
    return done.result, done.changes.op_ids[0]


def merged_into(db: Database, contact_id: str) -> str | None:
    with db.session() as session:
        contact = session.get(Contact, contact_id)
        assert contact is not None
        return contact.merged_into_id


def comparable(record: ContactRecord) -> ContactRecord:
    return dataclasses.replace(record, updated_at=record.created_at)


def snapshot(db: Database, ids: list[str]) -> list[ContactRecord]:
    return [comparable(contacts.get_contact(db, i)) for i in ids]


# --- find_matches -------------------------------------------------------------------


def test_matches_a_phone_typed_in_another_form(db: Database) -> None:
    cid = add(db, first_name="علی", last_name="رضایی", company="پارس", phone="09121234567")
    assert find_matches(db, phones=["+98 912 123 4567"], emails=["x@example.com"]) == [
        DuplicateMatch(cid, "علی رضایی", "پارس", "phone", "+989121234567")
    ]
    assert find_matches(db, phones=["۹۱۲۱۲۳۴۵۶۷"])[0].contact_id == cid
    # A number still being typed is no match and no error.
    assert find_matches(db, phones=["0912"]) == []
    assert find_matches(db) == []


def test_matches_an_email_in_another_case_but_not_itself_or_the_trash(db: Database) -> None:
    first = add(db, first_name="مریم", email="maryam@example.com")
    second = add(db, first_name="مریم", last_name="کاظمی", email="Maryam@Example.com")
    found = find_matches(db, emails=["MARYAM@example.COM"], exclude_id=first)
    assert [(m.contact_id, m.reason, m.value) for m in found] == [
        (second, "email", "maryam@example.com")
    ]
    contacts.delete_contacts(db, [second])
    assert find_matches(db, emails=["maryam@example.com"], exclude_id=first) == []
    assert [m.contact_id for m in find_matches(db, emails=["maryam@example.com"])] == [first]


# --- find_duplicate_groups ------------------------------------------------------------


def test_groups_by_phone_and_email_transitively(db: Database) -> None:
    a = add(db, first_name="الف", phone="09120000001")
    b = add(db, first_name="ب", phone="09120000001", email="b@example.com")
    c = add(db, first_name="پ", email="B@example.com")
    add(db, first_name="ت", phone="09120000009")
    d = add(db, first_name="ث", phone="09350000001")
    e = add(db, first_name="ج", phone="09350000001")
    groups = find_duplicate_groups(db)
    # Newest member first among groups; oldest member first inside a group.
    assert [g.contact_ids for g in groups] == [(d, e), (a, b, c)]
    assert groups[1].reasons == ("تلفن یکسان: +989120000001", "ایمیل یکسان: b@example.com")
    assert groups[0].reasons == ("تلفن یکسان: +989350000001",)
    assert [g.contact_ids for g in find_duplicate_groups(db, limit=1)] == [(d, e)]


def test_groups_similar_names_within_a_company_only(db: Database) -> None:
    ali = add(db, first_name="علی", last_name="رضایی", company="صنایع پارس")
    ali_arabic = add(db, first_name="علي", last_name="رضايي", company="صنايع پارس")
    add(db, first_name="علی", last_name="رضایی", company="پخش البرز")
    mr = add(db, first_name="محمدرضا", last_name="کریمی", company="پخش البرز")
    mr_spaced = add(db, first_name="محمد رضا", last_name="کریمی", company="پخش البرز")
    typo = add(db, first_name="محمدرضا", last_name="کرمی", company="پخش البرز")
    sara = add(db, first_name="سارا", last_name="احمدی", company="پخش البرز")
    saba = add(db, first_name="صبا", last_name="احمدی", company="پخش البرز")
    no_company = add(db, first_name="علی", last_name="رضایی")
    groups = {g.contact_ids: g.reasons for g in find_duplicate_groups(db)}
    assert groups == {
        (mr, mr_spaced, typo): ("نام مشابه در یک شرکت",),
        (ali, ali_arabic): ("نام مشابه در یک شرکت",),
    }
    assert not any(no_company in ids or sara in ids or saba in ids for ids in groups)


def test_one_letter_apart_only_between_long_names(db: Database) -> None:
    company = "آینده"
    long_a = add(db, first_name="فرهاد", last_name="نوروزی", company=company)
    long_b = add(db, first_name="فرهاد", last_name="نوروز", company=company)
    long_c = add(db, first_name="فرزاد", last_name="نوروزی", company=company)
    add(db, first_name="علی", company=company)
    add(db, first_name="ولی", company=company)
    groups = [g.contact_ids for g in find_duplicate_groups(db)]
    assert groups == [(long_a, long_b, long_c)]


def test_trashed_contacts_are_not_grouped(db: Database) -> None:
    a = add(db, first_name="نیما", phone="09121110000", company="تک")
    b = add(db, first_name="نیما", phone="09121110000", company="تک")
    contacts.delete_contacts(db, [b])
    assert find_duplicate_groups(db) == []
    contacts.restore_contacts(db, [b])
    assert [g.contact_ids for g in find_duplicate_groups(db)] == [(a, b)]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text("ابپت", min_size=3, max_size=7), max_size=40, unique=True))
def test_one_edit_buckets_find_the_same_pairs_as_comparing_every_pair(keys: list[str]) -> None:
    expected = {
        frozenset((a, b)) for i, a in enumerate(keys) for b in keys[i + 1 :] if _distance(a, b) == 1
    }
    for limit in (0, len(keys)):  # through the buckets, then pair by pair
        found = {frozenset(pair) for pair in one_edit_pairs(keys, pairwise_limit=limit)}
        assert found <= expected
        assert _components(keys, found) == _components(keys, expected)
    assert all(one_edit_apart(a, b) == (_distance(a, b) == 1) for a in keys[:8] for b in keys[:8])


def _components(keys: list[str], pairs: set[frozenset[str]]) -> set[frozenset[str]]:
    group = {key: frozenset([key]) for key in keys}
    for pair in pairs:
        joined = frozenset().union(*(group[key] for key in pair))
        for key in joined:
            group[key] = joined
    return set(group.values())


def _distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1]


# --- merge_contacts and its undo ---------------------------------------------------------


def test_merge_combines_two_contacts_and_undo_restores_them(db: Database) -> None:
    survivor = add(
        db,
        ("phone", "09121234567"),
        ("phone", "02188776655"),
        first_name="علی",
        last_name="رضایی",
        company="صنایع پارس",
        email="ali@example.com",
        tags="ویژه",
        notes="مشتری قدیمی",
    )
    other = add(
        db,
        ("phone", "09121234567"),
        ("phone", "09359998877"),
        ("email", "ALI@example.com"),
        ("email", "ali.rezaei@work.example"),
        first_name="علي",
        last_name="رضایی‌فر",
        job_title="مدیر خرید",
        city="تهران",
        tags="ویژه,عمده",
        notes="تماس عصرها",
    )
    bystander = add(db, first_name="زهرا", phone="09120000000")
    deals = [add_deal(db, other), add_deal(db, survivor), add_deal(db, bystander)]
    calls = [add_call(db, other), add_call(db, other)]
    before = snapshot(db, [survivor, other, bystander])
    where_before = pointers(db)

    result, op = merge_as_step(db, survivor, [other], fields={"last_name": other})
    merged = contacts.get_contact(db, survivor)
    assert (merged.first_name, merged.last_name) == ("علی", "رضایی‌فر")
    assert (merged.job_title, merged.city, merged.company) == ("مدیر خرید", "تهران", "صنایع پارس")
    assert merged.phones == ("+989121234567", "+982188776655", "+989359998877")
    assert merged.emails == ("ali@example.com", "ali.rezaei@work.example")
    assert merged.tags == ("عمده", "ویژه")
    assert merged.notes == "مشتری قدیمی\n\nتماس عصرها"
    where = pointers(db)
    assert {where[i] for i in [deals[0], deals[1], *calls]} == {survivor}
    assert where[deals[2]] == bystander
    gone = contacts.get_contact(db, other)
    assert gone.deleted_at is not None and merged_into(db, other) == survivor
    assert other not in contacts.trashed_contact_ids(db)  # merged, not deleted by hand
    assert contacts.contact_ids(db, "09359998877") == [survivor]
    assert contacts.contact_ids(db, "رضایی‌فر") == [survivor]
    assert result.merged_ids == (other,)
    assert set(result.moved_ids("deals")) == {deals[0]}
    assert set(result.moved_ids("activities")) == set(calls)
    assert len(result.tombstoned_phone_ids) == len(result.tombstoned_email_ids) == 1
    assert len(result.tombstoned_tag_ids) == 1
    assert find_duplicate_groups(db) == []

    undo.undo(db, op)
    assert snapshot(db, [survivor, other, bystander]) == before
    assert pointers(db) == where_before
    assert merged_into(db, other) is None
    assert contacts.contact_ids(db, "09359998877") == [other]
    assert sorted(contacts.contact_ids(db, "09121234567")) == sorted([survivor, other])


def test_empty_survivor_fields_are_filled_from_the_first_other_that_has_them(
    db: Database,
) -> None:
    survivor = add(db, first_name="کاوه", city="شیراز")
    first = add(db, first_name="کاوه", last_name="مرادی", job_title="حسابدار", city="قم")
    second = add(db, first_name="کاوه", last_name="مرادیان", province="فارس", notes="یادداشت")
    merge_contacts(db, survivor, [first, second], fields={"job_title": second})
    record = contacts.get_contact(db, survivor)
    assert record.last_name == "مرادی"  # the first other with a last name
    assert record.city == "شیراز"  # the survivor's own value is kept
    assert record.job_title is None  # chosen explicitly, even though empty
    assert (record.province, record.notes) == ("فارس", "یادداشت")
    assert contacts.contact_ids(db) == [survivor]


def test_merge_refuses_what_cannot_be_merged(db: Database) -> None:
    a = add(db, first_name="یک")
    b = add(db, first_name="دو")
    trashed = add(db, first_name="سه")
    contacts.delete_contacts(db, [trashed])
    for survivor, others, fields in [
        (a, [], None),
        (a, [a], None),
        (a, [b, a], None),
        (a, ["no-such-id"], None),
        ("no-such-id", [b], None),
        (a, [trashed], None),
        (trashed, [a], None),
        (a, [b], {"phones": b}),
        (a, [b], {"city": trashed}),
    ]:
        with pytest.raises(InvalidInput) as caught:
            merge_contacts(db, survivor, others, fields=fields)
        assert caught.value.fa and caught.value.en
    assert contacts.get_contact(db, b).deleted_at is None
    _, op = merge_as_step(db, a, [b])
    with pytest.raises(InvalidInput):
        merge_contacts(db, a, [b])  # b is already merged away
    undo.undo(db, op)
    with pytest.raises(InvalidInput):
        undo.undo(db, op)  # nothing left to undo


def test_merge_into_one_survivor_of_a_whole_group(db: Database) -> None:
    a = add(db, first_name="الف", phone="09120000001")
    b = add(db, first_name="ب", phone="09120000001", email="b@example.com")
    c = add(db, first_name="پ", email="b@example.com", phone="09120000002")
    [group] = find_duplicate_groups(db)
    survivor, *others = group.contact_ids
    assert survivor == a
    _, op = merge_as_step(db, survivor, others)
    record = contacts.get_contact(db, a)
    assert record.phones == ("+989120000001", "+989120000002")
    assert record.emails == ("b@example.com",)
    assert {merged_into(db, b), merged_into(db, c)} == {a}
    assert contacts.count_contacts(db) == 1
    undo.undo(db, op)
    assert contacts.count_contacts(db) == 3


# --- merge then undo is the identity -----------------------------------------------------

PHONES = ["09120000001", "09120000002", "09350000003", "02188776655"]
EMAILS = ["a@example.com", "b@example.com", "c@example.com"]
TAGS = ["ویژه", "عمده", "جدید"]


@dataclasses.dataclass(frozen=True)
class Person:
    phones: list[str]
    emails: list[str]
    tags: list[str]
    city: str
    job_title: str
    notes: str
    deals: int

    def pairs(self, name: str) -> list[tuple[str, str]]:
        pairs = [("first_name", name), ("tags", ",".join(self.tags))]
        pairs += [("phone", p) for p in self.phones] + [("email", e) for e in self.emails]
        return [*pairs, ("city", self.city), ("job_title", self.job_title), ("notes", self.notes)]


PEOPLE = st.builds(
    Person,
    phones=st.lists(st.sampled_from(PHONES), max_size=3),
    emails=st.lists(st.sampled_from(EMAILS), max_size=2),
    tags=st.lists(st.sampled_from(TAGS), max_size=2),
    city=st.sampled_from(["", "تهران", "تبریز"]),
    job_title=st.sampled_from(["", "مدیر"]),
    notes=st.sampled_from(["", "یادداشت یک", "یادداشت دو"]),
    deals=st.integers(0, 2),
)


@contextmanager
def fresh_db(template: Path) -> Iterator[Database]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "crm.sqlite3"
        shutil.copyfile(template, path)
        with open_database(path) as database:
            yield database


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    people=st.lists(PEOPLE, min_size=2, max_size=4),
    survivor=st.integers(0, 3),
    choices=st.dictionaries(st.sampled_from(MERGE_FIELDS), st.integers(0, 3), max_size=5),
)
def test_merge_then_undo_restores_every_record(
    template_db: Path, people: list[Person], survivor: int, choices: dict[str, int]
) -> None:
    with fresh_db(template_db) as db:
        ids = []
        for i, person in enumerate(people):
            ids.append(add(db, *person.pairs(f"شخص {i}")))
            for _ in range(person.deals):
                add_deal(db, ids[-1])
            add_call(db, ids[-1])
        keep = ids[survivor % len(ids)]
        others = [i for i in ids if i != keep]
        fields = {name: ids[n % len(ids)] for name, n in choices.items()}
        before, where = snapshot(db, ids), pointers(db)

        _, op = merge_as_step(db, keep, others, fields=fields)
        merged = contacts.get_contact(db, keep)
        assert sorted(merged.phones) == sorted({parse_phone(p) for x in people for p in x.phones})
        assert sorted(merged.emails) == sorted({e for x in people for e in x.emails})
        assert sorted(merged.tags) == sorted({t for x in people for t in x.tags})
        assert set(pointers(db).values()) == {keep}
        assert contacts.contact_ids(db) == [keep]

        undo.undo(db, op)
        assert snapshot(db, ids) == before
        assert pointers(db) == where
