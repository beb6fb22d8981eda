"""App start to a usable main window, against a bare PySide6 window as the baseline.

Each run is a fresh process on the offscreen platform, through the window's own entry
(``ui.launch.open_window``) on the contacts page; the baseline shows an empty
``QMainWindow``. Two moments are timed from the start of the process: the first rows
of contacts painted (the early window's, ``ui.launch``) and the real window fully
loaded and painted, which then closes as a user closes it. The resident memory is
read then (VmRSS from /proc, Linux only). The very first start of an installation
(nothing remembered yet, so no early window) is timed too.

``python -m benchmarks.startup [--contacts N] [--runs R]`` prints the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PAINTED = "painted"

# Both children share this: show a window, and report after its first paint.
_FIRST_PAINT = """
import json, sys
from PySide6.QtCore import QEvent, QObject, QTimer

def rss_mb():
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not getattr(self, "done", False):
            self.done = True
            QTimer.singleShot(0, report)
        return False

def report():
    print("painted", json.dumps({"rss_mb": rss_mb()}), flush=True)
    app.quit()
"""

APP = (
    _FIRST_PAINT
    + """
import time
from pathlib import Path
from crm_desktop.ui.app import ensure_application
from crm_desktop.ui.shell.launch import open_window

# From the first paint to the real window, how long the event loop is ever away: a
# timer asks for a turn every few milliseconds and the longest wait is kept.
ticks = {"last": None, "longest": 0.0, "count": 0}

def tick():
    now = time.perf_counter()
    if ticks["last"] is not None:
        ticks["longest"] = max(ticks["longest"], now - ticks["last"])
    ticks["last"] = now
    ticks["count"] += 1

timer = QTimer()
timer.setInterval(5)
timer.timeout.connect(tick)

def painted():
    print("painted", json.dumps({"rss_mb": rss_mb()}), flush=True)
    tick()
    timer.start()

def loaded(window):
    tick()  # the wait up to now counts too (the real window being built)
    timer.stop()
    frozen = ticks["longest"] if ticks["count"] > 2 else None
    print("loaded", json.dumps({"rss_mb": rss_mb(), "frozen_s": frozen}), flush=True)
    window.close()  # as a user does: the window remembers its place and its table

# What ``crm-desktop`` does before it opens the window: its command line read.
from crm_desktop.cli import build_parser
from crm_desktop.cli.words import use_language

use_language("fa")
args = build_parser("fa").parse_args(["--db", sys.argv[1], "--page", "contacts"])
app = ensure_application()
open_window(args.db, lang=args.lang, page=args.page, on_painted=painted, on_loaded=loaded)
"""
)

BARE = (
    _FIRST_PAINT
    + """
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1280, 800)
watcher = FirstPaint()
window.installEventFilter(watcher)
window.show()
app.exec()
"""
)


LOADED = "loaded"


def _run_once(code: str, args: list[str], env: dict[str, str]) -> dict[str, float | None]:
    """Seconds from the start of a fresh process to its first paint (of the contacts
    rows) and to the real window painted (the same moment for the bare window); the
    resident memory then."""
    start = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert child.stdout is not None
    seen: dict[str, float | None] = {}
    for line in child.stdout:
        word = line.split(" ", 1)[0]
        if word in (PAINTED, LOADED):
            seen[word] = time.perf_counter() - start
            figures = json.loads(line[len(word) :])
            seen[f"{word}_rss_mb"] = figures["rss_mb"]
            if "frozen_s" in figures:
                seen["frozen_s"] = figures["frozen_s"]
            if word == LOADED or code is BARE:
                break
    _out, err = child.communicate(timeout=60)
    if PAINTED not in seen:
        raise RuntimeError(f"the window never painted (exit {child.returncode}):\n{err}")
    seen.setdefault(LOADED, seen[PAINTED])
    seen.setdefault(f"{LOADED}_rss_mb", seen[f"{PAINTED}_rss_mb"])
    seen.setdefault("frozen_s", None)
    return seen


def _env(config: str) -> dict[str, str]:
    return {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        # Remembered window size, page and table stay out of the user's settings.
        "XDG_CONFIG_HOME": config,
        "QT_LOGGING_RULES": "qt.qpa.*=false",
    }


def _median(runs: list[dict[str, float | None]], key: str) -> float | None:
    values = [run[key] for run in runs if run[key] is not None]
    return statistics.median(values) if values else None  # type: ignore[type-var]


def measure(path: Path, *, runs: int = 5) -> dict[str, object]:
    """Medians over ``runs`` fresh processes of each kind, taking turns: the app as it
    starts every day (the early window, its table recorded by an earlier start), the
    app's very first start (a new settings folder: no early window) and a bare window.
    """
    early: list[dict[str, float | None]] = []
    first: list[dict[str, float | None]] = []
    bare: list[dict[str, float | None]] = []
    with tempfile.TemporaryDirectory() as kept:
        _run_once(APP, [str(path)], _env(kept))  # the start that records the table
        for _ in range(runs):
            bare.append(_run_once(BARE, [], _env(kept)))
            early.append(_run_once(APP, [str(path)], _env(kept)))
            with tempfile.TemporaryDirectory() as fresh:
                first.append(_run_once(APP, [str(path)], _env(fresh)))
    bare_s = _median(bare, PAINTED)
    assert bare_s is not None
    figures: dict[str, object] = {
        "runs": runs,
        "bare_median_s": bare_s,
        "bare_rss_mb": _median(bare, f"{PAINTED}_rss_mb"),
    }
    for name, kind in (("app", early), ("first_start", first)):
        painted, loaded = _median(kind, PAINTED), _median(kind, LOADED)
        assert painted is not None and loaded is not None
        figures |= {
            f"{name}_paint_s": painted,
            f"{name}_loaded_s": loaded,
            f"{name}_paint_ratio": painted / bare_s,
            f"{name}_loaded_ratio": loaded / bare_s,
            f"{name}_max_loaded_s": max(run[LOADED] or 0 for run in kind),
            f"{name}_rss_mb": _median(kind, f"{LOADED}_rss_mb"),
            f"{name}_frozen_s": _median(kind, "frozen_s"),
        }
    return figures


def main(argv: list[str] | None = None) -> int:
    from benchmarks.data import demo_database

    parser = argparse.ArgumentParser(prog="python -m benchmarks.startup")
    parser.add_argument("--contacts", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    path, _built = demo_database(args.contacts)
    f = measure(path, runs=args.runs)
    print(
        f"app start at {args.contacts:,} contacts (median of {args.runs}); "
        f"bare PySide6 window {f['bare_median_s']:.2f} s, RSS {f['bare_rss_mb']:.0f} MB"
    )
    for name, what in (("app", "every start"), ("first_start", "first start, no early window")):
        frozen = f[f"{name}_frozen_s"]
        pause = (
            f"; the window's longest pause while loading {1000 * frozen:.0f} ms"
            if isinstance(frozen, float)
            else ""
        )
        print(
            f"  {what}: contacts rows painted {f[f'{name}_paint_s']:.2f} s "
            f"(x{f[f'{name}_paint_ratio']:.2f} the bare window), fully loaded "
            f"{f[f'{name}_loaded_s']:.2f} s (x{f[f'{name}_loaded_ratio']:.2f}, "
            f"max {f[f'{name}_max_loaded_s']:.2f} s), RSS {f[f'{name}_rss_mb']:.0f} MB{pause}"
        )
    print("  targets: < 2 s, < 2.5x the bare window, < 300 MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
