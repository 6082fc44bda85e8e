"""arq worker: load ids, call moderation through the pipeline, save; plus the sweeper."""

from __future__ import annotations

import logging
from typing import Any

from service.cache import Invalidator, PageCache
from service.db import make_engine, make_sessionmaker
from service.pipeline import Pipeline
from service.queue import ArqQueue, Batcher, Sweeper
from service.settings import Settings

log = logging.getLogger("safeguard.worker")


async def process_submission(ctx: dict[str, Any], submission_id: str) -> str | None:
    batcher: Batcher = ctx["batcher"]
    return await batcher.submit(submission_id)


async def sweep(ctx: dict[str, Any]) -> int:
    sweeper: Sweeper = ctx["sweeper"]
    return await sweeper.sweep_once()


async def startup(ctx: dict[str, Any]) -> None:
    from service.app import load_moderator

    settings: Settings = ctx.get("settings") or Settings.from_environ()
    assert settings.redis_url, "safeguard worker needs REDIS_URL"
    engine = make_engine(settings)
    invalidator = Invalidator(PageCache(ttl=0), settings.redis_url)
    await invalidator.start(listen=False)
    pipeline = Pipeline(make_sessionmaker(engine), load_moderator(settings),
                        on_published=invalidator.published, dialect=engine.dialect.name)
    queue = ArqQueue(settings.redis_url)
    await queue.start()
    ctx.update(
        engine=engine,
        invalidator=invalidator,
        pipeline=pipeline,
        queue=queue,
        batcher=Batcher(pipeline, size=settings.batch_size, wait_ms=settings.batch_wait_ms),
        sweeper=Sweeper(pipeline, queue, grace=settings.sweeper_grace_seconds,
                        interval=settings.sweeper_interval_seconds),
    )
    for hook in ctx.get("startup_hooks", []):
        await hook(ctx)
    log.info("worker ready")


async def shutdown(ctx: dict[str, Any]) -> None:
    for stop in ctx.get("shutdown_hooks", []):
        await stop()
    await ctx["queue"].stop()
    await ctx["invalidator"].stop()
    await ctx["engine"].dispose()


def worker_settings(settings: Settings) -> type:
    """Build arq's WorkerSettings class for these settings (arq wants a class, not an instance)."""
    from arq import cron
    from arq.connections import RedisSettings

    every = max(1, int(settings.sweeper_interval_seconds))
    seconds = set(range(0, 60, every)) if every < 60 else {0}

    async def startup_with_settings(ctx: dict[str, Any]) -> None:
        from service.app import feature_startup_hooks

        ctx["settings"] = settings
        ctx.setdefault("startup_hooks", feature_startup_hooks())
        await startup(ctx)

    class WorkerSettings:
        functions = [process_submission]
        cron_jobs = [cron(sweep, second=seconds, run_at_startup=True, unique=False)]
        redis_settings = RedisSettings.from_dsn(settings.redis_url or "redis://localhost")
        on_startup = staticmethod(startup_with_settings)
        on_shutdown = staticmethod(shutdown)
        max_jobs = max(64, settings.batch_size * 2)
        job_timeout = 300
        keep_result = 60
        max_tries = 5
        health_check_interval = 5

    return WorkerSettings


def run_worker(settings: Settings) -> None:
    from arq.worker import run_worker as arq_run

    arq_run(worker_settings(settings))  # type: ignore[arg-type]
