"""Demo data: counts, consistency, determinism, search, refusal and cancellation."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from crm_desktop.errors import InvalidInput
from crm_desktop.locale import national_digits, parse_phone
from crm_desktop.models import (
    Activity,
    ActivityType,
    Campaign,
    Company,
    Contact,
    ContactEmail,
    ContactPhone,
    ContactSearch,
    Deal,
    Pipeline,
    Product,
    ServiceRequest,
    Setting,
    Stage,
    Target,
    User,
)
from crm_desktop.models.database import Database, open_database
from crm_desktop.services.contacts import create_contact, list_contacts
from crm_desktop.services.demo import DemoProgress, DemoSummary, generate_demo
from crm_desktop.services.fields import ContactChanges
from crm_desktop.services.lookups import CURRENT_USER_KEY
from crm_desktop.services.office import OFFICE_NAME_KEY, office_day
from crm_desktop.services.search import search_body

TODAY = dt.date(2026, 11, 25)
N = 300


def run(db: Database, **kwargs: object) -> tuple[list[DemoProgress], DemoSummary]:
    progress: list[DemoProgress] = []
    gen = generate_demo(db, **kwargs)  # type: ignore[arg-type]
    while True:
        try:
            progress.append(next(gen))
        except StopIteration as stop:
            return progress, stop.value


@pytest.fixture(scope="module")
def demo(
    tmp_path_factory: pytest.TempPathFactory, template_db: Path
) -> Iterator[tuple[Database, list[DemoProgress], DemoSummary]]:
    """One demo database shared by the read-only checks, to keep the file fast."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    shutil.copyfile(template_db, path)
    database = open_database(path)
    progress, summary = run(database, contacts=N, seed=7, today=TODAY)
    yield database, progress, summary
    database.close()


def count(db: Database, model: type) -> int:
    with db.session() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def test_summary_matches_database(
    demo: tuple[Database, list[DemoProgress], DemoSummary],
) -> None:
    db, progress, summary = demo
    assert summary.contacts == N == count(db, Contact)
    assert summary.users == count(db, User) == 5
    assert summary.companies == count(db, Company) >= 5
    assert summary.deals == count(db, Deal)
    assert summary.activities == count(db, Activity) > 0
    assert summary.products == count(db, Product) == 15
    assert summary.campaigns == count(db, Campaign) > 0
    assert summary.service_requests == count(db, ServiceRequest) >= 3
    assert count(db, ContactSearch) == N
    assert progress
    assert all(p.step for p in progress)
    assert [p.done for p in progress] == sorted(p.done for p in progress)
    assert progress[-1].done == progress[-1].total


def test_users_and_current_user(demo: tuple[Database, list[DemoProgress], DemoSummary]) -> None:
    db, _, _ = demo
    with db.session() as session:
        roles = sorted(session.scalars(select(User.role)))
        manager = session.scalar(select(User.id).where(User.role == "manager"))
        current = session.scalar(select(Setting.value).where(Setting.key == CURRENT_USER_KEY))
        office = session.scalar(select(Setting.value).where(Setting.key == OFFICE_NAME_KEY))
        users = set(session.scalars(select(User.id)))
        reps = set(session.scalars(select(User.id).where(User.role == "rep")))
        for model in (Company, Contact, Deal, Activity, ServiceRequest, Target, ContactPhone):
            stamped = set(session.scalars(select(model.updated_by).distinct()))
            assert stamped <= users, model
        owners = set(session.scalars(select(Contact.owner_id).distinct()))
    assert roles == ["manager", "rep", "rep", "rep", "rep"]
    assert current == manager
    assert office
    assert owners <= reps


def test_deals_in_every_stage(demo: tuple[Database, list[DemoProgress], DemoSummary]) -> None:
    db, _, _ = demo
    with db.session() as session:
        pipeline = session.scalar(select(Pipeline.id).where(Pipeline.is_default.is_(True)))
        stages = session.execute(
            select(Stage.id, Stage.is_won, Stage.is_lost).where(Stage.pipeline_id == pipeline)
        ).all()
        assert len(stages) == 7
        for stage_id, won, lost in stages:
            deals = session.scalars(select(Deal).where(Deal.stage_id == stage_id)).all()
            assert len(deals) >= 3
            positions = [d.position for d in deals]
            assert len(set(positions)) == len(positions)
            for deal in deals:
                assert isinstance(deal.amount, int) and deal.amount > 0
                assert deal.expected_close is not None
                assert deal.owner_id is not None
                assert (deal.won_at is not None) == won
                assert (deal.lost_at is not None) == lost
                assert (deal.lost_reason_id is not None) == lost


def test_activities_in_last_twelve_weeks_never_on_friday(
    demo: tuple[Database, list[DemoProgress], DemoSummary],
) -> None:
    db, _, _ = demo
    start = TODAY - dt.timedelta(weeks=12)
    with db.session() as session:
        rows = session.execute(
            select(Activity.done_at, Activity.due_at, ActivityType.code).join(
                ActivityType, ActivityType.id == Activity.type_id
            )
        ).all()
    done = [r.done_at for r in rows if r.done_at is not None]
    open_tasks = [r for r in rows if r.done_at is None]
    assert done and open_tasks
    assert all(start <= d.date() < TODAY for d in done)
    assert all(d.weekday() != 4 for d in done)  # Friday
    assert {r.code for r in rows} >= {"call", "meeting", "email", "sms", "note", "task"}
    # The activities page has something in every bucket: overdue, today and to come.
    assert all(r.code == "task" and office_day(r.due_at).weekday() != 4 for r in open_tasks)
    due_days = {office_day(r.due_at) for r in open_tasks}
    assert min(due_days) < TODAY < max(due_days)
    assert TODAY in due_days or TODAY.weekday() == 4


def test_phones_emails_and_persian_letters(
    demo: tuple[Database, list[DemoProgress], DemoSummary],
) -> None:
    db, _, _ = demo
    with db.session() as session:
        phones = list(session.scalars(select(ContactPhone.number)))
        phones += [p for p in session.scalars(select(Company.phone)) if p]
        emails = list(session.scalars(select(ContactEmail.address)))
        texts = [
            *session.scalars(select(Contact.first_name)),
            *session.scalars(select(Contact.last_name)),
            *session.scalars(select(Company.name)),
            *session.scalars(select(User.name)),
            *[t for t in session.scalars(select(Contact.job_title)) if t],
            *session.scalars(select(Activity.subject)),
        ]
    assert all(parse_phone(p) == p for p in phones)
    assert all(e.isascii() and e == e.lower() and "@" in e for e in emails)
    assert not [t for t in texts if "ي" in t or "ك" in t]


def test_search_rows_match_search_body(
    demo: tuple[Database, list[DemoProgress], DemoSummary],
) -> None:
    db, _, _ = demo
    records = list_contacts(db)
    assert len(records) == N
    with db.session() as session:
        bodies = dict(session.execute(select(ContactSearch.contact_id, ContactSearch.body)).all())
    for r in records:
        expected = search_body(
            r.first_name,
            r.last_name,
            company=r.company,
            job_title=r.job_title,
            city=r.city,
            phones=r.phones,
            emails=r.emails,
        )
        assert bodies[r.id] == expected


def test_search_by_company_and_phone(
    demo: tuple[Database, list[DemoProgress], DemoSummary],
) -> None:
    db, _, _ = demo
    records = list_contacts(db)
    with_company = [r for r in records if r.company]
    assert 0.5 * N < len(with_company) < 0.9 * N
    company = with_company[0].company
    assert company is not None
    staff = {r.id for r in records if r.company == company}
    found = {r.id for r in list_contacts(db, search=company)}
    assert staff <= found
    someone = records[len(records) // 2]
    digits = national_digits(someone.phones[0])[:4]
    assert someone.id in {r.id for r in list_contacts(db, search=digits)}
    assert someone.id in {r.id for r in list_contacts(db, search=someone.phones[0])}


def test_same_seed_same_data_other_seed_differs(
    db: Database, template_db: Path, tmp_path: Path
) -> None:
    def names(database: Database) -> list[tuple[str, str]]:
        with database.session() as session:
            return [
                (f, last)
                for f, last in session.execute(
                    select(Contact.first_name, Contact.last_name).order_by(text("contacts.rowid"))
                )
            ]

    def amounts(database: Database) -> list[int]:
        with database.session() as session:
            return list(session.scalars(select(Deal.amount).order_by(text("deals.rowid"))))

    run(db, contacts=60, seed=3, today=TODAY)
    others = []
    for seed in (3, 4):
        path = tmp_path / f"seed{seed}.sqlite3"
        shutil.copyfile(template_db, path)
        other = open_database(path)
        run(other, contacts=60, seed=seed, today=TODAY)
        others.append((names(other), amounts(other)))
        other.close()
    assert others[0] == (names(db), amounts(db))
    assert others[1][0] != names(db)


def test_refuses_database_with_contacts(db: Database) -> None:
    create_contact(db, ContactChanges(first_name="علی", last_name="رضایی"))
    with pytest.raises(InvalidInput) as info:
        run(db, contacts=20, today=TODAY)
    assert "demo" in info.value.en and info.value.fa
    assert count(db, Contact) == 1
    assert count(db, User) == 0
    assert count(db, Company) == 0


def test_cancel_after_first_progress_writes_nothing(db: Database) -> None:
    gen = generate_demo(db, contacts=50, today=TODAY)
    assert isinstance(next(gen), DemoProgress)
    gen.close()
    assert count(db, Contact) == 0
    assert count(db, User) == 0
    assert db.get_setting(CURRENT_USER_KEY) is None
    # The search index trigger is back and the database is usable for a real run.
    _, summary = run(db, contacts=20, today=TODAY)
    assert summary.contacts == 20
    assert list_contacts(db, search="0912") or list_contacts(db, search="09")


def test_error_midway_writes_nothing(db: Database) -> None:
    gen = generate_demo(db, contacts=50, today=TODAY)
    next(gen)
    next(gen)
    with pytest.raises(RuntimeError):
        gen.throw(RuntimeError("boom"))
    assert count(db, Contact) == 0
    assert count(db, User) == 0


@pytest.mark.parametrize("contacts", [0, -5])
def test_refuses_non_positive_contacts(db: Database, contacts: int) -> None:
    with pytest.raises(InvalidInput):
        run(db, contacts=contacts, today=TODAY)
    assert count(db, User) == 0


def test_a_cancel_through_the_shared_progress_reporter_writes_nothing(db: Database) -> None:
    """The demo reports like every long service: cancelling the ``Reporter`` midway
    (as the window's Cancel does) raises ``Cancelled`` and rolls everything back."""
    from crm_desktop.services.demo import make_demo
    from crm_desktop.services.progress import Cancelled, Reporter

    seen: list[tuple[int, int]] = []
    steps: list[str] = []

    def report(done: int, total: int) -> None:
        seen.append((done, total))
        if len(seen) == 3:
            reporter.cancel()

    reporter = Reporter(report)
    with pytest.raises(Cancelled):
        make_demo(db, contacts=50, today=TODAY, progress=reporter, step=steps.append)
    assert len(seen) == 3 and all(0 < done <= total for done, total in seen)
    assert steps[0] == "کاربران"
    assert count(db, Contact) == 0 and count(db, User) == 0
    summary = make_demo(db, contacts=20, today=TODAY, progress=Reporter())
    assert summary.contacts == 20 == count(db, Contact)


def test_lead_scores_are_the_rules_own(
    demo: tuple[Database, list[DemoProgress], DemoSummary],
) -> None:
    from crm_desktop.services.lead_score import rescore

    db, _, _ = demo
    scores = "SELECT id, lead_score FROM contacts ORDER BY id"
    with db.session() as session:
        made = [tuple(row) for row in session.execute(text(scores))]
        rescore(session)  # the rules, worked out again: nothing to change
        again = [tuple(row) for row in session.execute(text(scores))]
        session.rollback()
    assert made == again
    assert all(score % 10 == 0 for _, score in made)  # every rule gives tens
    assert len({score for _, score in made}) > 3  # and they tell contacts apart
