"""A contact's history: every way of changing it shows, with who and what, newest first;
and the command line prints it (``history ID``), lists imports and undoes one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crm_desktop.cli import main
from crm_desktop.models.database import Database
from crm_desktop.services import bulk, contacts, merge, operations, undo
from crm_desktop.services.fields import changes_from_text
from crm_desktop.services.history import record_history
from crm_desktop.services.importer import import_file
from crm_desktop.services.users import create_user, set_current_user
from tests.importer_files import write_xlsx


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_five_ways_of_changing_a_contact_all_show_in_its_history(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sara = create_user(db, "سارا احمدی", "sara")
    reza = create_user(db, "رضا کریمی", "reza")
    set_current_user(db, sara.id)
    cid = contacts.create_contact(
        db, changes_from_text({"first_name": "علی", "last_name": "رضایی", "phone": "09121234567"})
    ).id
    # 1. the window's edit and 2. the command line's both go through update_contact;
    # the command line is run for real.
    contacts.update_contact(db, cid, changes_from_text({"city": "تهران"}))
    code, _, err = run(capsys, "--db", str(db.path), "contact", "edit", cid, "job_title=مدیر")
    assert code == 0, err
    set_current_user(db, reza.id)
    bulk.set_field(db, [cid], "lifecycle", "customer")  # 3. a bulk action
    twin = contacts.create_contact(
        db, changes_from_text({"first_name": "علی", "last_name": "رضایی", "email": "a@b.ir"})
    ).id
    merge.merge_contacts(db, cid, [twin])  # 4. a merge
    path = write_xlsx(
        tmp_path / "a.xlsx",
        [["نام", "نام خانوادگی", "موبایل", "استان"], ["علی", "رضایی", "09121234567", "تهران"]],
    )
    imported = operations.run(db, import_file, db, path)  # 5. an import

    history = record_history(db, cid)
    kinds = [e.operation for e in history]
    assert kinds == ["import", "merge", "edit", "edit", "edit", "create"]
    by_kind = {e.operation: e for e in reversed(history)}
    assert [(c.field, c.old, c.new) for c in history[0].changes] == [("province", None, "تهران")]
    assert ("email", None, "a@b.ir") in [(c.field, c.old, c.new) for c in by_kind["merge"].changes]
    assert [(c.field, c.old, c.new) for c in history[2].changes] == [
        ("lifecycle", "lead", "customer")
    ]
    assert [e.user for e in history] == [*["رضا کریمی"] * 3, *["سارا احمدی"] * 3]
    assert [(c.field, c.new) for c in history[3].changes] == [("job_title", "مدیر")]
    assert [(c.field, c.new) for c in history[4].changes] == [("city", "تهران")]
    assert [c.label for c in history[4].changes] == ["شهر"]

    # The same from the command line, as JSON; and an undo shows as one more entry.
    undo.undo(db, imported.changes.op_ids[0])
    code, out, err = run(capsys, "--db", str(db.path), "history", cid, "--json")
    assert code == 0, err
    rows = json.loads(out)
    assert rows[0] == {
        "at": rows[0]["at"],
        "user": "رضا کریمی",
        "operation": "undo",
        "field": "province",
        "old": "تهران",
        "new": None,
    }
    assert {"edit", "create", "merge", "import", "undo"} <= {r["operation"] for r in rows}
    code, out, _ = run(capsys, "--db", str(db.path), "history", cid)
    assert "واگرد" in out and "شهر: — → تهران" in out and "سارا احمدی" in out


def test_imports_are_listed_undone_and_redone_from_the_command_line(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_xlsx(tmp_path / "office.xlsx", [["نام", "موبایل"], ["مینا", "09131112222"]])
    code, out, err = run(capsys, "--db", str(db.path), "import", str(path), "--json")
    assert code == 0, err
    import_id = json.loads(out)["import_id"]
    code, out, _ = run(capsys, "--db", str(db.path), "imports", "--json")
    (listed,) = json.loads(out)
    assert (listed["import_id"], listed["file"], listed["created"], listed["undone"]) == (
        import_id,
        "office.xlsx",
        1,
        False,
    )
    assert set(listed) == {"import_id", "file", "at", "user", "created", "updated", "undone"}

    code, out, err = run(capsys, "--db", str(db.path), "import", "--undo", import_id)
    assert code == 0, err
    assert contacts.contact_ids(db) == []
    code, _, err = run(capsys, "--db", str(db.path), "import", "--undo", import_id)
    assert code == 2 and err.count("\n") == 1  # already undone: one line, nothing written
    code, out, _ = run(capsys, "--db", str(db.path), "imports", "--json")
    assert json.loads(out)[0]["undone"] is True
    code, _, err = run(capsys, "--db", str(db.path), "import", "--redo", import_id)
    assert code == 0, err
    assert [c.first_name for c in contacts.list_contacts(db)] == ["مینا"]
    code, _, err = run(capsys, "--db", str(db.path), "import", "--undo", "no-such-import")
    assert (code == 2 and "no-such-import" in err) or code == 2
    code, _, err = run(capsys, "--db", str(db.path), "import")
    assert code == 2 and err.count("\n") == 1


def test_history_of_an_unknown_record_exits_2(
    db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "--db", str(db.path), "history", "nobody")
    assert (code, out) == (2, "") and err.count("\n") == 1


def test_a_creation_shows_what_the_record_was_made_with_even_after_later_edits(
    db: Database,
) -> None:
    made = operations.run(
        db,
        contacts.create_contact,
        db,
        changes_from_text(
            {"first_name": "مینا", "last_name": "کاظمی", "city": "شیراز", "phone": "09351112233"}
        ),
    )
    cid = made.result.id
    # Undo of the creation removes the contact; redo brings it back with the same id
    # and values.
    undo.undo(db, made.changes.op_ids[0])
    undo.redo(db, made.changes.op_ids[0])
    contacts.update_contact(db, cid, changes_from_text({"city": "اصفهان", "job_title": "مدیر"}))
    contacts.update_contact(db, cid, changes_from_text({"city": "تبریز"}))

    history = record_history(db, cid)
    assert [e.operation for e in history] == ["edit", "edit", "redo", "undo", "create"]
    values = {c.field: (c.old, c.new) for c in history[-1].changes}
    # As it was made: Shiraz, not the Tabriz of today; no job title yet.
    assert values["first_name"] == (None, "مینا")
    assert values["city"] == (None, "شیراز")
    assert "job_title" not in values
    assert values["phone"] == (None, "+989351112233")
    assert values["lifecycle"] == (None, "lead")
    assert [(c.field, c.old, c.new) for c in history[0].changes] == [("city", "اصفهان", "تبریز")]
