"""App start to a usable main window, against a bare PySide6 window as the baseline.

Each run is a fresh process on the offscreen platform: the app imports itself, opens
the database, builds and shows the main window on the contacts page, and exits after
the first paint; the baseline shows an empty ``QMainWindow`` the same way. The figure
is the wall time from starting the process to its "painted" line (median of 5), and
the app's resident memory at that moment (VmRSS from /proc, Linux only).

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
from crm_desktop.models.database import open_for_window
from crm_desktop.ui.app import build_main_window, ensure_application
app = ensure_application()
db = open_for_window(sys.argv[1])
window = build_main_window(db, "fa", page="contacts")
watcher = FirstPaint()
window.stack.currentWidget().installEventFilter(watcher)
window.show()
app.exec()
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


def _run_once(code: str, args: list[str], env: dict[str, str]) -> tuple[float, float | None]:
    start = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert child.stdout is not None
    for line in child.stdout:
        if line.startswith(PAINTED):
            seconds = time.perf_counter() - start
            figures = json.loads(line[len(PAINTED) :])
            child.wait(timeout=60)
            return seconds, figures["rss_mb"]
    _out, err = child.communicate(timeout=60)
    raise RuntimeError(f"the window never painted (exit {child.returncode}):\n{err}")


def measure(path: Path, *, runs: int = 5) -> dict[str, object]:
    """Medians over ``runs`` fresh processes: the app over ``path``, and a bare window."""
    with tempfile.TemporaryDirectory() as config:
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            # Remembered window size and page stay out of the user's settings.
            "XDG_CONFIG_HOME": config,
            "QT_LOGGING_RULES": "qt.qpa.*=false",
        }
        app = [_run_once(APP, [str(path)], env) for _ in range(runs)]
        bare = [_run_once(BARE, [], env) for _ in range(runs)]
    app_s = statistics.median(seconds for seconds, _rss in app)
    bare_s = statistics.median(seconds for seconds, _rss in bare)
    rss = [mb for _s, mb in app if mb is not None]
    bare_rss = [mb for _s, mb in bare if mb is not None]
    return {
        "runs": runs,
        "app_median_s": app_s,
        "app_max_s": max(seconds for seconds, _rss in app),
        "bare_median_s": bare_s,
        "ratio": app_s / bare_s,
        "app_rss_mb": statistics.median(rss) if rss else None,
        "bare_rss_mb": statistics.median(bare_rss) if bare_rss else None,
    }


def main(argv: list[str] | None = None) -> int:
    from benchmarks.data import demo_database

    parser = argparse.ArgumentParser(prog="python -m benchmarks.startup")
    parser.add_argument("--contacts", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    path, _built = demo_database(args.contacts)
    figures = measure(path, runs=args.runs)
    rss = figures["app_rss_mb"]
    print(
        f"app start to usable window at {args.contacts:,} contacts: "
        f"median {figures['app_median_s']:.2f} s (max {figures['app_max_s']:.2f} s); "
        f"bare PySide6 window {figures['bare_median_s']:.2f} s (x{figures['ratio']:.2f}); "
        f"app RSS {rss if rss is None else f'{rss:.0f} MB'}, "
        f"bare window RSS {figures['bare_rss_mb']:.0f} MB"
        " — targets: < 2 s, < 2.5x the bare window, < 300 MB"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
