"""What SQLite's failures mean to the user: ``user_error`` over real SQLite errors, and
``open_database`` as the window and the commands call it (missing, read-only files)."""

from __future__ import annotations

import errno
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from crm_desktop.errors import (
    EXIT_BAD_INPUT,
    EXIT_TRY_LATER,
    DamagedDatabase,
    DatabaseBusy,
    DatabaseError,
    DatabaseMissing,
    DiskFull,
    ReadOnlyDatabase,
)
from crm_desktop.models.database import Database, open_database, user_error
from crm_desktop.services import contacts
from crm_desktop.services.fields import changes_from_text
from tests.disks import read_only


def _raised(conn: sqlite3.Connection, sql: str) -> sqlite3.Error:
    with pytest.raises(sqlite3.Error) as caught:
        conn.execute(sql)
    return caught.value


def test_another_writer_is_busy_and_try_again_later(db_path: Path) -> None:
    with (
        closing(sqlite3.connect(db_path, timeout=0, isolation_level=None)) as first,
        closing(sqlite3.connect(db_path, timeout=0, isolation_level=None)) as second,
    ):
        first.execute("BEGIN IMMEDIATE")
        error = user_error(_raised(second, "BEGIN IMMEDIATE"), db_path)
    assert isinstance(error, DatabaseBusy) and error.exit_code == EXIT_TRY_LATER
    assert "دوباره امتحان کنید" in error.message("fa") and "try again" in error.message("en")


def test_a_connection_that_cannot_write_is_read_only(db_path: Path) -> None:
    with closing(sqlite3.connect(f"{db_path.as_uri()}?mode=ro", uri=True)) as conn:
        # A table without capture triggers: the write itself is what is refused.
        error = user_error(_raised(conn, "DELETE FROM local_settings"), db_path)
    assert isinstance(error, ReadOnlyDatabase) and error.exit_code == EXIT_BAD_INPUT
    assert str(db_path) in error.message("fa") and "read-only" in error.message("en")


def test_a_file_that_is_not_a_database_is_damaged_and_points_at_the_backups(
    tmp_path: Path,
) -> None:
    path = tmp_path / "crm.sqlite3"
    path.write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 64)
    for name in ("0003-20250101-080000", "0002-20250301-080000", "0003-20250201-080000"):
        (tmp_path / f"crm.sqlite3.before-{name}.bak").write_bytes(b"")
    with closing(sqlite3.connect(path)) as conn:
        error = user_error(_raised(conn, "SELECT * FROM sqlite_master"), path)
    assert isinstance(error, DamagedDatabase)
    assert "crm.sqlite3.before-0002-20250301-080000.bak" in error.message("fa")
    assert "newest backup" in error.message("en")
    without = user_error(sqlite3.DatabaseError("x"), path)
    assert without is None  # no SQLite code: not SQLite speaking, a bug


def test_a_full_disk_from_the_file_system_is_disk_full(tmp_path: Path) -> None:
    error = user_error(OSError(errno.ENOSPC, "No space left on device"), tmp_path / "x")
    assert isinstance(error, DiskFull) and "دیسک پر است" in error.message("fa")


def test_bugs_stay_bugs(db_path: Path) -> None:
    with closing(sqlite3.connect(db_path)) as conn:
        assert user_error(_raised(conn, "SELEC 1"), db_path) is None
        assert user_error(_raised(conn, "SELECT nope FROM users"), db_path) is None
    closed = sqlite3.connect(db_path)
    closed.close()
    assert user_error(_raised(closed, "SELECT 1"), db_path) is None
    assert user_error(ValueError("x"), db_path) is None


def test_a_users_error_is_itself(db_path: Path) -> None:
    error = DiskFull(db_path)
    assert user_error(error, db_path) is error


def test_statement_values_never_reach_a_message_or_a_log(db: Database) -> None:
    with pytest.raises(OperationalError) as caught, db.session() as session:
        session.execute(text("INSERT INTO no_such_table VALUES (:v)"), {"v": "۰۹۱۲ شهرزاد"})
    assert "شهرزاد" not in str(caught.value)
    assert "hidden" in str(caught.value)


# ----------------------------------------------------------------- open_database


def test_a_missing_database_is_refused_unless_asked_to_create(tmp_path: Path) -> None:
    path = tmp_path / "typo" / "crm.sqlite3"
    with pytest.raises(DatabaseMissing) as caught:
        open_database(path)
    assert "وجود ندارد" in caught.value.message("fa")
    with pytest.raises(DatabaseMissing):
        open_database(path, write=False)
    assert list(tmp_path.iterdir()) == []
    open_database(path, create=True).close()
    assert path.is_file()


def test_an_empty_file_is_a_new_database_only_when_creating(tmp_path: Path) -> None:
    path = tmp_path / "crm.sqlite3"
    path.touch()
    with pytest.raises(DatabaseError, match="not a crm_desktop database"):
        open_database(path)
    assert path.read_bytes() == b""
    with open_database(path, create=True) as db:
        assert contacts.count_contacts(db) == 0


@pytest.mark.parametrize("what", ["folder", "file"])
def test_a_read_only_database_opens_for_reading_only(
    db_path: Path, tmp_path: Path, what: str
) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    path = folder / "crm.sqlite3"
    shutil.copyfile(db_path, path)
    with open_database(path) as db:
        contacts.create_contact(db, changes_from_text({"first_name": "آرش"}))
    before = path.read_bytes()
    with read_only(folder if what == "folder" else path):
        with pytest.raises(ReadOnlyDatabase):
            open_database(path)
        with open_database(path, write=False) as db:
            assert [c.first_name for c in contacts.list_contacts(db)] == ["آرش"]
            # A reader that tries to write anyway is told why it cannot, through the
            # ORM and on the driver connection (as the bulk row writer writes) alike.
            with pytest.raises(ReadOnlyDatabase):
                contacts.create_contact(db, changes_from_text({"first_name": "رها"}))
            with pytest.raises(ReadOnlyDatabase), db.session() as session:
                driver = session.connection().connection.driver_connection
                assert isinstance(driver, sqlite3.Connection)
                driver.execute("DELETE FROM contacts")
    assert path.read_bytes() == before
