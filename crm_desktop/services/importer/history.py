"""Past imports, and undoing (or redoing) one as a whole, even days later.

Undo removes the records the import created and puts back the fields it filled, but
only where nobody changed them since: a record whose ``updated_at`` is later than the
import's (or its last undo/redo), or a field whose value is no longer the imported
one, is left alone and named in the result. Each change undone is marked
``reverted``, so that redo puts back exactly those.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import bindparam, func, literal, or_, select, union, update
from sqlalchemy.orm import Session

from crm_desktop.errors import InvalidInput, NotFound
from crm_desktop.models import (
    Activity,
    Company,
    Contact,
    ContactEmail,
    ContactPhone,
    ContactTag,
    Deal,
    ImportBatch,
    User,
    utcnow,
)
from crm_desktop.models.database import Database
from crm_desktop.services import lookups
from crm_desktop.services.importer.common import from_json, table_of
from crm_desktop.services.search import reindex_contacts

_CHUNK = 500
# Persian names of the fields an import fills, for "left alone: NAME (FIELD)".
_FIELD_NAMES = {
    "first_name": "نام",
    "last_name": "نام خانوادگی",
    "company": "شرکت",
    "job_title": "سمت",
    "address": "نشانی",
    "city": "شهر",
    "province": "استان",
    "birth_date": "تاریخ تولد",
    "lead_source": "منبع سرنخ",
    "campaign": "کمپین",
    "owner": "مسئول",
    "notes": "یادداشت‌ها",
    "industry": "صنعت",
    "phone": "تلفن",
    "email": "ایمیل",
    "website": "وب‌سایت",
    "stage": "مرحله",
    "amount": "مبلغ",
    "expected_close": "تاریخ پیش‌بینی بستن",
}
_MODELS: dict[str, Any] = {
    "contacts": Contact,
    "companies": Company,
    "deals": Deal,
    "contact_phones": ContactPhone,
    "contact_emails": ContactEmail,
    "contact_tags": ContactTag,
}
# Records that belong to a contact: a new one since the import means "changed since".
_CONTACT_CHILDREN = (ContactPhone, ContactEmail, ContactTag, Deal, Activity)


# What a user calls the records of each table: a phone, email or tag the import gave an
# existing contact is a change of that contact.
_RECORD_KIND = {
    "contacts": "contacts",
    "companies": "companies",
    "deals": "deals",
    "contact_phones": "contacts",
    "contact_emails": "contacts",
    "contact_tags": "contacts",
}
_OWN_TABLES = ("contacts", "companies", "deals")


@dataclass(frozen=True, slots=True)
class ImportEffect:
    """An import in the user's terms: the records it created (that an undo takes away)
    and the existing records it changed (that an undo puts back as they were), by kind
    (``contacts``, ``companies``, ``deals``)."""

    created: dict[str, int] = field(default_factory=dict)
    changed: dict[str, int] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not any(self.created.values()) and not any(self.changed.values())


@dataclass(frozen=True, slots=True)
class ImportSummary:
    id: str
    file_name: str
    sheet: str
    kind: str
    when: dt.datetime  # naive UTC
    rows: int
    created: int
    updated: int
    duplicates: int
    skipped: int
    undone: bool
    user_name: str | None
    changes: int = 0  # fields and records it wrote: 0 for a file that changed nothing

    @property
    def undoable(self) -> bool:
        """Something to undo (or, once undone, to redo)."""
        return self.changes > 0


@dataclass(frozen=True, slots=True)
class LeftAlone:
    """A record (or one field of it) that an undo or redo did not touch, because it
    was changed after the import."""

    what: str  # the record as people know it: a contact's name, a company's name
    field: str | None = None  # the import's field name ("city", "company"), or None

    def __str__(self) -> str:
        if self.field is None:
            return self.what
        return f"{self.what} ({_FIELD_NAMES.get(self.field, self.field)})"


@dataclass(slots=True)
class UndoResult:
    """What an undo (or redo) did: the changes applied, the same in the user's terms
    (records taken away or brought back, records put back as they were or changed
    again), and what was left alone."""

    reverted: int = 0
    left_alone: list[LeftAlone] = field(default_factory=list)
    effect: ImportEffect = field(default_factory=ImportEffect)


def list_imports(db: Database, limit: int = 200) -> list[ImportSummary]:
    with db.session() as session:
        t = _CHANGES.c
        changes = (
            select(func.count())
            .select_from(_CHANGES)
            .where(t.import_id == ImportBatch.id)
            .scalar_subquery()
        )
        rows = session.execute(
            select(ImportBatch, User.name, changes)
            .outerjoin(User, User.id == ImportBatch.user_id)
            .where(ImportBatch.deleted_at.is_(None))
            .order_by(ImportBatch.created_at.desc())
            .limit(limit)
        ).all()
        return [
            ImportSummary(
                id=b.id,
                file_name=b.file_name,
                sheet=b.sheet,
                kind=b.kind,
                when=b.created_at,
                rows=b.rows,
                created=b.created,
                updated=b.updated,
                duplicates=b.duplicates,
                skipped=b.skipped,
                undone=b.undone_at is not None,
                user_name=name,
                changes=count,
            )
            for b, name, count in rows
        ]


def import_effect(db: Database, import_id: str) -> ImportEffect:
    """What undoing the import would do now (or redoing it, once it is undone).

    Counted in SQL, so that asking before undoing 50,000 contacts costs no long wait.
    """
    with db.session() as session:
        batch = session.get(ImportBatch, import_id)
        if batch is None or batch.deleted_at is not None:
            raise NotFound(f"ورودی با شناسهٔ «{import_id}» پیدا نشد.", f"no import {import_id!r}")
        return _effect(session, import_id, reverted=batch.undone_at is not None)


def _effect(
    session: Session, import_id: str, *, reverted: bool, stamped: dt.datetime | None = None
) -> ImportEffect:
    """The records behind the import's changes in this state (and, given ``stamped``,
    only those an undo or redo stamped then): created ones, and existing ones changed."""
    t = _CHANGES.c
    where = [t.import_id == import_id, t.reverted.is_(reverted)]
    if stamped is not None:
        where.append(t.updated_at == stamped)
    own = t.table_name.in_(_OWN_TABLES)
    created: dict[str, int] = {
        kind: count
        for kind, count in session.execute(
            select(t.table_name, func.count(t.record_id.distinct()))
            .where(*where, own, t.action == "create")
            .group_by(t.table_name)
        )
    }
    new_records = select(t.record_id).where(*where, t.action == "create")
    changed_ids = [
        select(t.table_name.label("kind"), t.record_id.label("record")).where(
            *where, own, t.action == "fill"
        )
    ]
    for table, kind in _RECORD_KIND.items():
        if table in _OWN_TABLES:
            continue
        child = _MODELS[table]
        changed_ids.append(
            select(literal(kind).label("kind"), child.contact_id.label("record"))
            .select_from(_CHANGES)
            .join(child, child.id == t.record_id)
            .where(*where, t.table_name == table)
        )
    ids = union(*changed_ids).subquery()
    changed: dict[str, int] = {
        kind: count
        for kind, count in session.execute(
            select(ids.c.kind, func.count(ids.c.record.distinct()))
            .where(ids.c.record.not_in(new_records))
            .group_by(ids.c.kind)
        )
    }
    return ImportEffect(created=created, changed=changed)


def _batch(session: Session, import_id: str, *, undone: bool) -> ImportBatch:
    batch = session.get(ImportBatch, import_id)
    if batch is None or batch.deleted_at is not None:
        raise NotFound(f"ورودی با شناسهٔ «{import_id}» پیدا نشد.", f"no import {import_id!r}")
    if (batch.undone_at is not None) != undone:
        raise InvalidInput(
            "این ورود داده پیش‌تر برگردانده شده است."
            if batch.undone_at is not None
            else "این ورود داده برگردانده نشده است.",
            "This import is already undone." if batch.undone_at else "This import is not undone.",
        )
    return batch


@dataclass(frozen=True, slots=True)
class _Change:
    """One row of import_changes, read with Core (no ORM objects: an import of 50,000
    contacts has 50,000 of them)."""

    id: str
    table: str
    record_id: str
    action: str
    field: str | None
    old_value: str | None
    new_value: str | None


_CHANGES = table_of("import_changes")


def _changes(session: Session, import_id: str, *, reverted: bool) -> list[_Change]:
    t = _CHANGES.c
    rows = session.execute(
        select(t.id, t.table_name, t.record_id, t.action, t.field, t.old_value, t.new_value)
        .where(t.import_id == import_id, t.reverted.is_(reverted))
        .order_by(t.created_at, t.id)
    )
    return [_Change(*row) for row in rows]


def _state(
    session: Session, model: Any, ids: Sequence[str]
) -> dict[str, tuple[dt.datetime, dt.datetime | None]]:
    """id -> (updated_at, deleted_at) for these rows."""
    found: dict[str, tuple[dt.datetime, dt.datetime | None]] = {}
    for start in range(0, len(ids), _CHUNK):
        part = ids[start : start + _CHUNK]
        for row_id, updated_at, deleted_at in session.execute(
            select(model.id, model.updated_at, model.deleted_at).where(model.id.in_(part))
        ):
            found[row_id] = (updated_at, deleted_at)
    return found


def _touched_contacts(session: Session, ids: Sequence[str], since: dt.datetime) -> set[str]:
    """Contacts that got a phone, email, tag, deal or activity after ``since``."""
    touched: set[str] = set()
    for model in _CONTACT_CHILDREN:
        for start in range(0, len(ids), _CHUNK):
            part = ids[start : start + _CHUNK]
            touched.update(
                session.scalars(
                    select(model.contact_id)
                    .where(
                        model.contact_id.in_(part),
                        or_(model.updated_at > since, model.created_at > since),
                    )
                    .distinct()
                )
            )
    return touched


def _label(session: Session, table: str, record_id: str) -> str:
    model = _MODELS[table]
    if model is Contact:
        row = session.get(Contact, record_id)
        return f"{row.first_name} {row.last_name}".strip() if row else record_id
    if model in (Company, Deal):
        row = session.get(model, record_id)
        return str(getattr(row, "name", None) or getattr(row, "title", "")) if row else record_id
    return record_id


def undo_import(db: Database, import_id: str) -> UndoResult:
    """Take an import back as one transaction; what was changed since is left alone."""
    return _switch(db, import_id, undo=True)


def redo_import(db: Database, import_id: str) -> UndoResult:
    """Put back what ``undo_import`` took away, where it is still as the undo left it."""
    return _switch(db, import_id, undo=False)


def _switch(db: Database, import_id: str, *, undo: bool) -> UndoResult:
    with db.session() as session:
        batch = _batch(session, import_id, undone=not undo)
        since = batch.updated_at
        # Strictly later than anything the import (or the last undo) wrote.
        now = max(utcnow(), since + dt.timedelta(microseconds=1))
        changes = _changes(session, import_id, reverted=not undo)
        result = _apply(session, changes, since, now, undo=undo)
        batch.undone_at = now if undo else None
        batch.updated_at = now
        _stamp_reverted(session, result.ids, now, reverted=undo)
        session.flush()
        _retime(session, result.touched, now)
        result.summary.effect = _effect(session, import_id, reverted=undo, stamped=now)
        return result.summary


@dataclass(slots=True)
class _Applied:
    summary: UndoResult = field(default_factory=UndoResult)
    ids: list[str] = field(default_factory=list)  # ImportChange ids applied
    touched: dict[str, list[str]] = field(default_factory=dict)  # table -> record ids


# Children and people first, companies last: a company goes only once nobody is in it.
_ORDER = ("contact_phones", "contact_emails", "contact_tags", "deals", "contacts", "companies")


def _apply(
    session: Session,
    changes: list[_Change],
    since: dt.datetime,
    now: dt.datetime,
    *,
    undo: bool,
) -> _Applied:
    applied = _Applied()
    by_table: dict[str, list[_Change]] = {table: [] for table in _ORDER}
    for change in changes:
        by_table[change.table].append(change)
    contact_ids = [c.record_id for c in by_table["contacts"] if c.action == "create"]
    touched = _touched_contacts(session, contact_ids, since) if undo else set()
    user_id = lookups.current_user_id(session)
    for table in _ORDER:  # in this order: a company is looked at after its people
        items = by_table[table]
        if not items:
            continue
        states = _state(session, _MODELS[table], [c.record_id for c in items])
        creates = [c for c in items if c.action == "create"]
        in_use = (
            _companies_in_use(session, [c.record_id for c in creates])
            if undo and table == "companies"
            else set()
        )
        done: list[_Change] = []
        for change in creates:
            state = states.get(change.record_id)
            if state is None:
                continue
            updated_at, gone = state
            changed_since = updated_at > since or change.record_id in touched
            if changed_since or change.record_id in in_use or (gone is not None) == undo:
                applied.summary.left_alone.append(_left(session, table, change.record_id))
            else:
                done.append(change)
        _set_deleted(session, table, [c.record_id for c in done], now if undo else None, user_id)
        fills = [c for c in items if c.action == "fill"]
        done += _revert_fills(session, table, fills, states, applied, undo=undo, user=user_id)
        for change in done:
            applied.ids.append(change.id)
            applied.touched.setdefault(table, []).append(change.record_id)
        applied.summary.reverted += len(done)
    return applied


def _set_deleted(
    session: Session, table: str, ids: list[str], when: dt.datetime | None, user: str | None
) -> None:
    t = table_of(table)
    for start in range(0, len(ids), _CHUNK):
        session.execute(
            update(t)
            .where(t.c.id.in_(ids[start : start + _CHUNK]))
            .values(deleted_at=when, updated_by=user)
        )


def _revert_fills(
    session: Session,
    table: str,
    fills: list[_Change],
    states: dict[str, tuple[dt.datetime, dt.datetime | None]],
    applied: _Applied,
    *,
    undo: bool,
    user: str | None,
) -> list[_Change]:
    """Put filled fields back (or fill them again), where they are as the import left
    them; one statement per field for all records."""
    t = table_of(table)
    done: list[_Change] = []
    by_field: dict[str, list[_Change]] = {}
    for change in fills:
        by_field.setdefault(change.field or "", []).append(change)
    for name, group in by_field.items():
        current = _values(session, table, name, [c.record_id for c in group])
        params = []
        for change in group:
            state = states.get(change.record_id)
            expected = from_json(change.new_value if undo else change.old_value)
            if state is None or state[1] is not None or current.get(change.record_id) != expected:
                applied.summary.left_alone.append(_left(session, table, change.record_id, name))
                continue
            target = from_json(change.old_value if undo else change.new_value)
            params.append({"record": change.record_id, "value": target})
            done.append(change)
        if params:
            session.execute(
                update(t)
                .where(t.c.id == bindparam("record"))
                .values({name: bindparam("value"), "updated_by": user}),
                params,
            )
        if params and name in ("first_name", "last_name"):
            _resort(session, [p["record"] for p in params])
    return done


def _values(session: Session, table: str, name: str, ids: list[str]) -> dict[str, Any]:
    t = table_of(table)
    found: dict[str, Any] = {}
    for start in range(0, len(ids), _CHUNK):
        for row_id, value in session.execute(
            select(t.c.id, t.c[name]).where(t.c.id.in_(ids[start : start + _CHUNK]))
        ):
            found[row_id] = value
    return found


def _companies_in_use(session: Session, ids: list[str]) -> set[str]:
    """Companies a live contact or deal still points at."""
    used: set[str] = set()
    for model in (Contact, Deal):
        for start in range(0, len(ids), _CHUNK):
            used.update(
                session.scalars(
                    select(model.company_id)
                    .where(
                        model.company_id.in_(ids[start : start + _CHUNK]),
                        model.deleted_at.is_(None),
                    )
                    .distinct()
                )
            )
    return used


def _resort(session: Session, contact_ids: list[str]) -> None:
    """The sort keys of contacts whose name an undo or redo changed."""
    from crm_desktop.services.contacts import contact_sort_key

    t = table_of("contacts")
    params = [
        {"record": contact_id, "key": contact_sort_key(first, last)}
        for contact_id, first, last in session.execute(
            select(t.c.id, t.c.first_name, t.c.last_name).where(t.c.id.in_(contact_ids))
        )
    ]
    if params:
        session.execute(
            update(t).where(t.c.id == bindparam("record")).values(sort_key=bindparam("key")),
            params,
        )


def _left(session: Session, table: str, record_id: str, column: str | None = None) -> LeftAlone:
    # Stored id columns are the import's fields without "_id" (company_id: company).
    name = column.removesuffix("_id") if column else None
    return LeftAlone(_label(session, table, record_id), name)


def _stamp_reverted(
    session: Session, ids: Iterable[str], now: dt.datetime, *, reverted: bool
) -> None:
    ids = list(ids)
    for start in range(0, len(ids), _CHUNK):
        session.execute(
            update(_CHANGES)
            .where(_CHANGES.c.id.in_(ids[start : start + _CHUNK]))
            .values(reverted=reverted, updated_at=now)
        )


def _retime(session: Session, touched: dict[str, list[str]], now: dt.datetime) -> None:
    """Give every record undone or redone the batch's new time, then fix the search."""
    contact_ids: set[str] = set()
    for table, ids in touched.items():
        model = table_of(table)
        for start in range(0, len(ids), _CHUNK):
            session.execute(
                update(model)
                .where(model.c.id.in_(ids[start : start + _CHUNK]))
                .values(updated_at=now)
            )
        if table == "contacts":
            contact_ids.update(ids)
        elif table in ("contact_phones", "contact_emails", "contact_tags"):
            contact_model = _MODELS[table]
            for start in range(0, len(ids), _CHUNK):
                contact_ids.update(
                    session.scalars(
                        select(contact_model.contact_id).where(
                            contact_model.id.in_(ids[start : start + _CHUNK])
                        )
                    )
                )
        elif table == "companies":
            for start in range(0, len(ids), _CHUNK):
                contact_ids.update(
                    session.scalars(
                        select(Contact.id).where(
                            Contact.company_id.in_(ids[start : start + _CHUNK])
                        )
                    )
                )
    reindex_contacts(session, sorted(contact_ids))
