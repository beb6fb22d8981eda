"""A big import writes while it reads: batches of rows, written by a second thread.

The contacts of one batch are written while the next is read (``STREAM_ROWS`` rows at a
time, ``rows.Writer.background``). So a later row of a person made by an earlier batch
fills in a contact that is already written; these tests check that such a file comes
out exactly as a user expects (one contact, everything the rows said), that the dry
run says the same, that search, history and undo see every row, and that a cancel or
a failure half-way leaves nothing behind.
"""

from __future__ import annotations

import contextlib
import gc
import shutil
import sqlite3
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from crm_desktop.errors import InvalidInput
from crm_desktop.models.capture import capture_suppressed
from crm_desktop.models.database import Database, open_database
from crm_desktop.services import contacts, undo
from crm_desktop.services.fields import ContactChanges
from crm_desktop.services.importer import (
    ImportCancelled,
    import_file,
    redo_import,
    undo_import,
)
from crm_desktop.services.importer.common import SheetImport
from crm_desktop.services.importer.contacts import STREAM_ROWS
from crm_desktop.services.records import ContactRecord
from crm_desktop.services.rows import Shape, Writer, collection_paused
from tests.data.schema_versions import FOLDER as FIXTURES

HEADER = "نام,نام خانوادگی,موبایل,ایمیل,سمت,برچسب"
PEOPLE = 2 * STREAM_ROWS + 300  # three batches, the last one short


def person_row(i: int, *, email: str = "", job: str = "", tag: str = "") -> str:
    return f"شخص,شماره {i},0912{i:07d},{email},{job},{tag}"


def write_csv(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join([HEADER, *lines]) + "\n", encoding="utf-8")
    return path


EARLY = range(11, 51)  # with a job title and a tag from the start (the columns are mapped)
LATER = range(1, 11)  # people who come back in the last batch


@pytest.fixture
def returning(tmp_path: Path) -> Path:
    """Every person once, then, after the first batch is long written, ten of them
    again with a second email, their job title and a tag (as a second sheet pasted
    under the first)."""
    lines = [person_row(i, email=f"p{i}@mail.example", **early(i)) for i in range(PEOPLE)]
    lines += [
        person_row(i, email=f"work{i}@firm.example", job="مدیر خرید", tag="نمایشگاه") for i in LATER
    ]
    return write_csv(tmp_path / "returning.csv", lines)


def early(i: int) -> dict[str, str]:
    return {"job": "کارشناس", "tag": "VIP"} if i in EARLY else {}


def contact_by_mobile(db: Database, i: int) -> ContactRecord:
    found = contacts.list_contacts(db, f"0912{i:07d}")
    assert len(found) == 1, f"0912{i:07d}: {len(found)} contacts"
    return found[0]


def fts_is_sound(path: Path) -> None:
    """Both search indexes hold exactly the search rows (SQLite's own check)."""
    with sqlite3.connect(path) as conn:
        for index in ("contact_fts", "contact_words"):
            conn.execute(f"INSERT INTO {index}({index}) VALUES ('integrity-check')")


def test_a_later_batch_fills_in_a_contact_already_written(
    db: Database, db_path: Path, returning: Path
) -> None:
    dry = import_file(db, returning, dry_run=True)
    real = import_file(db, returning)
    counts = (real.created, real.updated, real.duplicates, real.skipped)
    assert counts == (PEOPLE, 0, len(LATER), 0)
    assert (dry.created, dry.updated, dry.duplicates, dry.skipped) == counts
    assert [(p.row, p.en) for p in dry.warnings] == [(p.row, p.en) for p in real.warnings]
    assert contacts.count_contacts(db) == PEOPLE

    first = contact_by_mobile(db, 3)
    assert first.emails == ("p3@mail.example", "work3@firm.example")
    assert first.job_title == "مدیر خرید"
    assert first.tags == ("نمایشگاه",)
    # Search knows what the later row added, and finds nobody twice.
    assert [c.id for c in contacts.list_contacts(db, "work3@firm.example")] == [first.id]
    assert contacts.count_contacts(db, "مدیر خرید") == len(LATER)
    assert contact_by_mobile(db, 12).job_title == "کارشناس"
    untouched = contact_by_mobile(db, 3000)
    assert untouched.emails == ("p3000@mail.example",) and untouched.job_title is None
    fts_is_sound(db_path)


@pytest.mark.parametrize("between", [0, STREAM_ROWS])
def test_a_name_only_row_matches_the_same_whatever_batch_it_falls_in(
    db: Database, tmp_path: Path, between: int
) -> None:
    # علی (no family name) is made, then filled in as علی رضایی by his phone; a row with
    # only the name علی رضایی is another person, as it would be at the top of the file:
    # a contact is found by the name its own row gave, whatever later rows filled in.
    lines = ["علی,,09121111111,,,", "علی,رضایی,09121111111,,,"]
    lines += [person_row(i) for i in range(100, 100 + between)]
    lines += ["علی,رضایی,,,,"]
    path = write_csv(tmp_path / "names.csv", lines)
    dry = import_file(db, path, dry_run=True)
    real = import_file(db, path)
    assert (real.created, real.duplicates) == (dry.created, dry.duplicates) == (between + 2, 1)
    assert len(contacts.list_contacts(db, "علی")) == 2


@pytest.mark.parametrize("id_list", [undo._ID_LIST, 1000], ids=["one list", "several lists"])
def test_undo_and_redo_of_a_streamed_import(
    db: Database, db_path: Path, returning: Path, id_list: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Undo takes the rows away 20,000 ids per statement; with lists of 1,000 the same
    # import goes in several, and comes back whole.
    monkeypatch.setattr(undo, "_ID_LIST", id_list)
    imported = import_file(db, returning)
    assert imported.import_id is not None
    undo_import(db, imported.import_id)
    assert contacts.count_contacts(db) == 0
    assert contacts.count_contacts(db, "work3@firm.example") == 0
    redo_import(db, imported.import_id)
    assert contacts.count_contacts(db) == PEOPLE
    again = contact_by_mobile(db, 3)
    assert again.emails == ("p3@mail.example", "work3@firm.example")
    assert again.job_title == "مدیر خرید" and again.tags == ("نمایشگاه",)
    fts_is_sound(db_path)


def test_every_row_written_in_the_background_is_in_the_change_log(
    db: Database, db_path: Path, returning: Path
) -> None:
    imported = import_file(db, returning)
    with sqlite3.connect(db_path) as conn:
        (op_id,) = conn.execute(
            "SELECT op_id FROM operations WHERE kind = 'import' AND ref = ?",
            (imported.import_id,),
        ).fetchone()
        logged = dict(
            conn.execute(
                "SELECT table_name, count(*) FROM change_log WHERE op_id = ? "
                "AND action = 'insert' GROUP BY table_name",
                (op_id,),
            ).fetchall()
        )
        written = {
            table: conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
            for table in ("contacts", "contact_phones", "contact_emails", "contact_tags")
        }
        # The bulk marker lives only inside the import's transaction.
        assert (
            conn.execute("SELECT value FROM local_settings WHERE key = 'bulk_op'").fetchall() == []
        )
    assert {table: logged.get(table) for table in written} == written
    # The later rows' emails and tags were added to written contacts: logged as inserts.
    assert written["contact_emails"] == PEOPLE + len(LATER)
    assert written["contact_tags"] == len(EARLY) + len(LATER)


def test_a_contact_edited_after_the_import_is_logged_with_its_own_operation(
    db: Database, db_path: Path, returning: Path
) -> None:
    # After a bulk import, a plain edit takes its operation from crm_op() again.
    import_file(db, returning)
    first = contact_by_mobile(db, 3)
    contacts.update_contact(db, first.id, ContactChanges(city="تبریز"))
    with sqlite3.connect(db_path) as conn:
        kinds = conn.execute(
            "SELECT o.kind FROM change_log c JOIN operations o ON o.op_id = c.op_id "
            "WHERE c.record_id = ? ORDER BY c.seq",
            (first.id,),
        ).fetchall()
    assert kinds[-1] == ("edit",)


def test_cancel_after_batches_were_written_writes_nothing(
    db: Database, db_path: Path, returning: Path
) -> None:
    def cancel(done: int, total: int) -> None:
        if done >= 2 * (2 * STREAM_ROWS + 100):  # two batches handed to the writer
            raise ImportCancelled()

    with pytest.raises(ImportCancelled):
        import_file(db, returning, progress=cancel)
    assert contacts.count_contacts(db) == 0
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT count(*) FROM change_log").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM contact_search").fetchone()[0] == 0
    # And the same file imports whole afterwards.
    assert import_file(db, returning).created == PEOPLE
    fts_is_sound(db_path)


def test_a_failing_background_statement_is_raised_and_rolls_back(db: Database) -> None:
    # Two tags with one id: the second thread's insert fails; the caller hears of it and
    # the transaction keeps nothing (not even the rows of the batches before).
    shape = Shape("tags", ("id", "name", "created_at", "updated_at"))
    stamp = "2026-12-04 10:00:00.000000"
    with pytest.raises(sqlite3.IntegrityError), db.session() as session:
        writer = Writer(session)
        with writer.background():
            writer.add_values(shape, ("tag-1", "اول", stamp, stamp))
            writer.flush()
            writer.add_values(shape, ("tag-2", "دوم", stamp, stamp))
            writer.add_values(shape, ("tag-2", "دوم دوباره", stamp, stamp))
            writer.flush()
            writer.execute("SELECT 1")  # not run: the thread stops at its first error
    with db.session() as session:
        names = session.connection().exec_driver_sql("SELECT name FROM tags").scalars().all()
    assert "اول" not in names and "دوم" not in names


def test_an_upgraded_database_of_the_previous_version_streams_an_import(
    tmp_path: Path, returning: Path
) -> None:
    # Its triggers are made again by the migration: nothing indexed twice, all logged.
    path = tmp_path / "office.sqlite3"
    shutil.copyfile(FIXTURES / "crm-0005.sqlite3", path)
    with open_database(path) as db:
        before = contacts.count_contacts(db)
        imported = import_file(db, returning)
        assert imported.created == PEOPLE
        assert contacts.count_contacts(db) == before + PEOPLE
        assert contact_by_mobile(db, 7).emails == ("p7@mail.example", "work7@firm.example")
    fts_is_sound(path)


def test_with_capture_off_the_writer_writes_at_once_and_logs_nothing(
    db: Database, db_path: Path
) -> None:
    # Sync applies remote changes with capture off: no marker then, so no thread either.
    shape = Shape("tags", ("id", "name", "created_at", "updated_at"))
    stamp = "2026-12-04 10:00:00.000000"
    with db.session() as session, capture_suppressed(session):
        writer = Writer(session)
        with writer.background():
            writer.add_values(shape, ("tag-remote", "از دفتر", stamp, stamp))
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT name FROM tags WHERE id = 'tag-remote'").fetchall() == [
            ("از دفتر",)
        ]
        logged = "SELECT count(*) FROM change_log WHERE row_id = 'tag-remote'"
        assert conn.execute(logged).fetchone() == (0,)


def test_an_import_leaves_the_collector_and_thread_switching_as_they_were(
    db: Database, returning: Path, tmp_path: Path
) -> None:
    # During an import Python's cyclic collector is off and the thread switch interval
    # short (``rows.collection_paused``, ``Writer.background``); afterwards, whatever
    # way it ended, the app's process is as before, or it would leak cycles from then on.
    interval = sys.getswitchinterval()
    during: list[tuple[bool, float]] = []

    def watch(done: int, total: int) -> None:
        during.append((gc.isenabled(), sys.getswitchinterval()))

    assert import_file(db, returning, progress=watch).created == PEOPLE
    assert not any(enabled for enabled, _ in during)
    assert min(switch for _, switch in during) < interval
    assert gc.isenabled() and sys.getswitchinterval() == interval

    def cancel(done: int, total: int) -> None:
        if done >= 2 * (2 * STREAM_ROWS + 100):
            raise ImportCancelled()

    with pytest.raises(ImportCancelled):
        import_file(db, returning, progress=cancel)
    assert gc.isenabled() and sys.getswitchinterval() == interval
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not a workbook")
    with pytest.raises(InvalidInput):
        import_file(db, broken)
    assert gc.isenabled()


def overlapping(
    first: Callable[[], contextlib.AbstractContextManager[object]],
    second: Callable[[], contextlib.AbstractContextManager[object]],
    probe: Callable[[], object],
) -> dict[str, object]:
    """Run the two blocks on two threads, the second starting inside the first and the
    first ending inside the second: ``probe()`` after the first ended, and after both."""
    first_in, second_in, first_out = threading.Event(), threading.Event(), threading.Event()
    seen: dict[str, object] = {}

    def run_first() -> None:
        with first():
            first_in.set()
            second_in.wait(5)
        first_out.set()

    def run_second() -> None:
        first_in.wait(5)
        with second():
            second_in.set()
            first_out.wait(5)
            seen["after the first ended"] = probe()
        seen["after both"] = probe()

    threads = [threading.Thread(target=run_first), threading.Thread(target=run_second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    return seen


def test_the_collector_stays_off_until_the_last_of_two_imports_ends() -> None:
    # The window imports on a worker thread while, say, a scheduled command imports on
    # another: the first to end must not turn the collector back on under the second.
    seen = overlapping(collection_paused, collection_paused, gc.isenabled)
    assert seen == {"after the first ended": False, "after both": True}


def test_an_import_is_freed_when_it_ends_without_the_collector(
    db: Database, tmp_path: Path
) -> None:
    # The collector is off during an import, so nothing of it may hang in a cycle (an
    # exception kept with the frames that raised it, say): else the whole import, its
    # rows and contacts, outlives it. Fifty bad dates, each a warning, keep nothing.
    lines = [f"{HEADER},تاریخ تولد"]
    lines += [f"{person_row(i)},1404/12/30" for i in range(50)]
    path = tmp_path / "dates.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    was_enabled = gc.isenabled()
    gc.collect()
    gc.disable()
    try:
        result = import_file(db, path)
        left = [o for o in gc.get_objects() if isinstance(o, SheetImport)]
    finally:
        if was_enabled:
            gc.enable()
    assert result.created == 50 and len(result.warnings) == 50
    assert left == []


def test_two_writers_ending_out_of_order_put_thread_switching_back(
    db: Database, tmp_path: Path
) -> None:
    # Two imports writing at once (two databases, two threads): the first ends before
    # the second; switching is fast until both are done, then as it was.
    interval = sys.getswitchinterval()
    other = open_database(tmp_path / "other.sqlite3", create=True)

    @contextlib.contextmanager
    def writing(database: Database) -> Iterator[None]:
        with database.session() as session, Writer(session).background():
            yield

    seen = overlapping(lambda: writing(db), lambda: writing(other), sys.getswitchinterval)
    other.close()
    assert isinstance(seen["after the first ended"], float)
    assert seen["after the first ended"] < interval
    assert seen["after both"] == interval
