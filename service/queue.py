"""Job queues behind one small interface: in-process (embedded default) and arq on Redis."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable, Sequence
from typing import Any, Protocol

from service.pipeline import Pipeline

log = logging.getLogger("safeguard.queue")


class Queue(Protocol):
    async def start(self) -> None: ...

    async def stop(self) -> None: ...

    async def enqueue(self, ids: Sequence[str]) -> None: ...


class Sweeper:
    """Re-enqueues anything still received after a grace period (a lost job loses nothing)."""

    def __init__(self, pipeline: Pipeline, queue: Queue, *, grace: float, interval: float) -> None:
        self.pipeline = pipeline
        self.queue = queue
        self.grace = grace
        self.interval = interval
        self._task: asyncio.Task[None] | None = None

    async def sweep_once(self) -> int:
        ids = await self.pipeline.stale_received(self.grace)
        if ids:
            log.warning("sweeper: re-enqueueing %d submissions still received", len(ids))
            await self.queue.enqueue(ids)
        return len(ids)

    async def _run(self) -> None:
        while True:
            await asyncio.sleep(self.interval)
            try:
                await self.sweep_once()
            except Exception:  # the sweeper must outlive a database blip
                log.exception("sweeper pass failed; will retry")

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="safeguard-sweeper")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task


class InProcessQueue:
    """An asyncio worker inside `safeguard serve`: batches ids and processes them off the loop."""

    def __init__(
        self,
        pipeline: Pipeline,
        *,
        batch_size: int = 32,
        batch_wait_ms: float = 5.0,
        busy: Callable[[], bool] | None = None,
        max_defer: float = 1.0,
    ) -> None:
        self.pipeline = pipeline
        # Scoring shares the CPU with requests: while requests are in flight the worker waits
        # (up to max_defer) so readers are served first, then takes a bigger batch.
        self.busy = busy or (lambda: False)
        self.max_defer = max_defer
        self.batch_size = batch_size
        self.batch_wait = batch_wait_ms / 1000
        self._ids: asyncio.Queue[str] = asyncio.Queue()
        self._queued: set[str] = set()
        self._task: asyncio.Task[None] | None = None
        self._idle = asyncio.Event()
        self._idle.set()

    async def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="safeguard-inprocess-worker")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    async def enqueue(self, ids: Sequence[str]) -> None:
        for sid in ids:
            if sid not in self._queued:
                self._queued.add(sid)
                self._idle.clear()
                self._ids.put_nowait(sid)

    async def drain(self, timeout: float = 30.0) -> None:
        """Wait until everything enqueued so far has been processed (used by tests and shutdown)."""
        await asyncio.wait_for(self._idle.wait(), timeout)

    async def _next_batch(self) -> list[str]:
        batch = [await self._ids.get()]
        deadline = time.monotonic() + self.batch_wait
        while len(batch) < self.batch_size:
            remaining = deadline - time.monotonic()
            try:
                batch.append(self._ids.get_nowait() if remaining <= 0 else
                             await asyncio.wait_for(self._ids.get(), remaining))
            except (asyncio.QueueEmpty, TimeoutError):
                break
        return batch

    async def _yield_to_requests(self) -> None:
        deadline = time.monotonic() + self.max_defer
        while self.busy() and time.monotonic() < deadline:
            await asyncio.sleep(0.005)

    async def _run(self) -> None:
        while True:
            batch = await self._next_batch()
            if self.busy():
                await self._yield_to_requests()
            try:
                await self.pipeline.process(batch)
            except Exception:
                # Left as received: the sweeper retries them after its grace period.
                log.exception("processing a batch of %d failed; the sweeper will retry", len(batch))
            finally:
                self._queued.difference_update(batch)
                if self._ids.empty():
                    self._idle.set()


class ArqQueue:
    """Enqueues ids to arq on Redis; `safeguard worker` processes (any number of them) run them."""

    def __init__(self, redis_url: str) -> None:
        self.redis_url = redis_url
        self.pool: Any = None

    async def start(self) -> None:
        from arq import create_pool
        from arq.connections import RedisSettings

        self.pool = await create_pool(RedisSettings.from_dsn(self.redis_url))

    async def stop(self) -> None:
        if self.pool is not None:
            await self.pool.aclose()

    async def enqueue(self, ids: Sequence[str]) -> None:
        for sid in ids:
            # The job id dedupes a double enqueue of a fresh id; re-enqueues get a unique suffix.
            await self.pool.enqueue_job("process_submission", sid, _job_id=f"sub:{sid}:{time.time_ns()}")


class Batcher:
    """Gathers ids from concurrent arq jobs into one pipeline batch (scorers like batches)."""

    def __init__(self, pipeline: Pipeline, *, size: int, wait_ms: float) -> None:
        self.pipeline = pipeline
        self.size = size
        self.wait = wait_ms / 1000
        self._pending: list[tuple[str, asyncio.Future[str | None]]] = []
        self._timer: asyncio.TimerHandle | None = None
        self._lock = asyncio.Lock()

    async def submit(self, sid: str) -> str | None:
        loop = asyncio.get_running_loop()
        fut: asyncio.Future[str | None] = loop.create_future()
        self._pending.append((sid, fut))
        if len(self._pending) >= self.size:
            self._flush_soon(0)
        elif self._timer is None:
            self._flush_soon(self.wait)
        return await fut

    def _flush_soon(self, delay: float) -> None:
        if self._timer is not None:
            self._timer.cancel()
        loop = asyncio.get_running_loop()
        self._timer = loop.call_later(delay, lambda: asyncio.ensure_future(self._flush()))

    async def _flush(self) -> None:
        self._timer = None
        batch, self._pending = self._pending, []
        if not batch:
            return
        async with self._lock:
            try:
                stats = await self.pipeline.process([sid for sid, _ in batch])
            except Exception as exc:
                for _, fut in batch:
                    if not fut.done():
                        fut.set_exception(exc)
                return
        for sid, fut in batch:
            if not fut.done():
                fut.set_result(stats.decided.get(sid))
