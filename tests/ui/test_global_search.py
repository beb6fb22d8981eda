"""Global search: typed text, grouped results, keys to move, open and close."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from crm_desktop.services.companies import list_companies
from crm_desktop.services.contacts import contact_ids
from crm_desktop.ui.global_search import GlobalSearchDialog
from crm_desktop.ui.main_window import MainWindow

TypeText = Callable[[QWidget, str], None]


def open_search(qtbot: QtBot, window: MainWindow) -> GlobalSearchDialog:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    dialog = window.search_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.search_edit.hasFocus)
    return dialog


def test_results_come_grouped_as_you_type(
    qtbot: QtBot, window: MainWindow, type_text: TypeText
) -> None:
    dialog = open_search(qtbot, window)
    company = list_companies(window.db)[0].name
    type_text(dialog.search_edit, company)
    qtbot.waitUntil(lambda: bool(dialog.hits()))
    results = dialog.results
    groups = [results.topLevelItem(i).text(0) for i in range(results.topLevelItemCount())]  # type: ignore[union-attr]
    assert groups[:2] == ["مخاطبین", "شرکت‌ها"]
    kinds = {kind for kind, _id, _text in dialog.hits()}
    assert kinds == {"contact", "company"}
    assert any(text == company for kind, _id, text in dialog.hits() if kind == "company")
    # The first hit is highlighted, ready for Enter.
    assert dialog.current_hit() == dialog.hits()[0][:2]


def test_nothing_found_says_so(qtbot: QtBot, window: MainWindow, type_text: TypeText) -> None:
    dialog = open_search(qtbot, window)
    type_text(dialog.search_edit, "ژژژژ")
    qtbot.waitUntil(dialog.empty_label.isVisible)
    assert dialog.empty_label.text() == "چیزی پیدا نشد."
    assert dialog.hits() == []


def test_arrows_move_and_enter_opens_a_company(
    qtbot: QtBot, window: MainWindow, type_text: TypeText
) -> None:
    dialog = open_search(qtbot, window)
    company = list_companies(window.db)[0]
    type_text(dialog.search_edit, company.name)
    qtbot.waitUntil(lambda: bool(dialog.hits()))
    hits = dialog.hits()
    target = next(i for i, (kind, hit_id, _t) in enumerate(hits) if hit_id == company.id)
    for _ in range(target):
        QTest.keyClick(dialog.search_edit, Qt.Key.Key_Down)
    QTest.keyClick(dialog.search_edit, Qt.Key.Key_Up)
    QTest.keyClick(dialog.search_edit, Qt.Key.Key_Down)
    assert dialog.current_hit() == ("company", company.id)
    with qtbot.waitSignal(dialog.company_chosen) as chosen:
        QTest.keyClick(dialog.search_edit, Qt.Key.Key_Return)
    assert chosen.args == [company.id]
    assert not dialog.isVisible()
    assert ("company", company.id) in window.windows
    window.windows[("company", company.id)].close()


def test_enter_on_a_contact_opens_its_editor(
    qtbot: QtBot, window: MainWindow, type_text: TypeText
) -> None:
    dialog = open_search(qtbot, window)
    type_text(dialog.search_edit, "رضایی")
    QTest.keyClick(dialog.search_edit, Qt.Key.Key_Return)  # before the pause: searches first
    assert not dialog.isVisible()
    [opened] = [key for key in window.windows if key[0] == "contact"]
    assert opened[1] in contact_ids(window.db, "رضایی")
    window.windows[opened].close()


def test_escape_closes_and_ctrl_k_brings_back_the_text(
    qtbot: QtBot, window: MainWindow, type_text: TypeText
) -> None:
    dialog = open_search(qtbot, window)
    type_text(dialog.search_edit, "علی")
    QTest.keyClick(dialog.search_edit, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    reopened = open_search(qtbot, window)
    assert reopened is dialog
    assert dialog.search_edit.text() == "علی" and dialog.search_edit.selectedText() == "علی"
