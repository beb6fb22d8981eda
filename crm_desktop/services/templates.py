"""Message templates: letters, emails and SMS with placeholders, filled for contacts.

A placeholder is a word in braces, in Persian or in English:

| placeholder | filled with |
| --- | --- |
| ``{نام}`` ``{first_name}`` | the contact's first name (the whole name if it has none) |
| ``{نام_خانوادگی}`` ``{last_name}`` | the family name |
| ``{نام_کامل}`` ``{full_name}`` | the whole name |
| ``{شرکت}`` ``{company}`` | the contact's company |
| ``{شرکت_ما}`` ``{our_company}`` | the office's name |
| ``{کارشناس}`` ``{rep}`` | the contact's rep, else the user at this laptop |
| ``{تاریخ}`` ``{today}`` | today, Jalali (``۱۷ آذر ۱۴۰۵``) |
| ``{تاریخ_تولد}`` ``{birth_date}`` | the birth date, Jalali |

A placeholder the template names but nobody can fill (``{شماره}``, an invoice number)
stays as typed, and is reported (``Filled.unfilled``) so that the rep fills it in.
Sending is logged: every contact a message went to gets an activity (an email, an SMS,
or a note for a letter), done now, with the message as its body, in one operation.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import select

from crm_desktop.errors import InvalidInput, NotFound
from crm_desktop.locale import format_jalali_long, normalize_multiline, normalize_text
from crm_desktop.models import ActivityKind, MessageTemplate, utcnow
from crm_desktop.models.database import Database
from crm_desktop.services.activities import log_activities
from crm_desktop.services.activity_changes import ActivityChanges
from crm_desktop.services.contacts import get_contacts
from crm_desktop.services.office import office_name, office_today
from crm_desktop.services.records import ContactRecord
from crm_desktop.services.users import current_user

CHANNELS = ("email", "sms", "letter")
_PLACEHOLDER = re.compile(r"\{([^{}\s]+)\}")
# Placeholder -> what fills it (the Persian and the English name alike).
_NAMES = {
    "first_name": ("نام", "first_name"),
    "last_name": ("نام_خانوادگی", "last_name"),
    "full_name": ("نام_کامل", "full_name"),
    "company": ("شرکت", "company"),
    "our_company": ("شرکت_ما", "our_company"),
    "rep": ("کارشناس", "rep"),
    "today": ("تاریخ", "today"),
    "birth_date": ("تاریخ_تولد", "birth_date"),
}
_BY_WORD = {word: key for key, words in _NAMES.items() for word in words}
# How a sent message is logged, by channel.
_LOGGED_AS = {"email": ActivityKind.EMAIL, "sms": ActivityKind.SMS, "letter": ActivityKind.NOTE}


@dataclass(frozen=True)
class Template:
    id: str
    name: str
    channel: str  # email, sms, letter
    subject: str | None
    body: str


@dataclass(frozen=True)
class Filled:
    contact_id: str
    name: str  # the contact's whole name
    to: str | None  # the email address or phone number it goes to (None: none known)
    subject: str | None
    body: str
    unfilled: tuple[str, ...]  # placeholders nobody could fill, as typed


def _template(row: MessageTemplate) -> Template:
    return Template(row.id, row.name, row.channel, row.subject, row.body)


def list_templates(db: Database) -> list[Template]:
    with db.session() as session:
        rows = session.scalars(
            select(MessageTemplate)
            .where(MessageTemplate.deleted_at.is_(None))
            .order_by(MessageTemplate.name)
        )
        return [_template(row) for row in rows]


def get_template(db: Database, template_id: str) -> Template:
    with db.session() as session:
        row = session.get(MessageTemplate, template_id)
        if row is None or row.deleted_at is not None:
            raise NotFound("این قالب وجود ندارد.", f"no template with id {template_id!r}")
        return _template(row)


def _check(name: str, channel: str, body: str) -> None:
    if not name:
        raise InvalidInput("قالب نام لازم دارد.", "a template needs a name")
    if channel not in CHANNELS:
        raise InvalidInput(
            "نوع قالب ایمیل، پیامک یا نامه است.",
            f"a template is for email, sms or letter, not {channel!r}",
        )
    if not body.strip():
        raise InvalidInput("متن قالب خالی است.", "a template needs a text")


def save_template(
    db: Database,
    template_id: str | None,
    *,
    name: str,
    channel: str,
    subject: str | None,
    body: str,
) -> Template:
    """A new template (``template_id`` None) or a template changed."""
    name, body = normalize_text(name), normalize_multiline(body)
    subject = normalize_text(subject or "") or None
    _check(name, channel, body)
    with db.session() as session:
        row = (
            MessageTemplate() if template_id is None else session.get(MessageTemplate, template_id)
        )
        if row is None or row.deleted_at is not None:
            raise NotFound("این قالب وجود ندارد.", f"no template with id {template_id!r}")
        row.name, row.channel, row.subject, row.body = name, channel, subject, body
        session.add(row)
        session.flush()
        return _template(row)


def delete_template(db: Database, template_id: str) -> None:
    with db.session() as session:
        row = session.get(MessageTemplate, template_id)
        if row is None or row.deleted_at is not None:
            raise NotFound("این قالب وجود ندارد.", f"no template with id {template_id!r}")
        row.deleted_at = utcnow()


def fill_text(text: str, values: Mapping[str, str | None]) -> tuple[str, tuple[str, ...]]:
    """``text`` with its placeholders filled from ``values`` (by ``_NAMES`` key); the
    ones left as typed."""
    unfilled: list[str] = []

    def replace(found: re.Match[str]) -> str:
        key = _BY_WORD.get(found[1])
        value = values.get(key) if key else None
        if value:
            return value
        unfilled.append(found[0])
        return found[0]

    return _PLACEHOLDER.sub(replace, text), tuple(dict.fromkeys(unfilled))


def _values(
    contact: ContactRecord, *, ours: str | None, me: str | None, today: dt.date
) -> dict[str, str | None]:
    return {
        "first_name": contact.first_name or contact.full_name,
        "last_name": contact.last_name or None,
        "full_name": contact.full_name,
        "company": contact.company,
        "our_company": ours,
        "rep": contact.owner or me,
        "today": format_jalali_long(today),
        "birth_date": format_jalali_long(contact.birth_date) if contact.birth_date else None,
    }


def fill(
    db: Database,
    template: Template,
    contact_ids: Sequence[str],
    *,
    today: dt.date | None = None,
) -> list[Filled]:
    """The template filled for each contact, in the order given (gone ones left out)."""
    ours = office_name(db)
    user = current_user(db)
    me = user.name if user is not None else None
    day = today or office_today()
    found: list[Filled] = []
    for contact in get_contacts(db, list(contact_ids)):
        values = _values(contact, ours=ours, me=me, today=day)
        body, missing = fill_text(template.body, values)
        subject: str | None = None
        missing_subject: tuple[str, ...] = ()
        if template.subject:
            subject, missing_subject = fill_text(template.subject, values)
        to = contact.emails[0] if template.channel == "email" and contact.emails else None
        if template.channel == "sms" and contact.phones:
            to = contact.phones[0]
        unfilled = tuple(dict.fromkeys((*missing_subject, *missing)))
        found.append(Filled(contact.id, contact.full_name, to, subject, body, unfilled))
    return found


def log_sent(db: Database, template: Template, sent: Sequence[Filled]) -> int:
    """Log each message sent as a done activity about its contact, in one operation;
    how many were logged."""
    kind = _LOGGED_AS.get(template.channel, ActivityKind.NOTE)
    logged = log_activities(
        db,
        [
            ActivityChanges(
                type=kind,
                subject=message.subject or template.name,
                body=message.body,
                contact_id=message.contact_id,
            )
            for message in sent
        ],
    )
    return len(logged)
