"""The schema is made only by Alembic: empty -> head -> base on SQLite and on PostgreSQL."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from sqlalchemy import inspect

from service.cli import downgrade, migrate
from service.db import make_engine
from tests.conftest import make_settings, sqlite_url

CORE_TABLES = {"sites", "threads", "submissions", "reports", "audit_events", "users", "memberships"}


async def _tables(settings: object) -> set[str]:
    engine = make_engine(settings)  # type: ignore[arg-type]
    try:
        async with engine.connect() as conn:
            return set(await conn.run_sync(lambda c: inspect(c).get_table_names()))
    finally:
        await engine.dispose()


def _round_trip(url: str) -> None:
    settings = make_settings(url)
    assert asyncio.run(_tables(settings)) - {"alembic_version"} == set()
    migrate(settings)
    assert CORE_TABLES <= asyncio.run(_tables(settings))
    downgrade(settings, "base")
    assert asyncio.run(_tables(settings)) - {"alembic_version"} == set()
    migrate(settings)  # and back up again: downgrade left nothing behind that blocks it
    assert CORE_TABLES <= asyncio.run(_tables(settings))


def test_sqlite_empty_to_head_to_base(tmp_path: Path) -> None:
    _round_trip(sqlite_url(tmp_path))


@pytest.mark.postgres
def test_postgres_empty_to_head_to_base(pg_url: str) -> None:
    _round_trip(pg_url)


def test_models_match_the_migrations(tmp_path: Path) -> None:
    """A model change without a migration fails here (alembic's autogenerate finds no diff)."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    import service.models_extra  # noqa: F401
    from service.models import Base

    settings = make_settings(sqlite_url(tmp_path))
    migrate(settings)

    async def diff() -> list[object]:
        engine = make_engine(settings)
        try:
            async with engine.connect() as conn:
                return await conn.run_sync(
                    lambda c: compare_metadata(MigrationContext.configure(c), Base.metadata))
        finally:
            await engine.dispose()

    assert asyncio.run(diff()) == []
