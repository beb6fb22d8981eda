"""One kanban column's cards: a list model that loads them a page at a time.

A column of a thousand deals shows its first cards at once and fetches the next page
as the list scrolls (``canFetchMore``/``fetchMore``): the board opens in the same
time whatever the pipeline holds. A card is dragged as its deal's id; a drop only
asks for the move (``drop_requested``), and the board redraws from the change signal
once the move is saved: no card is moved by the view itself.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from crm_desktop.services.records import DealRecord

# The deal a dragged card stands for.
DEAL_MIME = "application/x-crm-desktop-deal"
# Cards fetched at a time.
PAGE = 40

DEAL_ROLE = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex
# Loads ``limit`` cards of the column from ``offset``.
Loader = Callable[[int, int], Sequence[DealRecord]]


class CardModel(QAbstractListModel):
    drop_requested = Signal(str, str, object, object)  # deal id, stage id, above, below

    def __init__(self, stage_id: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.stage_id = stage_id
        self.cards: list[DealRecord] = []
        self.total = 0  # cards of the column (the totals' count), loaded or not
        self._load: Loader | None = None

    def reset(self, load: Loader, total: int) -> None:
        """Show the column again from its first page (``total`` cards in all)."""
        self.beginResetModel()
        self._load, self.total = load, total
        self.cards = list(load(0, PAGE)) if total else []
        self.endResetModel()

    # -- reading -------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.cards)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.cards):
            return None
        card = self.cards[index.row()]
        if role == DEAL_ROLE:
            return card
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return card.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(p for p in (card.title, card.contact, card.company) if p)
        return None

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and len(self.cards) < self.total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008, N802
        if parent.isValid() or self._load is None:
            return
        more = list(self._load(len(self.cards), PAGE))
        if not more:
            self.total = len(self.cards)  # fewer than counted: moved away meanwhile
            return
        start = len(self.cards)
        self.beginInsertRows(QModelIndex(), start, start + len(more) - 1)
        self.cards += more
        self.endInsertRows()

    def row_of(self, deal_id: str) -> int | None:
        return next((i for i, c in enumerate(self.cards) if c.id == deal_id), None)

    # -- dragging and dropping -------------------------------------------------------

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return (
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        )

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [DEAL_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:  # noqa: N802
        data = QMimeData()
        rows = [i.row() for i in indexes if i.isValid()]
        if rows:
            data.setData(DEAL_MIME, QByteArray(self.cards[rows[0]].id.encode()))
        return data

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def canDropMimeData(  # noqa: N802
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        return data.hasFormat(DEAL_MIME)

    def dropMimeData(  # noqa: N802
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        """Ask for the move, between the cards around the drop; refuse the drop itself,
        so that the view moves nothing (the saved move redraws the board)."""
        if not data.hasFormat(DEAL_MIME):
            return False
        deal_id = bytes(data.data(DEAL_MIME).data()).decode()
        if row < 0:
            row = parent.row() if parent.isValid() else len(self.cards)
        above, below = self.neighbours(deal_id, row)
        self.drop_requested.emit(deal_id, self.stage_id, above, below)
        return False

    def neighbours(self, deal_id: str, row: int) -> tuple[str | None, str | None]:
        """The cards a deal lands between when put at ``row`` (itself left out)."""
        others = [c.id for c in self.cards]
        if deal_id in others:
            at = others.index(deal_id)
            others.pop(at)
            row -= row > at
        row = max(0, min(row, len(others)))
        above = others[row - 1] if row > 0 else None
        below = others[row] if row < len(others) else None
        return above, below
