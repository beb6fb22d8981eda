"""The companies list and a company's window over a demo database."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from crm_desktop.locale import format_rials
from crm_desktop.models.database import Database
from crm_desktop.services.companies import company_summary, get_company, list_companies
from crm_desktop.services.contacts import get_contacts
from crm_desktop.services.demo import generate_demo
from crm_desktop.ui.app import setup_application
from crm_desktop.ui.companies.companies_page import CompaniesPage
from crm_desktop.ui.companies.company_page import CompanyPage
from crm_desktop.ui.companies.company_table_model import COLUMN_KEYS
from crm_desktop.ui.widgets.context import AppContext

TypeText = Callable[[QWidget, str], None]
NAME = COLUMN_KEYS.index("name")
PEOPLE = COLUMN_KEYS.index("people")


@pytest.fixture
def ctx(qapp: QApplication, db: Database) -> AppContext:
    setup_application(qapp, "fa")
    for _ in generate_demo(db, contacts=150, seed=5, today=dt.date(2025, 6, 1)):
        pass
    return AppContext(db)


@pytest.fixture
def page(qtbot: QtBot, ctx: AppContext) -> CompaniesPage:
    widget = CompaniesPage(ctx)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_lists_companies_with_people_counts(
    page: CompaniesPage, ctx: AppContext, qtmodeltester: ModelTester
) -> None:
    qtmodeltester.check(page.model)
    companies = list_companies(ctx.db)
    model = page.model
    assert model.rowCount() == len(companies) > 0
    assert [model.index(r, NAME).data() for r in range(model.rowCount())] == [
        c.name for c in companies
    ]
    assert model.index(0, PEOPLE).data() == f"{companies[0].people:,}".translate(
        str.maketrans("0123456789,", "۰۱۲۳۴۵۶۷۸۹٬")
    )
    assert page.count_label.text().endswith("شرکت")


def test_search_as_you_type_and_activate(
    qtbot: QtBot, page: CompaniesPage, ctx: AppContext, type_text: TypeText
) -> None:
    target = list_companies(ctx.db)[-1]
    word = target.name.split()[0]
    type_text(page.search_edit, word)
    expected = [c.name for c in list_companies(ctx.db, word)]
    qtbot.waitUntil(
        lambda: [page.model.index(r, NAME).data() for r in range(page.model.rowCount())] == expected
    )
    row = page.model.row_of(target.id)
    assert row >= 0
    index = page.model.index(row, NAME)
    page.table.scrollTo(index)
    rect = page.table.visualRect(index)
    assert page.table.viewport().rect().contains(rect.center())
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(page.company_activated) as activated:
        qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert activated.args == [target.id]

    page.search_edit.clear()
    type_text(page.search_edit, "ناموجودزززز")
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)
    assert page.count_label.text() == "شرکتی پیدا نشد"
    with qtbot.waitSignal(page.new_company_requested):
        qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)


def biggest_company(ctx: AppContext) -> str:
    return max(list_companies(ctx.db), key=lambda c: (c.people, c.id)).id


def test_company_page_people_and_totals(qtbot: QtBot, ctx: AppContext) -> None:
    company_id = max(
        list_companies(ctx.db),
        key=lambda c: (company_summary(ctx.db, c.id).open_amount, c.id),
    ).id
    summary = company_summary(ctx.db, company_id)
    window = CompanyPage(ctx, company_id)
    qtbot.addWidget(window)
    window.show()
    assert window.name.text() == summary.company.name
    names = [window.people_list.item(i).text() for i in range(window.people_list.count())]
    expected = get_contacts(ctx.db, summary.people)
    assert [n.split(" — ")[0] for n in names] == [p.full_name for p in expected]
    assert format_rials(summary.open_amount) in window.open_deals_label.text()
    assert format_rials(summary.won_amount) in window.won_label.text()
    assert window.deals_placeholder.text()

    with qtbot.waitSignal(window.contact_activated) as activated:
        window.people_list.itemDoubleClicked.emit(window.people_list.item(0))
    assert activated.args == [summary.people[0]]


def test_edit_a_company_with_validation_and_undo(
    qtbot: QtBot, ctx: AppContext, type_text: TypeText
) -> None:
    company_id = biggest_company(ctx)
    before = get_company(ctx.db, company_id)
    window = CompanyPage(ctx, company_id)
    qtbot.addWidget(window)
    window.show()
    assert not window.save_button.isEnabled()

    window.phone.edit.clear()
    type_text(window.phone.edit, "021")
    assert not window.phone.message.isVisible()  # still being typed
    qtbot.mouseClick(window.save_button, Qt.MouseButton.LeftButton)  # says what is wrong
    assert window.phone.message.isVisible()
    assert get_company(ctx.db, company_id) == before  # and saves nothing
    type_text(window.phone.edit, "88776655")
    assert not window.phone.message.isVisible()
    window.industry.clear()
    type_text(window.industry, "نرم‌افزار")
    window.website.edit.clear()
    type_text(window.website.edit, "pars.example")
    assert window.save_button.isEnabled()
    with qtbot.waitSignal(window.saved):
        qtbot.mouseClick(window.save_button, Qt.MouseButton.LeftButton)
    after = get_company(ctx.db, company_id)
    assert (after.phone, after.industry, after.website) == (
        "+982188776655",
        "نرم‌افزار",
        "pars.example",
    )

    ctx.undo_stack.undo()
    restored = get_company(ctx.db, company_id)
    assert (restored.phone, restored.industry, restored.website) == (
        before.phone,
        before.industry,
        before.website,
    )
    assert window.industry.text() == (before.industry or "")


def test_create_a_company(qtbot: QtBot, ctx: AppContext, type_text: TypeText) -> None:
    window = CompanyPage(ctx, None)
    qtbot.addWidget(window)
    window.show()
    companies_before = list_companies(ctx.db)
    type_text(window.email.edit, "Info@Ayandeh.Example")
    qtbot.mouseClick(window.save_button, Qt.MouseButton.LeftButton)  # no name yet
    assert window.error_bar.isVisible() and "نام شرکت" in window.error_bar.text()
    assert list_companies(ctx.db) == companies_before
    type_text(window.name, "آینده‌سازان")
    with qtbot.waitSignal(window.saved) as saved:
        assert window.save()
    record = get_company(ctx.db, saved.args[0])
    assert (record.name, record.email) == ("آینده‌سازان", "info@ayandeh.example")
    ctx.undo_stack.undo()
    assert record.id not in {c.id for c in list_companies(ctx.db)}
    ctx.undo_stack.redo()
    assert record.id in {c.id for c in list_companies(ctx.db)}


def test_pages_load_only_when_shown_and_hidden_page_waits(
    qtbot: QtBot, qapp: QApplication, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from crm_desktop.locale import sort_key
    from crm_desktop.models import Company
    from crm_desktop.services import company_list
    from crm_desktop.ui.widgets.context import CONTACTS

    setup_application(qapp, "fa")
    with db.session() as session:
        session.add_all(
            Company(id=f"c{i:04d}", name=f"شرکت {i:04d}", sort_key=sort_key(f"شرکت {i:04d}"))
            for i in range(1000)
        )
    offsets: list[int] = []
    real_page = company_list.page

    def page(*args: object, offset: int = 0, **kwargs: object) -> list[str]:
        offsets.append(offset)
        return real_page(*args, offset=offset, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(company_list, "page", page)
    ctx = AppContext(db)
    widget = CompaniesPage(ctx)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    model = widget.model
    assert model.rowCount() == 1000
    assert model.cached_pages() == [0] and offsets == []  # the first page came with the count
    widget.table.scrollToBottom()
    qtbot.waitUntil(lambda: model.cached_pages()[-1] == 9)
    assert len(model.cached_pages()) <= 3 and offsets[-1] == 900
    assert model.index(999, NAME).data() == "شرکت 0999"

    refreshed: list[int] = []

    def first_page(*_args: object, **_kwargs: object) -> tuple[int, list[str]]:
        refreshed.append(1)
        return 0, []

    monkeypatch.setattr(company_list, "count_and_first_page", first_page)
    widget.hide()
    ctx.changes.announce(CONTACTS)
    assert refreshed == [] and widget.stale
    widget.show()
    assert refreshed == [1] and not widget.stale


def test_search_with_arabic_letters_finds_persian_names(
    qtbot: QtBot, page: CompaniesPage, ctx: AppContext, type_text: TypeText
) -> None:
    target = list_companies(ctx.db)[0]
    arabic = target.name.replace("ی", "ي").replace("ک", "ك")
    type_text(page.search_edit, arabic)
    qtbot.waitUntil(lambda: page.model.search == arabic.strip())
    shown = [page.model.index(r, NAME).data() for r in range(page.model.rowCount())]
    assert target.name in shown
