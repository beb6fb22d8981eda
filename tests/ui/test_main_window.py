"""The main window: direction, font, navigation, segments, status bar, shortcuts, settings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtGui import QFontInfo
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QTableView
from pytestqt.qtbot import QtBot

from crm_desktop.models.database import Database
from crm_desktop.services import segments
from crm_desktop.services.contact_list import ContactFilter
from crm_desktop.services.contacts import create_contact
from crm_desktop.services.fields import changes_from_text
from crm_desktop.ui.app import build_main_window, setup_application
from crm_desktop.ui.context import CONTACTS, SEGMENTS
from crm_desktop.ui.main_window import MainWindow
from crm_desktop.ui.placeholder_page import PlaceholderPage

NAVIGATION = ["داشبورد", "مخاطبین", "شرکت‌ها", "قیف فروش", "فعالیت‌ها", "گزارش‌ها", "تنظیمات"]
KEYS = ["dashboard", "contacts", "companies", "pipeline", "activities", "reports", "settings"]


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
    assert isinstance(page, PlaceholderPage)
    assert page.title_label.text() == "قیف فروش"
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
    assert shortcuts["go_settings"] == ["Ctrl+7"]
    assert "about" in shortcuts
    assert window.file_menu.title() == "&پرونده"


def test_status_bar_shows_user_database_count_and_sync(window: MainWindow) -> None:
    assert window.count_label.text() == "۳۰ مخاطب"
    assert "crm.sqlite3" in window.database_label.text()
    assert window.user_label.text()
    assert window.sync_label.text() == "بدون همگام‌سازی"


def test_contact_count_follows_announcements(window: MainWindow) -> None:
    record = create_contact(window.db, changes_from_text({"first_name": "نازنین"}))
    window.ctx.changes.announce(CONTACTS, [record.id])
    assert window.count_label.text() == "۳۱ مخاطب"


def test_ctrl_f_focuses_the_contact_search(qtbot: QtBot, window: MainWindow) -> None:
    window.show_page("settings")
    activate(qtbot, window)
    ctrl(window, Qt.Key.Key_F)
    assert window.current_page_key() == "contacts"

    def search_has_focus() -> bool:
        focused = QApplication.focusWidget()
        return isinstance(focused, QLineEdit) and window.contacts_page.isAncestorOf(focused)

    qtbot.waitUntil(search_has_focus)


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
    assert window.undo_action.text() == "واگردانی حذف فهرست «سرنخ‌ها»"
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


def test_english_layout_is_left_to_right(qapp: QApplication) -> None:
    try:
        setup_application(qapp, "en")
        assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight
    finally:
        setup_application(qapp, "fa")
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
