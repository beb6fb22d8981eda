"""How the values of fixed lists read: lifecycle, preferred channel, and the rows every
database starts with (pipeline stages, lost reasons, lead sources, activity types).

The stored values are codes (``lead``, ``telegram``) or the built-in rows' Persian names;
each list's labels are marked here once and translated where they are shown, so the
table, the editor's drop-downs, the filters, the bulk actions and the merge dialog show
the same words in either language. A row the office added or renamed shows its own name.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "ValueNames"

LIFECYCLE_LABELS: dict[str, object] = {
    "lead": QT_TRANSLATE_NOOP("ValueNames", "سرنخ"),
    "prospect": QT_TRANSLATE_NOOP("ValueNames", "مشتری بالقوه"),
    "customer": QT_TRANSLATE_NOOP("ValueNames", "مشتری"),
    "inactive": QT_TRANSLATE_NOOP("ValueNames", "غیرفعال"),
}
CHANNEL_LABELS: dict[str, object] = {
    "phone": QT_TRANSLATE_NOOP("ValueNames", "تلفن"),
    "sms": QT_TRANSLATE_NOOP("ValueNames", "پیامک"),
    "email": QT_TRANSLATE_NOOP("ValueNames", "ایمیل"),
    "whatsapp": QT_TRANSLATE_NOOP("ValueNames", "واتساپ"),
    "telegram": QT_TRANSLATE_NOOP("ValueNames", "تلگرام"),
    "instagram": QT_TRANSLATE_NOOP("ValueNames", "اینستاگرام"),
    "in_person": QT_TRANSLATE_NOOP("ValueNames", "حضوری"),
    "post": QT_TRANSLATE_NOOP("ValueNames", "پست"),
}
# The Persian names of the rows migration 0002 creates in every database.
PRIORITY_LABELS: dict[str, object] = {
    "low": QT_TRANSLATE_NOOP("ValueNames", "کم"),
    "normal": QT_TRANSLATE_NOOP("ValueNames", "عادی"),
    "high": QT_TRANSLATE_NOOP("ValueNames", "زیاد"),
    "urgent": QT_TRANSLATE_NOOP("ValueNames", "فوری"),
}
BUILT_IN_NAMES: tuple[object, ...] = (
    QT_TRANSLATE_NOOP("ValueNames", "فروش"),
    QT_TRANSLATE_NOOP("ValueNames", "سرنخ جدید"),
    QT_TRANSLATE_NOOP("ValueNames", "تماس اولیه"),
    QT_TRANSLATE_NOOP("ValueNames", "نیازسنجی"),
    QT_TRANSLATE_NOOP("ValueNames", "ارسال پیش‌فاکتور"),
    QT_TRANSLATE_NOOP("ValueNames", "مذاکره"),
    QT_TRANSLATE_NOOP("ValueNames", "برنده"),
    QT_TRANSLATE_NOOP("ValueNames", "از دست رفته"),
    QT_TRANSLATE_NOOP("ValueNames", "قیمت بالا"),
    QT_TRANSLATE_NOOP("ValueNames", "انتخاب رقیب"),
    QT_TRANSLATE_NOOP("ValueNames", "نبود بودجه"),
    QT_TRANSLATE_NOOP("ValueNames", "عدم پاسخ‌گویی مشتری"),
    QT_TRANSLATE_NOOP("ValueNames", "نیاز مشتری برطرف شد"),
    QT_TRANSLATE_NOOP("ValueNames", "زمان نامناسب خرید"),
    QT_TRANSLATE_NOOP("ValueNames", "سایر"),
    QT_TRANSLATE_NOOP("ValueNames", "جستجوی اینترنتی"),
    QT_TRANSLATE_NOOP("ValueNames", "تبلیغات اینترنتی"),
    QT_TRANSLATE_NOOP("ValueNames", "شبکه‌های اجتماعی"),
    QT_TRANSLATE_NOOP("ValueNames", "معرفی مشتریان"),
    QT_TRANSLATE_NOOP("ValueNames", "مراجعهٔ حضوری"),
    QT_TRANSLATE_NOOP("ValueNames", "نمایشگاه و رویداد"),
    QT_TRANSLATE_NOOP("ValueNames", "تماس تلفنی"),
    QT_TRANSLATE_NOOP("ValueNames", "وب‌سایت"),
    QT_TRANSLATE_NOOP("ValueNames", "جلسه"),
    QT_TRANSLATE_NOOP("ValueNames", "یادداشت"),
    QT_TRANSLATE_NOOP("ValueNames", "کار"),
)


def _translated(label: object) -> str:
    return QCoreApplication.translate(CONTEXT, str(label))


def lifecycle_label(value: str) -> str:
    label = LIFECYCLE_LABELS.get(value)
    return _translated(label) if label else value


def channel_label(value: str | None) -> str:
    if not value:
        return ""
    label = CHANNEL_LABELS.get(value)
    return _translated(label) if label else value


def priority_label(value: str | None) -> str:
    if not value:
        return ""
    label = PRIORITY_LABELS.get(value)
    return _translated(label) if label else value


def row_name(name: str | None) -> str:
    """A built-in row's name in the interface's language; any other name as it is."""
    return _translated(name) if name else ""
