"""First run: who is at this laptop, and the office's name."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot

from crm_desktop.models.database import Database
from crm_desktop.services import office, users
from crm_desktop.services.demo import generate_demo
from crm_desktop.ui.app import build_main_window
from crm_desktop.ui.shell.first_run import FirstRunDialog, ask_if_needed, username_for
from crm_desktop.ui.shell.main_window import MainWindow

TypeText = Callable[[QWidget, str], None]


def first_window(qtbot: QtBot, db: Database) -> tuple[MainWindow, FirstRunDialog]:
    window = build_main_window(db)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    dialog = ask_if_needed(window.ctx, window)
    assert dialog is not None
    return window, dialog


def press_ok(dialog: FirstRunDialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def test_a_fresh_database_asks_over_a_disabled_window(
    qtbot: QtBot, db: Database, type_text: TypeText
) -> None:
    window, dialog = first_window(qtbot, db)
    assert dialog.isVisible()  # shown with open(): the event loop runs on
    assert not window.isEnabled() and dialog.isEnabled()
    assert window.user_label.text() == "کاربر: انتخاب نشده"
    # Nobody exists yet: the only choice is a new person, who is likely the manager.
    assert dialog.user_combo.count() == 1 and dialog.name_edit.isEnabled()
    assert dialog.manager_check.isChecked()

    press_ok(dialog)  # no name yet
    assert dialog.isVisible() and dialog.error_label.text() == "نام شخص جدید را بنویسید."

    type_text(dialog.name_edit, "مریم احمدی")
    type_text(dialog.office_edit, "دفتر فروش شیراز")
    with qtbot.waitSignal(dialog.completed):
        press_ok(dialog)
    assert not dialog.isVisible() and window.isEnabled()
    me = users.current_user(db)
    assert me is not None and me.name == "مریم احمدی" and me.role == "manager"
    assert office.office_name(db) == "دفتر فروش شیراز"
    assert window.user_label.text() == "کاربر: مریم احمدی"
    assert window.windowTitle() == "مدیریت ارتباط با مشتری — دفتر فروش شیراز"
    assert ask_if_needed(window.ctx, window) is None  # answered once


def test_choosing_one_of_the_existing_reps(qtbot: QtBot, db: Database) -> None:
    users.create_user(db, "سارا کریمی", "sara")
    reza = users.create_user(db, "رضا نادری", "reza")
    window, dialog = first_window(qtbot, db)
    names = [dialog.user_combo.itemText(i) for i in range(dialog.user_combo.count())]
    assert names == ["رضا نادری", "سارا کریمی", "شخص جدید…"]
    dialog.user_combo.setCurrentIndex(0)
    assert not dialog.name_edit.isEnabled()
    press_ok(dialog)
    assert users.current_user(db) == reza
    assert window.isEnabled()
    assert [u.name for u in users.list_users(db)] == ["رضا نادری", "سارا کریمی"]


def test_a_new_rep_beside_existing_ones(qtbot: QtBot, db: Database, type_text: TypeText) -> None:
    users.create_user(db, "سارا کریمی", "sara")
    _window, dialog = first_window(qtbot, db)
    dialog.user_combo.setCurrentIndex(dialog.user_combo.count() - 1)
    assert not dialog.manager_check.isChecked()
    type_text(dialog.name_edit, "  نیما   صالحی ")
    press_ok(dialog)
    me = users.current_user(db)
    assert me is not None and (me.name, me.role) == ("نیما صالحی", "rep")
    assert me.username == "user"


def test_closing_the_question_closes_the_window(qtbot: QtBot, db: Database) -> None:
    window, dialog = first_window(qtbot, db)
    dialog.reject()
    qtbot.waitUntil(lambda: not window.isVisible())
    assert users.current_user(db) is None


def test_a_demo_database_opens_without_the_question(qtbot: QtBot, db: Database) -> None:
    for _step in generate_demo(db, contacts=20, seed=3, today=dt.date(2025, 3, 1)):
        pass
    window = build_main_window(db)
    qtbot.addWidget(window)
    assert ask_if_needed(window.ctx, window) is None
    assert window.isEnabled()
    me = users.current_user(db)
    assert me is not None and me.role == "manager"
    assert window.user_label.text() == f"کاربر: {me.name}"


def test_usernames_are_latin_and_unique() -> None:
    assert username_for("Reza Naderi", set()) == "reza_naderi"
    assert username_for("رضا", {"user"}) == "user2"
    assert username_for("رضا", {"user", "user2"}) == "user3"
