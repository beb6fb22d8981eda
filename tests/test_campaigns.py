"""What each campaign and lead source brought: leads, deals, won deals, revenue and the
return on a campaign's cost, counted by hand here against the service."""

from __future__ import annotations

import datetime as dt

import pytest

from crm_desktop.errors import InvalidInput
from crm_desktop.models.database import Database
from crm_desktop.services import contacts
from crm_desktop.services.campaigns import (
    campaign_figures,
    delete_campaign,
    save_campaign,
    source_figures,
)
from crm_desktop.services.deal_changes import deal_changes_from_text
from crm_desktop.services.deals import Closing, create_deal, move_deal
from crm_desktop.services.fields import changes_from_text
from crm_desktop.services.pipelines import stage_of
from crm_desktop.services.users import create_user, set_current_user


@pytest.fixture
def office(db: Database) -> dict[str, str]:
    set_current_user(db, create_user(db, "سارا احمدی", "sara").id)
    yalda = save_campaign(
        db, None, name="جشنوارهٔ یلدا", channel="پیامک", cost=1_000_000,
        start=dt.date(2026, 12, 10), end=dt.date(2026, 12, 21),
    )  # fmt: skip
    quiet = save_campaign(db, None, name="وبینار", cost=0)
    return {"yalda": yalda, "quiet": quiet}


def test_figures_of_campaigns_and_sources(db: Database, office: dict[str, str]) -> None:
    people = [
        contacts.create_contact(
            db, changes_from_text({"first_name": f"ن{i}", "lead_source": "وب‌سایت"})
        ).id
        for i in range(3)
    ]
    amounts = (2_000_000, 500_000, 700_000)
    deals = [
        create_deal(
            db,
            deal_changes_from_text(
                {"title": f"د{i}", "contact": p, "campaign": "جشنوارهٔ یلدا", "amount": str(a)}
            ),
        ).id
        for i, (p, a) in enumerate(zip(people, amounts, strict=True))
    ]
    with db.session() as session:
        from crm_desktop.models import Contact

        for person in people[:2]:  # two of the three came by the campaign
            contact = session.get(Contact, person)
            assert contact is not None
            contact.campaign_id = office["yalda"]
    won = stage_of(db, "برنده")
    move_deal(db, deals[0], won, closing=Closing())
    move_deal(db, deals[1], won, closing=Closing())
    move_deal(db, deals[2], stage_of(db, "از دست رفته"), closing=Closing(lost_reason="قیمت بالا"))
    by_id = {f.id: f for f in campaign_figures(db)}
    yalda = by_id[office["yalda"]]
    assert (yalda.leads, yalda.deals, yalda.won, yalda.revenue) == (2, 3, 2, 2_500_000)
    assert yalda.roi == pytest.approx((2_500_000 - 1_000_000) / 1_000_000)
    assert (yalda.channel, yalda.start) == ("پیامک", dt.date(2026, 12, 10))
    quiet = by_id[office["quiet"]]
    assert (quiet.leads, quiet.deals, quiet.won, quiet.revenue, quiet.roi) == (0, 0, 0, 0, None)
    site = {f.name: f for f in source_figures(db)}["وب‌سایت"]
    assert (site.leads, site.deals, site.won, site.revenue) == (3, 0, 0, 0)  # deals: no source


def test_a_campaign_is_checked_and_leaves_to_the_trash(
    db: Database, office: dict[str, str]
) -> None:
    for bad in (
        {"name": ""},
        {"name": "وبینار"},  # taken
        {"name": "منفی", "cost": -1},
        {"name": "وارونه", "start": dt.date(2026, 12, 2), "end": dt.date(2026, 12, 1)},
    ):
        with pytest.raises(InvalidInput):
            save_campaign(db, None, **bad)
    save_campaign(db, office["quiet"], name="وبینار معرفی", cost=10)
    delete_campaign(db, office["yalda"])
    assert [(f.name, f.cost) for f in campaign_figures(db)] == [("وبینار معرفی", 10)]
