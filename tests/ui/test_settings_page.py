"""The settings screen: the office's name and weekend, the user at this laptop."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QCalendarWidget, QTableView, QWidget
from pytestqt.qtbot import QtBot

from crm_desktop.services import office, users
from crm_desktop.ui.shell.main_window import MainWindow
from crm_desktop.ui.shell.settings_page import SettingsPage
from crm_desktop.ui.widgets.jalali_date_edit import WEEKEND_COLOR, JalaliDateEdit

TypeText = Callable[[QWidget, str], None]
# The popup's header row names the days; Iranian weeks run Saturday to Friday.
DAY_NAMES = ["شنبه", "یکشنبه", "دوشنبه", "سه‌شنبه", "چهارشنبه", "پنجشنبه", "جمعه"]


def red_days(calendar: QCalendarWidget) -> list[str]:
    """The days whose column the popup draws in the weekend colour, by header name:
    the day's name and its days of the month shown (days of the months before and after
    are greyed, as in any calendar)."""
    view = calendar.findChild(QTableView, "qt_calendar_calendarview")
    assert view is not None
    model = view.model()
    red = []
    weekend = WEEKEND_COLOR.name()
    for column in range(model.columnCount()):
        colours = [
            QColor(model.data(model.index(row, column), Qt.ItemDataRole.ForegroundRole)).name()
            for row in range(model.rowCount())
        ]
        if colours[0] == weekend and colours.count(weekend) >= 4:
            red.append(str(model.data(model.index(0, column), Qt.ItemDataRole.DisplayRole)))
        else:
            assert weekend not in colours
    return red


def settings_page(qtbot: QtBot, window: MainWindow) -> SettingsPage:
    window.show_page("settings")
    page = window.stack.currentWidget()
    assert isinstance(page, SettingsPage)
    return page


def weekend_of_a_new_date_field(qtbot: QtBot) -> list[str]:
    field = JalaliDateEdit()
    qtbot.addWidget(field)
    calendar = field.spin_box.calendarWidget()
    assert calendar.firstDayOfWeek() == Qt.DayOfWeek.Saturday
    return red_days(calendar)


def test_the_calendar_colours_friday_only_by_default(qtbot: QtBot, window: MainWindow) -> None:
    assert weekend_of_a_new_date_field(qtbot) == ["جمعه"]


# Opening a real popup: the offscreen platform cannot raise it or grab the keyboard.
@pytest.mark.qt_log_ignore(
    "This plugin does not support (raise|grabbing the keyboard|propagateSizeHints)"
)
def test_the_office_weekend_reaches_every_calendar(qtbot: QtBot, window: MainWindow) -> None:
    page = settings_page(qtbot, window)
    assert [c.isChecked() for c in page.weekend_checks.values()] == [False] * 6 + [True]
    assert [c.text() for c in page.weekend_checks.values()] == DAY_NAMES

    open_field = JalaliDateEdit()  # made before the change, its popup opened after it
    qtbot.addWidget(open_field)
    qtbot.mouseClick(page.weekend_checks[office.THURSDAY], Qt.MouseButton.LeftButton)
    assert office.weekend_days(window.db) == frozenset({office.THURSDAY, office.FRIDAY})
    assert weekend_of_a_new_date_field(qtbot) == ["پنجشنبه", "جمعه"]
    open_field.show()
    qtbot.waitExposed(open_field)
    spin = open_field.spin_box
    calendar = spin.calendarWidget()
    arrow = QPoint(spin.width() - 6, spin.height() // 2)  # the drop-down arrow (LTR field)
    qtbot.mouseClick(spin, Qt.MouseButton.LeftButton, pos=arrow)
    qtbot.waitUntil(calendar.isVisible)
    assert red_days(calendar) == ["پنجشنبه", "جمعه"]
    qtbot.keyClick(calendar, Qt.Key.Key_Escape)

    qtbot.mouseClick(page.weekend_checks[office.FRIDAY], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.weekend_checks[office.THURSDAY], Qt.MouseButton.LeftButton)
    assert office.weekend_days(window.db) == frozenset()
    assert weekend_of_a_new_date_field(qtbot) == []


def test_office_name_and_user_are_saved_as_typed(
    qtbot: QtBot, window: MainWindow, type_text: TypeText
) -> None:
    page = settings_page(qtbot, window)
    page.office_edit.selectAll()
    type_text(page.office_edit, "دفتر فروش اصفهان")
    qtbot.keyClick(page.office_edit, Qt.Key.Key_Return)
    assert office.office_name(window.db) == "دفتر فروش اصفهان"
    assert "دفتر فروش اصفهان" in window.windowTitle()

    other = users.create_user(window.db, "مریم حسینی", "maryam")
    window.ctx.changes.announce("users", [other.id])
    page.user_combo.setCurrentIndex(page.user_combo.findData(other.id))
    assert users.current_user(window.db) == other
    assert "مریم حسینی" in window.user_label.text()


def test_english_day_names(qtbot: QtBot, qapp: QApplication, people_db) -> None:
    from crm_desktop.ui.app import build_main_window, setup_application

    win = build_main_window(people_db, "en")
    qtbot.addWidget(win)
    try:
        page = settings_page(qtbot, win)
        assert page.weekend_checks[office.FRIDAY].text() == "Friday"
        assert page.weekend_checks[0].text() == "Saturday"
    finally:
        setup_application(qapp, "fa")


def test_office_country_reads_phones_without_a_code(
    qtbot: QtBot, window: MainWindow, tmp_path
) -> None:
    from crm_desktop.services.importer import import_file
    from tests.importer_files import write_csv

    page = settings_page(qtbot, window)
    combo = page.country_combo
    assert combo.currentData() == "IR" and combo.currentText() == "ایران"
    combo.setFocus()
    # Chosen with the keyboard, as a user would: the list is short and alphabetical enough.
    while combo.currentData() != "DE":
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert office.office_region(window.db) == "DE"
    path = write_csv(tmp_path / "de.csv", [["Name", "Phone"], ["Hans Meier", "030 901820"]])
    result = import_file(window.db, path)
    assert result.warnings == [] and result.created == 1
