"""Birth dates on the real command line: a year above 1700 is Gregorian, and a birth
date in the future or before 1900 is bad input (exit 2, one line, nothing written)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.test_cli import run


def one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("crm-desktop: "), result.stderr
    return lines[0]


def test_a_gregorian_birth_date_is_stored_as_typed(db_path: Path) -> None:
    result = run(db_path, "contact", "add", "first_name=نگار", "birth_date=2024-01-01", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["birth_date"] == "2024-01-01"
    result = run(db_path, "contact", "add", "first_name=سارا", "birth_date=۱۳۶۵/۰۴/۱۲", "--json")
    assert json.loads(result.stdout)["birth_date"] == "1986-07-03"


@pytest.mark.parametrize(
    ("typed", "fa", "en"),
    [
        ("1500/01/01", "۲۱ مارس ۲۱۲۱", "is in the future"),
        ("۱۵۰۰/۰۱/۰۱", "آینده", "21 March 2121"),
        ("9999/12/29", "میلادی", "Gregorian 29 December 9999"),
        ("1800-05-05", "۱۹۰۰", "before 1 January 1900"),
        ("2023/02/29", "فوریه", "February 2023 has 28 days"),
    ],
)
def test_an_impossible_birth_date_exits_2_and_writes_nothing(
    db_path: Path, typed: str, fa: str, en: str
) -> None:
    before = db_path.read_bytes()
    line = one_line_error(run(db_path, "contact", "add", "first_name=x", f"birth_date={typed}"))
    assert fa in line
    line = one_line_error(
        run(db_path, "--lang", "en", "contact", "add", "first_name=x", f"birth_date={typed}")
    )
    assert en in line
    assert db_path.read_bytes() == before


def test_edit_refuses_a_future_birth_date(db_path: Path) -> None:
    added = run(db_path, "contact", "add", "first_name=نگار", "birth_date=1365/04/12", "--json")
    contact_id = json.loads(added.stdout)["id"]
    before = db_path.read_bytes()
    one_line_error(run(db_path, "contact", "edit", contact_id, "birth_date=9999/12/29"))
    assert db_path.read_bytes() == before
    listed = json.loads(run(db_path, "contacts", "--json").stdout)
    assert [c["birth_date"] for c in listed] == ["1986-07-03"]
