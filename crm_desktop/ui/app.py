"""Starting the interface: the application object, its font and direction, the window.

Only Qt and the look (style, fonts, translations) are imported with this module: the
early window (``ui.launch``) sets the application up with it before the database layer
and the pages are loaded.
"""

from __future__ import annotations

import logging
import sys
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from crm_desktop.errors import UserError
from crm_desktop.paths import resources_dir
from crm_desktop.ui.i18n import install_translator
from crm_desktop.ui.shell.early_window import SETTINGS_APPLICATION, SETTINGS_ORGANIZATION
from crm_desktop.ui.widgets.style import install_style

if TYPE_CHECKING:
    from crm_desktop.models.database import Database
    from crm_desktop.ui.shell.main_window import MainWindow
    from crm_desktop.ui.widgets.context import AppContext

log = logging.getLogger(__name__)

FONT_FAMILY = "Vazirmatn"
FONT_FILES = ("Vazirmatn-Regular.ttf", "Vazirmatn-Medium.ttf", "Vazirmatn-Bold.ttf")
FONT_POINT_SIZE = 10.0
LANGUAGES = ("fa", "en")


def ensure_application() -> QApplication:
    """The running QApplication, created on first use."""
    existing = QCoreApplication.instance()
    if existing is not None:
        return cast(QApplication, existing)
    return QApplication(sys.argv)


def load_fonts() -> bool:
    """Register the bundled Vazirmatn files once; True when the family is available."""
    if FONT_FAMILY in QFontDatabase.families():
        return True
    folder = resources_dir() / "fonts"
    for name in FONT_FILES:
        path = folder / name
        if not path.is_file() or QFontDatabase.addApplicationFont(str(path)) == -1:
            log.warning("could not load font %s", path)
    return FONT_FAMILY in QFontDatabase.families()


def setup_application(app: QApplication, lang: str = "fa") -> None:
    """Font, direction, locale, translations and settings names, for the whole application."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; one of: {', '.join(LANGUAGES)}")
    app.setOrganizationName(SETTINGS_ORGANIZATION)
    app.setApplicationName(SETTINGS_APPLICATION)
    install_style(app)
    if load_fonts():
        font = QFont(FONT_FAMILY)
        font.setPointSizeF(FONT_POINT_SIZE)
        app.setFont(font)
    if lang == "fa":
        QLocale.setDefault(QLocale(QLocale.Language.Persian, QLocale.Country.Iran))
        app.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    if not install_translator(app, lang):
        log.warning("no translation for %s in the resources", lang)


def build_main_window(
    db: Database, lang: str = "fa", page: str | None = None, *, ctx: AppContext | None = None
) -> MainWindow:
    """The main window over ``db``, with the application set up for ``lang``."""
    app = ensure_application()
    setup_application(app, lang)
    return new_main_window(db, lang, page, ctx=ctx)


def new_main_window(
    db: Database, lang: str = "fa", page: str | None = None, *, ctx: AppContext | None = None
) -> MainWindow:
    """The main window over ``db``, the application being set up already."""
    from crm_desktop.ui.shell.main_window import MainWindow
    from crm_desktop.ui.widgets.context import AppContext

    return MainWindow(ctx or AppContext(db, lang=lang), page=page)


class WindowStarted:
    """What runs beside a main window once it is shown: bug reports in a dialog, the
    first-run questions (on a database nobody has used yet, over the disabled window)
    and the background checks of the file. ``end`` when the event loop is over."""

    def __init__(self, window: MainWindow, db: Database, lang: str) -> None:
        from crm_desktop.ui.shell.bug_report import install_excepthook
        from crm_desktop.ui.shell.first_run import ask_if_needed
        from crm_desktop.ui.shell.startup_checks import StartupChecks

        # A bug in a slot is logged and reported in a dialog instead of only on stderr.
        self._previous_hook = install_excepthook(window)
        self._first_run: Any = ask_if_needed(window.ctx, window)
        self._checks: Any = StartupChecks(window, db, lang)
        self._checks.start()

    def end(self) -> None:
        sys.excepthook = self._previous_hook
        self._first_run = self._checks = None


def run_app(db: Database, *, lang: str = "fa", page: str | None = None) -> int:
    """Open the main window and run the event loop until it closes; the exit status."""
    app = ensure_application()
    window = build_main_window(db, lang, page)
    window.show()
    started = WindowStarted(window, db, lang)
    try:
        return app.exec()
    finally:
        started.end()


def show_startup_error(error: UserError, lang: str = "fa") -> None:
    """Say why the database cannot be opened, in a box (the window has no terminal)."""
    from crm_desktop.ui.shell.startup_checks import startup_error_box

    app = ensure_application()
    setup_application(app, lang)
    startup_error_box(error, lang).exec()
