"""The ``crm-desktop`` command line: a stable interface for scripts and scheduled jobs.

Exit status: 0 success, also when the reader of the output stops early (``| head``);
2 bad input, with one line on stderr and nothing written: a file that cannot be read
or is invalid, a database path that does not exist, a read-only or damaged database, a
full disk; 3 try again later (another writer holds the database), nothing written; 1
anything else: a bug, one line naming the log that holds its traceback. No message
prints SQL or a row's values. Messages and ``--help`` follow ``--lang`` (before or
after the command), else ``CRM_DESKTOP_LANG``, else the system's language when it is
Persian or English, else Persian. With no subcommand it opens the main window.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import logging
import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

from crm_desktop import __version__
from crm_desktop.cli import (
    activities,
    contacts,
    deals,
    demo,
    export,
    history,
    importing,
    selfcheck,
)
from crm_desktop.cli.words import requested_language, say, use_language
from crm_desktop.errors import EXIT_BAD_INPUT, UserError
from crm_desktop.language import LANGUAGES
from crm_desktop.paths import default_db_path, log_path

EXIT_OK = 0
GC_SPACING = 10
EXIT_FAILURE = 1
PAGES = (
    "dashboard",
    "contacts",
    "companies",
    "pipeline",
    "activities",
    "campaigns",
    "requests",
    "reports",
    "settings",
)

log = logging.getLogger(__name__)
# Whether this process opened the window (``run`` then exits the normal way).
_window_opened = False


class BadUsage(Exception):
    pass


class Parser(argparse.ArgumentParser):
    """argparse with a one-line error instead of usage + message, and no exit.

    Every parser (each subcommand's too) takes ``--lang``, so that it can come before or
    after the command; only the top one has a default, so a later one wins.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.add_argument(
            "--lang",
            choices=LANGUAGES,
            default=argparse.SUPPRESS,
            help=say(
                "زبان پیام‌ها و راهنما: fa (فارسی) یا en (انگلیسی)؛ پیش‌فرض: "
                "CRM_DESKTOP_LANG، وگرنه زبان سیستم، وگرنه فارسی",
                "language of messages and help: fa (Persian) or en (English); default: "
                "CRM_DESKTOP_LANG, else the system's language, else Persian",
            ),
        )

    def error(self, message: str) -> NoReturn:
        raise BadUsage(message)


def build_parser(lang: str) -> Parser:
    parser = Parser(
        prog="crm-desktop",
        description=say(
            "CRM آفلاین برای دفتر فروش. بدون فرمان، پنجرهٔ برنامه باز می‌شود.",
            "Offline-first CRM for a sales office. With no command it opens the window.",
        ),
        epilog=say(
            "وضعیت خروج: ۰ موفق، ۲ ورودی نادرست (چیزی نوشته نمی‌شود)، "
            "۳ بعداً دوباره امتحان کنید، ۱ خطای برنامه.",
            "Exit status: 0 success, 2 bad input (nothing written), 3 try again later, 1 a bug.",
        ),
    )
    parser.set_defaults(lang=lang)
    parser.add_argument(
        "--version",
        action="version",
        version=f"crm-desktop {__version__}",
        help=say("نمایش نسخهٔ برنامه و خروج", "show the program's version and exit"),
    )
    parser.add_argument(
        "--db",
        type=Path,
        metavar="PATH",
        help=say(
            "فایل پایگاه داده (پیش‌فرض: CRM_DESKTOP_DB یا پوشهٔ دادهٔ کاربر)",
            "database file (default: CRM_DESKTOP_DB or the user data folder)",
        ),
    )
    parser.add_argument(
        "--page",
        choices=PAGES,
        help=say("صفحه‌ای که پنجره با آن باز می‌شود", "the page the window opens on"),
    )
    commands = parser.add_subparsers(dest="command", parser_class=Parser, metavar="COMMAND")
    demo.register(commands)
    importing.register(commands)
    export.register(commands)
    contacts.register(commands)
    deals.register(commands)
    activities.register(commands)
    history.register(commands)
    selfcheck.register(commands)
    return parser


def _report_bug(exc: BaseException) -> None:
    path = log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as f:
            f.write("".join(traceback.format_exception(exc)))
        where = say(f"؛ جزئیات در {path}", f" (details in {path})")
    except OSError:
        where = ""
    # Only the type: the message of a database error carries its SQL statement.
    name = type(exc).__name__
    print(
        say(
            f"crm-desktop: خطای درونی برنامه ({name}){where}",
            f"crm-desktop: internal error: {name}{where}",
        ),
        file=sys.stderr,
    )


def _utf8_streams() -> None:
    # Persian output piped from a Windows console would otherwise be encoded in the
    # ANSI code page (or fail); scripts reading our JSON expect UTF-8.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and (stream.encoding or "").lower() != "utf-8":
            reconfigure(encoding="utf-8")


def run() -> NoReturn:
    """The ``crm-desktop`` program: ``main``, then a quick exit.

    Scripts and scheduled jobs start the command cold every time, and tearing the
    interpreter down (freeing every module and object one by one) costs them 80-230 ms
    after the work is done. A command has closed its database and said everything by
    then, so once the output is flushed the process ends at once. The window leaves the
    normal way: Qt cleans up its own objects when the interpreter does.
    """
    # Importing the database layer makes a few hundred thousand objects, and the
    # collector would walk them all again and again while they are made (about a
    # tenth of a cold command): collect ten times less often; cycles still go.
    first, *older = gc.get_threshold()
    gc.set_threshold(first * GC_SPACING, *older)
    status = main()
    if _window_opened:
        raise SystemExit(status)
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        status = EXIT_OK  # the reader stopped early: a normal end, as in ``main``
    except (OSError, ValueError):
        pass
    with contextlib.suppress(OSError, ValueError):
        sys.stderr.flush()
    logging.shutdown()  # what ``atexit`` would have done for the log handlers
    os._exit(status)


def main(argv: Sequence[str] | None = None) -> int:
    _utf8_streams()
    arguments = sys.argv[1:] if argv is None else list(argv)
    lang = requested_language(arguments)
    use_language(lang)
    try:
        return _main(arguments, lang)
    except BrokenPipeError:
        # The reader stopped early (``| head``): a normal end for a command-line tool.
        # Python would still flush what is left at exit and complain about the closed
        # pipe; point stdout at nothing first (the recipe of Python's signal docs).
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        return EXIT_OK


def _main(arguments: list[str], lang: str) -> int:
    parser = build_parser(lang)
    try:
        args = parser.parse_args(arguments)
    except BadUsage as exc:
        print(f"crm-desktop: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except SystemExit:  # --help, --version: printed, a success
        sys.stdout.flush()
        return EXIT_OK
    use_language(args.lang)
    args.db = args.db or default_db_path()
    return _run(args)


def _run(args: argparse.Namespace) -> int:
    try:
        if args.command is None:
            return _open_window(args)
        result: int = args.run(args)
        sys.stdout.flush()  # here, so that a closed pipe is met while it can be handled
    except BrokenPipeError:
        raise
    except UserError as exc:
        result = _user_error(exc, args.lang)
    except KeyboardInterrupt:
        print(
            say(
                "crm-desktop: لغو شد؛ چیزی نوشته نشد.",
                "crm-desktop: cancelled; nothing was written",
            ),
            file=sys.stderr,
        )
        result = EXIT_FAILURE
    except Exception as exc:
        from crm_desktop.models.database import user_error

        # Last resort: a database failure that reached here untranslated.
        error = user_error(exc, Path(args.db).expanduser().resolve())
        if error is None:
            _report_bug(exc)
            return EXIT_FAILURE
        result = _user_error(error, args.lang)
    return result


def _user_error(exc: UserError, lang: str) -> int:
    print(f"crm-desktop: {exc.message(lang)}", file=sys.stderr)
    return exc.exit_code


def _open_window(args: argparse.Namespace) -> int:
    global _window_opened  # noqa: PLW0603 - one process, one window
    _window_opened = True
    from crm_desktop.ui.shell.launch import open_window

    # A file that cannot be opened, or whose first screens meet damage, is said in a
    # box as well (``open_window``): a window has no terminal to read the line on stderr.
    return open_window(args.db, lang=args.lang, page=args.page)
