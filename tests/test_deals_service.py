"""Deals through the pipeline: adding, ordering cards, won and lost, purchases, undo.

Every check is on what a rep sees afterwards (the deal as listed, the column totals,
the contact's purchases, the history) on a real database made by the migrations.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select

from crm_desktop.errors import InvalidInput, NotFound
from crm_desktop.models import DealLine, Product
from crm_desktop.models.database import Database
from crm_desktop.services import contacts, operations, undo
from crm_desktop.services.deal_changes import DealChanges, deal_changes_from_text
from crm_desktop.services.deal_list import DealFilter, list_deals, pipeline_columns
from crm_desktop.services.deals import (
    Closing,
    create_deal,
    delete_deals,
    get_deal,
    move_deal,
    restore_deals,
    update_deal,
)
from crm_desktop.services.fields import changes_from_text
from crm_desktop.services.history import record_history
from crm_desktop.services.office import office_day
from crm_desktop.services.pipelines import stage_of
from crm_desktop.services.users import create_user, set_current_user

FIRST, MEETING, WON, LOST = "سرنخ جدید", "مذاکره", "برنده", "از دست رفته"


@pytest.fixture
def rep(db: Database) -> str:
    user = create_user(db, "سارا احمدی", "sara")
    set_current_user(db, user.id)
    return user.id


def add(db: Database, **fields: str) -> str:
    return create_deal(db, deal_changes_from_text(fields)).id


def column(db: Database, stage: str) -> list[str]:
    """The titles of a column's cards, top to bottom."""
    stage_id = stage_of(db, stage)
    return [d.title for d in list_deals(db, DealFilter(stage_ids=(stage_id,)))]


def log_size(db: Database) -> int:
    with sqlite3.connect(db.path) as conn:
        return int(conn.execute("SELECT count(*) FROM change_log").fetchone()[0])


def test_a_new_deal_goes_last_in_the_first_stage_owned_by_whoever_adds_it(
    db: Database, rep: str
) -> None:
    person = contacts.create_contact(
        db, changes_from_text({"first_name": "علی", "last_name": "رضایی", "company": "آلفا"})
    )
    first = create_deal(db, deal_changes_from_text({"title": "الف", "contact": person.id}))
    add(db, title="ب", amount="2000")
    assert column(db, FIRST) == ["الف", "ب"]
    assert (first.stage, first.owner_id, first.probability) == (FIRST, rep, 10)
    assert (first.contact, first.company) == ("علی رضایی", "آلفا")  # the person's company


def test_cards_are_put_where_they_are_dropped(db: Database, rep: str) -> None:
    a, b, c = (add(db, title=t, stage=MEETING) for t in "ABC")
    meeting = stage_of(db, MEETING)
    move_deal(db, c, meeting, above=None, below=a)  # to the top
    assert column(db, MEETING) == ["C", "A", "B"]
    move_deal(db, a, meeting, above=b, below=None)  # to the bottom
    assert column(db, MEETING) == ["C", "B", "A"]
    d = add(db, title="D")
    move_deal(db, d, meeting, above=c, below=b)  # from another column, between two
    assert column(db, MEETING) == ["C", "D", "B", "A"]
    assert column(db, FIRST) == []


def test_a_drop_among_cards_that_moved_meanwhile_still_lands(db: Database, rep: str) -> None:
    a, b = add(db, title="A", stage=MEETING), add(db, title="B", stage=MEETING)
    gone = add(db, title="X", stage=WON)  # not in this column any more (another laptop)
    c = add(db, title="C")
    move_deal(db, c, stage_of(db, MEETING), above=gone, below=None)
    assert column(db, MEETING) == ["A", "B", "C"]
    # The view had them the other way round: after the card above, then.
    move_deal(db, c, stage_of(db, MEETING), above=b, below=a)
    assert column(db, MEETING)[-1] == "C" and len(column(db, MEETING)) == 3


def test_lost_needs_a_reason_and_nothing_changes_without_one(db: Database, rep: str) -> None:
    deal = add(db, title="A", stage=MEETING, amount="1000")
    before, entries = get_deal(db, deal), log_size(db)
    with pytest.raises(InvalidInput, match="lost reason"):
        move_deal(db, deal, stage_of(db, LOST))
    with pytest.raises(InvalidInput, match="not one of the lost reasons"):
        move_deal(db, deal, stage_of(db, LOST), closing=Closing(lost_reason="نمی‌دانم"))
    assert get_deal(db, deal) == before
    assert log_size(db) == entries
    lost = move_deal(
        db, deal, stage_of(db, LOST), closing=Closing(lost_reason="قیمت بالا", lost_comment="گران")
    )
    assert (lost.stage, lost.lost_reason, lost.lost_comment) == (LOST, "قیمت بالا", "گران")
    assert lost.lost_at is not None and lost.won_at is None and lost.probability == 0


def test_won_stamps_the_day_and_amount_and_back_to_open_clears_them(db: Database, rep: str) -> None:
    deal = add(db, title="A", stage=MEETING, amount="1000")
    day = dt.date(2026, 11, 3)
    won = move_deal(db, deal, stage_of(db, WON), closing=Closing(on=day, amount=900))
    assert won.won_at is not None and office_day(won.won_at) == day
    assert (won.amount, won.probability, won.lost_at) == (900, 100, None)
    reopened = move_deal(db, deal, stage_of(db, MEETING))
    assert (reopened.won_at, reopened.lost_at, reopened.amount) == (None, None, 900)
    # Lost after won: the won day goes, the reason comes.
    move_deal(db, deal, stage_of(db, WON))
    lost = move_deal(db, deal, stage_of(db, LOST), closing=Closing(lost_reason="سایر"))
    assert (lost.won_at, lost.lost_reason) == (None, "سایر")


def _line(db: Database, deal_id: str, price: int) -> str:
    with db.session() as session:
        product = Product(name="لایسنس", unit_price=price)
        session.add(product)
        session.flush()
        line = DealLine(deal_id=deal_id, product_id=product.id, quantity=2, unit_price=price)
        session.add(line)
        session.flush()
        return line.id


def _purchase(db: Database, line_id: str) -> tuple[str | None, dt.date | None]:
    with db.session() as session:
        line = session.get(DealLine, line_id)
        assert line is not None
        return line.contact_id, line.purchased_on


def test_a_won_deals_lines_become_the_customers_purchases(db: Database, rep: str) -> None:
    person = contacts.create_contact(db, changes_from_text({"first_name": "مریم"})).id
    deal = create_deal(db, deal_changes_from_text({"title": "A", "contact": person})).id
    line = _line(db, deal, 500)
    assert _purchase(db, line) == (None, None)
    move_deal(db, deal, stage_of(db, WON), closing=Closing(on=dt.date(2026, 10, 1)))
    assert _purchase(db, line) == (person, dt.date(2026, 10, 1))
    move_deal(db, deal, stage_of(db, MEETING))
    assert _purchase(db, line)[1] is None  # no longer bought


def test_a_reps_own_probability_holds_in_its_stage_only(db: Database, rep: str) -> None:
    deal = add(db, title="A", stage=MEETING, amount="1000", probability="35")
    assert get_deal(db, deal).probability == 35
    update_deal(db, deal, DealChanges(amount=2000))
    assert (get_deal(db, deal).probability, get_deal(db, deal).weighted) == (35, 700)
    moved = move_deal(db, deal, stage_of(db, "ارسال پیش‌فاکتور"))
    assert (moved.probability, moved.own_probability) == (60, None)


def test_a_stage_changes_by_a_move_not_an_edit(db: Database, rep: str) -> None:
    deal = add(db, title="A")
    with pytest.raises(InvalidInput, match="by a move"):
        update_deal(db, deal, DealChanges(stage=WON))
    assert get_deal(db, deal).stage == FIRST


def test_columns_total_every_deal_of_the_stage_with_its_own_probability(
    db: Database, rep: str
) -> None:
    other = create_user(db, "رضا کریمی", "reza").id
    add(db, title="A", stage=MEETING, amount="1000")  # 80%
    add(db, title="B", stage=MEETING, amount="333", probability="50")
    add(db, title="C", stage=MEETING, amount="100", owner="reza")
    trashed = add(db, title="D", stage=MEETING, amount="99999")
    delete_deals(db, [trashed])
    name, columns = pipeline_columns(db)
    by_stage = {c.stage: c for c in columns}
    assert name == "فروش" and [c.position for c in columns] == sorted(c.position for c in columns)
    meeting = by_stage[MEETING]
    assert (meeting.count, meeting.amount) == (3, 1433)
    assert meeting.weighted == (1000 * 80 + 333 * 50 + 100 * 80) // 100
    assert by_stage[WON].count == 0 and by_stage[WON].amount == 0
    _name, mine = pipeline_columns(db, where=DealFilter(owner_ids=(other,)))
    assert {c.stage: c.count for c in mine}[MEETING] == 1
    restore_deals(db, [trashed])
    assert {c.stage: c.amount for c in pipeline_columns(db)[1]}[MEETING] == 1433 + 99999
    assert column(db, MEETING) == ["A", "B", "C", "D"]


def test_a_move_is_one_undoable_operation_in_the_deals_history(db: Database, rep: str) -> None:
    person = contacts.create_contact(db, changes_from_text({"first_name": "نگار"})).id
    deal = create_deal(
        db, deal_changes_from_text({"title": "A", "contact": person, "stage": MEETING})
    ).id
    line = _line(db, deal, 100)
    done = operations.run(db, move_deal, db, deal, stage_of(db, WON), closing=Closing(amount=7))
    assert done.changes.ids("deals") == {deal}
    newest = record_history(db, deal, lang="en")[0]
    assert newest.operation == "move"
    assert {(c.field, c.old, c.new) for c in newest.changes} >= {
        ("stage", MEETING, WON),
        ("amount", 0, 7),
    }
    (op_id,) = done.changes.op_ids
    undo.undo(db, op_id)
    back = get_deal(db, deal)
    assert (back.stage, back.won_at, back.amount) == (MEETING, None, 0)
    assert _purchase(db, line) == (None, None)
    undo.redo(db, op_id)
    assert get_deal(db, deal).stage == WON and _purchase(db, line)[0] == person


def test_undoing_a_win_takes_back_the_lines_added_after_it_too(db: Database, rep: str) -> None:
    from crm_desktop.services.deals import add_line

    person = contacts.create_contact(db, changes_from_text({"first_name": "نگار"})).id
    deal = create_deal(db, deal_changes_from_text({"title": "A", "contact": person})).id
    first = _line(db, deal, 100)
    done = operations.run(db, move_deal, db, deal, stage_of(db, WON))
    with db.session() as session:
        product_id = session.scalars(select(Product.id)).one()
    late = add_line(db, deal, product_id)  # on the won deal: bought at once
    assert _purchase(db, late)[1] is not None
    (op_id,) = done.changes.op_ids
    undo.undo(db, op_id)
    assert get_deal(db, deal).won_at is None
    assert _purchase(db, first)[1] is None and _purchase(db, late)[1] is None
    undo.redo(db, op_id)
    won_at = get_deal(db, deal).won_at
    assert won_at is not None
    won_on = office_day(won_at)
    assert _purchase(db, first) == (person, won_on) and _purchase(db, late) == (person, won_on)


def test_no_ids_are_no_deals(db: Database, rep: str) -> None:
    from crm_desktop.services.deals import list_deals_by_ids

    one = add(db, title="A")
    assert list_deals_by_ids(db, []) == []
    assert [d.id for d in list_deals_by_ids(db, [one])] == [one]


def test_a_move_that_changes_nothing_writes_nothing(db: Database, rep: str) -> None:
    deal = add(db, title="A", stage=MEETING)
    entries = log_size(db)
    done = operations.run(db, move_deal, db, deal, stage_of(db, MEETING))
    assert not done.changes and log_size(db) == entries


def test_names_that_do_not_exist_are_refused(db: Database, rep: str) -> None:
    for fields, words in (
        ({"title": "A", "stage": "خیالی"}, "no stage named"),
        ({"title": "A", "owner": "nobody"}, "no user named"),
        ({"title": "A", "campaign": "بهار"}, "no campaign named"),
        ({"title": "A", "contact": "09120000000"}, "no contact with the id or phone"),
        ({"title": ""}, "needs a title"),
    ):
        with pytest.raises((InvalidInput, NotFound), match=words):
            add(db, **fields)
    assert list_deals(db) == []


def test_the_default_data_of_a_new_database_is_what_the_board_shows(db_path: Path) -> None:
    with sqlite3.connect(db_path) as conn:
        stages = [row[0] for row in conn.execute("SELECT name FROM stages ORDER BY position")]
    from crm_desktop.models.database import open_database

    with open_database(db_path) as db:
        _name, columns = pipeline_columns(db)
        assert [c.stage for c in columns] == stages
        with db.session() as session:
            assert session.scalars(select(DealLine)).all() == []


def test_a_contacts_deal_is_one_step_and_a_lead_becomes_a_prospect(db: Database, rep: str) -> None:
    from crm_desktop.services.deals import deal_for_contact

    person = contacts.create_contact(
        db,
        changes_from_text(
            {
                "first_name": "علی",
                "last_name": "رضایی",
                "company": "آلفا",
                "lead_source": "نمایشگاه",
            }
        ),
    )
    assert person.lifecycle == "lead"
    done = operations.run(db, deal_for_contact, db, person.id)
    deal = done.result
    assert (deal.title, deal.contact_id, deal.company, deal.stage) == (
        "علی رضایی - آلفا",
        person.id,
        "آلفا",
        FIRST,
    )
    assert deal.lead_source == "نمایشگاه" and deal.owner_id == rep
    assert contacts.get_contact(db, person.id).lifecycle == "prospect"
    (op_id,) = done.changes.op_ids  # one step
    undo.undo(db, op_id)
    assert list_deals(db) == [] and contacts.get_contact(db, person.id).lifecycle == "lead"


def test_the_stages_a_deal_went_through_with_their_times(db: Database, rep: str) -> None:
    from crm_desktop.services.deals import stage_stays

    deal = add(db, title="A")
    move_deal(db, deal, stage_of(db, MEETING))
    move_deal(db, deal, stage_of(db, WON))
    stays = stage_stays(db, deal)
    assert [s.stage for s in stays] == [FIRST, MEETING, WON]
    assert stays[0].until == stays[1].since and stays[1].until == stays[2].since
    assert stays[-1].until is None and all(s.days() >= 0 for s in stays)
    assert stays[0].since <= stays[1].since <= stays[2].since


def test_lines_total_becomes_the_amount_and_a_won_deals_new_line_is_a_purchase(
    db: Database, rep: str
) -> None:
    from crm_desktop.services.deals import add_line, deal_lines, remove_line, use_lines_total

    person = contacts.create_contact(db, changes_from_text({"first_name": "مریم"})).id
    deal = create_deal(db, deal_changes_from_text({"title": "A", "contact": person})).id
    with db.session() as session:
        product = Product(name="سرور", unit_price=1_000)
        session.add(product)
        session.flush()
        product_id = product.id
    add_line(db, deal, product_id, quantity=3, discount=500)
    other = add_line(db, deal, product_id, unit_price=200)
    assert [line.total for line in deal_lines(db, deal)] == [2_500, 200]
    assert use_lines_total(db, deal).amount == 2_700
    remove_line(db, other)
    assert use_lines_total(db, deal).amount == 2_500
    with pytest.raises(InvalidInput, match="discount is more"):
        add_line(db, deal, product_id, quantity=1, discount=5_000)
    move_deal(db, deal, stage_of(db, WON), closing=Closing(on=dt.date(2026, 9, 1)))
    late = add_line(db, deal, product_id)
    assert _purchase(db, late) == (person, dt.date(2026, 9, 1))


def test_jalali_month_and_quarter_bounds() -> None:
    from crm_desktop.locale import from_jalali
    from crm_desktop.services.deal_list import jalali_period

    day = from_jalali(1405, 9, 17)
    assert jalali_period(day, "month") == (from_jalali(1405, 9, 1), from_jalali(1405, 9, 30))
    assert jalali_period(day, "quarter") == (from_jalali(1405, 7, 1), from_jalali(1405, 9, 30))
    # Esfand ends on the 29th or, in a leap year, the 30th: the day before Nowruz.
    last = jalali_period(from_jalali(1403, 12, 5), "quarter")
    assert last == (from_jalali(1403, 10, 1), from_jalali(1404, 1, 1) - dt.timedelta(days=1))
    assert last[1] == from_jalali(1403, 12, 30)  # 1403 is a leap year
    assert jalali_period(from_jalali(1404, 12, 1), "month")[1] == from_jalali(1404, 12, 29)


def test_forecast_groups_open_deals_by_jalali_month(db: Database, rep: str) -> None:
    from crm_desktop.locale import from_jalali
    from crm_desktop.services.deal_list import forecast

    for title, day, amount, stage in (
        ("A", from_jalali(1405, 9, 1), "1000", MEETING),  # 80%
        ("B", from_jalali(1405, 9, 30), "500", FIRST),  # 10%, same Jalali month
        ("C", from_jalali(1405, 10, 1), "300", MEETING),  # the next day: the next month
        ("D", from_jalali(1405, 9, 10), "9999", WON),  # closed: not a forecast
    ):
        add(db, title=title, expected_close=day.isoformat(), amount=amount, stage=stage)
    add(db, title="E", amount="7")  # no date
    months = forecast(db)
    assert [(m.year, m.month, m.count, m.amount, m.weighted) for m in months] == [
        (1405, 9, 2, 1500, (1000 * 80 + 500 * 10) // 100),
        (1405, 10, 1, 300, 240),
    ]


def test_the_list_sorts_by_every_list_column_in_sql(db: Database, rep: str) -> None:
    from crm_desktop.services.deal_list import SORTS, count_deals, deal_ids
    from crm_desktop.services.registry import DEAL

    assert {f.listed.sort for f in DEAL.list_columns() if f.listed} == set(SORTS)
    small, big = add(db, title="ب", amount="10"), add(db, title="الف", amount="20", stage=WON)
    assert deal_ids(db, sort="amount") == [small, big]
    assert deal_ids(db, sort="amount", descending=True) == [big, small]
    assert deal_ids(db, sort="title") == [big, small]
    assert deal_ids(db, sort="probability", descending=True) == [big, small]  # won: 100%
    assert deal_ids(db) == [small, big]  # board order: stage by stage
    assert count_deals(db, DealFilter(open_only=True)) == 1
    assert deal_ids(db, limit=1, offset=1) == [big]


def test_a_drop_under_the_last_card_shown_lands_right_after_it(db: Database, rep: str) -> None:
    first, second, third = (add(db, title=t, stage=MEETING) for t in "ABC")
    moved = add(db, title="D")
    # The view showed only A and B: dropped under B, the card goes between B and C.
    move_deal(db, moved, stage_of(db, MEETING), above=second, below=None)
    assert column(db, MEETING) == ["A", "B", "D", "C"]
    move_deal(db, moved, stage_of(db, MEETING), above=first, below=None)
    assert column(db, MEETING) == ["A", "D", "B", "C"]
    move_deal(db, moved, stage_of(db, MEETING), above=third, below=None)
    assert column(db, MEETING) == ["A", "B", "C", "D"]


def test_a_stage_holding_deals_keeps_its_outcome(db: Database, rep: str) -> None:
    from crm_desktop.services.pipelines import update_stage

    add(db, title="A", stage=MEETING)
    with pytest.raises(InvalidInput, match="holds 1 deals"):
        update_stage(db, stage_of(db, MEETING), outcome="won")
    update_stage(db, stage_of(db, "نیازسنجی"), outcome="won")  # an empty one may change


def test_a_deal_restored_after_its_stage_was_removed_goes_to_the_first_open_stage(
    db: Database, rep: str
) -> None:
    from crm_desktop.services.pipelines import remove_stage

    deal = add(db, title="A", stage="نیازسنجی")
    delete_deals(db, [deal])
    remove_stage(db, stage_of(db, "نیازسنجی"))
    restore_deals(db, [deal])
    assert get_deal(db, deal).stage == FIRST and column(db, FIRST) == ["A"]


def test_a_lost_deal_moves_to_another_lost_stage_with_its_reason(db: Database, rep: str) -> None:
    from crm_desktop.services.pipelines import add_stage

    deal = add(db, title="A", stage=MEETING)
    move_deal(db, deal, stage_of(db, LOST), closing=Closing(lost_reason="سایر"))
    other = add_stage(db, get_deal(db, deal).pipeline_id, "لغو شده", 0, outcome="lost")
    moved = move_deal(db, deal, other)
    assert (moved.stage, moved.lost_reason) == ("لغو شده", "سایر")


def test_a_deal_cannot_close_on_a_day_to_come(db: Database, rep: str) -> None:
    from crm_desktop.services.office import office_today

    deal = add(db, title="A", stage=MEETING)
    tomorrow = office_today() + dt.timedelta(days=1)
    with pytest.raises(InvalidInput, match="day to come"):
        move_deal(db, deal, stage_of(db, WON), closing=Closing(on=tomorrow))
    assert get_deal(db, deal).stage == MEETING


def test_search_finds_a_word_however_its_parts_are_joined(db: Database, rep: str) -> None:
    person = contacts.create_contact(
        db,
        changes_from_text(
            {
                "first_name": "علی",
                "last_name": "رضایی",
                "company": "نوین‌پرداز",
                "phone": "09121234567",
            }
        ),
    )
    create_deal(db, deal_changes_from_text({"title": "ارسال پیش‌فاکتور", "contact": person.id}))
    add(db, title="چیز دیگر")
    # The contact is found as the contacts list finds it: Arabic letters, part of a
    # phone number typed with Persian digits, the company's name.
    typings = ("پیش‌فاکتور", "پیش فاکتور", "پیشفاکتور", "علی رضایی", "علي", "۰۹۱۲۱۲۳")
    for typed in (*typings, "نوین پرداز", "رضایی علی", "%"):
        found = [d.title for d in list_deals(db, DealFilter(search=typed))]
        assert found == ([] if typed == "%" else ["ارسال پیش‌فاکتور"]), typed


def test_a_won_deals_purchases_follow_its_new_customer(db: Database, rep: str) -> None:
    first = contacts.create_contact(db, changes_from_text({"first_name": "مریم"})).id
    second = contacts.create_contact(db, changes_from_text({"first_name": "سارا"})).id
    deal = create_deal(db, deal_changes_from_text({"title": "A", "contact": first})).id
    line = _line(db, deal, 100)
    move_deal(db, deal, stage_of(db, WON), closing=Closing(on=dt.date(2026, 10, 1)))
    update_deal(db, deal, DealChanges(contact_id=second))
    assert _purchase(db, line) == (second, dt.date(2026, 10, 1))
