"""Search as you type at scale: the service against the same SQL on bare sqlite3."""

from __future__ import annotations

import sqlite3
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy.dialects import sqlite

from benchmarks.data import samples
from crm_desktop.models.database import open_database
from crm_desktop.services import contacts
from crm_desktop.services.search import matching_ids_query, should_walk


def typed(text: str) -> list[str]:
    """Every prefix of what a user types, as the search box sees it key by key."""
    return [text[:i] for i in range(1, len(text) + 1)]


def queries(path: Path) -> list[str]:
    """Realistic keystrokes: names, a company and phone digits taken from the data."""
    first, last, company, phone = samples(path)
    national = "0" + phone[3:]
    return [
        *typed(f"{first} {last}"),
        *typed(company.split()[-1]),
        *typed(national[:8]),
        *typed("علي"),  # Arabic ي, found as Persian ی
        *typed("۰۹۳۵"),  # Persian digits
        *typed(phone[-4:]),  # the end of a number
    ]


def _timings(run: Callable[[str], object], words: list[str], rounds: int) -> list[float]:
    times = []
    for _ in range(rounds):
        for word in words:
            start = time.perf_counter()
            run(word)
            times.append((time.perf_counter() - start) * 1000)
    return times


def measure(path: Path, *, limit: int | None = None, rounds: int = 3) -> dict[str, object]:
    words = queries(path)
    db = open_database(path)
    raw = sqlite3.connect(path)
    dialect = sqlite.dialect()

    def service(word: str) -> object:
        return contacts.contact_ids(db, word, limit=limit)

    with db.session() as session:
        plans = {w: should_walk(session, w, limit=limit) for w in words}

    def bare(word: str) -> object:
        # The same final SQL the service runs, with the plan it chose for this query
        # (the service also pays for choosing it: one or two counts).
        compiled = matching_ids_query(word, walk=plans[word], limit=limit).compile(dialect=dialect)
        params = [compiled.params[name] for name in compiled.positiontup or ()]
        return raw.execute(str(compiled), params).fetchall()

    try:
        for word in words:  # warm the page cache and check both give the same rows
            assert len(service(word)) == len(bare(word))  # type: ignore[arg-type]
        ours = _timings(service, words, rounds)
        base = _timings(bare, words, rounds)
        sizes = [len(service(w)) for w in words]  # type: ignore[arg-type]
    finally:
        raw.close()
        db.close()
    return {
        "keystrokes": len(words),
        "median_ms": statistics.median(ours),
        "p95_ms": statistics.quantiles(ours, n=20)[-1],
        "max_ms": max(ours),
        "baseline_median_ms": statistics.median(base),
        "baseline_p95_ms": statistics.quantiles(base, n=20)[-1],
        "median_hits": statistics.median(sizes),
    }
