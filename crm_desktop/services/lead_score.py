"""The lead score: how warm a contact is, from simple rules anyone can read.

| rule | points |
| --- | --- |
| came by referral, in person or from an exhibition | 20 |
| came from any other named source | 10 |
| each activity done with them in the last 30 days | 10, up to 30 |
| has a phone | 10 |
| has an email | 10 |
| has an open deal | 20 |
| has bought something | 10 |

At most 100. The score is worked out from the data (``rescore``), never typed: it is
kept on the contact only so that the lists sort by it through an index, and is not a
change of its own (not logged, not synced: every laptop works it out the same way).
The services that change what it counts rescore the contacts concerned in the same
transaction; the window rescores everyone once a day (the 30 days move on), and after
an import.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

from crm_desktop.locale import search_key
from crm_desktop.models import Contact, utcnow
from crm_desktop.models.database import Database

RECENT_DAYS = 30
MAX_SCORE = 100
# Lead sources that bring warm leads (by their names' search keys; the defaults'
# names, as an office usually keeps them).
WARM_SOURCES = ("معرفی مشتریان", "معرفی", "مراجعهٔ حضوری", "حضوری", "نمایشگاه و رویداد", "نمایشگاه")
WARM_SOURCE, OTHER_SOURCE = 20, 10
PER_ACTIVITY, MOST_FOR_ACTIVITY = 10, 30
PHONE = EMAIL = 10
OPEN_DEAL = 20
BOUGHT = 10
_CHUNK = 500


@dataclass(frozen=True)
class ScorePart:
    rule: str  # ``source``, ``activity``, ``phone``, ``email``, ``open_deal``, ``bought``
    fa: str
    en: str
    points: int

    def label(self, lang: str) -> str:
        return self.fa if lang == "fa" else self.en


def _parts_sql(contact: str) -> dict[str, str]:
    """Each rule's points for the contact row named ``contact`` (an alias), as SQL."""
    return {
        "source": (
            f"(CASE WHEN {contact}.lead_source_id IN (SELECT value FROM json_each(:warm)) "
            f"THEN {WARM_SOURCE} WHEN {contact}.lead_source_id IS NOT NULL "
            f"THEN {OTHER_SOURCE} ELSE 0 END)"
        ),
        "activity": (
            f"MIN({MOST_FOR_ACTIVITY}, {PER_ACTIVITY} * (SELECT count(*) FROM activities a "
            f"WHERE a.contact_id = {contact}.id AND a.deleted_at IS NULL "
            "AND a.done_at >= :since))"
        ),
        "phone": (
            f"(CASE WHEN EXISTS (SELECT 1 FROM contact_phones p "
            f"WHERE p.contact_id = {contact}.id AND p.deleted_at IS NULL) THEN {PHONE} ELSE 0 END)"
        ),
        "email": (
            f"(CASE WHEN EXISTS (SELECT 1 FROM contact_emails e "
            f"WHERE e.contact_id = {contact}.id AND e.deleted_at IS NULL) THEN {EMAIL} ELSE 0 END)"
        ),
        "open_deal": (
            "(CASE WHEN EXISTS (SELECT 1 FROM deals d JOIN stages s ON s.id = d.stage_id "
            f"WHERE d.contact_id = {contact}.id AND d.deleted_at IS NULL "
            f"AND NOT s.is_won AND NOT s.is_lost) THEN {OPEN_DEAL} ELSE 0 END)"
        ),
        "bought": (
            "(CASE WHEN EXISTS (SELECT 1 FROM deal_lines l "
            f"WHERE l.contact_id = {contact}.id AND l.deleted_at IS NULL "
            f"AND l.purchased_on IS NOT NULL) THEN {BOUGHT} ELSE 0 END)"
        ),
    }


def is_warm_source(name: str) -> bool:
    """Whether a lead source of this name brings warm leads (``WARM_SOURCES``)."""
    return search_key(name) in {search_key(warm) for warm in WARM_SOURCES}


def warm_source_ids(session: Session) -> frozenset[str]:
    """The lead sources that bring warm leads."""
    rows = session.execute(text("SELECT id, name FROM lead_sources WHERE deleted_at IS NULL"))
    return frozenset(row_id for row_id, name in rows if is_warm_source(name))


def _warm_ids(session: Session) -> str:
    return json.dumps(sorted(warm_source_ids(session)))


def opening_score(
    lead_source_id: str | None, warm: Collection[str], *, phone: bool, email: bool
) -> int:
    """The score of a contact just made, with nothing done about it yet: what ``rescore``
    gives it, without a statement per contact (an import's new people)."""
    source = (
        0 if lead_source_id is None else WARM_SOURCE if lead_source_id in warm else OTHER_SOURCE
    )
    return min(MAX_SCORE, source + (PHONE if phone else 0) + (EMAIL if email else 0))


def _params(session: Session, now: dt.datetime | None) -> dict[str, object]:
    since = (now or utcnow()) - dt.timedelta(days=RECENT_DAYS)
    return {"warm": _warm_ids(session), "since": since.isoformat(sep=" ")}


def rescore(
    session: Session, contact_ids: Iterable[str] | None = None, *, now: dt.datetime | None = None
) -> None:
    """Work the score out again for these contacts (None: every contact), in the
    caller's transaction. Only the scores that change are written."""
    session.flush()  # the caller's pending rows (a new phone) count
    score = f"MIN({MAX_SCORE}, {' + '.join(_parts_sql('contacts').values())})"
    params = _params(session, now)
    update = (
        f"UPDATE contacts SET lead_score = {score} WHERE deleted_at IS NULL "
        f"AND lead_score IS NOT {score}"
    )
    if contact_ids is None:
        session.execute(text(update), params)
        ids = None
    else:
        ids = sorted({i for i in contact_ids if i})
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            session.execute(
                text(update + " AND id IN (SELECT value FROM json_each(:ids))"),
                {**params, "ids": json.dumps(chunk)},
            )
    # Contacts the session holds read their new score from the row when next asked.
    for held in list(session.identity_map.values()):
        if isinstance(held, Contact) and (ids is None or held.id in ids):
            session.expire(held, ["lead_score"])


def rescore_all(db: Database, *, now: dt.datetime | None = None) -> None:
    with db.session() as session:
        rescore(session, now=now)


_LABELS = {
    "source": ("منبع سرنخ", "lead source"),
    "activity": ("فعالیت در ۳۰ روز گذشته", "activity in the last 30 days"),
    "phone": ("تلفن دارد", "has a phone"),
    "email": ("ایمیل دارد", "has an email"),
    "open_deal": ("معاملهٔ باز دارد", "has an open deal"),
    "bought": ("خرید کرده است", "has bought"),
}


def score_parts(
    db: Database, contact_id: str, *, now: dt.datetime | None = None
) -> list[ScorePart]:
    """Why the contact has the score it has: the rules that gave it points."""
    parts = _parts_sql("c")
    columns = ", ".join(f"{sql} AS {rule}" for rule, sql in parts.items())
    with db.session() as session:
        row = session.execute(
            text(f"SELECT {columns} FROM contacts c WHERE c.id = :id"),
            {**_params(session, now), "id": contact_id},
        ).one_or_none()
    if row is None:
        return []
    return [
        ScorePart(rule, *_LABELS[rule], int(points))
        for rule, points in zip(parts, row, strict=True)
        if points
    ]


RESCORED_ON_KEY = "lead_scores_worked_out_on"


def rescore_if_stale(db: Database, today: dt.date) -> bool:
    """Every score worked out again once a day (the last 30 days move on); whether it
    was done now."""
    if db.get_setting(RESCORED_ON_KEY) == today.isoformat():
        return False
    rescore_all(db)
    db.set_setting(RESCORED_ON_KEY, today.isoformat())
    return True
