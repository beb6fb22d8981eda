"""A date field in the Jalali calendar, with Persian digits and an empty state.

Qt's ``QDateEdit`` draws and steps Jalali dates once given ``QCalendar`` Jalali and a
Persian locale, but its parser only takes text in exactly its display format. People
type ``1365/4/12`` or ``۱۳۶۵/۰۴/۱۲``, so the editor also accepts whatever
``locale.parse_jalali_date`` reads. No date at all is the editor's minimum date shown
as blank text (``specialValueText``), which is how ``QDateTimeEdit`` spells "null".
"""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QCalendar, QDate, QDateTime, QEvent, QLocale, QObject, Qt, QTime, Signal
from PySide6.QtGui import QColor, QKeyEvent, QTextCharFormat, QValidator
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCalendarWidget,
    QDateEdit,
    QHBoxLayout,
    QToolButton,
    QWidget,
)

from crm_desktop.errors import InvalidInput
from crm_desktop.locale import parse_jalali_date, to_ascii_digits, to_persian_digits
from crm_desktop.services.office import DAYS_IN_WEEK, DEFAULT_WEEKEND
from crm_desktop.ui.widgets.display import persian_digits_enabled

# The blank value: before the earliest birth date taken (1900-01-01), so that date
# can be typed, and inside jdatetime's range.
EMPTY_DATE = QDate(1800, 1, 1)
DISPLAY_FORMAT = "yyyy/MM/dd"
# What a date looks like while it is being typed: digits and one kind of separator.
_PARTIAL = re.compile(r"\d{0,4}(?:([/\-.\u066b])\d{0,2}(?:\1\d{0,2})?)?", re.ASCII)
# Keys that separate the parts of a typed date.
_SEPARATORS = frozenset("/-.\u066b ")


WEEKEND_COLOR = QColor("#c62828")
# The office's weekend (Saturday 0 ... Friday 6), set from its settings by the
# application context; every calendar popup reads it when it opens.
_office_weekend: frozenset[int] = DEFAULT_WEEKEND


def jalali_calendar() -> QCalendar:
    return QCalendar(QCalendar.System.Jalali)


def set_office_weekend(days: frozenset[int]) -> None:
    global _office_weekend  # noqa: PLW0603 (one setting for every calendar of the app)
    _office_weekend = frozenset(days)


def office_weekend() -> frozenset[int]:
    return _office_weekend


def qt_day_of_week(index: int) -> Qt.DayOfWeek:
    """Qt's day (Monday 1 ... Sunday 7) of a day of the Iranian week (Saturday 0)."""
    return Qt.DayOfWeek((index + 5) % DAYS_IN_WEEK + 1)


def paint_weekend(calendar: QCalendarWidget, weekend: frozenset[int]) -> None:
    """Colour the weekend days, and only them: Qt colours Saturday and Sunday itself."""
    for index in range(DAYS_IN_WEEK):
        text_format = QTextCharFormat()
        if index in weekend:
            text_format.setForeground(WEEKEND_COLOR)
        calendar.setWeekdayTextFormat(qt_day_of_week(index), text_format)


def _typed(text: str) -> str:
    return to_ascii_digits(text).replace(" ", "").strip()


class JalaliSpinBox(QDateEdit):
    """The ``QDateEdit`` inside ``JalaliDateEdit``: reads any usual typed Jalali form."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._calendar = jalali_calendar()
        self.setCalendar(self._calendar)
        # Digits and month names follow the interface language; the calendar stays Jalali.
        self.setLocale(
            QLocale(QLocale.Language.Persian, QLocale.Country.Iran)
            if persian_digits_enabled()
            else QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
        )
        self.setDisplayFormat(DISPLAY_FORMAT)
        self.setCalendarPopup(True)
        # Read typed text when it is done (Enter, leaving the field), not per key: a
        # half-typed "1365/4/1" is a valid date that Qt would re-format under the cursor.
        self.setKeyboardTracking(False)
        self.setMinimumDate(EMPTY_DATE)
        self.setSpecialValueText(" ")
        self.setDate(EMPTY_DATE)
        self.calendarWidget().installEventFilter(self)
        paint_weekend(self.calendarWidget(), office_weekend())
        # Dates read left to right ("۱۳۶۵/۰۴/۱۲"), also inside the Persian interface.
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        # A blank field would open the popup in 1800: start on this month instead.
        if event.type() == QEvent.Type.Show:
            # The office may have changed its weekend since this field was made.
            paint_weekend(self.calendarWidget(), office_weekend())
            if self.date() == self.minimumDate():
                self.calendarWidget().showToday()
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        # QDateTimeEdit takes a key that matches the display format's separator ("/")
        # as "go to the next section" and drops it, so "1365/04/12" typed into an
        # empty field stopped at "1365". A separator is plain text here, like a digit.
        if event.text() and event.text() in _SEPARATORS:
            QAbstractSpinBox.keyPressEvent(self, event)
            return
        super().keyPressEvent(event)

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802 (Qt names)
        # QDateTimeEdit spends Tab on moving between year, month and day; in a field
        # that is typed as a whole, Tab goes on to the next field, as everywhere else.
        return QWidget.focusNextPrevChild(self, next)

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        typed = _typed(text)
        if not typed:
            return QValidator.State.Acceptable, text, pos
        try:
            parse_jalali_date(typed)
        except InvalidInput:
            state = (
                QValidator.State.Intermediate
                if _PARTIAL.fullmatch(typed)
                else QValidator.State.Invalid
            )
            return state, text, pos
        return QValidator.State.Acceptable, text, pos

    def dateTimeFromText(self, text: str) -> QDateTime:  # noqa: N802
        typed = _typed(text)
        if not typed:
            return QDateTime(EMPTY_DATE, QTime(0, 0))
        try:
            day = parse_jalali_date(typed)
        except InvalidInput:
            return self.dateTime()
        return QDateTime(QDate(day.year, day.month, day.day), QTime(0, 0))

    def textFromDateTime(self, value: QDateTime) -> str:  # noqa: N802
        if value.date() == self.minimumDate():
            return self.specialValueText()
        parts = self._calendar.partsFromDate(value.date())
        text = f"{parts.year:04d}/{parts.month:02d}/{parts.day:02d}"
        return to_persian_digits(text) if persian_digits_enabled() else text


class JalaliDateEdit(QWidget):
    """A Jalali date or no date; ``date()`` is a Gregorian ``datetime.date`` or None."""

    dateChanged = Signal(object)  # noqa: N815 (Qt naming) - a datetime.date or None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spin_box = JalaliSpinBox()
        self.spin_box.setObjectName("jalaliDate")
        self.clear_button = QToolButton()
        self.clear_button.setObjectName("clearDate")
        self.clear_button.setText("✕")
        self.clear_button.setToolTip(self.tr("پاک کردن تاریخ"))
        self.clear_button.setAutoRaise(True)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.spin_box, 1)
        layout.addWidget(self.clear_button)
        self.setFocusProxy(self.spin_box)

        self._last: dt.date | None = None
        self.clear_button.clicked.connect(self.clear)
        self.spin_box.dateChanged.connect(self._on_spin_changed)
        self._update_clear_button()

    def date(self) -> dt.date | None:
        return self._to_python(self.spin_box.date())

    def setDate(self, value: dt.date | None) -> None:  # noqa: N802
        self.spin_box.setDate(
            EMPTY_DATE if value is None else QDate(value.year, value.month, value.day)
        )

    def clear(self) -> None:
        self.setDate(None)

    def calendar_widget_system(self) -> str:
        """The calendar system of the popup (for tests and diagnostics)."""
        return self.spin_box.calendarWidget().calendar().name()

    def _to_python(self, value: QDate) -> dt.date | None:
        if not value.isValid() or value == EMPTY_DATE:
            return None
        return dt.date(value.year(), value.month(), value.day())

    def _on_spin_changed(self, value: QDate) -> None:
        current = self._to_python(value)
        self._update_clear_button()
        if current != self._last:
            self._last = current
            self.dateChanged.emit(current)

    def _update_clear_button(self) -> None:
        self.clear_button.setEnabled(self.date() is not None)
