"""Importing a sheet of single-table records (companies, deals) with one match key.

Each row becomes a ``Record``: the table's column values, where each came from, and a
key; two rows or a row and a stored record with the same key are the same record. The
duplicate policy is the one contacts use: ``update`` fills empty fields and turns a
different non-empty value into a warning, ``skip`` leaves the stored record alone,
``create`` adds a new record anyway.
"""

from __future__ import annotations

import abc
import datetime as dt
from collections.abc import Hashable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import update

from crm_desktop.locale import format_jalali, normalize_text, search_key
from crm_desktop.models import new_id
from crm_desktop.services.importer.common import PROGRESS_EVERY, SheetImport, Writer, table_of


@dataclass(slots=True)
class Record:
    row: int
    key: Hashable
    values: dict[str, Any] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)
    shown: dict[str, str] = field(default_factory=dict)  # id column -> the name typed


@dataclass(slots=True)
class _Stored:
    id: str
    values: dict[str, Any]
    new: bool
    filled: list[str] = field(default_factory=list)


class RecordImport(SheetImport):
    """Subclasses set ``table`` and ``fillable`` and write ``load`` and ``read``."""

    table = ""
    fillable: tuple[str, ...] = ()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._by_key: dict[Hashable, _Stored] = {}
        self._new: list[_Stored] = []

    # Subclasses ---------------------------------------------------------------

    @abc.abstractmethod
    def load(self) -> dict[Hashable, tuple[str, dict[str, Any]]]:
        """key -> (id, fillable values) of every stored record."""

    def before_write(self, writer: Writer) -> None:
        """Queue rows the new records need (people a deal names, say)."""

    def after_write(self) -> None:
        """Bring what follows from the records written up to date (lead scores)."""

    # Shared -------------------------------------------------------------------

    def ids_by_key(self) -> dict[Hashable, str]:
        """Each key this import read or found -> its record's id."""
        return {key: stored.id for key, stored in self._by_key.items()}

    def run(self, *, write: bool) -> None:
        for key, (record_id, values) in self.load().items():
            self._by_key[key] = _Stored(record_id, values, new=False)
        total = len(self.sheet.rows) * 2  # reading, then writing
        for done, row in enumerate(self.sheet.rows, 1):
            record = self.read(row)
            if record is not None:
                self._take(record)
            if done % PROGRESS_EVERY == 0:
                self.progress(done, total)
        if write:
            self._write(len(self.sheet.rows), total)

    def _take(self, record: Record) -> None:
        stored = self._by_key.get(record.key)
        if stored is not None:
            self.duplicates += 1
            if self.policy == "update":
                self._fill(stored, record)
                return
            if self.policy == "skip":
                self.skipped += 1  # a duplicate row left alone is a row not imported
                return
        new = _Stored(new_id(), dict(record.values), new=True)
        self._new.append(new)
        self._by_key.setdefault(record.key, new)
        self.created += 1

    def _fill(self, stored: _Stored, record: Record) -> None:
        for name, value in record.values.items():
            if name not in self.fillable or value in (None, "", 0):
                continue
            current = stored.values.get(name)
            if current in (None, "", 0):
                if not stored.new:
                    stored.filled.append(name)
                    self._updated.add(stored.id)
                stored.values[name] = value
            elif not _same(current, value):
                header = record.headers.get(name, "")
                if name in record.shown:
                    other = record.shown[name]
                    self.warn(
                        record.row,
                        header,
                        f"رکورد موجود مقدار دیگری دارد؛ «{other}» این ردیف به کار نرفت.",
                        f"The existing record has another value; this row's '{other}' "
                        "was not used.",
                    )
                    continue
                kept, other = _shown(current), _shown(value)
                self.warn(
                    record.row,
                    header,
                    f"رکورد موجود «{kept}» دارد و این ردیف «{other}»؛ مقدار موجود نگه داشته شد.",
                    f"The existing record has '{kept}' and this row '{other}'; the "
                    "existing value was kept.",
                )

    def _write(self, done: int, total: int) -> None:
        writer = Writer(self.session)
        for table, rows in self.names.new_rows.items():
            writer.extend(table, rows)
        self.before_write(writer)
        for count, stored in enumerate(self._new, 1):
            if count % PROGRESS_EVERY == 0:
                self.progress(min(done + count, total - 1), total)
            writer.add(self.table, {"id": stored.id, **stored.values, **self.stamp})
        writer.flush()
        model = table_of(self.table)
        for stored in self._by_key.values():
            if stored.filled:
                self.session.execute(
                    update(model)
                    .where(model.c.id == stored.id)
                    .values(
                        {name: stored.values[name] for name in stored.filled},
                        updated_at=self.stamp["updated_at"],
                        updated_by=self.stamp["updated_by"],
                    )
                )
        self.after_write()


def _same(current: Any, value: Any) -> bool:
    if isinstance(current, str) and isinstance(value, str):
        return search_key(current) == search_key(value)
    return bool(current == value)


def _shown(value: Any) -> str:
    if isinstance(value, dt.date):
        return format_jalali(value)
    if isinstance(value, int):
        return f"{value:,}"
    return normalize_text(str(value))
