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
    # A line at its own price, with a discount and a coupon.
    page.quantity.setValue(2)
    page.line_price.setText("۵۰۰")
    page.line_discount.setText("۱۰۰")
    page.line_coupon.setText("NOWRUZ")
    page.add_line_button.click()
    qtbot.waitUntil(lambda: page.lines.rowCount() == 2)
    assert page.lines.item(1, 4).text() == "۹۰۰ ریال"  # type: ignore[union-attr]
    assert page.line_price.text() == ""  # ready for the next line
    page.use_total_button.click()
    assert get_deal(ctx.db, deal_id).amount == 2100
    qtbot.waitUntil(lambda: page.amount.text() == "۲٬۱۰۰")
    page.line_discount.setText("خیلی")
    page.add_line_button.click()
    assert page.error_bar.isVisible() and page.lines.rowCount() == 2


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


def test_in_tomans_every_rial_is_kept_and_only_what_changed_is_saved(
    qtbot: QtBot, ctx: AppContext, type_text: TypeText
) -> None:
    from crm_desktop.services.office import set_money_unit

    set_money_unit(ctx.db, "toman")
    deal = create_deal(ctx.db, deal_changes_from_text({"title": "الف", "amount": "12345"})).id
    page = DealPage(ctx, deal)
    qtbot.addWidget(page)
    assert page.amount.text() == "۱٬۲۳۴٫۵"  # 12,345 rials in tomans, the last rial kept
    page.title.setText("ب")
    assert page.save()
    assert (get_deal(ctx.db, deal).title, get_deal(ctx.db, deal).amount) == ("ب", 12345)
    page.amount.clear()
    type_text(page.amount, "۲٬۰۰۰")  # tomans, as the office counts
    assert page.save() and get_deal(ctx.db, deal).amount == 20_000
    page.amount.clear()
    type_text(page.amount, "۵۰۰ ریال")  # or with its unit
    assert page.save() and get_deal(ctx.db, deal).amount == 500


def test_the_history_tab_reads_a_move_in_persian(
    page: DealPage, ctx: AppContext, deal_id: str, qtbot: QtBot
) -> None:
    import datetime as dt

    from crm_desktop.services.deals import Closing

    page.priority.setCurrentIndex(page.priority.findData("high"))
    assert page.save()
    move_deal(ctx.db, deal_id, stage_of(ctx.db, "برنده"), closing=Closing(on=dt.date(2026, 11, 3)))
    ctx.changes.announce("deals", {deal_id})
    page.tabs.setCurrentWidget(page.history)
    tree = page.history.tree
    qtbot.waitUntil(lambda: not page.history.loading and tree.topLevelItemCount() == 3)
    isolates = dict.fromkeys(map(ord, "\u2066\u2067\u2068\u2069"))
    move = tree.topLevelItem(0)
    assert move is not None and move.text(2) == "جابه‌جایی در خط فروش"
    # The move's own line says where the deal went; what came with it opens below.
    assert (move.text(3), move.text(5).translate(isolates)) == ("مرحله", "برنده")
    lines = {
        move.child(i).text(3): move.child(i).text(5).translate(isolates)  # type: ignore[union-attr]
        for i in range(move.childCount())
    }
    assert "مرحله" not in lines
    assert lines["تاریخ برد"].startswith("۱۴۰۵/۰۸/۱۲")  # Jalali, Persian digits, local time
    edit = tree.topLevelItem(1)
    assert (
        edit is not None and edit.text(5).translate(isolates) == "زیاد"
    )  # one change, on its line
