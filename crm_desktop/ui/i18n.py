"""Translations: Persian source strings, an English translation, Qt's own dialogs.

The source strings in ``self.tr()`` are Persian. ``resources/translations/`` holds
``crm_desktop_fa.ts`` (every string translated to itself, so Persian is visibly
complete) and ``crm_desktop_en.ts`` (the English translation), and their compiled
``.qm`` files, which ``install_translator`` loads.

After adding or changing strings in ``crm_desktop/ui``::

    python -m crm_desktop.ui.i18n update     # lupdate both .ts files, lrelease the .qm
    pyside6-linguist resources/translations/crm_desktop_en.ts   # fill the new entries
    python -m crm_desktop.ui.i18n update     # compile what was filled in
    python -m crm_desktop.ui.i18n --check    # what the tests run: exits 1 when stale

``update`` keeps every existing translation; entries whose string left the code are
dropped. ``--check`` fails when the .ts or .qm files are out of date with the code, or
when the English file has unfinished entries (it lists them).
"""

from __future__ import annotations

import argparse
import filecmp
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from crm_desktop.paths import resources_dir

LANGUAGES = ("fa", "en")
SOURCE_LANGUAGE = "fa"
PACKAGE_UI = Path(__file__).resolve().parent

_installed: list[QTranslator] = []


def translations_dir() -> Path:
    return resources_dir() / "translations"


def ts_path(lang: str, folder: Path | None = None) -> Path:
    return (folder or translations_dir()) / f"crm_desktop_{lang}.ts"


def qt_fixes_path(lang: str, folder: Path | None = None) -> Path:
    """Qt's own strings that Qt's translation for ``lang`` lacks (written by hand)."""
    return (folder or translations_dir()) / f"qt_fixes_{lang}.ts"


def install_translator(app: QApplication, lang: str) -> bool:
    """Load our strings and Qt's own (dialog buttons...) for ``lang``; replaces earlier ones.

    True when the application's translation was found. The last one installed is asked
    first: our fixes of Qt's strings come after Qt's translation, ours last.
    """
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    ours = QTranslator(app)
    found = ours.load(f"crm_desktop_{lang}", str(translations_dir()))
    qt_own = QTranslator(app)
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if lang != "en" and qt_own.load(QLocale(lang), "qtbase", "_", qt_folder):
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    fixes = QTranslator(app)
    if fixes.load(f"qt_fixes_{lang}", str(translations_dir())):
        app.installTranslator(fixes)
        _installed.append(fixes)
    if found:
        app.installTranslator(ours)
        _installed.append(ours)
    return found


# -- the developer command --------------------------------------------------------------


def _tool(name: str) -> str:
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6 (its tools come with it)")
    return found


def source_files() -> list[Path]:
    return sorted(PACKAGE_UI.rglob("*.py"))


def _run(command: list[str]) -> None:
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stdout}{result.stderr}")


def update(folder: Path) -> None:
    """lupdate every ``crm_desktop/ui`` source into both .ts files, then lrelease them."""
    sources = [str(path) for path in source_files()]
    for lang in LANGUAGES:
        path = ts_path(lang, folder)
        command = [_tool("pyside6-lupdate"), *sources, "-no-obsolete", "-locations", "none"]
        command += ["-source-language", SOURCE_LANGUAGE, "-target-language", lang, "-ts", str(path)]
        _run([*command[:1], "-silent", *command[1:]])
        if lang == SOURCE_LANGUAGE:
            _translate_to_itself(path)
        _run([_tool("pyside6-lrelease"), "-silent", str(path), "-qm", str(path.with_suffix(".qm"))])
        fixes = qt_fixes_path(lang, folder)
        if fixes.exists():
            _run(
                [
                    _tool("pyside6-lrelease"),
                    "-silent",
                    str(fixes),
                    "-qm",
                    str(fixes.with_suffix(".qm")),
                ]
            )


def _release(path: Path) -> None:
    _run([_tool("pyside6-lrelease"), "-silent", str(path), "-qm", str(path.with_suffix(".qm"))])


def _translate_to_itself(path: Path) -> None:
    """The source language's entries: each string is its own, finished translation."""
    text = path.read_text(encoding="utf-8")
    root = ET.fromstring(text)
    tree = ET.ElementTree(root)
    for message in tree.iter("message"):
        translation = message.find("translation")
        source = message.findtext("source") or ""
        if translation is not None and translation.get("type") == "unfinished":
            del translation.attrib["type"]
            forms = translation.findall("numerusform")
            for form in forms:
                form.text = source
            if not forms:
                translation.text = source
    # Always rewritten, so that the file reads the same however it was last written.
    ET.indent(tree, space="    ")
    body = ET.tostring(root, encoding="unicode")
    path.write_text(
        f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{body}\n', encoding="utf-8"
    )


def unfinished(path: Path) -> list[str]:
    """Source strings of ``path`` with no finished translation."""
    missing = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            empty = translation is None or not "".join(translation.itertext()).strip()
            if empty or translation.get("type") == "unfinished":  # type: ignore[union-attr]
                missing.append(f"{name}: {message.findtext('source')}")
    return missing


def check(folder: Path) -> list[str]:
    """What is out of date or missing in ``folder``; empty when all is well."""
    problems = []
    with tempfile.TemporaryDirectory() as scratch:
        fresh = Path(scratch)
        for lang in LANGUAGES:
            for path in (ts_path(lang, folder), qt_fixes_path(lang, folder)):
                if path.exists():
                    shutil.copyfile(path, fresh / path.name)
        update(fresh)
        for lang in LANGUAGES:
            for made in (ts_path(lang, fresh), qt_fixes_path(lang, fresh)):
                for suffix in (".ts", ".qm"):
                    if not made.with_suffix(suffix).exists():
                        continue
                    committed = folder / made.with_suffix(suffix).name
                    if not committed.exists() or not filecmp.cmp(
                        committed, made.with_suffix(suffix), shallow=False
                    ):
                        problems.append(f"{committed.name} is out of date: run `update`")
    problems += [f"unfinished in English: {entry}" for entry in unfinished(ts_path("en", folder))]
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m crm_desktop.ui.i18n", description=__doc__)
    parser.add_argument("command", nargs="?", choices=("update",), help="rewrite the files")
    parser.add_argument("--check", action="store_true", help="fail when the files are stale")
    parser.add_argument("--folder", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    folder = args.folder or translations_dir()
    if args.check:
        problems = check(folder)
        for problem in problems:
            print(problem, file=sys.stderr)
        return 1 if problems else 0
    if args.command != "update":
        parser.error("say `update` or `--check`")
    folder.mkdir(parents=True, exist_ok=True)
    update(folder)
    left = unfinished(ts_path("en", folder))
    print(f"updated {folder}; {len(left)} English entries to translate")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
