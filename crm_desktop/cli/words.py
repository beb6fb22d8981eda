"""The command line's own words in the user's language, argparse's included.

``--help`` and usage errors follow the language of the messages (``--lang``, else
``CRM_DESKTOP_LANG``, else the system's, else Persian). Help texts are written in both
languages where the parser is built (``say(fa, en)``); argparse's own words ("usage:",
"options", "the following arguments are required"...) go through ``gettext`` in
argparse, which looks its ``_`` up in its module at each use: ``use_language`` puts a
Persian catalogue there. Option names and metavars stay Latin, as typed.
"""

from __future__ import annotations

import argparse
import datetime as _dt
from collections.abc import Sequence

from crm_desktop.language import LANGUAGES, default_language

_language = "fa"

# argparse's messages a user can meet (Python 3.11, and some later ones). Its other
# messages are for the programmer (a parser built wrongly) and stay English;
# ``tests/test_cli_help.py`` fails when the Python in use has a user-facing one more.
ARGPARSE_FA = {
    "usage: ": "طرز استفاده: ",
    "positional arguments": "آرگومان‌ها",
    "options": "گزینه‌ها",
    "show this help message and exit": "نمایش همین راهنما و خروج",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s: %(message)s",
    "the following arguments are required: %s": "این آرگومان‌ها لازم‌اند: %s",
    "one of the arguments %s is required": "یکی از آرگومان‌های %s لازم است",
    "unrecognized arguments: %s": "آرگومان‌های ناشناخته: %s",
    "not allowed with argument %s": "همراه با %s پذیرفته نیست",
    "ignored explicit argument %r": "این گزینه مقدار نمی‌گیرد: %r",
    "expected one argument": "یک مقدار لازم است",
    "expected at most one argument": "حداکثر یک مقدار پذیرفته است",
    "expected at least one argument": "دست‌کم یک مقدار لازم است",
    "expected %s argument": "%s مقدار لازم است",
    "expected %s arguments": "%s مقدار لازم است",
    "ambiguous option: %(option)s could match %(matches)s": (
        "گزینهٔ مبهم: %(option)s می‌تواند هر یک از این‌ها باشد: %(matches)s"
    ),
    "unexpected option string: %s": "گزینهٔ نابه‌جا: %s",
    "invalid %(type)s value: %(value)r": "مقدار نامعتبر (%(type)s): %(value)r",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "مقدار نامعتبر: %(value)r (یکی از %(choices)s)"
    ),
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "فرمان ناشناخته: %(parser_name)r (یکی از %(choices)s)"
    ),
    "can't open '%(filename)s': %(error)s": "«%(filename)s» باز نشد: %(error)s",
    'argument "-" with mode %r': "«-» با حالت %r",
    "%(prog)s: error: %(message)s\n": "%(prog)s: خطا: %(message)s\n",
    # Later Pythons (3.14): suggestions, warnings, headings through gettext
    "invalid choice: %(value)r, maybe you meant %(closest)r? (choose from %(choices)s)": (
        "مقدار نامعتبر: %(value)r؛ شاید %(closest)r؟ (یکی از %(choices)s)"
    ),
    "%(prog)s: warning: %(message)s\n": "%(prog)s: هشدار: %(message)s\n",
    "%(heading)s:": "%(heading)s:",
}


def _gettext(message: str) -> str:
    return ARGPARSE_FA.get(message, message) if _language == "fa" else message


def _ngettext(singular: str, plural: str, n: int) -> str:
    return _gettext(singular if n == 1 else plural)


def use_language(lang: str) -> None:
    """Speak ``lang`` from now on: help texts built after this and argparse's words."""
    global _language  # noqa: PLW0603 - argparse's catalogue is process-wide anyway
    _language = lang
    # argparse imported gettext's functions into its module; it reads them at each use.
    vars(argparse)["_"] = _gettext
    vars(argparse)["ngettext"] = _ngettext


def language() -> str:
    return _language


def say(fa: str, en: str) -> str:
    """The text in the language in use (``use_language``)."""
    return fa if _language == "fa" else en


def requested_language(argv: Sequence[str]) -> str:
    """The language asked for anywhere in ``argv`` (the last ``--lang`` wins, as in
    argparse; abbreviations too), else the default; read before parsing so that
    ``--help`` and usage errors can be in it."""
    chosen = None
    tokens = list(argv)
    for i, token in enumerate(tokens):
        if token == "--":
            break
        name, eq, value = token.partition("=")
        if len(name) < 3 or not "--lang".startswith(name):
            continue
        if not eq:
            value = tokens[i + 1] if i + 1 < len(tokens) else ""
        if value in LANGUAGES:
            chosen = value
    return chosen or default_language()


def office_moment(at: _dt.datetime, fa: bool) -> str:
    """A stored (naive UTC) time as the office reads it: its Jalali day and its clock
    (Tehran), Persian digits for the Persian output."""
    from crm_desktop.locale import IRAN_UTC_OFFSET, format_jalali, to_persian_digits

    local = at + IRAN_UTC_OFFSET
    text = f"{format_jalali(local.date(), persian_digits=False)} {local:%H:%M}"
    return to_persian_digits(text) if fa else text
