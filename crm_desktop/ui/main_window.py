"""The main window: navigation on the leading side, the pages, and a status bar."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSettings, QSize, Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from crm_desktop.models.database import Database
from crm_desktop.services.contacts import count_contacts
from crm_desktop.services.users import OFFICE_NAME_KEY, current_user
from crm_desktop.ui.contacts_page import ContactsController, ContactsPage
from crm_desktop.ui.display import display_number, left_to_right
from crm_desktop.ui.placeholder_page import PlaceholderPage

CONTEXT = "MainWindow"
SETTINGS_ORGANIZATION = "crm_desktop"
SETTINGS_APPLICATION = "crm_desktop"
GEOMETRY_KEY = "main_window/geometry"
DEFAULT_SIZE = QSize(1280, 800)
NAVIGATION_WIDTH = 180

# Navigation order; the keys are those of the ``--page`` option.
PAGES: tuple[tuple[str, object], ...] = (
    ("dashboard", QT_TRANSLATE_NOOP(CONTEXT, "داشبورد")),
    ("contacts", QT_TRANSLATE_NOOP(CONTEXT, "مخاطبین")),
    ("companies", QT_TRANSLATE_NOOP(CONTEXT, "شرکت‌ها")),
    ("pipeline", QT_TRANSLATE_NOOP(CONTEXT, "قیف فروش")),
    ("activities", QT_TRANSLATE_NOOP(CONTEXT, "فعالیت‌ها")),
    ("reports", QT_TRANSLATE_NOOP(CONTEXT, "گزارش‌ها")),
    ("settings", QT_TRANSLATE_NOOP(CONTEXT, "تنظیمات")),
)
PAGE_KEYS = tuple(key for key, _title in PAGES)
DEFAULT_PAGE = "contacts"

NAVIGATION_STYLE = """
QListWidget#navigation { border: none; padding-top: 8px; }
QListWidget#navigation::item { padding: 9px 14px; }
"""


def page_title(key: str) -> str:
    return QCoreApplication.translate(CONTEXT, str(dict(PAGES)[key]))


def window_settings() -> QSettings:
    return QSettings(SETTINGS_ORGANIZATION, SETTINGS_APPLICATION)


class MainWindow(QMainWindow):
    def __init__(
        self, db: Database, *, page: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        if page is not None and page not in PAGE_KEYS:
            raise ValueError(f"unknown page {page!r}; one of: {', '.join(PAGE_KEYS)}")
        self.db = db
        self.setObjectName("mainWindow")
        self._build_pages()
        self._build_status_bar()
        self._wire()
        self._update_title()
        self.refresh_status()
        self.show_page(page or DEFAULT_PAGE)
        self._restore_geometry()

    # -- view ---------------------------------------------------------------------------

    def _build_pages(self) -> None:
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setFixedWidth(NAVIGATION_WIDTH)
        self.navigation.setFrameShape(QFrame.Shape.NoFrame)
        self.navigation.setStyleSheet(NAVIGATION_STYLE)
        self.stack = QStackedWidget()
        self.stack.setObjectName("pages")

        self.contacts_page = ContactsPage()
        self.pages: dict[str, QWidget] = {}
        for key, _title in PAGES:
            title = page_title(key)
            item = QListWidgetItem(title)
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.navigation.addItem(item)
            widget = self.contacts_page if key == "contacts" else PlaceholderPage(key, title)
            self.pages[key] = widget
            self.stack.addWidget(widget)

        separator = QFrame()
        separator.setFrameShape(QFrame.Shape.VLine)
        separator.setFrameShadow(QFrame.Shadow.Sunken)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        # The first widget of a horizontal layout sits on the leading side: the right
        # in the Persian interface.
        layout.addWidget(self.navigation)
        layout.addWidget(separator)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

    def _build_status_bar(self) -> None:
        self.user_label = QLabel()
        self.user_label.setObjectName("statusUser")
        self.database_label = QLabel()
        self.database_label.setObjectName("statusDatabase")
        self.count_label = QLabel()
        self.count_label.setObjectName("statusCount")
        for label in (self.user_label, self.database_label, self.count_label):
            label.setContentsMargins(8, 0, 8, 0)
        status = self.statusBar()
        status.addWidget(self.user_label)
        status.addWidget(self.database_label)
        status.addPermanentWidget(self.count_label)

    # -- wiring -------------------------------------------------------------------------

    def _wire(self) -> None:
        self.contacts = ContactsController(self.db, self.contacts_page, self)
        self.navigation.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.find_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        self.find_shortcut.activated.connect(self.focus_contact_search)

    # -- behaviour ----------------------------------------------------------------------

    def show_page(self, key: str) -> None:
        self.navigation.setCurrentRow(PAGE_KEYS.index(key))

    def current_page_key(self) -> str:
        return PAGE_KEYS[self.stack.currentIndex()]

    def focus_contact_search(self) -> None:
        self.show_page("contacts")
        self.contacts.focus_search()

    def refresh_status(self) -> None:
        user = current_user(self.db)
        if user is None:
            self.user_label.setText(self.tr("کاربر: انتخاب نشده"))
        else:
            self.user_label.setText(self.tr("کاربر: %1").replace("%1", user.name))
        self.database_label.setText(
            self.tr("پایگاه داده: %1").replace("%1", left_to_right(self.db.path.name))
        )
        self.database_label.setToolTip(left_to_right(str(self.db.path)))
        total = display_number(count_contacts(self.db))
        self.count_label.setText(self.tr("%1 مخاطب").replace("%1", total))

    def _update_title(self) -> None:
        office = self.db.get_setting(OFFICE_NAME_KEY)
        name = office or self.db.path.name
        self.setWindowTitle(self.tr("مدیریت ارتباط با مشتری — %1").replace("%1", name))

    def _restore_geometry(self) -> None:
        geometry = window_settings().value(GEOMETRY_KEY)
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(DEFAULT_SIZE)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        settings = window_settings()
        settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        settings.sync()
        super().closeEvent(event)
