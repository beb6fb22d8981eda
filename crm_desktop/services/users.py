"""The people who use the app, and which of them is at this laptop."""

from __future__ import annotations

from sqlalchemy import select

from crm_desktop.models import Role, User
from crm_desktop.models.database import Database
from crm_desktop.services.lookups import CURRENT_USER_KEY
from crm_desktop.services.records import UserRecord


def _record(user: User) -> UserRecord:
    return UserRecord(
        id=user.id, name=user.name, username=user.username, role=user.role, active=user.active
    )


def list_users(db: Database) -> list[UserRecord]:
    with db.session() as session:
        users = session.scalars(
            select(User).where(User.deleted_at.is_(None)).order_by(User.role, User.name)
        )
        return [_record(u) for u in users]


def create_user(db: Database, name: str, username: str, role: Role = Role.REP) -> UserRecord:
    with db.session() as session:
        user = User(name=name, username=username, role=role.value)
        session.add(user)
        session.flush()
        return _record(user)


def current_user(db: Database) -> UserRecord | None:
    user_id = db.get_setting(CURRENT_USER_KEY)
    if user_id is None:
        return None
    with db.session() as session:
        user = session.get(User, user_id)
        return _record(user) if user is not None else None


def set_current_user(db: Database, user_id: str) -> None:
    db.set_setting(CURRENT_USER_KEY, user_id)
