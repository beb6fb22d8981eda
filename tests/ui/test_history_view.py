"""The history tab of a contact's and a company's window: what the change log says,
in Persian, with Jalali times; an import or a merge as one entry that opens."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTreeWidgetItem, QWidget
from pytestqt.qtbot import QtBot

from crm_desktop.cli import main
from crm_desktop.locale import format_jalali
from crm_desktop.models.database import Database
from crm_desktop.services import bulk, companies, contacts, merge, operations
from crm_desktop.services.fields import changes_from_text
from crm_desktop.services.importer import import_file
from crm_desktop.services.users import create_user, set_current_user
from crm_desktop.ui.app import setup_application
from crm_desktop.ui.companies.company_page import CompanyPage
from crm_desktop.ui.contacts.contact_editor import ContactEditor
from crm_desktop.ui.widgets.context import AppContext
from crm_desktop.ui.widgets.history_view import HistoryView
from tests.importer_files import write_xlsx

TypeText = Callable[[QWidget, str], None]


@pytest.fixture
def ctx(qapp: QApplication, db: Database) -> AppContext:
    setup_application(qapp, "fa")
    return AppContext(db)


def children(item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    return [item.child(i) for i in range(item.childCount())]  # type: ignore[misc]


def entries(view: HistoryView) -> list[QTreeWidgetItem]:
    tree = view.tree
    return [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]  # type: ignore[misc]


ISOLATES = dict.fromkeys(map(ord, "\u2066\u2067\u2068\u2069"))


def read(item: QTreeWidgetItem, column: int) -> str:
    """What the line reads, without the isolates that keep each value's direction."""
    return item.text(column).translate(ISOLATES)


def change(item: QTreeWidgetItem) -> tuple[str, str, str]:
    """The field, its value before and after, as the line shows them."""
    return read(item, 3), read(item, 4), read(item, 5)


def open_editor(qtbot: QtBot, ctx: AppContext, contact_id: str | None) -> ContactEditor:
    """The contact's window, active as for a person at the keyboard."""
    editor = ContactEditor(ctx, contact_id)
    qtbot.addWidget(editor)
    with qtbot.waitActive(editor):
        editor.show()
        editor.activateWindow()
    return editor


def open_history(qtbot: QtBot, window: QWidget, view: HistoryView) -> None:
    tabs = window.findChild(QWidget, "editorTabs") or window.findChild(QWidget, "companyTabs")
    tabs.setCurrentWidget(view)  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: not view.loading and view.tree.topLevelItemCount() > 0)


def test_five_ways_of_changing_a_contact_show_in_its_window(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path, type_text: TypeText
) -> None:
    db = ctx.db
    sara = create_user(db, "سارا احمدی", "sara")
    reza = create_user(db, "رضا کریمی", "reza")
    set_current_user(db, sara.id)
    cid = contacts.create_contact(
        db, changes_from_text({"first_name": "علی", "last_name": "رضایی", "city": "کرج"})
    ).id

    # 1. In the window, typed for real.
    editor = open_editor(qtbot, ctx, cid)
    editor.view.city.selectAll()
    type_text(editor.view.city, "تهران")
    with qtbot.waitSignal(editor.saved):
        qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    # 2. By the command line, 3. a bulk action, 4. a merge, 5. an import.
    assert main(["--db", str(db.path), "contact", "edit", cid, "job_title=مدیر"]) == 0
    set_current_user(db, reza.id)
    bulk.set_field(db, [cid], "lifecycle", "customer")
    twin = contacts.create_contact(
        db,
        changes_from_text(
            {"first_name": "علی", "last_name": "رضایی", "email": "a@b.ir", "notes": "از کرج"}
        ),
    ).id
    merge.merge_contacts(db, cid, [twin])
    path = write_xlsx(
        tmp_path / "دفتر.xlsx",
        [["نام", "نام خانوادگی", "ایمیل", "استان"], ["علی", "رضایی", "a@b.ir", "البرز"]],
    )
    operations.run(db, import_file, db, path)

    # The work outside the window was announced by nobody: the window is reopened, as a
    # user would, and shows everything the log holds.
    editor.close()
    editor = ContactEditor(ctx, cid)
    qtbot.addWidget(editor)
    editor.show()
    open_history(qtbot, editor, editor.history)
    items = entries(editor.history)
    whats = [read(item, 2) for item in items]
    assert whats[0] == "ورود داده «دفتر.xlsx»"
    assert whats[1:] == ["ادغام", "ویرایش", "ویرایش", "ویرایش", "ساخت"]
    assert [read(item, 1) for item in items] == [*["رضا کریمی"] * 3, *["سارا احمدی"] * 3]
    today = format_jalali(dt.datetime.now().date())  # Jalali, Persian digits
    assert all(read(item, 0).startswith(today) for item in items)
    # One change reads on its line, old to new in reading order (right to left).
    assert change(items[0]) == ("استان", "—", "البرز")
    assert change(items[2]) == ("وضعیت", "سرنخ", "مشتری")
    assert change(items[3]) == ("سمت", "—", "مدیر")
    assert change(items[4]) == ("شهر", "کرج", "تهران")
    # The creation and the merge start closed and open to their fields.
    created, merged = items[5], items[1]
    assert not created.isExpanded() and not merged.isExpanded()
    made_with = {read(line, 3): read(line, 5) for line in children(created)}
    assert made_with["نام"] == "علی" and made_with["شهر"] == "کرج"
    merged_fields = {read(line, 3): read(line, 5) for line in children(merged)}
    assert merged.childCount() == 2 and read(merged, 3) == "۲ تغییر"
    assert merged_fields == {"ایمیل": "a@b.ir", "یادداشت‌ها": "از کرج"}
    # Long notes are cut short in the list and read whole in the tip.
    editor.view.tabs.setCurrentIndex(0)
    editor.view.notes.setPlainText("پیگیری\n" + "تماس بعدی برای پیش‌فاکتور، " * 6)
    with qtbot.waitSignal(editor.saved):
        editor.save()
    editor.view.tabs.setCurrentWidget(editor.history)
    qtbot.waitUntil(lambda: editor.history.tree.topLevelItemCount() == 7)
    notes = entries(editor.history)[0]
    assert change(notes)[0] == "یادداشت‌ها" and change(notes)[2].endswith("…")
    assert notes.toolTip(5) == editor.view.notes.toPlainText()


def test_the_list_follows_an_edit_and_its_undo(
    qtbot: QtBot, ctx: AppContext, type_text: TypeText
) -> None:
    cid = contacts.create_contact(
        ctx.db, changes_from_text({"first_name": "مینا", "last_name": "کاظمی"})
    ).id
    editor = open_editor(qtbot, ctx, cid)
    open_history(qtbot, editor, editor.history)
    assert [read(i, 2) for i in entries(editor.history)] == ["ساخت"]

    editor.view.tabs.setCurrentIndex(0)
    type_text(editor.view.city, "یزد")
    with qtbot.waitSignal(editor.saved):
        editor.save()
    editor.view.tabs.setCurrentWidget(editor.history)
    qtbot.waitUntil(lambda: editor.history.tree.topLevelItemCount() == 2)
    assert change(entries(editor.history)[0]) == ("شهر", "—", "یزد")

    ctx.undo_stack.undo()  # announced on the hub: the open list reads the log again
    qtbot.waitUntil(lambda: editor.history.tree.topLevelItemCount() == 3)
    first = entries(editor.history)[0]
    assert (read(first, 2), *change(first)) == ("واگرد", "شهر", "یزد", "—")


def test_a_new_contact_says_its_history_comes_after_saving(qtbot: QtBot, ctx: AppContext) -> None:
    editor = ContactEditor(ctx, None)
    qtbot.addWidget(editor)
    editor.show()
    editor.view.tabs.setCurrentWidget(editor.history)
    assert editor.history.tree.topLevelItemCount() == 0
    assert "پس از ذخیره" in editor.history.message.text()


def test_a_companys_window_shows_its_history(qtbot: QtBot, ctx: AppContext) -> None:
    company = companies.create_company(
        ctx.db, companies.CompanyChanges(name="پارس نوین", city="شیراز")
    )
    companies.update_company(ctx.db, company.id, companies.CompanyChanges(city="اصفهان"))
    window = CompanyPage(ctx, company.id)
    qtbot.addWidget(window)
    window.show()
    open_history(qtbot, window, window.history)
    items = entries(window.history)
    assert [read(i, 2) for i in items] == ["ویرایش", "ساخت"]
    assert change(items[0]) == ("شهر", "شیراز", "اصفهان")
    # A Persian value keeps its own direction in the English interface too.
    assert items[0].text(4) == "\u2068شیراز\u2069"


def test_the_contacts_timeline_shows_calls_moves_and_purchases_and_filters_by_kind(
    qtbot: QtBot, ctx: AppContext
) -> None:
    from crm_desktop.models import DealLine, Product
    from crm_desktop.services.activities import create_activity
    from crm_desktop.services.activity_changes import ActivityChanges
    from crm_desktop.services.deal_changes import deal_changes_from_text
    from crm_desktop.services.deals import Closing, create_deal, move_deal
    from crm_desktop.services.pipelines import stage_of

    db = ctx.db
    set_current_user(db, create_user(db, "سارا احمدی", "sara").id)
    cid = contacts.create_contact(db, changes_from_text({"first_name": "نگار"})).id
    deal = create_deal(db, deal_changes_from_text({"title": "سرور", "contact": cid})).id
    with db.session() as session:
        product = Product(name="لایسنس", unit_price=1_000)
        session.add(product)
        session.flush()
        session.add(DealLine(deal_id=deal, product_id=product.id, quantity=3, unit_price=1_000))
    move_deal(db, deal, stage_of(db, "برنده"), closing=Closing(on=dt.date(2026, 10, 1)))
    editor = open_editor(qtbot, ctx, cid)
    open_history(qtbot, editor, editor.history)
    # A call logged meanwhile (elsewhere) comes in without reopening the window.
    create_activity(db, ActivityChanges(type="call", subject="پیگیری", contact_id=cid))
    ctx.changes.announce("activities")
    qtbot.waitUntil(
        lambda: (
            not editor.history.loading
            and any(read(i, 2) == "تماس تلفنی" for i in entries(editor.history))
        )
    )
    lines = {read(item, 2): item for item in entries(editor.history)}
    assert read(lines["تماس تلفنی"], 3) == "پیگیری"
    assert read(lines["خرید"], 3) == "لایسنس × ۳ — سرور"
    assert read(lines["خرید"], 5) == "۳٬۰۰۰ ریال"
    assert read(lines["خرید"], 0) == "۱۴۰۵/۰۷/۰۹"
    assert "جابه‌جایی در خط فروش «سرور»" in lines
    assert read(lines["جابه‌جایی در خط فروش «سرور»"], 5) == "برنده"
    kinds = editor.history.kinds
    kinds.setCurrentIndex(kinds.findText("خریدها"))
    qtbot.waitUntil(lambda: not editor.history.loading)
    assert [read(i, 2) for i in entries(editor.history)] == ["خرید"]
