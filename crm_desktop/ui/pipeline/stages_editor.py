"""The settings' pipelines and stages: add, rename, reorder, probability, won or lost.

Each edit is one undoable operation, saved at once (as every setting is), and the
kanban follows from the change signal. Removing a stage that holds deals first asks
which open stage they go to; nothing is orphaned.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.locale import search_key
from crm_desktop.services import pipelines as service
from crm_desktop.services.deal_changes import parse_probability
from crm_desktop.services.pipelines import pipeline_choices, pipeline_stages
from crm_desktop.ui.pipeline.edits import perform_or_refuse
from crm_desktop.ui.widgets.context import AppContext, Change
from crm_desktop.ui.widgets.display import display_number

NAME, PROBABILITY, OUTCOME, DEALS = range(4)
_KINDS = frozenset({"stages", "pipelines"})
VISIBLE_ROWS = 8


class StagesEditor(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stagesEditor")
        self.ctx = ctx
        self.pipeline = QComboBox()
        self.pipeline.setObjectName("stagesPipeline")
        self.new_pipeline = QPushButton(self.tr("خط فروش جدید…"))
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("stagesTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("مرحله"), self.tr("احتمال (درصد)"), self.tr("نتیجه"), self.tr("معامله‌ها")]
        )
        self.table.horizontalHeader().setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # A pipeline's stages (seven by default) all in sight, without scrolling.
        rows = self.table.verticalHeader().defaultSectionSize()
        self.table.setMinimumHeight(rows * (VISIBLE_ROWS + 1) + 4)
        self.add_button = QPushButton(self.tr("افزودن مرحله"))
        self.up_button = QPushButton(self.tr("بالا"))
        self.down_button = QPushButton(self.tr("پایین"))
        self.remove_button = QPushButton(self.tr("حذف مرحله"))
        self.dialog: QInputDialog | None = None  # the question open, if any
        top = QHBoxLayout()
        top.addWidget(self.pipeline, 1)
        top.addWidget(self.new_pipeline)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.up_button, self.down_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self._stage_ids: list[str] = []
        self._loading = False
        self.load()
        self.pipeline.currentIndexChanged.connect(self._load_stages)
        self.new_pipeline.clicked.connect(self.ask_new_pipeline)
        self.table.itemChanged.connect(self._edited)
        self.add_button.clicked.connect(self.add_stage)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        self.remove_button.clicked.connect(self.remove_selected)
        ctx.changes.changed.connect(self._changed)

    # -- reading --------------------------------------------------------------------

    def load(self) -> None:
        chosen = self.pipeline.currentData()
        with self.ctx.db.session() as session:
            default, found = pipeline_choices(session)
        blocked = self.pipeline.blockSignals(True)
        self.pipeline.clear()
        for pipeline_id, name in found:
            self.pipeline.addItem(name, pipeline_id)
        self.pipeline.setCurrentIndex(max(self.pipeline.findData(chosen or default), 0))
        self.pipeline.blockSignals(blocked)
        self._load_stages()

    def _load_stages(self) -> None:
        from crm_desktop.services.deal_list import stage_columns

        pipeline_id = self.pipeline.currentData()
        if pipeline_id is None:
            return
        with self.ctx.db.session() as session:
            columns = stage_columns(session, pipeline_id)
        selected = self.selected_stage()
        self._loading = True
        self.table.setRowCount(len(columns))
        self._stage_ids = [c.stage_id for c in columns]
        for row, column in enumerate(columns):
            self.table.setItem(row, NAME, QTableWidgetItem(column.stage))
            probability = QTableWidgetItem(display_number(column.probability))
            probability.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            self.table.setItem(row, PROBABILITY, probability)
            outcome = QComboBox()
            outcome.setObjectName("stageOutcome")
            for key, label in (
                ("open", self.tr("باز")),
                ("won", self.tr("برنده")),
                ("lost", self.tr("از دست رفته")),
            ):
                outcome.addItem(label, key)
            current = "won" if column.is_won else "lost" if column.is_lost else "open"
            outcome.setCurrentIndex(outcome.findData(current))
            outcome.currentIndexChanged.connect(
                lambda _i, s=column.stage_id, box=outcome: self._set_outcome(s, box.currentData())
            )
            self.table.setCellWidget(row, OUTCOME, outcome)
            count = QTableWidgetItem(display_number(column.count))
            count.setFlags(count.flags() & ~Qt.ItemFlag.ItemIsEditable)
            count.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            self.table.setItem(row, DEALS, count)
        self._loading = False
        if selected in self._stage_ids:
            self.table.setCurrentCell(self._stage_ids.index(selected), NAME)

    def selected_stage(self) -> str | None:
        row = self.table.currentRow()
        return self._stage_ids[row] if 0 <= row < len(self._stage_ids) else None

    def _changed(self, change: Change) -> None:
        if change.kind in _KINDS:
            self.load()

    # -- editing --------------------------------------------------------------------

    def _do(self, text: str, work: Callable[[], object]) -> bool:
        if perform_or_refuse(self.ctx, self, text, work):
            return True
        self._load_stages()  # the list shows what is saved
        return False

    def _edited(self, item: QTableWidgetItem) -> None:
        if self._loading or not 0 <= item.row() < len(self._stage_ids):
            return
        stage_id, db = self._stage_ids[item.row()], self.ctx.db
        text = item.text()
        if item.column() == NAME:
            self._do(self.tr("نام مرحله"), lambda: service.update_stage(db, stage_id, name=text))
        elif item.column() == PROBABILITY:

            def set_probability() -> None:
                service.update_stage(db, stage_id, probability=parse_probability(text))

            self._do(self.tr("احتمال مرحله"), set_probability)

    def _set_outcome(self, stage_id: str, outcome: str) -> None:
        if not self._loading:
            db = self.ctx.db
            self._do(
                self.tr("نتیجهٔ مرحله"), lambda: service.update_stage(db, stage_id, outcome=outcome)
            )

    def add_stage(self) -> None:
        pipeline_id, db = self.pipeline.currentData(), self.ctx.db
        with db.session() as session:
            taken = {search_key(s.name) for s in pipeline_stages(session, pipeline_id)}
        base = self.tr("مرحلهٔ جدید")
        name = next(  # free as the service compares names
            f"{base} {n}"
            for n in range(1, len(taken) + 2)
            if search_key(f"{base} {n}") not in taken
        )
        if self._do(self.tr("افزودن مرحله"), lambda: service.add_stage(db, pipeline_id, name, 50)):
            self._load_stages()
            row = self._stage_ids.index(service.stage_of(db, name, self.pipeline.currentText()))
            self.table.setCurrentCell(row, NAME)
            item = self.table.item(row, NAME)
            if item is not None:  # typed over at once, as a new file's name is
                self.table.editItem(item)

    def move_selected(self, step: int) -> None:
        stage_id = self.selected_stage()
        if stage_id is None:
            return
        index = self._stage_ids.index(stage_id) + step
        if 0 <= index < len(self._stage_ids):
            db = self.ctx.db
            self._do(self.tr("ترتیب مرحله‌ها"), lambda: service.move_stage(db, stage_id, index))

    def remove_selected(self) -> None:
        stage_id = self.selected_stage()
        if stage_id is None:
            return
        db = self.ctx.db
        if service.stage_deal_count(db, stage_id) == 0:
            self._do(self.tr("حذف مرحله"), lambda: service.remove_stage(db, stage_id))
            return
        with db.session() as session:
            targets = [
                (s.name, s.id)
                for s in pipeline_stages(session, self.pipeline.currentData())
                if s.id != stage_id and not (s.is_won or s.is_lost)
            ]
        dialog = QInputDialog(self)
        dialog.setObjectName("removeStageDialog")
        dialog.setWindowTitle(self.tr("حذف مرحله"))
        named = self.table.item(self._stage_ids.index(stage_id), NAME)
        dialog.setLabelText(
            self.tr("معامله‌های «%1» به کدام مرحله بروند؟").replace(
                "%1", named.text() if named is not None else ""
            )
        )
        dialog.setComboBoxItems([name for name, _id in targets])
        dialog.setComboBoxEditable(False)
        by_name = dict(targets)

        def chosen(name: str) -> None:
            target = by_name[name]
            self._do(
                self.tr("حذف مرحله"), lambda: service.remove_stage(db, stage_id, deals_to=target)
            )

        dialog.textValueSelected.connect(chosen)
        self.dialog = dialog
        dialog.open()

    def ask_new_pipeline(self) -> None:
        dialog = QInputDialog(self)
        dialog.setObjectName("newPipelineDialog")
        dialog.setWindowTitle(self.tr("خط فروش جدید"))
        dialog.setLabelText(self.tr("نام خط فروش:"))
        db = self.ctx.db

        def make(name: str) -> None:
            self._do(self.tr("خط فروش جدید"), lambda: service.add_pipeline(db, name))

        dialog.textValueSelected.connect(make)
        self.dialog = dialog
        dialog.open()
