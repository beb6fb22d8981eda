"""A reader that stops early (``| head``) is a normal end for a command-line tool.

Real processes of the real entry point write into real pipes whose reading end is
closed after a few bytes: they end with exit 0, nothing on stderr and nothing in the
log. The pipes are shrunk to one page (Linux), and the output is checked to be many
times larger, so the command is still writing when its reader goes away.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from crm_desktop.models.database import open_database
from crm_desktop.services.demo import generate_demo
from tests.test_cli import cli_env, command, run

PIPE_SIZE = 4096
WRITER_BUFFER = 8192  # what the command may hold in its own stdout buffer


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory, template_db: Path) -> Path:
    path = tmp_path_factory.mktemp("pipes") / "demo.sqlite3"
    shutil.copyfile(template_db, path)
    with open_database(path) as db:
        for _step in generate_demo(db, contacts=300, seed=5, today=dt.date(2025, 5, 1)):
            pass
    return path


@pytest.fixture
def state(tmp_path: Path) -> Iterator[dict[str, str]]:
    """The environment of a command whose log lands in ``tmp_path`` (to see it stays
    empty)."""
    yield {"XDG_STATE_HOME": str(tmp_path / "state")}
    assert not (tmp_path / "state").exists(), "something was logged"


def _small_pipe() -> tuple[int, int]:
    read_end, write_end = os.pipe()
    if sys.platform == "linux":
        import fcntl

        fcntl.fcntl(write_end, fcntl.F_SETPIPE_SZ, PIPE_SIZE)
    return read_end, write_end


def _read_then_close(
    args: list[str], env: dict[str, str], *, size: int = 0, lines: int = 0
) -> tuple[int, str, bytes]:
    """Run the command into a pipe, read ``size`` bytes or ``lines`` lines (as ``head
    -c`` or ``head -n`` does), close the pipe; the exit status, stderr and what was read."""
    read_end, write_end = _small_pipe()
    process = subprocess.Popen(args, stdout=write_end, stderr=subprocess.PIPE, env=cli_env(env))
    os.close(write_end)
    head = b""
    with os.fdopen(read_end, "rb", buffering=0) as reader:
        while (size and len(head) < size) or (lines and head.count(b"\n") < lines):
            chunk = reader.read(min(512, size - len(head)) if size else 512)
            if not chunk:
                break
            head += chunk
    try:
        _, stderr = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            process.kill()
    return process.returncode, stderr.decode("utf-8"), head


@pytest.mark.parametrize(
    ("args", "size", "lines"),
    [
        (["contacts"], 0, 2),  # crm-desktop contacts | head -2
        (["contacts", "--json"], 600, 0),  # crm-desktop contacts --json | head -c 600
        (["--lang", "en", "contacts", "--limit", "250"], 0, 1),
    ],
)
def test_a_reader_that_stops_early_is_a_normal_end(
    demo_db: Path, state: dict[str, str], args: list[str], size: int, lines: int
) -> None:
    whole = run(demo_db, *args)
    assert whole.returncode == 0, whole.stderr
    assert len(whole.stdout.encode()) > 2 * (PIPE_SIZE + WRITER_BUFFER), "too little output"

    status, stderr, head = _read_then_close(command(demo_db, *args), state, size=size, lines=lines)

    assert (status, stderr) == (0, "")
    assert whole.stdout.encode().startswith(head) and head


def test_the_shell_pipeline_from_the_issue(demo_db: Path, state: dict[str, str]) -> None:
    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("needs bash for PIPESTATUS")
    line = " ".join(f"'{a}'" for a in command(demo_db, "contacts", "--json"))
    script = f"{line} 2>stderr.txt | head -c 600 >/dev/null; echo ${{PIPESTATUS[0]}}"
    folder = Path(state["XDG_STATE_HOME"]).parent
    done = subprocess.run(
        [bash, "-c", script],
        cwd=folder,
        capture_output=True,
        text=True,
        env=cli_env(state),
        timeout=120,
        check=True,
    )
    assert done.stdout.strip() == "0"
    assert (folder / "stderr.txt").read_text(encoding="utf-8") == ""
