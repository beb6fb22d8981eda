"""The application's style: the platform's own, with one fix for menu buttons.

A tool button that opens a menu on click (``InstantPopup``: the bulk actions, the filter
pickers) gets a small arrow in its trailing corner, but Qt's common style reserves no
room for it: the arrow sits on the last letter of the label, in right-to-left text the
first one read. This style makes such a button that much wider and keeps its label clear
of the arrow, on whichever side the layout direction puts it. And no dialog button
has an icon, as on Windows, so that every Close button looks the same.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QApplication,
    QProxyStyle,
    QStyle,
    QStyleFactory,
    QStyleHintReturn,
    QStyleOption,
    QStyleOptionToolButton,
    QWidget,
)

Features = QStyleOptionToolButton.ToolButtonFeature


def _arrow_without_room(option: QStyleOption | None) -> bool:
    if not isinstance(option, QStyleOptionToolButton):
        return False
    features = option.features
    return bool(features & Features.HasMenu) and not features & Features.MenuButtonPopup


class AppStyle(QProxyStyle):
    def styleHint(  # noqa: N802 (Qt's name)
        self,
        hint: QStyle.StyleHint,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
        returnData: QStyleHintReturn | None = None,  # noqa: N803 (Qt's name)
    ) -> int:
        # Some desktops put icons on a dialog's standard buttons (Close, OK) and none on
        # the others, so one Close button in the application had one: none have.
        if hint == QStyle.StyleHint.SH_DialogButtonBox_ButtonsHaveIcons:
            return 0
        return super().styleHint(hint, option, widget, returnData)

    def sizeFromContents(  # noqa: N802 (Qt's name)
        self,
        contents: QStyle.ContentsType,
        option: QStyleOption,
        size: QSize,
        widget: QWidget | None = None,
    ) -> QSize:
        found = super().sizeFromContents(contents, option, size, widget)  # type: ignore[arg-type]
        if contents == QStyle.ContentsType.CT_ToolButton and _arrow_without_room(option):
            found.setWidth(found.width() + self._arrow_room(option, widget))
        return found

    def drawControl(  # noqa: N802 (Qt's name)
        self,
        element: QStyle.ControlElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if element == QStyle.ControlElement.CE_ToolButtonLabel and _arrow_without_room(option):
            assert isinstance(option, QStyleOptionToolButton)
            label = QStyleOptionToolButton(option)
            room = self._arrow_room(option, widget)
            rect = QRect(option.rect)
            rect.setWidth(rect.width() - room)  # the arrow's side, mirrored below for RTL
            label.rect = QStyle.visualRect(option.direction, option.rect, rect)
            super().drawControl(element, label, painter, widget)
            return
        super().drawControl(element, option, painter, widget)

    def _arrow_room(self, option: QStyleOption, widget: QWidget | None) -> int:
        return self.pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator, option, widget) - 4


def install_style(app: QApplication) -> None:
    """Wrap the platform's style once (a second call keeps the first)."""
    if isinstance(app.style(), AppStyle):
        return
    base = QStyleFactory.create(app.style().name())
    app.setStyle(AppStyle(base) if base is not None else AppStyle())
