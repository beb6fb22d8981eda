"""The duplicates screen finds likely duplicates off the UI thread and acts on a group."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from crm_desktop.models.database import Database
from crm_desktop.services import contacts
from crm_desktop.services.fields import changes_from_text
from crm_desktop.ui.app import setup_application
from crm_desktop.ui.contacts.duplicates_page import DuplicatesPage
from crm_desktop.ui.widgets.context import CONTACTS, AppContext


def add(db: Database, **fields: str) -> str:
    return contacts.create_contact(db, changes_from_text(fields)).id


@pytest.fixture
def ctx(qapp: QApplication, db: Database) -> AppContext:
    setup_application(qapp, "fa")
    return AppContext(db)


@pytest.fixture
def planted(db: Database) -> dict[str, str]:
    """Three planted pairs of duplicates among people who only look alike."""
    ids = {
        "phone_a": add(db, first_name="علی", last_name="محمدی", phone="09121234567"),
        "phone_b": add(db, first_name="علي", last_name="محمدي", phone="+98 912 123 4567"),
        "email_a": add(db, first_name="سارا", last_name="احمدی", email="Sara.A@Example.com"),
        "email_b": add(db, first_name="سارا", last_name="نوری", email="sara.a@example.com"),
        "name_a": add(db, first_name="محمدرضا", last_name="کریمی", company="پخش البرز"),
        "name_b": add(db, first_name="محمد رضا", last_name="کریمی", company="پخش البرز"),
        # Alike but not duplicates: same name in another company, near phones.
        "other_company": add(db, first_name="محمدرضا", last_name="کریمی", company="فولاد"),
        "near_phone": add(db, first_name="علی", last_name="مرادی", phone="09121234568"),
        "short_names": add(db, first_name="علی", company="پخش البرز"),
        "short_names_2": add(db, first_name="ولی", company="پخش البرز"),
    }
    return ids


@pytest.fixture
def page(qtbot: QtBot, ctx: AppContext, planted: dict[str, str]) -> DuplicatesPage:
    page = DuplicatesPage(ctx)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    qtbot.waitExposed(page)
    qtbot.waitUntil(lambda: not page.is_searching())
    return page


def shown_groups(page: DuplicatesPage) -> list[set[str]]:
    model = page.model
    groups = []
    for row in range(model.rowCount()):
        parent = model.index(row, 0)
        groups.append(
            {
                model.index(r, 0, parent).data(Qt.ItemDataRole.UserRole)
                for r in range(model.rowCount(parent))
            }
        )
    return groups


def group_of(page: DuplicatesPage, contact_id: str) -> int:
    return next(row for row, ids in enumerate(shown_groups(page)) if contact_id in ids)


def test_search_runs_off_the_ui_thread(
    qtbot: QtBot, ctx: AppContext, planted: dict[str, str]
) -> None:
    page = DuplicatesPage(ctx)
    qtbot.addWidget(page)
    page.show()
    # show() returned while the search is still out on the thread pool
    assert page.is_searching()
    assert page.status_label.text() == "در حال جستجو…"
    assert not page.refresh_button.isEnabled()
    qtbot.waitUntil(lambda: not page.is_searching())
    assert page.refresh_button.isEnabled()
    assert page.status_label.text() == "۳ گروه احتمالاً تکراری"


def test_finds_the_planted_groups_and_no_others(
    page: DuplicatesPage, planted: dict[str, str]
) -> None:
    assert sorted(shown_groups(page), key=sorted) == sorted(
        [
            {planted["phone_a"], planted["phone_b"]},
            {planted["email_a"], planted["email_b"]},
            {planted["name_a"], planted["name_b"]},
        ],
        key=sorted,
    )
    model = page.model
    phone_group = model.index(group_of(page, planted["phone_a"]), 0)
    # the reason, with the phone left to right and in Persian digits
    assert phone_group.data() == "۲ مخاطب — تلفن یکسان: \u2066۰۹۱۲ ۱۲۳ ۴۵۶۷\u2069"
    email_group = model.index(group_of(page, planted["email_a"]), 0)
    assert email_group.data().endswith("ایمیل یکسان: \u2066sara.a@example.com\u2069")
    name_group = model.index(group_of(page, planted["name_a"]), 0)
    assert name_group.data().endswith("نام مشابه در یک شرکت")
    # members: oldest first, with name, company, phones, emails and the Jalali date
    oldest = model.index(0, 0, name_group)
    assert oldest.data(Qt.ItemDataRole.UserRole) == planted["name_a"]
    assert [model.index(0, c, name_group).data() for c in range(2)] == [
        "محمدرضا کریمی",
        "پخش البرز",
    ]
    created = model.index(0, 4, name_group).data()
    assert created.startswith("\u2066۱۴") and created.endswith("\u2069")
    phones = model.index(1, 2, phone_group).data()
    assert phones == "\u2066۰۹۱۲ ۱۲۳ ۴۵۶۷\u2069"
    assert page.tree.isExpanded(phone_group)


def test_model_passes_the_model_tester(page: DuplicatesPage, qtmodeltester: ModelTester) -> None:
    qtmodeltester.check(page.model)


def test_not_duplicates_hides_a_group_for_the_session(
    qtbot: QtBot, page: DuplicatesPage, planted: dict[str, str]
) -> None:
    assert not page.merge_button.isEnabled() and not page.dismiss_button.isEnabled()
    page.select_group(group_of(page, planted["email_a"]))
    assert page.dismiss_button.isEnabled()
    qtbot.mouseClick(page.dismiss_button, Qt.MouseButton.LeftButton)
    assert all(planted["email_a"] not in ids for ids in shown_groups(page))
    assert len(shown_groups(page)) == 2
    qtbot.mouseClick(page.refresh_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.is_searching())
    assert len(shown_groups(page)) == 2
    assert page.status_label.text() == "۲ گروه احتمالاً تکراری"


def test_recomputed_when_contacts_change(
    qtbot: QtBot, page: DuplicatesPage, ctx: AppContext, planted: dict[str, str]
) -> None:
    newcomer = add(ctx.db, first_name="نیما", last_name="صادقی", email="SARA.A@example.com")
    ctx.changes.announce(CONTACTS, [newcomer])
    assert page.is_searching()
    qtbot.waitUntil(lambda: not page.is_searching())
    assert {planted["email_a"], planted["email_b"], newcomer} in shown_groups(page)


def test_changes_while_hidden_wait_for_the_page_to_show(
    qtbot: QtBot, page: DuplicatesPage, ctx: AppContext
) -> None:
    page.hide()
    newcomer = add(ctx.db, first_name="نیما", phone="09350001122")
    twin = add(ctx.db, first_name="نیما", phone="09350001122")
    ctx.changes.announce(CONTACTS, [newcomer, twin])
    assert not page.is_searching()
    page.show()
    assert page.is_searching()
    qtbot.waitUntil(lambda: not page.is_searching())
    assert {newcomer, twin} in shown_groups(page)


def test_merge_button_opens_the_merge_dialog_for_the_group(
    qtbot: QtBot, page: DuplicatesPage, planted: dict[str, str]
) -> None:
    page.select_group(group_of(page, planted["phone_a"]))
    qtbot.mouseClick(page.merge_button, Qt.MouseButton.LeftButton)
    dialog = page.merge_dialog
    assert dialog is not None and dialog.isVisible()
    assert not dialog.isModal()
    assert [r.id for r in dialog.records] == [planted["phone_a"], planted["phone_b"]]
    assert dialog.survivor_id == planted["phone_a"]
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    # the merge announced a change: the page searches again and the group is gone
    qtbot.waitUntil(lambda: not page.is_searching())
    assert len(shown_groups(page)) == 2


def test_double_click_on_a_member_activates_the_contact(
    qtbot: QtBot, page: DuplicatesPage, planted: dict[str, str]
) -> None:
    group = page.model.index(group_of(page, planted["name_a"]), 0)
    member = page.model.index(1, 0, group)
    rect = page.tree.visualRect(member)
    viewport = page.tree.viewport()
    QTest.mouseClick(
        viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center()
    )
    with qtbot.waitSignal(page.contact_activated) as signal:
        QTest.mouseDClick(
            page.tree.viewport(),
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
            rect.center(),
        )
    assert signal.args == [planted["name_b"]]
    # a double click on the group's own row activates nobody
    with qtbot.assertNotEmitted(page.contact_activated):
        page.tree.doubleClicked.emit(group)
    assert page.model.contact_at(QModelIndex()) is None
