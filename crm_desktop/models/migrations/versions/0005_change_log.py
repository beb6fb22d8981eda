"""change log: operations, change_log, created_by, order keys, checks, site and clock

Every synced table gets ``created_by``; the change log and its operations come in; the
capture triggers are made after this step (``env.py``: after every step). Deal
positions become order keys, in the order they had. Enumerations get CHECKs. A deal's
pipeline follows its stage. The search index's triggers obey ``crm_indexing()``
instead of being dropped by big jobs.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02 19:00:00
"""

from __future__ import annotations

import time

import sqlalchemy as sa
from alembic import op

from crm_desktop.models.capture import CLOCK_KEY, SITE_KEY, next_clock
from crm_desktop.models.ids import new_id
from crm_desktop.models.order_keys import spread_keys

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

TRACKED = (
    "users",
    "companies",
    "contacts",
    "contact_phones",
    "contact_emails",
    "tags",
    "contact_tags",
    "segments",
    "lead_sources",
    "campaigns",
    "pipelines",
    "stages",
    "lost_reasons",
    "deals",
    "products",
    "deal_lines",
    "activity_types",
    "activities",
    "targets",
    "service_requests",
    "message_templates",
    "imports",
    "import_changes",
)
CHECKS: dict[str, dict[str, tuple[str, ...]]] = {
    "users": {"role": ("manager", "rep")},
    "contacts": {"lifecycle": ("lead", "prospect", "customer", "inactive")},
    "service_requests": {
        "priority": ("low", "normal", "high", "urgent"),
        "status": ("open", "in_progress", "resolved", "closed"),
    },
}
SEARCH_INDEXES = ("contact_fts", "contact_words")


def _check_sql(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def _search_triggers(*, obeying: bool) -> list[str]:
    when = "WHEN crm_indexing() " if obeying else ""
    insert = "".join(
        f"INSERT INTO {index}(rowid, body) VALUES (new.doc_id, new.body); "
        for index in SEARCH_INDEXES
    )
    delete = "".join(
        f"INSERT INTO {index}({index}, rowid, body) VALUES ('delete', old.doc_id, old.body); "
        for index in SEARCH_INDEXES
    )
    return [
        f"CREATE TRIGGER contact_search_ai AFTER INSERT ON contact_search {when}BEGIN {insert}END",
        f"CREATE TRIGGER contact_search_ad AFTER DELETE ON contact_search BEGIN {delete}END",
        "CREATE TRIGGER contact_search_au AFTER UPDATE OF body ON contact_search "
        f"{when}BEGIN {delete}{insert}END",
    ]


DEAL_PIPELINE_RULES = [
    # A deal's pipeline is its stage's: a move to another pipeline's stage moves it.
    f"CREATE TRIGGER crm_rule_deal_pipeline_{event} AFTER {event.upper()} "
    f"{'OF stage_id ' if event == 'update' else ''}ON deals "
    "WHEN NEW.pipeline_id IS NOT (SELECT pipeline_id FROM stages WHERE id = NEW.stage_id) "
    "BEGIN UPDATE deals SET pipeline_id = (SELECT pipeline_id FROM stages WHERE id = NEW.stage_id) "
    "WHERE id = NEW.id; END"
    for event in ("insert", "update")
]


CHANGE_LOG_RULES = [
    # Append-only: history cannot be rewritten, and no sequence number is given twice.
    f"CREATE TRIGGER crm_rule_change_log_{event} BEFORE {event.upper()} ON change_log "
    "BEGIN SELECT RAISE(ABORT, 'the change log is append-only'); END"
    for event in ("update", "delete")
]


def upgrade() -> None:
    op.create_table(
        "operations",
        sa.Column("op_id", sa.String(length=36), nullable=False),
        sa.Column("at", sa.String(length=32), nullable=False),
        sa.Column("hlc", sa.String(length=40), nullable=False),
        sa.Column("site_id", sa.String(length=36), nullable=False),
        sa.Column("user_id", sa.String(length=36), nullable=True),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("ref", sa.String(length=36), nullable=True),
        sa.Column("label", sa.Text(), nullable=True),
        sa.Column("undoes", sa.String(length=36), nullable=True),
        sa.PrimaryKeyConstraint("op_id", name=op.f("pk_operations")),
    )
    with op.batch_alter_table("operations") as batch_op:
        batch_op.create_index(batch_op.f("ix_operations_hlc"), ["hlc"], unique=False)
        batch_op.create_index(batch_op.f("ix_operations_ref"), ["ref"], unique=False)
        batch_op.create_index("ix_operations_undoes", ["undoes"], unique=False)
    op.create_table(
        "change_log",
        sa.Column("seq", sa.Integer(), nullable=False, autoincrement=True),
        sa.Column("op_id", sa.String(length=36), nullable=False),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("action", sa.String(length=10), nullable=False),
        sa.Column("changes", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_change_log")),
    )
    with op.batch_alter_table("change_log") as batch_op:
        batch_op.create_index("ix_change_log_op", ["op_id"], unique=False)
        batch_op.create_index("ix_change_log_record", ["record_id", "seq"], unique=False)

    for table in TRACKED:
        with op.batch_alter_table(table) as batch_op:
            batch_op.add_column(sa.Column("created_by", sa.String(length=36), nullable=True))
            batch_op.create_foreign_key(
                op.f(f"fk_{table}_created_by_users"), "users", ["created_by"], ["id"]
            )
            for column, values in CHECKS.get(table, {}).items():
                batch_op.create_check_constraint(column, _check_sql(column, values))
            if table == "deals":
                batch_op.alter_column(
                    "position", existing_type=sa.Float(), type_=sa.String(length=40)
                )
        # Who made a row before this version is not known: the last one who changed it.
        op.execute(f"UPDATE {table} SET created_by = updated_by")

    _order_deals()
    for statement in DEAL_PIPELINE_RULES + CHANGE_LOG_RULES:
        op.execute(statement)
    op.execute(
        "UPDATE deals SET pipeline_id = (SELECT pipeline_id FROM stages WHERE id = deals.stage_id) "
        "WHERE pipeline_id IS NOT (SELECT pipeline_id FROM stages WHERE id = deals.stage_id)"
    )
    for trigger in ("contact_search_ai", "contact_search_ad", "contact_search_au"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    for statement in _search_triggers(obeying=True):
        op.execute(statement)

    settings = sa.table("local_settings", sa.column("key"), sa.column("value"))
    op.bulk_insert(
        settings,
        [
            {"key": SITE_KEY, "value": new_id()},
            {"key": CLOCK_KEY, "value": next_clock(None, time.time_ns() // 1_000_000)},
        ],
    )


def _order_deals() -> None:
    """Each stage's deals get order keys in the order their old positions gave."""
    bind = op.get_bind()
    rows = bind.execute(
        sa.text("SELECT id, stage_id FROM deals ORDER BY stage_id, CAST(position AS REAL), id")
    ).all()
    by_stage: dict[str, list[str]] = {}
    for deal_id, stage_id in rows:
        by_stage.setdefault(stage_id, []).append(deal_id)
    updates = [
        {"id": deal_id, "key": key}
        for ids in by_stage.values()
        for deal_id, key in zip(ids, spread_keys(len(ids)), strict=True)
    ]
    if updates:
        bind.execute(sa.text("UPDATE deals SET position = :key WHERE id = :id"), updates)


def downgrade() -> None:
    bind = op.get_bind()
    for (trigger,) in bind.execute(
        sa.text("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'crm_%'")
    ).all():
        op.execute(f'DROP TRIGGER "{trigger}"')
    for trigger in ("contact_search_ai", "contact_search_ad", "contact_search_au"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    for statement in _search_triggers(obeying=False):
        op.execute(statement)
    rows = bind.execute(sa.text("SELECT id FROM deals ORDER BY stage_id, position, id")).all()
    for number, (deal_id,) in enumerate(rows):
        bind.execute(
            sa.text("UPDATE deals SET position = :p WHERE id = :id"),
            {"p": float(number), "id": deal_id},
        )
    for table in reversed(TRACKED):
        with op.batch_alter_table(table) as batch_op:
            if table == "deals":
                batch_op.alter_column(
                    "position", existing_type=sa.String(length=40), type_=sa.Float()
                )
            for column in CHECKS.get(table, {}):
                batch_op.drop_constraint(op.f(f"ck_{table}_{column}"), type_="check")
            batch_op.drop_constraint(op.f(f"fk_{table}_created_by_users"), type_="foreignkey")
            batch_op.drop_column("created_by")
    op.execute(f"DELETE FROM local_settings WHERE key IN ('{SITE_KEY}', '{CLOCK_KEY}')")
    op.drop_table("change_log")
    op.drop_table("operations")
