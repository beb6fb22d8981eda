"""Change capture: triggers that log every change of a synced row, and the context
each connection of the app gives them.

The triggers are generated from the model metadata (every table of a ``Tracked`` model
that is not marked ``local``) and the live schema, and installed again after every
migration step (``install_triggers``): a column added later is captured at once. They
call functions each connection of the app defines (``install_functions``):

- ``crm_op()``: the current operation's id (one per transaction),
- ``crm_user()``, ``crm_now()``: who and when, for the stamps,
- ``crm_capturing()``: 0 while remote changes are applied (sync), so they are not
  logged again,
- ``crm_indexing()``: 0 while a big job fills the search index itself.

An insert takes its operation's id from the ``local_settings`` row ``BULK_OP_KEY``
when there is one (``bulk_capture``: a big import writes its rows from a second thread,
and a call back into Python per row would wait for the first thread each time), and
from ``crm_op()`` otherwise.

A connection that does not define them (the ``sqlite3`` shell, another program) cannot
write a synced table at all: SQLite refuses the statement ("no such function"). So a
change is either captured or refused, never silently missed.

When a transaction that logged a change commits, its ``operations`` row is written
(who, when, the site, a hybrid logical clock advanced past the last one) in the same
transaction.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, MetaData, Table
from sqlalchemy.orm import Session

from crm_desktop.models.base import PART_OF, STAMP_COLUMNS
from crm_desktop.models.ids import new_id

TRIGGER_PREFIX = "crm_capture_"
CURRENT_USER_KEY = "current_user_id"
SITE_KEY = "site_id"
CLOCK_KEY = "hlc"
BULK_OP_KEY = "bulk_op"  # only inside a transaction (``bulk_capture``), never committed
ACTIONS = ("insert", "update", "delete")
_TIME_FORMAT = "%Y-%m-%d %H:%M:%S.%f"  # what SQLAlchemy's DateTime stores on SQLite


@dataclass
class ConnectionContext:
    """What the triggers of one connection need to know about the work under way."""

    site_id: str | None = None
    user_id: str | None = None
    op_id: str = ""
    kind: str = "edit"
    ref: str | None = None
    label: str | None = None
    undoes: str | None = None
    capturing: bool = True
    indexing: bool = True
    wrote: bool = False
    _last_now: str = ""

    def begin(self, user_id: str | None) -> None:
        self.op_id = new_id()
        self.user_id = user_id
        self.kind, self.ref, self.label, self.undoes = "edit", None, None, None
        self.wrote = False

    # -- the SQL functions ---------------------------------------------------------

    def crm_op(self) -> str | None:
        """The operation's id; None while capture is off, which the log's NOT NULL
        turns into no entry (``INSERT OR IGNORE``: one call per row, not two)."""
        if not self.capturing:
            return None
        self.wrote = True
        return self.op_id

    def crm_user(self) -> str | None:
        return self.user_id

    def crm_now(self) -> str:
        """Now, and always later than the last time given (the clock may step back)."""
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None).strftime(_TIME_FORMAT)
        if now <= self._last_now:
            last = dt.datetime.strptime(self._last_now, _TIME_FORMAT)
            now = (last + dt.timedelta(microseconds=1)).strftime(_TIME_FORMAT)
        self._last_now = now
        return now

    def crm_capturing(self) -> int:
        return int(self.capturing)

    def crm_indexing(self) -> int:
        return int(self.indexing)


def install_functions(dbapi_connection: sqlite3.Connection, ctx: ConnectionContext) -> None:
    for name in ("crm_op", "crm_user", "crm_now", "crm_capturing", "crm_indexing"):
        dbapi_connection.create_function(name, 0, getattr(ctx, name))


def context_of(connection: Connection | Session) -> ConnectionContext:
    """The context of the connection a session (or a connection) works on."""
    conn = connection.connection() if isinstance(connection, Session) else connection
    ctx = conn.connection.info.get("capture")
    assert isinstance(ctx, ConnectionContext), "not a connection of open_database"
    return ctx


def mark_operation(
    session: Session | Connection,
    kind: str,
    *,
    ref: str | None = None,
    label: str | None = None,
    undoes: str | None = None,
) -> str:
    """Say what the current transaction is (an import, a merge, an undo); its op id."""
    ctx = context_of(session)
    ctx.kind, ctx.ref, ctx.label, ctx.undoes = kind, ref, label, undoes
    return ctx.op_id


@contextlib.contextmanager
def capture_suppressed(session: Session | Connection) -> Iterator[None]:
    """Changes made meanwhile are not logged (remote changes being applied)."""
    ctx = context_of(session)
    before, ctx.capturing = ctx.capturing, False
    try:
        yield
    finally:
        ctx.capturing = before


@contextlib.contextmanager
def indexing_paused(session: Session | Connection) -> Iterator[None]:
    """New search rows are not indexed one by one meanwhile: the caller indexes them."""
    ctx = context_of(session)
    before, ctx.indexing = ctx.indexing, False
    try:
        yield
    finally:
        ctx.indexing = before


@contextlib.contextmanager
def bulk_capture(session: Session | Connection) -> Iterator[None]:
    """Rows inserted meanwhile take the operation's id from SQL, not from ``crm_op()``:
    no call into Python per row, so another thread can insert them (``rows.Writer``
    in the background). Capture off (sync applying remote changes): nothing changes."""
    ctx = context_of(session)
    op_id = ctx.crm_op()  # the transaction logs changes (and is an operation)
    if op_id is None:
        yield
        return
    connection = session.connection() if isinstance(session, Session) else session
    connection.exec_driver_sql(
        "INSERT OR REPLACE INTO local_settings (key, value) VALUES (?, ?)", (BULK_OP_KEY, op_id)
    )
    forget = "DELETE FROM local_settings WHERE key = ?"
    try:
        yield
    except BaseException:
        # The caller rolls back (which forgets it too): its error is the one to see, not
        # this statement's on a full disk or a closed connection.
        with contextlib.suppress(Exception):
            connection.exec_driver_sql(forget, (BULK_OP_KEY,))
        raise
    connection.exec_driver_sql(forget, (BULK_OP_KEY,))


_recording = threading.local()


def note_setting(key: str) -> None:
    """A local setting was written on this thread: settings are this computer's own and
    not in the change log, so ``recording_settings`` hears of them this way."""
    keys = getattr(_recording, "settings", None)
    if keys is not None:
        keys.append(key)


@contextlib.contextmanager
def recording_settings() -> Iterator[list[str]]:
    """The keys of the local settings written on this thread meanwhile."""
    keys: list[str] = []
    outer = getattr(_recording, "settings", None)
    _recording.settings = keys
    try:
        yield keys
    finally:
        _recording.settings = outer
        if outer is not None:
            outer.extend(keys)


@contextlib.contextmanager
def recording() -> Iterator[list[str]]:
    """The ids of the operations committed on this thread meanwhile, in order.

    A service call may commit one transaction or several (a big restore in chunks):
    this is how a caller learns them all without each service passing them up.
    """
    ops: list[str] = []
    outer = getattr(_recording, "ops", None)
    _recording.ops = ops
    try:
        yield ops
    finally:
        _recording.ops = outer
        if outer is not None:
            outer.extend(ops)


# --------------------------------------------------------------- the transaction


def _setting(cursor: sqlite3.Cursor, key: str) -> str | None:
    try:
        row = cursor.execute("SELECT value FROM local_settings WHERE key = ?", (key,)).fetchone()
    except sqlite3.OperationalError:  # a database not migrated yet
        return None
    return None if row is None else str(row[0])


def on_begin(dbapi_connection: sqlite3.Connection, ctx: ConnectionContext) -> None:
    cursor = dbapi_connection.cursor()
    try:
        ctx.begin(_setting(cursor, CURRENT_USER_KEY))
        if ctx.site_id is None:
            ctx.site_id = _setting(cursor, SITE_KEY)
    finally:
        cursor.close()


def next_clock(last: str | None, now_ms: int) -> str:
    """A hybrid logical clock: milliseconds, then a counter for the same millisecond
    (or for a wall clock that went back), as text that sorts in clock order."""
    last_ms, counter = (0, -1)
    if last:
        ms_text, _, counter_text = last.partition(".")
        last_ms, counter = int(ms_text), int(counter_text or 0)
    if now_ms > last_ms:
        return f"{now_ms:015d}.{0:05d}"
    return f"{last_ms:015d}.{counter + 1:05d}"


def on_commit(dbapi_connection: sqlite3.Connection, ctx: ConnectionContext) -> None:
    """Record the operation of a transaction that logged changes, before it commits."""
    if not ctx.wrote:
        return
    ctx.wrote = False
    cursor = dbapi_connection.cursor()
    try:
        clock = next_clock(_setting(cursor, CLOCK_KEY), time.time_ns() // 1_000_000)
        cursor.execute(
            "INSERT OR REPLACE INTO local_settings (key, value) VALUES (?, ?)", (CLOCK_KEY, clock)
        )
        cursor.execute(
            "INSERT INTO operations (op_id, at, hlc, site_id, user_id, kind, ref, label, undoes) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                ctx.op_id,
                ctx.crm_now(),
                clock,
                ctx.site_id or "",
                ctx.user_id,
                ctx.kind,
                ctx.ref,
                ctx.label,
                ctx.undoes,
            ),
        )
    finally:
        cursor.close()
    ops = getattr(_recording, "ops", None)
    if ops is not None:
        ops.append(ctx.op_id)


# ------------------------------------------------------------------ the triggers


def captured_tables(metadata: MetaData) -> list[Table]:
    """The synced tables: every table with the ``Tracked`` columns not marked local."""
    return [
        table
        for table in metadata.sorted_tables
        if "updated_at" in table.c and "id" in table.c and not table.info.get("local")
    ]


def data_columns(table: Table, live: list[str]) -> list[str]:
    """The columns of ``table`` (as the database has them) whose changes are logged."""
    skip = {"id", *STAMP_COLUMNS}
    return [
        name
        for name in live
        if name not in skip and not (name in table.c and table.c[name].info.get("derived"))
    ]


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


# The operation of an insert: the bulk one (``bulk_capture``) or the connection's.
_INSERT_OP = f"coalesce((SELECT value FROM local_settings WHERE key = '{BULK_OP_KEY}'), crm_op())"


def trigger_statements(table: Table, columns: list[str], kept: list[str] = []) -> list[str]:  # noqa: B006
    """The three capture triggers of one table, over these columns.

    A delete also logs ``kept`` (when and by whom the row was made), so that putting
    the row back (an undo) gives it its first stamps again.
    """
    name, t = table.name, _q(table.name)
    part_of = table.info.get(PART_OF)
    record = f"NEW.{_q(part_of)}" if part_of else "NEW.id"
    old_record = f"OLD.{_q(part_of)}" if part_of else "OLD.id"
    old_values = ", ".join(f"'{c}', OLD.{_q(c)}" for c in [*columns, *kept])
    changed = " OR ".join(f"OLD.{_q(c)} IS NOT NEW.{_q(c)}" for c in columns)
    pairs = " UNION ALL ".join(
        f"SELECT '{c}' AS k, OLD.{_q(c)} AS o, NEW.{_q(c)} AS n" for c in columns
    )
    log = (
        "INSERT OR IGNORE INTO change_log (op_id, table_name, row_id, record_id, action, changes) "
        "VALUES"
    )
    # An insert names the row; its values are the row's (and every later change is an
    # update that keeps the old value), which halves what a big import writes here.
    return [
        f"CREATE TRIGGER {TRIGGER_PREFIX}{name}_insert AFTER INSERT ON {t} "
        f"BEGIN {log} ({_INSERT_OP}, '{name}', NEW.id, {record}, 'insert', '{{}}'); END",
        f"CREATE TRIGGER {TRIGGER_PREFIX}{name}_update AFTER UPDATE ON {t} "
        f"WHEN crm_capturing() AND ({changed}) BEGIN {log} (crm_op(), '{name}', NEW.id, "
        f"{record}, 'update', (SELECT json_group_object(k, json_array(o, n)) FROM ({pairs}) "
        f"WHERE o IS NOT n)); "
        f"UPDATE {t} SET updated_at = crm_now(), updated_by = crm_user() WHERE id = NEW.id; END",
        f"CREATE TRIGGER {TRIGGER_PREFIX}{name}_delete AFTER DELETE ON {t} "
        f"BEGIN {log} (crm_op(), '{name}', OLD.id, {old_record}, "
        f"'delete', json_object({old_values})); END",
    ]


def install_triggers(connection: Connection | Any, metadata: MetaData) -> int:
    """Drop the capture triggers and make them again for the schema as it is now.

    Does nothing before the change log exists (an old database half way through its
    migrations). Returns how many tables are captured.
    """
    run = connection.exec_driver_sql
    present = {row[0] for row in run("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "change_log" not in present:
        return 0
    for (trigger,) in run(
        f"SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '{TRIGGER_PREFIX}%'"
    ).fetchall():
        run(f"DROP TRIGGER {_q(trigger)}")
    count = 0
    for table in captured_tables(metadata):
        if table.name not in present:
            continue
        live = [row[1] for row in run(f"PRAGMA table_info({_q(table.name)})").fetchall()]
        kept = [c for c in ("created_at", "created_by") if c in live]
        for statement in trigger_statements(table, data_columns(table, live), kept):
            run(statement)
        count += 1
    return count


def missing_capture(connection: Connection | Any, metadata: MetaData) -> list[str]:
    """``table`` or ``table.column`` of every synced table or column (as the database
    has them now) that a capture trigger does not log: empty when all is captured."""
    run = connection.exec_driver_sql
    present = {row[0] for row in run("SELECT name FROM sqlite_master WHERE type = 'table'")}
    triggers = {
        name: sql
        for name, sql in run(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
            f"AND name LIKE '{TRIGGER_PREFIX}%'"
        )
    }
    missing = []
    for table in captured_tables(metadata):
        if table.name not in present:
            continue
        live = [row[1] for row in run(f"PRAGMA table_info({_q(table.name)})").fetchall()]
        bodies = [triggers.get(f"{TRIGGER_PREFIX}{table.name}_{a}") or "" for a in ACTIONS]
        if not all(bodies):
            missing.append(table.name)
            continue
        update, delete = bodies[1], bodies[2]
        for column in data_columns(table, live):
            # An insert logs the row by its id: the update and delete name every column.
            if f"NEW.{_q(column)}" not in update or f"OLD.{_q(column)}" not in delete:
                missing.append(f"{table.name}.{column}")
    return missing
