"""The Jalali date field: round trips, typed Persian digits, no date, the popup calendar."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from PySide6.QtCore import QDate, QLocale, QPoint, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QToolButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from crm_desktop.ui.app import setup_application
from crm_desktop.ui.widgets.jalali_date_edit import JalaliDateEdit

TypeText = Callable[[QWidget, str], None]


@pytest.fixture
def edit(qtbot: QtBot, qapp: QApplication) -> JalaliDateEdit:
    setup_application(qapp, "fa")
    widget = JalaliDateEdit()
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def type_date(qtbot: QtBot, edit: JalaliDateEdit, type_text: TypeText, text: str) -> None:
    """Type into the field as a person does: focus it, select all, type, press Enter."""
    with qtbot.waitActive(edit.window()):
        edit.window().activateWindow()
    edit.setFocus()
    focused = QApplication.focusWidget()
    assert focused is edit.spin_box  # the keys reach the date field itself
    qtbot.keyClick(focused, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(focused, text)
    qtbot.keyClick(focused, Qt.Key.Key_Return)


@pytest.mark.parametrize(
    ("gregorian", "shown"),
    [
        (dt.date(2025, 3, 20), "۱۴۰۳/۱۲/۳۰"),  # last day of the leap year 1403
        (dt.date(2025, 3, 21), "۱۴۰۴/۰۱/۰۱"),  # Nowruz right after it
        (dt.date(2024, 3, 19), "۱۴۰۲/۱۲/۲۹"),  # last day of the common year 1402
        (dt.date(2024, 3, 20), "۱۴۰۳/۰۱/۰۱"),  # Nowruz
        (dt.date(1986, 7, 3), "۱۳۶۵/۰۴/۱۲"),
        (dt.date(2000, 2, 29), "۱۳۷۸/۱۲/۱۰"),
    ],
)
def test_round_trip(edit: JalaliDateEdit, gregorian: dt.date, shown: str) -> None:
    edit.setDate(gregorian)
    assert edit.spin_box.text() == shown
    assert edit.date() == gregorian


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        # Every form the command line reads (``parse_jalali_date``) types in.
        ("۱۳۶۵/۰۴/۱۲", dt.date(1986, 7, 3)),
        ("1365/04/12", dt.date(1986, 7, 3)),
        ("1365/4/12", dt.date(1986, 7, 3)),
        ("۱۴۰۳/۱۲/۳۰", dt.date(2025, 3, 20)),
        ("1404-01-01", dt.date(2025, 3, 21)),
        ("۱۳۶۵-۴-۱۲", dt.date(1986, 7, 3)),
        ("1365.4.12", dt.date(1986, 7, 3)),
        ("۱۳۶۵٫۴٫۱۲", dt.date(1986, 7, 3)),
        ("1365 / 4 / 12", dt.date(1986, 7, 3)),
        # A year above 1700 is Gregorian, as on the command line and in imports.
        ("1986-07-03", dt.date(1986, 7, 3)),
        ("۱۹۸۶/۷/۳", dt.date(1986, 7, 3)),
        ("1900-01-01", dt.date(1900, 1, 1)),  # the earliest birth date taken
    ],
)
def test_typed_dates(
    qtbot: QtBot, edit: JalaliDateEdit, type_text: TypeText, typed: str, expected: dt.date
) -> None:
    with qtbot.waitSignal(edit.dateChanged) as signal:
        type_date(qtbot, edit, type_text, typed)
    assert edit.date() == expected
    assert signal.args == [expected]
    edit.spin_box.clearFocus()
    assert edit.spin_box.text() == edit.spin_box.textFromDateTime(edit.spin_box.dateTime())


def test_a_day_that_does_not_exist_is_not_taken(
    qtbot: QtBot, edit: JalaliDateEdit, type_text: TypeText
) -> None:
    edit.setDate(dt.date(1986, 7, 3))
    type_date(qtbot, edit, type_text, "۱۴۰۴/۱۲/۳۰")  # 1404 is not a leap year
    assert edit.date() == dt.date(1986, 7, 3)  # kept, not replaced by a guess


def test_empty_state(qtbot: QtBot, edit: JalaliDateEdit, type_text: TypeText) -> None:
    assert edit.date() is None
    assert edit.spin_box.text().strip() == ""
    assert not edit.clear_button.isEnabled()

    edit.setDate(dt.date(1986, 7, 3))
    assert edit.clear_button.isEnabled()
    with qtbot.waitSignal(edit.dateChanged) as signal:
        qtbot.mouseClick(edit.clear_button, Qt.MouseButton.LeftButton)
    assert signal.args == [None]
    assert edit.date() is None and edit.spin_box.text().strip() == ""

    edit.setDate(dt.date(1986, 7, 3))
    line = edit.spin_box.lineEdit()
    line.selectAll()
    line.del_()
    edit.spin_box.interpretText()
    assert edit.date() is None


def test_popup_calendar_is_jalali_persian_and_starts_on_saturday(edit: JalaliDateEdit) -> None:
    edit.setDate(dt.date(2025, 3, 21))
    calendar = edit.spin_box.calendarWidget()
    assert edit.calendar_widget_system() == "Jalali"
    assert calendar.firstDayOfWeek() == Qt.DayOfWeek.Saturday
    assert calendar.locale().language() == QLocale.Language.Persian
    assert (calendar.yearShown(), calendar.monthShown()) == (1404, 1)
    month_button = calendar.findChild(QToolButton, "qt_calendar_monthbutton")
    year_button = calendar.findChild(QToolButton, "qt_calendar_yearbutton")
    assert month_button is not None and year_button is not None
    assert month_button.text() == "فروردین"
    assert year_button.text() == "۱۴۰۴"


# Opening a real popup: the offscreen platform cannot raise it or grab the keyboard.
@pytest.mark.qt_log_ignore(
    "This plugin does not support (raise|grabbing the keyboard|propagateSizeHints)"
)
def test_empty_field_opens_the_popup_on_this_month(qtbot: QtBot, edit: JalaliDateEdit) -> None:
    calendar = edit.spin_box.calendarWidget()
    spin = edit.spin_box
    arrow = QPoint(spin.width() - 6, spin.height() // 2)  # the drop-down arrow (LTR field)
    qtbot.mouseClick(spin, Qt.MouseButton.LeftButton, pos=arrow)
    qtbot.waitUntil(calendar.isVisible)
    today = calendar.calendar().partsFromDate(QDate.currentDate())
    assert (calendar.yearShown(), calendar.monthShown()) == (today.year, today.month)
    qtbot.keyClick(calendar, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not calendar.isVisible())
    assert edit.date() is None


def test_english_interface_uses_latin_digits_in_the_field_and_popup(
    qtbot: QtBot, qapp: QApplication
) -> None:
    setup_application(qapp, "en")
    try:
        widget = JalaliDateEdit()
        qtbot.addWidget(widget)
        widget.setDate(dt.date(2025, 3, 21))
        assert widget.spin_box.text() == "1404/01/01"
        assert widget.spin_box.locale().language() == QLocale.Language.English
        popup = widget.spin_box.calendarWidget()
        assert popup.locale().language() == QLocale.Language.English
        assert popup.calendar().name() == "Jalali"
    finally:
        setup_application(qapp, "fa")


def test_tab_takes_the_typed_date_and_goes_to_the_next_field(
    qtbot: QtBot, qapp: QApplication, type_text: TypeText
) -> None:
    setup_application(qapp, "fa")
    form = QWidget()
    layout = QVBoxLayout(form)
    edit = JalaliDateEdit()
    after = QLineEdit()
    layout.addWidget(edit)
    layout.addWidget(after)
    qtbot.addWidget(form)
    with qtbot.waitActive(form):
        form.show()
        form.activateWindow()
    edit.setFocus()
    type_text(edit.spin_box, "1365/04/12")
    qtbot.keyClick(edit.spin_box, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is after  # not the date's month section
    assert edit.date() == dt.date(1986, 7, 3)
    assert edit.spin_box.text() == "۱۳۶۵/۰۴/۱۲"
