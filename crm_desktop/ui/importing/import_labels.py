"""How the import wizard names things: fields, kinds of sheet, duplicate policies, cells.

The importer speaks in field names (``mobile``, ``birth_date``); the wizard shows their
Persian (or English) labels. Labels are marked with ``QT_TRANSLATE_NOOP`` and
translated where they are shown, so that a field the importer gains later still
appears (by its name) instead of breaking the wizard.
"""

from __future__ import annotations

import datetime as dt
import logging

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from crm_desktop.errors import UserError
from crm_desktop.locale import format_jalali, to_ascii_digits, to_persian_digits
from crm_desktop.services.column_mapping import IGNORE, NOTES
from crm_desktop.services.importer import LeftAlone
from crm_desktop.services.spreadsheet import CellValue
from crm_desktop.ui.widgets.display import (
    latin_left_to_right,
    left_to_right,
    persian_digits_enabled,
)
from crm_desktop.ui.widgets.value_list_edit import bidi_message

CONTEXT = "ImportLabels"
log = logging.getLogger(__name__)

FIELD_LABELS: dict[str, object] = {
    "first_name": QT_TRANSLATE_NOOP("ImportLabels", "نام"),
    "last_name": QT_TRANSLATE_NOOP("ImportLabels", "نام خانوادگی"),
    "full_name": QT_TRANSLATE_NOOP("ImportLabels", "نام و نام خانوادگی"),
    "company": QT_TRANSLATE_NOOP("ImportLabels", "شرکت"),
    "job_title": QT_TRANSLATE_NOOP("ImportLabels", "سمت"),
    "mobile": QT_TRANSLATE_NOOP("ImportLabels", "موبایل"),
    "phone": QT_TRANSLATE_NOOP("ImportLabels", "تلفن"),
    "email": QT_TRANSLATE_NOOP("ImportLabels", "ایمیل"),
    "address": QT_TRANSLATE_NOOP("ImportLabels", "نشانی"),
    "city": QT_TRANSLATE_NOOP("ImportLabels", "شهر"),
    "province": QT_TRANSLATE_NOOP("ImportLabels", "استان"),
    "birth_date": QT_TRANSLATE_NOOP("ImportLabels", "تاریخ تولد"),
    "lead_source": QT_TRANSLATE_NOOP("ImportLabels", "منبع سرنخ"),
    "tags": QT_TRANSLATE_NOOP("ImportLabels", "برچسب‌ها"),
    "notes": QT_TRANSLATE_NOOP("ImportLabels", "یادداشت‌ها"),
    "owner": QT_TRANSLATE_NOOP("ImportLabels", "مسئول"),
    "campaign": QT_TRANSLATE_NOOP("ImportLabels", "کمپین"),
    "lifecycle": QT_TRANSLATE_NOOP("ImportLabels", "وضعیت"),
    "is_company": QT_TRANSLATE_NOOP("ImportLabels", "شرکت است (بله/خیر)"),
    "country": QT_TRANSLATE_NOOP("ImportLabels", "کشور"),
    "name": QT_TRANSLATE_NOOP("ImportLabels", "نام شرکت"),
    "industry": QT_TRANSLATE_NOOP("ImportLabels", "صنعت"),
    "website": QT_TRANSLATE_NOOP("ImportLabels", "وب‌سایت"),
    "title": QT_TRANSLATE_NOOP("ImportLabels", "عنوان معامله"),
    "contact": QT_TRANSLATE_NOOP("ImportLabels", "مشتری (شخص)"),
    "stage": QT_TRANSLATE_NOOP("ImportLabels", "مرحله"),
    "amount": QT_TRANSLATE_NOOP("ImportLabels", "مبلغ (ریال)"),
    "amount_toman": QT_TRANSLATE_NOOP("ImportLabels", "مبلغ (تومان)"),
    "expected_close": QT_TRANSLATE_NOOP("ImportLabels", "تاریخ پیش‌بینی بستن"),
}
# In a deals sheet the phone and email are the customer's.
DEAL_LABELS: dict[str, object] = {
    "mobile": QT_TRANSLATE_NOOP("ImportLabels", "موبایل مشتری"),
    "email": QT_TRANSLATE_NOOP("ImportLabels", "ایمیل مشتری"),
}
CHOICE_LABELS: dict[str, object] = {
    IGNORE: QT_TRANSLATE_NOOP("ImportLabels", "— وارد نشود —"),
    NOTES: QT_TRANSLATE_NOOP("ImportLabels", "نگه‌داری در یادداشت‌ها"),
}
KIND_LABELS: dict[str, object] = {
    "contacts": QT_TRANSLATE_NOOP("ImportLabels", "مخاطبان"),
    "companies": QT_TRANSLATE_NOOP("ImportLabels", "شرکت‌ها"),
    "deals": QT_TRANSLATE_NOOP("ImportLabels", "معامله‌ها"),
}
# (policy, label, what it does)
POLICIES: tuple[tuple[str, object, object], ...] = (
    (
        "update",
        QT_TRANSLATE_NOOP("ImportLabels", "تکمیل رکورد موجود (پیشنهادی)"),
        QT_TRANSLATE_NOOP(
            "ImportLabels",
            "فیلدهای خالیِ رکوردِ موجود از فایل پر می‌شوند؛ مقداری که از قبل هست و با فایل "
            "فرق دارد عوض نمی‌شود و هشدار می‌گیرد.",
        ),
    ),
    (
        "skip",
        QT_TRANSLATE_NOOP("ImportLabels", "نادیده گرفتن ردیف تکراری"),
        QT_TRANSLATE_NOOP(
            "ImportLabels", "ردیفی که با رکوردی موجود یکی است کنار گذاشته می‌شود و چیزی عوض نمی‌شود."
        ),
    ),
    (
        "create",
        QT_TRANSLATE_NOOP("ImportLabels", "ساختن رکورد جدید"),
        QT_TRANSLATE_NOOP(
            "ImportLabels",
            "هر ردیف رکورد جدیدی می‌سازد، حتی اگر تکراری باشد (بعداً باید ادغامشان کنید).",
        ),
    ),
)
# Preview fields kept left to right (and their digits in the interface's digits).
LTR_FIELDS = frozenset({"mobile", "phone", "email", "website"})
DATE_FIELDS = frozenset({"birth_date", "expected_close"})
_LIST_SEPARATOR = "، "


def tr(text: object) -> str:
    """``text`` (a string marked with ``QT_TRANSLATE_NOOP`` here) translated."""
    return QCoreApplication.translate(CONTEXT, str(text))


def field_label(kind: str, name: str) -> str:
    """The label of a field (or of ``ignore`` / ``keep in notes``) for this kind of sheet."""
    if kind == "deals" and name in DEAL_LABELS:
        return tr(DEAL_LABELS[name])
    label = FIELD_LABELS.get(name) or CHOICE_LABELS.get(name)
    return tr(label) if label else name


def kind_label(kind: str) -> str:
    return tr(KIND_LABELS[kind]) if kind in KIND_LABELS else kind


def cell_text(value: CellValue) -> str:
    """A spreadsheet cell as the user typed it; dates in the Jalali calendar."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return left_to_right(format_jalali(value, persian_digits=persian_digits_enabled()))
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def preview_text(name: str, text: str) -> str:
    """A stored value as the preview shows it: numbers and addresses left to right."""
    if name in DATE_FIELDS:
        return left_to_right(digits(text))
    if name in LTR_FIELDS:
        parts = (left_to_right(digits(part)) for part in text.split(_LIST_SEPARATOR))
        return _LIST_SEPARATOR.join(parts)
    return _LIST_SEPARATOR.join(latin_left_to_right(p) for p in text.split(_LIST_SEPARATOR))


def digits(text: str) -> str:
    """In the interface's digits (Persian or Latin)."""
    return to_persian_digits(text) if persian_digits_enabled() else to_ascii_digits(text)


def left_alone_text(kind: str, entry: LeftAlone) -> str:
    """What an undo left alone, with the field's label in the interface's language."""
    if entry.field is None:
        return entry.what
    return f"{entry.what} ({field_label(kind, entry.field)})"


def shown_words(message: str, lang: str) -> str:
    """A service's message as a label shows it: in Persian, the values it quotes
    («+1 555 0100», «report.xlsx») and its Latin words keep their own order."""
    return bidi_message(message) if lang == "fa" else message


def failure_text(error: BaseException, lang: str) -> str:
    """What to tell the user: a ``UserError``'s own words; anything else is a bug, logged."""
    if isinstance(error, UserError):
        return shown_words(error.message(lang), lang)
    log.error("unexpected error while importing", exc_info=error)
    return QCoreApplication.translate(
        "ImportLabels", "خطای پیش‌بینی‌نشده‌ای رخ داد و در گزارش برنامه ثبت شد (%1)."
    ).replace("%1", type(error).__name__)
