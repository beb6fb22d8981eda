"""Opening database files: migrations, backups, settings, and refusing what is not ours."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from crm_desktop.errors import DatabaseBusy, DatabaseError
from crm_desktop.models import Base
from crm_desktop.models.database import (
    alembic_config,
    head_revision,
    include_object,
    open_database,
)
from crm_desktop.services import contacts
from crm_desktop.services.fields import changes_from_text


def _revision(path: Path) -> str:
    with sqlite3.connect(path) as conn:
        return str(conn.execute("SELECT version_num FROM alembic_version").fetchone()[0])


def test_new_database_is_migrated_to_head_with_wal_and_foreign_keys(tmp_path: Path) -> None:
    path = tmp_path / "new" / "crm.sqlite3"
    with open_database(path, create=True) as db, db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    assert _revision(path) == head_revision()
    # No backup for a brand new file: there was nothing to lose.
    assert [p.name for p in path.parent.iterdir() if p.suffix == ".bak"] == []


def test_models_and_migrations_agree(db_path: Path) -> None:
    with open_database(db_path) as db, db.engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"include_object": include_object, "compare_type": True}
        )
        assert compare_metadata(context, Base.metadata) == []


def test_default_pipeline_and_lookups_are_in_persian(db_path: Path) -> None:
    with sqlite3.connect(db_path) as conn:
        stages = conn.execute(
            "SELECT name, probability, is_won, is_lost FROM stages ORDER BY position"
        ).fetchall()
        sources = [r[0] for r in conn.execute("SELECT name FROM lead_sources")]
        reasons = [r[0] for r in conn.execute("SELECT name FROM lost_reasons")]
        types = dict(conn.execute("SELECT code, name FROM activity_types"))
    assert [s[0] for s in stages][:2] == ["سرنخ جدید", "تماس اولیه"]
    probabilities = [s[1] for s in stages if not s[3]]
    assert probabilities == sorted(probabilities) and probabilities[-1] == 100
    assert [s[0] for s in stages if s[2]] == ["برنده"]
    assert [s[0] for s in stages if s[3]] == ["از دست رفته"]
    assert "معرفی مشتریان" in sources and "قیمت بالا" in reasons
    assert set(types) == {"call", "meeting", "email", "sms", "note", "task"}


def test_default_rows_have_the_same_ids_on_every_laptop(tmp_path: Path) -> None:
    ids = []
    for name in ("laptop1.sqlite3", "laptop2.sqlite3"):
        open_database(tmp_path / name, create=True).close()
        with sqlite3.connect(tmp_path / name) as conn:
            ids.append(sorted(r[0] for r in conn.execute("SELECT id FROM stages")))
    assert ids[0] == ids[1] and len(ids[0]) == 7


def test_upgrade_backs_up_first_and_keeps_data(tmp_path: Path) -> None:
    from alembic import command

    path = tmp_path / "old.sqlite3"
    with sqlite3.connect(path) as conn:
        config = alembic_config()
        # Build a database at the first revision, as an older app would have left it.
        from sqlalchemy import create_engine

        engine = create_engine(f"sqlite:///{path}")
        with engine.begin() as sa_conn:
            config.attributes["connection"] = sa_conn
            command.upgrade(config, "0001")
        engine.dispose()
        conn.execute(
            "INSERT INTO users (id, name, username, role, active, created_at, updated_at) "
            "VALUES ('u1', 'سارا', 'sara', 'rep', 1, '2026-01-01', '2026-01-01')"
        )
    with open_database(path):
        pass
    assert _revision(path) == head_revision()
    backups = list(tmp_path.glob("old.sqlite3.before-0001-*.bak"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
        assert conn.execute("SELECT name FROM users").fetchall() == [("سارا",)]
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT name FROM users").fetchall() == [("سارا",)]
        assert conn.execute("SELECT count(*) FROM stages").fetchone()[0] == 7


def test_database_from_a_newer_app_is_refused_and_untouched(db_path: Path) -> None:
    conn = sqlite3.connect(db_path)
    with conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    conn.close()  # the last connection to close folds the WAL into the file
    before = db_path.read_bytes()
    with pytest.raises(DatabaseError) as caught:
        open_database(db_path)
    assert "newer version" in caught.value.en
    assert "جدیدتر" in caught.value.fa
    assert db_path.read_bytes() == before
    assert list(db_path.parent.glob("*.bak")) == []


def test_a_file_that_is_not_a_database_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "contacts.xlsx"
    path.write_bytes(b"PK\x03\x04 not a database at all")
    with pytest.raises(DatabaseError) as caught:
        open_database(path)
    assert "not a crm_desktop database" in caught.value.en
    assert path.read_bytes() == b"PK\x03\x04 not a database at all"


def test_another_programs_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE notes (body TEXT)")
        conn.execute("INSERT INTO notes VALUES ('keep me')")
    with pytest.raises(DatabaseError):
        open_database(path)
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT body FROM notes").fetchall() == [("keep me",)]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert tables == {"notes"}


def test_a_failed_write_changes_nothing(db_path: Path) -> None:
    with open_database(db_path) as db:
        contacts.create_contact(db, changes_from_text({"first_name": "نرگس"}))
        # An unknown owner is refused after the contact row was already flushed:
        # the whole transaction must roll back.
        with pytest.raises(Exception, match="no user named"):
            contacts.create_contact(db, changes_from_text({"first_name": "پویا", "owner": "x"}))
        assert [c.full_name for c in contacts.list_contacts(db)] == ["نرگس"]


def test_settings_round_trip(db_path: Path) -> None:
    with open_database(db_path) as db:
        assert db.get_setting("office_name") is None
        db.set_setting("office_name", "دفتر فروش")
        db.set_setting("office_name", "دفتر فروش مرکزی")
    with open_database(db_path) as db:
        assert db.get_setting("office_name") == "دفتر فروش مرکزی"


FAILING_REVISION = '''
"""A migration that fails half-way, after changing the schema and the data."""

import sqlalchemy as sa
from alembic import op

revision = "0999"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("contacts", sa.Column("nickname", sa.String(50)))
    op.execute("UPDATE contacts SET first_name = 'changed'")
    op.create_table("half_done", sa.Column("id", sa.Integer, primary_key=True))
    raise RuntimeError("disk pulled out mid-migration")


def downgrade() -> None:
    pass
'''


def test_a_failing_migration_changes_nothing(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    from crm_desktop.models import database

    with open_database(db_path) as db:
        contacts.create_contact(db, changes_from_text({"first_name": "نیلوفر"}))
    scripts = tmp_path / "migrations"
    shutil.copytree(database.MIGRATIONS_DIR, scripts)
    (scripts / "versions" / "0999_fails.py").write_text(
        FAILING_REVISION.format(head=head_revision()), encoding="utf-8"
    )
    monkeypatch.setattr(database, "MIGRATIONS_DIR", scripts)
    monkeypatch.setattr(database, "SCHEMA_REVISION", "0999")  # as the newer app knows

    with pytest.raises(RuntimeError, match="disk pulled out"):
        open_database(db_path)

    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] != "0999"
        columns = [r[1] for r in conn.execute("PRAGMA table_info(contacts)")]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        names = conn.execute("SELECT first_name FROM contacts").fetchall()
    assert "nickname" not in columns and "half_done" not in tables
    assert names == [("نیلوفر",)]
    # The copy taken before migrating is there too.
    assert len(list(db_path.parent.glob("crm.sqlite3.before-*.bak"))) == 1
    monkeypatch.undo()
    with open_database(db_path) as db:  # and the app still opens it
        assert [c.first_name for c in contacts.list_contacts(db)] == ["نیلوفر"]


def test_the_fast_path_knows_the_newest_migration() -> None:
    from crm_desktop.models.database import SCHEMA_REVISION

    assert head_revision() == SCHEMA_REVISION


def test_a_database_held_by_another_writer_is_a_clear_error(db_path: Path) -> None:
    # A big import holds the write lock for its whole transaction; an edit made in the
    # meantime (after SQLite's busy timeout) is told so, and nothing of it is written.
    with open_database(db_path) as db:
        ali = contacts.create_contact(db, changes_from_text({"first_name": "علی"}))
        holder = sqlite3.connect(db_path, timeout=0)
        holder.execute("BEGIN IMMEDIATE")  # the other writer
        try:
            with pytest.raises(DatabaseError) as caught:
                contacts.update_contact(db, ali.id, changes_from_text({"city": "تهران"}))
        finally:
            holder.rollback()
            holder.close()
        assert "مشغول" in caught.value.message("fa")
        assert "busy" in caught.value.message("en")
        assert isinstance(caught.value, DatabaseBusy) and caught.value.exit_code == 3
        assert contacts.get_contact(db, ali.id).city is None
        contacts.update_contact(db, ali.id, changes_from_text({"city": "تهران"}))  # later: fine
        assert contacts.get_contact(db, ali.id).city == "تهران"
