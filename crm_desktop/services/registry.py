"""The fields of each kind of record, said once: their column, type and names.

Every place that lists a record's fields (history, and in time the import, the export,
merge, bulk actions and the list's columns) reads them from here, so a field added to
a model is added here once.

A ``Field`` is what a user calls a field: ``owner`` is the ``owner_id`` column of
``contacts``; ``phone`` is a row of ``contact_phones`` (a ``part`` of the contact).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Field:
    name: str  # the name scripts use (design.md's contact fields)
    fa: str
    en: str
    column: str | None = None  # the column on the entity's own table; None: a part
    kind: str = "text"  # text, multiline, date, choice, reference, number, part
    # For a part: the table its rows are in, and the column that holds the value.
    part_table: str | None = None
    part_column: str | None = None
    # For a reference: the table referred to and the column that names its row.
    refers_to: str | None = None
    names_by: str = "name"

    def label(self, lang: str) -> str:
        return self.fa if lang == "fa" else self.en


@dataclass(frozen=True)
class Entity:
    table: str
    fa: str
    en: str
    fields: tuple[Field, ...]

    def field(self, name: str) -> Field:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(name)

    def by_column(self, column: str) -> Field | None:
        for f in self.fields:
            if f.column == column:
                return f
        return None

    def by_part(self, table: str) -> Field | None:
        for f in self.fields:
            if f.part_table == table:
                return f
        return None

    def label(self, lang: str) -> str:
        return self.fa if lang == "fa" else self.en


CONTACT = Entity(
    "contacts",
    "مخاطب",
    "contact",
    (
        Field("first_name", "نام", "first name", "first_name"),
        Field("last_name", "نام خانوادگی", "last name", "last_name"),
        Field("company", "شرکت", "company", "company_id", "reference", refers_to="companies"),
        Field("job_title", "سمت", "job title", "job_title"),
        Field(
            "phone",
            "تلفن",
            "phone",
            kind="part",
            part_table="contact_phones",
            part_column="number",
        ),
        Field(
            "email",
            "ایمیل",
            "email",
            kind="part",
            part_table="contact_emails",
            part_column="address",
        ),
        Field("address", "نشانی", "address", "address", "multiline"),
        Field("city", "شهر", "city", "city"),
        Field("province", "استان", "province", "province"),
        Field("birth_date", "تاریخ تولد", "birth date", "birth_date", "date"),
        Field(
            "preferred_channel", "راه ارتباطی", "preferred channel", "preferred_channel", "choice"
        ),
        Field(
            "lead_source",
            "منبع سرنخ",
            "lead source",
            "lead_source_id",
            "reference",
            refers_to="lead_sources",
        ),
        Field("campaign", "کمپین", "campaign", "campaign_id", "reference", refers_to="campaigns"),
        Field("owner", "مسئول", "owner", "owner_id", "reference", refers_to="users"),
        Field("lifecycle", "وضعیت", "lifecycle", "lifecycle", "choice"),
        Field("lead_score", "امتیاز سرنخ", "lead score", "lead_score", "number"),
        Field(
            "tags",
            "برچسب‌ها",
            "tags",
            kind="part",
            part_table="contact_tags",
            part_column="tag_id",
            refers_to="tags",
        ),
        Field("notes", "یادداشت‌ها", "notes", "notes", "multiline"),
        Field("deleted_at", "در سطل زباله", "in the trash", "deleted_at", "date"),
        Field(
            "merged_into",
            "ادغام در",
            "merged into",
            "merged_into_id",
            "reference",
            refers_to="contacts",
            names_by="full_name",
        ),
    ),
)

COMPANY = Entity(
    "companies",
    "شرکت",
    "company",
    (
        Field("name", "نام", "name", "name"),
        Field("industry", "صنعت", "industry", "industry"),
        Field("phone", "تلفن", "phone", "phone"),
        Field("email", "ایمیل", "email", "email"),
        Field("website", "وب‌سایت", "website", "website"),
        Field("address", "نشانی", "address", "address", "multiline"),
        Field("city", "شهر", "city", "city"),
        Field("province", "استان", "province", "province"),
        Field("owner", "مسئول", "owner", "owner_id", "reference", refers_to="users"),
        Field("notes", "یادداشت‌ها", "notes", "notes", "multiline"),
        Field("deleted_at", "در سطل زباله", "in the trash", "deleted_at", "date"),
    ),
)

DEAL = Entity(
    "deals",
    "معامله",
    "deal",
    (
        Field("title", "عنوان", "title", "title"),
        Field("contact", "مخاطب", "contact", "contact_id", "reference", refers_to="contacts"),
        Field("company", "شرکت", "company", "company_id", "reference", refers_to="companies"),
        Field("stage", "مرحله", "stage", "stage_id", "reference", refers_to="stages"),
        Field("amount", "مبلغ", "amount", "amount", "number"),
        Field("expected_close", "تاریخ پیش‌بینی بستن", "expected close", "expected_close", "date"),
        Field("owner", "مسئول", "owner", "owner_id", "reference", refers_to="users"),
        Field("notes", "یادداشت‌ها", "notes", "notes", "multiline"),
    ),
)

ENTITIES = {entity.table: entity for entity in (CONTACT, COMPANY, DEAL)}


def entity(table: str) -> Entity | None:
    return ENTITIES.get(table)


def field_label(name: str, lang: str = "fa") -> str:
    """A field's name as people say it, whichever record it is a field of."""
    for record in ENTITIES.values():
        for f in record.fields:
            if f.name == name:
                return f.label(lang)
    return name
