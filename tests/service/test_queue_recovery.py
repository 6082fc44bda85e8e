"""Nothing is lost or decided twice: real PostgreSQL, real Redis, real worker processes killed."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from service.db import make_engine, make_sessionmaker
from service.models import AuditEvent, Submission
from service.pipeline import Pipeline
from tests.conftest import make_settings, running_service, sqlite_url

pytestmark = pytest.mark.anyio
ARTICLE = "/api/v1/sites/demo/threads/welcome"
TEXTS = [
    "Schools need more support staff for children with SEN.",
    "My son Jamie Fraser is 9 and at St Anne's Primary in Bolton; he is on a child protection plan.",
    "You are a pathetic liar and everyone here knows it.",
    "The funding formula punishes councils with the most children in care.",
]


async def _statuses(sessionmaker: Any) -> dict[str, str]:
    async with sessionmaker() as s:
        return dict((await s.execute(select(Submission.id, Submission.status))).all())


async def _decide_events(sessionmaker: Any) -> dict[str, int]:
    async with sessionmaker() as s:
        rows = await s.execute(
            select(AuditEvent.submission_id, func.count())
            .where(AuditEvent.action == "decide")
            .group_by(AuditEvent.submission_id)
        )
        return dict(rows.all())  # type: ignore[arg-type]


def _worker(env: dict[str, str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "service.cli", "worker"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


@pytest.mark.postgres
@pytest.mark.redis
async def test_killed_worker_and_flushed_redis_lose_nothing(pg_url: str, redis_server: Any,
                                                            moderator: Any) -> None:
    n = 240
    settings = make_settings(pg_url, redis_url=redis_server.url, rate_limit_per_minute=0,
                             batch_size=8, batch_wait_ms=20)
    env = {**os.environ, "DATABASE_URL": pg_url, "REDIS_URL": redis_server.url,
           "SAFEGUARD_ENV": "test", "SAFEGUARD_TOXICITY_BACKEND": "embedded",
           "SAFEGUARD_SWEEPER_GRACE_SECONDS": "2", "SAFEGUARD_SWEEPER_INTERVAL_SECONDS": "1",
           "SAFEGUARD_BATCH_SIZE": "8", "SAFEGUARD_LOG_LEVEL": "WARNING"}
    workers: list[subprocess.Popen[bytes]] = []
    async with running_service(settings, moderator) as svc:
        ids = []
        for i in range(n):
            r = await svc.client.post(f"{ARTICLE}/submissions",
                                      json={"author": f"r{i}", "text": f"{TEXTS[i % 4]} ({i})"})
            assert r.status_code == 202, r.text
            ids.append(r.json()["id"])
        sm = svc.state.sessionmaker
        assert set((await _statuses(sm)).values()) == {"received"}

        first = _worker(env)
        workers.append(first)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            done = sum(1 for s in (await _statuses(sm)).values() if s != "received")
            if done >= 8:
                break
            await asyncio.sleep(0.02)
        first.send_signal(signal.SIGKILL)  # mid-batch: its open transaction is rolled back
        first.wait(10)
        redis_server.flushall()  # every queued job is gone too
        remaining = sum(1 for s in (await _statuses(sm)).values() if s == "received")
        assert remaining > 0, "the worker finished everything before it could be killed"

        workers += [_worker(env), _worker(env)]
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            statuses = await _statuses(sm)
            if all(s != "received" for s in statuses.values()):
                break
            await asyncio.sleep(0.25)
        for w in workers:
            if w.poll() is None:
                w.terminate()
        for w in workers:
            try:
                w.wait(15)
            except subprocess.TimeoutExpired:
                w.kill()
        statuses = await _statuses(sm)
        assert sorted(statuses) == sorted(ids)
        assert "received" not in statuses.values(), "a submission was lost"
        assert set(statuses.values()) <= {"published", "held", "rejected"}
        events = await _decide_events(sm)
        assert set(events) == set(ids)
        assert set(events.values()) == {1}, "a submission was decided twice"
        # The same kinds of text got the same decisions whichever worker took them.
        by_text: dict[int, set[str]] = {}
        for i, sid in enumerate(ids):
            by_text.setdefault(i % 4, set()).add(statuses[sid])
        assert by_text[0] == {"published"} and by_text[1] == {"held"}


@pytest.mark.postgres
async def test_two_pipelines_racing_on_the_same_ids_decide_each_once(pg_url: str, moderator: Any) -> None:
    settings = make_settings(pg_url, rate_limit_per_minute=0)
    async with running_service(settings, moderator, start_queue=False) as svc:
        ids = [(await svc.client.post(f"{ARTICLE}/submissions",
                                      json={"author": "a", "text": f"{TEXTS[i % 4]} {i}"})).json()["id"]
               for i in range(40)]
        engine = make_engine(settings)
        try:
            pipelines = [Pipeline(make_sessionmaker(engine), moderator, dialect="postgresql")
                         for _ in range(3)]
            results = await asyncio.gather(*(p.process(ids) for p in pipelines),
                                           *(p.process(list(reversed(ids))) for p in pipelines))
        finally:
            await engine.dispose()
        decided = [sid for r in results for sid in r.decided]
        assert sorted(decided) == sorted(ids)
        events = await _decide_events(svc.state.sessionmaker)
        assert set(events.values()) == {1}


async def test_in_process_restart_picks_up_what_was_left_received(tmp_path: Path, moderator: Any) -> None:
    settings = make_settings(sqlite_url(tmp_path), rate_limit_per_minute=0)
    async with running_service(settings, moderator, start_queue=False) as svc:
        ids = [(await svc.client.post(f"{ARTICLE}/submissions",
                                      json={"author": "a", "text": TEXTS[i % 4]})).json()["id"]
               for i in range(10)]
        assert set((await _statuses(svc.state.sessionmaker)).values()) == {"received"}
    # The process "crashed" with everything received; a new serve process finishes the job.
    async with running_service(settings, moderator) as svc:
        await svc.drain()
        statuses = await _statuses(svc.state.sessionmaker)
        assert sorted(statuses) == sorted(ids) and "received" not in statuses.values()
