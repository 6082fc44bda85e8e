"""Database engines and sessions: one async engine per process, SQLite tuned for concurrency."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine

from service.settings import Settings


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # WAL lets readers and the writer work at once; busy_timeout makes writers queue instead of
    # failing with "database is locked" when the worker and a request write together.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA foreign_keys=ON")
    # Redacted or erased text must not linger in free pages of the file.
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.close()


def make_engine(settings: Settings, **kwargs: Any) -> AsyncEngine:
    if settings.is_sqlite:
        engine = create_async_engine(settings.database_url, **kwargs)
        event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
        return engine
    kwargs.setdefault("pool_size", 10)
    kwargs.setdefault("max_overflow", 20)
    kwargs.setdefault("pool_pre_ping", True)
    return create_async_engine(settings.database_url, **kwargs)


def make_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False)
