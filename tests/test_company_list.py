"""The paged companies list: SQL search on normalized names, pages, many ids at once."""

from __future__ import annotations

from crm_desktop.locale import sort_key
from crm_desktop.models import Company
from crm_desktop.models.database import Database
from crm_desktop.services import company_list
from crm_desktop.services.companies import (
    CompanyChanges,
    create_company,
    delete_company,
    get_companies,
    list_companies,
)


def names(db: Database, ids: list[str]) -> list[str]:
    return [c.name for c in get_companies(db, ids)]


def test_search_folds_arabic_letters_and_pages_in_name_order(db: Database) -> None:
    for name in ("صنایع کاشی یزد", "آریا تجارت", "کیمیا پخش", "Alpha Trading", "ایران خودرو"):
        create_company(db, CompanyChanges(name=name))
    gone = create_company(db, CompanyChanges(name="کاشی حذف‌شده"))
    delete_company(db, gone.id)

    assert company_list.count(db) == 5
    everything = company_list.page(db)
    assert names(db, everything) == [
        "آریا تجارت",
        "ایران خودرو",
        "صنایع کاشی یزد",
        "کیمیا پخش",
        "Alpha Trading",
    ]
    assert names(db, company_list.page(db, offset=1, limit=2)) == ["ایران خودرو", "صنایع کاشی یزد"]
    # Arabic ي and ك find the Persian ی and ک; "ا" finds "آ"; Latin case folds.
    assert names(db, company_list.page(db, "كاشي")) == ["صنایع کاشی یزد"]
    assert company_list.count(db, "كاشي") == 1
    assert names(db, company_list.page(db, "اريا")) == ["آریا تجارت"]
    assert names(db, company_list.page(db, "ALPHA trad")) == ["Alpha Trading"]
    assert company_list.page(db, "ناموجود") == [] and company_list.count(db, "ناموجود") == 0
    assert company_list.position(db, None, everything[3]) == 3
    assert company_list.position(db, "كاشي", everything[2]) == 0
    assert company_list.position(db, "كاشي", everything[0]) == -1
    assert [n for _i, n in company_list.company_names(db)] == names(db, everything)


def test_forty_thousand_ids_do_not_hit_the_variable_limit(db: Database) -> None:
    with db.session() as session:
        session.add_all(
            Company(id=f"c{i:05d}", name=f"شرکت {i}", sort_key=sort_key(f"شرکت {i}"))
            for i in range(40_000)
        )
    ids = [f"c{i:05d}" for i in range(40_000)]
    records = get_companies(db, ids)
    assert len(records) == 40_000 and records[0].id == "c00000" and records[-1].people == 0
    assert len(list_companies(db)) == 40_000
