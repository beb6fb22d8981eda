"""The kanban: columns right to left, cards dragged and dropped (synthetic drag events on
the real list views), won and lost asked for, Ctrl+arrows, undo, totals, paging."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from crm_desktop.models.database import Database
from crm_desktop.services.deal_changes import deal_changes_from_text
from crm_desktop.services.deals import create_deal, get_deal, list_deals_by_ids
from crm_desktop.services.users import create_user, set_current_user
from crm_desktop.ui.app import setup_application
from crm_desktop.ui.pipeline.board import StageColumnView
from crm_desktop.ui.pipeline.card_model import PAGE
from crm_desktop.ui.pipeline.deal_table_model import COLUMNS
from crm_desktop.ui.pipeline.pipeline_page import PipelinePage
from crm_desktop.ui.widgets.context import AppContext

TypeText = Callable[[QWidget, str], None]
FIRST, CALL, MEETING, WON, LOST = "سرنخ جدید", "تماس اولیه", "مذاکره", "برنده", "از دست رفته"


@pytest.fixture
def ctx(qapp: QApplication, db: Database) -> AppContext:
    setup_application(qapp, "fa")
    me = create_user(db, "سارا احمدی", "sara")
    set_current_user(db, me.id)
    create_user(db, "رضا کریمی", "reza")
    for title, stage, amount, owner in (
        ("الف", FIRST, "1000", "sara"),
        ("ب", FIRST, "2000", "reza"),
        ("ج", CALL, "3000", "sara"),
        ("د", CALL, "4000", "sara"),
        ("ه", MEETING, "5000", "reza"),
    ):
        add(db, title=title, stage=stage, amount=amount, owner=owner)
    return AppContext(db)


def add(db: Database, **fields: str) -> str:
    return create_deal(db, deal_changes_from_text(fields)).id


@pytest.fixture
def page(qtbot: QtBot, ctx: AppContext) -> PipelinePage:
    widget = PipelinePage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1900, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def column(page: PipelinePage, stage: str) -> StageColumnView:
    found = next(v for v in page.board.columns if v.column.stage == stage)
    return found


def titles(page: PipelinePage, stage: str) -> list[str]:
    return [c.title for c in column(page, stage).model.cards]


def deal_id(page: PipelinePage, title: str) -> str:
    for view in page.board.columns:
        for card in view.model.cards:
            if card.title == title:
                return card.id
    raise KeyError(title)


def drag(page: PipelinePage, title: str, to_stage: str, *, onto: str | None = None) -> None:
    """Drag a card with real drag events: enter, move and drop on the target column's
    list, on the upper half of the card ``onto`` (before it) or below its last card."""
    source = next(v for v in page.board.columns if title in titles(page, v.column.stage))
    row = titles(page, source.column.stage).index(title)
    data: QMimeData = source.model.mimeData([source.model.index(row)])
    target = column(page, to_stage).cards
    viewport = target.viewport()
    if onto is not None:
        rect = target.visualRect(target.model().index(titles(page, to_stage).index(onto), 0))
        point = QPoint(rect.center().x(), rect.top() + 3)
    else:
        point = QPoint(viewport.width() // 2, viewport.height() - 5)
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    move = Qt.DropAction.MoveAction
    for event in (
        QDragEnterEvent(point, move, data, buttons, mods),
        QDragMoveEvent(point, move, data, buttons, mods),
        QDropEvent(point.toPointF(), move, data, buttons, mods),
    ):
        QApplication.sendEvent(viewport, event)


def stage_in_db(db: Database, deal: str) -> str:
    return get_deal(db, deal).stage


def test_first_stage_on_the_right_with_counts_and_totals_of_sql(
    page: PipelinePage, ctx: AppContext, qtmodeltester: ModelTester
) -> None:
    views = page.board.columns
    assert [v.column.stage for v in views][:3] == [FIRST, CALL, "نیازسنجی"]
    xs = [v.mapTo(page, QPoint(0, 0)).x() for v in views[:3]]
    assert xs == sorted(xs, reverse=True)  # right to left
    with sqlite3.connect(ctx.db.path) as conn:
        counts = dict(
            conn.execute(
                "SELECT s.name, count(d.id) FROM stages s LEFT JOIN deals d ON d.stage_id = s.id "
                "AND d.deleted_at IS NULL GROUP BY s.id"
            ).fetchall()
        )
    for view in views:
        assert view.column.count == counts[view.column.stage] == view.model.rowCount()
    assert column(page, CALL).title.text() == "تماس اولیه (۲)"
    assert column(page, CALL).figures.text().startswith("۷٬۰۰۰ ریال\nوزنی ۱٬۴۰۰ ریال")
    qtmodeltester.check(column(page, FIRST).model)


def test_a_dropped_card_is_saved_where_it_was_dropped_and_undo_puts_it_back(
    page: PipelinePage, ctx: AppContext, qtbot: QtBot
) -> None:
    moved = deal_id(page, "الف")
    drag(page, "الف", CALL, onto="د")
    assert stage_in_db(ctx.db, moved) == CALL  # saved at the drop
    qtbot.waitUntil(lambda: titles(page, CALL) == ["ج", "الف", "د"])  # redrawn as saved
    assert titles(page, FIRST) == ["ب"]
    assert column(page, CALL).title.text() == "تماس اولیه (۳)"
    ctx.undo_stack.undo()
    assert stage_in_db(ctx.db, moved) == FIRST
    qtbot.waitUntil(lambda: titles(page, FIRST) == ["الف", "ب"])
    assert titles(page, CALL) == ["ج", "د"]
    ctx.undo_stack.redo()
    qtbot.waitUntil(lambda: titles(page, CALL) == ["ج", "الف", "د"])


def test_reordering_inside_a_column_by_drag(page: PipelinePage, qtbot: QtBot) -> None:
    drag(page, "د", CALL, onto="ج")
    qtbot.waitUntil(lambda: titles(page, CALL) == ["د", "ج"])
    drag(page, "د", CALL)  # below the last card
    qtbot.waitUntil(lambda: titles(page, CALL) == ["ج", "د"])


def test_a_drop_on_lost_asks_why_and_cancel_changes_nothing(
    page: PipelinePage, ctx: AppContext, qtbot: QtBot
) -> None:
    moved = deal_id(page, "ه")
    drag(page, "ه", LOST)
    dialog = page.closing_dialog
    assert dialog is not None and dialog.isVisible()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # no reason chosen yet
    dialog.reject()
    assert stage_in_db(ctx.db, moved) == MEETING and titles(page, MEETING) == ["ه"]

    drag(page, "ه", LOST)
    dialog = page.closing_dialog
    assert dialog is not None
    dialog.reason.setCurrentIndex(dialog.reason.findText("قیمت بالا"))
    assert ok is not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)  # a new one
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    lost = get_deal(ctx.db, moved)
    assert (lost.stage, lost.lost_reason) == (LOST, "قیمت بالا")
    qtbot.waitUntil(lambda: titles(page, LOST) == ["ه"])


def test_a_drop_on_won_takes_the_final_amount_typed_in_persian(
    page: PipelinePage, ctx: AppContext, type_text: TypeText
) -> None:
    moved = deal_id(page, "ج")
    drag(page, "ج", WON)
    dialog = page.closing_dialog
    assert dialog is not None
    assert dialog.amount.text() == "۳٬۰۰۰"
    dialog.amount.clear()
    type_text(dialog.amount, "۱۲۵٬۰۰۰")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    won = get_deal(ctx.db, moved)
    assert (won.stage, won.amount) == (WON, 125_000) and won.won_at is not None


def test_a_bad_amount_keeps_the_dialog_open(
    page: PipelinePage, ctx: AppContext, type_text: TypeText
) -> None:
    moved = deal_id(page, "ج")
    drag(page, "ج", WON)
    dialog = page.closing_dialog
    assert dialog is not None
    dialog.amount.clear()
    type_text(dialog.amount, "سه هزار")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.isVisible() and dialog.problem.isVisible()
    assert stage_in_db(ctx.db, moved) == CALL


def test_ctrl_arrows_move_a_card_to_the_stage_beside_it_and_along_its_column(
    page: PipelinePage, ctx: AppContext, qtbot: QtBot
) -> None:
    cards = column(page, CALL).cards
    cards.setCurrentIndex(cards.model().index(0, 0))  # ج
    cards.setFocus()
    ctrl = Qt.KeyboardModifier.ControlModifier
    qtbot.keyClick(cards, Qt.Key.Key_Down, ctrl)
    qtbot.waitUntil(lambda: titles(page, CALL) == ["د", "ج"])
    assert cards.currentIndex().row() == 1  # the card moved is still the current one
    # Right to left: the next stage is on the left.
    qtbot.keyClick(cards, Qt.Key.Key_Left, ctrl)
    qtbot.waitUntil(lambda: titles(page, "نیازسنجی") == ["ج"])
    assert stage_in_db(ctx.db, deal_id(page, "ج")) == "نیازسنجی"
    landed = column(page, "نیازسنجی").cards
    assert landed.currentIndex().row() == 0 and landed.hasFocus()  # still the one moved
    qtbot.keyClick(landed, Qt.Key.Key_Right, ctrl)
    qtbot.waitUntil(lambda: titles(page, CALL) == ["د", "ج"])


def test_my_deals_and_search_filter_cards_and_totals(
    page: PipelinePage, qtbot: QtBot, type_text: TypeText
) -> None:
    page.filters.mine.setChecked(True)
    assert titles(page, FIRST) == ["الف"] and titles(page, MEETING) == []
    assert column(page, FIRST).column.amount == 1000
    page.filters.mine.setChecked(False)
    type_text(page.filters.search, "ب")
    qtbot.waitUntil(lambda: titles(page, FIRST) == ["ب"])
    assert column(page, CALL).column.count == 0


def test_a_long_column_shows_a_page_and_loads_more_as_it_scrolls(
    qtbot: QtBot, ctx: AppContext
) -> None:
    for n in range(PAGE + 15):
        add(ctx.db, title=f"کارت {n}", stage=MEETING, amount="10")
    page = PipelinePage(ctx)
    qtbot.addWidget(page)
    page.resize(1900, 700)
    page.show()
    qtbot.waitExposed(page)
    view = column(page, MEETING)
    assert view.column.count == PAGE + 16
    assert len(view.model.cards) == PAGE
    view.cards.scrollToBottom()
    qtbot.waitUntil(lambda: len(view.model.cards) == PAGE + 16)
    assert view.column.amount == 5000 + (PAGE + 15) * 10


def test_a_change_elsewhere_redraws_the_board(
    page: PipelinePage, ctx: AppContext, qtbot: QtBot
) -> None:
    from crm_desktop.ui.widgets.commands import perform

    perform(ctx, "add", lambda: add(ctx.db, title="نو", stage=FIRST))
    qtbot.waitUntil(lambda: titles(page, FIRST) == ["الف", "ب", "نو"])


def test_the_list_view_shows_the_filtered_deals_and_sorts_by_a_header_click(
    page: PipelinePage, qtbot: QtBot
) -> None:
    page.views.setCurrentIndex(page.views.findData("list"))
    table, model = page.list_view.table, page.list_view.model
    assert page.stack.currentWidget() is page.list_view
    assert model.rowCount() == 5
    amount = next(i for i, f in enumerate(COLUMNS) if f.name == "amount")
    table.horizontalHeader().setSortIndicator(amount, Qt.SortOrder.DescendingOrder)
    titles_shown = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert titles_shown == ["ه", "د", "ج", "ب", "الف"]
    assert model.index(0, amount).data() == "۵٬۰۰۰ ریال"
    page.filters.owner.setCurrentIndex(page.filters.owner.findText("رضا کریمی"))
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["ه", "ب"]
    assert model.every_id() == [model.record_id(0), model.record_id(1)]


def test_the_forecast_view_sums_open_deals_by_month(page: PipelinePage, ctx: AppContext) -> None:
    add(ctx.db, title="و", stage=MEETING, amount="100", expected_close="1405/09/05")
    add(ctx.db, title="ز", stage=FIRST, amount="50", expected_close="1405/09/20")
    page.views.setCurrentIndex(page.views.findData("forecast"))
    view = page.forecast
    assert view.rowCount() == 1
    assert [view.item(0, c).text() for c in range(4)] == [  # type: ignore[union-attr]
        "آذر ۱۴۰۵",
        "۲",
        "۱۵۰ ریال",
        "۸۵ ریال",
    ]


def test_the_period_filter_keeps_this_months_deals(page: PipelinePage, ctx: AppContext) -> None:
    import datetime as dt

    add(ctx.db, title="امروز", stage=FIRST, expected_close=dt.date.today().isoformat())
    add(
        ctx.db,
        title="سال بعد",
        stage=FIRST,
        expected_close=(dt.date.today() + dt.timedelta(days=400)).isoformat(),
    )
    page.filters.period.setCurrentIndex(page.filters.period.findData("month"))
    assert titles(page, FIRST) == ["امروز"]
    page.filters.period.setCurrentIndex(0)
    assert titles(page, FIRST) == ["الف", "ب", "امروز", "سال بعد"]


def test_a_drop_of_a_deal_gone_meanwhile_says_why_and_changes_nothing(
    page: PipelinePage, ctx: AppContext, qtbot: QtBot
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from crm_desktop.services.deals import delete_deals

    gone = deal_id(page, "الف")
    delete_deals(ctx.db, [gone])  # another window trashed it; the board still shows it
    drag(page, "الف", CALL)
    box = page.findChild(QMessageBox, "editRefused")
    assert box is not None and box.isVisible()
    assert box.windowTitle() == "جابه‌جایی انجام نشد" and "الف" not in box.text()
    assert list_deals_by_ids(ctx.db, [gone]) == []  # still in the trash, not moved out
    assert ctx.undo_stack.count() == 0
    qtbot.waitUntil(lambda: titles(page, FIRST) == ["ب"])  # the board shows what is saved
