"""Opening the window: the contacts rows first, the rest of the application after.

Of the second a start used to take, a third went to importing SQLAlchemy and the model
declarations and a fifth to importing every page. None of that is needed to show what
the user looks at first, the first rows of the contacts list: ``open_window`` reads them
through the standard ``sqlite3`` module (``services.first_screen``), paints them in an
early window laid out like the real page (``ui.early_window``), and then loads the rest
without freezing that window: the modules free of Qt (SQLAlchemy, the models, the
services) and the opening of the database (its revision checked, as on every start)
on a thread, the Qt pages on the event loop a module at a time. The real main window
then takes the early one's place, at the same spot, its table where the early table was.

The early window is skipped, and the window opens the normal way, whenever it could
show something the real page would not: a file missing, not ours or at another schema
revision (a migration is due, or it comes from a newer version), another page to open
on, or no record yet of how the contacts table looks (the first start).
"""

from __future__ import annotations

import importlib
import threading
from base64 import b64encode
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal

from crm_desktop.errors import UserError
from crm_desktop.services.first_screen import FirstScreen, read_first_screen
from crm_desktop.ui.app import ensure_application, new_main_window, setup_application
from crm_desktop.ui.contacts.contact_cells import CELLS
from crm_desktop.ui.shell.early_window import (
    PAGE_KEY,
    EarlyWindow,
    TableLayout,
    window_settings,
)

if TYPE_CHECKING:
    from crm_desktop.models.database import Database
    from crm_desktop.ui.app import WindowStarted
    from crm_desktop.ui.shell.main_window import MainWindow

# Loaded on the thread: no Qt in them (``tests/test_architecture.py``).
BACKGROUND_MODULES = (
    "sqlalchemy",
    "sqlalchemy.orm",
    "crm_desktop.models",
    "crm_desktop.models.database",
    "crm_desktop.services.contact_list",
    "crm_desktop.services.contacts",
    "crm_desktop.services.users",
    "crm_desktop.services.office",
    "crm_desktop.services.segments",
    "crm_desktop.services.spreadsheet",
)
# Loaded on the event loop, one per turn: they define Qt classes.
WINDOW_MODULES = (
    "crm_desktop.ui.widgets.context",
    "crm_desktop.ui.contacts.contact_table_model",
    "crm_desktop.ui.contacts.contact_filters",
    "crm_desktop.ui.contacts.contact_actions",
    "crm_desktop.ui.contacts.contacts_page",
    "crm_desktop.ui.shell.navigation",
    "crm_desktop.ui.shell.notice_bar",
    "crm_desktop.ui.shell.main_window",
    "crm_desktop.ui.shell.bug_report",
    "crm_desktop.ui.shell.first_run",
    "crm_desktop.ui.shell.startup_checks",
)
PAINT_WAIT_MS = 500
CONTACTS = "contacts"


def open_window(
    path: Path,
    *,
    lang: str,
    page: str | None,
    on_painted: Callable[[], object] | None = None,
    on_loaded: Callable[[MainWindow], object] | None = None,
) -> int:
    """Open the main window on the database at ``path`` and run until it closes; the
    exit status. A database that cannot be opened is said in a box, then raised.

    ``on_painted`` is called once the first contacts rows are painted (the early ones,
    or the real page's), ``on_loaded`` once the real window has painted its page.
    """
    try:
        start = EarlyStart.prepare(path, lang, page)
        if start is None:
            return _open_normally(path, lang, page, on_painted, on_loaded)
        if on_painted is not None:
            start.first_paint.connect(on_painted)
        if on_loaded is not None:
            start.loaded.connect(on_loaded)
        return start.run()
    except UserError as error:
        from crm_desktop.ui.app import show_startup_error

        show_startup_error(error, lang)
        raise


def _open_normally(
    path: Path,
    lang: str,
    page: str | None,
    on_painted: Callable[[], object] | None = None,
    on_loaded: Callable[[MainWindow], object] | None = None,
) -> int:
    """``ui.app.run_app``, recording how the contacts table looks for the next start."""
    from crm_desktop.models.database import open_for_window
    from crm_desktop.ui.app import WindowStarted, build_main_window

    with open_for_window(path) as db:
        app = ensure_application()
        window = build_main_window(db, lang, page)
        window.show()
        started = WindowStarted(window, db, lang)

        def painted() -> None:
            remember_layout(window, lang)
            if on_painted is not None:
                on_painted()
            if on_loaded is not None:
                on_loaded(window)

        if CONTACTS in window.pages:
            _FirstPaint(window.contacts_page.table.viewport(), painted)
        _RememberOnClose(window, lang)
        try:
            return app.exec()
        finally:
            started.end()


def _opens_on_contacts(page: str | None) -> bool:
    if page is not None:
        return page == CONTACTS
    remembered = window_settings().value(PAGE_KEY)
    return remembered is None or remembered == CONTACTS


class _FirstPaint(QObject):
    """Calls ``then`` once, after the first paint of the watched widget."""

    def __init__(self, watched: QObject, then: Any) -> None:
        super().__init__(watched)
        self._then = then
        watched.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint and self._then is not None:
            then, self._then = self._then, None
            watched.removeEventFilter(self)
            QTimer.singleShot(0, then)
        return False


class _RememberOnClose(QObject):
    """Records the contacts table's layout as the window closes (the columns may have
    changed since it opened), while it is still on screen."""

    def __init__(self, window: MainWindow, lang: str) -> None:
        super().__init__(window)
        self._lang = lang
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Close:
            remember_layout(self.parent(), self._lang)  # type: ignore[arg-type]
        return False


class EarlyStart(QObject):
    """The early window, the loading behind it, and the swap to the real window."""

    # The contacts rows on screen (the early ones); the real window shown and painted.
    first_paint = Signal()
    loaded = Signal(object)
    _background_done = Signal()  # emitted on the loading thread, received on the main one

    def __init__(self, path: Path, lang: str, page: str | None, screen: FirstScreen) -> None:
        super().__init__()
        self.path, self.lang, self.page = path, lang, page
        self.screen = screen
        self.early: EarlyWindow | None = None
        self.window: MainWindow | None = None
        self.db: Database | None = None
        self.error: BaseException | None = None
        self._started: WindowStarted | None = None
        self._thread: threading.Thread | None = None
        self._opened: Database | None = None
        self._steps = list(WINDOW_MODULES)
        self._background_done.connect(self._after_background, Qt.ConnectionType.QueuedConnection)

    @classmethod
    def prepare(cls, path: Path, lang: str, page: str | None) -> EarlyStart | None:
        """The early start of ``path``, or None when the window must open the normal way."""
        if not _opens_on_contacts(page) or TableLayout.load(lang) is None:
            return None
        screen = read_first_screen(Path(path).expanduser())
        if screen is None:
            return None
        return cls(path, lang, page, screen)

    # -- the steps ------------------------------------------------------------------------

    def show_early(self) -> EarlyWindow:
        """Show the early window and start loading the rest behind it."""
        app = ensure_application()
        setup_application(app, self.lang)
        layout = TableLayout.load(self.lang)
        assert layout is not None
        self.early = EarlyWindow(self.screen, layout, Path(self.path).expanduser().resolve().name)
        _FirstPaint(self.early.table.viewport(), self._painted)
        self.early.show()
        # The loading competes for the interpreter: it starts once the rows are on
        # screen (or after a moment, should the window not be painted at all).
        QTimer.singleShot(PAINT_WAIT_MS, self._start_loading)
        return self.early

    def _painted(self) -> None:
        self.first_paint.emit()
        self._start_loading()

    def _start_loading(self) -> None:
        if self._thread is not None:
            return
        self._thread = threading.Thread(target=self._load_quietly, name="load", daemon=True)
        self._thread.start()

    def run(self) -> int:
        """Show the early window and run the event loop until the window closes."""
        app = ensure_application()
        self.show_early()
        try:
            status = app.exec()
        finally:
            self.end()
        if self.error is not None:
            raise self.error
        return status

    def end(self) -> None:
        """After the event loop: undo what the window installed, close the database."""
        if self._started is not None:
            self._started.end()
            self._started = None
        if self._thread is not None:
            self._thread.join()
        db, self.db, self._opened = self.db or self._opened, None, None
        if db is not None:
            db.close()

    def _load_quietly(self) -> None:
        try:
            for name in BACKGROUND_MODULES:
                importlib.import_module(name)
            from sqlalchemy.orm import configure_mappers

            from crm_desktop.models.database import open_for_window

            configure_mappers()  # what the first ORM statement would pay for
            self._opened = open_for_window(self.path)
        except BaseException as exc:  # handed to the main thread, raised from ``run``
            self.error = exc
        self._background_done.emit()

    def _after_background(self) -> None:
        if self.error is not None:
            self._give_up()
        else:
            self._import_next()

    def _import_next(self) -> None:
        try:
            importlib.import_module(self._steps.pop(0))
        except BaseException as exc:
            self.error = exc
            self._give_up()
            return
        QTimer.singleShot(0, self._import_next if self._steps else self._swap)

    def _swap(self) -> None:
        assert self.early is not None and self._opened is not None
        self.db, self._opened = self._opened, None
        try:
            window = new_main_window(self.db, self.lang, self.page)
        except BaseException as exc:
            self.error = exc
            self._give_up()
            return
        self.window = window
        window.show()
        self.early.hide()
        self.early.deleteLater()
        self.early = None
        _FirstPaint(window.contacts_page.table.viewport(), self._loaded)
        _RememberOnClose(window, self.lang)

    def _loaded(self) -> None:
        from crm_desktop.ui.app import WindowStarted

        assert self.window is not None and self.db is not None
        # Once the page is on screen: the checks and questions wait behind no paint.
        self._started = WindowStarted(self.window, self.db, self.lang)
        remember_layout(self.window, self.lang)
        self.loaded.emit(self.window)

    def _give_up(self) -> None:
        """A failure while loading (the file cannot be opened after all): no window."""
        if self.early is not None:
            self.early.close()
        ensure_application().exit(1)


def remember_layout(window: MainWindow, lang: str) -> TableLayout | None:
    """Record how the contacts table of ``window`` looks, for the next early window."""
    from crm_desktop.ui.contacts.contact_table_model import COLUMN_KEYS, sort_column

    if CONTACTS not in window.pages or not window.isVisible():
        return None
    table = window.contacts_page.table
    header = table.horizontalHeader()
    model = window.contacts_page.model
    columns = []
    for visual in range(header.count()):
        logical = header.logicalIndex(visual)
        if header.isSectionHidden(logical):
            continue
        title = model.headerData(logical, Qt.Orientation.Horizontal)
        columns.append((COLUMN_KEYS[logical], str(title), header.sectionSize(logical)))
    if any(key not in CELLS for key, _title, _width in columns):
        TableLayout.forget()
        return None
    sort = model.sort_order
    top_left = table.mapTo(window, QPoint(0, 0))
    layout = TableLayout(
        lang=lang,
        title=window.title_pattern(),
        columns=columns,
        sort_key=COLUMN_KEYS[sort_column(sort)] if header.isSortIndicatorShown() else None,
        descending=sort.descending,
        rect=(
            top_left.x(),
            top_left.y(),
            window.width() - top_left.x() - table.width(),
            window.height() - top_left.y() - table.height(),
        ),
        row_height=table.verticalHeader().defaultSectionSize(),
        geometry=b64encode(bytes(window.saveGeometry().data())).decode("ascii"),
    )
    layout.save()
    return layout
