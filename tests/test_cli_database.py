"""The database as the command line meets it when something is wrong with it: damaged,
held by another writer, not there at all (a mistyped ``--db``), or broken by a bug.

Real processes on real files: a demo database with random bytes written into it, a
second SQLite connection holding the write lock, a schema missing a column.
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from crm_desktop.errors import DamagedDatabase
from crm_desktop.models.database import backup_file, open_database
from crm_desktop.services import contacts
from crm_desktop.services.demo import generate_demo
from crm_desktop.services.fields import changes_from_text
from tests.importer_files import write_big_contacts
from tests.test_cli import assert_user_message, run
from tests.test_cli_disks import rows_of

# ------------------------------------------------------------------ a damaged file


@pytest.fixture(scope="module")
def damaged_demo(tmp_path_factory: pytest.TempPathFactory, template_db: Path) -> Path:
    """A demo database of 3,000 contacts with random bytes written into it: over the
    page in the middle of the file (as a failing disk did) and over one of the
    contacts table's pages, so that a listing meets the damage wherever the middle
    falls. The backup an upgrade left is beside it."""
    folder = tmp_path_factory.mktemp("damaged")
    path = folder / "crm.sqlite3"
    shutil.copyfile(template_db, path)
    with open_database(path) as db:
        for _step in generate_demo(db, contacts=3000, seed=4, today=dt.date(2025, 5, 1)):
            pass
    backup_file(path, folder / "crm.sqlite3.before-0003-20250401-090000.bak")
    with closing(sqlite3.connect(path)) as conn:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        pages = [
            n
            for (n,) in conn.execute(
                "SELECT pageno FROM dbstat WHERE name = 'contacts' AND pagetype = 'leaf' "
                "ORDER BY pageno"
            )
        ]
    noise = random.Random(16)
    with path.open("r+b") as f:
        for page in (path.stat().st_size // page_size // 2, pages[len(pages) // 2]):
            f.seek((page - 1) * page_size)
            f.write(noise.randbytes(page_size))
    assert not _passes_quick_check(path)
    return path


def _passes_quick_check(path: Path) -> bool:
    with closing(sqlite3.connect(path)) as conn:
        try:
            return bool(conn.execute("PRAGMA quick_check").fetchone()[0] == "ok")
        except sqlite3.DatabaseError:  # it stops at some kinds of damage
            return False


@pytest.fixture
def damaged(damaged_demo: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "db"
    folder.mkdir()
    for file in damaged_demo.parent.iterdir():
        shutil.copyfile(file, folder / file.name)
    return folder / damaged_demo.name


def _some_id(path: Path) -> str:
    # The first contacts' pages are whole: their ids can still be read.
    with closing(sqlite3.connect(path)) as conn:
        return str(conn.execute("SELECT id FROM contacts ORDER BY rowid LIMIT 1").fetchone()[0])


def _damaged_message(line: str) -> None:
    assert "آسیب دیده" in line
    assert "crm.sqlite3.before-0003-20250401-090000.bak" in line  # where to go from here


@pytest.mark.parametrize(
    "args",
    [["contacts"], ["contacts", "--json"], ["export", "contacts", "{out}"]],
    ids=" ".join,
)
def test_reading_a_damaged_file_says_so_without_sql(
    damaged: Path, tmp_path: Path, args: list[str]
) -> None:
    out = tmp_path / "contacts.xlsx"
    result = run(damaged, *[a.format(out=out) for a in args])
    _damaged_message(assert_user_message(result, 2))
    assert not out.exists()


@pytest.mark.parametrize(
    "args",
    [
        ["contact", "add", "first_name=کیوان", "phone=09127654321"],
        ["contact", "edit", "{id}", "city=کیوان‌شهر"],
        ["contact", "delete", "{id}"],
        ["import", "{sheet}"],
    ],
    ids=lambda args: " ".join(args[:2]),
)
def test_nothing_is_written_into_a_damaged_file(
    damaged: Path, tmp_path: Path, args: list[str]
) -> None:
    sheet = write_big_contacts(tmp_path / "few.xlsx", 5)
    args = [a.format(id=_some_id(damaged), sheet=sheet) for a in args]
    before = damaged.read_bytes()

    result = run(damaged, *args)

    _damaged_message(assert_user_message(result, 2, absent=("کیوان", "+989127654321")))
    assert damaged.read_bytes() == before
    assert not Path(f"{damaged}-wal").exists()


def test_the_window_opens_a_damaged_file_for_reading_and_refuses_writes(damaged: Path) -> None:
    """The window opens the file as a reader (a page-by-page check of a big file would
    hold up its first paint), checks it in the background, and from then on nothing is
    written (tests/ui/test_startup_checks.py shows what the user sees)."""
    before = damaged.read_bytes()
    with pytest.raises(DamagedDatabase):
        open_database(damaged, create=True)  # a writer is refused at once
    with open_database(damaged, create=True, write=False) as db:
        with pytest.raises(DamagedDatabase) as checked:
            db.verify()
        _damaged_message(checked.value.message("fa"))
        with pytest.raises(DamagedDatabase):
            contacts.create_contact(db, changes_from_text({"first_name": "کیوان"}))
        with pytest.raises(DamagedDatabase):
            contacts.list_contacts(db)  # the damage shows where it is met
    assert damaged.read_bytes() == before


# ------------------------------------------------------------- another writer


@pytest.fixture
def held(db_path: Path) -> Iterator[Path]:
    """The database while another program holds its write lock (``BEGIN IMMEDIATE``)."""
    with closing(sqlite3.connect(db_path, isolation_level=None)) as holder:
        holder.execute("BEGIN IMMEDIATE")
        yield db_path
        holder.execute("ROLLBACK")


def test_a_database_held_by_another_writer_is_try_again_later(held: Path) -> None:
    rows = rows_of(held)

    # SQLite waits its busy timeout (5 s) for the other writer first.
    result = run(held, "contact", "add", "first_name=بهار", "phone=09125550000")

    line = assert_user_message(result, 3, absent=("بهار", "+989125550000"))
    assert "دوباره امتحان کنید" in line
    assert rows_of(held) == rows


# ------------------------------------------------------------ a mistyped --db


@pytest.mark.parametrize(
    "args",
    [
        ["contacts"],
        ["contacts", "--json"],
        ["contact", "add", "first_name=x"],
        ["contact", "edit", "01a2", "city=قم"],
        ["contact", "delete", "01a2"],
        ["import", "{sheet}"],
        ["import", "{sheet}", "--dry-run"],
        ["export", "contacts", "{out}"],
        ["selfcheck"],
    ],
    ids=" ".join,
)
def test_a_path_that_does_not_exist_is_refused_and_nothing_is_made(
    tmp_path: Path, args: list[str]
) -> None:
    sheet = write_big_contacts(tmp_path / "few.xlsx", 3)
    out = tmp_path / "out.xlsx"
    typo = tmp_path / "crm-dsektop" / "crm.sqlite3"

    result = run(typo, *[a.format(sheet=sheet, out=out) for a in args])

    assert "وجود ندارد" in assert_user_message(result, 2)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["few.xlsx"]


def test_only_demo_makes_a_new_database(tmp_path: Path) -> None:
    path = tmp_path / "new" / "crm.sqlite3"
    assert run(path, "demo", "--contacts", "5").returncode == 0
    assert run(path, "contacts").stdout.count("\n") == 5


# ------------------------------------------------------------------------ a bug


def test_a_bug_is_one_line_naming_the_log_and_no_sql_or_values(
    db_path: Path, tmp_path: Path
) -> None:
    # A schema the code does not expect (as a faulty migration would leave it).
    with closing(sqlite3.connect(db_path)) as conn:
        for action in ("insert", "update", "delete"):  # they name every column
            conn.execute(f"DROP TRIGGER crm_capture_contacts_{action}")
        conn.execute("ALTER TABLE contacts DROP COLUMN notes")
    state = tmp_path / "state"

    result = run(
        db_path,
        "contact",
        "add",
        "first_name=سیاوش",
        "phone=09121230000",
        env={"XDG_STATE_HOME": str(state)},
    )

    assert result.returncode == 1 and result.stdout == ""
    (line,) = result.stderr.strip().splitlines()
    log = state / "crm_desktop" / "log" / "crm-desktop.log"
    assert line == f"crm-desktop: خطای درونی برنامه (OperationalError)؛ جزئیات در {log}"
    logged = log.read_text(encoding="utf-8")
    assert "Traceback" in logged and "INSERT INTO contacts" in logged
    # The statement is the bug's story; its values are a customer's data.
    assert "سیاوش" not in logged and "9121230000" not in logged
    with open_database(db_path) as db:
        assert contacts.count_contacts(db) == 0
