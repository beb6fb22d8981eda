"""Opening a database file: checks, backup, migration, connection settings, and what
SQLite's failures mean to the user.

Every entry point (the window and each command) goes through ``open_database``: it
refuses files that are not ours or come from a newer version of the app, copies the
file to a backup beside it before any migration, upgrades it in one transaction and
returns a ``Database`` with WAL and foreign keys switched on. ``user_error`` is the one
translation of SQLite's failures (busy, disk full, read-only, damaged) into the
``UserError``s the window and the command line show.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import functools
import os
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, inspect, select, text
from sqlalchemy.engine import URL, ExceptionContext
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from crm_desktop.errors import (
    DamagedDatabase,
    DatabaseBusy,
    DatabaseError,
    DatabaseMissing,
    DiskFull,
    ReadOnlyDatabase,
    UserError,
)
from crm_desktop.models import capture
from crm_desktop.models.local import Setting

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
SQLITE_MAGIC = b"SQLite format 3\x00"
# FTS5 tables and their shadow tables live outside the ORM metadata.
DERIVED_TABLE_PREFIXES = ("contact_fts", "contact_words")
# Below this much free space an I/O error is taken for the disk being full.
_NEARLY_FULL = 256 * 1024


def include_object(obj: Any, name: str | None, type_: str, reflected: bool, compare: Any) -> bool:
    """Alembic's filter: leave the FTS5 tables out of model/migration comparisons."""
    return not (type_ == "table" and name is not None and name.startswith(DERIVED_TABLE_PREFIXES))


# The newest migration; ``tests/test_database.py`` checks it is Alembic's head. Opening a
# database already at this revision needs no Alembic at all (faster start-up).
SCHEMA_REVISION = "0008"

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


# ------------------------------------------------------------- failures to the user


def user_error(exc: BaseException, path: Path | None = None) -> UserError | None:
    """What a failure of SQLite (or of the disk under it) means to the user; None for a bug.

    Asked by the engine's ``handle_error`` event (every ORM and Core statement, in the
    window too), by ``Database.session`` (statements run on the driver connection, like
    the bulk row writer's), by ``open_database`` (backups, migrations) and, last, by the
    command line's ``main``. ``path`` is the database file, named in the messages.
    """
    if isinstance(exc, UserError):
        return exc
    cause = exc.orig if isinstance(exc, DBAPIError) else exc
    if isinstance(cause, sqlite3.Error):
        return _sqlite_error(cause, path)
    if isinstance(cause, OSError) and cause.errno in (errno.ENOSPC, errno.EDQUOT):
        return DiskFull(path)
    if isinstance(cause, OSError) and cause.errno == errno.EROFS and path is not None:
        return ReadOnlyDatabase(path)
    return None


# Failures that are neither the user's input nor a bug: the file cannot be used here.
_UNUSABLE = {
    sqlite3.SQLITE_IOERR: (
        "دیسکِ پایگاه دادهٔ «{path}» در خواندن یا نوشتن خطا داد؛ چیزی ذخیره نشد.",
        "The disk holding {path} failed to read or write; nothing was saved.",
    ),
    sqlite3.SQLITE_CANTOPEN: (
        "پایگاه دادهٔ «{path}» باز نشد؛ اجازهٔ دسترسی به فایل و پوشه‌اش را بررسی کنید.",
        "Cannot open the database {path}; check the permissions of the file and folder.",
    ),
}


def _sqlite_error(exc: sqlite3.Error, path: Path | None) -> UserError | None:
    # No code: raised by the sqlite3 module itself (a closed connection...), a bug.
    code = getattr(exc, "sqlite_errorcode", None)
    primary = None if code is None else code & 0xFF
    if primary in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return DatabaseBusy()
    if primary == sqlite3.SQLITE_FULL or (
        primary == sqlite3.SQLITE_IOERR and _out_of_space(code, path)
    ):
        return DiskFull(path)
    if path is None or primary is None:
        return None
    if primary in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
        return damaged(path)
    if primary == sqlite3.SQLITE_READONLY or (
        primary == sqlite3.SQLITE_CANTOPEN and path.exists() and not _writable(path)
    ):
        return ReadOnlyDatabase(path)
    words = _UNUSABLE.get(primary)
    return DatabaseError(*(w.format(path=path) for w in words)) if words else None


def damaged(path: Path) -> DamagedDatabase:
    """The damaged-file error, naming the newest backup beside the file if there is one."""
    # NAME.before-REV-YYYYMMDD-HHMMSS.bak: the newest is the latest stamp, whatever REV.
    backups = sorted(
        path.parent.glob(f"{path.name}.before-*.bak"), key=lambda p: p.stem.split("-")[-2:]
    )
    return DamagedDatabase(path, backups[-1] if backups else None)


def _out_of_space(code: int | None, path: Path | None) -> bool:
    """Whether an I/O error is the disk being full: SQLite says so only when the WAL
    index (``-shm``) cannot grow; other writes fail with a plain I/O error too."""
    if code == sqlite3.SQLITE_IOERR_SHMSIZE:
        return True
    if path is None:
        return False
    try:
        return shutil.disk_usage(path.parent).free < _NEARLY_FULL
    except OSError:
        return False


def _writable(path: Path) -> bool:
    """Whether SQLite can write ``path`` (an existing file): the file and, for the WAL
    and its index, the folder. ``access`` also says no on a read-only mount, even to root."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def _on_error(path: Path, context: ExceptionContext) -> None:
    error = user_error(context.original_exception, path)
    if error is not None:
        raise error from context.original_exception


# -------------------------------------------------------------------- connections


def _on_connect(dbapi_connection: sqlite3.Connection, record: Any) -> None:
    # Let SQLAlchemy's "begin" event emit BEGIN itself, so that DDL in migrations is
    # transactional too (pysqlite would otherwise run it outside a transaction).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    # Each statement on a table with triggers keeps a statement journal (to undo just
    # that statement): in memory it costs a third of what a temporary file does.
    cursor.execute("PRAGMA temp_store=MEMORY")
    cursor.close()
    context = capture.ConnectionContext()
    capture.install_functions(dbapi_connection, context)
    record.info["capture"] = context


def _on_begin(connection: Any) -> None:
    connection.exec_driver_sql("BEGIN")
    fairy = connection.connection
    capture.on_begin(fairy.dbapi_connection, fairy.info["capture"])


def _on_commit(connection: Any) -> None:
    fairy = connection.connection
    capture.on_commit(fairy.dbapi_connection, fairy.info["capture"])


def make_engine(path: Path, *, immutable: bool = False) -> Engine:
    """An engine on ``path``. ``immutable`` is for reading in a folder that cannot be
    written: SQLite needs to create the ``-shm`` beside a WAL database, unless told that
    no one is writing the file."""
    if immutable:
        url = URL.create("sqlite", database=path.as_uri(), query={"immutable": "1", "uri": "true"})
    else:
        url = URL.create("sqlite", database=str(path))
    # Statement parameters are customers' data: keep them out of messages and logs.
    engine = create_engine(url, hide_parameters=True)
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    event.listen(engine, "commit", _on_commit)
    event.listen(engine, "handle_error", functools.partial(_on_error, path))
    return engine


# Statements that change the file (a WITH ... INSERT is refused by the INSERT after it).
WRITE_VERBS = frozenset({"INSERT", "UPDATE", "DELETE", "REPLACE", "CREATE", "DROP", "ALTER"})


class Database:
    """An open database file. Each unit of work takes its own session."""

    def __init__(self, path: Path, engine: Engine) -> None:
        self.path = path
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self.refusal: UserError | None = None  # why nothing may be written any more

    def verify(self) -> None:
        """``PRAGMA quick_check`` of the whole file (0.6-2.4 s at 100,000 contacts).

        The window opens without it, to paint at once, and runs this in the background;
        a damaged file is ``DamagedDatabase``, and from then on every write is refused
        with that error.
        """
        try:
            _quick_check(self.engine, self.path)
        except DamagedDatabase as error:
            self.refuse_writes(error)
            raise

    def refuse_writes(self, error: UserError) -> None:
        """Every statement that is not a read raises ``error`` from now on."""
        if self.refusal is None:
            event.listen(self.engine, "before_cursor_execute", self._refuse_writing)
        self.refusal = error

    def _refuse_writing(self, _conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        words = statement.split(None, 1)
        if self.refusal is not None and words and words[0].upper() in WRITE_VERBS:
            raise self.refusal

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        """A session in one transaction: committed on success, rolled back on error.

        A failure the user can act on (a database another writer holds for longer than
        the busy timeout, a full disk...) is a ``UserError``, not a crash; the engine
        translates its own statements, this the ones run on the driver connection.
        """
        try:
            with self._sessions() as session, session.begin():
                yield session
        except sqlite3.Error as exc:
            error = user_error(exc, self.path)
            if error is None:
                raise
            raise error from exc

    def get_setting(self, key: str) -> str | None:
        with self.session() as session:
            return session.scalar(select(Setting.value).where(Setting.key == key))

    def set_setting(self, key: str, value: str) -> None:
        with self.session() as session:
            session.merge(Setting(key=key, value=value))
        capture.note_setting(key)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# ------------------------------------------------------------------------ opening


def _check_file(path: Path, *, create: bool) -> bool:
    """Refuse what is not a database of ours; True when a new one is to be made."""
    if path.is_dir():
        raise DatabaseError(
            f"«{path}» یک پوشه است، نه فایل پایگاه داده.",
            f"{path} is a folder, not a database file.",
        )
    if not path.exists():
        if not create:
            raise DatabaseMissing(path)
        return True
    try:
        with path.open("rb") as f:
            magic = f.read(len(SQLITE_MAGIC))
    except PermissionError:
        raise DatabaseError(
            f"اجازهٔ خواندن فایل «{path}» نیست.", f"{path} cannot be read (permission denied)."
        ) from None
    if not magic and create:
        return True
    if magic != SQLITE_MAGIC:
        raise DatabaseError(
            f"فایل «{path.name}» پایگاه دادهٔ این برنامه نیست.",
            f"{path} is not a crm_desktop database.",
        )
    return False


def backup_file(source: Path, target: Path) -> None:
    """Copy a live SQLite database consistently (WAL content included).

    A copy that fails half-way (a full disk, most often) is removed: a partial backup
    only looks like one, and every retry would leave another.
    """
    try:
        src = sqlite3.connect(source)
        try:
            dst = sqlite3.connect(target)
            try:
                src.backup(dst)
            finally:
                dst.close()
        finally:
            src.close()
    except BaseException:
        for leftover in (target, *(Path(f"{target}{s}") for s in ("-journal", "-wal", "-shm"))):
            leftover.unlink(missing_ok=True)
        raise


def _backup_path(path: Path, revision: str) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    return path.with_name(f"{path.name}.before-{revision}-{stamp}.bak")


def _current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _quick_check(engine: Engine, path: Path) -> None:
    with engine.connect() as conn:
        verdict = conn.exec_driver_sql("PRAGMA quick_check(1)").scalar()
    if verdict != "ok":
        raise damaged(path)


def _upgrade(path: Path, engine: Engine, *, checked: bool) -> None:
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
        # A migration writes, whatever the command: the same checks as for writing.
        if not _writable(path):
            raise ReadOnlyDatabase(path)
        if not checked:
            _quick_check(engine, path)
        backup_file(path, _backup_path(path, current))
    with engine.connect() as conn:
        # Batch migrations rebuild tables; foreign keys are checked once at the end.
        # The pragma is a no-op inside a transaction, hence the driver connection.
        driver = conn.connection.dbapi_connection
        assert driver is not None
        driver.execute("PRAGMA foreign_keys=OFF")
        try:
            with conn.begin():
                capture.mark_operation(conn, "migration")
                config.attributes["connection"] = conn
                command.upgrade(config, "head")
                problems = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if problems:
                    raise RuntimeError(f"migration left broken references: {problems[:5]}")
        finally:
            driver.execute("PRAGMA foreign_keys=ON")


def open_database(
    path: Path | str, *, create: bool = False, write: bool = True, upgrade: bool = True
) -> Database:
    """Open and migrate the database at ``path``.

    ``create``: a missing (or empty) file becomes a new database; only ``demo`` and the
    window's first run ask for it. Otherwise a path that does not exist is
    ``DatabaseMissing`` (a mistyped ``--db``) and no file or folder is made.

    ``write``: the caller will write. A file or folder that cannot be written is
    ``ReadOnlyDatabase``, and ``PRAGMA quick_check`` runs first so that nothing is
    written into a damaged file (``DamagedDatabase``). It reads every page: 0.6-1 s
    warm, 2.4 s cold at 100,000 contacts (270 MB), so readers skip it (SQLite reports
    the damaged pages they meet) unless a migration, which writes, is due. A reader in a
    folder it cannot write opens the file immutable when no ``-wal`` is beside it: no
    one can be writing it then.
    """
    path = Path(path).expanduser().resolve()
    new = _check_file(path, create=create)
    if new:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseError(
                f"پوشهٔ «{path.parent}» ساخته نشد: {exc.strerror}",
                f"cannot create folder {path.parent}: {exc.strerror}",
            ) from exc
    elif write and not _writable(path):
        raise ReadOnlyDatabase(path)
    wal = Path(f"{path}-wal")
    engine = make_engine(
        path, immutable=not (write or new or os.access(path.parent, os.W_OK) or wal.exists())
    )
    try:
        if write and not new:
            _quick_check(engine, path)
        if upgrade:
            _upgrade(path, engine, checked=new or write)
    except BaseException as exc:
        engine.dispose()
        error = user_error(exc, path)
        if error is None or error is exc:
            raise
        raise error from exc
    db = Database(path, engine)
    if not write and not new and not _writable(path):
        db.refuse_writes(ReadOnlyDatabase(path))  # said at once, not at the first save
    return db


def open_for_window(path: Path | str) -> Database:
    """The window's database: made on the first run, opened as a reader so that the
    page-by-page check of a big file does not hold up the first paint (the window runs
    ``Database.verify`` in the background, and a damaged file then refuses writes)."""
    return open_database(path, create=True, write=False)
