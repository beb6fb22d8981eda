"""Writing many new rows fast: buffered per table, executemany, parents first.

Imports and the demo generator write tens of thousands of rows in one transaction;
the ORM would spend most of that time on bookkeeping no one needs here. Rows are
plain dicts; a column a row leaves out gets its model's plain default (or NULL).
"""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Table
from sqlalchemy.orm import Session

from crm_desktop.models import Base

# Rows held before they are written (executemany has no parameter cap).
WRITE_CHUNK = 20000


class Writer:
    """Buffers new rows per table and writes them with executemany, parents first.

    Every ``WRITE_CHUNK`` rows it writes what it holds (all tables, parents first), so
    a big import never holds all its new rows in memory at once.
    """

    def __init__(self, session: Session) -> None:
        self._session = session
        self._rows: dict[str, list[dict[str, Any]]] = {}
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

    def flush(self) -> None:
        connection = self._session.connection()
        for table in Base.metadata.sorted_tables:
            rows = self._rows.pop(table.name, None)
            if rows:
                _insert_many(connection, table, rows)
                self.counts[table.name] = self.counts.get(table.name, 0) + len(rows)
        self._count = 0


def _insert_many(connection: Any, table: Table, rows: list[dict[str, Any]]) -> None:
    names = [column.name for column in table.columns]
    defaults: dict[str, Any] = {name: None for name in names}
    slots = []
    for column in table.columns:
        default = column.default
        arg = getattr(default, "arg", None)
        if default is not None and default.is_clause_element and arg is not None:
            # A SQL default (the connection's user: crm_user()) where a row has none.
            slots.append(f"COALESCE(?, {arg.compile(dialect=connection.dialect)})")
            continue
        if arg is not None and not callable(arg):
            defaults[column.name] = arg
        slots.append("?")
    dated = [i for i, column in enumerate(table.columns) if column.type.python_type in _DATE_TYPES]
    sql = f'INSERT INTO "{table.name}" ({", ".join(names)}) VALUES ({", ".join(slots)})'
    raw = connection.connection.driver_connection
    pick = operator.itemgetter(*names)
    texts: dict[Any, Any] = {}  # the same stamp is on every row: convert it once
    for start in range(0, len(rows), WRITE_CHUNK):
        chunk = rows[start : start + WRITE_CHUNK]
        values = []
        for row in chunk:
            item = list(pick(defaults | row))
            for i in dated:
                value = item[i]
                if value is not None:
                    text = texts.get(value)
                    if text is None:
                        text = texts[value] = _db_value(value)
                    item[i] = text
            values.append(item)
        raw.executemany(sql, values)


_DATE_TYPES = (dt.date, dt.datetime)


def _db_value(value: Any) -> Any:
    # The same text forms SQLAlchemy's SQLite dialect stores and reads back.
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value
