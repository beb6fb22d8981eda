"""Message templates filled with Persian text for one contact or many, and every message
sent logged on its contact as one undoable operation."""

from __future__ import annotations

import pytest

from crm_desktop.errors import InvalidInput
from crm_desktop.locale import from_jalali
from crm_desktop.models.database import Database
from crm_desktop.services import contacts, operations, undo
from crm_desktop.services.activity_list import ActivityFilter, list_activities
from crm_desktop.services.fields import changes_from_text
from crm_desktop.services.office import set_office_name
from crm_desktop.services.templates import (
    fill,
    fill_text,
    list_templates,
    log_sent,
    save_template,
)
from crm_desktop.services.users import create_user, set_current_user

TODAY = from_jalali(1405, 9, 17)


@pytest.fixture
def office(db: Database) -> dict[str, str]:
    sara = create_user(db, "سارا احمدی", "sara")
    set_current_user(db, sara.id)
    set_office_name(db, "آوا سیستم")
    ali = contacts.create_contact(
        db,
        changes_from_text(
            {
                "first_name": "علی",
                "last_name": "رضایی",
                "company": "پارس",
                "email": "ali@example.com",
                "birth_date": "1365/04/12",
            }
        ),
    ).id
    mina = contacts.create_contact(
        db, changes_from_text({"first_name": "مینا", "phone": "09121234567"})
    ).id
    return {"ali": ali, "mina": mina}


def test_the_default_templates_fill_in_persian(db: Database, office: dict[str, str]) -> None:
    by_name = {t.name: t for t in list_templates(db)}
    (birthday,) = fill(db, by_name["تبریک تولد"], [office["mina"]], today=TODAY)
    assert birthday.body == "مینا عزیز، زادروزتان خجسته باد. با آرزوی بهترین‌ها از طرف آوا سیستم."
    assert birthday.to == "+989121234567" and birthday.unfilled == ()
    (follow,) = fill(db, by_name["پیگیری پیش‌فاکتور"], [office["ali"]], today=TODAY)
    assert follow.to == "ali@example.com"
    assert follow.body.startswith("علی گرامی، سلام.") and follow.body.endswith("سارا احمدی")
    # Nobody knows the invoice number: it stays for the rep to fill, and is said.
    assert follow.subject == "پیگیری پیش‌فاکتور {شماره}" and follow.unfilled == ("{شماره}",)


def test_every_placeholder_in_both_languages() -> None:
    values = {
        "first_name": "علی",
        "last_name": "رضایی",
        "full_name": "علی رضایی",
        "company": "پارس",
        "our_company": "آوا",
        "rep": "سارا",
        "today": "۱۷ آذر ۱۴۰۵",
        "birth_date": "۱۲ تیر ۱۳۶۵",
    }
    text = "{نام} {نام_خانوادگی}/{full_name}/{شرکت}/{our_company}/{کارشناس}/{today}/{تاریخ_تولد}"
    filled, unfilled = fill_text(text, values)
    assert filled == "علی رضایی/علی رضایی/پارس/آوا/سارا/۱۷ آذر ۱۴۰۵/۱۲ تیر ۱۳۶۵"
    assert unfilled == ()
    assert fill_text("{company} {نا_معلوم}", {"company": None}) == (
        "{company} {نا_معلوم}",
        ("{company}", "{نا_معلوم}"),
    )


def test_a_contacts_own_dates_and_rep(db: Database, office: dict[str, str]) -> None:
    template = save_template(
        db, None, name="یادآوری", channel="letter", subject=None, body="{تاریخ} - {تاریخ_تولد}"
    )
    (letter,) = fill(db, template, [office["ali"]], today=TODAY)
    assert letter.body == "۱۷ آذر ۱۴۰۵ - ۱۲ تیر ۱۳۶۵" and letter.to is None
    with pytest.raises(InvalidInput):
        save_template(db, None, name="", channel="sms", subject=None, body="x")
    with pytest.raises(InvalidInput):
        save_template(db, None, name="خالی", channel="fax", subject=None, body="x")


def test_sending_to_many_is_logged_on_each_as_one_step(
    db: Database, office: dict[str, str]
) -> None:
    template = {t.name: t for t in list_templates(db)}["خوش‌آمدگویی"]
    filled = fill(db, template, [office["ali"], office["mina"]], today=TODAY)
    done = operations.run(db, log_sent, db, template, filled)
    assert done.result == 2 and len(done.changes.op_ids) == 1
    for key in ("ali", "mina"):
        (logged,) = list_activities(db, ActivityFilter(contact_id=office[key]))
        assert logged.type == "email" and logged.done_at is not None
        assert logged.subject == "به جمع مشتریان آوا سیستم خوش آمدید"
        assert logged.body is not None and logged.body.startswith(
            "علی گرامی" if key == "ali" else "مینا گرامی"
        )
    (op_id,) = done.changes.op_ids
    undo.undo(db, op_id)
    assert list_activities(db, ActivityFilter(due="done")) == []
