"""``python -m benchmarks``: the figures of design.md that exist so far.

Absolute times on shared machines drift, so each figure is printed beside a baseline
measured in the same run.
"""

from __future__ import annotations

import argparse
import sys

from benchmarks import (
    capture,
    cli_cold,
    contacts_ui,
    exporting,
    importing,
    pipeline,
    search,
    startup,
)
from benchmarks.data import demo_database


def _row(what: str, scale: str, measured: str, baseline: str, target: str) -> str:
    return f"| {what} | {scale} | {measured} | {baseline} | {target} |"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    parser.add_argument("--contacts", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--runs", type=int, default=5, help="start-up runs")
    parser.add_argument("--import-rows", type=int, default=50_000, help="rows of the import file")
    parser.add_argument("--edits", type=int, default=300, help="contact edits timed")
    args = parser.parse_args(argv)

    print(f"building or reusing a demo database of {args.contacts:,} contacts...", file=sys.stderr)
    path, build_seconds = demo_database(args.contacts)
    scale = f"{args.contacts:,} contacts"
    rows = [
        _row("what", "scale", "measured", "baseline (same run)", "target"),
        _row("---", "---", "---", "---", "---"),
    ]
    if build_seconds is not None:
        rows.append(
            _row("demo data generation", scale, f"{build_seconds:.1f} s", "—", "well under 60 s")
        )
    first_page: dict[str, object] = {}
    for label, limit in (("all matches", None), ("first 200 matches", 200)):
        figures = search.measure(path, limit=limit, rounds=args.rounds)
        first_page = figures
        ratio = figures["median_ms"] / figures["baseline_median_ms"]  # type: ignore[operator]
        rows.append(
            _row(
                f"search as you type, {label} ({figures['keystrokes']} keystrokes, "
                f"median {figures['median_hits']:.0f} hits)",
                scale,
                f"median {figures['median_ms']:.1f} ms, p95 {figures['p95_ms']:.1f} ms",
                f"same SQL on bare sqlite3: median {figures['baseline_median_ms']:.1f} ms, "
                f"p95 {figures['baseline_p95_ms']:.1f} ms (x{ratio:.2f})",
                "median < 20 ms, p95 < 50 ms",
            )
        )
    start = startup.measure(path, runs=args.runs)
    bare = f"bare PySide6 window: {start['bare_median_s']:.2f} s"
    rows.append(
        _row(
            "app start to the first contacts rows painted (early window)",
            scale,
            f"median {start['app_paint_s']:.2f} s",
            f"{bare} (x{start['app_paint_ratio']:.2f})",
            "< 2.5x a bare PySide6 window",
        )
    )
    rows.append(
        _row(
            "app start to usable main window (fully loaded, contacts painted)",
            scale,
            f"median {start['app_loaded_s']:.2f} s (max {start['app_max_loaded_s']:.2f} s); "
            f"longest pause of the window meanwhile {1000 * start['app_frozen_s']:.0f} ms"
            if isinstance(start["app_frozen_s"], float)
            else f"median {start['app_loaded_s']:.2f} s",
            f"{bare} (x{start['app_loaded_ratio']:.2f})",
            "< 2 s",
        )
    )
    rows.append(
        _row(
            "first start of an installation (no early window yet), contacts painted",
            scale,
            f"median {start['first_start_loaded_s']:.2f} s",
            f"{bare} (x{start['first_start_loaded_ratio']:.2f})",
            "< 2 s",
        )
    )
    if start["app_rss_mb"] is not None:
        rows.append(
            _row(
                "memory, main window open on the contacts page",
                scale,
                f"{start['app_rss_mb']:.0f} MB RSS",
                f"bare PySide6 window: {start['bare_rss_mb']:.0f} MB RSS",
                "< 300 MB RSS",
            )
        )
    cold = cli_cold.measure(path, runs=args.runs)
    floor = cold.pop("python -c pass")
    for name, ms in cold.items():
        rows.append(
            _row(
                f"cold command line: crm-desktop {name} (fresh process)",
                scale,
                f"median {ms:.0f} ms",
                f"python -c pass: {floor:.0f} ms (x{ms / floor:.1f})",
                "— (scripts and scheduled jobs always start cold)",
            )
        )
    page = contacts_ui.measure(path)
    rows.append(
        _row(
            "open contacts screen, first rows painted",
            scale,
            f"{page['first_paint_ms']:.0f} ms",
            "—",
            "< 300 ms",
        )
    )
    rows.append(
        _row(
            f"typing in the contacts search box ({page['keystrokes']} keystrokes): "
            "time the window is busy per key",
            scale,
            f"median {page['keystroke_median_ms']:.1f} ms, p95 {page['keystroke_p95_ms']:.1f} ms",
            "—",
            "median < 20 ms, p95 < 50 ms",
        )
    )
    rows.append(
        _row(
            "search results shown in the widget after the pause in typing",
            scale,
            f"median {page['results_median_ms']:.1f} ms, p95 {page['results_p95_ms']:.1f} ms",
            f"the service alone (first 200 matches, above): median "
            f"{first_page['median_ms']:.1f} ms",
            "—",
        )
    )
    imported = importing.measure(args.import_rows, rounds=args.rounds)
    rows.append(
        _row(
            "Excel import, whole (read, map, match, write, commit) into a new database",
            f"{imported['rows']:,} rows x {imported['columns']} columns",
            *importing.summary(imported),
        )
    )
    rows.append(
        _row(
            "change capture during that import (the change log's triggers)",
            f"{imported['rows']:,} rows x {imported['columns']} columns",
            f"median {imported['import_s']:.1f} s with capture "
            f"(+{100 * imported['capture_cost']:.0f}%)",
            f"the same import with the capture triggers dropped: {imported['uncaptured_s']:.1f} s",
            "capture costs at most 20% of the import",
        )
    )
    exported = exporting.measure(path, rounds=args.rounds)
    rows.append(_row(*exporting.row(exported, scale)))
    logged = capture.measure(path, edits=args.edits, imported=imported)
    rows += [_row(*row) for row in capture.rows(logged, scale)]
    for deals in (2000, 20000):
        board = pipeline.measure(deals, rounds=args.rounds)
        rows += [_row(*row) for row in pipeline.row(board)]
    if sys.platform != "win32":
        import resource

        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        rows.append(
            _row("peak memory of this benchmark process", scale, f"{peak_mb:.0f} MB RSS", "—", "—")
        )
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
