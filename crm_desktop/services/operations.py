"""Operations that report what they changed (Anki's ``OpChanges``).

Every write the app makes is logged by the capture triggers under its operation's id
(``models.capture``). ``run`` calls any service function and hands back, with its
result, what that call changed: the operations it committed and, per kind of record,
the ids it touched, read from the change log. So no caller guesses what a write
touched, and undo needs nothing but the operation ids (``services.undo``).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Generic, ParamSpec, TypeVar

from sqlalchemy import bindparam, text
from sqlalchemy.orm import Session

from crm_desktop.models import Base
from crm_desktop.models.base import PART_OF
from crm_desktop.models.capture import recording, recording_settings
from crm_desktop.models.database import Database

T = TypeVar("T")
P = ParamSpec("P")
# Past this many ids of one kind a change says "possibly all of them" (an empty set):
# a screen reloads what it shows rather than match 50,000 ids.
MANY_IDS = 5000
# The kind of this computer's own settings (the office name, who is at the keyboard).
SETTINGS = "settings"
_CHUNK = 500


@dataclass(frozen=True)
class OpChanges:
    """What one or more operations changed: kind of record -> the records' ids.

    The kinds are the tables of the records ("contacts", "companies", "deals",
    "segments"...); a contact's phone, email or tag is a change of the contact. An
    empty set of ids means "possibly any of them". This computer's own settings (not
    in the log, never undone) are the kind ``SETTINGS``, by key.
    """

    op_ids: tuple[str, ...] = ()
    touched: Mapping[str, frozenset[str]] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.op_ids) and bool(self.touched)

    @property
    def kinds(self) -> frozenset[str]:
        return frozenset(self.touched)

    def ids(self, kind: str) -> frozenset[str]:
        return self.touched.get(kind, frozenset())


@dataclass(frozen=True)
class Done(Generic[T]):
    """A service call's own result, and what it changed."""

    result: T
    changes: OpChanges


def run(db: Database, work: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> Done[T]:
    """Call ``work`` (a service function) and learn what it changed."""
    with recording() as ops, recording_settings() as keys:
        result = work(*args, **kwargs)
    changes = changes_of(db, ops)
    if keys:
        touched = {**changes.touched, SETTINGS: frozenset(keys)}
        changes = OpChanges(changes.op_ids, touched)
    return Done(result, changes)


def changes_of(db: Database, op_ids: Iterable[str]) -> OpChanges:
    ids = tuple(dict.fromkeys(op_ids))
    if not ids:
        return OpChanges()
    with db.session() as session:
        return OpChanges(ids, touched_by(session, ids))


def touched_by(session: Session, op_ids: Iterable[str]) -> dict[str, frozenset[str]]:
    """Per kind of record, the records these operations changed."""
    found: dict[str, set[str]] = {}
    statement = text(
        "SELECT DISTINCT table_name, record_id FROM change_log WHERE op_id IN :ops"
    ).bindparams(bindparam("ops", expanding=True))
    ops = list(op_ids)
    for start in range(0, len(ops), _CHUNK):
        for table, record in session.execute(statement, {"ops": ops[start : start + _CHUNK]}):
            found.setdefault(record_kind(table), set()).add(record)
    return {
        kind: frozenset() if len(records) > MANY_IDS else frozenset(records)
        for kind, records in found.items()
    }


@functools.cache
def record_kind(table_name: str) -> str:
    """The kind of record a row of this table is a change of: a contact's phone is the
    contact's ("contacts"); any other row is its own table's kind."""
    table = Base.metadata.tables.get(table_name)
    part_of = None if table is None else table.info.get(PART_OF)
    if table is None or not part_of:
        return table_name
    (foreign_key,) = table.c[part_of].foreign_keys
    return str(foreign_key.column.table.name)
