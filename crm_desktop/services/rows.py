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
"""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Table, literal, select
from sqlalchemy.orm import Session

from crm_desktop.models import Base
from crm_desktop.models.ids import IdStream

# Rows held before they are written (executemany has no parameter cap).
WRITE_CHUNK = 20000

_DATE_TYPES = (dt.date, dt.datetime)


class Shape:
    """The columns a kind of row gives, in their order (``Writer.add_values``).

    The table's other columns get their defaults, as ``Writer.add`` gives them. Values
    are stored as given, except dates and times, which become the text SQLAlchemy's
    SQLite dialect stores (``stored_value``; text already in that form is kept).
    """

    __slots__ = ("columns", "dated", "table")

    def __init__(self, table: str, columns: Sequence[str]) -> None:
        self.table: Table = Base.metadata.tables[table]
        unknown = set(columns) - set(self.table.c.keys())
        if unknown:
            raise ValueError(f"{table} has no column {sorted(unknown)}")
        self.columns = tuple(columns)
        self.dated = tuple(
            i for i, name in enumerate(self.columns) if _is_dated(self.table.c[name].type)
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
        for table in Base.metadata.sorted_tables:
            rows = self._rows.pop(table.name, None)
            if rows:
                _insert_dicts(connection, table, rows)
                self.counts[table.name] = self.counts.get(table.name, 0) + len(rows)
            for shape, values in self._values.pop(table.name, {}).items():
                insert_values(connection, shape, values)
                self.counts[table.name] = self.counts.get(table.name, 0) + len(values)
        self._count = 0


def insert_values(connection: Any, shape: Shape, rows: Sequence[Sequence[Any]]) -> None:
    """Insert rows given as tuples of ``shape``'s columns, in one executemany."""
    if not rows:
        return
    table = shape.table
    names, slots = list(shape.columns), ["?"] * len(shape.columns)
    for column in table.columns:
        if column.name in shape.columns:
            continue
        value = _default_of(connection, column)
        if value is not None:
            names.append(column.name)
            slots.append(_literal(connection, value))
    sql = f'INSERT INTO "{table.name}" ({", ".join(names)}) VALUES ({", ".join(slots)})'
    raw = connection.connection.driver_connection
    raw.executemany(sql, _stored_rows(rows, shape.dated) if shape.dated else rows)


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
    defaults: dict[str, Any] = {name: None for name in names}
    computed: list[tuple[int, Any]] = []  # SQL defaults: (index, value) for None values
    for i, column in enumerate(table.columns):
        if _sql_default(column) is not None:
            computed.append((i, _default_of(connection, column)))
        else:
            defaults[column.name] = plain_default(column)
    dated = [i for i, column in enumerate(table.columns) if _is_dated(column.type)]
    sql = f'INSERT INTO "{table.name}" ({", ".join(names)}) VALUES ({", ".join("?" * len(names))})'
    raw = connection.connection.driver_connection
    pick = operator.itemgetter(*names)
    texts: dict[Any, Any] = {}  # the same stamp is on every row: convert it once
    for start in range(0, len(rows), WRITE_CHUNK):
        chunk = rows[start : start + WRITE_CHUNK]
        values = []
        for row in chunk:
            item = list(pick(defaults | row))
            for i, value in computed:
                if item[i] is None:
                    item[i] = value
            for i in dated:
                value = item[i]
                if value is not None:
                    text = texts.get(value)
                    if text is None:
                        text = texts[value] = stored_value(value)
                    item[i] = text
            values.append(item)
        raw.executemany(sql, values)


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
