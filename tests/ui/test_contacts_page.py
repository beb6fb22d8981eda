"""The contacts screen over a real database: listing, search as you type, the model."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from crm_desktop.locale import normalize_text
from crm_desktop.models.database import Database
from crm_desktop.services.contacts import contact_ids, get_contacts
from crm_desktop.services.records import ContactRecord
from crm_desktop.ui import contact_table_model
from crm_desktop.ui.contact_table_model import COLUMN_KEYS, ContactTableModel
from crm_desktop.ui.main_window import MainWindow

from .people import Person

TypeText = Callable[[QWidget, str], None]

LRI, PDI = "\u2066", "\u2069"
NAME = COLUMN_KEYS.index("name")
MOBILE = COLUMN_KEYS.index("mobile")
EMAIL = COLUMN_KEYS.index("email")
LIFECYCLE = COLUMN_KEYS.index("lifecycle")


def shown_names(model: ContactTableModel) -> list[str]:
    return [model.index(row, NAME).data() for row in range(model.rowCount())]


def row_of(model: ContactTableModel, name: str) -> int:
    return shown_names(model).index(name)


def search(
    qtbot: QtBot, type_text: TypeText, window: MainWindow, text: str, expected: set[str]
) -> None:
    edit = window.contacts_page.search_edit
    edit.clear()
    type_text(edit, text)
    model = window.contacts.model
    qtbot.waitUntil(lambda: set(shown_names(model)) == expected)


def test_lists_every_contact_in_service_order(
    window: MainWindow, people_db: Database, people: tuple[Person, ...]
) -> None:
    model = window.contacts.model
    assert model.rowCount() == len(people) == 30
    in_service_order = [r.full_name for r in get_contacts(people_db, contact_ids(people_db))]
    assert shown_names(model) == in_service_order
    assert set(in_service_order) == {p.shown_name for p in people}
    assert window.contacts_page.count_label.text() == "۳۰ مخاطب"


def test_headers(window: MainWindow) -> None:
    model = window.contacts.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == [
        "نام و نام خانوادگی",
        "شرکت",
        "سمت",
        "تلفن همراه",
        "ایمیل",
        "شهر",
        "مسئول",
        "وضعیت",
    ]


def test_search_with_arabic_letters_finds_persian_names(
    qtbot: QtBot, type_text: TypeText, window: MainWindow, people: tuple[Person, ...]
) -> None:
    expected = {p.shown_name for p in people if "علی" in p.shown_name}
    assert len(expected) == 4  # علي محمدی, علی رضایی, علیرضا کریمی, مریم علیزاده
    search(qtbot, type_text, window, "علي", expected)
    assert window.contacts_page.count_label.text() == "۴ مخاطب"


def test_search_with_persian_digits_finds_phones(
    qtbot: QtBot, type_text: TypeText, window: MainWindow, people: tuple[Person, ...]
) -> None:
    expected = {p.shown_name for p in people if p.phone.startswith("0912")}
    assert len(expected) == 13
    search(qtbot, type_text, window, "۰۹۱۲", expected)


def test_search_by_company_then_clear(
    qtbot: QtBot, type_text: TypeText, window: MainWindow, people: tuple[Person, ...]
) -> None:
    expected = {p.shown_name for p in people if p.company == "فولاد سپاهان"}
    search(qtbot, type_text, window, "سپاهان", expected)
    assert window.contacts_page.count_label.text() == "۴ مخاطب"

    window.contacts_page.search_edit.clear()
    model = window.contacts.model
    qtbot.waitUntil(lambda: model.rowCount() == len(people))
    assert window.contacts_page.count_label.text() == "۳۰ مخاطب"


def test_search_without_result_says_so(
    qtbot: QtBot, type_text: TypeText, window: MainWindow
) -> None:
    search(qtbot, type_text, window, "ناموجود", set())
    assert window.contacts_page.count_label.text() == "مخاطبی پیدا نشد"


def test_search_waits_for_a_pause_in_typing(
    qtbot: QtBot, type_text: TypeText, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    model = window.contacts.model
    queries: list[str] = []
    real = model.set_search

    def recording_search(text: str) -> None:
        queries.append(text)
        real(text)

    monkeypatch.setattr(model, "set_search", recording_search)
    type_text(window.contacts_page.search_edit, "سپاهان")
    qtbot.waitUntil(lambda: model.rowCount() == 4)
    assert queries == ["سپاهان"]


def test_cells_are_formatted_for_reading(window: MainWindow) -> None:
    model = window.contacts.model
    row = row_of(model, "علی محمدی")
    assert model.index(row, MOBILE).data() == f"{LRI}۰۹۱۲ ۵۵۵ ۰۰۰۱{PDI}"
    assert model.index(row, EMAIL).data() == f"{LRI}ali.m@sepahan.ir{PDI}"
    assert model.index(row, LIFECYCLE).data() == "مشتری"
    assert model.index(row, COLUMN_KEYS.index("company")).data() == "فولاد سپاهان"
    assert model.index(row, COLUMN_KEYS.index("job_title")).data() == "مدیر خرید"
    assert model.index(row, COLUMN_KEYS.index("city")).data() == "اصفهان"
    landline = row_of(model, "مریم علیزاده")
    assert model.index(landline, MOBILE).data() == f"{LRI}۰۲۱ ۸۸۷۷ ۶۶۵۵{PDI}"
    no_phone = row_of(model, "محمد صادقی")
    assert model.index(no_phone, MOBILE).data() == ""
    statuses = {model.index(r, LIFECYCLE).data() for r in range(model.rowCount())}
    assert statuses == {"سرنخ", "مشتری بالقوه", "مشتری", "غیرفعال"}


def test_rows_are_read_only_and_selected_whole(qtbot: QtBot, window: MainWindow) -> None:
    model = window.contacts.model
    flags = model.flags(model.index(0, 0))
    assert not flags & Qt.ItemFlag.ItemIsEditable
    assert flags & Qt.ItemFlag.ItemIsSelectable
    table = window.contacts_page.table
    assert table.alternatingRowColors()
    cell = table.visualRect(model.index(2, COLUMN_KEYS.index("city")))
    QTest.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, cell.center()
    )
    selected = table.selectionModel().selectedIndexes()
    assert {i.row() for i in selected} == {2}
    assert len(selected) == model.columnCount()


def test_model_passes_the_model_tester(qtmodeltester: ModelTester, people_db: Database) -> None:
    model = ContactTableModel(people_db)
    # pytest-qt's check() has no annotations; name the type it is called with.
    check: Callable[[ContactTableModel], None] = qtmodeltester.check
    model.set_search("")
    check(model)
    model.set_search("سپاهان")
    check(model)


def test_rows_load_lazily_in_bounded_blocks(
    people_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(contact_table_model, "BLOCK_SIZE", 4)
    monkeypatch.setattr(contact_table_model, "MAX_CACHED_BLOCKS", 3)
    fetched: list[int] = []
    real_get = get_contacts

    def counting_get(db: Database, ids: Sequence[str]) -> list[ContactRecord]:
        fetched.append(len(ids))
        return real_get(db, ids)

    monkeypatch.setattr(contact_table_model, "get_contacts", counting_get)
    model = ContactTableModel(people_db)
    model.set_search("")
    assert model.rowCount() == 30
    assert fetched == []  # the ids alone; no records until a row is shown

    model.index(5, 0).data()
    model.index(6, 3).data()
    assert fetched == [4]
    for row in range(model.rowCount()):
        model.index(row, NAME).data()
    assert fetched == [4] * 7 + [2]  # 30 rows in blocks of 4, each fetched once
    assert model.cached_block_count() == 3


@pytest.mark.parametrize("role", [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole])
def test_invalid_index_has_no_data(people_db: Database, role: Qt.ItemDataRole) -> None:
    model = ContactTableModel(people_db)
    model.set_search("")
    assert model.data(QModelIndex(), role) is None


def test_contact_names_are_stored_persian(window: MainWindow) -> None:
    names = shown_names(window.contacts.model)
    assert normalize_text("علي محمدی") in names
    assert all("ي" not in name and "ك" not in name for name in names)
