"""The fields of each kind of record, said once: their column, type, names and uses.

Every place that lists a record's fields reads them from here: history, the import
(which fields, the header names that mean them, which fill an empty field), the export
(its columns and their titles), merge, bulk actions, the command line's
``FIELD=VALUE`` names and the list's columns. A field added to a model is added here
once; ``tests/test_registry.py`` fails while a model column is neither here nor named
internal.

A ``Field`` is what a user calls a field: ``owner`` is the ``owner_id`` column of
``contacts``; ``phone`` is a row of ``contact_phones`` (a ``part`` of the contact). A
few fields are only ever shown or read, never stored as such (``derived_from``): the
full name a sheet gives in one column, a mobile number, a record's creation date, a
company's count of people.

Plain dataclasses and no SQLAlchemy or Qt, so start-up can read the list's column
titles before anything heavy is imported.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class ListColumn:
    """A field as a column of its record's list (the contacts or companies table)."""

    key: str | None = None  # names the column for code and saved settings; else the field's
    sort: str | None = None  # the list service's sort key, or None when not sortable
    shown: bool = False  # visible for a new user (the rest are a right-click away)
    fa: str | None = None  # the header, when not the field's own label
    en: str | None = None


@dataclass(frozen=True)
class Field:
    name: str  # the name scripts use (design.md's contact fields)
    fa: str
    en: str
    column: str | None = None  # the column on the entity's own table; None: a part, or derived
    # The value's type: text, multiline, phone, email, date, choice, reference, number;
    # part: rows of another table (its own type is the field's name: phones, emails, tags).
    kind: str = "text"
    # For a part: the table its rows are in, and the column that holds the value.
    part_table: str | None = None
    part_column: str | None = None
    # For a reference: the table referred to and the column that names its row.
    refers_to: str | None = None
    names_by: str = "name"
    # Not stored as itself: the columns (or part tables) it is read or made from.
    derived_from: tuple[str, ...] = ()
    # Kept by the application (the trash, a merge), never edited as a value.
    internal: bool = False
    # Header names (Persian and English; spelling variants need no entry) an import
    # recognises; none: not imported.
    aliases: tuple[str, ...] = ()
    # For a part with kinds (a phone's mobile/work/home...): kind -> the words of a
    # header or a "Type" cell that say it ("Home Phone", "Phone 1 - Type: Work").
    labels: tuple[tuple[str, tuple[str, ...]], ...] = ()
    export: tuple[str, str] | None = None  # the export's column title (fa, en); None: left out
    fillable: bool = False  # an import fills it on an existing record when empty there
    mergeable: bool = False  # a merge chooses its value from one of the contacts
    searchable: bool = False  # in the search-as-you-type index
    bulk: bool = False  # set on many records at once
    scriptable: bool = False  # a ``FIELD=VALUE`` name of ``contact add|edit``
    listed: ListColumn | None = None  # a column of the list

    def label(self, lang: str) -> str:
        return self.fa if lang == "fa" else self.en

    def title(self, lang: str) -> str:
        """The label as a heading: a column's, a form row's (English capitalised)."""
        text = self.label(lang)
        return text if lang == "fa" else text[:1].upper() + text[1:]

    @property
    def list_key(self) -> str:
        return (self.listed.key if self.listed else None) or self.name

    def list_title(self, lang: str) -> str:
        """The list column's header."""
        own = self.listed and (self.listed.fa if lang == "fa" else self.listed.en)
        return own or self.title(lang)

    def export_title(self, lang: str) -> str:
        assert self.export is not None
        return self.export[0] if lang == "fa" else self.export[1]


# Kinds of value kept as the text typed (normalized).
TEXT_KINDS = ("text", "multiline")

# The views that may order their fields their own way, and what puts a field in each.
_ORDERED_VIEWS: dict[str, Callable[[Field], bool]] = {
    "import_order": lambda f: bool(f.aliases),
    "export_order": lambda f: f.export is not None,
    "list_order": lambda f: f.listed is not None,
    "merge_order": lambda f: f.mergeable,
}


@dataclass(frozen=True)
class Entity:
    table: str
    fa: str
    en: str
    fields: tuple[Field, ...]
    # The order of a view (field names) when it is not the fields' own order: the
    # export's columns, the import's choices and the list's columns read as people
    # expect them. Checked below to hold exactly the fields flagged for the view.
    import_order: tuple[str, ...] = ()
    export_order: tuple[str, ...] = ()
    list_order: tuple[str, ...] = ()
    merge_order: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        names = [f.name for f in self.fields]
        if len(set(names)) != len(names):
            raise ValueError(f"{self.table}: a field name is repeated")
        for view, flagged in _ORDERED_VIEWS.items():
            order = getattr(self, view)
            wanted = [f.name for f in self.fields if flagged(f)]
            if order and (len(set(order)) != len(order) or set(order) != set(wanted)):
                raise ValueError(f"{self.table}.{view} must list exactly {sorted(wanted)}")

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

    def _view(self, view: str) -> tuple[Field, ...]:
        order = getattr(self, view)
        if order:
            return tuple(self.field(name) for name in order)
        return tuple(f for f in self.fields if _ORDERED_VIEWS[view](f))

    def imported(self) -> tuple[Field, ...]:
        """What an import can fill, in the order its column choices are offered."""
        return self._view("import_order")

    def exported(self) -> tuple[Field, ...]:
        """The export's columns, in order."""
        return self._view("export_order")

    def list_columns(self) -> tuple[Field, ...]:
        """The list's columns, in order."""
        return self._view("list_order")

    def mergeable(self) -> tuple[Field, ...]:
        """The fields a merge chooses between, in the order the merge dialog shows them."""
        return self._view("merge_order")

    def flagged(self, flag: str) -> tuple[Field, ...]:
        """The fields with ``flag`` (``fillable``, ``searchable``, ``bulk``, ``scriptable``)."""
        return tuple(f for f in self.fields if getattr(f, flag))

    def editable(self) -> tuple[Field, ...]:
        """The fields stored on the record's own row that a user edits."""
        return tuple(f for f in self.fields if f.column is not None and not f.internal)


# Header names two kinds of sheet share.
_ADDRESS = ("نشانی", "آدرس", "address", "street")
_OWNER = ("مسئول", "کارشناس", "کارشناس فروش", "owner", "sales rep", "account owner")
_NOTES = ("توضیحات", "یادداشت", "یادداشت‌ها", "notes", "note", "description", "comments", "notizen")
_EMAIL = ("ایمیل", "پست الکترونیک", "پست الکترونیکی")

# Header names of what no field holds but a person keeps: an import puts their values
# in the record's notes ("Postal Code: 94107") rather than leave them out.
KEPT_IN_NOTES = (
    "کد پستی",
    "postal code",
    "postcode",
    "zip",
    "zip code",
    "salutation",
    "name prefix",
    "prefix",
    "name suffix",
    "suffix",
    "nickname",
    "department",
    "org unit",
    "adr one postalcode",
    "adr two postalcode",
    "n prefix",
    "n suffix",
    "postleitzahl",
    "anrede",
    "abteilung",
)

CONTACT = Entity(
    "contacts",
    "مخاطب",
    "contact",
    (
        Field(
            "first_name",
            "نام",
            "first name",
            "first_name",
            # A "middle name" column is part of the first name (joined with a space).
            aliases=(
                "نام",
                "نام کوچک",
                "first name",
                "given name",
                "forename",
                "first",
                "firstname",
                "middle name",
                "additional name",
                "n given",
                "n middle",
                # Outlook in German.
                "vorname",
                "weitere vornamen",
            ),
            export=("نام", "First Name"),
            fillable=True,
            mergeable=True,
            searchable=True,
            scriptable=True,
        ),
        Field(
            "last_name",
            "نام خانوادگی",
            "last name",
            "last_name",
            aliases=(
                "نام خانوادگی",
                "فامیل",
                "فامیلی",
                "last name",
                "surname",
                "family name",
                "last",
                "lastname",
                "n family",
                "nachname",
            ),
            export=("نام خانوادگی", "Last Name"),
            fillable=True,
            mergeable=True,
            searchable=True,
            scriptable=True,
        ),
        # One "name and surname" column of a sheet, split into first and last name;
        # the list's name column.
        Field(
            "full_name",
            "نام و نام خانوادگی",
            "full name",
            derived_from=("first_name", "last_name"),
            aliases=(
                "نام و نام خانوادگی",
                "نام و فامیل",
                "نام کامل",
                "نام مشتری",
                "نام شخص",
                "نام مخاطب",
                "اسم",
                "مشتری",
                "مخاطب",
                "طرف حساب",
                "full name",
                "name",
                "contact name",
                "display name",
                "customer name",
            ),
            listed=ListColumn(key="name", sort="name", shown=True),
        ),
        Field(
            "company",
            "شرکت",
            "company",
            "company_id",
            "reference",
            refers_to="companies",
            aliases=(
                "شرکت",
                "نام شرکت",
                "سازمان",
                "نام سازمان",
                "company",
                "company name",
                "organization",
                "organisation",
                "organization name",
                "account",
                "account name",
                "related company",
                "parent company",
                "related company id",
                "org name",
                "firma",
            ),
            export=("شرکت", "Company"),
            fillable=True,
            mergeable=True,
            searchable=True,
            scriptable=True,
            listed=ListColumn(sort="company", shown=True),
        ),
        Field(
            "job_title",
            "سمت",
            "job title",
            "job_title",
            # "Title" is the job unless its cells are honorifics (Dr, Mr, آقای, مهندس):
            # those are kept in the notes (column_mapping decides by the cells).
            aliases=(
                "سمت",
                "عنوان شغلی",
                "شغل",
                "job title",
                "job position",
                "job",
                "organization title",
                "occupation",
                "designation",
                "title",
                "position",
                "role",
            ),
            export=("سمت", "Job Title"),
            fillable=True,
            mergeable=True,
            searchable=True,
            scriptable=True,
            listed=ListColumn(sort="job_title", shown=True),
        ),
        # A yes/no column of a file holding people and companies (Odoo's "Is a
        # Company", a Persian "نوع شخص" of حقیقی/حقوقی): a row marked yes is a company,
        # not a person. Import only.
        Field(
            "is_company",
            "شرکت است",
            "is a company",
            derived_from=("companies",),
            aliases=(
                "is a company",
                "is company",
                "is organization",
                "شرکت است",
                "شخص حقوقی",
                "حقوقی",
                "نوع شخص",
                "نوع مشتری",
                "حقیقی حقوقی",
            ),
        ),
        # A phone an import or the list takes for a mobile (stored as a phone).
        Field(
            "mobile",
            "تلفن همراه",
            "mobile",
            derived_from=("contact_phones",),
            aliases=(
                "موبایل",
                "شماره موبایل",
                "شماره همراه",
                "تلفن همراه",
                "همراه",
                "mobile",
                "mobile phone",
                "mobile number",
                "cell",
                "cellphone",
                "cell phone",
                "گوشی",
                "tel cell",
                "mobiltelefon",
                "handy",
            ),
            listed=ListColumn(shown=True),
        ),
        Field(
            "phone",
            "تلفن",
            "phone",
            kind="part",
            part_table="contact_phones",
            part_column="number",
            aliases=(
                "تلفن",
                "شماره تلفن",
                "تلفن ثابت",
                "تلفن محل کار",
                "تلفن دفتر",
                "phone",
                "phone number",
                "telephone",
                "tel",
                "work phone",
                "business phone",
                "home phone",
                "other phone",
                "primary phone",
                "company main phone",
                "fax",
                "business fax",
                "home fax",
                "فکس",
                "نمابر",
                "تلفن منزل",
                "pager",
                "telefon",
                "haupttelefon",
                "autotelefon",
                "pager number",
                "phones",
                "phone numbers",
                "contact numbers",
                "numbers",
                "tel work",
                "tel home",
                "tel fax",
                "tel fax home",
                "tel car",
                "tel pager",
                "tel other",
                "tel assistent",
                "tel prefer",
                "tel cell private",
            ),
            labels=(
                (
                    "mobile",
                    ("mobile", "cell", "cellphone", "موبایل", "همراه", "گوشی", "mobiltelefon"),
                ),
                ("fax", ("fax", "فکس", "نمابر")),
                ("home", ("home", "personal", "private", "منزل", "خانه", "privat")),
                (
                    "work",
                    (
                        "work",
                        "business",
                        "office",
                        "company",
                        "محل کار",
                        "دفتر",
                        "شرکت",
                        "geschäftlich",
                    ),
                ),
                ("other", ("other", "سایر", "دیگر")),
            ),
            export=("موبایل/تلفن", "Mobile/Phone"),
            searchable=True,
            scriptable=True,
        ),
        Field(
            "email",
            "ایمیل",
            "email",
            kind="part",
            part_table="contact_emails",
            part_column="address",
            aliases=(
                *_EMAIL,
                "رایانامه",
                "آدرس ایمیل",
                "email",
                "e-mail",
                "e-mail address",
                "email address",
                "mail",
                "primary email",
                "secondary email",
                "email work",
                "email home",
                "email other",
                "emails",
                "another email",
                "e-mail-adresse",
            ),
            export=("ایمیل", "Email"),
            searchable=True,
            scriptable=True,
            listed=ListColumn(shown=True),
        ),
        Field(
            "address",
            "نشانی",
            "address",
            "address",
            "multiline",
            aliases=(
                *_ADDRESS,
                "business street",
                "home street",
                "home address",
                "business address",
                "mailing street",
                "street2",
                "street 2",
                "address line 1",
                "address line 2",
                "adr one street",
                "adr one street2",
                "adr two street",
                "adr two street2",
                "straße",
            ),
            export=("نشانی", "Address"),
            fillable=True,
            mergeable=True,
            scriptable=True,
        ),
        Field(
            "city",
            "شهر",
            "city",
            "city",
            aliases=(
                "شهر",
                "city",
                "business city",
                "home city",
                "town",
                "locality",
                "adr one locality",
                "adr two locality",
                "ort geschäftlich",
                "ort privat",
                "weiterer ort",
            ),
            export=("شهر", "City"),
            fillable=True,
            mergeable=True,
            searchable=True,
            scriptable=True,
            listed=ListColumn(sort="city", shown=True),
        ),
        Field(
            "province",
            "استان",
            "province",
            "province",
            aliases=(
                "استان",
                "province",
                "state",
                "business state",
                "home state",
                "work state",
                "other state",
                "state province",
                "region",
                "adr one region",
                "adr two region",
                "bundesland",
            ),
            export=("استان", "Province"),
            fillable=True,
            mergeable=True,
            scriptable=True,
            listed=ListColumn(sort="province"),
        ),
        # The country of an address: which country a phone without its code is in
        # (else the office's region); kept in the notes. Import only.
        Field(
            "country",
            "کشور",
            "country",
            derived_from=("contact_phones",),
            aliases=(
                "کشور",
                "country",
                "country region",
                "business country region",
                "home country region",
                "business country",
                "home country",
                "mailing country",
                "adr one countryname",
                "adr two countryname",
                "land/region",
            ),
        ),
        # A company's own fields, for the company rows of a file of people and companies;
        # on a person's row they are kept in the notes. Import only.
        Field(
            "website",
            "وب‌سایت",
            "website",
            derived_from=("companies",),
            aliases=("وب سایت", "وبسایت", "سایت", "website", "web site", "web page", "url"),
        ),
        Field(
            "industry",
            "صنعت",
            "industry",
            derived_from=("companies",),
            aliases=("صنعت", "حوزه فعالیت", "زمینه فعالیت", "industry", "sector"),
        ),
        Field(
            "birth_date",
            "تاریخ تولد",
            "birth date",
            "birth_date",
            "date",
            aliases=(
                "تاریخ تولد",
                "تولد",
                "birthday",
                "birth date",
                "birthdate",
                "date of birth",
                "dob",
                "bday",
                "geburtstag",
                "geburtsdatum",
            ),
            export=("تاریخ تولد", "Birth Date"),
            fillable=True,
            mergeable=True,
            scriptable=True,
            listed=ListColumn(sort="birth_date"),
        ),
        Field(
            "preferred_channel",
            "راه ارتباطی ترجیحی",
            "preferred channel",
            "preferred_channel",
            "choice",
            mergeable=True,
            scriptable=True,
        ),
        Field(
            "lead_source",
            "منبع سرنخ",
            "lead source",
            "lead_source_id",
            "reference",
            refers_to="lead_sources",
            aliases=(
                "منبع",
                "منبع سرنخ",
                "نحوه آشنایی",
                "روش آشنایی",
                "lead source",
                "source",
            ),
            export=("منبع سرنخ", "Lead Source"),
            fillable=True,
            mergeable=True,
            scriptable=True,
            listed=ListColumn(),
        ),
        Field(
            "campaign",
            "کمپین",
            "campaign",
            "campaign_id",
            "reference",
            refers_to="campaigns",
            aliases=("کمپین", "campaign"),
            export=("کمپین", "Campaign"),
            fillable=True,
            mergeable=True,
        ),
        Field(
            "owner",
            "مسئول",
            "owner",
            "owner_id",
            "reference",
            refers_to="users",
            aliases=_OWNER,
            export=("مسئول", "Owner"),
            fillable=True,
            mergeable=True,
            bulk=True,
            scriptable=True,
            listed=ListColumn(sort="owner", shown=True),
        ),
        Field(
            "lifecycle",
            "وضعیت",
            "lifecycle",
            "lifecycle",
            "choice",
            aliases=("وضعیت", "مرحله", "lifecycle", "lifecycle stage", "status"),
            export=("وضعیت", "Lifecycle"),
            mergeable=True,
            bulk=True,
            scriptable=True,
            listed=ListColumn(sort="lifecycle", shown=True),
        ),
        # Worked out from rules (``services.lead_score``): shown and sorted by, never typed.
        Field(
            "lead_score",
            "امتیاز سرنخ",
            "lead score",
            "lead_score",
            "number",
            internal=True,
            listed=ListColumn(sort="lead_score", shown=True),
        ),
        Field(
            "tags",
            "برچسب‌ها",
            "tags",
            kind="part",
            part_table="contact_tags",
            part_column="tag_id",
            refers_to="tags",
            aliases=(
                "برچسب",
                "برچسب‌ها",
                "برچسبها",
                "تگ",
                "تگ‌ها",
                "دسته",
                "دسته بندی",
                "tags",
                "tag",
                "labels",
                "label",
                "categories",
                "category",
                "kategorien",
            ),
            export=("برچسب‌ها", "Tags"),
            scriptable=True,
            listed=ListColumn(),
        ),
        Field(
            "notes",
            "یادداشت‌ها",
            "notes",
            "notes",
            "multiline",
            aliases=_NOTES,
            export=("یادداشت‌ها", "Notes"),
            fillable=True,
            mergeable=True,
            scriptable=True,
        ),
        Field("deleted_at", "در سطل زباله", "in the trash", "deleted_at", "date", internal=True),
        Field(
            "merged_into",
            "ادغام در",
            "merged into",
            "merged_into_id",
            "reference",
            refers_to="contacts",
            names_by="full_name",
            internal=True,
        ),
        Field(
            "created",
            "تاریخ ایجاد",
            "created",
            kind="date",
            derived_from=("created_at",),
            listed=ListColumn(sort="created_at"),
        ),
    ),
    import_order=(
        "first_name",
        "last_name",
        "full_name",
        "company",
        "job_title",
        "mobile",
        "phone",
        "email",
        "address",
        "city",
        "province",
        "country",
        "birth_date",
        "lead_source",
        "tags",
        "notes",
        "owner",
        "campaign",
        "lifecycle",
        "is_company",
        "website",
        "industry",
    ),
    export_order=(
        "first_name",
        "last_name",
        "company",
        "job_title",
        "phone",
        "email",
        "city",
        "province",
        "address",
        "birth_date",
        "lead_source",
        "campaign",
        "owner",
        "lifecycle",
        "tags",
        "notes",
    ),
    list_order=(
        "full_name",
        "company",
        "job_title",
        "mobile",
        "email",
        "city",
        "province",
        "owner",
        "lifecycle",
        "lead_source",
        "lead_score",
        "tags",
        "birth_date",
        "created",
    ),
    merge_order=(
        "first_name",
        "last_name",
        "company",
        "job_title",
        "address",
        "city",
        "province",
        "birth_date",
        "preferred_channel",
        "lifecycle",
        "lead_source",
        "campaign",
        "owner",
        "notes",
    ),
)

COMPANY = Entity(
    "companies",
    "شرکت",
    "company",
    (
        Field(
            "name",
            "نام",
            "name",
            "name",
            aliases=(
                "نام شرکت",
                "شرکت",
                "نام سازمان",
                "سازمان",
                "نام",
                "company",
                "company name",
                "organization",
                "organisation",
                "account",
                "account name",
                "name",
            ),
            export=("نام شرکت", "Company Name"),
            searchable=True,
            listed=ListColumn(fa="نام شرکت", en="Company name", shown=True),
        ),
        Field(
            "industry",
            "صنعت",
            "industry",
            "industry",
            aliases=("صنعت", "حوزه فعالیت", "زمینه فعالیت", "رسته", "industry", "sector"),
            export=("صنعت", "Industry"),
            fillable=True,
            listed=ListColumn(shown=True),
        ),
        Field(
            "phone",
            "تلفن",
            "phone",
            "phone",
            "phone",
            aliases=(
                "تلفن",
                "شماره تلفن",
                "تلفن شرکت",
                "phone",
                "telephone",
                "tel",
                "phone number",
            ),
            export=("تلفن", "Phone"),
            fillable=True,
            listed=ListColumn(shown=True),
        ),
        Field(
            "email",
            "ایمیل",
            "email",
            "email",
            "email",
            aliases=(*_EMAIL, "email", "e-mail", "mail", "email address", "e-mail address"),
            export=("ایمیل", "Email"),
            fillable=True,
        ),
        Field(
            "website",
            "وب‌سایت",
            "website",
            "website",
            aliases=(
                "وب سایت",
                "وبسایت",
                "سایت",
                "نشانی اینترنتی",
                "website",
                "web site",
                "web",
                "url",
                "webseite",
            ),
            export=("وب‌سایت", "Website"),
            fillable=True,
        ),
        Field(
            "address",
            "نشانی",
            "address",
            "address",
            "multiline",
            aliases=_ADDRESS,
            export=("نشانی", "Address"),
            fillable=True,
        ),
        Field(
            "city",
            "شهر",
            "city",
            "city",
            aliases=("شهر", "city"),
            export=("شهر", "City"),
            fillable=True,
            listed=ListColumn(shown=True),
        ),
        Field(
            "province",
            "استان",
            "province",
            "province",
            aliases=("استان", "province", "state"),
            export=("استان", "Province"),
            fillable=True,
        ),
        Field(
            "owner",
            "مسئول",
            "owner",
            "owner_id",
            "reference",
            refers_to="users",
            aliases=_OWNER,
            export=("مسئول", "Owner"),
            fillable=True,
        ),
        Field(
            "notes",
            "یادداشت‌ها",
            "notes",
            "notes",
            "multiline",
            aliases=_NOTES,
            export=("یادداشت‌ها", "Notes"),
            fillable=True,
        ),
        Field("deleted_at", "در سطل زباله", "in the trash", "deleted_at", "date", internal=True),
        # The company's live contacts, counted.
        Field(
            "people",
            "افراد",
            "people",
            kind="number",
            derived_from=("contacts",),
            export=("تعداد افراد", "People"),
            listed=ListColumn(shown=True),
        ),
    ),
    export_order=(
        "name",
        "industry",
        "phone",
        "email",
        "website",
        "city",
        "province",
        "address",
        "owner",
        "people",
        "notes",
    ),
    list_order=("name", "industry", "city", "phone", "people"),
)

# A deal names its customer by person, company, or both; an import finds the person by
# phone or email first, by name only when nothing else is given.
DEAL = Entity(
    "deals",
    "معامله",
    "deal",
    (
        Field(
            "title",
            "عنوان",
            "title",
            "title",
            aliases=(
                "عنوان",
                "عنوان معامله",
                "معامله",
                "نام معامله",
                "موضوع",
                "شرح",
                "deal",
                "deal name",
                "deal title",
                "title",
                "opportunity",
                "subject",
            ),
            scriptable=True,
            listed=ListColumn(sort="title", shown=True),
        ),
        Field(
            "contact",
            "مخاطب",
            "contact",
            "contact_id",
            "reference",
            refers_to="contacts",
            aliases=(
                "مشتری",
                "نام مشتری",
                "مخاطب",
                "نام مخاطب",
                "طرف حساب",
                "شخص",
                "contact",
                "contact name",
                "customer",
                "customer name",
                "person",
            ),
            scriptable=True,
            listed=ListColumn(sort="contact", shown=True),
        ),
        # The person's phone and email: how an import finds (or makes) the contact.
        Field(
            "mobile",
            "موبایل مخاطب",
            "contact's mobile",
            kind="phone",
            derived_from=("contact_phones",),
            aliases=(
                "موبایل",
                "شماره موبایل",
                "شماره همراه",
                "تلفن همراه",
                "تلفن",
                "mobile",
                "phone",
            ),
        ),
        Field(
            "email",
            "ایمیل مخاطب",
            "contact's email",
            kind="email",
            derived_from=("contact_emails",),
            aliases=("ایمیل", "پست الکترونیک", "email", "e-mail"),
        ),
        Field(
            "company",
            "شرکت",
            "company",
            "company_id",
            "reference",
            refers_to="companies",
            aliases=("شرکت", "نام شرکت", "سازمان", "company", "organization", "account"),
            scriptable=True,
            listed=ListColumn(sort="company", shown=True),
        ),
        Field(
            "stage",
            "مرحله",
            "stage",
            "stage_id",
            "reference",
            refers_to="stages",
            aliases=("مرحله", "مرحله فروش", "وضعیت", "stage", "deal stage", "status"),
            scriptable=True,
            listed=ListColumn(sort="stage", shown=True),
        ),
        Field(
            "amount",
            "مبلغ",
            "amount",
            "amount",
            "number",
            aliases=(
                "مبلغ",
                "مبلغ ریال",
                "مبلغ به ریال",
                "ارزش",
                "ارزش معامله",
                "ریال",
                "amount",
                "value",
                "deal value",
                "amount rial",
                "amount rials",
                "amount irr",
            ),
            scriptable=True,
            listed=ListColumn(sort="amount", shown=True),
        ),
        Field(
            "amount_toman",
            "مبلغ به تومان",
            "amount in tomans",
            kind="number",
            derived_from=("amount",),
            aliases=(
                "مبلغ تومان",
                "مبلغ به تومان",
                "ارزش تومان",
                "تومان",
                "amount toman",
                "amount tomans",
                "value toman",
            ),
        ),
        # Percent; the stage's unless a rep sets the deal's own.
        Field(
            "probability",
            "احتمال",
            "probability",
            "probability",
            "number",
            scriptable=True,
            listed=ListColumn(sort="probability", shown=True),
        ),
        Field(
            "expected_close",
            "تاریخ پیش‌بینی بستن",
            "expected close",
            "expected_close",
            "date",
            aliases=(
                "تاریخ بستن",
                "تاریخ پیش بینی",
                "تاریخ پیش‌بینی بستن",
                "تاریخ قرارداد",
                "تاریخ",
                "expected close",
                "close date",
                "closing date",
                "date",
            ),
            scriptable=True,
            listed=ListColumn(sort="expected_close", shown=True),
        ),
        Field(
            "owner",
            "مسئول",
            "owner",
            "owner_id",
            "reference",
            refers_to="users",
            aliases=("مسئول", "کارشناس", "کارشناس فروش", "owner", "sales rep"),
            scriptable=True,
            listed=ListColumn(sort="owner", shown=True),
        ),
        Field(
            "lead_source",
            "منبع سرنخ",
            "lead source",
            "lead_source_id",
            "reference",
            refers_to="lead_sources",
            aliases=("منبع", "منبع سرنخ", "نحوه آشنایی", "lead source", "source"),
            scriptable=True,
        ),
        Field(
            "campaign",
            "کمپین",
            "campaign",
            "campaign_id",
            "reference",
            refers_to="campaigns",
            scriptable=True,
        ),
        Field("priority", "اولویت", "priority", "priority", "choice", scriptable=True),
        Field("won_at", "تاریخ برد", "won on", "won_at", "date"),
        Field("lost_at", "تاریخ از دست رفتن", "lost on", "lost_at", "date"),
        Field(
            "lost_reason",
            "دلیل از دست رفتن",
            "lost reason",
            "lost_reason_id",
            "reference",
            refers_to="lost_reasons",
        ),
        Field("lost_comment", "توضیح از دست رفتن", "lost comment", "lost_comment", "multiline"),
        Field("deleted_at", "در سطل زباله", "in the trash", "deleted_at", "date", internal=True),
        Field(
            "notes",
            "یادداشت‌ها",
            "notes",
            "notes",
            "multiline",
            aliases=("توضیحات", "یادداشت", "یادداشت‌ها", "notes", "note", "description", "comments"),
            scriptable=True,
        ),
    ),
    list_order=(
        "title",
        "contact",
        "company",
        "stage",
        "amount",
        "probability",
        "expected_close",
        "owner",
    ),
)

# An activity: a call, meeting, email, SMS, note or task, about a contact, a company
# and/or a deal. Its field names are those of ``activity add`` (design.md).
ACTIVITY = Entity(
    "activities",
    "فعالیت",
    "activity",
    (
        Field(
            "type",
            "نوع",
            "type",
            "type_id",
            "reference",
            refers_to="activity_types",
            scriptable=True,
            listed=ListColumn(sort="type", shown=True),
        ),
        Field(
            "subject",
            "موضوع",
            "subject",
            "subject",
            scriptable=True,
            listed=ListColumn(sort="subject", shown=True),
        ),
        Field("body", "شرح", "details", "body", "multiline", scriptable=True),
        Field(
            "due",
            "موعد",
            "due",
            "due_at",
            "date",
            scriptable=True,
            listed=ListColumn(sort="due", shown=True),
        ),
        Field(
            "done_at",
            "انجام شده در",
            "done at",
            "done_at",
            "date",
            listed=ListColumn(sort="done", shown=True),
        ),
        Field(
            "contact",
            "مخاطب",
            "contact",
            "contact_id",
            "reference",
            refers_to="contacts",
            scriptable=True,
            listed=ListColumn(sort="contact", shown=True),
        ),
        Field(
            "deal",
            "معامله",
            "deal",
            "deal_id",
            "reference",
            refers_to="deals",
            names_by="title",
            scriptable=True,
            listed=ListColumn(shown=True),
        ),
        Field(
            "company",
            "شرکت",
            "company",
            "company_id",
            "reference",
            refers_to="companies",
            scriptable=True,
            listed=ListColumn(),
        ),
        Field(
            "owner",
            "مسئول",
            "owner",
            "owner_id",
            "reference",
            refers_to="users",
            scriptable=True,
            listed=ListColumn(sort="owner", shown=True),
        ),
        Field(
            "duration",
            "مدت (دقیقه)",
            "duration (minutes)",
            "duration_minutes",
            "number",
            scriptable=True,
            listed=ListColumn(),
        ),
        Field(
            "outcome",
            "نتیجه",
            "outcome",
            "outcome",
            scriptable=True,
            listed=ListColumn(shown=True),
        ),
        Field("deleted_at", "در سطل زباله", "in the trash", "deleted_at", "date", internal=True),
    ),
)

ENTITIES = {entity.table: entity for entity in (CONTACT, COMPANY, DEAL, ACTIVITY)}


def entity(table: str) -> Entity | None:
    return ENTITIES.get(table)


def field_label(name: str, lang: str = "fa") -> str:
    """A field's name as people say it, whichever record it is a field of."""
    for record in ENTITIES.values():
        for f in record.fields:
            if f.name == name:
                return f.label(lang)
    return name
