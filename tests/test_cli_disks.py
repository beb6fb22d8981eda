"""A full disk and a read-only database, for real: a small tmpfs filled up, a read-only
mount. What the user sees: exit 2, one Persian line without SQL or row values, nothing
logged as a bug, and the database as it was (the same bytes, the same rows).
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from crm_desktop.errors import DiskFull
from crm_desktop.models.database import alembic_config, head_revision, open_database
from crm_desktop.services import contacts
from crm_desktop.services.fields import changes_from_text
from crm_desktop.services.importer import import_file
from tests.disks import KB, MB, fill, free_space, read_only, small_disk
from tests.importer_files import write_big_contacts
from tests.test_cli import assert_user_message, run

ROWS = 3000


@pytest.fixture(scope="module")
def big_sheet(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_big_contacts(tmp_path_factory.mktemp("sheets") / "big.xlsx", ROWS)


@pytest.fixture
def log_home(tmp_path: Path) -> Iterator[dict[str, str]]:
    """Where a bug would be logged; nothing may be."""
    yield {"XDG_STATE_HOME": str(tmp_path / "state")}
    assert not (tmp_path / "state").exists(), "a user's problem was logged as a bug"


def rows_of(path: Path) -> dict[str, list[str]]:
    with closing(sqlite3.connect(path)) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {t: sorted(map(repr, conn.execute(f'SELECT * FROM "{t}"'))) for t in tables}


def revision_of(path: Path) -> str:
    with closing(sqlite3.connect(path)) as conn:
        return str(conn.execute("SELECT version_num FROM alembic_version").fetchone()[0])


# ------------------------------------------------------------------- a full disk


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[Path]:
    with small_disk(tmp_path / "disk", 16 * MB) as folder:
        yield folder


def test_a_full_disk_during_an_import_is_a_clear_message_and_changes_nothing(
    disk: Path, db_path: Path, big_sheet: Path, log_home: dict[str, str]
) -> None:
    path = disk / "crm.sqlite3"
    shutil.copyfile(db_path, path)
    # Room to open the file, not for 3,000 contacts.
    filler = fill(disk, leave=256 * KB)
    before, rows = path.read_bytes(), rows_of(path)

    result = run(path, "import", str(big_sheet), env=log_home)

    line = assert_user_message(result, 2, absent=("مشتری 1", "09120000001", "+98912"))
    assert "دیسک پر است" in line
    assert path.read_bytes() == before and rows_of(path) == rows
    # Room again: the same import goes through on the same file.
    filler.unlink()
    again = run(path, "--lang", "en", "import", str(big_sheet))
    assert again.returncode == 0, again.stderr
    assert len(rows_of(path)["contacts"]) == ROWS


def test_the_window_gets_disk_full_from_a_session_too(
    disk: Path, db_path: Path, big_sheet: Path
) -> None:
    path = disk / "crm.sqlite3"
    shutil.copyfile(db_path, path)
    with open_database(path) as db:
        fill(disk)
        with pytest.raises(DiskFull) as caught:
            contacts.create_contact(db, changes_from_text({"first_name": "نرگس"}))
        assert "دیسک پر است" in caught.value.message("fa")
        assert "disk is full" in caught.value.message("en")
        # The import's rows go through the bulk writer, on the driver connection.
        with pytest.raises(DiskFull):
            import_file(db, big_sheet)
        (disk / "filler.bin").unlink()
        assert contacts.count_contacts(db) == 0
        contacts.create_contact(db, changes_from_text({"first_name": "نرگس"}))
        assert contacts.count_contacts(db) == 1


def _database_at(path: Path, revision: str) -> None:
    """A database as an older app left it (at ``revision``, in WAL mode), with a user."""
    from alembic import command

    with closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA journal_mode=WAL")
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        config = alembic_config()
        config.attributes["connection"] = conn
        command.upgrade(config, revision)
        conn.exec_driver_sql(
            "INSERT INTO users (id, name, username, role, active, created_at, updated_at) "
            "VALUES ('u1', 'سارا', 'sara', 'rep', 1, '2026-01-01', '2026-01-01')"
        )
    engine.dispose()


def test_a_full_disk_while_backing_up_before_a_migration(
    disk: Path, log_home: dict[str, str]
) -> None:
    path = disk / "crm.sqlite3"
    _database_at(path, "0003")
    # Room for the database and its WAL index, not for its copy.
    filler = fill(disk, leave=path.stat().st_size // 2)
    before = path.read_bytes()

    for _attempt in range(2):  # every try used to leave one more empty .bak
        line = assert_user_message(run(path, "contacts", env=log_home), 2)
        assert "دیسک پر است" in line
        assert sorted(p.name for p in disk.iterdir()) == ["crm.sqlite3", filler.name]
        assert path.read_bytes() == before and revision_of(path) == "0003"

    filler.unlink()
    assert run(path, "contacts").returncode == 0
    assert revision_of(path) == head_revision()
    (backup,) = disk.glob("crm.sqlite3.before-0003-*.bak")
    assert revision_of(backup) == "0003"


# ------------------------------------------------------------ a read-only database


@pytest.fixture
def filled_db(db_path: Path) -> Path:
    with open_database(db_path) as db:
        for name in ("علی", "مریم"):
            contacts.create_contact(db, changes_from_text({"first_name": name}))
    return db_path


def _listing(path: Path) -> str:
    result = run(path, "contacts", "--json")
    assert result.returncode == 0, result.stderr
    return result.stdout


WRITES = [
    ["contact", "add", "first_name=ژیلا", "phone=09121112233"],
    ["contact", "edit", "{id}", "city=ژیلاآباد"],
    ["contact", "delete", "{id}"],
    ["import", "{sheet}"],
]


@pytest.mark.parametrize("what", ["folder", "file"])
def test_a_read_only_database_refuses_writes_and_still_lists(
    filled_db: Path, tmp_path: Path, big_sheet: Path, log_home: dict[str, str], what: str
) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    path = folder / "crm.sqlite3"
    shutil.copyfile(filled_db, path)
    listing = _listing(path)
    an_id = next(iter(rows_of(path)["contacts"])).split("'")[1]
    before = path.read_bytes()

    with read_only(folder if what == "folder" else path):
        for write in WRITES:
            args = [a.format(id=an_id, sheet=big_sheet) for a in write]
            result = run(path, *args, env=log_home)
            line = assert_user_message(result, 2, absent=("ژیلا", "+989121112233"))
            assert "فقط‌خواندنی" in line, args
        assert _listing(path) == listing
        export = run(path, "export", "contacts", str(tmp_path / "out.xlsx"))
        assert export.returncode == 0, export.stderr
        assert path.read_bytes() == before
    assert free_space(folder) > 0
