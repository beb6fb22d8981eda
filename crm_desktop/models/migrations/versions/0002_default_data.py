"""Default Persian data: the sales pipeline, lost reasons, lead sources, activity types.

Rows get fixed ids so that every laptop creates the same rows and sync merges them
instead of duplicating them.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 11:00:00
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

CREATED = dt.datetime(2026, 1, 1)
PIPELINE_ID = "00000000-0000-7000-8000-000000000001"

STAGES = [
    # name, probability %, won, lost
    ("سرنخ جدید", 10, False, False),
    ("تماس اولیه", 20, False, False),
    ("نیازسنجی", 40, False, False),
    ("ارسال پیش‌فاکتور", 60, False, False),
    ("مذاکره", 80, False, False),
    ("برنده", 100, True, False),
    ("از دست رفته", 0, False, True),
]
LOST_REASONS = [
    "قیمت بالا",
    "انتخاب رقیب",
    "نبود بودجه",
    "عدم پاسخ‌گویی مشتری",
    "نیاز مشتری برطرف شد",
    "زمان نامناسب خرید",
    "سایر",
]
LEAD_SOURCES = [
    "جستجوی اینترنتی",
    "تبلیغات اینترنتی",
    "شبکه‌های اجتماعی",
    "معرفی مشتریان",
    "مراجعهٔ حضوری",
    "نمایشگاه و رویداد",
    "تماس تلفنی",
    "وب‌سایت",
    "سایر",
]
ACTIVITY_TYPES = [
    ("call", "تماس تلفنی"),
    ("meeting", "جلسه"),
    ("email", "ایمیل"),
    ("sms", "پیامک"),
    ("note", "یادداشت"),
    ("task", "کار"),
]
TEMPLATES = [
    (
        "تبریک تولد",
        "sms",
        None,
        "{نام} عزیز، زادروزتان خجسته باد. با آرزوی بهترین‌ها از طرف {شرکت_ما}.",
    ),
    (
        "پیگیری پیش‌فاکتور",
        "email",
        "پیگیری پیش‌فاکتور {شماره}",
        "{نام} گرامی، سلام.\nپیش‌فاکتور ارسالی را دریافت کرده‌اید؟ "
        "اگر پرسشی دارید در خدمتیم.\nبا احترام، {کارشناس}",
    ),
    (
        "خوش‌آمدگویی",
        "email",
        "به جمع مشتریان {شرکت_ما} خوش آمدید",
        "{نام} گرامی، از اعتماد شما سپاسگزاریم.\nکارشناس شما: {کارشناس}",
    ),
]


def fixed_id(group: int, n: int) -> str:
    return f"00000000-0000-7000-8{group:03x}-{n:012x}"


def _table(name: str, *columns: str) -> sa.TableClause:
    common = ("id", "created_at", "updated_at")
    return sa.table(name, *(sa.column(c) for c in (*common, *columns)))


def _rows(**values: object) -> dict[str, object]:
    return {"created_at": CREATED, "updated_at": CREATED, **values}


def upgrade() -> None:
    op.bulk_insert(
        _table("pipelines", "name", "is_default", "position"),
        [_rows(id=PIPELINE_ID, name="فروش", is_default=True, position=0)],
    )
    op.bulk_insert(
        _table("stages", "pipeline_id", "name", "position", "probability", "is_won", "is_lost"),
        [
            _rows(
                id=fixed_id(2, i),
                pipeline_id=PIPELINE_ID,
                name=name,
                position=i,
                probability=probability,
                is_won=won,
                is_lost=lost,
            )
            for i, (name, probability, won, lost) in enumerate(STAGES)
        ],
    )
    op.bulk_insert(
        _table("lost_reasons", "name", "position"),
        [_rows(id=fixed_id(3, i), name=n, position=i) for i, n in enumerate(LOST_REASONS)],
    )
    op.bulk_insert(
        _table("lead_sources", "name", "position"),
        [_rows(id=fixed_id(4, i), name=n, position=i) for i, n in enumerate(LEAD_SOURCES)],
    )
    op.bulk_insert(
        _table("activity_types", "code", "name", "position"),
        [
            _rows(id=fixed_id(5, i), code=code, name=name, position=i)
            for i, (code, name) in enumerate(ACTIVITY_TYPES)
        ],
    )
    op.bulk_insert(
        _table("message_templates", "name", "channel", "subject", "body"),
        [
            _rows(id=fixed_id(6, i), name=name, channel=channel, subject=subject, body=body)
            for i, (name, channel, subject, body) in enumerate(TEMPLATES)
        ],
    )


def downgrade() -> None:
    for table in ("message_templates", "activity_types", "lead_sources", "lost_reasons"):
        op.execute(sa.text(f"DELETE FROM {table} WHERE id LIKE '00000000-0000-7000-8%'"))
    op.execute(sa.text("DELETE FROM stages WHERE pipeline_id = :p").bindparams(p=PIPELINE_ID))
    op.execute(sa.text("DELETE FROM pipelines WHERE id = :p").bindparams(p=PIPELINE_ID))
