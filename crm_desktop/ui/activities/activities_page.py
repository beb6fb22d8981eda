"""The activities page: a rep's work, overdue / today / this week / upcoming / done.

The tabs count what each bucket holds (one SQL statement); the list below is the
bucket chosen, for "my work", the whole team or one rep, and one kind of activity or
all. "Log a call" opens the small form; "Done" marks the selected work done with its
outcome and, if asked, the next step. The page redraws from the change hub, and once a
minute so that what falls due turns red and "today" moves on at midnight.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.locale import WEEKDAYS, format_jalali, format_jalali_long, weekday_index
from crm_desktop.models import Role, utcnow
from crm_desktop.services import activities as activity_service
from crm_desktop.services import lookups
from crm_desktop.services.activity_list import DUE_BUCKETS, ActivityFilter, due_counts
from crm_desktop.services.birthdays import Birthday, log_greeting, week_birthdays
from crm_desktop.services.office import office_today
from crm_desktop.services.users import current_user, list_users
from crm_desktop.ui.activities.activity_list_view import (
    SHOWN_KINDS,
    ActivityList,
    redraw_timer,
)
from crm_desktop.ui.activities.activity_table_model import COLUMN_KEYS
from crm_desktop.ui.widgets.commands import perform
from crm_desktop.ui.widgets.context import AppContext, Change, PageHost
from crm_desktop.ui.widgets.display import (
    display_number,
    interface_language,
    persian_digits_enabled,
)

MINE, TEAM = "mine", "team"
REFRESH_MS = 60_000


class ActivitiesPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_activities")
        self.ctx = ctx
        self.buckets = QTabBar()
        self.buckets.setObjectName("activityBuckets")
        self.buckets.setExpanding(False)
        for _bucket in DUE_BUCKETS:
            self.buckets.addTab("")
        self.buckets.setCurrentIndex(DUE_BUCKETS.index("today"))
        self.owner = QComboBox()
        self.owner.setObjectName("activityOwnerFilter")
        self.kind = QComboBox()
        self.kind.setObjectName("activityTypeFilter")
        self.kind.addItem(self.tr("همهٔ انواع"), None)
        for code, name in activity_service.activity_types(ctx.db, interface_language()):
            self.kind.addItem(name, code)
        self.list = ActivityList(ctx, follow_changes=False)
        self.birthdays = BirthdayPanel(ctx)

        bar = QHBoxLayout()
        bar.addWidget(self.buckets)
        bar.addStretch(1)
        bar.addWidget(self.owner)
        bar.addWidget(self.kind)
        bar.addWidget(self.list.export_button)  # up here, where the row has room
        body = QHBoxLayout()
        body.addWidget(self.list, 1)
        body.addWidget(self.birthdays)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(body, 1)

        self._redraw = redraw_timer(self, self.reload)
        self._clock = QTimer(self)  # what falls due turns red; midnight moves "today"
        self._clock.setInterval(REFRESH_MS)
        self._clock.timeout.connect(self._tick)
        self._clock.start()
        self.buckets.currentChanged.connect(self.reload)
        self.owner.currentIndexChanged.connect(self.reload)
        self.kind.currentIndexChanged.connect(self.reload)
        ctx.changes.changed.connect(self._on_change)
        self._load_owners()
        self.reload()

    def _load_owners(self) -> None:
        me = current_user(self.ctx.db)
        # A rep starts on their own work; the manager (no work of their own) on the team's.
        first = TEAM if me is None or me.role == Role.MANAGER else MINE
        chosen = self.owner.currentData() or first
        blocked = self.owner.blockSignals(True)
        self.owner.clear()
        self.owner.addItem(self.tr("کارهای من"), MINE)
        self.owner.addItem(self.tr("همهٔ تیم"), TEAM)
        for user in list_users(self.ctx.db):
            self.owner.addItem(user.name, user.id)
        self.owner.setCurrentIndex(max(self.owner.findData(chosen), 0))
        self.owner.blockSignals(blocked)

    def bucket(self) -> str:
        return DUE_BUCKETS[self.buckets.currentIndex()]

    def owner_ids(self) -> tuple[str, ...]:
        chosen = self.owner.currentData()
        if chosen == TEAM:
            return ()
        if chosen == MINE:
            with self.ctx.db.session() as session:
                return (lookups.current_user_id(session) or "",)
        return (chosen,)

    def where(self) -> ActivityFilter:
        kind = self.kind.currentData()
        return ActivityFilter(
            due=self.bucket(), owner_ids=self.owner_ids(), types=(kind,) if kind else ()
        )

    def reload(self) -> None:
        """The tabs' counts and the bucket chosen, as the database holds them now."""
        kind = self.kind.currentData()
        types = (kind,) if kind else ()
        counts = due_counts(self.ctx.db, self.owner_ids(), types=types, now=utcnow())
        self._day = office_today()
        names = {
            "overdue": self.tr("دیرکرد"),
            "today": self.tr("امروز"),
            "week": self.tr("این هفته"),
            "upcoming": self.tr("آینده"),
            "done": self.tr("انجام‌شده"),
        }
        for index, bucket in enumerate(DUE_BUCKETS):
            text = names[bucket]
            if bucket != "done":
                text += f" ({display_number(counts[bucket])})"
            self.buckets.setTabText(index, text)
        # Work to do has no "done at" yet; done work's due time is past history.
        done = self.bucket() == "done"
        self.list.table.setColumnHidden(COLUMN_KEYS.index("done_at"), not done)
        self.list.show_activities(self.where())
        self.birthdays.show_week(office_today(), self.owner_ids())

    def _tick(self) -> None:
        """A minute on: a new day moves the buckets; within the day, only what fell due
        turns red (the rows stay, and the one selected stays selected)."""
        if office_today() != self._day:
            self.reload()
        else:
            self.list.model.clock_moved(utcnow())

    def _on_change(self, change: Change) -> None:
        if change.kind in SHOWN_KINDS:
            if change.kind == "users":
                self._load_owners()
            self._redraw.start()


class BirthdayPanel(QFrame):
    """The week's birthdays (Jalali), with a greeting logged in one click."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("birthdays")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumWidth(170)
        self.setMaximumWidth(280)
        self.ctx = ctx
        self.title = QLabel(self.tr("تولدهای این هفته"))
        self.title.setObjectName("birthdaysTitle")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.people = QListWidget()
        self.people.setObjectName("birthdayList")
        self.greet_button = QPushButton(self.tr("ثبت تبریک"))
        self.greet_button.setObjectName("logGreeting")
        self.greet_button.setToolTip(
            self.tr("تبریک را به شکلی که مخاطب ترجیح می‌دهد ثبت می‌کند (پیش‌فرض: پیامک).")
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.people, 1)
        layout.addWidget(self.greet_button)
        self.greet_button.clicked.connect(self.greet)
        self.people.currentRowChanged.connect(self._update_button)
        self.people.itemDoubleClicked.connect(lambda _item: self.greet())
        self.shown: list[Birthday] = []
        self.greeted: set[str] = set()

    def show_week(self, today: dt.date, owner_ids: tuple[str, ...]) -> None:
        chosen = self.people.currentItem()
        chosen_id = chosen.data(Qt.ItemDataRole.UserRole) if chosen else None
        self.shown = week_birthdays(self.ctx.db, today, owner_ids=owner_ids)
        self.people.clear()
        for birthday in self.shown:
            if persian_digits_enabled():
                weekday = WEEKDAYS[weekday_index(birthday.day)]
                when = f"{weekday} {format_jalali_long(birthday.day)}"
            else:
                when = format_jalali(birthday.day, persian_digits=False)
            years = self.tr("%1 سالگی").replace("%1", display_number(birthday.age))
            text = f"{birthday.name}\n{when} — {years}"
            if birthday.contact_id in self.greeted:
                text += " ✓"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, birthday.contact_id)
            if birthday.day == today:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            self.people.addItem(item)
            if birthday.contact_id == chosen_id:
                self.people.setCurrentItem(item)
        self.title.setText(
            self.tr("تولدهای این هفته (%1)").replace("%1", display_number(len(self.shown)))
        )
        self._update_button()

    def _update_button(self) -> None:
        self.greet_button.setEnabled(self.people.currentItem() is not None)

    def greet(self) -> None:
        item = self.people.currentItem()
        if item is None:
            return
        contact_id = item.data(Qt.ItemDataRole.UserRole)
        db = self.ctx.db
        logged = perform(self.ctx, self.tr("ثبت تبریک تولد"), lambda: log_greeting(db, contact_id))
        self.greeted.add(contact_id)
        self.ctx.changes.notify(
            self.tr("تبریک تولد %1 ثبت شد.").replace("%1", logged.contact or "")
        )


def build_page(window: PageHost) -> ActivitiesPage:
    """The activities page in the main window (``main_window.PAGES``)."""
    return ActivitiesPage(window.ctx)
