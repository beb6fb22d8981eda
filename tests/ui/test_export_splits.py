"""The window's export says which values went on in more than one column.

A contact with 3,000 phones is exported from the contacts page: the file keeps every
phone, and the result box says, in the window's language, that a value was split and
where (the contact, the column), instead of leaving the user to find the extra column.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from crm_desktop.models.database import Database
from crm_desktop.services.contacts import create_contact
from crm_desktop.services.fields import ContactChanges
from crm_desktop.ui.app import setup_application
from crm_desktop.ui.contacts.contacts_page import ContactsPage
from crm_desktop.ui.widgets.context import AppContext

PHONES = tuple(f"+98912{n:07d}" for n in range(3000))


@pytest.fixture(params=["fa", "en"])
def page(
    request: pytest.FixtureRequest, qtbot: QtBot, qapp: QApplication, db: Database
) -> Iterator[ContactsPage]:
    create_contact(db, ContactChanges(first_name="مهرداد", last_name="کاظمی", phones=PHONES))
    create_contact(db, ContactChanges(first_name="سارا", last_name="نوری"))
    setup_application(qapp, request.param)
    widget = ContactsPage(AppContext(db, lang=request.param))
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    qtbot.waitUntil(lambda: not widget.controller.working())


def test_the_result_box_names_the_split_value(
    qtbot: QtBot, page: ContactsPage, tmp_path: Path
) -> None:
    lang = page.controller.ctx.lang
    run = page.export_list()
    assert run.file_dialog is not None
    run.file_dialog.reject()
    target = tmp_path / "big.xlsx"
    with qtbot.waitSignal(run.finished, timeout=30_000):
        run.start(target)
    assert run.rows == 2 and len(run.splits) == 1

    sheet = load_workbook(target).active
    assert sheet is not None
    header = [c.value for c in sheet[1]]
    phone = "موبایل/تلفن" if lang == "fa" else "Mobile/Phone"
    assert header[-1] == f"{phone} (2)"

    box = run.result_box
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert box.icon() == QMessageBox.Icon.Warning
    assert box.text() == run.written_text()
    assert box.informativeText() == run.split_text()
    word = "ستون" if lang == "fa" else "columns"
    assert word in box.informativeText()
    details = box.detailedText()
    assert "مهرداد کاظمی" in details and f"{phone} (2)" in details
    box.close()


def test_no_split_no_warning(
    qtbot: QtBot, db: Database, qapp: QApplication, tmp_path: Path
) -> None:
    create_contact(db, ContactChanges(first_name="سارا", last_name="نوری", phones=PHONES[:3]))
    setup_application(qapp, "fa")
    widget = ContactsPage(AppContext(db))
    qtbot.addWidget(widget)
    run = widget.export_list()
    assert run.file_dialog is not None
    run.file_dialog.reject()
    with qtbot.waitSignal(run.finished, timeout=30_000):
        run.start(tmp_path / "small.xlsx")
    box = run.result_box
    assert isinstance(box, QMessageBox)
    assert run.splits == [] and box.icon() == QMessageBox.Icon.Information
    assert box.informativeText() == "" and box.detailedText() == ""
    box.close()
    qtbot.waitUntil(lambda: not widget.controller.working())
