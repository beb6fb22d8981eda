"""What the contact window holds, as one comparable value, and the changes between two.

The window reads its fields into a ``ContactForm``; comparing it with the form as
loaded says whether anything changed, and ``changes_between`` turns the difference into
the ``ContactChanges`` that the contacts service applies (only what the user changed,
so an edit made elsewhere meanwhile to another field is kept). ``SharedChoices`` holds
what the window's pickers offer, shared by every open window.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from weakref import WeakKeyDictionary

from PySide6.QtCore import SIGNAL, QObject, QStringListModel, QThreadPool, Signal

from crm_desktop.locale import normalize_text
from crm_desktop.models import Lifecycle
from crm_desktop.models.database import Database
from crm_desktop.services import company_list, contact_list
from crm_desktop.services.fields import ContactChanges
from crm_desktop.services.records import ContactRecord
from crm_desktop.services.registry import CONTACT, TEXT_KINDS
from crm_desktop.services.users import list_users
from crm_desktop.ui.widgets.background import BackgroundJob
from crm_desktop.ui.widgets.context import COMPANIES, USERS, AppContext, Change

# Text fields an empty box clears (None); a name stays "" (either one is enough).
OPTIONAL_TEXT = tuple(
    f.name
    for f in CONTACT.editable()
    if f.kind in TEXT_KINDS and f.name not in ("first_name", "last_name")
)


@dataclass(frozen=True)
class ContactForm:
    first_name: str = ""
    last_name: str = ""
    company: str = ""  # a company name; a new one is created on save
    job_title: str = ""
    phones: tuple[str, ...] = ()  # E.164, in order
    emails: tuple[str, ...] = ()  # lower case, in order
    address: str = ""
    city: str = ""
    province: str = ""
    birth_date: dt.date | None = None
    preferred_channel: str | None = None
    lifecycle: str = Lifecycle.LEAD.value
    lead_score: int = 0
    lead_source_id: str | None = None
    campaign_id: str | None = None
    owner_id: str | None = None
    tags: tuple[str, ...] = ()  # sorted, each once
    notes: str = ""

    @property
    def full_name(self) -> str:
        return " ".join(part for part in (self.first_name, self.last_name) if part)


def split_tags(text: str) -> tuple[str, ...]:
    """``"VIP، نمایشگاه, vip"`` -> the distinct normalized names, sorted."""
    names = (normalize_text(part) for part in text.replace("،", ",").split(","))
    return tuple(sorted({name for name in names if name}))


def form_of(record: ContactRecord) -> ContactForm:
    return ContactForm(
        first_name=record.first_name,
        last_name=record.last_name,
        company=record.company or "",
        job_title=record.job_title or "",
        phones=record.phones,
        emails=record.emails,
        address=record.address or "",
        city=record.city or "",
        province=record.province or "",
        birth_date=record.birth_date,
        preferred_channel=record.preferred_channel,
        lifecycle=record.lifecycle,
        lead_score=record.lead_score,
        lead_source_id=record.lead_source_id,
        campaign_id=record.campaign_id,
        owner_id=record.owner_id,
        tags=tuple(sorted(record.tags)),
        notes=record.notes or "",
    )


def changes_between(before: ContactForm | None, after: ContactForm) -> ContactChanges:
    """The changes that turn ``before`` into ``after``; every field when ``before`` is None."""
    changes = ContactChanges()
    for field in fields(ContactForm):
        name = field.name
        value = getattr(after, name)
        if before is not None and getattr(before, name) == value:
            continue
        if name in OPTIONAL_TEXT or name == "company":
            value = value or None
        setattr(changes, name, value)
    return changes


@dataclass(frozen=True)
class EditorChoices:
    """What the contact window's pickers offer: (id, label) pairs and plain values."""

    companies: list[str]
    owners: list[tuple[str, str]]
    lead_sources: list[tuple[str, str]]
    campaigns: list[tuple[str, str]]
    tags: list[str]
    cities: list[str]
    provinces: list[str]


def load_editor_choices(db: Database) -> EditorChoices:
    """Services only (names, never whole records): safe on a worker thread."""
    choices = contact_list.filter_choices(db)
    return EditorChoices(
        companies=[name for _id, name in company_list.company_names(db)],
        owners=[(user.id, user.name) for user in list_users(db)],
        lead_sources=choices.lead_sources,
        campaigns=choices.campaigns,
        tags=[name for _id, name in choices.tags],
        cities=choices.cities,
        provinces=choices.provinces,
    )


class SharedChoices(QObject):
    """The pickers' choices, loaded once off the UI thread and shared by every window.

    A COMPANIES or USERS change marks them stale; they are read again (in the
    background) when a window asks, and ``ready`` tells the open windows to refill.
    """

    ready = Signal()

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self._ctx = ctx
        self.choices: EditorChoices | None = None
        # One model of company names for every window's picker and completer.
        self.company_model = QStringListModel(self)
        self.stale = True
        self._generation = 0
        self._jobs: dict[int, BackgroundJob] = {}  # kept until they report
        ctx.changes.changed.connect(self._on_changed)

    @classmethod
    def of(cls, ctx: AppContext) -> SharedChoices:
        shared = _SHARED.get(ctx)
        if shared is None:
            shared = _SHARED[ctx] = cls(ctx)
        return shared

    def request(self) -> None:
        """Load the choices unless they are current or already being loaded."""
        if not self.stale or self._generation in self._jobs:
            return
        self._generation += 1
        db = self._ctx.db
        job = BackgroundJob(self._generation, lambda: load_editor_choices(db))
        job.signals.done.connect(self._on_done)
        job.signals.failed.connect(self._on_failed)
        self._jobs[self._generation] = job
        self.stale = False
        QThreadPool.globalInstance().start(job)

    def wait(self, msecs: int = 10_000) -> bool:
        """Block until running loads end (tests, and closing the database)."""
        return QThreadPool.globalInstance().waitForDone(msecs)

    def _on_changed(self, change: Change) -> None:
        if change.kind in (COMPANIES, USERS):
            self.stale = True
            if self.receivers(SIGNAL("ready()")) > 0:
                self.request()  # some window is open: bring it up to date

    def _on_done(self, generation: int, result: object) -> None:
        self._jobs.pop(generation, None)
        if generation == self._generation and isinstance(result, EditorChoices):
            self.choices = result
            # A new model rather than a reset of the old one: a reset would wipe the
            # company typed in every open window's editable picker.
            old, self.company_model = (
                self.company_model,
                QStringListModel(["", *result.companies], self),
            )
            self.ready.emit()
            old.deleteLater()

    def _on_failed(self, generation: int, _error: object) -> None:
        self._jobs.pop(generation, None)
        if generation == self._generation:
            self.stale = True  # the next window to open tries again


_SHARED: WeakKeyDictionary[AppContext, SharedChoices] = WeakKeyDictionary()
