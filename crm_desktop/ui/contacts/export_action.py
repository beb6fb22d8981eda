"""Export a list to Excel from the window: ask for a file, write it off the UI thread.

``export_list`` asks for a file name (a ``مخاطبان-1405-09-01.xlsx`` in the folder used
last, else the user's documents), then writes the file on a worker with a progress
dialog and Cancel, and says how it went: in the status bar, and in a box offering to
open the file or its folder. The service writes beside the target and renames only a
complete file, so Cancel (or an error) leaves no file and an existing one untouched.

Dialogs are non-modal (opened with ``open()``): the window stays usable while a long
export runs, and tests drive them without nested event loops.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractButton,
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QWidget,
)

from crm_desktop.errors import UserError
from crm_desktop.locale import to_jalali
from crm_desktop.services import export
from crm_desktop.services.contact_list import ContactFilter, ContactSort
from crm_desktop.ui.widgets.context import AppContext
from crm_desktop.ui.widgets.display import display_number, left_to_right
from crm_desktop.ui.widgets.file_dialogs import file_dialog
from crm_desktop.ui.widgets.runner import LongWork

log = logging.getLogger(__name__)

FOLDER_KEY = "export/folder"
STATUS_MS = 15_000

# The file, the progress callback, and a list for the values too long for one cell.
Work = Callable[[Path, export.Progress, list[export.SplitCell]], int]


def default_file_name(kind: str, lang: str = "fa", today: dt.date | None = None) -> str:
    """``مخاطبان 1405.09.01.xlsx``: the list's name and today's Jalali date.

    Dots, not hyphens, between the parts of the date: in a right-to-left line (a Persian
    file name is one) numbers joined by hyphens come out in reverse order, by dots not.
    """
    year, month, day = to_jalali(today or dt.date.today())
    return f"{export.list_title(kind, lang)} {year:04d}.{month:02d}.{day:02d}.xlsx"


def default_folder() -> Path:
    """The folder of the last export if it still exists, else the user's documents."""
    saved = QSettings().value(FOLDER_KEY)
    if isinstance(saved, str) and saved and Path(saved).is_dir():
        return Path(saved)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


class ListExport(QObject):
    """One export: the file dialog, the long work (``ui/runner``) and the result box.

    ``finished`` carries the file written, or None when cancelled or failed (the
    reason is in ``error`` then; ``cancelled`` says which). ``splits`` are the values
    that were too long for one cell and went on in continuation columns: the result
    box says so, one line each.
    """

    finished = Signal(object)

    def __init__(self, parent: QWidget, ctx: AppContext, kind: str, work: Work) -> None:
        super().__init__(parent)
        self.setObjectName("listExport")
        self.parent_widget = parent
        self.ctx = ctx
        self.kind = kind
        self._work = work
        self.file_dialog: QFileDialog | None = None
        self.result_box: QMessageBox | None = None
        self.open_file_button: QAbstractButton | None = None
        self.open_folder_button: QAbstractButton | None = None
        self.path: Path | None = None
        self.rows: int | None = None
        self.error: str | None = None
        self.cancelled = False
        self.splits: list[export.SplitCell] = []
        self._run: LongWork[int] | None = None

    # -- asking for the file ------------------------------------------------------------

    def ask(self) -> QFileDialog:
        """Open the save dialog; choosing a file starts the export."""
        dialog = file_dialog(
            self.parent_widget,
            self.tr("ذخیره به صورت فایل اکسل"),
            save=True,
            name_filters=[self.tr("کارپوشهٔ اکسل (*.xlsx)")],
            folder=str(default_folder()),
            file_name=default_file_name(self.kind, self.ctx.lang),
            default_suffix="xlsx",
        )
        dialog.setObjectName("exportFileDialog")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(self._file_chosen)
        dialog.finished.connect(self._dialog_closed)
        self.file_dialog = dialog
        dialog.open()
        return dialog

    def _file_chosen(self, name: str) -> None:
        if name:
            self.start(Path(name))

    def _dialog_closed(self) -> None:
        self.file_dialog = None  # it deletes itself on close

    # -- the work -----------------------------------------------------------------------

    def running(self) -> bool:
        return self._run is not None and self._run.running

    @property
    def progress_dialog(self) -> QProgressDialog | None:
        return self._run.dialog if self._run is not None else None

    def start(self, path: Path) -> None:
        """Write the list to ``path`` on a worker thread, with a progress dialog."""
        if self.running():
            return
        self.path, self.rows, self.error, self.cancelled = path, None, None, False
        if path.parent.is_dir():
            QSettings().setValue(FOLDER_KEY, str(path.parent))
        work, splits = self._work, list[export.SplitCell]()
        self.splits = splits  # filled by the worker once the file is written
        text = self.tr("در حال نوشتن %1…").replace("%1", left_to_right(path.name))
        run = LongWork(
            self.ctx,
            self.parent_widget,
            lambda progress: work(path, progress, splits),
            title=self.tr("خروجی اکسل"),
            text=text,
            cancelled=export.ExportCancelled,
        )
        run.done.connect(self._done)
        run.failed.connect(self._failed)
        self._run = run.start()

    def cancel(self) -> None:
        """Stop at the next few hundred rows; nothing is written."""
        if self._run is not None:
            self._run.cancel()

    def _done(self, rows: int) -> None:
        self.rows = rows
        assert self.path is not None
        self._show_status(self.written_text())
        self._show_result(self.path)
        self.finished.emit(self.path)

    def _failed(self, error: Exception) -> None:
        if isinstance(error, export.ExportCancelled):
            self.cancelled = True
            self._show_status(self.tr("خروجی اکسل لغو شد؛ فایلی نوشته نشد."))
        else:
            self.error = self._error_text(error)
            self._show_error(self.error)
        self.finished.emit(None)

    # -- telling the user ---------------------------------------------------------------

    def written_text(self) -> str:
        assert self.path is not None
        text = self.tr("%1 ردیف در «%2» نوشته شد.")
        return text.replace("%1", display_number(self.rows or 0)).replace(
            "%2", left_to_right(self.path.name)
        )

    def _error_text(self, error: Exception) -> str:
        if isinstance(error, UserError):
            return error.message(self.ctx.lang)
        log.error("export to Excel failed", exc_info=error)
        text = self.tr("خطای پیش‌بینی‌نشده‌ای رخ داد و در گزارش برنامه ثبت شد (%1).")
        return text.replace("%1", type(error).__name__)

    def _show_status(self, text: str) -> None:
        window = self.parent_widget.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, STATUS_MS)

    def split_text(self) -> str:
        """What the result box adds when some values went on in more columns."""
        text = self.tr(
            "%1 مقدار از گنجایش یک خانهٔ اکسل بلندتر بود و در چند ستون پشت سر هم نوشته "
            "شد؛ چیزی از آن‌ها کنار گذاشته نشد. جزئیات:"
        )
        return text.replace("%1", display_number(len(self.splits)))

    def _show_result(self, path: Path) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning if self.splits else QMessageBox.Icon.Information,
            self.tr("خروجی اکسل"),
            self.written_text(),
            QMessageBox.StandardButton.Close,
            self.parent_widget,
        )
        if self.splits:
            box.setInformativeText(self.split_text())
            box.setDetailedText("\n".join(s.message(self.ctx.lang) for s in self.splits))
        box.setObjectName("exportResult")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.open_file_button = box.addButton(
            self.tr("باز کردن فایل"), QMessageBox.ButtonRole.AcceptRole
        )
        self.open_folder_button = box.addButton(
            self.tr("باز کردن پوشه"), QMessageBox.ButtonRole.ActionRole
        )
        box.buttonClicked.connect(self._result_clicked)
        self.result_box = box
        box.open()

    def _result_clicked(self, button: QAbstractButton) -> None:
        if self.path is None:
            return
        if button is self.open_file_button:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path)))
        elif button is self.open_folder_button:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path.parent)))
        self.result_box = None

    def _show_error(self, message: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning, self.tr("خروجی اکسل"), message, parent=self.parent_widget
        )
        box.setObjectName("exportError")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.result_box = box
        box.open()


def export_list(
    parent: QWidget,
    ctx: AppContext,
    kind: str,
    *,
    contact_filter: ContactFilter | None = None,
    contact_sort: ContactSort | None = None,
    company_search: str | None = None,
    ids: Sequence[str] | None = None,
) -> ListExport:
    """Ask for a file and export a list to it; returns the export (its dialogs, its state).

    ``kind`` is ``contacts`` (the list for ``contact_filter`` and ``contact_sort``, as
    the contacts page shows it), ``companies`` (matching ``company_search``), ``deals``
    or ``activities`` (all of them, or just ``ids`` in that order).
    """
    db, lang = ctx.db, ctx.lang
    works: dict[str, Work] = {
        "contacts": lambda path, progress, splits: export.export_contacts(
            db, path, contact_filter, contact_sort, progress=progress, lang=lang, splits=splits
        ),
        "companies": lambda path, progress, splits: export.export_companies(
            db, path, company_search, progress=progress, lang=lang, splits=splits
        ),
        "deals": lambda path, progress, splits: export.export_deals(
            db, path, ids, progress=progress, lang=lang, splits=splits
        ),
        "activities": lambda path, progress, splits: export.export_activities(
            db, path, ids, progress=progress, lang=lang, splits=splits
        ),
    }
    if kind not in works:
        raise ValueError(f"cannot export {kind!r}; one of {', '.join(works)}")
    for earlier in parent.findChildren(ListExport):
        if not earlier.running():  # done with: only its result box may still be open
            earlier.deleteLater()
    run = ListExport(parent, ctx, kind, works[kind])
    run.ask()
    return run
