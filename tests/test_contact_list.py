"""The contacts list: filters, sorting and paging over a demo database."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from sqlalchemy import select

from crm_desktop.models import Activity, Contact, ContactTag, utcnow
from crm_desktop.models.database import Database
from crm_desktop.services import contact_list, contacts
from crm_desktop.services.contact_list import ContactFilter, ContactSort
from crm_desktop.services.demo import generate_demo
from crm_desktop.services.records import ContactRecord

TODAY = dt.date(2026, 11, 21)


@pytest.fixture
def demo(db: Database) -> Iterator[Database]:
    for _ in generate_demo(db, contacts=400, seed=3, today=TODAY):
        pass
    yield db


def everyone(db: Database) -> list[ContactRecord]:
    return contacts.get_contacts(db, contacts.contact_ids(db))


def listed(db: Database, flt: ContactFilter, sort: ContactSort | None = None) -> list[str]:
    ids = contact_list.page(db, flt, sort)
    assert contact_list.count(db, flt) == len(ids)
    pages = [contact_list.page(db, flt, sort, offset=o, limit=37) for o in range(0, 400, 37)]
    assert [i for p in pages for i in p] == ids
    return ids


def test_each_filter_keeps_exactly_the_matching_contacts(demo: Database) -> None:
    people = everyone(demo)
    owner = people[0].owner_id
    assert owner is not None
    cases: list[tuple[ContactFilter, set[str]]] = [
        (ContactFilter(owner_ids=(owner,)), {p.id for p in people if p.owner_id == owner}),
        (ContactFilter(cities=("تهران",)), {p.id for p in people if p.city == "تهران"}),
        (
            ContactFilter(lifecycles=("customer", "inactive")),
            {p.id for p in people if p.lifecycle in ("customer", "inactive")},
        ),
        (
            ContactFilter(lead_source_ids=(people[1].lead_source_id or "",)),
            {p.id for p in people if p.lead_source_id == people[1].lead_source_id},
        ),
    ]
    tagged = next(p for p in people if p.tags)
    cases.append(
        (
            ContactFilter(tag_ids=tuple(_tag_ids(demo, tagged.id))),
            {p.id for p in people if set(p.tags) & set(tagged.tags)},
        )
    )
    both = ContactFilter(owner_ids=(owner,), cities=("تهران",))
    cases.append((both, {p.id for p in people if p.owner_id == owner and p.city == "تهران"}))
    for flt, expected in cases:
        assert expected, flt  # the demo gives every case something to find
        assert set(listed(demo, flt)) == expected, flt


def _tag_ids(db: Database, contact_id: str) -> list[str]:
    with db.session() as session:
        return list(
            session.scalars(select(ContactTag.tag_id).where(ContactTag.contact_id == contact_id))
        )


def test_search_combines_with_filters(demo: Database) -> None:
    people = everyone(demo)
    city = people[5].city
    assert city is not None
    word = people[5].last_name
    flt = ContactFilter(search=word, cities=(city,))
    expected = {p.id for p in people if word in p.full_name and p.city == city}
    assert people[5].id in expected
    assert set(listed(demo, flt)) >= expected


def test_no_activity_for_n_days(demo: Database) -> None:
    now = utcnow()
    with demo.session() as session:
        recent = set(
            session.scalars(
                select(Activity.contact_id).where(
                    Activity.done_at >= now - dt.timedelta(days=30),
                    Activity.contact_id.is_not(None),
                )
            )
        )
        live = set(session.scalars(select(Contact.id).where(Contact.deleted_at.is_(None))))
    quiet = set(listed(demo, ContactFilter(inactive_days=30)))
    assert quiet == live - recent


def test_sorting_by_columns(demo: Database) -> None:
    people = {p.id: p for p in everyone(demo)}
    by_city = [people[i].city for i in listed(demo, ContactFilter(), ContactSort("city"))]
    filled = [c for c in by_city if c]
    assert filled == sorted(filled) and by_city[: len(filled)] == filled  # empty ones last
    scores = [
        people[i].lead_score
        for i in listed(demo, ContactFilter(), ContactSort("lead_score", descending=True))
    ]
    assert scores == sorted(scores, reverse=True)
    by_owner = [people[i].owner for i in listed(demo, ContactFilter(), ContactSort("owner"))]
    assert [o for o in by_owner if o] == sorted(o for o in by_owner if o)


def test_fast_search_path_agrees_with_the_general_query(demo: Database) -> None:
    for query in ("ع", "رض", "احمدی", "0912", "تهران"):
        fast = contact_list.page(demo, ContactFilter(search=query))
        # Sorting by name explicitly but through another filter forces the general query.
        general = contact_list.page(
            demo,
            ContactFilter(search=query, lifecycles=("lead", "prospect", "customer", "inactive")),
        )
        assert fast == general, query


def test_trash_is_never_listed(demo: Database) -> None:
    first = contacts.contact_ids(demo, limit=1)[0]
    contacts.delete_contacts(demo, [first])
    assert first not in contact_list.page(
        demo, ContactFilter(lifecycles=("lead", "prospect", "customer", "inactive"))
    )
    assert first not in contact_list.page(demo, ContactFilter())


def test_filter_json_round_trip_and_choices(demo: Database) -> None:
    flt = ContactFilter(search="علی", owner_ids=("a", "b"), inactive_days=14)
    assert ContactFilter.from_json(flt.to_json()) == flt
    assert ContactFilter.from_json("{}") == ContactFilter()
    choices = contact_list.filter_choices(demo)
    assert len(choices.owners) == 5 and "تهران" in choices.cities
    assert choices.lead_sources[0][1] == "جستجوی اینترنتی"  # in their configured order


def test_name_order_walks_the_name_index(demo: Database) -> None:
    """Sorted by name, a deep page stops after it instead of sorting every match."""
    from sqlalchemy import text

    flt = ContactFilter(inactive_days=30)  # no index narrows it: the order index is used
    stmt = contact_list._query(flt, ContactSort(), utcnow()).offset(200).limit(50)
    compiled = stmt.compile(demo.engine, compile_kwargs={"literal_binds": True})
    with demo.session() as session:
        plan = [row[-1] for row in session.execute(text(f"EXPLAIN QUERY PLAN {compiled}"))]
    assert any("ix_contacts_sort_key" in step for step in plan), plan
    assert "USE TEMP B-TREE FOR ORDER BY" not in plan, plan
    assert listed(demo, flt) == listed(demo, flt, ContactSort())
