"""The pipeline kanban at scale, offscreen: opening it, and a drop until it is saved.

A database of ``DEALS`` open deals (2,000, design.md's scale, and 20,000, where a column
shows its first cards and loads the rest as it scrolls) is made once from a small demo
database, the deals spread over the open stages. In a fresh process each:

- "open": from making the page to its cards painted (the column totals' query, each
  column's first page of cards, the layout and the first paint); the baseline is the
  same reads alone, the SQL of the totals and of every column's first page;
- "drop to saved": a card moved to the next column as a drop asks it (the move saved
  as one undo step and announced), on the UI thread, without the redraw that follows;
  "redraw" is that redraw on its own.

``python -m benchmarks.pipeline [--deals N] [--rounds R]`` prints the figures.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks.data import CACHE, demo_database

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

OPEN_TARGET_MS = 500
DROP_TARGET_MS = 50
DROPS = 20


def pipeline_database(deals: int, seed: int = 3) -> Path:
    """A copy of a small demo database with ``deals`` more open deals (cached)."""
    path = CACHE / f"pipeline-{deals}-{seed}.sqlite3"
    if path.exists():
        return path
    import shutil

    from sqlalchemy import select

    from crm_desktop.models import Contact, Stage, User, new_id, utcnow
    from crm_desktop.models.database import open_database
    from crm_desktop.models.order_keys import spread_keys
    from crm_desktop.services.rows import Writer

    base, _ = demo_database(2000)
    partial = path.with_suffix(".partial")
    shutil.copyfile(base, partial)
    rng = random.Random(seed)
    with open_database(partial) as db, db.session() as session:
        stages = session.execute(
            select(Stage.id, Stage.pipeline_id).where(
                Stage.is_won.is_(False), Stage.is_lost.is_(False)
            )
        ).all()
        people = session.execute(select(Contact.id, Contact.company_id)).all()
        owners = list(session.scalars(select(User.id)))
        keys = spread_keys(deals)
        writer = Writer(session)
        now = utcnow()
        for n in range(deals):
            stage_id, pipeline_id = stages[n % len(stages)]
            person, company = rng.choice(people)
            writer.add(
                "deals",
                {
                    "id": new_id(),
                    "title": f"معاملهٔ آزمایشی {n}",
                    "contact_id": person,
                    "company_id": company,
                    "pipeline_id": pipeline_id,
                    "stage_id": stage_id,
                    "amount": rng.randrange(1, 2000) * 1_000_000,
                    "owner_id": rng.choice(owners),
                    "position": keys[n],
                    "created_at": now,
                    "updated_at": now,
                },
            )
        writer.flush()
    shutil.move(partial, path)
    return path


def _child(path: Path, rounds: int) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, "-m", "benchmarks.pipeline", "--child", str(path), str(rounds)],
        check=True,
        capture_output=True,
        text=True,
    )
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def measure(deals: int = 2000, rounds: int = 5) -> dict[str, Any]:
    figures = _child(pipeline_database(deals), rounds)
    figures["deals"] = deals
    return figures


def _run_child(path: Path, rounds: int) -> None:
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    from crm_desktop.models.database import open_database
    from crm_desktop.services.deal_list import DealFilter, list_deals, stage_columns
    from crm_desktop.services.pipelines import default_pipeline
    from crm_desktop.ui.app import setup_application
    from crm_desktop.ui.pipeline.card_model import PAGE
    from crm_desktop.ui.pipeline.pipeline_page import PipelinePage
    from crm_desktop.ui.widgets.context import AppContext

    app = QApplication([])
    setup_application(app, "fa")
    db = open_database(path)
    ctx = AppContext(db)
    opens, reads = [], []
    page = None
    for _ in range(rounds):
        start = time.perf_counter()
        with db.session() as session:
            pipeline = default_pipeline(session).id
            columns = stage_columns(session, pipeline, DealFilter(pipeline_id=pipeline))
        for column in columns:
            list_deals(db, DealFilter(stage_ids=(column.stage_id,)), limit=PAGE)
        reads.append(time.perf_counter() - start)
        if page is not None:  # gone for good: no longer redrawn on every change
            page.deleteLater()
            app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        start = time.perf_counter()
        page = PipelinePage(ctx)
        page.resize(1600, 900)
        page.show()
        page.repaint()
        for view in page.board.columns:
            view.cards.viewport().repaint()
        app.processEvents()
        opens.append(time.perf_counter() - start)
    assert page is not None
    drops, redraws = [], []
    views = page.board.columns
    for n in range(DROPS):
        source = views[n % 3]
        target = views[n % 3 + 1]
        deal = source.model.cards[0].id
        start = time.perf_counter()
        page.request_move(deal, target.stage_id, None, None)  # what a drop asks
        drops.append(time.perf_counter() - start)
        start = time.perf_counter()
        app.processEvents()  # the redraw the move's announcement asked for
        redraws.append(time.perf_counter() - start)
    print(
        json.dumps(
            {
                "open_ms": 1000 * statistics.median(opens),
                "open_max_ms": 1000 * max(opens),
                "read_ms": 1000 * statistics.median(reads),
                "drop_ms": 1000 * statistics.median(drops),
                "drop_max_ms": 1000 * max(drops),
                "redraw_ms": 1000 * statistics.median(redraws),
                "cards": sum(len(v.model.cards) for v in page.board.columns),
                "counted": sum(v.column.count for v in page.board.columns),
            }
        )
    )


def row(figures: dict[str, Any]) -> list[tuple[str, str, str, str, str]]:
    """The benchmark table's rows: (what, scale, measured, baseline, target)."""
    scale = f"{figures['deals']:,} open deals"
    return [
        (
            "open the pipeline kanban (totals, first cards of every column, painted)",
            scale,
            f"median {figures['open_ms']:.0f} ms (max {figures['open_max_ms']:.0f} ms); "
            f"{figures['cards']:,} of {figures['counted']:,} cards loaded",
            f"the same reads alone: {figures['read_ms']:.0f} ms",
            f"< {OPEN_TARGET_MS} ms",
        ),
        (
            "kanban drop to saved, on the UI thread",
            scale,
            f"median {figures['drop_ms']:.1f} ms (max {figures['drop_max_ms']:.1f} ms); "
            f"the redraw after it {figures['redraw_ms']:.0f} ms",
            "—",
            f"< {DROP_TARGET_MS} ms",
        ),
    ]


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m benchmarks.pipeline")
    parser.add_argument("--deals", type=int, action="append")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    for deals in args.deals or [2000, 20000]:
        for what, scale, measured, baseline, target in row(measure(deals, args.rounds)):
            print(f"{what} ({scale}): {measured}; baseline: {baseline}; target: {target}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        _run_child(Path(sys.argv[2]), int(sys.argv[3]))
    else:
        raise SystemExit(main())
