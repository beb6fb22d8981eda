"""Shared fixtures: real SQLite files made by the real migrations."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

# Qt must never try to open a real screen in tests; set before any QApplication exists.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from crm_desktop.models.database import Database, open_database


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database made once by running every migration, copied for each test."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    open_database(path, create=True).close()
    return path


@pytest.fixture
def db_path(template_db: Path, tmp_path: Path) -> Path:
    path = tmp_path / "crm.sqlite3"
    shutil.copyfile(template_db, path)
    return path


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    database = open_database(db_path)
    yield database
    database.close()
