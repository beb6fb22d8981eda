"""Argument types shared by the subcommands."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from typing import Any, Protocol, TypeVar

from crm_desktop.cli.words import say


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            say(f"عدد صحیح نیست: {text!r}", f"not a whole number: {text!r}")
        ) from None
    if value < 1:
        raise argparse.ArgumentTypeError(
            say(f"باید ۱ یا بیشتر باشد: {text}", f"must be 1 or more: {text}")
        )
    return value


class AsJson(Protocol):
    def as_json(self) -> dict[str, Any]: ...


T = TypeVar("T", bound=AsJson)


def print_records(records: Sequence[T], as_json: bool, line: Callable[[T], str]) -> None:
    """A list's records: one JSON array (``--json``), or one line each."""
    if as_json:
        json.dump([r.as_json() for r in records], sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        for record in records:
            print(line(record))
