"""Opening a database file: checks, backup, migration, connection settings.

Every entry point (the window and each command) goes through ``open_database``: it
refuses files that are not ours or come from a newer version of the app, copies the
file to a backup beside it before any migration, upgrades it in one transaction and
returns a ``Database`` with WAL and foreign keys switched on.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, inspect, select, text
from sqlalchemy.exc import DatabaseError as SqlDatabaseError
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from crm_desktop.errors import DatabaseError
from crm_desktop.models.local import Setting

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
SQLITE_MAGIC = b"SQLite format 3\x00"
# FTS5 tables and their shadow tables live outside the ORM metadata.
DERIVED_TABLE_PREFIXES = ("contact_fts", "contact_words")


def include_object(obj: Any, name: str | None, type_: str, reflected: bool, compare: Any) -> bool:
    """Alembic's filter: leave the FTS5 tables out of model/migration comparisons."""
    return not (type_ == "table" and name is not None and name.startswith(DERIVED_TABLE_PREFIXES))


# The newest migration; ``tests/test_database.py`` checks it is Alembic's head. Opening a
# database already at this revision needs no Alembic at all (faster start-up).
SCHEMA_REVISION = "0004"

if TYPE_CHECKING:
    from alembic.config import Config


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # Let SQLAlchemy's "begin" event emit BEGIN itself, so that DDL in migrations is
    # transactional too (pysqlite would otherwise run it outside a transaction).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def _on_begin(connection: Any) -> None:
    connection.exec_driver_sql("BEGIN")


def make_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}")
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


class Database:
    """An open database file. Each unit of work takes its own session."""

    def __init__(self, path: Path, engine: Engine) -> None:
        self.path = path
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        """A session in one transaction: committed on success, rolled back on error.

        A database another writer holds for longer than the busy timeout (a big import
        in the background, another program) is a clear ``DatabaseError``, not a crash.
        """
        try:
            with self._sessions() as session, session.begin():
                yield session
        except OperationalError as exc:
            if "locked" not in str(exc.orig) and "busy" not in str(exc.orig):
                raise
            raise DatabaseError(
                "پایگاه داده مشغول کار دیگری است (مثلاً ورود اطلاعات)؛ "
                "چند لحظه بعد دوباره امتحان کنید. چیزی از این کار ذخیره نشد.",
                "The database is busy with other work (an import, say); try again in a "
                "moment. Nothing of this was saved.",
            ) from exc

    def get_setting(self, key: str) -> str | None:
        with self.session() as session:
            return session.scalar(select(Setting.value).where(Setting.key == key))

    def set_setting(self, key: str, value: str) -> None:
        with self.session() as session:
            session.merge(Setting(key=key, value=value))

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _check_file(path: Path) -> None:
    if path.is_dir():
        raise DatabaseError(
            f"«{path}» یک پوشه است، نه فایل پایگاه داده.",
            f"{path} is a folder, not a database file.",
        )
    if not path.exists() or path.stat().st_size == 0:
        return
    with path.open("rb") as f:
        magic = f.read(len(SQLITE_MAGIC))
    if magic != SQLITE_MAGIC:
        raise DatabaseError(
            f"فایل «{path.name}» پایگاه دادهٔ این برنامه نیست.",
            f"{path} is not a crm_desktop database.",
        )


def backup_file(source: Path, target: Path) -> None:
    """Copy a live SQLite database consistently (WAL content included)."""
    src = sqlite3.connect(source)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


def _backup_path(path: Path, revision: str) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    return path.with_name(f"{path.name}.before-{revision}-{stamp}.bak")


def _current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _upgrade(path: Path, engine: Engine) -> None:
    if _current_revision(engine) == SCHEMA_REVISION:
        return
    from alembic import command
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory
    from alembic.util.exc import CommandError

    config = alembic_config()
    script = ScriptDirectory.from_config(config)
    head = script.get_current_head()
    with engine.connect() as conn:
        current = MigrationContext.configure(conn).get_current_revision()
        tables = set(inspect(conn).get_table_names())
    if current == head:
        return
    if current is None and tables - {"alembic_version"}:
        raise DatabaseError(
            f"فایل «{path.name}» پایگاه دادهٔ این برنامه نیست.",
            f"{path} is not a crm_desktop database.",
        )
    if current is not None:
        try:
            script.get_revision(current)
        except CommandError:
            raise DatabaseError(
                f"«{path.name}» با نسخهٔ جدیدتری از برنامه ساخته شده است؛ "
                "برنامه را به‌روز کنید. فایل دست نخورده است.",
                f"{path} was made by a newer version of crm_desktop; update the app. "
                "The file was not changed.",
            ) from None
        backup_file(path, _backup_path(path, current))
    with engine.connect() as conn:
        # Batch migrations rebuild tables; foreign keys are checked once at the end.
        # The pragma is a no-op inside a transaction, hence the driver connection.
        driver = conn.connection.dbapi_connection
        assert driver is not None
        driver.execute("PRAGMA foreign_keys=OFF")
        try:
            with conn.begin():
                config.attributes["connection"] = conn
                command.upgrade(config, "head")
                problems = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if problems:
                    raise RuntimeError(f"migration left broken references: {problems[:5]}")
        finally:
            driver.execute("PRAGMA foreign_keys=ON")


def open_database(path: Path | str, *, upgrade: bool = True) -> Database:
    """Open (creating if needed) and migrate the database at ``path``."""
    path = Path(path).expanduser().resolve()
    _check_file(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseError(
            f"پوشهٔ «{path.parent}» ساخته نشد: {exc.strerror}",
            f"cannot create folder {path.parent}: {exc.strerror}",
        ) from exc
    engine = make_engine(path)
    try:
        if upgrade:
            _upgrade(path, engine)
    except OperationalError as exc:
        engine.dispose()
        raise DatabaseError(
            f"پایگاه دادهٔ «{path.name}» باز نشد: {exc.orig}",
            f"cannot open database {path}: {exc.orig}",
        ) from exc
    except SqlDatabaseError as exc:
        engine.dispose()
        raise DatabaseError(
            f"فایل «{path.name}» خراب است یا پایگاه دادهٔ این برنامه نیست.",
            f"{path} is damaged or not a crm_desktop database: {exc.orig}",
        ) from exc
    except BaseException:
        engine.dispose()
        raise
    return Database(path, engine)
