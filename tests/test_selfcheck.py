"""``crm-desktop selfcheck``: every screen opened once, failing on a Qt warning or error."""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from crm_desktop.models.database import Database, open_database
from crm_desktop.services.demo import generate_demo
from crm_desktop.ui.shell.selfcheck import check_screens

SCREENS = [
    "main window",
    "page dashboard",
    "page contacts",
    "page companies",
    "page pipeline",
    "page activities",
    "page campaigns",
    "page requests",
    "page reports",
    "page settings",
    "page duplicates",
    "page trash",
    "global search",
    "first-run dialog",
    "contact editor",
    "contact history",
    "company page",
    "deal window",
    "won or lost dialog",
    "activity form",
    "contacts filter panel",
    "column chooser menu",
    "merge dialog",
    "import wizard",
    "import history",
]


def selfcheck(db: Path, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "XDG_CONFIG_HOME": str(tmp_path / "config")}
    env.pop("QT_QPA_PLATFORM", None)  # the command chooses offscreen itself
    return subprocess.run(
        [sys.executable, "-m", "crm_desktop", "--db", str(db), "selfcheck"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
        check=False,
    )


def timed_screens(output: str) -> list[str]:
    return [m.group(1) for m in re.finditer(r"^(\S.*?)\s+[\d.]+ ms", output, re.MULTILINE)]


@pytest.fixture
def demo_path(db_path: Path) -> Path:
    with open_database(db_path) as db:
        for _step in generate_demo(db, contacts=60, seed=2, today=dt.date(2025, 5, 1)):
            pass
    return db_path


def test_a_demo_database_passes(demo_path: Path, tmp_path: Path) -> None:
    result = selfcheck(demo_path, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    screens = timed_screens(result.stdout)
    assert screens[: len(SCREENS)] == SCREENS
    assert result.stdout.strip().endswith("selfcheck: ok")
    assert all(float(ms) >= 0 for ms in re.findall(r"([\d.]+) ms", result.stdout))


def test_an_empty_database_passes(tmp_path: Path) -> None:
    # As the window's first run leaves it (selfcheck itself makes no database).
    open_database(tmp_path / "new.sqlite3", create=True).close()
    result = selfcheck(tmp_path / "new.sqlite3", tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert timed_screens(result.stdout)[: len(SCREENS)] == SCREENS


@pytest.fixture
def quiet_settings(tmp_path: Path) -> Iterator[None]:
    from PySide6.QtCore import QSettings, QStandardPaths

    QStandardPaths.setTestModeEnabled(True)
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.NativeFormat, scope, str(tmp_path / "settings"))
    yield


def test_a_screen_that_warns_fails_the_check(
    qapp: object, db: Database, quiet_settings: None
) -> None:
    from PySide6.QtCore import qWarning

    out = io.StringIO()
    status = check_screens(
        db, extra_screens=[("broken page", lambda _window: qWarning("broken page warns"))], out=out
    )
    assert status == 1
    assert "broken page" in timed_screens(out.getvalue())
    assert "problem: Qt Warning: broken page warns" in out.getvalue()
    assert out.getvalue().strip().endswith("selfcheck: 1 problem(s)")


def test_a_screen_that_raises_fails_the_check(
    qapp: object, db: Database, quiet_settings: None
) -> None:
    def broken(_window: object) -> object:
        raise RuntimeError("page could not be built")

    out = io.StringIO()
    assert check_screens(db, extra_screens=[("broken page", broken)], out=out) == 1
    assert "RuntimeError: page could not be built" in out.getvalue()


def test_all_well_in_process(qapp: object, db: Database, quiet_settings: None) -> None:
    out = io.StringIO()
    assert check_screens(db, out=out) == 0, out.getvalue()


def test_a_slow_screen_fails_the_check(qapp: object, db: Database, quiet_settings: None) -> None:
    def slow(_window: object) -> object:
        time.sleep(0.4)
        return _window

    out = io.StringIO()
    status = check_screens(db, extra_screens=[("slow page", slow)], out=out, time_limit_ms=300)
    assert status == 1
    assert re.search(r"problem: slow: slow page took \d+ ms \(limit 300 ms\)", out.getvalue())


def sleep_then(seconds: float, result: str) -> str:
    time.sleep(seconds)
    return result


def test_background_work_of_a_screen_is_waited_for(
    qapp: object, db: Database, quiet_settings: None
) -> None:
    """A job the step started must land inside its own screen, within the limit."""
    from PySide6.QtCore import QThreadPool

    from crm_desktop.ui.widgets.background import BackgroundJob

    landed: list[str] = []
    jobs: list[BackgroundJob] = []

    def starts_a_search(_window: object) -> object:
        job = BackgroundJob(1, lambda: sleep_then(0.3, "found"))
        job.signals.done.connect(lambda _gen, result: landed.append(result))
        jobs.append(job)
        QThreadPool.globalInstance().start(job)
        return _window

    def next_screen(_window: object) -> object:
        assert landed == ["found"], "the previous screen's search had not landed"
        return _window

    out = io.StringIO()
    status = check_screens(
        db, extra_screens=[("searching page", starts_a_search), ("next", next_screen)], out=out
    )
    assert status == 0, out.getvalue()

    slow_out = io.StringIO()
    jobs.clear()
    landed.clear()
    status = check_screens(
        db,
        extra_screens=[("searching page", starts_a_search)],
        out=slow_out,
        time_limit_ms=100,
    )
    assert status == 1 and "slow: searching page" in slow_out.getvalue(), slow_out.getvalue()


def test_the_merge_dialog_opens_on_the_first_duplicates_group(
    qapp: object, db: Database, quiet_settings: None
) -> None:
    from crm_desktop.services.contacts import create_contact
    from crm_desktop.services.fields import changes_from_text

    for first in ("مریم", "مريم"):
        fields = {"first_name": first, "last_name": "کاظمی", "phone": "09121234567"}
        create_contact(db, changes_from_text(fields))
    out = io.StringIO()
    check_screens(db, out=out)
    [line] = [line for line in out.getvalue().splitlines() if line.startswith("merge dialog")]
    assert "(nothing to open)" not in line
    assert "merge dialog" not in "".join(
        line for line in out.getvalue().splitlines() if line.startswith("problem")
    ), out.getvalue()
