"""Send a message from a template to one contact or many: filled for each of them, then
opened in the default mail client (one contact with an email address) or copied (the
SMS, a letter, or many people); every message sent is logged as an activity, as one
undo step. With one contact the text can still be changed before it goes.
"""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import quote

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.services import templates
from crm_desktop.services.templates import Filled, Template
from crm_desktop.ui.widgets.commands import perform
from crm_desktop.ui.widgets.context import AppContext
from crm_desktop.ui.widgets.display import display_number


class SendMessageDialog(QDialog):
    def __init__(
        self, ctx: AppContext, contact_ids: Sequence[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("sendMessage")
        self.setWindowTitle(self.tr("ارسال پیام"))
        self.setMinimumWidth(520)
        self.ctx = ctx
        self.contact_ids = list(contact_ids)
        self.filled: list[Filled] = []
        self.opened_url: QUrl | None = None  # the mail client's address, once asked
        self.template = QComboBox()
        self.template.setObjectName("messageTemplate")
        for item in templates.list_templates(ctx.db):
            self.template.addItem(item.name, item)
        self.who = QLabel()
        self.who.setObjectName("messageRecipients")
        self.subject = QLineEdit()
        self.subject.setObjectName("messageSubject")
        self.body = QPlainTextEdit()
        self.body.setObjectName("messageBody")
        self.unfilled = QLabel()
        self.unfilled.setObjectName("messageUnfilled")
        self.unfilled.setWordWrap(True)
        self.unfilled.setStyleSheet("color: #8a5a00")
        self.mail_button = QPushButton(self.tr("باز کردن در برنامهٔ ایمیل"))
        self.mail_button.setObjectName("openMail")
        self.copy_button = QPushButton(self.tr("کپی متن"))
        self.copy_button.setObjectName("copyMessage")
        cancel = QPushButton(self.tr("انصراف"))
        form = QFormLayout()
        form.addRow(self.tr("قالب"), self.template)
        form.addRow(self.tr("برای"), self.who)
        form.addRow(self.tr("موضوع"), self.subject)
        form.addRow(self.tr("متن"), self.body)
        buttons = QHBoxLayout()
        buttons.addWidget(self.mail_button)
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.unfilled)
        layout.addLayout(buttons)
        self.template.currentIndexChanged.connect(self._fill)
        self.mail_button.clicked.connect(self.open_mail)
        self.copy_button.clicked.connect(self.copy)
        cancel.clicked.connect(self.reject)
        self._fill()

    def chosen(self) -> Template | None:
        data = self.template.currentData()
        return data if isinstance(data, Template) else None

    def _fill(self) -> None:
        template = self.chosen()
        self.filled = templates.fill(self.ctx.db, template, self.contact_ids) if template else []
        one = len(self.filled) == 1
        if one:
            self.who.setText(
                self.filled[0].name + (f" ({self.filled[0].to})" if self.filled[0].to else "")
            )
        else:
            self.who.setText(self.tr("%1 مخاطب").replace("%1", display_number(len(self.filled))))
        first = self.filled[0] if self.filled else None
        self.subject.setText(first.subject or "" if first else "")
        self.subject.setEnabled(template is not None and template.channel == "email")
        self.body.setPlainText(first.body if first else "")
        self.body.setReadOnly(not one)  # many people: each gets their own filled text
        missing = sorted({p for f in self.filled for p in f.unfilled})
        self.unfilled.setText(
            self.tr("پیش از فرستادن پر کنید: %1").replace("%1", "، ".join(missing))
            if missing
            else ""
        )
        self.unfilled.setVisible(bool(missing))
        mailable = template is not None and template.channel == "email"
        self.mail_button.setEnabled(mailable and one and bool(first and first.to))
        self.copy_button.setEnabled(bool(self.filled))

    def _sent(self) -> list[Filled]:
        """What goes out: with one contact, the text as it stands in the form."""
        if len(self.filled) == 1:
            first = self.filled[0]
            subject = self.subject.text().strip() or None
            return [
                Filled(first.contact_id, first.name, first.to, subject, self.body.toPlainText(), ())
            ]
        return self.filled

    def _log(self, sent: list[Filled]) -> None:
        template = self.chosen()
        assert template is not None
        db = self.ctx.db
        count = perform(
            self.ctx, self.tr("ارسال پیام"), lambda: templates.log_sent(db, template, sent)
        )
        self.ctx.changes.notify(
            self.tr("پیام برای %1 مخاطب در فعالیت‌ها ثبت شد.").replace("%1", display_number(count))
        )
        self.accept()

    def open_mail(self) -> None:
        sent = self._sent()
        message = sent[0]
        if not message.to:
            return
        query = f"subject={quote(message.subject or '')}&body={quote(message.body)}"
        self.opened_url = QUrl(f"mailto:{message.to}?{query}")
        QDesktopServices.openUrl(self.opened_url)
        self._log(sent)

    def copy(self) -> None:
        sent = self._sent()
        if len(sent) == 1:
            text = sent[0].body
        else:  # one after another, each under whom it is for
            text = "\n\n".join(f"{m.name}{f' ({m.to})' if m.to else ''}\n{m.body}" for m in sent)
        QGuiApplication.clipboard().setText(text)
        self._log(sent)


def open_send_dialog(
    ctx: AppContext, parent: QWidget, contact_ids: Sequence[str]
) -> SendMessageDialog:
    dialog = SendMessageDialog(ctx, contact_ids, parent)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog
