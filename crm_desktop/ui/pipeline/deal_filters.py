"""The pipeline page's filters: one row that says which deals the board, the list and
the forecast show: the pipeline, text, "my deals", a rep, a lead source, a campaign,
and the expected close in this Jalali month or quarter."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLineEdit, QWidget

from crm_desktop.services import lookups
from crm_desktop.services.deal_list import DealFilter, jalali_period
from crm_desktop.services.office import office_today
from crm_desktop.services.pipelines import pipeline_choices
from crm_desktop.services.users import list_users
from crm_desktop.ui.widgets.context import AppContext

SEARCH_DELAY_MS = 250


class DealFilterBar(QWidget):
    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.pipelines = QComboBox()
        self.pipelines.setObjectName("pipelineChooser")
        self.search = QLineEdit()
        self.search.setObjectName("dealSearch")
        self.search.setPlaceholderText(self.tr("جستجو در عنوان، مخاطب و شرکت"))
        self.search.setClearButtonEnabled(True)
        self.mine = QCheckBox(self.tr("معامله‌های من"))
        self.mine.setObjectName("myDeals")
        self.owner = self._choice("dealOwnerFilter", self.tr("همهٔ کارشناسان"))
        self.source = self._choice("dealSourceFilter", self.tr("همهٔ منبع‌ها"))
        self.campaign = self._choice("dealCampaignFilter", self.tr("همهٔ کمپین‌ها"))
        self.period = QComboBox()
        self.period.setObjectName("dealPeriodFilter")
        self.period.addItem(self.tr("هر زمان"), None)
        self.period.addItem(self.tr("بستن در این ماه"), "month")
        self.period.addItem(self.tr("بستن در این فصل"), "quarter")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pipelines)
        layout.addWidget(self.search, 1)
        layout.addWidget(self.mine)
        for combo in (self.owner, self.source, self.campaign, self.period):
            layout.addWidget(combo)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.changed)
        self.search.textChanged.connect(self._timer.start)
        self.mine.toggled.connect(self.changed)
        for combo in (self.pipelines, self.owner, self.source, self.campaign, self.period):
            combo.currentIndexChanged.connect(self.changed)
        self.load()

    def _choice(self, name: str, anything: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.addItem(anything, None)
        return combo

    def load(self) -> None:
        """The choices as they are now (pipelines, reps, sources, campaigns), keeping
        what was chosen."""
        with self.ctx.db.session() as session:
            default, pipelines = pipeline_choices(session)
            sources = lookups.lead_source_choices(session)
            campaigns = lookups.campaign_choices(session)
        owners = [(u.id, u.name) for u in list_users(self.ctx.db)]
        self._fill(self.pipelines, pipelines, keep_first=False, default=default)
        self.pipelines.setVisible(len(pipelines) > 1)
        self._fill(self.owner, owners)
        self._fill(self.source, sources)
        self._fill(self.campaign, campaigns)
        self.campaign.setVisible(bool(campaigns))

    @staticmethod
    def _fill(
        combo: QComboBox,
        items: list[tuple[str, str]],
        *,
        keep_first: bool = True,
        default: str | None = None,
    ) -> None:
        chosen = combo.currentData() or default
        blocked = combo.blockSignals(True)
        while combo.count() > (1 if keep_first else 0):
            combo.removeItem(combo.count() - 1)
        for item_id, name in items:
            combo.addItem(name, item_id)
        combo.setCurrentIndex(max(combo.findData(chosen), 0))
        combo.blockSignals(blocked)

    def where(self, today: dt.date | None = None) -> DealFilter:
        """What the filters let through (the columns' totals and cards alike)."""
        owners: tuple[str, ...] = ()
        if self.mine.isChecked():
            with self.ctx.db.session() as session:
                owners = (lookups.current_user_id(session) or "",)
        elif self.owner.currentData():
            owners = (self.owner.currentData(),)
        close_from = close_to = None
        period = self.period.currentData()
        if period:
            close_from, close_to = jalali_period(today or office_today(), period)
        return DealFilter(
            pipeline_id=self.pipelines.currentData(),
            owner_ids=owners,
            lead_source_ids=(self.source.currentData(),) if self.source.currentData() else (),
            campaign_ids=(self.campaign.currentData(),) if self.campaign.currentData() else (),
            close_from=close_from,
            close_to=close_to,
            search=self.search.text(),
        )
