"""A record's history, read from the change log: who changed which field, from what to
what, and when, however the change was made (the window, the command line, a bulk
action, a merge, an import, an undo).

One ``HistoryEntry`` per operation, newest first, each listing its field changes in
the registry's terms (``owner``, not ``owner_id``; a phone added, not a row of
``contact_phones``), with references named (a user's name, a company's name).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import text

from crm_desktop.errors import NotFound
from crm_desktop.models import Base
from crm_desktop.models.database import Database
from crm_desktop.services.registry import ENTITIES, Entity, Field

_NAMED_BY = {
    "users": "name",
    "companies": "name",
    "lead_sources": "name",
    "campaigns": "name",
    "tags": "name",
    "stages": "name",
    "lost_reasons": "name",
    "activity_types": "name",
    "deals": "title",
    "contacts": "first_name || ' ' || last_name",
}


# What each kind of operation is called, in Persian and in English.
OPERATIONS = {
    "edit": ("ویرایش", "edit"),
    "create": ("ساخت", "create"),
    "delete": ("انتقال به سطل زباله", "moved to trash"),
    "restore": ("بازگردانی", "restore"),
    "merge": ("ادغام", "merge"),
    "import": ("ورود داده", "import"),
    "undo": ("واگرد", "undo"),
    "redo": ("انجام دوباره", "redo"),
    "move": ("جابه‌جایی در خط فروش", "moved in the pipeline"),
    "remove_stage": ("حذف مرحله", "stage removed"),
    "migration": ("ارتقای پایگاه داده", "database upgrade"),
}


def operation_name(kind: str, lang: str = "fa") -> str:
    names = OPERATIONS.get(kind)
    if names is None:
        return kind
    return names[0] if lang == "fa" else names[1]


@dataclass(frozen=True)
class FieldChange:
    field: str  # the registry's name ("city", "phone", "owner")
    label: str
    old: Any
    new: Any


@dataclass(frozen=True)
class HistoryEntry:
    op_id: str
    at: dt.datetime  # naive UTC
    user: str | None
    operation: str  # edit, create, delete, restore, merge, import, undo, redo...
    label: str | None  # an import's file name...
    changes: tuple[FieldChange, ...]


def record_history(db: Database, record_id: str, *, lang: str = "fa") -> list[HistoryEntry]:
    """Every change of the record (and of its parts), newest first."""
    with db.session() as session:
        rows = session.execute(
            text(
                "SELECT l.seq, l.table_name, l.row_id, l.action, l.changes, o.op_id, o.at, "
                "o.kind, o.label, u.name FROM change_log l JOIN operations o USING (op_id) "
                "LEFT JOIN users u ON u.id = o.user_id WHERE l.record_id = :id "
                "ORDER BY l.seq DESC"
            ),
            {"id": record_id},
        ).all()
        if not rows:
            raise NotFound(f"برای «{record_id}» تاریخچه‌ای نیست.", f"no history for {record_id!r}")
        names = _Names(session)
        made_by, first_values = _first_values(session, record_id, rows)
        entries: list[HistoryEntry] = []
        by_op: dict[str, list[Any]] = {}
        order: list[str] = []
        for row in rows:
            if row.op_id not in by_op:
                order.append(row.op_id)
            by_op.setdefault(row.op_id, []).append(row)
        for op_id in order:
            group = by_op[op_id]
            first = group[0]
            entity = ENTITIES.get(next((r.table_name for r in group if r.row_id == record_id), ""))
            if entity is None:
                entity = _entity_of_parts(group)
            changes: list[FieldChange] = []
            kind = first.kind
            for row in reversed(group):  # oldest first within the operation
                if row.row_id == record_id and row.action == "insert":
                    if entity is not None and op_id == made_by:  # made with, parts after
                        changes += _creation(entity, first_values, names, lang)
                    if kind == "edit":
                        kind = "create"
                changes += _field_changes(row, record_id, entity, names, lang)
                if row.row_id == record_id and row.action == "update" and kind == "edit":
                    trashed = json.loads(row.changes).get("deleted_at")
                    if trashed is not None:
                        kind = "delete" if trashed[1] is not None else "restore"
            entries.append(
                HistoryEntry(
                    op_id,
                    dt.datetime.fromisoformat(first.at),
                    first.name,
                    kind,
                    first.label,
                    tuple(changes),
                )
            )
        return entries


def _first_values(
    session: Any, record_id: str, rows: Sequence[Any]
) -> tuple[str | None, dict[str, Any]]:
    """The operation that made the record, and the values it was made with.

    An insert logs only the row's id, so the values are read from the row as it is now
    and taken back through every change since: an update's old values, a delete's
    whole row (what it was just before; a redo puts back those same values).
    """
    own = [r for r in rows if r.row_id == record_id]  # newest first
    inserts = [r for r in own if r.action == "insert"]
    if not inserts:
        return None, {}
    found = session.execute(
        text(f'SELECT * FROM "{own[0].table_name}" WHERE id = :id'), {"id": record_id}
    ).first()
    values: dict[str, Any] = dict(found._mapping) if found is not None else {}
    for row in own:
        if row.action == "update":
            for column, (old, _new) in json.loads(row.changes).items():
                values[column] = old
        elif row.action == "delete":
            values = dict(json.loads(row.changes))
    return inserts[-1].op_id, values


def _creation(
    entity: Entity, values: dict[str, Any], names: _Names, lang: str
) -> list[FieldChange]:
    table = Base.metadata.tables[entity.table]
    return [
        _change(f, None, values[f.column], names, lang)
        for f in entity.fields
        if f.column is not None
        and values.get(f.column) not in (None, "")
        and not table.c[f.column].info.get("derived")  # worked out, not made with
    ]


def _entity_of_parts(group: list[Any]) -> Entity | None:
    for entity in ENTITIES.values():
        if any(entity.by_part(r.table_name) for r in group):
            return entity
    return None


class _Names:
    """Names of referred records, looked up once each."""

    def __init__(self, session: Any) -> None:
        self.session = session
        self._cache: dict[tuple[str, str], str] = {}

    def of(self, table: str, row_id: Any) -> Any:
        if row_id is None or table not in _NAMED_BY:
            return row_id
        key = (table, str(row_id))
        if key not in self._cache:
            name = self.session.execute(
                text(f'SELECT {_NAMED_BY[table]} FROM "{table}" WHERE id = :id'), {"id": row_id}
            ).scalar()
            self._cache[key] = str(name).strip() if name is not None else str(row_id)
        return self._cache[key]


def _field_changes(  # noqa: PLR0911 (one return per kind of row)
    row: Any, record_id: str, entity: Entity | None, names: _Names, lang: str
) -> list[FieldChange]:
    values = json.loads(row.changes)
    if entity is None:
        return []
    if row.row_id != record_id:  # a part: a phone, an email, a tag
        part = entity.by_part(row.table_name)
        if part is None or part.part_column is None:
            return []
        if row.action == "insert":
            return [_change(part, None, _part_value(names, part, row), names, lang)]
        if row.action == "delete":
            return [_change(part, values.get(part.part_column), None, names, lang)]
        changes = []
        if part.part_column in values:
            old, new = values[part.part_column]
            changes.append(_change(part, old, new, names, lang))
        if "deleted_at" in values:  # a tag taken off, or put back
            old, new = values["deleted_at"]
            value = _part_value(names, part, row)
            changes.append(
                _change(part, value, None, names, lang)
                if new is not None
                else _change(part, None, value, names, lang)
            )
        if "contact_id" in values:  # moved here by a merge
            changes.append(_change(part, None, _part_value(names, part, row), names, lang))
        return changes
    if row.action != "update":
        return []
    changes = []
    for column, (old, new) in values.items():
        found = entity.by_column(column)
        if found is not None:
            changes.append(_change(found, old, new, names, lang))
    return changes


def _part_value(names: _Names, part: Field, row: Any) -> Any:
    assert part.part_table is not None and part.part_column is not None
    return names.session.execute(
        text(f'SELECT "{part.part_column}" FROM "{part.part_table}" WHERE id = :id'),
        {"id": row.row_id},
    ).scalar()


def _change(f: Field, old: Any, new: Any, names: _Names, lang: str) -> FieldChange:
    if f.refers_to:
        old, new = names.of(f.refers_to, old), names.of(f.refers_to, new)
    return FieldChange(f.name, f.label(lang), old, new)
