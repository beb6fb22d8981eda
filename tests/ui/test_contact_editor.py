"""The contact window over a real database: typing, saving, undo, checks, duplicates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from crm_desktop.models.database import Database
from crm_desktop.services.companies import list_companies
from crm_desktop.services.contacts import (
    contact_ids,
    count_contacts,
    create_contact,
    delete_contacts,
    get_contact,
    trashed_contact_ids,
)
from crm_desktop.services.fields import changes_from_text
from crm_desktop.ui.app import setup_application
from crm_desktop.ui.contacts.contact_editor import ContactEditor
from crm_desktop.ui.contacts.contact_form import SharedChoices
from crm_desktop.ui.widgets.context import AppContext
from crm_desktop.ui.widgets.value_list_edit import bidi_message

TypeText = Callable[[QWidget, str], None]
Buttons = QMessageBox.StandardButton


@pytest.fixture
def ctx(qapp: QApplication, db: Database) -> AppContext:
    setup_application(qapp, "fa")
    return AppContext(db)


@pytest.fixture
def open_editor(qtbot: QtBot, ctx: AppContext) -> Callable[[str | None], ContactEditor]:
    def make(contact_id: str | None) -> ContactEditor:
        editor = ContactEditor(ctx, contact_id)
        qtbot.addWidget(editor)
        # Active, so that focus moves (and a field leaves its focus) as for a person.
        with qtbot.waitActive(editor):
            editor.show()
            editor.activateWindow()
        return editor

    return make


def existing(db: Database, **fields: str) -> str:
    return create_contact(db, changes_from_text(fields)).id


def click(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def test_create_a_contact_by_typing(
    qtbot: QtBot, ctx: AppContext, open_editor: Callable[..., ContactEditor], type_text: TypeText
) -> None:
    editor = open_editor(None)
    v = editor.view
    assert editor.windowTitle().startswith("مخاطب جدید")
    assert not v.save_button.isEnabled()  # nothing typed yet

    type_text(v.first_name, "نگار")
    type_text(v.last_name, "احمدي")  # Arabic ي, stored as Persian ی
    company_line = v.company.lineEdit()
    assert company_line is not None
    type_text(company_line, "پارس نوین")
    type_text(v.job_title, "مدیر فروش")
    type_text(v.phones.rows[0].edit, "۰۹۱۲ ۳۴۵ ۶۷۸۹")
    click(qtbot, v.phones.add_button)
    type_text(v.phones.rows[1].edit, "021-88776655")
    type_text(v.emails.rows[0].edit, "Negar@Pars.Example")
    type_text(v.city, "شیراز")
    v.birth_date.setFocus()  # the date field itself takes the keys, as from a keyboard
    type_text(v.birth_date.spin_box, "1365/04/12")
    qtbot.keyClick(v.birth_date.spin_box, Qt.Key.Key_Tab)
    v.channel.setCurrentIndex(v.channel.findData("telegram"))
    v.lifecycle.setCurrentIndex(v.lifecycle.findData("prospect"))
    assert v.lead_score.isReadOnly()  # worked out from rules, never typed
    type_text(v.tags, "VIP، نمایشگاه")
    type_text(v.notes, "از نمایشگاه")
    assert v.channel.currentText() == "تلگرام"
    assert v.lifecycle.currentText() == "مشتری بالقوه"
    assert v.save_button.isEnabled()

    with qtbot.waitSignal(editor.saved) as saved:
        click(qtbot, v.save_button)
    record = get_contact(ctx.db, saved.args[0])
    assert (record.first_name, record.last_name) == ("نگار", "احمدی")
    assert record.company == "پارس نوین" and record.job_title == "مدیر فروش"
    assert record.phones == ("+989123456789", "+982188776655")
    assert record.emails == ("negar@pars.example",)
    assert record.birth_date == dt.date(1986, 7, 3)
    assert record.preferred_channel == "telegram" and record.lifecycle == "prospect"
    # Two phones and an email: 10 + 10 (the rules of services.lead_score).
    assert record.lead_score == 20 and record.city == "شیراز"
    assert set(record.tags) == {"VIP", "نمایشگاه"} and record.notes == "از نمایشگاه"
    assert [c.name for c in list_companies(ctx.db)] == ["پارس نوین"]
    # The window now edits the saved contact and has nothing left to save.
    assert editor.contact_id == record.id and not v.save_button.isEnabled()
    assert ctx.undo_stack.undoText() == "مخاطب جدید «نگار احمدی»"

    ctx.undo_stack.undo()  # the contact is gone (not in the trash) and its window closes
    assert contact_ids(ctx.db) == [] and trashed_contact_ids(ctx.db) == []
    assert not editor.isVisible()
    ctx.undo_stack.redo()
    assert get_contact(ctx.db, record.id).deleted_at is None  # the same contact came back


def test_edit_then_undo_restores_the_old_values(
    qtbot: QtBot, ctx: AppContext, open_editor: Callable[..., ContactEditor], type_text: TypeText
) -> None:
    cid = existing(
        ctx.db, first_name="رضا", last_name="کریمی", phone="09121110000", city="تهران", tags="طلایی"
    )
    before = get_contact(ctx.db, cid)
    editor = open_editor(cid)
    v = editor.view
    assert v.first_name.text() == "رضا" and v.city.text() == "تهران"
    assert v.phones.rows[0].text() == "۰۹۱۲ ۱۱۱ ۰۰۰۰"
    assert not v.save_button.isEnabled()

    v.last_name.clear()
    type_text(v.last_name, "کریم‌زاده")
    v.phones.rows[0].edit.clear()
    type_text(v.phones.rows[0].edit, "09351234567")
    v.tags.clear()
    with qtbot.waitSignal(editor.saved):
        editor.save_shortcut.activated.emit()  # Ctrl+S
    after = get_contact(ctx.db, cid)
    assert after.last_name == "کریم‌زاده" and after.phones == ("+989351234567",)
    assert after.tags == () and after.city == "تهران"
    assert ctx.undo_stack.undoText() == "ویرایش مخاطب «رضا کریم‌زاده»"

    ctx.undo_stack.undo()
    restored = get_contact(ctx.db, cid)
    assert (restored.last_name, restored.phones, restored.tags) == (
        before.last_name,
        before.phones,
        before.tags,
    )
    # The open window follows the undo, since it had no edits of its own.
    assert v.last_name.text() == "کریمی" and v.tags.text() == "طلایی"


def test_invalid_phone_or_email_is_said_on_leaving_it_and_on_save(
    qtbot: QtBot, ctx: AppContext, open_editor: Callable[..., ContactEditor], type_text: TypeText
) -> None:
    editor = open_editor(None)
    v = editor.view
    type_text(v.first_name, "سارا")
    assert v.save_button.isEnabled()
    phone = v.phones.rows[0]
    phone.edit.setFocus()
    type_text(phone.edit, "0912")
    assert not phone.message.isVisible()  # half a number is not an error yet
    email_y = v.emails.mapTo(editor, QPoint(0, 0)).y()
    qtbot.keyClick(phone.edit, Qt.Key.Key_Tab)  # leaving the field checks it
    assert phone.message.isVisible() and "معتبر نیست" in phone.message.text()
    assert phone.edit.layoutDirection() == Qt.LayoutDirection.LeftToRight
    shifted_y = v.emails.mapTo(editor, QPoint(0, 0)).y()
    assert shifted_y > email_y

    # Save is there to be clicked: it says what is wrong, goes to it and saves nothing.
    assert v.save_button.isEnabled()
    click(qtbot, v.save_button)
    assert count_contacts(ctx.db) == 0
    assert QApplication.focusWidget() is phone.edit

    type_text(phone.edit, "1234567")  # fixed while typing: the message goes at once,
    assert not phone.message.isVisible()
    assert v.emails.mapTo(editor, QPoint(0, 0)).y() == shifted_y  # and nothing moves

    # After a save was refused, every field says what is wrong as it is typed.
    email = v.emails.rows[0]
    email.edit.setFocus()
    type_text(email.edit, "sara@@example.com")
    assert email.message.isVisible() and "ایمیل" in email.message.text()
    editor.save_shortcut.activated.emit()  # Ctrl+S checks as Save does
    assert count_contacts(ctx.db) == 0 and QApplication.focusWidget() is email.edit
    email.edit.clear()
    assert not email.message.isVisible()

    v.first_name.clear()
    click(qtbot, v.save_button)
    assert v.name_message.isVisible() and count_contacts(ctx.db) == 0
    assert QApplication.focusWidget() is v.first_name


def test_the_name_message_waits_for_the_name_and_moves_nothing(
    qtbot: QtBot, open_editor: Callable[..., ContactEditor], type_text: TypeText
) -> None:
    editor = open_editor(None)
    v = editor.view
    company_y = v.company.mapTo(editor, QPoint(0, 0)).y()
    assert not v.name_message.isVisible()  # nothing typed, nothing wrong yet
    v.first_name.setFocus()
    qtbot.keyClick(v.first_name, Qt.Key.Key_Tab)  # on to the family name: still the name
    assert QApplication.focusWidget() is v.last_name
    assert not v.name_message.isVisible()
    qtbot.keyClick(v.last_name, Qt.Key.Key_Tab)  # left the name with neither part
    assert v.name_message.isVisible()
    assert v.name_message.text() == "نام یا نام خانوادگی را وارد کنید."
    assert v.company.mapTo(editor, QPoint(0, 0)).y() == company_y
    v.last_name.setFocus()
    type_text(v.last_name, "رضایی")
    assert not v.name_message.isVisible()
    assert v.company.mapTo(editor, QPoint(0, 0)).y() == company_y


def test_several_phones_and_emails_added_reordered_removed(
    qtbot: QtBot, ctx: AppContext, open_editor: Callable[..., ContactEditor], type_text: TypeText
) -> None:
    cid = existing(ctx.db, first_name="مینا", phone="09120000001", email="a@x.example")
    editor = open_editor(cid)
    v = editor.view
    click(qtbot, v.phones.add_button)
    type_text(v.phones.rows[-1].edit, "09120000002")
    click(qtbot, v.phones.add_button)
    type_text(v.phones.rows[-1].edit, "02133334444")
    click(qtbot, v.emails.add_button)
    type_text(v.emails.rows[-1].edit, "b@x.example")
    assert len(v.phones.rows) == 3 and len(v.emails.rows) == 2

    third = v.phones.rows[2]
    assert third.up_button is not None and third.remove_button is not None
    click(qtbot, third.up_button)  # 0213... moves above 0912...0002
    first = v.phones.rows[0]
    assert first.remove_button is not None
    click(qtbot, first.remove_button)
    email_first = v.emails.rows[0]
    assert email_first.remove_button is not None
    click(qtbot, email_first.remove_button)
    assert editor.save()
    record = get_contact(ctx.db, cid)
    assert record.phones == ("+982133334444", "+989120000002")
    assert record.emails == ("b@x.example",)


def test_unsaved_changes_prompt_cancel_discard_save(
    qtbot: QtBot, ctx: AppContext, open_editor: Callable[..., ContactEditor], type_text: TypeText
) -> None:
    cid = existing(ctx.db, first_name="حمید", city="کرج")
    editor = open_editor(cid)
    type_text(editor.view.city, "ی")

    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    box = editor.unsaved_prompt
    assert box is not None and box.isVisible() and box.text() == "ذخیره شود؟"
    click(qtbot, box.button(Buttons.Cancel))
    assert editor.isVisible() and editor.view.city.text() == "کرجی"

    editor.close()
    box = editor.unsaved_prompt
    assert box is not None and box.isVisible()
    click(qtbot, box.button(Buttons.Save))
    qtbot.waitUntil(lambda: not editor.isVisible())
    assert get_contact(ctx.db, cid).city == "کرجی"

    other = open_editor(cid)
    other.view.city.clear()
    other.close()
    box = other.unsaved_prompt
    assert box is not None
    click(qtbot, box.button(Buttons.Discard))
    qtbot.waitUntil(lambda: not other.isVisible())
    assert get_contact(ctx.db, cid).city == "کرجی"


def test_a_clean_window_closes_without_asking(
    qtbot: QtBot, ctx: AppContext, open_editor: Callable[..., ContactEditor]
) -> None:
    editor = open_editor(existing(ctx.db, first_name="لیلا"))
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert not editor.isVisible() and editor.unsaved_prompt is None


def test_duplicate_warning_for_a_phone_in_another_form(
    qtbot: QtBot, ctx: AppContext, open_editor: Callable[..., ContactEditor], type_text: TypeText
) -> None:
    cid = existing(ctx.db, first_name="علی", last_name="محمدی", phone="09125550001")
    editor = open_editor(None)
    v = editor.view
    type_text(v.first_name, "علی")
    type_text(v.phones.rows[0].edit, "+98 912 555 0001")
    qtbot.waitUntil(v.duplicate_bar.isVisible)
    assert v.duplicate_bar.label.text() == "این شماره برای «علی محمدی» ثبت شده است."
    assert v.save_button.isEnabled()  # a warning, not a refusal
    with qtbot.waitSignal(editor.open_contact_requested) as opened:
        click(qtbot, v.duplicate_bar.open_button)
    assert opened.args == [cid]

    v.phones.rows[0].edit.clear()
    qtbot.waitUntil(lambda: not v.duplicate_bar.isVisible())
    type_text(v.emails.rows[0].edit, "ALI@example.com")
    existing(ctx.db, first_name="زهرا", email="ali@example.com")
    qtbot.waitUntil(v.duplicate_bar.isVisible)
    assert v.duplicate_bar.label.text() == "این ایمیل برای «زهرا» ثبت شده است."


def test_editing_a_contact_does_not_warn_about_itself(
    qtbot: QtBot, ctx: AppContext, open_editor: Callable[..., ContactEditor]
) -> None:
    editor = open_editor(existing(ctx.db, first_name="علی", phone="09125550001"))
    editor.check_duplicates()
    assert not editor.view.duplicate_bar.isVisible() and editor.duplicate_matches == []


def test_copy_a_phone_and_write_to_an_email(
    monkeypatch: pytest.MonkeyPatch, ctx: AppContext, open_editor: Callable[..., ContactEditor]
) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", opened.append)
    editor = open_editor(
        existing(ctx.db, first_name="پریسا", phone="09121234567", email="parisa@x.example")
    )
    editor.view.phones.rows[0].copy_action.trigger()
    assert QGuiApplication.clipboard().text() == "0912 123 4567"
    editor.view.emails.rows[0].mail_action.trigger()
    assert opened == [QUrl("mailto:parisa@x.example")]
    editor.view.emails.rows[0].copy_action.trigger()
    assert QGuiApplication.clipboard().text() == "parisa@x.example"


def test_a_service_error_is_shown_and_the_edits_are_kept(
    ctx: AppContext, open_editor: Callable[..., ContactEditor], type_text: TypeText
) -> None:
    cid = existing(ctx.db, first_name="کاوه")
    editor = open_editor(cid)
    type_text(editor.view.job_title, "حسابدار")
    delete_contacts(ctx.db, [cid])  # someone else trashed it meanwhile
    assert not editor.save()
    assert editor.view.error_bar.isVisible() and "پیدا نشد" in editor.view.error_bar.text()
    assert editor.view.job_title.text() == "حسابدار" and ctx.undo_stack.count() == 0


def test_saving_while_an_import_holds_the_database_says_so_and_keeps_the_edits(
    ctx: AppContext, open_editor: Callable[..., ContactEditor], type_text: TypeText
) -> None:
    import sqlite3

    cid = existing(ctx.db, first_name="کاوه")
    editor = open_editor(cid)
    type_text(editor.view.job_title, "حسابدار")
    path = ctx.db.engine.url.database
    assert path is not None
    holder = sqlite3.connect(path, timeout=0)
    holder.execute("BEGIN IMMEDIATE")  # a big import in the background holds it
    try:
        assert not editor.save()
    finally:
        holder.rollback()
        holder.close()
    assert editor.view.error_bar.isVisible() and "مشغول" in editor.view.error_bar.text()
    assert editor.view.job_title.text() == "حسابدار" and ctx.undo_stack.count() == 0
    assert editor.save()  # once it is free, the same edit goes in


def test_opening_loads_no_company_records_and_pickers_fill_in_background(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    ctx: AppContext,
    open_editor: Callable[..., ContactEditor],
) -> None:
    from crm_desktop.services import companies
    from crm_desktop.services.users import create_user
    from crm_desktop.ui.widgets.context import COMPANIES, USERS

    cid = existing(ctx.db, first_name="نرگس", company="پارس نوین")
    existing(ctx.db, first_name="امید", company="آریا تجارت")
    rep = create_user(ctx.db, "سمیرا نادری", "samira")
    loads: list[int] = []
    real_records = companies._records

    def counting(session: object, ids: object) -> object:
        loads.append(1)
        return real_records(session, ids)  # type: ignore[arg-type]

    monkeypatch.setattr(companies, "_records", counting)
    editor = open_editor(cid)
    shared = SharedChoices.of(ctx)
    qtbot.waitUntil(lambda: shared.choices is not None)
    v = editor.view
    assert loads == []  # names only, never whole company records
    assert [v.company.itemText(i) for i in range(v.company.count())] == [
        "",
        "آریا تجارت",
        "پارس نوین",
    ]
    assert v.company.currentText() == "پارس نوین" and not editor.is_dirty()
    assert v.owner.findData(rep.id) >= 0

    # A second window reuses the loaded choices; a change marks them stale and reloads.
    other = open_editor(None)
    assert other.view.company.count() == 3 and other.view.owner.findData(rep.id) >= 0
    create_user(ctx.db, "کامران", "kamran")
    ctx.changes.announce(USERS)
    before = v.owner.count()
    qtbot.waitUntil(lambda: other.view.owner.count() == v.owner.count() == before + 1)
    existing(ctx.db, first_name="بهار", company="کیمیا پخش")
    ctx.changes.announce(COMPANIES)
    qtbot.waitUntil(lambda: v.company.count() == 4)
    assert v.company.currentText() == "پارس نوین" and not editor.is_dirty()
    assert loads == []


def test_bidi_message_isolates_values_and_latin_examples() -> None:
    message = "ایمیل «bad@» معتبر نیست: دامنه پس از @ درست نیست (مثلاً example.com)."
    assert bidi_message(message) == (
        "ایمیل «\u2068bad@\u2069» معتبر نیست: دامنه پس از @ درست نیست"
        " (مثلاً \u2066example.com\u2069)."
    )
    english = "Invalid email address «علی@x»: it must contain exactly one @."
    assert bidi_message(english) == (
        "Invalid email address «\u2068علی@x\u2069»: it must contain exactly one @."
    )


def test_email_message_is_isolated_where_shown(
    qtbot: QtBot, open_editor: Callable[..., ContactEditor], type_text: TypeText
) -> None:
    editor = open_editor(None)
    email = editor.view.emails.rows[0]
    type_text(email.edit, "bad@")
    qtbot.keyClick(email.edit, Qt.Key.Key_Return)  # done with the field
    assert "«\u2068bad@\u2069»" in email.message.text()


def test_call_a_phone_and_click_a_read_only_value(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    ctx: AppContext,
    open_editor: Callable[..., ContactEditor],
) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", opened.append)
    editor = open_editor(existing(ctx.db, first_name="پریسا", phone="09121234567"))
    row = editor.view.phones.rows[0]
    assert row.call_action in row.actions_menu.actions()
    row.call_action.trigger()
    assert opened == [QUrl("tel:+989121234567")]

    # The offscreen platform cannot show a popup menu: record where it would open.
    popups: list[object] = []
    monkeypatch.setattr(row.actions_menu, "popup", popups.append)
    qtbot.mouseClick(row.edit, Qt.MouseButton.LeftButton)
    assert popups == []  # an editable field takes the click for the cursor
    row.edit.setReadOnly(True)
    qtbot.mouseClick(row.edit, Qt.MouseButton.LeftButton)
    assert len(popups) == 1 and row.copy_action in row.actions_menu.actions()


def test_english_interface_messages_and_counts(
    qtbot: QtBot, qapp: QApplication, db: Database, type_text: TypeText
) -> None:
    setup_application(qapp, "en")
    try:
        ctx = AppContext(db, lang="en")
        for name in ("Ali", "Reza", "Sara"):
            existing(db, first_name=name, phone="09125550001")
        editor = ContactEditor(ctx, None)
        qtbot.addWidget(editor)
        v = editor.view
        type_text(v.emails.rows[0].edit, "bad@")
        qtbot.keyClick(v.emails.rows[0].edit, Qt.Key.Key_Return)
        assert v.emails.rows[0].message.text().startswith("Invalid email")
        type_text(v.phones.rows[0].edit, "0912")
        qtbot.keyClick(v.phones.rows[0].edit, Qt.Key.Key_Return)
        assert v.phones.rows[0].message.text().startswith("Invalid phone")
        v.phones.rows[0].edit.clear()
        type_text(v.phones.rows[0].edit, "09125550001")
        editor.check_duplicates()
        assert "2" in v.duplicate_bar.label.text() and "۲" not in v.duplicate_bar.label.text()
    finally:
        setup_application(qapp, "fa")


def test_persian_duplicate_bar_counts_in_persian_digits(
    qtbot: QtBot, ctx: AppContext, open_editor: Callable[..., ContactEditor], type_text: TypeText
) -> None:
    for name in ("علی", "رضا", "سارا"):
        existing(ctx.db, first_name=name, phone="09125550001")
    editor = open_editor(None)
    type_text(editor.view.phones.rows[0].edit, "09125550001")
    editor.check_duplicates()
    assert "(و ۲ مخاطب دیگر)" in editor.view.duplicate_bar.label.text()


def test_a_birth_date_in_the_future_is_refused_with_its_reason(
    qtbot: QtBot, ctx: AppContext, open_editor: Callable[..., ContactEditor], type_text: TypeText
) -> None:
    editor = open_editor(None)
    v = editor.view
    type_text(v.first_name, "آرش")
    v.birth_date.setFocus()
    type_text(v.birth_date.spin_box, "1500/01/01")  # a Jalali year: 2121
    qtbot.keyClick(v.birth_date.spin_box, Qt.Key.Key_Tab)
    click(qtbot, v.save_button)
    assert v.error_bar.isVisible() and "آینده" in v.error_bar.text()
    assert count_contacts(ctx.db) == 0
