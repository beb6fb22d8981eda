"""Databases left by every past version of the app, upgraded by the real migrations.

Each ``tests/data/schema_versions/crm-REV.sqlite3`` is a small office's file at revision
REV (how they are made, and when to add one: the README there). A copy of each is
opened with ``open_database``, as the app opens it, and checked for what its users
would notice: a row or a value gone, a contact search cannot find, a damaged file, a
missing backup, or a second opening that changes something again.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable, Iterator, Mapping
from contextlib import closing, contextmanager
from dataclasses import dataclass
from operator import itemgetter
from pathlib import Path
from typing import Any

import pytest

from crm_desktop.models.database import open_database
from crm_desktop.services.contacts import list_contacts
from tests.data.schema_versions import FOLDER as FIXTURES
from tests.data.schema_versions import columns, data_tables, fixture_name, revisions

Row = Mapping[str, Any]


@dataclass(frozen=True)
class Transform:
    """What a migration made of a fixture's column on purpose: the column that holds it
    after the upgrade (None: dropped), and its value there computed from the old row
    (None: the old value, unchanged). ``compared=False`` is for values that follow from
    other rows too (positions turned into ranks): name the test that checks them."""

    column: str | None
    value: Callable[[Row], Any] | None = None
    compared: bool = True


# Columns that a migration renames, converts or drops on purpose, by (table, column) as
# a fixture has them. Without an entry, every column of every fixture must come out of
# the upgrade under its name with its value, so a migration that changes one fails here
# until it says so. The entry applies to every fixture that has the column; those
# made after the migration have the new column and are compared as they are. E.g.:
#   ("contacts", "job_title"): Transform("title"),  # renamed, same values
#   ("deals", "amount"): Transform("amount", lambda row: row["amount"] // 10),  # to tomans
#   ("deals", "position"): Transform("position", compared=False),  # test_deal_order_kept
#   ("contacts", "fax"): Transform(None),  # dropped: nothing read it any more
TRANSFORMED: dict[tuple[str, str], Transform] = {
    # 0005: floats became order keys, in the same order per stage:
    # test_deal_positions_become_order_keys_in_the_same_order.
    ("deals", "position"): Transform("position", compared=False),
    # 0008: the lead score is worked out from rules, no longer typed:
    # test_lead_scores_are_worked_out_from_the_rules.
    ("contacts", "lead_score"): Transform("lead_score", compared=False),
}

# crm-0004 was made while 0004 was the head, for the migration after it being written.
NEWEST_MADE = "0004"

FIXTURE_REVISIONS = sorted(
    p.name.removeprefix("crm-").removesuffix(".sqlite3") for p in FIXTURES.glob("crm-*.sqlite3")
)
OLDEST = FIXTURES / fixture_name("0001")


@contextmanager
def reading(path: Path) -> Iterator[sqlite3.Connection]:
    """A connection that cannot change the file (the committed fixtures least of all)."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    with closing(conn):
        yield conn


def _primary_key(conn: sqlite3.Connection, table: str) -> list[str]:
    info = sorted(conn.execute(f'PRAGMA table_info("{table}")'), key=itemgetter(5))
    return [row[1] for row in info if row[5]]


def differences(
    before: Path, after: Path, transformed: Mapping[tuple[str, str], Transform] = TRANSFORMED
) -> list[str]:
    """What ``before`` held that ``after`` lost or changed, row by row (by primary key),
    in the columns ``before`` has; ``transformed`` says which changes were meant."""
    problems: list[str] = []
    with reading(before) as old, reading(after) as new:
        old.row_factory = new.row_factory = sqlite3.Row
        kept = set(data_tables(new))
        for table in data_tables(old):
            # column after the upgrade -> its expected value, from the old row
            expected: dict[str, Callable[[Row], Any]] = {}
            renamed: dict[str, str] = {}
            unchecked: set[str] = set()
            for column in columns(old, table):
                rule = transformed.get((table, column), Transform(column))
                if rule.column is not None:
                    expected[rule.column] = rule.value or itemgetter(column)
                    renamed[column] = rule.column
                    if not rule.compared:
                        unchecked.add(rule.column)
            if not expected:
                continue
            if table not in kept:
                problems.append(f"{table}: the table is gone")
                continue
            gone = sorted(set(expected) - set(columns(new, table)))
            problems += [f"{table}.{column}: the column is gone" for column in gone]
            for column in gone:
                del expected[column]
            key = [renamed[c] for c in _primary_key(old, table) if c in renamed] or list(expected)
            if not set(key) <= set(expected):
                problems.append(f"{table}: rows cannot be matched, a key column is gone")
                continue
            select = ", ".join(f'"{c}"' for c in expected)
            rows = {
                tuple(row[c] for c in key): row
                for row in new.execute(f'SELECT {select} FROM "{table}"')
            }
            for old_row in old.execute(f'SELECT * FROM "{table}" ORDER BY rowid'):
                values = {column: value(old_row) for column, value in expected.items()}
                pk = tuple(values[c] for c in key)
                row = rows.get(pk)
                if row is None:
                    problems.append(f"{table} {pk}: the row is gone")
                    continue
                problems += [
                    f"{table} {pk}: {column} was {values[column]!r}, is {row[column]!r}"
                    for column in expected
                    if row[column] != values[column] and column not in unchecked
                ]
    return problems


def contents(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, SQLite's schema and the search indexes' own included."""
    with reading(path) as conn:
        tables = [
            name
            for name, sql in conn.execute("SELECT name, sql FROM sqlite_master WHERE type='table'")
            if not sql.startswith("CREATE VIRTUAL")  # its rows are in its shadow tables
        ]
        found = {"sqlite_master": sorted(map(tuple, conn.execute("SELECT * FROM sqlite_master")))}
        for table in tables:
            rows = conn.execute(f'SELECT * FROM "{table}"')
            found[table] = sorted((tuple(r) for r in rows), key=repr)
    return found


@dataclass(frozen=True)
class Upgraded:
    revision: str
    fixture: Path  # the committed file, only read
    path: Path  # a copy, upgraded by open_database

    @property
    def backups(self) -> list[Path]:
        return sorted(self.path.parent.glob(f"{self.path.name}.before-*.bak"))


@pytest.fixture(scope="module", params=FIXTURE_REVISIONS)
def upgraded(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Upgraded:
    """Each fixture, upgraded once for the checks that only read it."""
    revision: str = request.param
    fixture = FIXTURES / fixture_name(revision)
    path = tmp_path_factory.mktemp(f"crm-{revision}") / fixture.name
    shutil.copyfile(fixture, path)
    open_database(path).close()
    return Upgraded(revision, fixture, path)


# ------------------------------------------------------------------------ fixtures


def test_every_revision_but_the_head_has_its_fixture() -> None:
    known = revisions()
    # The head's fixture is added when the next migration lands (README.md); the
    # migration being written may change the head's schema until then.
    required = known[: max(len(known) - 1, known.index(NEWEST_MADE) + 1)]
    present = {p.name for p in FIXTURES.glob("crm-*.sqlite3")}
    missing = [fixture_name(r) for r in required if fixture_name(r) not in present]
    assert missing == [], f"add {missing} (tests/data/schema_versions/README.md)"
    assert present <= {fixture_name(r) for r in known}, "a fixture of an unknown revision"


@pytest.mark.parametrize("revision", FIXTURE_REVISIONS)
def test_fixture_is_at_its_revision_with_rows_in_every_table(revision: str) -> None:
    with reading(FIXTURES / fixture_name(revision)) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [(revision,)]
        empty = [
            t for t in data_tables(conn) if not conn.execute(f'SELECT 1 FROM "{t}"').fetchone()
        ]
    assert empty == []


# ----------------------------------------------------------------------- upgrades


def test_upgrade_keeps_every_row_and_value(upgraded: Upgraded) -> None:
    problems = differences(upgraded.fixture, upgraded.path)
    assert problems == [], "\n".join(problems[:20])


_TABLE_CONSTRAINTS = ("CONSTRAINT ", "PRIMARY KEY", "FOREIGN KEY", "UNIQUE", "CHECK")


def _statement(sql: str) -> str:
    """``sql`` with its spaces collapsed and, in a CREATE TABLE, the table's constraints
    sorted: Alembic's batch mode writes a rebuilt table's constraints in no fixed order."""
    sql = " ".join(sql.split())
    if not sql.startswith("CREATE TABLE"):
        return sql
    head, _, rest = sql.partition("(")
    body, _, tail = rest.rpartition(")")
    parts, depth, start = [], 0, 0
    for i, char in enumerate(body):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "," and depth == 0:
            parts.append(body[start:i].strip())
            start = i + 1
    parts.append(body[start:].strip())
    constraints = sorted(p for p in parts if p.startswith(_TABLE_CONSTRAINTS))
    table_columns = [p for p in parts if not p.startswith(_TABLE_CONSTRAINTS)]
    return f"{head}({', '.join(table_columns + constraints)}){tail}"


def schema(path: Path) -> set[tuple[str, str, str]]:
    with reading(path) as conn:
        rows = conn.execute("SELECT type, name, sql FROM sqlite_master WHERE sql NOT NULL")
        return {(kind, name, _statement(sql)) for kind, name, sql in rows}


def test_upgraded_file_has_the_schema_of_a_new_one(upgraded: Upgraded, template_db: Path) -> None:
    assert schema(upgraded.path) ^ schema(template_db) == set()


def test_upgraded_file_is_sound(upgraded: Upgraded) -> None:
    with reading(upgraded.path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_search_finds_contacts_by_name_and_phone(upgraded: Upgraded) -> None:
    with reading(upgraded.fixture) as conn:
        people = conn.execute(
            "SELECT c.id, c.first_name, c.last_name, p.number FROM contacts c "
            "JOIN contact_phones p ON p.contact_id = c.id AND p.position = 0 "
            "AND p.deleted_at IS NULL WHERE c.deleted_at IS NULL ORDER BY c.rowid"
        ).fetchall()
    typed_arabic = [p for p in people if {"ي", "ك"} & set(p[1] + p[2])]
    assert len(people) > 100 and typed_arabic, "the fixture lacks what this test searches"
    with open_database(upgraded.path) as db:
        for contact_id, first, last, number in [*people[::20], *typed_arabic]:
            name = f"{first} {last}".replace("ي", "ی").replace("ك", "ک")
            national = "0" + number.removeprefix("+98") if number.startswith("+98") else number
            for query in (name, national, number[-7:]):
                assert contact_id in {c.id for c in list_contacts(db, query)}, query


def test_backup_holds_the_file_as_it_was(upgraded: Upgraded) -> None:
    if upgraded.revision == revisions()[-1]:
        assert upgraded.backups == []  # nothing to migrate, nothing to back up
        return
    [backup] = upgraded.backups
    assert backup.name.startswith(f"{upgraded.fixture.name}.before-{upgraded.revision}-")
    assert contents(backup) == contents(upgraded.fixture)


def test_opening_again_changes_nothing(upgraded: Upgraded, tmp_path: Path) -> None:
    path = tmp_path / upgraded.path.name
    shutil.copyfile(upgraded.path, path)
    before = contents(path)
    open_database(path).close()
    assert contents(path) == before
    assert list(tmp_path.glob("*.bak")) == []


# ---------------------------------------------------- the comparison itself fails


@pytest.fixture
def spoilt(tmp_path: Path) -> Path:
    """A copy of the oldest fixture, to spoil as a migration could."""
    path = tmp_path / "spoilt.sqlite3"
    shutil.copyfile(OLDEST, path)
    return path


@contextmanager
def spoiling(path: Path) -> Iterator[sqlite3.Connection]:
    conn = sqlite3.connect(path, isolation_level=None)  # each statement on its own
    with closing(conn):
        yield conn


def test_comparison_finds_a_lost_row(spoilt: Path) -> None:
    with spoiling(spoilt) as conn:
        phone = conn.execute("SELECT id FROM contact_phones ORDER BY rowid LIMIT 1").fetchone()[0]
        conn.execute("DELETE FROM contact_phones WHERE id = ?", (phone,))
    assert differences(OLDEST, spoilt) == [f"contact_phones ({phone!r},): the row is gone"]


def test_comparison_finds_a_changed_value(spoilt: Path) -> None:
    with spoiling(spoilt) as conn:
        contact, city = conn.execute(
            "SELECT id, city FROM contacts WHERE city NOT NULL ORDER BY rowid LIMIT 1"
        ).fetchone()
        conn.execute("UPDATE contacts SET city = 'Tehran' WHERE id = ?", (contact,))
    assert differences(OLDEST, spoilt) == [
        f"contacts ({contact!r},): city was {city!r}, is 'Tehran'"
    ]


def test_comparison_finds_lost_columns_and_tables_unless_they_are_named(spoilt: Path) -> None:
    with spoiling(spoilt) as conn:
        conn.execute("ALTER TABLE contacts RENAME COLUMN job_title TO title")
        conn.execute("UPDATE deals SET amount = amount / 10")  # rials to tomans
        conn.execute("UPDATE deals SET position = 'k' || position")
        target_columns = columns(conn, "targets")
        conn.execute("DROP TABLE targets")
    problems = differences(OLDEST, spoilt, {})  # nothing named: every change reported
    assert "contacts.job_title: the column is gone" in problems
    assert "targets: the table is gone" in problems
    assert {p.split(": ")[1].split()[0] for p in problems if p.startswith("deals ")} == {
        "amount",
        "position",
    }
    meant = {
        ("contacts", "job_title"): Transform("title"),
        ("deals", "amount"): Transform("amount", lambda row: row["amount"] // 10),
        ("deals", "position"): Transform("position", compared=False),
        **{("targets", c): Transform(None) for c in target_columns},
    }
    assert differences(OLDEST, spoilt, meant) == []


@pytest.mark.parametrize("revision", [r for r in FIXTURE_REVISIONS if r < "0005"])
def test_deal_positions_become_order_keys_in_the_same_order(revision: str, tmp_path: Path) -> None:
    path = tmp_path / "crm.sqlite3"
    shutil.copyfile(FIXTURES / fixture_name(revision), path)
    with reading(path) as old:
        before = [
            tuple(row)
            for row in old.execute(
                "SELECT stage_id, id FROM deals ORDER BY stage_id, CAST(position AS REAL), id"
            )
        ]
    open_database(path).close()
    with reading(path) as new:
        after = [
            tuple(row)
            for row in new.execute("SELECT stage_id, id FROM deals ORDER BY stage_id, position")
        ]
        keys = [row[0] for row in new.execute("SELECT position FROM deals")]
    assert after == before
    assert all(isinstance(key, str) and key and not key.endswith("0") for key in keys)


@pytest.mark.parametrize("revision", [r for r in FIXTURE_REVISIONS if r < "0008"])
def test_lead_scores_are_worked_out_from_the_rules(revision: str, tmp_path: Path) -> None:
    """After the upgrade each contact's score is the one the rules give (the service's
    own working-out agrees with the migration's), and working it out again changes
    nothing; the upgrade logged no score change."""
    from crm_desktop.services.lead_score import rescore

    path = tmp_path / "crm.sqlite3"
    shutil.copyfile(FIXTURES / fixture_name(revision), path)
    scores_logged = "SELECT count(*) FROM change_log WHERE changes LIKE '%lead_score%'"
    with reading(path) as old:
        has_log = old.execute(
            "SELECT count(*) FROM sqlite_master WHERE name = 'change_log'"
        ).fetchone()[0]
        logged_before = old.execute(scores_logged).fetchone()[0] if has_log else 0
    db = open_database(path)
    try:
        with reading(path) as new:
            upgraded = dict(new.execute("SELECT id, lead_score FROM contacts"))
            logged = new.execute(scores_logged).fetchone()[0] - logged_before
        # The migration ran a moment ago: the same 30 days.
        with db.session() as session:
            rescore(session)
        with reading(path) as again:
            rescored = dict(again.execute("SELECT id, lead_score FROM contacts"))
    finally:
        db.close()
    assert rescored == upgraded
    assert any(score > 0 for score in upgraded.values())
    assert logged == 0
