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
