"""The kanban's view: one column per stage, side by side, in the interface's direction.

In Persian the first stage is on the right (the layout's leading side). A column is its
header (the stage, its count, total and weighted amount: the service's figures over
all its deals, not the loaded cards) over a list of cards. The keyboard moves a card
too: Ctrl with the arrows takes it to the column beside it (left or right as seen) or
up and down its own column.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.services.records import StageColumn
from crm_desktop.ui.pipeline.card_delegate import CardDelegate
from crm_desktop.ui.pipeline.card_model import CardModel
from crm_desktop.ui.widgets.display import amount_text, display_number, display_percent

COLUMN_WIDTH = 250


class CardList(QListView):
    """A column's cards: dragged and dropped, or moved with Ctrl and the arrows."""

    step_requested = Signal(str, int)  # deal id; +1 the next stage, -1 the previous one
    reorder_requested = Signal(str, int)  # deal id; -1 up one card, +1 down one

    def __init__(
        self, model: CardModel, delegate: CardDelegate, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setItemDelegate(delegate)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setUniformItemSizes(True)
        self.setFrameShape(QFrame.Shape.NoFrame)

    def card_model(self) -> CardModel:
        model = self.model()
        assert isinstance(model, CardModel)
        return model

    def current_deal(self) -> str | None:
        index = self.currentIndex()
        if not index.isValid():
            return None
        return self.card_model().cards[index.row()].id

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        deal = self.current_deal()
        key = Qt.Key(event.key())
        ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if deal is None or not ctrl:
            super().keyPressEvent(event)
            return
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            # The next stage is on the trailing side: the left in a right-to-left layout.
            rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
            self.step_requested.emit(deal, 1 if (key == Qt.Key.Key_Left) == rtl else -1)
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.reorder_requested.emit(deal, -1 if key == Qt.Key.Key_Up else 1)
        else:
            super().keyPressEvent(event)
            return
        event.accept()


class StageColumnView(QFrame):
    """A stage's column: its header and its cards."""

    def __init__(
        self, column: StageColumn, delegate: CardDelegate, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("stageColumn")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFixedWidth(COLUMN_WIDTH)
        self.stage_id = column.stage_id
        self.column = column
        self.delegate = delegate
        self.title = QLabel()
        self.title.setObjectName("stageTitle")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.figures = QLabel()
        self.figures.setObjectName("stageFigures")
        self.model = CardModel(column.stage_id, self)
        self.cards = CardList(self.model, delegate)
        self.cards.setObjectName("stageCards")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addWidget(self.figures)
        layout.addWidget(self.cards, 1)
        self.show_totals(column)

    def show_totals(self, column: StageColumn) -> None:
        self.column = column
        self.title.setText(
            self.tr("%1 (%2)")
            .replace("%1", column.stage)
            .replace("%2", display_number(column.count))
        )
        unit = self.delegate.unit
        lines = [amount_text(column.amount, unit)]
        if not (column.is_won or column.is_lost):
            lines.append(
                self.tr("وزنی %1 (%2)")
                .replace("%1", amount_text(column.weighted, unit))
                .replace("%2", display_percent(column.probability))
            )
        self.figures.setText("\n".join(lines))


class Board(QScrollArea):
    """The columns, side by side, scrolling sideways when they do not fit."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kanbanBoard")
        self.setWidgetResizable(True)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.inner = QWidget()
        self.row = QHBoxLayout(self.inner)
        self.row.setContentsMargins(4, 4, 4, 4)
        self.row.setSpacing(8)
        self.row.addStretch(1)
        self.setWidget(self.inner)
        self.columns: list[StageColumnView] = []

    def set_columns(self, columns: list[StageColumnView]) -> None:
        for old in self.columns:
            self.row.removeWidget(old)
            old.deleteLater()
        self.columns = columns
        for i, column in enumerate(columns):
            self.row.insertWidget(i, column)

    def column_of(self, stage_id: str) -> StageColumnView | None:
        return next((c for c in self.columns if c.stage_id == stage_id), None)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(COLUMN_WIDTH * 4, 500)
