"""The command line started cold, as scripts and scheduled jobs always start it.

Each figure is the median wall time of fresh processes of ``crm-desktop``'s entry point
(``python -m crm_desktop``, what the installed script runs): a two-word search, the
first contact, and ``python -c pass`` beside them as the floor of any Python program on
this machine in the same run.

``python -m benchmarks.cli_cold [--contacts N] [--runs R]`` prints the figures.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

# Two words, the second short: both indexes answer (the search's dearest case).
SEARCH = "م رضایی"


def commands(path: Path) -> dict[str, list[str]]:
    app = [sys.executable, "-m", "crm_desktop", "--db", str(path)]
    return {
        f'contacts --search "{SEARCH}"': [*app, "contacts", "--search", SEARCH],
        "contacts --limit 1": [*app, "contacts", "--limit", "1"],
        "python -c pass": [sys.executable, "-c", "pass"],
    }


def _once(args: list[str]) -> float:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    start = time.perf_counter()
    subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, check=True)
    return (time.perf_counter() - start) * 1000


def measure(path: Path, *, runs: int = 7) -> dict[str, float]:
    """Median milliseconds per command; the commands take turns, so that a busy moment
    of the machine falls on all of them alike."""
    todo = commands(path)
    for args in todo.values():  # warm the file cache, and fail early
        _once(args)
    times: dict[str, list[float]] = {name: [] for name in todo}
    for _ in range(runs):
        for name, args in todo.items():
            times[name].append(_once(args))
    return {name: statistics.median(values) for name, values in times.items()}


def main(argv: list[str] | None = None) -> int:
    from benchmarks.data import demo_database

    parser = argparse.ArgumentParser(prog="python -m benchmarks.cli_cold")
    parser.add_argument("--contacts", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    path, _built = demo_database(args.contacts)
    figures = measure(path, runs=args.runs)
    floor = figures["python -c pass"]
    for name, ms in figures.items():
        print(f"{name}: median {ms:.0f} ms (x{ms / floor:.1f} python -c pass)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
