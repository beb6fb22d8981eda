"""``--help`` and usage errors in the user's language, through the real entry point.

The language is ``--lang`` wherever it stands, else ``CRM_DESKTOP_LANG``, else the
system's (``LC_ALL``, ``LC_MESSAGES``, ``LANG``) when Persian or English, else Persian.
"""

from __future__ import annotations

import argparse
import ast
import itertools
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from crm_desktop.cli import main
from crm_desktop.cli.words import ARGPARSE_FA
from crm_desktop.language import default_language, language_of, system_language
from tests.test_cli import LANGUAGE_VARIABLES, PERSIAN, assert_bad_input, run

ARGPARSE_PERSIAN = ("طرز استفاده:", "گزینه‌ها:", "نمایش همین راهنما و خروج")
ARGPARSE_ENGLISH = ("usage:", "options:", "show this help message and exit")
SUBCOMMANDS = [
    ["demo"],
    ["import"],
    ["export"],
    ["contacts"],
    ["contact"],
    ["contact", "add"],
    ["contact", "edit"],
    ["contact", "delete"],
    ["selfcheck"],
]


def help_text(*args: str, env: dict[str, str] | None = None) -> str:
    result = run(None, *args, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


def unexplained(text: str) -> list[str]:
    """Options and arguments listed without a help text (on their line, or indented on
    the next when the name is long; a list of commands counts as the help)."""
    lines = [*text.splitlines(), ""]
    return [
        line.strip()
        for line, following in itertools.pairwise(lines)
        if re.match(r"^  \S", line)
        and not re.match(r"^  \S.*?\s{2,}\S", line)
        and not re.match(r"^\s{4,}\S", following)
    ]


def is_persian(text: str) -> bool:
    return all(w in text for w in ARGPARSE_PERSIAN) and not any(w in text for w in ARGPARSE_ENGLISH)


def is_english(text: str) -> bool:
    return all(w in text for w in ARGPARSE_ENGLISH) and not PERSIAN.search(text)


def test_help_is_persian_by_default_with_every_option_explained() -> None:
    text = help_text("--help")
    assert is_persian(text)
    assert "CRM آفلاین" in text and "آرگومان‌ها:" in text
    # Option names and metavars stay Latin, each one explained in Persian.
    for option in ("-h, --help", "--lang {fa,en}", "--version", "--db PATH", "--page {"):
        assert f"  {option}" in text, option
    assert unexplained(text) == []
    for name in ("demo", "import", "export", "contacts", "contact", "selfcheck"):
        assert re.search(rf"^\s+{name}\s+\S*[\u0600-\u06FF]", text, re.MULTILINE), name


@pytest.mark.parametrize(
    "args",
    [
        ["--lang", "en", "--help"],
        ["--help", "--lang=en"],
        ["--lang", "en", "contacts", "--help"],
        ["contacts", "--help", "--lang", "en"],
        ["--lang", "fa", "contact", "add", "--lang", "en", "--help"],  # the last one wins
    ],
)
def test_lang_anywhere_turns_the_help_english(args: list[str]) -> None:
    assert is_english(help_text(*args))


@pytest.fixture
def in_process(capsys: pytest.CaptureFixture[str]) -> Iterator[Callable[..., str]]:
    """``main`` called in this process (fast, for the many subcommands): its stdout.
    argparse's words are put back as they were afterwards."""
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]

    def help_of(*args: str) -> str:
        assert main([*args, "--help"]) == 0
        out, err = capsys.readouterr()
        assert err == ""
        return out

    yield help_of
    vars(argparse).update({"_": saved[0], "ngettext": saved[1]})


@pytest.mark.parametrize("sub", SUBCOMMANDS, ids=" ".join)
def test_every_subcommand_has_its_help_in_both_languages(
    sub: list[str], in_process: Callable[..., str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in LANGUAGE_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    fa = in_process(*sub)
    en = in_process("--lang", "en", *sub)
    assert is_persian(fa) and is_english(en)
    assert f"crm-desktop {' '.join(sub)}" in fa  # usage keeps the Latin command names
    # The same options in both, each with a help text, --lang included.
    options = re.compile(r"^  (-\S+(?:, -\S+)?(?: \S+)?)", re.MULTILINE)
    assert options.findall(fa) == options.findall(en)
    assert "--lang {fa,en}" in fa
    assert unexplained(fa) == [] and unexplained(en) == []


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"CRM_DESKTOP_LANG": "en"}, "en"),
        ({"CRM_DESKTOP_LANG": "fa", "LANG": "en_US.UTF-8"}, "fa"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LC_ALL": "C.UTF-8", "LANG": "en_US.UTF-8"}, "fa"),  # LC_ALL decides, C is neither
    ],
)
def test_without_lang_the_environment_decides(env: dict[str, str], expected: str) -> None:
    text = help_text("contacts", "--help", env=env)
    assert (is_english if expected == "en" else is_persian)(text)


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, "fa"),
        ({"CRM_DESKTOP_LANG": "en"}, "en"),
        ({"CRM_DESKTOP_LANG": "fa", "LANG": "en_US.UTF-8"}, "fa"),
        ({"CRM_DESKTOP_LANG": "de", "LANG": "en_US.UTF-8"}, "en"),  # not a language of ours
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "fa_IR.UTF-8"}, "fa"),
        ({"LANG": "de_DE.UTF-8"}, "fa"),
        ({"LC_MESSAGES": "en_GB.UTF-8", "LANG": "fa_IR.UTF-8"}, "en"),
        ({"LC_ALL": "fa_IR", "LC_MESSAGES": "en_GB.UTF-8"}, "fa"),
        ({"LC_ALL": "C.UTF-8", "LANG": "en_US.UTF-8"}, "fa"),
        ({"LC_ALL": "", "LANG": "en_US.UTF-8"}, "en"),  # set but empty counts as unset
    ],
)
def test_default_language(env: dict[str, str], expected: str) -> None:
    assert default_language(env) == expected


def test_lang_beats_the_environment() -> None:
    assert is_persian(help_text("--lang", "fa", "--help", env={"CRM_DESKTOP_LANG": "en"}))
    assert is_english(help_text("--help", "--lang", "en", env={"LANG": "fa_IR.UTF-8"}))


def test_usage_errors_follow_the_language_too() -> None:
    fa = run(None, "contact")
    assert_bad_input(fa)
    assert "این آرگومان‌ها لازم‌اند: ACTION" in fa.stderr
    en = run(None, "contact", env={"LANG": "en_US.UTF-8"})
    assert_bad_input(en)
    assert "the following arguments are required: ACTION" in en.stderr
    bad_lang = run(None, "--lang", "de", "contacts")
    assert_bad_input(bad_lang)
    assert "مقدار نامعتبر: 'de'" in bad_lang.stderr
    limit = run(None, "contacts", "--limit", "0")
    assert_bad_input(limit)
    assert "باید ۱ یا بیشتر باشد" in limit.stderr


def test_database_messages_follow_the_environment(tmp_path: Path) -> None:
    missing = tmp_path / "no.sqlite3"
    fa = run(missing, "contacts")
    en = run(missing, "contacts", env={"CRM_DESKTOP_LANG": "en"})
    assert "وجود ندارد" in fa.stderr and "does not exist" in en.stderr


def test_language_tags() -> None:
    assert language_of("fa_IR.UTF-8") == "fa" and language_of("en-GB") == "en"
    assert language_of("EN_us@euro") == "en" and language_of("fa") == "fa"
    assert language_of("C") is None and language_of("") is None
    assert language_of("fr_FR.UTF-8") is None
    assert system_language({}) is None


# Messages of argparse for whoever builds a parser wrongly: no user meets them.
PROGRAMMER_MESSAGES = {
    ".__call__() not defined",
    "conflicting subparser: %s",
    "conflicting subparser alias: %s",
    "cannot merge actions - two groups are named %r",
    "'required' is an invalid argument for positionals",
    "invalid option string %(option)r: must start with a character %(prefix_chars)r",
    "dest= is required for options like %r",
    "invalid conflict_resolution value: %r",
    "conflicting option string: %s",
    "conflicting option strings: %s",
    "mutually exclusive arguments must be optional",
    "cannot have multiple subparser arguments",
    "%r is not callable",
}


def _argparse_messages() -> set[str]:
    tree = ast.parse(Path(argparse.__file__).read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("_", "ngettext"):
            found |= {a.value for a in node.args if isinstance(a, ast.Constant)}
    return {m for m in found if isinstance(m, str)}


def test_every_argparse_message_a_user_meets_has_a_persian_translation() -> None:
    messages = _argparse_messages()
    assert "usage: " in messages and len(messages) > 20  # the source was read
    assert sorted(messages - PROGRAMMER_MESSAGES - set(ARGPARSE_FA)) == []


def test_translations_keep_every_placeholder() -> None:
    placeholder = re.compile(r"%(?:\(\w+\))?[sdr]")
    for english, persian in ARGPARSE_FA.items():
        assert sorted(placeholder.findall(english)) == sorted(placeholder.findall(persian))
        assert english.endswith(("\n", " ")) <= persian.endswith(("\n", " ")), english
