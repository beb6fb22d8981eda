"""``crm-desktop import`` as a user runs it: real processes on real database files.

The last test kills an import half-way with SIGKILL and checks that the database holds
exactly what it held before, and opens fine.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from crm_desktop.models.database import open_database
from crm_desktop.services import contacts
from crm_desktop.services.importer import import_file, list_imports
from tests.importer_files import (
    UNREADABLE,
    Grid,
    unreadable_file,
    write_big_contacts,
    write_workbook,
    write_xlsx,
)
from tests.test_cli import assert_bad_input, run

SAMPLE = Path(__file__).resolve().parents[2] / "shared" / "samples" / "contacts-sample.xlsx"
if not SAMPLE.exists():
    SAMPLE = Path("/work/shared/samples/contacts-sample.xlsx")

RESULT_KEYS = {
    "kind",
    "mapping",
    "header_row",
    "companies_created",
    "companies_updated",
    "rows",
    "created",
    "updated",
    "duplicates",
    "skipped",
    "errors",
    "warnings",
    "import_id",
}
COUNT_KEYS = ("rows", "created", "updated", "duplicates", "skipped")


def import_json(db: Path, *args: str) -> dict[str, Any]:
    result = run(db, "--lang", "en", "import", *args, "--json")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert len(result.stdout.strip().splitlines()) == 1, result.stdout  # one object
    data = json.loads(result.stdout)
    assert isinstance(data, dict)
    return data


def counts_of(data: dict[str, Any]) -> tuple[int, ...]:
    return tuple(data[key] for key in COUNT_KEYS)


def places(problems: list[dict[str, Any]]) -> list[tuple[int, str]]:
    return sorted((p["row"], p["column"]) for p in problems)


def listed(db: Path) -> list[dict[str, Any]]:
    result = run(db, "contacts", "--json")
    assert result.returncode == 0, result.stderr
    people = json.loads(result.stdout)
    assert isinstance(people, list)
    return people


# ------------------------------------------------------------------ the result


def test_json_result_of_the_sample(db_path: Path) -> None:
    data = import_json(db_path, str(SAMPLE))

    assert set(data) == RESULT_KEYS
    assert counts_of(data) == (8, 6, 0, 1, 1)
    for problem in (*data["errors"], *data["warnings"]):
        assert set(problem) == {"row", "column", "message"}
        assert isinstance(problem["row"], int) and isinstance(problem["message"], str)
        assert isinstance(problem["column"], str) and problem["message"]
    assert places(data["errors"]) == [(11, "")]
    assert places(data["warnings"]) == [(12, "پست الکترونیک")]
    assert "negar@@ayandeh.example" in data["warnings"][0]["message"]
    assert isinstance(data["import_id"], str) and data["import_id"]

    people = listed(db_path)
    assert len(people) == 6
    by_name = {p["full_name"]: p for p in people}
    assert by_name["حمید نوروزی"]["emails"] == ["hamid.n@mail.example"]
    assert by_name["نگار احمدی"]["emails"] == []
    assert by_name["نگار احمدی"]["phones"] == ["+989128887766"]
    assert by_name["نگار احمدی"]["city"] == "شیراز"
    assert next(p for p in people if "+989123456701" in p["phones"])["first_name"] == "علی"


def test_plain_output_names_rows_and_the_import(db_path: Path) -> None:
    result = run(db_path, "--lang", "en", "import", str(SAMPLE))

    assert result.returncode == 0, result.stderr
    assert "8 rows read" in result.stdout and "6 created" in result.stdout
    assert "row 11" in result.stdout and "row 12 [پست الکترونیک]" in result.stdout
    (imported,) = [i for i in _imports(db_path)]
    assert f"import id: {imported}" in result.stdout


def _imports(db: Path) -> list[str]:
    with open_database(db) as database:
        return [i.id for i in list_imports(database)]


# --------------------------------------------------------------------- dry run


def test_dry_run_writes_nothing_and_counts_like_the_real_run(db_path: Path) -> None:
    before = db_path.read_bytes()

    dry = import_json(db_path, str(SAMPLE), "--dry-run")

    assert db_path.read_bytes() == before
    assert not Path(f"{db_path}-wal").exists() or not Path(f"{db_path}-wal").stat().st_size
    assert dry["import_id"] is None

    real = import_json(db_path, str(SAMPLE))
    assert counts_of(dry) == counts_of(real) == (8, 6, 0, 1, 1)
    assert dry["errors"] == real["errors"] and dry["warnings"] == real["warnings"]
    assert real["import_id"]


def test_dry_run_does_not_create_the_database(tmp_path: Path) -> None:
    # Only ``demo`` and the window make a database: a dry run into a path that does not
    # exist (a mistyped --db) says so rather than counting against an empty one.
    path = tmp_path / "new.sqlite3"
    result = run(path, "--lang", "en", "import", str(SAMPLE), "--dry-run", "--json")
    assert_bad_input(result)
    assert "does not exist" in result.stderr
    assert list(tmp_path.iterdir()) == []


# ---------------------------------------------------------------- duplicates


def _second_file(folder: Path) -> Path:
    grid: Grid = [
        ["نام و نام خانوادگی", "موبایل", "سمت", "شهر"],
        ["علی رضایی", "09123456701", "مدیر خرید", "اصفهان"],  # the sample's Ali
        ["پریسا نادری", "۰۹۱۲۹۹۹۰۰۱۱", None, "تهران"],
    ]
    return write_xlsx(folder / "second.xlsx", grid)


@pytest.fixture
def sample_db(db_path: Path) -> Path:
    with open_database(db_path) as database:
        assert import_file(database, SAMPLE).created == 6
    return db_path


# policy -> (rows, created, updated, duplicates, skipped), warnings, contacts after,
# and the job title of the stored Ali (empty before; the file says مدیر خرید).
POLICIES: dict[str, tuple[tuple[int, ...], list[tuple[int, str]], int, str | None]] = {
    "update": ((2, 1, 1, 1, 0), [(2, "شهر")], 7, "مدیر خرید"),
    "skip": ((2, 1, 0, 1, 1), [], 7, None),  # the duplicate row is skipped, and says so
    "create": ((2, 2, 0, 1, 0), [], 8, None),
}


@pytest.mark.parametrize("policy", list(POLICIES))
def test_on_duplicate(sample_db: Path, tmp_path: Path, policy: str) -> None:
    expected, warned, people, job = POLICIES[policy]

    data = import_json(sample_db, str(_second_file(tmp_path)), "--on-duplicate", policy)

    assert counts_of(data) == expected
    assert places(data["warnings"]) == warned
    with open_database(sample_db) as database:
        stored = contacts.list_contacts(database)
        assert len(stored) == people
        alis = [c for c in stored if "+989123456701" in c.phones]
        first_ali = min(alis, key=lambda c: c.created_at)
        assert first_ali.job_title == job and first_ali.city == "تهران"
        assert len(alis) == (2 if policy == "create" else 1)
        assert [c.city for c in stored if c.full_name == "پریسا نادری"] == ["تهران"]


def test_an_unknown_duplicate_policy_exits_2(db_path: Path) -> None:
    before = db_path.read_bytes()
    assert_bad_input(run(db_path, "import", str(SAMPLE), "--on-duplicate", "merge"))
    assert db_path.read_bytes() == before


# ---------------------------------------------------------------------- sheets


def _workbook(folder: Path) -> Path:
    return write_workbook(
        folder / "book.xlsx",
        {
            "راهنما": [["این فایل را ویرایش نکنید"], ["نسخه", "۲"]],
            "مشتریان": [["نام", "موبایل"], ["علی رضایی", "09121234567"], ["مریم", "09351234567"]],
            "کارکنان": [None, ["نام", "نام خانوادگی", "موبایل"], ["سعید", "راد", "09127776655"]],
        },
    )


def test_sheet_picks_the_sheet(db_path: Path, tmp_path: Path) -> None:
    data = import_json(db_path, str(_workbook(tmp_path)), "--sheet", "کارکنان")

    assert counts_of(data) == (1, 1, 0, 0, 0)
    assert [(p["full_name"], p["phones"]) for p in listed(db_path)] == [
        ("سعید راد", ["+989127776655"])
    ]


def test_an_unknown_sheet_exits_2_and_writes_nothing(db_path: Path, tmp_path: Path) -> None:
    before = db_path.read_bytes()
    result = run(db_path, "--lang", "en", "import", str(_workbook(tmp_path)), "--sheet", "خرید")
    assert_bad_input(result)
    assert "خرید" in result.stderr
    assert db_path.read_bytes() == before


# ------------------------------------------------------------ unreadable files


# The service test tries every kind; these are the ones people actually meet.
CLI_UNREADABLE = [
    "text-renamed.xlsx",
    "zero-bytes.xlsx",
    "png.xlsx",
    "truncated.xlsx",
    "encrypted.xlsx",
    "blank-sheet.xlsx",
    "zero-bytes.csv",
]
assert set(CLI_UNREADABLE) <= set(UNREADABLE)


@pytest.mark.parametrize("kind", CLI_UNREADABLE)
def test_a_file_that_cannot_be_read_exits_2_and_writes_nothing(
    db_path: Path, tmp_path: Path, kind: str
) -> None:
    path = unreadable_file(tmp_path, kind)
    before = db_path.read_bytes()

    result = run(db_path, "--lang", "en", "import", str(path), "--json")

    assert_bad_input(result)
    assert path.name in result.stderr
    assert db_path.read_bytes() == before
    assert not Path(f"{db_path}-wal").exists()


@pytest.mark.parametrize("kind", ["zero-bytes.xlsx", "png.xlsx", "encrypted.xlsx"])
def test_a_file_that_cannot_be_read_creates_no_database(tmp_path: Path, kind: str) -> None:
    folder = tmp_path / "files"
    folder.mkdir()
    path = unreadable_file(folder, kind)
    database = tmp_path / "crm.sqlite3"

    assert_bad_input(run(database, "import", str(path)))
    assert not database.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["files"]


# ------------------------------------------------------------- kill mid-import

BIG_ROWS = 20_000


@pytest.fixture(scope="module")
def big_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_big_contacts(tmp_path_factory.mktemp("big") / "BIG.xlsx", BIG_ROWS)


def _snapshot(path: Path) -> dict[str, list[str]]:
    """Every table's rows (search index tables included), in a stable order."""
    with closing(sqlite3.connect(path)) as conn:
        tables = [
            name
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        return {
            table: sorted(repr(row) for row in conn.execute(f'SELECT * FROM "{table}"'))
            for table in tables
        }


def _someone_is_writing(conn: sqlite3.Connection) -> bool:
    """Whether another connection holds the database's write lock (an open write
    transaction): our own ``BEGIN IMMEDIATE`` is refused at once."""
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        assert "locked" in str(exc) or "busy" in str(exc), exc
        return True
    conn.execute("ROLLBACK")
    return False


def test_killed_mid_import_leaves_the_database_as_it_was(sample_db: Path, big_file: Path) -> None:
    before = _snapshot(sample_db)
    assert len(before["contacts"]) == 6
    process = subprocess.Popen(
        [sys.executable, "-m", "crm_desktop", "--db", str(sample_db), "import", str(big_file)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    try:
        # The sheet is read before the database is opened; the import then holds the
        # write lock from its first row written (the import's record) to its commit,
        # while it reads, matches and writes 20,000 rows. Kill it in there.
        with closing(sqlite3.connect(sample_db, timeout=0, isolation_level=None)) as probe:
            deadline = time.monotonic() + 120
            while not _someone_is_writing(probe):
                assert process.poll() is None, (
                    "the import ended before it could be killed",
                    process.returncode,
                    process.stderr.read() if process.stderr else None,
                )
                assert time.monotonic() < deadline, "the import never started writing"
                time.sleep(0.01)
            time.sleep(0.3)  # well inside: matching rows, nothing committed
            assert _someone_is_writing(probe), "the import committed too soon to be killed"
            process.send_signal(signal.SIGKILL)
            process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
        process.communicate(timeout=30)
    assert process.returncode == -signal.SIGKILL

    with closing(sqlite3.connect(sample_db)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert _snapshot(sample_db) == before
    with open_database(sample_db) as database:
        assert contacts.count_contacts(database) == 6
        assert len(list_imports(database)) == 1
        assert contacts.list_contacts(database, "مشتری 1") == []
