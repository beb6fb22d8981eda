"""Errors the user can act on, as opposed to bugs.

A ``UserError`` carries its message in Persian (for the window) and in English (for the
command line with ``--lang en``). Anything that is not a ``UserError`` is a bug: it is
logged with its traceback and reported as such.
"""

from __future__ import annotations


class UserError(Exception):
    """Something the user can fix: bad input, an unreadable file, a locked database."""

    def __init__(self, fa: str, en: str) -> None:
        super().__init__(en)
        self.fa = fa
        self.en = en

    def message(self, lang: str = "fa") -> str:
        return self.fa if lang == "fa" else self.en


class InvalidInput(UserError):
    """A value typed or imported by the user is not valid (bad phone, date, email...)."""


class NotFound(UserError):
    """The record the user named does not exist (or is in the trash)."""


class DatabaseError(UserError):
    """The database file cannot be used: not a database, from a newer app, locked..."""
