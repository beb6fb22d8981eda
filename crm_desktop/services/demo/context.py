"""What every demo step shares: the row buffers, the run's context and time helpers."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from crm_desktop.locale import weekday_index
from crm_desktop.models import Lifecycle, new_id
from crm_desktop.services.office import office_time
from crm_desktop.services.rows import Writer

CHUNK = 5000
FRIDAY = 6
THURSDAY = 5

# (id, name, email domain, city, owner rep index) of each generated company.
CompanyRow = tuple[str, str, str, str, int]


@dataclass(frozen=True)
class Demo:
    """One run: where rows go, the one random source, the day it plays on, its staff."""

    session: Session
    rows: Writer  # buffered new rows, written parents first
    rng: random.Random
    today: dt.date
    now: dt.datetime
    manager: str  # user id
    reps: list[str]  # user ids; "rep index" everywhere means a position in this list

    def past_workday(self, days_ago: int) -> dt.date:
        day = self.today - dt.timedelta(days=days_ago)
        while weekday_index(day) == FRIDAY:
            day -= dt.timedelta(days=1)
        return day


@dataclass
class People:
    """What later steps need to know about each generated contact, by index."""

    ids: list[str]
    names: list[str]
    companies: list[int]  # company index or -1
    owners: list[int]  # rep index
    sources: list[str | None]
    campaigns: list[str | None]
    by_lifecycle: dict[Lifecycle, list[int]]
    by_owner: list[list[int]]


def tracked(when: dt.datetime, user_id: str) -> dict[str, Any]:
    return {"id": new_id(), "created_at": when, "updated_at": when, "updated_by": user_id}


def local(day: dt.date, minutes: int) -> dt.datetime:
    """The naive UTC time of ``minutes`` after midnight, office time, on ``day``."""
    return office_time(day, minutes)
