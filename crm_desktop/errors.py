"""Errors the user can act on, as opposed to bugs.

A ``UserError`` carries its message in Persian (for the window) and in English (for the
command line with ``--lang en``), and the exit status the command line ends with: 2 for
bad input (retrying the same thing fails the same way), 3 for "try again later".
Anything that is not a ``UserError`` is a bug: it is logged with its traceback and
reported as such.

The database errors below are what SQLite's failures mean to the user;
``models.database.user_error`` is the one place that turns a failure into one of them.
None of their messages carries SQL or a row's values: those hold customers' data.
"""

from __future__ import annotations

from pathlib import Path

EXIT_BAD_INPUT = 2
EXIT_TRY_LATER = 3


class UserError(Exception):
    """Something the user can fix: bad input, an unreadable file, a locked database."""

    exit_code = EXIT_BAD_INPUT

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


class DatabaseMissing(DatabaseError):
    """No database at the path given: most often a mistyped ``--db``."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"پایگاه دادهٔ «{path}» وجود ندارد؛ نشانی را بررسی کنید (--db یا CRM_DESKTOP_DB). "
            "پایگاه جدید را «crm-desktop demo» یا نخستین اجرای برنامه می‌سازد.",
            f"the database {path} does not exist; check the path (--db or CRM_DESKTOP_DB). "
            "A new one is made by 'crm-desktop demo' or by the window's first run.",
        )


class DatabaseBusy(DatabaseError):
    """Another writer (a big import, another program) held the database too long."""

    exit_code = EXIT_TRY_LATER

    def __init__(self) -> None:
        super().__init__(
            "پایگاه داده مشغول کار دیگری است (مثلاً ورود اطلاعات)؛ "
            "چند لحظه بعد دوباره امتحان کنید. چیزی از این کار ذخیره نشد.",
            "The database is busy with other work (an import, say); try again in a "
            "moment. Nothing of this was saved.",
        )


class DiskFull(DatabaseError):
    """The disk holding the database (or its backup) has no room left."""

    def __init__(self, path: Path | None = None) -> None:
        where = f"؛ دیسکی که «{path}» روی آن است جایی ندارد" if path is not None else ""
        where_en = f" ({path} is on it)" if path is not None else ""
        super().__init__(
            f"دیسک پر است{where}. جا باز کنید و دوباره امتحان کنید؛ چیزی ذخیره نشد.",
            f"The disk is full{where_en}; free some space and try again. Nothing was saved.",
        )


class ReadOnlyDatabase(DatabaseError):
    """The database file, or the folder it is in, cannot be written."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"پایگاه دادهٔ «{path}» فقط‌خواندنی است (خود فایل یا پوشه‌اش اجازهٔ نوشتن "
            "ندارد)؛ چیزی ذخیره نشد.",
            f"The database {path} is read-only (the file or its folder cannot be "
            "written); nothing was saved.",
        )


class DamagedDatabase(DatabaseError):
    """SQLite found the file damaged (corrupt pages, a broken header...)."""

    def __init__(self, path: Path, backup: Path | None = None) -> None:
        pattern = f"{path.name}.before-*.bak"
        if backup is not None:
            fa_hint = f"جدیدترین نسخهٔ پشتیبان کنار آن «{backup.name}» است"
            en_hint = f"the newest backup beside it is {backup.name}"
        else:
            fa_hint = f"نسخه‌های پشتیبان کنار آن به نام «{pattern}» نگه داشته می‌شوند"
            en_hint = f"backups are kept beside it as {pattern}"
        super().__init__(
            f"فایل پایگاه دادهٔ «{path}» آسیب دیده است و چیزی در آن نوشته نشد؛ {fa_hint}.",
            f"The database file {path} is damaged and nothing was written to it; {en_hint}.",
        )
