"""The wizard's last pages: the dry run, the import itself, and what it did.

The dry run and the import run off the UI thread with a progress bar; the import is
one step on the undo stack (``import_steps``). The result page can save the rows
with problems to a workbook and undo (or redo) the import.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QStyle,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from crm_desktop.errors import UserError
from crm_desktop.services.importer import (
    ImportCancelled,
    ImportResult,
    UndoResult,
    list_imports,
    run_import,
    save_mapping,
)
from crm_desktop.services.importer.problems import fixable_rows, save_problem_rows
from crm_desktop.ui.importing.import_labels import POLICIES, failure_text
from crm_desktop.ui.importing.import_labels import tr as label_tr
from crm_desktop.ui.importing.import_pages import RESULT_PAGE, message_label
from crm_desktop.ui.importing.import_state import ImportState, Jobs
from crm_desktop.ui.importing.import_steps import ImportStep, start_import, start_revert
from crm_desktop.ui.importing.import_tables import CountsView, ProblemsModel, problems_table
from crm_desktop.ui.importing.import_undo import ask_to_undo, outcome_text
from crm_desktop.ui.widgets.context import AppContext, Change
from crm_desktop.ui.widgets.display import display_number, isolate, left_to_right
from crm_desktop.ui.widgets.file_dialogs import file_dialog
from crm_desktop.ui.widgets.runner import ProgressRelay


def _progress_bar(name: str) -> QProgressBar:
    bar = QProgressBar()
    bar.setObjectName(name)
    bar.setRange(0, 0)  # busy until the first report
    return bar


def _show_progress(bar: QProgressBar, done: int, total: int) -> None:
    bar.setRange(0, max(total, 1))
    bar.setValue(min(done, total))


class DryRunPage(QWizardPage):
    """What the import would do, counted without writing; the duplicate policy."""

    finished = Signal()

    def __init__(self, ctx: AppContext, state: ImportState, jobs: Jobs) -> None:
        super().__init__()
        self.ctx, self.state, self.jobs = ctx, state, jobs
        self.setTitle(self.tr("آزمایش پیش از ورود"))
        self.setSubTitle(
            self.tr("فایل یک بار بدون ذخیره آزموده شد؛ این است آنچه ورود داده‌ها انجام خواهد داد.")
        )
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("ورود داده‌ها"))
        self.progress = _progress_bar("importDryRunProgress")
        self.status_label = message_label("importDryRunStatus")
        self.counts = CountsView(
            [
                self.tr("ردیف"),
                self.tr("ساخته می‌شود"),
                self.tr("تکمیل می‌شود"),
                self.tr("تکراری"),
                self.tr("وارد نمی‌شود"),
                self.tr("خطا"),
                self.tr("هشدار"),
            ]
        )
        self.policy_box = QGroupBox(self.tr("ردیفی که با رکوردی موجود یا ردیفی بالاتر یکی است:"))
        self.policy_group = QButtonGroup(self)
        self.policy_buttons: dict[str, QRadioButton] = {}
        policy_layout = QVBoxLayout(self.policy_box)
        policy_layout.setSpacing(2)
        style = self.style()
        # Under the radio button's text, not under its circle.
        indent = style.pixelMetric(QStyle.PixelMetric.PM_ExclusiveIndicatorWidth) + (
            style.pixelMetric(QStyle.PixelMetric.PM_RadioButtonLabelSpacing)
        )
        for policy, label, explanation in POLICIES:
            button = QRadioButton(label_tr(label))
            button.setObjectName(f"importPolicy_{policy}")
            note = QLabel(label_tr(explanation))
            note.setWordWrap(True)
            note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
            note.setContentsMargins(indent, 0, indent, 4)
            policy_layout.addWidget(button)
            policy_layout.addWidget(note)
            self.policy_group.addButton(button)
            self.policy_buttons[policy] = button
            button.toggled.connect(lambda on, p=policy: self._policy_toggled(p, on))
        self.problems_model = ProblemsModel(ctx.lang, self)
        self.problems_table = problems_table("importDryRunProblems", self.problems_model)
        self.error_label = message_label("importDryRunError", error=True)
        self.relay: ProgressRelay | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        layout.addWidget(self.status_label)
        layout.addWidget(self.counts)
        layout.addWidget(self.error_label)
        layout.addWidget(self.policy_box)
        layout.addWidget(self.problems_table, 1)

    def initializePage(self) -> None:  # noqa: N802
        self.policy_buttons[self.state.on_duplicate].setChecked(True)
        self.run()

    def cleanupPage(self) -> None:  # noqa: N802
        self.stop()

    def _policy_toggled(self, policy: str, on: bool) -> None:
        if on and policy != self.state.on_duplicate:
            self.state.on_duplicate = policy
            self.run()

    def stop(self) -> None:
        if self.relay is not None:
            self.relay.cancel()
            self.relay = None
        self.jobs.forget("dry_run")

    def run(self) -> None:
        """Count again, in the background, with the current mapping and policy."""
        self.stop()
        state, db = self.state, self.ctx.db
        sheet, mapping = state.sheet, dict(state.mapping)
        kind, policy = state.kind, state.on_duplicate
        assert sheet is not None
        relay = self.relay = ProgressRelay(ImportCancelled)
        relay.progressed.connect(self._progressed)
        state.dry_run = None
        self.progress.setRange(0, 0)
        self.progress.show()
        self.status_label.setText(self.tr("در حال آزمایش، بی آنکه چیزی ذخیره شود…"))
        self.error_label.clear()
        self.counts.show_result(None)
        self.problems_model.set_result(None)

        def work() -> ImportResult:
            return run_import(
                db, sheet, mapping, kind=kind, on_duplicate=policy, dry_run=True, progress=relay
            )

        self.jobs.start("dry_run", work, self._done, self._failed)
        self.completeChanged.emit()

    def _progressed(self, done: int, total: int) -> None:
        if self.sender() is self.relay:  # not a dry run asked for before
            _show_progress(self.progress, done, total)

    def _done(self, result: ImportResult) -> None:
        self.state.dry_run = result
        self.relay = None
        self.progress.hide()
        self.counts.show_result(result)
        self.problems_model.set_result(result)
        if result.created == 0 and result.updated == 0:
            text = self.tr("ورود این فایل چیزی را تغییر نمی‌دهد.")
        elif result.errors or result.warnings:
            text = self.tr("هنوز چیزی ذخیره نشده است. خطاها و هشدارها را در جدول پایین ببینید.")
        else:
            text = self.tr("هنوز چیزی ذخیره نشده است. مشکلی پیدا نشد.")
        self.status_label.setText(text)
        self.completeChanged.emit()
        self.finished.emit()

    def _failed(self, error: Exception) -> None:
        self.relay = None
        self.progress.hide()
        self.status_label.clear()
        self.error_label.setText(failure_text(error, self.ctx.lang))
        self.completeChanged.emit()
        self.finished.emit()

    def isComplete(self) -> bool:  # noqa: N802
        return self.state.dry_run is not None


class ImportPage(QWizardPage):
    """The import itself, with its progress and a Cancel that writes nothing."""

    running_changed = Signal(bool)
    cancelling = Signal()  # Cancel was asked for; the import stops at its next report
    finished = Signal(bool)  # True: imported; False: cancelled or failed

    def __init__(self, ctx: AppContext, state: ImportState) -> None:
        super().__init__()
        self.ctx, self.state = ctx, state
        self.setTitle(self.tr("ورود داده‌ها"))
        self.setSubTitle(
            self.tr(
                "تا پایان کار چیزی ذخیره نمی‌شود؛ اگر ورود را لغو کنید، داده‌ها همان می‌مانند "
                "که بودند."
            )
        )
        self.status_label = message_label("importStatus")
        self.progress = _progress_bar("importProgress")
        self.error_label = message_label("importError", error=True)
        self.relay: ProgressRelay | None = None
        self.step: ImportStep | None = None
        self.running = False
        layout = QVBoxLayout(self)
        layout.addWidget(self.status_label)
        layout.addWidget(self.progress)
        layout.addWidget(self.error_label)
        layout.addStretch(1)

    def initializePage(self) -> None:  # noqa: N802
        self.start()

    def start(self) -> None:
        state = self.state
        assert state.sheet is not None
        self.error_label.clear()
        if state.remember:
            try:
                save_mapping(self.ctx.db, state.sheet.headers, state.mapping, state.kind)
            except UserError as error:  # the import can still go on without it
                self.error_label.setText(failure_text(error, self.ctx.lang))
        relay = self.relay = ProgressRelay(ImportCancelled)
        relay.progressed.connect(self._progressed)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.status_label.setText(
            self.tr("در حال ورود داده از %1…").replace("%1", isolate(state.file_name))
        )
        self._set_running(True)
        self.step = start_import(
            self.ctx,
            state.sheet,
            state.mapping,
            kind=state.kind,
            on_duplicate=state.on_duplicate,
            file_name=state.file_name,
            relay=relay,
        )
        self.step.imported.connect(self._done)
        self.step.import_failed.connect(self._failed)

    def _progressed(self, done: int, total: int) -> None:
        _show_progress(self.progress, done, total)

    def cancel(self) -> None:
        """Stop at the next progress report; the transaction is rolled back."""
        if self.relay is not None and self.running and not self.relay.cancelled:
            self.relay.cancel()
            self.status_label.setText(self.tr("در حال لغو…"))
            self.cancelling.emit()

    def _set_running(self, running: bool) -> None:
        self.running = running
        self.completeChanged.emit()
        self.running_changed.emit(running)

    def _done(self, result: ImportResult) -> None:
        stack = self.ctx.undo_stack
        self.state.step, self.state.result = self.step, result
        # An import that changed nothing is no step on the undo stack.
        self.state.command = stack.command(stack.index() - 1) if result.changed_anything else None
        self.relay = None
        self._set_running(False)
        self.finished.emit(True)

    def _failed(self, error: Exception) -> None:
        self.relay = None
        self.progress.hide()
        message = failure_text(error, self.ctx.lang)
        if not isinstance(error, ImportCancelled):
            message += "\n" + self.tr("هیچ داده‌ای ذخیره نشد.")
        self.status_label.clear()
        self.error_label.setText(message)
        self._set_running(False)
        self.finished.emit(False)

    def isComplete(self) -> bool:  # noqa: N802
        return not self.running and self.state.result is not None

    def nextId(self) -> int:  # noqa: N802
        return RESULT_PAGE if self.state.result is not None else -1


class ResultPage(QWizardPage):
    """What the import did; its problem rows to a workbook; undo and redo."""

    reverted = Signal(bool)  # an undo (True) or redo (False) of the import finished
    saved = Signal(str)  # the problem rows were written to this file

    def __init__(self, ctx: AppContext, state: ImportState, jobs: Jobs) -> None:
        super().__init__()
        self.ctx, self.state, self.jobs = ctx, state, jobs
        self.setTitle(self.tr("ورود داده انجام شد"))
        self.counts = CountsView(
            [
                self.tr("ردیف"),
                self.tr("ساخته شد"),
                self.tr("تکمیل شد"),
                self.tr("تکراری"),
                self.tr("وارد نشد"),
                self.tr("خطا"),
                self.tr("هشدار"),
            ]
        )
        self.problems_model = ProblemsModel(ctx.lang, self)
        self.problems_table = problems_table("importProblems", self.problems_model)
        self.save_button = QPushButton(self.tr("ذخیرهٔ ردیف‌های مشکل‌دار در فایل اکسل…"))
        self.save_button.setObjectName("importSaveProblems")
        self.undo_button = QPushButton(self.tr("واگرد این ورود"))
        self.undo_button.setObjectName("importUndo")
        self.status_label = message_label("importResultStatus")
        self.error_label = message_label("importResultError", error=True)
        self.save_dialog: QFileDialog | None = None
        self.confirm_box: QMessageBox | None = None
        self.undone = False
        self._followed: list[ImportStep] = []
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.undo_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.counts)
        layout.addWidget(self.problems_table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status_label)
        layout.addWidget(self.error_label)
        self.save_button.clicked.connect(self.ask_where_to_save)
        self.undo_button.clicked.connect(self.toggle_undo)
        ctx.changes.changed.connect(self._changed)

    def initializePage(self) -> None:  # noqa: N802
        state = self.state
        result = state.result
        assert result is not None
        if result.changed_anything:
            text = self.tr("داده‌های %1 وارد شد. با «واگرد» در منوی ویرایش یا دکمهٔ زیر برمی‌گردد.")
        else:
            text = self.tr("همهٔ ردیف‌های %1 از قبل بودند؛ چیزی تغییر نکرد.")
        self.setSubTitle(text.replace("%1", isolate(state.file_name)))
        # An import that changed nothing has nothing to undo.
        self.undo_button.setVisible(result.changed_anything)
        self.counts.show_result(result)
        self.problems_model.set_result(result)
        has_problems = bool(result.errors or result.warnings)
        self.problems_table.setVisible(has_problems)
        self.save_button.setEnabled(bool(state.sheet and fixable_rows(state.sheet, result)))
        self._follow(state.step)

    def _follow(self, step: ImportStep | None) -> None:
        """Show what undoing or redoing ``step`` did, however it was asked for."""
        if step is None or any(step is followed for followed in self._followed):
            return
        self._followed.append(step)
        step.undone.connect(self._undone)
        step.redone.connect(self._redone)
        step.failed.connect(self._revert_failed)

    # -- undo and redo -------------------------------------------------------------------

    def toggle_undo(self) -> None:
        """Undo the import, once the user said yes to what it will do (or redo it)."""
        result = self.state.result
        assert result is not None and result.import_id is not None
        if self.undone:
            self._toggle_now()
            return
        self.error_label.clear()
        self.confirm_box = ask_to_undo(
            self,
            self.ctx,
            result.import_id,
            self.state.file_name,
            on_yes=self._toggle_now,
            on_error=self.error_label.setText,
        )

    def _toggle_now(self) -> None:
        """On the undo stack when the import is the step there, else a step of its own."""
        state, stack = self.state, self.ctx.undo_stack
        assert state.result is not None and state.result.import_id is not None
        self.undo_button.setEnabled(False)
        self.error_label.clear()
        index = stack.index()
        if not self.undone and index > 0 and stack.command(index - 1) is state.command:
            stack.undo()
        elif self.undone and index < stack.count() and stack.command(index) is state.command:
            stack.redo()
        else:  # other steps came after it: undoing it is a step of its own
            step = start_revert(
                self.ctx,
                state.result.import_id,
                kind=state.kind,
                file_name=state.file_name,
                undo=not self.undone,
            )
            self._follow(step)

    def _undone(self, outcome: UndoResult) -> None:
        self._reverted(outcome, undone=True)

    def _redone(self, outcome: UndoResult) -> None:
        self._reverted(outcome, undone=False)

    def _reverted(self, outcome: UndoResult, *, undone: bool) -> None:
        self.undone = undone
        self._show_undo_state()
        self.status_label.setText(outcome_text(self.state.kind, outcome, undone=undone))
        self.reverted.emit(undone)

    def _revert_failed(self, message: str) -> None:
        self.undo_button.setEnabled(True)
        self.error_label.setText(message)

    def _show_undo_state(self) -> None:
        self.undo_button.setText(
            self.tr("انجام دوبارهٔ این ورود") if self.undone else self.tr("واگرد این ورود")
        )
        self.undo_button.setEnabled(True)

    def _changed(self, _change: Change) -> None:
        """Undone elsewhere (the history dialog): the button follows."""
        result = self.state.result
        if result is None or not self.undo_button.isEnabled():
            return
        found = [s for s in list_imports(self.ctx.db) if s.id == result.import_id]
        if found and found[0].undone != self.undone:
            self.undone = found[0].undone
            self._show_undo_state()

    # -- the problem rows ----------------------------------------------------------------

    def ask_where_to_save(self) -> QFileDialog:
        path = self.state.path
        assert path is not None
        suggested = path.with_name(self.tr("%1 - ردیف‌های مشکل‌دار.xlsx").replace("%1", path.stem))
        dialog = file_dialog(
            self,
            self.tr("ذخیرهٔ ردیف‌های مشکل‌دار"),
            save=True,
            name_filters=[self.tr("کارپوشهٔ اکسل (*.xlsx)")],
            folder=str(suggested.parent),
            file_name=suggested.name,
            default_suffix="xlsx",
        )
        dialog.fileSelected.connect(lambda chosen: self.save_problems_to(Path(chosen)))
        self.save_dialog = dialog
        dialog.open()
        return dialog

    def save_problems_to(self, path: Path) -> None:
        """Write the original rows with problems, and what was wrong, in the background."""
        state = self.state
        assert state.sheet is not None and state.result is not None
        sheet, result, lang = state.sheet, state.result, self.ctx.lang
        self.save_button.setEnabled(False)
        self.error_label.clear()
        self.status_label.setText(
            self.tr("در حال ذخیرهٔ %1…").replace("%1", left_to_right(path.name))
        )
        self.jobs.start(
            "save",
            lambda: save_problem_rows(sheet, result, path, lang=lang),
            lambda count: self._saved(path, count),
            self._save_failed,
        )

    def _saved(self, path: Path, count: int) -> None:
        self.save_button.setEnabled(True)
        self.status_label.setText(
            self.tr("%1 ردیف مشکل‌دار در %2 ذخیره شد.")
            .replace("%1", display_number(count))
            .replace("%2", left_to_right(str(path)))
        )
        self.saved.emit(str(path))

    def _save_failed(self, error: Exception) -> None:
        self.save_button.setEnabled(True)
        self.status_label.clear()
        self.error_label.setText(failure_text(error, self.ctx.lang))
