"""Alembic environment: runs on the connection handed over by ``open_database``."""

from __future__ import annotations

from typing import Any

from alembic import context
from sqlalchemy import create_engine

from crm_desktop.models import Base
from crm_desktop.models.capture import install_triggers
from crm_desktop.models.database import include_object


def _capture_again(ctx: Any, *_args: Any, **_kwargs: Any) -> None:
    """After every step: the capture triggers for the schema as that step left it, so
    that the data moved by the next step is captured too (``models.capture``)."""
    install_triggers(ctx.connection, Base.metadata)


def run() -> None:
    config = context.config
    connection = config.attributes.get("connection")
    if connection is None:
        # Development use: `alembic -x db=path.sqlite3 revision --autogenerate`.
        url = f"sqlite:///{context.get_x_argument(as_dictionary=True)['db']}"
        with create_engine(url).begin() as conn:
            _configure_and_run(conn)
    else:
        _configure_and_run(connection)


def _configure_and_run(connection: Any) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,
        include_object=include_object,
        compare_type=True,
        on_version_apply=_capture_again,
    )
    with context.begin_transaction():
        context.run_migrations()


run()
