"""The companies table: one row per live company, with how many people work there.

An office has hundreds of companies, not hundreds of thousands, so the model holds the
records of one search; the search itself (and the order) is the service's.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from crm_desktop.locale import format_phone
from crm_desktop.models.database import Database
from crm_desktop.services.companies import list_companies
from crm_desktop.services.records import CompanyRecord
from crm_desktop.ui.display import display_number, left_to_right, persian_digits_enabled

CONTEXT = "CompanyTableModel"

COLUMNS: tuple[tuple[str, object], ...] = (
    ("name", QT_TRANSLATE_NOOP("CompanyTableModel", "نام شرکت")),
    ("industry", QT_TRANSLATE_NOOP("CompanyTableModel", "صنعت")),
    ("city", QT_TRANSLATE_NOOP("CompanyTableModel", "شهر")),
    ("phone", QT_TRANSLATE_NOOP("CompanyTableModel", "تلفن")),
    ("people", QT_TRANSLATE_NOOP("CompanyTableModel", "افراد")),
)
COLUMN_KEYS = tuple(key for key, _label in COLUMNS)
ID_ROLE = Qt.ItemDataRole.UserRole

_Index = QModelIndex | QPersistentModelIndex


def company_cells(record: CompanyRecord) -> tuple[str, ...]:
    persian = persian_digits_enabled()
    phone = (
        left_to_right(format_phone(record.phone, persian_digits=persian)) if record.phone else ""
    )
    return (
        record.name,
        record.industry or "",
        record.city or "",
        phone,
        display_number(record.people),
    )


class CompanyTableModel(QAbstractTableModel):
    """Read-only list of companies in the companies service's order."""

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._search = ""
        self._records: list[CompanyRecord] = []
        self._cells: list[tuple[str, ...]] = []

    @property
    def search(self) -> str:
        return self._search

    def set_search(self, text: str) -> None:
        self.beginResetModel()
        self._search = text.strip()
        self._records = list_companies(self._db, self._search or None)
        self._cells = [company_cells(r) for r in self._records]
        self.endResetModel()

    def refresh(self) -> None:
        self.set_search(self._search)

    def company_id(self, row: int) -> str:
        return self._records[row].id

    def record(self, row: int) -> CompanyRecord:
        return self._records[row]

    def row_of(self, company_id: str) -> int:
        for row, record in enumerate(self._records):
            if record.id == company_id:
                return row
        return -1

    # -- QAbstractTableModel ----------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if not (0 <= row < len(self._records) and 0 <= column < len(COLUMNS)):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cells[row][column]
        if role == ID_ROLE:
            return self._records[row].id
        return None

    def headerData(  # noqa: N802
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(COLUMNS)
        ):
            return QCoreApplication.translate(CONTEXT, str(COLUMNS[section][1]))
        return None
