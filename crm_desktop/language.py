"""The user's language when nobody said: ``CRM_DESKTOP_LANG``, else the system's.

One rule for the command line (its messages and ``--help``) and the window (started by
the command line with the language it settled on): ``--lang`` when given, else the
environment variable ``CRM_DESKTOP_LANG``, else the system language when it is Persian
or English, else Persian, the office's language.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping

LANGUAGES = ("fa", "en")
LANG_ENV = "CRM_DESKTOP_LANG"
FALLBACK = "fa"
# POSIX order of precedence for the language of messages (LANGUAGE is GNU's list of
# translations to try, not the locale; it is left out as most programs do).
_POSIX_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")


def default_language(environ: Mapping[str, str] | None = None) -> str:
    env = os.environ if environ is None else environ
    return language_of(env.get(LANG_ENV, "")) or system_language(env) or FALLBACK


def system_language(environ: Mapping[str, str] | None = None) -> str | None:
    """``fa`` or ``en`` when the system's language is one of them, otherwise None."""
    if sys.platform == "win32":
        return _windows_language()
    env = os.environ if environ is None else environ
    for name in _POSIX_VARIABLES:
        value = env.get(name)
        if value:
            # The first variable set decides, as for every program: LC_ALL=C means C.
            return language_of(value)
    return None


def language_of(tag: str) -> str | None:
    """``fa_IR.UTF-8``, ``en-GB``, ``fa`` -> ``fa``/``en``; anything else -> None."""
    code = tag.strip().split(".")[0].split("@")[0].replace("-", "_").split("_")[0].lower()
    return code if code in LANGUAGES else None


if sys.platform == "win32":

    def _windows_language() -> str | None:
        # The language of Windows' own menus, which is what the user reads all day; the
        # locale (number formats) is often Persian on an English Windows and vice versa.
        import ctypes
        import locale

        langid = ctypes.windll.kernel32.GetUserDefaultUILanguage()
        return language_of(locale.windows_locale.get(langid, "")) or language_of(
            locale.getlocale()[0] or ""
        )
