"""Build the databases of past schema versions that ``tests/test_schema_versions.py`` upgrades.

``python -m tests.data.schema_versions.make [REVISION ...] [--out FOLDER]`` writes
``crm-REVISION.sqlite3`` for each revision asked for; with none, for every revision
below the head that has no file yet. It never replaces a file: a committed fixture
stands for the databases users already have, and remaking it with today's code would
test today's code against itself (README.md).

A fixture is made in three steps:

1. A database at the newest revision is filled as an office fills one: the demo
   generator (fixed seed and day, its activities thinned out to keep the file small), a
   few names stored with Arabic letters, edits through the services (a contact in the
   trash, saved filters, one of them deleted) and real imports of generated spreadsheets
   through the importer (companies; contacts, some of them already in the database; a
   third import, undone).
2. The ids and the moments that the run's clock gave are mapped to fixed ones, so that
   two runs write the same bytes.
3. For each revision R, Alembic migrates an empty file to R, and each table of R
   receives, parents first, the columns R has, mapped as in 2, with no trigger running
   on them; the search indexes are rebuilt after. Rows a later migration inserts itself
   (0002's default pipeline and lookups) get other ids below that migration, as if the
   office had typed its own, so that the migration still has its own rows to add.
"""

from __future__ import annotations

import argparse
import datetime as dt
import graphlib
import random
import re
import shutil
import sqlite3
import sys
import tempfile
from collections.abc import Callable, Generator, Iterable, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text

from crm_desktop.models import ImportBatch, ImportChange, new_id, utcnow
from crm_desktop.models.database import Database, alembic_config, open_database
from crm_desktop.services.contact_list import ContactFilter
from crm_desktop.services.contacts import delete_contacts
from crm_desktop.services.demo import generate_demo, names
from crm_desktop.services.importer import import_file, undo_import
from crm_desktop.services.search import reindex_contacts
from crm_desktop.services.segments import delete_segment, save_segment
from tests.data.schema_versions import FOLDER, columns, data_tables, fixture_name, revisions
from tests.importer_files import (
    ZWNJ,
    Grid,
    arabic_letters,
    full_names_grid,
    messy_contacts_grid,
    persian_digits,
    write_xlsx,
)

SEED = 1404
TODAY = dt.date(2026, 11, 18)
CONTACTS = 120
# The demo logs every working day of three months (~3,600 activities at 120 contacts,
# 3 MB): one done activity in this many is kept, and a quarter of the open ones.
DONE_ACTIVITIES_KEPT_ONE_IN = 40
# The app's files have 4 KiB pages; a quarter of that makes the fixtures 25% smaller
# (each of the ~100 tables and indexes takes whole pages) and migrations do not care.
PAGE_SIZE = 1024
IMPORTED_COMPANIES = 25
# What the run's clock stamped (imports, trash, saved filters) is moved to this hour.
CLOCK = dt.datetime(2026, 11, 18, 7, 0)  # 10:30 in Tehran, the demo's "today"
# Ids made by the run become UUIDv7s of this moment onwards, in the same order.
ID_EPOCH = dt.datetime(2026, 11, 18, tzinfo=dt.UTC)
# Ids a later migration gives its own rows are replaced, below it, by ids of this moment
# (when the demo's manager opened the office: 800 days before "today").
TYPED_EPOCH = dt.datetime(2024, 9, 9, tzinfo=dt.UTC)

_UUID7 = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")
_MOMENT = re.compile(r"\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(?:\.\d{1,6})?")
_STORED_MOMENT = "%Y-%m-%d %H:%M:%S.%f"  # how SQLAlchemy writes a DateTime in SQLite


# ------------------------------------------------------------- 1. an office's data


def _run(job: Generator[Any, None, Any]) -> Any:
    while True:
        try:
            next(job)
        except StopIteration as finished:
            return finished.value


def fill(db: Database, work: Path) -> None:
    _run(generate_demo(db, contacts=CONTACTS, seed=SEED, today=TODAY))
    with db.session() as session:
        session.execute(
            text(
                f"DELETE FROM activities WHERE rowid % {DONE_ACTIVITIES_KEPT_ONE_IN} "
                "AND (done_at IS NOT NULL OR rowid % 4)"
            )
        )
    _typed_on_an_arabic_keyboard(db)
    _edits(db)
    _imports(db, work)


def _typed_on_an_arabic_keyboard(db: Database) -> None:
    """Names stored with ي and ك, which the app's own writes never store but a file can
    hold (another tool, a hand edit): a migration must keep them as they are, and search,
    whose text the app builds, finds them by their Persian spelling."""
    with db.session() as session:
        people = session.execute(
            text(
                "SELECT id, first_name, last_name FROM contacts "
                "WHERE first_name || last_name GLOB '*[یک]*' ORDER BY rowid LIMIT 3"
            )
        ).all()
        for contact_id, first, last in people:
            session.execute(
                text("UPDATE contacts SET first_name = :f, last_name = :l WHERE id = :id"),
                {"f": arabic_letters(first), "l": arabic_letters(last), "id": contact_id},
            )
        reindex_contacts(session, [p[0] for p in people])
        session.execute(
            text(
                "UPDATE companies SET notes = :n WHERE rowid = (SELECT min(rowid) FROM companies)"
            ),
            {"n": arabic_letters("مشتری قدیمی؛ پیش‌فاکتور را با پیک بفرستید.\nکد اقتصادی ندارد.")},
        )


def _edits(db: Database) -> None:
    with db.session() as session:
        trashed = session.scalar(text("SELECT id FROM contacts ORDER BY rowid LIMIT 1 OFFSET 10"))
        vip = session.scalar(text("SELECT id FROM tags ORDER BY rowid LIMIT 1"))
        owner = session.scalar(text("SELECT id FROM users ORDER BY rowid LIMIT 1 OFFSET 1"))
    delete_contacts(db, [trashed])
    save_segment(db, "مشتریان تهران", ContactFilter(cities=("تهران",), lifecycles=("customer",)))
    save_segment(db, f"ویژه{ZWNJ}ها", ContactFilter(tag_ids=(vip,), owner_ids=(owner,)))
    old = save_segment(db, "بی‌پاسخ‌های پاییز", ContactFilter(search="0912", inactive_days=30))
    delete_segment(db, old.id)


def _imports(db: Database, work: Path) -> None:
    companies = write_xlsx(work / "شرکت‌ها.xlsx", _companies_grid())
    import_file(db, companies, kind="companies", today=TODAY)
    contacts = write_xlsx(work / "مشتریان نمایشگاه.xlsx", _contacts_grid(db))
    import_file(db, contacts, kind="contacts", today=TODAY)
    names_only = write_xlsx(work / "فهرست تلفن.xlsx", full_names_grid())
    undone = import_file(db, names_only, kind="contacts", today=TODAY)
    assert undone.import_id is not None
    undo_import(db, undone.import_id)
    _import_of_an_older_version(db)


def _import_of_an_older_version(db: Database) -> None:
    """An import made before the change log (0005): its creations and fills are in
    ``import_changes``, which an office that upgraded keeps and today's importer no
    longer writes (``services.importer.history`` undoes it by them)."""
    with db.session() as session:
        people = session.scalars(text("SELECT id FROM contacts ORDER BY rowid LIMIT 3")).all()
        user = session.scalar(text("SELECT id FROM users ORDER BY rowid LIMIT 1"))
        now = utcnow()
        batch = ImportBatch(
            id=new_id(),
            file_name="مشتریان قدیمی.xlsx",
            sheet="Sheet1",
            kind="contacts",
            on_duplicate="update",
            rows=3,
            created=2,
            updated=1,
            user_id=user,
            created_at=now,
            updated_at=now,
            updated_by=user,
        )
        session.add(batch)
        session.flush()
        for contact_id, action, field, old, new in (
            (people[0], "create", None, None, None),
            (people[1], "create", None, None, None),
            (people[2], "fill", "job_title", "null", '"مدیر خرید"'),
        ):
            session.add(
                ImportChange(
                    id=new_id(),
                    import_id=batch.id,
                    table_name="contacts",
                    record_id=contact_id,
                    action=action,
                    field=field,
                    old_value=old,
                    new_value=new,
                    created_at=now,
                    updated_at=now,
                    updated_by=user,
                )
            )


def _companies_grid() -> Grid:
    """New companies, typed with both kinds of letters and digits, some fields empty."""
    rng = random.Random(SEED)
    grid: Grid = [["نام شرکت", "صنعت", "تلفن", "ایمیل", "وب‌سایت", "شهر", "توضیحات"]]
    seen: set[str] = set()
    while len(grid) <= IMPORTED_COMPANIES:
        kind, industries = rng.choice(names.COMPANY_KINDS)
        (word, latin), (second, second_latin) = rng.sample(names.COMPANY_WORDS, 2)
        name = f"{kind} {word} {second}"
        if name in seen:
            continue
        seen.add(name)
        city, _province, area, _weight = rng.choice(names.CITIES)
        phone = f"0{area}{rng.randrange(2, 9)}{rng.randrange(10**7):07d}"
        n = len(grid)
        grid.append(
            [
                arabic_letters(name) if n % 4 == 0 else name,
                rng.choice(industries) if n % 5 else None,
                persian_digits(phone) if n % 3 == 0 else phone,
                f"info@{latin}{second_latin}.example" if n % 2 else None,
                f"www.{latin}{second_latin}.example" if n % 3 == 1 else None,
                city,
                f"نمایندهٔ انحصاری{ZWNJ}ها در {city}" if n % 6 == 0 else None,
            ]
        )
    return grid


def _contacts_grid(db: Database) -> Grid:
    """The messy exhibition list, then rows about people already in the database (found
    by their mobile): the importer fills what they lack and keeps what they have."""
    grid = messy_contacts_grid()
    with db.session() as session:
        known = session.execute(
            text(
                "SELECT c.first_name, c.last_name, p.number, c.city FROM contacts c "
                "JOIN contact_phones p ON p.contact_id = c.id AND p.position = 0 "
                "WHERE c.deleted_at IS NULL AND c.job_title IS NULL "
                "ORDER BY c.rowid LIMIT 4"
            )
        ).all()
    for i, (first, last, number, city) in enumerate(known):
        national = "0" + number.removeprefix("+98")
        grid.append(
            [
                first,
                last,
                persian_digits(national) if i % 2 else national,
                None,
                f"person{i}@mail.example",
                "1362/07/0" + str(i + 1),
                city,
                "کارشناس خرید",
                None,
                "نمایشگاه",
            ]
        )
    return grid


# --------------------------------------------------------------- 2. the same bytes


def _uuid7s(count: int, epoch: dt.datetime, rng: random.Random) -> list[str]:
    """``count`` UUIDv7s one millisecond apart from ``epoch``, in ascending order."""
    start = int(epoch.timestamp() * 1000)
    ids = []
    for n in range(count):
        value = (start + n) << 80 | 0x7 << 76 | rng.getrandbits(12) << 64
        value |= 0b10 << 62 | rng.getrandbits(62)
        h = f"{value:032x}"
        ids.append(f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}")
    return ids


def _texts(conn: sqlite3.Connection, tables: Sequence[str]) -> Iterable[str]:
    for table in tables:
        select = ", ".join(f'"{c}"' for c in columns(conn, table))
        for row in conn.execute(f'SELECT {select} FROM "{table}"'):
            yield from (v for v in row if isinstance(v, str))


Change = Callable[[object], object]


def _replacing(pattern: re.Pattern[str], replacements: dict[str, str]) -> Change:
    def change(value: object) -> object:
        if not isinstance(value, str):
            return value
        return pattern.sub(lambda m: replacements.get(m[0], m[0]), value)

    return change


def stable_values(path: Path, run: tuple[dt.datetime, dt.datetime], keep: set[str]) -> Change:
    """What turns a value of ``path`` into the same value in every run: the run's random
    ids (all but ``keep``) and its clock's moments (between the two of ``run``) become
    fixed ones, in the same order, wherever they occur (JSON and import changes too)."""
    conn = sqlite3.connect(path)
    try:
        found_ids: set[str] = set()
        moments: set[str] = set()
        started, finished = (t.strftime(_STORED_MOMENT) for t in run)
        for value in _texts(conn, data_tables(conn)):
            found_ids.update(_UUID7.findall(value))
            moments.update(m for m in _MOMENT.findall(value) if started <= m <= finished)
    finally:
        conn.close()
    made = sorted(found_ids - keep)
    ids = dict(zip(made, _uuid7s(len(made), ID_EPOCH, random.Random(SEED)), strict=True))
    assert not set(ids.values()) & found_ids
    times = {
        m: (CLOCK + dt.timedelta(seconds=n)).strftime(_STORED_MOMENT)
        for n, m in enumerate(sorted(moments))
    }
    new_id, new_time = _replacing(_UUID7, ids), _replacing(_MOMENT, times)
    return lambda value: new_time(new_id(value))


# ----------------------------------------------------------------- 3. one revision


def migrate_empty(path: Path, revision: str) -> None:
    from alembic import command

    engine = create_engine(f"sqlite:///{path}")
    try:
        with engine.begin() as conn:
            config = alembic_config()
            config.attributes["connection"] = conn
            command.upgrade(config, revision)
    finally:
        engine.dispose()


def parents_first(conn: sqlite3.Connection, tables: Iterable[str]) -> list[str]:
    wanted = sorted(tables)
    graph: dict[str, set[str]] = {}
    for table in wanted:
        parents = {row[2] for row in conn.execute(f'PRAGMA foreign_key_list("{table}")')}
        graph[table] = parents & set(wanted) - {table}  # a row may point at its own table
    return list(graphlib.TopologicalSorter(graph).static_order())


def ids_made_by_migrations(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {i for value in _texts(conn, data_tables(conn)) for i in _UUID7.findall(value)}
    finally:
        conn.close()


def build(source: Path, stable: Change, revision: str, target: Path, work: Path) -> None:
    """``target``: an empty file migrated to ``revision``, then ``source``'s rows."""
    if target.exists():
        raise SystemExit(f"{target} exists; a fixture is never made again (README.md)")
    head_empty = work / "empty-head.sqlite3"
    if not head_empty.exists():
        migrate_empty(head_empty, "head")
    draft = work / target.name
    draft.unlink(missing_ok=True)
    migrate_empty(draft, revision)
    theirs = sorted(ids_made_by_migrations(head_empty) - ids_made_by_migrations(draft))
    typed = _replacing(
        _UUID7,
        dict(zip(theirs, _uuid7s(len(theirs), TYPED_EPOCH, random.Random(revision)), strict=True)),
    )
    conn = sqlite3.connect(draft, isolation_level=None)
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("ATTACH DATABASE ? AS source", (str(source),))
        conn.execute("BEGIN")
        # The rows are the office's as they were, not new writes: no trigger runs on
        # them (none stamps or logs them again); the search indexes are rebuilt after.
        triggers = conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
        ).fetchall()
        for name, _sql in triggers:
            conn.execute(f'DROP TRIGGER "{name}"')
        for table in parents_first(conn, data_tables(conn)):
            _copy(conn, table, lambda value: typed(stable(value)))
        for (index,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE % USING fts5%'"
        ).fetchall():
            conn.execute(f'INSERT INTO "{index}"("{index}") VALUES (\'rebuild\')')
        for _name, sql in triggers:
            conn.execute(sql)
        conn.execute("COMMIT")
        conn.execute("DETACH DATABASE source")
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [(revision,)]
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute(f"PRAGMA page_size = {PAGE_SIZE}")
        conn.execute("VACUUM")
    finally:
        conn.close()
    shutil.move(draft, target)


def _copy(conn: sqlite3.Connection, table: str, change: Change) -> None:
    wanted = columns(conn, table)
    missing = [c for c in wanted if c not in columns(conn, table, "source")]
    if missing:
        # A later migration renamed or dropped it: build from a checkout where this
        # revision is still the head (README.md).
        raise SystemExit(f"{table}.{', '.join(missing)} is not in the newest schema")
    key = [row[1] for row in conn.execute(f'PRAGMA table_info("{table}")') if row[5]]
    names_ = ", ".join(f'"{c}"' for c in wanted)
    where = " AND ".join(f'"{c}" = ?' for c in key)
    rows = conn.execute(f'SELECT {names_} FROM source."{table}" ORDER BY rowid').fetchall()
    for row in rows:
        values = dict(zip(wanted, (change(v) for v in row), strict=True))
        pk = [values[c] for c in key]
        if conn.execute(f'SELECT 1 FROM "{table}" WHERE {where}', pk).fetchone():
            # A row this revision's migrations made: take the office's version of it.
            sets = ", ".join(f'"{c}" = ?' for c in wanted)
            conn.execute(f'UPDATE "{table}" SET {sets} WHERE {where}', (*values.values(), *pk))
        else:
            marks = ", ".join("?" for _ in wanted)
            conn.execute(
                f'INSERT INTO "{table}" ({names_}) VALUES ({marks})', tuple(values.values())
            )


# ------------------------------------------------------------------------ command


def make_source(work: Path) -> tuple[Path, Change]:
    path = work / "source.sqlite3"
    started = utcnow()
    with open_database(path, create=True) as db:
        keep = ids_made_by_migrations(path)
        fill(db, work)
    return path, stable_values(path, (started, utcnow()), keep)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tests.data.schema_versions.make", description=__doc__.split("\n")[0]
    )
    parser.add_argument("revisions", nargs="*", help="default: each missing one below the head")
    parser.add_argument("--out", type=Path, default=FOLDER, help="folder (default: this one)")
    args = parser.parse_args(argv)
    known = revisions()
    wanted = args.revisions or [r for r in known[:-1] if not (args.out / fixture_name(r)).exists()]
    unknown = [r for r in wanted if r not in known]
    if unknown:
        parser.error(f"no such revision: {', '.join(unknown)} (known: {', '.join(known)})")
    taken = [fixture_name(r) for r in wanted if (args.out / fixture_name(r)).exists()]
    if taken:
        parser.error(f"{', '.join(taken)} exists; a fixture is never made again (README.md)")
    if not wanted:
        print("every revision below the head has its fixture")
        return 0
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        source, stable = make_source(work)
        for revision in wanted:
            target = args.out / fixture_name(revision)
            build(source, stable, revision, target, work)
            print(f"{target}: {target.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
