"""Bugs (not user errors) are logged with their traceback and reported in a dialog."""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs
import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from crm_desktop.ui.app import setup_application
from crm_desktop.ui.shell.bug_report import BugReportBox, install_excepthook, report_bug


@pytest.fixture
def log_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "logs"
    monkeypatch.setattr(platformdirs, "user_log_dir", lambda *_args, **_kwargs: str(folder))
    return folder


@pytest.fixture
def parent(qtbot: QtBot, qapp: QApplication) -> QWidget:
    setup_application(qapp, "fa")
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def broken_sum() -> None:
    raise ZeroDivisionError("one over nothing")


def test_report_bug_logs_the_traceback_and_opens_a_dialog(
    qtbot: QtBot, parent: QWidget, log_dir: Path
) -> None:
    try:
        broken_sum()
    except ZeroDivisionError as error:
        box = report_bug(parent, error)
    log = (log_dir / "crm-desktop.log").read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in log
    assert "in broken_sum" in log and "ZeroDivisionError: one over nothing" in log
    assert isinstance(box, QMessageBox) and box.isVisible() and not box.isModal()
    assert box.text().startswith("خطای پیش‌بینی‌نشده")
    assert "ZeroDivisionError" in box.text()
    assert str(log_dir / "crm-desktop.log") in box.informativeText()
    box.close()


def test_an_exception_escaping_a_slot_is_reported(
    qtbot: QtBot, parent: QWidget, log_dir: Path
) -> None:
    previous = install_excepthook(parent)
    try:
        # pytest-qt's own capture is bypassed: call the hook the way Qt would.
        try:
            broken_sum()
        except ZeroDivisionError as error:
            sys.excepthook(type(error), error, error.__traceback__)
    finally:
        sys.excepthook = previous
    [box] = parent.findChildren(BugReportBox)
    assert box.isVisible()
    assert "in broken_sum" in (log_dir / "crm-desktop.log").read_text(encoding="utf-8")
    box.close()


@pytest.mark.qt_no_exception_capture
def test_a_slot_that_raises_reaches_the_hook(qtbot: QtBot, parent: QWidget, log_dir: Path) -> None:
    previous = install_excepthook(parent)
    try:
        QTimer.singleShot(0, broken_sum)
        qtbot.waitUntil(lambda: bool(parent.findChildren(BugReportBox)))
    finally:
        sys.excepthook = previous
    [box] = parent.findChildren(BugReportBox)
    assert "ZeroDivisionError" in box.text()
    box.close()
