"""A contact's, a company's and a deal's timeline: activities, stage moves, purchases and
field changes, newest first, each from where it is kept (the change log, the activities,
the won deals' lines), on a real database made by the migrations."""

from __future__ import annotations

import datetime as dt

import pytest

from crm_desktop.models import DealLine, Product
from crm_desktop.models.database import Database
from crm_desktop.services import contacts
from crm_desktop.services.activities import create_activity
from crm_desktop.services.activity_changes import ActivityChanges
from crm_desktop.services.deal_changes import deal_changes_from_text
from crm_desktop.services.deals import Closing, create_deal, move_deal
from crm_desktop.services.fields import changes_from_text
from crm_desktop.services.pipelines import stage_of
from crm_desktop.services.timeline import purchases, record_timeline
from crm_desktop.services.users import create_user, set_current_user

WON = "برنده"


@pytest.fixture
def office(db: Database) -> dict[str, str]:
    set_current_user(db, create_user(db, "سارا احمدی", "sara").id)
    person = contacts.create_contact(
        db, changes_from_text({"first_name": "علی", "last_name": "رضایی", "company": "آلفا"})
    )
    contacts.update_contact(db, person.id, changes_from_text({"city": "اصفهان"}))
    deal = create_deal(db, deal_changes_from_text({"title": "سرور", "contact": person.id})).id
    with db.session() as session:
        product = Product(name="لایسنس", unit_price=500)
        session.add(product)
        session.flush()
        session.add(DealLine(deal_id=deal, product_id=product.id, quantity=2, unit_price=500))
    create_activity(db, ActivityChanges(type="call", subject="تماس اول", deal_id=deal))
    move_deal(db, deal, stage_of(db, WON), closing=Closing(on=dt.date(2026, 10, 1)))
    assert person.company_id is not None
    return {"contact": person.id, "deal": deal, "company": person.company_id}


def test_a_contacts_timeline_mixes_everything_newest_first(
    db: Database, office: dict[str, str]
) -> None:
    found = record_timeline(db, "contacts", office["contact"], lang="en")
    kinds = [e.kind for e in found]
    assert set(kinds) == {"activity", "move", "purchase", "change"}
    assert [e.at for e in found] == sorted((e.at for e in found), reverse=True)
    moves = [e for e in found if e.kind == "move"]
    assert len(moves) == 1, [(m.history.operation, m.history.changes) for m in moves if m.history]
    (move,) = moves
    assert move.about == "سرور"  # the deal's move, named after the deal
    assert move.history is not None and {c.field for c in move.history.changes} >= {"stage"}
    (bought,) = [e.purchase for e in found if e.purchase is not None]
    assert (bought.product, bought.quantity, bought.total, bought.on) == (
        "لایسنس",
        2,
        1_000,
        dt.date(2026, 10, 1),
    )
    changes = [e.history for e in found if e.kind == "change" and e.history]
    assert any(c.field == "city" and c.new == "اصفهان" for h in changes for c in h.changes)
    (call,) = [e.activity for e in found if e.activity is not None]
    assert call.subject == "تماس اول" and call.contact_id == office["contact"]


def test_one_kind_only(db: Database, office: dict[str, str]) -> None:
    for kind in ("activity", "move", "purchase", "change"):
        found = record_timeline(db, "contacts", office["contact"], kinds=(kind,))
        assert found and {e.kind for e in found} == {kind}


def test_a_deals_and_a_companys_timelines(db: Database, office: dict[str, str]) -> None:
    deal = record_timeline(db, "deals", office["deal"])
    assert {e.kind for e in deal} >= {"activity", "move", "purchase"}
    assert all(e.about is None for e in deal if e.kind == "move")  # its own moves
    company = record_timeline(db, "companies", office["company"])
    assert {e.kind for e in company} >= {"activity", "move", "purchase"}
    assert [p.product for p in purchases(db, "companies", office["company"])] == ["لایسنس"]


def test_a_purchase_taken_back_leaves_the_timeline(db: Database, office: dict[str, str]) -> None:
    move_deal(db, office["deal"], stage_of(db, "مذاکره"))
    assert purchases(db, "contacts", office["contact"]) == []
    found = record_timeline(db, "contacts", office["contact"], kinds=("purchase",))
    assert found == []
