"""The navigation on the leading side: the pages, and under contacts the saved filters.

``NavigationPanel`` is the view (a tree of pages and segments, no data access);
``SegmentActions`` lists the saved filters from the services, keeps them in step with
SEGMENTS announcements, and renames or deletes one as an undoable step.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QInputDialog,
    QLineEdit,
    QMenu,
    QMessageBox,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from crm_desktop.errors import UserError
from crm_desktop.services import segments
from crm_desktop.services.segments import SegmentRecord
from crm_desktop.ui.widgets.commands import perform
from crm_desktop.ui.widgets.context import SEGMENTS, AppContext, Change

CONTEXT = "MainWindow"  # lupdate reads only literal contexts below

# The main pages in navigation order (also Ctrl+1…Ctrl+9); the keys are those of the
# ``--page`` option.
PAGES: tuple[tuple[str, object], ...] = (
    ("dashboard", QT_TRANSLATE_NOOP("MainWindow", "داشبورد")),
    ("contacts", QT_TRANSLATE_NOOP("MainWindow", "مخاطبان")),
    ("companies", QT_TRANSLATE_NOOP("MainWindow", "شرکت‌ها")),
    ("pipeline", QT_TRANSLATE_NOOP("MainWindow", "قیف فروش")),
    ("activities", QT_TRANSLATE_NOOP("MainWindow", "فعالیت‌ها")),
    ("campaigns", QT_TRANSLATE_NOOP("MainWindow", "کمپین‌ها")),
    ("requests", QT_TRANSLATE_NOOP("MainWindow", "درخواست‌های خدمات")),
    ("reports", QT_TRANSLATE_NOOP("MainWindow", "گزارش‌ها")),
    ("settings", QT_TRANSLATE_NOOP("MainWindow", "تنظیمات")),
)
# Views of the contacts that sit under it in the navigation.
CONTACT_VIEWS: tuple[tuple[str, object], ...] = (
    ("duplicates", QT_TRANSLATE_NOOP("MainWindow", "تکراری‌ها")),
    ("trash", QT_TRANSLATE_NOOP("MainWindow", "سطل زباله")),
)
PAGE_KEYS = tuple(key for key, _title in PAGES)
ALL_PAGE_KEYS = PAGE_KEYS + tuple(key for key, _title in CONTACT_VIEWS)

PAGE_ROLE = Qt.ItemDataRole.UserRole
SEGMENT_ROLE = Qt.ItemDataRole.UserRole + 1
NAVIGATION_WIDTH = 200
NAVIGATION_STYLE = """
QTreeWidget#navigation { border: none; padding-top: 8px; }
QTreeWidget#navigation::item { padding: 7px 6px; }
"""


def page_title(key: str) -> str:
    titles = dict(PAGES + CONTACT_VIEWS)
    return QCoreApplication.translate(CONTEXT, str(titles[key]))


class NavigationPanel(QTreeWidget):
    """Pages as top-level items; saved filters, duplicates and trash under contacts."""

    page_selected = Signal(str)
    segment_selected = Signal(str)
    segment_menu_requested = Signal(str, QPoint)  # segment id, global position

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("navigation")
        self.setHeaderHidden(True)
        self.setFixedWidth(NAVIGATION_WIDTH)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setStyleSheet(NAVIGATION_STYLE)
        self.setIndentation(14)
        self.setRootIsDecorated(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.page_items: dict[str, QTreeWidgetItem] = {}
        self.segment_items: dict[str, QTreeWidgetItem] = {}
        for key, _title in PAGES:
            self.page_items[key] = self._item(self, key)
        contacts = self.page_items["contacts"]
        for key, _title in CONTACT_VIEWS:
            self.page_items[key] = self._item(contacts, key)
        contacts.setExpanded(True)
        self.currentItemChanged.connect(self._current_changed)
        self.customContextMenuRequested.connect(self._context_menu)

    def _item(self, parent: QTreeWidget | QTreeWidgetItem, key: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent, [page_title(key)])
        item.setData(0, PAGE_ROLE, key)
        return item

    def set_segments(self, records: list[SegmentRecord]) -> None:
        """Show these saved filters first under contacts, keeping the selection."""
        selected = self.current_segment_id()
        contacts = self.page_items["contacts"]
        blocked = self.blockSignals(True)
        try:
            for item in self.segment_items.values():
                contacts.removeChild(item)
            self.segment_items = {}
            for index, record in enumerate(records):
                item = QTreeWidgetItem([record.name])
                item.setData(0, SEGMENT_ROLE, record.id)
                item.setToolTip(0, record.name)
                contacts.insertChild(index, item)
                self.segment_items[record.id] = item
            if selected in self.segment_items:
                self.setCurrentItem(self.segment_items[selected])
            elif selected is not None:
                self.setCurrentItem(contacts)
        finally:
            self.blockSignals(blocked)
        contacts.setExpanded(True)

    def page_titles(self) -> list[str]:
        """The top-level entries as shown, in order."""
        items = (self.topLevelItem(i) for i in range(self.topLevelItemCount()))
        return [item.text(0) for item in items if item is not None]

    def child_titles(self, key: str) -> list[str]:
        parent = self.page_items[key]
        return [parent.child(i).text(0) for i in range(parent.childCount())]  # type: ignore[union-attr]

    def segment_names(self) -> list[str]:
        return [item.text(0) for item in self.segment_items.values()]

    def select_page(self, key: str) -> None:
        self.setCurrentItem(self.page_items[key])

    def select_segment(self, segment_id: str) -> None:
        self.setCurrentItem(self.segment_items[segment_id])

    def current_segment_id(self) -> str | None:
        item = self.currentItem()
        value = item.data(0, SEGMENT_ROLE) if item is not None else None
        return str(value) if value else None

    def _current_changed(self, item: QTreeWidgetItem | None, _previous: object) -> None:
        if item is None:
            return
        segment_id = item.data(0, SEGMENT_ROLE)
        if segment_id:
            self.segment_selected.emit(str(segment_id))
        else:
            self.page_selected.emit(str(item.data(0, PAGE_ROLE)))

    def _context_menu(self, pos: QPoint) -> None:
        item = self.itemAt(pos)
        segment_id = item.data(0, SEGMENT_ROLE) if item is not None else None
        if segment_id:
            self.segment_menu_requested.emit(str(segment_id), self.viewport().mapToGlobal(pos))


class SegmentActions(QObject):
    """Keeps the saved filters listed and renames or deletes them with undo."""

    def __init__(self, ctx: AppContext, panel: NavigationPanel, parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.panel = panel
        self.window = parent
        self.records: dict[str, SegmentRecord] = {}
        self.menu: QMenu | None = None
        self.rename_dialog: QInputDialog | None = None
        ctx.changes.changed.connect(self._changed)
        panel.segment_menu_requested.connect(self.show_menu)
        self.refresh()

    def refresh(self) -> None:
        listed = segments.list_segments(self.ctx.db)
        self.records = {record.id: record for record in listed}
        self.panel.set_segments(listed)

    def _changed(self, change: Change) -> None:
        if change.kind == SEGMENTS:
            self.refresh()

    def show_menu(self, segment_id: str, where: QPoint) -> None:
        self.build_menu(segment_id).popup(where)

    def build_menu(self, segment_id: str) -> QMenu:
        self.menu = QMenu(self.window)
        self.menu.setObjectName("segmentMenu")
        rename = self.menu.addAction(self.tr("تغییر نام…"))
        rename.setObjectName("renameSegment")
        rename.triggered.connect(lambda: self.ask_rename(segment_id))
        delete = self.menu.addAction(self.tr("حذف فهرست"))
        delete.setObjectName("deleteSegment")
        delete.triggered.connect(lambda: self.delete(segment_id))
        return self.menu

    def ask_rename(self, segment_id: str) -> None:
        dialog = QInputDialog(self.window)
        dialog.setObjectName("renameSegmentDialog")
        dialog.setWindowTitle(self.tr("تغییر نام فهرست ذخیره‌شده"))
        dialog.setLabelText(self.tr("نام جدید:"))
        dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
        dialog.setTextValue(self.records[segment_id].name)
        dialog.textValueSelected.connect(lambda name: self.rename(segment_id, name))
        self.rename_dialog = dialog
        dialog.open()

    def rename(self, segment_id: str, name: str) -> None:
        db = self.ctx.db
        old = self.records[segment_id].name
        try:
            perform(
                self.ctx,
                self.tr("تغییر نام فهرست «%1»").replace("%1", old),
                lambda: segments.update_segment(db, segment_id, name=name),
            )
        except UserError as exc:
            self._show_error(exc)

    def delete(self, segment_id: str) -> None:
        db = self.ctx.db
        try:
            perform(
                self.ctx,
                self.tr("حذف فهرست «%1»").replace("%1", self.records[segment_id].name),
                lambda: segments.delete_segment(db, segment_id),
                notice=self.tr("فهرست «%1» حذف شد.").replace("%1", self.records[segment_id].name),
            )
        except UserError as exc:
            self._show_error(exc)

    def _show_error(self, exc: UserError) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("خطا"), exc.message(self.ctx.lang))
        box.setParent(self.window, box.windowFlags())
        box.setObjectName("errorMessage")
        box.open()
