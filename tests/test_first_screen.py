"""The first screen read with stdlib sqlite3 is the contacts list's own first page."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from crm_desktop.models import database
from crm_desktop.models.database import open_database
from crm_desktop.services import contact_list, contacts
from crm_desktop.services.contact_list import ContactFilter
from crm_desktop.services.demo import generate_demo
from crm_desktop.services.fields import changes_from_text
from crm_desktop.services.first_screen import FIRST_ROWS, SCHEMA_REVISION, read_first_screen
from crm_desktop.services.office import set_office_name


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory: pytest.TempPathFactory, template_db: Path) -> Path:
    path = tmp_path_factory.mktemp("first") / "demo.sqlite3"
    shutil.copyfile(template_db, path)
    with open_database(path) as db:
        for _step in generate_demo(db, contacts=180, seed=3, today=dt.date(2025, 5, 1)):
            pass
        set_office_name(db, "دفتر مرکزی")
        # One in the trash: neither listed nor counted.
        first = contacts.contact_ids(db, None, limit=1)
        contacts.delete_contacts(db, first)
    return path


def test_the_revision_is_the_databases() -> None:
    assert SCHEMA_REVISION == database.SCHEMA_REVISION


def test_the_first_rows_are_the_lists_first_page(demo_path: Path) -> None:
    screen = read_first_screen(demo_path)

    assert screen is not None
    with open_database(demo_path, write=False) as db:
        expected = contacts.list_contacts(db, limit=FIRST_ROWS)
        total = contact_list.count(db, ContactFilter())
    assert screen.records == expected  # every field, in the same order
    assert len(expected) == FIRST_ROWS and total == 179
    assert screen.total == total
    assert screen.office_name == "دفتر مرکزی"
    # The demo data fills what the columns show, so the comparison covers them.
    assert any(r.tags for r in expected) and any(r.birth_date for r in expected)
    assert any(r.owner for r in expected) and any(r.lead_source for r in expected)


def test_a_new_contact_is_read_at_once(demo_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "copy.sqlite3"
    shutil.copyfile(demo_path, path)
    with open_database(path) as db:
        added = contacts.create_contact(
            db, changes_from_text({"first_name": "آ", "last_name": "آ", "phone": "09121234567"})
        )
    screen = read_first_screen(path)
    assert screen is not None and screen.records[0] == added


@pytest.mark.parametrize("revision", ["0004", "9999"])
def test_another_revision_is_left_to_the_normal_path(
    demo_path: Path, tmp_path: Path, revision: str
) -> None:
    path = tmp_path / "other.sqlite3"
    shutil.copyfile(demo_path, path)
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = ?", (revision,))
    connection.close()
    assert read_first_screen(path) is None


def test_what_is_not_ours_is_left_to_the_normal_path(tmp_path: Path) -> None:
    assert read_first_screen(tmp_path / "missing.sqlite3") is None
    text = tmp_path / "notes.sqlite3"
    text.write_text("not a database", encoding="utf-8")
    assert read_first_screen(text) is None
    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE t (x)")
    connection.close()
    assert read_first_screen(other) is None
    empty = tmp_path / "empty.sqlite3"
    empty.touch()
    assert read_first_screen(empty) is None


def test_reading_writes_nothing(demo_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "copy.sqlite3"
    shutil.copyfile(demo_path, path)
    before = path.read_bytes()
    assert read_first_screen(path) is not None
    assert path.read_bytes() == before


def test_it_needs_neither_sqlalchemy_nor_qt(demo_path: Path) -> None:
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from crm_desktop.services.first_screen import read_first_screen\n"
        "assert read_first_screen(Path(sys.argv[1])) is not None\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & "
        "{'sqlalchemy', 'PySide6', 'alembic'}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(demo_path)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert result.stdout.strip() == "[]"
