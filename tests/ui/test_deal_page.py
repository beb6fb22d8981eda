"""A deal's window: typed edits saved as one undo step, product lines and their total,
the stages it went through; and a contact's deal made from the contact's window."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from crm_desktop.models import Product
from crm_desktop.models.database import Database
from crm_desktop.services import contacts
from crm_desktop.services.deal_changes import deal_changes_from_text
from crm_desktop.services.deals import create_deal, get_deal, list_deals_by_ids, move_deal
from crm_desktop.services.fields import changes_from_text
from crm_desktop.services.pipelines import stage_of
from crm_desktop.services.users import create_user, set_current_user
from crm_desktop.ui.app import build_main_window, setup_application
from crm_desktop.ui.contacts.contact_editor import ContactEditor
from crm_desktop.ui.pipeline.deal_page import DealPage
from crm_desktop.ui.widgets.context import AppContext

TypeText = Callable[[QWidget, str], None]


@pytest.fixture
def ctx(qapp: QApplication, db: Database) -> AppContext:
    setup_application(qapp, "fa")
    set_current_user(db, create_user(db, "سارا احمدی", "sara").id)
    return AppContext(db)


@pytest.fixture
def deal_id(ctx: AppContext) -> str:
    person = contacts.create_contact(
        ctx.db, changes_from_text({"first_name": "علی", "last_name": "رضایی", "company": "آلفا"})
    )
    return create_deal(
        ctx.db, deal_changes_from_text({"title": "سرور", "contact": person.id, "amount": "1000"})
    ).id


@pytest.fixture
def page(qtbot: QtBot, ctx: AppContext, deal_id: str) -> DealPage:
    window = DealPage(ctx, deal_id)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_typed_fields_are_saved_as_one_step_and_undone(
    page: DealPage, ctx: AppContext, deal_id: str, type_text: TypeText
) -> None:
    assert page.amount.text() == "۱٬۰۰۰" and page.contact_button.text() == "علی رضایی"
    assert not page.save_button.isEnabled()
    page.amount.clear()
    type_text(page.amount, "۲٬۵۰۰٬۰۰۰")
    page.probability.setValue(35)
    page.title.setText("سرور و نصب")
    assert page.save_button.isEnabled() and page.isWindowModified()
    page.save_button.click()
    saved = get_deal(ctx.db, deal_id)
    assert (saved.title, saved.amount, saved.probability) == ("سرور و نصب", 2_500_000, 35)
    assert not page.isWindowModified()
    ctx.undo_stack.undo()
    back = get_deal(ctx.db, deal_id)
    assert (back.title, back.amount, back.own_probability) == ("سرور", 1000, None)


def test_an_amount_that_is_no_number_is_not_saved(
    page: DealPage, ctx: AppContext, deal_id: str, type_text: TypeText
) -> None:
    page.amount.clear()
    type_text(page.amount, "هزار")
    assert not page.save()
    assert page.error_bar.isVisible() and get_deal(ctx.db, deal_id).amount == 1000


def test_lines_add_up_and_their_total_becomes_the_amount(
    page: DealPage, ctx: AppContext, deal_id: str, qtbot: QtBot
) -> None:
    with ctx.db.session() as session:
        session.add(Product(name="لایسنس", unit_price=400))
    page.load()
    page.product.setCurrentIndex(page.product.findText("لایسنس", Qt.MatchFlag.MatchStartsWith))
    page.quantity.setValue(3)
    page.add_line_button.click()
    qtbot.waitUntil(lambda: page.lines.rowCount() == 1)
    assert page.lines.item(0, 4).text() == "۱٬۲۰۰ ریال"  # type: ignore[union-attr]
    page.use_total_button.click()
    assert get_deal(ctx.db, deal_id).amount == 1200
    qtbot.waitUntil(lambda: page.amount.text() == "۱٬۲۰۰")


def test_the_stages_tab_shows_each_stage_the_deal_went_through(
    page: DealPage, ctx: AppContext, deal_id: str, qtbot: QtBot
) -> None:
    move_deal(ctx.db, deal_id, stage_of(ctx.db, "مذاکره"))
    ctx.changes.announce("deals", {deal_id})
    qtbot.waitUntil(lambda: page.stays.rowCount() == 2)
    assert [page.stays.item(r, 0).text() for r in range(2)] == ["سرنخ جدید", "مذاکره"]  # type: ignore[union-attr]
    assert page.stays.item(1, 2).text() == "اکنون"  # type: ignore[union-attr]
    assert "مذاکره" in page.stage_label.text()


def test_a_contacts_window_makes_its_deal_and_opens_it(qtbot: QtBot, ctx: AppContext) -> None:
    person = contacts.create_contact(ctx.db, changes_from_text({"first_name": "نگار"}))
    window = build_main_window(ctx.db, "fa")
    qtbot.addWidget(window)
    editor = window.open_contact(person.id)
    assert isinstance(editor, ContactEditor)
    editor.view.new_deal_button.click()
    opened = [w for key, w in window.windows.items() if key[0] == "deal"]
    assert len(opened) == 1 and isinstance(opened[0], DealPage)
    (deal,) = list_deals_by_ids(ctx.db, [opened[0].deal_id])
    assert (deal.title, deal.contact_id, deal.stage) == ("نگار", person.id, "سرنخ جدید")
    assert contacts.get_contact(ctx.db, person.id).lifecycle == "prospect"
