"""How a deal's card reads: title, customer, amount and owner, expected date, marks.

Painted, not built of widgets: a column of hundreds of cards stays one list view. Each
line is laid out in the interface's direction (right to left in Persian) and elided
where it does not fit; amounts and dates use the interface's digits. A card is marked
when its expected close has passed (overdue) or for ``IDLE_DAYS`` nothing about it
changed and no activity about it was done (idle), unless it is won or lost.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from crm_desktop.locale import format_jalali, parse_amount
from crm_desktop.services.office import office_day, office_today
from crm_desktop.services.records import DealRecord
from crm_desktop.ui.pipeline.card_model import DEAL_ROLE
from crm_desktop.ui.widgets.display import amount_text, left_to_right, persian_digits_enabled

IDLE_DAYS = 14
_PAD = 8  # inside a card
_GAP = 4  # between cards
_LINES = 4
_OVERDUE = QColor("#b3261e")
_IDLE = QColor("#8a5a00")


def card_marks(card: DealRecord, today: dt.date) -> tuple[bool, bool]:
    """(overdue, idle) of an open deal on ``today``; a won or lost one has neither."""
    if card.is_won or card.is_lost:
        return False, False
    overdue = card.expected_close is not None and card.expected_close < today
    idle = (today - office_day(card.last_touched)).days >= IDLE_DAYS
    return overdue, idle


_UNIT_WORD = {"rial": "ریال", "toman": "تومان"}


def amount_input_text(rials: int, unit: str) -> str:
    """An amount as a field shows it for typing over: in the office's unit, without the
    unit's name, every rial kept (``۱٬۲۳۴٫۵`` tomans for 12,345 rials)."""
    text = amount_text(rials, unit)
    return text.rsplit(" ", 1)[0]


def typed_amount(text: str, unit: str) -> int:
    """The rials of an amount typed in the office's unit, or with its own unit after it
    ("۱۲٬۰۰۰ تومان"); ``InvalidInput`` for what is not one."""
    text = text.strip()
    named = text[-1:].isalpha()
    return parse_amount(text if named else f"{text} {_UNIT_WORD[unit]}")


class CardDelegate(QStyledItemDelegate):
    def __init__(self, parent: QObject | None = None, *, unit: str = "rial") -> None:
        super().__init__(parent)
        self.unit = unit
        self.today = office_today()

    def sizeHint(  # noqa: N802 (Qt's name)
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        line = QFontMetrics(option.font).lineSpacing()
        return QSize(200, _LINES * line + 2 * _PAD + _GAP)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        card = index.data(DEAL_ROLE)
        if not isinstance(card, DealRecord):
            return
        rect: QRect = option.rect.adjusted(2, _GAP // 2, -2, -_GAP // 2)
        palette: QPalette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(
            QPen(
                palette.color(QPalette.ColorRole.Highlight if selected else QPalette.ColorRole.Mid),
                1.5 if selected else 1,
            )
        )
        painter.setBrush(palette.color(QPalette.ColorRole.Base))
        painter.drawRoundedRect(rect, 6, 6)
        overdue, idle = card_marks(card, self.today)
        if overdue or idle:  # a strip on the card's leading edge
            strip = QRect(rect)
            rtl = option.direction == Qt.LayoutDirection.RightToLeft
            strip.setWidth(4)
            if rtl:
                strip.moveRight(rect.right())
            painter.fillRect(strip, _OVERDUE if overdue else _IDLE)
        self._lines(
            painter,
            option,
            rect.adjusted(_PAD, _PAD, -_PAD, -_PAD),
            card,
            overdue=overdue,
            idle=idle,
        )
        painter.restore()

    def _lines(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        rect: QRect,
        card: DealRecord,
        *,
        overdue: bool,
        idle: bool,
    ) -> None:
        font: QFont = QFont(option.font)
        metrics = QFontMetrics(font)
        line = metrics.lineSpacing()
        direction: Qt.LayoutDirection = option.direction
        lead = QStyle.visualAlignment(direction, Qt.AlignmentFlag.AlignLeft)
        trail = QStyle.visualAlignment(direction, Qt.AlignmentFlag.AlignRight)
        text = option.palette.color(QPalette.ColorRole.Text)
        quiet = option.palette.color(QPalette.ColorRole.PlaceholderText)

        def put(
            row: int,
            value: str,
            align: Qt.AlignmentFlag,
            *,
            bold: bool = False,
            color: QColor = text,
            width: int | None = None,
        ) -> None:
            shown = QFont(font)
            shown.setBold(bold)
            painter.setFont(shown)
            painter.setPen(color)
            box = QRect(rect.left(), rect.top() + row * line, rect.width(), line)
            room = width if width is not None else box.width()
            elided = QFontMetrics(shown).elidedText(value, Qt.TextElideMode.ElideRight, room)
            painter.drawText(box, int(align | Qt.AlignmentFlag.AlignVCenter), elided)

        put(0, card.title, lead, bold=True)
        customer = " – ".join(p for p in (card.contact, card.company) if p)
        put(1, customer, lead, color=quiet)
        amount = amount_text(card.amount, self.unit)
        bold = QFont(font)
        bold.setBold(True)
        amount_width = QFontMetrics(bold).horizontalAdvance(amount) + 4
        put(2, amount, lead, bold=True, width=amount_width)
        put(
            2,
            card.owner or "",
            trail,
            color=quiet,
            width=max(rect.width() - amount_width - _PAD, 0),
        )
        when = (
            left_to_right(
                format_jalali(card.expected_close, persian_digits=persian_digits_enabled())
            )
            if card.expected_close
            else ""
        )
        put(3, when, lead, color=_OVERDUE if overdue else quiet)
        mark = ""
        if overdue:
            mark = self.tr("دیرکرد")
        elif idle:
            mark = self.tr("بی‌تحرک")
        if mark:
            put(3, mark, trail, bold=True, color=_OVERDUE if overdue else _IDLE)
