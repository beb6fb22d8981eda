"""The main window: direction, font, navigation, segments, status bar, shortcuts, settings."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QFontInfo, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QMessageBox,
    QStyle,
    QTableView,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from crm_desktop.models.database import Database
from crm_desktop.services import segments
from crm_desktop.services.contact_list import ContactFilter
from crm_desktop.services.contacts import (
    contact_ids,
    create_contact,
    get_contact,
    trashed_contact_ids,
)
from crm_desktop.services.fields import changes_from_text
from crm_desktop.services.users import create_user, set_current_user
from crm_desktop.ui.app import build_main_window, setup_application
from crm_desktop.ui.contacts.contact_editor import ContactEditor
from crm_desktop.ui.pipeline.pipeline_page import PipelinePage
from crm_desktop.ui.shell.main_window import FRAME_ALLOWANCE, MainWindow
from crm_desktop.ui.shell.placeholder_page import PlaceholderPage
from crm_desktop.ui.widgets.context import CONTACTS, SEGMENTS, USERS

Buttons = QMessageBox.StandardButton
TypeText = Callable[[QWidget, str], None]

NAVIGATION = [
    "داشبورد",
    "مخاطبان",
    "شرکت‌ها",
    "قیف فروش",
    "فعالیت‌ها",
    "کمپین‌ها",
    "درخواست‌های خدمات",
    "گزارش‌ها",
    "تنظیمات",
]
KEYS = [
    "dashboard",
    "contacts",
    "companies",
    "pipeline",
    "activities",
    "campaigns",
    "requests",
    "reports",
    "settings",
]


def ctrl(window: MainWindow, key: Qt.Key, shift: bool = False) -> None:
    modifiers = Qt.KeyboardModifier.ControlModifier
    if shift:
        modifiers |= Qt.KeyboardModifier.ShiftModifier
    QTest.keyClick(window, key, modifiers)


def activate(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def test_window_is_right_to_left_in_vazirmatn(window: MainWindow) -> None:
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    table = window.contacts_page.findChild(QTableView)
    assert table is not None and table.layoutDirection() == Qt.LayoutDirection.RightToLeft
    # QFontInfo reports the font actually matched, so this fails if the TTF did not load.
    assert QFontInfo(window.font()).family() == "Vazirmatn"
    assert QFontInfo(table.font()).family() == "Vazirmatn"
    assert QFontInfo(window.navigation.font()).family() == "Vazirmatn"
    assert QFontInfo(window.menuBar().font()).family() == "Vazirmatn"
    # The menu bar starts on the right, like the navigation.
    file_menu = window.menuBar().actionGeometry(window.file_menu.menuAction())
    help_menu = window.menuBar().actionGeometry(window.help_menu.menuAction())
    assert file_menu.x() > help_menu.x()


def test_title_names_the_database_file(window: MainWindow) -> None:
    assert window.windowTitle() == "مدیریت ارتباط با مشتری — crm.sqlite3"


def test_title_prefers_the_office_name(qtbot: QtBot, db: Database) -> None:
    db.set_setting("office_name", "دفتر فروش شرق")
    win = build_main_window(db)
    qtbot.addWidget(win)
    assert win.windowTitle() == "مدیریت ارتباط با مشتری — دفتر فروش شرق"


def test_navigation_lists_the_pages_in_order_on_the_right(window: MainWindow) -> None:
    nav = window.navigation
    assert nav.page_titles() == NAVIGATION
    assert nav.child_titles("contacts") == [
        "تکراری‌ها",
        "سطل زباله",
    ]
    assert window.current_page_key() == "contacts"
    assert window.stack.currentWidget() is window.contacts_page
    nav_x = nav.mapTo(window, QPoint(0, 0)).x()
    stack_x = window.stack.mapTo(window, QPoint(0, 0)).x()
    assert nav_x > stack_x  # the leading side of a right-to-left window


def test_opens_on_the_requested_page(qtbot: QtBot, people_db: Database) -> None:
    win = build_main_window(people_db, "fa", page="pipeline")
    qtbot.addWidget(win)
    assert win.current_page_key() == "pipeline"
    page = win.stack.currentWidget()
    assert isinstance(page, PipelinePage)
    assert page.board.columns[0].column.stage == "سرنخ جدید"
    # A workspace still to come says so under its title.
    win = build_main_window(people_db, "fa", page="reports")
    qtbot.addWidget(win)
    page = win.stack.currentWidget()
    assert isinstance(page, PlaceholderPage)
    assert page.title_label.text() == "گزارش‌ها"
    assert page.note_label.text()


def test_clicking_navigation_switches_page(qtbot: QtBot, window: MainWindow) -> None:
    nav = window.navigation
    item = nav.page_items["reports"]
    qtbot.mouseClick(
        nav.viewport(), Qt.MouseButton.LeftButton, pos=nav.visualItemRect(item).center()
    )
    assert window.current_page_key() == "reports"
    assert window.stack.currentWidget() is window.pages["reports"]
    trash = nav.page_items["trash"]
    qtbot.mouseClick(
        nav.viewport(), Qt.MouseButton.LeftButton, pos=nav.visualItemRect(trash).center()
    )
    assert window.current_page_key() == "trash"


def test_ctrl_and_a_number_opens_each_page(qtbot: QtBot, window: MainWindow) -> None:
    activate(qtbot, window)
    for number, key in enumerate(KEYS, start=1):
        ctrl(window, getattr(Qt.Key, f"Key_{number}"))
        assert window.current_page_key() == key
        assert window.navigation.currentItem() is window.navigation.page_items[key]


def test_menus_carry_the_common_actions(window: MainWindow) -> None:
    shortcuts = {
        action.objectName(): [s.toString() for s in action.shortcuts()]
        for menu in (window.file_menu, window.edit_menu, window.go_menu, window.help_menu)
        for action in menu.actions()
        if action.objectName()
    }
    assert shortcuts["newContact"] == ["Ctrl+N"]
    assert shortcuts["quit"] == ["Ctrl+Q"]
    assert shortcuts["undo"] == ["Ctrl+Z"]
    assert shortcuts["redo"] == ["Ctrl+Shift+Z", "Ctrl+Y"]
    assert shortcuts["findContacts"] == ["Ctrl+F"]
    assert shortcuts["globalSearch"] == ["Ctrl+K"]
    assert shortcuts["go_settings"] == ["Ctrl+9"]
    assert "about" in shortcuts
    assert window.file_menu.title() == "&پرونده"


def test_status_bar_shows_user_database_count_and_sync(window: MainWindow) -> None:
    assert window.count_label.text() == "۳۰ مخاطب"
    assert "crm.sqlite3" in window.database_label.text()
    assert window.user_label.text() == "کاربر: انتخاب نشده"
    assert window.sync_label.text() == "بدون همگام‌سازی"
    user = create_user(window.db, "مینا احمدی", "mina")
    set_current_user(window.db, user.id)
    window.ctx.changes.announce(USERS, [user.id])
    assert window.user_label.text() == "کاربر: مینا احمدی"


def test_contact_count_follows_announcements(window: MainWindow) -> None:
    record = create_contact(window.db, changes_from_text({"first_name": "نازنین"}))
    window.ctx.changes.announce(CONTACTS, [record.id])
    assert window.count_label.text() == "۳۱ مخاطب"


def test_ctrl_f_searches_the_contacts_list_there_and_everything_elsewhere(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.show_page("contacts")
    activate(qtbot, window)
    ctrl(window, Qt.Key.Key_F)
    assert window.current_page_key() == "contacts" and window.search_dialog is None

    def search_has_focus() -> bool:
        focused = QApplication.focusWidget()
        return isinstance(focused, QLineEdit) and window.contacts_page.isAncestorOf(focused)

    qtbot.waitUntil(search_has_focus)
    window.show_page("settings")
    activate(qtbot, window)
    ctrl(window, Qt.Key.Key_F)
    dialog = window.search_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)


def test_ctrl_k_opens_the_global_search(qtbot: QtBot, window: MainWindow) -> None:
    activate(qtbot, window)
    ctrl(window, Qt.Key.Key_K)
    dialog = window.search_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert not dialog.isModal()


def test_ctrl_n_opens_a_new_contact(qtbot: QtBot, window: MainWindow) -> None:
    activate(qtbot, window)
    ctrl(window, Qt.Key.Key_N)
    opened = [w for (kind, _id), w in window.windows.items() if kind == "new contact"]
    assert len(opened) == 1 and opened[0].isVisible()
    opened[0].close()


def test_saved_filters_appear_and_apply(qtbot: QtBot, window: MainWindow) -> None:
    flt = ContactFilter(search="تهران")
    record = segments.save_segment(window.db, "مشتریان تهران", flt)
    window.ctx.changes.announce(SEGMENTS, [record.id])
    assert window.navigation.segment_names() == ["مشتریان تهران"]
    window.show_page("reports")
    nav = window.navigation
    item = nav.segment_items[record.id]
    qtbot.mouseClick(
        nav.viewport(), Qt.MouseButton.LeftButton, pos=nav.visualItemRect(item).center()
    )
    assert window.current_page_key() == "contacts"
    page = window.contacts_page
    assert page.current_filter() == flt
    assert page.search_edit.text() == "تهران"


def test_renaming_a_saved_filter_can_be_undone(qtbot: QtBot, window: MainWindow) -> None:
    record = segments.save_segment(window.db, "سرنخ‌ها", ContactFilter(lifecycles=("lead",)))
    window.ctx.changes.announce(SEGMENTS, [record.id])
    actions = window.segment_actions
    actions.ask_rename(record.id)
    dialog = actions.rename_dialog
    assert dialog is not None and dialog.isVisible() and dialog.textValue() == "سرنخ‌ها"
    dialog.setTextValue("سرنخ‌های تازه")
    dialog.accept()
    assert window.navigation.segment_names() == ["سرنخ‌های تازه"]
    activate(qtbot, window)
    ctrl(window, Qt.Key.Key_Z)
    assert window.navigation.segment_names() == ["سرنخ‌ها"]
    ctrl(window, Qt.Key.Key_Y)
    assert window.navigation.segment_names() == ["سرنخ‌های تازه"]


def test_deleting_a_saved_filter_from_its_menu(qtbot: QtBot, window: MainWindow) -> None:
    record = segments.save_segment(window.db, "سرنخ‌ها", ContactFilter(lifecycles=("lead",)))
    window.ctx.changes.announce(SEGMENTS, [record.id])
    nav = window.navigation
    menu = window.segment_actions.build_menu(record.id)
    [rename, delete] = menu.actions()
    assert (rename.text(), delete.text()) == ("تغییر نام…", "حذف فهرست")
    delete.trigger()
    assert nav.segment_names() == []
    assert segments.list_segments(window.db) == []
    assert window.undo_action.text() == "واگرد حذف فهرست «سرنخ‌ها»"
    assert window.notice_bar.label.text() == "فهرست «سرنخ‌ها» حذف شد."
    assert window.notice_bar.isVisible()
    activate(qtbot, window)
    ctrl(window, Qt.Key.Key_Z, shift=False)
    assert nav.segment_names() == ["سرنخ‌ها"]
    ctrl(window, Qt.Key.Key_Z, shift=True)
    assert nav.segment_names() == []


def test_geometry_and_page_are_remembered(
    qtbot: QtBot, people_db: Database, settings_sandbox: Path
) -> None:
    # Smaller than the offscreen screen (800x600), which restoreGeometry clamps to.
    first = build_main_window(people_db)
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    first.resize(QSize(760, 540))
    qtbot.waitUntil(lambda: first.size() == QSize(760, 540))
    first.show_page("activities")
    first.close()
    assert any(settings_sandbox.rglob("*.conf"))

    second = build_main_window(people_db)
    qtbot.addWidget(second)
    assert second.size() == QSize(760, 540)
    assert second.current_page_key() == "activities"

    third = build_main_window(people_db, page="dashboard")  # --page wins over the memory
    qtbot.addWidget(third)
    assert third.current_page_key() == "dashboard"


def test_english_layout_is_left_to_right(
    qtbot: QtBot, qapp: QApplication, people_db: Database
) -> None:
    try:
        english = build_main_window(people_db, "en")
        qtbot.addWidget(english)
        english.show()
        qtbot.waitExposed(english)
        assert english.layoutDirection() == Qt.LayoutDirection.LeftToRight
        assert english.navigation.layoutDirection() == Qt.LayoutDirection.LeftToRight
        assert english.navigation.page_titles()[:3] == ["Dashboard", "Contacts", "Companies"]
        english.close()
    finally:
        setup_application(qapp, "fa")
    persian = build_main_window(people_db, "fa")
    qtbot.addWidget(persian)
    assert persian.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert persian.navigation.page_titles()[0] == "داشبورد"


def edited_editor(qtbot: QtBot, window: MainWindow, type_text: TypeText) -> ContactEditor:
    """A contact editor with an unsaved city, open over ``window``."""
    contact_id = contact_ids(window.db, limit=1)[0]
    editor = window.open_contact(contact_id)
    assert isinstance(editor, ContactEditor)
    qtbot.waitExposed(editor)
    editor.view.city.clear()
    type_text(editor.view.city, "یزد")
    assert editor.is_dirty()
    return editor


def close_over_the_editor(window: MainWindow, editor: ContactEditor) -> QMessageBox:
    assert not window.close()
    box = editor.unsaved_prompt
    assert box is not None and box.isVisible()
    assert window.isVisible()
    return box


@pytest.mark.parametrize("answer", [Buttons.Save, Buttons.Discard])
def test_closing_over_an_unsaved_editor_closes_once_answered(
    qtbot: QtBot, window: MainWindow, type_text: TypeText, answer: QMessageBox.StandardButton
) -> None:
    editor = edited_editor(qtbot, window, type_text)
    contact_id = editor.contact_id
    assert contact_id is not None
    box = close_over_the_editor(window, editor)
    qtbot.mouseClick(box.button(answer), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.isVisible())  # no second close needed
    city = get_contact(window.db, contact_id).city
    assert (city == "یزد") == (answer == Buttons.Save)


def test_cancel_keeps_the_main_window_and_the_editor_open(
    qtbot: QtBot, window: MainWindow, type_text: TypeText
) -> None:
    editor = edited_editor(qtbot, window, type_text)
    box = close_over_the_editor(window, editor)
    qtbot.mouseClick(box.button(Buttons.Cancel), Qt.MouseButton.LeftButton)
    qtbot.wait(50)  # the window would close on a queued call
    assert window.isVisible() and editor.isVisible() and editor.view.city.text() == "یزد"
    # Closing the editor later on its own must not close the main window.
    editor.close()
    again = editor.unsaved_prompt
    assert again is not None
    qtbot.mouseClick(again.button(Buttons.Discard), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not editor.isVisible())
    qtbot.wait(50)
    assert window.isVisible()


def test_the_status_bar_says_when_long_work_is_under_way(window: MainWindow) -> None:
    job = object()
    assert window.busy_label.isHidden()
    window.ctx.work_started(job)
    assert window.busy_label.isVisible()
    window.ctx.work_finished(job)
    assert window.busy_label.isHidden()


def test_file_menu_opens_import_and_its_history(qtbot: QtBot, window: MainWindow) -> None:
    from crm_desktop.ui.importing.import_history import ImportHistoryDialog
    from crm_desktop.ui.importing.import_wizard import ImportWizard

    window.import_action.trigger()
    wizards = [w for w in QApplication.topLevelWidgets() if isinstance(w, ImportWizard)]
    assert len(wizards) == 1 and wizards[0].isVisible()
    assert wizards[0].state.path is None  # the user picks the file on its first page
    wizards[0].reject()
    window.import_history_action.trigger()
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, ImportHistoryDialog)]
    assert len(dialogs) == 1 and dialogs[0].isVisible()
    dialogs[0].close()


def _drop(window: MainWindow, path: Path) -> tuple[bool, bool]:
    """Drag ``path`` over the window and drop it: (drag accepted, drop accepted)."""
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent

    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path))])
    where = QPoint(window.width() // 2, window.height() // 2)
    enter = QDragEnterEvent(
        where,
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, enter)
    drop = QDropEvent(
        QPointF(where),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, drop)
    return enter.isAccepted(), drop.isAccepted()


def test_dropping_a_spreadsheet_on_the_window_opens_the_import_on_it(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    import openpyxl

    from crm_desktop.ui.importing.import_wizard import ImportWizard

    book = openpyxl.Workbook()
    sheet = book.create_sheet("مشتریان", 0)
    sheet.append(["نام", "موبایل"])
    sheet.append(["سارا", "09121112233"])
    path = tmp_path / "مشتریان.xlsx"
    book.save(path)
    note = tmp_path / "notes.txt"
    note.write_text("not a spreadsheet", encoding="utf-8")

    assert _drop(window, note) == (False, False)
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, ImportWizard)]
    assert _drop(window, path) == (True, True)
    wizards = [w for w in QApplication.topLevelWidgets() if isinstance(w, ImportWizard)]
    assert len(wizards) == 1
    qtbot.waitUntil(lambda: wizards[0].state.path == path, timeout=5000)
    wizards[0].reject()


def test_the_first_window_fits_the_screen(qtbot: QtBot, people_db: Database) -> None:
    # No saved geometry. The offscreen screen (800x800) is smaller than the default
    # size, as a 1366x768 laptop is in height: the whole window, frame and status bar
    # included, must be on it.
    window = build_main_window(people_db)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    available = window.screen().availableGeometry()
    outer = window.geometry().adjusted(0, 0, FRAME_ALLOWANCE.width(), FRAME_ALLOWANCE.height())
    assert outer.width() <= available.width() and outer.height() <= available.height()
    assert available.contains(window.geometry())
    status = window.statusBar()
    bottom = status.mapToGlobal(QPoint(status.width() // 2, status.height() - 1))
    assert available.contains(bottom) and status.isVisible()


CTRL = Qt.KeyboardModifier.ControlModifier


def test_moving_to_the_trash_says_so_with_undo(qtbot: QtBot, window: MainWindow) -> None:
    page = window.contacts_page
    qtbot.waitUntil(lambda: page.model.rowCount() > 2)
    table = page.table
    for row, modifier in ((0, Qt.KeyboardModifier.NoModifier), (1, CTRL)):
        pos = table.visualRect(page.model.index(row, 0)).center()
        QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, modifier, pos)
    ids = [page.model.contact_id(0), page.model.contact_id(1)]
    table.setFocus()
    QTest.keySequence(table, QKeySequence(QKeySequence.StandardKey.Delete))
    notice = window.notice_bar
    assert notice.isVisible() and notice.label.text() == "۲ مخاطب به سطل زباله رفت."
    assert notice.undo_button.isVisible()
    assert set(trashed_contact_ids(window.db)) == set(ids)

    qtbot.mouseClick(notice.undo_button, Qt.MouseButton.LeftButton)
    assert trashed_contact_ids(window.db) == []
    assert not notice.isVisible()

    # Undone another way (Ctrl+Z), the notice goes too: its Undo would do something else.
    window.contacts_page.controller.actions.delete([ids[0]])
    assert notice.label.text() == "۱ مخاطب به سطل زباله رفت."
    window.ctx.undo_stack.undo()
    assert not notice.isVisible()


def text_box(button: QToolButton) -> QRect:
    """Where the button's label is drawn: the pixels that differ without its text."""
    with_text = button.grab().toImage()
    label = button.text()
    button.setText("")
    without = button.grab().toImage()
    button.setText(label)
    box = QRect()
    for y in range(with_text.height()):
        for x in range(with_text.width()):
            if with_text.pixel(x, y) != without.pixel(x, y):
                box = box.united(QRect(x, y, 1, 1))
    assert not box.isEmpty()
    return box


def arrow_box(button: QToolButton) -> QRect:
    """Where Qt's common style draws the menu arrow of a button that opens on click: the
    trailing bottom corner (QCommonStyle::drawComplexControl, CC_ToolButton)."""
    size = button.style().pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator, None, button)
    rect = button.rect()
    arrow = QRect(rect.right() + 5 - size, rect.bottom() + 1 - size + 4, size - 6, size - 6)
    return QStyle.visualRect(button.layoutDirection(), rect, arrow)


@pytest.mark.parametrize("lang", ["fa", "en"])
def test_menu_buttons_leave_room_for_their_arrow(
    qtbot: QtBot, qapp: QApplication, people_db: Database, lang: str
) -> None:
    """The bulk actions and filter pickers open a menu: the arrow Qt draws in the
    trailing corner must not sit on the label's last (in Persian: first-read) letter."""
    window = build_main_window(people_db, lang)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    try:
        page = window.contacts_page
        page.filter_button.click()
        buttons = [
            b
            for b in page.findChildren(QToolButton)
            if (b.menu() or (b.defaultAction() and b.defaultAction().menu())) is not None
            and b.popupMode() == QToolButton.ToolButtonPopupMode.InstantPopup
            and b.isVisibleTo(window)
        ]
        assert len(buttons) >= 10  # 4 bulk actions, 7 filter pickers
        for button in buttons:
            text, arrow = text_box(button), arrow_box(button)
            assert not text.adjusted(-1, -1, 1, 1).intersects(arrow), button.text()
    finally:
        setup_application(qapp, "fa")
