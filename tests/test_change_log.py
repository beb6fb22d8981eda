"""The change log: every write of every kind is captured once, or refused.

Real database files made by the real migrations; writes through the ORM services, Core
bulk statements, the executemany writer of imports, a migration's connection, and the
``sqlite3`` module as another program would.
"""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from alembic.migration import MigrationContext
from alembic.operations import Operations
from sqlalchemy import select, text, update

from crm_desktop.models import Base, Contact, Deal, Stage
from crm_desktop.models.capture import (
    CLOCK_KEY,
    capture_suppressed,
    install_triggers,
    mark_operation,
    missing_capture,
    next_clock,
)
from crm_desktop.models.database import Database
from crm_desktop.services import bulk, contacts
from crm_desktop.services.fields import ContactChanges, changes_from_text
from crm_desktop.services.importer import import_file
from crm_desktop.services.users import create_user, set_current_user
from tests.importer_files import write_xlsx


def entries(db: Database, record_id: str) -> list[dict[str, Any]]:
    """The log of one record, oldest first, with its operation's who and what."""
    with db.session() as session:
        rows = session.execute(
            text(
                "SELECT l.seq, l.table_name, l.action, l.changes, o.kind, o.user_id, o.op_id "
                "FROM change_log l JOIN operations o USING (op_id) "
                "WHERE l.record_id = :id ORDER BY l.seq"
            ),
            {"id": record_id},
        ).all()
    return [
        {
            "seq": seq,
            "table": table,
            "action": action,
            "changes": json.loads(changes),
            "kind": kind,
            "user": user,
            "op": op,
        }
        for seq, table, action, changes, kind, user, op in rows
    ]


def stamps(db: Database, contact_id: str) -> tuple[Any, ...]:
    with db.session() as session:
        row = session.execute(
            select(Contact.updated_at, Contact.updated_by, Contact.created_by).where(
                Contact.id == contact_id
            )
        ).one()
    return tuple(row)


@pytest.fixture
def rep(db: Database) -> str:
    user = create_user(db, "سارا احمدی", "sara")
    set_current_user(db, user.id)
    return user.id


def test_every_synced_table_and_column_is_captured(db: Database) -> None:
    with db.engine.connect() as conn:
        assert missing_capture(conn, Base.metadata) == []
        # A column added without the triggers made again is found at once.
        conn.exec_driver_sql("ALTER TABLE contacts ADD COLUMN nickname TEXT")
        assert missing_capture(conn, Base.metadata) == ["contacts.nickname"]
        install_triggers(conn, Base.metadata)
        assert missing_capture(conn, Base.metadata) == []
        conn.rollback()


def test_an_edit_logs_the_fields_it_changed_with_who_and_when(db: Database, rep: str) -> None:
    record = contacts.create_contact(
        db, changes_from_text({"first_name": "علی", "last_name": "رضایی", "phone": "09121234567"})
    )
    created = stamps(db, record.id)
    assert created[1:] == (rep, rep)
    contacts.update_contact(
        db, record.id, changes_from_text({"city": "شیراز", "job_title": "مدیر"})
    )

    log = entries(db, record.id)
    assert [(e["table"], e["action"]) for e in log] == [
        ("contacts", "insert"),
        ("contact_phones", "insert"),
        ("contacts", "update"),
    ]
    assert log[2]["changes"] == {"city": [None, "شیراز"], "job_title": [None, "مدیر"]}
    assert {e["user"] for e in log} == {rep}
    assert log[0]["op"] == log[1]["op"] != log[2]["op"]  # one operation per save
    edited = stamps(db, record.id)
    assert edited[0] > created[0] and edited[1] == rep


def test_an_edit_to_the_same_value_writes_nothing(db: Database, rep: str) -> None:
    record = contacts.create_contact(db, changes_from_text({"first_name": "مینا", "city": "قم"}))
    before_log, before_stamps = entries(db, record.id), stamps(db, record.id)
    with db.session() as session:
        body_before = (
            session.scalar(text("SELECT body FROM contact_search")),
            session.scalar(text("SELECT count(*) FROM contact_fts")),
        )
        operations = session.scalar(text("SELECT count(*) FROM operations"))

    contacts.update_contact(db, record.id, changes_from_text({"city": "قم", "first_name": "مینا"}))
    bulk.set_field(db, [record.id], "lifecycle", "lead")  # already a lead

    assert entries(db, record.id) == before_log
    assert stamps(db, record.id) == before_stamps
    with db.session() as session:
        assert session.scalar(text("SELECT count(*) FROM operations")) == operations
        body_after = (
            session.scalar(text("SELECT body FROM contact_search")),
            session.scalar(text("SELECT count(*) FROM contact_fts")),
        )
    assert body_after == body_before


def test_core_bulk_statements_are_captured(db: Database, rep: str) -> None:
    ids = [
        contacts.create_contact(db, changes_from_text({"first_name": f"نفر{n}"})).id
        for n in range(3)
    ]
    bulk.set_field(db, ids, "lifecycle", "customer")
    for contact_id in ids:
        last = entries(db, contact_id)[-1]
        assert last["changes"] == {"lifecycle": ["lead", "customer"]}
        assert last["user"] == rep
    ops = {entries(db, contact_id)[-1]["op"] for contact_id in ids}
    assert len(ops) == 1  # one bulk action, one operation


def test_an_import_through_the_bulk_writer_is_captured(
    db: Database, rep: str, tmp_path: Path
) -> None:
    path = write_xlsx(
        tmp_path / "people.xlsx",
        [
            ["نام", "نام خانوادگی", "موبایل"],
            ["رضا", "کریمی", "09121110000"],
            ["مهسا", "نوری", None],
        ],
    )
    result = import_file(db, path)
    assert result.created == 2
    found = {c.full_name: c.id for c in contacts.list_contacts(db)}
    reza = entries(db, found["رضا کریمی"])
    assert [(e["table"], e["action"]) for e in reza] == [
        ("contacts", "insert"),
        ("contact_phones", "insert"),
    ]
    assert reza[0]["user"] == rep
    with db.session() as session:
        created_by = session.scalar(
            select(Contact.created_by).where(Contact.id == found["رضا کریمی"])
        )
    assert created_by == rep


def test_a_migrations_data_change_is_captured_as_a_migration(db: Database) -> None:
    record = contacts.create_contact(db, changes_from_text({"first_name": "کاوه"}))
    with db.engine.connect() as conn, conn.begin():
        mark_operation(conn, "migration")
        ops = Operations(MigrationContext.configure(conn))
        ops.execute(update(Contact).where(Contact.id == record.id).values(province="فارس"))
    last = entries(db, record.id)[-1]
    assert last["kind"] == "migration"
    assert last["changes"] == {"province": [None, "فارس"]}


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE contacts SET city = 'x'",
        "INSERT INTO contacts (id, first_name, last_name, sort_key, lifecycle, lead_score, "
        "created_at, updated_at) VALUES ('x', 'a', 'b', '', 'lead', 0, '2026-01-01', '2026-01-01')",
        "DELETE FROM contact_phones",
    ],
)
def test_a_write_from_outside_the_app_is_refused(
    db: Database, db_path: Path, statement: str
) -> None:
    contacts.create_contact(db, changes_from_text({"first_name": "نگار", "phone": "09351234567"}))
    db.close()
    before = db_path.read_bytes()
    with closing(sqlite3.connect(db_path)) as conn:  # the sqlite3 shell, another program
        with pytest.raises(sqlite3.OperationalError, match="no such function"):
            conn.execute(statement)
        conn.commit()
        assert conn.execute("SELECT count(*) FROM contacts").fetchone()[0] == 1  # reads work
    assert db_path.read_bytes() == before


def test_applying_remote_changes_is_not_logged_again(db: Database, rep: str) -> None:
    record = contacts.create_contact(db, changes_from_text({"first_name": "پرهام"}))
    before = entries(db, record.id)
    with db.session() as session, capture_suppressed(session):
        session.execute(update(Contact).where(Contact.id == record.id).values(city="یزد"))
    assert entries(db, record.id) == before
    assert contacts.get_contact(db, record.id).city == "یزد"
    contacts.update_contact(db, record.id, changes_from_text({"city": "کرمان"}))  # on again
    assert entries(db, record.id)[-1]["changes"] == {"city": ["یزد", "کرمان"]}


@pytest.mark.parametrize(
    "statement", ["DELETE FROM change_log", "UPDATE change_log SET changes = '{}'"]
)
def test_the_log_is_append_only_so_no_number_is_given_twice(db: Database, statement: str) -> None:
    first = contacts.create_contact(db, changes_from_text({"first_name": "الف"}))
    log = entries(db, first.id)
    with pytest.raises(Exception, match="append-only"), db.session() as session:
        session.execute(text(statement))  # the rollback keeps every entry
    assert entries(db, first.id) == log
    second = contacts.create_contact(db, changes_from_text({"first_name": "ب"}))
    assert entries(db, second.id)[0]["seq"] > log[-1]["seq"]


def test_each_operation_advances_the_persisted_clock(db: Database) -> None:
    for name in ("الف", "ب", "پ"):
        contacts.create_contact(db, changes_from_text({"first_name": name}))
    with db.session() as session:
        clocks = [row[0] for row in session.execute(text("SELECT hlc FROM operations ORDER BY at"))]
        stored = session.scalar(
            text("SELECT value FROM local_settings WHERE key = :k"), {"k": CLOCK_KEY}
        )
        site = session.scalar(text("SELECT DISTINCT site_id FROM operations"))
    assert clocks == sorted(set(clocks)) and stored == clocks[-1]
    assert site  # the installation's own id


def test_the_clock_never_goes_back() -> None:
    assert next_clock(None, 1000) == "000000000001000.00000"
    assert next_clock("000000000001000.00000", 1000) == "000000000001000.00001"
    assert next_clock("000000000001000.00001", 999) == "000000000001000.00002"  # wall clock back
    assert next_clock("000000000001000.00002", 1001) == "000000000001001.00000"


def test_a_deal_moved_to_another_pipelines_stage_changes_pipeline(db: Database) -> None:
    with db.session() as session:
        first = session.scalars(select(Stage)).first()
        assert first is not None
        session.execute(
            text(
                "INSERT INTO pipelines (id, name, is_default, position, created_at, updated_at) "
                "VALUES ('p2', 'پروژه', 0, 1, '2026-01-01', '2026-01-01')"
            )
        )
        session.execute(
            text(
                "INSERT INTO stages (id, pipeline_id, name, position, probability, is_won, "
                "is_lost, created_at, updated_at) "
                "VALUES ('s2', 'p2', 'آغاز', 0, 10, 0, 0, '2026-01-01', '2026-01-01')"
            )
        )
        deal = Deal(title="قرارداد", pipeline_id=first.pipeline_id, stage_id=first.id)
        session.add(deal)
        session.flush()
        session.execute(update(Deal).where(Deal.id == deal.id).values(stage_id="s2"))
        assert session.scalar(select(Deal.pipeline_id).where(Deal.id == deal.id)) == "p2"


@pytest.mark.parametrize(
    ("table", "column", "value"),
    [("contacts", "lifecycle", "vip"), ("users", "role", "boss")],
)
def test_enumerations_refuse_unknown_values(
    db: Database, table: str, column: str, value: str
) -> None:
    contacts.create_contact(db, ContactChanges(first_name="دانا"))
    create_user(db, "مدیر", "boss")
    with pytest.raises(Exception, match="CHECK constraint failed"), db.session() as session:
        session.execute(text(f"UPDATE {table} SET {column} = :v"), {"v": value})
