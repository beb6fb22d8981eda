"""Undo and redo of any operation, from the change log alone.

An operation's log entries say exactly what it did: rows it made, fields it changed
(from what to what), rows it removed. Undo applies the reverse, as a new operation of
kind ``undo`` that names the one it takes back (``operations.undoes``), so it is in the
log, the history and the sync outbox like any change. Redo takes back the last undo
(kind ``redo``, naming the same operation). Both work as well days later, after a
restart, as they do a second later: they need nothing but the operation's id.

What somebody changed since is left alone, and named in the result:

- a field whose value is no longer the one the operation gave it keeps its value;
- a row the operation made is kept when its record changed since (by an operation
  that is still in effect: an edit that was undone does not count) or when a row
  outside the undo refers to it (a deal added to an imported contact);
- a row the operation removed is not put back when its id is in use again.

A row the operation made is removed for good (its id stays in the log: redo brings it
back with the same id and its first stamps), so an undone import leaves nothing in the
trash.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, bindparam, select, text, update
from sqlalchemy.orm import Session

from crm_desktop.errors import InvalidInput, NotFound
from crm_desktop.models import Base, Company, Contact
from crm_desktop.models.base import PART_OF
from crm_desktop.models.capture import captured_tables, context_of, mark_operation
from crm_desktop.models.database import Database
from crm_desktop.services.operations import OpChanges, record_kind, touched_by

UNDO = "undo"
REDO = "redo"
_CHUNK = 400
_ID_LIST = 20_000  # ids per JSON list (``_id_lists``)
_AMONG_IDS = "IN (SELECT value FROM json_each(:ids))"  # one of ``_id_lists``' lists


@dataclass(frozen=True)
class LeftAlone:
    """A record (or one field of it) an undo did not take back: changed since."""

    kind: str  # the record's kind ("contacts")
    record_id: str
    table: str  # the row's table ("contact_phones")
    column: str | None = None  # None: the whole row


@dataclass(frozen=True)
class Reverted:
    """What an undo or redo did."""

    target: str  # the operation taken back or put back
    op_id: str | None  # the new undo/redo operation; None when nothing could be done
    left_alone: tuple[LeftAlone, ...] = ()
    changes: OpChanges = field(default_factory=OpChanges)


# --------------------------------------------------------------------- the chain


def is_undone(session: Session, op_id: str) -> bool:
    """Whether ``op_id`` is taken back now: its last undo is later than its last redo."""
    return last_of_chain(session, [op_id]).get(op_id) == UNDO


def last_of_chain(session: Session, op_ids: Sequence[str]) -> dict[str, str]:
    """For each operation that was ever undone: ``undo`` or ``redo``, whichever was last."""
    statement = text(
        "SELECT undoes, kind FROM operations WHERE undoes IN :ops ORDER BY hlc, at"
    ).bindparams(bindparam("ops", expanding=True))
    last: dict[str, str] = {}
    for start in range(0, len(op_ids), _CHUNK):
        for target, kind in session.execute(
            statement, {"ops": list(op_ids[start : start + _CHUNK])}
        ):
            last[target] = kind
    return last


def _in_effect(session: Session, op_ids: Iterable[str]) -> set[str]:
    """Of these operations, those whose changes still stand: not undo or redo steps
    (each nets out with the step it takes back) and not undone."""
    ops = list(dict.fromkeys(op_ids))
    statement = text("SELECT op_id, undoes FROM operations WHERE op_id IN :ops").bindparams(
        bindparam("ops", expanding=True)
    )
    originals: list[str] = []
    for start in range(0, len(ops), _CHUNK):
        for op_id, undoes in session.execute(statement, {"ops": ops[start : start + _CHUNK]}):
            if undoes is None:
                originals.append(op_id)
    undone = last_of_chain(session, originals)
    return {op for op in originals if undone.get(op) != UNDO}


# ------------------------------------------------------------------- undo, redo


def undo(db: Database, op_id: str) -> Reverted:
    with db.session() as session:
        return undo_in(session, op_id)


def redo(db: Database, op_id: str) -> Reverted:
    with db.session() as session:
        return redo_in(session, op_id)


def undo_in(session: Session, op_id: str) -> Reverted:
    """Take back ``op_id`` within the caller's transaction."""
    operation = _operation(session, op_id)
    if is_undone(session, op_id):
        raise InvalidInput("این کار پیش‌تر واگرد شده است", "this was undone already")
    return _revert(
        session, op_id, target=op_id, kind=UNDO, ref=operation.ref, label=operation.label
    )


def redo_in(session: Session, op_id: str) -> Reverted:
    """Put back ``op_id`` (take back its last undo) within the caller's transaction."""
    operation = _operation(session, op_id)
    last_undo = session.execute(
        text(
            "SELECT op_id FROM operations WHERE undoes = :op AND kind = :undo "
            "ORDER BY hlc DESC, at DESC LIMIT 1"
        ),
        {"op": op_id, "undo": UNDO},
    ).scalar()
    if last_undo is None or not is_undone(session, op_id):
        raise InvalidInput("این کار واگرد نشده است که دوباره انجام شود", "this was not undone")
    return _revert(
        session, last_undo, target=op_id, kind=REDO, ref=operation.ref, label=operation.label
    )


@dataclass(frozen=True)
class _Op:
    kind: str
    ref: str | None
    label: str | None


def _operation(session: Session, op_id: str) -> _Op:
    row = session.execute(
        text("SELECT kind, ref, label, undoes FROM operations WHERE op_id = :op"), {"op": op_id}
    ).one_or_none()
    if row is None:
        raise NotFound("این کار در تاریخچه نیست", f"no such operation: {op_id}")
    if row.undoes is not None:
        raise InvalidInput(
            "واگرد یا انجام دوباره خودش واگرد نمی‌شود", "an undo or redo is not undone itself"
        )
    return _Op(row.kind, row.ref, row.label)


# ------------------------------------------------------------------ the reverse


@dataclass
class _Entries:
    """One operation's log, gathered for taking back."""

    last_seq: int = 0
    inserted: list[tuple[str, str, str]] = field(default_factory=list)  # table, row, record
    deleted: list[tuple[str, str, dict[str, Any]]] = field(default_factory=list)
    # (table, row) -> record, {column: [first old, last new]}
    updated: dict[tuple[str, str], tuple[str, dict[str, list[Any]]]] = field(default_factory=dict)
    records: set[str] = field(default_factory=set)


def _entries(session: Session, op_id: str) -> _Entries:
    found = _Entries()
    rows = session.execute(
        text(
            "SELECT seq, table_name, row_id, record_id, action, changes FROM change_log "
            "WHERE op_id = :op ORDER BY seq"
        ),
        {"op": op_id},
    )
    for seq, table, row, record, action, changes in rows:
        found.last_seq = seq
        found.records.add(record)
        if action == "insert":
            found.inserted.append((table, row, record))
        elif action == "delete":
            found.deleted.append((table, row, json.loads(changes)))
        else:
            _, fields = found.updated.setdefault((table, row), (record, {}))
            for column, (old, new) in json.loads(changes).items():
                if column in fields:
                    fields[column][1] = new  # the same field twice: first old, last new
                else:
                    fields[column] = [old, new]
    return found


def _revert(
    session: Session, source: str, *, target: str, kind: str, ref: str | None, label: str | None
) -> Reverted:
    entries = _entries(session, source)
    new_op = mark_operation(session, kind, undoes=target, ref=ref, label=label)
    changed_rows, changed_records = _changed_since(session, entries)
    people = _people_of(session, entries.records)  # of deals and activities it removes
    left: list[LeftAlone] = []
    left += _put_back(session, entries.deleted)
    left += _restore_fields(session, entries.updated)
    left += _remove(session, entries.inserted, changed_rows, changed_records)
    touched = touched_by(session, [new_op])
    refresh_derived(session, touched, people=people)
    if not touched:
        return Reverted(target, None, tuple(left))
    return Reverted(target, new_op, tuple(left), OpChanges((new_op,), touched))


def _changed_since(session: Session, entries: _Entries) -> tuple[set[tuple[str, str]], set[str]]:
    """The rows and records of this operation that an operation still in effect
    changed after it."""
    records = list(entries.records)
    statement = text(
        "SELECT record_id, row_id, op_id FROM change_log "
        "WHERE record_id IN :records AND seq > :after"
    ).bindparams(bindparam("records", expanding=True))
    later: list[tuple[str, str, str]] = []
    for start in range(0, len(records), _CHUNK):
        chunk = records[start : start + _CHUNK]
        later += [
            (r, w, o)
            for r, w, o in session.execute(statement, {"records": chunk, "after": entries.last_seq})
        ]
    standing = _in_effect(session, (op for _, _, op in later))
    rows = {(record, row) for record, row, op in later if op in standing}
    return rows, {record for record, _ in rows}


def _table(name: str) -> Table:
    return Base.metadata.tables[name]


def _derived(table: str) -> list[str]:
    return [c.name for c in _table(table).c if c.info.get("derived")]


def _live_columns(session: Session, table: str) -> set[str]:
    return {row[1] for row in session.execute(text(f'PRAGMA table_info("{table}")'))}


def _order(table: str) -> int:
    """Parents before children (the order tables are made in)."""
    return [t.name for t in Base.metadata.sorted_tables].index(table)


def _existing(session: Session, table: str, ids: Sequence[str]) -> set[str]:
    found: set[str] = set()
    statement = text(f'SELECT id FROM "{table}" WHERE id {_AMONG_IDS}')
    for chunk in _id_lists(ids):
        found.update(session.scalars(statement, {"ids": chunk}))
    return found


def _id_lists(ids: Sequence[str]) -> Iterator[str]:
    """The ids as JSON lists of ``_ID_LIST`` for ``_AMONG_IDS``:
    one statement per 20,000 rows of a 50,000-row import's undo, not one per 400 (whose
    compiling and binding took longer than SQLite's own work)."""
    for start in range(0, len(ids), _ID_LIST):
        yield json.dumps(list(ids[start : start + _ID_LIST]))


@dataclass(frozen=True)
class _Shape:
    """The insert that puts back rows whose log names these columns."""

    statement: str
    columns: tuple[str, ...]  # logged values, after the id
    derived: tuple[str, ...]  # worked out again (a sort key is not logged)
    stamps: tuple[str, ...]  # first stamps the log did not keep

    @classmethod
    def of(cls, table: str, named: tuple[str, ...], live: set[str]) -> _Shape:
        columns = tuple(c for c in named if c in live)
        derived = tuple(c for c in _derived(table) if c in live and c not in named)
        stamps = tuple(c for c in ("created_at", "created_by") if c in live and c not in named)
        every = ["id", *columns, *derived, *stamps, "updated_at", "updated_by"]
        names = ", ".join(f'"{c}"' for c in every)
        marks = ", ".join("?" for _ in every)
        return cls(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', columns, derived, stamps)


def _put_back(session: Session, deleted: list[tuple[str, str, dict[str, Any]]]) -> list[LeftAlone]:
    """Rows the operation removed come back with their ids, values and first stamps."""
    left: list[LeftAlone] = []
    # One time and user for every row put back, as the triggers would stamp it.
    ctx = context_of(session)
    now, user = ctx.crm_now(), ctx.crm_user()
    by_table: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for table, row, values in deleted:
        by_table.setdefault(table, []).append((row, values))
    for table in sorted(by_table, key=_order):
        rows = sorted(by_table[table], key=lambda pair: pair[0])  # appended in id order
        in_use = _existing(session, table, [row for row, _ in rows])
        live = _live_columns(session, table)
        part_of = _table(table).info.get(PART_OF)
        # Rows that name the same columns go back in one executemany statement (a
        # 50,000-row import's redo is one statement per table, not 50,000), their
        # values as tuples straight to the driver.
        statements: dict[str, list[tuple[Any, ...]]] = {}
        shapes: dict[tuple[str, ...], _Shape] = {}
        for row, values in rows:
            if row in in_use:
                record = values.get(part_of, row) if part_of else row
                left.append(LeftAlone(record_kind(table), record, table))
                continue
            named = tuple(values)
            shape = shapes.get(named)
            if shape is None:
                shape = shapes[named] = _Shape.of(table, named, live)
            statements.setdefault(shape.statement, []).append(
                (
                    row,
                    *(values[c] for c in shape.columns),
                    *(_derived_value(table, c, values) for c in shape.derived),
                    *(now if c == "created_at" else user for c in shape.stamps),
                    now,
                    user,
                )
            )
        connection = session.connection()
        for statement, batch in statements.items():
            connection.exec_driver_sql(statement, batch)
    return left


def _restore_fields(
    session: Session, updated: dict[tuple[str, str], tuple[str, dict[str, list[Any]]]]
) -> list[LeftAlone]:
    """Each field goes back to its earlier value where it still holds the operation's."""
    left: list[LeftAlone] = []
    by_table: dict[str, list[tuple[str, str, dict[str, list[Any]]]]] = {}
    for (table, row), (record, fields) in updated.items():
        by_table.setdefault(table, []).append((row, record, fields))
    for table in sorted(by_table, key=_order):
        live = _live_columns(session, table)
        rows = by_table[table]
        columns = sorted({c for _, _, fields in rows for c in fields if c in live})
        current: dict[str, Any] = {}
        ids = [row for row, _, _ in rows]
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            quoted = ", ".join(f'"{c}"' for c in ["id", *columns])
            statement = text(f'SELECT {quoted} FROM "{table}" WHERE id IN :ids').bindparams(
                bindparam("ids", expanding=True)
            )
            for values in session.execute(statement, {"ids": chunk}):
                current[values[0]] = dict(zip(columns, values[1:], strict=True))
        groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
        for row, record, fields in rows:
            now = current.get(row)
            back: dict[str, Any] = {}
            for column, (old, new) in fields.items():
                if now is None or column not in live:
                    continue
                if now[column] == new:
                    back[column] = old
                else:
                    left.append(LeftAlone(record_kind(table), record, table, column))
            if back:
                groups.setdefault(tuple(sorted(back)), []).append({"_id": row, **back})
        for names, params in groups.items():
            # Raw values, as the log holds them: no type conversion on the way back.
            sets = ", ".join(f'"{name}" = :{name}' for name in names)
            session.connection().execute(
                text(f'UPDATE "{table}" SET {sets} WHERE id = :_id'), params
            )
    return left


def _remove(
    session: Session,
    inserted: list[tuple[str, str, str]],
    changed_rows: set[tuple[str, str]],
    changed_records: set[str],
) -> list[LeftAlone]:
    """Rows the operation made go, unless changed since or referred to from outside."""
    left: dict[tuple[str, str], LeftAlone] = {}
    candidates: dict[str, dict[str, str]] = {}  # table -> row -> record
    # A record made here and changed since is kept whole, with the parts made with it.
    kept = {record for _, row, record in inserted if row == record and record in changed_records}
    for table, row, record in inserted:
        if (record, row) in changed_rows or record in kept:
            left[(table, row)] = LeftAlone(record_kind(table), record, table)
        else:
            candidates.setdefault(table, {})[row] = record
    for table, rows in candidates.items():
        gone = set(rows) - _existing(session, table, list(rows))
        for row in gone:
            del rows[row]
    _keep_referred(session, candidates, left)
    for table in sorted(candidates, key=_order, reverse=True):  # children first
        ids = list(candidates[table])
        locals_ = [local.name for local in _local_referrers(table)]
        deletes = [
            *(text(f'DELETE FROM "{name}" WHERE contact_id {_AMONG_IDS}') for name in locals_),
            text(f'DELETE FROM "{table}" WHERE id {_AMONG_IDS}'),
        ]
        for statement in deletes:
            for chunk in _id_lists(ids):
                session.execute(statement, {"ids": chunk})
    return list(left.values())


def _keep_referred(
    session: Session, candidates: dict[str, dict[str, str]], left: dict[tuple[str, str], LeftAlone]
) -> None:
    """Keep each row another row refers to (one not being removed), and its parts."""
    while True:
        kept: set[str] = set()
        for table, rows in candidates.items():
            if not rows:
                continue
            for child, column in _referrers(table):
                # The rows referring to these that are not being removed too: one
                # statement, SQLite comparing the id lists (an import's 50,000
                # contacts have 200,000 parts, none of which need come back here).
                # IN over the lists: SQLite makes each a lookup table once, and scans
                # a referring column without an index once, not once per parent.
                statement = text(
                    f'SELECT DISTINCT c."{column}" FROM "{child.name}" c '
                    f'WHERE c."{column}" IN (SELECT value FROM json_each(:parents)) '
                    "AND c.id NOT IN (SELECT value FROM json_each(:removed))"
                )
                removed = list(candidates.get(child.name, {}))
                params = {"parents": json.dumps(list(rows)), "removed": json.dumps(removed)}
                kept.update(session.scalars(statement, params))
        # A record kept keeps its parts the operation made too.
        moved = False
        for table, rows in candidates.items():
            for row, record in list(rows.items()):
                if row in kept or record in kept:
                    left[(table, row)] = LeftAlone(record_kind(table), record, table)
                    del rows[row]
                    moved = True
        if not moved:
            return


def _referrers(table: str) -> list[tuple[Table, str]]:
    """Synced tables' columns that refer to ``table``'s rows."""
    found = []
    for other in captured_tables(Base.metadata):
        for foreign_key in other.foreign_keys:
            if foreign_key.column.table.name == table and foreign_key.parent.name not in (
                "created_by",
                "updated_by",
            ):
                found.append((other, foreign_key.parent.name))
    return found


def _local_referrers(table: str) -> list[Table]:
    """This laptop's own derived rows about a record (its search row): they go with it."""
    synced = set(captured_tables(Base.metadata))
    return [
        other
        for other in Base.metadata.sorted_tables
        if other not in synced
        and "contact_id" in other.c
        and any(fk.column.table.name == table for fk in other.c.contact_id.foreign_keys)
    ]


# -------------------------------------------------------------------- derived


def _derived_value(table: str, column: str, values: dict[str, Any]) -> Any:
    """A derived column's value (the sort key of a contact or a company) from the
    row's other values."""
    from crm_desktop.locale import sort_key
    from crm_desktop.services.contacts import contact_sort_key

    if column == "sort_key" and table == "contacts":
        return contact_sort_key(values.get("first_name") or "", values.get("last_name") or "")
    if column == "sort_key" and table == "companies":
        return sort_key(values.get("name"))
    return ""  # worked out by ``refresh_derived``, if at all


def refresh_derived(
    session: Session, touched: dict[str, frozenset[str]] | Any, *, people: Iterable[str] = ()
) -> None:
    """Sort keys, search rows, a deal's purchases and lead scores follow the fields an
    undo put back (``people``: contacts whose scores it may have changed besides)."""
    from crm_desktop.services.deals import purchases_follow
    from crm_desktop.services.lead_score import rescore
    from crm_desktop.services.search import reindex_contacts

    purchases_follow(session, touched.get("deals", ()))
    rescore(session, {*people, *_people_of(session, _touched_ids(touched))})

    contact_ids = set(touched.get("contacts", ()))
    company_ids = sorted(touched.get("companies", ()))
    for start in range(0, len(company_ids), _CHUNK):
        chunk = company_ids[start : start + _CHUNK]
        rows = session.execute(
            select(Company.id, Company.name, Company.sort_key).where(Company.id.in_(chunk))
        )
        keys = [
            (cid, key)
            for cid, name, old in rows
            if (key := _derived_value("companies", "sort_key", {"name": name})) != old
        ]
        _set_sort_keys(session, "companies", keys)
        contact_ids.update(session.scalars(select(Contact.id).where(Contact.company_id.in_(chunk))))
    ids = sorted(contact_ids)  # neighbours on disk: ids grow with time
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        named = session.execute(
            select(Contact.id, Contact.first_name, Contact.last_name, Contact.sort_key).where(
                Contact.id.in_(chunk)
            )
        )
        keys = [
            (cid, key)
            for cid, first, last, old in named
            if (
                key := _derived_value(
                    "contacts", "sort_key", {"first_name": first, "last_name": last}
                )
            )
            != old
        ]
        _set_sort_keys(session, "contacts", keys)
    if ids:
        reindex_contacts(session, ids)


def _touched_ids(touched: dict[str, frozenset[str]] | Any) -> set[str]:
    return {i for kind in ("contacts", "deals", "activities") for i in touched.get(kind, ())}


def _people_of(session: Session, record_ids: Iterable[str]) -> set[str]:
    """The contacts among ``record_ids``, and the contacts of the deals and activities
    among them (as the database holds them now)."""
    from crm_desktop.models import Activity, Deal

    ids = sorted(set(record_ids))
    people: set[str] = set()
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        people.update(session.scalars(select(Contact.id).where(Contact.id.in_(chunk))))
        for model in (Deal, Activity):
            found = session.scalars(select(model.contact_id).where(model.id.in_(chunk)))
            people.update(i for i in found if i)
    return people


def _set_sort_keys(session: Session, table_name: str, keys: list[tuple[str, str]]) -> None:
    if not keys:
        return
    table = _table(table_name)
    session.connection().execute(
        update(table).where(table.c.id == bindparam("_id")).values(sort_key=bindparam("key")),
        [{"_id": row_id, "key": key} for row_id, key in keys],
    )
