"""The early window: the first contacts rows painted before the application loads,
then replaced by the real window without the rows moving.

The database is the demo data (every column has values); the real contacts page is
asked for its own texts, the early window's must be the same, row for row and column
for column, in the order the user arranged the columns.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from crm_desktop.models.database import open_database
from crm_desktop.services.demo import generate_demo
from crm_desktop.services.first_screen import FIRST_ROWS
from crm_desktop.services.office import set_office_name
from crm_desktop.ui.app import build_main_window
from crm_desktop.ui.contacts.contact_table_model import COLUMN_KEYS
from crm_desktop.ui.shell.early_window import TableLayout, window_settings
from crm_desktop.ui.shell.launch import EarlyStart, remember_layout
from crm_desktop.ui.shell.main_window import MainWindow


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory, template_db: Path) -> Path:
    path = tmp_path_factory.mktemp("launch") / "demo.sqlite3"
    shutil.copyfile(template_db, path)
    with open_database(path) as db:
        for _step in generate_demo(db, contacts=150, seed=4, today=dt.date(2025, 5, 1)):
            pass
    return path


@pytest.fixture
def demo_path(demo_file: Path, tmp_path: Path) -> Path:
    path = tmp_path / "demo.sqlite3"
    shutil.copyfile(demo_file, path)
    return path


def page_texts(window: MainWindow, rows: int) -> list[list[str]]:
    """What the real contacts table shows: its shown columns in their visual order."""
    table = window.contacts_page.table
    header, model = table.horizontalHeader(), table.model()
    logical = [header.logicalIndex(v) for v in range(header.count())]
    shown = [i for i in logical if not header.isSectionHidden(i)]
    return [[model.index(row, column).data() for column in shown] for row in range(rows)]


def first_start(qtbot: QtBot, path: Path, columns: list[str]) -> TableLayout:
    """The window opened the normal way with ``columns`` shown, then closed as a user
    closes it; how its contacts table looked."""
    with open_database(path, write=False) as db:
        window = build_main_window(db, "fa", page="contacts")
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.contacts_page.controller.columns.apply(columns)
        layout = remember_layout(window, "fa")
        window.close()
    assert layout is not None
    return layout


def test_the_early_rows_are_the_real_pages_and_it_takes_their_place(
    qtbot: QtBot, demo_path: Path
) -> None:
    # The first start has nothing to lay an early window out by: the normal path.
    assert EarlyStart.prepare(demo_path, "fa", None) is None
    columns = [*reversed(COLUMN_KEYS)]  # every column, in an order of the user's
    layout = first_start(qtbot, demo_path, columns)
    assert [key for key, _title, _width in layout.columns] == columns

    start = EarlyStart.prepare(demo_path, "fa", None)
    assert start is not None
    with qtbot.waitSignal(start.first_paint, timeout=10_000):
        early = start.show_early()
    # Painted before the database layer was needed, let alone the contacts page.
    assert start.window is None and start.db is None
    early_rows = [early.model.row_texts(row) for row in range(FIRST_ROWS)]
    early_total = early.model.rowCount()
    early_geometry, early_title = early.geometry(), early.windowTitle()
    table = early.table
    early_table = (table.mapTo(early, QPoint(0, 0)), table.size())
    titles = [early.model.headerData(c, Qt.Orientation.Horizontal) for c in range(len(columns))]
    widths = [table.horizontalHeader().sectionSize(c) for c in range(len(columns))]

    with qtbot.waitSignal(start.loaded, timeout=30_000) as loaded:
        pass
    window = loaded.args[0]
    assert isinstance(window, MainWindow) and window is start.window
    qtbot.addWidget(window)
    try:
        assert window.isVisible() and window.current_page_key() == "contacts"
        # The early window is gone: the real one is the only window shown.
        visible = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
        assert visible == [window]
        assert page_texts(window, FIRST_ROWS) == early_rows
        assert window.contacts_page.model.rowCount(QModelIndex()) == early_total == 150
        # Nothing moves: the window, the table in it, the columns' titles and widths.
        assert window.geometry() == early_geometry
        assert window.windowTitle() == early_title
        real = window.contacts_page.table
        assert (real.mapTo(window, QPoint(0, 0)), real.size()) == early_table
        header = real.horizontalHeader()
        shown = [header.logicalIndex(v) for v in range(header.count())]
        assert [real.model().headerData(i, Qt.Orientation.Horizontal) for i in shown] == titles
        assert [header.sectionSize(i) for i in shown] == widths
    finally:
        window.close()
        start.end()


def test_columns_and_widths_follow_the_last_start(qtbot: QtBot, demo_path: Path) -> None:
    first_start(qtbot, demo_path, ["city", "name", "mobile"])
    start = EarlyStart.prepare(demo_path, "fa", "contacts")
    assert start is not None
    early = start.show_early()
    qtbot.addWidget(early)
    try:
        titles = [early.model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)]
        assert titles == ["شهر", "نام و نام خانوادگی", "تلفن همراه"]
    finally:
        with qtbot.waitSignal(start.loaded, timeout=30_000) as loaded:
            pass
    window = loaded.args[0]
    # Columns chosen while the window is open are what the next start shows.
    window.contacts_page.controller.columns.apply(["owner", "name"])
    window.close()
    start.end()
    layout = TableLayout.load("fa")
    assert layout is not None
    assert [key for key, _title, _width in layout.columns] == ["owner", "name"]


def test_the_title_names_the_office_as_it_is_now(qtbot: QtBot, demo_path: Path) -> None:
    first_start(qtbot, demo_path, ["name"])
    with open_database(demo_path) as db:
        set_office_name(db, "دفتر تازه")
    start = EarlyStart.prepare(demo_path, "fa", None)
    assert start is not None
    title = start.show_early().windowTitle()
    try:
        assert title == "مدیریت ارتباط با مشتری — دفتر تازه"
    finally:
        with qtbot.waitSignal(start.loaded, timeout=30_000) as loaded:
            pass
        assert loaded.args[0].windowTitle() == title
        loaded.args[0].close()
        start.end()


def test_no_early_window_where_it_could_show_what_the_page_would_not(
    qtbot: QtBot, demo_path: Path, tmp_path: Path
) -> None:
    first_start(qtbot, demo_path, list(COLUMN_KEYS))
    assert EarlyStart.prepare(demo_path, "fa", None) is not None
    # Another page asked for, another language, a file a migration is due on.
    assert EarlyStart.prepare(demo_path, "fa", "companies") is None
    assert EarlyStart.prepare(demo_path, "en", None) is None
    old = tmp_path / "old.sqlite3"
    shutil.copyfile(demo_path, old)
    import sqlite3

    with sqlite3.connect(old) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0004'")
    connection.close()
    assert EarlyStart.prepare(old, "fa", None) is None
    # The window last closed on another page opens there, the normal way.
    window_settings().setValue("main_window/page", "companies")
    assert EarlyStart.prepare(demo_path, "fa", None) is None


def _child(code: str, path: Path, config: Path) -> list[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(config)}
    done = subprocess.run(
        [sys.executable, "-c", code, str(path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=True,
    )
    return done.stdout.splitlines()


CHILD = """
import json, sys
from pathlib import Path
from crm_desktop.ui.shell.launch import open_window

def painted():
    print("painted", json.dumps(sorted({m.split(".")[0] for m in sys.modules}
                                       & {"sqlalchemy", "alembic"})), flush=True)

def loaded(window):
    print("loaded", window.contacts_page.model.rowCount(), flush=True)
    window.close()

sys.exit(open_window(Path(sys.argv[1]), lang="fa", page=None, on_painted=painted,
                     on_loaded=loaded))
"""


def test_the_rows_are_painted_before_sqlalchemy_is_imported(
    demo_path: Path, tmp_path: Path
) -> None:
    config = tmp_path / "config"
    # The first start records the table, the next one paints early.
    first = _child(CHILD, demo_path, config)
    assert first == ['painted ["sqlalchemy"]', "loaded 150"]
    later = _child(CHILD, demo_path, config)
    assert later == ["painted []", "loaded 150"]
    assert json.loads(later[0].split(" ", 1)[1]) == []
