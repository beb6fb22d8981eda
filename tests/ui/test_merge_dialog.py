"""The merge dialog keeps the chosen values, moves everything, and undoes as one step."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from crm_desktop.models import Activity, ActivityType, Deal, Pipeline, Stage
from crm_desktop.models.database import Database
from crm_desktop.services import contacts
from crm_desktop.services.fields import changes_from_text
from crm_desktop.services.lead_score import rescore
from crm_desktop.services.records import ContactRecord
from crm_desktop.ui.app import setup_application
from crm_desktop.ui.contacts.merge_dialog import MergeDialog
from crm_desktop.ui.widgets.context import CONTACTS, AppContext, Change


def add(db: Database, **fields: str) -> str:
    return contacts.create_contact(db, changes_from_text(fields)).id


def add_deal(db: Database, contact_id: str) -> str:
    with db.session() as session:
        pipeline = session.scalars(select(Pipeline).where(Pipeline.is_default)).one()
        stage = session.scalars(
            select(Stage).where(Stage.pipeline_id == pipeline.id).order_by(Stage.position)
        ).first()
        assert stage is not None
        deal = Deal(
            title="قرارداد", contact_id=contact_id, pipeline_id=pipeline.id, stage_id=stage.id
        )
        session.add(deal)
        session.flush()
        rescore(session, [contact_id])  # as the deals service does
        return deal.id


def add_call(db: Database, contact_id: str) -> str:
    with db.session() as session:
        call = session.scalars(select(ActivityType).where(ActivityType.code == "call")).one()
        activity = Activity(type_id=call.id, subject="تماس پیگیری", contact_id=contact_id)
        session.add(activity)
        session.flush()
        rescore(session, [contact_id])  # as the activities service does
        return activity.id


def pointers(db: Database) -> dict[str, str | None]:
    """Where every deal and activity points."""
    with db.session() as session:
        deals = session.execute(select(Deal.id, Deal.contact_id)).all()
        activities = session.execute(select(Activity.id, Activity.contact_id)).all()
        return {row_id: contact_id for row_id, contact_id in [*deals, *activities]}


def snapshot(db: Database, ids: list[str]) -> list[ContactRecord]:
    """The records as a user sees them; updated_at is allowed to move."""
    return [
        dataclasses.replace(r, updated_at=r.created_at)
        for r in (contacts.get_contact(db, i) for i in ids)
    ]


@pytest.fixture
def ctx(qapp: QApplication, db: Database) -> AppContext:
    setup_application(qapp, "fa")
    return AppContext(db)


@pytest.fixture
def pair(db: Database) -> tuple[str, str]:
    """An older and a newer record of one person, each with things of its own."""
    older = add(
        db,
        first_name="رضا",
        last_name="حسینی",
        company="فولاد سپاهان",
        phone="09125550006",
        email="reza@sepahan.ir",
        city="اصفهان",
        tags="نمایشگاه",
        birth_date="1365/04/12",
        notes="مشتری قدیمی",
    )
    newer = add(
        db,
        first_name="رضا",
        last_name="حسيني",
        company="فولاد سپاهان",
        phone="0912 555 0006",
        email="r.hosseini@gmail.com",
        job_title="مهندس فروش",
        city="تهران",
        lifecycle="customer",
        tags="vip, نمایشگاه",
        notes="تماس از طریق وب‌سایت",
    )
    add_deal(db, newer)
    add_call(db, newer)
    add_call(db, older)
    return older, newer


@pytest.fixture
def dialog(qtbot: QtBot, ctx: AppContext, pair: tuple[str, str]) -> MergeDialog:
    dialog = MergeDialog(ctx, list(pair))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def click(qtbot: QtBot, dialog: MergeDialog, field: str, contact_id: str) -> None:
    qtbot.mouseClick(dialog.field_buttons[field][contact_id], Qt.MouseButton.LeftButton)


def test_shows_one_column_per_contact_with_defaults(
    dialog: MergeDialog, pair: tuple[str, str]
) -> None:
    older, newer = pair
    assert not dialog.isModal()
    assert dialog.survivor_id == older  # the oldest is suggested
    buttons = dialog.field_buttons
    assert buttons["first_name"][older].text() == "رضا"
    assert buttons["birth_date"][older].text() == "\u2066۱۳۶۵/۰۴/۱۲\u2069"
    assert buttons["birth_date"][newer].text() == "—"
    assert buttons["lifecycle"][newer].text() == "مشتری"
    assert "lead_score" not in buttons  # worked out for the survivor, not chosen
    chosen = dialog.chosen_fields()
    assert chosen["city"] == older  # the survivor has a value
    assert chosen["job_title"] == newer  # it has none: the first one that has
    assert chosen["birth_date"] == older
    summary = dialog.summary_label.text()
    assert "\u2066۰۹۱۲ ۵۵۵ ۰۰۰۶\u2069" in summary
    assert "\u2066reza@sepahan.ir\u2069، \u2066r.hosseini@gmail.com\u2069" in summary
    assert "نمایشگاه، vip" in summary


def test_choosing_another_survivor_moves_untouched_defaults(
    qtbot: QtBot, dialog: MergeDialog, pair: tuple[str, str]
) -> None:
    older, newer = pair
    click(qtbot, dialog, "last_name", newer)
    qtbot.mouseClick(dialog.survivor_buttons[newer], Qt.MouseButton.LeftButton)
    assert dialog.survivor_id == newer
    chosen = dialog.chosen_fields()
    assert chosen["city"] == newer
    assert chosen["birth_date"] == older  # the new survivor has none
    assert chosen["last_name"] == newer  # chosen by hand: kept
    assert "«رضا حسینی»" in dialog.summary_label.text()


def test_merge_keeps_chosen_values_moves_everything_and_undoes_exactly(
    qtbot: QtBot, ctx: AppContext, dialog: MergeDialog, pair: tuple[str, str]
) -> None:
    db = ctx.db
    older, newer = pair
    before = snapshot(db, [older, newer])
    before_pointers = pointers(db)
    seen: list[Change] = []
    ctx.changes.changed.connect(seen.append)

    click(qtbot, dialog, "city", newer)
    click(qtbot, dialog, "lifecycle", newer)
    click(qtbot, dialog, "notes", newer)
    with (
        qtbot.waitSignal(dialog.merged) as merged,
        qtbot.waitSignal(ctx.changes.noticed) as noticed,
    ):
        qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    assert merged.args == [older]
    assert not dialog.isVisible()

    survivor = contacts.get_contact(db, older)
    # The status bar says what happened, with Undo for this very step.
    (notice,) = noticed.args
    assert notice.text == f"۱ مخاطب در «{survivor.full_name}» ادغام شد."
    assert notice.step is ctx.undo_stack.command(0)
    assert (survivor.city, survivor.lifecycle, survivor.notes) == (
        "تهران",
        "customer",
        "تماس از طریق وب‌سایت",
    )
    assert survivor.job_title == "مهندس فروش"  # the default: the only value there was
    assert (survivor.last_name, survivor.birth_date) == (before[0].last_name, before[0].birth_date)
    assert survivor.phones == ("+989125550006",)
    assert survivor.emails == ("reza@sepahan.ir", "r.hosseini@gmail.com")
    assert set(survivor.tags) == {"نمایشگاه", "vip"}
    assert set(pointers(db).values()) == {older}
    assert contacts.get_contact(db, newer).deleted_at is not None
    assert contacts.contact_ids(db) == [older]
    assert newer not in contacts.trashed_contact_ids(db)
    assert ctx.undo_stack.count() == 1
    assert ctx.undo_stack.undoText() == "ادغام ۲ مخاطب"
    # Told exactly what the merge touched: both people, and the records moved over.
    assert seen[0] == Change(CONTACTS, frozenset({older, newer}))
    assert {c.kind for c in seen[1:]} <= {"deals", "activities", "service_requests"}

    ctx.undo_stack.undo()
    assert snapshot(db, [older, newer]) == before
    assert pointers(db) == before_pointers

    ctx.undo_stack.redo()
    again = contacts.get_contact(db, older)
    assert dataclasses.replace(again, updated_at=survivor.updated_at) == survivor
    assert contacts.get_contact(db, newer).deleted_at is not None
    assert set(pointers(db).values()) == {older}


def test_notes_can_all_be_kept(
    qtbot: QtBot, ctx: AppContext, dialog: MergeDialog, pair: tuple[str, str]
) -> None:
    older, _newer = pair
    joined = dialog.notes_joined_button
    assert joined is not None
    qtbot.mouseClick(joined, Qt.MouseButton.LeftButton)
    assert "notes" not in dialog.chosen_fields()
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    assert contacts.get_contact(ctx.db, older).notes == "مشتری قدیمی\n\nتماس از طریق وب‌سایت"


def test_cancel_changes_nothing(
    qtbot: QtBot, ctx: AppContext, dialog: MergeDialog, pair: tuple[str, str]
) -> None:
    before = snapshot(ctx.db, list(pair))
    click(qtbot, dialog, "city", pair[1])
    dialog.buttons.rejected.emit()
    assert not dialog.isVisible()
    assert snapshot(ctx.db, list(pair)) == before
    assert ctx.undo_stack.count() == 0


def test_a_refused_merge_is_shown_and_not_an_undo_step(
    qtbot: QtBot, ctx: AppContext, dialog: MergeDialog, pair: tuple[str, str]
) -> None:
    contacts.delete_contacts(ctx.db, [pair[1]])  # someone else trashed it meanwhile
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.error_label.isVisible()
    assert "سطل زباله" in dialog.error_label.text()
    assert ctx.undo_stack.count() == 0


def test_three_contacts_merge_into_the_chosen_survivor(
    qtbot: QtBot, ctx: AppContext, db: Database
) -> None:
    ids = [
        add(db, first_name="نرگس", last_name="طاهری", email=f"n{i}@example.com") for i in range(3)
    ]
    add_deal(db, ids[0])
    dialog = MergeDialog(ctx, ids)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.survivor_buttons[ids[2]], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    assert contacts.contact_ids(db) == [ids[2]]
    assert contacts.get_contact(db, ids[2]).emails == tuple(f"n{i}@example.com" for i in (2, 0, 1))
    assert set(pointers(db).values()) == {ids[2]}
    assert ctx.undo_stack.undoText() == "ادغام ۳ مخاطب"
    ctx.undo_stack.undo()
    assert sorted(contacts.contact_ids(db)) == sorted(ids)
