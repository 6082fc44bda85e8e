"""The per-process resources the routes use, built once in the app's lifespan."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker
from starlette.requests import Request

from service.cache import Invalidator, PageCache
from service.directory import Directory
from service.models import Submission
from service.pipeline import Pipeline
from service.queue import Queue
from service.settings import Settings


@dataclass
class AppState:
    settings: Settings
    engine: AsyncEngine
    sessionmaker: async_sessionmaker[AsyncSession]
    directory: Directory
    cache: PageCache
    invalidator: Invalidator
    pipeline: Pipeline
    queue: Queue
    limiter: Any
    queue_kind: str
    scorer_name: str
    extras: dict[str, Any] = field(default_factory=dict)

    async def ping(self) -> None:
        async with self.engine.connect() as conn:
            await conn.execute(text("SELECT 1"))

    async def seen_idempotency(self, site_id: int, who: str, key: str) -> bool:
        async with self.sessionmaker() as session:
            found = await session.execute(
                select(Submission.id).where(
                    Submission.site_id == site_id,
                    Submission.client_hash == who,
                    Submission.idempotency_key == key,
                )
            )
            return found.first() is not None

    async def reported(self, submission_id: str, site_id: int, reason: str, count: int) -> None:
        """Hook for later features (webhooks, hide at N reports); a no-op by default."""
        for hook in self.extras.get("report_hooks", []):
            await hook(submission_id, site_id, reason, count)


def state_of(request: Request) -> AppState:
    return request.app.state.safeguard  # type: ignore[no-any-return]
