"""``deals``, ``deal add|move``, ``pipeline`` and a deal's ``history`` as scripts use them:
real processes on real database files, checked against plain SQL over the same file."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from crm_desktop.locale import from_jalali
from tests.test_cli import assert_bad_input, assert_user_message, ok_json, run

# The default pipeline's stages, in order (migration 0002).
FIRST, CONTACTED, NEEDS, QUOTE, TALKS = (
    "سرنخ جدید",
    "تماس اولیه",
    "نیازسنجی",
    "ارسال پیش‌فاکتور",
    "مذاکره",
)
WON, LOST = "برنده", "از دست رفته"
STAGES = [FIRST, CONTACTED, NEEDS, QUOTE, TALKS, WON, LOST]
DEAL_KEYS = {"id", "title", "contact_id", "company", "amount", "stage", "probability", "owner"}
DEAL_KEYS |= {"expected_close", "won_at", "lost_at", "lost_reason"}
# Every stage with its totals, as the contract defines them, straight from the tables.
STAGE_TOTALS = """
SELECT s.name, s.position, s.probability, s.is_won, s.is_lost, count(d.id),
       coalesce(sum(d.amount), 0),
       coalesce(sum(d.amount * coalesce(d.probability, s.probability)), 0)
FROM stages s LEFT JOIN deals d ON d.stage_id = s.id AND d.deleted_at IS NULL
WHERE s.deleted_at IS NULL AND s.pipeline_id = (SELECT id FROM pipelines WHERE is_default)
GROUP BY s.id ORDER BY s.position
"""
BOARD_ORDER = """
SELECT d.id FROM deals d JOIN stages s ON s.id = d.stage_id
LEFT JOIN contacts c ON c.id = d.contact_id LEFT JOIN companies co ON co.id = d.company_id
LEFT JOIN users u ON u.id = d.owner_id
WHERE d.deleted_at IS NULL AND ({}) ORDER BY s.position, d.position, d.created_at
"""


def sql(path: Path, query: str, *params: object) -> list[tuple[Any, ...]]:
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute(query, params).fetchall()


def ids_where(path: Path, condition: str, *params: object) -> list[str]:
    return [row[0] for row in sql(path, BOARD_ORDER.format(condition), *params)]


def deals(path: Path, *args: str) -> list[dict[str, Any]]:
    listed = ok_json(path, "deals", *args)
    assert isinstance(listed, list)
    return listed


def deal(path: Path, *args: str) -> dict[str, Any]:
    made = ok_json(path, "deal", *args)
    assert isinstance(made, dict) and made.keys() >= DEAL_KEYS
    return made


def pipeline(path: Path) -> dict[str, dict[str, Any]]:
    columns = ok_json(path, "pipeline")
    assert isinstance(columns, list)
    return {c["stage"]: c for c in columns}


def expected_pipeline(path: Path) -> list[dict[str, Any]]:
    keys = ("stage", "position", "probability", "is_won", "is_lost", "count", "amount")
    return [
        dict(zip(keys, row[:7], strict=True))
        | {"is_won": bool(row[3]), "is_lost": bool(row[4]), "weighted": row[7] // 100}
        for row in sql(path, STAGE_TOTALS)
    ]


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    result = run(path, "demo", "--contacts", "300", "--seed", "7")
    assert result.returncode == 0, result.stderr
    return path


@pytest.fixture(scope="module")
def one_deal_template(template_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("one_deal") / "crm.sqlite3"
    shutil.copyfile(template_db, path)
    deal(path, "add", "title=موجود")
    return path


@pytest.fixture
def demo_db(demo_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "demo.sqlite3"
    shutil.copyfile(demo_template, path)
    return path


def test_add_then_list_round_trip(db_path: Path) -> None:
    fields = ("title=نصب شبکه - دفتر مرکزی", "amount=۱۲٬۰۰۰٬۰۰۰", "expected_close=۱۴۰۵/۱۰/۱۵")
    added = deal(db_path, "add", *fields, "priority=high")
    assert added["title"] == "نصب شبکه - دفتر مرکزی" and added["amount"] == 12_000_000
    assert added["stage"] == FIRST and added["probability"] == 10
    assert added["expected_close"] == from_jalali(1405, 10, 15).isoformat()
    assert added["priority"] == "high" and added["contact_id"] is None
    assert added["won_at"] is None and added["lost_at"] is None and added["lost_reason"] is None
    assert deals(db_path) == [added]


def test_contact_by_phone_links_it_and_takes_its_company(db_path: Path) -> None:
    person = ok_json(
        db_path, "contact", "add", "first_name=نگار", "phone=09121234567", "company=آینده"
    )
    assert isinstance(person, dict)
    by_phone = deal(db_path, "add", "title=قرارداد سالانه", "contact=09121234567")
    assert by_phone["contact_id"] == person["id"] and by_phone["company"] == "آینده"
    # The same phone in Persian digits, and a company of the deal's own.
    other = deal(db_path, "add", "title=دوم", "contact=۰۹۱۲۱۲۳۴۵۶۷", "company=دیگر")
    assert other["contact_id"] == person["id"] and other["company"] == "دیگر"
    assert [d["contact_id"] for d in deals(db_path)] == [person["id"], person["id"]]


def test_move_to_won_then_lost(db_path: Path) -> None:
    deal_id = deal(db_path, "add", "title=فروش تجهیزات", "amount=5000000")["id"]
    won = deal(db_path, "move", deal_id, WON)
    assert won["stage"] == WON and won["won_at"] and won["lost_at"] is None
    assert deals(db_path) == [won]

    before = db_path.read_bytes()
    assert_user_message(run(db_path, "deal", "move", deal_id, LOST))
    assert_user_message(run(db_path, "deal", "move", deal_id, LOST, "--lost-reason", "بدشانسی"))
    assert db_path.read_bytes() == before
    assert deals(db_path) == [won]

    lost = deal(db_path, "move", deal_id, LOST, "--lost-reason", "قیمت بالا")
    assert lost["stage"] == LOST and lost["lost_at"] and lost["won_at"] is None
    assert lost["lost_reason"] == "قیمت بالا" and lost["probability"] == 0
    assert deals(db_path) == [lost]


def test_pipeline_totals_match_sql(demo_db: Path) -> None:
    # Deals with a probability of their own and amounts that do not divide evenly,
    # and a deal deleted (as sync from another laptop would leave it).
    deal(demo_db, "add", "title=برآورد", "stage=مذاکره", "amount=1000001", "probability=33")
    deal(demo_db, "add", "title=خرد", "stage=نیازسنجی", "amount=333", "probability=7")
    with closing(sqlite3.connect(demo_db)) as conn, conn:
        for name in ("crm_capturing", "crm_op", "crm_now", "crm_user"):  # the app's own
            conn.create_function(name, 0, lambda: 0)  # change log is not written here
        gone = conn.execute(
            "UPDATE deals SET deleted_at = '2026-01-02 00:00:00' WHERE id = "
            "(SELECT d.id FROM deals d JOIN stages s ON s.id = d.stage_id WHERE s.name = ?)",
            (QUOTE,),
        )
        assert gone.rowcount == 1
    columns = ok_json(demo_db, "pipeline")
    assert columns == expected_pipeline(demo_db)
    assert isinstance(columns, list) and [c["stage"] for c in columns] == STAGES
    assert all(c["count"] for c in columns)  # the demo has deals in every stage

    raw = {row[0]: row[7] for row in sql(demo_db, STAGE_TOTALS)}
    before = pipeline(demo_db)
    amount = 4_321_987
    added = deal(demo_db, "add", "title=تازه", f"stage={CONTACTED}", f"amount={amount}",
                 "probability=45")  # fmt: skip
    after_add = pipeline(demo_db)
    grown = after_add[CONTACTED]
    assert grown["count"] == before[CONTACTED]["count"] + 1
    assert grown["amount"] == before[CONTACTED]["amount"] + amount
    assert grown["weighted"] == (raw[CONTACTED] + amount * 45) // 100
    assert {k: v for k, v in after_add.items() if k != CONTACTED} == {
        k: v for k, v in before.items() if k != CONTACTED
    }

    moved = deal(demo_db, "move", added["id"], QUOTE)
    assert moved["probability"] == 60  # a rep's estimate was for the stage it left
    after_move = pipeline(demo_db)
    assert after_move[CONTACTED] == before[CONTACTED]
    assert after_move[QUOTE]["count"] == before[QUOTE]["count"] + 1
    assert after_move[QUOTE]["amount"] == before[QUOTE]["amount"] + amount
    assert after_move[QUOTE]["weighted"] == (raw[QUOTE] + amount * 60) // 100
    assert list(after_move.values()) == expected_pipeline(demo_db)


def test_pipeline_weighted_is_exact_for_huge_amounts(db_path: Path) -> None:
    amount = 2**53 + 1
    deal(db_path, "add", "title=بزرگ", f"stage={WON}", f"amount={amount}")
    assert pipeline(db_path)[WON]["weighted"] == amount


def test_filters_match_sql(demo_template: Path) -> None:
    path = demo_template  # only read
    everything = deals(path)
    assert [d["id"] for d in everything] == ids_where(path, "1")
    assert len(everything) > 10

    needs = ids_where(path, "s.name = ?", NEEDS)
    assert needs and [d["id"] for d in deals(path, "--stage", NEEDS)] == needs

    name, username = sql(
        path,
        "SELECT u.name, u.username FROM deals d JOIN users u ON u.id = d.owner_id "
        "WHERE d.deleted_at IS NULL GROUP BY u.id ORDER BY count(*) DESC LIMIT 1",
    )[0]
    owned = ids_where(path, "u.name = ?", name)
    assert owned and len(owned) < len(everything)
    assert [d["id"] for d in deals(path, "--owner", name)] == owned
    assert [d["id"] for d in deals(path, "--owner", username)] == owned

    found = (
        "instr(d.title, ?1) OR instr(c.first_name || ' ' || c.last_name, ?1) OR instr(co.name, ?1)"
    )
    part = everything[0]["title"].split(" - ")[0]  # the demo's titles: "what - for whom"
    by_title = [d["id"] for d in deals(path, "--search", part)]
    assert by_title == ids_where(path, found, part) and everything[0]["id"] in by_title
    assert len(by_title) < len(everything)

    # A contact whose name is in neither the deal's title nor its company's name.
    deal_id, person = sql(
        path,
        "SELECT d.id, c.first_name || ' ' || c.last_name FROM deals d JOIN contacts c "
        "ON c.id = d.contact_id LEFT JOIN companies co ON co.id = d.company_id WHERE "
        "NOT instr(d.title, c.first_name || ' ' || c.last_name) AND "
        "NOT instr(coalesce(co.name, ''), c.first_name || ' ' || c.last_name) LIMIT 1",
    )[0]
    by_person = [d["id"] for d in deals(path, "--search", person)]
    assert by_person == ids_where(path, found, person) and deal_id in by_person
    # Typed with an Arabic keyboard's ي and ك, as often happens.
    arabic = person.replace("ی", "ي").replace("ک", "ك")
    assert arabic != person
    assert [d["id"] for d in deals(path, "--search", arabic)] == by_person

    assert deals(path, "--limit", "4") == everything[:4]
    stage_ids = ids_where(path, "s.name = ?", TALKS)
    assert [d["id"] for d in deals(path, "--stage", TALKS, "--limit", "2")] == stage_ids[:2]


@pytest.mark.parametrize(
    "args",
    [
        ["deal", "add", "title=x", "colour=red"],
        ["deal", "add", "title=x", "expected_close=1405/13/01"],
        ["deal", "add", "title=x", "expected_close=۱۴۰۴/۱۲/۳۰"],
        ["deal", "add", "title=x", "amount=-5"],
        ["deal", "add", "title=x", "amount=دوازده"],
        ["deal", "add", "title=x", "probability=150"],
        ["deal", "add", "title=x", "stage=نامعلوم"],
        ["deal", "add", "title=x", "owner=nobody"],
        ["deal", "add", "title=x", "campaign=بهار"],
        ["deal", "add", "title=x", "contact=09120000000"],
        ["deal", "add", "amount=5"],
        ["deal", "move", "no-such-id", WON],
        ["deals", "--stage", "نامعلوم"],
        ["deals", "--owner", "nobody"],
        ["deals", "--limit", "0"],
        ["pipeline", "--pipeline", "نامعلوم"],
    ],
)
def test_bad_input_exits_2_and_writes_nothing(
    one_deal_template: Path, tmp_path: Path, args: list[str]
) -> None:
    db_path = tmp_path / "crm.sqlite3"
    shutil.copyfile(one_deal_template, db_path)
    before = db_path.read_bytes()
    assert_user_message(run(db_path, *args))
    assert db_path.read_bytes() == before
    assert sql(db_path, "SELECT count(*) FROM deals") == [(1,)]


def test_bad_input_on_a_database_with_users(demo_db: Path) -> None:
    deal_id = ids_where(demo_db, "s.name = ?", FIRST)[0]
    before = demo_db.read_bytes()
    assert_user_message(run(demo_db, "deal", "add", "title=x", "owner=nobody"))
    assert_user_message(run(demo_db, "deal", "move", deal_id, "نامعلوم"))
    assert demo_db.read_bytes() == before


@pytest.mark.parametrize(
    "args",
    [["deals"], ["pipeline"], ["deal", "add", "title=x"], ["deal", "move", "some-id", WON]],
)
def test_a_database_that_does_not_exist(tmp_path: Path, args: list[str]) -> None:
    assert_bad_input(run(tmp_path / "nowhere.sqlite3", *args))
    assert list(tmp_path.iterdir()) == []


def test_history_of_moves(db_path: Path) -> None:
    deal_id = deal(db_path, "add", "title=پیگیری")["id"]
    deal(db_path, "move", deal_id, NEEDS)
    deal(db_path, "move", deal_id, TALKS)
    entries = ok_json(db_path, "history", deal_id)
    assert isinstance(entries, list) and entries
    times = [e["at"] for e in entries]
    assert times == sorted(times, reverse=True)
    moves = sorted({e["at"] for e in entries if e["operation"] == "move"}, reverse=True)
    assert len(moves) == 2 and moves[0] == times[0]
    stages = [(e["old"], e["new"]) for at in moves for e in entries if e["at"] == at
              and e["field"] == "stage"]  # fmt: skip
    assert stages == [(NEEDS, TALKS), (FIRST, NEEDS)]


def test_text_output_one_line_each_tab_separated(demo_template: Path, db_path: Path) -> None:
    listed = deals(demo_template)
    lines = run(demo_template, "deals").stdout.splitlines()
    assert len(lines) == len(listed)
    rows = [line.split("\t") for line in lines]
    assert len({len(r) for r in rows}) == 1 and len(rows[0]) > 3
    assert [(r[0], r[1]) for r in rows] == [(d["id"], d["title"]) for d in listed]
    assert all(str(d["amount"]) in r for r, d in zip(rows, listed, strict=True))

    columns = ok_json(demo_template, "pipeline")
    assert isinstance(columns, list)
    stages = [line.split("\t") for line in run(demo_template, "pipeline").stdout.splitlines()]
    assert stages == [
        [c["stage"], str(c["count"]), str(c["amount"]), str(c["weighted"])] for c in columns
    ]

    # A tab or a line break typed into a value does not split a deal's line.
    deal(db_path, "add", "title=الف\tب\nپ", "company=شرکت\tنو")
    (line,) = run(db_path, "deals").stdout.splitlines()
    assert len(line.split("\t")) == len(rows[0])
