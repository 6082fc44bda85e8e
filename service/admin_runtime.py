"""Startup wiring of the owner-admin features: decision/report hooks and the outbox loop.

The outbox is the database: webhook deliveries and e-mails are rows that a loop polls and sends,
so nothing is lost on a restart. `safeguard serve` runs the loop itself in the embedded setup;
with REDIS_URL every `safeguard worker` runs it (rows are leased, so workers never double-send).

Environment: SAFEGUARD_OUTBOX_POLL_SECONDS (2), SAFEGUARD_WEBHOOK_BACKOFF_SECONDS (30),
SAFEGUARD_WEBHOOK_MAX_ATTEMPTS (12), SAFEGUARD_WEBHOOK_ALLOW_PRIVATE (1, but 0 when SAFEGUARD_ENV is
production: webhooks then need https to public addresses), SAFEGUARD_RETENTION_INTERVAL_SECONDS (3600), SMTP: see
service.admin_notify.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from service import admin_notify, admin_webhooks
from service.admin_dataprotection import run_retention
from service.admin_webhooks import RetryPolicy

log = logging.getLogger("safeguard.outbox")


def _num(env: Mapping[str, str], name: str, default: float) -> float:
    raw = env.get(name)
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise ValueError(f"{name}={raw!r} is not a number; use e.g. {default}") from None
    if value <= 0:
        raise ValueError(f"{name} must be above 0")
    return value


@dataclass(frozen=True)
class AdminConfig:
    poll_seconds: float = 2.0
    retry: RetryPolicy = field(default_factory=RetryPolicy)
    retention_interval: float = 3600.0
    smtp: admin_notify.SmtpConfig = field(default_factory=admin_notify.SmtpConfig)

    @classmethod
    def from_environ(cls, env: Mapping[str, str] | None = None) -> AdminConfig:
        env = os.environ if env is None else env
        allow = env.get("SAFEGUARD_WEBHOOK_ALLOW_PRIVATE") or (
            "0" if env.get("SAFEGUARD_ENV") == "production" else "1")
        retry = RetryPolicy(base_seconds=_num(env, "SAFEGUARD_WEBHOOK_BACKOFF_SECONDS", 30.0),
                            max_attempts=int(_num(env, "SAFEGUARD_WEBHOOK_MAX_ATTEMPTS", 12)),
                            allow_private=allow.lower() in ("1", "true", "yes", "on"))
        return cls(poll_seconds=_num(env, "SAFEGUARD_OUTBOX_POLL_SECONDS", 2.0), retry=retry,
                   retention_interval=_num(env, "SAFEGUARD_RETENTION_INTERVAL_SECONDS", 3600.0),
                   smtp=admin_notify.SmtpConfig.from_environ(env))


class Outbox:
    """Polls the database for due webhook deliveries and e-mails; runs retention now and then."""

    def __init__(self, sessionmaker: async_sessionmaker[AsyncSession], settings: Any, config: AdminConfig) -> None:
        self.sessionmaker = sessionmaker
        self.settings = settings
        self.config = config
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._client: Any = None
        self._last_retention = 0.0

    def wake(self) -> None:
        self._wake.set()

    async def run_once(self) -> int:
        """One pass; returns how many deliveries and e-mails were attempted."""
        if self._client is None:
            import httpx

            self._client = httpx.AsyncClient(follow_redirects=False)
        done = await admin_webhooks.deliver_due(self.sessionmaker, self.settings.secret_key,
                                                self.config.retry, self._client)
        done += await admin_notify.send_due(self.sessionmaker, self.config.smtp, self.config.retry,
                                            self.settings.secret_key)
        if time.monotonic() - self._last_retention >= self.config.retention_interval:
            self._last_retention = time.monotonic()
            async with self.sessionmaker() as session:
                results = await run_retention(session)
                await session.commit()
            for line in results:
                if line["rejected"] or line["claims"]:
                    log.info("retention on %s: %s", line["site"], line)
        return done

    async def _run(self) -> None:
        while True:
            try:
                busy = await self.run_once()
            except Exception:  # a database blip must not stop deliveries for good
                log.exception("outbox pass failed; will retry")
                busy = 0
            if busy:
                continue
            self._wake.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), self.config.poll_seconds)

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="safeguard-outbox")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        if self._client is not None:
            await self._client.aclose()


DecidedHook = Callable[[list[dict[str, Any]]], Awaitable[None]]


def allow_private(extras: Any) -> bool:
    config = extras.get("admin_config") if isinstance(extras, dict) else None
    return True if config is None else bool(config.retry.allow_private)


def decided_hook(sessionmaker: async_sessionmaker[AsyncSession], settings: Any, config: AdminConfig,
                 outbox: Outbox | None, previous: DecidedHook | None) -> DecidedHook:
    async def on_decided(events: list[dict[str, Any]]) -> None:
        if previous is not None:
            await previous(events)
        try:
            async with sessionmaker() as session:
                queued = await admin_webhooks.queue_decisions(session, events)
                if config.smtp.enabled:
                    queued += await admin_notify.queue_for_decisions(
                        session, events, public_url=settings.public_url, secret_key=settings.secret_key)
                await session.commit()
        except Exception:  # the decisions are saved; a missed event must not undo them
            log.exception("could not queue webhooks/e-mail for %d decisions", len(events))
            return
        if queued and outbox is not None:
            outbox.wake()

    return on_decided


async def start(state: Any) -> None:
    """Called at startup of `safeguard serve` (an AppState) and of an arq worker (its ctx dict)."""
    from service.db import make_sessionmaker

    config = AdminConfig.from_environ()
    if isinstance(state, dict):  # arq worker
        settings, pipeline = state["settings"], state["pipeline"]
        sessionmaker = make_sessionmaker(state["engine"])
        extras: dict[str, Any] = state
        run_loop = True
    else:
        settings, pipeline, sessionmaker, extras = state.settings, state.pipeline, state.sessionmaker, state.extras
        run_loop = not settings.redis_url
    outbox = Outbox(sessionmaker, settings, config) if run_loop else None
    pipeline.on_decided = decided_hook(sessionmaker, settings, config, outbox, pipeline.on_decided)

    async def on_report(submission_id: str, site_id: int, reason: str, count: int) -> None:
        try:
            async with sessionmaker() as session:
                queued = await admin_webhooks.queue_report(session, submission_id, site_id, reason, count)
                await session.commit()
        except Exception:
            log.exception("could not queue report.created for %s", submission_id)
            return
        if queued and outbox is not None:
            outbox.wake()

    extras.setdefault("report_hooks", []).append(on_report)
    extras["admin_config"] = config
    if outbox is not None:
        outbox.start()
        extras["outbox"] = outbox
        extras.setdefault("shutdown_hooks", []).append(outbox.stop)
