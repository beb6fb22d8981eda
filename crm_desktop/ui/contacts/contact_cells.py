"""How each column of the contacts list reads: one text per registry list column.

The contacts table (``contact_table_model``) and the early window that paints the first
rows before the database layer loads (``early_window``) both format cells here, so
this module imports neither SQLAlchemy nor the models.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from crm_desktop.locale import format_jalali, format_phone
from crm_desktop.services.records import ContactRecord
from crm_desktop.ui.widgets.display import display_number, latin_left_to_right, left_to_right
from crm_desktop.ui.widgets.value_names import lifecycle_label, row_name

Cell = Callable[[ContactRecord, bool], str]  # (record, persian digits) -> text


def _phone(record: ContactRecord, persian: bool) -> str:
    if not record.phones:
        return ""
    return left_to_right(format_phone(record.phones[0], persian_digits=persian))


def _date(value: Any, persian: bool) -> str:
    return left_to_right(format_jalali(value, persian_digits=persian)) if value else ""


def _text(name: str) -> Cell:
    # "Acme Inc." of an Outlook import reads as typed in the right-to-left list.
    return lambda record, _persian: latin_left_to_right(getattr(record, name) or "")


# The registry's list column key -> the cell's text.
CELLS: dict[str, Cell] = {
    "name": _text("full_name"),
    "company": _text("company"),
    "job_title": _text("job_title"),
    "mobile": _phone,
    "email": lambda r, _p: left_to_right(r.emails[0]) if r.emails else "",
    "city": _text("city"),
    "province": _text("province"),
    "owner": _text("owner"),
    "lifecycle": lambda r, _p: lifecycle_label(r.lifecycle),
    "lead_source": lambda r, _p: row_name(r.lead_source),
    "lead_score": lambda r, _p: display_number(r.lead_score),
    "tags": lambda r, p: ("، " if p else ", ").join(latin_left_to_right(t) for t in r.tags),
    "birth_date": lambda r, p: _date(r.birth_date, p),
    "created": lambda r, p: _date(r.created_at.date(), p),
}
