"""The settings' stages editor: typed edits saved at once, undoable, and the kanban
follows; a stage with deals is removed only once they have somewhere to go."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from crm_desktop.models.database import Database
from crm_desktop.services.deal_changes import deal_changes_from_text
from crm_desktop.services.deal_list import pipeline_columns
from crm_desktop.services.deals import create_deal, get_deal
from crm_desktop.ui.app import setup_application
from crm_desktop.ui.pipeline.pipeline_page import PipelinePage
from crm_desktop.ui.pipeline.stages_editor import NAME, OUTCOME, PROBABILITY, StagesEditor
from crm_desktop.ui.widgets.context import AppContext

TypeText = Callable[[QWidget, str], None]


@pytest.fixture
def ctx(qapp: QApplication, db: Database) -> AppContext:
    setup_application(qapp, "fa")
    return AppContext(db)


@pytest.fixture
def editor(qtbot: QtBot, ctx: AppContext) -> StagesEditor:
    widget = StagesEditor(ctx)
    qtbot.addWidget(widget)
    widget.resize(700, 500)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def names(editor: StagesEditor) -> list[str]:
    table = editor.table
    return [table.item(row, NAME).text() for row in range(table.rowCount())]  # type: ignore[union-attr]


def saved(ctx: AppContext) -> list[tuple[str, int, bool, bool]]:
    return [(c.stage, c.probability, c.is_won, c.is_lost) for c in pipeline_columns(ctx.db)[1]]


def test_typing_a_name_and_a_probability_saves_them_and_undo_takes_them_back(
    editor: StagesEditor, ctx: AppContext, qtbot: QtBot, type_text: TypeText
) -> None:
    board = PipelinePage(ctx)
    qtbot.addWidget(board)
    before = saved(ctx)
    table = editor.table
    table.setCurrentCell(2, NAME)
    name_item = table.item(2, NAME)
    assert name_item is not None
    table.editItem(name_item)
    editing = table.findChild(QLineEdit)
    assert isinstance(editing, QLineEdit)
    editing.setFocus()
    editing.selectAll()
    type_text(editing, "بررسی نیاز")
    qtbot.keyClick(editing, Qt.Key.Key_Return)  # the delegate commits it queued
    qtbot.waitUntil(lambda: saved(ctx)[2][0] == "بررسی نیاز")
    qtbot.waitUntil(lambda: board.board.columns[2].column.stage == "بررسی نیاز")
    table.item(2, PROBABILITY).setText("۴۵")  # type: ignore[union-attr]
    assert saved(ctx)[2][1] == 45
    table.item(2, PROBABILITY).setText("۱۵۰")  # type: ignore[union-attr]
    assert saved(ctx)[2][1] == 45  # refused, and said so
    qtbot.waitUntil(lambda: table.item(2, PROBABILITY).text() == "۴۵")  # type: ignore[union-attr]
    ctx.undo_stack.undo()
    ctx.undo_stack.undo()
    assert saved(ctx) == before
    qtbot.waitUntil(lambda: names(editor)[2] == before[2][0])


def test_adding_reordering_and_marking_a_stage(editor: StagesEditor, ctx: AppContext) -> None:
    editor.add_button.click()
    new = names(editor)[-3]
    assert new.startswith("مرحله جدید") and saved(ctx)[-3][0] == new  # before won and lost
    assert editor.table.currentRow() == len(names(editor)) - 3  # chosen, to be named
    editor.up_button.click()
    assert saved(ctx)[-4][0] == new
    row = [s[0] for s in saved(ctx)].index(new)
    outcome = editor.table.cellWidget(row, OUTCOME)
    assert isinstance(outcome, QComboBox)
    outcome.setCurrentIndex(outcome.findData("won"))
    assert saved(ctx)[row][2:] == (True, False)


def test_removing_a_stage_with_deals_asks_where_they_go(
    editor: StagesEditor, ctx: AppContext
) -> None:
    deal = create_deal(ctx.db, deal_changes_from_text({"title": "A", "stage": "نیازسنجی"})).id
    editor.table.setCurrentCell(names(editor).index("نیازسنجی"), NAME)
    editor.remove_button.click()
    dialog = editor.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.comboBoxItems() == ["سرنخ جدید", "تماس اولیه", "ارسال پیش\u200cفاکتور", "مذاکره"]
    dialog.reject()
    assert "نیازسنجی" in [s[0] for s in saved(ctx)]  # cancelled: nothing changed
    editor.remove_button.click()
    dialog = editor.dialog
    assert dialog is not None
    dialog.setTextValue("مذاکره")
    dialog.accept()
    assert "نیازسنجی" not in [s[0] for s in saved(ctx)]
    assert get_deal(ctx.db, deal).stage == "مذاکره"
    assert "نیازسنجی" not in names(editor)


def test_lost_reasons_are_added_named_and_removed_in_the_settings(
    qtbot: QtBot, ctx: AppContext, type_text: TypeText
) -> None:
    from crm_desktop.services.deals import lost_reasons
    from crm_desktop.ui.pipeline.lost_reasons_editor import LostReasonsEditor

    editor = LostReasonsEditor(ctx)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    before = [name for _id, name in lost_reasons(ctx.db)]
    assert editor.names() == before
    editor.add_button.click()
    typing = editor.reasons.findChild(QLineEdit)
    assert isinstance(typing, QLineEdit)  # the new reason is being named
    typing.selectAll()
    type_text(typing, "تحریم")
    qtbot.keyClick(typing, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: [n for _i, n in lost_reasons(ctx.db)] == [*before, "تحریم"])
    editor.reasons.setCurrentRow(len(before))
    editor.remove_button.click()
    assert [n for _i, n in lost_reasons(ctx.db)] == before
    qtbot.waitUntil(lambda: editor.names() == before)
