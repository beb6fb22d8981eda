"""Pipelines and their stages: found by the names people type.

An office sells through one pipeline or several, each a row of stages in order; one
is the default (where a new deal goes). Stages are matched by name the way every name
is (``search_key``: ي/ی, ZWNJ and case do not matter).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from crm_desktop.errors import InvalidInput, NotFound
from crm_desktop.locale import search_key
from crm_desktop.models import Pipeline, Stage
from crm_desktop.models.database import Database


def default_pipeline(session: Session) -> Pipeline:
    pipeline = session.scalar(
        select(Pipeline)
        .where(Pipeline.deleted_at.is_(None))
        .order_by(Pipeline.is_default.desc(), Pipeline.position)
        .limit(1)
    )
    if pipeline is None:
        raise InvalidInput(
            "هیچ خط فروشی تعریف نشده است؛ نخست در تنظیمات یکی بسازید.",
            "no pipeline exists; make one in the settings first",
        )
    return pipeline


def find_pipeline(session: Session, name: str | None) -> Pipeline:
    """A pipeline by name (the default one for None)."""
    if name is None:
        return default_pipeline(session)
    pipelines = session.scalars(
        select(Pipeline).where(Pipeline.deleted_at.is_(None)).order_by(Pipeline.position)
    ).all()
    for pipeline in pipelines:
        if search_key(pipeline.name) == search_key(name):
            return pipeline
    known = "، ".join(p.name for p in pipelines)
    raise InvalidInput(
        f"خط فروشی به نام «{name}» نیست. خط‌های فروش: {known}",
        f"no pipeline named {name!r}; pipelines: {', '.join(p.name for p in pipelines)}",
    )


def pipeline_stages(session: Session, pipeline_id: str) -> list[Stage]:
    return list(
        session.scalars(
            select(Stage)
            .where(Stage.pipeline_id == pipeline_id, Stage.deleted_at.is_(None))
            .order_by(Stage.position)
        )
    )


def find_stage(session: Session, name: str, pipeline_id: str | None = None) -> Stage:
    """A stage by name: in ``pipeline_id``'s stages, else the default pipeline's first,
    then the others'."""
    if pipeline_id is None:
        pipelines = [default_pipeline(session).id] + [
            p
            for p in session.scalars(
                select(Pipeline.id).where(Pipeline.deleted_at.is_(None)).order_by(Pipeline.position)
            )
        ]
    else:
        pipelines = [pipeline_id]
    key = search_key(name)
    for pipeline in dict.fromkeys(pipelines):
        for stage in pipeline_stages(session, pipeline):
            if search_key(stage.name) == key:
                return stage
    known = "، ".join(s.name for s in pipeline_stages(session, pipelines[0]))
    english = ", ".join(s.name for s in pipeline_stages(session, pipelines[0]))
    raise InvalidInput(
        f"مرحله‌ای به نام «{name}» نیست. مرحله‌ها: {known}",
        f"no stage named {name!r}; stages: {english}",
    )


def live_stage(session: Session, stage_id: str) -> Stage:
    stage = session.get(Stage, stage_id)
    if stage is None or stage.deleted_at is not None:
        raise NotFound("این مرحله وجود ندارد.", f"no stage with id {stage_id!r}")
    return stage


def stage_of(db: Database, name: str, pipeline: str | None = None) -> str:
    """A stage's id by its name (in the named pipeline, else the default one first)."""
    with db.session() as session:
        pipeline_id = find_pipeline(session, pipeline).id if pipeline else None
        return find_stage(session, name, pipeline_id).id
