"""The command line as scripts use it: real processes, real database files."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from crm_desktop import __version__

# What decides the language when --lang is not given; the machine running the tests
# must not (an English CI image would turn every message English).
LANGUAGE_VARIABLES = ("CRM_DESKTOP_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")


def cli_env(env: dict[str, str] | None = None) -> dict[str, str]:
    """The environment of a command run by a test: no language chosen, UTF-8 output."""
    base = {k: v for k, v in os.environ.items() if k not in LANGUAGE_VARIABLES}
    return {**base, "PYTHONIOENCODING": "utf-8", **(env or {})}


def command(db: Path | None, *args: str) -> list[str]:
    prefix = [sys.executable, "-m", "crm_desktop"]
    return [*prefix, "--db", str(db), *args] if db is not None else [*prefix, *args]


def run(
    db: Path | None, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command(db, *args),
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=cli_env(env),
        timeout=120,
        check=False,
    )


def ok_json(db: Path, *args: str) -> object:
    result = run(db, *args, "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def assert_bad_input(result: subprocess.CompletedProcess[str]) -> None:
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("crm-desktop: "), result.stderr


SQL_WORDS = re.compile(r"\b(INSERT|SELECT|UPDATE|DELETE FROM|VALUES|WHERE)\b", re.IGNORECASE)
PERSIAN = re.compile(r"[\u0600-\u06FF]")


def assert_user_message(
    result: subprocess.CompletedProcess[str], status: int = 2, *, absent: tuple[str, ...] = ()
) -> str:
    """What a user (or a script) checks on a failure: the exit status, one line on
    stderr, in Persian (no --lang given), no SQL, none of the values typed; its text."""
    assert result.returncode == status, (result.returncode, result.stdout, result.stderr)
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("crm-desktop: "), result.stderr
    assert PERSIAN.search(lines[0]), result.stderr
    assert not SQL_WORDS.search(lines[0]), result.stderr
    for value in absent:
        assert value not in result.stderr
    return lines[0]


CONTACT_KEYS = {
    "id",
    "first_name",
    "last_name",
    "full_name",
    "company",
    "job_title",
    "phones",
    "emails",
    "city",
    "province",
    "birth_date",
    "lead_source",
    "owner",
    "lifecycle",
    "tags",
}


def test_version() -> None:
    result = run(None, "--version")
    assert result.returncode == 0 and result.stdout.strip() == f"crm-desktop {__version__}"


def test_add_list_edit_delete_round_trip(db_path: Path) -> None:
    added = ok_json(
        db_path,
        "contact",
        "add",
        "first_name=علي",
        "last_name=رضايي",
        "phone=۰۹۱۲۱۲۳۴۵۶۷",
        "email=Ali.Rezaei@Example.com",
        "company=پارس کالا",
        "birth_date=۱۳۶۵/۰۴/۱۲",
        "tags=ویژه,عمده",
        "lead_source=نمایشگاه و رویداد",
        "city=تهران",
        "province=تهران",
    )
    assert isinstance(added, dict) and added.keys() >= CONTACT_KEYS
    assert added["full_name"] == "علی رضایی"
    assert added["phones"] == ["+989121234567"] and added["emails"] == ["ali.rezaei@example.com"]
    assert added["birth_date"] == "1986-07-03" and added["company"] == "پارس کالا"
    assert added["lead_source"] == "نمایشگاه و رویداد" and added["lifecycle"] == "lead"

    listed = ok_json(db_path, "contacts", "--search", "علی")
    assert listed == [added]
    assert ok_json(db_path, "contacts", "--search", "۰۹۱۲") == [added]
    assert ok_json(db_path, "contacts", "--search", "پارس") == [added]

    edited = ok_json(
        db_path,
        "contact",
        "edit",
        added["id"],
        "city=اصفهان",
        "phone=09351234567",
        "birth_date=1365-4-12",
        "lifecycle=prospect",
    )
    assert isinstance(edited, dict)
    assert edited["city"] == "اصفهان" and edited["lifecycle"] == "prospect"
    assert edited["phones"] == ["+989121234567", "+989351234567"]

    result = run(db_path, "contact", "delete", added["id"])
    assert result.returncode == 0 and result.stdout == ""
    assert ok_json(db_path, "contacts") == []


def test_plain_listing_and_limit(db_path: Path) -> None:
    for name in ("الف", "ب", "پ"):
        assert run(db_path, "contact", "add", f"first_name={name}").returncode == 0
    result = run(db_path, "contacts", "--limit", "2")
    assert result.returncode == 0
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    assert [r[1] for r in rows] == ["الف", "ب"]


@pytest.mark.parametrize(
    "args",
    [
        ["contact", "add", "first_name=x", "birth_date=1404/13/01"],
        ["contact", "add", "first_name=x", "birth_date=۱۴۰۴/۱۲/۳۰"],
        ["contact", "add", "first_name=x", "phone=12"],
        ["contact", "add", "first_name=x", "email=negar@@ayandeh.example"],
        ["contact", "add", "first_name=x", "colour=blue"],
        ["contact", "add", "first_name=x", "owner=nobody"],
        ["contact", "add", "first_name=x", "lifecycle=vip"],
        ["contact", "add", "no-equals-sign"],
        ["contact", "add", "phone=09121234567"],
        ["contact", "edit", "no-such-id", "city=قم"],
        ["contact", "delete", "no-such-id"],
        ["contacts", "--limit", "0"],
        ["contacts", "--limit", "many"],
        ["no-such-command"],
    ],
)
def test_bad_input_exits_2_with_one_line_and_writes_nothing(db_path: Path, args: list[str]) -> None:
    before = db_path.read_bytes()
    assert_bad_input(run(db_path, *args))
    assert db_path.read_bytes() == before


def test_bad_input_never_creates_the_database(tmp_path: Path) -> None:
    path = tmp_path / "never.sqlite3"
    assert_bad_input(run(path, "contact", "add", "first_name=x", "birth_date=فردا"))
    assert not path.exists()


def test_messages_follow_the_language(db_path: Path) -> None:
    fa = run(db_path, "contact", "add", "first_name=x", "phone=12")
    en = run(db_path, "--lang", "en", "contact", "add", "first_name=x", "phone=12")
    assert "معتبر نیست" in fa.stderr
    assert "invalid phone" in en.stderr.lower()


def test_a_database_from_a_newer_app_exits_2(db_path: Path) -> None:
    import sqlite3

    conn = sqlite3.connect(db_path)
    with conn:
        conn.execute("UPDATE alembic_version SET version_num = 'ffff'")
    conn.close()  # the last connection to close folds the WAL into the file
    before = db_path.read_bytes()
    result = run(db_path, "--lang", "en", "contacts")
    assert_bad_input(result)
    assert "newer version" in result.stderr
    assert db_path.read_bytes() == before


def test_db_from_environment(db_path: Path, tmp_path: Path) -> None:
    copy = tmp_path / "env.sqlite3"
    shutil.copyfile(db_path, copy)
    assert (
        run(None, "contact", "add", "first_name=مینا", env={"CRM_DESKTOP_DB": str(copy)}).returncode
        == 0
    )
    listed = ok_json(copy, "contacts")
    assert isinstance(listed, list) and [c["first_name"] for c in listed] == ["مینا"]


def test_demo_then_list(tmp_path: Path) -> None:
    path = tmp_path / "demo.sqlite3"
    result = run(path, "--lang", "en", "demo", "--contacts", "120", "--seed", "7")
    assert result.returncode == 0, result.stderr
    assert "120 contacts" in result.stdout
    listed = ok_json(path, "contacts")
    assert isinstance(listed, list) and len(listed) == 120
    assert all(c["owner"] for c in listed)
    assert all(p.startswith("+98") for c in listed for p in c["phones"])
    # A second demo into the same database is refused and changes nothing.
    before = path.read_bytes()
    assert_bad_input(run(path, "demo", "--contacts", "10"))
    assert path.read_bytes() == before
