"""The window's first frame: the contacts table painted before the application loads.

``launch`` shows this shell at once, over rows read with the standard ``sqlite3``
module (``services.first_screen``), while SQLAlchemy, the models and the pages load;
then the real main window takes its place. The shell imports Qt and the formatting
helpers only.

It draws the table where the real contacts page will: the same window geometry, the
table at the same place in it, the same columns with the same titles and widths and
the same row height, all taken from the real page when it last loaded
(``TableLayout``, remembered in the settings). Without that record (the first start,
another language, a column this shell cannot draw) there is no early window.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSettings,
    Qt,
)
from PySide6.QtWidgets import QMainWindow, QTableView, QWidget

from crm_desktop.services.first_screen import FirstScreen
from crm_desktop.ui.contacts.contact_cells import CELLS
from crm_desktop.ui.widgets.display import (
    persian_digits_enabled,
)
from crm_desktop.ui.widgets.widgets import list_table

SETTINGS_ORGANIZATION = "crm_desktop"
SETTINGS_APPLICATION = "crm_desktop"
GEOMETRY_KEY = "main_window/geometry"
PAGE_KEY = "main_window/page"
LAYOUT_KEY = "main_window/contacts_table"


def window_settings() -> QSettings:
    return QSettings(SETTINGS_ORGANIZATION, SETTINGS_APPLICATION)


@dataclass(frozen=True)
class TableLayout:
    """How the real contacts table looked: what the early one copies."""

    lang: str
    title: str  # the window's, "%1" standing for the office's name (or the file's)
    columns: list[tuple[str, str, int]]  # shown columns in order: key, title, width
    sort_key: str | None  # the column showing the sort indicator, if it shows
    descending: bool
    rect: tuple[int, int, int, int]  # the table in the window: left, top, right, bottom gaps
    row_height: int
    geometry: str  # the window's (``saveGeometry``, in base 64), where ``GEOMETRY_KEY`` has none

    def save(self) -> None:
        window_settings().setValue(LAYOUT_KEY, json.dumps(asdict(self), ensure_ascii=False))

    @staticmethod
    def forget() -> None:
        """No early window next time (the table shows what the shell cannot draw)."""
        window_settings().remove(LAYOUT_KEY)

    @classmethod
    def load(cls, lang: str) -> TableLayout | None:
        """The remembered layout for ``lang``; None when there is none this shell can draw."""
        text = window_settings().value(LAYOUT_KEY)
        try:
            data = json.loads(str(text)) if text else None
            layout = None if data is None else cls(**data)
        except (TypeError, ValueError):
            return None
        if layout is None or layout.lang != lang or not layout.columns:
            return None
        layout = cls(
            **{
                **asdict(layout),
                "columns": [(str(k), str(t), int(w)) for k, t, w in layout.columns],
                "rect": tuple(int(v) for v in layout.rect),
            }
        )
        if any(key not in CELLS for key, _title, _width in layout.columns):
            return None
        return layout


_Index = QModelIndex | QPersistentModelIndex


class EarlyModel(QAbstractTableModel):
    """The first rows, and as many empty ones as the list has (the scroll bar is right)."""

    def __init__(self, screen: FirstScreen, layout: TableLayout) -> None:
        super().__init__()
        self._persian = persian_digits_enabled()
        self._keys = [key for key, _title, _width in layout.columns]
        self._titles = [title for _key, title, _width in layout.columns]
        self._records = screen.records
        # Formatted when first shown: a screen shows a quarter of the rows.
        self._cells: list[list[str] | None] = [None] * len(screen.records)
        self._total = max(screen.total, len(screen.records))

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._keys)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        row = index.row()
        return self.row_texts(row)[index.column()] if row < len(self._cells) else ""

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._titles[section]
        return None

    def row_texts(self, row: int) -> list[str]:
        cells = self._cells[row]
        if cells is None:
            record = self._records[row]
            cells = self._cells[row] = [CELLS[key](record, self._persian) for key in self._keys]
        return list(cells)


class EarlyWindow(QMainWindow):
    """The shell: the window at its remembered place, the table where the page puts it."""

    def __init__(self, screen: FirstScreen, layout: TableLayout, file_name: str) -> None:
        super().__init__()
        self.setObjectName("earlyWindow")
        self.setWindowTitle(layout.title.replace("%1", screen.office_name or file_name))
        self.layout_record = layout
        self.central = QWidget()
        self.setCentralWidget(self.central)
        self.table: QTableView = list_table("earlyContactTable", multi_select=True)
        self.table.setParent(self.central)
        self.model = EarlyModel(screen, layout)
        self.table.setModel(self.model)
        self.table.verticalHeader().setDefaultSectionSize(layout.row_height)
        header = self.table.horizontalHeader()
        header.setSortIndicatorShown(layout.sort_key is not None)
        for column, (key, _title, width) in enumerate(layout.columns):
            header.resizeSection(column, width)
            if key == layout.sort_key:
                descending = Qt.SortOrder.DescendingOrder
                header.setSortIndicator(
                    column, descending if layout.descending else Qt.SortOrder.AscendingOrder
                )
        geometry = window_settings().value(GEOMETRY_KEY)
        if geometry is None or not self.restoreGeometry(geometry):
            self.restoreGeometry(QByteArray.fromBase64(layout.geometry.encode("ascii")))

    def resizeEvent(self, event: Any) -> None:  # noqa: N802
        super().resizeEvent(event)
        left, top, right, bottom = self.layout_record.rect
        # The gaps are from the window's edges; the central widget starts below the menu bar.
        origin = self.central.mapTo(self, QPoint(0, 0))
        self.table.setGeometry(
            QRect(
                left - origin.x(),
                top - origin.y(),
                max(0, self.width() - left - right),
                max(0, self.height() - top - bottom),
            )
        )
