"""Pipelines and their stages: found by the names people type, and edited.

An office sells through one pipeline or several, each a row of stages in order; one
is the default (where a new deal goes). Stages are matched by name the way every name
is (``search_key``: ي/ی, ZWNJ and case do not matter). Editing never orphans a deal:
deals hold their stage's id, so a rename changes nothing of them, and a stage is
removed only once its deals have gone to another (in the same transaction).
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from crm_desktop.errors import InvalidInput, NotFound
from crm_desktop.locale import normalize_text, search_key
from crm_desktop.models import Deal, LostReason, Pipeline, Stage, utcnow
from crm_desktop.models.capture import mark_operation
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


def pipeline_choices(session: Session) -> tuple[str, list[tuple[str, str]]]:
    """The default pipeline's id, and (id, name) of every live pipeline in order."""
    default = default_pipeline(session).id
    found = session.scalars(
        select(Pipeline).where(Pipeline.deleted_at.is_(None)).order_by(Pipeline.position)
    )
    return default, [(p.id, p.name) for p in found]


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


# ------------------------------------------------------------- editing the stages

# What a stage says of its deals: still open, won, or lost.
OUTCOMES = ("open", "won", "lost")


def check_probability(value: int) -> int:
    """A percent, or ``InvalidInput``."""
    if not 0 <= value <= 100:
        raise InvalidInput(
            "احتمال باید از ۰ تا ۱۰۰ درصد باشد.", "a probability is a percent from 0 to 100"
        )
    return value


def _stage_name(session: Session, pipeline_id: str, name: str, *, other_than: str | None) -> str:
    text = normalize_text(name)
    if not text:
        raise InvalidInput("مرحله باید نام داشته باشد.", "a stage needs a name")
    for stage in pipeline_stages(session, pipeline_id):
        if stage.id != other_than and search_key(stage.name) == search_key(text):
            raise InvalidInput(
                f"مرحله‌ای به نام «{text}» در این خط فروش هست.",
                f"this pipeline has a stage named {text!r} already",
            )
    return text


def _renumber(stages: list[Stage]) -> None:
    for position, stage in enumerate(stages):
        if stage.position != position:
            stage.position = position


def add_stage(
    db: Database,
    pipeline_id: str,
    name: str,
    probability: int,
    *,
    outcome: str = "open",
    before: str | None = None,
) -> str:
    """A new stage, before the stage ``before`` (else before the won and lost ones, as
    the last open stage); its id."""
    if outcome not in OUTCOMES:
        raise ValueError(outcome)
    with db.session() as session:
        stages = pipeline_stages(session, pipeline_id)
        if not stages and session.get(Pipeline, pipeline_id) is None:
            raise NotFound("این خط فروش وجود ندارد.", f"no pipeline with id {pipeline_id!r}")
        stage = Stage(
            pipeline_id=pipeline_id,
            name=_stage_name(session, pipeline_id, name, other_than=None),
            probability=check_probability(probability),
            is_won=outcome == "won",
            is_lost=outcome == "lost",
        )
        at = next((i for i, s in enumerate(stages) if s.id == before), None)
        if at is None:
            at = next((i for i, s in enumerate(stages) if s.is_won or s.is_lost), len(stages))
        stages.insert(at, stage)
        session.add(stage)
        _renumber(stages)
        session.flush()
        return stage.id


def update_stage(
    db: Database,
    stage_id: str,
    *,
    name: str | None = None,
    probability: int | None = None,
    outcome: str | None = None,
) -> None:
    """Rename a stage, set its probability or what it says of its deals. Its deals stay
    in it (renaming orphans nothing: they hold the stage's id, not its name)."""
    with db.session() as session:
        stage = live_stage(session, stage_id)
        if name is not None:
            stage.name = _stage_name(session, stage.pipeline_id, name, other_than=stage.id)
        if probability is not None:
            stage.probability = check_probability(probability)
        if outcome is not None:
            if outcome not in OUTCOMES:
                raise ValueError(outcome)
            was = "won" if stage.is_won else "lost" if stage.is_lost else "open"
            if outcome != was:
                _refuse_if_holding(session, stage, "its outcome changes")
            stage.is_won, stage.is_lost = outcome == "won", outcome == "lost"


def _refuse_if_holding(session: Session, stage: Stage, why: str) -> None:
    """A stage's deals were closed (or not) as its outcome said: while it holds any,
    that stays (move them first, so that each is asked what won or lost needs)."""
    held = session.scalar(
        select(func.count(Deal.id)).where(Deal.stage_id == stage.id, Deal.deleted_at.is_(None))
    )
    if held:
        raise InvalidInput(
            f"«{stage.name}» {held} معامله دارد؛ پیش از تغییر نتیجهٔ آن، معامله‌ها را جابه‌جا کنید.",
            f"'{stage.name}' holds {held} deals: move them before {why}",
        )


def move_stage(db: Database, stage_id: str, index: int) -> None:
    """Put a stage at ``index`` (from 0) among its pipeline's stages."""
    with db.session() as session:
        stage = live_stage(session, stage_id)
        stages = [s for s in pipeline_stages(session, stage.pipeline_id) if s.id != stage.id]
        stages.insert(max(0, min(index, len(stages))), stage)
        _renumber(stages)


def stage_deal_count(db: Database, stage_id: str) -> int:
    with db.session() as session:
        return int(
            session.scalar(
                select(func.count(Deal.id)).where(
                    Deal.stage_id == stage_id, Deal.deleted_at.is_(None)
                )
            )
            or 0
        )


def remove_stage(db: Database, stage_id: str, *, deals_to: str | None = None) -> None:
    """Remove a stage; its deals go to the open stage ``deals_to`` first (at the end of
    its column), in the same transaction. A stage with deals and nowhere to put them,
    or the last open stage of its pipeline, stays (``InvalidInput``)."""
    from crm_desktop.services.deals import put_in_stage

    with db.session() as session:
        stage = live_stage(session, stage_id)
        stages = pipeline_stages(session, stage.pipeline_id)
        if not stage.is_won and not stage.is_lost:
            others_open = [s for s in stages if s.id != stage.id and not (s.is_won or s.is_lost)]
            if not others_open:
                raise InvalidInput(
                    "خط فروش دست‌کم یک مرحلهٔ باز لازم دارد.",
                    "a pipeline needs at least one open stage",
                )
        deals = list(
            session.scalars(
                select(Deal)
                .where(Deal.stage_id == stage.id, Deal.deleted_at.is_(None))
                .order_by(Deal.position, Deal.id)
            )
        )
        if deals:
            target = live_stage(session, deals_to) if deals_to else None
            if target is None or target.id == stage.id or target.is_won or target.is_lost:
                raise InvalidInput(
                    f"«{stage.name}» {len(deals)} معامله دارد؛ بگویید به کدام مرحلهٔ باز بروند.",
                    f"'{stage.name}' holds {len(deals)} deals: say which open stage they go to",
                )
            for deal in deals:
                put_in_stage(session, deal, target)
        # One operation, named for what the user did (each deal's history says so).
        mark_operation(session, "remove_stage", ref=stage.id, label=stage.name)
        stage.deleted_at = utcnow()
        _renumber([s for s in stages if s.id != stage.id])


def add_pipeline(db: Database, name: str) -> str:
    """A new pipeline with the default one's stages (names, probabilities, won and
    lost), to edit from there; its id."""
    with db.session() as session:
        text = normalize_text(name)
        pipelines = session.scalars(select(Pipeline).where(Pipeline.deleted_at.is_(None))).all()
        if not text or any(search_key(p.name) == search_key(text) for p in pipelines):
            raise InvalidInput(
                f"نام «{text}» برای خط فروش جدیدی نمی‌شود (خالی یا تکراری).",
                f"{text!r} cannot name a new pipeline (empty, or taken)",
            )
        model = pipeline_stages(session, default_pipeline(session).id)
        pipeline = Pipeline(name=text, position=len(pipelines), is_default=False)
        session.add(pipeline)
        session.flush()
        for position, stage in enumerate(model):
            session.add(
                Stage(
                    pipeline_id=pipeline.id,
                    name=stage.name,
                    position=position,
                    probability=stage.probability,
                    is_won=stage.is_won,
                    is_lost=stage.is_lost,
                )
            )
        return pipeline.id


# ------------------------------------------------------------------ lost reasons


def _reason_name(session: Session, name: str, *, other_than: str | None) -> str:
    text = normalize_text(name)
    if not text:
        raise InvalidInput("دلیل باید نام داشته باشد.", "a lost reason needs a name")
    for reason in session.scalars(select(LostReason).where(LostReason.deleted_at.is_(None))):
        if reason.id != other_than and search_key(reason.name) == search_key(text):
            raise InvalidInput(
                f"دلیل «{text}» در فهرست هست.", f"{text!r} is on the list of lost reasons already"
            )
    return text


def add_lost_reason(db: Database, name: str) -> str:
    """A new lost reason, last on the list; its id."""
    with db.session() as session:
        count = session.scalar(
            select(func.count(LostReason.id)).where(LostReason.deleted_at.is_(None))
        )
        reason = LostReason(name=_reason_name(session, name, other_than=None), position=count or 0)
        session.add(reason)
        session.flush()
        return reason.id


def rename_lost_reason(db: Database, reason_id: str, name: str) -> None:
    """A new name for a reason: deals lost for it keep it (they hold its id)."""
    with db.session() as session:
        reason = session.get(LostReason, reason_id)
        if reason is None or reason.deleted_at is not None:
            raise NotFound("این دلیل وجود ندارد.", f"no lost reason with id {reason_id!r}")
        reason.name = _reason_name(session, name, other_than=reason.id)


def remove_lost_reason(db: Database, reason_id: str) -> None:
    """Take a reason off the list offered for new losses; deals lost for it keep it,
    named as it was."""
    with db.session() as session:
        reason = session.get(LostReason, reason_id)
        if reason is None or reason.deleted_at is not None:
            raise NotFound("این دلیل وجود ندارد.", f"no lost reason with id {reason_id!r}")
        reason.deleted_at = utcnow()
