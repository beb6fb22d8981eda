"""Global search: typed text, grouped results, keys to move, open and close."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from crm_desktop.models.database import Database
from crm_desktop.services.companies import list_companies
from crm_desktop.services.contacts import contact_ids
from crm_desktop.services.global_search import SearchResults, search_everything
from crm_desktop.ui.shell import global_search
from crm_desktop.ui.shell.global_search import GlobalSearchDialog
from crm_desktop.ui.shell.main_window import MainWindow

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
    assert groups[:2] == ["مخاطبان", "شرکت‌ها"]
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
    QTest.keyClick(dialog.search_edit, Qt.Key.Key_Return)  # before the pause: opens its answer
    qtbot.waitUntil(lambda: not dialog.isVisible())
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


class GatedSearch:
    """``search_everything`` that waits, per text, until the test opens its gate."""

    def __init__(self) -> None:
        self.gates: dict[str, threading.Event] = {}
        self.started: list[str] = []

    def __call__(self, db: Database, text: str, *, limit: int) -> SearchResults:
        gate = self.gates.setdefault(text, threading.Event())
        self.started.append(text)
        assert gate.wait(10), "the test never opened the gate"
        return search_everything(db, text, limit=limit)

    def open(self, text: str) -> None:
        self.gates.setdefault(text, threading.Event()).set()

    def open_all(self) -> None:
        for gate in self.gates.values():
            gate.set()


@pytest.fixture
def gated(monkeypatch: pytest.MonkeyPatch) -> Iterator[GatedSearch]:
    search = GatedSearch()
    monkeypatch.setattr(global_search, "search_everything", search)
    yield search
    search.open_all()  # never leave a worker waiting
    QThreadPool.globalInstance().waitForDone(10_000)


def company_names(window: MainWindow, dialog: GlobalSearchDialog) -> set[str]:
    return {text for kind, _id, text in dialog.hits() if kind == "company"}


def test_typing_returns_before_the_answer(
    qtbot: QtBot, window: MainWindow, gated: GatedSearch
) -> None:
    dialog = open_search(qtbot, window)
    company = list_companies(window.db)[0].name
    dialog.search_edit.setText(company)
    dialog.run_search()  # returns at once although the search is still waiting
    assert dialog.searching() and dialog.hits() == []
    qtbot.waitUntil(lambda: company in gated.started)
    gated.open(company)
    qtbot.waitUntil(lambda: not dialog.searching())
    assert company in company_names(window, dialog)


def test_newest_answer_wins_and_older_ones_are_dropped(
    qtbot: QtBot, window: MainWindow, gated: GatedSearch
) -> None:
    dialog = open_search(qtbot, window)
    first, second = (c.name for c in list_companies(window.db)[:2])
    dialog.search_edit.setText(first)
    dialog.run_search()
    dialog.search_edit.setText(second)
    dialog.run_search()
    qtbot.waitUntil(lambda: sorted(gated.started) == sorted([first, second]))
    gated.open(second)  # the newer search answers first
    qtbot.waitUntil(lambda: second in company_names(window, dialog))
    shown = dialog.hits()
    gated.open(first)  # the older answer arrives late and must not replace it
    qtbot.waitUntil(lambda: not dialog.searching())
    QThreadPool.globalInstance().waitForDone(10_000)
    qtbot.wait(50)  # let the late queued answer be delivered
    assert dialog.hits() == shown
    assert first not in company_names(window, dialog)


def test_enter_before_the_answer_opens_the_answer(
    qtbot: QtBot, window: MainWindow, gated: GatedSearch
) -> None:
    dialog = open_search(qtbot, window)
    company = list_companies(window.db)[0]
    dialog.search_edit.setText(company.name)
    dialog.run_search()
    QTest.keyClick(dialog.search_edit, Qt.Key.Key_Return)
    assert dialog.isVisible()  # nothing to open yet
    gated.open(company.name)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    opened = [key for key in window.windows if key[0] in ("contact", "company")]
    assert opened
    for key in opened:
        window.windows[key].close()


def test_a_full_answer_fits_without_scrolling(qtbot: QtBot, db: Database) -> None:
    """Eight hits of each kind, long names among them: no sideways scroll bar, every
    row inside the list, phones and amounts whole (names end in "…" if they must)."""
    import datetime as dt

    from crm_desktop.services.demo import generate_demo
    from crm_desktop.ui.app import build_main_window

    for _progress in generate_demo(db, contacts=400, seed=5, today=dt.date.today()):
        pass
    window = build_main_window(db, "fa")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    dialog = open_search(qtbot, window)
    found = search_everything(db, "سا", limit=global_search.RESULTS_PER_KIND)
    assert min(len(found.contacts), len(found.companies), len(found.deals)) == 8
    dialog.show_results(found)
    results = dialog.results
    assert not results.horizontalScrollBar().isVisible()
    viewport = results.viewport().rect()
    header = results.header()
    assert sum(header.sectionSize(c) for c in range(header.count())) <= viewport.width()
    items = dialog._hit_items()
    assert len(items) == 24
    for item in items:
        assert viewport.contains(results.visualItemRect(item)), item.text(0)
    # The phone of a contact and the amount of a deal are shown in full.
    for item in items:
        column = 2 if item.data(0, global_search.KIND_ROLE) == "contact" else 3
        text = item.text(column)
        if text:
            width = results.fontMetrics().horizontalAdvance(text)
            assert width <= header.sectionSize(column), text
