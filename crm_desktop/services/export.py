"""Lists to Excel: contacts (as filtered), companies, deals and activities as .xlsx.

The ``export_*`` functions read the database in one read transaction and hand the rows
to ``write_xlsx`` (``services.xlsx_writer``, re-exported here): a right-to-left sheet
that appears only once complete. A short list is looked up a chunk of ids at a time
(Core selects; phones, emails and tags by chunk); a big contacts list reads its tables
whole, once, straight from sqlite3, which at 100,000 contacts takes a third of the time
the lookups did. They write the values people read and our importer maps back: Persian
headers, Jalali dates as text with ASCII digits (``1365/04/12``, so the column sorts),
phones in national form, amounts as integer rials. A value longer than a cell holds
goes on in continuation columns the importer reads back (``SplitCell``, given to the
caller's ``splits`` list). No Qt here: the window runs these on a worker thread.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from operator import itemgetter
from pathlib import Path
from typing import Any, TypeAlias

from sqlalchemy import ColumnElement, Connection, Select, and_, func, select, true
from sqlalchemy.orm import Session

from crm_desktop.locale import format_jalali, format_phone
from crm_desktop.models import (
    Activity,
    ActivityType,
    Campaign,
    Company,
    Contact,
    ContactEmail,
    ContactPhone,
    ContactTag,
    Deal,
    LeadSource,
    Lifecycle,
    LostReason,
    Pipeline,
    Stage,
    Tag,
    User,
)
from crm_desktop.models.database import Database
from crm_desktop.services import company_list, contact_list
from crm_desktop.services.activity_changes import type_label
from crm_desktop.services.contact_list import ContactFilter, ContactSort
from crm_desktop.services.fields import LIFECYCLE_NAMES
from crm_desktop.services.office import OFFICE_UTC_OFFSET
from crm_desktop.services.registry import COMPANY, CONTACT, Entity
from crm_desktop.services.xlsx_writer import (
    INTEGER_FORMAT,
    LIST_SEPARATOR,
    MAX_CELL_CHARS,
    MAX_WIDTH,
    ExportCancelled,
    ExportFailed,
    ExportValue,
    Progress,
    SplitCell,
    TextList,
    check_target,
    write_xlsx,
)

__all__ = [
    "ACTIVITY_COLUMNS",
    "COMPANY_COLUMNS",
    "CONTACT_COLUMNS",
    "DEAL_COLUMNS",
    "EXPORT_KINDS",
    "INTEGER_FORMAT",
    "LIST_SEPARATOR",
    "MAX_CELL_CHARS",
    "MAX_WIDTH",
    "Column",
    "ExportCancelled",
    "ExportFailed",
    "ExportValue",
    "Progress",
    "SplitCell",
    "TextList",
    "check_target",
    "export_activities",
    "export_companies",
    "export_contacts",
    "export_deals",
    "headers",
    "list_title",
    "write_xlsx",
]

EXPORT_KINDS = ("contacts", "companies", "deals", "activities")
_IRAN_MOBILE = re.compile(r"\+989(\d{9})", re.ASCII)

_TITLES = {
    "contacts": ("مخاطبان", "Contacts"),
    "companies": ("شرکت‌ها", "Companies"),
    "deals": ("معاملات", "Deals"),
    "activities": ("فعالیت‌ها", "Activities"),
}


@dataclass(frozen=True, slots=True)
class Column:
    fa: str
    en: str
    number_format: str | None = None

    def header(self, lang: str) -> str:
        return self.fa if lang == "fa" else self.en


def headers(columns: Sequence[Column], lang: str = "fa") -> list[str]:
    return [column.header(lang) for column in columns]


def list_title(kind: str, lang: str = "fa") -> str:
    """The sheet's (and a default file's) name for a kind of list: ``مخاطبان``..."""
    fa, en = _TITLES[kind]
    return fa if lang == "fa" else en


def _columns(record: Entity) -> tuple[Column, ...]:
    """The registry's exported fields of ``record`` as columns, in its export order."""
    return tuple(
        Column(*f.export, INTEGER_FORMAT if f.kind == "number" else None)
        for f in record.exported()
        if f.export is not None
    )


def _in_order(names: tuple[str, ...], values: dict[str, ExportValue]) -> tuple[ExportValue, ...]:
    return tuple(values[name] for name in names)


# Contact headers are the ones our importer maps back automatically
# (``column_mapping.suggest_mapping``), so an exported file can be imported again.
CONTACT_COLUMNS = _columns(CONTACT)
COMPANY_COLUMNS = _columns(COMPANY)
_CONTACT_ORDER = tuple(f.name for f in CONTACT.exported())
_COMPANY_ORDER = tuple(f.name for f in COMPANY.exported())
DEAL_COLUMNS = (
    Column("عنوان", "Title"),
    Column("مخاطب", "Contact"),
    Column("شرکت", "Company"),
    Column("مرحله", "Stage"),
    Column("مبلغ (ریال)", "Amount (rials)", INTEGER_FORMAT),
    Column("تاریخ پیش‌بینی بستن", "Expected Close"),
    Column("مسئول", "Owner"),
    Column("تاریخ ایجاد", "Created"),
    Column("نتیجه", "Result"),
    Column("تاریخ برد یا باخت", "Won or Lost On"),
    Column("دلیل از دست رفتن", "Lost Reason"),
)
ACTIVITY_COLUMNS = (
    Column("نوع", "Type"),
    Column("موضوع", "Subject"),
    Column("تاریخ و ساعت", "Date and Time"),
    Column("مخاطب", "Contact"),
    Column("شرکت", "Company"),
    Column("معامله", "Deal"),
    Column("مسئول", "Owner"),
    Column("انجام شده", "Done"),
    Column("نتیجه", "Outcome"),
    Column("مدت (دقیقه)", "Duration (minutes)", INTEGER_FORMAT),
    Column("یادداشت‌ها", "Notes"),
)

_LIFECYCLE_EN = {
    Lifecycle.LEAD: "Lead",
    Lifecycle.PROSPECT: "Prospect",
    Lifecycle.CUSTOMER: "Customer",
    Lifecycle.INACTIVE: "Inactive",
}
_YES_NO = {"fa": ("بله", "خیر"), "en": ("Yes", "No")}
_RESULTS = {
    "fa": ("باز", "برنده", "از دست رفته"),
    "en": ("Open", "Won", "Lost"),
}


# -- values as they read in the sheet -------------------------------------------------


def _jalali(value: dt.date | dt.datetime | str | None) -> str | None:
    """``1405/09/01`` (ASCII digits, so the column sorts); times are shown local; a date
    as stored (``1986-07-03``) is read first."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        value = _local(value).date()
    return _jalali_date(value)


@functools.lru_cache(maxsize=50_000)
def _jalali_date(value: dt.date | str) -> str:
    """Cached: 100,000 birth dates fall on some 20,000 days, and jdatetime is slow."""
    day = dt.date.fromisoformat(value[:10]) if isinstance(value, str) else value
    return format_jalali(day, persian_digits=False)


def _jalali_time(value: dt.datetime | None) -> str | None:
    if value is None:
        return None
    local = _local(value)
    return f"{format_jalali(local.date(), persian_digits=False)} {local:%H:%M}"


def _local(value: dt.datetime) -> dt.datetime:
    """Stored times are naive UTC; a sheet shows the office's clock (the one due times
    are typed and days are counted in), whatever zone the laptop is set to."""
    return value + OFFICE_UTC_OFFSET


def _phone(e164: str) -> str:
    """``format_phone``, with Iranian mobiles (most phones) done without phonenumbers:
    its parsing would take a fifth of a 100,000-contact export."""
    mobile = _IRAN_MOBILE.fullmatch(e164)
    if mobile is None:
        return format_phone(e164)
    digits = mobile[1]
    return f"09{digits[:2]} {digits[2:5]} {digits[5:]}"


def _person(first: str | None, last: str | None) -> str | None:
    name = " ".join(part for part in (first, last) if part)
    return name or None


def _lifecycle(value: str, lang: str) -> str:
    try:
        member = Lifecycle(value)
    except ValueError:
        return value
    return LIFECYCLE_NAMES[member][0] if lang == "fa" else _LIFECYCLE_EN[member]


def _yes_no(value: bool, lang: str) -> str:
    yes, no = _YES_NO.get(lang, _YES_NO["en"])
    return yes if value else no


def _formats(columns: Sequence[Column]) -> dict[int, str]:
    return {i: c.number_format for i, c in enumerate(columns) if c.number_format}


def _grouped(
    rows: Iterable[tuple[str, str]], wanted: set[str] | None = None
) -> dict[str, list[str]]:
    """``(owner id, value)`` rows in order -> each owner's values (of ``wanted`` owners)."""
    found: dict[str, list[str]] = {}
    for owner_id, value in rows:
        if wanted is None or owner_id in wanted:
            found.setdefault(owner_id, []).append(value)
    return found


def _write_list(
    db: Database,
    path: Path | str,
    *,
    kind: str,
    columns: Sequence[Column],
    ids: Sequence[str] | Callable[[Session], Sequence[str]],
    rows: Callable[[Session, Sequence[str], str], Iterator[Sequence[ExportValue]]],
    progress: Progress | None,
    lang: str,
    splits: list[SplitCell] | None = None,
    name_columns: Sequence[int] = (),
) -> int:
    target = check_target(path)  # before any query: a bad name fails at once
    with db.session() as session:  # one read transaction: a consistent snapshot
        chosen = ids(session) if callable(ids) else ids
        return write_xlsx(
            target,
            list_title(kind, lang),
            headers(columns, lang),
            rows(session, chosen, lang),
            number_formats=_formats(columns),
            progress=progress,
            total=len(chosen),
            splits=splits,
            name_columns=name_columns,
        )


# -- contacts -----------------------------------------------------------------------


def export_contacts(
    db: Database,
    path: Path | str,
    flt: ContactFilter | None = None,
    sort: ContactSort | None = None,
    *,
    progress: Progress | None = None,
    lang: str = "fa",
    splits: list[SplitCell] | None = None,
) -> int:
    """The contacts the list shows for ``flt`` and ``sort``, in its order; rows written.

    A contact whose phones, emails, tags, notes or address are longer than an Excel
    cell holds has them go on in continuation columns; each such cell is appended to
    ``splits``, named by the contact's name.
    """
    check_target(path)
    chosen = contact_list.page(db, flt or ContactFilter(), sort or ContactSort())
    return _write_list(
        db,
        path,
        kind="contacts",
        columns=CONTACT_COLUMNS,
        ids=chosen,
        rows=_contact_rows,
        progress=progress,
        lang=lang,
        splits=splits,
        name_columns=_CONTACT_NAME_COLUMNS,
    )


# The order ``_contact_rows`` builds a row in; the sheet's is the registry's export order.
_CONTACT_FIELDS = (
    *("first_name", "last_name", "company", "job_title", "phone", "email", "city"),
    *("province", "address", "birth_date", "lead_source", "campaign", "owner", "lifecycle"),
    *("tags", "notes"),
)
_CONTACT_PICK = itemgetter(*(_CONTACT_FIELDS.index(name) for name in _CONTACT_ORDER))
_CONTACT_NAME_COLUMNS = tuple(_CONTACT_ORDER.index(n) for n in ("first_name", "last_name"))
# Past this many contacts (and a third of the table) reading whole tables once beats
# looking each contact up: 0.9 s against 3.1 s of SQLite at 100,000 contacts.
SCAN_AT = 10_000


def _contact_rows(
    session: Session, ids: Sequence[str], lang: str
) -> Iterator[Sequence[ExportValue]]:
    connection = session.connection()
    lifecycles = {member.value: _lifecycle(member.value, lang) for member in Lifecycle}
    # Names looked up here, not joined: 100,000 probes into companies cost SQLite 0.5 s.
    companies, sources, campaigns, owners = (
        {key: name for key, name in connection.execute(select(table.id, table.name))}
        for table in (Company, LeadSource, Campaign, User)
    )
    pick = None if _CONTACT_ORDER == _CONTACT_FIELDS else _CONTACT_PICK
    for chunk, parts in _contact_parts(connection, ids):
        by_id, phones, emails, tags = parts
        for contact_id in chunk:
            row = by_id.pop(contact_id, None)
            if row is None:  # deleted for good since the list was read
                continue
            (_, first, last, company, job, city, province, address, birth, *rest) = row
            source, campaign, owner, lifecycle, notes = rest
            phone_list = phones.pop(contact_id, None)
            email_list = emails.pop(contact_id, None)
            tag_list = tags.pop(contact_id, None)
            values = (
                first or None,
                last or None,
                companies.get(company),
                job,
                TextList(map(_phone, phone_list)) if phone_list else None,
                TextList(email_list) if email_list else None,
                city,
                province,
                address,
                _jalali_date(birth) if birth else None,  # as stored: ISO text
                sources.get(source),
                campaigns.get(campaign),
                owners.get(owner),
                lifecycles.get(lifecycle) or _lifecycle(lifecycle, lang),
                TextList(tag_list) if tag_list else None,
                notes,
            )
            yield values if pick is None else pick(values)


_ContactParts: TypeAlias = tuple[
    dict[str, Any], dict[str, list[str]], dict[str, list[str]], dict[str, list[str]]
]


def _contact_parts(
    connection: Connection, ids: Sequence[str]
) -> Iterator[tuple[Sequence[str], _ContactParts]]:
    """``ids`` in runs, each with its contacts' rows, phones, emails and tags by id.

    A small list looks its contacts up a chunk at a time; a big one reads the tables
    whole, once (random lookups cost SQLite three times the reading), keeping only the
    contacts it exports.
    """
    if len(ids) >= SCAN_AT:
        everyone = connection.execute(select(func.count()).select_from(Contact)).scalar() or 0
        if len(ids) * 3 >= everyone:
            wanted = set(ids)
            yield ids, _contact_tables(connection, None, wanted)
            return
    for chunk in company_list.chunks(ids):
        yield chunk, _contact_tables(connection, chunk, None)


def _contact_tables(
    connection: Connection, chunk: Sequence[str] | None, wanted: set[str] | None
) -> _ContactParts:
    """The contacts of ``chunk`` (all of them: None), keeping only ``wanted`` ones."""

    def of(column: Any) -> ColumnElement[bool]:
        return true() if chunk is None else column.in_(chunk)

    base = select(
        Contact.id,
        Contact.first_name,
        Contact.last_name,
        Contact.company_id,
        Contact.job_title,
        Contact.city,
        Contact.province,
        Contact.address,
        Contact.birth_date,
        Contact.lead_source_id,
        Contact.campaign_id,
        Contact.owner_id,
        Contact.lifecycle,
        Contact.notes,
    ).where(of(Contact.id))
    phones = (
        select(ContactPhone.contact_id, ContactPhone.number)
        .where(of(ContactPhone.contact_id), ContactPhone.deleted_at.is_(None))
        .order_by(ContactPhone.position, ContactPhone.created_at)
    )
    emails = (
        select(ContactEmail.contact_id, ContactEmail.address)
        .where(of(ContactEmail.contact_id), ContactEmail.deleted_at.is_(None))
        .order_by(ContactEmail.position, ContactEmail.created_at)
    )
    tags = (
        select(ContactTag.contact_id, Tag.name)
        .join(Tag, and_(Tag.id == ContactTag.tag_id, Tag.deleted_at.is_(None)))
        .where(of(ContactTag.contact_id), ContactTag.deleted_at.is_(None))
        .order_by(Tag.name)
    )
    rows = _stored(connection, base)
    by_id = {row[0]: row for row in rows if wanted is None or row[0] in wanted}
    return (
        by_id,
        _grouped(_stored(connection, phones), wanted),
        _grouped(_stored(connection, emails), wanted),
        _grouped(_stored(connection, tags), wanted),
    )


def _stored(connection: Connection, stmt: Select[*tuple[Any, ...]]) -> Iterable[tuple[Any, ...]]:
    """``stmt``'s rows straight from sqlite3, in the same transaction: plain tuples of the
    values as stored (dates as ISO text). SQLAlchemy's rows cost a second in 350,000."""
    compiled = stmt.compile(dialect=connection.dialect, compile_kwargs={"render_postcompile": True})
    values = compiled.params
    driver: Any = connection.connection.driver_connection
    cursor: Iterable[tuple[Any, ...]] = driver.execute(
        str(compiled), [values[name] for name in compiled.positiontup or ()]
    )
    return cursor


# -- companies ----------------------------------------------------------------------


def export_companies(
    db: Database,
    path: Path | str,
    search: str | None = None,
    *,
    progress: Progress | None = None,
    lang: str = "fa",
    splits: list[SplitCell] | None = None,
) -> int:
    """The companies the list shows for ``search``, in name order; rows written."""
    check_target(path)
    chosen = company_list.page(db, search)
    return _write_list(
        db,
        path,
        kind="companies",
        columns=COMPANY_COLUMNS,
        ids=chosen,
        rows=_company_rows,
        progress=progress,
        lang=lang,
        splits=splits,
        name_columns=(_COMPANY_ORDER.index("name"),),
    )


def _company_rows(
    session: Session, ids: Sequence[str], _lang: str
) -> Iterator[Sequence[ExportValue]]:
    for chunk in company_list.chunks(ids):
        people: dict[str | None, int] = {
            company_id: n
            for company_id, n in session.execute(
                select(Contact.company_id, func.count())
                .where(Contact.company_id.in_(chunk), Contact.deleted_at.is_(None))
                .group_by(Contact.company_id)
            )
        }
        by_id = {
            row[0]: row
            for row in session.execute(
                select(
                    Company.id,
                    Company.name,
                    Company.industry,
                    Company.phone,
                    Company.email,
                    Company.website,
                    Company.city,
                    Company.province,
                    Company.address,
                    User.name,
                    Company.notes,
                )
                .outerjoin(User, User.id == Company.owner_id)
                .where(Company.id.in_(chunk))
            )
        }
        for company_id in chunk:
            row = by_id.get(company_id)
            if row is None:
                continue
            _, name, industry, phone, email, website, city, province, address, owner, notes = row
            yield _in_order(
                _COMPANY_ORDER,
                {
                    "name": name,
                    "industry": industry,
                    "phone": _phone(phone) if phone else None,
                    "email": email,
                    "website": website,
                    "city": city,
                    "province": province,
                    "address": address,
                    "owner": owner,
                    "people": people.get(company_id, 0),
                    "notes": notes,
                },
            )


# -- deals --------------------------------------------------------------------------


def export_deals(
    db: Database,
    path: Path | str,
    ids: Sequence[str] | None = None,
    *,
    progress: Progress | None = None,
    lang: str = "fa",
    splits: list[SplitCell] | None = None,
) -> int:
    """Deals in pipeline order (stage by stage, as the board shows them), or just
    ``ids`` in the order given (a list the window shows); rows written."""
    return _write_list(
        db,
        path,
        kind="deals",
        columns=DEAL_COLUMNS,
        ids=_deal_ids if ids is None else ids,
        rows=_deal_rows,
        progress=progress,
        lang=lang,
        splits=splits,
        name_columns=(0,),
    )


def _deal_ids(session: Session) -> list[str]:
    stmt = (
        select(Deal.id)
        .join(Stage, Stage.id == Deal.stage_id)
        .join(Pipeline, Pipeline.id == Deal.pipeline_id)
        .where(Deal.deleted_at.is_(None))
        .order_by(Pipeline.position, Stage.position, Deal.position, Deal.created_at, Deal.id)
    )
    return list(session.scalars(stmt))


def _deal_rows(session: Session, ids: Sequence[str], lang: str) -> Iterator[Sequence[ExportValue]]:
    open_, won, lost = _RESULTS.get(lang, _RESULTS["en"])
    for chunk in company_list.chunks(ids):
        by_id = {
            row[0]: row
            for row in session.execute(
                select(
                    Deal.id,
                    Deal.title,
                    Contact.first_name,
                    Contact.last_name,
                    Company.name,
                    Stage.name,
                    Deal.amount,
                    Deal.expected_close,
                    User.name,
                    Deal.created_at,
                    Stage.is_won,
                    Stage.is_lost,
                    Deal.won_at,
                    Deal.lost_at,
                    LostReason.name,
                )
                .outerjoin(Contact, Contact.id == Deal.contact_id)
                .outerjoin(Company, Company.id == Deal.company_id)
                .outerjoin(Stage, Stage.id == Deal.stage_id)
                .outerjoin(User, User.id == Deal.owner_id)
                .outerjoin(LostReason, LostReason.id == Deal.lost_reason_id)
                .where(Deal.id.in_(chunk))
            )
        }
        for deal_id in chunk:
            row = by_id.get(deal_id)
            if row is None:
                continue
            (_, title, first, last, company, stage, amount, expected, owner) = row[:9]
            created, is_won, is_lost, won_at, lost_at, reason = row[9:]
            result = won if is_won else lost if is_lost else open_
            closed = won_at if is_won else lost_at if is_lost else None
            yield (
                title,
                _person(first, last),
                company,
                stage,
                amount,
                _jalali(expected),
                owner,
                _jalali(created),
                result,
                _jalali(closed),
                reason if is_lost else None,
            )


# -- activities ---------------------------------------------------------------------


def export_activities(
    db: Database,
    path: Path | str,
    ids: Sequence[str] | None = None,
    *,
    progress: Progress | None = None,
    lang: str = "fa",
    splits: list[SplitCell] | None = None,
) -> int:
    """Activities oldest first (by when done, else due), or just ``ids`` in the order
    given; rows written."""
    return _write_list(
        db,
        path,
        kind="activities",
        columns=ACTIVITY_COLUMNS,
        ids=_activity_ids if ids is None else ids,
        rows=_activity_rows,
        progress=progress,
        lang=lang,
        splits=splits,
        name_columns=(1,),
    )


def _activity_ids(session: Session) -> list[str]:
    when = func.coalesce(Activity.done_at, Activity.due_at, Activity.created_at)
    stmt = select(Activity.id).where(Activity.deleted_at.is_(None)).order_by(when, Activity.id)
    return list(session.scalars(stmt))


def _activity_rows(
    session: Session, ids: Sequence[str], lang: str
) -> Iterator[Sequence[ExportValue]]:
    for chunk in company_list.chunks(ids):
        by_id = {
            row[0]: row
            for row in session.execute(
                select(
                    Activity.id,
                    ActivityType.code,
                    ActivityType.name,
                    Activity.subject,
                    Activity.done_at,
                    Activity.due_at,
                    Activity.created_at,
                    Contact.first_name,
                    Contact.last_name,
                    Company.name,
                    Deal.title,
                    User.name,
                    Activity.outcome,
                    Activity.duration_minutes,
                    Activity.body,
                )
                .outerjoin(ActivityType, ActivityType.id == Activity.type_id)
                .outerjoin(Contact, Contact.id == Activity.contact_id)
                .outerjoin(Company, Company.id == Activity.company_id)
                .outerjoin(Deal, Deal.id == Activity.deal_id)
                .outerjoin(User, User.id == Activity.owner_id)
                .where(Activity.id.in_(chunk))
            )
        }
        for activity_id in chunk:
            row = by_id.get(activity_id)
            if row is None:
                continue
            (_, code, type_name, subject, done_at, due_at, created, first, last) = row[:9]
            company, deal, owner, outcome, minutes, body = row[9:]
            yield (
                type_label(code or "", type_name, lang),
                subject or None,
                _jalali_time(done_at or due_at or created),
                _person(first, last),
                company,
                deal,
                owner,
                _yes_no(done_at is not None, lang),
                outcome,
                minutes,
                body,
            )
