"""Realistic Persian demo data for a new database (``crm-desktop demo``).

``generate_demo`` is a generator: it yields progress and returns a summary, so the
window can run it on a worker thread and cancel it, and the command line can print
progress. Everything is written in one transaction: closing the generator early (a
cancel) or any error leaves the database exactly as it was.

Speed matters (100,000 contacts must take seconds, not minutes), hence Core bulk
inserts of plain dicts in chunks, ids from ``new_id`` and every value computed in
Python without per-row queries. A single ``random.Random(seed)`` drives every choice,
so one seed and one ``today`` always give the same people, amounts and dates.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Generator, Sequence
from dataclasses import dataclass, fields
from itertools import accumulate
from typing import Any

from sqlalchemy import Table, insert, select, text
from sqlalchemy.orm import Session

from crm_desktop.errors import InvalidInput
from crm_desktop.locale import from_jalali, search_key, sort_key, to_jalali, weekday_index
from crm_desktop.models import (
    ActivityType,
    Base,
    Channel,
    Company,
    Contact,
    Deal,
    LeadSource,
    Lifecycle,
    LostReason,
    Pipeline,
    Setting,
    Stage,
    new_id,
)
from crm_desktop.models.database import Database
from crm_desktop.services import demo_names as names
from crm_desktop.services.contacts import contact_sort_key
from crm_desktop.services.lookups import CURRENT_USER_KEY
from crm_desktop.services.search import search_body
from crm_desktop.services.users import OFFICE_NAME_KEY

CHUNK = 5000
HISTORY_WEEKS = 12
JALALI_MONTHS_OF_TARGETS = 4
# Stored times are naive UTC; the office works on Tehran time (UTC+03:30, no DST).
TEHRAN_OFFSET = dt.timedelta(hours=3, minutes=30)
FRIDAY = 6
THURSDAY = 5
# The search index fed by a trigger on contact_search (see migration 0001). Indexing
# 100,000 rows one trigger call at a time takes about five times longer than one
# 'rebuild' at the end, so the demo pauses the insert trigger inside its transaction.
SEARCH_INDEX = "contact_fts"
SEARCH_INSERT_TRIGGER = "contact_search_ai"
# Contacts whose fast-built search text is compared with ``search_body`` itself.
BODY_CHECKS = 64

_LIFECYCLES = (Lifecycle.LEAD, Lifecycle.PROSPECT, Lifecycle.CUSTOMER, Lifecycle.INACTIVE)
_LIFECYCLE_WEIGHTS = (42, 30, 20, 8)
_SCORE_RANGES = {
    Lifecycle.LEAD: (0, 45),
    Lifecycle.PROSPECT: (30, 85),
    Lifecycle.CUSTOMER: (50, 100),
    Lifecycle.INACTIVE: (0, 30),
}
_CHANNELS = tuple(c.value for c in Channel)
# Activity type codes of a working day, and how often each comes up.
_DAY_TYPES = ("call", "email", "sms", "meeting", "note", "task")
_DAY_TYPE_WEIGHTS = (46, 16, 10, 8, 10, 10)
BIRTH_FROM = dt.date(1955, 1, 1)
BIRTH_DAYS = (dt.date(2004, 12, 31) - BIRTH_FROM).days
_SERVICE_STATUSES = ("open", "in_progress", "resolved", "closed")


@dataclass(frozen=True)
class DemoProgress:
    done: int
    total: int
    step: str


@dataclass(frozen=True)
class DemoSummary:
    users: int
    companies: int
    contacts: int
    deals: int
    activities: int
    products: int
    campaigns: int
    service_requests: int


def generate_demo(
    db: Database, *, contacts: int = 2000, seed: int = 1, today: dt.date | None = None
) -> Generator[DemoProgress, None, DemoSummary]:
    """Fill an empty database with demo data; yields progress, returns counts.

    Raises ``InvalidInput`` for ``contacts < 1`` at once, and on the first step if the
    database already holds contacts, companies or deals (nothing is written then).
    """
    if contacts < 1:
        raise InvalidInput(
            "تعداد مخاطبان نمایشی باید دست‌کم ۱ باشد.",
            f"the number of demo contacts must be at least 1 (got {contacts})",
        )
    return _generate(db, contacts, seed, today or dt.date.today())


def _generate(
    db: Database, contacts: int, seed: int, today: dt.date
) -> Generator[DemoProgress, None, DemoSummary]:
    with db.session() as session:
        _refuse_non_empty(session)
        builder = _Builder(session, random.Random(seed), today, contacts)
        return (yield from builder.run())


def _refuse_non_empty(session: Session) -> None:
    for model in (Contact, Company, Deal):
        if session.scalar(select(model.id).limit(1)) is not None:
            raise InvalidInput(
                "این پایگاه داده از قبل اطلاعات دارد؛ دادهٔ نمایشی فقط در پایگاه دادهٔ "
                "تازه و خالی ساخته می‌شود.",
                "the database already holds data; demo needs a new/empty database",
            )


class _Rows:
    """Row buffers per table, written parents first so no foreign key ever fails."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._buffers: dict[Table, list[dict[str, Any]]] = {
            table: [] for table in Base.metadata.sorted_tables
        }
        self.counts: dict[str, int] = {table.name: 0 for table in self._buffers}

    def add(self, table: str, row: dict[str, Any]) -> None:
        self._buffers[Base.metadata.tables[table]].append(row)

    def flush(self) -> None:
        for table, rows in self._buffers.items():
            for start in range(0, len(rows), CHUNK):
                self._session.execute(insert(table), rows[start : start + CHUNK])
            self.counts[table.name] += len(rows)
            rows.clear()


def _pause_trigger(session: Session, name: str) -> str | None:
    """Drop a trigger for the rest of this transaction; returns its SQL to restore it."""
    sql: str | None = session.scalar(
        text("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = :name"),
        {"name": name},
    )
    if sql is not None:
        session.execute(text(f'DROP TRIGGER "{name}"'))
    return sql


def _rebuild_index(session: Session, index: str, trigger_sql: str | None) -> None:
    if trigger_sql is None:
        return
    session.execute(text(f'INSERT INTO "{index}"("{index}") VALUES (\'rebuild\')'))
    session.execute(text(trigger_sql))


def _tracked(when: dt.datetime, user_id: str) -> dict[str, Any]:
    return {"id": new_id(), "created_at": when, "updated_at": when, "updated_by": user_id}


def _local(day: dt.date, minutes: int) -> dt.datetime:
    """The naive UTC time of ``minutes`` after midnight, Tehran time, on ``day``."""
    return dt.datetime.combine(day, dt.time()) + dt.timedelta(minutes=minutes) - TEHRAN_OFFSET


@dataclass
class _People:
    """What later steps need to know about each generated contact, by index."""

    ids: list[str]
    names: list[str]
    companies: list[int]  # company index or -1
    owners: list[int]  # rep index
    sources: list[str | None]
    campaigns: list[str | None]
    by_lifecycle: dict[Lifecycle, list[int]]
    by_owner: list[list[int]]


class _Builder:
    def __init__(self, session: Session, rng: random.Random, today: dt.date, n: int) -> None:
        self.session = session
        self.rng = rng
        self.today = today
        self.now = _local(today, 8 * 60)
        self.n = n
        self.rows = _Rows(session)
        self.n_companies = max(5, n // 8)
        self.n_deals = max(3 * 7, n // 20)
        self.n_service = max(3, n // 100)
        self.history = [
            today - dt.timedelta(days=d)
            for d in range(HISTORY_WEEKS * 7, 0, -1)
            if weekday_index(today - dt.timedelta(days=d)) != FRIDAY
        ]
        steps = (3, self.n_companies, n, n // 10, self.n_deals, 4 * len(self.history))
        self.total = sum(steps) + self.n_service
        self.done = 0
        self.manager = ""
        self.reps: list[str] = []
        self.products: list[tuple[str, int]] = []
        self.campaigns: list[tuple[str, str | None]] = []
        self.tags: list[str] = []
        self.sources: list[str] = []
        self._city_weights = list(accumulate(c[3] for c in names.CITIES))
        self._cities = {c[0]: c for c in names.CITIES}
        self._channel_weights = [names.CHANNEL_WEIGHTS.get(c, 1) for c in _CHANNELS]
        self.companies: list[tuple[str, str, str, str, int]] = []  # id, name, domain, city, owner
        self.deals_by_rep: list[list[tuple[str, int]]] = [[] for _ in names.REPS]

    # -- progress -------------------------------------------------------------------------

    def _progress(self, step: str, advance: int) -> DemoProgress:
        self.rows.flush()
        self.done = min(self.total, self.done + advance)
        return DemoProgress(self.done, self.total, step)

    def run(self) -> Generator[DemoProgress, None, DemoSummary]:
        self._users()
        yield self._progress("کاربران", 1)
        self._catalogue()
        yield self._progress("محصولات و کارزارها", 2)
        yield from self._companies()
        trigger = _pause_trigger(self.session, SEARCH_INSERT_TRIGGER)
        people = yield from self._contacts()
        yield self._progress("نمایهٔ جستجو", 0)
        _rebuild_index(self.session, SEARCH_INDEX, trigger)
        yield self._progress("نمایهٔ جستجو", self.n // 10)
        yield from self._deals(people)
        yield from self._activities(people)
        self._targets()
        self._service_requests(people)
        yield self._progress("درخواست‌های پشتیبانی", self.n_service)
        # Each summary field is named after its table.
        return DemoSummary(**{f.name: self.rows.counts[f.name] for f in fields(DemoSummary)})

    # -- users, products, campaigns, tags -------------------------------------------------

    def _users(self) -> None:
        when = _local(self.today - dt.timedelta(days=800), 9 * 60)
        self.manager = new_id()
        for i, (name, username, role) in enumerate((names.MANAGER, *names.REPS)):
            row = _tracked(when, self.manager)
            if i == 0:
                row["id"] = self.manager
            else:
                self.reps.append(row["id"])
            self.rows.add(
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
        self.rows.flush()
        self.session.merge(Setting(key=CURRENT_USER_KEY, value=self.manager))
        self.session.merge(Setting(key=OFFICE_NAME_KEY, value=names.OFFICE_NAME))

    def _catalogue(self) -> None:
        rng = self.rng
        when = _local(self.today - dt.timedelta(days=790), 10 * 60)
        for name, code, price, description in names.PRODUCTS:
            row = _tracked(when, self.manager)
            self.products.append((row["id"], price))
            self.rows.add(
                "products",
                {
                    **row,
                    "name": name,
                    "code": code,
                    "unit_price": price,
                    "active": True,
                    "description": description,
                },
            )
        sources = {
            name: source_id
            for name, source_id in self.session.execute(
                select(LeadSource.name, LeadSource.id).where(LeadSource.deleted_at.is_(None))
            )
        }
        self.sources = sorted(sources.values())
        for name, channel, source in names.CAMPAIGNS:
            start = self.today - dt.timedelta(days=rng.randrange(20, 540))
            end = start + dt.timedelta(days=rng.choice((7, 14, 30, 45, 60, 90)))
            row = _tracked(_local(start - dt.timedelta(days=7), 11 * 60), self.manager)
            self.campaigns.append((row["id"], sources.get(source)))
            self.rows.add(
                "campaigns",
                {
                    **row,
                    "name": name,
                    "channel": channel,
                    "lead_source_id": sources.get(source),
                    "start_date": start,
                    "end_date": end,
                    "cost": rng.randrange(50, 2000) * 1_000_000,
                },
            )
        for name, color in names.TAGS:
            row = _tracked(when, self.manager)
            self.tags.append(row["id"])
            self.rows.add("tags", {**row, "name": name, "color": color})

    # -- companies ------------------------------------------------------------------------

    def _city(self) -> tuple[str, str, str, int]:
        return self.rng.choices(names.CITIES, cum_weights=self._city_weights)[0]

    def _companies(self) -> Generator[DemoProgress, None, None]:
        rng = self.rng
        taken: set[str] = set()
        domains: set[str] = set()
        for i in range(self.n_companies):
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
            city, province, area, _weight = self._city()
            if name in taken:
                name = f"{name} {city}"
            taken.add(name)
            domain = f"{latin}{second_latin}".replace(" ", "")
            if domain in domains:
                domain = f"{domain}{i}"
            domains.add(domain)
            domain += ".ir"
            owner = rng.randrange(len(self.reps))
            created = self.now - dt.timedelta(minutes=rng.randrange(60 * 24 * 760))
            row = _tracked(created, self.reps[owner])
            self.companies.append((row["id"], name, domain, city, owner))
            self.rows.add(
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
                    "owner_id": self.reps[owner],
                },
            )
            if (i + 1) % CHUNK == 0:
                yield self._progress("شرکت‌ها", CHUNK)
        yield self._progress("شرکت‌ها", self.n_companies % CHUNK)

    # -- contacts -------------------------------------------------------------------------

    def _contacts(self) -> Generator[DemoProgress, None, _People]:
        people = _People([], [], [], [], [], [], {lc: [] for lc in _LIFECYCLES}, [])
        people.by_owner = [[] for _ in self.reps]
        bodies = _SearchBodies()
        for i in range(self.n):
            self._contact(i, people, bodies)
            if (i + 1) % CHUNK == 0:
                yield self._progress("مخاطبان", CHUNK)
        yield self._progress("مخاطبان", self.n % CHUNK)
        return people

    def _place(
        self,
    ) -> tuple[int, str | None, str | None, str | None, tuple[str, str, str, int], int]:
        """Company index (-1: none), its id and name, job title, city row, owner rep."""
        rng = self.rng
        if rng.random() < 0.7:
            company = rng.randrange(len(self.companies))
            company_id, name, _domain, city_name, owner = self.companies[company]
            city = self._cities[city_name] if rng.random() < 0.85 else self._city()
            if rng.random() < 0.15:
                owner = rng.randrange(len(self.reps))
            return company, company_id, name, rng.choice(names.JOB_TITLES), city, owner
        job = rng.choice(names.FREELANCE_TITLES) if rng.random() < 0.5 else None
        return -1, None, None, job, self._city(), rng.randrange(len(self.reps))

    def _contact(self, i: int, people: _People, bodies: _SearchBodies) -> None:
        rng = self.rng
        first_names = names.MALE_FIRST_NAMES if rng.random() < 0.55 else names.FEMALE_FIRST_NAMES
        first, last = rng.choice(first_names), rng.choice(names.LAST_NAMES)
        company, company_id, company_name, job, (city, province, *_), owner = self._place()
        user_id = self.reps[owner]
        phones = [_mobile(rng)] + ([_mobile(rng)] if rng.random() < 0.25 else [])
        domain = self.companies[company][2] if company >= 0 else rng.choice(names.FREE_MAIL_DOMAINS)
        emails = [f"user{i + 1}@{domain}"] if rng.random() < 0.6 else []
        lifecycle = rng.choices(_LIFECYCLES, weights=_LIFECYCLE_WEIGHTS)[0]
        campaign_id, source_id = (
            rng.choice(self.campaigns) if rng.random() < 0.3 else (None, rng.choice(self.sources))
        )
        birth = BIRTH_FROM + dt.timedelta(days=rng.randrange(BIRTH_DAYS))
        created = self.now - dt.timedelta(minutes=rng.randrange(60 * 24 * 730))
        row = _tracked(created, user_id)
        contact_id = row["id"]
        self.rows.add(
            "contacts",
            {
                **row,
                "first_name": first,
                "last_name": last,
                "sort_key": bodies.sort_key(first, last),
                "company_id": company_id,
                "job_title": job,
                "city": city,
                "province": province,
                "birth_date": birth if rng.random() < 0.6 else None,
                "preferred_channel": rng.choices(_CHANNELS, weights=self._channel_weights)[0],
                "lead_source_id": source_id,
                "campaign_id": campaign_id,
                "owner_id": user_id,
                "lifecycle": lifecycle.value,
                "lead_score": rng.randint(*_SCORE_RANGES[lifecycle]),
            },
        )
        for position, number in enumerate(phones):
            self.rows.add(
                "contact_phones",
                {**_tracked(created, user_id), "contact_id": contact_id, "number": number}
                | {"kind": "mobile", "position": position},
            )
        for position, address in enumerate(emails):
            self.rows.add(
                "contact_emails",
                {**_tracked(created, user_id), "contact_id": contact_id, "address": address}
                | {"position": position},
            )
        for tag_id in rng.sample(self.tags, rng.choices((0, 1, 2), weights=(50, 35, 15))[0]):
            self.rows.add(
                "contact_tags",
                {**_tracked(created, user_id), "contact_id": contact_id, "tag_id": tag_id},
            )
        body = bodies.body(first, last, company_name, job, city, phones, emails)
        self.rows.add("contact_search", {"contact_id": contact_id, "body": body})
        if lifecycle is Lifecycle.CUSTOMER:
            self._purchases(contact_id, user_id, created)
        people.ids.append(contact_id)
        people.names.append(f"{first} {last}")
        people.companies.append(company)
        people.owners.append(owner)
        people.sources.append(source_id)
        people.campaigns.append(campaign_id)
        people.by_lifecycle[lifecycle].append(i)
        people.by_owner[owner].append(i)

    def _purchases(self, contact_id: str, user_id: str, created: dt.datetime) -> None:
        rng = self.rng
        first_day = created.date()
        span = max(1, (self.today - first_day).days)
        for _ in range(rng.choice((1, 1, 2, 3))):
            product_id, price = rng.choice(self.products)
            quantity = rng.choice((1, 1, 1, 2, 3, 5))
            day = first_day + dt.timedelta(days=rng.randrange(span))
            self.rows.add(
                "deal_lines",
                {
                    **_tracked(_local(day, 11 * 60), user_id),
                    "deal_id": None,
                    "contact_id": contact_id,
                    "product_id": product_id,
                    "quantity": quantity,
                    "unit_price": price,
                    "discount": _discount(rng, price * quantity),
                    "coupon": rng.choice(names.COUPONS) if rng.random() < 0.1 else None,
                    "payment_method": rng.choice(names.PAYMENT_METHODS),
                    "purchased_on": day,
                },
            )

    # -- deals ----------------------------------------------------------------------------

    def _deals(self, people: _People) -> Generator[DemoProgress, None, None]:
        rng = self.rng
        pipeline_id = self.session.scalar(
            select(Pipeline.id)
            .where(Pipeline.is_default.is_(True), Pipeline.deleted_at.is_(None))
            .order_by(Pipeline.position)
            .limit(1)
        )
        if pipeline_id is None:
            raise InvalidInput(
                "پایگاه داده خط فروش پیش‌فرض ندارد.", "the database has no default pipeline"
            )
        stages = self.session.execute(
            select(Stage.id, Stage.is_won, Stage.is_lost)
            .where(Stage.pipeline_id == pipeline_id, Stage.deleted_at.is_(None))
            .order_by(Stage.position)
        ).all()
        reasons = list(
            self.session.scalars(
                select(LostReason.id)
                .where(LostReason.deleted_at.is_(None))
                .order_by(LostReason.position)
            )
        )
        # Early stages hold the most deals; at least three in every stage.
        weights = [
            10 if s.is_won else 8 if s.is_lost else max(4, 20 - 3 * k) for k, s in enumerate(stages)
        ]
        plan = [k for k in range(len(stages)) for _ in range(3)]
        plan += rng.choices(range(len(stages)), weights=weights, k=self.n_deals - len(plan))
        positions = [0] * len(stages)
        customers = people.by_lifecycle[Lifecycle.CUSTOMER]
        open_people = people.by_lifecycle[Lifecycle.LEAD] + people.by_lifecycle[Lifecycle.PROSPECT]
        everyone = range(len(people.ids))
        for n_done, k in enumerate(plan, start=1):
            stage = stages[k]
            pool: Sequence[int] = (
                customers if stage.is_won else everyone if stage.is_lost else open_people
            ) or everyone
            person = pool[rng.randrange(len(pool))]
            owner = people.owners[person]
            user_id = self.reps[owner]
            company = people.companies[person]
            who = self.companies[company][1] if company >= 0 else people.names[person]
            won_at = lost_at = None
            if stage.is_won or stage.is_lost:
                closed_day = self._past_workday(rng.randrange(1, 360 if rng.random() < 0.4 else 84))
                closed = _local(closed_day, rng.randrange(9 * 60, 17 * 60))
                created = closed - dt.timedelta(days=rng.randrange(7, 90))
                expected = closed_day
                if stage.is_won:
                    won_at = closed
                else:
                    lost_at = closed
                updated = closed
            else:
                created = self.now - dt.timedelta(minutes=rng.randrange(60 * 24 * 120))
                expected = self.today + dt.timedelta(days=rng.randrange(-15, 90))
                updated = created + (self.now - created) * rng.random()
            positions[k] += 1
            row = _tracked(created, user_id)
            row["updated_at"] = updated
            lines = self._deal_lines(row["id"], people.ids[person], user_id, created, won_at)
            self.rows.add(
                "deals",
                {
                    **row,
                    "title": f"{rng.choice(names.DEAL_TITLES)} - {who}",
                    "contact_id": people.ids[person],
                    "company_id": self.companies[company][0] if company >= 0 else None,
                    "pipeline_id": pipeline_id,
                    "stage_id": stage.id,
                    "amount": sum(lines),
                    "expected_close": expected,
                    "owner_id": user_id,
                    "lead_source_id": people.sources[person],
                    "campaign_id": people.campaigns[person],
                    "won_at": won_at,
                    "lost_at": lost_at,
                    "lost_reason_id": rng.choice(reasons) if lost_at and reasons else None,
                    "position": float(positions[k]),
                },
            )
            if not (stage.is_won or stage.is_lost):
                self.deals_by_rep[owner].append((row["id"], person))
            if n_done % CHUNK == 0:
                yield self._progress("فرصت‌های فروش", CHUNK)
        yield self._progress("فرصت‌های فروش", len(plan) % CHUNK)

    def _deal_lines(
        self,
        deal_id: str,
        contact_id: str,
        user_id: str,
        created: dt.datetime,
        won_at: dt.datetime | None,
    ) -> list[int]:
        """Add a deal's lines (purchases once won); returns each line's net amount."""
        rng = self.rng
        totals = []
        for product_id, price in rng.sample(self.products, rng.choice((1, 1, 2, 2, 3))):
            quantity = rng.choice((1, 1, 2, 3, 5, 10))
            discount = _discount(rng, price * quantity)
            totals.append(price * quantity - discount)
            self.rows.add(
                "deal_lines",
                {
                    **_tracked(created, user_id),
                    "deal_id": deal_id,
                    "contact_id": contact_id if won_at else None,
                    "product_id": product_id,
                    "quantity": quantity,
                    "unit_price": price,
                    "discount": discount,
                    "coupon": None,
                    "payment_method": rng.choice(names.PAYMENT_METHODS) if won_at else None,
                    "purchased_on": won_at.date() if won_at else None,
                },
            )
        return totals

    def _past_workday(self, days_ago: int) -> dt.date:
        day = self.today - dt.timedelta(days=days_ago)
        while weekday_index(day) == FRIDAY:
            day -= dt.timedelta(days=1)
        return day

    # -- activities -----------------------------------------------------------------------

    def _activities(self, people: _People) -> Generator[DemoProgress, None, None]:
        rng = self.rng
        types = {
            code: type_id
            for code, type_id in self.session.execute(
                select(ActivityType.code, ActivityType.id).where(ActivityType.deleted_at.is_(None))
            )
        }
        task_subjects = names.ACTIVITY_PHRASES["task"][0]
        for rep in range(len(self.reps)):
            for day in self.history:
                # Saturday to Wednesday 8:30-17:00, Thursday until 13:00; Friday is off.
                end = 13 * 60 if weekday_index(day) == THURSDAY else 17 * 60
                minute = 8 * 60 + 30 + rng.randrange(0, 30)
                while True:
                    code = rng.choices(_DAY_TYPES, weights=_DAY_TYPE_WEIGHTS)[0]
                    subjects, outcomes, minutes = names.ACTIVITY_PHRASES[code]
                    duration = rng.randint(*minutes) if minutes else None
                    if minute + (duration or 5) > end:
                        break
                    when = _local(day, minute + (duration or 0))
                    subject, outcome = rng.choice(subjects), rng.choice(outcomes)
                    due = when if code == "task" else None
                    self._activity(rep, people, types[code], subject, due, when, outcome, duration)
                    minute += (duration or 5) + rng.randrange(5, 40)
            for _ in range(rng.randint(6, 14)):
                due_day = self.today + dt.timedelta(days=rng.randint(1, 10))
                if weekday_index(due_day) == FRIDAY:
                    due_day += dt.timedelta(days=1)
                due = _local(due_day, rng.randrange(9, 16) * 60)
                subject = rng.choice(task_subjects)
                self._activity(rep, people, types["task"], subject, due, None, None, None)
            yield self._progress("فعالیت‌ها", len(self.history))

    def _activity(  # noqa: PLR0917 (one call per activity; keywords would cost time)
        self,
        rep: int,
        people: _People,
        type_id: str,
        subject: str,
        due: dt.datetime | None,
        done: dt.datetime | None,
        outcome: str | None,
        duration: int | None,
    ) -> None:
        rng = self.rng
        deal_id = None
        deals = self.deals_by_rep[rep]
        if deals and rng.random() < 0.3:
            deal_id, person = rng.choice(deals)
        else:
            mine = people.by_owner[rep] or range(len(people.ids))
            person = mine[rng.randrange(len(mine))]
        company = people.companies[person]
        user_id = self.reps[rep]
        self.rows.add(
            "activities",
            {
                **_tracked(done or self.now, user_id),
                "type_id": type_id,
                "subject": subject,
                "due_at": due,
                "done_at": done,
                "outcome": outcome,
                "duration_minutes": duration,
                "contact_id": people.ids[person],
                "deal_id": deal_id,
                "company_id": self.companies[company][0] if company >= 0 else None,
                "owner_id": user_id,
            },
        )

    # -- targets and service requests -----------------------------------------------------

    def _targets(self) -> None:
        rng = self.rng
        year, month, _day = to_jalali(self.today)
        months = []
        for _ in range(JALALI_MONTHS_OF_TARGETS):
            months.append((year, month))
            year, month = (year, month - 1) if month > 1 else (year - 1, 12)
        for user_id in self.reps:
            for year, month in reversed(months):
                start = from_jalali(year, month, 1)
                following = (
                    from_jalali(year, month + 1, 1) if month < 12 else from_jalali(year + 1, 1, 1)
                )
                self.rows.add(
                    "targets",
                    {
                        **_tracked(_local(start, 9 * 60), self.manager),
                        "user_id": user_id,
                        "period_start": start,
                        "period_end": following - dt.timedelta(days=1),
                        "revenue": rng.randrange(20, 60) * 500_000_000,
                        "deals_won": rng.randint(3, 10),
                        "calls": rng.randrange(180, 300, 10),
                    },
                )

    def _service_requests(self, people: _People) -> None:
        rng = self.rng
        pool = people.by_lifecycle[Lifecycle.CUSTOMER] or list(range(len(people.ids)))
        for _ in range(self.n_service):
            person = pool[rng.randrange(len(pool))]
            user_id = self.reps[people.owners[person]]
            company = people.companies[person]
            opened = _local(
                self._past_workday(rng.randrange(0, 60)), rng.randrange(8 * 60, 17 * 60)
            )
            status = rng.choices(_SERVICE_STATUSES, weights=(2, 2, 3, 5))[0]
            first_response: dt.datetime | None = opened + dt.timedelta(
                minutes=rng.randrange(10, 6 * 60)
            )
            resolved: dt.datetime | None = opened + dt.timedelta(
                minutes=rng.randrange(2 * 60, 5 * 24 * 60)
            )
            if status == "open":
                first_response = resolved = None
            elif status == "in_progress" or (resolved and resolved > self.now):
                status, resolved = "in_progress", None
            if first_response and first_response > self.now:
                first_response = None
            self.rows.add(
                "service_requests",
                {
                    **_tracked(opened, user_id),
                    "updated_at": resolved or first_response or opened,
                    "subject": rng.choice(names.SERVICE_SUBJECTS),
                    "contact_id": people.ids[person],
                    "company_id": self.companies[company][0] if company >= 0 else None,
                    "owner_id": user_id,
                    "priority": rng.choice(names.SERVICE_PRIORITIES),
                    "status": status,
                    "opened_at": opened,
                    "first_response_at": first_response,
                    "resolved_at": resolved,
                },
            )


def _discount(rng: random.Random, total: int) -> int:
    if rng.random() < 0.7:
        return 0
    return total * rng.choice((3, 5, 10)) // 100 // 10_000 * 10_000


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
