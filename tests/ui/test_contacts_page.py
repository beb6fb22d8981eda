"""The contacts screen over a real database: listing, search, sorting, paging, columns."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtTest import QSignalSpy, QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from crm_desktop.locale import normalize_text
from crm_desktop.models.database import Database
from crm_desktop.services import contact_list
from crm_desktop.services.contact_list import ContactFilter, ContactSort
from crm_desktop.services.contacts import create_contact, get_contacts
from crm_desktop.services.demo import generate_demo
from crm_desktop.services.fields import changes_from_text
from crm_desktop.ui.app import setup_application
from crm_desktop.ui.contacts import contact_table_model
from crm_desktop.ui.contacts.column_chooser import COLUMNS_KEY
from crm_desktop.ui.contacts.contact_table_model import (
    COLUMN_KEYS,
    DEFAULT_COLUMNS,
    ContactTableModel,
    FirstPage,
)
from crm_desktop.ui.contacts.contacts_page import ContactsPage
from crm_desktop.ui.widgets.context import CONTACTS, AppContext

from .people import Person

TypeText = Callable[[QWidget, str], None]

LRI, PDI = "\u2066", "\u2069"
NAME = COLUMN_KEYS.index("name")
MOBILE = COLUMN_KEYS.index("mobile")
EMAIL = COLUMN_KEYS.index("email")
LIFECYCLE = COLUMN_KEYS.index("lifecycle")
CITY = COLUMN_KEYS.index("city")
SCORE = COLUMN_KEYS.index("lead_score")


@pytest.fixture
def ctx(qapp: QApplication, people_db: Database) -> AppContext:
    setup_application(qapp, "fa")
    return AppContext(people_db)


def open_page(qtbot: QtBot, ctx: AppContext) -> ContactsPage:
    page = ContactsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1280, 700)
    page.show()
    qtbot.waitExposed(page)
    return page


@pytest.fixture
def page(qtbot: QtBot, ctx: AppContext) -> ContactsPage:
    return open_page(qtbot, ctx)


@pytest.fixture
def demo_db(db: Database) -> Database:
    for _progress in generate_demo(db, contacts=150, seed=3, today=dt.date.today()):
        pass
    return db


@pytest.fixture
def demo_page(qtbot: QtBot, qapp: QApplication, demo_db: Database) -> ContactsPage:
    setup_application(qapp, "fa")
    return open_page(qtbot, AppContext(demo_db))


def shown_names(model: ContactTableModel) -> list[str]:
    return [model.index(row, NAME).data() for row in range(model.rowCount())]


def row_of(model: ContactTableModel, name: str) -> int:
    return shown_names(model).index(name)


def wait_for_list(qtbot: QtBot, page: ContactsPage) -> None:
    """Every query runs on the worker: wait until the newest answer is shown."""
    qtbot.waitUntil(lambda: not page.controller.query_running())


def search(qtbot: QtBot, type_text: TypeText, page: ContactsPage, text: str, expected: set[str]):
    page.search_edit.clear()
    type_text(page.search_edit, text)
    qtbot.waitUntil(lambda: set(shown_names(page.model)) == expected)


def click_header(page: ContactsPage, column: int) -> None:
    header = page.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    QTest.mouseClick(
        header.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        QPoint(x, header.height() // 2),
    )


def test_lists_every_contact_in_service_order(
    page: ContactsPage, people_db: Database, people: tuple[Person, ...]
) -> None:
    model = page.model
    assert model.rowCount() == len(people) == 30
    ids = contact_list.page(people_db, ContactFilter())
    in_service_order = [r.full_name for r in get_contacts(people_db, ids)]
    assert shown_names(model) == in_service_order
    assert set(in_service_order) == {p.shown_name for p in people}
    assert page.count_label.text() == "۳۰ مخاطب"


def test_headers_and_the_columns_shown_at_first(page: ContactsPage) -> None:
    model = page.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == [
        "نام و نام خانوادگی",
        "شرکت",
        "سمت",
        "تلفن همراه",
        "ایمیل",
        "شهر",
        "استان",
        "مسئول",
        "وضعیت",
        "منبع سرنخ",
        "امتیاز سرنخ",
        "برچسب‌ها",
        "تاریخ تولد",
        "تاریخ ایجاد",
    ]
    assert page.controller.columns.visible_keys() == DEFAULT_COLUMNS
    assert page.layoutDirection() == Qt.LayoutDirection.RightToLeft


def test_search_with_arabic_letters_finds_persian_names(
    qtbot: QtBot, type_text: TypeText, page: ContactsPage, people: tuple[Person, ...]
) -> None:
    expected = {p.shown_name for p in people if "علی" in p.shown_name}
    assert len(expected) == 4  # علي محمدی, علی رضایی, علیرضا کریمی, مریم علیزاده
    search(qtbot, type_text, page, "علي", expected)
    assert page.count_label.text() == "۴ از ۳۰ مخاطب"


def test_search_with_persian_digits_finds_phones(
    qtbot: QtBot, type_text: TypeText, page: ContactsPage, people: tuple[Person, ...]
) -> None:
    expected = {p.shown_name for p in people if p.phone.startswith("0912")}
    assert len(expected) == 13
    search(qtbot, type_text, page, "۰۹۱۲", expected)


def test_search_by_company_then_clear(
    qtbot: QtBot, type_text: TypeText, page: ContactsPage, people: tuple[Person, ...]
) -> None:
    expected = {p.shown_name for p in people if p.company == "فولاد سپاهان"}
    search(qtbot, type_text, page, "سپاهان", expected)
    assert page.count_label.text() == "۴ از ۳۰ مخاطب"
    assert page.current_filter() == ContactFilter(search="سپاهان")

    page.search_edit.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == len(people))
    assert page.count_label.text() == "۳۰ مخاطب"


def test_search_without_result_says_so(
    qtbot: QtBot, type_text: TypeText, page: ContactsPage
) -> None:
    search(qtbot, type_text, page, "ناموجود", set())
    assert page.count_label.text() == "مخاطبی پیدا نشد"


def test_search_waits_for_a_pause_in_typing(
    qtbot: QtBot, type_text: TypeText, page: ContactsPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    model = page.model
    queries: list[str] = []
    real = model.show

    def recording(first: FirstPage) -> None:
        queries.append(first.filter.search)
        real(first)

    monkeypatch.setattr(model, "show", recording)
    type_text(page.search_edit, "سپاهان")
    qtbot.waitUntil(lambda: model.rowCount() == 4)
    assert queries == ["سپاهان"]


def test_cells_are_formatted_for_reading(page: ContactsPage) -> None:
    model = page.model
    row = row_of(model, "علی محمدی")
    assert model.index(row, MOBILE).data() == f"{LRI}۰۹۱۲ ۵۵۵ ۰۰۰۱{PDI}"
    assert model.index(row, EMAIL).data() == f"{LRI}ali.m@sepahan.ir{PDI}"
    assert model.index(row, LIFECYCLE).data() == "مشتری"
    assert model.index(row, COLUMN_KEYS.index("company")).data() == "فولاد سپاهان"
    assert model.index(row, COLUMN_KEYS.index("job_title")).data() == "مدیر خرید"
    assert model.index(row, CITY).data() == "اصفهان"
    # A mobile and an email: 10 + 10 by the lead score's rules, in Persian digits.
    assert model.index(row, SCORE).data() == "۲۰"
    created = model.index(row, COLUMN_KEYS.index("created")).data()
    assert created.startswith(LRI + "۱۴") and created.count("/") == 2
    landline = row_of(model, "مریم علیزاده")
    assert model.index(landline, MOBILE).data() == f"{LRI}۰۲۱ ۸۸۷۷ ۶۶۵۵{PDI}"
    no_phone = row_of(model, "محمد صادقی")
    assert model.index(no_phone, MOBILE).data() == ""
    statuses = {model.index(r, LIFECYCLE).data() for r in range(model.rowCount())}
    assert statuses == {"سرنخ", "مشتری بالقوه", "مشتری", "غیرفعال"}


def test_rows_are_read_only_and_selected_whole(page: ContactsPage) -> None:
    model = page.model
    flags = model.flags(model.index(0, 0))
    assert not flags & Qt.ItemFlag.ItemIsEditable
    assert flags & Qt.ItemFlag.ItemIsSelectable
    table = page.table
    assert table.alternatingRowColors()
    cell = table.visualRect(model.index(2, CITY))
    QTest.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, cell.center()
    )
    selected = table.selectionModel().selectedIndexes()
    assert {i.row() for i in selected} == {2}
    assert len(selected) == model.columnCount()
    assert page.selected_ids() == [model.contact_id(2)]
    assert page.selection_label.text() == "۱ انتخاب‌شده"


def test_double_click_and_enter_open_a_contact(qtbot: QtBot, page: ContactsPage) -> None:
    table, model = page.table, page.model
    spy = QSignalSpy(page.contact_activated)
    cell = table.visualRect(model.index(3, NAME)).center()
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    QTest.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    assert spy.count() == 1
    assert spy.at(0) == [model.contact_id(3)]

    table.setFocus()
    QTest.keyClick(table, Qt.Key.Key_Down)
    QTest.keyClick(table, Qt.Key.Key_Return)
    assert spy.count() == 2
    assert spy.at(1) == [model.contact_id(4)]


def test_new_contact_button_asks_for_a_new_contact(page: ContactsPage) -> None:
    spy = QSignalSpy(page.new_contact_requested)
    QTest.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    assert spy.count() == 1


def test_focus_search_selects_the_text(qtbot: QtBot, page: ContactsPage) -> None:
    page.search_edit.setText("رضا")
    page.table.setFocus()
    page.focus_search()
    qtbot.waitUntil(page.search_edit.hasFocus)
    assert page.search_edit.selectedText() == "رضا"


def test_apply_filter_updates_the_search_box_and_the_panel(
    qtbot: QtBot, page: ContactsPage, people_db: Database
) -> None:
    flt = ContactFilter(search="سپاهان", lifecycles=("customer",))
    page.apply_filter(flt)
    assert page.controller.query_running()  # on the worker: the window never waits
    wait_for_list(qtbot, page)
    assert page.search_edit.text() == "سپاهان"
    assert page.filter_panel.lifecycle_picker.selected() == ("customer",)
    assert page.current_filter() == flt
    assert shown_names(page.model) == ["علی محمدی"]
    assert page.filter_button.text() == "فیلترها (۱)"
    assert page.count_label.text() == "۱ از ۳۰ مخاطب"


def test_a_contact_added_elsewhere_appears_and_the_selection_stays(
    qtbot: QtBot, page: ContactsPage, ctx: AppContext
) -> None:
    model, table = page.model, page.table
    keep = model.contact_id(5)
    QTest.mouseClick(
        table.viewport(),
        Qt.MouseButton.LeftButton,
        pos=table.visualRect(model.index(5, NAME)).center(),
    )
    assert page.selected_ids() == [keep]
    record = create_contact(ctx.db, changes_from_text({"first_name": "آرش", "last_name": "آ"}))
    ctx.changes.announce(CONTACTS, {record.id})
    wait_for_list(qtbot, page)
    assert model.rowCount() == 31
    assert page.count_label.text() == "۳۱ مخاطب"
    assert "آرش آ" in shown_names(model)
    assert page.selected_ids() == [keep]


def test_model_passes_the_model_tester(
    qtmodeltester: ModelTester, qapp: QApplication, demo_db: Database
) -> None:
    setup_application(qapp, "fa")
    model = ContactTableModel(demo_db)
    # pytest-qt's check() has no annotations; name the type it is called with.
    check: Callable[[ContactTableModel], None] = qtmodeltester.check
    model.refresh()
    check(model)
    model.set_filter(ContactFilter(search="علی"))
    check(model)
    model.set_sort(ContactSort("lead_score", descending=True))
    check(model)


def test_pages_load_only_when_shown_and_stay_bounded(
    demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(contact_table_model, "PAGE_SIZE", 20)
    monkeypatch.setattr(contact_table_model, "MAX_CACHED_PAGES", 3)
    pages: list[tuple[int, int | None]] = []
    real_page = contact_list.page

    def counting_page(db: Database, flt: ContactFilter, sort=None, *, offset=0, limit=None):
        pages.append((offset, limit))
        return real_page(db, flt, sort, offset=offset, limit=limit)

    fetched: list[int] = []

    def counting_get(db: Database, ids: Sequence[str]):
        fetched.append(len(ids))
        return get_contacts(db, ids)

    monkeypatch.setattr(contact_list, "page", counting_page)
    monkeypatch.setattr(contact_table_model, "get_contacts", counting_get)
    model = ContactTableModel(demo_db)
    model.refresh()
    assert model.rowCount() == 150
    # The count brings the first page's ids and first records with it (one query run).
    assert pages == [] and fetched == [20] and model.cached_page_count() == 1

    model.index(5, NAME).data()
    model.index(19, MOBILE).data()
    assert pages == [] and fetched == [20]
    model.index(145, NAME).data()
    assert pages == [(140, 10)] and fetched[-1] == 10
    for row in range(model.rowCount()):
        model.index(row, NAME).data()
    # Page 0 is still cached; pages 1-6 load and push page 7 out, so it loads again.
    assert pages[1:] == [(offset, 20) for offset in range(20, 140, 20)] + [(140, 10)]
    assert model.cached_page_count() == 3


def test_the_view_loads_just_the_pages_it_paints(
    qtbot: QtBot, demo_page: ContactsPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    offsets: list[int] = []
    real_page = contact_list.page

    def counting_page(db: Database, flt: ContactFilter, sort=None, *, offset=0, limit=None):
        offsets.append(offset)
        return real_page(db, flt, sort, offset=offset, limit=limit)

    monkeypatch.setattr(contact_list, "page", counting_page)
    monkeypatch.setattr(contact_table_model, "PAGE_SIZE", 50)
    # Paging as such: the whole order read in the background is tested on its own.
    monkeypatch.setattr(demo_page.model, "adopt_order", lambda *_args: False)
    demo_page.model.refresh()  # the first page comes with the count
    qtbot.waitUntil(lambda: demo_page.model.record(0) is not None)
    assert offsets == []
    demo_page.table.scrollToBottom()
    qtbot.waitUntil(lambda: offsets == [100])  # the last 20 rows: the third page
    assert demo_page.model.cached_page_count() == 2


@pytest.mark.parametrize("column", ["city", "lead_score"])
def test_header_click_sorts_both_ways(
    qtbot: QtBot, demo_page: ContactsPage, demo_db: Database, column: str
) -> None:
    model = demo_page.model
    if column not in demo_page.controller.columns.visible_keys():
        demo_page.controller.columns.action_for(column).trigger()
    logical = COLUMN_KEYS.index(column)
    records = get_contacts(demo_db, contact_list.page(demo_db, ContactFilter()))
    key = {"city": lambda r: r.city or "", "lead_score": lambda r: r.lead_score}[column]

    def shown() -> list[str]:
        return [model.contact_id(r) for r in range(model.rowCount())]

    click_header(demo_page, logical)
    qtbot.waitUntil(lambda: model.sort_order == ContactSort(contact_list_key(column)))
    values = [key(model.record(r)) for r in range(model.rowCount())]
    assert values == sorted(values) and values[0] != values[-1]
    assert shown() == contact_list.page(demo_db, ContactFilter(), model.sort_order)
    assert demo_page.table.horizontalHeader().sortIndicatorSection() == logical

    click_header(demo_page, logical)
    qtbot.waitUntil(lambda: model.sort_order.descending)
    values = [key(model.record(r)) for r in range(model.rowCount())]
    assert values == sorted(values, reverse=True)
    assert len(values) == len(records)


def contact_list_key(column: str) -> str:
    return column


def test_a_column_that_cannot_be_sorted_keeps_the_order(demo_page: ContactsPage) -> None:
    model = demo_page.model
    before = [model.contact_id(r) for r in range(20)]
    click_header(demo_page, MOBILE)
    assert model.sort_order == ContactSort()
    assert [model.contact_id(r) for r in range(20)] == before
    assert demo_page.table.horizontalHeader().sortIndicatorSection() == NAME


def test_column_choice_and_order_survive_a_new_page(
    qtbot: QtBot, page: ContactsPage, ctx: AppContext
) -> None:
    chooser = page.controller.columns
    chooser.action_for("email").trigger()  # hide
    chooser.action_for("province").trigger()  # show, at the end
    header = page.table.horizontalHeader()
    header.moveSection(header.visualIndex(CITY), 0)  # drag city to the front
    expected = (
        "city",
        "name",
        "company",
        "job_title",
        "mobile",
        "owner",
        "lifecycle",
        "lead_score",  # shown from the start: the list sorts by it (lead_score's rules)
        "province",
    )
    assert chooser.visible_keys() == expected
    assert page.table.isColumnHidden(EMAIL)

    again = open_page(qtbot, ctx)
    assert again.controller.columns.visible_keys() == expected
    assert again.table.isColumnHidden(EMAIL)
    assert not again.controller.columns.action_for("email").isChecked()
    assert again.controller.columns.action_for("province").isChecked()

    again.controller.columns.reset_action.trigger()
    assert again.controller.columns.visible_keys() == DEFAULT_COLUMNS


def test_the_last_column_cannot_be_hidden(page: ContactsPage) -> None:
    chooser = page.controller.columns
    chooser.apply(["name"])
    assert not chooser.action_for("name").isEnabled()
    assert chooser.action_for("city").isEnabled()


def test_columns_key_is_the_one_documented() -> None:
    assert COLUMNS_KEY == "main_window/contacts_columns"


@pytest.mark.parametrize("role", [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole])
def test_invalid_index_has_no_data(people_db: Database, role: Qt.ItemDataRole) -> None:
    model = ContactTableModel(people_db)
    model.refresh()
    assert model.data(QModelIndex(), role) is None


def test_contact_names_are_stored_persian(page: ContactsPage) -> None:
    names = shown_names(page.model)
    assert normalize_text("علي محمدی") in names
    assert all("ي" not in name and "ك" not in name for name in names)


def test_typed_searches_run_off_the_ui_thread_and_only_the_newest_is_shown(
    qtbot: QtBot, page: ContactsPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from crm_desktop.ui.contacts import contact_table_model

    threads: list[str] = []
    real = contact_table_model.fetch_first_page

    def recording(db: Database, flt: ContactFilter, sort: object) -> FirstPage:
        threads.append(threading.current_thread().name)
        return real(db, flt, sort)  # type: ignore[arg-type]

    monkeypatch.setattr("crm_desktop.ui.contacts.contacts_page.fetch_first_page", recording)
    shown: list[str] = []
    real_show = page.model.show

    def showing(first: FirstPage) -> None:
        shown.append(first.filter.search)
        real_show(first)

    monkeypatch.setattr(page.model, "show", showing)
    for text in ("ع", "عل", "علی"):
        page.search_edit.setText(text)
        page.controller.apply_search()  # as the debounce timer would, three times
    assert page.controller.query_running()  # the window went on without waiting
    qtbot.waitUntil(lambda: not page.controller.query_running())
    assert threading.main_thread().name not in threads and len(threads) == 3
    assert shown == ["علی"]  # the older answers were dropped
    assert page.model.filter.search == "علی"


def test_sorted_by_another_column_scrolling_sorts_nothing_again(
    qtbot: QtBot, demo_page: ContactsPage, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    header = demo_page.table.horizontalHeader()
    header.setSortIndicator(COLUMN_KEYS.index("city"), Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: demo_page.model.sort_order.column == "city")
    expected = contact_list.page(demo_db, ContactFilter(), ContactSort("city", descending=True))
    calls: list[int] = []
    real_page = contact_list.page

    def counting_page(*args: object, **kwargs: object) -> list[str]:
        calls.append(1)
        return real_page(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(contact_list, "page", counting_page)
    demo_page.table.scrollToBottom()
    qtbot.waitUntil(lambda: demo_page.model.record(demo_page.model.rowCount() - 1) is not None)
    shown = [demo_page.model.contact_id(r) for r in range(demo_page.model.rowCount())]
    assert shown == expected and calls == []  # the whole order came with the first answer


class HeldWorker:
    """Holds the worker inside ``fetch_first_page`` until released: answers arrive late."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        import threading

        self.release = threading.Event()
        self.entered = threading.Event()
        real = contact_table_model.fetch_first_page

        def held(db: Database, flt: ContactFilter, sort: ContactSort) -> FirstPage:
            self.entered.set()
            assert self.release.wait(10)
            return real(db, flt, sort)

        monkeypatch.setattr("crm_desktop.ui.contacts.contacts_page.fetch_first_page", held)


def test_clearing_the_search_before_the_old_answer_arrives_shows_everyone(
    qtbot: QtBot, page: ContactsPage, people: tuple[Person, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    worker = HeldWorker(monkeypatch)
    page.search_edit.setText("علی")
    page.controller.apply_search()
    assert worker.entered.wait(5)  # "علی" is being answered...
    page.search_edit.clear()
    page.controller.apply_search()  # ...and the box is empty again before it arrives
    worker.release.set()
    wait_for_list(qtbot, page)
    assert page.model.filter == ContactFilter()
    assert page.model.rowCount() == len(people)
    assert page.count_label.text() == "۳۰ مخاطب"


def test_a_filter_picked_while_a_sort_is_on_its_way_keeps_that_sort(
    qtbot: QtBot, demo_page: ContactsPage, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    worker = HeldWorker(monkeypatch)
    click_header(demo_page, CITY)
    assert worker.entered.wait(5)
    demo_page.filter_panel.lifecycle_picker.action_for("سرنخ").trigger()
    worker.release.set()
    wait_for_list(qtbot, demo_page)
    flt, by_city = ContactFilter(lifecycles=("lead",)), ContactSort("city")
    model = demo_page.model
    assert (model.filter, model.sort_order) == (flt, by_city)
    shown = [model.contact_id(r) for r in range(model.rowCount())]
    assert shown == contact_list.page(demo_db, flt, by_city)
    header = demo_page.table.horizontalHeader()
    assert header.sortIndicatorSection() == CITY
    assert header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder


def test_a_change_re_reads_a_sorted_list_on_the_worker(
    qtbot: QtBot, demo_page: ContactsPage, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    click_header(demo_page, CITY)
    wait_for_list(qtbot, demo_page)
    threads: list[str] = []
    real_page = contact_list.page

    def recording(*args: object, **kwargs: object) -> list[str]:
        threads.append(threading.current_thread().name)
        return real_page(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(contact_list, "page", recording)
    record = create_contact(demo_db, changes_from_text({"first_name": "آرش", "city": "آبادان"}))
    demo_page.controller.ctx.changes.announce(CONTACTS, {record.id})
    assert demo_page.controller.query_running()
    wait_for_list(qtbot, demo_page)
    assert threads and threading.main_thread().name not in threads
    assert demo_page.model.contact_id(0) == record.id  # آبادان sorts first
    assert demo_page.table.horizontalHeader().sortIndicatorSection() == CITY


def test_picking_a_filter_never_waits_for_the_query(
    qtbot: QtBot, page: ContactsPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    worker = HeldWorker(monkeypatch)
    page.filter_panel.lifecycle_picker.action_for("مشتری").trigger()
    assert worker.entered.wait(5)  # the worker is busy; the UI thread went on
    assert page.model.filter == ContactFilter()
    worker.release.set()
    wait_for_list(qtbot, page)
    assert page.model.filter == ContactFilter(lifecycles=("customer",))


def test_choices_are_read_on_the_worker_and_again_only_when_shown(
    qtbot: QtBot, page: ContactsPage, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    threads: list[str] = []
    real = contact_list.filter_choices

    def recording(db: Database) -> contact_list.FilterChoices:
        threads.append(threading.current_thread().name)
        return real(db)

    monkeypatch.setattr(contact_list, "filter_choices", recording)
    QTest.mouseClick(
        page.table.viewport(),
        Qt.MouseButton.LeftButton,
        pos=page.table.visualRect(page.model.index(1, NAME)).center(),
    )
    qtbot.waitUntil(lambda: len(threads) == 1 and not page.controller.choices_loading())
    assert threading.main_thread().name not in threads
    assert page.controller.actions.assign_menu.actions()  # the reps arrived

    for n in range(3):  # changes while something is selected: nothing read
        record = create_contact(ctx.db, changes_from_text({"first_name": f"آرش{n}"}))
        ctx.changes.announce(CONTACTS, {record.id})
        wait_for_list(qtbot, page)
    qtbot.wait(50)
    assert len(threads) == 1
    page.controller.actions.assign_menu.aboutToShow.emit()  # shown: read again, once
    qtbot.waitUntil(lambda: len(threads) == 2 and not page.controller.choices_loading())
    page.controller.actions.assign_menu.aboutToShow.emit()
    qtbot.wait(50)
    assert len(threads) == 2


def test_a_failing_query_is_logged_and_reported_as_a_bug(
    qtbot: QtBot,
    page: ContactsPage,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    def broken(*_args: object) -> FirstPage:
        raise RuntimeError("index gremlins")

    monkeypatch.setattr("crm_desktop.ui.contacts.contacts_page.fetch_first_page", broken)
    page.search_edit.setText("علی")
    page.controller.apply_search()
    qtbot.waitUntil(lambda: page.error_box is not None and page.error_box.isVisible())
    box = page.error_box
    assert box is not None
    assert box.text() == "خطای پیش‌بینی‌نشده‌ای رخ داد و در گزارش برنامه ثبت شد (RuntimeError)."
    logged = [r for r in caplog.records if r.name == "crm_desktop.ui.contacts.contact_actions"]
    assert logged and logged[0].exc_info is not None
    assert logged[0].exc_info[0] is RuntimeError
    box.close()


def test_tags_are_joined_for_the_interface_language() -> None:
    tags_cell = contact_table_model.COLUMNS[COLUMN_KEYS.index("tags")].cell
    record = SimpleNamespace(tags=["VIP", "Expo", "همکار"])  # the cell reads only ``tags``
    # Latin tags each in their own order (LRI ... PDI), Persian ones as they are.
    vip, expo = "\u2066VIP\u2069", "\u2066Expo\u2069"
    assert tags_cell(record, True) == f"{vip}، {expo}، همکار"  # type: ignore[arg-type]
    assert tags_cell(record, False) == f"{vip}, {expo}, همکار"  # type: ignore[arg-type]


def test_a_filtered_list_scrolls_without_querying_pages_again(
    qtbot: QtBot, demo_page: ContactsPage, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(contact_table_model, "PAGE_SIZE", 20)  # several pages to scroll
    flt = ContactFilter(lifecycles=("lead", "prospect"))
    demo_page.apply_filter(flt)
    qtbot.waitUntil(lambda: demo_page.model.filter == flt)
    expected = contact_list.page(demo_db, flt)
    assert 40 < len(expected) < 150
    calls: list[int] = []
    real_page = contact_list.page

    def counting_page(*args: object, **kwargs: object) -> list[str]:
        calls.append(1)
        return real_page(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(contact_list, "page", counting_page)
    demo_page.table.scrollToBottom()
    qtbot.waitUntil(lambda: demo_page.model.record(demo_page.model.rowCount() - 1) is not None)
    shown = [demo_page.model.contact_id(r) for r in range(demo_page.model.rowCount())]
    assert shown == expected and calls == []


def test_the_whole_list_order_is_read_in_the_background_for_deep_jumps(
    qtbot: QtBot, demo_page: ContactsPage, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    model = demo_page.model
    qtbot.waitUntil(model.has_whole_order)  # the unfiltered list, read once on a worker
    calls: list[int] = []
    real_page = contact_list.page

    def counting_page(*args: object, **kwargs: object) -> list[str]:
        calls.append(1)
        return real_page(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(contact_list, "page", counting_page)
    monkeypatch.setattr(contact_table_model, "PAGE_SIZE", 20)
    demo_page.table.scrollToBottom()
    qtbot.waitUntil(lambda: model.record(model.rowCount() - 1) is not None)
    assert calls == []  # the jump to the end read records only, no page of ids
    shown = [model.contact_id(r) for r in range(model.rowCount())]
    assert shown == real_page(demo_db, ContactFilter())


def type_in(widget: QWidget, text: str) -> None:
    """Keys typed on the widget, Persian letters too (QTest's helpers take ASCII only)."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent

    for letter in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, letter)
            )


def test_typing_in_the_list_jumps_to_a_name_without_reading_every_page(
    qtbot: QtBot, demo_db: Database, qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Type-ahead, as in any desktop list: typing the first letters of a name moves to
    # it. A Latin name shown left to right ("Adam Glacius", drawn in an isolate) is
    # found by its letters, and a letter no row read so far starts with reads no
    # more pages (Qt's own search would read all of a 100,000-row list meanwhile).
    monkeypatch.setattr(contact_table_model, "PAGE_SIZE", 20)
    create_contact(demo_db, changes_from_text({"first_name": "Adam", "last_name": "Glacius"}))
    setup_application(qapp, "fa")
    page = open_page(qtbot, AppContext(demo_db))
    table, model = page.table, page.model
    qtbot.waitUntil(lambda: model.rowCount() == 151)
    table.setFocus()
    last = model.rowCount() - 1
    table.scrollTo(model.index(last, NAME))  # Latin names sort after the Persian ones
    table.viewport().grab()  # painted: the rows in view are read
    qtbot.wait(50)
    assert model.index(last, NAME).data() == "\u2066Adam Glacius\u2069"
    table.setCurrentIndex(model.index(0, NAME))

    type_in(table, "ad")
    assert table.currentIndex().row() == last

    pages = model.cached_page_count()
    qtbot.wait(1000)  # a new search, not "ad" typed on
    type_in(table, "ژ")  # no name here starts with it
    assert table.currentIndex().row() == last
    assert model.cached_page_count() == pages
