"""The filter panel of the contacts list: pickers for each field, "no activity for N days".

Only widgets: the panel says what the user chose (``changed``, ``filter_with``) and what
name they gave a saved list (``segment_name_chosen``); the contacts page runs the query
and calls the segments service.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QMouseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QMenu,
    QPushButton,
    QSpinBox,
    QToolButton,
    QWidget,
)

from crm_desktop.services.contact_list import ContactFilter, FilterChoices
from crm_desktop.ui.widgets.display import display_number
from crm_desktop.ui.widgets.value_names import LIFECYCLE_LABELS, lifecycle_label, row_name

DEFAULT_INACTIVE_DAYS = 30
MAX_INACTIVE_DAYS = 3650


class StayOpenMenu(QMenu):
    """A menu of check boxes that stays open while the user ticks several of them."""

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        action = self.activeAction()
        if action is not None and action.isEnabled() and action.isCheckable():
            action.trigger()
            event.accept()
            return
        super().mouseReleaseEvent(event)


class MultiPicker(QToolButton):
    """A button with a menu of checkable values; any checked value matches."""

    changed = Signal()

    def __init__(self, title: str, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.title = title
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.setMenu(StayOpenMenu(self))
        self._selected: list[str] = []
        self._labels: dict[str, str] = {}
        self._update_text()

    def set_options(self, options: Sequence[tuple[str, str]]) -> None:
        """(value, label) pairs to offer; a chosen value keeps its place even if absent."""
        menu = self.menu()
        menu.clear()
        self._labels = dict(options)
        for value, label in options:
            action = menu.addAction(label)
            action.setCheckable(True)
            action.setChecked(value in self._selected)
            action.setData(value)
            action.toggled.connect(lambda checked, v=value: self._toggle(v, checked))
        menu.setEnabled(bool(options))
        self._update_text()

    def option_actions(self) -> list[QAction]:
        return [a for a in self.menu().actions() if a.isCheckable()]

    def action_for(self, label: str) -> QAction:
        return next(a for a in self.option_actions() if a.text() == label)

    def selected(self) -> tuple[str, ...]:
        return tuple(self._selected)

    def set_selected(self, values: Sequence[str]) -> None:
        """Choose ``values`` without emitting ``changed`` (the caller applies them)."""
        self._selected = list(dict.fromkeys(values))
        for action in self.option_actions():
            action.blockSignals(True)
            action.setChecked(action.data() in self._selected)
            action.blockSignals(False)
        self._update_text()

    def _toggle(self, value: str, checked: bool) -> None:
        if checked and value not in self._selected:
            self._selected.append(value)
        elif not checked and value in self._selected:
            self._selected.remove(value)
        self._update_text()
        self.changed.emit()

    def _update_text(self) -> None:
        if not self._selected:
            text = self.title
        elif len(self._selected) == 1:
            label = self._labels.get(self._selected[0], "")
            text = f"{self.title}: {label}" if label else f"{self.title} ({display_number(1)})"
        else:
            text = f"{self.title} ({display_number(len(self._selected))})"
        self.setText(text)
        font = self.font()
        font.setBold(bool(self._selected))
        self.setFont(font)


class ContactFilterPanel(QFrame):
    """The filters beside the search box: which contacts the list shows."""

    changed = Signal()
    segment_name_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("contactFilters")
        self.setFrameShape(QFrame.Shape.StyledPanel)

        self.owner_picker = MultiPicker(self.tr("مسئول"), "filterOwner")
        self.tag_picker = MultiPicker(self.tr("برچسب"), "filterTag")
        self.city_picker = MultiPicker(self.tr("شهر"), "filterCity")
        self.province_picker = MultiPicker(self.tr("استان"), "filterProvince")
        self.lifecycle_picker = MultiPicker(self.tr("وضعیت"), "filterLifecycle")
        self.lead_source_picker = MultiPicker(self.tr("منبع سرنخ"), "filterLeadSource")
        self.campaign_picker = MultiPicker(self.tr("کمپین"), "filterCampaign")
        self.lifecycle_picker.set_options([(v, lifecycle_label(v)) for v in LIFECYCLE_LABELS])

        self.inactive_check = QCheckBox(self.tr("بدون فعالیت در"))
        self.inactive_check.setObjectName("filterInactive")
        self.inactive_days = QSpinBox()
        self.inactive_days.setObjectName("filterInactiveDays")
        self.inactive_days.setRange(1, MAX_INACTIVE_DAYS)
        self.inactive_days.setValue(DEFAULT_INACTIVE_DAYS)
        self.inactive_days.setSuffix(self.tr(" روز گذشته"))
        self.inactive_days.setEnabled(False)

        self.no_next_check = QCheckBox(self.tr("بدون گام بعدی"))
        self.no_next_check.setObjectName("filterNoNextStep")
        self.no_next_check.setToolTip(
            self.tr("سرنخ‌ها و مشتریان بالقوه‌ای که هیچ کاری برایشان برنامه‌ریزی نشده است")
        )

        self.clear_button = QPushButton(self.tr("پاک کردن فیلترها"))
        self.clear_button.setObjectName("clearFilters")
        self.save_button = QPushButton(self.tr("ذخیره به‌عنوان فهرست…"))
        self.save_button.setObjectName("saveFilter")
        self.name_dialog: QInputDialog | None = None

        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(6)
        for picker in self.pickers():
            layout.addWidget(picker)
        layout.addSpacing(8)
        layout.addWidget(self.inactive_check)
        layout.addWidget(self.inactive_days)
        layout.addWidget(self.no_next_check)
        layout.addStretch(1)
        layout.addWidget(self.clear_button)
        layout.addWidget(self.save_button)

        for picker in self.pickers():
            picker.changed.connect(self.changed)
        self.inactive_check.toggled.connect(self._inactive_toggled)
        self.inactive_days.valueChanged.connect(self._days_changed)
        self.no_next_check.toggled.connect(self.changed)
        self.clear_button.clicked.connect(self._clear_clicked)
        self.save_button.clicked.connect(self.ask_segment_name)

    def pickers(self) -> tuple[MultiPicker, ...]:
        return (
            self.owner_picker,
            self.tag_picker,
            self.city_picker,
            self.province_picker,
            self.lifecycle_picker,
            self.lead_source_picker,
            self.campaign_picker,
        )

    def set_choices(self, choices: FilterChoices) -> None:
        self.owner_picker.set_options(choices.owners)
        self.tag_picker.set_options(choices.tags)
        self.city_picker.set_options([(c, c) for c in choices.cities])
        self.province_picker.set_options([(p, p) for p in choices.provinces])
        self.lead_source_picker.set_options([(i, row_name(n)) for i, n in choices.lead_sources])
        self.campaign_picker.set_options(choices.campaigns)

    def filter_with(self, search: str) -> ContactFilter:
        """The filter the panel describes, with this search text."""
        return ContactFilter(
            search=search,
            owner_ids=self.owner_picker.selected(),
            tag_ids=self.tag_picker.selected(),
            cities=self.city_picker.selected(),
            provinces=self.province_picker.selected(),
            lifecycles=self.lifecycle_picker.selected(),
            lead_source_ids=self.lead_source_picker.selected(),
            campaign_ids=self.campaign_picker.selected(),
            inactive_days=self.inactive_days.value() if self.inactive_check.isChecked() else None,
            no_next_step=self.no_next_check.isChecked(),
        )

    def show_filter(self, flt: ContactFilter) -> None:
        """Show ``flt``'s choices without emitting ``changed``."""
        self.owner_picker.set_selected(flt.owner_ids)
        self.tag_picker.set_selected(flt.tag_ids)
        self.city_picker.set_selected(flt.cities)
        self.province_picker.set_selected(flt.provinces)
        self.lifecycle_picker.set_selected(flt.lifecycles)
        self.lead_source_picker.set_selected(flt.lead_source_ids)
        self.campaign_picker.set_selected(flt.campaign_ids)
        for widget in (self.inactive_check, self.inactive_days, self.no_next_check):
            widget.blockSignals(True)
        self.no_next_check.setChecked(flt.no_next_step)
        self.inactive_check.setChecked(flt.inactive_days is not None)
        self.inactive_days.setEnabled(flt.inactive_days is not None)
        if flt.inactive_days is not None:
            self.inactive_days.setValue(flt.inactive_days)
        for widget in (self.inactive_check, self.inactive_days, self.no_next_check):
            widget.blockSignals(False)

    def active_count(self) -> int:
        """How many fields narrow the list (the search box not counted)."""
        flt = replace(self.filter_with(""), search="")
        return sum(1 for value in vars(flt).values() if value not in ((), None, "", False))

    def ask_segment_name(self) -> None:
        """Ask for the saved list's name in a non-modal dialog."""
        dialog = QInputDialog(self)
        dialog.setObjectName("segmentNameDialog")
        dialog.setWindowTitle(self.tr("ذخیرهٔ فهرست"))
        dialog.setLabelText(self.tr("نام این فهرست:"))
        dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
        dialog.setOkButtonText(self.tr("ذخیره"))
        dialog.setCancelButtonText(self.tr("انصراف"))
        dialog.textValueSelected.connect(self.segment_name_chosen)
        dialog.finished.connect(dialog.deleteLater)
        self.name_dialog = dialog
        dialog.open()

    def _inactive_toggled(self, checked: bool) -> None:
        self.inactive_days.setEnabled(checked)
        self.changed.emit()

    def _days_changed(self) -> None:
        if self.inactive_check.isChecked():
            self.changed.emit()

    def _clear_clicked(self) -> None:
        self.show_filter(ContactFilter())
        self.changed.emit()
