"""Per-thread cache of rendered public pages, invalidated on publish (across processes via Redis)."""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

log = logging.getLogger("safeguard.cache")
CHANNEL = "safeguard:invalidate"


@dataclass(frozen=True, slots=True)
class Page:
    body: bytes
    etag: str
    expires: float


def etag_for(body: bytes) -> str:
    return '"' + hashlib.blake2b(body, digest_size=12).hexdigest() + '"'


class PageCache:
    """Readers far outnumber writers: serve the rendered JSON until something on the thread changes."""

    def __init__(self, ttl: float = 60.0, max_pages: int = 20_000) -> None:
        self.ttl = ttl
        self.max_pages = max_pages
        self._pages: dict[tuple[int, str], Page] = {}
        self._versions: dict[int, int] = {}

    def version(self, thread_id: int) -> int:
        return self._versions.get(thread_id, 0)

    def get(self, thread_id: int, key: str) -> Page | None:
        page = self._pages.get((thread_id, key))
        if page is None or page.expires < time.monotonic():
            return None
        return page

    def put(self, thread_id: int, key: str, body: bytes, version: int) -> Page:
        page = Page(body, etag_for(body), time.monotonic() + self.ttl)
        # A publish that landed while this page was being read makes it stale: don't keep it.
        if self.ttl > 0 and version == self.version(thread_id):
            if len(self._pages) >= self.max_pages:
                self._pages.clear()
            self._pages[(thread_id, key)] = page
        return page

    def invalidate(self, thread_ids: Iterable[int]) -> None:
        ids = set(thread_ids)
        for tid in ids:
            self._versions[tid] = self._versions.get(tid, 0) + 1
        for k in [k for k in self._pages if k[0] in ids]:
            self._pages.pop(k, None)


class Invalidator:
    """Tells every serve process that threads changed: locally always, through Redis when set."""

    def __init__(self, cache: PageCache, redis_url: str | None = None) -> None:
        self.cache = cache
        self.redis_url = redis_url
        self._redis: Any = None
        self._task: asyncio.Task[None] | None = None

    async def start(self, *, listen: bool = True) -> None:
        if not self.redis_url:
            return
        from redis.asyncio import Redis

        self._redis = Redis.from_url(self.redis_url)
        if listen:
            self._task = asyncio.create_task(self._listen(), name="safeguard-invalidate-listener")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        if self._redis is not None:
            await self._redis.aclose()

    async def published(self, thread_ids: set[int]) -> None:
        self.cache.invalidate(thread_ids)
        if self._redis is not None:
            try:
                await self._redis.publish(CHANNEL, ",".join(str(t) for t in sorted(thread_ids)))
            except Exception:
                log.exception("could not publish cache invalidation; pages expire after their TTL")

    async def _listen(self) -> None:
        while True:
            try:
                pubsub = self._redis.pubsub()
                await pubsub.subscribe(CHANNEL)
                async for message in pubsub.listen():
                    if message.get("type") == "message":
                        data = message["data"].decode() if isinstance(message["data"], bytes) else message["data"]
                        self.cache.invalidate(int(t) for t in data.split(",") if t)
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("cache invalidation listener lost Redis; retrying in 1 s")
                await asyncio.sleep(1)
