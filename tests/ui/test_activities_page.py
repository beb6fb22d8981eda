"""Logging a call from a contact's window and finishing a task from the activities page,
with real key events on the real widgets, over a real database."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from crm_desktop.models import RequestStatus, Role, utcnow
from crm_desktop.models.database import Database
from crm_desktop.services import contacts
from crm_desktop.services.activities import create_activity
from crm_desktop.services.activity_changes import ActivityChanges
from crm_desktop.services.activity_list import ActivityFilter, due_counts, list_activities
from crm_desktop.services.fields import changes_from_text
from crm_desktop.services.office import office_time, office_today
from crm_desktop.services.users import create_user, set_current_user
from crm_desktop.ui.activities.activities_page import ActivitiesPage
from crm_desktop.ui.activities.activity_dialog import ActivityDialog, next_working_day
from crm_desktop.ui.app import setup_application
from crm_desktop.ui.contacts.contact_editor import ContactEditor
from crm_desktop.ui.widgets.context import AppContext

TypeText = Callable[[QWidget, str], None]


@pytest.fixture
def ctx(qapp: QApplication, db: Database) -> AppContext:
    setup_application(qapp, "fa")
    set_current_user(db, create_user(db, "سارا احمدی", "sara").id)
    return AppContext(db)


@pytest.fixture
def person(ctx: AppContext) -> str:
    return contacts.create_contact(
        ctx.db, changes_from_text({"first_name": "علی", "last_name": "رضایی", "company": "آلفا"})
    ).id


def _dialog(qtbot: QtBot, parent: QWidget) -> ActivityDialog:
    qtbot.waitUntil(lambda: parent.findChild(ActivityDialog) is not None)
    dialog = parent.findChild(ActivityDialog)
    assert isinstance(dialog, ActivityDialog)
    qtbot.waitExposed(dialog)
    return dialog


def test_a_call_is_logged_from_the_contacts_window_with_its_next_step(
    qtbot: QtBot, ctx: AppContext, person: str, type_text: TypeText
) -> None:
    editor = ContactEditor(ctx, person)
    qtbot.addWidget(editor)
    editor.show()
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    tab = editor.view.tabs.indexOf(editor.activities)
    editor.view.tabs.setCurrentIndex(tab)
    editor.activities.table.setFocus()
    qtbot.waitUntil(editor.activities.table.hasFocus)
    before = utcnow()
    qtbot.keyClick(editor.activities.table, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    dialog = _dialog(qtbot, editor.activities)
    # A call, done now, by the user at the keyboard, about this contact: type and go.
    assert dialog.type.currentData() == "call" and dialog.done_now.isChecked()
    assert dialog.owner.currentText() == "سارا احمدی"
    qtbot.waitUntil(dialog.subject.hasFocus)  # typing starts on the subject
    type_text(dialog.subject, "پیگیری پیش‌فاکتور")
    qtbot.keyClick(dialog.subject, Qt.Key.Key_Tab)
    dialog.outcome.setFocus()
    type_text(dialog.outcome, "قیمت را پسندید")
    dialog.next_step.setChecked(True)
    type_text(dialog.next_subject, "ارسال قرارداد")
    qtbot.keyClick(dialog.outcome, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    logged = list_activities(ctx.db, ActivityFilter(contact_id=person))
    by_subject = {a.subject: a for a in logged}
    call, follow = by_subject["پیگیری پیش‌فاکتور"], by_subject["ارسال قرارداد"]
    assert call.type == "call" and call.outcome == "قیمت را پسندید"
    assert call.done_at is not None and before <= call.done_at <= utcnow()
    assert call.company == "آلفا" and call.owner == "سارا احمدی"
    assert follow.type == "task" and follow.done_at is None and follow.contact_id == person
    expected = next_working_day(office_today(), frozenset({6}))
    assert follow.due_at == office_time(expected, 10 * 60)
    # The window's list shows both; one undo takes both back.
    qtbot.waitUntil(lambda: editor.activities.model.rowCount() == 2)
    ctx.undo_stack.undo()
    assert list_activities(ctx.db, ActivityFilter(contact_id=person)) == []
    qtbot.waitUntil(lambda: editor.activities.model.rowCount() == 0)


def test_a_task_due_today_is_finished_from_the_page_with_its_outcome(
    qtbot: QtBot, ctx: AppContext, person: str, type_text: TypeText
) -> None:
    due = max(utcnow() - dt.timedelta(minutes=1), office_time(office_today()))
    task = create_activity(
        ctx.db,
        ActivityChanges(type="task", subject="تماس مجدد", contact_id=person, due_at=due),
    )
    page = ActivitiesPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    assert page.bucket() == "today" and page.list.model.rowCount() == 1
    assert page.buckets.tabText(1) == "امروز (۱)"
    page.list.table.setFocus()
    qtbot.waitUntil(page.list.table.hasFocus)
    page.list.table.setCurrentIndex(page.list.model.index(0, 0))
    assert page.list.done_button.isEnabled()
    qtbot.keyClick(page.list.table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    dialog = _dialog(qtbot, page.list)
    qtbot.waitUntil(dialog.outcome.hasFocus)  # on how it went
    assert not dialog.subject.isEnabled()
    type_text(dialog.outcome, "انجام شد؛ پیش‌فاکتور فرستاده شد")
    qtbot.keyClick(dialog.outcome, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    assert due_counts(ctx.db)["today"] == 0
    qtbot.waitUntil(lambda: page.buckets.tabText(1) == "امروز (۰)")
    assert page.list.model.rowCount() == 0
    page.buckets.setCurrentIndex(4)  # done
    assert page.list.model.rowCount() == 1
    done = page.list.model.record(0)
    assert done is not None and done.id == task.id
    assert done.outcome == "انجام شد؛ پیش‌فاکتور فرستاده شد" and done.done_at is not None


def test_a_refused_activity_keeps_the_form_open_and_writes_nothing(
    qtbot: QtBot, ctx: AppContext, person: str, type_text: TypeText
) -> None:
    editor = ContactEditor(ctx, person)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    dialog = editor.activities.log_activity()
    assert dialog is not None
    qtbot.waitExposed(dialog)
    contacts.delete_contacts(ctx.db, [person])  # another window trashed them meanwhile
    type_text(dialog.subject, "تماس")
    qtbot.keyClick(dialog.subject, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.error.isVisible()
    assert "مخاطب" in dialog.error.text()
    assert list_activities(ctx.db) == []
    assert ctx.undo_stack.count() == 0


def test_a_late_task_is_red_and_the_manager_sees_the_team(
    qtbot: QtBot, ctx: AppContext, person: str
) -> None:
    boss = create_user(ctx.db, "فرهاد کریمی", "farhad", role=Role.MANAGER)
    set_current_user(ctx.db, boss.id)
    late = utcnow() - dt.timedelta(days=3)
    create_activity(
        ctx.db,
        ActivityChanges(type="task", subject="دیر", owner="sara", due_at=late, contact_id=person),
    )
    page = ActivitiesPage(ctx)
    qtbot.addWidget(page)
    assert page.owner.currentData() == "team"
    page.buckets.setCurrentIndex(0)
    assert page.list.model.rowCount() == 1
    color = page.list.model.data(page.list.model.index(0, 1), Qt.ItemDataRole.ForegroundRole)
    assert color is not None and color.name() == "#b3261e"
    page.owner.setCurrentIndex(page.owner.findData("mine"))
    assert page.list.model.rowCount() == 0


def test_the_reminder_comes_when_work_falls_due_and_goes_once_it_is_done(
    qtbot: QtBot, ctx: AppContext, person: str, type_text: TypeText
) -> None:
    from crm_desktop.ui.activities.reminder_bar import ReminderBar

    due = office_time(office_today(), 10 * 60)
    task = create_activity(
        ctx.db,
        ActivityChanges(type="call", subject="تماس با علی", contact_id=person, due_at=due),
    )
    now = [due - dt.timedelta(hours=12)]  # the night before, office time
    host = QWidget()
    host.resize(900, 600)
    qtbot.addWidget(host)
    bar = ReminderBar(ctx, clock=lambda: now[0], parent=host)
    host.show()
    qtbot.waitExposed(host)
    bar.check()
    assert bar.isHidden(), [r.subject for r in bar.queue]
    now[0] = due + dt.timedelta(seconds=20)
    bar.check()
    assert bar.isVisible() and "تماس با علی" in bar.label.text()
    assert "علی رضایی" in bar.label.text() and "۱۰:۰۰" in bar.label.text()
    # In the window's lower trailing corner (the left, in Persian), inside the window.
    assert bar.geometry().left() < host.width() // 2
    assert bar.geometry().bottom() <= host.height()
    bar.check()  # once only
    assert len(bar.queue) == 1
    qtbot.mouseClick(bar.snooze_button, Qt.MouseButton.LeftButton)
    assert bar.isHidden()
    now[0] += dt.timedelta(minutes=9)
    bar.check()
    assert bar.isHidden()
    now[0] += dt.timedelta(minutes=1)
    bar.check()
    assert bar.isVisible()
    qtbot.mouseClick(bar.done_button, Qt.MouseButton.LeftButton)
    dialog = _dialog(qtbot, host)
    qtbot.waitUntil(dialog.outcome.hasFocus)
    type_text(dialog.outcome, "جواب نداد")
    qtbot.keyClick(dialog.outcome, Qt.Key.Key_Return)
    qtbot.waitUntil(bar.isHidden)
    done = list_activities(ctx.db, ActivityFilter(due="done"))
    assert [(a.id, a.outcome) for a in done] == [(task.id, "جواب نداد")]


def test_editing_keeps_a_done_tasks_due_time_and_an_undated_task_undated(
    qtbot: QtBot, ctx: AppContext, person: str, type_text: TypeText
) -> None:
    from crm_desktop.services.activities import complete_activity, get_activity
    from crm_desktop.ui.activities.activity_dialog import EDIT

    due = office_time(office_today(), 9 * 60)
    dated = create_activity(
        ctx.db, ActivityChanges(type="task", subject="قرارداد", contact_id=person, due_at=due)
    )
    complete_activity(ctx.db, dated.id)
    undated = create_activity(
        ctx.db, ActivityChanges(type="task", subject="روزی", contact_id=person)
    )
    for record in (get_activity(ctx.db, dated.id), undated):
        dialog = ActivityDialog(ctx, record=record, mode=EDIT)
        qtbot.addWidget(dialog)
        dialog.outcome.setText("ویرایش شد")
        dialog.save()
        assert not dialog.isVisible() or not dialog.error.isVisible()
    after = get_activity(ctx.db, dated.id)
    assert after.due_at == due and after.done_at is not None and after.outcome == "ویرایش شد"
    still = get_activity(ctx.db, undated.id)
    assert still.due_at is None and still.done_at is None


def test_a_new_task_said_done_is_done_and_planned_work_needs_a_day(
    qtbot: QtBot, ctx: AppContext, person: str
) -> None:
    dialog = ActivityDialog(ctx, kind="task", contact_id=person)
    qtbot.addWidget(dialog)
    assert dialog.scheduled.isChecked()
    due = dialog.due.stored()
    assert due is not None and due > utcnow()  # not late the moment it is made
    dialog.subject.setText("ارسال نمونه")
    dialog.done_now.setChecked(True)
    dialog.save()
    (task,) = list_activities(ctx.db, ActivityFilter(contact_id=person))
    assert task.done_at is not None and task.due_at is None
    meeting = ActivityDialog(ctx, kind="meeting", contact_id=person)
    qtbot.addWidget(meeting)
    meeting.due.date.clear()
    meeting.save()
    assert not meeting.error.isHidden() and len(list_activities(ctx.db)) == 1


def test_ctrl_l_logs_from_any_tab_of_a_saved_contact_and_never_for_an_unsaved_one(
    qtbot: QtBot, ctx: AppContext, person: str
) -> None:
    editor = ContactEditor(ctx, person)
    qtbot.addWidget(editor)
    with qtbot.waitActive(editor):
        editor.show()
        editor.activateWindow()
    assert editor.view.tabs.currentIndex() == 0  # the details
    qtbot.keyClick(editor.view.first_name, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    dialog = _dialog(qtbot, editor.activities)
    assert dialog.links["contact_id"] == person
    dialog.done(0)
    blank = ContactEditor(ctx, None)
    qtbot.addWidget(blank)
    assert blank.activities.log_activity() is None
    assert not blank.activities.log_button.isEnabled()


def test_the_tabs_count_the_kind_shown_and_esc_asks_before_dropping_typed_text(
    qtbot: QtBot, ctx: AppContext, person: str
) -> None:
    due = office_time(office_today(), 23 * 60)
    create_activity(ctx.db, ActivityChanges(type="task", subject="کار", due_at=due))
    page = ActivitiesPage(ctx)
    qtbot.addWidget(page)
    assert page.buckets.tabText(1) == "امروز (۱)"
    page.kind.setCurrentIndex(page.kind.findData("call"))
    assert page.buckets.tabText(1) == "امروز (۰)" and page.list.model.rowCount() == 0
    dialog = ActivityDialog(ctx, contact_id=person)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.subject.setText("نوشته‌ای که نباید گم شود")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible() and dialog.discard_box is not None
    dialog.discard_box.button(dialog.discard_box.StandardButton.Cancel).click()
    assert dialog.isVisible()


def test_a_message_from_a_template_is_copied_or_mailed_and_logged(
    qtbot: QtBot, ctx: AppContext, person: str
) -> None:
    from crm_desktop.ui.activities.send_message import SendMessageDialog

    other = contacts.create_contact(
        ctx.db, changes_from_text({"first_name": "مینا", "email": "mina@example.com"})
    ).id
    dialog = SendMessageDialog(ctx, [other])
    qtbot.addWidget(dialog)
    dialog.template.setCurrentIndex(dialog.template.findText("خوش‌آمدگویی"))
    assert dialog.body.toPlainText().startswith("مینا گرامی")
    assert dialog.mail_button.isEnabled() and not dialog.body.isReadOnly()
    dialog.body.setPlainText(dialog.body.toPlainText() + "\nبه‌زودی تماس می‌گیریم.")
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    copied = QApplication.clipboard().text()
    assert copied.startswith("مینا گرامی") and copied.endswith("به‌زودی تماس می‌گیریم.")
    (logged,) = list_activities(ctx.db, ActivityFilter(contact_id=other))
    assert logged.type == "email" and logged.body == copied
    # To many: each their own text, one after another, logged on each, one undo step.
    many = SendMessageDialog(ctx, [person, other])
    qtbot.addWidget(many)
    many.template.setCurrentIndex(many.template.findText("تبریک تولد"))
    assert many.body.isReadOnly() and not many.mail_button.isEnabled()
    steps = ctx.undo_stack.count()
    qtbot.mouseClick(many.copy_button, Qt.MouseButton.LeftButton)
    text = QApplication.clipboard().text()
    # (An SMS goes to a phone: Mina has none, so none is named beside her.)
    assert text.startswith("علی رضایی\nعلی عزیز") and "\n\nمینا\nمینا عزیز" in text
    assert "{شرکت_ما}" in many.unfilled.text()  # the office has no name yet: said
    assert ctx.undo_stack.count() == steps + 1
    assert len(list_activities(ctx.db, ActivityFilter(types=("sms",)))) == 2
    ctx.undo_stack.undo()
    assert list_activities(ctx.db, ActivityFilter(types=("sms",))) == []


def test_the_campaigns_page_shows_what_each_brought_and_makes_a_campaign(
    qtbot: QtBot, ctx: AppContext, type_text: TypeText
) -> None:
    from crm_desktop.services.campaigns import campaign_figures, save_campaign
    from crm_desktop.ui.marketing.campaigns_page import CampaignsPage

    save_campaign(ctx.db, None, name="نمایشگاه", cost=2_000_000)
    page = CampaignsPage(ctx)
    qtbot.addWidget(page)
    assert page.campaigns.rowCount() == 1
    cells = [page.campaigns.item(0, c) for c in range(page.campaigns.columnCount())]
    texts = [cell.text() if cell is not None else "" for cell in cells]
    assert texts[0] == "نمایشگاه" and texts[4] == "۲٬۰۰۰٬۰۰۰ ریال"
    assert texts[-1] == "-۱۰۰٪"  # nothing won yet: the whole cost is still out
    dialog = page.open_dialog(None)
    type_text(dialog.name, "پیامک یلدا")
    type_text(dialog.cost, "۵۰۰٬۰۰۰")
    dialog.save()
    qtbot.waitUntil(lambda: page.campaigns.rowCount() == 2)
    assert {f.name: f.cost for f in campaign_figures(ctx.db)} == {
        "نمایشگاه": 2_000_000,
        "پیامک یلدا": 500_000,
    }
    assert page.sources.rowCount() >= 1  # the office's lead sources, counted


def test_a_contacts_request_is_opened_by_typing_and_moved_on(
    qtbot: QtBot, ctx: AppContext, person: str, type_text: TypeText
) -> None:
    from crm_desktop.services.service_requests import list_requests

    editor = ContactEditor(ctx, person)
    qtbot.addWidget(editor)
    view = editor.requests
    editor.view.tabs.setCurrentWidget(view)
    type_text(view.subject, "دستگاه روشن نمی‌شود")
    qtbot.keyClick(view.subject, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.table.rowCount() == 1)
    (request,) = list_requests(ctx.db, contact_id=person)
    assert request.subject == "دستگاه روشن نمی‌شود" and request.status == "open"
    view.table.setCurrentCell(0, 0)
    qtbot.mouseClick(view.buttons[RequestStatus.RESOLVED], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: list_requests(ctx.db)[0].status == "resolved")

    def shown_status() -> str:
        cell = view.table.item(0, 3)
        return cell.text() if cell is not None else ""

    qtbot.waitUntil(lambda: shown_status() == "حل‌شده")
    ctx.undo_stack.undo()
    assert list_requests(ctx.db)[0].status == "open"


def test_editing_a_campaign_keeps_what_the_form_does_not_show(
    qtbot: QtBot, ctx: AppContext, type_text: TypeText
) -> None:
    from crm_desktop.locale import normalize_multiline
    from crm_desktop.services.campaigns import campaign_figures, save_campaign
    from crm_desktop.ui.marketing.campaigns_page import CampaignsPage

    with ctx.db.session() as session:
        from crm_desktop.services import lookups

        source = lookups.find_or_create_lead_source(session, "نمایشگاه و رویداد").id
    save_campaign(ctx.db, None, name="الکامپ", lead_source_id=source, cost=100, notes="غرفهٔ ۱۲")
    page = CampaignsPage(ctx)
    qtbot.addWidget(page)
    page.campaigns.setCurrentCell(0, 0)
    dialog = page.open_dialog(page.selected())
    dialog.cost.selectAll()
    type_text(dialog.cost, "۲۰۰")
    dialog.save()
    (campaign,) = campaign_figures(ctx.db)
    kept = normalize_multiline("غرفهٔ ۱۲")  # as notes are stored
    assert (campaign.cost, campaign.lead_source_id, campaign.notes) == (200, source, kept)
