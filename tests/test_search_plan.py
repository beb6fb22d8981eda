"""Choosing the search plan without the exact count of a two-index query.

``should_walk`` decides from each index's own count (and a sample where those leave
the choice open); the exact joined count is what it stands in for. On queries typed the
way people type them (a short start of one word and part of another, drawn from the
data itself), it must pick the plan the exact count picks, or one that costs about the
same: a wrong plan on a big list is a search that takes several times longer.
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from crm_desktop.models import ContactSearch
from crm_desktop.models.database import Database, open_database
from crm_desktop.services.demo import generate_demo
from crm_desktop.services.search import (
    SORT_COST,
    count_matches,
    match_bounds,
    query_words,
    should_walk,
)

CONTACTS = 3000
LIMITS = (50, 200, None)
# Plans whose estimated costs are this close are as good as each other.
CLOSE = 1.3


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, template_db: Path) -> Iterator[Database]:
    path = tmp_path_factory.mktemp("plan") / "demo.sqlite3"
    shutil.copyfile(template_db, path)
    with open_database(path) as db:
        for _step in generate_demo(db, contacts=CONTACTS, seed=11, today=dt.date(2025, 5, 1)):
            pass
    with open_database(path, write=False) as db:
        yield db


def typed_queries(session: Session, count: int = 150) -> list[str]:
    """Two-word queries needing both indexes: a word of one or two letters (the prefix
    index) and one of three or more (the trigram index), from real contacts' text."""
    rng = random.Random(7)
    bodies = list(session.scalars(select(ContactSearch.body).order_by(ContactSearch.doc_id)))
    queries: list[str] = []
    while len(queries) < count:
        words = rng.choice(bodies).split()
        long_words = [w for w in words if len(w) >= 3]
        if not long_words:
            continue
        long_word = rng.choice(long_words)
        long_part = long_word[: rng.choice((3, 4, len(long_word)))]
        short_part = rng.choice(words)[: rng.choice((1, 2))]
        queries.append(
            f"{short_part} {long_part}" if rng.random() < 0.5 else f"{long_part} {short_part}"
        )
    return queries


def plan_cost(walk: bool, matches: int, total: int, limit: int | None) -> float:
    """The cost model of ``should_walk``: index entries visited, or matches sorted."""
    if not walk:
        return matches * SORT_COST
    return total if limit is None else min(total, limit * total / max(matches, 1))


def test_the_plan_is_the_one_the_exact_count_chooses(demo: Database) -> None:
    with demo.session() as session:
        total = (
            session.scalar(
                select(ContactSearch.doc_id).order_by(ContactSearch.doc_id.desc()).limit(1)
            )
            or 0
        )
        queries = typed_queries(session)
        assert all(len({len(w) >= 3 for w in query_words(q)}) == 2 for q in queries)
        same = close = 0
        walks = 0
        for query in queries:
            matches = count_matches(session, query)
            for limit in LIMITS:
                exact = should_walk(session, query, limit=limit, matches=matches)
                chosen = should_walk(session, query, limit=limit)
                walks += exact
                if chosen == exact:
                    same += 1
                    continue
                ours = plan_cost(chosen, matches, total, limit)
                best = plan_cost(exact, matches, total, limit)
                assert ours <= CLOSE * best, (query, limit, matches, chosen)
                close += 1
    runs = len(queries) * len(LIMITS)
    # Both plans are chosen on these queries, so the choice is really tested.
    assert 0.1 * runs < walks < 0.9 * runs
    assert same >= 0.97 * runs, f"{close} of {runs} differ"


@pytest.mark.parametrize(
    ("counts", "total", "bounds"),
    [
        ([300, 500], 1000, (0, 300)),  # need not overlap
        ([800, 700], 1000, (500, 700)),  # must overlap by 500
        ([0, 900], 1000, (0, 0)),
        ([1000, 1000], 1000, (1000, 1000)),
    ],
)
def test_the_bounds_of_the_joined_count(
    counts: list[int], total: int, bounds: tuple[int, int]
) -> None:
    assert match_bounds(counts, total) == bounds
