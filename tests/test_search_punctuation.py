"""Punctuation typed beside a word finds what the word alone finds: in the contacts
search (command line and window list), the companies list and the global search.

The query is cut into words where the word index cuts the stored text; phone numbers
and email addresses keep working.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from crm_desktop.models import Deal
from crm_desktop.models.database import Database
from crm_desktop.services import companies, contact_list, contacts
from crm_desktop.services.companies import CompanyChanges
from crm_desktop.services.contact_list import ContactFilter
from crm_desktop.services.demo import generate_demo
from crm_desktop.services.fields import changes_from_text
from crm_desktop.services.global_search import search_everything
from crm_desktop.services.search import query_words
from tests.test_cli import run

# Latin, Persian and the punctuation a Persian keyboard types.
PUNCTUATION = list(",.;:!?()[]{}<>\"'`-_/\\|*&%$#^~=+…–—«»،؛؟٪٫٬")


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ("علی,", ["علی"]),
        ("(علی)", ["علی"]),
        ("علی.", ["علی"]),
        ('"علی', ["علی"]),
        ("«علی»", ["علی"]),
        ("علی، رضایی؛", ["علی", "رضایی"]),
        ("علی؟", ["علی"]),
        ("علي.", ["علی"]),  # Arabic yeh folded as well
        ("رضایی-100", ["رضایی", "100"]),
        ("پارس-کالا", ["پارس", "کالا"]),
        ("0912-123-4567", ["09121234567"]),
        ("(021) 8877 6655", ["021", "8877", "6655"]),
        ("(021)8877-6655", ["02188776655"]),
        ("+98 912 123 4567", ["98", "912", "123", "4567"]),
        ("۰۹۱۲", ["0912"]),
        ("ali@example.com", ["ali@example.com"]),
        ("Ali.Rezaei@", ["ali.rezaei@"]),
        ("@example.com", ["@example.com"]),
        ("<ali@example.com>,", ["ali@example.com"]),
        ("ali@example.com.", ["ali@example.com"]),
        ("علی@", ["علی"]),  # no address is written in Persian letters
        ("O'Brien", ["o", "brien"]),
        (",", []),
        ("«»", []),
    ],
)
def test_query_words(query: str, words: list[str]) -> None:
    assert query_words(query) == words


def add(db: Database, **fields: str) -> str:
    return contacts.create_contact(db, changes_from_text(fields)).id


@pytest.fixture
def people(db: Database) -> Iterator[dict[str, str]]:
    yield {
        "ali": add(
            db,
            first_name="علی",
            last_name="رضایی",
            phone="0912 123 4567",
            email="ali.rezaei@example.com",
            company="پارس کالا",
        ),
        # Latin "Ali" with an address at the same domain: only a whole address tells
        # them apart.
        "ali_latin": add(db, first_name="Ali", last_name="Smith", email="smith@example.com"),
        "reza": add(db, first_name="رضا", last_name="رضایی", phone="021-88776655"),
        "maryam": add(db, first_name="مریم", last_name="کاظمی", phone="09351001234"),
        "hyphen": add(db, first_name="سارا", last_name="احمدی-نژاد", phone="09191002000"),
    }


def found(db: Database, query: str) -> set[str]:
    ids = contacts.contact_ids(db, query)
    assert contacts.count_contacts(db, query) == len(ids)
    # The window's list runs the same search through its filter.
    assert contact_list.page(db, ContactFilter(search=query)) == ids
    return set(ids)


@pytest.mark.parametrize(
    "query",
    ["علی,", "(علی)", "علی.", '"علی', "«علی»", "علی،", "علی؛", "علی؟", "'علی'", "[علی]"],
)
def test_punctuation_beside_a_word(db: Database, people: dict[str, str], query: str) -> None:
    assert found(db, "علی") == {people["ali"]}
    assert found(db, query) == {people["ali"]}


def test_words_joined_by_punctuation(db: Database, people: dict[str, str]) -> None:
    assert found(db, "رضایی-1001") == set()  # no رضایی has 1001 in a phone
    assert found(db, "کاظمی-100") == {people["maryam"]}
    assert found(db, "کاظمی-100") == found(db, "کاظمی 100")
    assert found(db, "رضایی،علی") == {people["ali"]}
    assert found(db, "احمدی-نژاد") == {people["hyphen"]}
    assert found(db, "(پارس-کالا)") == {people["ali"]}


@pytest.mark.parametrize(
    ("query", "who"),
    [
        ("0912-123-4567", "ali"),
        ("0912 123 4567", "ali"),
        ("+98 912 123 4567", "ali"),
        ("+989121234567", "ali"),
        ("۰۹۱۲۱۲۳", "ali"),
        ("(0912) 123-4567,", "ali"),
        ("(021) 8877 6655", "reza"),
        ("021-88776655", "reza"),
        ("ali@example.com", None),  # nobody has this address
        ("ali.rezaei@example.com", "ali"),
        ("ALI.REZAEI@", "ali"),
        ("<ali.rezaei@example.com>", "ali"),
        ("ali.rezaei@example.com,", "ali"),
        ("smith@example.com", "ali_latin"),
    ],
)
def test_phones_and_emails_keep_working(
    db: Database, people: dict[str, str], query: str, who: str | None
) -> None:
    assert found(db, query) == ({people[who]} if who else set())


def test_an_address_is_matched_whole(db: Database, people: dict[str, str]) -> None:
    # Cut at "@" and ".", "ali@example.com" would be "ali", "example" and "com", which
    # both Alis have; nobody has the address.
    assert found(db, "ali example com") == {people["ali"], people["ali_latin"]}
    assert found(db, "ali@example.com") == set()
    assert found(db, "@example.com") == {people["ali"], people["ali_latin"]}


def test_companies_list_and_global_search(db: Database, people: dict[str, str]) -> None:
    company = companies.create_company(db, CompanyChanges(name="فولاد نوین")).id
    for query in ("«فولاد»", "فولاد،", "(فولاد نوین)", "فولاد-نوین"):
        assert [c.id for c in companies.list_companies(db, query)] == [company], query
        results = search_everything(db, query)
        assert [c.id for c in results.companies] == [company], query
    results = search_everything(db, "«علی»،")
    assert [c.id for c in results.contacts] == [people["ali"]]


def test_global_search_finds_deals_beside_punctuation(db: Database) -> None:
    for _ in generate_demo(db, contacts=300, seed=2, today=dt.date(2026, 11, 21)):
        pass
    with db.session() as session:
        deal = session.scalars(select(Deal).limit(1)).one()
        deal.title = "قرارداد آزمایشی ویژه"
        session.commit()
    for query in ("«آزمایشی»", "آزمایشی،", "(آزمایشی)", "آزمایشی-ویژه", "ویژه؟ آزمایشی."):
        assert [d.id for d in search_everything(db, query, limit=50).deals] == [deal.id], query


def _persian_words() -> st.SearchStrategy[str]:
    letters = "اآبپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیيك"
    return st.text(alphabet=letters + "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    first=_persian_words().filter(bool),
    last=_persian_words(),
    punctuation=st.text(st.sampled_from(PUNCTUATION), min_size=1, max_size=3),
    before=st.booleans(),
)
def test_any_name_word_beside_any_punctuation(
    db: Database, first: str, last: str, punctuation: str, before: bool
) -> None:
    contact_id = add(db, first_name=first, last_name=last)
    record = contacts.get_contact(db, contact_id)
    for word in record.full_name.split():
        query = punctuation + word if before else word + punctuation
        assert contact_id in contacts.contact_ids(db, query), query
        assert contacts.contact_ids(db, query) == contacts.contact_ids(db, word), query


def test_command_line_search_beside_punctuation(db_path: Path, db: Database) -> None:
    ali = add(db, first_name="علی", last_name="رضایی", phone="09121234567")
    add(db, first_name="مریم", last_name="کاظمی", phone="09351001234")
    for query in ("علی,", "(علی)", "«علی»،", '"علی', "رضایی-1234567", "0912-123-4567"):
        result = run(db_path, "contacts", "--search", query, "--json")
        assert result.returncode == 0, result.stderr
        assert [c["id"] for c in json.loads(result.stdout)] == [ali], query


def test_global_search_narrows_deals_in_sql_by_a_word_beside_punctuation() -> None:
    from crm_desktop.services.global_search import _anchor_word

    # Without an anchor every deal would be checked in Python, newest first.
    assert _anchor_word("«آزمایشی»، ویژه") == "ازمایشی"  # a search key: آ is ا
    assert _anchor_word("0912-123-4567 علی") == "09121234567"
    assert _anchor_word("،") is None
