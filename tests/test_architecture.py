"""Rules of the layout: the core never imports Qt."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import crm_desktop

CORE_PACKAGES = ("models", "services", "locale", "reports", "sync", "cli")


def core_modules() -> list[str]:
    names = ["crm_desktop", "crm_desktop.errors", "crm_desktop.paths"]
    for info in pkgutil.walk_packages(crm_desktop.__path__, "crm_desktop."):
        parts = info.name.split(".")
        if parts[1] in CORE_PACKAGES and "migrations" not in parts:
            names.append(info.name)
    return names


def test_core_packages_do_not_import_qt() -> None:
    modules = core_modules()
    assert "crm_desktop.services.contacts" in modules and "crm_desktop.locale.text" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert result.stdout.strip() == "[]"


def test_the_window_starts_without_the_spreadsheet_libraries() -> None:
    # openpyxl and python-calamine cost about 0.1 s to import: they load when a file
    # is imported or exported, not when the window opens.
    code = (
        "import os, sys\n"
        "os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "import crm_desktop.ui.shell.main_window, crm_desktop.ui.app\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'openpyxl', 'python_calamine'}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert result.stdout.strip() == "[]"


def test_no_window_code_names_the_kinds_it_changed() -> None:
    """What a change touched is what the services and the change log report
    (``OpChanges``), announced by the one runner; no page announces a kind by hand."""
    import re
    from pathlib import Path

    ui = Path(crm_desktop.__file__).parent / "ui"
    by_hand = re.compile(r"\.announce\(")
    found = [
        f"{path.relative_to(ui)}:{number}"
        for path in sorted(ui.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if by_hand.search(line) and "def announce" not in line
    ]
    assert found == []
