"""Past imports, and undoing (or redoing) one as a whole, even days later.

An import is one operation of the change log (kind ``import``, its ``ref`` the
import's id), so undo and redo are those of any operation (``services.undo``): the
records it created go, the fields it filled get their earlier values back, and what
somebody changed since is left alone and named in the result. This module says it in
an import's terms: the file, the counts, the records by name.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from crm_desktop.errors import InvalidInput, NotFound
from crm_desktop.models import (
    ChangeEntry,
    Company,
    Contact,
    Deal,
    ImportBatch,
    Operation,
    User,
)
from crm_desktop.models.database import Database
from crm_desktop.services.operations import record_kind
from crm_desktop.services.registry import entity, field_label
from crm_desktop.services.undo import last_of_chain, redo_in, undo_in

_MODELS: dict[str, Any] = {"contacts": Contact, "companies": Company, "deals": Deal}
_OWN_TABLES = ("contacts", "companies", "deals")


@dataclass(frozen=True, slots=True)
class ImportEffect:
    """An import in the user's terms: the records it created (that an undo takes away)
    and the existing records it changed (that an undo puts back as they were), by kind
    (``contacts``, ``companies``, ``deals``)."""

    created: dict[str, int] = field(default_factory=dict)
    changed: dict[str, int] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not any(self.created.values()) and not any(self.changed.values())


@dataclass(frozen=True, slots=True)
class ImportSummary:
    id: str
    file_name: str
    sheet: str
    kind: str
    when: dt.datetime  # naive UTC
    rows: int
    created: int
    updated: int
    duplicates: int
    skipped: int
    undone: bool
    user_name: str | None
    changes: int = 0  # fields and records it wrote: 0 for a file that changed nothing

    @property
    def undoable(self) -> bool:
        """Something to undo (or, once undone, to redo)."""
        return self.changes > 0


@dataclass(frozen=True, slots=True)
class LeftAlone:
    """A record (or one field of it) that an undo or redo did not touch, because it
    was changed after the import."""

    what: str  # the record as people know it: a contact's name, a company's name
    field: str | None = None  # the import's field name ("city", "company"), or None

    def __str__(self) -> str:
        if self.field is None:
            return self.what
        return f"{self.what} ({field_label(self.field)})"


@dataclass(slots=True)
class UndoResult:
    """What an undo (or redo) did: the changes applied, the same in the user's terms
    (records taken away or brought back, records put back as they were or changed
    again), and what was left alone."""

    reverted: int = 0
    left_alone: list[LeftAlone] = field(default_factory=list)
    effect: ImportEffect = field(default_factory=ImportEffect)


def _import_op(session: Session, import_id: str) -> str | None:
    return session.execute(
        text(
            "SELECT op_id FROM operations WHERE ref = :ref AND kind = 'import' "
            "AND undoes IS NULL LIMIT 1"
        ),
        {"ref": import_id},
    ).scalar()


def list_imports(db: Database, limit: int = 200) -> list[ImportSummary]:
    with db.session() as session:
        entries = (
            select(func.count())
            .select_from(ChangeEntry)
            .join(Operation, Operation.op_id == ChangeEntry.op_id)
            .where(
                Operation.ref == ImportBatch.id,
                Operation.kind == "import",
                Operation.undoes.is_(None),
            )
            .scalar_subquery()
        )
        rows = session.execute(
            select(ImportBatch, User.name, entries)
            .outerjoin(User, User.id == ImportBatch.user_id)
            .where(ImportBatch.deleted_at.is_(None))
            .order_by(ImportBatch.created_at.desc())
            .limit(limit)
        ).all()
        undone = _undone(session, [b for b, _, _ in rows])
        return [
            ImportSummary(
                id=b.id,
                file_name=b.file_name,
                sheet=b.sheet,
                kind=b.kind,
                when=b.created_at,
                rows=b.rows,
                created=b.created,
                updated=b.updated,
                duplicates=b.duplicates,
                skipped=b.skipped,
                undone=b.id in undone,
                user_name=name,
                changes=count,
            )
            for b, name, count in rows
        ]


def import_effect(db: Database, import_id: str) -> ImportEffect:
    """What undoing the import would do now (or redoing it, once it is undone).

    Counted in SQL, so that asking before undoing 50,000 contacts costs no long wait.
    """
    with db.session() as session:
        batch = session.get(ImportBatch, import_id)
        if batch is None or batch.deleted_at is not None:
            raise NotFound(f"ورودی با شناسهٔ «{import_id}» پیدا نشد.", f"no import {import_id!r}")
        op_id = _import_op(session, import_id)
        if op_id is None:
            return ImportEffect()
        if batch.id not in _undone(session, [batch]):
            return _effect(session, op_id, made="insert")
        last_undo = session.execute(
            text(
                "SELECT op_id FROM operations WHERE undoes = :op AND kind = 'undo' "
                "ORDER BY hlc DESC LIMIT 1"
            ),
            {"op": op_id},
        ).scalar()
        return ImportEffect() if last_undo is None else _effect(session, last_undo, made="delete")


def _effect(session: Session, op_id: str, *, made: str) -> ImportEffect:
    """One operation's log in an import's terms: the records it made (``made``:
    ``insert``) or took away (``delete``), and the other records it changed."""
    created: dict[str, int] = {}
    records: dict[str, set[str]] = {}
    for table, row, record, action in session.execute(
        select(
            ChangeEntry.table_name, ChangeEntry.row_id, ChangeEntry.record_id, ChangeEntry.action
        ).where(ChangeEntry.op_id == op_id)
    ):
        if table in _OWN_TABLES and action == made:
            created[table] = created.get(table, 0) + 1
            records.setdefault("made", set()).add(row)
        else:
            records.setdefault(record_kind(table), set()).add(record)
    made_ids = records.pop("made", set())
    changed = {kind: len(ids - made_ids) for kind, ids in records.items()}
    return ImportEffect(created=created, changed={k: n for k, n in changed.items() if n})


def _batch(session: Session, import_id: str, *, undone: bool) -> ImportBatch:
    batch = session.get(ImportBatch, import_id)
    if batch is None or batch.deleted_at is not None:
        raise NotFound(f"ورودی با شناسهٔ «{import_id}» پیدا نشد.", f"no import {import_id!r}")
    is_undone = batch.id in _undone(session, [batch])
    if is_undone != undone:
        raise InvalidInput(
            "این ورود داده پیش‌تر برگردانده شده است."
            if is_undone
            else "این ورود داده برگردانده نشده است.",
            "This import is already undone." if is_undone else "This import is not undone.",
        )
    return batch


def _undone(session: Session, batches: list[ImportBatch]) -> set[str]:
    """The ids of these imports that are undone now, as the change log says (however
    they were undone: here, from the window's undo, or from the command line). An
    import older than the log says it by its ``undone_at``."""
    ops = {
        ref: op_id
        for ref, op_id in session.execute(
            select(Operation.ref, Operation.op_id).where(
                Operation.kind == "import",
                Operation.undoes.is_(None),
                Operation.ref.in_([b.id for b in batches]),
            )
        )
    }
    last = last_of_chain(session, list(ops.values()))
    return {
        b.id
        for b in batches
        if (last.get(ops[b.id]) == "undo" if b.id in ops else b.undone_at is not None)
    }


def _label(session: Session, table: str, record_id: str) -> str:
    model = _MODELS.get(table)
    if model is Contact:
        row = session.get(Contact, record_id)
        return f"{row.first_name} {row.last_name}".strip() if row else record_id
    if model in (Company, Deal):
        row = session.get(model, record_id)
        return str(getattr(row, "name", None) or getattr(row, "title", "")) if row else record_id
    return record_id


def undo_import(db: Database, import_id: str) -> UndoResult:
    """Take an import back as one transaction; what was changed since is left alone."""
    return _switch(db, import_id, undo=True)


def redo_import(db: Database, import_id: str) -> UndoResult:
    """Put back what ``undo_import`` took away, where it is still as the undo left it."""
    return _switch(db, import_id, undo=False)


def _switch(db: Database, import_id: str, *, undo: bool) -> UndoResult:
    with db.session() as session:
        _batch(session, import_id, undone=not undo)
        op_id = _import_op(session, import_id)
        if op_id is None:  # an import that changed nothing
            raise InvalidInput(
                "این ورود داده چیزی را تغییر نداده است که برگردانده شود.",
                "This import changed nothing: there is nothing to undo.",
            )
        reverted = undo_in(session, op_id) if undo else redo_in(session, op_id)
        result = UndoResult(left_alone=[_left_alone(session, left) for left in reverted.left_alone])
        if reverted.op_id is not None:
            result.reverted = (
                session.scalar(select(func.count()).where(ChangeEntry.op_id == reverted.op_id)) or 0
            )
            result.effect = _effect(session, reverted.op_id, made="delete" if undo else "insert")
        return result


def _left_alone(session: Session, left: Any) -> LeftAlone:
    what = _label(session, left.kind, left.record_id)
    record = entity(left.kind)
    named = None
    if record is not None:
        found = record.by_column(left.column) if left.column else record.by_part(left.table)
        named = found.name if found else left.column
    return LeftAlone(what, named)
