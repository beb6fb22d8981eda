"""The pipeline page: the kanban of one pipeline, its filters, and moving cards.

A drop (or Ctrl+arrow) only asks for a move; a move into "won" or "lost" first asks
what it must (``ClosingDialog``). The move runs as one undoable operation
(``commands.perform``), and the board redraws from the change signal, as every page
does after any change, so what it shows is always what is saved.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.errors import UserError
from crm_desktop.services import deals as deal_service
from crm_desktop.services.deal_list import DealFilter, forecast, list_deals, stage_columns
from crm_desktop.services.deals import Closing
from crm_desktop.services.office import money_unit, office_today
from crm_desktop.services.pipelines import default_pipeline
from crm_desktop.services.records import DealRecord, StageColumn
from crm_desktop.ui.pipeline.board import Board, StageColumnView
from crm_desktop.ui.pipeline.card_delegate import CardDelegate
from crm_desktop.ui.pipeline.card_model import Loader
from crm_desktop.ui.pipeline.closing_dialog import ClosingDialog
from crm_desktop.ui.pipeline.deal_filters import DealFilterBar
from crm_desktop.ui.pipeline.deal_views import DealListView, ForecastView
from crm_desktop.ui.pipeline.edits import refusal_box
from crm_desktop.ui.widgets.commands import perform
from crm_desktop.ui.widgets.context import AppContext, Change, PageHost
from crm_desktop.ui.widgets.display import amount_text

# Kinds of change that alter what a card, a column or a filter shows.
_SHOWN_KINDS = frozenset(
    {
        "deals",
        "activities",  # a card's "idle" mark counts the last activity done about it
        "contacts",
        "companies",
        "users",
        "stages",
        "pipelines",
        "lead_sources",
        "campaigns",
        "settings",
    }
)
_CHOICE_KINDS = frozenset({"pipelines", "users", "lead_sources", "campaigns"})


class PipelinePage(QWidget):
    deal_activated = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_pipeline")
        self.ctx = ctx
        self.delegate = CardDelegate(self)
        self.filters = DealFilterBar(ctx)
        self.views = QComboBox()
        self.views.setObjectName("dealView")
        self.views.addItem(self.tr("کانبان"), "board")
        self.views.addItem(self.tr("فهرست"), "list")
        self.views.addItem(self.tr("پیش‌بینی فروش"), "forecast")
        self.summary = QLabel()
        self.summary.setObjectName("pipelineSummary")
        self.board = Board()
        self.list_view = DealListView(ctx)
        self.list_view.deal_activated.connect(self.deal_activated)
        self.forecast = ForecastView()
        self.stack = QStackedWidget()
        for view in (self.board, self.list_view, self.forecast):
            self.stack.addWidget(view)
        self.closing_dialog: ClosingDialog | None = None
        self._focus: str | None = None  # the deal to select once the board redraws

        bar = QHBoxLayout()
        bar.addWidget(self.views)
        bar.addStretch(1)
        bar.addWidget(self.summary)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filters)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)

        self._redraw = QTimer(self)  # several changes announced at once: one redraw
        self._redraw.setSingleShot(True)
        self._redraw.setInterval(0)
        self._redraw.timeout.connect(self.reload)
        self.filters.changed.connect(self.reload)
        self.views.currentIndexChanged.connect(self._show_view)
        ctx.changes.changed.connect(self._on_change)
        self.reload()

    # -- reading --------------------------------------------------------------------

    def where(self) -> DealFilter:
        return self.filters.where()

    def _show_view(self) -> None:
        self.stack.setCurrentIndex(self.views.currentIndex())
        self.reload()

    def reload(self) -> None:
        """The view shown, and the totals, as the filters say and the database holds."""
        where = self.where()
        unit = self.delegate.unit = money_unit(self.ctx.db)
        self.delegate.today = office_today()
        view = self.views.currentData()
        if view == "list":
            self.list_view.show_deals(where, unit)
        elif view == "forecast":
            self.forecast.show_months(forecast(self.ctx.db, where), unit)
        pipeline_id = where.pipeline_id
        with self.ctx.db.session() as session:
            if pipeline_id is None:
                pipeline_id = default_pipeline(session).id
            columns = stage_columns(session, pipeline_id, where)
        if view == "board":
            self._reload_board(where, columns)
        open_columns = [c for c in columns if not (c.is_won or c.is_lost)]
        self.summary.setText(
            self.tr("باز: %1، وزنی %2")
            .replace("%1", amount_text(sum(c.amount for c in open_columns), unit))
            .replace("%2", amount_text(sum(c.weighted for c in open_columns), unit))
        )

    def _reload_board(self, where: DealFilter, columns: list[StageColumn]) -> None:
        views = self.board.columns
        if [v.stage_id for v in views] != [c.stage_id for c in columns]:
            views = [self._column_view(c) for c in columns]
            self.board.set_columns(views)
        for view, column in zip(views, columns, strict=True):
            view.show_totals(column)
            view.model.reset(self._loader(where, column.stage_id), column.count)
        self._select_focus()

    def _loader(self, where: DealFilter, stage_id: str) -> Loader:
        db = self.ctx.db
        only = dataclasses.replace(where, stage_ids=(stage_id,))
        return lambda offset, limit: list_deals(db, only, offset=offset, limit=limit)

    def _column_view(self, column: StageColumn) -> StageColumnView:
        view = StageColumnView(column, self.delegate)
        view.model.drop_requested.connect(self.request_move)
        view.cards.step_requested.connect(self._step)
        view.cards.reorder_requested.connect(self._reorder)
        view.cards.activated.connect(
            lambda index, v=view: self.deal_activated.emit(v.model.cards[index.row()].id)
        )
        return view

    def _on_change(self, change: Change) -> None:
        if change.kind in _SHOWN_KINDS:
            if change.kind in _CHOICE_KINDS:
                self.filters.load()
            self._redraw.start()

    def _select_focus(self) -> None:
        if self._focus is None:
            return
        for view in self.board.columns:
            row = view.model.row_of(self._focus)
            if row is not None:
                index = view.model.index(row)
                view.cards.setCurrentIndex(index)
                view.cards.scrollTo(index)
                view.cards.setFocus(Qt.FocusReason.OtherFocusReason)
                self.board.ensureWidgetVisible(view)
                break
        self._focus = None

    # -- moving ---------------------------------------------------------------------

    def request_move(
        self, deal_id: str, stage_id: str, above: str | None, below: str | None
    ) -> None:
        """Move a deal between ``above`` and ``below`` of a stage's column, asking first
        what a won or lost stage needs."""
        target = self.board.column_of(stage_id)
        try:
            deal = deal_service.get_deal(self.ctx.db, deal_id)
        except UserError as error:  # trashed or merged away since the board was drawn
            self._refused(error)
            self._redraw.start()
            return
        column = target.column if target is not None else None
        closing_stage = column is not None and (column.is_won or column.is_lost)
        if closing_stage and deal.stage_id != stage_id:
            assert column is not None
            self._ask_closing(deal, column, above, below)
            return
        self._move(deal_id, stage_id, above, below, Closing())

    def _ask_closing(
        self, deal: DealRecord, column: StageColumn, above: str | None, below: str | None
    ) -> None:
        dialog = ClosingDialog(
            deal,
            column.stage,
            won=column.is_won,
            reasons=deal_service.lost_reasons(self.ctx.db),
            unit=self.delegate.unit,
            parent=self,
        )
        dialog.accepted.connect(
            lambda: self._move(deal.id, column.stage_id, above, below, dialog.closing())
        )
        dialog.finished.connect(self._closing_finished)
        self.closing_dialog = dialog
        dialog.open()

    def _closing_finished(self) -> None:
        if self.closing_dialog is not None:
            self.closing_dialog.deleteLater()
        self.closing_dialog = None

    def _move(
        self,
        deal_id: str,
        stage_id: str,
        above: str | None,
        below: str | None,
        closing: Closing,
    ) -> None:
        db = self.ctx.db
        self._focus = deal_id
        try:
            moved = perform(
                self.ctx,
                self.tr("جابه‌جایی معامله"),
                lambda: deal_service.move_deal(
                    db,
                    deal_id,
                    stage_id,
                    above=above,
                    below=below,
                    closing=closing,
                ),
            )
        except UserError as error:
            self._focus = None
            self._refused(error)
            return
        self.ctx.changes.notify(
            self.tr("«%1» به «%2» رفت.").replace("%1", moved.title).replace("%2", moved.stage)
        )

    def _refused(self, error: Exception) -> None:
        refusal_box(self, self.tr("جابه‌جایی انجام نشد"), error, self.ctx.lang)

    def _step(self, deal_id: str, step: int) -> None:
        """Ctrl+arrow: the deal to the end of the stage beside its own."""
        views = self.board.columns
        at = next((i for i, v in enumerate(views) if v.model.row_of(deal_id) is not None), None)
        if at is None or not 0 <= at + step < len(views):
            return
        self.request_move(deal_id, views[at + step].stage_id, None, None)

    def _reorder(self, deal_id: str, step: int) -> None:
        """Ctrl+Up/Down: the deal one card up or down its column."""
        view = next((v for v in self.board.columns if v.model.row_of(deal_id) is not None), None)
        if view is None:
            return
        row = view.model.row_of(deal_id)
        assert row is not None
        target = row + step + (1 if step > 0 else 0)
        if not 0 <= row + step < len(view.model.cards):
            return
        above, below = view.model.neighbours(deal_id, target)
        self._move(deal_id, view.stage_id, above, below, Closing())


def build_page(window: PageHost) -> PipelinePage:
    """The pipeline page in the main window (``main_window.PAGES``)."""
    page = PipelinePage(window.ctx)
    page.deal_activated.connect(window.open_deal)
    return page
