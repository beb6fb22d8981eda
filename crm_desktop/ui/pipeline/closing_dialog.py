"""What a drop on "won" or "lost" asks: the closing day and amount, or why it was lost.

The amount is typed in the office's unit (rials or tomans), or with its unit written
after it ("۱۲٬۰۰۰ تومان"); one that is not a whole amount keeps the dialog open.

Non-modal (``open``), so that the board stays drawn behind it and tests can answer it;
Cancel leaves the deal where it was. A lost deal needs a reason from the office's list
(OK stays disabled until one is chosen); the comment is optional.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.errors import InvalidInput
from crm_desktop.services.deals import Closing
from crm_desktop.services.office import office_today
from crm_desktop.services.records import DealRecord
from crm_desktop.ui.pipeline.card_delegate import amount_input_text, typed_amount
from crm_desktop.ui.widgets.display import persian_digits_enabled
from crm_desktop.ui.widgets.jalali_date_edit import JalaliDateEdit


class ClosingDialog(QDialog):
    def __init__(
        self,
        deal: DealRecord,
        stage: str,
        *,
        won: bool,
        reasons: list[tuple[str, str]],
        unit: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("closingDialog")
        self.setModal(False)
        self.won = won
        self.unit = unit
        self.setWindowTitle(self.tr("بستن معامله") if won else self.tr("از دست رفتن معامله"))
        intro = QLabel(
            (self.tr("«%1» به «%2» می‌رود.") if won else self.tr("«%1» به «%2» می‌رود: چرا؟"))
            .replace("%1", deal.title)
            .replace("%2", stage)
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        self.day = JalaliDateEdit()
        self.day.setObjectName("closingDay")
        self.day.setDate(office_today())
        form.addRow(self.tr("تاریخ"), self.day)
        self.amount = QLineEdit(amount_input_text(deal.amount, unit))
        self.amount.setObjectName("closingAmount")
        self.amount.setAlignment(Qt.AlignmentFlag.AlignLeft)
        self.amount.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.problem = QLabel()
        self.problem.setObjectName("closingProblem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.reason = QComboBox()
        self.reason.setObjectName("lostReason")
        self.reason.addItem(self.tr("یک دلیل انتخاب کنید"), None)
        for reason_id, name in reasons:
            self.reason.addItem(name, reason_id)
        self.comment = QPlainTextEdit()
        self.comment.setObjectName("lostComment")
        self.comment.setTabChangesFocus(True)
        self.comment.setMaximumHeight(80)
        if won:
            unit_name = self.tr("تومان") if unit == "toman" else self.tr("ریال")
            form.addRow(self.tr("مبلغ نهایی (%1)").replace("%1", unit_name), self.amount)
        else:
            form.addRow(self.tr("دلیل"), self.reason)
            form.addRow(self.tr("توضیح"), self.comment)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._accept_if_valid)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.reason.currentIndexChanged.connect(self._update_ok)
        self._update_ok()
        (self.amount if won else self.reason).setFocus(Qt.FocusReason.OtherFocusReason)

    def _amount(self) -> int:
        """The amount typed, in rials (Persian digits and separators accepted)."""
        return typed_amount(self.amount.text(), self.unit)

    def _accept_if_valid(self) -> None:
        if self.won:
            try:
                if self._amount() < 0:
                    raise InvalidInput("مبلغ منفی است.", "the amount is negative")
            except InvalidInput as error:
                self.problem.setText(error.message("fa" if persian_digits_enabled() else "en"))
                self.problem.show()
                self.amount.setFocus()
                return
        self.accept()

    def _update_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self.won or self.reason.currentData() is not None)

    def closing(self) -> Closing:
        """What was answered, for ``move_deal``."""
        if self.won:
            return Closing(on=self.day.date(), amount=self._amount())
        return Closing(
            on=self.day.date(),
            lost_reason=self.reason.currentData(),
            lost_comment=self.comment.toPlainText(),
        )
