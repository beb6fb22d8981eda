"""Automatic column mapping for an import: which spreadsheet column is which field.

``suggest_mapping`` looks at the header names (Persian and English, in their usual
variants) and, when a sample of data rows is given, at the cells themselves: a column
that is (almost) empty is never mapped, and a column whose header says nothing but
whose cells are phone numbers or email addresses is recognised by its content.

Headers are compared by their ``search_key`` with punctuation dropped, so Arabic
ي/ك, ZWNJ, spaces, case, ``:``, ``*`` and brackets make no difference. An exact match
of a known name wins; otherwise a known name contained in the header ("شماره موبایل
مشتری") is used, the longest one first. In a contacts sheet several columns may get the
same field (``E-mail``, ``E-mail 2 Address``, ``Home Phone``, ``Business Phone``): the
importer keeps every phone and email, joins first-name parts, and keeps the other
columns' different values of a one-value field in the notes. In other sheets the first
column wins a field. A header's best match is its field or nothing: a taken field never
passes a column on to a lesser match inside its header.

The cells decide what a header cannot: a "Title" column of Dr / Mr / آقای / مهندس holds
honorifics (kept in the notes, not the job title), a yes/no column is never a name or a
company (it is "is a company" when its header says company), and a lone English "name"
next to a last-name column is the first name.

``mapping_key`` and ``ColumnMapping`` let a mapping the user corrected be saved per
header set and offered the next time the same headers appear (storing it is the
caller's job). No Qt and no database.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from crm_desktop.errors import InvalidInput
from crm_desktop.locale import is_mobile, normalize_email, normalize_text, parse_phone, search_key
from crm_desktop.services.import_fields import ALIASES_BY_KIND, FIELDS, FIELDS_BY_KIND
from crm_desktop.services.registry import CONTACT, KEPT_IN_NOTES
from crm_desktop.services.spreadsheet import CellValue, SheetRow

__all__ = [
    "CHOICES",
    "FIELDS",
    "IGNORE",
    "NOTES",
    "ColumnMapping",
    "flag_value",
    "header_key",
    "is_honorific",
    "label_columns",
    "mapping_key",
    "phone_label",
    "says_kind",
    "suggest_mapping",
]

# Choices for a column that is not a field: drop it, or keep it in the contact's
# notes as "header: value". Deliberately not field names ("notes" is a field).
IGNORE = "ignore"
NOTES = "keep_in_notes"
CHOICES: tuple[str, ...] = (
    *dict.fromkeys(f for fields in FIELDS_BY_KIND.values() for f in fields),
    IGNORE,
    NOTES,
)

# Words that make a header about something else than the field it also names:
# "کد مشتری" is a customer code, "Phone 1 - Type" is the kind of phone, "نام پدر"
# is the father's name. Such a header is only mapped by an exact match.
_QUALIFIERS = frozenset(
    {
        "کد",
        "شناسه",
        "نوع",
        "پدر",
        "display",
        "کاربری",
        "تعداد",
        "ردیف",
        "code",
        "id",
        "type",
        "count",
        "username",
        "user",
        # Outlook in German: "E-Mail-Typ", "E-Mail: Angezeigter Name".
        "typ",
        "angezeigter",
    }
)
# Words that make an address a network one ("ip_address": where a contact last
# connected from, not where they live); an "IP Phone" is still a phone.
_NETWORK = frozenset({"ip", "mac"})


def _qualified(words: Iterable[str]) -> bool:
    """Whether a header's words say it is not the thing it names ("کد مشتری",
    "Company Type", "IP Address")."""
    words = set(words)
    return bool(words & _QUALIFIERS) or bool(words & _NETWORK and "address" in words)


# Single words too vague to be trusted inside a longer header ("نام پدر", "کد
# مشتری", "Subject Title"): only an exact header match uses them.
_EXACT_ONLY = frozenset(
    {
        "نام",
        "اسم",
        "مشتری",
        "مخاطب",
        "همراه",
        "منبع",
        "وضعیت",
        "name",
        "title",
        "role",
        "account",
        "cell",
        "tel",
        "mail",
        "state",
        "source",
        "status",
        "label",
        "tag",
        "note",
        "position",
    }
)
# A column that is already taken passes its header on to this field instead.
_FALLBACK = {"mobile": "phone"}
# Fields of a contacts sheet one column at most: the others may come from several.
_ONE_COLUMN = frozenset({"full_name", "is_company"})
# Fields a yes/no column is never taken for.
_FLAG_FIELDS = frozenset({"is_company"})

# A column is "mostly empty" (never mapped) when fewer than this share of the sample
# rows have a value in it. Low on purpose: a real but sparse column (a work phone only
# some contacts have) is still worth importing; a header over nothing is not.
MIN_FILLED_SHARE = 0.1
# An unlabeled column is recognised by content when this share of its values parse.
CONTENT_SHARE = 0.8
# At most this many rows of a sample are looked at.
SAMPLE_ROWS = 200
# A named column empty at the top is judged on this many rows spread down the sheet.
SPREAD_ROWS = 2000

_PUNCTUATION = re.compile(r"[^\w]+|_+")


def header_key(header: str | None) -> str:
    """The matching form of a header: ``search_key`` words without punctuation."""
    return " ".join(_PUNCTUATION.sub(" ", search_key(header)).split())


def _compact(key: str) -> str:
    return key.replace(" ", "")


def _saved_key(header: str | None) -> str:
    # Without spaces too: "برچسب ها" and "برچسب‌ها" are the same header.
    return _compact(header_key(header))


class _Vocabulary:
    """Compact alias -> field for one kind, and the aliases usable inside a header."""

    def __init__(self, aliases: Mapping[str, tuple[str, ...]]) -> None:
        self.exact: dict[str, str] = {}
        self.contained: dict[str, str] = {}
        for name, words in aliases.items():
            for word in words:
                key = header_key(word)
                self.exact.setdefault(_compact(key), name)
                if key not in _EXACT_ONLY:
                    self.contained.setdefault(_compact(key), name)


_VOCABULARIES = {
    kind: _Vocabulary({**aliases, NOTES: KEPT_IN_NOTES})
    for kind, aliases in ALIASES_BY_KIND.items()
}


def _candidates(header: str, vocabulary: _Vocabulary) -> list[str]:
    """Fields a header may mean, best first (may repeat; empty if none)."""
    key = header_key(header)
    if not key:
        return []
    words = key.split()
    exact = vocabulary.exact.get(_compact(key))
    found: list[str] = [exact] if exact else []
    if _qualified(words):
        return found
    # Every run of consecutive words, joined without spaces, so "firstname" matches
    # "first name" and "برچسب ها" matches "برچسب‌ها".
    # Numbers say which one ("E-mail 2", "Organization 1 - Title"), not what it is.
    words = [word for word in words if not word.isdigit()]
    # An English header names its thing last ("Address 1 - City" is a city, "Home
    # Phone" a phone); a Persian one first ("تلفن همراه مدیر").
    last_first = key.isascii()
    matches: list[tuple[int, int, int, str]] = []
    for start in range(len(words)):
        for end in range(start + 1, len(words) + 1):
            span = "".join(words[start:end])
            contained = vocabulary.contained.get(span)
            if contained is not None:
                at_end = 0 if last_first and end == len(words) else 1
                matches.append((at_end, -len(span), start, contained))
    found.extend(f for *_, f in sorted(matches))
    if not found and len(words) == 1:
        found = _prefixed(words[0], vocabulary)
    return found


# Words a header may start with, glued to the field ("companycity", "contactemail").
_PREFIXES = ("company", "organization", "organisation", "org", "account", "contact", "lead")


def _prefixed(word: str, vocabulary: _Vocabulary) -> list[str]:
    """Mautic's "companycity", "companyname": a known field glued to a prefix."""
    for prefix in _PREFIXES:
        if word.startswith(prefix) and len(word) > len(prefix):
            found = vocabulary.exact.get(word[len(prefix) :])
            if found is not None:
                return [found]
    return []


def _cells(
    rows: Sequence[SheetRow | Sequence[CellValue]], index: int, *, limit: int = SAMPLE_ROWS
) -> list[CellValue]:
    """The column's cells in the first ``limit`` rows."""
    values: list[CellValue] = []
    for row in rows[:limit]:
        cells = row.values if isinstance(row, SheetRow) else row
        values.append(cells[index] if index < len(cells) else None)
    return values


def _filled(values: Iterable[CellValue]) -> list[CellValue]:
    return [
        v for v in values if v is not None and not (isinstance(v, str) and not normalize_text(v))
    ]


def _phone(value: CellValue) -> str | None:
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return None
    try:
        return parse_phone(value)
    except InvalidInput:
        return None


def _is_email(value: CellValue) -> bool:
    if not isinstance(value, str):
        return False
    try:
        normalize_email(value)
    except InvalidInput:
        return False
    return True


def _content_fields(values: list[CellValue]) -> list[str]:
    """Fields an unlabeled column's non-empty values look like, best first."""
    if not values:
        return []
    needed = CONTENT_SHARE * len(values)
    if sum(_is_email(v) for v in values) >= needed:
        return ["email"]
    phones = [p for p in map(_phone, values) if p is not None]
    if len(phones) >= needed:
        mobiles = sum(is_mobile(p) for p in phones)
        return ["mobile", "phone"] if mobiles * 2 >= len(phones) else ["phone", "mobile"]
    return []


def _looks_like_full_names(values: list[CellValue]) -> bool:
    texts = [normalize_text(v) for v in values if isinstance(v, str)]
    return bool(texts) and sum(" " in t for t in texts) * 2 > len(values)


class _Assigner:
    """Gives fields to columns (first come, first served).

    Only a header's best match counts: when its field is taken (and may not take
    another column), the column is left out rather than given a lesser match found
    inside its header ("E-mail 2 Address" is never the address).
    """

    def __init__(self, *, repeats: bool) -> None:
        self.mapping: dict[int, str] = {}
        self.repeats = repeats

    def assign(self, index: int, fields: Iterable[str]) -> None:
        taken = {
            f
            for f in self.mapping.values()
            if f != NOTES and (not self.repeats or f in _ONE_COLUMN)
        }
        for name in fields:
            for choice in (name, _FALLBACK.get(name)):
                if choice is not None and choice not in taken:
                    self.mapping[index] = choice
                    return
            return


def _usable_columns(
    headers: Sequence[str],
    rows: Sequence[SheetRow | Sequence[CellValue]] | None,
    vocabulary: _Vocabulary,
) -> tuple[list[int], dict[int, list[CellValue]]]:
    """Columns worth mapping, and their values: those not mostly empty in the first
    ``SAMPLE_ROWS`` rows, and those whose header names a field and that are not mostly
    empty in the rest of the sheet (a job title only the later rows have), judged on
    rows spread down it."""
    count = len(headers)
    if rows is None:
        return list(range(count)), {}
    sample = list(rows[:SAMPLE_ROWS])
    filled = {index: _filled(_cells(sample, index)) for index in range(count)}
    spread: list[SheetRow | Sequence[CellValue]] = []  # the rest of the sheet, if asked
    usable = []
    for index in range(count):
        if sample and len(filled[index]) >= MIN_FILLED_SHARE * len(sample):
            usable.append(index)
        elif len(rows) > len(sample) and _candidates(headers[index], vocabulary):
            spread = spread or _spread(rows, len(sample))
            below = _filled(_cells(spread, index, limit=len(spread)))
            if len(below) >= MIN_FILLED_SHARE * len(spread):
                filled[index] = [*filled[index], *below][:SAMPLE_ROWS]
                usable.append(index)
    return usable, filled


def _spread(
    rows: Sequence[SheetRow | Sequence[CellValue]], start: int
) -> list[SheetRow | Sequence[CellValue]]:
    """At most ``SPREAD_ROWS`` rows after the sample, evenly spaced to the last one."""
    step = max(1, -(-(len(rows) - start) // SPREAD_ROWS))  # rounded up
    return list(rows[start::step])


def suggest_mapping(
    headers: Sequence[str],
    rows: Sequence[SheetRow | Sequence[CellValue]] | None = None,
    *,
    kind: str = "contacts",
) -> dict[int, str]:
    """Column index (0-based, as in ``headers``) -> field, for the columns recognised.

    Columns left out are unknown (the user maps them by hand, or picks ``IGNORE`` or
    ``NOTES``). With ``rows`` (``SheetRow``s or plain cell sequences), a column with
    values in fewer than ``MIN_FILLED_SHARE`` of the first ``SAMPLE_ROWS`` rows is
    not mapped (unless its header names a field and the whole sheet has that share),
    columns no header names are recognised by their cells (mostly emails -> email,
    mostly phones -> mobile or phone), and a lone "نام"/first-name column whose
    values are mostly several words is taken as the full name.
    """
    vocabulary = _VOCABULARIES[kind]
    sample = list(rows[:SAMPLE_ROWS]) if rows is not None else None
    usable, filled = _usable_columns(headers, rows, vocabulary)
    contacts = kind == "contacts"
    assigner = _Assigner(repeats=contacts)
    mapping = assigner.mapping
    labels = set(label_columns(headers).values())
    usable = [index for index in usable if index not in labels]

    # Specific exact names first ("Job Title" before Outlook's salutation "Title"),
    # then names contained in a longer header, then exact vague words ("نام", "Title").
    vague: list[int] = []
    for index in usable:
        key = header_key(headers[index])
        exact = vocabulary.exact.get(_compact(key))
        if exact is not None and key in _EXACT_ONLY:
            vague.append(index)
        elif exact is not None:
            assigner.assign(index, [exact])
    for index in usable:
        if index not in mapping and index not in vague:
            assigner.assign(index, _candidates(headers[index], vocabulary))
    for index in vague:
        assigner.assign(index, _candidates(headers[index], vocabulary))

    if sample is not None:
        _by_cells(headers, filled, usable, mapping, kind)
        if contacts:
            for index in usable:
                if index not in mapping and not _blocked(headers[index]):
                    assigner.assign(index, _content_fields(filled[index]))
            names = [i for i, f in mapping.items() if f in ("first_name", "last_name", "full_name")]
            if (
                len(names) == 1
                and mapping[names[0]] == "first_name"
                and _looks_like_full_names(filled[names[0]])
            ):
                mapping[names[0]] = "full_name"
    if contacts:
        _english_first_name(headers, mapping)
        _salutation_beside_job_title(headers, mapping)
    return dict(sorted(mapping.items()))


def _salutation_beside_job_title(headers: Sequence[str], mapping: dict[int, str]) -> None:
    """Outlook's and Odoo's "Title" next to a "Job Title" is the honorific."""
    jobs = [i for i, f in mapping.items() if f == "job_title"]
    if len(jobs) > 1:
        for index in jobs:
            if header_key(headers[index]) in {"title", "عنوان"}:
                mapping[index] = NOTES


def _english_first_name(headers: Sequence[str], mapping: dict[int, str]) -> None:
    """A lone "name" next to "last_name" / "surname" is the first name, not a full one."""
    fields = set(mapping.values())
    if "last_name" not in fields or "first_name" in fields:
        return
    for index, name in mapping.items():
        if name == "full_name" and header_key(headers[index]) in {"name", "نام"}:
            mapping[index] = "first_name"
            return


def _by_cells(
    headers: Sequence[str],
    filled: Mapping[int, list[CellValue]],
    usable: Iterable[int],
    mapping: dict[int, str],
    kind: str,
) -> None:
    """What the cells say against the header: yes/no columns, honorific titles."""
    for index in usable:
        values = filled[index]
        if not values:
            continue
        kinds = says_kind(headers[index])
        if sum(flag_value(v, kinds=kinds) is not None for v in values) == len(values):
            free = "is_company" not in mapping.values() or mapping.get(index) == "is_company"
            if kind == "contacts" and _says_company(headers[index]) and free:
                mapping[index] = "is_company"
                continue
            if mapping.get(index) not in _FLAG_FIELDS:
                mapping.pop(index, None)  # a yes/no column is no name, company or city
            continue
        if kind == "contacts" and mapping.get(index) in (None, "job_title"):
            honorifics = sum(is_honorific(v) for v in values)
            if honorifics >= CONTENT_SHARE * len(values):
                mapping[index] = NOTES


def _says_company(header: str) -> bool:
    """ "Is a Company", "Company Type", "شرکت": not "organization_id" (an id)."""
    words = set(header_key(header).split())
    if words & _QUALIFIERS - {"نوع", "type"}:
        return False
    return bool(words & {"company", "organization", "organisation", "شرکت", "حقوقی"})


# ------------------------------------------------------------ what cells say

_YES = frozenset(
    search_key(word)
    for word in (
        "yes",
        "y",
        "true",
        "1",
        "x",
        "بله",
        "آری",
        "هست",
        "است",
        "حقوقی",
        "✓",
        "✔",
    )
)
_NO = frozenset(
    search_key(word)
    for word in (
        "no",
        "n",
        "false",
        "0",
        "خیر",
        "نه",
        "نیست",
        "حقیقی",
        "-",
    )
)


# What a "Company Type" column (Odoo) says instead of yes and no.
_KIND_YES = frozenset({"company", "organization", "organisation"})
_KIND_NO = frozenset({"individual", "person", "contact"})


def flag_value(value: CellValue, *, kinds: bool = False) -> bool | None:
    """True / False for a yes/no cell (yes/no, 1/0, True/False, بله/خیر, حقوقی/حقیقی;
    with ``kinds``, Company/Individual too), None for anything else (an empty cell)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if not isinstance(value, str):
        return None
    key = search_key(value).strip(" .")
    if key in _YES or (kinds and key in _KIND_YES):
        return True
    if key in _NO or (kinds and key in _KIND_NO):
        return False
    return None


def says_kind(header: str) -> bool:
    """A header of a column that says what a row is ("Company Type", "نوع شخص")."""
    return bool(set(header_key(header).split()) & {"type", "kind", "نوع"})


# Honorifics people put in a "Title" column: not a job.
_HONORIFICS = frozenset(
    search_key(word)
    for word in (
        "mr",
        "mrs",
        "ms",
        "miss",
        "mx",
        "dr",
        "doctor",
        "prof",
        "professor",
        "sir",
        "madam",
        "mister",
        "madame",
        "mme",
        "mlle",
        "m",
        "herr",
        "frau",
        "sr",
        "sra",
        "srta",
        "rev",
        "آقای",
        "آقا",
        "خانم",
        "سرکار خانم",
        "جناب آقای",
        "جناب",
        "سرکار",
        "مهندس",
        "دکتر",
        "استاد",
        "حاج",
        "حاجی",
        "سید",
    )
)


def is_honorific(value: CellValue) -> bool:
    """True for "Dr", "Mr.", "Professor", "آقای", "مهندس", "جناب آقای دکتر"..."""
    if not isinstance(value, str):
        return False
    key = " ".join(search_key(value).replace(".", " ").split())
    if not key:
        return False
    if key in _HONORIFICS:
        return True
    return all(word in _HONORIFICS for word in key.split())


# ------------------------------------------------------------ phone labels

_LABEL_SUFFIX = re.compile(r"^(.*?)\s*(?:type|label|نوع|برچسب)$")
_VALUE_SUFFIX = re.compile(r"^(.*?)\s*(?:value|مقدار)$")
_LABEL_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = tuple(
    (kind, tuple(header_key(word) for word in words))
    for kind, words in CONTACT.field("phone").labels
)


def label_columns(headers: Sequence[str]) -> dict[int, int]:
    """Value column -> the column that says its kind (Google's "Phone 1 - Type" beside
    "Phone 1 - Value")."""
    values: dict[str, int] = {}
    labels: dict[str, int] = {}
    for index, header in enumerate(headers):
        key = header_key(header)
        if match := _LABEL_SUFFIX.match(key):
            labels.setdefault(match.group(1), index)
        elif match := _VALUE_SUFFIX.match(key):
            values.setdefault(match.group(1), index)
    return {values[k]: labels[k] for k in values.keys() & labels.keys() if k}


def phone_label(*texts: str | None) -> str | None:
    """mobile, work, home, fax or other: what a header or a "Type" cell says a phone is
    (the first text that says anything wins); None when none says."""
    for text in texts:
        if not text:
            continue
        words = f" {header_key(text)} "
        for kind, names in _LABEL_WORDS:
            if any(f" {name} " in words for name in names):
                return kind
    return None


def _blocked(header: str) -> bool:
    return _qualified(header_key(header).split())


def mapping_key(headers: Iterable[str]) -> str:
    """A stable key for a header set: order, spelling variants and blanks do not count.

    Two files whose headers are the same names in another column order (or typed with
    Arabic letters, ZWNJ or stray punctuation) give the same key.
    """
    keys = sorted({_saved_key(h) for h in headers} - {""})
    digest = hashlib.sha256("\n".join(keys).encode("utf-8")).hexdigest()
    return f"v1:{digest[:32]}"


@dataclass(frozen=True, slots=True)
class ColumnMapping:
    """A mapping the user confirmed, saved per header set and offered next time.

    ``columns`` maps a header's key (``header_key`` without spaces) to a choice (a
    field, ``IGNORE`` or ``NOTES``): keyed by header rather than position so that it
    still applies when a later file has the same columns in another order.
    """

    headers: tuple[str, ...]
    columns: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        bad = sorted(set(self.columns.values()) - set(CHOICES))
        if bad:
            raise InvalidInput(
                f"نگاشت ستون‌ها مقدار نامعتبر دارد: {', '.join(bad)}",
                f"The column mapping has invalid choices: {', '.join(bad)}",
            )

    @property
    def key(self) -> str:
        return mapping_key(self.headers)

    @classmethod
    def from_indexes(cls, headers: Sequence[str], mapping: Mapping[int, str]) -> ColumnMapping:
        """Build from ``suggest_mapping``-style indexes; other columns are not listed."""
        columns = {_saved_key(headers[i]): choice for i, choice in mapping.items()}
        return cls(tuple(headers), columns)

    def for_headers(self, headers: Sequence[str]) -> dict[int, str]:
        """Column index -> choice for a file with these headers (in any order)."""
        result: dict[int, str] = {}
        for index, header in enumerate(headers):
            choice = self.columns.get(_saved_key(header))
            if choice is not None:
                result[index] = choice
        return result

    def to_json(self) -> str:
        data = {
            "version": 1,
            "key": self.key,
            "headers": list(self.headers),
            "columns": dict(sorted(self.columns.items())),
        }
        return json.dumps(data, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> ColumnMapping:
        try:
            data = json.loads(text)
            if not isinstance(data, dict) or data.get("version") != 1:
                raise ValueError("unknown version")
            headers = data["headers"]
            columns = data["columns"]
            if not isinstance(headers, list) or not all(isinstance(h, str) for h in headers):
                raise ValueError("headers")
            if not isinstance(columns, dict) or not all(
                isinstance(k, str) and isinstance(v, str) for k, v in columns.items()
            ):
                raise ValueError("columns")
        except (ValueError, KeyError, TypeError) as exc:
            raise InvalidInput(
                "نگاشت ذخیره‌شده ستون‌ها خوانا نیست.",
                f"The saved column mapping cannot be read: {exc}",
            ) from exc
        return cls(tuple(headers), dict(columns))
