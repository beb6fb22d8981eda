"""Finding contacts that are probably the same person (merging them is in ``merge``).

Two live contacts are duplicates when they share a phone or an email, or when they work
at the same company under very similar names. Phones and emails are grouped in SQL over
their indexes; names are compared per company in Python, through buckets of their
one-letter deletions, so that a big company costs no more than its size.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from sqlalchemy import Select, and_, func, select

from crm_desktop.errors import InvalidInput
from crm_desktop.locale import normalize_email, parse_phone, search_key
from crm_desktop.models import Company, Contact, ContactEmail, ContactPhone
from crm_desktop.models.database import Database

# One edit apart only counts between names at least this long: "علی" and "ولی" differ.
SIMILAR_NAME_MIN_LETTERS = 5
SIMILAR_NAME_REASON = "نام مشابه در یک شرکت"
# Up to this many different names in a company, comparing every pair is cheapest.
PAIRWISE_LIMIT = 60


@dataclass(frozen=True, slots=True)
class DuplicateMatch:
    """A live contact that already has a phone or email being typed elsewhere."""

    contact_id: str
    full_name: str
    company: str | None
    reason: str  # "phone" or "email"
    value: str  # the E.164 number or lower-case address they share


@dataclass(frozen=True, slots=True)
class DuplicateGroup:
    """Contacts that are likely one person, oldest first (the suggested survivor)."""

    contact_ids: tuple[str, ...]
    reasons: tuple[str, ...]  # Persian, for the merge dialog


def _valid(values: Iterable[str], parse: Callable[[str], str]) -> list[str]:
    """Values that parse; a number half typed is not an error while typing."""
    out = []
    for value in values:
        try:
            out.append(parse(value))
        except InvalidInput:
            continue
    return list(dict.fromkeys(out))


def find_matches(
    db: Database,
    *,
    phones: Sequence[str] = (),
    emails: Sequence[str] = (),
    exclude_id: str | None = None,
) -> list[DuplicateMatch]:
    """Live contacts having one of these phones or emails (in any typed form)."""
    numbers = _valid(phones, parse_phone)
    addresses = _valid(emails, normalize_email)
    if not numbers and not addresses:
        return []
    with db.session() as session:
        matches = []
        for reason, column, values, table in (
            ("phone", ContactPhone.number, numbers, ContactPhone),
            ("email", ContactEmail.address, addresses, ContactEmail),
        ):
            if not values:
                continue
            stmt = (
                select(Contact.id, Contact.first_name, Contact.last_name, Company.name, column)
                .join(table, table.contact_id == Contact.id)
                .outerjoin(Company, Company.id == Contact.company_id)
                .where(column.in_(values), table.deleted_at.is_(None), Contact.deleted_at.is_(None))
                .order_by(Contact.created_at, Contact.id)
            )
            if exclude_id is not None:
                stmt = stmt.where(Contact.id != exclude_id)
            seen: set[tuple[str, str]] = set()
            for contact_id, first, last, company, value in session.execute(stmt):
                if (contact_id, value) in seen:
                    continue
                seen.add((contact_id, value))
                full_name = " ".join(p for p in (first, last) if p)
                matches.append(DuplicateMatch(contact_id, full_name, company, reason, value))
        return matches


class _Groups:
    """Union-find over contact ids, remembering why each set was joined."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}
        self.reasons: list[tuple[str, str]] = []  # (a member, reason)

    def find(self, x: str) -> str:
        root = self.parent.setdefault(x, x)
        while root != self.parent[root]:
            root = self.parent[root]
        while x != root:  # path compression keeps later finds short
            self.parent[x], x = root, self.parent[x]
        return root

    def join(self, members: Sequence[str], reason: str) -> None:
        if len(members) < 2:
            return
        first = self.find(members[0])
        for other in members[1:]:
            root = self.find(other)
            if root != first:
                self.parent[root] = first
        self.reasons.append((members[0], reason))


def _shared_values(
    table: type[ContactPhone] | type[ContactEmail], column: str
) -> Select[str, str, dt.datetime]:
    """(value, contact id, created at) of live rows whose value two live contacts share."""
    value = getattr(table, column)
    live = and_(Contact.id == table.contact_id, Contact.deleted_at.is_(None))
    # Values on more than one row, from the value index alone (no table lookups): a
    # small superset that the live, distinct-contact grouping below then checks.
    repeated = select(value).group_by(value).having(func.count() > 1)
    shared = (
        select(value)
        .join(Contact, live)
        .where(table.deleted_at.is_(None), value.in_(repeated))
        .group_by(value)
        .having(func.count(table.contact_id.distinct()) > 1)
    )
    return (
        select(value, table.contact_id, Contact.created_at)
        .join(Contact, live)
        .where(table.deleted_at.is_(None), value.in_(shared))
        .order_by(value)
    )


def name_key(first_name: str, last_name: str) -> str:
    """The compared form of a name: its search key without spaces ("محمد رضا" = "محمدرضا")."""
    return "".join(search_key(f"{first_name} {last_name}").split())


def one_edit_apart(a: str, b: str) -> bool:
    """True when one insertion, deletion or substitution turns ``a`` into ``b``."""
    if len(a) > len(b):
        a, b = b, a
    if len(b) - len(a) > 1 or a == b:
        return False
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1 :] == b[i + 1 :]
    return a[i:] == b[i + 1 :]


def one_edit_pairs(
    keys: Sequence[str], *, pairwise_limit: int = PAIRWISE_LIMIT
) -> Iterator[tuple[str, str]]:
    """Pairs of distinct keys one edit apart, enough to connect all such pairs.

    A company of a few people is compared pair by pair. A big one goes through
    buckets instead: keys of equal length one substitution apart both become the same
    key once the letter at that place is removed, and a key one letter longer than
    another becomes that other key with one of its letters removed. A bucket yields
    its first key paired with each of the others, which joins the same groups.
    """
    if len(keys) <= pairwise_limit:
        for i, a in enumerate(keys):
            for b in keys[i + 1 :]:
                if one_edit_apart(a, b):
                    yield a, b
        return
    known = set(keys)
    buckets: dict[tuple[str, int], list[str]] = defaultdict(list)
    for key in known:
        for i in range(len(key)):
            shorter = key[:i] + key[i + 1 :]
            buckets[shorter, i].append(key)
            if shorter in known:
                yield key, shorter
    for same in buckets.values():
        for other in same[1:]:
            yield same[0], other


def similar_name_sets(people: Iterable[tuple[str, str, str]]) -> list[list[str]]:
    """Sets of ids, from (id, company id, name key), of similar names in one company.

    Equal keys are similar; so are keys one edit apart when both are long enough.
    """
    companies: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for contact_id, company_id, key in people:
        if key:
            companies[company_id][key].append(contact_id)
    sets: list[list[str]] = []
    for by_key in companies.values():
        sets.extend(ids for ids in by_key.values() if len(ids) > 1)
        if len(by_key) < 2:
            continue
        long_keys = [k for k in by_key if len(k) >= SIMILAR_NAME_MIN_LETTERS]
        sets.extend([by_key[a][0], by_key[b][0]] for a, b in one_edit_pairs(long_keys))
    return sets


def find_duplicate_groups(db: Database, *, limit: int | None = None) -> list[DuplicateGroup]:
    """Groups of live contacts that are likely one person, newest group first."""
    groups = _Groups()
    created: dict[str, dt.datetime] = {}
    with db.session() as session:
        for table, column, label in (
            (ContactPhone, "number", "تلفن یکسان"),
            (ContactEmail, "address", "ایمیل یکسان"),
        ):
            by_value: dict[str, list[str]] = defaultdict(list)
            for value, contact_id, created_at in session.execute(_shared_values(table, column)):
                by_value[value].append(contact_id)
                created[contact_id] = created_at
            for value, ids in by_value.items():
                groups.join(list(dict.fromkeys(ids)), f"{label}: {value}")
        people: list[tuple[str, str, str]] = []
        for contact_id, company_id, first, last, created_at in session.execute(
            select(
                Contact.id,
                Contact.company_id,
                Contact.first_name,
                Contact.last_name,
                Contact.created_at,
            ).where(Contact.deleted_at.is_(None), Contact.company_id.is_not(None))
        ):
            people.append((contact_id, company_id or "", name_key(first, last)))
            created[contact_id] = created_at
    for ids in similar_name_sets(people):
        groups.join(ids, SIMILAR_NAME_REASON)
    members: dict[str, list[str]] = defaultdict(list)
    for contact_id in groups.parent:
        members[groups.find(contact_id)].append(contact_id)
    reasons: dict[str, list[str]] = defaultdict(list)
    for member, reason in groups.reasons:
        reasons[groups.find(member)].append(reason)
    result = [
        DuplicateGroup(
            contact_ids=tuple(sorted(ids, key=lambda i: (created[i], i))),
            reasons=tuple(dict.fromkeys(reasons[root])),
        )
        for root, ids in members.items()
    ]
    result.sort(key=lambda g: (created[g.contact_ids[-1]], g.contact_ids[-1]), reverse=True)
    return result if limit is None else result[:limit]
