"""The filter panel over a demo database: each filter shows what the service says."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QSignalSpy, QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from crm_desktop.models.database import Database
from crm_desktop.services import contact_list
from crm_desktop.services.contact_list import ContactFilter
from crm_desktop.services.demo import generate_demo
from crm_desktop.services.segments import list_segments
from crm_desktop.ui.app import setup_application
from crm_desktop.ui.contacts.contact_filters import MultiPicker
from crm_desktop.ui.contacts.contacts_page import ContactsPage
from crm_desktop.ui.widgets.context import AppContext


@pytest.fixture
def ctx(qapp: QApplication, db: Database) -> AppContext:
    setup_application(qapp, "fa")
    for _progress in generate_demo(db, contacts=150, seed=5, today=dt.date.today()):
        pass
    return AppContext(db)


@pytest.fixture
def page(qtbot: QtBot, ctx: AppContext) -> ContactsPage:
    page = ContactsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1280, 700)
    page.show()
    qtbot.waitExposed(page)
    QTest.mouseClick(page.filter_button, Qt.MouseButton.LeftButton)  # open the panel
    assert page.filter_panel.isVisible()
    # The choices are read on the worker and fill the pickers when they arrive.
    qtbot.waitUntil(lambda: bool(page.filter_panel.city_picker.option_actions()))
    return page


def wait_for_list(qtbot: QtBot, page: ContactsPage) -> None:
    """Every query runs on the worker: wait until the newest answer is shown."""
    qtbot.waitUntil(lambda: not page.controller.query_running())


def shown_ids(page: ContactsPage) -> list[str]:
    model = page.model
    return [model.contact_id(row) for row in range(model.rowCount())]


def pick(picker: MultiPicker, index: int = 0) -> str:
    """Tick the picker's ``index``-th value as a user would; its value."""
    action = picker.option_actions()[index]
    action.trigger()
    return str(action.data())


def only(field: str, values: tuple[str, ...]) -> ContactFilter:
    fields: dict[str, Any] = {field: values}
    return ContactFilter(**fields)


PICKERS = {
    "owner_picker": "owner_ids",
    "tag_picker": "tag_ids",
    "city_picker": "cities",
    "province_picker": "provinces",
    "lifecycle_picker": "lifecycles",
    "lead_source_picker": "lead_source_ids",
    "campaign_picker": "campaign_ids",
}


@pytest.mark.parametrize(("picker_name", "field"), PICKERS.items())
def test_each_picker_narrows_to_what_the_service_says(
    qtbot: QtBot, page: ContactsPage, ctx: AppContext, picker_name: str, field: str
) -> None:
    picker: MultiPicker = getattr(page.filter_panel, picker_name)
    assert picker.option_actions(), "the demo data offers values for every filter"
    first = pick(picker, 0)
    expected = only(field, (first,))
    assert page.current_filter() == expected
    wait_for_list(qtbot, page)
    assert shown_ids(page) == contact_list.page(ctx.db, expected)
    assert 0 < page.model.rowCount() < 150
    assert page.count_label.text().endswith("از ۱۵۰ مخاطب")
    assert picker.font().bold()

    second = pick(picker, 1)  # any of the ticked values matches
    both = only(field, (first, second))
    wait_for_list(qtbot, page)
    assert shown_ids(page) == contact_list.page(ctx.db, both)

    pick(picker, 0)  # untick
    assert page.current_filter() == only(field, (second,))


def test_no_activity_for_n_days(qtbot: QtBot, page: ContactsPage, ctx: AppContext) -> None:
    panel = page.filter_panel
    assert not panel.inactive_days.isEnabled()
    QTest.mouseClick(panel.inactive_check, Qt.MouseButton.LeftButton)
    assert panel.inactive_days.isEnabled()
    flt = ContactFilter(inactive_days=30)
    assert page.current_filter() == flt
    wait_for_list(qtbot, page)
    assert shown_ids(page) == contact_list.page(ctx.db, flt)
    all_but_recent = page.model.rowCount()

    panel.inactive_days.setValue(7)
    flt7 = ContactFilter(inactive_days=7)
    wait_for_list(qtbot, page)
    assert shown_ids(page) == contact_list.page(ctx.db, flt7)
    assert page.model.rowCount() >= all_but_recent


def test_filters_combine_with_the_search_and_clear_together(
    qtbot: QtBot, page: ContactsPage, ctx: AppContext
) -> None:
    panel = page.filter_panel
    city = pick(panel.city_picker)
    pick(panel.lifecycle_picker, 0)
    page.search_edit.setText("ی")
    qtbot.waitUntil(lambda: page.model.filter.search == "ی")
    flt = ContactFilter(search="ی", cities=(city,), lifecycles=("lead",))
    assert page.current_filter() == flt
    wait_for_list(qtbot, page)
    assert shown_ids(page) == contact_list.page(ctx.db, flt)
    assert page.filter_button.text() == "فیلترها (۲)"

    QTest.mouseClick(panel.clear_button, Qt.MouseButton.LeftButton)
    assert page.current_filter() == ContactFilter(search="ی")
    assert panel.city_picker.text() == "شهر"
    assert page.filter_button.text() == "فیلترها"


def test_picker_shows_what_is_ticked(page: ContactsPage) -> None:
    picker = page.filter_panel.city_picker
    first = pick(picker, 0)
    assert picker.text() == f"شهر: {first}"
    pick(picker, 1)
    assert picker.text() == "شهر (۲)"


def test_no_match_says_so(qtbot: QtBot, page: ContactsPage) -> None:
    panel = page.filter_panel
    page.apply_filter(ContactFilter(search="ناموجود", cities=("تهران",)))
    wait_for_list(qtbot, page)
    assert page.model.rowCount() == 0
    assert page.count_label.text() == "مخاطبی پیدا نشد"
    assert panel.city_picker.selected() == ("تهران",)


def test_save_as_list_creates_a_segment(qtbot: QtBot, page: ContactsPage, ctx: AppContext) -> None:
    panel = page.filter_panel
    owner = pick(panel.owner_picker)
    flt = ContactFilter(owner_ids=(owner,))
    announced = QSignalSpy(ctx.changes.changed)

    QTest.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    dialog = panel.name_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    dialog.setTextValue("مشتریان من")
    dialog.accept()

    saved = list_segments(ctx.db)
    assert [(s.name, s.filter) for s in saved] == [("مشتریان من", flt)]
    assert announced.count() == 1
    assert announced.at(0)[0].kind == "segments"


def test_an_empty_name_is_refused_in_persian(
    qtbot: QtBot, page: ContactsPage, ctx: AppContext
) -> None:
    panel = page.filter_panel
    QTest.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert panel.name_dialog is not None
    panel.name_dialog.setTextValue("   ")
    panel.name_dialog.accept()
    assert list_segments(ctx.db) == []
    box = page.error_box
    assert box is not None
    qtbot.waitUntil(box.isVisible)
    assert box.text() == "نام فهرست ذخیره‌شده خالی است."
    box.close()


def test_saving_a_list_can_be_undone(qtbot: QtBot, page: ContactsPage, ctx: AppContext) -> None:
    pick(page.filter_panel.lifecycle_picker, 0)
    page.controller.save_segment("سرنخ‌ها")
    assert [s.name for s in list_segments(ctx.db)] == ["سرنخ‌ها"]
    assert ctx.undo_stack.count() == 1
    assert ctx.undo_stack.undoText() == "ذخیرهٔ فهرست «\u2068سرنخ‌ها\u2069»"
    ctx.undo_stack.undo()
    assert list_segments(ctx.db) == []
    ctx.undo_stack.redo()
    assert [s.filter for s in list_segments(ctx.db)] == [ContactFilter(lifecycles=("lead",))]


def test_picker_text_in_english_uses_western_digits(qapp: QApplication) -> None:
    try:
        setup_application(qapp, "en")
        picker = MultiPicker("City", "filterCity")
        picker.set_options([("a", "Tehran"), ("b", "Shiraz")])
        picker.set_selected(["a", "b"])
        assert picker.text() == "City (2)"
        picker.set_options([])  # a chosen value no longer offered: its label is unknown
        picker.set_selected(["a"])
        assert picker.text() == "City (1)"
        picker.deleteLater()
    finally:
        setup_application(qapp, "fa")
