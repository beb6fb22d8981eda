"""Writing many new rows fast: buffered per table, executemany, parents first.

Imports and the demo generator write tens of thousands of rows in one transaction;
the ORM would spend most of that time on bookkeeping no one needs here. A row comes as
a plain dict (``Writer.add``: a column it leaves out gets its model's plain default, or
NULL) or, for the rows an import makes by the hundred thousand, as a tuple in the
order of a ``Shape`` (``Writer.add_values``): no dict and no lookup per column, the
tuple goes to executemany as it is.

A column whose default is SQL (the connection's user, ``crm_user()``) gets it computed
once per statement instead of once per row: it is the same for the whole transaction,
and a call back into Python per row costs more than the row's insert.

``Writer.background()``: while the caller goes on reading and normalizing rows, a
second thread writes the tuples it was given, so that SQLite works on the second core.
SQLite runs without Python's lock, but executemany takes that lock for every row, and
the thread would wait for the busy caller each time (a 3 s write took 30 s and more).
So in the background a batch of rows goes as one JSON array into one ``INSERT ...
SELECT ... FROM json_each(?)``, and the capture triggers take the operation's id from
SQL (``models.capture.bulk_capture``). The connection is the caller's, in its one
transaction: any other statement on it first waits for the thread to be done.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import json
import operator
import queue
import sys
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from sqlalchemy import Table, event, literal, select
from sqlalchemy.orm import Session

from crm_desktop.models import Base
from crm_desktop.models.capture import bulk_capture, context_of
from crm_desktop.models.ids import IdStream

# Rows held before they are written (executemany has no parameter cap).
WRITE_CHUNK = 20000
# The page cache of a connection writing in the background (``Writer.background``).
BULK_CACHE_KIB = 65536

# How long the thread waits for Python's lock while the caller holds it (``Writer.background``).
SWITCH_INTERVAL_S = 0.0002

_DATE_TYPES = (dt.date, dt.datetime)


class Shape:
    """The columns a kind of row gives, in their order (``Writer.add_values``).

    The table's other columns get their defaults, as ``Writer.add`` gives them. Values
    are stored as given, except dates and times, which become the text SQLAlchemy's
    SQLite dialect stores (``stored_value``; text already in that form is kept). With
    ``stored``, the caller gives them as that text already (or None), and no row is
    looked at again.
    """

    __slots__ = ("columns", "dated", "table")

    def __init__(self, table: str, columns: Sequence[str], *, stored: bool = False) -> None:
        self.table: Table = Base.metadata.tables[table]
        unknown = set(columns) - set(self.table.c.keys())
        if unknown:
            raise ValueError(f"{table} has no column {sorted(unknown)}")
        self.columns = tuple(columns)
        self.dated = (
            ()
            if stored
            else tuple(
                i for i, name in enumerate(self.columns) if _is_dated(self.table.c[name].type)
            )
        )


class Writer:
    """Buffers new rows per table and writes them with executemany, parents first.

    Every ``WRITE_CHUNK`` rows it writes what it holds (all tables, parents first), so
    a big import never holds all its new rows in memory at once. ``new_id`` gives the
    ids of the rows it writes, in order, for a fraction of ``models.new_id``'s cost.
    """

    def __init__(self, session: Session) -> None:
        self._session = session
        self.new_id = IdStream()
        self._rows: dict[str, list[dict[str, Any]]] = {}
        self._values: dict[str, dict[Shape, list[Sequence[Any]]]] = {}
        self._count = 0
        self.counts: dict[str, int] = {}  # rows written so far, per table
        self._thread: _Background | None = None
        self._statements: dict[Shape, str] = {}  # the background's, per shape
        self._whole: dict[str, Shape] = {}  # every column of a table (rows given as dicts)
        self._defaults: dict[str, dict[str, Any]] = {}  # SQL defaults computed, per table

    @contextlib.contextmanager
    def background(self) -> Iterator[Writer]:
        """Meanwhile the rows given (tuples and dicts alike) and ``execute``'s statements
        are written by a second thread, in order (see the module's notes); on leaving,
        what is held is written and the thread is done.
        An error of the thread is raised in the caller's at its next flush (or on
        leaving); leaving on an error writes no more (the caller rolls back)."""
        connection = self._session.connection()
        if not context_of(connection).capturing:
            # Remote changes being applied (sync): the triggers would call back into
            # Python for every row; they are written here, as without the thread.
            yield self
            self.flush()
            return
        with (
            bulk_capture(connection),
            _cache_of(connection, BULK_CACHE_KIB),
            _switching_fast.held(),
        ):
            thread = self._thread = _Background(connection.connection.driver_connection)
            hook = self._before_statement
            event.listen(connection, "before_cursor_execute", hook)
            try:
                yield self
                self.flush()
                thread.finish()
            except BaseException:
                thread.abandon()
                raise
            finally:
                event.remove(connection, "before_cursor_execute", hook)
                self._thread = None

    def _before_statement(self, *_args: Any) -> None:
        """Another statement on the connection: the thread's are done first."""
        if self._thread is not None:
            self._thread.wait()

    def add(self, table: str, row: dict[str, Any]) -> None:
        self._rows.setdefault(table, []).append(row)
        self._count += 1
        if self._count >= WRITE_CHUNK:
            self.flush()

    def extend(self, table: str, rows: Iterable[dict[str, Any]]) -> None:
        for row in rows:
            self.add(table, row)

    def add_values(self, shape: Shape, values: Sequence[Any]) -> None:
        """A row as the values of ``shape``'s columns, in their order."""
        by_shape = self._values.get(shape.table.name)
        if by_shape is None:
            by_shape = self._values[shape.table.name] = {}
        rows = by_shape.get(shape)
        if rows is None:
            rows = by_shape[shape] = []
        rows.append(values)
        self._count += 1
        if self._count >= WRITE_CHUNK:
            self.flush()

    def flush(self) -> None:
        connection = self._session.connection()
        thread = self._thread
        for table in Base.metadata.sorted_tables:
            rows = self._rows.pop(table.name, None)
            if rows:
                if thread is None:
                    _insert_dicts(connection, table, rows)
                else:
                    whole, listed = self._whole_rows(connection, table, rows)
                    thread.put(self._statement(connection, whole), (_as_json(whole, listed),))
                self.counts[table.name] = self.counts.get(table.name, 0) + len(rows)
            for shape, values in self._values.pop(table.name, {}).items():
                if thread is None:
                    insert_values(connection, shape, values)
                else:
                    thread.put(self._statement(connection, shape), (_as_json(shape, values),))
                self.counts[table.name] = self.counts.get(table.name, 0) + len(values)
        self._count = 0

    def execute(self, sql: str, params: tuple[Any, ...] = ()) -> None:
        """A statement of the caller's (plain SQL that calls no function of ours), run
        after the rows given so far: in the background meanwhile, else now."""
        self.flush()
        if self._thread is not None:
            self._thread.put(sql, params)
        else:
            self._session.connection().exec_driver_sql(sql, params)

    def _whole_rows(
        self, connection: Any, table: Table, rows: list[dict[str, Any]]
    ) -> tuple[Shape, list[list[Any]]]:
        """Rows given as dicts, as tuples of every column (``_insert_dicts``'s values)."""
        shape = self._whole.get(table.name)
        if shape is None:
            shape = self._whole[table.name] = Shape(table.name, [c.name for c in table.columns])
        known = self._defaults.setdefault(table.name, {})
        return shape, _dict_values(connection, table, rows, known)

    def _statement(self, connection: Any, shape: Shape) -> str:
        """``shape``'s rows from a JSON array of arrays, in one statement."""
        sql = self._statements.get(shape)
        if sql is None:
            names, slots = _columns_of(connection, shape)
            picked = iter(range(len(shape.columns)))
            values = [
                f"json_extract(value, '$[{next(picked)}]')" if slot == "?" else slot
                for slot in slots
            ]
            sql = self._statements[shape] = (
                f'INSERT INTO "{shape.table.name}" ({", ".join(names)}) '
                f"SELECT {', '.join(values)} FROM json_each(?)"
            )
        return sql


@contextlib.contextmanager
def _cache_of(connection: Any, kib: int) -> Iterator[None]:
    """The connection's page cache at least ``kib`` KiB meanwhile: what a big write
    touches stays in memory until it commits, instead of spilling to the WAL."""
    before = connection.exec_driver_sql("PRAGMA cache_size").scalar()
    connection.exec_driver_sql(f"PRAGMA cache_size = {-kib}")
    restore = f"PRAGMA cache_size = {int(before)}"
    try:
        yield
    except BaseException:
        with contextlib.suppress(Exception):  # the caller's error is the one to see
            connection.exec_driver_sql(restore)
        raise
    connection.exec_driver_sql(restore)


class _WhileAnyRuns:
    """A setting of the whole process held while any of its blocks runs, in any thread:
    the first to start saves the value and sets it, the last to end puts it back, in
    whatever order they end."""

    def __init__(self, read: Callable[[], Any], write: Callable[[Any], None], value: Any) -> None:
        self._lock = threading.Lock()
        self._read, self._write, self._value = read, write, value
        self._blocks = 0
        self._before: Any = None

    @contextlib.contextmanager
    def held(self) -> Iterator[None]:
        with self._lock:
            if self._blocks == 0:
                self._before = self._read()
                self._write(self._value)
            self._blocks += 1
        try:
            yield
        finally:
            with self._lock:
                self._blocks -= 1
                if self._blocks == 0:
                    self._write(self._before)


def _collect(enabled: bool) -> None:
    if enabled:
        gc.enable()
    else:
        gc.disable()


_collector_off = _WhileAnyRuns(gc.isenabled, _collect, False)
# A background writer's thread switch interval (``Writer.background``). SQLite runs
# without Python's lock, but each statement of the thread ends by taking it back, and
# with the caller busy in Python it waits the whole interval (5 ms by default) every
# time: a write of 3 s took 4.5 s beside a busy caller, and its own 3 s at 0.2 ms.
_switching_fast = _WhileAnyRuns(sys.getswitchinterval, sys.setswitchinterval, SWITCH_INTERVAL_S)


@contextlib.contextmanager
def collection_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off meanwhile (in every thread; nested and
    concurrent uses end it once, when the last one ends, and only if it was on).

    A big import holds its sheet and rows, a few million objects, and while it makes
    more the collector walks them all again and again, finding nothing to free: a
    quarter of a 50,000-row import (8.9 s, and 6.8 s without). Memory is freed as
    before, by reference counts; only cycles wait until the end.
    """
    with _collector_off.held():
        yield


def _as_json(shape: Shape, rows: Sequence[Sequence[Any]]) -> str:
    return json.dumps(
        _stored_rows(rows, shape.dated) if shape.dated else rows,
        ensure_ascii=False,
        separators=(",", ":"),
    )


class _Background(threading.Thread):
    """Runs the statements it is given, in order, on the caller's connection."""

    def __init__(self, connection: Any) -> None:
        super().__init__(name="rows.Writer", daemon=True)
        self._connection = connection
        self._queue: queue.Queue[tuple[str, tuple[Any, ...]] | None] = queue.Queue(maxsize=8)
        self._error: BaseException | None = None
        self._stopped = False
        self.start()

    def run(self) -> None:
        while True:
            job = self._queue.get()
            try:
                if job is None:
                    return
                if self._error is None and not self._stopped:
                    self._connection.execute(*job)
            except BaseException as exc:  # raised in the caller's thread
                self._error = exc
            finally:
                self._queue.task_done()

    def put(self, sql: str, params: tuple[Any, ...]) -> None:
        self._raise()
        self._queue.put((sql, params))

    def wait(self) -> None:
        """Until every statement given so far is done; the first one's error raised."""
        self._queue.join()
        self._raise()

    def finish(self) -> None:
        self._queue.put(None)
        self.join()
        self._raise()

    def abandon(self) -> None:
        """The caller failed (or was cancelled): the running statement ends (a batch,
        a fraction of a second), the rest are not run; the caller rolls back."""
        self._stopped = True
        self._queue.put(None)
        self.join()

    def _raise(self) -> None:
        if self._error is not None:
            error, self._error = self._error, None
            self._stopped = True
            raise error


def insert_values(connection: Any, shape: Shape, rows: Sequence[Sequence[Any]]) -> None:
    """Insert rows given as tuples of ``shape``'s columns, in one executemany."""
    if not rows:
        return
    names, slots = _columns_of(connection, shape)
    sql = f'INSERT INTO "{shape.table.name}" ({", ".join(names)}) VALUES ({", ".join(slots)})'
    raw = connection.connection.driver_connection
    raw.executemany(sql, _stored_rows(rows, shape.dated) if shape.dated else rows)


def _columns_of(connection: Any, shape: Shape) -> tuple[list[str], list[str]]:
    """The columns an insert of ``shape``'s rows names, and for each its slot: "?" for
    the shape's own, in order, then the other columns' defaults as SQL literals."""
    names, slots = list(shape.columns), ["?"] * len(shape.columns)
    for column in shape.table.columns:
        if column.name in shape.columns:
            continue
        value = _default_of(connection, column)
        if value is not None:
            names.append(column.name)
            slots.append(_literal(connection, value))
    return names, slots


def _stored_rows(rows: Sequence[Sequence[Any]], dated: tuple[int, ...]) -> list[Sequence[Any]]:
    """The rows with their dates as stored text (a row needing none is kept as it is)."""
    texts: dict[Any, str] = {}  # the same stamp is on every row: convert it once
    out: list[Sequence[Any]] = []
    for row in rows:
        for i in dated:
            value = row[i]
            if value is not None and value.__class__ is not str:
                break
        else:
            out.append(row)
            continue
        item = list(row)
        for i in dated:
            value = item[i]
            if value is not None and value.__class__ is not str:
                text = texts.get(value)
                if text is None:
                    text = texts[value] = stored_value(value)
                item[i] = text
        out.append(item)
    return out


def _insert_dicts(connection: Any, table: Table, rows: list[dict[str, Any]]) -> None:
    names = [column.name for column in table.columns]
    sql = f'INSERT INTO "{table.name}" ({", ".join(names)}) VALUES ({", ".join("?" * len(names))})'
    raw = connection.connection.driver_connection
    dated = tuple(i for i, column in enumerate(table.columns) if _is_dated(column.type))
    for start in range(0, len(rows), WRITE_CHUNK):
        values = _dict_values(connection, table, rows[start : start + WRITE_CHUNK])
        raw.executemany(sql, _stored_rows(values, dated))


def _dict_values(
    connection: Any,
    table: Table,
    rows: list[dict[str, Any]],
    known: dict[str, Any] | None = None,
) -> list[list[Any]]:
    """Each row's values of every column of ``table``, in order (dates as given): a
    column a row leaves out gets its default (an SQL one computed once for all the
    rows, or taken from ``known``, which keeps it for the next call)."""
    known = {} if known is None else known
    names = [column.name for column in table.columns]
    defaults: dict[str, Any] = {name: None for name in names}
    computed: list[tuple[int, Any]] = []  # SQL defaults: (index, value) for None values
    for i, column in enumerate(table.columns):
        if _sql_default(column) is not None:
            if column.name not in known:
                known[column.name] = _default_of(connection, column)
            computed.append((i, known[column.name]))
        else:
            defaults[column.name] = plain_default(column)
    pick = operator.itemgetter(*names)
    values = []
    for row in rows:
        item = list(pick(defaults | row))
        for i, value in computed:
            if item[i] is None:
                item[i] = value
        values.append(item)
    return values


def _is_dated(column_type: Any) -> bool:
    return column_type.python_type in _DATE_TYPES


def plain_default(column: Any) -> Any:
    """A column's default when it is a plain value (not SQL, not a function), else None."""
    arg = getattr(column.default, "arg", None)
    if arg is None or callable(arg) or column.default.is_clause_element:
        return None
    return arg


def _sql_default(column: Any) -> Any:
    default = column.default
    if default is not None and default.is_clause_element:
        return getattr(default, "arg", None)
    return None


def _default_of(connection: Any, column: Any) -> Any:
    """The value a column gets when a row gives none: its plain default, or its SQL
    default computed now (once per statement), or None."""
    clause = _sql_default(column)
    if clause is not None:
        return connection.execute(select(clause)).scalar()
    return plain_default(column)


def _literal(connection: Any, value: Any) -> str:
    return str(
        literal(stored_value(value)).compile(
            dialect=connection.dialect, compile_kwargs={"literal_binds": True}
        )
    )


def stored_value(value: Any) -> Any:
    """A value as it is stored: dates and times as the text forms SQLAlchemy's SQLite
    dialect stores and reads back; anything else as it is."""
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value
