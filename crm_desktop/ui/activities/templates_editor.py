"""The office's message templates, in the settings: the list, and the one chosen to
edit (name, kind, subject, text), with the placeholders a text may use. Each save and
each removal is one undo step; a refusal (no name, no text) says why."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.services import templates
from crm_desktop.ui.pipeline.edits import perform_or_refuse
from crm_desktop.ui.widgets.context import AppContext, Change

_KIND = "message_templates"


def _button(text: str, name: str) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    return button


class TemplatesEditor(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("templatesEditor")
        self.ctx = ctx
        self.editing: str | None = None  # the template in the form; None: a new one
        self.list = QListWidget()
        self.list.setObjectName("templateList")
        self.list.setMaximumWidth(220)
        self.name = QLineEdit()
        self.name.setObjectName("templateName")
        self.channel = QComboBox()
        self.channel.setObjectName("templateChannel")
        self.channel.addItem(self.tr("ایمیل"), "email")
        self.channel.addItem(self.tr("پیامک"), "sms")
        self.channel.addItem(self.tr("نامه"), "letter")
        self.subject = QLineEdit()
        self.subject.setObjectName("templateSubject")
        self.body = QPlainTextEdit()
        self.body.setObjectName("templateBody")
        self.body.setTabChangesFocus(True)
        self.body.setFixedHeight(110)
        hint = QLabel(
            self.tr(
                "جای‌نگه‌دارها: {نام}، {نام_خانوادگی}، {نام_کامل}، {شرکت}، {شرکت_ما}، "
                "{کارشناس}، {تاریخ}، {تاریخ_تولد}"
            )
        )
        hint.setObjectName("templateHint")
        hint.setWordWrap(True)
        self.new_button = _button(self.tr("قالب جدید"), "newTemplate")
        self.save_button = _button(self.tr("ذخیرهٔ قالب"), "saveTemplate")
        self.remove_button = _button(self.tr("حذف قالب"), "removeTemplate")
        form = QFormLayout()
        form.addRow(self.tr("نام"), self.name)
        form.addRow(self.tr("نوع"), self.channel)
        form.addRow(self.tr("موضوع"), self.subject)
        form.addRow(self.tr("متن"), self.body)
        form.addRow("", hint)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.save_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addLayout(buttons)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(right, 1)
        self.list.currentItemChanged.connect(self._chosen)
        self.new_button.clicked.connect(self.start_new)
        self.save_button.clicked.connect(self.save)
        self.remove_button.clicked.connect(self.remove)
        ctx.changes.changed.connect(self._on_change)
        self.load()

    def load(self, select: str | None = None) -> None:
        chosen = select or self.editing
        blocked = self.list.blockSignals(True)
        self.list.clear()
        for item in templates.list_templates(self.ctx.db):
            row = QListWidgetItem(item.name)
            row.setData(Qt.ItemDataRole.UserRole, item.id)
            self.list.addItem(row)
            if item.id == chosen:
                self.list.setCurrentItem(row)
        self.list.blockSignals(blocked)
        current = self.list.currentItem()
        if current is not None:
            self._chosen(current)
        elif self.list.count():
            self.list.setCurrentRow(0)
        else:
            self.start_new()

    def _chosen(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        template = templates.get_template(self.ctx.db, item.data(Qt.ItemDataRole.UserRole))
        self.editing = template.id
        self.name.setText(template.name)
        self.channel.setCurrentIndex(max(self.channel.findData(template.channel), 0))
        self.subject.setText(template.subject or "")
        self.body.setPlainText(template.body)
        self.remove_button.setEnabled(True)

    def start_new(self) -> None:
        self.editing = None
        self.list.clearSelection()
        for field in (self.name, self.subject):
            field.clear()
        self.body.clear()
        self.remove_button.setEnabled(False)
        self.name.setFocus()

    def save(self) -> bool:
        db, editing = self.ctx.db, self.editing
        name, channel = self.name.text(), str(self.channel.currentData())
        subject, body = self.subject.text(), self.body.toPlainText()
        saved: list[str] = []

        def work() -> None:
            template = templates.save_template(
                db, editing, name=name, channel=channel, subject=subject, body=body
            )
            saved.append(template.id)

        done = perform_or_refuse(self.ctx, self, self.tr("ذخیرهٔ قالب پیام"), work)
        if done and saved:
            self.editing = saved[0]
            self.load(select=saved[0])
        return done

    def remove(self) -> bool:
        editing = self.editing
        if editing is None:
            return False
        db = self.ctx.db
        done = perform_or_refuse(
            self.ctx, self, self.tr("حذف قالب پیام"), lambda: templates.delete_template(db, editing)
        )
        if done:
            self.editing = None
            self.load()
        return done

    def _on_change(self, change: Change) -> None:
        if change.kind == _KIND:
            self.load()
