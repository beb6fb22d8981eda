"""Finding rows by the names people type (companies, tags, lead sources, users), and
the choices a picker offers."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from crm_desktop.errors import InvalidInput
from crm_desktop.locale import normalize_text, search_key, sort_key
from crm_desktop.models import Campaign, Company, LeadSource, Setting, Tag, User

CURRENT_USER_KEY = "current_user_id"


def current_user_id(session: Session) -> str | None:
    """The user working on this laptop; stamped on every row they change."""
    return session.scalar(select(Setting.value).where(Setting.key == CURRENT_USER_KEY))


def find_or_create_company(session: Session, name: str) -> Company:
    name = normalize_text(name)
    key = search_key(name)
    for company in session.scalars(
        select(Company).where(Company.sort_key == sort_key(name), Company.deleted_at.is_(None))
    ):
        if search_key(company.name) == key:
            return company
    company = Company(name=name, sort_key=sort_key(name))
    session.add(company)
    session.flush()
    return company


def find_or_create_tag(session: Session, name: str) -> Tag:
    key = search_key(name)
    for tag in session.scalars(select(Tag).where(Tag.deleted_at.is_(None))):
        if search_key(tag.name) == key:
            return tag
    tag = Tag(name=normalize_text(name))
    session.add(tag)
    session.flush()
    return tag


def tag_name(session: Session, tag_id: str) -> str:
    tag = session.get(Tag, tag_id)
    if tag is None:
        raise InvalidInput("این برچسب وجود ندارد.", f"no tag with id {tag_id!r}")
    return tag.name


def find_or_create_lead_source(session: Session, name: str) -> LeadSource:
    key = search_key(name)
    sources = list(session.scalars(select(LeadSource).where(LeadSource.deleted_at.is_(None))))
    for source in sources:
        if search_key(source.name) == key:
            return source
    source = LeadSource(name=normalize_text(name), position=len(sources))
    session.add(source)
    session.flush()
    return source


def find_user(session: Session, name: str) -> User:
    """A user by display name or username; a rep is never invented from a typo."""
    key = search_key(name)
    users = session.scalars(
        select(User).where(User.deleted_at.is_(None), User.active.is_(True))
    ).all()
    for user in users:
        if key in (search_key(user.name), search_key(user.username)):
            return user
    known = "، ".join(u.name for u in users) or "—"
    raise InvalidInput(
        f"کاربری به نام «{name}» نیست. کاربران: {known}",
        f"no user named {name!r}; users: {', '.join(u.username for u in users) or 'none'}",
    )


def lead_source_choices(session: Session) -> list[tuple[str, str]]:
    """(id, name) of the live lead sources, in the office's order: what pickers offer."""
    return [
        (source_id, name)
        for source_id, name in session.execute(
            select(LeadSource.id, LeadSource.name)
            .where(LeadSource.deleted_at.is_(None))
            .order_by(LeadSource.position, LeadSource.name)
        )
    ]


def campaign_choices(session: Session) -> list[tuple[str, str]]:
    """(id, name) of the live campaigns, in Persian name order."""
    rows = session.execute(select(Campaign.id, Campaign.name).where(Campaign.deleted_at.is_(None)))
    return sorted(((i, n) for i, n in rows), key=lambda row: sort_key(row[1]))
