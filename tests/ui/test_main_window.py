"""The main window: direction, font, navigation, status bar, shortcuts, geometry."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtGui import QFontInfo
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from crm_desktop.models.database import Database
from crm_desktop.ui.app import build_main_window, setup_application
from crm_desktop.ui.main_window import MainWindow
from crm_desktop.ui.placeholder_page import PlaceholderPage

NAVIGATION = ["داشبورد", "مخاطبین", "شرکت‌ها", "قیف فروش", "فعالیت‌ها", "گزارش‌ها", "تنظیمات"]


def test_window_is_right_to_left_in_vazirmatn(window: MainWindow) -> None:
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.contacts_page.table.layoutDirection() == Qt.LayoutDirection.RightToLeft
    # QFontInfo reports the font actually matched, so this fails if the TTF did not load.
    assert QFontInfo(window.font()).family() == "Vazirmatn"
    assert QFontInfo(window.contacts_page.table.font()).family() == "Vazirmatn"


def test_title_names_the_database_file(window: MainWindow) -> None:
    assert window.windowTitle() == "مدیریت ارتباط با مشتری — crm.sqlite3"


def test_title_prefers_the_office_name(qtbot: QtBot, db: Database) -> None:
    db.set_setting("office_name", "دفتر فروش شرق")
    win = build_main_window(db)
    qtbot.addWidget(win)
    assert win.windowTitle() == "مدیریت ارتباط با مشتری — دفتر فروش شرق"


def test_navigation_lists_the_pages_in_order_on_the_right(window: MainWindow) -> None:
    nav = window.navigation
    assert [nav.item(i).text() for i in range(nav.count())] == NAVIGATION
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


def test_clicking_navigation_switches_page(window: MainWindow) -> None:
    window.navigation.setCurrentRow(NAVIGATION.index("گزارش‌ها"))
    assert window.current_page_key() == "reports"
    assert window.stack.currentWidget() is window.pages["reports"]


def test_status_bar_shows_user_database_and_count(window: MainWindow) -> None:
    assert window.count_label.text() == "۳۰ مخاطب"
    assert "crm.sqlite3" in window.database_label.text()
    assert window.user_label.text()


def test_ctrl_f_focuses_the_contact_search(qtbot: QtBot, window: MainWindow) -> None:
    window.show_page("settings")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_key() == "contacts"
    qtbot.waitUntil(window.contacts_page.search_edit.hasFocus)


def test_geometry_is_restored_from_settings(
    qtbot: QtBot, people_db: Database, settings_sandbox: Path
) -> None:
    # Smaller than the offscreen screen (800x600), which restoreGeometry clamps to.
    first = build_main_window(people_db)
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    first.resize(QSize(760, 540))
    qtbot.waitUntil(lambda: first.size() == QSize(760, 540))
    first.close()
    assert any(settings_sandbox.rglob("*.conf"))

    second = build_main_window(people_db)
    qtbot.addWidget(second)
    assert second.size() == QSize(760, 540)


def test_english_layout_is_left_to_right(qapp: QApplication) -> None:
    try:
        setup_application(qapp, "en")
        assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight
    finally:
        setup_application(qapp, "fa")
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
