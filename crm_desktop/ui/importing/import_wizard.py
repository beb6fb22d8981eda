"""Importing a spreadsheet, page by page: file, sheet, columns, dry run, import, result.

The wizard is non-modal and right-to-left like the rest of the window. Nothing is
written before the import page: the file is read and dry-run on the thread pool, the
import runs on the undo worker as one undo step, and Cancel during the import rolls it
back. ``open_import_wizard`` is what the main window's File menu calls.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget, QWizard

from crm_desktop.ui.importing.import_pages import (
    DRY_RUN_PAGE,
    FILE_PAGE,
    IMPORT_PAGE,
    MAPPING_PAGE,
    RESULT_PAGE,
    SHEET_PAGE,
    FilePage,
    MappingPage,
    SheetPage,
)
from crm_desktop.ui.importing.import_run_pages import DryRunPage, ImportPage, ResultPage
from crm_desktop.ui.importing.import_state import ImportState, Jobs
from crm_desktop.ui.shell.main_window import FRAME_ALLOWANCE
from crm_desktop.ui.widgets.context import AppContext

WizardButton = QWizard.WizardButton
WIZARD_SIZE = QSize(980, 760)  # made smaller to fit the screen (1366x768 laptops)
NORMAL_BUTTONS = [
    WizardButton.Stretch,
    WizardButton.BackButton,
    WizardButton.NextButton,
    WizardButton.FinishButton,
    WizardButton.CancelButton,
]
IMPORTING_BUTTONS = [WizardButton.Stretch, WizardButton.CancelButton]
FAILED_BUTTONS = [WizardButton.Stretch, WizardButton.BackButton, WizardButton.CancelButton]
DONE_BUTTONS = [WizardButton.Stretch, WizardButton.FinishButton]


class ImportWizard(QWizard):
    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, path: Path | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.state = ImportState()
        self.jobs = Jobs(self)
        self.setObjectName("importWizard")
        self.setWindowTitle(self.tr("ورود اطلاعات از اکسل"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.setOption(QWizard.WizardOption.NoDefaultButton, False)
        self.setModal(False)
        self.file_page = FilePage(ctx, self.state, self.jobs)
        self.sheet_page = SheetPage(ctx, self.state, self.jobs)
        self.mapping_page = MappingPage(ctx, self.state)
        self.dry_run_page = DryRunPage(ctx, self.state, self.jobs)
        self.import_page = ImportPage(ctx, self.state)
        self.result_page = ResultPage(ctx, self.state, self.jobs)
        for page_id, page in (
            (FILE_PAGE, self.file_page),
            (SHEET_PAGE, self.sheet_page),
            (MAPPING_PAGE, self.mapping_page),
            (DRY_RUN_PAGE, self.dry_run_page),
            (IMPORT_PAGE, self.import_page),
            (RESULT_PAGE, self.result_page),
        ):
            self.setPage(page_id, page)
        self.setStartId(FILE_PAGE)
        self.setButtonText(WizardButton.BackButton, self.tr("قبلی"))
        self.setButtonText(WizardButton.NextButton, self.tr("بعدی"))
        self.setButtonText(WizardButton.FinishButton, self.tr("بستن"))
        self.setButtonText(WizardButton.CancelButton, self.tr("انصراف"))
        self.currentIdChanged.connect(self._update_buttons)
        self.import_page.running_changed.connect(self._update_buttons)
        self.import_page.finished.connect(self._imported)
        self.import_page.cancelling.connect(self._cancelling)
        self._fit_to_screen()
        if path is not None:
            self.file_page.set_path(Path(path))

    def _fit_to_screen(self) -> None:
        screen = self.screen() or QGuiApplication.primaryScreen()
        available = screen.availableGeometry()
        self.resize(
            min(WIZARD_SIZE.width(), available.width() - FRAME_ALLOWANCE.width()),
            min(WIZARD_SIZE.height(), available.height() - FRAME_ALLOWANCE.height()),
        )

    def _update_buttons(self) -> None:
        page = self.currentId()
        cancel = self.tr("انصراف")
        if page == IMPORT_PAGE and self.import_page.running:
            layout, cancel = IMPORTING_BUTTONS, self.tr("لغو ورود")
        elif page == IMPORT_PAGE:
            layout, cancel = FAILED_BUTTONS, self.tr("بستن")
        elif page == RESULT_PAGE:
            layout = DONE_BUTTONS
        else:
            layout = NORMAL_BUTTONS
        self.setButtonLayout(layout)
        self.setButtonText(WizardButton.CancelButton, cancel)
        self.button(WizardButton.CancelButton).setEnabled(True)

    def _cancelling(self) -> None:
        self.button(WizardButton.CancelButton).setEnabled(False)

    def _imported(self, ok: bool) -> None:
        if ok and self.currentId() == IMPORT_PAGE:
            self.next()

    def reject(self) -> None:
        """Cancel, Escape or closing the window: during the import, cancel the import."""
        if self.import_page.running:
            self.import_page.cancel()
            return
        self.dry_run_page.stop()
        super().reject()

    def accept(self) -> None:
        self.dry_run_page.stop()
        super().accept()


def open_import_wizard(
    parent: QWidget | None, ctx: AppContext, path: Path | None = None
) -> ImportWizard:
    """Show the import wizard (non-modal), reading ``path`` at once when one is given."""
    wizard = ImportWizard(ctx, parent, path)
    wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    wizard.show()
    return wizard
