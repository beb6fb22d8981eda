"""Real disks for tests: a small tmpfs that fills up, a read-only mount.

Nothing here fakes the file system: a full disk is a tmpfs with no room left, a
read-only database is on a read-only mount. Mounting needs root (the CI runs the
tests as root, in a container allowed to mount); where it is refused, a test that
needs a real full disk skips and says why, and ``read_only`` falls back to chmod,
which stops every user but root.
"""

from __future__ import annotations

import errno
import os
import shutil
import stat
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

KB = 1024
MB = 1024 * KB


def _is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def _mount(*args: str) -> str | None:
    """Run ``mount``; the reason it failed, or None."""
    if not _is_root():
        return "mounting needs root (the CI runs the tests as root)"
    try:
        done = subprocess.run(["mount", *args], capture_output=True, text=True, check=False)
    except FileNotFoundError:
        return "there is no mount command"
    return None if done.returncode == 0 else done.stderr.strip() or f"exit {done.returncode}"


def _unmount(target: Path) -> None:
    done = subprocess.run(["umount", str(target)], capture_output=True, check=False)
    if done.returncode != 0:
        # Something still holds a file open there: detach now, freed when it lets go.
        subprocess.run(["umount", "-l", str(target)], capture_output=True, check=True)


@contextmanager
def small_disk(folder: Path, size: int) -> Iterator[Path]:
    """A disk of ``size`` bytes (a tmpfs) mounted at ``folder`` while the block runs."""
    folder.mkdir(parents=True, exist_ok=True)
    failed = _mount("-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(folder))
    if failed is not None:
        pytest.skip(f"a real full disk needs a small tmpfs, and mounting one failed: {failed}")
    try:
        yield folder
    finally:
        _unmount(folder)


def free_space(folder: Path) -> int:
    return shutil.disk_usage(folder).free


def fill(folder: Path, *, leave: int = 0) -> Path:
    """Fill the disk holding ``folder`` until at most ``leave`` bytes are free; returns
    the filler file (delete it to give the room back)."""
    filler = folder / "filler.bin"
    with filler.open("ab") as f:
        while (free := free_space(folder)) > leave:
            try:
                f.write(bytes(min(MB, free - leave)))
                f.flush()
            except OSError as exc:
                if exc.errno != errno.ENOSPC:
                    raise
                break
    assert free_space(folder) <= leave
    return filler


@contextmanager
def read_only(path: Path) -> Iterator[None]:
    """Make a folder, or a single file, read-only while the block runs.

    As root that takes a read-only bind mount over it (root writes through any chmod);
    otherwise chmod, which stops the user running the tests.
    """
    failed = _mount("--bind", str(path), str(path))
    if failed is None:
        try:
            remounted = _mount("-o", "remount,bind,ro", str(path), str(path))
            assert remounted is None, remounted
            yield
        finally:
            _unmount(path)
        return
    if _is_root():
        pytest.skip(f"a read-only mount is needed as root, and mounting failed: {failed}")
    mode = path.stat().st_mode
    writable = stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH
    path.chmod(mode & ~writable)
    try:
        yield
    finally:
        path.chmod(mode)
