"""``python -m benchmarks``: the figures of design.md that exist so far.

Absolute times on shared machines drift, so each figure is printed beside a baseline
measured in the same run.
"""

from __future__ import annotations

import argparse
import sys

from benchmarks import search
from benchmarks.data import demo_database


def _row(what: str, scale: str, measured: str, baseline: str, target: str) -> str:
    return f"| {what} | {scale} | {measured} | {baseline} | {target} |"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    parser.add_argument("--contacts", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3)
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
    for label, limit in (("all matches", None), ("first 200 matches", 200)):
        figures = search.measure(path, limit=limit, rounds=args.rounds)
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
