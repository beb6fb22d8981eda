"""The main window: navigation on the leading side, the pages, menus and a status bar.

A page is built the first time it is shown, so that opening the window costs only the
page it opens on.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, QPoint, QRect, QSize, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from crm_desktop import __version__
from crm_desktop.services.contacts import count_contacts
from crm_desktop.services.office import office_name
from crm_desktop.services.spreadsheet import WORKBOOK_EXTENSIONS
from crm_desktop.services.users import current_user
from crm_desktop.ui.activities.reminder_bar import ReminderBar
from crm_desktop.ui.contacts.contacts_page import ContactsPage
from crm_desktop.ui.shell.early_window import (
    GEOMETRY_KEY,
    PAGE_KEY,
    SETTINGS_APPLICATION,
    SETTINGS_ORGANIZATION,
    window_settings,
)
from crm_desktop.ui.shell.navigation import (
    ALL_PAGE_KEYS,
    PAGE_KEYS,
    NavigationPanel,
    SegmentActions,
    page_title,
)
from crm_desktop.ui.shell.notice_bar import NoticeBar
from crm_desktop.ui.shell.placeholder_page import PlaceholderPage
from crm_desktop.ui.widgets.context import CONTACTS, SETTINGS, USERS, AppContext, Change
from crm_desktop.ui.widgets.display import display_digits, display_number, left_to_right

# The other pages and windows are imported when first opened: start-up pays for the
# contacts page only.
if TYPE_CHECKING:
    from crm_desktop.ui.companies.company_page import CompanyPage
    from crm_desktop.ui.contacts.contact_editor import ContactEditor
    from crm_desktop.ui.shell.global_search import GlobalSearchDialog

DEFAULT_SIZE = QSize(1280, 800)
# Room for the title bar and borders a window manager adds (Windows 10/11 and common
# Linux desktops stay within it).
FRAME_ALLOWANCE = QSize(16, 40)
DEFAULT_PAGE = "contacts"
# Set on an editor's "save?" box while the main window waits for its answer to close.
CLOSES_MAIN_WINDOW = "closesMainWindow"

# The pages, by navigation key: the module that builds each (imported when the page is
# first shown) offers ``build_page(window)``, which makes the page and connects what it
# opens to the window. A workspace adds its page here; keys without one show what is
# to come.
PAGES: dict[str, str] = {
    "contacts": "crm_desktop.ui.contacts.contacts_page",
    "companies": "crm_desktop.ui.companies.companies_page",
    "pipeline": "crm_desktop.ui.pipeline.pipeline_page",
    "activities": "crm_desktop.ui.activities.activities_page",
    "campaigns": "crm_desktop.ui.marketing.campaigns_page",
    "requests": "crm_desktop.ui.activities.requests_view",
    "duplicates": "crm_desktop.ui.contacts.duplicates_page",
    "trash": "crm_desktop.ui.contacts.trash_page",
    "settings": "crm_desktop.ui.shell.settings_page",
}

__all__ = [
    "ALL_PAGE_KEYS",
    "GEOMETRY_KEY",
    "PAGE_KEY",
    "PAGE_KEYS",
    "SETTINGS_APPLICATION",
    "SETTINGS_ORGANIZATION",
    "MainWindow",
    "page_title",
    "window_settings",
]


# A file dropped on the window opens the import for these (a dropped .txt is more often a
# note than a tab-separated export; the wizard's file picker takes those).
SPREADSHEET_SUFFIXES = WORKBOOK_EXTENSIONS | {".csv"}


class MainWindow(QMainWindow):
    def __init__(
        self, ctx: AppContext, *, page: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        if page is not None and page not in ALL_PAGE_KEYS:
            raise ValueError(f"unknown page {page!r}; one of: {', '.join(ALL_PAGE_KEYS)}")
        self.ctx = ctx
        self.db = ctx.db
        self.windows: dict[tuple[str, str], QWidget] = {}  # open editors and company pages
        self.setObjectName("mainWindow")
        self.setAcceptDrops(True)  # a spreadsheet dropped on the window is imported
        self._build_pages()
        self._build_menus()
        self._build_status_bar()
        self._wire()
        self._update_title()
        self.refresh_status()
        remembered = window_settings().value(PAGE_KEY)
        if page is None and remembered in ALL_PAGE_KEYS:
            page = str(remembered)
        self.show_page(page or DEFAULT_PAGE)
        self._restore_geometry()

    # -- view ---------------------------------------------------------------------------

    def _build_pages(self) -> None:
        self.navigation = NavigationPanel()
        self.stack = QStackedWidget()
        self.stack.setObjectName("pages")
        self.pages: dict[str, QWidget] = {}  # built on first visit

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
        # What just fell due, floating over the pages' lower corner.
        self.reminder_bar = ReminderBar(self.ctx, parent=central)

    def page(self, key: str) -> QWidget:
        """The page of ``key``, built now if it never was."""
        if key not in self.pages:
            self.pages[key] = self._make_page(key)
            self.stack.addWidget(self.pages[key])
        return self.pages[key]

    @property
    def contacts_page(self) -> ContactsPage:
        page = self.page("contacts")
        assert isinstance(page, ContactsPage)
        return page

    def _make_page(self, key: str) -> QWidget:
        module = PAGES.get(key)
        if module is None:  # a workspace still to come
            return PlaceholderPage(key, page_title(key))
        built: QWidget = importlib.import_module(module).build_page(self)
        return built

    def _action(self, text: str, name: str, *keys: QKeySequence | str) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        action.setShortcuts([QKeySequence(key) for key in keys])
        action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu(self.tr("&پرونده"))
        self.new_contact_action = self._action(self.tr("مخاطب جدید"), "newContact", "Ctrl+N")
        self.quit_action = self._action(self.tr("خروج"), "quit", "Ctrl+Q")
        self.file_menu.addAction(self.new_contact_action)
        self.file_menu.addSeparator()
        self.import_action = self._action(self.tr("ورود اطلاعات از اکسل…"), "importFile", "Ctrl+I")
        self.import_history_action = self._action(self.tr("سابقهٔ ورود اطلاعات…"), "importHistory")
        self.file_menu.addAction(self.import_action)
        self.file_menu.addAction(self.import_history_action)
        self.export_menu = self.file_menu.addMenu(self.tr("خروجی اکسل"))
        self.export_actions: dict[str, QAction] = {}
        for kind, text in (
            ("contacts", self.tr("مخاطبان (با فیلتر فعلی)…")),
            ("companies", self.tr("شرکت‌ها…")),
            ("deals", self.tr("معامله‌ها…")),
            ("activities", self.tr("فعالیت‌ها…")),
        ):
            action = self._action(text, f"export_{kind}")
            action.triggered.connect(lambda _checked=False, k=kind: self.export_list(k))
            self.export_actions[kind] = action
            self.export_menu.addAction(action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)

        self.edit_menu = bar.addMenu(self.tr("&ویرایش"))
        self.undo_action = self.ctx.undo_stack.createUndoAction(self, self.tr("واگرد"))
        self.undo_action.setObjectName("undo")
        self.undo_action.setShortcuts([QKeySequence("Ctrl+Z")])
        self.redo_action = self.ctx.undo_stack.createRedoAction(self, self.tr("انجام دوباره"))
        self.redo_action.setObjectName("redo")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.find_action = self._action(self.tr("جستجو"), "findContacts", "Ctrl+F")
        self.search_action = self._action(self.tr("جستجوی همه‌جا…"), "globalSearch", "Ctrl+K")
        for action in (self.undo_action, self.redo_action):
            action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
            self.edit_menu.addAction(action)
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.find_action)
        self.edit_menu.addAction(self.search_action)

        self.go_menu = bar.addMenu(self.tr("&برو به"))
        self.page_actions: dict[str, QAction] = {}
        for number, key in enumerate(PAGE_KEYS, start=1):
            action = self._action(page_title(key), f"go_{key}", f"Ctrl+{number}")
            action.triggered.connect(lambda _checked=False, k=key: self.show_page(k))
            self.page_actions[key] = action
            self.go_menu.addAction(action)

        self.help_menu = bar.addMenu(self.tr("&راهنما"))
        self.about_action = self._action(self.tr("دربارهٔ برنامه"), "about")
        self.help_menu.addAction(self.about_action)

    def _build_status_bar(self) -> None:
        self.user_label = QLabel()
        self.user_label.setObjectName("statusUser")
        self.database_label = QLabel()
        self.database_label.setObjectName("statusDatabase")
        self.count_label = QLabel()
        self.count_label.setObjectName("statusCount")
        self.sync_label = QLabel(self.tr("بدون همگام‌سازی"))
        self.sync_label.setObjectName("statusSync")
        self.busy_label = QLabel(self.tr("در حال انجام کار…"))
        self.busy_label.setObjectName("statusBusy")
        self.busy_label.hide()
        labels = (
            self.user_label,
            self.database_label,
            self.count_label,
            self.sync_label,
            self.busy_label,
        )
        for label in labels:
            label.setContentsMargins(8, 0, 8, 0)
        self.notice_bar = NoticeBar(self.ctx)
        status = self.statusBar()
        status.addWidget(self.user_label)
        status.addWidget(self.database_label)
        status.addWidget(self.notice_bar, 1)
        status.addPermanentWidget(self.count_label)
        status.addPermanentWidget(self.busy_label)
        status.addPermanentWidget(self.sync_label)

    # -- wiring -------------------------------------------------------------------------

    def _wire(self) -> None:
        self.segment_actions = SegmentActions(self.ctx, self.navigation, self)
        self.navigation.page_selected.connect(self._show_stack_page)
        self.navigation.segment_selected.connect(self.apply_segment)
        self.ctx.changes.changed.connect(self._changed)
        # A large change or its undo runs on a worker: say so while it does.
        self.ctx.changes.busy.connect(self.busy_label.setVisible)
        self.new_contact_action.triggered.connect(self.new_contact)
        self.import_action.triggered.connect(lambda _checked=False: self.import_file())
        self.import_history_action.triggered.connect(self.show_import_history)
        self.quit_action.triggered.connect(self.close)
        self.find_action.triggered.connect(self.find_here)
        self.search_action.triggered.connect(self.open_global_search)
        self.about_action.triggered.connect(self.show_about)
        self.search_dialog: GlobalSearchDialog | None = None

    def _changed(self, change: Change) -> None:
        if change.kind in (CONTACTS, USERS, SETTINGS):
            self.refresh_status()
        if change.kind == SETTINGS:
            self._update_title()

    # -- behaviour ----------------------------------------------------------------------

    def show_page(self, key: str) -> None:
        self.navigation.select_page(key)
        self._show_stack_page(key)

    def _show_stack_page(self, key: str) -> None:
        self.stack.setCurrentWidget(self.page(key))

    def current_page_key(self) -> str:
        current = self.stack.currentWidget()
        return next(key for key, page in self.pages.items() if page is current)

    def apply_segment(self, segment_id: str) -> None:
        record = self.segment_actions.records[segment_id]
        self._show_stack_page("contacts")
        self.contacts_page.apply_filter(record.filter)

    def find_here(self) -> None:
        """Ctrl+F: the contacts list's own search there, the global search elsewhere."""
        if self.current_page_key() == "contacts":
            self.focus_contact_search()
        else:
            self.open_global_search()

    def focus_contact_search(self) -> None:
        self.show_page("contacts")
        self.contacts_page.focus_search()

    def open_global_search(self) -> GlobalSearchDialog:
        if self.search_dialog is None:
            from crm_desktop.ui.shell.global_search import GlobalSearchDialog

            self.search_dialog = GlobalSearchDialog(self.ctx, self)
            self.search_dialog.contact_chosen.connect(self.open_contact)
            self.search_dialog.company_chosen.connect(self.open_company)
            self.search_dialog.deal_chosen.connect(self.open_deal)
        self.search_dialog.start()
        return self.search_dialog

    def import_file(self, path: Path | None = None) -> QWidget:
        """The import wizard (on ``path`` if given)."""
        from crm_desktop.ui.importing.import_wizard import open_import_wizard

        return open_import_wizard(self, self.ctx, path)

    def show_import_history(self) -> QWidget:
        from crm_desktop.ui.importing.import_history import open_import_history

        return open_import_history(self, self.ctx)

    def export_list(self, kind: str) -> QObject:
        """Export a list to Excel: contacts as the contacts page lists them."""
        if kind == "contacts":
            return self.contacts_page.export_list()
        if kind == "companies":
            from crm_desktop.ui.companies.companies_page import CompaniesPage

            page = self.page("companies")
            assert isinstance(page, CompaniesPage)
            return page.export_list()
        from crm_desktop.ui.contacts.export_action import export_list

        return export_list(self, self.ctx, kind)

    def new_contact(self) -> ContactEditor:
        from crm_desktop.ui.contacts.contact_editor import ContactEditor

        editor = ContactEditor(self.ctx, None)
        editor.open_contact_requested.connect(self.open_contact)
        self._show_window(("new contact", str(id(editor))), editor)
        return editor

    def open_contact(self, contact_id: str) -> QWidget:
        key = ("contact", contact_id)
        if key in self.windows:
            return self._show_window(key, self.windows[key])
        from crm_desktop.ui.contacts.contact_editor import ContactEditor

        editor = ContactEditor(self.ctx, contact_id)
        editor.open_contact_requested.connect(self.open_contact)
        editor.open_deal_requested.connect(self.open_deal)
        return self._show_window(key, editor)

    def open_deal(self, deal_id: str) -> QWidget:
        key = ("deal", deal_id)
        if key in self.windows:
            return self._show_window(key, self.windows[key])
        from crm_desktop.ui.pipeline.deal_page import DealPage

        page = DealPage(self.ctx, deal_id)
        page.contact_requested.connect(self.open_contact)
        page.company_requested.connect(self.open_company)
        return self._show_window(key, page)

    def new_company(self) -> CompanyPage:
        from crm_desktop.ui.companies.company_page import CompanyPage

        page = CompanyPage(self.ctx, None)
        page.contact_activated.connect(self.open_contact)
        self._show_window(("new company", str(id(page))), page)
        return page

    def open_company(self, company_id: str) -> QWidget:
        key = ("company", company_id)
        if key in self.windows:
            return self._show_window(key, self.windows[key])
        from crm_desktop.ui.companies.company_page import CompanyPage

        page = CompanyPage(self.ctx, company_id)
        page.contact_activated.connect(self.open_contact)
        return self._show_window(key, page)

    def _show_window(self, key: tuple[str, str], window: QWidget) -> QWidget:
        # Holding the window keeps it alive (it has no parent) until it is closed.
        self.windows[key] = window
        window.destroyed.connect(lambda _obj=None, k=key: self.windows.pop(k, None))
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        from crm_desktop.ui.shell.global_search import bring_to_front

        bring_to_front(window)
        return window

    def show_about(self) -> QMessageBox:
        box = QMessageBox(self)
        box.setObjectName("aboutBox")
        box.setWindowTitle(self.tr("دربارهٔ برنامه"))
        box.setText(
            self.tr("مدیریت ارتباط با مشتری، نسخهٔ %1").replace(
                "%1", left_to_right(display_digits(__version__))
            )
        )
        box.setInformativeText(self.tr("برای دفترهای فروش کوچک، با یا بدون اینترنت."))
        box.open()
        return box

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
        name = office_name(self.db) or self.db.path.name
        self.setWindowTitle(self.title_pattern().replace("%1", name))

    def title_pattern(self) -> str:
        """The window's title, ``%1`` standing for the office's name (or the file's)."""
        return self.tr("مدیریت ارتباط با مشتری — %1")

    def _restore_geometry(self) -> None:
        geometry = window_settings().value(GEOMETRY_KEY)
        if geometry is None or not self.restoreGeometry(geometry):
            self._fit_first_size()

    def _fit_first_size(self) -> None:
        """The default size, made smaller to fit the screen, centred on it.

        The window manager adds a title bar and borders around the window (unknown until
        it is shown), so room is left for them: a 1366x768 laptop screen shows the whole
        window, status bar included.
        """
        screen = self.screen() or QGuiApplication.primaryScreen()
        available = screen.availableGeometry()
        width = min(DEFAULT_SIZE.width(), available.width() - FRAME_ALLOWANCE.width())
        height = min(DEFAULT_SIZE.height(), available.height() - FRAME_ALLOWANCE.height())
        self.resize(max(width, self.minimumSizeHint().width()), height)
        frame = QRect(QPoint(0, 0), self.size() + FRAME_ALLOWANCE)
        frame.moveCenter(available.center())
        self.move(frame.topLeft())

    def _close_after_prompt(self, window: QWidget) -> None:
        """Close again once ``window``'s "save?" box is answered with Save or Discard."""
        prompt = getattr(window, "unsaved_prompt", None)
        if not isinstance(prompt, QMessageBox) or prompt.property(CLOSES_MAIN_WINDOW):
            return
        prompt.setProperty(CLOSES_MAIN_WINDOW, True)

        def answered() -> None:
            # Cancel, or a save that failed, leaves the window open: the user stays.
            if not shiboken6.isValid(window) or not window.isVisible():
                self.close()

        def later() -> None:
            prompt.setProperty(CLOSES_MAIN_WINDOW, False)
            prompt.buttonClicked.disconnect(later)
            # Once the window has acted on the answer (and maybe deleted the box).
            QTimer.singleShot(0, self, answered)

        prompt.buttonClicked.connect(later)

    @staticmethod
    def _dropped_spreadsheet(event: QDragEnterEvent | QDropEvent) -> Path | None:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        if len(urls) != 1 or not urls[0].isLocalFile():
            return None
        path = Path(urls[0].toLocalFile())
        return path if path.suffix.lower() in SPREADSHEET_SUFFIXES else None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if self._dropped_spreadsheet(event) is not None:
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        path = self._dropped_spreadsheet(event)
        if path is None:
            super().dropEvent(event)
            return
        event.acceptProposedAction()
        self.import_file(path)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        # An editor with unsaved changes may ask, and the user may choose to stay.
        for window in list(self.windows.values()):
            if not window.close():
                event.ignore()
                self._close_after_prompt(window)
                return
        settings = window_settings()
        settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        settings.setValue(PAGE_KEY, self.current_page_key())
        settings.sync()
        super().closeEvent(event)
