"""Importing a deals sheet: title, customer (person and/or company), stage and amount.

The person a deal names is found by phone or email first, then by full name; one
that does not exist yet is created with what the row gives. Stages are matched by
name in the default pipeline. A deal is the same deal as a stored one (or an earlier
row) when its title, person and company are the same.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from sqlalchemy import select

from crm_desktop.errors import InvalidInput
from crm_desktop.locale import search_key
from crm_desktop.models import (
    Contact,
    ContactEmail,
    ContactPhone,
    Deal,
    Lifecycle,
    Stage,
    new_id,
)
from crm_desktop.models.order_keys import appended_key
from crm_desktop.services.contacts import contact_sort_key
from crm_desktop.services.importer.common import Writer
from crm_desktop.services.importer.contact_rows import (
    NewContact,
    index_new_contacts,
    insert_contact,
)
from crm_desktop.services.importer.single_table import Record, RecordImport
from crm_desktop.services.importer.values import amount_value, split_full_name, text_value
from crm_desktop.services.lead_score import rescore
from crm_desktop.services.pipelines import default_pipeline, pipeline_stages
from crm_desktop.services.spreadsheet import SheetRow


class DealImport(RecordImport):
    table = "deals"
    fillable = (
        "stage_id",
        "amount",
        "expected_close",
        "owner_id",
        "lead_source_id",
        "notes",
    )

    def load(self) -> dict[Hashable, tuple[str, dict[str, Any]]]:
        self._load_people()
        self._load_stages()
        columns = [
            getattr(Deal, name)
            for name in ("id", "title", "contact_id", "company_id", *self.fillable)
        ]
        found: dict[Hashable, tuple[str, dict[str, Any]]] = {}
        for row in self.session.execute(
            select(*columns).where(Deal.deleted_at.is_(None)).order_by(Deal.created_at)
        ):
            values = dict(
                zip(("id", "title", "contact_id", "company_id", *self.fillable), row, strict=True)
            )
            key = (
                search_key(values.pop("title")),
                values.pop("contact_id") or "",
                values.pop("company_id") or "",
            )
            found.setdefault(key, (values.pop("id"), values))
        return found

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._lazy = False  # look people up one by one (a preview) instead of loading all
        self._phones: dict[str, str] = {}  # phone -> contact id
        self._emails: dict[str, str] = {}
        self._people: dict[str, str] = {}  # search key of the full name -> contact id
        self._new_people: dict[str, NewContact] = {}

    def prepare_preview(self) -> None:
        """For a preview of a few rows: people are looked up one by one, not all loaded
        (which takes seconds in a 100,000-contact database)."""
        self._lazy = True
        self._load_stages()

    def _load_people(self) -> None:
        live = Contact.deleted_at.is_(None)
        for number, contact_id in self.session.execute(
            select(ContactPhone.number, ContactPhone.contact_id)
            .join(Contact, Contact.id == ContactPhone.contact_id)
            .where(live, ContactPhone.deleted_at.is_(None))
        ):
            self._phones.setdefault(number, contact_id)
        for address, contact_id in self.session.execute(
            select(ContactEmail.address, ContactEmail.contact_id)
            .join(Contact, Contact.id == ContactEmail.contact_id)
            .where(live, ContactEmail.deleted_at.is_(None))
        ):
            self._emails.setdefault(address, contact_id)
        for contact_id, first, last in self.session.execute(
            select(Contact.id, Contact.first_name, Contact.last_name)
            .where(live)
            .order_by(Contact.created_at)
        ):
            self._people.setdefault(search_key(f"{first} {last}"), contact_id)

    def _load_stages(self) -> None:
        pipeline = default_pipeline(self.session)  # refused, with its reason, when none
        self._pipeline_id = pipeline.id
        self._stages: list[Stage] = pipeline_stages(self.session, pipeline.id)
        self._stage_names = {_stage_key(s.name): s for s in self._stages}

    def read(self, row: SheetRow) -> Record | None:
        number = row.number
        person = self.text(row, "contact")[0]
        company = self.text(row, "company")[0]
        title = self.text(row, "title")[0]
        phones = self.phones(row, "mobile")
        emails = self.emails(row)
        if not (title or person or company):
            self.error(
                number,
                "",
                "عنوان معامله یا نام مشتری ندارد؛ این ردیف وارد نشد.",
                "No deal title and no customer; the row was skipped.",
            )
            return None
        contact_id = self._person(person, phones, emails)
        company_id = self.names.company(company) if company else None
        title = title or f"معامله با {person or company}"
        record = Record(number, (search_key(title), contact_id or "", company_id or ""))
        if person:
            record.shown["contact_id"] = person
        if company:
            record.shown["company_id"] = company
        values = record.values
        values.update(
            title=title,
            contact_id=contact_id,
            company_id=company_id,
            pipeline_id=self._pipeline_id,
            # Before the column's own cards (their keys are larger), in the file's order.
            position=appended_key(None, number),
        )
        self._stage(row, record)
        self._amount(row, record)
        close = self.date(row, "expected_close")
        if close is not None:
            values["expected_close"], record.headers["expected_close"] = close
        owner = self.owner(row)
        if owner is not None:
            values["owner_id"], record.headers["owner_id"], record.shown["owner_id"] = owner
        source, header = self.text(row, "lead_source")
        if source:
            values["lead_source_id"] = self.names.source(source)
            record.headers["lead_source_id"], record.shown["lead_source_id"] = header, source
        notes = self.notes(row)
        if notes:
            values["notes"] = notes
        return record

    def _look_up(self, name: str | None, phones: list[str], emails: list[str]) -> None:
        """Put the stored people these keys name into the lookups (previews only)."""
        live = Contact.deleted_at.is_(None)
        for phone in phones:
            found = self.session.scalar(
                select(ContactPhone.contact_id)
                .join(Contact, Contact.id == ContactPhone.contact_id)
                .where(ContactPhone.number == phone, ContactPhone.deleted_at.is_(None), live)
                .limit(1)
            )
            if found is not None:
                self._phones.setdefault(phone, found)
        for email in emails:
            found = self.session.scalar(
                select(ContactEmail.contact_id)
                .join(Contact, Contact.id == ContactEmail.contact_id)
                .where(ContactEmail.address == email, ContactEmail.deleted_at.is_(None), live)
                .limit(1)
            )
            if found is not None:
                self._emails.setdefault(email, found)
        if name:
            # Contacts are keyed "family name, first name" (primary part, \0, tie-break).
            first, last = split_full_name(name)
            primary = contact_sort_key(first, last).partition("\0")[0]
            found = self.session.scalar(
                select(Contact.id)
                .where(
                    Contact.sort_key >= primary + "\0", Contact.sort_key < primary + "\x01", live
                )
                .order_by(Contact.created_at)
                .limit(1)
            )
            if found is not None:
                self._people.setdefault(search_key(name), found)

    def _person(self, name: str | None, phones: list[str], emails: list[str]) -> str | None:
        if self._lazy:
            self._look_up(name, phones, emails)
        for phone in phones:
            if phone in self._phones:
                return self._phones[phone]
        for email in emails:
            if email in self._emails:
                return self._emails[email]
        if not name:
            return None
        key = search_key(name)
        if key in self._people:
            return self._people[key]
        first, last = split_full_name(name)
        contact = NewContact(
            new_id(),
            {"first_name": first, "last_name": last, "lifecycle": Lifecycle.PROSPECT.value},
            list(phones),
            list(emails),
            set(),
            new=True,
        )
        self._new_people[contact.id] = contact
        self._people[key] = contact.id
        for phone in phones:
            self._phones.setdefault(phone, contact.id)
        for email in emails:
            self._emails.setdefault(email, contact.id)
        return contact.id

    def _stage(self, row: SheetRow, record: Record) -> None:
        cell, header = self.columns.first(row, "stage")
        name = text_value(cell)
        stage = self._stages[0]
        if name:
            found = self._stage_names.get(_stage_key(name))
            if found is None:
                known = "، ".join(s.name for s in self._stages)
                self.warn(
                    row.number,
                    header,
                    f"مرحلهٔ «{name}» در خط فروش نیست؛ معامله در «{stage.name}» گذاشته شد. "
                    f"مرحله‌ها: {known}",
                    f"No stage named '{name}'; the deal was put in '{stage.name}'.",
                )
            else:
                stage = found
                record.headers["stage_id"], record.shown["stage_id"] = header, name
        record.values["stage_id"] = stage.id
        now = self.stamp["created_at"]
        record.values["won_at"] = now if stage.is_won else None
        record.values["lost_at"] = now if stage.is_lost else None

    def _amount(self, row: SheetRow, record: Record) -> None:
        for name, tomans in (("amount", False), ("amount_toman", True)):
            cell, header = self.columns.first(row, name)
            if cell is None:
                continue
            try:
                amount = amount_value(cell, tomans=tomans)
            except InvalidInput as exc:
                self.warn(record.row, header, exc.fa, exc.en)
                continue
            if amount is not None:
                record.values["amount"], record.headers["amount"] = amount, header
                return

    def before_write(self, writer: Writer) -> None:
        search_rows: list[tuple[str, str, str]] = []
        for contact in self._new_people.values():
            insert_contact(
                writer,
                contact,
                stamp=self.stamp,
                search_rows=search_rows,
                company_names={},
            )
        writer.flush()
        index_new_contacts(self.session, search_rows)

    def after_write(self) -> None:
        """The people of the deals written: an open deal counts in their lead score."""
        people = {stored.values.get("contact_id") for stored in self._by_key.values()}
        rescore(self.session, [p for p in people if p])


def _stage_key(name: str) -> str:
    # "پیش فاکتور" and "پیش‌فاکتور": a space where the stage has a ZWNJ is the same stage.
    return search_key(name).replace(" ", "")
