"""The wizard's first pages: the file, its sheet, and which column is which field.

Files are read on the thread pool (a large workbook takes a second or two); an
unreadable one shows the importer's one-line reason on the page. The mapping page
shows the preview of the first rows as they will be stored, read again whenever a
column's choice changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from crm_desktop.errors import UserError
from crm_desktop.services.column_mapping import IGNORE, NOTES
from crm_desktop.services.import_fields import FIELDS_BY_KIND, KINDS
from crm_desktop.services.importer import describe_mapping, guess_kind, mapping_for, preview
from crm_desktop.services.spreadsheet import SheetData, read_sheet, sheet_names
from crm_desktop.ui.importing.import_labels import cell_text, failure_text, field_label, kind_label
from crm_desktop.ui.importing.import_state import SUFFIXES, ImportState, Jobs
from crm_desktop.ui.importing.import_tables import fill_preview, preview_table
from crm_desktop.ui.widgets.context import AppContext
from crm_desktop.ui.widgets.display import (
    display_number,
    isolate,
    latin_left_to_right,
    left_to_right,
    own_direction,
)
from crm_desktop.ui.widgets.file_dialogs import file_dialog

FILE_PAGE, SHEET_PAGE, MAPPING_PAGE, DRY_RUN_PAGE, IMPORT_PAGE, RESULT_PAGE = range(6)
SAMPLES = 3  # sample values shown per column
SAMPLE_ROWS = 100  # ... found among this many rows
RLM, LRM = "\u200f", "\u200e"  # set the direction of a line of isolated values
ERROR_STYLE = "color: #b00020;"


def message_label(name: str, *, error: bool = False) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if error:
        label.setStyleSheet(ERROR_STYLE)
    return label


def sheet_summary(sheet: SheetData) -> str:
    """``برگهٔ «مشتریان»: ۸ ردیف و ۹ ستون؛ سرستون‌ها در ردیف ۳.``"""
    return (
        QCoreApplication.translate(
            "ImportWizard", "برگهٔ «%1»: %2 ردیف و %3 ستون؛ سرستون‌ها در ردیف %4."
        )
        .replace("%1", sheet.name)
        .replace("%2", display_number(len(sheet.rows)))
        .replace("%3", display_number(len(sheet.headers)))
        .replace("%4", display_number(sheet.header_row))
    )


@dataclass(frozen=True)
class FileRead:
    """A file's sheet names and its first sheet (None when that one cannot be read)."""

    names: list[str]
    sheet: SheetData | None
    kind: str
    sheet_error: UserError | None = None


def read_file(path: Path) -> FileRead:
    names = sheet_names(path)
    try:
        sheet = read_sheet(path)
    except UserError as error:
        if len(names) <= 1:
            raise
        return FileRead(names, None, "contacts", error)  # another sheet may do
    return FileRead(names, sheet, guess_kind(sheet))


def read_one_sheet(path: Path, name: str) -> tuple[SheetData, str]:
    sheet = read_sheet(path, sheet=name)
    return sheet, guess_kind(sheet)


def dropped_file(urls: list[QUrl]) -> Path | None:
    """The spreadsheet among dropped URLs, if there is exactly one kind of thing to take."""
    for url in urls:
        if url.isLocalFile() and Path(url.toLocalFile()).suffix.lower() in SUFFIXES:
            return Path(url.toLocalFile())
    return None


class FilePage(QWizardPage):
    read_finished = Signal()  # the file was read, or could not be

    def __init__(self, ctx: AppContext, state: ImportState, jobs: Jobs) -> None:
        super().__init__()
        self.ctx, self.state, self.jobs = ctx, state, jobs
        self.setTitle(self.tr("انتخاب فایل"))
        self.setSubTitle(
            self.tr(
                "فایل اکسل، OpenDocument یا CSV را انتخاب کنید، یا آن را روی همین صفحه "
                "بکشید و رها کنید."
            )
        )
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("importPath")
        self.path_edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.path_edit.setPlaceholderText(self.tr("نشانی فایل"))
        self.browse_button = QPushButton(self.tr("انتخاب فایل…"))
        self.browse_button.setObjectName("importBrowse")
        formats = left_to_right(" ".join(SUFFIXES))
        self.drop_label = QLabel(self.tr("فایل را اینجا رها کنید\n%1").replace("%1", formats))
        self.drop_label.setObjectName("importDropZone")
        self.drop_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.drop_label.setMinimumHeight(140)
        self.drop_label.setStyleSheet(
            "#importDropZone { border: 2px dashed palette(mid); border-radius: 8px; }"
        )
        self.status_label = message_label("importFileStatus")
        self.error_label = message_label("importFileError", error=True)
        self.file_dialog: QFileDialog | None = None
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.drop_label, 1)
        layout.addWidget(self.status_label)
        layout.addWidget(self.error_label)
        self.setAcceptDrops(True)
        self.path_edit.returnPressed.connect(self._path_typed)
        self.path_edit.editingFinished.connect(self._path_typed)
        self.browse_button.clicked.connect(self.browse)

    def browse(self) -> QFileDialog:
        """Ask for the file (non-modal: ``fileSelected`` sets it)."""
        folder = str(self.state.path.parent) if self.state.path else ""
        patterns = " ".join(f"*{suffix}" for suffix in SUFFIXES)
        dialog = file_dialog(
            self,
            self.tr("انتخاب فایل برای ورود داده"),
            save=False,
            name_filters=[self.tr("صفحه‌گسترده‌ها (%1)").replace("%1", patterns)],
            folder=folder,
        )
        dialog.fileSelected.connect(lambda chosen: self.set_path(Path(chosen)))
        self.file_dialog = dialog
        dialog.open()
        return dialog

    def _path_typed(self) -> None:
        text = self.path_edit.text().strip().strip('"')
        if text and Path(text) != self.state.path:
            self.set_path(Path(text))

    def set_path(self, path: Path) -> None:
        """Read ``path`` in the background; the page is complete once it is read."""
        self.path_edit.setText(str(path))
        state = self.state
        state.path, state.sheet_names, state.sheet, state.mapping = path, [], None, {}
        state.reads += 1
        self.jobs.forget("sheet")
        self.error_label.clear()
        self.status_label.setText(self.tr("در حال خواندن %1…").replace("%1", isolate(path.name)))
        self.jobs.start("file", lambda: read_file(path), self._read, self._failed)
        self.completeChanged.emit()

    def _read(self, read: FileRead) -> None:
        state = self.state
        state.sheet_names, state.sheet, state.kind = read.names, read.sheet, read.kind
        lines = [
            self.tr("«%1»: %2 برگه.")
            .replace("%1", isolate(state.file_name))
            .replace("%2", display_number(len(read.names)))
        ]
        if read.sheet is not None:
            lines.append(sheet_summary(read.sheet))
        self.status_label.setText(" ".join(lines))
        self.completeChanged.emit()
        self.read_finished.emit()

    def _failed(self, error: Exception) -> None:
        self.status_label.clear()
        self.error_label.setText(failure_text(error, self.ctx.lang))
        self.completeChanged.emit()
        self.read_finished.emit()

    def isComplete(self) -> bool:  # noqa: N802
        state = self.state
        loaded = state.sheet is not None or len(state.sheet_names) > 1
        return loaded and not self.jobs.running("file")

    def nextId(self) -> int:  # noqa: N802
        return SHEET_PAGE if len(self.state.sheet_names) > 1 else MAPPING_PAGE

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if dropped_file(event.mimeData().urls()) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        path = dropped_file(event.mimeData().urls())
        if path is not None:
            event.acceptProposedAction()
            self.set_path(path)


class SheetPage(QWizardPage):
    """Shown only for a workbook of several sheets."""

    read_finished = Signal()

    def __init__(self, ctx: AppContext, state: ImportState, jobs: Jobs) -> None:
        super().__init__()
        self.ctx, self.state, self.jobs = ctx, state, jobs
        self.setTitle(self.tr("انتخاب برگه"))
        self.setSubTitle(self.tr("این فایل چند برگه دارد؛ برگه‌ای را که باید وارد شود انتخاب کنید."))
        self.sheet_list = QListWidget()
        self.sheet_list.setObjectName("importSheets")
        self.status_label = message_label("importSheetStatus")
        self.error_label = message_label("importSheetError", error=True)
        self._read: dict[str, tuple[SheetData, str]] = {}
        self._read_for = -1  # ``state.reads`` when ``_read`` was filled
        layout = QVBoxLayout(self)
        layout.addWidget(self.sheet_list, 1)
        layout.addWidget(self.status_label)
        layout.addWidget(self.error_label)
        self.sheet_list.currentTextChanged.connect(self.choose)

    def initializePage(self) -> None:  # noqa: N802
        state = self.state
        if self._read_for != state.reads:
            self._read_for = state.reads
            self._read = {}
            if state.sheet is not None:
                self._read[state.sheet.name] = (state.sheet, state.kind)
        current = state.sheet.name if state.sheet else state.sheet_names[0]
        self.sheet_list.blockSignals(True)
        self.sheet_list.clear()
        self.sheet_list.addItems(state.sheet_names)
        self.sheet_list.blockSignals(False)
        self.sheet_list.setCurrentRow(state.sheet_names.index(current))

    def choose(self, name: str) -> None:
        if not name:
            return
        self.error_label.clear()
        if name in self._read:
            self._chosen(self._read[name])
            return
        self.state.sheet = None
        path = self.state.path
        assert path is not None
        self.status_label.setText(self.tr("در حال خواندن برگهٔ «%1»…").replace("%1", name))
        self.jobs.start("sheet", lambda: read_one_sheet(path, name), self._chosen, self._failed)
        self.completeChanged.emit()

    def _chosen(self, read: tuple[SheetData, str]) -> None:
        sheet, kind = read
        self._read[sheet.name] = read
        if self.state.sheet is not sheet:
            self.state.sheet, self.state.kind, self.state.mapping = sheet, kind, {}
        self.status_label.setText(sheet_summary(sheet))
        self.completeChanged.emit()
        self.read_finished.emit()

    def _failed(self, error: Exception) -> None:
        self.state.sheet = None
        self.status_label.clear()
        self.error_label.setText(failure_text(error, self.ctx.lang))
        self.completeChanged.emit()
        self.read_finished.emit()

    def isComplete(self) -> bool:  # noqa: N802
        item = self.sheet_list.currentItem()
        sheet = self.state.sheet
        return sheet is not None and item is not None and item.text() == sheet.name

    def nextId(self) -> int:  # noqa: N802
        return MAPPING_PAGE


UNCHOSEN = ""  # the drop-down's data for a column with no field chosen
MAPPING_ROW_GAP = 2  # between one row's drop-down and the next
PREVIEW_ROWS_SHOWN = 3  # the preview's rows kept in view below the columns


class MappingPage(QWizardPage):
    """One row per column: its header, sample values and the field it goes to."""

    def __init__(self, ctx: AppContext, state: ImportState) -> None:
        super().__init__()
        self.ctx, self.state = ctx, state
        self.setTitle(self.tr("ستون‌ها"))
        self.setSubTitle(
            self.tr(
                "بگویید هر ستون فایل در کدام فیلد وارد شود. پیش‌نمایش پایین صفحه ردیف‌ها را "
                "همان‌طور که ذخیره می‌شوند نشان می‌دهد."
            )
        )
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("importKind")
        for kind in KINDS:
            self.kind_combo.addItem(kind_label(kind), kind)
        self.mapping_info = message_label("importMappingInfo")
        self.left_out_label = self._left_out_label()
        self.mapping_table = QTableWidget(0, 3)
        self.mapping_table.setObjectName("importMapping")
        self.mapping_table.setHorizontalHeaderLabels(
            [self.tr("ستون در فایل"), self.tr("نمونه مقدارها"), self.tr("وارد شود به عنوان")]
        )
        self.mapping_table.verticalHeader().hide()
        # As tall as a drop-down needs, no more: more columns fit without scrolling.
        self.mapping_table.verticalHeader().setDefaultSectionSize(
            QComboBox().sizeHint().height() + MAPPING_ROW_GAP
        )
        self.mapping_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.mapping_table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        header = self.mapping_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, 200)
        header.resizeSection(2, 230)
        self.remember_check = QCheckBox(
            self.tr("این نگاشت برای فایل‌هایی با همین ستون‌ها به خاطر سپرده شود")
        )
        self.remember_check.setObjectName("importRemember")
        self.preview_label = QLabel(self.tr("پیش‌نمایش ردیف‌های اول:"))
        self.preview_table = preview_table("importPreview")
        self.preview_error = message_label("importPreviewError", error=True)
        self.combos: list[QComboBox] = []
        self._shown_for: tuple[SheetData, str] | None = None
        self._filling = False
        self._lay_out()
        self.kind_combo.currentIndexChanged.connect(self._kind_chosen)

    def _lay_out(self) -> None:
        kind_row = QHBoxLayout()
        kind_row.addWidget(QLabel(self.tr("این برگه شامل:")))
        kind_row.addWidget(self.kind_combo)
        kind_row.addWidget(self.mapping_info, 1)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.remember_check)
        lower_layout.addWidget(self.preview_label)
        lower_layout.addWidget(self.preview_table, 1)
        lower_layout.addWidget(self.preview_error)
        splitter = self.splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.mapping_table)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(kind_row)
        layout.addWidget(self.left_out_label)
        layout.addWidget(splitter, 1)

    @staticmethod
    def _left_out_label() -> QLabel:
        label = message_label("importLeftOut", error=True)
        label.hide()
        return label

    def initializePage(self) -> None:  # noqa: N802
        sheet = self.state.sheet
        assert sheet is not None
        shown = self._shown_for
        if shown and shown[0] is sheet and shown[1] == self.state.kind and self.state.mapping:
            return  # back and forth again: keep what the user chose
        self.kind_combo.blockSignals(True)
        self.kind_combo.setCurrentIndex(max(self.kind_combo.findData(self.state.kind), 0))
        self.kind_combo.blockSignals(False)
        self._load_mapping()

    def _kind_chosen(self) -> None:
        self.state.kind = str(self.kind_combo.currentData())
        self._load_mapping()

    def _load_mapping(self) -> None:
        state = self.state
        sheet = state.sheet
        assert sheet is not None
        try:
            mapping, saved = mapping_for(self.ctx.db, sheet, state.kind)
        except UserError as error:
            mapping, saved = {}, False
            self.preview_error.setText(error.message(self.ctx.lang))
        # A column left out is not in the mapping (the import then says so); one the
        # user sets to "not imported" is, as IGNORE.
        state.mapping = dict(mapping)
        state.saved_mapping = saved
        self._shown_for = (sheet, state.kind)
        if not sheet.has_header:
            info = self.tr(
                "ردیف عنوان ستون‌ها پیدا نشد؛ ردیف نخست هم داده است. بگویید هر ستون چیست."
            )
        elif saved:
            info = self.tr("نگاشتی که دفعهٔ پیش برای همین ستون‌ها ذخیره کردید به کار رفت.")
        else:
            info = self.tr(
                "ستون‌ها از روی سرستون‌ها و مقدارهایشان شناخته شدند؛ هر کدام را می‌توانید تغییر دهید."
            )
        self.mapping_info.setText(info)
        self.remember_check.setChecked(saved)
        self.remember_check.setEnabled(sheet.has_header)
        self._fill_table(sheet)
        self._show_left_out()
        self.refresh_preview()

    def _show_left_out(self) -> None:
        """Name the columns with values that go to no field (the import warns too)."""
        sheet = self.state.sheet
        assert sheet is not None
        left = [c for c in describe_mapping(sheet, self.state.mapping) if c.left_out]
        if not left:
            self.left_out_label.clear()
            self.left_out_label.hide()
            return
        quoted = self.tr("«%1»")
        names = self.tr("، ").join(
            quoted.replace("%1", c.header or display_number(c.number)) for c in left
        )
        self.left_out_label.setText(
            self.tr("این ستون‌ها مقدار دارند ولی به هیچ فیلدی نمی‌روند و وارد نمی‌شوند: %1").replace(
                "%1", names
            )
        )
        self.left_out_label.show()

    def _fill_table(self, sheet: SheetData) -> None:
        self._filling = True
        table = self.mapping_table
        table.setRowCount(len(sheet.headers))
        self.combos = []
        choices = [*FIELDS_BY_KIND[self.state.kind], IGNORE, NOTES]
        for index, header in enumerate(sheet.headers):
            shown = latin_left_to_right(header) or self.tr("(بی‌سرستون) ستون %1").replace(
                "%1", display_number(index + sheet.first_column)
            )
            table.setItem(index, 0, QTableWidgetItem(shown))
            samples = QTableWidgetItem(self._samples_text(sheet, index))
            samples.setToolTip(samples.text())
            table.setItem(index, 1, samples)
            combo = QComboBox()
            combo.setObjectName(f"importChoice_{index}")
            for choice in choices:
                if choice == IGNORE:
                    combo.insertSeparator(combo.count())
                combo.addItem(field_label(self.state.kind, choice), choice)
            # A column the import found no field for is "not chosen yet" (and the
            # import warns of it) until the user picks a field or "not imported".
            chosen = self.state.mapping.get(index, UNCHOSEN)
            if chosen == UNCHOSEN:
                combo.insertItem(0, self.tr("— انتخاب نشده —"), UNCHOSEN)
            if combo.findData(chosen) < 0:
                combo.addItem(field_label(self.state.kind, chosen), chosen)
            combo.setCurrentIndex(combo.findData(chosen))
            combo.currentIndexChanged.connect(lambda _i, column=index: self._chosen(column))
            table.setCellWidget(index, 2, combo)
            self.combos.append(combo)
        self._filling = False
        QTimer.singleShot(0, self, self._share_height)  # once the page has its size

    def _share_height(self) -> None:
        """Every column of the sheet in view when there is room, the preview keeping
        a few rows; the user can still move the line between the two."""
        table = self.mapping_table
        wanted = (
            table.horizontalHeader().sizeHint().height()
            + table.rowCount() * table.verticalHeader().defaultSectionSize()
            + 2 * table.frameWidth()
        )
        total = sum(self.splitter.sizes())
        preview = self.preview_table
        preview_rows = (
            preview.horizontalHeader().sizeHint().height()
            + PREVIEW_ROWS_SHOWN * preview.verticalHeader().defaultSectionSize()
            + preview.horizontalScrollBar().sizeHint().height()
            + 2 * preview.frameWidth()
        )
        lower_least = preview_rows + self.remember_check.sizeHint().height() * 2 + 12
        upper = max(min(wanted, total - lower_least), total // 3)
        self.splitter.setSizes([upper, total - upper])

    def _samples_text(self, sheet: SheetData, index: int) -> str:
        """The samples in the window's direction, each value keeping its own."""
        if self.layoutDirection() == Qt.LayoutDirection.RightToLeft:
            return RLM + "، ".join(own_direction(s) for s in self._samples(sheet, index))
        return LRM + ", ".join(own_direction(s) for s in self._samples(sheet, index))

    @staticmethod
    def _samples(sheet: SheetData, index: int) -> list[str]:
        found: list[str] = []
        for row in sheet.rows[:SAMPLE_ROWS]:
            text = cell_text(row.values[index]).strip()
            if text and text not in found:
                found.append(text)
                if len(found) == SAMPLES:
                    break
        return found

    def choose(self, column: int, choice: str) -> None:
        """Map ``column`` to ``choice`` (what picking it in the column's box does)."""
        combo = self.combos[column]
        combo.setCurrentIndex(combo.findData(choice))

    def _chosen(self, column: int) -> None:
        if self._filling:
            return
        choice = str(self.combos[column].currentData())
        if choice == UNCHOSEN:
            self.state.mapping.pop(column, None)
        else:
            self.state.mapping[column] = choice
        # Corrected by hand: worth keeping for the next file with these columns.
        self.remember_check.setChecked(self.state.sheet is not None and self.state.sheet.has_header)
        self._show_left_out()
        self.refresh_preview()

    def refresh_preview(self) -> None:
        state = self.state
        assert state.sheet is not None
        self.preview_error.clear()
        try:
            rows = preview(self.ctx.db, state.sheet, state.mapping, state.kind)
        except UserError as error:
            rows = []
            self.preview_error.setText(error.message(self.ctx.lang))
        fill_preview(self.preview_table, state.kind, rows, self.ctx.lang)

    def validatePage(self) -> bool:  # noqa: N802
        self.state.remember = self.remember_check.isChecked()
        return True

    def nextId(self) -> int:  # noqa: N802
        return DRY_RUN_PAGE
