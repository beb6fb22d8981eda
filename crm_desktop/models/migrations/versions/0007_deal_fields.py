"""deals: their own probability, priority, the comment on a lost deal; cards in order

A deal's probability comes from its stage unless a rep sets its own (NULL: the
stage's); its priority is low, normal, high or urgent; a lost deal keeps a comment
beside its lost reason. No value changes: every deal keeps its stage's probability.
An index on (stage, position) reads a kanban column's first cards in order.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07 23:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("deals", schema=None) as batch_op:
        batch_op.add_column(sa.Column("probability", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("priority", sa.String(length=10), nullable=True))
        batch_op.add_column(sa.Column("lost_comment", sa.Text(), nullable=True))
        batch_op.create_index(
            "ix_deals_stage_position", ["stage_id", "position", "id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("deals", schema=None) as batch_op:
        batch_op.drop_index("ix_deals_stage_position")
        batch_op.drop_column("lost_comment")
        batch_op.drop_column("priority")
        batch_op.drop_column("probability")
