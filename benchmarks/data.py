"""Scale data for the benchmarks: demo databases built once and kept in a cache folder."""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

from crm_desktop.models.database import open_database
from crm_desktop.services.demo import generate_demo

CACHE = Path(tempfile.gettempdir()) / "crm_desktop_benchmarks"


def demo_database(contacts: int, seed: int = 1) -> tuple[Path, float | None]:
    """A demo database of this size; the seconds it took to build it, if built now."""
    path = CACHE / f"demo-{contacts}-{seed}.sqlite3"
    if path.exists():
        return path, None
    CACHE.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    for leftover in CACHE.glob(f"{partial.name}*"):
        leftover.unlink()
    start = time.perf_counter()
    with open_database(partial, create=True) as db:
        for _progress in generate_demo(db, contacts=contacts, seed=seed):
            pass
    seconds = time.perf_counter() - start
    shutil.move(partial, path)
    return path, seconds


def samples(path: Path) -> tuple[str, str, str, str]:
    """What a user would type, taken from the data: a contact's first and last name, a
    company's name and another contact's stored phone (any size of database)."""
    import sqlite3

    with sqlite3.connect(path) as conn:
        first, last = conn.execute(
            "SELECT first_name, last_name FROM contacts ORDER BY id LIMIT 1 "
            "OFFSET 777 % (SELECT COUNT(*) FROM contacts)"
        ).fetchone()
        (company,) = conn.execute(
            "SELECT name FROM companies ORDER BY id LIMIT 1 "
            "OFFSET 33 % (SELECT COUNT(*) FROM companies)"
        ).fetchone()
        (phone,) = conn.execute(
            "SELECT number FROM contact_phones ORDER BY id LIMIT 1 "
            "OFFSET 4321 % (SELECT COUNT(*) FROM contact_phones)"
        ).fetchone()
    return first, last, company, phone
