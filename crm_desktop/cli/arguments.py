"""Argument types shared by the subcommands."""

from __future__ import annotations

import argparse

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
