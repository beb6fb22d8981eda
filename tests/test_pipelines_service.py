"""Editing pipelines and stages never orphans a deal (issue 11, item 4)."""

from __future__ import annotations

import pytest

from crm_desktop.errors import InvalidInput
from crm_desktop.models.database import Database
from crm_desktop.services import operations, undo
from crm_desktop.services.deal_changes import deal_changes_from_text
from crm_desktop.services.deal_list import DealFilter, list_deals, pipeline_columns
from crm_desktop.services.deals import create_deal, get_deal, move_deal
from crm_desktop.services.history import record_history
from crm_desktop.services.pipelines import (
    add_pipeline,
    add_stage,
    move_stage,
    remove_stage,
    stage_deal_count,
    stage_of,
    update_stage,
)

FIRST, CALL, NEEDS, WON, LOST = "سرنخ جدید", "تماس اولیه", "نیازسنجی", "برنده", "از دست رفته"


def stages(db: Database, pipeline: str | None = None) -> list[str]:
    return [c.stage for c in pipeline_columns(db, pipeline)[1]]


def add(db: Database, title: str, stage: str) -> str:
    return create_deal(db, deal_changes_from_text({"title": title, "stage": stage})).id


def default_id(db: Database) -> str:
    return get_deal(db, add(db, "probe", FIRST)).pipeline_id


def test_a_new_stage_goes_before_won_and_lost_unless_placed(db: Database) -> None:
    pipeline = default_id(db)
    add_stage(db, pipeline, "قرارداد", 90)
    assert stages(db)[-3:] == ["قرارداد", WON, LOST]
    add_stage(db, pipeline, "معرفی", 15, before=stage_of(db, CALL))
    assert stages(db)[:3] == [FIRST, "معرفی", CALL]
    positions = [c.position for c in pipeline_columns(db)[1]]
    assert positions == list(range(len(positions)))
    with pytest.raises(InvalidInput, match="already"):
        add_stage(db, pipeline, "قرارداد", 50)
    with pytest.raises(InvalidInput, match="percent"):
        add_stage(db, pipeline, "نیمه", 150)


def test_renaming_and_reordering_a_stage_keeps_its_deals(db: Database) -> None:
    deal = add(db, "A", NEEDS)
    update_stage(db, stage_of(db, NEEDS), name="بررسی نیاز", probability=45)
    moved = get_deal(db, deal)
    assert (moved.stage, moved.probability) == ("بررسی نیاز", 45)
    move_stage(db, moved.stage_id, 0)
    assert stages(db)[:2] == ["بررسی نیاز", FIRST]
    assert {c.stage: c.count for c in pipeline_columns(db)[1]}["بررسی نیاز"] == 1


def test_a_stage_with_deals_is_removed_only_with_somewhere_for_them(db: Database) -> None:
    a, b = add(db, "A", NEEDS), add(db, "B", NEEDS)
    add(db, "C", CALL)
    needs = stage_of(db, NEEDS)
    for where in (None, stage_of(db, LOST), needs):
        with pytest.raises(InvalidInput, match="holds 2 deals"):
            remove_stage(db, needs, deals_to=where)
    assert stage_deal_count(db, needs) == 2 and NEEDS in stages(db)
    done = operations.run(db, remove_stage, db, needs, deals_to=stage_of(db, CALL))
    assert NEEDS not in stages(db)
    assert [d.title for d in list_deals(db, DealFilter(stage_ids=(stage_of(db, CALL),)))] == [
        "C",
        "A",
        "B",
    ]
    assert get_deal(db, a).stage == CALL
    # The deal's history says why it moved, and the removal is undone as one thing.
    newest = record_history(db, a, lang="en")[0]
    assert (newest.operation, newest.label) == ("remove_stage", NEEDS)
    assert {(c.field, c.old, c.new) for c in newest.changes} >= {("stage", NEEDS, CALL)}
    (op_id,) = done.changes.op_ids
    undo.undo(db, op_id)
    assert NEEDS in stages(db)
    assert (get_deal(db, a).stage, get_deal(db, b).stage) == (NEEDS, NEEDS)


def test_the_last_open_stage_stays(db: Database) -> None:
    add_pipeline(db, "اجاره")
    open_ones = [c for c in pipeline_columns(db, "اجاره")[1] if not (c.is_won or c.is_lost)]
    for column in open_ones[:-1]:
        remove_stage(db, column.stage_id)
    with pytest.raises(InvalidInput, match="at least one open stage"):
        remove_stage(db, open_ones[-1].stage_id)
    assert stages(db, "اجاره") == [open_ones[-1].stage, WON, LOST]


def test_a_new_pipeline_starts_with_the_default_stages_and_takes_deals(db: Database) -> None:
    add_pipeline(db, "پروژه‌ها")
    assert stages(db, "پروژه‌ها") == stages(db)
    with pytest.raises(InvalidInput, match="cannot name a new pipeline"):
        add_pipeline(db, "پروژهها")  # the same name, typed without its ZWNJ
    deal = add(db, "A", FIRST)
    target = stage_of(db, CALL, "پروژه‌ها")
    moved = move_deal(db, deal, target)
    assert (moved.pipeline, moved.stage) == ("پروژه‌ها", CALL)
    assert {c.stage: c.count for c in pipeline_columns(db)[1]}[FIRST] == 0  # it left
    assert {c.stage: c.count for c in pipeline_columns(db, "پروژه‌ها")[1]}[CALL] == 1


def test_lost_reasons_are_an_editable_list_and_lost_deals_keep_theirs(db: Database) -> None:
    from crm_desktop.services.deals import Closing, lost_reasons
    from crm_desktop.services.pipelines import (
        add_lost_reason,
        remove_lost_reason,
        rename_lost_reason,
    )

    reason = add_lost_reason(db, "خرید از رقیب ارزان‌تر")
    assert lost_reasons(db)[-1] == (reason, "خرید از رقیب ارزان‌تر")
    with pytest.raises(InvalidInput, match="already"):
        add_lost_reason(db, "قیمت بالا")
    deal = add(db, "A", CALL)
    move_deal(db, deal, stage_of(db, LOST), closing=Closing(lost_reason=reason))
    rename_lost_reason(db, reason, "رقیب ارزان‌تر")
    assert get_deal(db, deal).lost_reason == "رقیب ارزان‌تر"
    done = operations.run(db, remove_lost_reason, db, reason)
    assert reason not in dict(lost_reasons(db))  # no longer offered
    assert get_deal(db, deal).lost_reason == "رقیب ارزان‌تر"  # still the deal's
    with pytest.raises(InvalidInput, match="not one of the lost reasons"):
        move_deal(db, add(db, "B", CALL), stage_of(db, LOST), closing=Closing(lost_reason=reason))
    (op_id,) = done.changes.op_ids
    undo.undo(db, op_id)
    assert reason in dict(lost_reasons(db))
