"""The settings' list of lost reasons (what a drop on "lost" offers): add, rename (type
over a reason), remove. Each edit is one undoable step; deals lost for a reason keep
it, renamed or removed."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.locale import search_key
from crm_desktop.services import pipelines as service
from crm_desktop.services.deals import lost_reasons
from crm_desktop.ui.pipeline.edits import perform_or_refuse
from crm_desktop.ui.widgets.context import AppContext, Change

ID_ROLE = Qt.ItemDataRole.UserRole


class LostReasonsEditor(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lostReasonsEditor")
        self.ctx = ctx
        self.reasons = QListWidget()
        self.reasons.setObjectName("lostReasons")
        # The office's reasons (seven by default) in sight without scrolling.
        self.reasons.setMinimumHeight(self.fontMetrics().lineSpacing() * 9)
        self.add_button = QPushButton(self.tr("افزودن دلیل"))
        self.remove_button = QPushButton(self.tr("حذف دلیل"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.reasons)
        layout.addLayout(buttons)
        self._loading = False
        self.load()
        self.reasons.itemChanged.connect(self._renamed)
        self.add_button.clicked.connect(self.add_reason)
        self.remove_button.clicked.connect(self.remove_selected)
        ctx.changes.changed.connect(self._changed)

    def load(self) -> None:
        self._loading = True
        self.reasons.clear()
        for reason_id, name in lost_reasons(self.ctx.db):
            item = QListWidgetItem(name)
            item.setData(ID_ROLE, reason_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            self.reasons.addItem(item)
        self._loading = False

    def names(self) -> list[str]:
        return [self.reasons.item(row).text() for row in range(self.reasons.count())]

    def _changed(self, change: Change) -> None:
        if change.kind == "lost_reasons":
            self.load()

    def _do(self, text: str, work: Callable[[], object]) -> bool:
        if perform_or_refuse(self.ctx, self, text, work):
            return True
        self.load()  # the list shows what is saved
        return False

    def _renamed(self, item: QListWidgetItem) -> None:
        if self._loading:
            return
        db, reason_id, name = self.ctx.db, str(item.data(ID_ROLE)), item.text()
        self._do(self.tr("نام دلیل"), lambda: service.rename_lost_reason(db, reason_id, name))

    def add_reason(self) -> None:
        db, taken = self.ctx.db, {search_key(name) for name in self.names()}
        base = self.tr("دلیل جدید")
        name = next(  # free as the service compares names
            f"{base} {n}"
            for n in range(1, len(taken) + 2)
            if search_key(f"{base} {n}") not in taken
        )
        if self._do(self.tr("افزودن دلیل"), lambda: service.add_lost_reason(db, name)):
            self.load()
            item = self.reasons.item(self.reasons.count() - 1)
            self.reasons.setCurrentItem(item)
            self.reasons.editItem(item)  # typed over at once

    def remove_selected(self) -> None:
        item = self.reasons.currentItem()
        if item is not None:
            db, reason_id = self.ctx.db, str(item.data(ID_ROLE))
            self._do(self.tr("حذف دلیل"), lambda: service.remove_lost_reason(db, reason_id))
