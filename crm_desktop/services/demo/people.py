"""Demo people: users, tags, companies and contacts with phones, emails and search text."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Generator, Sequence
from itertools import accumulate

from sqlalchemy.orm import Session

from crm_desktop.locale import search_key, sort_key
from crm_desktop.models import Channel, Lifecycle, Setting, new_id
from crm_desktop.services.contacts import contact_sort_key
from crm_desktop.services.demo import names
from crm_desktop.services.demo.context import (
    CHUNK,
    CompanyRow,
    Demo,
    People,
    local,
    tracked,
)
from crm_desktop.services.demo.sales import Catalogue, add_purchases
from crm_desktop.services.lookups import CURRENT_USER_KEY
from crm_desktop.services.office import OFFICE_NAME_KEY
from crm_desktop.services.rows import Writer
from crm_desktop.services.search import search_body

# Contacts whose fast-built search text is compared with ``search_body`` itself.
BODY_CHECKS = 64
BIRTH_FROM = dt.date(1955, 1, 1)
BIRTH_DAYS = (dt.date(2004, 12, 31) - BIRTH_FROM).days

_LIFECYCLES = (Lifecycle.LEAD, Lifecycle.PROSPECT, Lifecycle.CUSTOMER, Lifecycle.INACTIVE)
_LIFECYCLE_WEIGHTS = (42, 30, 20, 8)
_OLD_SCORE_DRAW = {
    Lifecycle.LEAD: (0, 45),
    Lifecycle.PROSPECT: (30, 85),
    Lifecycle.CUSTOMER: (50, 100),
    Lifecycle.INACTIVE: (0, 30),
}
_CHANNELS = tuple(c.value for c in Channel)
_CHANNEL_WEIGHTS = [names.CHANNEL_WEIGHTS.get(c, 1) for c in _CHANNELS]
_CITY_WEIGHTS = list(accumulate(c[3] for c in names.CITIES))
_CITIES = {c[0]: c for c in names.CITIES}


def add_users(session: Session, rows: Writer, today: dt.date) -> tuple[str, list[str]]:
    """Write the manager and the reps (the manager is the current user); returns ids."""
    when = local(today - dt.timedelta(days=800), 9 * 60)
    manager = new_id()
    reps = []
    for i, (name, username, role) in enumerate((names.MANAGER, *names.REPS)):
        row = tracked(when, manager)
        if i == 0:
            row["id"] = manager
        else:
            reps.append(row["id"])
        rows.add(
            "users",
            {
                **row,
                "name": name,
                "username": username,
                "role": role,
                "email": f"{username}@{names.OFFICE_DOMAIN}",
                "phone": f"+98912{1000001 + 111111 * i:07d}",
                "active": True,
            },
        )
    rows.flush()
    session.merge(Setting(key=CURRENT_USER_KEY, value=manager))
    session.merge(Setting(key=OFFICE_NAME_KEY, value=names.OFFICE_NAME))
    return manager, reps


def add_tags(demo: Demo) -> list[str]:
    when = local(demo.today - dt.timedelta(days=790), 10 * 60)
    tags = []
    for name, color in names.TAGS:
        row = tracked(when, demo.manager)
        tags.append(row["id"])
        demo.rows.add("tags", {**row, "name": name, "color": color})
    return tags


def _city(rng: random.Random) -> tuple[str, str, str, int]:
    return rng.choices(names.CITIES, cum_weights=_CITY_WEIGHTS)[0]


def add_companies(demo: Demo, count: int) -> Generator[int, None, list[CompanyRow]]:
    """Write ``count`` companies; yields companies written, returns them."""
    rng = demo.rng
    companies: list[CompanyRow] = []
    taken: set[str] = set()
    domains: set[str] = set()
    for i in range(count):
        kind, industries = rng.choice(names.COMPANY_KINDS)
        for _attempt in range(8):
            word, latin = rng.choice(names.COMPANY_WORDS)
            if rng.random() < 0.5:
                second, second_latin = rng.choice(names.COMPANY_SUFFIXES)
            else:
                second, second_latin = rng.choice(names.COMPANY_WORDS)
            name = f"{kind} {word} {second}" if second != word else f"{kind} {word}"
            if name not in taken:
                break
        city, province, area, _weight = _city(rng)
        if name in taken:
            name = f"{name} {city}"
        taken.add(name)
        domain = f"{latin}{second_latin}".replace(" ", "")
        if domain in domains:
            domain = f"{domain}{i}"
        domains.add(domain)
        domain += ".ir"
        owner = rng.randrange(len(demo.reps))
        created = demo.now - dt.timedelta(minutes=rng.randrange(60 * 24 * 760))
        row = tracked(created, demo.reps[owner])
        companies.append((row["id"], name, domain, city, owner))
        demo.rows.add(
            "companies",
            {
                **row,
                "name": name,
                "sort_key": sort_key(name),
                "industry": rng.choice(industries),
                "phone": f"+98{area}{rng.randrange(2, 9)}{rng.randrange(10**7):07d}",
                "email": f"info@{domain}",
                "website": f"https://www.{domain}",
                "address": f"{city}، {rng.choice(names.STREETS)}، پلاک {rng.randrange(1, 300)}",
                "city": city,
                "province": province,
                "owner_id": demo.reps[owner],
            },
        )
        if (i + 1) % CHUNK == 0:
            yield CHUNK
    yield count % CHUNK
    return companies


def add_contacts(
    demo: Demo,
    count: int,
    companies: Sequence[CompanyRow],
    catalogue: Catalogue,
    tags: Sequence[str],
) -> Generator[int, None, People]:
    """Write ``count`` contacts (customers with purchases); yields contacts written."""
    people = People([], [], [], [], [], [], {lc: [] for lc in _LIFECYCLES}, [])
    people.by_owner = [[] for _ in demo.reps]
    writer = _ContactWriter(demo, companies, catalogue, tags)
    for i in range(count):
        writer.add(i, people)
        if (i + 1) % CHUNK == 0:
            yield CHUNK
    yield count % CHUNK
    return people


class _ContactWriter:
    def __init__(
        self,
        demo: Demo,
        companies: Sequence[CompanyRow],
        catalogue: Catalogue,
        tags: Sequence[str],
    ) -> None:
        self.demo = demo
        self.rng = demo.rng
        self.rows = demo.rows
        self.companies = companies
        self.catalogue = catalogue
        self.tags = tags
        self.bodies = _SearchBodies()

    def _place(
        self,
    ) -> tuple[int, str | None, str | None, str | None, tuple[str, str, str, int], int]:
        """Company index (-1: none), its id and name, job title, city row, owner rep."""
        rng = self.rng
        if rng.random() < 0.7:
            company = rng.randrange(len(self.companies))
            company_id, name, _domain, city_name, owner = self.companies[company]
            city = _CITIES[city_name] if rng.random() < 0.85 else _city(rng)
            if rng.random() < 0.15:
                owner = rng.randrange(len(self.demo.reps))
            return company, company_id, name, rng.choice(names.JOB_TITLES), city, owner
        job = rng.choice(names.FREELANCE_TITLES) if rng.random() < 0.5 else None
        return -1, None, None, job, _city(rng), rng.randrange(len(self.demo.reps))

    def add(self, i: int, people: People) -> None:
        rng = self.rng
        first_names = names.MALE_FIRST_NAMES if rng.random() < 0.55 else names.FEMALE_FIRST_NAMES
        first, last = rng.choice(first_names), rng.choice(names.LAST_NAMES)
        company, company_id, company_name, job, (city, province, *_), owner = self._place()
        user_id = self.demo.reps[owner]
        phones = [_mobile(rng)] + ([_mobile(rng)] if rng.random() < 0.25 else [])
        domain = self.companies[company][2] if company >= 0 else rng.choice(names.FREE_MAIL_DOMAINS)
        emails = [f"user{i + 1}@{domain}"] if rng.random() < 0.6 else []
        lifecycle = rng.choices(_LIFECYCLES, weights=_LIFECYCLE_WEIGHTS)[0]
        campaign_id, source_id = (
            rng.choice(self.catalogue.campaigns)
            if rng.random() < 0.3
            else (None, rng.choice(self.catalogue.sources))
        )
        birth = BIRTH_FROM + dt.timedelta(days=rng.randrange(BIRTH_DAYS))
        created = self.demo.now - dt.timedelta(minutes=rng.randrange(60 * 24 * 730))
        birth_date = birth if rng.random() < 0.6 else None
        channel = rng.choices(_CHANNELS, weights=_CHANNEL_WEIGHTS)[0]
        # The draw a typed score once took is still made (and dropped), in its place:
        # one seed keeps giving the office it always gave.
        rng.randint(*_OLD_SCORE_DRAW[lifecycle])
        row = tracked(created, user_id)
        contact_id = row["id"]
        self.rows.add(
            "contacts",
            {
                **row,
                "first_name": first,
                "last_name": last,
                "sort_key": self.bodies.sort_key(first, last),
                "company_id": company_id,
                "job_title": job,
                "city": city,
                "province": province,
                "birth_date": birth_date,
                "preferred_channel": channel,
                "lead_source_id": source_id,
                "campaign_id": campaign_id,
                "owner_id": user_id,
                "lifecycle": lifecycle.value,
                "lead_score": 0,  # worked out by its rules once all is made
            },
        )
        for position, number in enumerate(phones):
            self.rows.add(
                "contact_phones",
                {**tracked(created, user_id), "contact_id": contact_id, "number": number}
                | {"kind": "mobile", "position": position},
            )
        for position, address in enumerate(emails):
            self.rows.add(
                "contact_emails",
                {**tracked(created, user_id), "contact_id": contact_id, "address": address}
                | {"position": position},
            )
        for tag_id in rng.sample(self.tags, rng.choices((0, 1, 2), weights=(50, 35, 15))[0]):
            self.rows.add(
                "contact_tags",
                {**tracked(created, user_id), "contact_id": contact_id, "tag_id": tag_id},
            )
        body = self.bodies.body(first, last, company_name, job, city, phones, emails)
        self.rows.add(
            "contact_search",
            {"contact_id": contact_id, "sort_key": self.bodies.sort_key(first, last), "body": body},
        )
        if lifecycle is Lifecycle.CUSTOMER:
            add_purchases(self.demo, self.catalogue.products, contact_id, user_id, created)
        people.ids.append(contact_id)
        people.names.append(f"{first} {last}")
        people.companies.append(company)
        people.owners.append(owner)
        people.sources.append(source_id)
        people.campaigns.append(campaign_id)
        people.by_lifecycle[lifecycle].append(i)
        people.by_owner[owner].append(i)


class _SearchBodies:
    """``search_body`` and ``contact_sort_key`` at bulk speed, same results.

    ``search_body`` joins the search key of each part and parses each phone again for
    its national form; here keys are memoized (names repeat a lot) and the national
    form of ``+98XXXXXXXXXX`` is ``0XXXXXXXXXX``. The first contacts are built both
    ways; if ``search_body`` ever changes shape, every contact goes through it.
    """

    def __init__(self) -> None:
        self._keys: dict[str, str] = {}
        self._sort_keys: dict[tuple[str, str], str] = {}
        self._checked = 0
        self._fast = True

    def sort_key(self, first: str, last: str) -> str:
        found = self._sort_keys.get((first, last))
        if found is None:
            found = self._sort_keys[first, last] = contact_sort_key(first, last)
        return found

    def _key(self, text: str) -> str:
        found = self._keys.get(text)
        if found is None:
            found = self._keys[text] = search_key(text)
        return found

    def body(  # noqa: PLR0917 (called once per contact)
        self,
        first: str,
        last: str,
        company: str | None,
        job: str | None,
        city: str | None,
        phones: Sequence[str],
        emails: Sequence[str],
    ) -> str:
        if self._fast:
            parts = [self._key(p) for p in (first, last, company, job, city) if p]
            for phone in phones:
                parts += (phone[1:], "0" + phone[3:])
            parts += (self._key(e) for e in emails)
            fast = " ".join(parts)
            if self._checked >= BODY_CHECKS:
                return fast
            self._checked += 1
        slow = search_body(
            first, last, company=company, job_title=job, city=city, phones=phones, emails=emails
        )
        self._fast = self._fast and slow == fast
        return slow


def _mobile(rng: random.Random) -> str:
    return f"+98{rng.choice(names.MOBILE_PREFIXES)}{rng.randrange(10_000_000):07d}"
