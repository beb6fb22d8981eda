"""Which columns of the contacts table are shown, in what order, remembered in QSettings.

The header's context menu ticks columns on and off; dragging a header moves it. The
choice is stored as the visible column keys in visual order, so it survives a new
version that adds columns (a new column starts hidden).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, QPoint, QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHeaderView, QMenu, QTableView

from crm_desktop.ui.contacts.contact_table_model import COLUMN_KEYS, DEFAULT_COLUMNS, column_label

COLUMNS_KEY = "main_window/contacts_columns"

# Starting widths in pixels, chosen so that the default columns fit a 1280-pixel-wide
# window (the usual office laptop); the user can drag them and the last one stretches.
COLUMN_WIDTHS = {
    "name": 150,
    "company": 150,
    "job_title": 125,
    "mobile": 120,
    "email": 170,
    "city": 80,
    "province": 90,
    "owner": 105,
    "lifecycle": 95,
    "lead_source": 110,
    "lead_score": 80,
    "tags": 150,
    "birth_date": 95,
    "created": 95,
}


def stored_columns() -> tuple[str, ...]:
    """The remembered visible columns in order; the defaults when none (or none valid)."""
    value = QSettings().value(COLUMNS_KEY)
    if isinstance(value, str):
        keys = [k for k in value.split(",") if k in COLUMN_KEYS]
    elif isinstance(value, list):
        keys = [str(k) for k in value if str(k) in COLUMN_KEYS]
    else:
        keys = []
    return tuple(dict.fromkeys(keys)) or DEFAULT_COLUMNS


class ColumnChooser(QObject):
    """Shows, hides and orders the sections of a header over ``ContactTableModel``."""

    def __init__(self, header: QHeaderView, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._header = header
        self.menu = QMenu(header)
        self.menu.setObjectName("columnMenu")
        self._actions: dict[str, QAction] = {}
        for key in COLUMN_KEYS:
            action = self.menu.addAction(column_label(key))
            action.setCheckable(True)
            action.setData(key)
            action.toggled.connect(lambda checked, k=key: self._toggled(k, checked))
            self._actions[key] = action
        self.menu.addSeparator()
        self.reset_action = self.menu.addAction(self.tr("ستون‌های پیش‌فرض"))
        self.reset_action.triggered.connect(self.reset)

        header.setSectionsMovable(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._show_menu)
        header.sectionMoved.connect(self._save)

    def action_for(self, key: str) -> QAction:
        return self._actions[key]

    def apply_widths(self, table: QTableView) -> None:
        for column, key in enumerate(COLUMN_KEYS):
            table.setColumnWidth(column, COLUMN_WIDTHS[key])

    def visible_keys(self) -> tuple[str, ...]:
        """Shown columns, in the order the user sees them."""
        header = self._header
        logical = [header.logicalIndex(v) for v in range(header.count())]
        return tuple(COLUMN_KEYS[i] for i in logical if not header.isSectionHidden(i))

    def restore(self) -> None:
        self.apply(stored_columns(), save=False)

    def reset(self) -> None:
        self.apply(DEFAULT_COLUMNS)

    def apply(self, keys: Sequence[str], *, save: bool = True) -> None:
        header = self._header
        ordered = [*keys, *(k for k in COLUMN_KEYS if k not in keys)]
        header.blockSignals(True)
        for visual, key in enumerate(ordered):
            header.moveSection(header.visualIndex(COLUMN_KEYS.index(key)), visual)
        header.blockSignals(False)
        for logical, key in enumerate(COLUMN_KEYS):
            header.setSectionHidden(logical, key not in keys)
        self._sync_actions()
        if save:
            self._save()

    def _toggled(self, key: str, checked: bool) -> None:
        keys = list(self.visible_keys())
        if checked and key not in keys:
            keys.append(key)
        elif not checked and key in keys:
            keys.remove(key)
        self.apply(keys)

    def _sync_actions(self) -> None:
        shown = self.visible_keys()
        for key, action in self._actions.items():
            action.blockSignals(True)
            action.setChecked(key in shown)
            action.blockSignals(False)
            # The last shown column cannot be hidden: a table without columns is a trap.
            action.setEnabled(not (len(shown) == 1 and key in shown))

    def _save(self) -> None:
        settings = QSettings()
        settings.setValue(COLUMNS_KEY, ",".join(self.visible_keys()))
        settings.sync()

    def _show_menu(self, pos: QPoint) -> None:
        self.menu.popup(self._header.viewport().mapToGlobal(pos))
