"""The import wizard, walked page by page like a user, over real files and databases."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QThreadPool, QUrl
from PySide6.QtGui import (
    QDragEnterEvent,
    QDropEvent,
    QFont,
    QFontInfo,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialogButtonBox,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QWizard,
)
from pytestqt.qtbot import QtBot

from crm_desktop.models.database import Database
from crm_desktop.services.column_mapping import IGNORE, NOTES
from crm_desktop.services.contacts import contact_ids, get_contact, trashed_contact_ids
from crm_desktop.services.importer import list_imports
from crm_desktop.ui.app import setup_application
from crm_desktop.ui.importing.import_pages import (
    DRY_RUN_PAGE,
    FILE_PAGE,
    IMPORT_PAGE,
    MAPPING_PAGE,
    RESULT_PAGE,
    SHEET_PAGE,
    UNCHOSEN,
)
from crm_desktop.ui.importing.import_wizard import ImportWizard, open_import_wizard
from crm_desktop.ui.widgets.commands import _undo_pool
from crm_desktop.ui.widgets.context import CONTACTS, AppContext, Change
from crm_desktop.ui.widgets.value_list_edit import bidi_message

from .test_translations import persian_texts

WAIT = 15_000
Next = QWizard.WizardButton.NextButton
Back = QWizard.WizardButton.BackButton
Cancel = QWizard.WizardButton.CancelButton

HEADER = ["نام", "نام خانوادگی", "موبایل", "ایمیل", "شهر", "کد مشتری"]
ROWS: list[list[object]] = [
    ["علی", "رضایی", "09123456701", "ali@example.com", "تهران", "C-1"],
    ["مریم", "کاظمی", 9351234567, "maryam@@example", "شیراز", "C-2"],  # bad email
    ["", "", "09120000000", "nobody@example.com", "", "C-3"],  # no name: skipped
    ["علي", "رضائي", "۰۹۱۲۳۴۵۶۷۰۱", "", "تهران", "C-4"],  # Ali again, by his mobile
    ["حمید", "نوروزی", "0901 234 5678", "HAMID@Mail.Example", "کرج", "C-5"],
]


def contacts_book(path: Path, rows: list[list[object]] = ROWS, *, companies: bool = False) -> Path:
    """A Persian contacts sheet with a title row and a blank row above its header."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "مشتریان"
    sheet.append(["فهرست مشتریان دفتر تهران"])
    sheet.append([])
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    if companies:
        other = book.create_sheet("شرکت‌ها")
        other.append(["نام شرکت", "تلفن", "شهر", "صنعت"])
        other.append(["فولاد نوین", "02144556677", "اصفهان", "فولاد"])
        other.append(["پخش البرز", "02633445566", "کرج", "پخش"])
    book.save(path)
    return path


def many_rows(count: int) -> list[list[object]]:
    return [
        [f"نفر{n}", "آزمایشی", f"0912{n:07d}", f"p{n}@example.com", "تهران", f"C-{n}"]
        for n in range(count)
    ]


@pytest.fixture
def ctx(qapp: QApplication, db: Database) -> Iterator[AppContext]:
    setup_application(qapp, "fa")
    yield AppContext(db)
    # Nothing may still run on the database when the test ends.
    QThreadPool.globalInstance().waitForDone(WAIT)
    _undo_pool().waitForDone(WAIT)


@pytest.fixture
def book(tmp_path: Path) -> Path:
    return contacts_book(tmp_path / "مشتریان تهران.xlsx")


def wizard_for(qtbot: QtBot, ctx: AppContext, path: Path | None = None) -> ImportWizard:
    wizard = ImportWizard(ctx, None, path)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    if path is not None:
        qtbot.waitUntil(lambda: not wizard.jobs.running("file"), timeout=WAIT)
    return wizard


def click(qtbot: QtBot, wizard: ImportWizard, which: QWizard.WizardButton) -> None:
    button = wizard.button(which)
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def to_dry_run(qtbot: QtBot, wizard: ImportWizard) -> None:
    """From the mapping page to the dry run's counts."""
    with qtbot.waitSignal(wizard.dry_run_page.finished, timeout=WAIT):
        click(qtbot, wizard, Next)
    assert wizard.currentId() == DRY_RUN_PAGE


def import_now(qtbot: QtBot, wizard: ImportWizard) -> None:
    """From the dry run through the import to the result page."""
    with qtbot.waitSignal(wizard.import_page.finished, timeout=WAIT) as finished:
        click(qtbot, wizard, Next)
    assert finished.args == [True]
    assert wizard.currentId() == RESULT_PAGE


def names(db: Database) -> list[str]:
    return sorted(get_contact(db, i).full_name for i in contact_ids(db))


def cell(table: QTableWidget, row: int, column: int) -> QTableWidgetItem:
    item = table.item(row, column)
    assert item is not None
    return item


def headers(table: QTableWidget) -> list[str]:
    found = (table.horizontalHeaderItem(c) for c in range(table.columnCount()))
    return [item.text() for item in found if item is not None]


def preview_column(wizard: ImportWizard, header: str) -> list[str]:
    table = wizard.mapping_page.preview_table
    column = headers(table).index(header)
    return [cell(table, row, column).text() for row in range(table.rowCount())]


def wait_idle(qtbot: QtBot, ctx: AppContext) -> None:
    qtbot.waitUntil(lambda: not ctx.busy, timeout=WAIT)


def test_an_unreadable_file_is_explained_on_the_page(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path
) -> None:
    broken = tmp_path / "خراب.xlsx"
    broken.write_text("this is not a workbook", encoding="utf-8")
    wizard = wizard_for(qtbot, ctx, broken)
    assert wizard.currentId() == FILE_PAGE
    error = wizard.file_page.error_label.text()
    assert "خراب.xlsx" in error
    # The name keeps its own order in the sentence (".xlsx" stays at its end).
    assert "«\u2068خراب.xlsx\u2069»" in error, error
    assert "\n" not in error and error.endswith(".")
    assert not wizard.button(Next).isEnabled()

    missing = tmp_path / "نیست.xlsx"
    with qtbot.waitSignal(wizard.file_page.read_finished, timeout=WAIT):
        wizard.file_page.set_path(missing)
    assert "نیست.xlsx" in wizard.file_page.error_label.text()
    assert not wizard.button(Next).isEnabled()
    assert wizard.isVisible()


def test_a_refusal_shows_its_numbers_in_persian_and_in_their_order(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path
) -> None:
    # A cell longer than Excel allows: the reason names the limit, 32,767. In Latin
    # digits set into the Persian sentence its groups came out as "767,32"; it is
    # shown the Persian way, and reads left to right in the right-to-left label.
    path = tmp_path / "long.csv"
    path.write_text("نام,یادداشت\nعلی," + "x" * 40_000 + "\n", encoding="utf-8")
    wizard = wizard_for(qtbot, ctx, path)
    error = wizard.file_page.error_label.text()
    assert "۳۲٬۷۶۷" in error and "32,767" not in error, error
    font = wizard.file_page.error_label.font()
    number = glyphs_left_to_right("۳۲٬۷۶۷", font, Qt.LayoutDirection.LeftToRight)
    shown = glyphs_left_to_right(error, font, Qt.LayoutDirection.RightToLeft)
    assert any(shown[i : i + len(number)] == number for i in range(len(shown))), error
    # Numbers inside a Latin name or quoted value stay as they are.
    assert bidi_message("فایل «report 2,024.csv» در UTF-16 است.") == (
        "فایل «\u2068report 2,024.csv\u2069» در \u2066UTF-16\u2069 است."
    )


def test_a_typed_path_is_read_and_a_one_sheet_file_skips_the_sheet_page(
    qtbot: QtBot, ctx: AppContext, book: Path
) -> None:
    wizard = wizard_for(qtbot, ctx)
    assert not wizard.button(Next).isEnabled()
    wizard.file_page.path_edit.setText(str(book))
    with qtbot.waitSignal(wizard.file_page.read_finished, timeout=WAIT):
        qtbot.keyClick(wizard.file_page.path_edit, Qt.Key.Key_Return)
    status = wizard.file_page.status_label.text()
    assert "۵ ردیف و ۶ ستون" in status
    assert "سرستون‌ها در ردیف ۳" in status
    assert wizard.file_page.error_label.text() == ""
    click(qtbot, wizard, Next)
    assert wizard.currentId() == MAPPING_PAGE


def test_import_walkthrough_with_preview_dry_run_undo_and_redo(
    qtbot: QtBot, ctx: AppContext, book: Path
) -> None:
    db = ctx.db
    seen: list[Change] = []
    ctx.changes.changed.connect(seen.append)
    wizard = wizard_for(qtbot, ctx, book)
    click(qtbot, wizard, Next)
    mapping = wizard.mapping_page

    # The mapping page: columns recognised from their Persian headers.
    assert mapping.kind_combo.currentData() == "contacts"
    chosen = [combo.currentData() for combo in mapping.combos]
    # The customer code has no field: not chosen yet, and the page names it.
    assert chosen == ["first_name", "last_name", "mobile", "email", "city", UNCHOSEN]
    assert mapping.combos[5].currentText() == "— انتخاب نشده —"
    assert "«کد مشتری»" in mapping.left_out_label.text()
    assert mapping.combos[2].currentText() == "موبایل"
    assert "شناخته شدند" in mapping.mapping_info.text()
    assert not mapping.remember_check.isChecked()
    samples = cell(mapping.mapping_table, 0, 1).text()
    assert "علی" in samples and "مریم" in samples

    # The preview: rows as they will be stored, problems marked.
    assert preview_column(wizard, "ردیف") == ["۴", "۵", "۶", "۷", "۸"]
    assert preview_column(wizard, "نام") == ["علی", "مریم", "", "علی", "حمید"]
    emails = preview_column(wizard, "ایمیل")
    assert emails[4] == "\u2066hamid@mail.example\u2069"
    assert emails[1] == ""  # the bad one is dropped...
    notes = preview_column(wizard, "ایراد")
    assert "maryam@@example" in notes[1]  # ... and said why
    assert notes[2].startswith("وارد نمی‌شود")
    table = mapping.preview_table
    skipped = cell(table, 2, 1)
    assert "نام شخص" in skipped.toolTip()
    assert skipped.foreground().color() == table.palette().color(
        table.palette().ColorRole.PlaceholderText
    )
    assert cell(table, 0, 1).toolTip() == ""
    assert "یادداشت‌ها" not in headers(table)

    # Keep the customer code in the notes: the preview follows at once.
    mapping.choose(5, NOTES)
    assert mapping.combos[5].currentText() == "نگه‌داری در یادداشت‌ها"
    assert preview_column(wizard, "یادداشت‌ها")[0] == "کد مشتری: C-1"
    assert mapping.remember_check.isChecked()

    # The dry run counts without writing.
    to_dry_run(qtbot, wizard)
    page = wizard.dry_run_page
    counts = {name: page.counts.count(name) for name in page.counts.values}
    assert counts == {
        "rows": "۵",
        "created": "۳",
        "updated": "۰",
        "duplicates": "۱",
        "skipped": "۱",
        "errors": "۱",
        "warnings": "۲",  # the bad email; Ali's second customer code, not kept
    }
    problems = [page.problems_model.cells(r) for r in range(page.problems_model.rowCount())]
    assert problems[0][:3] == ("۵", "ایمیل", "هشدار")
    assert "maryam@@example" in problems[0][3]
    assert problems[1][:3] == ("۶", "", "خطا")
    assert problems[2][:3] == ("۷", "کد مشتری", "هشدار")
    assert contact_ids(db) == []
    assert wizard.button(Next).text() == "ورود داده‌ها"

    # Another duplicate policy runs the dry run again.
    assert page.policy_buttons["update"].isChecked()
    with qtbot.waitSignal(page.finished, timeout=WAIT):
        page.policy_buttons["create"].click()
    assert page.counts.count("created") == "۴"
    with qtbot.waitSignal(page.finished, timeout=WAIT):
        page.policy_buttons["update"].click()
    assert page.counts.count("created") == "۳"
    assert contact_ids(db) == []

    # The import: one undo step, the pages told.
    import_now(qtbot, wizard)
    assert names(db) == ["حمید نوروزی", "علی رضایی", "مریم کاظمی"]
    ali = next(
        get_contact(db, i) for i in contact_ids(db) if get_contact(db, i).first_name == "علی"
    )
    assert ali.phones == ("+989123456701",)
    assert ali.notes == "کد مشتری: C-1"
    assert ctx.undo_stack.count() == 1
    assert ctx.undo_stack.undoText() == "ورود داده از \u2068مشتریان تهران.xlsx\u2069"
    # The pages are told exactly what the import touched: the new people (the sheet
    # names no company, so the companies page hears of nothing but its people).
    assert Change(CONTACTS, frozenset(contact_ids(db))) in seen
    assert {c.kind for c in seen} == {CONTACTS}
    result = wizard.result_page
    assert result.counts.count("created") == "۳"
    assert result.problems_table.isVisibleTo(wizard)
    assert [b for b in (Back, Next, Cancel) if wizard.button(b).isVisible()] == []
    assert wizard.button(QWizard.WizardButton.FinishButton).text() == "بستن"
    (summary,) = list_imports(db)
    assert (summary.file_name, summary.created, summary.undone) == ("مشتریان تهران.xlsx", 3, False)

    # Undo from the result page asks first, with the counts; then it is the undo
    # stack's undo, and redo puts it back.
    with qtbot.waitSignal(result.reverted, timeout=WAIT) as reverted:
        qtbot.mouseClick(result.undo_button, Qt.MouseButton.LeftButton)
        box = result.confirm_box
        assert box is not None and box.isVisible()
        assert "برداشته می‌شود (این ورود ساخته بود): ۳ مخاطب" in box.informativeText()
        yes = box.findChild(QAbstractButton, "confirmUndo")
        assert yes is not None
        qtbot.mouseClick(yes, Qt.MouseButton.LeftButton)
    assert reverted.args == [True]
    wait_idle(qtbot, ctx)
    assert contact_ids(db) == []
    assert trashed_contact_ids(db) == []  # taken away, not deleted by someone
    assert ctx.undo_stack.index() == 0
    assert result.undo_button.text() == "انجام دوبارهٔ این ورود"
    status = result.status_label.text()
    assert "ورود داده برگردانده شد." in status and "برداشته شد: ۳ مخاطب" in status
    with qtbot.waitSignal(result.reverted, timeout=WAIT) as reverted:
        qtbot.mouseClick(result.undo_button, Qt.MouseButton.LeftButton)
    assert reverted.args == [False]
    wait_idle(qtbot, ctx)
    assert names(db) == ["حمید نوروزی", "علی رضایی", "مریم کاظمی"]
    assert ctx.undo_stack.index() == 1

    # Edit > Undo and Edit > Redo do the same, and the page follows.
    with qtbot.waitSignal(result.reverted, timeout=WAIT):
        ctx.undo_stack.undo()
    wait_idle(qtbot, ctx)
    assert contact_ids(db) == []
    assert result.undo_button.text() == "انجام دوبارهٔ این ورود"
    with qtbot.waitSignal(result.reverted, timeout=WAIT):
        ctx.undo_stack.redo()
    wait_idle(qtbot, ctx)
    assert len(contact_ids(db)) == 3
    assert ctx.undo_stack.count() == 1

    click(qtbot, wizard, QWizard.WizardButton.FinishButton)
    assert not wizard.isVisible()


def test_a_remembered_mapping_is_offered_and_a_second_import_changes_nothing(
    qtbot: QtBot, ctx: AppContext, book: Path
) -> None:
    first = wizard_for(qtbot, ctx, book)
    click(qtbot, first, Next)
    first.mapping_page.choose(5, NOTES)
    to_dry_run(qtbot, first)
    import_now(qtbot, first)
    first.close()
    assert len(contact_ids(ctx.db)) == 3

    again = wizard_for(qtbot, ctx, book)
    click(qtbot, again, Next)
    mapping = again.mapping_page
    assert mapping.combos[5].currentData() == NOTES
    assert "ذخیره کردید" in mapping.mapping_info.text()
    assert mapping.remember_check.isChecked()
    to_dry_run(qtbot, again)
    page = again.dry_run_page
    assert page.counts.count("created") == "۰"
    assert page.counts.count("duplicates") == "۴"
    assert "چیزی را تغییر نمی‌دهد" in page.status_label.text()
    # Imported anyway: nothing to undo, no undo step, no undo button.
    steps = ctx.undo_stack.count()
    import_now(qtbot, again)
    assert ctx.undo_stack.count() == steps
    assert not again.result_page.undo_button.isVisibleTo(again)
    assert "چیزی تغییر نکرد" in again.result_page.subTitle()
    assert not list_imports(ctx.db)[0].undoable


def test_a_mapping_not_remembered_is_not_saved(qtbot: QtBot, ctx: AppContext, book: Path) -> None:
    first = wizard_for(qtbot, ctx, book)
    click(qtbot, first, Next)
    first.mapping_page.choose(5, NOTES)
    first.mapping_page.remember_check.setChecked(False)
    to_dry_run(qtbot, first)
    import_now(qtbot, first)
    again = wizard_for(qtbot, ctx, book)
    click(qtbot, again, Next)
    assert again.mapping_page.combos[5].currentData() == UNCHOSEN
    assert not again.mapping_page.remember_check.isChecked()


def test_a_workbook_of_several_sheets_asks_which_and_guesses_its_kind(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path
) -> None:
    path = contacts_book(tmp_path / "دفتر.xlsx", companies=True)
    wizard = wizard_for(qtbot, ctx, path)
    assert "۲ برگه" in wizard.file_page.status_label.text()
    click(qtbot, wizard, Next)
    assert wizard.currentId() == SHEET_PAGE
    sheets = wizard.sheet_page.sheet_list
    assert [sheets.item(i).text() for i in range(sheets.count())] == ["مشتریان", "شرکت‌ها"]
    assert sheets.currentItem().text() == "مشتریان"
    with qtbot.waitSignal(wizard.sheet_page.read_finished, timeout=WAIT):
        sheets.setCurrentRow(1)
    assert "۲ ردیف و ۴ ستون" in wizard.sheet_page.status_label.text()
    click(qtbot, wizard, Next)
    mapping = wizard.mapping_page
    assert mapping.kind_combo.currentData() == "companies"
    assert mapping.kind_combo.currentText() == "شرکت‌ها"
    assert [c.currentData() for c in mapping.combos] == ["name", "phone", "city", "industry"]
    assert preview_column(wizard, "نام شرکت") == ["فولاد نوین", "پخش البرز"]

    # Back to the sheet page and the contacts sheet: its own kind and columns.
    click(qtbot, wizard, Back)
    sheets.setCurrentRow(0)  # read before: no waiting
    click(qtbot, wizard, Next)
    assert mapping.kind_combo.currentData() == "contacts"
    assert len(mapping.combos) == 6
    # The kind can be changed by hand: the choices follow.
    mapping.kind_combo.setCurrentIndex(mapping.kind_combo.findData("deals"))
    assert mapping.combos[2].currentText() == "موبایل مشتری"


def test_cancel_during_the_import_writes_nothing(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path
) -> None:
    path = contacts_book(tmp_path / "بزرگ.xlsx", many_rows(1500))
    wizard = wizard_for(qtbot, ctx, path)
    click(qtbot, wizard, Next)
    to_dry_run(qtbot, wizard)
    assert wizard.dry_run_page.counts.count("created") == "۱٬۵۰۰"
    page = wizard.import_page
    with qtbot.waitSignal(page.finished, timeout=WAIT) as finished:
        click(qtbot, wizard, Next)
        assert wizard.currentId() == IMPORT_PAGE and page.running
        # While importing, only Cancel is offered, and it cancels the import.
        assert not wizard.button(Back).isVisible()
        assert not wizard.button(Next).isVisible()
        assert wizard.button(Cancel).text() == "لغو ورود"
        click(qtbot, wizard, Cancel)
        assert wizard.isVisible()
    assert finished.args == [False]
    wait_idle(qtbot, ctx)
    assert "لغو شد" in page.error_label.text()
    assert "چیزی ذخیره نشد" in page.error_label.text()
    assert contact_ids(ctx.db) == []
    assert list_imports(ctx.db) == []
    assert ctx.undo_stack.count() == 0
    # Back to the dry run to try again; Cancel now closes.
    assert wizard.button(Back).isVisible()
    assert wizard.button(Cancel).text() == "بستن"
    with qtbot.waitSignal(page.finished, timeout=WAIT) as finished:
        click(qtbot, wizard, Back)
        click(qtbot, wizard, Next)
    assert finished.args == [True]
    assert len(contact_ids(ctx.db)) == 1500


def test_escape_or_closing_the_window_during_the_import_cancels_it(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path
) -> None:
    path = contacts_book(tmp_path / "بزرگ.xlsx", many_rows(1200))
    wizard = wizard_for(qtbot, ctx, path)
    click(qtbot, wizard, Next)
    to_dry_run(qtbot, wizard)
    page = wizard.import_page
    with qtbot.waitSignal(page.finished, timeout=WAIT) as finished:
        click(qtbot, wizard, Next)
        qtbot.keyClick(wizard, Qt.Key.Key_Escape)
        assert page.status_label.text() == "در حال لغو…"
        assert not wizard.button(Cancel).isEnabled()
        wizard.close()  # asked again: still cancelling, still open
        assert wizard.isVisible()
    assert finished.args == [False]
    wait_idle(qtbot, ctx)
    assert contact_ids(ctx.db) == []
    assert wizard.button(Cancel).isEnabled()
    wizard.close()
    assert not wizard.isVisible()


def test_the_problem_rows_are_saved_with_what_was_wrong(
    qtbot: QtBot, ctx: AppContext, book: Path, tmp_path: Path
) -> None:
    wizard = wizard_for(qtbot, ctx, book)
    click(qtbot, wizard, Next)
    to_dry_run(qtbot, wizard)
    import_now(qtbot, wizard)
    page = wizard.result_page
    assert page.save_button.isEnabled()
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    dialog = page.save_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.selectedFiles()[0].endswith("مشتریان تهران - ردیف‌های مشکل‌دار.xlsx")
    target = tmp_path / "ایرادها.xlsx"
    with qtbot.waitSignal(page.saved, timeout=WAIT):
        dialog.fileSelected.emit(str(target))
        dialog.close()
    assert "۲ ردیف مشکل‌دار" in page.status_label.text()
    sheet = load_workbook(target).active
    assert sheet is not None
    header, *lines = [list(row) for row in sheet.iter_rows(values_only=True) if any(row)]
    assert header[1:-1] == HEADER
    assert [line[0] for line in lines] == [5, 6]
    assert lines[0][1:3] == ["مریم", "کاظمی"]
    assert "maryam@@example" in str(lines[0][-1])
    assert "نام شخص" in str(lines[1][-1])


def test_without_problems_there_is_nothing_to_save(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path
) -> None:
    path = contacts_book(tmp_path / "تمیز.xlsx", [ROWS[0], ROWS[4]])
    wizard = wizard_for(qtbot, ctx, path)
    click(qtbot, wizard, Next)
    # The customer-code column goes to no field: the page says so until the user
    # says it is not to be imported.
    page = wizard.mapping_page
    assert page.left_out_label.isVisibleTo(wizard)
    assert "«کد مشتری»" in page.left_out_label.text()
    page.choose(HEADER.index("کد مشتری"), IGNORE)
    assert not page.left_out_label.isVisibleTo(wizard)
    to_dry_run(qtbot, wizard)
    assert "مشکلی پیدا نشد" in wizard.dry_run_page.status_label.text()
    import_now(qtbot, wizard)
    assert not wizard.result_page.save_button.isEnabled()
    assert not wizard.result_page.problems_table.isVisibleTo(wizard)


def test_a_dropped_file_is_read(qtbot: QtBot, ctx: AppContext, book: Path) -> None:
    wizard = wizard_for(qtbot, ctx)
    page = wizard.file_page
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(book))])
    enter = QDragEnterEvent(
        QPoint(20, 20),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(page, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(20, 20),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(page.read_finished, timeout=WAIT):
        QApplication.sendEvent(page, drop)
    assert page.path_edit.text() == str(book)
    assert wizard.button(Next).isEnabled()

    text = QMimeData()
    text.setUrls([QUrl.fromLocalFile(str(book.with_suffix(".pdf")))])
    refused = QDragEnterEvent(
        QPoint(20, 20),
        Qt.DropAction.CopyAction,
        text,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    refused.ignore()
    QApplication.sendEvent(page, refused)
    assert not refused.isAccepted()


def test_browse_chooses_the_file_in_a_file_dialog(
    qtbot: QtBot, ctx: AppContext, book: Path
) -> None:
    wizard = wizard_for(qtbot, ctx)
    page = wizard.file_page
    qtbot.mouseClick(page.browse_button, Qt.MouseButton.LeftButton)
    dialog = page.file_dialog
    assert dialog is not None and dialog.isVisible()
    assert "*.xlsx" in dialog.nameFilters()[0] and "*.csv" in dialog.nameFilters()[0]
    with qtbot.waitSignal(page.read_finished, timeout=WAIT):
        dialog.fileSelected.emit(str(book))
        dialog.close()
    assert page.path_edit.text() == str(book)
    assert wizard.button(Next).isEnabled()


def test_open_import_wizard_reads_the_path_it_is_given(
    qtbot: QtBot, ctx: AppContext, book: Path
) -> None:
    wizard = open_import_wizard(None, ctx, book)
    qtbot.addWidget(wizard)
    qtbot.waitUntil(lambda: wizard.button(Next).isEnabled(), timeout=WAIT)
    assert wizard.isVisible() and not wizard.isModal()
    assert wizard.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert wizard.testAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)  # qtbot closes it


def test_a_mapping_without_a_name_column_is_refused_by_the_dry_run(
    qtbot: QtBot, ctx: AppContext, book: Path
) -> None:
    wizard = wizard_for(qtbot, ctx, book)
    click(qtbot, wizard, Next)
    wizard.mapping_page.choose(0, IGNORE)
    wizard.mapping_page.choose(1, IGNORE)
    assert set(preview_column(wizard, "ایراد")) == {
        "وارد نمی‌شود: نام شخص (نام، نام خانوادگی یا نام کامل) ندارد؛ این ردیف وارد نشد."
    }
    to_dry_run(qtbot, wizard)
    assert "نام شخص" in wizard.dry_run_page.error_label.text()
    assert not wizard.button(Next).isEnabled()
    click(qtbot, wizard, Back)
    wizard.mapping_page.choose(0, "first_name")
    to_dry_run(qtbot, wizard)
    assert wizard.dry_run_page.error_label.text() == ""
    assert wizard.button(Next).isEnabled()


def test_the_wizard_speaks_english_in_the_english_interface(
    qtbot: QtBot, qapp: QApplication, db: Database, book: Path
) -> None:
    setup_application(qapp, "en")
    try:
        ctx = AppContext(db, lang="en")
        wizard = wizard_for(qtbot, ctx, book)
        assert wizard.layoutDirection() == Qt.LayoutDirection.LeftToRight
        data = {book.name, "مشتریان", *HEADER}  # the file's own words stay as typed
        assert persian_texts(wizard, data) == []
        click(qtbot, wizard, Next)
        assert "'کد مشتری'" in wizard.mapping_page.left_out_label.text()
        assert wizard.mapping_page.combos[0].currentText() == "First name"
        assert persian_texts(wizard, data) == []
        to_dry_run(qtbot, wizard)
        assert wizard.dry_run_page.counts.count("created") == "3"
        assert persian_texts(wizard, data) == []
        problems = wizard.dry_run_page.problems_model
        # On the header row first: the column that goes to no field.
        assert problems.cells(0)[2:] == (
            "Warning",
            "Column 'کد مشتری' goes to no field: its 5 values were not imported. To keep "
            "them, map it to a field or to the notes.",
        )
        assert problems.cells(1)[2:] == (
            "Warning",
            "Invalid email address 'maryam@@example' was dropped; the rest of the row was "
            "imported.",
        )
        import_now(qtbot, wizard)
        assert persian_texts(wizard, data) == []
        assert ctx.undo_stack.undoText() == f"Import of \u2068{book.name}\u2069"
    finally:
        setup_application(qapp, "fa")
        QThreadPool.globalInstance().waitForDone(WAIT)
        _undo_pool().waitForDone(WAIT)


def test_undo_after_the_wizard_closed_still_works(
    qtbot: QtBot, ctx: AppContext, book: Path
) -> None:
    wizard = open_import_wizard(None, ctx, book)
    qtbot.waitUntil(lambda: wizard.button(Next).isEnabled(), timeout=WAIT)
    click(qtbot, wizard, Next)
    to_dry_run(qtbot, wizard)
    import_now(qtbot, wizard)
    with qtbot.waitSignal(wizard.destroyed, timeout=WAIT):
        click(qtbot, wizard, QWizard.WizardButton.FinishButton)
    ctx.undo_stack.undo()
    wait_idle(qtbot, ctx)
    assert contact_ids(ctx.db) == []
    ctx.undo_stack.redo()
    wait_idle(qtbot, ctx)
    assert len(contact_ids(ctx.db)) == 3


def test_the_shared_sample_fits_the_columns_page_on_a_laptop_screen(
    qtbot: QtBot, ctx: AppContext
) -> None:
    """The office's own file (shared/samples, nine columns) at the size the wizard takes
    on a 1366x768 screen: every column to map in view, and the preview's problems too."""
    sample = Path(__file__).resolve().parents[1] / "data" / "contacts-sample.xlsx"
    wizard = wizard_for(qtbot, ctx, sample)
    wizard.resize(960, 728)
    click(qtbot, wizard, Next)
    page = wizard.mapping_page
    table = page.mapping_table
    qtbot.waitUntil(lambda: table.rowCount() == 9)
    qtbot.waitUntil(lambda: page.preview_table.rowCount() > 0, timeout=WAIT)
    qtbot.wait(50)  # the page shares its height once laid out
    viewport = table.viewport().rect()
    for row in range(table.rowCount()):
        cell = table.visualRect(table.model().index(row, 0))
        assert viewport.contains(cell), f"column {row + 1} of 9 is out of view"
    preview = page.preview_table
    header = preview.horizontalHeader()
    titles = [
        preview.model().headerData(c, Qt.Orientation.Horizontal)
        for c in range(preview.columnCount())
    ]
    problems = titles.index("ایراد")
    start = header.sectionViewportPosition(problems)
    assert start >= 0 and start + header.sectionSize(problems) <= preview.viewport().width()
    assert preview.viewport().height() >= 3 * preview.verticalHeader().defaultSectionSize()


def test_no_dialog_button_has_an_icon(qtbot: QtBot, ctx: AppContext) -> None:
    from crm_desktop.ui.importing.import_history import ImportHistoryDialog

    dialog = ImportHistoryDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    # Whether standard buttons get icons is the style's (and desktop's) choice; ours says
    # no, whatever the desktop, so this Close looks like every other Close button.
    hint = QStyle.StyleHint.SH_DialogButtonBox_ButtonsHaveIcons
    assert dialog.style().styleHint(hint, None, dialog.buttons) == 0
    close = dialog.buttons.button(QDialogButtonBox.StandardButton.Close)
    assert close is not None and close.icon().isNull()


def test_a_sheet_without_a_header_row_lets_the_user_name_its_columns(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path
) -> None:
    path = tmp_path / "بی‌سرستون.csv"
    path.write_text(
        "علی رضایی,09121234567,ali@example.com\nمریم کاظمی,09351234567,maryam@example.com\n",
        encoding="utf-8",
    )
    wizard = wizard_for(qtbot, ctx, path)
    click(qtbot, wizard, Next)
    page = wizard.mapping_page
    assert "ردیف عنوان ستون‌ها پیدا نشد" in page.mapping_info.text()
    assert cell(page.mapping_table, 0, 0).text().startswith("(بی‌سرستون)")
    # The first row is data: its values are among the samples, and nothing is saved
    # for "these headers" (there are none).
    assert "علی رضایی" in cell(page.mapping_table, 0, 1).text()
    assert not page.remember_check.isEnabled()
    # The phone and email columns are known by their cells; the name is the user's.
    assert [c.currentData() for c in page.combos][1:] == ["mobile", "email"]
    page.choose(0, "full_name")
    to_dry_run(qtbot, wizard)
    assert wizard.dry_run_page.counts.count("created") == "۲"
    import_now(qtbot, wizard)
    assert sorted(names(ctx.db)) == ["علی رضایی", "مریم کاظمی"]


def glyphs_left_to_right(text: str, font: QFont, direction: Qt.LayoutDirection) -> list[int]:
    """The glyphs Qt paints for ``text`` in a paragraph of ``direction``, from left to
    right, in the cell's font; the direction isolates and marks, which show nothing, are
    left out (a machine's fonts give them a blank glyph of a fallback font, or of the
    cell's own)."""
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setTextDirection(direction)
    layout.setTextOption(option)
    layout.beginLayout()
    layout.createLine().setLineWidth(10_000)
    layout.endLayout()
    family = QFontInfo(font).family()
    shown = [m.span() for m in re.finditer(f"[^{_DIRECTION_MARKS}]+", text)]
    placed = [
        (position.x(), glyph)
        for start, end in shown
        for run in layout.glyphRuns(start, end - start)
        if run.rawFont().familyName() == family
        for glyph, position in zip(run.glyphIndexes(), run.positions(), strict=True)
    ]
    return [glyph for _x, glyph in sorted(placed)]


_DIRECTION_MARKS = "\u200e\u200f\u202a-\u202e\u2066-\u2069"


def reads_as(text: str, typed: str, font: QFont) -> bool:
    """Whether ``text`` in a right-to-left cell shows the glyphs of ``typed`` written
    left to right, in the same order."""
    rtl, ltr = Qt.LayoutDirection.RightToLeft, Qt.LayoutDirection.LeftToRight
    return glyphs_left_to_right(text, font, rtl) == glyphs_left_to_right(typed, font, ltr)


def test_latin_values_read_in_their_own_order_in_a_right_to_left_wizard(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path
) -> None:
    # An Outlook export: an address that starts with its number, a company ending in a
    # full stop, a header ending in a bracket. In the Persian (right-to-left) wizard
    # each reads as typed, and Persian values are left as they are.
    path = tmp_path / "outlook.csv"
    path.write_text(
        "First Name,Last Name,Company,Home Address,Phone (work)\n"
        'Adam,Glacius,Acme Inc.,"999 Super Way, Super",+1 555 0100\n'
        "علی,رضایی,شرکت آلفا,تهران,09121234567\n"
        "Daniel,Ireland,,,+1 555\n",
        encoding="utf-8",
    )
    wizard = wizard_for(qtbot, ctx, path)
    click(qtbot, wizard, Next)
    page = wizard.mapping_page
    qtbot.waitUntil(lambda: page.preview_table.rowCount() == 3, timeout=WAIT)
    font = page.preview_table.font()

    assert not reads_as("Acme Inc.", "Acme Inc.", font)  # what the test tells apart
    assert reads_as(preview_column(wizard, "شرکت")[0], "Acme Inc.", font)
    assert reads_as(preview_column(wizard, "نشانی")[0], "999 Super Way, Super", font)
    assert preview_column(wizard, "شرکت")[1] == "شرکت آلفا"
    header = cell(page.mapping_table, 4, 0).text()
    assert reads_as(header, "Phone (work)", page.mapping_table.font())
    # A Persian sentence quoting a foreign number keeps the number's own order.
    problem = preview_column(wizard, "ایراد")[2]
    assert "«\u2068+1 555\u2069»" in problem, problem
