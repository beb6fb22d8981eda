"""Convert files with LibreOffice (headless) so that tests can read what another writer wrote.

``convert`` / ``convert_many`` run one ``soffice --headless --convert-to`` each, with a
fresh LibreOffice profile per call: calls never share a profile, so pytest-xdist workers
and threads can convert at the same time without locking each other out.

``build_once`` makes a set of converted files once per test run, shared by the
pytest-xdist workers (each would otherwise start LibreOffice for the same files).

Tests that need LibreOffice call ``require_soffice()``: it skips with a clear message
when ``soffice`` is not installed, unless ``CRM_REQUIRE_LIBREOFFICE=1`` is set (CI sets
it), in which case the test fails instead of being silently skipped.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

__all__ = [
    "REQUIRE_ENV",
    "OfficeError",
    "build_once",
    "convert",
    "convert_many",
    "csv_export_filter",
    "csv_import_filter",
    "find_soffice",
    "require_soffice",
]

REQUIRE_ENV = "CRM_REQUIRE_LIBREOFFICE"
# A cold first start on a slow machine can take tens of seconds; a hang should not
# block the test run for ever.
DEFAULT_TIMEOUT = 120.0

# LibreOffice's character set codes (rtl_TextEncoding) for the CSV filter's token 3.
CHARSET_UTF8 = 76
CHARSET_WINDOWS_1256 = 38
# Language (token 6) en-US: numbers and dates in a CSV are parsed the same way whatever
# the language of the machine's LibreOffice ("0" would mean the UI language).
LANGUAGE_EN_US = 1033

_CSV_FILTER = "Text - txt - csv (StarCalc)"
# Tools > Options > LibreOffice Calc > Formula > "Recalculation on file load", "Excel
# 2007 and newer": Always recalculate (0).
_RECALCULATE_ON_LOAD = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry">
  <item oor:path="/org.openoffice.Office.Calc/Formula/Load">
    <prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop>
  </item>
</oor:items>
"""
_CANDIDATES = (
    "/usr/bin/soffice",
    "/usr/lib/libreoffice/program/soffice",
    "/opt/libreoffice/program/soffice",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    r"C:\Program Files\LibreOffice\program\soffice.exe",
)


class OfficeError(RuntimeError):
    """A conversion failed: the message has the command and LibreOffice's output."""


def find_soffice() -> str | None:
    """The LibreOffice executable, or None when it is not installed."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    for candidate in _CANDIDATES:
        if Path(candidate).is_file():
            return candidate
    return None


def require_soffice() -> str:
    """The LibreOffice executable; skip the test without it (fail if it is required)."""
    found = find_soffice()
    if found is not None:
        return found
    message = (
        "LibreOffice is not installed (no 'soffice' on PATH): the tests on files written "
        "by LibreOffice need it (Debian/Ubuntu: apt-get install libreoffice-calc-nogui)."
    )
    if os.environ.get(REQUIRE_ENV, "") not in ("", "0"):
        pytest.fail(f"{message} {REQUIRE_ENV} is set, so this is a failure.", pytrace=False)
    pytest.skip(message)


def csv_import_filter(
    *,
    separator: str = ",",
    charset: int = CHARSET_UTF8,
    language: int = LANGUAGE_EN_US,
    evaluate_formulas: bool = True,
) -> str:
    """The ``--infilter`` value that reads a CSV the way a user's "open CSV" would.

    Tokens (LibreOffice help, "CSV Filter Options"): 1 field separator, 2 text delimiter
    (34 = "), 3 character set, 4 first line to read, 5 column formats (empty: standard),
    6 language, 7 quoted field as text (false: "0912" in quotes still becomes a number,
    as in Excel), 8 detect special numbers (true: dates and times become date cells),
    9-12 export-only options, 13 evaluate formulas (true: ``=A2*2`` is a formula, not
    text).
    """
    tokens = [
        str(ord(separator)),
        "34",
        str(charset),
        "1",
        "",
        str(language),
        "false",
        "true",
        "false",
        "false",
        "false",
        "0",
        "true" if evaluate_formulas else "false",
    ]
    return f"{_CSV_FILTER}:{','.join(tokens)}"


def csv_export_filter(*, separator: str = ";", charset: int = CHARSET_WINDOWS_1256) -> str:
    """The ``--convert-to`` value that writes the first sheet as CSV in ``charset``.

    Tokens: separator, text delimiter ("), character set, first line; the defaults of
    the rest save cells as shown (a formula's value, not the formula).
    """
    return f"csv:{_CSV_FILTER}:{ord(separator)},34,{charset},1"


def convert(
    src: Path,
    fmt: str,
    outdir: Path,
    *,
    infilter: str | None = None,
    recalculate: bool = True,
    timeout: float = DEFAULT_TIMEOUT,
) -> Path:
    """Convert ``src`` to ``fmt`` (``"xlsx"``, ``"xls:MS Excel 97"``, ``"ods"``, ...).

    Returns the written file, ``outdir / (src.stem + "." + extension)``.
    """
    return convert_many(
        [src], fmt, outdir, infilter=infilter, recalculate=recalculate, timeout=timeout
    )[0]


def convert_many(
    sources: Sequence[Path],
    fmt: str,
    outdir: Path,
    *,
    infilter: str | None = None,
    recalculate: bool = True,
    timeout: float = DEFAULT_TIMEOUT,
) -> list[Path]:
    """Convert several files to ``fmt`` in one LibreOffice start (about 1-2 s each).

    ``infilter`` applies to every source, so a call converts files of one kind.
    ``recalculate`` computes every formula of an .xlsx source on loading instead of
    keeping its cached values: LibreOffice 7.4 saves a text formula it did not compute
    itself (CONCATENATE) into .xls with 0 as its value.
    Raises ``OfficeError`` when LibreOffice fails, hangs or writes no output.
    """
    soffice = find_soffice()
    if soffice is None:
        raise OfficeError("LibreOffice (soffice) is not installed.")
    sources = [Path(src).resolve() for src in sources]
    stems = [src.stem for src in sources]
    if len(set(stems)) != len(stems):
        raise ValueError(f"sources with the same name would overwrite each other: {stems}")
    extension = fmt.split(":", 1)[0]
    outdir = Path(outdir).resolve()
    outdir.mkdir(parents=True, exist_ok=True)
    expected = [outdir / f"{stem}.{extension}" for stem in stems]
    for path in expected:
        path.unlink(missing_ok=True)

    profile = Path(tempfile.mkdtemp(prefix="crm-lo-profile-"))
    try:
        if recalculate:
            (profile / "user").mkdir()
            (profile / "user" / "registrymodifications.xcu").write_text(
                _RECALCULATE_ON_LOAD, encoding="utf-8"
            )
        command = [
            soffice,
            "--headless",
            "--norestore",
            "--nologo",
            "--nolockcheck",
            f"-env:UserInstallation={profile.as_uri()}",
        ]
        if infilter is not None:
            command.append(f"--infilter={infilter}")
        command += ["--convert-to", fmt, "--outdir", str(outdir), *map(str, sources)]
        returncode, stdout, stderr = _run(command, timeout)
    finally:
        shutil.rmtree(profile, ignore_errors=True)

    missing = [path for path in expected if not path.is_file() or path.stat().st_size == 0]
    if returncode != 0 or missing:
        raise OfficeError(
            f"LibreOffice conversion failed (exit code {returncode}"
            f"{', no output: ' + ', '.join(p.name for p in missing) if missing else ''}).\n"
            f"command: {subprocess.list2cmdline(command)}\n"
            f"stdout: {stdout.strip()}\nstderr: {stderr.strip()}"
        )
    return expected


def _run(command: list[str], timeout: float) -> tuple[int, str, str]:
    """Run ``command``; on timeout kill it and the processes it started."""
    posix = sys.platform != "win32"
    env = dict(os.environ, SAL_USE_VCLPLUGIN="svp")  # never try to open a display
    process = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
        encoding="utf-8",
        errors="replace",
        env=env,
        start_new_session=posix,  # soffice starts soffice.bin: kill the whole group
    )
    try:
        stdout, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        if posix:
            os.killpg(process.pid, signal.SIGKILL)
        else:
            process.kill()
        stdout, stderr = process.communicate()
        raise OfficeError(
            f"LibreOffice did not finish within {timeout:.0f} s.\n"
            f"command: {subprocess.list2cmdline(command)}\n"
            f"stdout: {stdout.strip()}\nstderr: {stderr.strip()}"
        ) from None
    return process.returncode, stdout, stderr


def build_once(
    tmp_path_factory: pytest.TempPathFactory,
    name: str,
    build: Callable[[Path], None],
    *,
    timeout: float = 2 * DEFAULT_TIMEOUT,
) -> Path:
    """The folder ``name`` filled by ``build(folder)`` once for the whole test run.

    Under pytest-xdist the first worker to get here builds it and the others wait for it
    (a failure is reported to each of them); without xdist this just builds it.
    """
    root = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent  # the run's folder, shared by its workers
    folder = root / name
    done, failed = root / f"{name}.done", root / f"{name}.failed"
    try:
        (root / f"{name}.lock").mkdir()  # atomic: one worker wins and builds
    except FileExistsError:
        _wait_for(done, failed, name, timeout)
        return folder
    try:
        folder.mkdir()
        build(folder)
    except BaseException:
        failed.write_text(traceback.format_exc(), encoding="utf-8")
        raise
    done.touch()
    return folder


def _wait_for(done: Path, failed: Path, name: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not done.exists():
        if failed.exists():
            raise OfficeError(f"building {name} failed in another worker:\n{failed.read_text()}")
        if time.monotonic() > deadline:
            raise OfficeError(f"another worker did not build {name} within {timeout:.0f} s")
        time.sleep(0.05)
