"""contacts: the lead score is worked out from rules, and lists sort by it

The score used to be typed (and was 0 almost everywhere). From now on it follows
simple rules (``services.lead_score``) and is not a change of its own: the capture
triggers made again after this step leave it out. Every contact's score is worked out
here once, from the rules as they stand in this revision; an index lets the contacts
list sort by it.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-08 04:00:00
"""

from __future__ import annotations

import datetime as dt
import json

import sqlalchemy as sa
from alembic import op

from crm_desktop.models.capture import TRIGGER_PREFIX

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

# The rules of this revision, frozen here (the service may change them later).
_WARM_NAMES = ("معرفی مشتریان", "مراجعهٔ حضوری", "نمایشگاه و رویداد")
_SCORE = """
MIN(100,
  (CASE WHEN contacts.lead_source_id IN (SELECT value FROM json_each(:warm)) THEN 20
        WHEN contacts.lead_source_id IS NOT NULL THEN 10 ELSE 0 END)
  + MIN(30, 10 * (SELECT count(*) FROM activities a WHERE a.contact_id = contacts.id
                  AND a.deleted_at IS NULL AND a.done_at >= :since))
  + (CASE WHEN EXISTS (SELECT 1 FROM contact_phones p WHERE p.contact_id = contacts.id
                       AND p.deleted_at IS NULL) THEN 10 ELSE 0 END)
  + (CASE WHEN EXISTS (SELECT 1 FROM contact_emails e WHERE e.contact_id = contacts.id
                       AND e.deleted_at IS NULL) THEN 10 ELSE 0 END)
  + (CASE WHEN EXISTS (SELECT 1 FROM deals d JOIN stages s ON s.id = d.stage_id
                       WHERE d.contact_id = contacts.id AND d.deleted_at IS NULL
                       AND NOT s.is_won AND NOT s.is_lost) THEN 20 ELSE 0 END)
  + (CASE WHEN EXISTS (SELECT 1 FROM deal_lines l WHERE l.contact_id = contacts.id
                       AND l.deleted_at IS NULL AND l.purchased_on IS NOT NULL)
          THEN 10 ELSE 0 END))
"""


def upgrade() -> None:
    bind = op.get_bind()
    warm = [
        row_id
        for row_id, name in bind.execute(sa.text("SELECT id, name FROM lead_sources"))
        if name in _WARM_NAMES
    ]
    since = dt.datetime.now(dt.UTC).replace(tzinfo=None) - dt.timedelta(days=30)
    # The contacts' update trigger of the last step still logs the score: dropped for
    # this (a worked-out value is not a change anybody made); it is made again, without
    # the score, once this step is done (``migrations/env.py``).
    op.execute(sa.text(f'DROP TRIGGER IF EXISTS "{TRIGGER_PREFIX}contacts_update"'))
    op.execute(
        sa.text(f"UPDATE contacts SET lead_score = {_SCORE}").bindparams(
            warm=json.dumps(warm), since=since.isoformat(sep=" ")
        )
    )
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.create_index("ix_contacts_lead_score", ["lead_score"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.drop_index("ix_contacts_lead_score")
