"""Importing a contacts sheet: rows read and matched a batch at a time, written meanwhile.

For each batch of ``STREAM_ROWS`` rows, pass one reads every row into a ``_Person`` and
decides, from normalized phones and emails alone, whether it is new or the same person
as an existing contact or an earlier row (of any batch). Pass two loads the matched
existing contacts in a few queries and applies the duplicate policy in row order. The
batch's new contacts then go to the writer, which writes them on a second thread
(``rows.Writer.background``) while the next batch is read, in the caller's one
transaction. A later row of a person already written fills the contact in at the end,
with the existing contacts the file updates.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import bindparam, select, update

from crm_desktop.errors import InvalidInput
from crm_desktop.locale import format_jalali, is_mobile, normalize_text, region_code, search_key
from crm_desktop.models import (
    Contact,
    ContactEmail,
    ContactPhone,
    ContactTag,
    Lifecycle,
)
from crm_desktop.models.capture import indexing_paused
from crm_desktop.models.ids import IdStream
from crm_desktop.services.contacts import contact_sort_key
from crm_desktop.services.fields import parse_lifecycle
from crm_desktop.services.importer.common import (
    PROGRESS_EVERY,
    SheetImport,
    Writer,
    table_of,
)
from crm_desktop.services.importer.contact_rows import SEARCH_ROW, NewContact, insert_contact
from crm_desktop.services.importer.values import list_values, split_full_name, text_value
from crm_desktop.services.lead_score import is_warm_source, rescore, warm_source_ids
from crm_desktop.services.leads import assign_new_leads
from crm_desktop.services.registry import CONTACT, TEXT_KINDS
from crm_desktop.services.search import INDEX_ROWS_AFTER, last_search_row, reindex_contacts
from crm_desktop.services.spreadsheet import SheetRow

# Text fields copied as they are (normalized): the names are split from a full name
# when need be, and notes gather the columns kept in them.
_TEXT_FIELDS = tuple(
    f.column
    for f in CONTACT.imported()
    if f.kind in TEXT_KINDS and f.column and f.name not in ("first_name", "last_name", "notes")
)
_MULTILINE = frozenset(f.column for f in CONTACT.imported() if f.kind == "multiline")
# Fields filled on an existing contact only when it has none (ids and plain values).
_FILLABLE = tuple(f.column for f in CONTACT.flagged("fillable") if f.column is not None)
_LOAD_CHUNK = 500
# Rows read (and matched) before the contacts they made are handed to the writer.
STREAM_ROWS = 2000


@dataclass(slots=True)
class _Person:
    """One row as it will be stored."""

    row: int
    values: dict[str, Any] = field(default_factory=dict)  # contacts columns
    headers: dict[str, str] = field(default_factory=dict)  # column -> header it came from
    shown: dict[str, str] = field(default_factory=dict)  # id column -> the name typed
    phones: list[str] = field(default_factory=list)
    phone_kinds: dict[str, str] = field(default_factory=dict)  # number -> mobile, work...
    emails: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)  # tag ids
    tag_names: list[str] = field(default_factory=list)
    match: str | None = None  # contact id (existing, or made by an earlier row)

    def set(self, column: str, value: Any, header: str, typed: str | None = None) -> None:
        self.values[column] = value
        self.headers[column] = header
        if typed is not None:
            self.shown[column] = typed


class ContactImport(SheetImport):
    """One contacts import (or dry run) inside the caller's transaction."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._contacts: dict[str, NewContact] = {}
        self._warm = set(warm_source_ids(self.session))  # lead sources worth most points
        self._phone_owner: dict[str, str] = {}
        self._email_owner: dict[str, str] = {}
        self._name_owner: dict[str, str] | None = None
        # The contacts made so far, by the names of the rows that made them (before a
        # later row filled one in): keyed by name only if a row ever needs it.
        self._made: list[tuple[str, str, str | None, str]] = []
        self._companies: dict[str, str] | None = None  # id -> name (``_company_names``)
        self._indexed = 0  # the last search row indexed (while writing)
        self._new_contact_id = IdStream()

    # ------------------------------------------------------------------ pass one

    def run(self, *, write: bool) -> None:
        """Rows are read, matched and applied a batch at a time, and the contacts a
        batch made are handed to the writer, which writes them (in the background)
        while the next batch is read. A later row of the same person fills in a
        contact already written: it is updated at the end, as existing ones are."""
        self._load_keys()
        rows = self.sheet.rows
        # Two parts of three for the rows (read and applied, their contacts written
        # meanwhile), the last for what is left: updates and the search index (each
        # report is a chance to cancel).
        total = len(rows) * 3
        writer = Writer(self.session)
        if write:
            self._indexed = last_search_row(self.session)
        # The search rows are indexed a batch at a time (``_write_new``), not by the
        # index's trigger row by row.
        with (
            indexing_paused(self.session),
            writer.background() if write else contextlib.nullcontext(writer),
        ):
            for start in range(0, len(rows), STREAM_ROWS):
                people: list[_Person] = []
                for done, row in enumerate(rows[start : start + STREAM_ROWS], start + 1):
                    person = self.read(row)
                    if person is not None:
                        self._match(person)
                        people.append(person)
                    if done % PROGRESS_EVERY == 0:
                        self.progress(2 * done, total)
                self._load_matched(people)
                for person in people:
                    self._apply(person)
                if write:
                    self._write_new(writer, people)
        if write:
            self._finish(2 * len(rows), total)

    def read(self, row: SheetRow) -> _Person | None:
        first, last = self._name(row)
        if not first and not last:
            self.error(
                row.number,
                "",
                "نام شخص (نام، نام خانوادگی یا نام کامل) ندارد؛ این ردیف وارد نشد.",
                "No person's name (first, last or full name); the row was skipped.",
            )
            return None
        person = _Person(row.number)
        person.values["first_name"], person.values["last_name"] = first, last
        person.phones = self.phones(row, "mobile", "phone", kinds=person.phone_kinds)
        person.emails = self.emails(row)
        spare: list[str] = []  # other columns' values of one-value fields, for the notes
        mapped = self.columns.by_field  # a field without a column is not looked for
        for name in _TEXT_FIELDS:
            if name not in mapped:
                continue
            value, header = self.text(row, name, multiline=name in _MULTILINE)
            if value:
                person.set(name, value, header)
                spare += self.columns.spare(row, name, value)
        birth = self.date(row, "birth_date", birth=True)
        if birth is not None:
            person.set("birth_date", *birth)
        spare += self._named(row, person)
        self._lifecycle(row, person)
        for cell, _header in self.columns.all(row, "tags"):
            for tag in list_values(cell):
                tag_id = self.names.tag(tag)
                if tag_id not in person.tags:
                    person.tags.append(tag_id)
                    person.tag_names.append(tag)
        notes = self.notes(row, [*spare, *self._company_fields(row)])
        if notes:
            column = (self.columns.by_field.get("notes") or self.columns.notes or [0])[0]
            person.set("notes", notes, self.columns.header(column))
        return person

    def _company_fields(self, row: SheetRow) -> list[str]:
        """A person's website, industry and (foreign) country: kept in the notes."""
        lines: list[str] = []
        for name in ("website", "industry", "country"):
            if name not in self.columns.by_field:
                continue
            value, _header = self.text(row, name)
            if not value or (name == "country" and region_code(value) == self.region):
                continue
            lines += self.columns.spare(row, name, None)
        return lines

    def _name(self, row: SheetRow) -> tuple[str, str]:
        """First and last name: each the row's cells of its columns joined (a middle
        name is part of the first name); a full name split only when both are empty."""
        first = self._joined(row, "first_name")
        last = self._joined(row, "last_name")
        if not first and not last:
            full = self.text(row, "full_name")[0]
            if full:
                return split_full_name(full)
        return first, last

    def _joined(self, row: SheetRow, name: str) -> str:
        parts: list[str] = []
        for cell, _header in self.columns.all(row, name):
            text = text_value(cell)
            if text and text not in parts:
                parts.append(text)
        return " ".join(parts)

    def _named(self, row: SheetRow, person: _Person) -> list[str]:
        """Company, lead source and campaign by name (made when new), owner if known;
        the other columns' different names, for the notes."""
        spare: list[str] = []
        finders = (
            ("company", "company_id", self.names.company),
            ("lead_source", "lead_source_id", self.names.source),
            ("campaign", "campaign_id", self.names.campaign),
        )
        for name, column, find in finders:
            if name not in self.columns.by_field:
                continue
            typed, header = self.text(row, name)
            if typed:
                person.set(column, find(typed), header, typed)
                spare += self.columns.spare(row, name, typed)
        owner = self.owner(row)
        if owner is not None:
            person.set("owner_id", *owner)
        return spare

    def _lifecycle(self, row: SheetRow, person: _Person) -> None:
        if "lifecycle" not in self.columns.by_field:
            return
        typed, header = self.text(row, "lifecycle")
        if not typed:
            return
        try:
            person.set("lifecycle", parse_lifecycle(typed), header)
        except InvalidInput as exc:
            self.warn(row.number, header, exc.fa, exc.en)

    def _load_keys(self) -> None:
        """Every live phone and email -> its contact (the oldest one wins)."""
        for number, contact_id in self.session.execute(
            select(ContactPhone.number, ContactPhone.contact_id)
            .join(Contact, Contact.id == ContactPhone.contact_id)
            .where(ContactPhone.deleted_at.is_(None), Contact.deleted_at.is_(None))
            .order_by(Contact.created_at.desc())
        ):
            self._phone_owner[number] = contact_id
        for address, contact_id in self.session.execute(
            select(ContactEmail.address, ContactEmail.contact_id)
            .join(Contact, Contact.id == ContactEmail.contact_id)
            .where(ContactEmail.deleted_at.is_(None), Contact.deleted_at.is_(None))
            .order_by(Contact.created_at.desc())
        ):
            self._email_owner[address] = contact_id

    def _by_name(self) -> dict[str, str]:
        """Name keys (see ``_name_keys``) -> contact, loaded the first time a row needs
        them; the oldest contact wins, then the ones this import made, in row order."""
        if self._name_owner is None:
            self._name_owner = {}
            for contact_id, first, last, company_id in self.session.execute(
                select(Contact.id, Contact.first_name, Contact.last_name, Contact.company_id)
                .where(Contact.deleted_at.is_(None))
                .order_by(Contact.created_at.desc())
            ):
                ours = self._contacts.get(contact_id)
                if ours is not None and ours.new:
                    continue  # written already by this import: registered in row order
                for key in _name_keys(first, last, company_id):
                    self._name_owner[key] = contact_id
            for first, last, company_id, contact_id in self._made:
                self._register_name(first, last, company_id, contact_id)
            self._made.clear()
        return self._name_owner

    def _register_name(
        self, first: str, last: str, company_id: str | None, contact_id: str
    ) -> None:
        assert self._name_owner is not None
        for key in _name_keys(first, last, company_id):
            self._name_owner.setdefault(key, contact_id)

    def _match(self, person: _Person) -> None:
        found = [self._phone_owner.get(p) for p in person.phones]
        found += [self._email_owner.get(e) for e in person.emails]
        if not person.phones and not person.emails:
            # Nothing to match by but the name: the same name at the same company (or
            # both at none) is the same person, so a second import adds nobody.
            values = person.values
            key = _name_keys(values["first_name"], values["last_name"], values.get("company_id"))
            found.append(self._by_name().get(key[0]))
        matches = list(dict.fromkeys(f for f in found if f is not None))
        if matches and self.policy != "create":
            person.match = matches[0]
            # Its other phones and emails are now known to be this person's: a later
            # row with only one of them is the same person too.
            for phone in person.phones:
                self._phone_owner.setdefault(phone, person.match)
            for email in person.emails:
                self._email_owner.setdefault(email, person.match)
            if len(matches) > 1:
                self.warn(
                    person.row,
                    "",
                    "شماره یا ایمیل این ردیف با چند مخاطب یکی است؛ با نخستین آن‌ها یکی شد.",
                    "This row's phones or emails match several contacts; it was matched "
                    "with the first.",
                )
            self.duplicates += 1
            if self.policy == "skip":
                self.skipped += 1  # a duplicate row left alone is a row not imported
            return
        if matches:
            self.duplicates += 1  # counted, but created anyway (policy "create")
        contact_id = self._new_contact_id()
        person.match = contact_id
        self._contacts[contact_id] = NewContact(
            contact_id,
            {},
            [],
            [],
            set(),
            new=True,
            first_row=person.row,
        )
        self.created += 1
        values = person.values
        first, last, company_id = (
            values["first_name"],
            values["last_name"],
            values.get("company_id"),
        )
        if self._name_owner is None:
            self._made.append((first, last, company_id, contact_id))
        else:
            self._register_name(first, last, company_id, contact_id)
        for phone in person.phones:
            self._phone_owner.setdefault(phone, contact_id)
        for email in person.emails:
            self._email_owner.setdefault(email, contact_id)

    # ------------------------------------------------------------------ pass two

    def _load_matched(self, people: Sequence[_Person]) -> None:
        wanted = [p.match for p in people if p.match is not None and p.match not in self._contacts]
        ids = list(dict.fromkeys(wanted))
        columns = [getattr(Contact, name) for name in ("id", *_FILLABLE, "lifecycle")]
        for start in range(0, len(ids), _LOAD_CHUNK):
            part = ids[start : start + _LOAD_CHUNK]
            for row in self.session.execute(select(*columns).where(Contact.id.in_(part))):
                values = dict(zip(("id", *_FILLABLE, "lifecycle"), row, strict=True))
                contact_id = values.pop("id")
                self._contacts[contact_id] = NewContact(
                    contact_id, values, [], [], set(), new=False
                )
            for model, attr in ((ContactPhone, "phones"), (ContactEmail, "emails")):
                value = ContactPhone.number if model is ContactPhone else ContactEmail.address
                for contact_id, item in self.session.execute(
                    select(model.contact_id, value)
                    .where(model.contact_id.in_(part), model.deleted_at.is_(None))
                    .order_by(model.position)
                ):
                    getattr(self._contacts[contact_id], attr).append(item)
            for contact_id, tag_id in self.session.execute(
                select(ContactTag.contact_id, ContactTag.tag_id).where(
                    ContactTag.contact_id.in_(part), ContactTag.deleted_at.is_(None)
                )
            ):
                self._contacts[contact_id].tags.add(tag_id)
            for contact_id in part:
                contact = self._contacts.get(contact_id)
                if contact is not None:
                    contact.had = (
                        frozenset(contact.phones),
                        frozenset(contact.emails),
                        frozenset(contact.tags),
                    )

    def _apply(self, person: _Person) -> None:
        assert person.match is not None
        contact = self._contacts[person.match]
        if contact.new and contact.first_row == person.row:
            # The row's own dict and lists: the row is not looked at again.
            contact.values = person.values
            contact.values.setdefault("lifecycle", Lifecycle.LEAD.value)
            contact.phones = person.phones
            contact.kinds = person.phone_kinds
            contact.emails = person.emails
            contact.tags = set(person.tags)
            return
        if self.policy == "skip":
            return
        changed = self._fill(contact, person)
        for phone in person.phones:
            if (
                phone not in contact.phones
                and self._phone_owner.get(phone, contact.id) == contact.id
            ):
                contact.phones.append(phone)
                contact.kinds.setdefault(phone, person.phone_kinds.get(phone, ""))
                changed = True
        for email in person.emails:
            if (
                email not in contact.emails
                and self._email_owner.get(email, contact.id) == contact.id
            ):
                contact.emails.append(email)
                changed = True
        for phone in person.phones:
            self._phone_owner.setdefault(phone, contact.id)
        for email in person.emails:
            self._email_owner.setdefault(email, contact.id)
        new_tags = [t for t in person.tags if t not in contact.tags]
        if new_tags:
            contact.tags.update(new_tags)
            changed = True
        if changed and (not contact.new or contact.written):
            contact.changed = True  # updated at the end
            if not contact.new:
                self._updated.add(contact.id)

    def _fill(self, contact: NewContact, person: _Person) -> bool:
        changed = False
        old_values = contact.values
        for name, value in person.values.items():
            if value in (None, ""):
                continue
            current = old_values.get(name)
            if current in (None, ""):
                if name == "lifecycle":
                    continue
                if not contact.new or contact.written:
                    contact.filled.append(name)
                old_values[name] = value
                changed = True
            elif not _same(current, value):
                self._conflict(person, name, current, value)
        return changed

    def _conflict(self, person: _Person, name: str, current: Any, value: Any) -> None:
        if name == "lifecycle" and not _lifecycle_given(person):
            return
        header = person.headers.get(name, "")
        if name in ("first_name", "last_name"):
            header = header or self.columns.header(
                (self.columns.by_field.get(name) or self.columns.by_field.get("full_name") or [0])[
                    0
                ]
            )
        if name in person.shown:  # an id: say what was typed, keep what is there
            other = person.shown[name]
            self.warn(
                person.row,
                header,
                f"مخاطب موجود مقدار دیگری دارد؛ «{other}» این ردیف به کار نرفت.",
                f"The existing contact has another value; this row's '{other}' was not used.",
            )
            return
        kept, other = _shown(current), _shown(value)
        self.warn(
            person.row,
            header,
            f"مخاطب موجود «{kept}» دارد و این ردیف «{other}»؛ مقدار موجود نگه داشته شد.",
            f"The existing contact has '{kept}' and this row '{other}'; the existing "
            "value was kept.",
        )

    # ---------------------------------------------------------------------- write

    def _write_new(self, writer: Writer, people: list[_Person]) -> None:
        """The contacts these rows made (and the names they made first), and their
        search rows, indexed (the index's trigger leaves a bulk writer's rows alone)."""
        for table, rows in self.names.new_rows.items():
            if table == "companies":
                self._company_names().update((r["id"], r["name"]) for r in rows)
            if table == "lead_sources":  # made by this import: warm ones count already
                self._warm |= {r["id"] for r in rows if is_warm_source(r["name"])}
            writer.extend(table, rows)
        self.names.new_rows.clear()
        company_names = self._company_names()
        search_rows: list[tuple[str, str, str]] = []
        for person in people:
            contact = self._contacts[person.match] if person.match else None
            if contact is None or not contact.new or contact.first_row != person.row:
                continue
            insert_contact(
                writer,
                contact,
                stamp=self.stamp,
                search_rows=search_rows,
                company_names=company_names,
                warm=self._warm,
            )
            contact.written = True
            contact.had = (
                frozenset(contact.phones),
                frozenset(contact.emails),
                frozenset(contact.tags),
            )
        for row in search_rows:
            writer.add_values(SEARCH_ROW, row)
        for sql in INDEX_ROWS_AFTER:
            writer.execute(sql, (self._indexed,))
        self._indexed += len(search_rows)

    def _finish(self, done: int, total: int) -> None:
        """Existing contacts (and ones this import wrote) that later rows filled in,
        with their search rows made again."""
        half = (total - done) // 2
        self.progress(done + half, total)
        changed = [c for c in self._contacts.values() if c.changed]
        self._update(changed)
        self.progress(total - 1, total)
        reindex_contacts(self.session, [c.id for c in changed])
        made = sorted((c for c in self._contacts.values() if c.new), key=lambda c: c.first_row)
        assign_new_leads(self.session, [c.id for c in made])  # round-robin, if so set
        # New people were written with their scores; the others (and new ones a later
        # row filled in) are worked out again.
        rescore(self.session, [c.id for c in self._contacts.values() if c.changed or not c.new])

    def _company_names(self) -> dict[str, str]:
        """Company id -> name, for the search rows: every company (loaded the first
        time), and the ones this import makes as they are written."""
        if self._companies is None:
            from crm_desktop.models import Company

            self._companies = {
                company_id: name
                for company_id, name in self.session.execute(
                    select(Company.id, Company.name).where(Company.deleted_at.is_(None))
                )
            }
        return self._companies

    def _update(self, contacts: Iterable[NewContact]) -> None:
        """Existing contacts: the filled fields, and phones, emails and tags added.

        One statement per set of filled fields, for all the contacts with that set.
        """
        writer = Writer(self.session)
        table = table_of("contacts")
        by_fields: dict[tuple[str, ...], list[dict[str, Any]]] = {}
        for contact in contacts:
            if contact.filled:
                names = tuple(sorted(contact.filled))
                values = {f"new_{name}": contact.values[name] for name in names}
                values["record"] = contact.id
                if "first_name" in names or "last_name" in names:
                    names += ("sort_key",)
                    values["new_sort_key"] = contact_sort_key(
                        contact.values["first_name"], contact.values["last_name"]
                    )
                by_fields.setdefault(names, []).append(values)
            self._add_children(writer, contact)
        stamp = {"updated_at": self.stamp["updated_at"], "updated_by": self.stamp["updated_by"]}
        for names, params in by_fields.items():
            self.session.execute(
                update(table)
                .where(table.c.id == bindparam("record"))
                .values({name: bindparam(f"new_{name}") for name in names} | stamp),
                params,
            )
        writer.flush()

    def _add_children(self, writer: Writer, contact: NewContact) -> None:
        had_phones, had_emails, had_tags = contact.had
        for position, number in enumerate(contact.phones):
            if number not in had_phones:
                row_id = writer.new_id()
                kind = contact.kinds.get(number) or ("mobile" if is_mobile(number) else "work")
                writer.add(
                    "contact_phones",
                    {
                        "id": row_id,
                        "contact_id": contact.id,
                        "number": number,
                        "kind": kind,
                        "position": position,
                        **self.stamp,
                    },
                )
        for position, address in enumerate(contact.emails):
            if address not in had_emails:
                row_id = writer.new_id()
                writer.add(
                    "contact_emails",
                    {
                        "id": row_id,
                        "contact_id": contact.id,
                        "address": address,
                        "position": position,
                        **self.stamp,
                    },
                )
        for tag_id in sorted(contact.tags - had_tags):
            row_id = writer.new_id()
            writer.add(
                "contact_tags",
                {"id": row_id, "contact_id": contact.id, "tag_id": tag_id, **self.stamp},
            )


def _name_keys(first: str, last: str, company_id: str | None) -> list[str]:
    """How a row with a name but no phone or email finds its contact: the first key is
    the one to look up, all of them are the ones a contact is found by.

    A row with both names is its full name at its company; one with just a first name
    (or just a family name) is any contact with that first (or family) name there, so
    that a row that once matched "علی" still matches him once a later row has filled in
    "رضایی".
    """
    given, family, company = search_key(first), search_key(last), company_id or ""
    keys = {
        "full": f"{given}|{family}|{company}",
        "first": f"{given}|*|{company}",
        "last": f"*|{family}|{company}",
    }
    wanted = "full" if given and family else "first" if given else "last"
    present = [k for k, part in (("first", given), ("last", family)) if part]
    return [keys[wanted], *(keys[k] for k in ("full", *present) if k != wanted)]


def _same(current: Any, value: Any) -> bool:
    if isinstance(current, str) and isinstance(value, str):
        return search_key(current) == search_key(value)
    return bool(current == value)


def _lifecycle_given(person: _Person) -> bool:
    return "lifecycle" in person.headers


def _shown(value: Any) -> str:
    if isinstance(value, dt.date):
        return format_jalali(value)
    return normalize_text(str(value))
