"""Export from the window: the file dialog, the worker with its progress and Cancel, the result.

Real database files and real .xlsx files read back with openpyxl; the dialogs are
non-modal, so the tests drive them the way a user would.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QObject, QSettings, QStandardPaths, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from crm_desktop.models.database import Database
from crm_desktop.services import contact_list
from crm_desktop.services.companies import list_companies
from crm_desktop.services.contact_list import ContactFilter, ContactSort
from crm_desktop.services.contacts import get_contacts
from crm_desktop.ui.app import setup_application
from crm_desktop.ui.companies.companies_page import CompaniesPage
from crm_desktop.ui.contacts.contact_table_model import sort_column
from crm_desktop.ui.contacts.contacts_page import ContactsPage
from crm_desktop.ui.contacts.export_action import (
    FOLDER_KEY,
    ListExport,
    default_file_name,
    default_folder,
    export_list,
)
from crm_desktop.ui.shell.main_window import MainWindow
from crm_desktop.ui.widgets.context import AppContext


@pytest.fixture
def ctx(qapp: QApplication, people_db: Database) -> AppContext:
    setup_application(qapp, "fa")
    return AppContext(people_db)


@pytest.fixture
def contacts_page(qtbot: QtBot, ctx: AppContext) -> Iterator[ContactsPage]:
    page = ContactsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    yield page
    qtbot.waitUntil(lambda: not page.controller.working())


def names_in(path: Path) -> list[str]:
    sheet = load_workbook(path).active
    assert sheet is not None
    return [f"{row[0]} {row[1]}" for row in sheet.iter_rows(min_row=2, values_only=True)]


def only_export(parent: QObject) -> ListExport:
    runs = parent.findChildren(ListExport)
    assert len(runs) == 1
    return runs[0]


def partial_files(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p.name.endswith(".part")]


def test_default_file_name_is_the_list_and_the_jalali_date() -> None:
    today = dt.date(2026, 11, 22)
    assert default_file_name("contacts", "fa", today) == "مخاطبان 1405.09.01.xlsx"
    assert default_file_name("companies", "fa", today) == "شرکت‌ها 1405.09.01.xlsx"
    assert default_file_name("deals", "en", today) == "Deals 1405.09.01.xlsx"


def test_contacts_button_exports_the_filtered_sorted_list(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    window.show_page("contacts")
    page = window.contacts_page
    button = page.export_button
    assert button.text() == "خروجی اکسل…" and button.isVisible()
    flt = ContactFilter(cities=("تهران",))
    page.apply_filter(flt)
    qtbot.waitUntil(lambda: not page.controller.query_running())
    sort = ContactSort("name", descending=True)
    page.table.horizontalHeader().setSortIndicator(
        sort_column(sort), Qt.SortOrder.DescendingOrder
    )  # as a click on the name header does
    qtbot.waitUntil(lambda: page.model.sort_order == sort)
    assert page.current_sort() == sort
    ctx = page.controller.ctx
    shown = [r.full_name for r in get_contacts(ctx.db, contact_list.page(ctx.db, flt, sort))]
    assert 1 < len(shown) == page.model.rowCount() < 30

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    run = only_export(page)
    dialog = run.file_dialog
    assert dialog is not None and dialog.isVisible()
    chosen = Path(dialog.selectedFiles()[0])
    assert chosen.name == default_file_name("contacts", "fa")
    assert chosen.parent == default_folder()

    target = tmp_path / "تهرانی‌ها.xlsx"
    dialog.selectFile(str(target))
    with qtbot.waitSignal(run.finished, timeout=20_000) as finished:
        dialog.accept()
        assert run.running() and run.progress_dialog is not None
    assert finished.args == [target]
    assert names_in(target) == shown
    assert run.rows == len(shown)
    assert partial_files(tmp_path) == []

    # What happened is told in the status bar and in a box that can open the file.
    assert window.statusBar().currentMessage() == run.written_text()
    assert "تهرانی‌ها.xlsx" in run.written_text()
    box = run.result_box
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert box.objectName() == "exportResult"
    labels = [b.text() for b in box.buttons()]
    assert "باز کردن فایل" in labels and "باز کردن پوشه" in labels
    assert run.progress_dialog is None
    box.close()
    # The folder is offered again next time.
    assert QSettings().value(FOLDER_KEY) == str(tmp_path)
    assert default_folder() == tmp_path


def test_cancel_leaves_an_existing_file_untouched(
    qtbot: QtBot, contacts_page: ContactsPage, tmp_path: Path
) -> None:
    target = tmp_path / "old.xlsx"
    target.write_bytes(b"the report from last week")
    run = contacts_page.export_list()
    assert run.file_dialog is not None
    run.file_dialog.reject()
    assert run.file_dialog is None and not run.running()  # nothing chosen, nothing done

    with qtbot.waitSignal(run.finished, timeout=20_000) as finished:
        run.start(target)
        progress = run.progress_dialog
        assert progress is not None and progress.labelText().startswith("در حال نوشتن")
        cancel = progress.findChild(QPushButton)
        assert cancel is not None and cancel.text() == "لغو"
        cancel.click()
    assert finished.args == [None]
    assert run.cancelled and run.error is None and run.rows is None
    assert target.read_bytes() == b"the report from last week"
    assert partial_files(tmp_path) == []
    assert run.result_box is None  # a cancel needs no box
    assert not contacts_page.controller.ctx.busy


def test_a_folder_that_vanished_is_reported(
    qtbot: QtBot, contacts_page: ContactsPage, tmp_path: Path
) -> None:
    run = contacts_page.export_list()
    assert run.file_dialog is not None
    run.file_dialog.reject()
    with qtbot.waitSignal(run.finished, timeout=20_000):
        run.start(tmp_path / "gone" / "list.xlsx")
    box = run.result_box
    assert isinstance(box, QMessageBox) and box.objectName() == "exportError"
    assert "وجود ندارد" in box.text() and run.error == box.text()
    assert not (tmp_path / "gone").exists() and partial_files(tmp_path) == []
    box.close()


def test_companies_button_exports_the_search(qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> None:
    page = CompaniesPage(ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    assert page.export_button.text() == "خروجی اکسل…"
    word = list_companies(ctx.db)[0].name.split()[0]
    page.search_edit.setText(word)
    page.apply_search()
    expected = [c.name for c in list_companies(ctx.db, word)]

    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    run = only_export(page)
    assert run.file_dialog is not None
    assert Path(run.file_dialog.selectedFiles()[0]).name == default_file_name("companies")
    target = tmp_path / "companies.xlsx"
    run.file_dialog.selectFile(str(target))
    with qtbot.waitSignal(run.finished, timeout=20_000):
        run.file_dialog.accept()
    sheet = load_workbook(target).active
    assert sheet is not None and sheet.sheet_view.rightToLeft
    assert [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)] == expected
    assert run.result_box is not None
    run.result_box.close()


def test_deals_and_activities_export_from_anywhere(
    qtbot: QtBot, ctx: AppContext, contacts_page: ContactsPage, tmp_path: Path
) -> None:
    for kind in ("deals", "activities"):
        run = export_list(contacts_page, ctx, kind)
        assert run.file_dialog is not None
        assert Path(run.file_dialog.selectedFiles()[0]).name == default_file_name(kind)
        run.file_dialog.reject()
        target = tmp_path / f"{kind}.xlsx"
        with qtbot.waitSignal(run.finished, timeout=20_000):
            run.start(target)
        sheet = load_workbook(target).active
        assert sheet is not None and sheet.max_row == 1  # headers only: none in this db
        assert run.rows == 0
        assert run.result_box is not None
        run.result_box.close()


def test_documents_folder_is_the_first_offer(qapp: QApplication) -> None:
    QSettings().remove(FOLDER_KEY)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    expected = Path(documents) if Path(documents).is_dir() else Path.home()
    assert default_folder() == expected
