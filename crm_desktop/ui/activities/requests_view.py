"""Service requests as a list: their own page (every open request first) and a tab of
a contact's window (theirs). Opened with a subject and a priority; "answered",
"resolved" and "closed" move a request on, each one undo step; the time to the first
response and to the resolution are shown beside each."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.models import Priority, RequestStatus
from crm_desktop.services import service_requests as service
from crm_desktop.services.service_requests import RequestRecord
from crm_desktop.ui.pipeline.edits import perform_or_refuse
from crm_desktop.ui.widgets.context import AppContext, Change, PageHost
from crm_desktop.ui.widgets.display import display_number, stored_moment_text
from crm_desktop.ui.widgets.value_names import priority_label

_MINUTES_IN_HOUR, _MINUTES_IN_DAY = 60, 24 * 60


class RequestsView(QWidget):
    def __init__(
        self, ctx: AppContext, *, contact_field: bool = True, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("serviceRequests")
        self.ctx = ctx
        self.contact_id: str | None = None
        self.for_contact = not contact_field  # a contact's tab: theirs only
        self.shown: list[RequestRecord] = []
        self.subject = QLineEdit()
        self.subject.setObjectName("requestSubject")
        self.subject.setPlaceholderText(self.tr("درخواست جدید: موضوع را بنویسید و Enter"))
        self.priority = QComboBox()
        self.priority.setObjectName("requestPriority")
        for value in Priority:
            self.priority.addItem(priority_label(value.value), value.value)
        self.priority.setCurrentIndex(self.priority.findData(Priority.NORMAL.value))
        self.open_only = QCheckBox(self.tr("فقط باز"))
        self.open_only.setObjectName("openRequestsOnly")
        headers = [
            self.tr("موضوع"),
            self.tr("مخاطب"),
            self.tr("اولویت"),
            self.tr("وضعیت"),
            self.tr("ثبت"),
            self.tr("نخستین پاسخ پس از"),
            self.tr("حل پس از"),
        ]
        self.table = QTableWidget(0, len(headers))
        self.table.setObjectName("requestTable")
        self.table.setHorizontalHeaderLabels(headers)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnHidden(1, self.for_contact)
        self.buttons = {
            RequestStatus.IN_PROGRESS: QPushButton(self.tr("پاسخ داده شد")),
            RequestStatus.RESOLVED: QPushButton(self.tr("حل شد")),
            RequestStatus.CLOSED: QPushButton(self.tr("بسته شد")),
            RequestStatus.OPEN: QPushButton(self.tr("باز کردن دوباره")),
        }
        top = QHBoxLayout()
        top.addWidget(self.subject, 1)
        top.addWidget(self.priority)
        top.addWidget(self.open_only)
        row = QHBoxLayout()
        for status, button in self.buttons.items():
            button.setObjectName(f"request_{status.value}")
            button.clicked.connect(lambda _=False, s=status: self.move_to(s.value))
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        self._redraw = QTimer(self)
        self._redraw.setSingleShot(True)
        self._redraw.setInterval(0)
        self._redraw.timeout.connect(self.reload)
        self.subject.returnPressed.connect(self.open_new)
        self.open_only.toggled.connect(self.reload)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        ctx.changes.changed.connect(self._on_change)
        self.reload()

    def show_contact(self, contact_id: str | None) -> None:
        self.contact_id = contact_id
        self.subject.setEnabled(contact_id is not None or not self.for_contact)
        self.reload()

    def reload(self) -> None:
        if self.for_contact and self.contact_id is None:
            self.shown = []
        else:
            self.shown = service.list_requests(
                self.ctx.db,
                contact_id=self.contact_id if self.for_contact else None,
                open_only=self.open_only.isChecked(),
            )
        chosen = self.selected()
        self.table.setRowCount(len(self.shown))
        for row, request in enumerate(self.shown):
            texts = [
                request.subject,
                request.contact or "",
                priority_label(request.priority),
                self._status(request.status),
                stored_moment_text(request.opened_at),
                self._span(request.response_minutes),
                self._span(request.resolution_minutes),
            ]
            for column, text in enumerate(texts):
                self.table.setItem(row, column, QTableWidgetItem(text))
            if chosen is not None and request.id == chosen.id:
                self.table.setCurrentCell(row, 0)
        self._update_buttons()

    def _status(self, status: str) -> str:
        return {
            RequestStatus.OPEN.value: self.tr("باز"),
            RequestStatus.IN_PROGRESS.value: self.tr("در دست کار"),
            RequestStatus.RESOLVED.value: self.tr("حل‌شده"),
            RequestStatus.CLOSED.value: self.tr("بسته"),
        }.get(status, status)

    def _span(self, minutes: int | None) -> str:
        if minutes is None:
            return ""
        if minutes < _MINUTES_IN_HOUR:
            return self.tr("%1 دقیقه").replace("%1", display_number(minutes))
        if minutes < _MINUTES_IN_DAY:
            return self.tr("%1 ساعت").replace("%1", display_number(minutes // _MINUTES_IN_HOUR))
        return self.tr("%1 روز").replace("%1", display_number(minutes // _MINUTES_IN_DAY))

    def selected(self) -> RequestRecord | None:
        row = self.table.currentRow()
        return (
            self.shown[row] if 0 <= row < len(self.shown) and self.table.selectedItems() else None
        )

    def _update_buttons(self) -> None:
        request = self.selected()
        for status, button in self.buttons.items():
            button.setEnabled(request is not None and request.status != status.value)

    def open_new(self) -> bool:
        subject, priority = self.subject.text(), str(self.priority.currentData())
        db, contact_id = self.ctx.db, self.contact_id if self.for_contact else None
        done = perform_or_refuse(
            self.ctx,
            self,
            self.tr("ثبت درخواست"),
            lambda: service.open_request(db, subject, contact_id=contact_id, priority=priority),
        )
        if done:
            self.subject.clear()
        return done

    def move_to(self, status: str) -> bool:
        request = self.selected()
        if request is None:
            return False
        db = self.ctx.db
        return perform_or_refuse(
            self.ctx,
            self,
            self.tr("تغییر وضعیت درخواست"),
            lambda: service.set_status(db, request.id, status),
        )

    def _on_change(self, change: Change) -> None:
        if change.kind in ("service_requests", "contacts", "users"):
            self._redraw.start()


class RequestsPage(RequestsView):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, contact_field=True, parent=parent)
        self.setObjectName("page_requests")
        self.subject.setPlaceholderText(
            self.tr("درخواستی بی مخاطب؟ موضوع را بنویسید؛ برای مخاطب، از پنجرهٔ او")
        )


def build_page(window: PageHost) -> RequestsPage:
    """The service requests page in the main window (``main_window.PAGES``)."""
    return RequestsPage(window.ctx)
