"""Cached look-ups of sites and threads by their public keys (read on every widget request)."""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from service.models import Site, Thread, utcnow


@dataclass(frozen=True, slots=True)
class ThreadInfo:
    site_id: int
    site_key: str
    site_name: str
    origins: frozenset[str]
    thread_id: int
    key: str
    kind: str
    title: str
    url: str | None
    intro: str | None
    opens_at: datetime | None
    closes_at: datetime | None
    questions: tuple[dict[str, Any], ...]
    publish_responses: bool

    def state(self, now: datetime | None = None) -> str:
        now = now or utcnow()
        if self.opens_at is not None and now < self.opens_at:
            return "not_open"
        if self.closes_at is not None and now >= self.closes_at:
            return "closed"
        return "open"

    @property
    def private(self) -> bool:
        return self.kind == "feedback" or (self.kind == "consultation" and not self.publish_responses)

    def public_dict(self) -> dict[str, Any]:
        state = self.state()
        return {
            "site": self.site_key,
            "thread": self.key,
            "kind": self.kind,
            "title": self.title,
            "url": self.url,
            "intro": self.intro,
            "state": state,
            "open": state == "open",
            "opens_at": self.opens_at.isoformat() if self.opens_at else None,
            "closes_at": self.closes_at.isoformat() if self.closes_at else None,
            "questions": list(self.questions),
            "publishes_responses": not self.private,
        }


def normalise_questions(raw: Any) -> tuple[dict[str, Any], ...]:
    out = []
    for i, q in enumerate(raw or []):
        if isinstance(q, str):
            out.append({"id": f"q{i + 1}", "text": q})
        elif isinstance(q, dict):
            out.append({"id": str(q.get("id") or f"q{i + 1}"), "text": str(q.get("text", ""))})
    return tuple(out)


class Directory:
    """Site and thread metadata changes rarely: keep it for a few seconds per process."""

    def __init__(self, sessionmaker: async_sessionmaker[AsyncSession], ttl: float = 5.0) -> None:
        self.sessionmaker = sessionmaker
        self.ttl = ttl
        self._threads: dict[tuple[str, str], tuple[float, ThreadInfo | None]] = {}
        self._site_origins: dict[int, tuple[float, frozenset[str]]] = {}

    def forget(self) -> None:
        self._threads.clear()
        self._site_origins.clear()

    async def thread(self, site_key: str, thread_key: str) -> ThreadInfo | None:
        hit = self._threads.get((site_key, thread_key))
        now = time.monotonic()
        if hit is not None and hit[0] > now:
            return hit[1]
        async with self.sessionmaker() as session:
            row = (
                await session.execute(
                    select(Site, Thread)
                    .join(Thread, Thread.site_id == Site.id)
                    .where(Site.key == site_key, Thread.key == thread_key)
                )
            ).first()
        info = None
        if row is not None:
            site, thread = row
            info = ThreadInfo(
                site_id=site.id,
                site_key=site.key,
                site_name=site.name,
                origins=frozenset(site.origins or []),
                thread_id=thread.id,
                key=thread.key,
                kind=thread.kind,
                title=thread.title,
                url=thread.url,
                intro=thread.intro,
                opens_at=thread.opens_at,
                closes_at=thread.closes_at,
                questions=normalise_questions(thread.questions),
                publish_responses=thread.publish_responses,
            )
        # Misses are cached briefly too, so a flood of bad keys costs no database work.
        self._threads[(site_key, thread_key)] = (now + self.ttl, info)
        if len(self._threads) > 50_000:
            self._threads.clear()
        return info

    async def site_exists(self, site_key: str) -> Site | None:
        async with self.sessionmaker() as session:
            return (await session.execute(select(Site).where(Site.key == site_key))).scalar_one_or_none()

    async def origins_for_site_id(self, site_id: int) -> frozenset[str]:
        hit = self._site_origins.get(site_id)
        now = time.monotonic()
        if hit is not None and hit[0] > now:
            return hit[1]
        async with self.sessionmaker() as session:
            origins = (await session.execute(select(Site.origins).where(Site.id == site_id))).scalar()
        value = frozenset(origins or [])
        self._site_origins[site_id] = (now + self.ttl, value)
        return value
