"""Where things live: the bundled resources and the user's default database."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "crm_desktop"
DB_ENV = "CRM_DESKTOP_DB"


def resources_dir() -> Path:
    """The ``resources/`` folder: beside the package in a checkout, or in the bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is not None:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def default_db_path() -> Path:
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env)
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "crm.sqlite3"


def log_path() -> Path:
    """Where bugs are logged with their traceback, by the window and the command line."""
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)) / "crm-desktop.log"
